"""Figures stage: counts of people and homes as sourced low/best/high ranges.

A figure is a number expression (sitrep/numbers.py) that counts people or households, and
the category the parse says governs it. For each number:

1. The counted noun: the noun phrase right after the number ("31,000 people", "10,000
   sugar cane workers", "hundreds of fleeing residents"), or none for a bare number
   ("Around 100,000 fled"). A noun that is not a people/household/home noun (neighborhoods,
   days, provinces) means the number is not a figure; a bare number needs a category from
   the parse (or a short headline-like fragment) to count.
2. The category, from the tree (first that applies):
   a. a reduced or relative clause on the counted noun ("people displaced by ...",
      "six homes destroyed", "people who fled");
   b. the governing verb (climbing conjunctions, "of" phrases and "number of"), read with
      its verb+complement combinations ("allowed to leave" -> evacuated, "left homeless"),
      if it is a strong trigger; then states it puts people in ("stayed in shelters");
   c. triggers inside the noun phrase ("displaced families", "IDPs", "refugees"), then a
      strong verb conjoined to the governing one ("were affected and evacuated");
   d. weak governing triggers ("affected", "reached with aid");
   e. the subject/object of the governing verb ("estimates of the population vary ...
      from 60,000 to 275,000", "the number of displaced families is 349");
   f. a nearby trigger word, for counted nouns only (and bare numbers in short fragments,
      as in tables: "Population evacuated 116129").
   Home nouns (homes, houses, buildings) take housing categories (and evacuated/affected).
3. Singular victims: a person noun that is the patient of kill/injure/arrest/abduct with no
   number ("A Russian colonel ... was killed" -> killed 1).
4. Place: the place of the sentence nearest the number (ex.places; nationality adjectives
   and places inside an attribution or organisation name skipped), else the report's focus
   place (most mentioned below country level, counting places within it), else a GPE/LOC
   entity of the sentence. Time: the
   resolved time mention of the sentence in the trigger's clause (reporting-verb times
   excluded: "SANA reported Wednesday"), else the nearest one of the sentence; with none,
   the window ends at publication (date_end = published). Source: the attribution
   (ex.sources) of the sentence nearest the number. Certainty: claimed under
   "accuse/claim/allege", hypothetical under would/could/may/if, negated by negation.
Words glued by PDF extraction ("weredisplaced", "with14,593") are split where a known word
ends or starts them. Vocabulary (triggers, combinations, states, units, hedges) is data:
sitrep/data/figure_terms.csv.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..models import Extraction, Figure
from ..vocab import read_table
from .numbers import Quantity, find_quantities
from .parse import Parsed
from .places import focus_place, names_no_location

_DATA = "figure_terms.csv"
HOUSING = {"homes_destroyed", "homes_damaged"}
HOME_OK = HOUSING | {"evacuated", "affected", "relocated", "in_need"}
_TRANSPARENT = {"number", "total", "figure", "tally", "estimate", "count", "half", "majority",
                "third", "quarter", "most", "some", "all", "many", "group", "wave"}
_REPORTING = {"report", "say", "tell", "announce", "describe", "state", "add", "confirm",
              "note", "write", "claim", "accuse", "estimate", "warn"}
# verbs that state a number about their subject: "the toll rose to 50", "estimates vary
# from 60,000 to 275,000", "the number of displaced families is 349"
_MEASURE_VERBS = {"be", "stand", "reach", "rise", "climb", "increase", "total", "number", "vary",
                  "range", "estimate", "put", "bring", "exceed", "grow", "jump", "top", "hit",
                  "surpass", "pass", "double", "swell", "mount", "fall", "drop", "decrease", "remain",
                  "take", "raise", "push", "lift"}
_STATE_WORDS = {"remain", "remains", "remained", "remaining", "stay", "stays", "stayed", "staying",
                "live", "lives", "lived", "living", "still"}  # a standing count: kind stock
_SINGLE_VICTIM = {"killed", "injured", "arrested", "abducted", "missing"}
_DEAD_BY = frozenset({"shoot", "gun", "stab", "beat", "hack", "club", "stone"})  # "shot dead": killed


@dataclass(frozen=True)
class _Vocab:
    kind: dict[str, str]
    triggers: dict[str, tuple[str, str]]  # lemma -> (category, strong|weak)
    combos: dict[tuple[str, str], str]
    states: dict[tuple[str, str], str]
    units: dict[str, str]  # word -> people|households|homes
    victims: frozenset[str]
    hedges: dict[str, str]


@functools.lru_cache(maxsize=1)
def vocab() -> _Vocab:
    kind, triggers, combos, states, units, victims, hedges = {}, {}, {}, {}, {}, set(), {}
    for row in read_table(_DATA):
        sec, word, value = row["section"], row["word"].lower(), row["value"]  # read_table strips values
        if sec == "category":
            kind[word] = value
        elif sec == "trigger":
            triggers[word] = (value, row["extra"] or "strong")
        elif sec == "combo":
            a, b = word.split(">")
            combos[(a, b)] = value
        elif sec == "state":
            a, b = word.split(">")
            states[(a, b)] = value
        elif sec == "unit":
            units[word] = value
        elif sec == "victim":
            victims.add(word)
        elif sec == "hedge":
            hedges[word] = value
    return _Vocab(kind, triggers, combos, states, units, frozenset(victims), hedges)


def _lemma(tok) -> str:
    return tok.lemma_.lower()


_IRREGULAR = {"fled": "flee", "died": "die", "dying": "die", "lost": "lose", "left": "leave",
              "sought": "seek", "took": "take", "taken": "take", "found": "find", "went": "go",
              "gone": "go", "shot": "shoot", "driven": "drive", "drove": "drive", "bused": "bus",
              "bussed": "bus", "hid": "hide", "hidden": "hide", "lives": "life", "men": "man",
              "women": "woman", "children": "child", "people": "people"}


def _forms(word: str) -> list[str]:
    """The word and simple de-inflections: evacuated -> evacuate, houses -> house, fled -> flee."""
    out = [word]
    if word in _IRREGULAR:
        out.append(_IRREGULAR[word])
    for suffix, repl in (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("d", ""),
                         ("ing", ""), ("ing", "e")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            out.append(word[: len(word) - len(suffix)] + repl)
    return out


@functools.lru_cache(maxsize=1)
def _glue_words() -> tuple[str, ...]:
    """Words that PDF extraction glues to a neighbour ("weredisplaced", "fledShirqat",
    "seekrefuge"): trigger and unit words and their common inflections, longest first."""
    v = vocab()
    words = set()
    for w in list(v.triggers) + [u for u in v.units if v.units[u] != "homes"] + ["houses", "homes"]:
        if len(w) >= 4:
            words.update({w, w + "s", w + "d", w + "ed", w + "es"})
    words.update({"fled", "displaced", "evacuated", "relocated", "destroyed", "damaged", "killed",
                  "injured", "sheltered", "trapped", "died", "left"})
    return tuple(sorted(words, key=len, reverse=True))


@functools.lru_cache(maxsize=8192)
def _glued(low: str) -> tuple[str, ...]:
    """The known word at the start or end of a glued token, if any (startswith/endswith
    with a tuple is one C call, so unknown words are rejected cheaply)."""
    if len(low) < 7 or not low.isalpha():
        return ()
    words = _glue_words()
    out = []
    if low.startswith(words):  # the rest must not be a suffix: "disappear|ance" is one word
        out.append(next((w for w in words if low.startswith(w) and len(low) - len(w) >= 2
                         and not low[len(w):].startswith(_SUFFIXES)), None))
    if low.endswith(words):  # nor the start a prefix: "re|settle"
        out.append(next((w for w in words if low.endswith(w) and len(low) - len(w) >= 3
                         and low[: len(low) - len(w)] not in _PREFIXES), None))
    return tuple(x for x in out if x)


_SUFFIXES = ("ance", "ence", "ment", "ness", "ing", "er", "or", "ion", "al", "ly", "able", "ible",
             "ive", "ity", "ous", "ee", "ed", "es", "ist", "ism", "ward", "ful", "less", "like")
_PREFIXES = {"non", "pre", "mis", "dis", "over", "under", "self", "out", "anti", "post", "semi",
             "inter", "multi", "counter", "super", "sub", "co"}


def _first_listed(table: dict, words: tuple[str, ...], core: str):
    """The entry of `table` for the first of `words`, then of `core`'s de-inflected forms,
    then of the forms of the words glued into `core` by PDF extraction."""
    for w in (*words, *_forms(core)):
        hit = table.get(w)
        if hit:
            return hit
    for part in _glued(core):
        for w in _forms(part):
            hit = table.get(w)
            if hit:
                return hit
    return None


@functools.lru_cache(maxsize=16384)
def _trigger_word(lemma: str, low: str):
    return _first_listed(vocab().triggers, (lemma,), low)


def _trigger(tok, v: _Vocab):
    """(category, strength) of a token, by lemma or by lowercase text (de-inflected; words
    glued by PDF extraction are split)."""
    return _trigger_word(_lemma(tok), tok.lower_)


@functools.lru_cache(maxsize=16384)
def _unit_word(lemma: str, low: str) -> str | None:
    m = re.match(r"[^\W\d_]+", low)
    return _first_listed(vocab().units, (low, lemma), m.group(0) if m else low)


def _unit_of(tok, v: _Vocab) -> str | None:
    if tok.pos_ in ("AUX", "ADP", "DET", "PRON", "NUM", "CCONJ", "PUNCT", "SPACE"):
        return None
    if tok.pos_ == "VERB" and (tok.tag_ in ("VBN", "VBG", "VBD") or tok.lower_.endswith(("ed", "ing"))):
        return None  # "10,000 Displaced by floods": a verb, not the counted noun
    u = _unit_word(_lemma(tok), tok.lower_)
    if u:
        return u
    if tok.ent_type_ == "NORP" and tok.pos_ in ("NOUN", "PROPN") and tok.tag_ in ("NNS", "NNPS", "NNP"):
        return "people"  # "195,000 Iraqis", "52,000 Afghans"
    return None


def _group_name(noun, span) -> bool:
    """A proper noun the number counts directly, naming a people ("730,000 Rohingya", "5,000
    Yazidi"): not a place, date or amount; counts people only under a strong verb."""
    return noun.pos_ == "PROPN" and noun.ent_type_ in ("", "NORP", "ORG", "PERSON", "LOC") and noun.is_alpha \
        and noun.dep_ not in ("compound", "poss") and noun.i == span.end \
        and any(c.i in range(span.start, span.end) and c.dep_ == "nummod" for c in noun.children)


def _owns_homes(noun, v: _Vocab) -> bool:
    """"120,000 families' homes": the counted noun owns homes, and the homes are counted."""
    return noun.dep_ == "poss" and noun.head.i > noun.i and _unit_of(noun.head, v) == "homes"


def _counted_noun(doc, span, v: _Vocab):
    """The noun a number counts: (token, unit) / (None, None) for a bare number /
    (token, "") when it counts something that is not people or homes."""
    i = span.end
    n = len(doc)
    # "hundreds of (the) fleeing residents", "500 of the 4,000 villagers"
    if i < n and doc[i].lower_ == "of":
        j = i + 1
        while j < n and j - i <= 4 and doc[j].pos_ in ("DET", "ADJ", "NUM", "VERB", "ADV") \
                and _unit_of(doc[j], v) is None:
            j += 1
        if j < n and doc[j].pos_ in ("NOUN", "PROPN", "ADJ"):
            u = _unit_of(doc[j], v)
            return (doc[j], u) if u else (doc[j], "")
        return None, None
    root = next((t for t in span if not (span.start <= t.head.i < span.end) or t.head.i == t.i), span[-1])
    h = root.head
    if root.dep_ in ("nummod", "amod", "compound", "nmod") and h.i >= span.end and h.i - span.end < 8 \
            and h.pos_ in ("NOUN", "PROPN") and not any(
                t.pos_ in ("VERB", "AUX", "ADP") or (t.is_punct and t.text != "-")
                or (t.pos_ == "CCONJ" and doc[t.i - 1].text != "-") for t in doc[span.end:h.i]):
        u = _unit_of(h, v)  # the noun the parse says the number counts: "25,000 mud-and-thatch homes"
        if u and _owns_homes(h, v):
            return h.head, "homes"
        if u:
            return h, u
        if _lemma(h) in _TRANSPARENT:  # "120,000 - the number of people that were forced out"
            for c in h.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    for g in c.children:
                        if g.dep_ == "pobj" and _unit_of(g, v):
                            return g, _unit_of(g, v)
    unit_tok, unit = None, None
    j = i
    while j < n and j - i < 8:
        t = doc[j]
        if t.is_space:
            j += 1
            continue
        hyphen_next = j + 2 < n and doc[j + 1].text == "-"
        if t.is_punct and t.text != "-":
            break
        if t.pos_ in ("NOUN", "PROPN", "ADJ", "VERB", "ADV", "X") or t.text == "-" or (
                t.pos_ == "CCONJ" and j > i and doc[j - 1].text == "-"):
            u = _unit_of(t, v)
            if u is None and hyphen_next:  # a word broken at a line end: "fami-lies"
                u = _unit_word(t.lower_ + doc[j + 2].lower_, t.lower_ + doc[j + 2].lower_)
                if u:
                    return t, u
            if u:
                unit_tok, unit = t, u
            if t.pos_ in ("NOUN", "PROPN") and t.dep_ not in ("compound", "amod") and not hyphen_next:
                if _owns_homes(t, v):
                    return t.head, "homes"
                if unit_tok is None:
                    return t, ""
                return unit_tok, unit
            if t.pos_ == "VERB" and t.tag_ not in ("VBN", "VBG"):
                break
            j += 1
            continue
        break
    if unit_tok is not None:
        return unit_tok, unit
    if root.dep_ == "nummod" and h.i < span.start and h.pos_ in ("NOUN", "PROPN"):
        # table style, the noun before the number: "Damaged houses/shelter 91,808"
        u = _unit_of(h, v)
        return (h, u) if u else (None, None)
    return None, None


def _children_lemmas(tok):
    """Lemmas directly below a verb that combine with it: complements, objects, particles,
    and objects of its prepositions ("forced from their homes")."""
    out = []
    for c in tok.children:
        if c.dep_ in ("xcomp", "acomp", "oprd", "dobj", "prt", "attr", "ccomp", "advmod", "npadvmod"):
            out.append((c, _lemma(c)))
            if c.dep_ == "xcomp":  # "forced to seek refuge"
                out.extend((g, _lemma(g)) for g in c.children if g.dep_ in ("dobj", "prt"))
        elif c.dep_ == "prep":
            out.append((c, _lemma(c)))
            out.extend((g, _lemma(g)) for g in c.children if g.dep_ == "pobj")
    return out


def _verb_category(verb, v: _Vocab, strong_only: bool):
    """Category a governing verb gives its arguments, with its combinations, or None."""
    lem = _lemma(verb)
    for _child, cl in _children_lemmas(verb):
        cat = v.combos.get((lem, cl))
        if cat:
            return cat, verb
    # complements carrying the meaning: "left homeless", "remained displaced",
    # "had to evacuate", "were forced to flee", "registered as displaced"
    for c in verb.children:
        if c.dep_ in ("xcomp", "acomp", "oprd") or (c.dep_ == "attr" and c.pos_ == "ADJ"):
            trig = _trigger(c, v)
            if trig and (trig[1] == "strong" or not strong_only):
                return trig[0], c
            if c.dep_ == "xcomp":
                sub = _verb_category(c, v, strong_only)
                if sub:
                    return sub
        if c.dep_ == "prep" and c.lower_ == "as":
            for g in c.children:
                trig = _trigger(g, v)
                if trig and (trig[1] == "strong" or not strong_only):
                    return trig[0], g
    trig = _trigger(verb, v)
    if trig and verb.pos_ in ("VERB", "AUX", "ADJ", "NOUN") and (trig[1] == "strong" or not strong_only):
        return trig[0], verb
    return None


def _state_category(verb, v: _Vocab):
    """"stayed in emergency shelters", "living under siege", "left ... in dire need",
    "who are among those displaced"."""
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "among":  # "among those (most recently) displaced"
            for g in c.children:
                if g.dep_ == "pobj":
                    for t in (g, *(x for x in g.children if x.dep_ in ("acl", "amod", "relcl"))):
                        trig = _trigger(t, v)
                        if trig and trig[1] == "strong" and t.pos_ in ("VERB", "ADJ", "NOUN"):
                            return trig[0], t
        if c.dep_ == "prep":
            for g in c.children:
                if g.dep_ == "pobj":
                    for obj in (g, *g.conjuncts):
                        words = _forms(obj.lower_) + [_lemma(obj)]
                        words += [f for part in _glued(obj.lower_) for f in _forms(part)]
                        for w in words:
                            cat = v.states.get((c.lower_, w))
                            if cat:
                                return cat, obj
    return None


def _governor(head):
    """The verb (or event noun: "evacuation of") that governs a noun phrase, and whether it
    was reached through a preposition other than "of"."""
    h = head
    via_prep = False
    for _ in range(8):
        dep = h.dep_
        if dep in ("conj", "appos", "compound", "amod", "nummod", "quantmod", "nmod", "poss", "npadvmod") \
                and h.head.i != h.i and h.head.pos_ in ("NOUN", "PROPN", "NUM", "PRON"):
            h = h.head
            continue
        if dep == "pobj":
            prep = h.head
            ph = prep.head
            if prep.lower_ in ("of", "to") and ph.pos_ in ("NOUN", "PROPN", "NUM", "PRON"):
                if ph.lemma_.lower() in _TRANSPARENT or ph.pos_ == "NUM":
                    h = ph
                    continue
                return ph, False
            if ph.pos_ in ("ADV", "ADJ") and h.i - ph.i <= 3:
                h = ph  # a qualifier parsed as head: "Close to 900 were evacuated"
                continue
            via_prep = prep.lower_ not in ("of",)
            return ph, via_prep
        if dep == "ROOT":
            return h, via_prep
        return h.head, via_prep
    return h.head, via_prep


def _np_category(head, v: _Vocab):
    """Triggers inside the counted noun phrase: (reduced) relative clauses first, then
    modifiers and the noun itself."""
    if head is None:
        return None, None
    doc = head.doc
    # reduced relative / participle right after the phrase: "people displaced", "25 missing"
    j = head.i + 1
    while j < len(doc) and (doc[j].pos_ == "ADV" or doc[j].is_space) and j - head.i <= 3:
        j += 1
    if j < len(doc):
        t = doc[j]
        trig = _trigger(t, v)
        if trig and (t.tag_ in ("VBN", "JJ", "VBD") or t.dep_ in ("acl", "relcl", "amod")):
            sub = _verb_category(t, v, False) if t.pos_ == "VERB" else None
            return (sub[0], sub[1]) if sub else (trig[0], t)
    for c in head.children:
        if c.dep_ in ("acl", "relcl") and c.i > head.i:
            sub = _verb_category(c, v, False)
            if sub:
                return sub
            st = _state_category(c, v)
            if st:
                return st
    return None, None


def _np_internal(head, v: _Vocab):
    if head is None:
        return None
    for c in head.children:
        if c.dep_ in ("amod", "compound", "nmod") and c.i < head.i:
            trig = _trigger(c, v)
            if trig:
                return trig[0], c
    trig = _trigger(head, v)
    if trig and (head.pos_ in ("NOUN", "PROPN", "ADJ", "X") or _unit_of(head, v)):
        return trig[0], head  # the counted noun itself: "IDPs", "refugees", "returnees"
    return None


def _arguments_category(gov, exclude, v: _Vocab):
    """Category from the other arguments of a non-trigger verb: "Estimates of the
    population vary ... from 60,000", "the number of displaced families is 349"."""
    verbs = [gov]
    g = gov
    while g.dep_ in ("xcomp", "ccomp") and g.head.i != g.i and len(verbs) < 3:
        g = g.head
        verbs.append(g)
    for verb in verbs:
        for c in verb.children:
            if c.dep_ in ("nsubj", "nsubjpass", "dobj", "attr") and c.i not in exclude:
                for t in c.subtree:
                    if t.i in exclude:
                        continue
                    trig = _trigger(t, v)
                    if trig and t.pos_ in ("NOUN", "ADJ", "VERB", "PROPN"):
                        return trig[0], t
    return None


def _attribution_tokens(sent) -> set[int]:
    """Tokens of "according to ..." attributions: they name a source, never a category
    ("forced the evacuation of, according to rescuers, 300 people")."""
    out: set[int] = set()
    toks = list(sent)
    for n, t in enumerate(toks[:-1]):
        if t.lower_ == "according" and toks[n + 1].lower_ == "to":
            for u in toks[n:]:
                if u.text in (",", ")", ";") and u.i > t.i + 1:
                    break
                out.add(u.i)
    return out


def _window_category(doc, lo, hi, sent, v: _Vocab, width: int, skip_modifiers: bool = True):
    best = None
    aside = _attribution_tokens(sent)
    for t in doc[max(sent.start, lo - width):min(sent.end, hi + width)]:
        if lo <= t.i < hi or t.i in aside:
            continue
        if skip_modifiers and t.dep_ in ("amod", "compound", "nmod") and not lo <= t.head.i < hi \
                and t.head.pos_ == "NOUN":
            continue  # it describes another noun: "volunteers in the affected localities"
        trig = _trigger(t, v)
        if trig and (t.pos_ in ("NOUN", "VERB", "ADJ", "PROPN") or (t.is_alpha and len(t) >= 7)):
            d = (t.i - hi) if t.i >= hi else (lo - t.i) + 0.5  # prefer words after the count
            glued = bool(_glued(t.lower_)) and _lemma(t) not in v.triggers
            between = doc[hi:t.i] if t.i >= hi else doc[t.i + 1:lo]
            words = sum(1 for x in between if x.pos_ not in ("ADV", "AUX", "PART", "PUNCT", "SPACE", "DET"))
            if words > 2 and not glued and not _is_fragment(sent):
                continue  # far words belong to other clauses, unless the text is broken
            d += 10 if trig[1] == "weak" else 0
            if best is None or d < best[0]:
                best = (d, trig[0], t)
    return (best[1], best[2]) if best else None


def _fits(cat: str | None, unit: str | None) -> bool:
    if cat is None:
        return False
    if unit == "homes":
        return cat in HOME_OK
    return cat not in HOUSING


def _categorise(doc, span, num_root, noun, unit, sent, v: _Vocab):
    """(category, trigger token) for a count, or None: the first candidate (in the order
    of `_candidates`) that fits the counted unit, else the words around the count."""
    of_phrase = noun is not None and noun.i > span.end and doc[span.end].lower_ == "of"
    head = noun if noun is not None and not of_phrase else num_root
    # transparent heads: "the total number of people displaced"
    if head.lemma_.lower() in _TRANSPARENT:
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                for g in c.children:
                    if g.dep_ == "pobj":
                        head = g
    gov, via_prep = _governor(head)
    for cat, trig in _candidates(span, head, noun if of_phrase else head, gov, via_prep, v):
        if _fits(cat, unit):
            return cat, trig
    return _nearby_category(doc, span, num_root, noun, unit, sent, v, head, gov)


def _candidates(span, head, np, gov, via_prep: bool, v: _Vocab) -> list[tuple[str, object]]:
    """(category, trigger) candidates for a count whose head is `head`, most trusted first:
    the noun phrase's words, its governing verb (strong senses), a state ("were homeless"),
    words inside the phrase, conjoined verbs, a measure verb's arguments, weak senses, and
    a verbless clause's words."""
    cands = []
    cat, trig = _np_category(np, v)
    if cat:
        cands.append((cat, trig))
    verb_gov = gov is not None and gov is not head and not via_prep
    if gov is not None and gov is not head:
        if not via_prep:
            r = _verb_category(gov, v, True)
            if r:
                cands.append(r)
        if gov.pos_ in ("VERB", "AUX", "ADJ"):
            r = _state_category(gov, v)
            if r:
                cands.append(r)
    r = _np_internal(np, v)
    if r:
        cands.append(r)
    shared_subject = head.dep_ in ("nsubj", "nsubjpass")
    if shared_subject and verb_gov and gov.pos_ in ("VERB", "AUX", "ADJ"):
        # "16,000 families were affected and evacuated": a strong conjoined verb
        for c in _conjoined_verbs(gov):
            r = _verb_category(c, v, True) or _state_category(c, v)
            if r:
                cands.append(r)
    measure = gov is not None and gov.pos_ in ("VERB", "AUX") and _lemma(gov) in _MEASURE_VERBS
    exclude = {t.i for t in head.subtree} | {t.i for t in span}
    if measure and any(c.dep_ in ("nsubj", "nsubjpass") and _lemma(c) in _TRANSPARENT for c in gov.children):
        # "the number of displaced people has reached 45,000": the subject's words, not a
        # weak sense of the measure verb (reach -> aid delivered)
        r = _arguments_category(gov, exclude, v)
        if r:
            cands.append(r)
    if verb_gov:
        r = _verb_category(gov, v, False)
        if r:
            cands.append(r)
        for c in (_conjoined_verbs(gov) if shared_subject else ()):
            r = _verb_category(c, v, False)
            if r:
                cands.append(r)
    if measure:
        r = _arguments_category(gov, exclude, v)
        if r:
            cands.append(r)
    elif gov is not None and gov.pos_ in ("NOUN", "PROPN") and gov.dep_ == "ROOT":
        # a verbless clause: "Estimates of the population ... from 40,000 to 90,000"
        for t in gov.subtree:
            trig = _trigger(t, v) if t.i not in exclude else None
            if trig and t.pos_ in ("NOUN", "ADJ", "VERB"):
                cands.append((trig[0], t))
                break
    return cands


def _nearby_category(doc, span, num_root, noun, unit, sent, v: _Vocab, head, gov):
    """A category from the words around a count the parse does not tie to one: a window
    after it, the subject a bare number counts, or a verb the parse hung elsewhere."""
    lo, hi = span.start, (noun.i + 1 if noun is not None else span.end)
    if noun is not None or _is_fragment(sent):
        r = _window_category(doc, lo, hi, sent, v, 6 if noun is not None else 4)
        if r and _fits(r[0], unit):
            return r
    elif num_root.dep_ in ("nsubj", "nsubjpass", "dobj"):
        # "nearly 70,000 have been left homeless" parsed badly: the words right after
        r = _window_category(doc, hi, hi, sent, v, 4, skip_modifiers=False)
        if r and r[1].i >= hi and _fits(r[0], unit):
            return r
    if noun is None:
        r = _number_of_subject(doc, span, num_root, sent, v)
        if r and _fits(r[0], unit):
            return r
    elif unit != "homes" and head.dep_ in ("nsubj", "nsubjpass") and gov is not None \
            and not any(c.dep_ in ("aux", "auxpass", "neg") for c in gov.children):
        r = _misparsed_verb(doc, head, sent, v)
        if r and _fits(r[0], unit):
            return r
    return None


def _misparsed_verb(doc, subj, sent, v: _Vocab):
    """The verb a counted subject really goes with when the parse hung it on a noun read
    as a verb ("residents living in work sheds ... had moved to safer places": "sheds" as
    the verb, "houses" as the subject of "moved"): the first verb after the subject that
    carries its own auxiliary, if the subject the parse gave it is no person or number."""
    for t in doc[subj.i + 1:sent.end]:
        if t.pos_ != "VERB":
            continue
        if not any(c.dep_ in ("aux", "auxpass") and subj.i < c.i < t.i for c in t.children):
            continue
        if t.dep_ in ("relcl", "advcl", "ccomp", "acl") or any(
                c.dep_ == "mark" or c.tag_ in ("WRB", "WDT", "WP") for c in t.children):
            continue  # a clause of its own: "where the bridge was destroyed"
        for c in t.children:
            if c.dep_ in ("nsubj", "nsubjpass") and (
                    c.pos_ in ("NUM", "PRON") or _unit_of(c, v) == "people" or c.ent_type_ in ("PERSON", "NORP")
                    or c.lower_ in ("none", "all", "some", "many", "most", "few", "several", "both")
                    or any(g.dep_ == "nummod" for g in c.children)):
                return None  # a subject of its own: another clause
        return _verb_category(t, v, True) or _state_category(t, v)
    return None


_NUMBER_HEADS = {"number", "total", "tally", "figure", "count"}


def _number_of_subject(doc, span, num_root, sent, v: _Vocab):
    """A bare number stated by a measure verb ("... is now 253,000", "stands at about
    211,000") whose subject "the number of X" the parse lost (a clipped first word, a
    date read as the subject): the trigger in the "number of" phrase before the verb."""
    verb = num_root.head
    if num_root.dep_ == "pobj" and verb.lower_ in ("at", "to"):
        verb = verb.head
    elif num_root.dep_ not in ("attr", "dobj", "npadvmod", "appos"):
        return None
    if verb.pos_ not in ("VERB", "AUX") or _lemma(verb) not in _MEASURE_VERBS or verb.i > span.start:
        return None
    start = sent.start
    if start > 0 and doc[start - 1].text not in (".", "!", "?", ":", ";") and not doc[start - 1].is_space:
        start = doc[start - 1].sent.start  # a sentence the parser split mid-clause
    toks = doc[start:verb.i]
    for n, t in enumerate(toks[:-1]):
        if _lemma(t) in _NUMBER_HEADS and toks[n + 1].lower_ == "of":
            for u in toks[n + 2:n + 7]:
                if u.pos_ in ("VERB", "AUX", "ADP") and u.lower_ != "of":
                    break
                trig = _trigger(u, v)
                if trig and u.pos_ in ("NOUN", "ADJ", "PROPN", "VERB"):
                    return trig[0], u
    return None


def _across_attribution(doc, q: Quantity, noun, unit, sent, v: _Vocab):
    """A count set off from its head by an attribution aside: "forced the evacuation of,
    according to the latest figures, 17,631 people" -> the words before the aside."""
    if noun is None:
        return None
    first = doc.char_span(q.start, q.end, alignment_mode="expand")
    if first is None:
        return None
    j = first.start - 1
    if j <= sent.start or doc[j].text not in (",", ")"):
        return None
    k = j - 1
    while k > sent.start and doc[k].text not in (",", "("):
        k -= 1
    if doc[k].text not in (",", "(") or k + 2 >= j or \
            (doc[k + 1].lower_, doc[k + 2].lower_) not in (("according", "to"), ("as", "reported"), ("citing", "the")):
        return None
    r = _window_category(doc, k, k + 1, sent, v, 6)
    if r and r[1].i < k and _fits(r[0], unit):
        return r
    return None


def _conjoined_verbs(gov):
    """Verbs conjoined to `gov` that share its subject ("were affected and evacuated"),
    not those with a subject of their own ("... and none were killed")."""
    return [c for c in gov.children if c.dep_ == "conj" and c.pos_ in ("VERB", "ADJ")
            and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)]


