"""The graph explorer of notebook 01: sliders for one example's inputs and weights; the graph and its table redrawn."""
import ipywidgets as widgets

from ..figures.graph import LogisticGraphView, logistic_check_table
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
                # the label in the buttons ("y = 0"), no description above them: one row with the sliders
                "y": widgets.ToggleButtons(options=[("y = 0", 0), ("y = 1", 1)], value=1, tooltips=["label y = 0", "label y = 1"],
                                           style={"button_width": "64px"})}

    # one figure, drawn again on every move: the boxes' formulas are laid out once, and a move that keeps the boxes'
    # sizes draws only the numbers (figures.graph.LogisticGraphView)
    view = LogisticGraphView()

    def draw(x1, x2, w1, w2, b, y):
        return view.draw(x1, x2, w1, w2, b, y), logistic_check_table(logistic_graph_values(x1, x2, w1, w2, b, y))

    explorer = Explorer(controls, draw, tight=False,
                        description="Graph explorer: move a slider to redraw every value and derivative (needs a running kernel).")
    explorer.view = view  # its figure, for the tests
    return explorer
