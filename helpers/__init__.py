"""Backprop by Hand: the small module every notebook imports.

Layers, each importing only those below it:
  math         numpy only: activations, logistic regression, the two-layer network, gradient checking,
               checks at the door, data sets, the bug gallery (tests and benchmarks run headless).
  view         matplotlib on top of the math: the course's style and the figures of each notebook.
  interaction  ipywidgets on top of the view (explorers), and the exercises' checks (helpers/exercises/: one
               small spec per exercise on the shared layered checks of exercises/core.py) on top of the math.
The names imported here are the public API the notebooks and tests rely on (see DESIGN.md).
"""
# math
from .activations import relu, relu_prime, sigmoid, sigmoid_prime, tanh, tanh_prime
from .bugs import BUGS, broken_backward_propagation, diagnose, show_bug
from .datasets import DATASETS, load_dataset, make_circles, make_flower, make_moons, make_xor
from .gradcheck import gradient_check, numerical_gradient, numerical_gradients, relative_difference
from .logistic import loss, loss_da, loss_from_z, predict_logistic_regression, propagate, train_logistic_regression
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

# view and interaction, by notebook
from .style import setup
from .explorer import Explorer, figure_png
from .graph import draw_logistic_graph, draw_two_layer_graph, graph_explorer, logistic_graph_values  # 01
from .shapes import draw_shapes, print_shape_table, shape_explorer, shape_table  # 02
from .training_plots import plot_costs, plot_dataset, plot_decision_boundary, plot_training, training_playground  # 03
from .training_plots import plot_bug_training, train_with_backward  # 04
from .symmetry import (  # 05
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

# the exercise checkers, in the order of the course
from .exercises import (
    check_sigmoid_prime,  # 01
    check_logistic_backward,
    check_propagate,
    check_forward_one_example,  # 02
    check_backward_one_example,
    check_backward_one_example_relu,
    check_dz2_squared_error,
    check_forward_propagation,  # 03
    check_compute_cost,
    check_backward_propagation,
    check_update_parameters,
    check_predict,
    check_train,
    check_numerical_gradient,  # 04
    check_gradient_check,
    check_fixed_backward,
    check_initialization,  # 05
    identical_units,
    yours_or_reference,
    grading,  # the assignments' test cells: a failed check fails the cell (nbgrader scores it 0)
    CheckFailed,
)
