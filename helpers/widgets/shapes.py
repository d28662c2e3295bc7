"""The shape explorer of notebook 02: sliders for the layer sizes and m; every matrix redrawn as a block of its shape."""
import ipywidgets as widgets

from ..figures.shapes import draw_shapes
from .explorer import Explorer


def shape_explorer():
    """Sliders for n^[0] = n_x, n^[1] = n_h, n^[2] = n_y and m; redraws every matrix as a block of its shape."""
    def slider(name, value, top):
        return widgets.IntSlider(value=value, min=1, max=top, description=name, continuous_update=False)

    controls = {
        "n_x": slider("n⁰ = n_x", 3, 8), "n_h": slider("n¹ = n_h", 4, 8), "n_y": slider("n² = n_y", 1, 4),
        "m": slider("m", 1, 8),
        # the label in the buttons, no description above them: one row with the m slider
        "pass_": widgets.ToggleButtons(options=[("forward pass", "forward"), ("backward pass", "backward")], value="forward",
                                       style={"button_width": "128px"}),
    }
    return Explorer(controls, lambda **v: draw_shapes(**v), tight=False, description="Shape explorer: move a slider to redraw every matrix as a block of its shape (needs a running kernel).")
