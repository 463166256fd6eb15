"""The same report gives the same JSON in every process: Python salts str hashes per
process (PYTHONHASHSEED), so any rule that iterates a set of tokens or strings and keeps
the first match would answer differently from run to run. Sentences are the project's own."""
from __future__ import annotations

import json
import os
import subprocess
import sys

# a negation and a non-specific "any" on one trigger's two words: which was read first
# decided negated or hypothetical before the tokens were read in order
REPORT = ('A ministry spokesman said the army had not launched any offensive and had only "answered an '
          'attack on its forward positions". He also denied that troops had shelled homes.')


_RUN = ("import json, sys, sitrep; "
        "print(json.dumps(sitrep.extract(sys.stdin.read(), published='2023-02-08').to_dict(), sort_keys=True))")


def _extract_with_seed(seed: str) -> dict:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    out = subprocess.run([sys.executable, "-c", _RUN], input=REPORT, capture_output=True, text=True, env=env,
                         check=True, timeout=300)
    return json.loads(out.stdout)


def test_extraction_does_not_depend_on_the_hash_seed():
    first = _extract_with_seed("1")
    for seed in ("2", "3"):
        assert _extract_with_seed(seed) == first, f"PYTHONHASHSEED={seed} changed the output"
