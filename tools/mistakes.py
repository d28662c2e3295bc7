"""The mistakes students make in each exercise, as edits of the solution cell, and what the checker must say.

One table, three uses:
- tools/answer_key.py runs each mistake through its checker and writes docs/answer-key.md, the TA's page;
- tests/test_assignments.py grades, with nbgrader, a "wrong" submission made of each exercise's first mistake;
- tests/test_answer_key.py checks both: every verdict says what is written here, and the page is current.

A mistake is (what the student did, the line of the solution as written, the line as the student wrote it, a piece
of the checker's verdict). The line as written must occur exactly once in the solution cell (solutions/, without
the BEGIN/END SOLUTION lines); the edit replaces it, keeping its indentation.
"""

MISTAKES = {
    "01-sigmoid-prime": [
        ("σ′ written at z instead of at a = σ(z)", "return a * (1 - a)", "return z * (1 - z)",
         "it uses z where σ(z) belongs"),
        ("tanh's derivative instead of the sigmoid's", "return a * (1 - a)", "return 1 - a ** 2",
         "that is tanh's rule, 1 − a²"),
    ],
    "01-logistic-backward": [
        ("the chain rule stops at da (no σ′)", "dz = da * a * (1 - a)", "dz = da",
         "dz is wrong: it equals da: the chain rule has a second factor, ∂a/∂z"),
        ("the weight instead of the input in dw", "dw = x * dz", "dw = w * dz",
         "dw is wrong: it uses the weight w where ∂z/∂w belongs"),
    ],
    "01-propagate": [
        ("no 1/m in dw", "dw = X @ dZ.T / m", "dw = X @ dZ.T",
         "dw is wrong: it is m times too large: a missing 1/m"),
        ("a missing transpose in dw", "dw = X @ dZ.T / m", "dw = X @ dZ / m",
         "failed in a matrix product: `X @ dZ` multiplies"),
        ("calls the course's reference instead of computing", "A = helpers.sigmoid(w.T @ X + b)",
         "return helpers.propagate(w, b, X, Y)", "calls helpers.propagate, which computes what this exercise asks you to compute"),
    ],
    "02-forward-one-example": [
        ("a sigmoid hidden layer instead of tanh", "a1 = np.tanh(z1)", "a1 = helpers.sigmoid(z1)",
         "a1 is wrong: the hidden layer here is tanh"),
        ("W1 transposed", "z1 = W1 @ x + b1", "z1 = W1.T @ x + b1",
         "failed in a matrix product: `W1.T @ x` multiplies"),
    ],
    "02-gradient-shapes": [
        ("dW1's two sizes swapped", '"dW1": (n_h, n_x)', '"dW1": (n_x, n_h)',
         "dW1 is (3, 4), its two sizes swapped: which size counts W1's rows?"),
        ("a gradient of one example given m columns", '"dz1": (n_h, 1)', '"dz1": (n_h, n_x)',
         "dz1 is (4, 3), which is not the shape of z1 in this network"),
    ],
    "02-backward-one-example": [
        ("the sigmoid's g′ in the tanh layer", "dz1 = (W2.T @ dz2) * (1 - a1 ** 2)", "dz1 = (W2.T @ dz2) * a1 * (1 - a1)",
         "dz1 is wrong: it uses the sigmoid's derivative; the hidden layer is tanh"),
        ("g′ evaluated at a1 instead of z1", "dz1 = (W2.T @ dz2) * (1 - a1 ** 2)",
         "dz1 = (W2.T @ dz2) * (1 - np.tanh(a1) ** 2)", "dz1 is wrong: g′ is evaluated at a1 instead of z1"),
        ("a missing transpose in dW2", "dW2 = dz2 @ a1.T", "dW2 = dz2 @ a1",
         "failed in a matrix product: `dz2 @ a1` multiplies"),
    ],
    "02-backward-relu": [
        ("tanh's g′ kept for the relu layer", "dz1 = (W2.T @ dz2) * (z1 > 0)", "dz1 = (W2.T @ dz2) * (1 - a1 ** 2)",
         "dz1 is wrong: that factor is tanh's derivative; the hidden layer is now relu"),
    ],
    "02-backward-sigmoid": [
        ("tanh's g′ kept for the sigmoid layer", "dz1 = (W2.T @ dz2) * a1 * (1 - a1)", "dz1 = (W2.T @ dz2) * (1 - a1 ** 2)",
         "dz1 is wrong: that factor is tanh's derivative; the hidden layer is now a sigmoid"),
        ("σ′ evaluated at a1 instead of z1", "dz1 = (W2.T @ dz2) * a1 * (1 - a1)",
         "dz1 = (W2.T @ dz2) * helpers.sigmoid(a1) * (1 - helpers.sigmoid(a1))", "dz1 is wrong: g′ is evaluated at a1 instead of z1"),
    ],
    "02-dz2-squared-error": [
        ("the cross-entropy's dz2 kept", "return (a2 - y) * a2 * (1 - a2)", "return a2 - y",
         "that is the cross-entropy's dz2; with the squared error the output's σ′ does not cancel"),
    ],
    "02-backward-three-layers": [
        ("the second hidden layer's g′ left out", "dz2 = (W3.T @ dz3) * (1 - a2 ** 2)", "dz2 = W3.T @ dz3",
         "dz2 is wrong: the factor of the second hidden activation is missing"),
        ("W3 where W2 belongs (an index one layer off)", "dz1 = (W2.T @ dz2) * (1 - a1 ** 2)", "dz1 = (W3.T @ dz2) * (1 - a1 ** 2)",
         "`W3.T` meets `dz2`: a dz goes back through the weights of its own layer, here layer 2"),
    ],
    "03-forward-propagation": [
        ("b1 forgotten", "Z1 = W1 @ X + b1", "Z1 = W1 @ X", "Z1 is wrong: b1 is not added"),
    ],
    "03-compute-cost": [
        ("the minus sign dropped", "cost = -np.sum(", "cost = np.sum(", "cost is wrong: its sign is flipped"),
        ("no 1/m", "(1 - Y) * np.log(1 - A2)) / m", "(1 - Y) * np.log(1 - A2))",
         "cost is wrong: it is m times too large: a missing 1/m"),
    ],
    "03-backward-propagation": [
        ("no 1/m in dW2", "dW2 = (1 / m) * dZ2 @ A1.T", "dW2 = dZ2 @ A1.T",
         "dW2 is wrong: it is m times too large: a missing 1/m"),
        ("no keepdims in db1", "db1 = (1 / m) * np.sum(dZ1, axis=1, keepdims=True)", "db1 = (1 / m) * np.sum(dZ1, axis=1)",
         "db1 has shape (4,), expected (4, 1) (db1 has the shape of b1): it is 1-D, the mark of np.sum(..., axis=1) without keepdims=True"),
        ("g′ evaluated at A1 instead of Z1", "dZ1 = (W2.T @ dZ2) * (1 - A1 ** 2)",
         "dZ1 = (W2.T @ dZ2) * (1 - np.tanh(A1) ** 2)", "g′ is evaluated at A1 instead of Z1"),
        ("a missing transpose in dW1", "dW1 = (1 / m) * dZ1 @ X.T", "dW1 = (1 / m) * dZ1 @ X",
         "multiplies (4, 5) by (3, 5): the inner sizes 5 and 3 differ"),
        ("integer division 1 // m", "dW2 = (1 / m) * dZ2 @ A1.T", "dW2 = (1 // m) * dZ2 @ A1.T",
         "dW2 is wrong: it is all zeros; `1 // m` is integer division (0 when m > 1): write 1 / m"),
        ("m hard-coded to the data set's 400", "m = X.shape[1]", "m = 400",
         "it is divided by your m = 400, but there are 5 examples: m is the number of columns"),
        ("db summed over the units (axis=0)", "db1 = (1 / m) * np.sum(dZ1, axis=1, keepdims=True)",
         "db1 = (1 / m) * np.sum(dZ1, axis=0, keepdims=True)",
         "db1 has shape (1, 5), expected (4, 1) (db1 has the shape of b1): it has one entry per example"),
    ],
    "03-update-parameters": [
        ("a step up the gradient", 'new[name] = parameters[name] - learning_rate * grads["d" + name]',
         'new[name] = parameters[name] + learning_rate * grads["d" + name]', "gradient descent subtracts"),
    ],
    "03-predict": [
        ("the probabilities returned, not 0/1 predictions", "return (A2 > 0.5).astype(float)", "return A2",
         "they are the probabilities A2"),
    ],
    "03-train": [
        ("the updated parameters never assigned back", "parameters = my_update_parameters(parameters, grads, learning_rate)",
         "my_update_parameters(parameters, grads, learning_rate)", "the cost never changes: assign the updated parameters back"),
    ],
    "04-numerical-gradient": [
        ("divided by ε instead of 2ε", "grad[i] = (plus - minus) / (2 * epsilon)", "grad[i] = (plus - minus) / epsilon",
         "it is twice the derivative: divide by 2ε"),
        ("x[i] not restored after the second evaluation", "x[i] = saved\n", "pass\n",
         "after your function x has changed"),
    ],
    "04-gradient-check": [
        ("the absolute difference, not the relative one",
         "return float(np.linalg.norm(g - g_num) / (np.linalg.norm(g) + np.linalg.norm(g_num)))",
         "return float(np.linalg.norm(g - g_num))", "the relative difference divides ‖g − g_num‖ by ‖g‖ + ‖g_num‖"),
    ],
    "04-fix-the-bugs": [
        ("one of the two bugs fixed (g′ at A1 left in place)", "dZ1 = (W2.T @ dZ2) * (1 - A1 ** 2)",
         "dZ1 = (W2.T @ dZ2) * helpers.tanh_prime(A1)", "dW1, db1 disagree with central differences"),
    ],
    "05-initialize-parameters": [
        ("all weights zero", "W1 = rng.standard_normal((n_h, n_x)) * 0.01\n    b1 = np.zeros((n_h, 1))\n"
         "    W2 = rng.standard_normal((n_y, n_h)) * 0.01", "W1 = np.zeros((n_h, n_x))\n    b1 = np.zeros((n_h, 1))\n"
         "    W2 = np.zeros((n_y, n_h))", "hidden units 1 and 2 start identical"),
        ("no scaling by 0.01", "W1 = rng.standard_normal((n_h, n_x)) * 0.01", "W1 = rng.standard_normal((n_h, n_x))",
         "multiply the random draw by 0.01"),
    ],
    "06-linear-backward": [
        ("dA_prev divided by m too", "dA_prev = W.T @ dZ", "dA_prev = W.T @ dZ / m",
         "dA_prev is wrong: it is divided by m: dA_prev is not a parameter's gradient"),
        ("no keepdims in db", "db = (1 / m) * np.sum(dZ, axis=1, keepdims=True)", "db = (1 / m) * np.sum(dZ, axis=1)",
         "db has shape (4,), expected (4, 1) (db has the shape of b): it is 1-D"),
        ("no 1/m in dW", "dW = (1 / m) * dZ @ A_prev.T", "dW = dZ @ A_prev.T", "dW is wrong: it is m times too large"),
    ],
    "06-activation-backward": [
        ("the activation's name misspelt, so relu falls through to σ′", 'if activation == "relu":',
         'if activation == "ReLU":', "it uses sigmoid's derivative, but this cache's activation is 'relu'"),
        ("tanh′ evaluated at A", "g_prime = 1 - A ** 2", "g_prime = 1 - np.tanh(A) ** 2",
         "g′ is evaluated at A instead of Z"),
    ],
    "06-L-model-forward": [
        ("the cache keeps the new A as A_prev", '"A_prev": A_prev,', '"A_prev": A,',
         "caches[0] (layer 1)['A_prev'] is layer 1's own A"),
        ("the loop stops before the output layer", "for l in range(1, L + 1):", "for l in range(1, L):",
         "caches holds 2 entries for a network of L = 3 layers"),
        ("the hidden activation at the output too", 'activation = "sigmoid" if l == L else hidden',
         "activation = hidden", "caches[2] (layer 3) says activation 'relu': the output layer is σ"),
    ],
    "06-L-model-backward": [
        ("the layer below's cache (an index off by one)", "dZ = my_activation_backward(dA, caches[l - 1])",
         "dZ = my_activation_backward(dA, caches[l])", "is the index off by one? (your line `dZ = my_activation_backward(dA, caches[l])`)"),
        ("1/m in dZ^[L] as well", "dZ = AL - Y", "dZ = (AL - Y) / Y.shape[1]",
         "dW3 is wrong: it is m times too small: 1/m is applied twice"),
        ("σ′ inside the loop", "dZ = my_activation_backward(dA, caches[l - 1])",
         'dZ = dA * caches[l - 1]["A"] * (1 - caches[l - 1]["A"])',
         "dW2 is wrong: layer 2 is a hidden layer ('relu'), but its dZ uses σ′, the output's derivative"),
    ],
    "07-softmax": [
        ("the sum over a row instead of a column", "A = E / np.sum(E, axis=0, keepdims=True)",
         "A = E / np.sum(E, axis=1, keepdims=True)", "A is wrong: each row sums to 1: softmax normalises each column"),
        ("no shift: e^1000 overflows", "E = np.exp(Z - np.max(Z, axis=0, keepdims=True))", "E = np.exp(Z)",
         "e^1000 overflows. Subtract each column's largest entry before the exponential"),
        ("each row's maximum subtracted", "E = np.exp(Z - np.max(Z, axis=0, keepdims=True))",
         "E = np.exp(Z - np.max(Z, axis=1, keepdims=True))", "the shift subtracts each row's maximum"),
    ],
    "07-softmax-cost": [
        ("the sigmoid's (1 − Y) log(1 − A) term added", "cost = -np.sum(Y * np.log(A)) / m",
         "cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m",
         "cost is wrong: it adds (1 − Y) log(1 − A), the sigmoid's term"),
        ("np.mean over every entry", "cost = -np.sum(Y * np.log(A)) / m", "cost = -np.mean(Y * np.log(A))",
         "cost is wrong: it is divided by m·n (np.mean over every entry)"),
    ],
    "07-softmax-backward": [
        ("the Jacobian's diagonal only, as for separate sigmoids", "dZ = A * (dA - np.sum(A * dA, axis=0, keepdims=True))",
         "dZ = dA * A * (1 - A)", "dZ is wrong: it keeps only the Jacobian's diagonal, as for n separate sigmoids"),
        ("the sum over a row", "dZ = A * (dA - np.sum(A * dA, axis=0, keepdims=True))",
         "dZ = A * (dA - np.sum(A * dA, axis=1, keepdims=True))", "the sum Σ_k a_k dA_k runs over a row"),
        ("the sum's factor a_j forgotten", "dZ = A * (dA - np.sum(A * dA, axis=0, keepdims=True))",
         "dZ = A * dA - np.sum(A * dA, axis=0, keepdims=True)", "the term with the sum lacks its factor a_j"),
    ],
    "07-train-deep": [
        ("dZ^[L] multiplied by σ′ as for a sigmoid output", "dZ = AL - Y", "dZ = (AL - Y) * AL * (1 - AL)",
         "dZ^[L] is multiplied by A(1 − A) as for a sigmoid output"),
        ("the update adds the gradient", 'parameters[f"W{l}"] = parameters[f"W{l}"] - learning_rate * grads[f"dW{l}"]',
         'parameters[f"W{l}"] = parameters[f"W{l}"] + learning_rate * grads[f"dW{l}"]',
         "costs[0] is right but the first update is not: W2 moved the other way, -1 times the reference's step"),
        ("an index off by one: the layer above's cache", "cache = caches[l - 1]", "cache = caches[l]",
         "is the index off by one? (your line `cache = caches[l]`)"),
        ("dA_prev divided by m", 'dA = cache["W"].T @ dZ', 'dA = cache["W"].T @ dZ / m',
         "dA_prev is divided by m, so the layers below L get one more 1/m"),
        ("the reference's training loop called", "grads = {}",
         'return helpers.train_deep(X, Y, layer_dims, output="softmax", num_iterations=num_iterations, '
         'learning_rate=learning_rate)', "calls helpers.train_deep, which computes what this exercise asks you to compute"),
    ],
    "08-predicted-std": [
        ("relu's half forgotten: E[a²] passed on whole", 'mean_square = variance / 2 if hidden == "relu" else variance',
         "mean_square = variance", "the mean square that relu passes on is treated as tanh's"),
        ("variances returned, not standard deviations", "stds.append(np.sqrt(variance))", "stds.append(variance)",
         "these are variances: the question asks for standard deviations"),
        ("s where s² belongs", "variance = layer_dims[l - 1] * s ** 2 * mean_square",
         "variance = layer_dims[l - 1] * s * mean_square",
         "the weights' scale s enters as it is"),
        ("the standard deviation carried up instead of E[a²]",
         'mean_square = variance / 2 if hidden == "relu" else variance',
         'mean_square = np.sqrt(variance / 2 if hidden == "relu" else variance)',
         "it passes on a standard deviation where the rule needs the mean square"),
    ],
    "08-initialize-deep": [
        ("He's scale from the layer's own width n_l", "scale = np.sqrt(2 / n_prev)", "scale = np.sqrt(2 / layer_dims[l])",
         "the scale divides by n_l, the layer's own width"),
        ("the variance used as the scale (no square root)", "scale = np.sqrt(2 / n_prev)", "scale = 2 / n_prev",
         "the scale is a variance (c / n): the weights are multiplied by its square root"),
        ("a new generator in every layer", "W = rng.standard_normal((layer_dims[l], n_prev)) * scale",
         "W = np.random.default_rng(seed).standard_normal((layer_dims[l], n_prev)) * scale",
         "each layer starts a new generator from the same seed"),
        ("W drawn transposed", "W = rng.standard_normal((layer_dims[l], n_prev)) * scale",
         "W = rng.standard_normal((n_prev, layer_dims[l])) * scale", "it is the transposed shape"),
    ],
    "08-layer-statistics": [
        ("dZ without g′: the spread of dA", 'dZ = grads[f"dA{l}"] * g_prime', 'dZ = grads[f"dA{l}"]',
         "it is the spread of dA^[l]"),
        ("the ratio upside down",
         "ratio = np.linalg.norm(dW) / np.linalg.norm(W)",
         "ratio = np.linalg.norm(W) / np.linalg.norm(dW)", "it is upside down"),
        ("the spread of Z instead of A", 'statistics["A"].append(np.std(A))',
         'statistics["A"].append(np.std(Z))', "it is the spread of Z^[l]"),
    ],
    "08-unit-shares": [
        ("values counted instead of units", "dead.append(np.mean(np.all(Z <= 0, axis=1)))",
         "dead.append(np.mean(Z <= 0))", "it counts values z ≤ 0, not units"),
        ("z < 0: a unit at exactly 0 missed", "dead.append(np.mean(np.all(Z <= 0, axis=1)))",
         "dead.append(np.mean(np.all(Z < 0, axis=1)))", "z < 0 misses a unit whose z is exactly 0 everywhere"),
        ("the examples' axis", "dead.append(np.mean(np.all(Z <= 0, axis=1)))",
         "dead.append(np.mean(np.all(Z <= 0, axis=0)))", "it looks down the columns (axis=0, the examples)"),
    ],
    "09-matmul-backward": [
        ("the transposes on the wrong side", "dA = dZ @ B.T", "dA = B.T @ dZ", "failed in a matrix product"),
        ("a 1/m that belongs to the cost", "dB = A.T @ dZ", "dB = A.T @ dZ / dZ.shape[1]",
         "a matrix product's backward step has no 1/m"),
    ],
    "09-sum-to": [
        ("no keepdims", "grad = grad.sum(axis=axis, keepdims=True)", "grad = grad.sum(axis=axis)",
         "the result has shape"),
        ("a mean instead of a sum", "grad = grad.sum(axis=axis, keepdims=True)",
         "grad = grad.mean(axis=axis, keepdims=True)", "not their mean"),
    ],
    "09-topological-order": [
        ("no memory of the nodes seen", "        if node not in seen:\n            seen.add(node)\n", "        if True:\n",
         "b is in the list 2 times"),
        ("the node before its parents", "            for parent in parents[node]:\n                visit(parent)\n"
         "            order.append(node)", "            order.append(node)\n            for parent in parents[node]:\n"
         "                visit(parent)", "comes before"),
    ],
    "09-backward-pass": [
        ("= instead of +=: the second use overwrites the first", "grads[parent] += grads[node] * derivative",
         "grads[parent] = grads[node] * derivative", "each use overwrote the one before"),
        ("the steps in the forward order", "    for node in reversed(order):", "    for node in order:",
         "the steps ran in the forward order"),
    ],
}


def apply(solution, before, after):
    """``solution`` with the line(s) ``before`` replaced by ``after``; ValueError unless ``before`` occurs once."""
    count = solution.count(before)
    if count != 1:
        raise ValueError(f"{before!r} occurs {count} times in the solution, not once")
    return solution.replace(before, after)
