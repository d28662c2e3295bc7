"""The shape explorer of notebook 06, for any layer_dims: which cache each backward step reads, every matrix a block."""
import ipywidgets as widgets

from ..figures.deep import draw_deep_shapes, draw_message, parse_layer_dims
from .explorer import Explorer


def deep_shape_explorer(layer_dims="2, 4, 3, 1", m=4):
    """A box for layer_dims (n_0, …, n_L), sliders for m and the backward step l; redraws the caches in a row and step
    l's four equations as blocks of their shapes, outlining what the step reads from caches[l − 1]."""
    L = len(parse_layer_dims(layer_dims)) - 1
    controls = {
        "layer_dims": widgets.Text(value=layer_dims, description="layer_dims", continuous_update=False,
                                   layout=widgets.Layout(width="260px")),
        "m": widgets.IntSlider(value=m, min=1, max=8, description="m", continuous_update=False),
        "step": widgets.IntSlider(value=L, min=1, max=L, description="backward step l", continuous_update=False),
    }

    def draw(layer_dims, m, step):
        try:
            dims = parse_layer_dims(layer_dims)
        except ValueError as error:
            return draw_message(str(error))
        return draw_deep_shapes(dims, m, min(step, len(dims) - 1))

    explorer = Explorer(controls, draw, tight=False, description="Shape explorer for L layers: type layer_dims, move m "
                        "or the backward step to see which cache the step reads (needs a running kernel).")

    def follow(change):  # the step slider runs over the layers typed in; the figure shows min(step, L) already
        try:
            L = len(parse_layer_dims(change["new"])) - 1
        except ValueError:
            return
        with explorer.without_redraw("step") as step:
            step.max = L

    controls["layer_dims"].observe(follow, names="value")
    return explorer
