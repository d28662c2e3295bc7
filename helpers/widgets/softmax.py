"""The logits explorer of notebook 07: one example's four logits, its probabilities, the softmax's Jacobian and dZ."""
import ipywidgets as widgets

from ..figures.softmax import N, LogitsView
from .explorer import Explorer


def logits_explorer(z=(2.0, 1.0, 0.0, -1.0), y=0):
    """Four sliders for one example's logits z_0 … z_3 and a menu for its true class; redraws the probabilities, the
    Jacobian ∂a_k/∂z_j, and dZ for the cross-entropy and the squared error."""
    if len(z) != N:
        raise ValueError(f"z must hold {N} logits, one per class; got {len(z)}")
    controls = {f"z{k}": widgets.FloatSlider(value=value, min=-6, max=6, step=0.5, description=f"z_{k}",
                                             continuous_update=False) for k, value in enumerate(z)}
    controls["y"] = widgets.Dropdown(options=[(f"class {k}", k) for k in range(len(z))], value=y, description="true class")

    view = LogitsView()

    def draw(y, **logits):
        return view.draw([logits[f"z{k}"] for k in range(N)], y)

    return Explorer(controls, draw, tight=False, description="Logits explorer: move one example's four logits or change "
                    "its true class to see the probabilities, the Jacobian and dZ for two costs (needs a running kernel).")
