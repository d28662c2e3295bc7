"""The machines a stored output must not depend on: each notebook of both editions executed once per variant, compared
with its stored outputs exactly as nbval compares them (tests/test_variant_*.py, tests/test_slides.py), and shared with
the tests that need the same execution (the slides are built from the "slides" variant's runs of the exercise edition).

A variant is an environment for the notebook's kernel:
- "old-cpu": OpenBLAS's oldest x86-64 kernel (Prescott) and numpy's SIMD groups switched off (NPY_DISABLE_CPU_FEATURES:
  the X86_V3/X86_V4 groups; a single feature such as AVX2 is silently ignored by numpy 2.4), in a hostile plotting
  environment: MPLBACKEND=Agg (Docker and CI images) and an IPython profile that asks for SVG figures;
- "slides": OpenBLAS's Sandybridge kernel (where the CPU has AVX) and figures drawn for a slide (BBH_SLIDES=1);
- "haswell": OpenBLAS's Haswell kernel (where the CPU has AVX2 and FMA), unless the main nbval run already uses it, with
  MPLBACKEND=TkAgg (a hub that sets a window backend with no screen; tests/test_alt_text.py checks that on every machine).
Each variant checks that it took effect (the kernel OpenBLAS reports, numpy's dispatched features) before it is used.

Usage:  .venv/bin/python tools/variants.py [VARIANT ...]     (execute and compare; prints every difference)
"""
import json
import os
import platform
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace

import nbformat

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
from run_notebooks import execute  # noqa: E402

EDITIONS = ("notebooks", "solutions")
SANITIZE = ROOT / "tests" / "nbval_sanitize.cfg"


@dataclass(frozen=True)
class Variant:
    name: str
    says: str
    env: dict = field(default_factory=dict)
    coretype: str | None = None  # OPENBLAS_CORETYPE, where the CPU has ``needs``
    needs: tuple = ()  # CPU flags (/proc/cpuinfo) the kernel needs
    simd_off: bool = False  # numpy's dispatched SIMD groups switched off
    svg_profile: bool = False  # an IPython profile that asks for SVG figures
    sanitize: tuple = ()  # (regex, replacement) pairs beyond nbval's for what the variant changes on purpose


VARIANTS = {v.name: v for v in [
    Variant("old-cpu", "an old CPU (OpenBLAS Prescott, numpy without AVX2/AVX-512) with MPLBACKEND=Agg and an SVG profile",
            env={"MPLBACKEND": "Agg"}, coretype="Prescott", simd_off=True, svg_profile=True),
    # no MPLBACKEND here: the decks built from these runs are what `make slides` builds
    Variant("slides", "OpenBLAS Sandybridge, figures drawn for a slide (BBH_SLIDES=1)",
            env={"BBH_SLIDES": "1"}, coretype="Sandybridge", needs=("avx",),
            # a figure drawn for a slide has another size, and its <img> says how large its smallest text is
            sanitize=((r"<Figure size \d+x\d+ with", "<Figure size WxH with"), (r'\s+data-(?:text-px|text-cut|legend-over)="[\d.]+"', ""))),
    Variant("haswell", "OpenBLAS Haswell, MPLBACKEND=TkAgg", env={"MPLBACKEND": "TkAgg"}, coretype="Haswell",
            needs=("avx2", "fma")),
]}
# what OpenBLAS reports for a requested kernel (a build without the older kernels runs Prescott's as Katmai)
CORENAMES = {"Prescott": {"Prescott", "Katmai"}, "Sandybridge": {"Sandybridge"}, "Haswell": {"Haswell"}}
SIMD_GROUPS = ("X86_V3", "X86_V4")

PROBE = """
import ctypes, glob, json, os, numpy
from numpy._core._multiarray_umath import __cpu_features__ as features
libs = glob.glob(os.path.join(os.path.dirname(numpy.__file__), os.pardir, "numpy.libs", "libscipy_openblas*"))
core = None
for lib in libs:
    lib = ctypes.CDLL(lib)
    for name in ("scipy_openblas_get_corename64_", "scipy_openblas_get_corename", "openblas_get_corename"):
        if hasattr(lib, name):
            getattr(lib, name).restype = ctypes.c_char_p
            core = getattr(lib, name)().decode()
            break
print(json.dumps({"core": core, "features": {k: bool(v) for k, v in features.items()}}))
"""


