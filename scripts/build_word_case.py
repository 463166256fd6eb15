#!/usr/bin/env python3
"""Build sitrep/data/word_case.csv: each common word's usual case in cased news text.

    python scripts/build_word_case.py [--shared ../shared] [--out sitrep/data/word_case.csv]

Counted on the cased news text of ../shared corpora that no case-robustness score is taken
on (NGEC's synthetic wire stories, CASE 2021 snippets, PLOVER sentences, IDETECT / IDMC /
KILI displacement excerpts); never on the geoparsing corpora, PolNeAR or the annotated
reports, which the lower/upper-case copies are scored on. Only word forms and counts go
into the table, no text.

A word is counted where its case says something: not at the start of a sentence, a line or
a quotation, and not on a line set in capitals or title case (headlines). A word is kept
when it was seen at least MIN_COUNT times in at least MIN_DOCS documents.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

SOURCES = ("events/ngec_synthetic.jsonl", "events/case2021.dev.jsonl", "events/plover_gsr.dev.jsonl",
           "figures/idetect.dev.jsonl", "figures/idmc_labelled.dev.jsonl", "figures/kili_facts.dev.jsonl")
MIN_DOCS = 3
MIN_COUNT = 3
WORD = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W\d_]+(?:['’][^\W\d_]+)*(?:-[^\W\d_]+)*")
# What may stand between a sentence's end (or a line start) and its first word.
OPENERS = " \t\"“‘'([—–-"
HEADER = """\
# The usual case of common words in cased English news, for restoring the case of reports
# delivered all in lower case or all in capitals (sitrep/truecase.py).
# Built by scripts/build_word_case.py from the cased news text of ../shared corpora on which
# no case-robustness score is taken (NGEC synthetic wire stories, CASE 2021 snippets,
# PLOVER sentences, IDETECT/IDMC/KILI excerpts): word forms and counts only, no text.
# Counted only where case is informative: not sentence-, line- or quote-initial, not on
# headline lines. Kept: seen {count}+ times in {docs}+ documents.
# Columns:
#   form           the word's commonest form there ("the", "Syria", "NATO", "McCain")
#   n              how often it was counted
#   capital_share  share of those occurrences that start with a capital letter
#   alone_share    the same share where neither neighbour is capitalised ("states" is
#                  capitalised in "United States", not alone); empty when seen alone
#                  fewer than {count} times
form,n,capital_share,alone_share
"""


def headline_line(line: str) -> bool:
    words = [w for w in WORD.findall(line) if len(w) > 3]
    if not words:
        return False
    if all(w.isupper() for w in words):
        return True
    return len(words) >= 3 and sum(w[0].isupper() for w in words) / len(words) >= 0.7


def informative(line: str, start: int) -> bool:
    """The word at `start` is not the first of its sentence, line or quotation."""
    i = start - 1
    while i >= 0 and line[i] in OPENERS:
        i -= 1
    return i >= 0 and line[i] not in ".!?:;…"


def capital_neighbour(line: str, words: list[re.Match], i: int) -> bool:
    """A word next to words[i] (a space or hyphen apart) starts with a capital."""
    for j in (i - 1, i + 1):
        if 0 <= j < len(words):
            a, b = (words[j], words[i]) if j < i else (words[i], words[j])
            if line[a.end():b.start()] in (" ", "-") and words[j].group()[:1].isupper():
                return True
    return False


def count(texts) -> tuple[dict[str, Counter], dict[str, Counter], Counter]:
    """Forms of each word where counted, and where counted alone (no capital neighbour)."""
    forms: dict[str, Counter] = defaultdict(Counter)
    alone: dict[str, Counter] = defaultdict(Counter)
    docs: Counter = Counter()
    for text in texts:
        seen = set()
        for line in text.split("\n"):
            if headline_line(line):
                continue
            words = list(WORD.finditer(line))
            for i, m in enumerate(words):
                if not informative(line, m.start()):
                    continue
                word = re.sub(r"['’]s$", "", m.group())
                forms[word.lower()][word] += 1
                if not capital_neighbour(line, words, i):
                    alone[word.lower()][word] += 1
                seen.add(word.lower())
        docs.update(seen)
    return forms, alone, docs


def share(c: Counter) -> float:
    return round(sum(v for f, v in c.items() if f[:1].isupper()) / sum(c.values()), 3)


def rows(forms: dict[str, Counter], alone: dict[str, Counter], docs: Counter) -> list[tuple]:
    out = []
    for key, c in forms.items():
        n = sum(c.values())
        if n < MIN_COUNT or docs[key] < MIN_DOCS:
            continue
        form = max(c.items(), key=lambda kv: (kv[1], kv[0]))[0]
        a = alone.get(key)
        out.append((form, n, share(c), share(a) if a and sum(a.values()) >= MIN_COUNT else ""))
    return sorted(out, key=lambda r: (r[0].lower(), r[0]))


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[1].parent / "shared"))
    ap.add_argument("--out", default=str(Path(__file__).resolve().parents[1] / "sitrep" / "data" / "word_case.csv"))
    args = ap.parse_args(argv)
    data = Path(args.shared) / "data"
    texts = [json.loads(line)["text"] for name in SOURCES
             for line in (data / name).open(encoding="utf-8") if line.strip()]
    table = rows(*count(texts))
    with open(args.out, "w", encoding="utf-8", newline="") as fh:
        fh.write(HEADER.format(count=MIN_COUNT, docs=MIN_DOCS))
        for form, n, capital, alone in table:
            fh.write(f"{form},{n},{capital},{alone}\n")
    print(f"{len(table)} words from {len(texts)} documents -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
