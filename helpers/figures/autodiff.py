"""Notebook 09's stepper: the engine's graph of notebook 03's network drawn as the course draws graphs (boxes and arrows,
`graph._draw`), one step of `backward()` at a time.

Every box says its node, the operation that made it with its shape, and the gradient it holds so far, named as the
lecture names it ($dZ^{[2]}/m$, $dW^{[2]}$, …). The node whose step runs is outlined in vermilion, and vermilion arrows
run back along the edges its gradient takes to its parents. The figure is drawn once; a move draws only the gradients'
lines, the outline, the arrows and the caption over a copy of the rest (`display.Blitter`).
"""
import html

from ..math.gradcheck import relative_difference
from .alt_text import BOX, describe, plain
from .display import Blitter, offscreen_figure
from .graph import COMPUTED, INPUT, OUTPUT, _draw
from .style import BLACK, VERMILLION, figure_size, for_slides, pt

GREY = "#595959"  # the boxes' second and waiting lines: a darker grey than the arrows', readable as small text

# key: (the node's name, the operation that made it, the lecture's name for its gradient)
NODES = {
    "X": ("$X$", "constant", None),
    "W1": ("$W^{[1]}$", "parameter", "$dW^{[1]}$"),
    "b1": ("$b^{[1]}$", "parameter", "$db^{[1]}$"),
    "W1X": ("$W^{[1]}X$", "@", "$dZ^{[1]}/m$"),
    "Z1": ("$Z^{[1]}$", "+", "$dZ^{[1]}/m$"),
    "A1": ("$A^{[1]}$", "tanh", "$dA^{[1]}/m$"),
    "W2": ("$W^{[2]}$", "parameter", "$dW^{[2]}$"),
    "b2": ("$b^{[2]}$", "parameter", "$db^{[2]}$"),
    "W2A1": ("$W^{[2]}A^{[1]}$", "@", "$dZ^{[2]}/m$"),
    "Z2": ("$Z^{[2]}$", "+", "$dZ^{[2]}/m$"),
    "J": ("$J$", "logistic_cost", "$1$"),
}
# where each box goes: the operations in a row, each parameter above the operation it feeds; on a slide (larger text),
# layer 1 in the upper half and layer 2 in the lower, read left to right in both
POSITIONS = {"X": (0, 0), "W1": (1.9, 1.5), "W1X": (1.9, 0), "b1": (3.8, 1.5), "Z1": (3.8, 0), "A1": (5.7, 0),
             "W2": (7.6, 1.5), "W2A1": (7.6, 0), "b2": (9.5, 1.5), "Z2": (9.5, 0), "J": (11.4, 0)}
POSITIONS_ON_A_SLIDE = {"X": (0, 1.6), "W1": (2.5, 3.1), "W1X": (2.5, 1.6), "b1": (5.0, 3.1), "Z1": (5.0, 1.6),
                        "A1": (7.5, 1.6), "W2": (0, -1.4), "W2A1": (2.5, 0), "b2": (5.0, -1.4), "Z2": (5.0, 0),
                        "J": (7.5, 0)}
STEPPER_SIZE = ((11.5, 3.5), (9.6, 5.4))  # inches: in a notebook, on a slide
STEPPER_AXES = ((0.0, 0.1, 1.0, 0.8), (0.0, 0.1, 1.0, 0.82))  # the graph's panel; the caption goes under it
WAITING, CONSTANT = "not yet", "a constant"


def _grad_line(key, grads):
    """The line of a box that says its gradient: the lecture's name once the node has one."""
    lecture = NODES[key][2]
    if lecture is None:
        return CONSTANT, GREY
    return (f"grad = {lecture}", VERMILLION) if key in grads else (WAITING, GREY)


# what each operation's backward step does with the gradient g it holds (the stepper's text under the figure)
RULES = {
    None: "backward() sets J.grad = 1 and then runs each node's step in reverse topological order: J, Z2, W2A1, A1, "
          "Z1, W1X (the parameters and X have none).",
    "J": "logistic_cost: Z2.grad += g (A2 − Y)/m, the lecture's dZ[2] = A[2] − Y over m (σ and the cost fused).",
    "Z2": "+: W2A1.grad += g; b2.grad += g summed back to b2's shape (1, 1), np.sum(g, axis=1, keepdims=True): db[2].",
    "W2A1": "@: W2.grad += g A1ᵀ, which is dW[2] = dZ[2] A[1]ᵀ / m; A1.grad += W2ᵀ g, which is dA[1] = W[2]ᵀ dZ[2] over m.",
    "A1": "tanh: Z1.grad += g (1 − A1²), the incoming gradient times g′(Z[1]): dZ[1] over m.",
    "Z1": "+: W1X.grad += g; b1.grad += g summed back to b1's shape (4, 1): db[1].",
    "W1X": "@: W1.grad += g Xᵀ, which is dW[1] = dZ[1] Xᵀ / m; X is a constant (the data): no gradient.",
}


def stepper_table(step, hand):
    """HTML under the stepper's figure: the step's rule, then every gradient set so far (in the order they were set,
    the newest first) against notebook 03's equations (`autodiff.steps._by_hand`); on a slide, how many agree."""
    rows, agree = [], 0
    for key in reversed(list(step.grads)):
        agrees = relative_difference(step.grads[key], hand[key]) < 1e-10
        agree += agrees
        rows.append(f"<tr><td><b>{key}.grad</b></td><td>{step.grads[key].shape}</td><td>{plain(NODES[key][2])}</td>"
                    f"<td>{'✓ to 1e-10' if agrees else '✗ differs'}</td></tr>")
    if for_slides():  # a slide has room for the rule and one line (the table is the notebook's)
        return (f"<p><b>{html.escape(RULES[step.node])}</b><br>{agree} of the {len(rows)} gradients set so far equal "
                f"notebook 03's equations (to 1e-10).</p>")
    head = ("<tr><th>node</th><th>shape of its gradient</th><th>in the lecture's notation</th>"
            "<th>equals notebook 03's</th></tr>")
    return (f"<p><b>{html.escape(RULES[step.node])}</b></p>"
            f"<table class='bbh-table'>{head}{''.join(rows)}</table>")


