"""A stored output is a property of the course, not of the machine (1/3): both editions, run on an old CPU's code paths
(OpenBLAS's Prescott kernel, numpy with its AVX2 and AVX-512 groups switched off) in a hostile plotting environment
(MPLBACKEND=Agg, as Docker and CI images set it, and an IPython profile that asks for SVG figures), give the stored
outputs, compared as nbval compares them. tools/variants.py says what the variant sets and checks that it took effect;
the other variants: tests/test_slides.py (Sandybridge) and tests/test_variant_haswell.py."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))
import variants  # noqa: E402

NAME = "old-cpu"
test_the_variant_takes_effect, test_the_stored_outputs_are_what_an_old_cpu_computes = variants.tests(NAME)


def test_took_effect_sees_a_variant_that_did_not(monkeypatch):
    if "avx2" in variants.cpu_flags():  # numpy 2.4 ignores a single feature such as AVX2 without a word
        env = {**variants.os.environ, "NPY_DISABLE_CPU_FEATURES": "AVX2"}
        assert variants.took_effect(variants.VARIANTS[NAME], env) == ["numpy still dispatches AVX2"]
    monkeypatch.setattr(variants, "probe", lambda env=None: {"core": "SkylakeX", "features": {}})
    assert variants.took_effect(variants.VARIANTS["haswell"], {"OPENBLAS_CORETYPE": "Haswell"}) == [
        "OpenBLAS runs SkylakeX, not Haswell"]
