"""Build submission notebooks for the grader tests (with nbformat), right and hostile.

A submission is the 02_forward_propagation assignment: five functions. Each
hostile variant replaces one of them (usually ``relu``) and keeps the other
four right, so a test can check that the harm is charged to that exercise only.
"""
from __future__ import annotations

import json
import os
import shutil
import textwrap

import nbformat

ASSIGNMENT = "02_forward_propagation"
EXERCISES = ["linear_forward", "sigmoid", "relu", "linear_activation_forward", "model_forward"]
MAX = {"linear_forward": 2, "sigmoid": 1, "relu": 1, "linear_activation_forward": 2, "model_forward": 2}

RIGHT = {
    "linear_forward": """
        def linear_forward(A_prev, W, b):
            Z = W @ A_prev + b            # Z[l] = W[l] A[l-1] + b[l]
            return Z, (A_prev, W, b)
    """,
    "sigmoid": """
        def sigmoid(Z):
            return 1 / (1 + np.exp(-Z))
    """,
    "relu": """
        def relu(Z):
            return np.maximum(0, Z)
    """,
    "linear_activation_forward": """
        def linear_activation_forward(A_prev, W, b, activation):
            Z, linear_cache = linear_forward(A_prev, W, b)
            A = sigmoid(Z) if activation == "sigmoid" else relu(Z)
            return A, (linear_cache, Z)
    """,
    "model_forward": """
        def model_forward(X, parameters):
            caches = []
            A = X
            L = len(parameters) // 2
            for l in range(1, L):
                A, cache = linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)], "relu")
                caches.append(cache)
            AL, cache = linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)], "sigmoid")
            caches.append(cache)
            return AL, caches
    """,
}

STUB = """
    def {name}(*args):
        # YOUR CODE HERE
        raise NotImplementedError()
"""


def code(src: str) -> str:
    return textwrap.dedent(src).strip() + "\n"


def notebook(functions: dict | None = None, *, preamble="import numpy as np", extra_cells=(), minor=5,
             assignment=ASSIGNMENT, split=False) -> str:
    """A submission notebook's JSON text: one cell per function (right ones unless replaced)."""
    functions = {**RIGHT, **(functions or {})}
    cells = [nbformat.v4.new_markdown_cell("# Forward propagation"), nbformat.v4.new_code_cell(preamble),
             nbformat.v4.new_code_cell("from dlkit.checks import check")]
    for name in EXERCISES:
        src = functions.get(name)
        if src is None:
            continue  # the learner deleted this cell
        cell = nbformat.v4.new_code_cell(code(src))
        cell.metadata = {"nbgrader": {"grade_id": name, "solution": True, "grade": False, "locked": False,
                                      "schema_version": 3}, "dlkit": {"exercise": name}}
        cells.append(cell)
        cells.append(nbformat.v4.new_code_cell(f'check("{name}", {name})'))
    cells += [nbformat.v4.new_code_cell(code(c)) for c in extra_cells]
    nb = nbformat.v4.new_notebook(cells=cells)
    nb.nbformat_minor = minor
    nb.metadata["dlkit"] = {"assignment": assignment, "exercises": list(EXERCISES)}
    if minor < 5:  # cell ids arrived in nbformat 4.5
        for cell in nb.cells:
            cell.pop("id", None)
    return json.dumps(nb, indent=1)


def sigmoid_doing(body: str) -> dict:
    """A submission whose sigmoid runs ``body`` (hostile code) instead of the formula."""
    return {"sigmoid": "def sigmoid(Z):\n" + textwrap.indent(code(body), "    ")}