def _is_fragment(sent) -> bool:
    """A headline or table cell ("Population Evacuated 116129", "321 Houses destroyed"):
    short, with no finite verb, where the parse says little."""
    words = [t for t in sent if not t.is_space and not t.is_punct]
    if len(words) > 14:
        return False
    return len(words) <= 8 or not any(t.tag_ in ("VBD", "VBZ", "VBP") for t in words)


def _certainty(trig, v: _Vocab) -> str:
    """claimed/denied under accuse/claim/allege/deny, hypothetical under would/could/may/if,
    negated by a negation on the trigger; the walk up the tree stops at relative clauses."""
    t = trig
    for _ in range(10):
        for c in t.children:
            if c.dep_ == "neg" and t is trig:
                return "negated"
            if c.dep_ in ("aux", "mark") and v.hedges.get(c.lower_) == "hypothetical":
                return "hypothetical"
        if v.hedges.get(_lemma(t)) in ("claimed", "denied") and t is not trig:
            return v.hedges[_lemma(t)]
        if t.head.i == t.i or t.dep_ in ("relcl", "acl"):
            break  # "claimed responsibility for the attack that killed 44": not a claimed 44
        t = t.head
    return "asserted"


# --- place, time, source -------------------------------------------------------------

def _nearest(items, pos: int, lo: int, hi: int):
    inside = [x for x in items if x.start >= lo and x.end <= hi]
    if not inside:
        return None
    return min(inside, key=lambda x: (abs(x.start - pos), x.start))


