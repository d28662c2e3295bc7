"""The graph explorer of notebook 01: sliders for one example's inputs and weights; the graph and its table redrawn."""
import ipywidgets as widgets

from ..figures.display import offscreen_figure
from ..figures.graph import LOGISTIC_GRAPH_AXES, LOGISTIC_GRAPH_SIZE, draw_logistic_graph, logistic_check_table
from ..figures.style import figure_size
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

    # one figure and one panel, drawn again on every move: the boxes' formulas are laid out once, only the numbers are
    # new text (a new figure would lay out every text again, and a new panel would make its ticks again)
    ax = offscreen_figure(figure_size(*LOGISTIC_GRAPH_SIZE)).add_axes(figure_size(*LOGISTIC_GRAPH_AXES))

    def draw(x1, x2, w1, w2, b, y):
        for text in ax.texts[:]:  # the boxes, their lines and the arrows (annotations)
            text.remove()
        fig = draw_logistic_graph(x1, x2, w1, w2, b, y, show="both", ax=ax)
        return fig, logistic_check_table(logistic_graph_values(x1, x2, w1, w2, b, y))

    return Explorer(controls, draw, tight=False, description="Graph explorer: move a slider to redraw every value and derivative (needs a running kernel).")
