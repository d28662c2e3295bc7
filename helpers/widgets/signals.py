"""The signal explorer of notebook 08: a deep network's depth, its hidden activation and its weights' scale; per layer,
the spread of A and dZ and the share of saturated and dead units."""
import ipywidgets as widgets

from ..figures.signals import SCALES, SignalView
from ..math.signals import weight_scale
from .explorer import Explorer


def signal_explorer(depth=10, hidden="tanh", scale=0.01):
    """Sliders for the number of hidden layers (1 … 50) and the weights' scale s (log scale, 0.001 … 10; Xavier's and
    He's marked on the figure's ruler), a menu for the hidden activation; the network has 100 units per layer."""
    view = SignalView()
    low, high = (float(f"{v:e}".split("e")[1]) for v in SCALES)
    controls = {
        "depth": widgets.IntSlider(value=depth, min=1, max=view.run.max_depth, description="hidden layers",
                                   continuous_update=False),
        "hidden": widgets.Dropdown(options=[("tanh", "tanh"), ("relu", "relu"), ("σ (sigmoid)", "sigmoid")], value=hidden,
                                   description="activation"),
        "scale": widgets.FloatLogSlider(value=scale, base=10, min=low, max=high, step=0.05, readout_format=".3g",
                                        description=f"scale s (Xavier {weight_scale('xavier', view.run.width):.2g}, "
                                                    f"He {weight_scale('he', view.run.width):.2g})",
                                        continuous_update=False),
    }
    explorer = Explorer(controls, view.draw, tight=False, description="Signal explorer: change the depth, the hidden "
                        "activation or the weights' scale to see, layer by layer, the spread of A and dZ and the share "
                        "of saturated and dead units (needs a running kernel).")
    view.warm()  # after the first picture (on a slide it wraps the titles): no move draws the whole figure
    explorer.view = view
    return explorer
