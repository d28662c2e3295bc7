"""Shapes as a debugging tool: "dfoo has the shape of foo", as a table of every array of one pass.

`shape_table` lists the shape of every array of the forward and backward pass for given layer sizes, and why it
has that shape; `print_shape_table` prints it (notebook 02). The figure that draws them is in `figures/shapes.py`.
"""
def shape_table(n_x, n_h, n_y, m=1):
    """Every array of one forward and backward pass: a list of (name, shape, why) rows.

    Names are the vectorized ones (X, Z1, dW1...); with m = 1 they are the single-example x, z1, dW1...
    """
    return [
        ("X", (n_x, m), "n_x features, one column per example"),
        ("W1", (n_h, n_x), "one row per hidden unit, one column per input"),
        ("b1", (n_h, 1), "one bias per hidden unit, a column"),
        ("Z1", (n_h, m), "W1 X is (n_h, n_x)(n_x, m)"),
        ("A1", (n_h, m), "g applied element-wise keeps the shape"),
        ("W2", (n_y, n_h), "one row per output unit, one column per hidden unit"),
        ("b2", (n_y, 1), "one bias per output unit"),
        ("Z2", (n_y, m), "W2 A1 is (n_y, n_h)(n_h, m)"),
        ("A2", (n_y, m), "σ keeps the shape"),
        ("dZ2", (n_y, m), "the shape of Z2"),
        ("dW2", (n_y, n_h), "dZ2 A1ᵀ is (n_y, m)(m, n_h): the shape of W2"),
        ("db2", (n_y, 1), "summed over the m columns, kept as a column: the shape of b2"),
        ("W2ᵀ dZ2", (n_h, m), "(n_h, n_y)(n_y, m): already the shape of Z1"),
        ("g′(Z1)", (n_h, m), "element-wise, the shape of Z1"),
        ("dZ1", (n_h, m), "W2ᵀ dZ2 ∗ g′(Z1): element-wise product of two (n_h, m)"),
        ("dW1", (n_h, n_x), "dZ1 Xᵀ is (n_h, m)(m, n_x): the shape of W1"),
        ("db1", (n_h, 1), "summed over the m columns, kept as a column: the shape of b1"),
    ]


def print_shape_table(n_x, n_h, n_y, m=1):
    """Print `shape_table` as aligned rows (deterministic text, for a notebook)."""
    print(f"n_x = {n_x}, n_h = {n_h}, n_y = {n_y}, m = {m}")
    for name, shape, why in shape_table(n_x, n_h, n_y, m):
        print(f"  {name:9s} {str(shape):9s} {why}")
