"""The training playground of notebook 03: hidden units, activation, learning rate, iterations and data set."""
import ipywidgets as widgets

from ..figures.training import TrainingView
from ..math.datasets import DATASETS
from ..math.network import accuracy
from ..math.training import ITERATION_STOPS, TrainingCache
from .explorer import Explorer


def training_playground():
    """Hidden units, activation, learning rate, iterations and data set; redraws the boundary and the cost curve.

    Each setting is trained once per kernel and remembered, so going back to a setting, or moving the
    iterations slider, redraws without training again.
    """
    controls = {
        "n_h": widgets.IntSlider(value=4, min=1, max=20, description="hidden units", continuous_update=False),
        "activation": widgets.ToggleButtons(options=["tanh", "relu", "sigmoid"], value="tanh", description="activation",
                                            style={"button_width": "92px"}),  # one row, "sigmoid" whole
        "learning_rate": widgets.SelectionSlider(options=[0.01, 0.03, 0.1, 0.3, 0.6, 1.2, 2.4], value=1.2,
                                                 description="learning rate", continuous_update=False),
        "num_iterations": widgets.SelectionSlider(options=list(ITERATION_STOPS), value=1000,
                                                  description="iterations", continuous_update=False),
        "dataset": widgets.Dropdown(options=list(DATASETS), value="flower", description="data set"),
    }
    cache = TrainingCache()
    view = TrainingView(resolution=120, iterations=max(ITERATION_STOPS))

    def draw(n_h, activation, learning_rate, num_iterations, dataset):
        try:
            X, Y, parameters, costs = cache.get(dataset, n_h, activation, learning_rate, num_iterations)
        except FloatingPointError:
            return view.say(f"Training diverged at learning rate {learning_rate}: try a smaller one.")
        fig = view.draw(parameters, costs, X, Y, activation, title=f"{dataset}, n_h = {n_h}, {activation}")
        return fig, f"<p>final cost {costs[-1]:.3f}; training accuracy {accuracy(parameters, X, Y, activation):.1f}%</p>"

    explorer = Explorer(controls, draw, tight=False,
                        description="Training playground: change a control to retrain and redraw (needs a running kernel).")
    explorer.view = view  # its figure, for the tests
    return explorer
