"""Hints in steps, for the student who asks: ``helpers.hint("dz1")`` shows an exercise's next hint each time it is
called: 1 where to look, 2 the principle, 3 the equation. A failed check offers the next one; it never prints the
equation itself. Keys are the exercises' function names without ``my_`` (and the self-check questions' names)."""

HINTS = {
    # 01
    "sigmoid_prime": (
        "Look at the definition of σ above: σ(z) = 1/(1 + e^(−z)) = (1 + e^(−z))^(−1).",
        "Differentiate (1 + e^(−z))^(−1) with the chain rule (the power rule outside, e^(−z) inside), then split the "
        "result into a product of two fractions, each of which you can write with a = σ(z) alone.",
        "σ′(z) = e^(−z)/(1 + e^(−z))² = a · (1 − a), with a = σ(z): in code, a = helpers.sigmoid(z), then a * (1 - a).",
    ),
    "logistic_backward": (
        "Work right to left along the graph: da first (Step 1 derived it), then dz, then dw and db.",
        "dz = (∂L/∂a)(∂a/∂z): multiply da by the sigmoid's derivative written with a, and simplify. Then "
        "z = wᵀx + b gives ∂z/∂w = x and ∂z/∂b = 1.",
        "dz = da · a(1 − a) = a − y, dw = x dz, db = dz.",
    ),
    "propagate": (
        "Use one example's equations from Your turn 2, with the m examples as the columns of X and Y.",
        "The cost is the average of the m losses, so every derivative is the average of the m per-example "
        "derivatives: a matrix product sums over the examples, then divide by m.",
        "A = σ(wᵀX + b), J = −(1/m) Σ [Y log A + (1 − Y) log(1 − A)], dZ = A − Y, dw = (1/m) X dZᵀ, db = (1/m) Σ dZ.",
    ),
    # 02
    "forward_one_example": (
        "The forward equations are at the top of the notebook; each layer is a linear step then an activation.",
        "z = W a_prev + b, then a = g(z): tanh in the hidden layer, σ at the output. Use @ for W times a column.",
        "z1 = W1 @ x + b1, a1 = np.tanh(z1), z2 = W2 @ a1 + b2, a2 = helpers.sigmoid(z2).",
    ),
    "gradient_shapes": (
        "Look at the forward pass: W^[l] is n_l × n_(l−1), and for one example every z and b is a column.",
        "The loss is one number, and dfoo lists its derivative with respect to each entry of foo: one entry per entry.",
        "dfoo has the shape of foo: dz2, db2 (n_y, 1); dW2 (n_y, n_h); dz1, db1 (n_h, 1); dW1 (n_h, n_x).",
    ),
    "backward_one_example": (
        "Layer 2 is logistic regression with a1 in the place of x (the section above derives it); for layer 1, follow "
        "the graph from a1 back to z1, then to W1 and b1.",
        "a1 feeds every output unit: ∂L/∂a1 adds up what each z2 sends back, which is a product with W2 transposed. "
        "Then a1 = g(z1) element-wise, so multiply element-wise by g′(z1); W1 and b1 enter z1 as W2 and b2 enter z2.",
        "dz2 = a2 − y, dW2 = dz2 a1ᵀ, db2 = dz2, dz1 = W2ᵀ dz2 ∗ (1 − a1²), dW1 = dz1 xᵀ, db1 = dz1.",
    ),
    "backward_one_example_relu": (
        "Only one of the six equations involves the hidden activation: find it in your backward_one_example.",
        "relu(z) = max(0, z) has slope 1 where z > 0 and 0 where z < 0 (at 0 we take 0); it is read from z1, the "
        "cache's Z1.",
        "dz1 = W2ᵀ dz2 ∗ (z1 > 0); the other five equations are unchanged.",
    ),
    "backward_one_example_sigmoid": (
        "Only the equation with the hidden activation's derivative changes: start from your backward_one_example.",
        "The hidden layer is now σ, whose derivative notebook 01 wrote with its output alone (here a1).",
        "dz1 = W2ᵀ dz2 ∗ a1(1 − a1); the other five equations are unchanged.",
    ),
    "dz2_squared_error": (
        "Only the loss changed: redo Step 1 and Step 3 of notebook 01 with L = ½(a2 − y)².",
        "da2 = ∂L/∂a2 first, then the chain rule through a2 = σ(z2) multiplies by σ′(z2), written with a2. Nothing "
        "cancels this time.",
        "dz2 = (a2 − y) · a2(1 − a2).",
    ),
    "backward_three_layers": (
        "It is your backward_one_example with one more layer: the output layer's three equations first, then the same "
        "pattern for each hidden layer, from the top down.",
        "Each hidden layer l receives W^[l+1]ᵀ dz^[l+1] from the layer above, multiplied element-wise by tanh′ at z^[l]; "
        "its dW is its dz times the transposed input of the layer, its db is its dz.",
        "dz3 = a3 − y; dW3 = dz3 a2ᵀ; db3 = dz3; dz2 = W3ᵀ dz3 ∗ (1 − a2²); dW2 = dz2 a1ᵀ; db2 = dz2; "
        "dz1 = W2ᵀ dz2 ∗ (1 − a1²); dW1 = dz1 xᵀ; db1 = dz1.",
    ),
    # 03
    "forward_propagation": (
        "Notebook 02's forward pass, with X (n_x × m) in the place of x.",
        "W1 @ X computes every column at once; adding the column b1 broadcasts it to all m columns.",
        "Z1 = W1 @ X + b1, A1 = np.tanh(Z1), Z2 = W2 @ A1 + b2, A2 = helpers.sigmoid(Z2).",
    ),
    "compute_cost": (
        "The equation is above the exercise; the number of examples is Y.shape[1].",
        "Sum the losses of every entry (np.sum adds everything), then divide by m, the number of columns only.",
        "cost = -np.sum(Y * np.log(A2) + (1 - Y) * np.log(1 - A2)) / m.",
    ),
    "backward_propagation": (
        "Start from notebook 02's six equations for one example; here the m per-example dz's are the columns of dZ.",
        "J averages the m losses, so each gradient is (1/m) Σ over examples of the per-example gradient. Σ_i dz^(i) a^(i)ᵀ "
        "is one matrix product of dZ with Aᵀ; Σ_i dz^(i) is a sum over the columns (axis=1) that keeps a column "
        "(keepdims=True). dZ1 needs no 1/m: it is per example.",
        "dZ2 = A2 − Y; dW2 = (1/m) dZ2 A1ᵀ; db2 = (1/m) np.sum(dZ2, axis=1, keepdims=True); dZ1 = W2ᵀ dZ2 ∗ (1 − A1²); "
        "dW1 = (1/m) dZ1 Xᵀ; db1 = (1/m) np.sum(dZ1, axis=1, keepdims=True).",
    ),
    "update_parameters": (
        "The update rule is written above the exercise.",
        "Each parameter moves against its gradient by the learning rate; build a new dict, leaving the old one alone.",
        "new[name] = parameters[name] - learning_rate * grads['d' + name] for W1, b1, W2, b2.",
    ),
    "predict": (
        "Use your forward pass: A2 holds the probabilities.",
        "A probability above 0.5 means class 1; a comparison gives booleans, which .astype(float) turns into 0s and 1s.",
        "A2, _ = my_forward_propagation(X, parameters); return (A2 > 0.5).astype(float).",
    ),
    "train": (
        "The text lists the four steps of one iteration; use your functions from Your turns 1–4.",
        "Record the cost of the current parameters before updating them, and assign the updated parameters back so "
        "that the next iteration uses them; use every argument (n_h, num_iterations, learning_rate, seed).",
        "for each iteration: A2, cache = forward(X, parameters); costs.append(cost(A2, Y)); "
        "grads = backward(parameters, cache, X, Y); parameters = update(parameters, grads, learning_rate).",
    ),
    # 04
    "numerical_gradient": (
        "The formula is in the text: one entry of x at a time, both ways.",
        "Save x[i], set it to saved + epsilon and evaluate f, set it to saved − epsilon and evaluate f, put saved back. "
        "Use the epsilon you are given.",
        "grad[i] = (f(x with x[i] + ε) − f(x with x[i] − ε)) / (2ε), with x[i] restored afterwards.",
    ),
    "gradient_check": (
        "The relative difference is defined above; the text says which helpers functions give the cost.",
        "Collect both gradients of all four parameters as one flat vector each, in the same order, then compare "
        "them with norms (np.linalg.norm).",
        "‖g − g_num‖ / (‖g‖ + ‖g_num‖), with g and g_num each the concatenation of the four flattened gradients.",
    ),
    "fixed_backward_propagation": (
        "Run the check on the broken code: which gradients disagree, and which line do they share?",
        "A gradient that is off by a constant factor points at its own line; two wrong gradients computed from the "
        "same intermediate point at that intermediate's line.",
        "The two bugs: db2 lacks the 1/m, and g′ is evaluated at A1 instead of Z1 (write 1 - A1 ** 2).",
    ),
    # 05
    "initialize_parameters": (
        "The text gives the distribution, the scale and the shapes; notebook 02 gives W^[l] as n_l × n_(l−1).",
        "One generator, rng = np.random.default_rng(seed), draws every weight; biases start at zero.",
        "W1 = rng.standard_normal((n_h, n_x)) * 0.01, b1 = np.zeros((n_h, 1)), W2 = rng.standard_normal((n_y, n_h)) * 0.01, "
        "b2 = np.zeros((n_y, 1)).",
    ),
    # 06
    "linear_backward": (
        "Z = W A_prev + b is the same linear step as in notebook 03, with A_prev where A1 or X stood: its three "
        "gradients are the ones you wrote there for dW2, db2 and the product before g′ in dZ1.",
        "dW and db are averages over the examples (the cost is), so they carry 1/m; dA_prev is not a parameter's gradient: "
        "each column is one example's own signal, so no 1/m. Check each shape against W, b and A_prev.",
        "dW = (1/m) dZ A_prevᵀ, db = (1/m) np.sum(dZ, axis=1, keepdims=True), dA_prev = Wᵀ dZ.",
    ),
    "activation_backward": (
        "A = g(Z) element by element, with g named by cache['activation']: three activations, three derivatives "
        "(notebooks 01 and 02 derived them).",
        "The chain rule multiplies dA element-wise by g′ evaluated at Z (the cache holds Z); relu′ is 1 where Z > 0, "
        "tanh′ and σ′ can be written with A alone.",
        "dZ = dA * g′(Z): relu (Z > 0), tanh 1 − A², sigmoid A (1 − A); pick by cache['activation'].",
    ),
    "L_model_forward": (
        "Each layer does what layer 1 of notebook 03 did: a linear step, then an activation; the A it makes is the "
        "next layer's input.",
        "Loop l = 1 … L with L = len(parameters) // 2; layers below L use hidden, layer L uses σ. Keep the A that came "
        "in (A_prev) before computing the new one, and append one dict per layer.",
        "A_prev = A; Z = W^[l] A_prev + b^[l]; A = g(Z); caches.append({'A_prev': A_prev, 'W': …, 'b': …, 'Z': Z, "
        "'A': A, 'activation': g's name}).",
    ),
    "L_model_backward": (
        "Start at the output as in notebook 03 (dZ^[L] = A^[L] − Y), then walk the layers down, L … 1, each reading "
        "its own cache, caches[l − 1].",
        "Every layer repeats the same two steps: the linear backward step gives dW^[l], db^[l] and dA^[l−1]; below "
        "the output, dZ^[l] = dA^[l] ∗ g′(Z^[l]) with the hidden activation. 1/m only in dW and db.",
        "dZ = AL − Y; for l = L … 1: cache = caches[l − 1]; if l < L: dZ = activation_backward(dA, cache); "
        "dA, grads['dW' + str(l)], grads['db' + str(l)] = linear_backward(dZ, cache).",
    ),
    # 07
    "softmax": (
        "Each column of Z holds one example's n scores; softmax turns each column into probabilities that add up to 1.",
        "Exponentiate, then divide each column by its own sum (axis=0, keepdims=True). e^1000 overflows: subtracting the "
        "column's largest score first changes no ratio, and keeps every exponent ≤ 0.",
        "E = np.exp(Z - np.max(Z, axis=0, keepdims=True)); A = E / np.sum(E, axis=0, keepdims=True).",
    ),
    "softmax_backward": (
        "Derive ∂a_k/∂z_j from a_k = e^(z_k) / Σ_i e^(z_i) for one example: once for k = j, once for k ≠ j.",
        "The quotient rule gives a_j(1 − a_j) on the diagonal and −a_k a_j off it; dZ_j = Σ_k (∂a_k/∂z_j) dA_k, one "
        "column (example) at a time, and the sum over k is a sum over a column.",
        "dZ = A * (dA − np.sum(A * dA, axis=0, keepdims=True)).",
    ),
    "softmax_cost": (
        "With one-hot Y, each column has a single 1, at the true class: the loss of one example is −log of the "
        "probability the network gives that class.",
        "Multiply Y and log A entry by entry, add over every entry, and average over the m examples (not over the n "
        "classes too).",
        "J = −np.sum(Y * np.log(A)) / m.",
    ),
    "train_deep": (
        "Each step is notebook 03's: forward (output='softmax'), the cost, backward, update; the costs are recorded "
        "before each update, starting from helpers.initialize_deep(layer_dims, seed=0).",
        "The backward pass is notebook 06's loop; only its first line comes from this notebook's derivation: with the "
        "cross-entropy, dZ^[L] of a softmax output is what it was for σ. Update every W^[l] and b^[l] against its gradient.",
        "for each step: AL, caches = helpers.L_model_forward(X, parameters, output='softmax'); costs.append(cost); "
        "dZ = AL − Y, then for l = L … 1 the steps of notebook 06; W^[l] −= learning_rate * dW^[l], the same for b^[l].",
    ),
    "predicted_std": (
        "Go up one layer at a time, carrying E[a²] of the layer below (E[x²] for layer 1): each layer's Var(z) needs "
        "only that, n_{l−1} and the scale s.",
        "With w of mean 0 independent of a, Var(w·a) = E[w²]·E[a²]; a sum of n independent terms adds their variances. "
        "The next layer's E[a²]: tanh ≈ z keeps all of Var(z), relu keeps the positive half of a symmetric z.",
        "variance = layer_dims[l − 1] * s ** 2 * mean_square; stds.append(np.sqrt(variance)); then mean_square = variance / 2 for "
        "relu, = variance for tanh.",
    ),
    "initialize_deep": (
        "One generator for the whole network, made before the loop; each layer draws its W^[l] from it in turn, so the "
        "layers differ and the same seed gives the same network.",
        "W^[l] has one row per unit of layer l and one column per unit of layer l − 1; its scale depends on n_{l−1}, the "
        "number of inputs each unit adds up; a number given as the method is the scale itself.",
        "scale = np.sqrt(2 / n_prev) for 'he', np.sqrt(1 / n_prev) for 'xavier', else method; "
        "parameters[f'W{l}'] = rng.standard_normal((layer_dims[l], n_prev)) * scale; parameters[f'b{l}'] = "
        "np.zeros((layer_dims[l], 1)).",
    ),
    "layer_statistics": (
        "Everything is in the cache of layer l (A, Z, W, its activation) and in grads (dA{l}, dW{l}); the loop runs over "
        "caches[:-1], the hidden layers.",
        "dZ^[l] is notebook 06's activation step: dA^[l] times g′ at Z^[l], element by element, g′ chosen by the cache's "
        "activation. The ratio divides two norms (np.linalg.norm of the whole matrix).",
        "g′ = (Z > 0) for relu, 1 − A² for tanh, A(1 − A) for σ; dZ = grads[f'dA{l}'] * g′; append np.std(A), np.std(dZ), "
        "np.std(grads[f'dW{l}']) and np.linalg.norm(grads[f'dW{l}']) / np.linalg.norm(cache['W']).",
    ),
    "matmul_backward": (
        "Each entry z_ij = Σ_p a_ip b_pj; the gradient reaching a_ip collects dz_ij over every j it took part in. And "
        "dA must have the shape of A, dB that of B.",
        "dA is (n, k) from dZ (n, m) and B (k, m): only one product of the two, with one of them transposed, has that "
        "shape; the same for dB (k, m) from A (n, k) and dZ.",
        "dA = dZ @ B.T; dB = A.T @ dZ (no 1/m: that comes from the cost's node).",
    ),
    "sum_to": (
        "Broadcasting copied the operand along some axes; its gradient is the sum of the copies' gradients along those "
        "axes.",
        "First sum away the leading axes grad has and shape has not (axis 0, while grad.ndim > len(shape)); then, for "
        "each axis where shape has a 1 and grad does not, sum over it keeping it (keepdims=True).",
        "while grad.ndim > len(shape): grad = grad.sum(axis=0); then for axis, size in enumerate(shape): if size == 1: "
        "grad = grad.sum(axis=axis, keepdims=True).",
    ),
    "topological_order": (
        "A node may go in the list only after all its parents are in; visiting the parents first, depth first, does "
        "that.",
        "A recursive visit(node): if the node was not seen, mark it seen (a set of names), visit each of parents[node], "
        "then append the node. Call it on the root.",
        "def visit(node): if node not in seen: seen.add(node); for p in parents[node]: visit(p); order.append(node) — "
        "then visit(root).",
    ),
    "backward_pass": (
        "Every gradient starts at 0 but the root's, which is 1; then each node, from the root down, sends its gradient "
        "times each local derivative to that parent.",
        "'From the root down' is the order reversed (the root is last in it). A parent used twice gets two "
        "contributions: add them (+=), never assign.",
        "grads = {n: 0.0 for n in order}; grads[order[-1]] = 1.0; for node in reversed(order): for parent, d in "
        "local[node]: grads[parent] += grads[node] * d.",
    ),
    "unit_shares": (
        "A relu layer has dead units but never saturates; a tanh or σ layer saturates but has no dead units: one of the "
        "two shares is 0 for each layer.",
        "Saturated counts values (every entry of Z where g′ is tiny); dead counts units, the rows of Z, and a row is dead "
        "only when every example (every column) gives z ≤ 0.",
        "relu: np.mean(np.all(Z <= 0, axis=1)) dead, 0.0 saturated; tanh or σ: np.mean(g′ < 0.01) saturated with "
        "g′ = 1 − A² or A(1 − A), 0.0 dead.",
    ),
}
_given = {}  # how many hints of each exercise this kernel has shown
_graded = []  # non-empty in a graded notebook (nbgrader's release calls graded_notebook() in its first cells)


