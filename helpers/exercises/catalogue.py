"""Every exercise's check by the function it checks: what lets a later cell use the student's function once its check
passes (`yours_or_reference`), and lets a verdict name a failing function the checked one calls."""
import functools

from ..math.deep import L_model_backward, initialize_deep, train_deep
from ..math.logistic import propagate
from ..math.signals import layer_statistics, predicted_std, unit_shares
from ..math.network import backward_propagation, compute_cost, forward_propagation, predict, update_parameters
from .capture import quiet
from .deep import check_activation_backward, check_L_model_backward, check_L_model_forward, check_linear_backward
from ..autodiff.engine import sum_to, topological_order_of
from .autodiff import check_backward_pass, check_matmul_backward, check_sum_to, check_topological_order
from .signals import check_initialize_deep, check_layer_statistics, check_predicted_std, check_unit_shares
from .softmax import check_softmax, check_softmax_backward, check_softmax_cost, check_train_deep
from .debugging import check_fixed_backward, check_gradient_check, check_numerical_gradient
from .initialization import check_initialization
from .logistic import check_logistic_backward, check_propagate, check_sigmoid_prime
from .one_example import (check_backward_one_example, check_backward_one_example_relu, check_backward_one_example_sigmoid,
                          check_backward_three_layers, check_dz2_squared_error, check_forward_one_example,
                          check_gradient_shapes)
from .report import CHECK_OF
from .vectorized import (check_backward_propagation, check_compute_cost, check_forward_propagation, check_predict,
                         check_train, check_update_parameters)

# the reference functions a student's version may stand in for, and the check it must pass first
CHECKS = {
    propagate: check_propagate,
    forward_propagation: check_forward_propagation,
    compute_cost: check_compute_cost,
    backward_propagation: check_backward_propagation,
    update_parameters: check_update_parameters,
    predict: check_predict,
    L_model_backward: check_L_model_backward,
    train_deep: check_train_deep,
    predicted_std: check_predicted_std,
    initialize_deep: check_initialize_deep,
    layer_statistics: check_layer_statistics,
    unit_shares: check_unit_shares,
    sum_to: check_sum_to,
    topological_order_of: check_topological_order,
}

# every exercise's function by its name in the notebooks (without ``my_``): a verdict on a function that calls one of
# them names it when its own check fails (a student's predict calling a wrong my_forward_propagation)
CHECK_OF.update({
    "sigmoid_prime": check_sigmoid_prime, "logistic_backward": check_logistic_backward, "propagate": check_propagate,
    "forward_one_example": check_forward_one_example, "backward_one_example": check_backward_one_example,
    "backward_one_example_relu": check_backward_one_example_relu, "dz2_squared_error": check_dz2_squared_error,
    "gradient_shapes": check_gradient_shapes, "backward_one_example_sigmoid": check_backward_one_example_sigmoid,
    "backward_three_layers": check_backward_three_layers,
    "forward_propagation": check_forward_propagation, "compute_cost": check_compute_cost,
    "backward_propagation": check_backward_propagation, "update_parameters": check_update_parameters,
    "predict": check_predict, "train": check_train, "numerical_gradient": check_numerical_gradient,
    "gradient_check": check_gradient_check, "fixed_backward_propagation": check_fixed_backward,
    "initialize_parameters": check_initialization,
    "linear_backward": check_linear_backward, "activation_backward": check_activation_backward,
    "L_model_forward": check_L_model_forward, "L_model_backward": check_L_model_backward,
    "softmax": check_softmax, "softmax_backward": check_softmax_backward, "softmax_cost": check_softmax_cost,
    "train_deep": check_train_deep,
    "predicted_std": check_predicted_std, "initialize_deep": check_initialize_deep,
    "layer_statistics": check_layer_statistics, "unit_shares": check_unit_shares,
    "matmul_backward": check_matmul_backward, "sum_to": check_sum_to, "topological_order": check_topological_order,
    "backward_pass": check_backward_pass,
})


def yours_or_reference(fn, reference, **fixed):
    """``fn`` when its exercise's check passes, else ``reference`` (a helpers function), saying which is used.

    A later cell calls this so that it runs whether or not the exercise is done: the verdict is one line. ``fixed``:
    keyword arguments the reference needs to do what the exercise's function does (``output="softmax"``).
    """
    check = CHECKS.get(reference)
    if check is None:
        raise ValueError(f"no exercise replaces helpers.{getattr(reference, '__name__', reference)}")
    name = getattr(fn, "__name__", "your function")
    with quiet() as printed:
        passed = check(fn)
    if passed:
        print(f"Using your {name}: its check passes.")
        return fn
    verdict = printed.getvalue().strip().splitlines()[-1] if printed.getvalue().strip() else ""
    verdict = verdict.split(" Stuck? helpers.hint(")[0]
    reason = verdict.split(": ", 1)[1] if ": " in verdict else verdict
    if "not implemented yet" in reason:
        reason = "not implemented yet"
    shown = ", ".join(f"{key}={value!r}" for key, value in fixed.items())
    print(f"Your {name} does not pass its check yet ({reason})\n→ using helpers.{reference.__name__}"
          f"{f'({shown}, …)' if fixed else ''} meanwhile.")
    return functools.partial(reference, **fixed) if fixed else reference
