"""A stored output is a property of the course, not of the machine (3/3): both editions give the stored outputs under
OpenBLAS's Haswell kernel (AVX2 and FMA), compared as nbval compares them. Skipped, with the reason, on a CPU without
AVX2, and where the machine's own kernel is Haswell already (the main nbval run is then this variant)."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))
import variants  # noqa: E402

NAME = "haswell"
REASON = variants.skip_reason(variants.VARIANTS[NAME])


@pytest.mark.skipif(REASON is not None, reason=str(REASON))
def test_the_variant_takes_effect(tmp_path):
    variants.check_effect(NAME, tmp_path)


@pytest.mark.skipif(REASON is not None, reason=str(REASON))
@pytest.mark.parametrize("path", variants.notebooks(), ids=lambda p: f"{p.parent.name}/{p.stem[:2]}")
def test_the_stored_outputs_are_what_haswell_computes(path, executed):
    variants.check_outputs(NAME, path, executed(NAME, path))
