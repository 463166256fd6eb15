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


def test_a_batch_says_which_articles_were_new_including_repeats_inside_it(tmp_path):
    store = Store(str(tmp_path / "i.db"))
    other = Extraction(article=Article(id="k2", title="Second", text=TEXT + " Markets closed.",
                                       published="2023-06-13"))
    assert store.add_many([_ex("Wire", "https://wire.example/a"), other,
                           _ex("Daily Paper", "https://paper.example/b")]) == [True, True, False]
    assert store.add_many([other]) == [False]
    assert store.counts()["articles"] == 2
    assert len(store.sightings("k1")) == 2


def test_a_batch_that_fails_is_retried_article_by_article(tmp_path, monkeypatch):
    """One article the database refuses costs only itself, not the others in its batch."""
    import pytest
    import sqlalchemy as sa

    from sitrep.errors import StoreError

    store = Store(str(tmp_path / "i.db"))
    real_add_in = Store._add_in

    def refuse_k3(self, conn, d, *pending):
        if d["article"]["id"] == "k3":  # what a full disk or a lock timeout looks like
            raise sa.exc.OperationalError("INSERT INTO articles", {}, Exception("disk I/O error"))
        return real_add_in(self, conn, d, *pending)

    monkeypatch.setattr(Store, "_add_in", refuse_k3)
    bad = Extraction(article=Article(id="k3", title="Bad", text="Another report.", published="2023-06-14"))
    with pytest.raises(StoreError, match="k3.*disk I/O error"):
        store.add_many([_ex("Wire", "https://wire.example/a"), bad])
    assert store.has("k1") and not store.has("k3")
