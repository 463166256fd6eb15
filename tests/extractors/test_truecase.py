"""Case restoration (sitrep/extractors/truecase.py): reports set all in lower case or all in
capitals get their capitals back before the parse; mixed-case text is never rewritten."""
from __future__ import annotations

import json
import random

import pytest
from conftest import need_shared

import sitrep
from sitrep.extractors.truecase import degenerate_case, in_case, restore_case, truecase

# (sentence as a careful writer sets it, words its restored copy must spell so, places the
# extraction must find, actors it must find). Written for these tests.
CASES = [
    ("Syrian government forces retook east Aleppo on Tuesday, the Syrian Observatory for Human Rights said.",
     ["Syrian", "Aleppo", "Tuesday", "Syrian Observatory for Human Rights"], ["Aleppo"],
     ["Syrian Observatory for Human Rights"]),
    ("The UN Security Council met in New York after NATO and the EU condemned the strike, SANA reported.",
     ["UN Security Council", "New York", "NATO", "EU", "SANA"], ["New York"], ["Syrian Arab News Agency"]),
    ("A Turkish policeman shot the Russian ambassador Andrei Karlov at a gallery in Ankara on Monday.",
     ["Turkish", "Russian", "Karlov", "Ankara", "Monday"], ["Ankara"], []),
    ("Islamic State fighters fled from Raqqa toward Deir ez-Zor as U.S.-backed forces advanced.",
     ["Islamic State", "Raqqa", "U.S."], ["Raqqa"], ["Islamic State"]),
    ("Four Jordanian police officers and a visitor from Canada were killed in an attack in Karak.",
     ["Jordanian", "Canada", "Karak"], ["Karak"], []),
    ("Deputies in Clay County arrested two men on Friday after a shooting on Cooper Street in Moorhead.",
     ["Clay County", "Friday", "Cooper Street", "Moorhead"], ["Moorhead"], []),
    ("TORRINGTON — A fire destroyed the roof of a house on Main Street, the fire marshal said.",
     ["TORRINGTON", "Main Street"], ["TORRINGTON"], []),
    ("Mr. Smith told us that I was wrong about the US sanctions on Iran announced in May.",
     ["Mr. Smith", " us ", " I ", "US sanctions", "Iran", "May"], ["Iran"], []),
    ("The Houthis fired a missile at Riyadh; Saudi air defences intercepted it over the capital.",
     ["Houthis", "Riyadh", "Saudi"], ["Riyadh"], ["Houthis"]),
    ("Residents of Winnipeg and Glasgow were asked to shelter as the storm moved east.",
     ["Winnipeg", "Glasgow"], ["Winnipeg", "Glasgow"], []),
]

# A report has more than one sentence; a lower-case fragment of one is left alone.
FOLLOW_UP = "No further details were given."


@pytest.mark.parametrize("case", ["lower", "upper"])
@pytest.mark.parametrize("cased, spelled, _places, _actors", CASES)
def test_a_report_in_one_case_gets_its_names_back(cased, spelled, _places, _actors, case):
    restored = truecase(in_case(cased, case))
    assert len(restored) == len(cased) and in_case(restored, "lower") == in_case(cased, "lower")
    for words in spelled:
        assert words in restored, f"{words!r} not restored in {restored!r}"


@pytest.mark.parametrize("case", ["lower", "upper"])
@pytest.mark.parametrize("cased, _spelled, places, actors", CASES)
def test_a_report_in_one_case_yields_its_places_and_actors(cased, _spelled, places, actors, case):
    ex = sitrep.extract(in_case(f"{cased} {FOLLOW_UP}", case), published="2016-12-20")
    parsed_text = ex.article.parse_text or ex.article.text  # the restored text the parser read
    assert in_case(ex.article.text, case) == ex.article.text  # the delivered case is kept for evidence
    found = {parsed_text[p.start:p.end] for p in ex.places}
    for name in places:
        assert any(name in f for f in found), f"place {name!r} not found in {sorted(found)}"
    names = {a.name for a in ex.actors}
    for name in actors:
        assert name in names, f"actor {name!r} not found in {sorted(names)}"


