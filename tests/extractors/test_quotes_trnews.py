"""Quotes and speakers on 10 TR-News conflict reports annotated by hand for sitrep
(tests/annotations/trnews_quotes.json keeps ids, offsets and labels; the texts are read
from ../shared at test time). The bar: the speaker is right for >= 90% of the annotated
quotes sitrep finds, and it finds most of them."""
from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest
from conftest import need_shared

ANNOTATIONS = Path(__file__).parents[1] / "annotations" / "trnews_quotes.json"
STOP = {"the", "a", "an", "of", "and", "s", "'s", "mr", "mrs", "ms", "lt", "rev"}


def name_tokens(name: str | None) -> set[str]:
    s = unicodedata.normalize("NFKC", name or "").lower().replace("’", "'")
    return {t for t in re.sub(r"[^a-z0-9' -]+", " ", s).replace("-", " ").split() if t not in STOP}


def same_speaker(gold: str, pred: str | None) -> bool:
    """Loose: one name's words inside the other's, or half of the shorter one shared."""
    g, p = name_tokens(gold), name_tokens(pred)
    if not g or not p:
        return False
    return g <= p or p <= g or len(g & p) >= max(1, min(len(g), len(p)) / 2)


def carry(src: str, dst: str, start: int, end: int) -> tuple[int, int] | None:
    """A span of the shared text in the article text (cleaning may shift or rewrap it)."""
    if src == dst:
        return start, end
    def norm(s):
        return re.sub(r"\s+", " ", s)
    piece = norm(src[start:end]).strip()
    flat, index = [], []
    for i, ch in enumerate(dst):  # whitespace-collapsed view of dst with a map back
        if ch.isspace():
            if flat and flat[-1] == " ":
                continue
            ch = " "
        flat.append(ch)
        index.append(i)
    j = "".join(flat).find(piece)
    if j < 0:
        return None
    return index[j], index[j + len(piece) - 1] + 1


@pytest.fixture(scope="module")
def trnews_results():
    import sitrep

    path = need_shared("data", "geo", "trnews.dev.jsonl")
    records = {json.loads(line)["id"]: json.loads(line) for line in path.open(encoding="utf-8")}
    gold = json.loads(ANNOTATIONS.read_text(encoding="utf-8"))["documents"]
    rows = []
    for doc in gold:
        rec = records[doc["id"]]
        date = rec.get("date") or ""
        ex = sitrep.extract(rec["text"], published=date[:10] if re.match(r"\d{4}-\d\d-\d\d", date) else None,
                            id=rec["id"])
        text = ex.article.text
        for q in doc["quotes"]:
            span = carry(rec["text"], text, q["start"], q["end"])
            hit = None
            if span is not None:
                hit = next((p for p in ex.quotes if p.start < span[1] and span[0] < p.end), None)
            rows.append((doc["id"], q, span, hit))
    return rows


def test_annotation_file_holds_no_text():
    data = json.loads(ANNOTATIONS.read_text(encoding="utf-8"))
    assert len(data["documents"]) == 10
    for doc in data["documents"]:
        for q in doc["quotes"]:
            assert set(q) == {"start", "end", "kind", "speaker"}
            assert q["kind"] in ("direct", "indirect")


def test_speaker_accuracy_on_found_quotes(trnews_results):
    found = [(d, q, hit) for d, q, span, hit in trnews_results if hit is not None]
    wrong = [(d, q["speaker"], hit.speaker) for d, q, hit in found if not same_speaker(q["speaker"], hit.speaker)]
    accuracy = 1 - len(wrong) / len(found)
    assert accuracy >= 0.9, f"speaker accuracy {accuracy:.3f}; wrong: {wrong}"


def test_most_annotated_quotes_are_found(trnews_results):
    direct = [hit for d, q, span, hit in trnews_results if q["kind"] == "direct"]
    every = [hit for d, q, span, hit in trnews_results]
    assert sum(h is not None for h in direct) / len(direct) >= 0.9
    assert sum(h is not None for h in every) / len(every) >= 0.75
