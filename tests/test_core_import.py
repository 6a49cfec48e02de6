"""`import dlkit` stays numpy-only, and every lecture equation is quoted where it is implemented."""
from __future__ import annotations

import inspect
import json
import subprocess
import sys
from pathlib import Path

import pytest

import dlkit

ROOT = Path(__file__).resolve().parents[1]
HEAVY = ["matplotlib", "h5py", "tqdm", "torch", "nbformat", "nbclient", "IPython", "ipywidgets",
         "scipy", "pandas", "sklearn", "dask", "jupyter_client", "hypothesis", "pytest"]


def test_import_dlkit_loads_numpy_and_nothing_heavier():
    """A fresh interpreter: after `import dlkit`, none of the heavy packages is in sys.modules."""
    code = (
        "import sys, json; import dlkit; "
        f"print(json.dumps([m for m in {HEAVY!r} if m in sys.modules] + ['numpy' if 'numpy' in sys.modules else '']))"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    loaded = json.loads(out.stdout)
    assert loaded[-1] == "numpy", "dlkit should import numpy"
    assert loaded[:-1] == [], f"`import dlkit` also imported {loaded[:-1]}"


def test_train_loads_tqdm_only_when_a_progress_bar_is_asked_for():
    code = (
        "import sys, numpy as np, dlkit; "
        "X = np.array([[0.0, 1.0]]); Y = np.array([[0, 1]]); "
        "dlkit.train(X, Y, [1, 1], num_iterations=2, progress=False); "
        "print('tqdm' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# The lecture's equations, each with the function whose docstring quotes it.
# README.md's table is checked against this list, so the two stay in step.
EQUATIONS = [
    ("Z[l] = W[l] A[l-1] + b[l]", "linear_forward"),
    ("A[l] = g[l](Z[l])", "linear_activation_forward"),
    ("A[0] = X", "model_forward"),
    ("dZ[l] = dA[l] * g[l]'(Z[l])", "linear_activation_backward"),
    ("dW[l] = 1/m dZ[l] A[l-1]^T", "linear_backward"),
    ("db[l] = 1/m sum(dZ[l], axis=1, keepdims=True)", "linear_backward"),
    ("dA[l-1] = W[l]^T dZ[l]", "linear_backward"),
    ("dZ[l] = W[l+1]^T dZ[l+1] * g[l]'(Z[l])", "model_backward"),
    ("dA[L] = -(Y / AL) + (1 - Y) / (1 - AL)", "cost_backward"),
    ("J = -1/m sum(Y log(AL) + (1 - Y) log(1 - AL))", "compute_cost"),
    ("W[l] := W[l] - alpha dW[l]", "update_parameters"),
    ("A = sigmoid(Z) = 1 / (1 + exp(-Z))", "sigmoid"),
    ("A = relu(Z) = max(0, Z)", "relu"),
]


@pytest.mark.parametrize("equation, function", EQUATIONS, ids=[e for e, _ in EQUATIONS])
def test_each_equation_is_quoted_in_its_functions_docstring(equation, function):
    doc = inspect.getdoc(getattr(dlkit, function))
    assert equation in doc, f"{function}'s docstring should quote {equation!r}"


def test_readme_table_maps_each_equation_to_its_function():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = [line for line in readme.splitlines() if line.startswith("| `")]
    for equation, function in EQUATIONS:
        assert any(f"`{equation}`" in row and f"`{function}`" in row for row in rows), (equation, function)
