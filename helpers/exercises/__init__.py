"""The exercises' checks: one module per notebook of declarative specs, on shared modules that run, diagnose, compare, report.
May import numpy, the standard library and helpers.math; only helpers/__init__.py imports this package."""
