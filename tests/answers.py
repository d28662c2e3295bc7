"""Answers to every exercise as students write them: the right one and the usual wrong ones.

`tests/test_exercises.py` runs each through its checker. The right answers are written from the equations,
as a student would, without calling the reference implementation.
"""
import numpy as np

import helpers


def blank(*args):
    # YOUR CODE HERE
    raise NotImplementedError()


def sig(z):
    return 1 / (1 + np.exp(-z))


# ---------------------------------------------------------------------------------------------- 01
def sigmoid_prime(z):
    a = sig(z)
    return a * (1 - a)


def sigmoid_prime_z(z):
    return z * (1 - z)


def sigmoid_prime_tanh_rule(z):
    a = sig(z)
    return 1 - a ** 2


def logistic_backward(x, w, b, y):
    a = sig((w.T @ x).item() + b)
    da = -y / a + (1 - y) / (1 - a)
    dz = a - y
    return {"da": da, "dz": dz, "dw": x * dz, "db": dz}


def logistic_backward_no_sigma_prime(x, w, b, y):
    a = sig((w.T @ x).item() + b)
    da = -y / a + (1 - y) / (1 - a)
    dz = da
    return {"da": da, "dz": dz, "dw": x * dz, "db": dz}


def logistic_backward_w_for_x(x, w, b, y):
    a = sig((w.T @ x).item() + b)
    dz = a - y
    return {"da": -y / a + (1 - y) / (1 - a), "dz": dz, "dw": w * dz, "db": dz}


def propagate(w, b, X, Y):
    m = X.shape[1]
    A = sig(w.T @ X + b)
    cost = float(-np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m)
    dZ = A - Y
    return {"dw": X @ dZ.T / m, "db": float(np.sum(dZ) / m)}, cost


def propagate_missing_m(w, b, X, Y):
    (grads, cost) = propagate(w, b, X, Y)
    dw = X @ (sig(w.T @ X + b) - Y).T
    return {"dw": dw, "db": grads["db"]}, cost


def propagate_delegates(w, b, X, Y):
    return helpers.propagate(w, b, X, Y)


def propagate_complex(w, b, X, Y):
    grads, cost = propagate(w, b, X, Y)
    return {"dw": grads["dw"] + 0j, "db": grads["db"]}, cost


def propagate_strings(w, b, X, Y):
    grads, cost = propagate(w, b, X, Y)
    return {"dw": grads["dw"].astype(str), "db": grads["db"]}, cost


def propagate_objects(w, b, X, Y):
    grads, cost = propagate(w, b, X, Y)
    return {"dw": grads["dw"].astype(object), "db": grads["db"]}, cost


def propagate_float16(w, b, X, Y):
    grads, cost = propagate(w, b, X, Y)
    return {"dw": grads["dw"].astype(np.float16), "db": grads["db"]}, cost


def propagate_exits(w, b, X, Y):
    import sys
    sys.exit()


# ---------------------------------------------------------------------------------------------- 02
def forward_one_example(x, parameters):
    z1 = parameters["W1"] @ x + parameters["b1"]
    a1 = np.tanh(z1)
    z2 = parameters["W2"] @ a1 + parameters["b2"]
    return {"z1": z1, "a1": a1, "z2": z2, "a2": sig(z2)}


def forward_one_example_sigmoid_hidden(x, parameters):
    z1 = parameters["W1"] @ x + parameters["b1"]
    a1 = sig(z1)
    z2 = parameters["W2"] @ a1 + parameters["b2"]
    return {"z1": z1, "a1": a1, "z2": z2, "a2": sig(z2)}


def forward_one_example_transposed(x, parameters):
    z1 = parameters["W1"].T @ x + parameters["b1"]
    a1 = np.tanh(z1)
    z2 = parameters["W2"] @ a1 + parameters["b2"]
    return {"z1": z1, "a1": a1, "z2": z2, "a2": sig(z2)}


def six(parameters, cache, x, y, g_prime=lambda z1, a1: 1 - a1 ** 2):
    W2 = parameters["W2"]
    dz2 = cache["A2"] - y
    dW2 = dz2 @ cache["A1"].T
    db2 = dz2
    dz1 = (W2.T @ dz2) * g_prime(cache["Z1"], cache["A1"])
    dW1 = dz1 @ x.T
    db1 = dz1
    return {"dz2": dz2, "dW2": dW2, "db2": db2, "dz1": dz1, "dW1": dW1, "db1": db1}


def six_relu(parameters, cache, x, y):
    return six(parameters, cache, x, y, lambda z1, a1: (z1 > 0).astype(float))


