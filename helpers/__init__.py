"""Backprop by Hand: the small module every notebook imports.

Its layers are folders, each importing only those below it (tests/test_layers.py checks):
  math/       numpy only: activations, logistic regression, the two-layer network, the network of L layers and its
              softmax output, signals in deep networks, gradient checking, checks at the door, data sets (the shipped digits: data/), the bug
              gallery, training runs (tests and benchmarks run headless).
  figures/    matplotlib on top of math: the course's style, text alternatives, one module per kind of figure.
  widgets/    ipywidgets on top of figures: the Explorer plumbing, one module per explorer (09's steps the engine).
  autodiff/   numpy and math's σ: the reverse-mode engine of notebook 09, `from helpers.autodiff import Node`, and
              notebook 03's network run through it one backward step at a time.
  exercises/  the checks, on top of math: running a student's code safely, diagnosing, comparing, reporting, and
              one module of specs per notebook. Only this file imports it.
The names imported here are the public API the notebooks and tests rely on (see DESIGN.md).
"""
# math
from .math.activations import relu, relu_prime, sigmoid, sigmoid_prime, tanh, tanh_prime
from .math.bugs import BUGS, broken_backward_propagation, diagnose, show_bug
from .math.datasets import DATASETS, load_dataset, make_circles, make_flower, make_moons, make_xor
from .math.deep import (L_model_backward, L_model_cost, L_model_forward, initialize_deep, one_hot, predict_deep,
                        softmax, softmax_gradients, train_deep, update_parameters_deep)
from .math.digits import confusion_matrix, load_digits
from .math.gradcheck import (gradient_check, numerical_gradient, numerical_gradients, numerical_gradients_deep,
                             relative_difference)
from .math.initialization import constant_parameters, identical_units, row_spread, saturation_report, scaled_parameters
from .math.logistic import (loss, loss_da, loss_from_z, logistic_graph_values, predict_logistic_regression, propagate,
                            train_logistic_regression)
from .math.network import (
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
from .math.shapes import print_shape_table, shape_table
from .math.signals import layer_statistics, predicted_std, unit_shares, weight_scale

# the autodiff engine (09): `from helpers.autodiff import Node`; its order and its sum back to a shape
from .autodiff import sum_to, topological_order, topological_order_of
from .math.training import train_with_backward, train_with_history

# figures, by notebook
from .figures.display import figure_png, setup
from .figures.graph import draw_logistic_graph, draw_two_layer_graph  # 01, 02
from .figures.shapes import draw_shapes  # 02
from .figures.training import plot_costs, plot_dataset, plot_decision_boundary, plot_training  # 03
from .figures.bugs import plot_bug_training  # 04
from .figures.initialization import plot_costs_by_scale, plot_saturation, plot_symmetry  # 05
from .figures.deep import draw_deep_shapes  # 06
from .figures.digits import plot_confusion_matrix, plot_digits  # 07
from .figures.softmax import draw_logits  # 07
from .figures.signals import draw_signals, plot_layer_statistics  # 08

# explorers, by notebook
from .widgets.explorer import Explorer
from .widgets.graph import graph_explorer  # 01
from .widgets.shapes import shape_explorer  # 02
from .widgets.training import training_playground  # 03
from .widgets.initialization import initialization_explorer  # 05
from .widgets.deep import deep_shape_explorer  # 06
from .widgets.softmax import logits_explorer  # 07
from .widgets.signals import signal_explorer  # 08
from .widgets.autodiff import backward_stepper  # 09

# the exercise checkers, in the order of the course
from .exercises.logistic import check_logistic_backward, check_propagate, check_sigmoid_prime  # 01
from .exercises.one_example import (  # 02
    check_backward_one_example,
    check_backward_one_example_relu,
    check_backward_one_example_sigmoid,
    check_backward_three_layers,
    check_dz2_squared_error,
    check_forward_one_example,
    check_gradient_shapes,
)
from .exercises.vectorized import (  # 03
    check_backward_propagation,
    check_compute_cost,
    check_forward_propagation,
    check_predict,
    check_train,
    check_update_parameters,
)
from .exercises.debugging import check_fixed_backward, check_gradient_check, check_numerical_gradient  # 04
from .exercises.initialization import check_initialization  # 05
from .exercises.deep import (check_activation_backward, check_L_model_backward, check_L_model_forward,  # 06
                             check_linear_backward)
from .exercises.softmax import check_softmax, check_softmax_backward, check_softmax_cost, check_train_deep  # 07
from .exercises.signals import (check_initialize_deep, check_layer_statistics, check_predicted_std,  # 08
                               check_unit_shares)
from .exercises.autodiff import check_backward_pass, check_matmul_backward, check_sum_to, check_topological_order  # 09
from .exercises.catalogue import yours_or_reference
from .exercises.hints import graded_notebook, hint  # the next hint of an exercise; graded notebooks stop before the last
from .exercises.questions import answer, guessed  # self-check questions, guesses: the student answers before seeing
from .exercises.outcomes import CheckFailed
from .exercises.report import grading  # the assignments' test cells: a failed check fails the cell (nbgrader scores it 0)
from .exercises.kernel import install as _install_messages

_install_messages()  # in Jupyter: a NameError at a cell's top level says which cell to run
