"""Peak memory of reading a gzip bomb: a ~1 MB `.jsonl.gz` whose middle line inflates to
1 GiB, between two good records. The reader must skip the line while reading it (the
line cap, SITREP_MAX_BYTES), keep both good records, and stay far below the size of the
line in memory.

    .venv/bin/python bench/reader_bomb.py [--gib 1]

Prints the compressed size, what was read, the wall time and the peak RSS of the reading
process (a fresh subprocess, so the figure is the reader's own).
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import subprocess
import sys
import tempfile
import time

GOOD = ("Shelling hit the market in Ariha on Monday, killing four civilians, rescuers said. "
        "About 200 families fled to nearby villages, aid workers said.")

READ = """
import sys
from sitrep.errors import InputError
from sitrep.readers import iter_inputs
for item in iter_inputs([sys.argv[1]]):
    print(("error " + str(item)) if isinstance(item, InputError) else ("record " + str(item.input_id)))
"""


def make_bomb(path: str, gib: float) -> None:
    chunk = b"a" * (1 << 20)
    with gzip.open(path, "wb", compresslevel=9) as gz:
        gz.write(json.dumps({"id": "before", "text": GOOD}).encode() + b"\n")
        gz.write(b'{"id": "bomb", "text": "')
        for _ in range(int(gib * 1024)):
            gz.write(chunk)
        gz.write(b'"}\n')
        gz.write(json.dumps({"id": "after", "text": GOOD}).encode() + b"\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gib", type=float, default=1.0, help="size of the inflated line in GiB")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "bomb.jsonl.gz")
        make_bomb(path, args.gib)
        t0 = time.perf_counter()
        out = subprocess.run([sys.executable, "-c", READ, path], capture_output=True, text=True, check=True)
        seconds = time.perf_counter() - t0
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"bomb: {os.path.getsize(path) / 1e6:.1f} MB compressed, one line of {args.gib:g} GiB inflated")
        for row in out.stdout.splitlines():
            print("  " + row)
        print(f"read in {seconds:.1f} s, peak RSS {peak_mb:.0f} MB (load: {os.getloadavg()[0]:.2f})")


if __name__ == "__main__":
    main()
