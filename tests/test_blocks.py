"""dlkit.course.blocks: the learner's own blocks, collected from their saved notebooks.

Each test writes a folder of notebooks the way a learner leaves them (the
released student notebooks with some exercise cells filled in, moved,
duplicated or broken) and checks what collect() finds, says and uses.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import nbformat
import numpy as np
import pytest

import dlkit
from dlkit.course.blocks import collect

REPO = Path(__file__).resolve().parents[1]
INSTRUCTOR = REPO / "notebooks" / "instructor"
STUDENT = REPO / "notebooks" / "student"
FOR_TRAINING = ["initialize_parameters", "model_forward", "compute_cost", "model_backward"]


def _solution(name: str) -> str:
    for path in sorted(INSTRUCTOR.glob("*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            if cell.metadata.get("dlkit", {}).get("exercise") == name:
                return cell.source
    raise LookupError(name)


def _learner_folder(tmp_path: Path, solved=(), replace=None) -> Path:
    """Student notebooks in tmp_path with the exercises in ``solved`` filled in with the solution
    and those in ``replace`` ({name: source}) filled in with that source."""
    replace = dict(replace or {})
    folder = tmp_path / "course"
    folder.mkdir()
    for path in sorted(STUDENT.glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        for cell in nb.cells:
            name = cell.metadata.get("dlkit", {}).get("exercise")
            if name in replace:
                cell.source = replace[name]
            elif name in solved:
                cell.source = _solution(name)
        nbformat.write(nb, folder / path.name)
    return folder


def _edit(folder: Path, file: str, edit):
    path = folder / file
    nb = nbformat.read(path, as_version=4)
    edit(nb)
    nbformat.write(nb, path)


ALL = ["initialize_parameters", "linear_forward", "sigmoid", "relu", "linear_activation_forward", "model_forward",
       "compute_cost", "linear_backward", "relu_backward", "sigmoid_backward", "linear_activation_backward",
       "model_backward"]

WRONG_RELU = '''\
def relu(Z):
    """The mask the wrong way round."""
    return np.where(Z > 0, 0, Z)
'''


def _inputs():
    rng = np.random.RandomState(0)
    X = rng.randn(4, 5)
    parameters = dlkit.initialize_parameters([4, 3, 2, 1], seed=2)
    Y = (rng.rand(1, 5) > 0.5).astype(float)
    return X, parameters, Y


def test_the_instructor_solutions_are_all_the_learners_and_pass():
    blocks = collect(FOR_TRAINING, INSTRUCTOR)
    assert [b.name for b in blocks] == ALL   # the blocks they call come too, in the course's order
    assert blocks.all_yours
    text = str(blocks)
    assert "All 12 blocks are yours and pass their checkpoints." in text
    for name in ALL:
        assert blocks[name] is not getattr(dlkit, name)
    X, parameters, Y = _inputs()
    AL, caches = blocks["model_forward"](X, parameters)
    np.testing.assert_allclose(AL, dlkit.model_forward(X, parameters)[0], rtol=1e-12)


def test_fresh_student_notebooks_get_the_reference_for_every_block_and_say_so(tmp_path):
    blocks = collect(FOR_TRAINING, _learner_folder(tmp_path))
    assert not blocks.all_yours
    for name in ALL:
        assert blocks[name] is getattr(dlkit, name)
        assert blocks.blocks[name].state == "not_written"
    text = str(blocks)
    assert "0 of 12 blocks are yours" in text
    assert "- relu: yours still raises NotImplementedError. Fix it in 02_forward_propagation.ipynb" in text


def test_one_failing_block_is_named_and_replaced_for_that_block_only(tmp_path):
    folder = _learner_folder(tmp_path, solved=ALL, replace={"relu": WRONG_RELU})
    blocks = collect(FOR_TRAINING, folder)
    relu = blocks.blocks["relu"]
    assert relu.state == "failing" and blocks["relu"] is dlkit.relu
    assert not relu.result.passed and relu.result.mistakes
    assert relu.why.startswith("yours fails its checkpoint (0/1): ") and relu.result.hints[0] in relu.why
    assert relu.why in str(blocks)
    others = [b for b in blocks if b.name != "relu"]
    assert all(b.yours for b in others), str(blocks)
    # The learner's own linear_activation_forward and model_forward now call dlkit's relu.
    X, parameters, Y = _inputs()
    AL, caches = blocks["model_forward"](X, parameters)
    np.testing.assert_allclose(AL, dlkit.model_forward(X, parameters)[0], rtol=1e-12)
    assert blocks["model_forward"].__globals__["relu"] is dlkit.relu
    assert "11 of 12 blocks are yours" in str(blocks)


def test_blocks_are_linked_across_notebooks(tmp_path):
    """model_backward (notebook 5) calls the learner's linear_activation_backward of notebook 4,
    not the dlkit one notebook 5 imports."""
    counted = _solution("linear_activation_backward").replace(
        "def linear_activation_backward(dA, cache, activation):",
        "CALLS = []\n\n\ndef linear_activation_backward(dA, cache, activation):\n    CALLS.append(activation)", 1)
    assert "CALLS.append" in counted
    folder = _learner_folder(tmp_path, solved=ALL, replace={"linear_activation_backward": counted})
    blocks = collect(["model_backward"], folder)
    assert blocks.all_yours, str(blocks)
    mine = blocks["linear_activation_backward"]
    assert blocks["model_backward"].__globals__["linear_activation_backward"] is mine
    mine.__globals__["CALLS"].clear()
    X, parameters, Y = _inputs()
    AL, caches = dlkit.model_forward(X, parameters)
    grads = blocks["model_backward"](AL, Y, caches)
    assert mine.__globals__["CALLS"] == ["sigmoid", "relu", "relu"]
    np.testing.assert_allclose(grads["dW1"], dlkit.model_backward(AL, Y, caches)["dW1"], rtol=1e-10)


def test_moved_duplicated_and_demo_cells_are_tolerated(tmp_path):
    folder = _learner_folder(tmp_path, solved=ALL)

    def shuffle(nb):
        cells = nb.cells
        index = next(i for i, c in enumerate(cells) if c.metadata.get("dlkit", {}).get("exercise") == "model_forward")
        moved = cells.pop(index)
        stub = nbformat.v4.new_code_cell("def model_forward(X, parameters):\n    raise NotImplementedError()")
        demo = nbformat.v4.new_code_cell("raise RuntimeError('a demo cell that must never run')")
        # an old stub first, the real one moved to the very end (last definition wins), a crashing demo
        nb.cells = [stub] + cells + [demo, moved]

    _edit(folder, "02_forward_propagation.ipynb", shuffle)
    blocks = collect(["model_forward"], folder)
    assert blocks.blocks["model_forward"].yours, str(blocks)


def test_missing_broken_handed_off_and_unreadable(tmp_path):
    folder = _learner_folder(tmp_path, solved=ALL, replace={
        "compute_cost": "def compute_cost(AL, Y):\n    return -np.mean(Y * np.log(AL)\n",       # syntax error
        "sigmoid": "from dlkit import sigmoid\n",                                             # handed off
        "relu_backward": "def relu_backward_v2(dA, Z):\n    return dA * (Z > 0)\n",           # wrong name
    })
    (folder / "01_notation_and_shapes.ipynb").write_text("{ not json")
    (folder / "05_model_backward.ipynb").unlink()
    blocks = collect(FOR_TRAINING, folder)
    states = {b.name: b.state for b in blocks}
    assert states["compute_cost"] == "broken"
    assert states["sigmoid"] == "handed_off"
    assert states["relu_backward"] == "missing"
    assert states["initialize_parameters"] == "missing"
    assert states["model_backward"] == "missing"
    assert states["linear_backward"] == "yours"
    text = str(blocks)
    assert "SyntaxError" in text and "01_notation_and_shapes.ipynb could not be read" in text
    assert "no notebook in this folder has the exercise model_backward" in text
    assert "no function relu_backward was found in 04_backward_propagation.ipynb" in text
    for name in ("compute_cost", "sigmoid", "relu_backward", "initialize_parameters", "model_backward"):
        assert blocks[name] is getattr(dlkit, name)


def test_collect_checks_its_arguments(tmp_path):
    with pytest.raises(TypeError, match="collect: names must be a list"):
        collect("model_forward", tmp_path)
    with pytest.raises(ValueError, match="collect: 'softmax' is not a block of the course"):
        collect(["softmax"], tmp_path)
    with pytest.raises(ValueError, match="collect: folder .* is not a folder"):
        collect(["relu"], tmp_path / "nowhere")
    with pytest.raises(ValueError, match="collect: time_limit must be"):
        collect(["relu"], tmp_path, time_limit=0)
    blocks = collect(["relu"], tmp_path)   # an empty folder: the reference, said plainly
    with pytest.raises(KeyError, match="no block 'sigmoid' was collected"):
        blocks["sigmoid"]


def test_import_dlkit_stays_light_with_blocks_available():
    import subprocess
    import sys

    code = "import sys, dlkit; print(sorted(m for m in ('nbformat', 'matplotlib', 'dlkit.course') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_folder_copy_is_untouched(tmp_path):
    """collect() only reads: the notebooks are byte for byte what they were."""
    folder = _learner_folder(tmp_path, solved=ALL)
    before = {p.name: p.read_bytes() for p in folder.glob("*.ipynb")}
    collect(FOR_TRAINING, folder)
    assert {p.name: p.read_bytes() for p in folder.glob("*.ipynb")} == before
    shutil.rmtree(folder)
