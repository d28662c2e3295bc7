"""A stored output is a property of the course, not of the machine (3/3): both editions give the stored outputs under
OpenBLAS's Haswell kernel (AVX2 and FMA), compared as nbval compares them. Skipped, with the reason, on a CPU without
AVX2, and where the machine's own kernel is Haswell already (the main nbval run is then this variant)."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))
import variants  # noqa: E402

test_the_variant_takes_effect, test_the_stored_outputs_are_what_haswell_computes = variants.tests("haswell")
