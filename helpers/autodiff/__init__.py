"""The reverse-mode autodiff engine of notebook 09, one file to read (`engine.py`): ``from helpers.autodiff import Node``.
May import numpy, the standard library and math (for σ): it computes what the course derives by hand, nothing drawn."""
from .engine import Node, sum_to, topological_order, topological_order_of

__all__ = ["Node", "sum_to", "topological_order", "topological_order_of"]
