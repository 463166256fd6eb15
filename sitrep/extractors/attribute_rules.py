"""The parse's attribute rules, applied by table lookup instead of spaCy's Matcher.

The English pipelines map the tagger's fine tags to coarse POS and morphology, and fix a
few words' lemmas, with an `AttributeRuler`: about 180 patterns of one or two tokens each,
run through spaCy's general `Matcher`. On news text that costs about 23 µs a token, 14% of
the whole parse (measured on TR-News dev, 31,647 tokens: 0.73 s of 5.36 s), because every
token steps through every pattern's predicates.

Why our own: spaCy offers no cheaper matcher for these patterns (the `PhraseMatcher` matches
one attribute, the patterns test up to three), and the rules are simple. `RuleTable`
reads the loaded ruler's own patterns and indexes each by an exact value of one of its
tokens (lowercase form, tag, dependency or whitespace; a regular expression alone is
tried on every token), so a token looks up only the few patterns that can match it.
Matches are applied in the ruler's order (a later rule overrides an earlier one, as in
spaCy), with spaCy's own `set_token_attrs`. The output is the stock ruler's, token for
token (tests/test_parse_rules.py compares every token of real reports). A ruler with a
pattern this module does not read (an operator, another attribute) is left as it is.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# The token attributes a pattern may test, in the order of a token's value tuple.
_ATTRS = ("LOWER", "TAG", "DEP", "IS_SPACE")


@dataclass(frozen=True)
class _Rule:
    order: int                       # the ruler's rule index: later rules win
    width: int                       # tokens in the pattern
    anchor: int                      # the pattern token whose exact value indexes it
    tests: tuple[tuple[int, Callable[[tuple], bool]], ...]  # (pattern token, predicate), the index's aside
    index: int                       # which matched token gets the attributes
    attrs: dict


class Unsupported(ValueError):
    """A pattern uses an operator or attribute `RuleTable` does not read."""


def _test(attr: str, want, strings) -> Callable[[tuple], bool]:
    """One predicate of a token pattern over a token's value tuple (hashes, is_space)."""
    k = _ATTRS.index(attr)
    if attr == "IS_SPACE":
        if not isinstance(want, bool):
            raise Unsupported(f"IS_SPACE {want!r}")
        return lambda v: v[k] == int(want)
    if isinstance(want, str):
        h = strings.add(want) if want else 0
        return lambda v: v[k] == h
    if isinstance(want, dict) and len(want) == 1:
        (op, arg), = want.items()
        if op in ("IN", "NOT_IN"):
            hs = frozenset(strings.add(s) if s else 0 for s in arg)
            return (lambda v: v[k] in hs) if op == "IN" else (lambda v: v[k] not in hs)
        if op == "REGEX":
            rx, seen = re.compile(arg), {}  # a word's answer is kept: text repeats its words

            def search(v) -> bool:
                h = v[k]
                if h not in seen:
                    seen[h] = h != 0 and rx.search(strings[h]) is not None
                return seen[h]
            return search
    raise Unsupported(f"{attr} {want!r}")


def _exact(attr: str, want, strings) -> list[int] | None:
    """The values a token must have for `want` to hold, when they are few and exact."""
    if attr == "IS_SPACE":
        return [int(want)] if want is True else None
    if isinstance(want, str):
        return [strings.add(want) if want else 0]
    if isinstance(want, dict) and set(want) == {"IN"}:
        return [strings.add(s) if s else 0 for s in want["IN"]]
    return None


def _key(pattern: list[dict], strings) -> tuple[int, str | None, list[int]]:
    """(pattern token, attribute, its exact values) indexing a pattern: the most selective
    attribute with exact values in any of its tokens; (0, None, []) when none has one."""
    for attr in _ATTRS:
        for j, token_pattern in enumerate(pattern):
            if attr in token_pattern and (values := _exact(attr, token_pattern[attr], strings)) is not None:
                return j, attr, values
    return 0, None, []


class RuleTable:
    """The ruler's patterns indexed by one exact attribute value of one of their tokens."""

    def __init__(self, ruler) -> None:
        strings = ruler.vocab.strings
        self.by: dict[str, dict[int, list[_Rule]]] = {a: {} for a in _ATTRS}
        self.always: list[_Rule] = []  # patterns no exact value indexes (a regular expression)
        for order, spec in enumerate(ruler.patterns):
            for pattern in spec["patterns"]:
                if any(set(t) - set(_ATTRS) for t in pattern):
                    raise Unsupported(f"pattern {pattern!r}")
                anchor, attr, values = _key(pattern, strings)
                tests = tuple((j, _test(a, w, strings)) for j, t in enumerate(pattern) for a, w in t.items()
                              if (j, a) != (anchor, attr))
                rule = _Rule(order, len(pattern), anchor, tests, spec.get("index", 0), ruler.attrs[order])
                if attr is None:
                    self.always.append(rule)
                for h in values:
                    self.by[attr].setdefault(h, []).append(rule)

    def matches(self, values: list[tuple]) -> list[tuple[int, int, int]]:
        """(rule order, start, target token) of every match, in the order they apply."""
        by_lower, by_tag, by_dep, by_space = (self.by[a] for a in _ATTRS)
        out = []
        n = len(values)
        for i, v in enumerate(values):
            for rule in (*by_lower.get(v[0], ()), *by_tag.get(v[1], ()), *by_dep.get(v[2], ()),
                         *by_space.get(v[3], ()), *self.always):
                start = i - rule.anchor
                if start < 0 or start + rule.width > n:
                    continue
                if all(test(values[start + j]) for j, test in rule.tests):
                    target = start + (rule.index if rule.index >= 0 else rule.width + rule.index)
                    out.append((rule.order, start, target))
        out.sort()
        return out


def token_values(doc: Doc) -> list[tuple]:
    from spacy.attrs import DEP, IS_SPACE, LOWER, TAG

    return [tuple(row) for row in doc.to_array([LOWER, TAG, DEP, IS_SPACE]).tolist()]


def speed_up(nlp: Language) -> bool:
    """Apply the pipeline's attribute ruler by table lookup (same output); False when
    the pipeline has none or its patterns are beyond this module."""
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe("attribute_ruler")
    try:
        table = RuleTable(ruler)
    except Unsupported:
        return False
    from spacy.tokens._retokenize import set_token_attrs

    def match(doc):
        return table.matches(token_values(doc))

    def set_annotations(doc, matches) -> None:
        for order, _start, target in matches:
            set_token_attrs(doc[target], ruler.attrs[order])

    # AttributeRuler.__call__ reads these two through the instance
    ruler.match = match
    ruler.set_annotations = set_annotations
    return True
