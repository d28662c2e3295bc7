"""The graph explorer of notebook 01: sliders for one example's inputs and weights; the graph and its table redrawn."""
import ipywidgets as widgets

from ..figures.graph import draw_logistic_graph, logistic_check_table
from ..math.logistic import logistic_graph_values
from .explorer import Explorer


def graph_explorer():
    """Sliders for x1, x2, w1, w2, b and a toggle for y; the graph redraws every value and derivative.

    Under the graph, a table puts each derivative from the chain rule beside central differences.
    """
    def slider(name, value):
        return widgets.FloatSlider(value=value, min=-3, max=3, step=0.1, description=name,
                                   continuous_update=False, readout_format=".1f")

    controls = {"x1": slider("x₁", 1.0), "x2": slider("x₂", -2.0), "w1": slider("w₁", 0.5),
                "w2": slider("w₂", -0.3), "b": slider("b", 0.1),
                "y": widgets.ToggleButtons(options=[0, 1], value=1, description="label y")}

    def draw(x1, x2, w1, w2, b, y):
        fig = draw_logistic_graph(x1, x2, w1, w2, b, y, show="both")
        return fig, logistic_check_table(logistic_graph_values(x1, x2, w1, w2, b, y))

    return Explorer(controls, draw, tight=False, description="Graph explorer: move a slider to redraw every value and derivative (needs a running kernel).")
