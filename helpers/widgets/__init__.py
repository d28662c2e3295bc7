"""The explorers: the Explorer plumbing (controls above a figure that redraws) and one module per explorer.
May import ipywidgets, helpers.figures, helpers.math and helpers.autodiff; the figures are drawn in helpers.figures."""
