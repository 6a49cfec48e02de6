"""Build submission notebooks for the grader tests (with nbformat), right and hostile.

A submission is the 02_forward_propagation assignment: five functions. Each
hostile variant replaces one of them (usually ``relu``) and keeps the other
four right, so a test can check that the harm is charged to that exercise only.
"""
from __future__ import annotations

import json
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
                      None, {"crashed"}),
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


def isolation_facts():
    """What the sandbox set up on this machine (namespaces need root and a kernel that allows them)."""
    from dlkit.course.grade import isolation

    iso = isolation()
    return {"root": iso.root and iso.setuid_nobody, "netns": iso.network_namespace, "private_tmp": iso.private_tmp,
            "pidns": iso.pid_namespace, "mountns": iso.mount_namespace}


# hostile case -> the isolation it relies on (skipped with that reason where the machine lacks it)
NEEDS = {"kill_parent": "root", "write_repo": "root", "read_gradebook": "root", "read_seed_file": "root",
         "write_tmp": "private_tmp", "network": "netns", "read_instructor_notebook": "mountns",
         "signal_grader": "pidns"}