def cpu_flags():
    try:
        text = Path("/proc/cpuinfo").read_text()
    except OSError:
        return set()
    line = next((l for l in text.splitlines() if l.startswith("flags")), "")
    return set(line.split(":", 1)[-1].split())


def probe(env=None):
    """What numpy and OpenBLAS run with in a Python started with ``env``: {"core": kernel name, "features": {...}}."""
    done = subprocess.run([sys.executable, "-c", PROBE], env=env or dict(os.environ), capture_output=True, text=True,
                          check=True)
    return json.loads(done.stdout)


def skip_reason(variant):
    """Why ``variant`` cannot run here (None when it can)."""
    if platform.machine() not in ("x86_64", "AMD64"):
        return f"OpenBLAS's x86-64 kernels and numpy's x86 SIMD groups do not exist on {platform.machine()}"
    missing = [flag for flag in variant.needs if flag not in cpu_flags()]
    if missing and variant.name != "slides":  # the slides are built anyway, with the machine's own kernel
        return f"this CPU lacks {', '.join(missing)}, which OpenBLAS's {variant.coretype} kernel needs"
    if variant.name == "haswell" and probe()["core"] == variant.coretype:
        return "the main nbval run already uses OpenBLAS's Haswell kernel here"
    return None


def environment(variant, workdir):
    """The kernel's environment for ``variant`` (an IPython profile folder made in ``workdir`` when it needs one)."""
    env = {**os.environ, **variant.env}
    if variant.coretype and all(flag in cpu_flags() for flag in variant.needs):
        env["OPENBLAS_CORETYPE"] = variant.coretype
    if variant.simd_off:
        present = [group for group in SIMD_GROUPS if probe()["features"].get(group)]
        if present:
            env["NPY_DISABLE_CPU_FEATURES"] = " ".join(present)
    if variant.svg_profile:
        profile = Path(workdir) / "ipython" / "profile_default"
        profile.mkdir(parents=True, exist_ok=True)
        (profile / "ipython_kernel_config.py").write_text("c.InlineBackend.figure_formats = {'svg'}\n")
        env["IPYTHONDIR"] = str(Path(workdir) / "ipython")
    return env


def took_effect(variant, env):
    """The differences between what ``variant`` asks for and what a Python started with ``env`` runs ([] when none)."""
    seen, problems = probe(env), []
    if "OPENBLAS_CORETYPE" in env and env["OPENBLAS_CORETYPE"] == variant.coretype:
        if seen["core"] not in CORENAMES[variant.coretype]:
            problems.append(f"OpenBLAS runs {seen['core']}, not {variant.coretype}")
    for group in env.get("NPY_DISABLE_CPU_FEATURES", "").split():
        if seen["features"].get(group):
            problems.append(f"numpy still dispatches {group}")
    return problems


def sanitize_patterns(variant=None):
    """nbval's patterns (tests/nbval_sanitize.cfg, as `make test` passes them to nbval), then the variant's own."""
    from nbval.plugin import get_sanitize_patterns
    return {**dict(get_sanitize_patterns(SANITIZE.read_text())), **dict(variant.sanitize if variant else ())}