def six_relu_with_tanh_prime(parameters, cache, x, y):
    return six(parameters, cache, x, y)


def six_g_prime_at_a1(parameters, cache, x, y):
    return six(parameters, cache, x, y, lambda z1, a1: helpers.tanh_prime(a1))


def six_sigmoid_prime(parameters, cache, x, y):
    return six(parameters, cache, x, y, lambda z1, a1: a1 * (1 - a1))


def six_sigmoid_hidden(parameters, cache, x, y):  # the rung with a sigmoid hidden layer: right
    return six(parameters, cache, x, y, lambda z1, a1: a1 * (1 - a1))


def six_sigmoid_hidden_with_tanh_prime(parameters, cache, x, y):
    return six(parameters, cache, x, y)


def gradient_shapes(n_x, n_h, n_y):
    return {"dz2": (n_y, 1), "dW2": (n_y, n_h), "db2": (n_y, 1), "dz1": (n_h, 1), "dW1": (n_h, n_x), "db1": (n_h, 1)}


def gradient_shapes_dW1_transposed(n_x, n_h, n_y):
    return {**gradient_shapes(n_x, n_h, n_y), "dW1": (n_x, n_h)}


def three_layers(parameters, cache, x, y, g2=lambda z2, a2: 1 - a2 ** 2):
    dz3 = cache["A3"] - y
    dz2 = (parameters["W3"].T @ dz3) * g2(cache["Z2"], cache["A2"])
    dz1 = (parameters["W2"].T @ dz2) * (1 - cache["A1"] ** 2)
    return {"dz3": dz3, "dW3": dz3 @ cache["A2"].T, "db3": dz3, "dz2": dz2, "dW2": dz2 @ cache["A1"].T, "db2": dz2,
            "dz1": dz1, "dW1": dz1 @ x.T, "db1": dz1}


def three_layers_no_g2(parameters, cache, x, y):
    return three_layers(parameters, cache, x, y, lambda z2, a2: 1.0)


def dz2_squared_error(a2, y):
    return (a2 - y) * a2 * (1 - a2)


def dz2_cross_entropy(a2, y):
    return a2 - y


# ---------------------------------------------------------------------------------------------- 03
def forward_propagation(X, parameters):
    Z1 = parameters["W1"] @ X + parameters["b1"]
    A1 = np.tanh(Z1)
    Z2 = parameters["W2"] @ A1 + parameters["b2"]
    A2 = sig(Z2)
    return A2, {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}


def forward_propagation_no_b1(X, parameters):
    Z1 = parameters["W1"] @ X
    A1 = np.tanh(Z1)
    Z2 = parameters["W2"] @ A1 + parameters["b2"]
    A2 = sig(Z2)
    return A2, {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}


def compute_cost(A2, Y):
    m = Y.shape[1]
    return float(-np.sum(Y * np.log(A2) + (1 - Y) * np.log(1 - A2)) / m)


def compute_cost_mean(A2, Y):
    return float(-np.mean(Y * np.log(A2) + (1 - Y) * np.log(1 - A2)))


def compute_cost_integer_division(A2, Y):
    m = Y.shape[1]
    return float(-(1 // m) * np.sum(Y * np.log(A2) + (1 - Y) * np.log(1 - A2)))


def backward(parameters, cache, X, Y, *, g=lambda Z1, A1: 1 - A1 ** 2, scale=None, keepdims=True, axis=1):
    m = X.shape[1]
    W2, A1, A2 = parameters["W2"], cache["A1"], cache["A2"]
    scale = 1 / m if scale is None else scale
    dZ2 = A2 - Y
    dW2 = scale * dZ2 @ A1.T
    db2 = scale * np.sum(dZ2, axis=1, keepdims=True)
    dZ1 = (W2.T @ dZ2) * g(cache["Z1"], A1)
    dW1 = scale * dZ1 @ X.T
    db1 = scale * np.sum(dZ1, axis=axis, keepdims=keepdims)
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}


def backward_sigmoid_prime(parameters, cache, X, Y):
    return backward(parameters, cache, X, Y, g=lambda Z1, A1: A1 * (1 - A1))


def backward_sigmoid_prime_written_out(parameters, cache, X, Y):
    m = X.shape[1]
    W2, A1, A2 = parameters["W2"], cache["A1"], cache["A2"]
    dZ2 = A2 - Y
    dW2 = (1 / m) * dZ2 @ A1.T
    db2 = (1 / m) * np.sum(dZ2, axis=1, keepdims=True)
    dZ1 = (W2.T @ dZ2) * A1 * (1 - A1)
    dW1 = (1 / m) * dZ1 @ X.T
    db1 = (1 / m) * np.sum(dZ1, axis=1, keepdims=True)
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}


