"""The backward stepper of notebook 09: notebook 03's network built from the engine's nodes, its backward pass run one
node at a time on a slider, each node's gradient beside notebook 03's equations."""
import ipywidgets as widgets

from ..autodiff.steps import PARENTS, two_layer_backward_steps
from ..figures.autodiff import StepperView, stepper_table
from ..math.datasets import make_flower
from ..math.network import initialize_parameters
from .explorer import Explorer


def backward_stepper(step=0):
    """A slider over the steps of ``J.backward()`` for notebook 03's network on the flower (m = 400, notebook 03's
    start): the graph drawn as the course draws graphs, the node whose step runs outlined, its gradient's way back to
    its parents in vermilion; under it the step's rule and every gradient so far against notebook 03's equations."""
    X, Y = make_flower()
    steps, values, hand = two_layer_backward_steps(X, Y, initialize_parameters(2, 4, 1, seed=0))
    view = StepperView(values, PARENTS)

    def draw(step):
        return view.draw(steps, step), stepper_table(steps[step], hand)

    controls = {"step": widgets.IntSlider(value=step, min=0, max=len(steps) - 1, description="backward step")}
    explorer = Explorer(controls, draw, tight=False, description="Backward stepper: move the slider to run "
                        "backward() one node at a time and see which gradient each step sets (needs a running kernel).")
    explorer.view = view
    return explorer
