"""Install paths beyond `make test`'s own: what a student's folder, an old .venv or a grading image can do to
the course. (The README's steps by hand, from a path with spaces and as root, and `pip install .` with its
dependencies from the registry run in CI after the offline test run: .ci/install-paths.)"""
import ast
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb")) + sorted((ROOT / "solutions").glob("*.ipynb"))
IMPORT_NAME_OF = {"ipython": "IPython"}  # distributions whose import name differs


def third_party_imports():
    found = set()
    for path in (ROOT / "helpers").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                found.add(node.module.split(".")[0])
    return {name for name in found if name not in sys.stdlib_module_names and name != "helpers"}


def declared():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    names = {dep.split(">")[0].split("=")[0].split("<")[0].strip() for dep in project["dependencies"]}
    return {IMPORT_NAME_OF.get(name, name) for name in names}


def test_pyproject_declares_every_package_helpers_imports():
    imported = third_party_imports()
    assert {"numpy", "matplotlib", "ipywidgets", "IPython"} <= imported  # the scan itself works
    assert imported <= declared(), f"helpers imports {sorted(imported - declared())}, which pyproject.toml does not declare"


def test_a_non_editable_install_works_after_the_clone_is_removed(tmp_path):
    clone = tmp_path / "a clone with spaces"
    files = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    for name in files:
        if name.startswith(("helpers/", "pyproject.toml", "README.md")):
            (clone / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, clone / name)
    site = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation", "--no-index",
                    "--disable-pip-version-check", "--target", str(site), str(clone)], check=True, capture_output=True)
    shutil.rmtree(clone)
    code = ("import helpers, numpy as np\n"
            f"assert helpers.__file__.startswith({str(site)!r}), helpers.__file__\n"
            "assert helpers.check_sigmoid_prime(lambda z: (s := 1 / (1 + np.exp(-z))) * (1 - s))\n"
            "helpers.shape_explorer()\n"
            "assert helpers.load_digits()[0].shape == (64, 1442)  # the digits ship inside the package\n"
            "package = __import__('pathlib').Path(helpers.__file__).parent\n"
            "print(sorted(str(p.relative_to(package)) for p in package.rglob('*.py')))\n")
    result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True,
                            env={"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin", "MPLBACKEND": "Agg", "HOME": str(tmp_path)})
    assert result.returncode == 0, result.stderr[-3000:]
    shipped = set(ast.literal_eval(result.stdout.strip().splitlines()[-1]))
    assert shipped == {str(p.relative_to(ROOT / "helpers")) for p in (ROOT / "helpers").rglob("*.py")}  # every layer's files


def test_a_too_old_venv_is_named_instead_of_a_missing_numpy(tmp_path):
    for name in ("Makefile", "requirements.txt", "requirements-test.txt", "pyproject.toml",
                 "binder/jupyter/labconfig/default_setting_overrides.json", "binder/ipython/ipython_kernel_config.py"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, tmp_path / name)
    fake = tmp_path / ".venv" / "bin" / "python"
    fake.parent.mkdir(parents=True)
    fake.write_text('#!/bin/sh\ncase "$*" in *--version*) echo "Python 3.10.12";; *) exit 1;; esac\n')
    fake.chmod(0o755)
    result = subprocess.run(["make", "setup"], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    out = result.stdout + result.stderr
    assert result.returncode != 0
    assert ".venv was made by Python 3.10.12, which is too old" in out and "make clean" in out
    assert "pip install" not in out


def first_code_cell(path):
    """What a student runs first: the set-up cell (installs helpers where missing), then the imports."""
    code = [c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code"]
    assert "import helpers" in code[1]
    return code[0] + "\n" + code[1]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: f"{p.parent.name}/{p.stem[:2]}")
def test_a_students_own_helpers_py_is_named(path, tmp_path):
    (tmp_path / "helpers.py").write_text("def my_sigmoid(z):\n    return z\n")
    result = subprocess.run([sys.executable, "-c", first_code_cell(path)], cwd=tmp_path, capture_output=True, text=True,
                            env={"PATH": "/usr/bin:/bin", "MPLBACKEND": "Agg", "PYTHONPATH": ""})
    assert result.returncode != 0
    last = result.stderr.strip().splitlines()[-1]
    assert last == (f"ImportError: {tmp_path / 'helpers.py'} hides the course's package `helpers`: "
                    "rename that file, then restart the kernel"), result.stderr[-2000:]


def test_the_first_cell_runs_where_helpers_is_the_course_package(tmp_path):
    result = subprocess.run([sys.executable, "-c", first_code_cell(NOTEBOOKS[0])], cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-2000:]
