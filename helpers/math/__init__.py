"""The lecture's numbers: equations, activations, checks at the door, gradient checking, data sets, the bug gallery.
May import numpy and the standard library only (no matplotlib, no ipywidgets): tests and benchmarks run headless."""
