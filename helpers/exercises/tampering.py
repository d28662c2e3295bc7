"""Reading a graded answer for tampering, before anything of it runs: the sealed grader's first line of defence (the
worker's isolation, `sealed.py`, is the second). The grader parses the cells; it executes nothing."""
import ast

IMPORTS = {"numpy", "math", "copy", "functools", "itertools", "collections", "random", "time", "typing", "warnings"}
CALLS = {"__import__", "eval", "exec", "compile", "globals", "vars", "setattr", "delattr", "open", "breakpoint",
         "memoryview", "__build_class__"}
REACH = {"sys", "os", "modules", "builtins", "importlib", "meta_path", "path_hooks", "subprocess", "system", "popen",
         "gc", "ctypes", "inspect", "_getframe", "setprofile", "settrace", "f_globals", "f_locals", "f_back", "f_builtins",
         "tb_frame", "gi_frame", "cr_frame", "shutil", "pathlib", "io", "unlink", "rmtree"}
PROTECTED = {"helpers", "np", "numpy"}


def tampering(cells):
    """[(label, line number, the line, what it does)] for every construct of ``cells`` ([(label, source)]) that reaches
    beyond the answer: the grader's first line of defence (the worker's isolation is the second)."""
    found = []
    for label, source in cells:
        try:
            tree = ast.parse(source)
        except SyntaxError:
            continue  # the worker reports it as the cell's error
        lines = source.splitlines()
        modules = set(PROTECTED)
        for node in ast.walk(tree):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                for alias in node.names:
                    modules.add((alias.asname or alias.name).split(".")[0])
        for node in ast.walk(tree):
            what = _tampers(node, modules)
            if what:
                line = lines[node.lineno - 1].strip() if 0 < getattr(node, "lineno", 0) <= len(lines) else ""
                found.append((label, node.lineno, line, what))
    return sorted(set(found), key=lambda f: (cells.index(next(c for c in cells if c[0] == f[0])), f[1]))


def _tampers(node, modules):
    if isinstance(node, ast.Import):
        for alias in node.names:
            root = alias.name.split(".")[0]
            if root not in IMPORTS and alias.name != "helpers":
                return f"imports {alias.name}, which a graded answer does not need"
    elif isinstance(node, ast.ImportFrom):
        root = (node.module or "").split(".")[0]
        if node.level or (root not in IMPORTS and node.module != "helpers"):
            return f"imports from {node.module or '.'}, which a graded answer does not need"
    elif isinstance(node, ast.Name) and node.id in CALLS:
        return f"uses {node.id}(), which reaches beyond the answer"
    elif isinstance(node, ast.Name) and node.id.startswith("__") and node.id not in ("__name__",):
        return f"uses {node.id}, Python's machinery"
    elif isinstance(node, ast.Attribute) and ((node.attr.startswith("__") and node.attr not in ("__name__", "__doc__"))
                                              or node.attr in REACH):
        return f"reaches .{node.attr}, beyond numpy's arithmetic"
    elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "getattr" and not (
            len(node.args) >= 2 and isinstance(node.args[1], ast.Constant) and isinstance(node.args[1].value, str)
            and node.args[1].value not in REACH and not node.args[1].value.startswith("__")):
        return "uses getattr() with a name the grader cannot read"
    elif isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign, ast.Delete)):
        targets = node.targets if isinstance(node, (ast.Assign, ast.Delete)) else [node.target]
        for target in targets:
            for part in ast.walk(target):
                root = part
                while isinstance(root, (ast.Attribute, ast.Subscript)):
                    root = root.value
                if isinstance(part, (ast.Attribute, ast.Subscript)) and isinstance(root, ast.Name) and root.id in modules:
                    return f"changes {ast.unparse(part)}, part of {root.id}"
                if isinstance(part, ast.Name) and part.id in PROTECTED:
                    return f"rebinds {part.id}, which the checks use"
    elif isinstance(node, (ast.FunctionDef, ast.ClassDef)) and node.name in PROTECTED:
        return f"rebinds {node.name}, which the checks use"
    elif isinstance(node, (ast.For, ast.comprehension, ast.With, ast.NamedExpr)):
        bound = [node.target] if isinstance(node, (ast.For, ast.comprehension, ast.NamedExpr)) else [
            item.optional_vars for item in node.items if item.optional_vars is not None]
        for target in bound:
            if any(isinstance(n, ast.Name) and n.id in PROTECTED for n in ast.walk(target)):
                return "rebinds a name the checks use"
    return ""
