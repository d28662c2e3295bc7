"""The explorers: the Explorer plumbing (controls above a figure that redraws) and one module per explorer.
May import ipywidgets, helpers.figures and helpers.math; the figures themselves are drawn in helpers.figures."""
