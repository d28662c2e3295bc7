"""The students' runtime is locked: requirements.txt pins every package it needs and no test tool."""
import re
import sys
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import lock  # noqa: E402

PIN = re.compile(r"([A-Za-z0-9_.\-]+)==([\w.+!]+)")
TEST_TOOLS = ["pytest", "pytest-xdist", "execnet", "nbval", "hypothesis", "playwright", "setuptools"]


def lines(path):
    return [line.strip() for line in (ROOT / path).read_text().splitlines() if line.strip() and not line.startswith("#")]


def test_requirements_txt_is_the_complete_lock_of_the_runtime():
    """Every package the direct dependencies and the course need (here, by their metadata) is pinned at the version
    the tests run with, and nothing else: `tools/lock.py` rewrites the file when this fails."""
    text = (ROOT / "requirements.txt").read_text()
    assert lock.render(text) == text, "requirements.txt is not the lock of this environment: run tools/lock.py"


def test_every_runtime_line_is_an_exact_pin_and_the_course_package():
    runtime = lines("requirements.txt")
    assert runtime[-1] == "-e ."
    assert all(PIN.fullmatch(line) for line in runtime[:-1]), [line for line in runtime[:-1] if not PIN.fullmatch(line)]
    names = [canonicalize_name(PIN.fullmatch(line).group(1)) for line in runtime[:-1]]
    assert len(names) == len(set(names)) > 50


def test_no_test_tool_nor_what_only_they_need_is_in_the_runtime():
    runtime = {canonicalize_name(PIN.fullmatch(line).group(1)) for line in lines("requirements.txt")[:-1]}
    tools_only = set(lock.closure(TEST_TOOLS)) - set(lock.closure([n for n, _ in lock.direct_pins(
        (ROOT / "requirements.txt").read_text())] + [lock.COURSE]))
    assert {"pytest", "nbval", "hypothesis", "playwright", "pluggy", "iniconfig", "greenlet"} <= tools_only
    assert not runtime & tools_only, runtime & tools_only


def test_the_test_tools_come_on_top_of_the_runtime_and_are_pinned():
    test = lines("requirements-test.txt")
    assert test[0] == "-r requirements.txt"
    assert sorted(canonicalize_name(PIN.fullmatch(line).group(1)) for line in test[1:]) == sorted(TEST_TOOLS)


def test_binder_installs_the_runtime_only():
    assert lines("binder/requirements.txt") == ["-r ../requirements.txt"]


def test_the_pins_lie_in_the_supported_ranges_of_pyproject():
    """pyproject.toml states the range helpers supports (Colab's own versions included); the pins are in it."""
    pins = dict(PIN.fullmatch(line).groups() for line in lines("requirements.txt")[:-1])
    pins = {canonicalize_name(name): version for name, version in pins.items()}
    for dependency in tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]:
        requirement = Requirement(dependency)
        assert requirement.specifier.contains(pins[canonicalize_name(requirement.name)]), dependency


def test_ci_runs_the_notebooks_against_the_lower_bounds_of_the_supported_ranges():
    oldest = dict(PIN.fullmatch(line).groups() for line in lines("tests/oldest-supported.txt"))
    oldest = {canonicalize_name(name): version for name, version in oldest.items()}
    for dependency in tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]:
        requirement = Requirement(dependency)
        (spec,) = requirement.specifier  # one lower bound per dependency
        assert spec.operator == ">=", dependency
        assert Version(oldest[canonicalize_name(requirement.name)]) == Version(spec.version), dependency


def test_the_supported_ranges_admit_what_colab_ships():
    """Colab's runtime of 2026.01 (googlecolab/backend-info): installing the course there must replace nothing."""
    colab = {"numpy": "2.0.2", "matplotlib": "3.10.0", "ipywidgets": "7.7.1", "ipython": "7.34.0"}
    for dependency in tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]:
        requirement = Requirement(dependency)
        assert requirement.specifier.contains(colab[canonicalize_name(requirement.name)]), dependency