def test_the_delivered_text_is_kept_and_offsets_point_into_both():
    delivered = in_case(f"{CASES[0][0]} {FOLLOW_UP}", "lower")
    ex = sitrep.extract(delivered)
    assert ex.article.raw_text == delivered
    assert in_case(ex.article.text, "lower") == delivered
    for p in ex.places:
        assert in_case(ex.article.text[p.start:p.end], "lower") == delivered[p.start:p.end]


@pytest.mark.parametrize("text", [
    "Syrian forces retook Aleppo on Tuesday.",
    "BEIRUT (Reuters) - Syrian forces retook Aleppo on Tuesday, a monitor said.",
    "AIRSTRIKES HIT ALEPPO\nSyrian forces retook the city on Tuesday, a monitor said.",  # caps headline
    "in aleppo",  # too few letters to tell
    "more than 2,000 houses were damaged in aleppo on tuesday",  # a lower-case excerpt of one sentence
    "Officials in Aleppo said 20 people died. the report was later corrected by the UN.",  # one slip
    "MÁS DE 1.200 PERSONAS FUERON EVACUADAS EN LA CIUDAD DE MÉXICO, DIJO LA POLICÍA.",  # not English
    "",
])
def test_mixed_case_short_and_foreign_text_is_left_as_it_is(text):
    assert restore_case(text) is text


@pytest.mark.parametrize("text, expected", [
    ("syrian forces retook aleppo on tuesday. a monitor said so.", "lower"),
    ("SYRIAN FORCES RETOOK ALEPPO ON TUESDAY. A MONITOR SAID SO.", "upper"),
    ("SYRIAN FORCES RETOOK ALEPPO ON TUESDAY", "upper"),
    ("syrian forces retook aleppo on tuesday, a monitor said", None),
    ("Syrian forces retook Aleppo on Tuesday. A monitor said so.", None),
    ("syrian forces retook aleppo on tuesday. a monitor said so, the UN said. the fighting went on in the north "
     "of the province for a third day, and residents fled towards the border.", "lower"),
])
def test_degenerate_case_is_told_from_mixed_case(text, expected):
    assert degenerate_case(text) == expected


# Letters whose other case is longer ("ß" -> "SS", "İ" -> "i̇"), title-case digraphs,
# apostrophes, dots and dashes inside words, other scripts, digits, spacing and newlines.
_ALPHABET = list("abcdefghijklmnopqrstuvwxyzßİıǅŉﬁ'’.-—,;:!?()\"“” \n0123456789αβγжэ") + [
    "the ", "of ", "in ", "said ", "aleppo ", "u.s. ", "mr. ", "st. ", "i ", "al-", "county ", "street ", "turkey "]


@pytest.mark.parametrize("seed", range(40))
def test_restoration_changes_case_only_and_never_length(seed):
    rng = random.Random(seed)
    text = "".join(rng.choice(_ALPHABET) for _ in range(rng.randint(0, 160)))
    for case in ("lower", "upper"):
        copy = in_case(text, case)
        assert len(copy) == len(text)
        restored = restore_case(copy)
        assert len(restored) == len(copy)
        assert all(r in (c, c.upper(), c.lower()) for r, c in zip(restored, copy, strict=True))


DEV_REPORTS = 12  # the first TR-News dev reports: a few minutes of parsing at most


