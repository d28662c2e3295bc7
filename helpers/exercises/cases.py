"""The test cases every checker runs on: small networks whose sizes all differ (so a missing transpose cannot hide),
each named in the verdict of a failure on it."""
from ..math.bugs import problem
from .outcomes import OK, NotYet, Stop

ORDER = ("W1", "b1", "W2", "b2")
TWO_NETWORKS = ((3, 4, 1, 5, 0), (2, 5, 3, 7, 1))  # (n_x, n_h, n_y, m, seed): every size differs


def network_label(**sizes):
    """The sizes of a test case as a verdict names them: "n_x = 3, n_h = 4"."""
    return ", ".join(f"{k} = {v}" for k, v in sizes.items())


def prefixed(label, check):
    """Run ``check()``; a failure's message starts with the test network's sizes."""
    try:
        return check()
    except NotYet:
        raise
    except Stop as stop:
        raise Stop(f"[{label}] {stop}") from None


def on_networks(lines, title, check, networks=TWO_NETWORKS, one_example=False):
    """Run ``check(shown_lines, parameters, X, Y)`` on each test network, naming it in every verdict."""
    for index, (n_x, n_h, n_y, m, seed) in enumerate(networks):
        m = 1 if one_example else m
        parameters, X, Y = problem(n_x, n_h, n_y, m, seed=seed)
        sizes = dict(n_x=n_x, n_h=n_h, n_y=n_y) if one_example else dict(n_x=n_x, n_h=n_h, n_y=n_y, m=m)
        label = f"test network {index + 1} of {len(networks)}: " + network_label(**sizes)
        if index == 0:
            lines.append(f"{title} on {label}")
        prefixed(label, lambda: check(lines if index == 0 else [], parameters, X, Y))
        if index:
            lines.append(f"{OK} the same on {label}")
