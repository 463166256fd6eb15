"""A kill -9 during ingest loses no committed article and leaves no partial one."""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from sitrep.store import Store

sys.path.insert(0, str(Path(__file__).parent))
from reports import write_reports  # noqa: E402


def _count(db: Path) -> int:
    """Articles committed so far, read-only: the test must not race the ingest's schema set-up."""
    if not db.exists():
        return 0
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return con.execute("SELECT count(*) FROM articles").fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error:
        return 0


def test_kill_during_ingest_keeps_every_committed_article_whole(tmp_path):
    folder = tmp_path / "reports"
    n = 60
    write_reports(folder, n)
    db = tmp_path / "kill.db"
    cmd = [sys.executable, "-m", "sitrep", "ingest", str(folder), "--db", str(db)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 240
    try:
        while _count(db) < 5 and time.time() < deadline and proc.poll() is None:
            time.sleep(0.2)
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    assert proc.returncode == -signal.SIGKILL, "ingest finished before it could be killed: raise n"

    store = Store(str(db))
    before = store.counts()["articles"]
    assert 5 <= before < n
    # Every stored article has exactly the items it declared: nothing half-written.
    assert store.check_integrity() == []
    ids_before = store.ids()

    # Re-running adds only what is missing; nothing committed was lost or duplicated.
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    store = Store(str(db))
    assert store.counts()["articles"] == n
    assert ids_before <= store.ids()
    assert store.check_integrity() == []
    assert f"{n - before} added, {before} already stored" in " ".join(done.stdout.split())
