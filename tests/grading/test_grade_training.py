"""The batch grader on notebook 6: update_parameters and L_layer_model, whose loop calls the
blocks of notebooks 1 to 5. In the learner's notebook those come from their own notebooks
(dlkit.course.blocks.collect, a call the grader never runs); the grader must give the loop
those blocks itself, so a right L_layer_model gets its points whether or not the notebook
also imports them."""
from __future__ import annotations

import nbformat

from dlkit.course.grade import grade_notebook
from grading_helpers import code

UPDATE = """
def update_parameters(parameters, grads, learning_rate):
    return {k: v - learning_rate * grads["d" + k] for k, v in parameters.items()}
"""
LOOP = """
def L_layer_model(X, Y, layer_dims, learning_rate=0.0075, num_iterations=3000, seed=1):
    parameters = initialize_parameters(layer_dims, seed=seed)
    costs = []
    for i in range(num_iterations):
        AL, caches = model_forward(X, parameters)
        costs.append(compute_cost(AL, Y))
        grads = model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
    return parameters, costs
"""
COLLECT = """
from dlkit.course.blocks import collect
blocks = collect(["initialize_parameters", "model_forward", "compute_cost", "model_backward"])
initialize_parameters, model_forward, compute_cost, model_backward = blocks.functions(
    "initialize_parameters", "model_forward", "compute_cost", "model_backward")
"""
EXERCISES = ["update_parameters", "L_layer_model"]


def _submission(loop=LOOP, preamble="import numpy as np", update=UPDATE) -> bytes:
    cells = [nbformat.v4.new_code_cell(preamble), nbformat.v4.new_code_cell(code(COLLECT))]
    for name, src in (("update_parameters", update), ("L_layer_model", loop)):
        cell = nbformat.v4.new_code_cell(code(src))
        cell.metadata = {"dlkit": {"exercise": name}}
        cells += [cell, nbformat.v4.new_code_cell(f'check("{name}", {name})')]
    cells.append(nbformat.v4.new_code_cell("parameters, costs = L_layer_model(train_X, train_Y, [64, 20, 7, 5, 1], 0.03, 2500)"))
    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata["dlkit"] = {"assignment": "06_training", "exercises": EXERCISES}
    return nbformat.writes(nb).encode()


def _rows(data, seed=None, carry_forward=True):
    result = grade_notebook("learner", data, assignment="06_training", exercises=EXERCISES, timeout=10.0, seed=seed,
                            carry_forward=carry_forward)
    return {r["exercise"]: r for r in result["rows"]}


def test_a_right_loop_gets_full_points_with_the_blocks_collected_not_imported():
    rows = _rows(_submission(), seed=7)
    assert (rows["update_parameters"]["status"], rows["update_parameters"]["points"]) == ("graded", 2)
    assert (rows["L_layer_model"]["status"], rows["L_layer_model"]["points"]) == ("graded", 2), rows["L_layer_model"]


def test_a_right_loop_gets_full_points_when_the_notebook_imports_the_blocks_too():
    rows = _rows(_submission(preamble="import numpy as np\nfrom dlkit import compute_cost, initialize_parameters, "
                                      "model_backward, model_forward"))
    assert rows["L_layer_model"]["points"] == 2, rows["L_layer_model"]


def test_a_known_mistake_in_the_loop_is_named_by_the_grader():
    wrong = LOOP.replace("        parameters = update_parameters(parameters, grads, learning_rate)",
                         "        update_parameters(parameters, grads, learning_rate)")
    assert wrong != LOOP
    rows = _rows(_submission(loop=wrong))
    assert rows["L_layer_model"]["status"] == "graded" and rows["L_layer_model"]["points"] < 2
    assert "L_layer_model.update_discarded" in rows["L_layer_model"]["mistakes"], rows["L_layer_model"]


def test_a_wrong_update_parameters_is_named_as_the_cause_of_a_failing_loop():
    wrong_update = UPDATE.replace("v - learning_rate", "v + learning_rate")
    # As submitted, the loop fails only because of update_parameters: named as the cause ...
    rows = _rows(_submission(update=wrong_update), carry_forward=False)
    assert "update_parameters.gradient_ascent" in rows["update_parameters"]["mistakes"]
    assert "L_layer_model.helper_fails" in rows["L_layer_model"]["mistakes"], rows["L_layer_model"]
    assert rows["L_layer_model"]["points"] == 0
    # ... and with error carried forward (the default) the right loop keeps its points.
    rows = _rows(_submission(update=wrong_update))
    assert "update_parameters.gradient_ascent" in rows["update_parameters"]["mistakes"]
    assert rows["L_layer_model"]["mistakes"] == ["L_layer_model.error_carried_forward"], rows["L_layer_model"]
    assert rows["L_layer_model"]["points"] == rows["L_layer_model"]["max_points"]