def _place_for(parsed: Parsed, ex: Extraction, sent, pos: int, focus: str | None):
    # a place inside an attribution ("the Syrian Arab News Agency reported") says who
    # spoke, not where the figure happened
    said = [(s.start, s.end) for s in ex.sources if sent.start_char <= s.start < sent.end_char]
    places = [p for p in ex.places if sent.start_char <= p.start < sent.end_char
              and not any(a <= p.start and p.end <= b for a, b in said) and not names_no_location(parsed, p)]
    p = _nearest(places, pos, sent.start_char, sent.end_char)
    if p is not None:
        return p.name
    if focus:
        return focus
    ents = [e for e in sent.ents if e.label_ in ("GPE", "LOC", "FAC")]
    if ents:
        return min(ents, key=lambda e: abs(e.start_char - pos)).text
    return None


def _time_for(ex: Extraction, sent, trig, pos: int):
    times = [t for t in ex.times if t.start >= sent.start_char and t.end <= sent.end_char
             and (t.date_start or t.date_end)]
    if not times:
        return None
    doc = sent.doc

    def reporting_time(t) -> bool:
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is None:
            return False
        h = span.root.head
        return _lemma(h) in _REPORTING and h is not trig

    clause = {t.i for t in trig.subtree} if trig is not None else set()
    in_clause = []
    for t in times:
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is not None and span.root.i in clause and not reporting_time(t):
            in_clause.append(t)
    if in_clause:
        return min(in_clause, key=lambda t: abs(t.start - pos))
    rest = [t for t in times if not reporting_time(t)]
    return min(rest, key=lambda t: abs(t.start - pos)) if rest else None