# name -> (functions replaced, preamble, expected sigmoid status(es), expected sigmoid points)
# Every hostile case targets sigmoid; linear_forward (graded before it) and relu
# (graded after it, in a fresh child when sigmoid killed the first one) must keep full marks.
HOSTILE = {
    "infinite_loop": (sigmoid_doing("while True:\n    pass"), None, {"timeout"}),
    "memory_bomb": (sigmoid_doing("blocks = []\nwhile True:\n    blocks.append(bytearray(10**8))"), None,
                    {"crashed", "timeout"}),  # MemoryError on every case: may use up the time too
    "fork_bomb": (sigmoid_doing("import os\nwhile True:\n    os.fork()"), None, {"crashed"}),
    "thread_bomb": (sigmoid_doing("import threading\nwhile True:\n    threading.Thread(target=sum, args=([],)).start()"),
                    None, {"crashed"}),
    "sys_exit": (sigmoid_doing("import sys\nsys.exit(0)"), None, {"crashed"}),
    "os_exit": (sigmoid_doing("import os\nos._exit(0)"), None, {"crashed"}),
    "segfault": (sigmoid_doing("import ctypes\nctypes.string_at(0)"), None, {"crashed"}),
    "kill_parent": (sigmoid_doing("import os, signal\nos.kill(os.getppid(), signal.SIGKILL)\n"
                                  "os.kill(1, signal.SIGKILL)\nreturn 1 / (1 + np.exp(-Z))"), None, {"crashed"}),
    "huge_print": (sigmoid_doing("for _ in range(200):\n    print('x' * 10**6)\nreturn 1 / (1 + np.exp(-Z))"),
                   None, {"graded"}),  # noise is dropped; the right answer still counts
    "huge_fd_write": (sigmoid_doing("import os\nos.write(1, b'x' * 10**8)\nreturn 1 / (1 + np.exp(-Z))"),
                      None, {"crashed", "timeout"}),  # 100 MB built per call: on a loaded machine, time runs out too
    "huge_return": (sigmoid_doing("return np.ones((30000, 30000))"), None, {"crashed"}),
    "patch_checker_numpy_builtins": (sigmoid_doing(
        "import builtins, dlkit.checks\n"
        "np.allclose = lambda *a, **k: True\nnp.isclose = lambda *a, **k: True\n"
        "np.array_equal = lambda *a, **k: True\nbuiltins.isinstance = lambda *a: True\n"
        "dlkit.checks.check = lambda *a, **k: 'passed'\ndlkit.checks.plain = lambda x: x\nreturn Z"),
        None, {"graded", "crashed"}),
    "always_equal_object": ({"sigmoid": """
        class Always:
            shape = (1, 1)
            def __eq__(self, other):
                return True
            def __ne__(self, other):
                return False
            def __array__(self, *args, **kwargs):
                raise RuntimeError("no")
        def sigmoid(Z):
            return Always()
    """}, None, {"graded"}),
    "ndarray_subclass": ({"sigmoid": """
        class Sneaky(np.ndarray):
            def __eq__(self, other):
                return np.ones(self.shape, dtype=bool)
        def sigmoid(Z):
            return np.asarray(Z).view(Sneaky)
    """}, None, {"graded"}),
    "matrix_subclass": (sigmoid_doing("return np.matrix(1 / (1 + np.exp(-Z)))"), None, {"graded"}),
    "delegate_import": ({"sigmoid": None}, "import numpy as np\nfrom dlkit import sigmoid", {"flagged"}),
    "delegate_call": (sigmoid_doing("return dlkit.sigmoid(Z)"), "import numpy as np\nimport dlkit", {"flagged"}),
    "delegate_alias": (sigmoid_doing("return ref(Z)"), "import numpy as np\nfrom dlkit.activations import sigmoid as ref",
                       {"flagged"}),
    "delegate_hidden": (sigmoid_doing("import importlib\nmod = importlib.import_module('dl' + 'kit.activations')\n"
                                      "return getattr(mod, 'sig' + 'moid')(Z)"), None, {"flagged"}),
    "delegate_getattr": (sigmoid_doing("import dlkit.activations as a\nreturn getattr(a, 'sig' + 'moid')(Z)"),
                         None, {"flagged"}),
}

# Cases whose code needs a path or port filled in by the test (str.format fields).
PROBING = {
    "read_gradebook": (sigmoid_doing("return open({gradebook!r}, 'rb').read()"), None, {"crashed"}),
    "read_seed_file": (sigmoid_doing("return open({seed_file!r}).read()"), None, {"crashed"}),
    "write_repo": (sigmoid_doing("open({repo_file!r}, 'w').write('x')\nreturn 1 / (1 + np.exp(-Z))"), None, {"crashed"}),
    "write_tmp": (sigmoid_doing("open({tmp_file!r}, 'w').write('x')\nreturn 1 / (1 + np.exp(-Z))"), None, {"graded"}),
    "read_instructor_notebook": (sigmoid_doing("return open({instructor!r}).read()"), None, {"crashed"}),
    "signal_grader": (sigmoid_doing("import os, signal\nos.kill({grader_pid}, signal.SIGKILL)\n"
                                    "return 1 / (1 + np.exp(-Z))"), None, {"crashed"}),
    "network": (sigmoid_doing("import socket\nsocket.create_connection(('127.0.0.1', {port}), timeout=1)\n"
                              "return 1 / (1 + np.exp(-Z))"), None, {"crashed"}),
}


def secrets_dir(traversable: bool = False) -> str:
    """A fresh folder for a gradebook and seed that is not under /tmp, /var/tmp or /dev/shm.

    (The children get private ones of those, so hiding there would prove nothing.) Root uses
    its home; another user the folder in $DLKIT_TEST_SECRETS (the Makefile's unprivileged
    run makes one), else its home. ``traversable``: somewhere every user could reach (as root
    /var/lib rather than /root, mode 700), so only the sandbox's hiding keeps a child out.
    """
    import tempfile

    if os.geteuid() == 0:
        base = "/var/lib" if traversable else None
    else:
        base = os.environ.get("DLKIT_TEST_SECRETS")
    return tempfile.mkdtemp(dir=base or os.path.expanduser("~"))


REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def instructor_with(stem: str, source: str) -> str:
    """The instructor notebook of ``stem`` (full marks) with one more cell that redefines an exercise."""
    with open(os.path.join(REPO, "notebooks", "instructor", f"{stem}.ipynb"), encoding="utf-8") as f:
        nb = nbformat.read(f, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell(code(source)))
    return nbformat.writes(nb)


# The attacks of issue 13 on dlkit's reference inside the sandbox: (assignment, cheated exercise, code).
# Each must get 0 points for the cheated exercise; the assignment's other exercises keep full marks.
REFERENCE_ATTACKS = {
    "unwrap_getattr": ("04_backward_propagation", "linear_backward", """
        import dlkit
        def linear_backward(dZ, cache):
            return getattr(dlkit, "linear_" + "backward").__wrapped__(dZ, cache)
    """),
    "private_helper_backward": ("04_backward_propagation", "linear_backward", """
        import dlkit
        def linear_backward(dZ, cache):
            A_prev, W, b = cache
            return dlkit.layers._linear_backward(dZ, A_prev, W, True)
    """),
    "other_graded_exercise": ("04_backward_propagation", "linear_backward", """
        import dlkit
        import numpy as np
        def linear_backward(dZ, cache):
            return dlkit.linear_activation_backward(dZ, (cache, np.ones_like(dZ)), "relu")
    """),
    "sys_modules_model_backward": ("05_model_backward", "model_backward", """
        import sys
        import dlkit
        def model_backward(AL, Y, caches):
            return vars(sys.modules["dlkit.mo" + "del"])["model_" + "backward"].__wrapped__(AL, Y, caches)
    """),
    "sys_modules_model_forward": ("02_forward_propagation", "model_forward", """
        import sys
        import dlkit
        def model_forward(X, parameters):
            return vars(sys.modules["dlkit.mo" + "del"])["model_" + "forward"].__wrapped__(X, parameters)
    """),
    "private_helper_forward": ("02_forward_propagation", "linear_forward", """
        import dlkit
        def linear_forward(A_prev, W, b):
            return dlkit.layers._linear_forward(A_prev, W, b), (A_prev, W, b)
    """),
    "frames_and_gc": ("02_forward_propagation", "sigmoid", """
        import gc, sys
        def sigmoid(Z):
            # look for anything of the judge's or the reference's: the tripwire, a spec, a wrapped function
            for obj in gc.get_objects():
                for attr in ("__wrapped__", "_Tripwire", "SPECS"):
                    try:
                        found = getattr(obj, attr, None)
                    except Exception:
                        found = None
                    if callable(found):
                        return found(Z)
            frame = sys._getframe()
            while frame is not None:
                for value in list(frame.f_globals.values()) + list(frame.f_locals.values()):
                    if type(value).__name__ == "_Tripwire":
                        return Z
                frame = frame.f_back
            raise RuntimeError("nothing to steal")
    """),
}

# Reads the gradebook path from /proc/*/cmdline (and the given path), the seed, and installs an
# SQLite trigger that would give every row full points. Filled in with str.format by the test.
GRADEBOOK_ATTACK = """
    import os
    def sigmoid(Z):
        paths = [{gradebook!r}]
        for pid in os.listdir("/proc"):
            try:
                args = open(f"/proc/{{pid}}/cmdline", "rb").read().split(b"\\0")
            except OSError:
                continue
            if b"--gradebook" in args:
                paths.append(args[args.index(b"--gradebook") + 1].decode())
        seed = open({seed_file!r}).read()
        import sqlite3
        conn = sqlite3.connect(paths[-1])
        conn.execute("CREATE TRIGGER pwn AFTER INSERT ON grades BEGIN "
                     "UPDATE grades SET points = max_points WHERE rowid = NEW.rowid; END")
        conn.commit()
        return Z * 0 + float(seed[:3])
"""


def grade_notebooks(tmp_dir, notebooks: dict, seed: int, timeout: float = 5.0) -> dict:
    """Grade ``{learner: notebook JSON}`` as one batch of ASSIGNMENT (two workers, secrets hidden);
    returns the gradebook's rows as ``{learner: {exercise: row}}``."""
    from dlkit.course import gradebook as gb
    from dlkit.course.grade import grade_all

    secret_dir = secrets_dir()
    folder = os.path.join(os.fspath(tmp_dir), ASSIGNMENT)
    os.makedirs(folder)
    for learner, text in notebooks.items():
        with open(os.path.join(folder, f"{learner}.ipynb"), "w") as f:
            f.write(text)
    book = os.path.join(secret_dir, "class.sqlite")
    grade_all([os.fspath(tmp_dir)], book, workers=2, timeout=timeout, seed=seed, progress=False, hide=[secret_dir])
    conn = gb.connect(book)
    rows = {}
    for r in gb.rows(conn):
        rows.setdefault(r["learner"], {})[r["exercise"]] = r
    conn.close()
    shutil.rmtree(secret_dir, ignore_errors=True)
    return rows