def backward_integer_division(parameters, cache, X, Y):
    return backward(parameters, cache, X, Y, scale=1 // X.shape[1])


def backward_hard_coded_m(parameters, cache, X, Y):
    return backward(parameters, cache, X, Y, scale=1 / 400)


def backward_axis_0(parameters, cache, X, Y):
    return backward(parameters, cache, X, Y, axis=0)


def backward_summed_to_scalar(parameters, cache, X, Y):
    grads = backward(parameters, cache, X, Y)
    m = X.shape[1]
    A1, A2 = cache["A1"], cache["A2"]
    dZ1 = (parameters["W2"].T @ (A2 - Y)) * (1 - A1 ** 2)
    return {**grads, "db1": np.sum(dZ1) / m}


def backward_missing_transpose(parameters, cache, X, Y):
    m = X.shape[1]
    A1, A2 = cache["A1"], cache["A2"]
    dZ2 = A2 - Y
    dZ1 = (parameters["W2"].T @ dZ2) * (1 - A1 ** 2)
    dW1 = (1 / m) * dZ1 @ X
    return {"dW1": dW1}


def update_parameters(parameters, grads, learning_rate):
    return {k: parameters[k] - learning_rate * grads["d" + k] for k in ("W1", "b1", "W2", "b2")}


def update_parameters_ascent(parameters, grads, learning_rate):
    return {k: parameters[k] + learning_rate * grads["d" + k] for k in ("W1", "b1", "W2", "b2")}


def predict(parameters, X):
    A2, _ = forward_propagation(X, parameters)
    return (A2 > 0.5).astype(float)


def predict_probabilities(parameters, X):
    A2, _ = forward_propagation(X, parameters)
    return A2


def train(X, Y, n_h, num_iterations, learning_rate, seed):
    parameters = helpers.initialize_parameters(X.shape[0], n_h, Y.shape[0], seed=seed)
    costs = []
    for _ in range(num_iterations):
        A2, cache = forward_propagation(X, parameters)
        costs.append(compute_cost(A2, Y))
        grads = backward(parameters, cache, X, Y)
        parameters = update_parameters(parameters, grads, learning_rate)
    return parameters, costs


def train_never_updates(X, Y, n_h, num_iterations, learning_rate, seed):
    parameters = helpers.initialize_parameters(X.shape[0], n_h, Y.shape[0], seed=seed)
    costs = []
    for _ in range(num_iterations):
        A2, cache = forward_propagation(X, parameters)
        costs.append(compute_cost(A2, Y))
        grads = backward(parameters, cache, X, Y)
        update_parameters(parameters, grads, learning_rate)
    return parameters, costs


def train_delegates(X, Y, n_h, num_iterations, learning_rate, seed):
    parameters, costs = helpers.train(X, Y, n_h, num_iterations=num_iterations, learning_rate=learning_rate, seed=seed)
    return parameters, list(costs)


# ---------------------------------------------------------------------------------------------- 04
def numerical_gradient(f, x, epsilon):
    grad = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        saved = x[i]
        x[i] = saved + epsilon
        plus = f(x)
        x[i] = saved - epsilon
        minus = f(x)
        x[i] = saved
        grad[i] = (plus - minus) / (2 * epsilon)
    return grad


def numerical_gradient_one_sided(f, x, epsilon):
    grad = np.zeros_like(x)
    base = f(x)
    for i in np.ndindex(x.shape):
        saved = x[i]
        x[i] = saved + epsilon
        grad[i] = (f(x) - base) / epsilon
        x[i] = saved
    return grad


def numerical_gradient_not_restored(f, x, epsilon):
    grad = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        saved = x[i]
        x[i] = saved + epsilon
        plus = f(x)
        x[i] = saved - epsilon
        minus = f(x)
        grad[i] = (plus - minus) / (2 * epsilon)
    return grad


def numerical_gradient_over_epsilon(f, x, epsilon):
    return 2 * numerical_gradient(f, x, epsilon)


def _cost_of(parameters, X, Y):
    A2, _ = helpers.forward_propagation(X, parameters)
    return helpers.compute_cost(A2, Y)


def _gradients_side_by_side(parameters, X, Y, backward, epsilon):
    _, cache = helpers.forward_propagation(X, parameters)
    grads = backward(parameters, cache, X, Y)
    g, g_num = [], []
    for name in ("W1", "b1", "W2", "b2"):
        def f(value, name=name):
            return _cost_of({**parameters, name: value}, X, Y)
        g_num.append(numerical_gradient(f, parameters[name].copy(), epsilon).ravel())
        g.append(np.ravel(grads["d" + name]))
    return np.concatenate(g), np.concatenate(g_num)


def gradient_check(parameters, X, Y, backward, epsilon=1e-7):
    g, g_num = _gradients_side_by_side(parameters, X, Y, backward, epsilon)
    return float(np.linalg.norm(g - g_num) / (np.linalg.norm(g) + np.linalg.norm(g_num)))


def gradient_check_absolute(parameters, X, Y, backward, epsilon=1e-7):
    g, g_num = _gradients_side_by_side(parameters, X, Y, backward, epsilon)
    return float(np.linalg.norm(g - g_num))


def gradient_check_delegates(parameters, X, Y, backward, epsilon=1e-7):
    return helpers.gradient_check(parameters, X, Y)


def fixed_backward(parameters, cache, X, Y):
    return backward(parameters, cache, X, Y)


still_broken = helpers.broken_backward_propagation  # the notebook's broken code, unchanged: 1/m missing in db2, g′ at A1


def half_fixed(parameters, cache, X, Y):
    return backward(parameters, cache, X, Y, g=lambda Z1, A1: helpers.tanh_prime(A1))


# ---------------------------------------------------------------------------------------------- 05
def initialize(n_x, n_h, n_y, seed):
    rng = np.random.default_rng(seed)
    return {"W1": rng.standard_normal((n_h, n_x)) * 0.01, "b1": np.zeros((n_h, 1)),
            "W2": rng.standard_normal((n_y, n_h)) * 0.01, "b2": np.zeros((n_y, 1))}


def initialize_zeros(n_x, n_h, n_y, seed):
    return {"W1": np.zeros((n_h, n_x)), "b1": np.zeros((n_h, 1)), "W2": np.zeros((n_y, n_h)), "b2": np.zeros((n_y, 1))}


def initialize_w2_zero(n_x, n_h, n_y, seed):
    return {**initialize(n_x, n_h, n_y, seed), "W2": np.zeros((n_y, n_h))}


def initialize_large(n_x, n_h, n_y, seed):
    p = initialize(n_x, n_h, n_y, seed)
    return {**p, "W1": p["W1"] * 100}


# ---------------------------------------------------------------------------------------------- 06
def linear_backward(dZ, cache):
    m = dZ.shape[1]
    dW = (1 / m) * dZ @ cache["A_prev"].T
    db = (1 / m) * np.sum(dZ, axis=1, keepdims=True)
    dA_prev = cache["W"].T @ dZ
    return dA_prev, dW, db


def linear_backward_dA_over_m(dZ, cache):
    dA_prev, dW, db = linear_backward(dZ, cache)
    m = dZ.shape[1]
    dA_prev = cache["W"].T @ dZ / m
    return dA_prev, dW, db


def linear_backward_no_keepdims(dZ, cache):
    dA_prev, dW, _ = linear_backward(dZ, cache)
    m = dZ.shape[1]
    db = (1 / m) * np.sum(dZ, axis=1)
    return dA_prev, dW, db


def activation_backward(dA, cache):
    Z, A = cache["Z"], cache["A"]
    if cache["activation"] == "relu":
        return dA * (Z > 0)
    if cache["activation"] == "tanh":
        return dA * (1 - A ** 2)
    return dA * A * (1 - A)


def activation_backward_always_tanh(dA, cache):
    return dA * (1 - cache["A"] ** 2)


def activation_backward_at_A(dA, cache):
    if cache["activation"] == "relu":
        return dA * (cache["Z"] > 0)
    if cache["activation"] == "tanh":
        return dA * helpers.tanh_prime(cache["A"])
    return dA * helpers.sigmoid_prime(cache["A"])


def L_model_forward(X, parameters, hidden):
    L = len(parameters) // 2
    caches = []
    A = X
    for l in range(1, L + 1):
        A_prev = A
        Z = parameters[f"W{l}"] @ A_prev + parameters[f"b{l}"]
        activation = "sigmoid" if l == L else hidden
        A = {"relu": lambda z: np.maximum(z, 0), "tanh": np.tanh, "sigmoid": sig}[activation](Z)
        caches.append({"A_prev": A_prev, "W": parameters[f"W{l}"], "b": parameters[f"b{l}"], "Z": Z, "A": A,
                       "activation": activation})
    return A, caches


def L_model_forward_stops_early(X, parameters, hidden):
    AL, caches = L_model_forward(X, parameters, hidden)
    return caches[-2]["A"], caches[:-1]


def L_model_forward_stores_new_A(X, parameters, hidden):
    AL, caches = L_model_forward(X, parameters, hidden)
    return AL, [{**c, "A_prev": c["A"]} for c in caches]


def L_model_forward_hidden_everywhere(X, parameters, hidden):
    L = len(parameters) // 2
    caches, A = [], X
    for l in range(1, L + 1):
        A_prev = A
        Z = parameters[f"W{l}"] @ A_prev + parameters[f"b{l}"]
        A = np.maximum(Z, 0) if hidden == "relu" else np.tanh(Z)
        caches.append({"A_prev": A_prev, "W": parameters[f"W{l}"], "b": parameters[f"b{l}"], "Z": Z, "A": A,
                       "activation": "sigmoid" if l == L else hidden})
    return A, caches


def L_model_backward(AL, Y, caches, *, dZL_over_m=False, dA_over_m=False, output_inside=False):
    grads = {}
    L, m = len(caches), Y.shape[1]
    dZ = (AL - Y) / (m if dZL_over_m else 1)
    for l in range(L, 0, -1):
        cache = caches[l - 1]
        if l < L:
            dZ = activation_backward(dA, {**cache, "activation": "sigmoid"} if output_inside else cache)
        grads[f"dW{l}"] = (1 / m) * dZ @ cache["A_prev"].T
        grads[f"db{l}"] = (1 / m) * np.sum(dZ, axis=1, keepdims=True)
        dA = cache["W"].T @ dZ / (m if dA_over_m else 1)
    return grads


def L_model_backward_using_steps(AL, Y, caches):
    grads = {}
    L = len(caches)
    dZ = AL - Y
    for l in range(L, 0, -1):
        if l < L:
            dZ = my_activation_backward(dA, caches[l - 1])
        dA, grads[f"dW{l}"], grads[f"db{l}"] = my_linear_backward(dZ, caches[l - 1])
    return grads


my_activation_backward, my_linear_backward = activation_backward, linear_backward  # the notebook's names


def L_model_backward_dA_over_m(AL, Y, caches):
    return L_model_backward(AL, Y, caches, dA_over_m=True)


def L_model_backward_m_twice(AL, Y, caches):
    return L_model_backward(AL, Y, caches, dZL_over_m=True)


def L_model_backward_output_inside(AL, Y, caches):
    return L_model_backward(AL, Y, caches, output_inside=True)


def L_model_backward_off_by_one(AL, Y, caches):
    grads = {}
    L, m = len(caches), Y.shape[1]
    dZ = AL - Y
    for l in range(L, 0, -1):
        cache = caches[l - 1]
        if l < L:
            dZ = activation_backward(dA, caches[l])
        grads[f"dW{l}"] = (1 / m) * dZ @ cache["A_prev"].T
        grads[f"db{l}"] = (1 / m) * np.sum(dZ, axis=1, keepdims=True)
        dA = cache["W"].T @ dZ
    return grads


def L_model_backward_index_error(AL, Y, caches):
    grads = {}
    L, m = len(caches), Y.shape[1]
    dZ = AL - Y
    for l in range(L, 0, -1):
        cache = caches[l]
        grads[f"dW{l}"] = (1 / m) * dZ @ cache["A_prev"].T
    return grads


# ---------------------------------------------------------------------------------------------- 07
def softmax(Z):
    E = np.exp(Z - np.max(Z, axis=0, keepdims=True))
    return E / np.sum(E, axis=0, keepdims=True)


def softmax_rows(Z):
    E = np.exp(Z - np.max(Z, axis=1, keepdims=True))
    return E / np.sum(E, axis=1, keepdims=True)


def softmax_unstable(Z):
    E = np.exp(Z)
    return E / np.sum(E, axis=0, keepdims=True)


def softmax_backward(dA, A):
    return A * (dA - np.sum(A * dA, axis=0, keepdims=True))


def softmax_backward_diagonal(dA, A):
    return dA * A * (1 - A)


def softmax_backward_jacobian(dA, A):  # the Jacobian built for each example, then multiplied: right, and slower
    dZ = np.zeros_like(A)
    for j in range(A.shape[1]):
        a = A[:, j]
        dZ[:, j] = (np.diag(a) - np.outer(a, a)) @ dA[:, j]
    return dZ


def softmax_cost(A, Y):
    return float(-np.sum(Y * np.log(A)) / Y.shape[1])


def softmax_cost_sigmoid_terms(A, Y):
    return float(-np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / Y.shape[1])


def train_deep(X, Y, layer_dims, num_iterations, learning_rate, *, dZL=lambda AL, Y: AL - Y):
    parameters = helpers.initialize_deep(layer_dims, seed=0)
    L, m = len(layer_dims) - 1, X.shape[1]
    costs = []
    for _ in range(num_iterations):
        AL, caches = helpers.L_model_forward(X, parameters, output="softmax")
        costs.append(softmax_cost(AL, Y))
        dZ = dZL(AL, Y)
        for l in range(L, 0, -1):
            cache = caches[l - 1]
            if l < L:
                dZ = dA * (cache["Z"] > 0)
            dA = cache["W"].T @ dZ
            parameters[f"W{l}"] = parameters[f"W{l}"] - learning_rate * (dZ @ cache["A_prev"].T / m)
            parameters[f"b{l}"] = parameters[f"b{l}"] - learning_rate * np.sum(dZ, axis=1, keepdims=True) / m
    return parameters, costs


def train_deep_sigmoid_output(X, Y, layer_dims, num_iterations, learning_rate):
    return train_deep(X, Y, layer_dims, num_iterations, learning_rate, dZL=lambda AL, Y: (AL - Y) * AL * (1 - AL))


def train_deep_reference(X, Y, layer_dims, num_iterations, learning_rate):
    return helpers.train_deep(X, Y, layer_dims, output="softmax", num_iterations=num_iterations,
                              learning_rate=learning_rate)


def train_deep_fixed_rate(X, Y, layer_dims, num_iterations, learning_rate):
    return train_deep(X, Y, layer_dims, num_iterations, 0.5)


def train_deep_m_of_classes(X, Y, layer_dims, num_iterations, learning_rate):  # m taken as Y's rows (the classes)
    return train_deep(X * 1.0, Y, layer_dims, num_iterations, learning_rate * X.shape[1] / Y.shape[0])


# ---------------------------------------------------------------------------------------------- 08
def predicted_std(layer_dims, method, hidden, mean_square_x):
    stds = []
    mean_square = mean_square_x
    for l in range(1, len(layer_dims) - 1):
        n_prev = layer_dims[l - 1]
        s = {"he": np.sqrt(2 / n_prev), "xavier": np.sqrt(1 / n_prev)}.get(method, method)
        variance = n_prev * s ** 2 * mean_square
        stds.append(np.sqrt(variance))
        mean_square = variance / 2 if hidden == "relu" else variance
    return np.array(stds)


def predicted_std_variances(layer_dims, method, hidden, mean_square_x):
    return predicted_std(layer_dims, method, hidden, mean_square_x) ** 2


def predicted_std_own_width(layer_dims, method, hidden, mean_square_x):
    stds = []
    mean_square = mean_square_x
    for l in range(1, len(layer_dims) - 1):
        n = layer_dims[l]
        s = {"he": np.sqrt(2 / n), "xavier": np.sqrt(1 / n)}.get(method, method)
        variance = n * s ** 2 * mean_square
        stds.append(np.sqrt(variance))
        mean_square = variance / 2 if hidden == "relu" else variance
    return np.array(stds)


def predicted_std_never_halved(layer_dims, method, hidden, mean_square_x):
    return predicted_std(layer_dims, method, "tanh", mean_square_x)


def predicted_std_output_too(layer_dims, method, hidden, mean_square_x):
    return predicted_std(list(layer_dims) + [1], method, hidden, mean_square_x)


def predicted_std_scale_not_squared(layer_dims, method, hidden, mean_square_x):
    stds = []
    mean_square = mean_square_x
    for l in range(1, len(layer_dims) - 1):
        n_prev = layer_dims[l - 1]
        s = {"he": np.sqrt(2 / n_prev), "xavier": np.sqrt(1 / n_prev)}.get(method, method)
        variance = n_prev * s * mean_square
        stds.append(np.sqrt(variance))
        mean_square = variance / 2 if hidden == "relu" else variance
    return np.array(stds)


def initialize_deep(layer_dims, method, seed):
    rng = np.random.default_rng(seed)
    parameters = {}
    for l in range(1, len(layer_dims)):
        n_prev = layer_dims[l - 1]
        if method == "he":
            scale = np.sqrt(2 / n_prev)
        elif method == "xavier":
            scale = np.sqrt(1 / n_prev)
        else:
            scale = method
        parameters[f"W{l}"] = rng.standard_normal((layer_dims[l], n_prev)) * scale
        parameters[f"b{l}"] = np.zeros((layer_dims[l], 1))
    return parameters


def initialize_deep_no_root(layer_dims, method, seed):
    rng = np.random.default_rng(seed)
    parameters = {}
    for l in range(1, len(layer_dims)):
        scale = {"he": 2 / layer_dims[l - 1], "xavier": 1 / layer_dims[l - 1]}.get(method, method)
        parameters[f"W{l}"] = rng.standard_normal((layer_dims[l], layer_dims[l - 1])) * scale
        parameters[f"b{l}"] = np.zeros((layer_dims[l], 1))
    return parameters


def initialize_deep_own_width(layer_dims, method, seed):
    rng = np.random.default_rng(seed)
    parameters = {}
    for l in range(1, len(layer_dims)):
        scale = {"he": np.sqrt(2 / layer_dims[l]), "xavier": np.sqrt(1 / layer_dims[l])}.get(method, method)
        parameters[f"W{l}"] = rng.standard_normal((layer_dims[l], layer_dims[l - 1])) * scale
        parameters[f"b{l}"] = np.zeros((layer_dims[l], 1))
    return parameters


def initialize_deep_rng_per_layer(layer_dims, method, seed):
    parameters = {}
    for l in range(1, len(layer_dims)):
        rng = np.random.default_rng(seed)
        scale = {"he": np.sqrt(2 / layer_dims[l - 1]), "xavier": np.sqrt(1 / layer_dims[l - 1])}.get(method, method)
        parameters[f"W{l}"] = rng.standard_normal((layer_dims[l], layer_dims[l - 1])) * scale
        parameters[f"b{l}"] = np.zeros((layer_dims[l], 1))
    return parameters


def initialize_deep_global(layer_dims, method, seed):
    np.random.seed(seed)
    parameters = {}
    for l in range(1, len(layer_dims)):
        scale = {"he": np.sqrt(2 / layer_dims[l - 1]), "xavier": np.sqrt(1 / layer_dims[l - 1])}.get(method, method)
        parameters[f"W{l}"] = np.random.randn(layer_dims[l], layer_dims[l - 1]) * scale
        parameters[f"b{l}"] = np.zeros((layer_dims[l], 1))
    return parameters


def initialize_deep_transposed(layer_dims, method, seed):
    rng = np.random.default_rng(seed)
    parameters = {}
    for l in range(1, len(layer_dims)):
        scale = {"he": np.sqrt(2 / layer_dims[l - 1]), "xavier": np.sqrt(1 / layer_dims[l - 1])}.get(method, method)
        parameters[f"W{l}"] = rng.standard_normal((layer_dims[l - 1], layer_dims[l])) * scale
        parameters[f"b{l}"] = np.zeros((layer_dims[l], 1))
    return parameters


def initialize_deep_reference(layer_dims, method, seed):
    return helpers.initialize_deep(layer_dims, method, seed)


def _g_prime(cache):
    return {"relu": cache["Z"] > 0, "tanh": 1 - cache["A"] ** 2, "sigmoid": cache["A"] * (1 - cache["A"])}[cache["activation"]]


def layer_statistics(caches, grads):
    stats = {"A": [], "dZ": [], "dW": [], "ratio": []}
    for cache in caches[:-1]:
        l = cache["l"]
        dZ = grads[f"dA{l}"] * _g_prime(cache)
        ratio = np.linalg.norm(grads[f"dW{l}"]) / np.linalg.norm(cache["W"])
        stats["A"].append(np.std(cache["A"]))
        stats["dZ"].append(np.std(dZ))
        stats["dW"].append(np.std(grads[f"dW{l}"]))
        stats["ratio"].append(ratio)
    return {key: np.array(values) for key, values in stats.items()}


def layer_statistics_helpers_g_prime(caches, grads):
    prime = {"relu": helpers.relu_prime, "tanh": helpers.tanh_prime, "sigmoid": helpers.sigmoid_prime}
    stats = layer_statistics(caches, grads)
    stats["dZ"] = np.array([np.std(grads[f"dA{c['l']}"] * prime[c["activation"]](c["Z"])) for c in caches[:-1]])
    return stats


def layer_statistics_no_g_prime(caches, grads):
    stats = layer_statistics(caches, grads)
    stats["dZ"] = np.array([np.std(grads[f"dA{c['l']}"]) for c in caches[:-1]])
    return stats


def layer_statistics_every_layer(caches, grads):
    return {key: np.append(values, 0.5) for key, values in layer_statistics(caches, grads).items()}


def layer_statistics_ratio_upside_down(caches, grads):
    stats = layer_statistics(caches, grads)
    stats["ratio"] = 1 / stats["ratio"]
    return stats


def layer_statistics_of_Z(caches, grads):
    stats = layer_statistics(caches, grads)
    stats["A"] = np.array([np.std(c["Z"]) for c in caches[:-1]])
    return stats


def layer_statistics_g_prime_at_A(caches, grads):
    stats = layer_statistics(caches, grads)
    stats["dZ"] = np.array([np.std(grads[f"dA{c['l']}"] * (1 - np.tanh(c["A"]) ** 2 if c["activation"] == "tanh"
                                                        else _g_prime(c))) for c in caches[:-1]])
    return stats


def unit_shares(caches):
    saturated, dead = [], []
    for cache in caches[:-1]:
        Z, A = cache["Z"], cache["A"]
        if cache["activation"] == "relu":
            saturated.append(0.0)
            dead.append(np.mean(np.all(Z <= 0, axis=1)))
        else:
            saturated.append(np.mean(_g_prime(cache) < 0.01))
            dead.append(0.0)
    return np.array(saturated), np.array(dead)


def unit_shares_values_not_units(caches):
    saturated, _ = unit_shares(caches)
    return saturated, np.array([np.mean(c["Z"] <= 0) if c["activation"] == "relu" else 0.0 for c in caches[:-1]])


def unit_shares_relu_saturates(caches):
    _, dead = unit_shares(caches)
    return np.array([np.mean(_g_prime(c) < 0.01) for c in caches[:-1]]), dead


def unit_shares_strict(caches):
    saturated, _ = unit_shares(caches)
    return saturated, np.array([np.mean(np.all(c["Z"] < 0, axis=1)) if c["activation"] == "relu" else 0.0
                                for c in caches[:-1]])


def unit_shares_percent(caches):
    saturated, dead = unit_shares(caches)
    return 100 * saturated, 100 * dead


def unit_shares_axis0(caches):
    saturated, _ = unit_shares(caches)
    return saturated, np.array([np.mean(np.all(c["Z"] <= 0, axis=0)) if c["activation"] == "relu" else 0.0
                                for c in caches[:-1]])


# ---------------------------------------------------------------------------------------------- 09
def matmul_backward(dZ, A, B):
    return dZ @ B.T, A.T @ dZ


def matmul_backward_transposes_swapped(dZ, A, B):
    return B.T @ dZ, dZ @ A.T


def matmul_backward_over_m(dZ, A, B):
    m = dZ.shape[1]
    return dZ @ B.T / m, A.T @ dZ / m


def sum_to(grad, shape):
    while grad.ndim > len(shape):
        grad = grad.sum(axis=0)
    for axis, size in enumerate(shape):
        if size == 1 and grad.shape[axis] != 1:
            grad = grad.sum(axis=axis, keepdims=True)
    return grad


def sum_to_no_keepdims(grad, shape):
    while grad.ndim > len(shape):
        grad = grad.sum(axis=0)
    for axis, size in enumerate(shape):
        if size == 1 and grad.shape[axis] != 1:
            grad = grad.sum(axis=axis)
    return grad


def sum_to_mean(grad, shape):
    while grad.ndim > len(shape):
        grad = grad.mean(axis=0)
    for axis, size in enumerate(shape):
        if size == 1 and grad.shape[axis] != 1:
            grad = grad.mean(axis=axis, keepdims=True)
    return grad


def sum_to_columns_only(grad, shape):
    return np.sum(grad, axis=1, keepdims=True)


def topological_order(root, parents):
    order, seen = [], set()

    def visit(node):
        if node not in seen:
            seen.add(node)
            for parent in parents[node]:
                visit(parent)
            order.append(node)
    visit(root)
    return order


def topological_order_no_seen(root, parents):
    order = []

    def visit(node):
        for parent in parents[node]:
            visit(parent)
        order.append(node)
    visit(root)
    return order


def topological_order_reversed(root, parents):
    return topological_order(root, parents)[::-1]


def topological_order_leaves_missing(root, parents):
    return [node for node in topological_order(root, parents) if parents[node]]


def backward_pass(order, local):
    grads = {node: 0.0 for node in order}
    grads[order[-1]] = 1.0
    for node in reversed(order):
        for parent, derivative in local[node]:
            grads[parent] += grads[node] * derivative
    return grads


def backward_pass_forward_order(order, local):
    grads = {node: 0.0 for node in order}
    grads[order[-1]] = 1.0
    for node in order:
        for parent, derivative in local[node]:
            grads[parent] += grads[node] * derivative
    return grads


def backward_pass_overwrites(order, local):
    grads = {node: 0.0 for node in order}
    grads[order[-1]] = 1.0
    for node in reversed(order):
        for parent, derivative in local[node]:
            grads[parent] = grads[node] * derivative
    return grads


def backward_pass_no_seed(order, local):
    grads = {node: 0.0 for node in order}
    for node in reversed(order):
        for parent, derivative in local[node]:
            grads[parent] += grads[node] * derivative
    return grads
