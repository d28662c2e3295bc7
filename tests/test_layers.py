"""helpers/ shows its layers: math, figures, widgets and exercises are folders, and no module imports a layer above
its own (issue 19). Read statically (every import statement, at any depth of a module) and at run time (a layer
imports with the libraries above it missing)."""
import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
HELPERS = ROOT / "helpers"

# each folder: the libraries it may import (besides the standard library) and the folders of helpers it may import
LAYERS = {
    "math": ({"numpy"}, {"math"}),
    "figures": ({"numpy", "matplotlib", "IPython"}, {"math", "figures"}),
    "widgets": ({"ipywidgets"}, {"math", "figures", "widgets", "autodiff"}),
    "exercises": ({"numpy"}, {"math", "exercises", "autodiff"}),
    "autodiff": ({"numpy"}, {"math", "autodiff"}),
}
LONGEST = 350  # lines: a module longer than this does more than one job


def imported(path, root):
    """(line, what the import names, the helpers folder it reaches or None, the top-level library or None) for every
    import in the module at ``path``, whose package root (the helpers folder) is ``root``."""
    package = list(path.relative_to(root.parent).parts[:-1])  # ["helpers", "figures"] for helpers/figures/graph.py
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [(alias.name.split("."), alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = (node.module.split(".") if node.level == 0 else
                    package[: len(package) - node.level + 1] + (node.module.split(".") if node.module else []))
            shown = "." * node.level + (node.module or "")
            # `from .. import figures` (or `from helpers import figures`) reaches that folder; any other name, helpers itself
            targets = [(base + [alias.name] if base == [root.name] and alias.name in LAYERS else base, shown)
                       for alias in node.names]
        else:
            continue
        for parts, shown in targets:
            if parts[0] == root.name:
                yield node.lineno, shown, parts[1] if len(parts) > 1 else "", None
            else:
                yield node.lineno, shown, None, parts[0]


def violations(root):
    """Every way the tree under ``root`` (a copy of helpers/) breaks its layers, one sentence each."""
    found = []
    for path in sorted(root.rglob("*.py")):
        where = path.relative_to(root)
        if where == Path("__init__.py"):
            continue  # the public API: it imports every layer
        layer = where.parts[0] if len(where.parts) > 1 else None
        if layer not in LAYERS:
            found.append(f"{root.name}/{where} is in no layer: put it in one of {', '.join(LAYERS)}")
            continue
        libraries, folders = LAYERS[layer]
        for line, shown, folder, library in imported(path, root):
            if folder is not None and folder not in folders:
                reaches = "helpers itself (its __init__ imports every layer)" if folder in ("", "__init__") else f"{folder}/"
                found.append(f"{root.name}/{where}:{line} imports {shown}, which is {reaches}: {layer}/ may import "
                             f"only {', '.join(sorted(folders))}")
            elif library is not None and library not in libraries and library not in sys.stdlib_module_names:
                found.append(f"{root.name}/{where}:{line} imports {library}: {layer}/ may import only "
                             f"{', '.join(sorted(libraries))} and the standard library")
    return found


def test_every_module_is_in_a_layer_and_imports_none_above_it():
    assert violations(HELPERS) == []
    assert {p.name for p in HELPERS.iterdir() if p.is_dir() and p.name != "__pycache__"} == set(LAYERS) | {"data"}
    assert not list((HELPERS / "data").rglob("*.py"))  # data/ holds the shipped data set and its README, no code


@pytest.mark.parametrize("module, line, named", [
    ("math/activations.py", "import matplotlib.pyplot as plt", "imports matplotlib: math/ may import only numpy"),
    ("math/bugs.py", "from ..figures.style import BLUE", "imports ..figures.style, which is figures/"),
    ("math/network.py", "from .. import sigmoid", "imports .., which is helpers itself"),
    ("figures/graph.py", "import ipywidgets as widgets", "imports ipywidgets: figures/ may import only"),
    ("figures/training.py", "from ..widgets.explorer import Explorer", "imports ..widgets.explorer, which is widgets/"),
    ("widgets/graph.py", "from ..exercises.report import report", "imports ..exercises.report, which is exercises/"),
    ("exercises/compare.py", "from helpers.figures import style", "imports helpers.figures, which is figures/"),
    ("math/datasets.py", "def f():\n    import helpers.exercises.report", "imports helpers.exercises.report, which is exercises/"),
])
def test_a_deliberate_upward_import_is_named(tmp_path, module, line, named):
    tree = tmp_path / "helpers"
    shutil.copytree(HELPERS, tree, ignore=shutil.ignore_patterns("__pycache__"))
    path = tree / module
    path.write_text(path.read_text(encoding="utf-8") + "\n\n" + line + "\n", encoding="utf-8")
    [found] = violations(tree)
    assert found.startswith(f"helpers/{module}:") and named in found, found


def test_a_module_outside_the_layers_is_named(tmp_path):
    tree = tmp_path / "helpers"
    shutil.copytree(HELPERS, tree, ignore=shutil.ignore_patterns("__pycache__"))
    (tree / "plots.py").write_text("import numpy as np\n")
    assert violations(tree) == ["helpers/plots.py is in no layer: put it in one of math, figures, widgets, exercises, autodiff"]


def test_each_layers_init_says_in_two_lines_what_lives_there_and_what_it_may_import():
    for layer in LAYERS:
        init = HELPERS / layer / "__init__.py"
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
        assert doc is not None and len(doc.splitlines()) == 2, f"{layer}/__init__.py: {doc!r}"
        assert "May import" in doc.splitlines()[1], doc


def test_no_module_is_longer_than_a_few_hundred_lines():
    lengths = {str(p.relative_to(ROOT)): len(p.read_text(encoding="utf-8").splitlines()) for p in HELPERS.rglob("*.py")}
    assert max(lengths.values()) <= LONGEST, {k: n for k, n in lengths.items() if n > LONGEST}


HEADLESS = """
import importlib, sys, types
from pathlib import Path
for library in {missing!r}:
    sys.modules[library] = None  # `import matplotlib` now raises ImportError
package = types.ModuleType("helpers")  # the package without its __init__, which imports every layer
package.__path__ = [{helpers!r}]
sys.modules["helpers"] = package
for layer in {layers!r}:
    for path in sorted(Path({helpers!r}, layer).glob("*.py")):
        importlib.import_module(f"helpers.{{layer}}.{{path.stem}}")
{then}
"""


@pytest.mark.parametrize("layers, missing, then", [
    (["math", "exercises"], ["matplotlib", "ipywidgets", "IPython"],
     # the math computes and a check runs, with no plotting library at all
     "import numpy as np\nfrom helpers.math.bugs import diagnose\nassert diagnose('sign_flipped')[0].startswith('gradient check')\n"
     "from helpers.exercises.logistic import check_sigmoid_prime\n"
     "assert check_sigmoid_prime(lambda z: (a := 1 / (1 + np.exp(-z))) * (1 - a))"),
    (["math", "figures"], ["ipywidgets"],
     "from helpers.figures.graph import draw_logistic_graph\nfrom helpers.figures.alt_text import alt_text\n"
     "assert alt_text(draw_logistic_graph()).startswith('A computation graph')"),
])
def test_a_layer_imports_and_works_with_the_libraries_above_it_missing(tmp_path, layers, missing, then):
    code = HEADLESS.format(missing=missing, helpers=str(HELPERS), layers=layers, then=then)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                            env={"MPLBACKEND": "Agg", "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)})
    assert result.returncode == 0, result.stderr[-3000:]
