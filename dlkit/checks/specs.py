"""The registry: ``SPECS`` maps each exercise name to its spec (one per exercise of the contract)."""
from __future__ import annotations

from . import specs_backward, specs_forward, specs_init, specs_model, specs_train

# The exercises in the order the course teaches them (reports and the grader list them so).
ORDER = ["initialize_parameters", "linear_forward", "sigmoid", "relu", "linear_activation_forward",
         "model_forward", "compute_cost", "linear_backward", "relu_backward", "sigmoid_backward",
         "linear_activation_backward", "model_backward", "update_parameters", "L_layer_model"]

_by_name = {spec.name: spec for module in (specs_init, specs_forward, specs_model, specs_backward, specs_train)
            for spec in module.SPECS}
if set(_by_name) != set(ORDER):  # a spec left out of ORDER would silently never be graded
    raise ImportError(f"dlkit.checks: specs {sorted(_by_name)} and ORDER {sorted(ORDER)} disagree")
SPECS = {name: _by_name[name] for name in ORDER}
