"""Near-duplicate reports: the 82 real reports of ../shared/data/geo/trnews.dev.jsonl plus
near-copies generated here (trimmed, re-headlined, wire datelines, lede cut): every copy
links to its original, and no two different originals link to each other."""
from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from sitrep.fuse import NearDuplicateIndex, fingerprint, link_reports
from sitrep.fuse.near_duplicates import band_keys, lsh_bands

SHARED = Path(__file__).parents[2] / "../shared"
TRNEWS = SHARED / "data/geo/trnews.dev.jsonl"


@pytest.fixture(scope="module")
def trnews() -> list[dict]:
    if not TRNEWS.exists():
        pytest.skip(f"../shared not present: {TRNEWS} is needed for the near-duplicate test")
    return [json.loads(line) for line in TRNEWS.open(encoding="utf-8")]


def _day(value: str, later: int = 0) -> str:
    """The report's date as ISO (a fixed day when the corpus gives another format), plus
    `later` days: copies appear after their original."""
    import datetime as dt
    try:
        day = dt.date.fromisoformat((value or "")[:10])
    except ValueError:
        day = dt.date(2016, 12, 1)
    return (day + dt.timedelta(days=later)).isoformat()


def near_copies(r: dict, rng: random.Random) -> list[tuple[str, str, str]]:
    """(kind, title, text) copies of one report, as other outlets or updates publish it."""
    paras = [p for p in r["text"].split("\n") if p.strip()]
    words = r["text"].split()
    keep = max(25, int(len(words) * rng.uniform(0.5, 0.9)))
    out = [("trimmed", "UPDATE: " + r["title"], " ".join(words[:keep])),
           ("re-headlined", rng.choice(["Breaking: ", "WORLD NEWS - ", ""]) + r["title"][::-1][:40],
            r["text"]),
           ("wire", r["title"], "ANKARA, Turkey (AP) - " + "\n".join(paras[:-1] if len(paras) > 3 else paras)
            + "\nCopyright 2016 The Associated Press. All rights reserved.")]
    if len(paras) > 4:
        out.append(("lede cut", r["title"], "\n".join(paras[1:])))
    return out


def test_every_generated_copy_links_to_its_original(trnews):
    rng = random.Random(20161207)
    reports, original_of = [], {}
    for r in trnews:
        reports.append({"id": r["id"], "text": r["text"], "published": _day(r["date"]), "source": r["domain"],
                        "url": r["url"]})
        for kind, title, text in near_copies(r, rng):
            cid = f"{r['id']}~{kind}"
            original_of[cid] = r["id"]
            reports.append({"id": cid, "title": title, "text": text, "published": _day(r["date"], 1),
                            "source": f"copy-{kind}.example", "url": None})
    rng.shuffle(reports)  # arrival order must not matter
    links = link_reports(reports)
    linked = {(link.article_id, link.original_id) for link in links}
    missing = [c for c, o in original_of.items() if (c, o) not in linked]
    assert not missing, f"{len(missing)} of {len(original_of)} copies not linked to their original: {missing[:5]}"

    def family(rid: str) -> str:
        return original_of.get(rid, rid)
    wrong = [(link.article_id, link.original_id) for link in links if family(link.article_id) != family(link.original_id)]
    assert not wrong, f"links between different reports: {wrong[:5]}"
    assert all(link.relation == "copy" for link in links)


def test_a_later_version_from_the_same_outlet_is_an_update():
    base = ("Government forces retook the Sheikh Saeed district of Aleppo on Monday after heavy fighting, a "
            "monitoring group said, leaving rebels holding a shrinking pocket in the east of the city. Thousands "
            "of civilians fled towards government-held areas overnight, carrying what they could.")
    idx = NearDuplicateIndex()
    assert idx.add("v1", text=base, published="2016-12-05", source="AFP") == []
    link, = idx.add("v2", text=base + " The death toll rose to 30, the monitor said later.",
                    published="2016-12-06", source="AFP")
    assert (link.article_id, link.original_id, link.relation) == ("v2", "v1", "update")


def test_unrelated_reports_do_not_link():
    a = ("Floods swept through villages in the north of the province after three days of rain, and rescue "
         "teams evacuated hundreds of families to schools and mosques on higher ground, officials said.")
    b = ("The ministry of health reported a new outbreak of cholera in the southern camps, where aid agencies "
         "said clean water and latrines were lacking for tens of thousands of displaced people.")
    idx = NearDuplicateIndex()
    idx.add("a", text=a)
    assert idx.add("b", text=b) == []
    assert len(fingerprint(a)) == 64


@pytest.mark.parametrize("num_perm", [16, 64, 128])
def test_lsh_banding_is_datasketchs_optimum(num_perm):
    # The stored band keys of every report are cut by lsh_bands: it must pick the (bands,
    # rows) datasketch's MinHashLSH picks for the same threshold, or stores fused before
    # and after would find different candidates.
    lsh = pytest.importorskip("datasketch.lsh")
    for threshold in [t / 20 for t in range(1, 20)]:
        assert lsh_bands(threshold, num_perm) == lsh._optimal_param(threshold, num_perm, 0.5, 0.5), threshold


def test_candidates_share_a_band_and_others_are_not_compared():
    base = ("Shelling hit the market in the town of Ariha on Monday, killing nine people and wounding "
            "twelve, rescuers said, as government forces pressed an offensive on the province from the south.")
    idx = NearDuplicateIndex()
    idx.add("a", text=base)
    # Same text, one word changed: most bands are unchanged, so it is a candidate and linked.
    assert [lk.original_id for lk in idx.add("b", text=base.replace("twelve", "eleven"))] == ["a"]
    keys = band_keys(fingerprint(base))
    assert len(keys) == lsh_bands(0.2)[0] and len(set(keys)) == len(keys)
    assert all("a" in idx.buckets[k] for k in keys)
