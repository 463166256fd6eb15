"""Re-ingesting a report is a no-op, but a verbatim copy from another outlet is kept as a
sighting of the same article: the second outlet's voice is not lost."""
from __future__ import annotations

from sitrep.models import Article, Extraction
from sitrep.store import Store

TEXT = "Gunmen attacked a market in Kadugli on Monday, killing four traders, police said."


def _ex(source, url):
    return Extraction(article=Article(id="k1", title="Kadugli attack", text=TEXT, source=source, url=url,
                                      published="2023-06-12"))


def test_same_report_twice_is_stored_once(tmp_path):
    store = Store(str(tmp_path / "i.db"))
    assert store.add(_ex("Wire", "https://wire.example/a")) is True
    assert store.add(_ex("Wire", "https://wire.example/a")) is False
    assert store.counts()["articles"] == 1
    assert len(store.sightings("k1")) == 1


def test_verbatim_copy_from_another_outlet_is_a_new_sighting(tmp_path):
    store = Store(str(tmp_path / "i.db"))
    store.add(_ex("Wire", "https://wire.example/a"))
    assert store.add(_ex("Daily Paper", "https://paper.example/b")) is False
    assert store.counts()["articles"] == 1
    assert [s["source"] for s in store.sightings("k1")] == ["Wire", "Daily Paper"]