def test_lower_and_upper_copies_of_real_reports_score_as_the_cased_ones(tmp_path):
    """Places on lower- and upper-cased copies of real reports (same ids, same offsets),
    scored by the shared geoparsing scorer against the cased reports' gold, stay within
    0.05 of the cased reports' scores (tagging F1 and acc@161 km)."""
    from sitrep.evaluate import extract_corpus, reader_view, score, with_source_case

    corpus = need_shared("data", "geo", "trnews.dev.jsonl")
    records = [json.loads(line) for line in corpus.open(encoding="utf-8")][:DEV_REPORTS]
    for r in records:  # the upper copy restores to the lower copy's text: one parse serves both
        assert restore_case(in_case(r["text"], "upper")) == restore_case(in_case(r["text"], "lower"))
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    scores = {}
    for case in ("asis", "lower"):
        view = tmp_path / f"{case}.jsonl"
        with view.open("w", encoding="utf-8") as fh:
            for r in records:
                v = reader_view(r)
                if case != "asis":
                    v.update(text=in_case(v["text"], case), title=in_case(v["title"], case))
                fh.write(json.dumps(v) + "\n")
        pred = tmp_path / f"{case}.pred.jsonl"
        extract_corpus(view, pred)
        texts = {r["id"]: r["text"] for r in records}
        rows = [json.loads(line) for line in pred.open(encoding="utf-8")]
        for row in rows:
            row["article"]["text"] = with_source_case(row["article"]["text"], texts[row["id"]])
        pred.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        s = score("geo", gold, pred, corpus.parents[2])
        scores[case] = (s["tagging"]["f1"], s["end_to_end_acc161"])
    for cased, copy in zip(scores["asis"], scores["lower"], strict=True):
        assert copy >= cased - 0.05, scores


@pytest.mark.parametrize("line, headline", [
    ("Georgia Arrests Opposition Members", True),
    ("Blast Injures Three in Abkhazia", True),  # "injures": English, though not in the word table
    ("John Smith and Mary Jones", False),
])
def test_a_title_case_headline_is_told_by_its_ordinary_words(line, headline):
    from sitrep.extractors.truecase import title_cased
    assert title_cased(line) == headline


def test_a_title_before_names_that_are_common_words_is_restored_with_them():
    # "obama" is a name; "barack" and "president" are capitalised only beside one, in turn
    from sitrep.extractors.truecase import restore_case
    text = ("officials said that the senator is demanding president barack obama make a pledge. "
            "he said so on monday. it was late.")
    assert "President Barack Obama" in restore_case(text)


@pytest.mark.parametrize("lower, restored", [
    # "march" is a month only after its cues; a day's capital makes no neighbour a name
    ("gainesville residents march in protest of the new charter.", "residents march in protest"),
    ("the attack happened in march 2016, officials said.", "in March 2016"),
    ("pyongyang fired three missiles into the sea monday.", "into the sea Monday"),
    # a quotation ending in "?" or "!" does not end the sentence it sits in
    ("protesters chanted \"what curfew?\" and kept going until 2 a.m.", "curfew?\" and kept going"),
])
def test_a_word_is_restored_as_its_neighbours_and_cues_say(lower, restored):
    from sitrep.extractors.truecase import restore_case
    text = f"officials said so on friday. {lower} it was late. he said so."
    assert restored in restore_case(text)


@pytest.mark.parametrize("headline, restored", [
    # Title Case styles keep short words in lower case; its capitals are still Title Case
    ("Blast at Baghlan Mosque Kills Worshippers as Taliban and NRF Clash in Baghlan, Takhar",
     "Blast at Baghlan mosque kills worshippers as Taliban and NRF clash in Baghlan, Takhar"),
    # a headline's acronyms keep their capitals, known to the tables or not
    ("UPC, MPC Trade Blame Over Bambari Fighting As Residents Flee",
     "UPC, MPC trade blame over Bambari fighting as residents flee"),
    # guard: a headline in sentence case is left as it is
    ("Raiders kill herders in Tonj East as SSPDF and NAS clash in Mundri East",
     "Raiders kill herders in Tonj East as SSPDF and NAS clash in Mundri East"),
])
def test_a_title_case_headline_is_read_in_sentence_case(headline, restored):
    from sitrep.extractors.truecase import _restore_headline
    from sitrep.models import Article

    article = _restore_headline(Article(text=headline + "\n\nOfficials gave no further details.", title=""))
    assert article.text.split("\n")[0] == restored
