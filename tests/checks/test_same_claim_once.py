"""A wrong output that is one lecture expression on every case, and whose first wrong line the tracer
finds too, is said once: the every-case finding, with the learner's line under it, not a second
finding repeating "X is used instead of Y". Forms found in no held-out round."""
import pytest

from dlkit.checks import check

from .notebook import notebook

SOURCES = {
    "mask made, Z used": ("relu_backward", """
        import numpy as np
        def relu_backward(dA, Z):
            slope = (Z > 0).astype(float)
            dZ = np.multiply(dA, Z)
            return dZ
        """, "dZ = np.multiply(dA, Z)"),
    "a copy, then Z": ("relu_backward", """
        import numpy as np
        def relu_backward(dA, Z):
            dZ = np.array(dA, copy=True)
            dZ = dZ * Z
            return dZ
        """, "dZ = dZ * Z"),
}


def _load(tmp_path, name, text):
    return notebook(text)[name]


@pytest.mark.parametrize("form", SOURCES)
def test_one_claim_is_said_once_with_its_line(tmp_path, form):
    name, text, line = SOURCES[form]
    r = check(name, _load(tmp_path, name, text))
    assert not r.passed
    report = str(r)
    claims = [f.hint for f in r.findings if "is used instead of" in f.hint]
    assert len(claims) == 1, report                    # said once
    assert line in report, report                      # with the learner's line
    assert not any(f.id.endswith("first_wrong_line") for f in r.findings), report


def test_right_code_still_passes(tmp_path):
    text = """
        import numpy as np
        def relu_backward(dA, Z):
            return dA * (Z > 0)
        """
    assert check("relu_backward", _load(tmp_path, "relu_backward", text)).passed
