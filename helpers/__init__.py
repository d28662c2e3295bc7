"""Backprop by Hand: the small module every notebook imports.

Layers, each importing only those below it:
  math        numpy only: activations, logistic regression, the two-layer network, gradient
              checking, checks at the door, data sets (tests and benchmarks run headless).
  view        matplotlib on top of the math: the course's style, figures for each notebook.
  interaction ipywidgets on top of the view; exercise checkers on top of the math.
The public names below are the contract the notebooks and tests rely on (see DESIGN.md).
"""
from .activations import relu, relu_prime, sigmoid, sigmoid_prime, tanh, tanh_prime
from .datasets import DATASETS, load_dataset, make_circles, make_flower, make_moons, make_xor
from .gradcheck import gradient_check, numerical_gradient, numerical_gradients, relative_difference
from .logistic import loss, loss_da, predict_logistic_regression, propagate, train_logistic_regression
from .style import setup
from .explorer import Explorer, figure_png
from .network import (
    accuracy,
    backward_propagation,
    backward_propagation_loop,
    bias_gradient,
    compute_cost,
    forward_propagation,
    hidden_error,
    initialize_parameters,
    linear,
    output_error,
    predict,
    train,
    update_parameters,
    weight_gradient,
)

__all__ = [
    "sigmoid", "relu", "tanh", "sigmoid_prime", "tanh_prime", "relu_prime",
    "propagate", "loss", "loss_da", "train_logistic_regression", "predict_logistic_regression",
    "initialize_parameters", "forward_propagation", "compute_cost", "backward_propagation",
    "backward_propagation_loop", "update_parameters", "train", "predict", "accuracy",
    "linear", "output_error", "weight_gradient", "bias_gradient", "hidden_error",
    "gradient_check", "numerical_gradient", "numerical_gradients", "relative_difference",
    "DATASETS", "load_dataset", "make_flower", "make_moons", "make_circles", "make_xor",
    "setup", "Explorer", "figure_png",
]
# --- notebook 01 (view and widgets) ---
from .graph import draw_logistic_graph, draw_two_layer_graph, graph_explorer, logistic_graph_values
# --- notebook 02 (view and widgets) ---
from .shapes import draw_shapes, print_shape_table, shape_explorer, shape_table
# --- notebook 03 (view and widgets) ---
from .training_plots import plot_costs, plot_dataset, plot_decision_boundary, plot_training, training_playground
# --- notebook 04 (bug gallery) ---
from .bugs import BUGS, broken_backward_propagation, diagnose, show_bug
# --- notebook 05 (initialization) ---
from .symmetry import (
    constant_parameters,
    initialization_explorer,
    plot_costs_by_scale,
    plot_saturation,
    plot_symmetry,
    row_spread,
    saturation_report,
    scaled_parameters,
    train_with_history,
)
# --- exercise checkers ---
from .checkers import check_backward_one_example, check_backward_propagation, check_initialization, check_propagate