def step_caption(step, steps):
    """What a step does, in a sentence (the figure's caption and the stepper's text)."""
    if step.node is None:
        return f"Start: J's gradient is set to 1 (dJ/dJ). Step 0 of {len(steps) - 1}."
    names = " and ".join(plain(NODES[key][0]) for key in step.parents if key != "X")
    k = steps.index(step)
    constant = " (X is a constant: it gets none)" if "X" in step.parents else ""
    return (f"Step {k} of {len(steps) - 1}: {plain(NODES[step.node][0])} ({NODES[step.node][1]}) sends its gradient "
            f"to {names}{constant}.")


class StepperView:
    """The stepper's figure: the graph drawn once into a kept figure; each step sets its boxes' gradient lines and draws
    them, the outline, the arrows back and the caption over a copy of the rest (`display.Blitter`)."""

    def __init__(self, values, parents):
        """``values``: each node's value by key (for its shape); ``parents``: each node's parents by key (the edges)."""
        self.fig = offscreen_figure(figure_size(*STEPPER_SIZE))
        self.ax = self.fig.add_axes(figure_size(*STEPPER_AXES))
        self.blitter = Blitter(self.fig)
        nodes = {}
        for key, (name, op, lecture) in NODES.items():
            shape = values[key].shape
            what = f"{shape}" if op in ("constant", "parameter") else f"{op}, {shape}"
            fill = INPUT if op in ("constant", "parameter") else OUTPUT if key == "J" else COMPUTED
            room = CONSTANT if lecture is None else f"grad = {lecture}"  # wider than "not yet": the box keeps its size
            # on a slide (larger text) the node and its shape share a line, the operation left to the caption: four
            # rows of boxes fit 720 px
            first = [(f"{name}  {shape}", BLACK)] if for_slides() else [(name, BLACK), (what, GREY)]
            nodes[key] = (*self._positions()[key], [*first, (WAITING, GREY, room)], fill)
        edges = [(parent, key) for key, its_parents in parents.items() for parent in its_parents]
        lines, _ = _draw(self.ax, nodes, edges, "Notebook 03's network in the engine, one backward step at a time")
        left, right = self.ax.get_xlim()
        self.ax.set_xlim(left, right + 0.3)  # the last column's boxes are the widest: room to the figure's edge
        self.lines = dict(zip(nodes, lines))  # each box's gradient line
        self.boxes = dict(zip(nodes, [t for t in self.ax.texts if t.get_gid() == BOX]))
        self.caption = self.fig.text(0.5, 0.03, "", ha="center", va="bottom", fontsize=pt(11), color=BLACK)
        self._marks = []  # the outline and the arrows of the step drawn last

    def draw(self, steps, k):
        """The graph after step ``k`` of ``steps`` (`autodiff.steps.two_layer_backward_steps`); returns the figure."""
        step = steps[k]
        for mark in self._marks:
            mark.remove()
        for key, text in self.lines.items():
            line, colour = _grad_line(key, step.grads)
            text.set_text(line)
            text.set_color(colour)
            self.boxes[key].bbh_said = "\n".join([*self.boxes[key].bbh_said.split("\n")[:-1], line])
        current = "J" if step.node is None else step.node
        self._marks = [self._outline(self.boxes[current])]
        self._marks += [self._back_arrow(step.node, parent) for parent in step.parents if NODES[parent][2]]
        self.caption.set_text(step_caption(step, steps))
        self.fig._bbh_description = []  # this step's sentence only
        describe(self.fig, "A computation graph drawn as boxes joined by arrows, left to right: X and W[1] feed W[1]X; "
                           "it and b[1] feed Z[1], then A[1]; A[1] and W[2] feed W[2]A[1]; it and b[2] feed Z[2], "
                           "then the cost J. " + step_caption(step, steps), texts=False)
        changing = [*self.lines.values(), *self._marks, self.caption]
        self.fig.bbh_png = lambda: self.blitter.png(changing, "graph")
        return self.fig

    def _positions(self):
        return POSITIONS_ON_A_SLIDE if for_slides() else POSITIONS

    def _outline(self, box):
        """A vermilion outline over ``box``: the node whose step runs."""
        x, y = box.get_position()
        return self.ax.text(x, y, box.get_text(), ha="center", va="center", fontsize=box.get_fontsize(), color="none",
                            zorder=6, bbox=dict(boxstyle="round,pad=0.4", fc="none", ec=VERMILLION, lw=3.2))

    def _back_arrow(self, node, parent):
        """A vermilion arrow from ``node`` back to ``parent``: the way its gradient goes."""
        a, b = self.boxes[node], self.boxes[parent]
        return self.ax.annotate("", xy=b.get_position(), xytext=a.get_position(), zorder=7,
                                arrowprops=dict(arrowstyle="-|>", mutation_scale=18, color=VERMILLION, lw=2.6,
                                                shrinkA=2, shrinkB=2, patchA=a.get_bbox_patch(), patchB=b.get_bbox_patch()))