def differences(stored, executed, patterns):
    """Where ``executed`` differs from ``stored``, compared as nbval compares them (its own code: streams coalesced,
    the same keys skipped, the same sanitizing, NBVAL_IGNORE_OUTPUT honoured); a list of "cell N: ..." lines."""
    from nbval.plugin import IPyNbCell, coalesce_streams, find_comment_markers, find_metadata_tags, nocolors

    shim = SimpleNamespace(colors=nocolors, comparison_traceback=[],
                           parent=SimpleNamespace(sanitize_patterns=patterns, skip_compare=(
                               "metadata", "traceback", "prompt_number", "output_type", "name", "execution_count",
                               "application/vnd.jupyter.widget-view+json", "image/png", "image/jpeg")))
    shim.sanitize = lambda s: IPyNbCell.sanitize(shim, s)
    shim.format_output_compare = lambda key, left, right: shim.comparison_traceback.append(
        f"'{key}' differs:\n  stored:   {left[:3000]!r}\n  executed: {right[:3000]!r}")
    found = []
    code = [(a, b) for a, b in zip(stored.cells, executed.cells) if a.cell_type == "code"]
    for number, (want, have) in enumerate(code):
        options = {**dict(find_metadata_tags(want.metadata)), **dict(find_comment_markers(want.source))}
        errors = [o for o in have.outputs if o.output_type == "error"]
        if errors:
            found.append(f"cell {number}: {errors[0].ename}: {errors[0].evalue}")
        elif options.get("check", True) and not options.get("skip") and want.execution_count is not None:
            shim.comparison_traceback = []
            if not IPyNbCell.compare_outputs(shim, coalesce_streams(have.outputs), coalesce_streams(want.outputs)):
                found.append(f"cell {number}: " + "\n".join(shim.comparison_traceback))
    return found


def run(variant, path, workdir=None):
    """``path`` executed in ``variant``'s environment (which must take effect); the executed notebook."""
    with tempfile.TemporaryDirectory(prefix="bbh-variant-") as scratch:
        env = environment(variant, workdir or scratch)
        problems = took_effect(variant, env)
        if problems:
            raise RuntimeError(f"variant {variant.name} did not take effect: {'; '.join(problems)}")
        nb, _ = execute(path, timeout=300, env=env)
    return nb


def notebooks():
    return [path for edition in EDITIONS for path in sorted((ROOT / edition).glob("*.ipynb"))]


def tests(name):
    """The two tests of a variant, for a test file to take as its own (one file per variant, so that the variants run in
    parallel): that it takes effect, and that every notebook of both editions has its stored outputs in it."""
    import pytest

    reason = skip_reason(VARIANTS[name])

    @pytest.mark.skipif(reason is not None, reason=str(reason))
    def test_the_variant_takes_effect(tmp_path):
        check_effect(name, tmp_path)

    @pytest.mark.skipif(reason is not None and name != "slides", reason=str(reason))  # the decks need the runs anyway
    @pytest.mark.parametrize("path", notebooks(), ids=lambda p: f"{p.parent.name}/{p.stem[:2]}")
    def test_the_stored_outputs_are_what_the_variant_computes(path, executed):
        check_outputs(name, path, executed(name, path))

    return test_the_variant_takes_effect, test_the_stored_outputs_are_what_the_variant_computes


def check_outputs(name, path, nb):
    """The test of one notebook in one variant: ``nb`` (its run in the variant) has its stored outputs."""
    found = differences(nbformat.read(path, as_version=4), nb, sanitize_patterns(VARIANTS[name]))
    assert not found, f"{path.relative_to(ROOT)} under {VARIANTS[name].says}:\n" + "\n".join(found)


def check_effect(name, workdir):
    """The test that a variant runs what it says: the OpenBLAS kernel it asks for, numpy without its SIMD groups."""
    variant = VARIANTS[name]
    env = environment(variant, workdir)
    assert took_effect(variant, env) == []
    seen, own = probe(env), probe()
    if variant.coretype and all(flag in cpu_flags() for flag in variant.needs):
        assert seen["core"] in CORENAMES[variant.coretype], seen["core"]  # (the machine's own kernel, maybe: then the
        # main nbval run is the variant's kernel too, and the variant adds its other settings)
    if variant.simd_off and own["features"].get("X86_V3"):
        assert not seen["features"]["X86_V3"] and not seen["features"].get("X86_V4")  # numpy dispatches by group


def main(names):
    failed = 0
    for name in names or VARIANTS:
        variant = VARIANTS[name]
        patterns = sanitize_patterns(variant)
        reason = skip_reason(variant)
        if reason:
            print(f"{name}: skipped: {reason}")
            continue
        for path in notebooks():
            found = differences(nbformat.read(path, as_version=4), run(variant, path), patterns)
            failed += bool(found)
            print(f"{name} {path.relative_to(ROOT)}: " + ("same outputs" if not found else "\n  ".join(["DIFFERS"] + found)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