def _source_for(ex: Extraction, sent, pos: int):
    s = _nearest(ex.sources, pos, sent.start_char, sent.end_char)
    return s.name if s is not None else None


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


# --- the stage -----------------------------------------------------------------------

def _unit_name(unit: str) -> str:
    return "people" if unit == "people" else "households"


def _build(parsed: Parsed, ex: Extraction, sent, cat: str, trig, q_low, q_best, q_high,
           qualifier, text: str, ev_start: int, ev_end: int, num_pos: int, unit: str,
           unit_stated: str | None, focus: str | None) -> Figure:
    v = vocab()
    kind = v.kind.get(cat, "flow")
    if trig is not None and any(t.lower_ in _STATE_WORDS or _lemma(t) in _STATE_WORDS
                                for t in (trig, trig.head, *trig.children)):
        kind = "stock"  # "remained displaced", "are still living in camps"
    time = _time_for(ex, sent, trig, num_pos)
    if time is not None:
        date_start, date_end = time.date_start, time.date_end
    else:
        date_start, date_end = None, parsed.article.published
    return Figure(
        category=cat, low=q_low, best=q_best, high=q_high, unit=_unit_name(unit),
        qualifier=qualifier, kind=kind, place=_place_for(parsed, ex, sent, num_pos, focus),
        date_start=date_start, date_end=date_end, source=_source_for(ex, sent, num_pos),
        certainty=_certainty(trig, v) if trig is not None else "asserted",
        start=ev_start, end=ev_end, sentence=sent.text, text=text, unit_stated=unit_stated)


