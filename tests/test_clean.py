"""The clean stage: headline, boilerplate, byline metadata, id, fingerprint, language."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitrep.clean import (
    clean_article,
    detect_language,
    headline_of,
    is_byline,
    jaccard_estimate,
    minhash,
    normalise_text,
    parse_byline,
    shingles,
    text_id,
)
from sitrep.models import Article
from sitrep.readers import article_from_record, article_from_text, iter_inputs

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT / "../shared"
SEED = SHARED / "seed" / "000_27822b3222cb0826.txt"
SEED_GOLD = SHARED / "gold" / "seed.gold.json"
TRNEWS = SHARED / "data" / "geo" / "trnews.dev.jsonl"

REPORT = """Clashes in Kidal leave seven soldiers dead


KIDAL, Mali — Separatist fighters attacked an army post outside Kidal on Sunday, killing seven soldiers, the army said.

"Our men held the position," an army spokesman said on Monday.

The separatists said they had captured two vehicles.

Diallo is a special correspondent. Staff writers Awa Keita in Bamako and Jean Dupont in Dakar contributed to this report.

Gold miners strike in Sadiola over unpaid wages

How a drought emptied the markets of Mopti

© 2019 Sahel Times. All rights reserved.
"""


def clean(text: str, **kw) -> Article:
    return clean_article(article_from_text(text, **kw))


def test_first_line_is_the_title_and_leaves_the_body():
    art = clean(REPORT)
    assert art.title == "Clashes in Kidal leave seven soldiers dead"
    assert art.text.startswith("KIDAL, Mali —")


def test_trailing_headlines_and_rights_notice_are_cut_into_boilerplate():
    art = clean(REPORT)
    assert art.boilerplate == ["Gold miners strike in Sadiola over unpaid wages",
                               "How a drought emptied the markets of Mopti",
                               "© 2019 Sahel Times. All rights reserved."]
    for line in art.boilerplate:
        assert line not in art.text


def test_closing_byline_stays_in_body_and_is_read_as_metadata():
    art = clean(REPORT)
    assert art.text.endswith("Jean Dupont in Dakar contributed to this report.")
    assert art.byline.startswith("Diallo is a special correspondent.")
    assert art.authors == ["Diallo"]
    assert art.contributors == ["Awa Keita", "Jean Dupont"]


@pytest.mark.parametrize("line,authors,contributors", [
    ("(Reporting by Amina Yusuf in Kano; Additional reporting by Tom Reed; Editing by Ann Lee)",
     ["Amina Yusuf"], ["Tom Reed"]),
    ("Reporting by Omar Said and Lina Farah; Writing by Karim Nasr", ["Omar Said", "Lina Farah", "Karim Nasr"], []),
    ("Associated Press writer Maria Lopez in Bogota contributed to this report.", [], ["Maria Lopez"]),
    ("Haddad is a staff writer based in Beirut.", ["Haddad"], []),
    ("By Peter Okafor and Grace Mensah", ["Peter Okafor", "Grace Mensah"], []),
])
def test_byline_forms_name_authors_and_contributors(line, authors, contributors):
    assert parse_byline(line) == (authors, contributors)


@pytest.mark.parametrize("line", [
    "The spokesman said the army would contribute troops to the force.",
    "Rebels said they had captured the town of Kidal.",
    "More than 40,000 people have fled since Friday, the IOM said.",
])
def test_news_sentences_are_not_bylines(line):
    assert not is_byline(line)


def test_leading_by_line_is_cut_and_becomes_the_author():
    art = clean("Gunfire in Juba\n\nBy Mary Ajak\n\nGunfire was heard across Juba on Friday, residents said.\n")
    assert art.authors == ["Mary Ajak"]
    assert art.text == "Gunfire was heard across Juba on Friday, residents said."


def test_by_sentence_under_the_headline_is_not_a_byline():
    art = clean("Rebels retreat from Old City\n\nBy Tuesday, 40,000 people had fled\n\nThe army advanced on Aleppo.")
    assert art.authors == [] and "By Tuesday, 40,000 people had fled" in art.text


def test_related_marker_cuts_the_list_after_it_even_with_one_headline():
    text = ("Curfew in Jos after clashes\n\nA curfew was imposed on Jos on Tuesday after clashes, police said.\n\n"
            "Related:\nNigeria's president visits Plateau state")
    art = clean(text)
    assert art.text == "A curfew was imposed on Jos on Tuesday after clashes, police said."
    assert art.boilerplate == ["Related:", "Nigeria's president visits Plateau state"]


def test_one_unpunctuated_closing_line_is_kept():
    text = "Shelter opens in Goma\n\nA shelter opened in Goma on Monday, aid workers said.\nTo volunteer call the Goma office"
    assert clean(text).text.endswith("To volunteer call the Goma office")


def test_a_text_is_never_cut_to_nothing():
    art = clean("Gunmen kill 12 in attack on village near Mopti\nSoldiers pursue attackers toward Burkina Faso border")
    assert art.text  # two headline-like lines and no body: keep what there is


def test_ad_lines_in_the_middle_are_cut():
    art = clean("Floods in Bor\n\nFloods hit Bor on Monday.\n\nAdvertisement\n\nThousands were displaced, officials said.")
    assert "Advertisement" not in art.text and art.boilerplate == ["Advertisement"]


def test_normalisation_keeps_paragraphs_and_curly_quotes():
    raw = "Title words here now\r\n\r\n\r\n\u201cWe  fled\u200b at\tnight,\u201d she said.\u00a0 \r\nNext  line.\n\n\n\nNew paragraph."
    assert normalise_text(raw) == "Title words here now\n\n\u201cWe fled at night,\u201d she said.\nNext line.\n\nNew paragraph."
    assert normalise_text("Cafe\u0301") == "Caf\u00e9"  # NFC


def test_id_is_stable_under_whitespace_changes_and_differs_for_other_text():
    a = clean(REPORT)
    b = clean(REPORT.replace("\n\n", "\n").replace(" — ", "  —   ").replace("\n", "\r\n"))
    assert a.id == b.id and len(a.id) == 32
    assert clean(REPORT.replace("seven", "eight")).id != a.id
    assert text_id("a  b\n\nc") == text_id("a b c")


def test_cleaning_twice_changes_nothing():
    art = clean(REPORT)
    snapshot = (art.id, art.title, art.text, list(art.boilerplate), list(art.authors))
    clean_article(art)
    assert snapshot == (art.id, art.title, art.text, art.boilerplate, art.authors)


def test_fingerprint_is_deterministic_and_near_duplicates_are_similar():
    a = clean(REPORT)
    assert len(a.fingerprint) == 64 and a.fingerprint == minhash(a.text)
    edited = clean(REPORT.replace("on Monday", "on Monday evening"))
    other = clean("Flooding in Beledweyne\n\nThe Shabelle river burst its banks in Beledweyne, "
                  "forcing thousands of families to move to higher ground on Sunday, officials said.")
    assert jaccard_estimate(a.fingerprint, edited.fingerprint) > 0.6
    assert jaccard_estimate(a.fingerprint, other.fingerprint) < 0.2


def test_fingerprint_equals_datasketch_legacy_minhash():
    datasketch = pytest.importorskip("datasketch")
    text = "Shelling hit the town of Ariha on Monday, killing nine people and wounding twelve, rescuers said."
    m = datasketch.MinHash(num_perm=64, scheme="legacy")
    m.update_batch(shingles(text))
    assert [int(x) for x in m.hashvalues] == minhash(text)


@pytest.mark.parametrize("text,lang", [
    ("Government forces shelled the town on Monday, killing five people, a monitor said.", "en"),
    ("Les forces gouvernementales ont bombardé la ville lundi, tuant cinq personnes selon un observateur.", "fr"),
    ("Las fuerzas del gobierno bombardearon la ciudad el lunes y mataron a cinco personas, dijo un observador.", "es"),
    ("قصفت القوات الحكومية المدينة يوم الاثنين مما أسفر عن مقتل خمسة أشخاص", "ar"),
    ("Five killed", "en"),  # too short to tell: taken as English
    # a headline of names and content words, with few function words: not sure enough to refuse
    ("CoBRA jawans foil ambush in Gumla", "und"),
    # a short text surely in another language is still told
    ("Polisi wameua watu watatu katika shambulio la Mombasa jana usiku", "sw"),
    ("Les rebelles ont attaqué la ville de Goma hier soir", "fr"),
])
def test_language_is_detected(text, lang):
    assert detect_language(text) == lang


@pytest.mark.parametrize("text,title", [
    ("Rebels seize Bunagana\n\nRebels seized the border town on Monday.", "Rebels seize Bunagana"),
    ("More than 4,400 people were evacuated as result of\na storm in the provinces.", None),  # wrapped sentence
    ("Police said three people died.\nThey were hit by a truck.", None),  # a lede, not a headline
    ("Hundreds Flee As Fighting Reaches Capital.\nResidents left on foot.", "Hundreds Flee As Fighting Reaches Capital."),
    ("One line only", None),
])
def test_headline_is_recognised_only_when_it_reads_like_one(text, title):
    assert headline_of(text) == title


def test_html_title_from_page_is_kept_and_body_not_trimmed():
    art = clean_article(Article(title="Shelling in Idlib", text="Shelling hit Idlib on Monday.\nFive died."))
    assert art.title == "Shelling in Idlib" and art.text == "Shelling hit Idlib on Monday.\nFive died."


# ---------------------------------------------------------------------------- on the seed

@pytest.fixture(scope="module")
def seed_article():
    if not SEED.exists() or not SEED_GOLD.exists():
        pytest.skip("../shared not present: the seed report and its gold live there")
    [art] = list(iter_inputs([str(SEED)], published="2016-12-07"))
    return clean_article(art), json.loads(SEED_GOLD.read_text(encoding="utf-8"))["article"]


def test_seed_title_and_boilerplate_match_the_gold(seed_article):
    art, gold = seed_article
    assert art.title == gold["title"]
    assert art.boilerplate == gold["boilerplate_lines"]
    for line in gold["boilerplate_lines"]:
        assert line not in art.text
    assert gold["body_ends_before"] not in art.text


def test_seed_byline_metadata_matches_the_gold_and_byline_stays_in_body(seed_article):
    art, gold = seed_article
    assert art.authors == gold["authors"]
    assert art.contributors == gold["contributors"]
    assert "Tracy Wilkinson in Washington" in art.text  # gold places cite it


def test_nothing_substantive_is_cut_from_real_news():
    if not TRNEWS.exists():
        pytest.skip("../shared not present: trnews.dev.jsonl lives there")
    for line in TRNEWS.read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        art = clean_article(article_from_record({k: d.get(k) for k in ("id", "title", "text", "published")}))
        # Only whitespace may go, plus short lines that are not sentences of the story.
        assert len("".join(art.text.split())) >= 0.97 * len("".join(d["text"].split())), d["id"]
        for cut in art.boilerplate:
            assert len(cut.split()) <= 40, (d["id"], cut)
        assert art.language == "en"