def graded_notebook():
    """Mark this kernel as running a graded notebook: a hint stops before the last one (the equation, which is the
    answer), and a self-check question shows its reasoning only once the answer is right."""
    if not _graded:
        _graded.append(True)
    print("A graded notebook: hints stop before the equation, and a self-check shows its reasoning once you are right.")


def in_graded_notebook():
    return bool(_graded)


def _steps(key):
    return HINTS[key][:-1] if _graded else HINTS[key]


def hint(name):
    """Print the next hint for the exercise ``name`` (its function's name without ``my_``); after the last, say so."""
    key = name[3:] if name.startswith("my_") else name
    if key not in HINTS:
        known = ", ".join(sorted(HINTS))
        print(f"No hints for {name!r}: the exercises with hints are {known}")
        return
    steps, shown = _steps(key), _given.get(key, 0)
    if shown >= len(steps):
        where = ("in a graded notebook the last hint, the equation, is not given: derive it from the hints so far"
                 if _graded else "the full edition (solutions/) has the whole answer")
        print(f"That was the last hint for {key}: {where}.")
        return
    _given[key] = shown + 1
    title = ("where to look", "the principle", "the equation")[shown]
    print(f"Hint {shown + 1} of {len(steps)} for {key} ({title}): {steps[shown]}")


def offer(name, sep=""):
    """The sentence a wrong answer's verdict ends with: which call gives the next hint, or "" when none is left."""
    key = name[3:] if name.startswith("my_") else name
    shown = _given.get(key, 0)
    if key not in HINTS or shown >= len(_steps(key)):
        return ""
    return f"{sep} Stuck? helpers.hint(\"{key}\") gives hint {shown + 1} of {len(_steps(key))}."