def _figure_for_quantity(parsed: Parsed, ex: Extraction, q: Quantity, focus) -> Figure | None:
    doc = parsed.doc
    v = vocab()
    span = doc.char_span(q.num_start, q.num_end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    sent = parsed.sent_span(span[0].idx)
    roots = [t for t in span if t.head.i < span.start or t.head.i >= span.end or t.head.i == t.i]
    num_root = roots[0] if roots else span[-1]
    noun, unit = _counted_noun(doc, span, v)
    if unit == "" and not (noun.tag_ == "NNPS" or (noun.pos_ == "PROPN" and noun.lower_.endswith("s"))
                           or _group_name(noun, span)):
        return None  # counts something else: neighborhoods, days, vehicles
    bare = noun is None
    if bare and _is_fragment(sent):  # "Damaged houses/shelter 91,808": the fragment's noun
        near = [t for t in sent if _unit_of(t, v)]
        if near:
            unit = _unit_of(min(near, key=lambda t: abs(t.i - span.start)), v)
    if unit == "":  # a plural proper noun ("35,326 Brus"): people only for a strong verb
        unit = "people"
    unit = unit or "people"
    found = _categorise(doc, span, num_root, noun, unit, sent, v)
    if found is None:
        found = _across_attribution(doc, q, noun, unit, sent, v)
    if found is None:
        return None
    cat, trig = found
    if bare and not _is_fragment(sent) and trig.pos_ in ("VERB", "AUX") \
            and (_trigger(trig, v) or ("", "strong"))[1] == "weak":
        return None  # a bare "one" or "30" needs a strong verb ("need one" is no figure)
    if noun is not None and _unit_of(noun, v) is None and _trigger(trig, v) and (
            _trigger(trig, v)[1] != "strong" or trig.i < noun.i):
        return None
    if bare and trig is not None:  # "the number of displaced families is 349"
        for t in (trig, trig.head):
            u = _unit_of(t, v)
            if u in ("households",):
                unit = u
    if cat in HOUSING and unit != "homes":
        return None
    low, best, high = q.low, q.best, q.high
    listed = _listed_victims(noun, v) if cat in _SINGLE_VICTIM and unit == "people" else []
    if listed:  # "four soldiers and a tourist were killed": 5
        low, best = (None if low is None else low + len(listed)), (None if best is None else best + len(listed))
        high = None if high is None else high + len(listed)
    toks = [span.start, span.end - 1] + ([noun.i] if noun is not None else []) + (
        [trig.i] if trig is not None else []) + [x.i for x in listed]
    lo_tok, hi_tok = doc[min(toks)], doc[max(toks)]
    ev_start = min(q.start, lo_tok.idx)
    ev_end = max(q.end, hi_tok.idx + len(hi_tok.text))
    ev_start, ev_end = _trim(parsed.text, ev_start, ev_end)
    stated = noun.text if noun is not None else None
    return _build(parsed, ex, sent, cat, trig, low, best, high, q.qualifier,
                  parsed.text[q.num_start:q.num_end], ev_start, ev_end, q.num_start, unit, stated, focus)


def _listed_victims(noun, v) -> list:
    """Single people listed beside a counted noun ("four members ... and a woman", "two
    guards and the driver"): each adds one. A conjunct with its own number is a figure of
    its own, a plural or a non-person adds nothing."""
    if noun is None:
        return []
    out = []
    for x in noun.conjuncts:
        if x.i < noun.i or any(c.dep_ == "nummod" for c in x.children):
            continue
        if _one_person(x, v):
            out.append(x)
    return out


def _one_person(tok, v) -> bool:
    """A named person, or a singular noun that names one ("the driver", "a woman")."""
    return tok.ent_type_ == "PERSON" or (tok.tag_ == "NN" and (_lemma(tok) in v.victims
                                                              or v.units.get(_lemma(tok)) == "people"))


@functools.lru_cache(maxsize=1)
def _single_victim_lemmas() -> frozenset[str]:
    return frozenset(w for w, (cat, _) in vocab().triggers.items() if cat in _SINGLE_VICTIM)


def _singular_victims(parsed: Parsed, ex: Extraction, taken: set[int], focus) -> list[Figure]:
    """"A Russian colonel ... was killed" -> killed 1 (one named or described person)."""
    doc = parsed.doc
    v = vocab()
    out = []
    lemmas = _single_victim_lemmas()
    for tok in parsed.tokens:
        if tok.pos_ not in ("VERB", "ADJ"):
            continue
        # "shot dead X" (the parser may hang "dead" on the object)
        shot_dead = tok.lemma_.lower() in _DEAD_BY and any(
            c.lower_ == "dead" or (c.dep_ == "dobj" and any(d.lower_ == "dead" and d.i < c.i for d in c.children))
            for c in tok.children)
        if not (tok.lemma_.lower() in lemmas or shot_dead):
            continue
        if tok.pos_ == "VERB" and tok.tag_ not in ("VBD", "VBN"):
            continue  # "enough to kill an adult", "plotting to murder an official": no victim yet
        trig = ("killed",) if shot_dead else v.triggers[tok.lemma_.lower()]
        passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children)
        for c in tok.children:
            want = ("nsubjpass",) if passive else (("nsubj",) if _lemma(tok) in ("die", "perish", "disappear")
                                                   else ("dobj",))
            if c.dep_ not in want or c.i in taken:
                continue
            if c.tag_ != "NN" and not (c.tag_ == "NNP" and c.ent_type_ == "PERSON"):
                continue
            if any(g.dep_ in ("nummod",) or g.lower_ in ("no", "every", "each", "any") for g in c.children):
                continue
            lem = _lemma(c)
            if not (lem in v.victims or v.units.get(lem) == "people" or c.ent_type_ == "PERSON"):
                continue
            if lem in ("people", "police", "staff", "personnel", "militia", "life", "body", "death", "dead"):
                continue
            # "his mother, father and sister were detained": one victim per conjoined person
            listed = list(c.conjuncts) + [y for a in c.children if a.dep_ == "appos" and a.conjuncts
                                          for y in (a, *a.conjuncts)]  # a list parsed as apposition
            people = [c] + [x for x in listed if _one_person(x, v)]
            last = max(x.i for x in people)
            n = len(people)
            first = min(t.i for t in c.subtree if t.i <= c.i)
            sent = parsed.sent_span(tok.idx)
            lo, hi = min(first, tok.i), max(last, tok.i)
            ev_start, ev_end = doc[lo].idx, doc[hi].idx + len(doc[hi].text)
            out.append(_build(parsed, ex, sent, trig[0], tok, n, n, n, None,
                              doc[first:last + 1].text, ev_start, ev_end, doc[first].idx, "people", None, focus))
    return out


def extract_figures(parsed: Parsed, ex: Extraction) -> list[Figure]:
    text = parsed.text
    if not text:
        return []
    focus = focus_place(ex)
    focus = focus.name if focus is not None else None
    figures: list[Figure] = []
    taken: set[int] = set()
    for q in find_quantities(text):
        fig = _figure_for_quantity(parsed, ex, q, focus)
        if fig is not None:
            figures.append(fig)
            span = parsed.doc.char_span(fig.start, fig.end, alignment_mode="expand")
            if span is not None:
                taken.update(t.i for t in span)
    figures.extend(_singular_victims(parsed, ex, taken, focus))
    figures.sort(key=lambda f: (f.start, f.end, f.category))
    return figures
