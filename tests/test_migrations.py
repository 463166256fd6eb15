"""Opening an older store brings its schema up to date without losing rows."""
from __future__ import annotations

import sqlite3

import pytest

from sitrep.errors import StoreError
from sitrep.store import SCHEMA_VERSION, Store


def _make_v1(db):
    """A version-1 store: articles without the `supersedes` column, one article in it."""
    con = sqlite3.connect(db)
    con.executescript("""
        CREATE TABLE meta (key VARCHAR(64) PRIMARY KEY, value TEXT);
        INSERT INTO meta VALUES ('schema_version', '1');
        CREATE TABLE articles (id VARCHAR(64) PRIMARY KEY, input_id TEXT, title TEXT, authors TEXT,
            published VARCHAR(32), source TEXT, url TEXT, language VARCHAR(16), byline TEXT, path TEXT,
            text TEXT, boilerplate TEXT, fingerprint TEXT, sentences TEXT, entities TEXT,
            n_items INTEGER NOT NULL, ingested_at FLOAT NOT NULL);
        INSERT INTO articles (id, title, text, n_items, ingested_at, authors, boilerplate, fingerprint,
            sentences, entities) VALUES ('a1', 'Old report', 'Old text', 0, 0, '[]', '[]', '[]', '[]', '[]');
    """)
    con.commit()
    con.close()


def test_v1_store_is_migrated_and_keeps_its_rows(tmp_path):
    db = tmp_path / "old.db"
    _make_v1(db)
    store = Store(str(db))
    assert store.schema_version() == SCHEMA_VERSION
    assert store.article("a1")["title"] == "Old report"
    assert "supersedes" in {r[1] for r in sqlite3.connect(db).execute("PRAGMA table_info(articles)")}


def test_newer_schema_is_refused_with_advice(tmp_path):
    db = tmp_path / "new.db"
    Store(str(db)).close()
    con = sqlite3.connect(db)
    con.execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'")
    con.commit()
    with pytest.raises(StoreError, match="upgrade sitrep"):
        Store(str(db))


def test_missing_database_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="no such database"):
        Store(str(tmp_path / "absent.db"), create=False)


def test_v5_store_gains_the_event_status_columns_and_keeps_its_events(tmp_path):
    import sitrep
    db = tmp_path / "v5.db"
    with Store(str(db)) as store:
        store.add(sitrep.extract("Rebels shelled the town of Marea on Monday, killing five people.",
                                 published="2016-12-07"))
    con = sqlite3.connect(db)
    for column in ("mode", "timing", "confidence"):
        con.execute(f'ALTER TABLE events DROP COLUMN "{column}"')
    con.execute("UPDATE meta SET value = '5' WHERE key = 'schema_version'")
    con.commit()
    n_events = con.execute("SELECT count(*) FROM events").fetchone()[0]
    con.close()
    assert n_events >= 1
    store = Store(str(db))
    assert store.schema_version() == SCHEMA_VERSION
    cols = {r[1] for r in sqlite3.connect(db).execute("PRAGMA table_info(events)")}
    assert {"mode", "timing", "confidence"} <= cols
    assert len(store.items("events")) == n_events
