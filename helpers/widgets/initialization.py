"""The initialization explorer of notebook 05: a start (random, all equal, all zeros) and a weight scale; retrains."""
import ipywidgets as widgets

from ..figures.initialization import UnitsAndCostView
from ..math.datasets import make_flower
from ..math.initialization import constant_parameters, row_spread, scaled_parameters
from ..math.training import train_with_history
from .explorer import Explorer


def initialization_explorer():
    """A start (random, all equal, all zeros) and a weight scale; redraws the hidden units' weights and the cost.

    "random" draws every weight from scale × N(0, 1); "all equal" sets every weight to the scale; "all zeros"
    ignores the scale (its slider is then disabled).
    """
    X, Y = make_flower()
    controls = {
        "start": widgets.ToggleButtons(options=[("random", "random"), ("all equal", "equal"), ("all zeros", "zeros")],
                                       value="random", description="start"),
        "scale": widgets.SelectionSlider(options=[0.001, 0.01, 0.1, 0.5, 1.0, 3.0, 10.0], value=0.01,
                                         description="weight scale", continuous_update=False),
    }
    view = UnitsAndCostView()
    controls["start"].observe(lambda change: setattr(controls["scale"], "disabled", change["new"] == "zeros"), names="value")

    def draw(start, scale):
        if start == "random":
            first, kind = scaled_parameters(2, 4, 1, scale), f"random start, scale {scale:g}"
        else:
            value = scale if start == "equal" else 0.0
            first, kind = constant_parameters(2, 4, 1, value), f"every weight {value:g}"
        _, history = train_with_history(X, Y, first, num_iterations=600)
        fig = view.draw(history, kind)
        return fig, f"<p>largest difference between two rows of W1 after 600 steps: {row_spread(history['W1'][-1]):.3g}</p>"

    explorer = Explorer(controls, draw, tight=False,
                        description="Initialization explorer: pick a start and a weight scale to retrain and redraw (needs a running kernel).")
    explorer.view = view  # its figure, for the tests
    return explorer
