"""A found expression's "X is used instead of Y" says both by symbol and by role (diag18's rule, for the
last fallback too): Z[l] itself where the ReLU's 0/1 slope belongs is said as "the linear output ... the
ReLU's slope (1 where Z > 0, 0 elsewhere)"."""
import numpy as np

from dlkit.checks import check


def test_Z_itself_where_the_relu_slope_belongs_is_said_by_role():
    def relu_backward(dA, Z):
        keep = Z > 0            # computed, then not used
        dZ = np.multiply(dA, Z)
        return dZ

    r = check("relu_backward", relu_backward)
    assert not r.passed, str(r)
    # (the unused keep is said first, unused.py; the found expression, by role, follows)
    assert any("Z[l], the linear output, is used instead of (Z[l] > 0), the ReLU's slope (1 where Z > 0, 0 elsewhere)"
               in h for h in r.hints), str(r)


def test_the_right_mask_written_as_a_product_of_booleans_passes():
    def relu_backward(dA, Z):
        dZ = dA * (Z > 0) * 1.0
        return dZ

    assert check("relu_backward", relu_backward).passed
