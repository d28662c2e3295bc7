"""The course's figures: its style, every figure's text alternative, and one module per kind of figure.
May import matplotlib, numpy, IPython's display and helpers.math; never ipywidgets or helpers.widgets."""
