"""A stored output is a property of the course, not of the machine: both editions give the same outputs, compared as
nbval compares them, under OpenBLAS's Prescott, Sandybridge and Haswell kernels, with numpy's SIMD groups switched
off, and in the plotting environments a user may bring (MPLBACKEND=Agg or TkAgg, an IPython profile asking for SVG).

Each notebook runs once per variant (tools/variants.py says what each one sets and checks that it took effect); the
slides are built from the "slides" variant's runs of the exercise edition (tests/conftest.py shares them). A variant
that cannot run here is skipped with its reason (a CPU without AVX2 has no Haswell kernel; where the machine's own
kernel is Haswell, the main nbval run is that variant).
"""
import os
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import variants  # noqa: E402

@pytest.mark.parametrize("path", variants.notebooks(), ids=lambda p: f"{p.parent.name}/{p.stem[:2]}")
@pytest.mark.parametrize("name", list(variants.VARIANTS))
def test_the_stored_outputs_are_what_this_variant_computes(name, path, executed):
    reason = variants.skip_reason(variants.VARIANTS[name])
    if reason:
        pytest.skip(reason)
    patterns = variants.sanitize_patterns(variants.VARIANTS[name])
    found = variants.differences(nbformat.read(path, as_version=4), executed(name, path), patterns)
    assert not found, f"{path.relative_to(ROOT)} under {variants.VARIANTS[name].says}:\n" + "\n".join(found)


@pytest.mark.parametrize("name", list(variants.VARIANTS))
def test_a_variant_takes_effect_or_says_why_it_cannot(name, tmp_path):
    variant = variants.VARIANTS[name]
    reason = variants.skip_reason(variant)
    if reason:
        pytest.skip(reason)
    env = variants.environment(variant, tmp_path)
    assert variants.took_effect(variant, env) == []
    seen = variants.probe(env)
    if variant.coretype and all(flag in variants.cpu_flags() for flag in variant.needs):
        assert seen["core"] in variants.CORENAMES[variant.coretype] and seen["core"] != variants.probe()["core"]
    if variant.simd_off and variants.probe()["features"].get("X86_V3"):
        assert not seen["features"]["X86_V3"] and not seen["features"].get("X86_V4")  # numpy dispatches by group


def test_took_effect_sees_a_variant_that_did_not(monkeypatch):
    if "avx2" in variants.cpu_flags():  # numpy 2.4 ignores a single feature such as AVX2 without a word
        env = {**os.environ, "NPY_DISABLE_CPU_FEATURES": "AVX2"}
        assert variants.took_effect(variants.VARIANTS["old-cpu"], env) == ["numpy still dispatches AVX2"]
    monkeypatch.setattr(variants, "probe", lambda env=None: {"core": "SkylakeX", "features": {}})
    assert variants.took_effect(variants.VARIANTS["haswell"], {"OPENBLAS_CORETYPE": "Haswell"}) == [
        "OpenBLAS runs SkylakeX, not Haswell"]
