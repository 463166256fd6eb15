"""The SQLite store runs in WAL mode, so readers never block the ingesting writer."""
from __future__ import annotations

import sqlite3

from sitrep.store import Store


def test_sqlite_store_uses_wal_and_foreign_keys(tmp_path):
    db = tmp_path / "w.db"
    Store(str(db)).close()
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_reader_sees_committed_rows_while_a_writer_holds_a_transaction(tmp_path):
    db = tmp_path / "w.db"
    store = Store(str(db))
    writer = sqlite3.connect(db, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("INSERT INTO meta(key, value) VALUES ('probe', 'x')")
    # With a rollback journal this read would wait on the writer's lock; with WAL it proceeds.
    assert store.counts()["articles"] == 0
    writer.execute("ROLLBACK")
