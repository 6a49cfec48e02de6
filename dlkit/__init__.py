"""dlkit: forward and backward propagation for an L-layer network, in the lecture's notation.

The core (this package's top level) needs only numpy. ``dlkit.data``,
``dlkit.plots``, ``dlkit.checks`` and ``dlkit.course`` load their heavier
dependencies when imported.
"""
from .activations import (
    ACTIVATIONS,
    get_activation,
    leaky_relu,
    leaky_relu_backward,
    relu,
    relu_backward,
    sigmoid,
    sigmoid_backward,
    tanh,
    tanh_backward,
)
from .gradcheck import gradient_check, gradient_difference, numerical_gradient, numerical_gradient_array, rel_error
from .initialization import initialize_parameters
from .layers import linear_activation_backward, linear_activation_forward, linear_backward, linear_forward
from .losses import compute_cost, cost_backward
from .model import accuracy, model_backward, model_forward, predict, update_parameters
from .train import train

__version__ = "0.1.0"

__all__ = [
    "ACTIVATIONS", "get_activation",
    "sigmoid", "sigmoid_backward", "relu", "relu_backward", "tanh", "tanh_backward",
    "leaky_relu", "leaky_relu_backward",
    "initialize_parameters",
    "linear_forward", "linear_backward", "linear_activation_forward", "linear_activation_backward",
    "model_forward", "model_backward", "compute_cost", "cost_backward", "update_parameters",
    "predict", "accuracy", "train",
    "rel_error", "gradient_difference", "numerical_gradient", "numerical_gradient_array", "gradient_check",
]
