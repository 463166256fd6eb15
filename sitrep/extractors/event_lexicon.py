"""The events lexicon: event types, trigger words, cue phrases and scopes from
`data/event_types.csv` and `data/event_triggers.csv`, loaded once; cue classes found in a
text in one pass; base forms of inflected words."""
from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..vocab import read_table, trie_pattern

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


# Frames that describe physical happenings ACLED codes (they group with each other);

_PHYSICAL = {"ATTACK", "KILL", "SHOOT", "BOMB", "AIRSTRIKE", "SHELL", "STRIKE", "CLASH",
             "CAPTURE", "RETAKE", "ENTER", "LOSE", "WITHDRAW", "PROTEST", "RIOT", "DISPERSE",
             "ARREST", "ABDUCT", "SEXUAL", "LOOT", "DISRUPT", "FIND", "BASE", "CHANGE", "COUP"}
_VIOLENT = {"ATTACK", "KILL", "SHOOT", "BOMB", "AIRSTRIKE", "SHELL", "STRIKE"}
_TERRITORY = {"CAPTURE", "RETAKE", "ENTER", "LOSE", "WITHDRAW"}
# frames typed as the PLOVER category of the same name (code in event_types.csv)
_DIPLOMATIC = {f: f for f in ("ACCUSE", "REJECT", "REQUEST", "THREATEN", "CONSULT", "SANCTION", "SUPPORT", "AID",
                              "COERCE", "CONCEDE", "COOPERATE", "RETREAT", "MOBILIZE")}
_ARMED_KINDS = {"state_forces", "rebels", "political_militia", "identity_militia", "external_forces"}
_NON_STATE = {"rebels", "political_militia", "identity_militia"}
_TACTICS = ("CHEMICAL", "AIR", "SUICIDE", "SHELLING", "IED", "GRENADE")  # codebook order
# weapon cues that also name ordinary vehicles: no proof of an attack near a crash or a fire
_ATTACK_WORD = re.compile(
    r"\b(attack|attacks|bomb|bombs|explosion|explosions|blast|strike|strikes|shells?|fired|used|contained)\b", re.I)
_UNACCUSATIVE = {"explode", "go", "blast", "detonate"}
_BOMB_WORD = re.compile(r"\b(bomb|bombs|bombing|bombings|explosive|explosives|ied|tnt)\b", re.I)
# a report about mining: its "mines" are pits, not explosives (one sense per report)
_MINING_WORD = re.compile(r"\b(mining|miners?|coal|colliery|quarry|ore|mountaintop)\b", re.I)
_VEHICLE_WORDS = {"aircraft", "helicopter", "jet", "aerial", "drone", "tank", "projectile"}
_MODAL_HYPO = {"would", "could", "might", "may", "should", "can", "must"}
_MODAL_FUTURE = {"will", "shall", "'ll", "wo"}
_CONDITIONAL_MARKS = {"if", "unless", "whether"}
_ASPECTUAL = {"begin", "start", "continue", "keep", "resume", "manage", "go", "come", "use",
              "help", "join", "move", "seem", "appear", "launch", "escalate", "be",
              "vote",  # "voted 3-2 to deny a request": the vote is the denial
              # raising verbs of report: "were reported to have been killed"
              "report", "say", "believe", "think", "know", "confirm", "understand", "estimate", "fear"}
_PRONOUNS = {"it", "they", "he", "she", "we", "i", "you", "them", "him", "her", "us", "who",
             "which", "that", "this", "these", "those", "what"}
_SUBJ = ("nsubj", "csubj")
# verbs whose object did what their "of"/"for" gerund says: "accused the army of shelling",
# "criticized officer Shelby for shooting", "arrested a man for stabbing"
_AGENTIVE_VERBS = {"accuse", "blame", "charge", "suspect", "convict", "condemn", "criticize", "criticise",
                   "fault", "praise", "thank", "commend", "denounce", "rebuke", "sue", "arrest", "indict",
                   "sentence", "fine", "punish", "prosecute", "investigate", "jail", "detain"}
# ACLED codes what a government does with force as its state forces.
_AS_ARMED = {"government": "state_forces"}


# ---------------------------------------------------------------------------- lexicon
@dataclass(frozen=True)
class TypeRow:
    event_type: str | None
    sub_event_type: str | None
    plover: str
    rank: int
    code: str
    mode: str = ""  # the PLOVER mode the type implies ("aerial" for an air strike)


@dataclass
class Lexicon:
    types: dict[str, TypeRow]
    triggers: dict[str, tuple[str, bool, str]]  # lemma -> (frame, weak, PLOVER mode)
    pairs: dict[tuple[str, str], tuple[str, bool, str]]  # ("carry", "out") -> (frame, weak, mode)
    light: set[str]
    light_pairs: set[tuple[str, str]]
    scope: dict[str, str]
    scope_pairs: dict[tuple[str, str], str]
    cue_re: re.Pattern
    cue_map: dict[str, list[tuple[str, str]]]  # phrase -> [(kind, value)]
    forms: dict[str, str] = field(default_factory=dict)  # irregular inflection -> base
    trigger_words: set[str] = field(default_factory=set)  # every word of a trigger or phrase
    light_heads: set[str] = field(default_factory=set)  # first words of phrasal support verbs
    verb_only: set[str] = field(default_factory=set)  # trigger lemmas that are events only as verbs

    def actor_kinds(self, word: str) -> set[str]:
        """The actor kinds a word names as a cue ("man" -> civilians, "gunman" -> political_militia)."""
        return {value for kind, value in self.cue_map.get(word.lower(), ()) if kind == "actor"}

    def frame_of(self, lemma: str) -> str | None:
        """The frame a trigger word evokes alone ("blast" -> BOMB), or None."""
        entry = self.triggers.get(lemma)
        return entry[0] if entry else None


@functools.lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    types = {}
    for r in read_table("event_types.csv"):
        types[r["code"]] = TypeRow(r["event_type"] or None, r["sub_event_type"] or None,
                                   r["plover"], int(r["rank"]), r["code"], r.get("mode") or "")
    triggers, pairs, light, light_pairs = {}, {}, set(), set()
    scope, scope_pairs, cue_map, forms, verb_only = {}, {}, {}, {}, set()
    for r in read_table("event_triggers.csv"):
        kind, phrase, value = r["kind"], r["phrase"].strip().lower(), r["value"].strip()
        words = phrase.split()
        if kind == "form":
            forms[phrase] = value.lower()
            continue
        if kind == "trigger":
            flag = (r.get("weak") or "").strip()
            entry = (value, "1" in flag, r.get("mode") or "")
            if "v" in flag:
                verb_only.add(phrase)
            if len(words) == 1:
                triggers[phrase] = entry
            else:
                pairs[(words[0], words[-1])] = entry
        elif kind == "light":
            if len(words) == 1:
                light.add(phrase)
            else:
                light_pairs.add((words[0], words[-1]))
        elif kind == "scope":
            if len(words) == 1:
                scope[phrase] = value
            else:
                scope_pairs[(words[0], words[-1])] = value
        else:
            cue_map.setdefault(phrase, []).append((kind, value))
    cue_re = re.compile(r"(?<![\w-])(" + trie_pattern(sorted(cue_map)) + r")(?:e?s)?(?![\w-])", re.IGNORECASE)
    words = set(triggers) | {w for pair in pairs for w in pair}
    return Lexicon(types, triggers, pairs, light, light_pairs, scope, scope_pairs,
                   cue_re, cue_map, forms, words, {a for a, _ in light_pairs}, verb_only)


def _cues(text: str, lex: Lexicon) -> dict[str, list[tuple[str, str]]]:
    """Cue classes found in `text`: {kind: [(value, matched phrase), ...]} in text order.
    Callers only read the result (short texts are served from a cache)."""
    if len(text) <= 40:
        return _short_cues(text)
    return _scan_cues(text, lex)


def _scan_cues(text: str, lex: Lexicon) -> dict[str, list[tuple[str, str]]]:
    out: dict[str, list[tuple[str, str]]] = {}
    for m in lex.cue_re.finditer(text):
        phrase = m.group(1).lower()
        for kind, value in lex.cue_map.get(phrase, ()):
            out.setdefault(kind, []).append((value, phrase))
    return out


@functools.lru_cache(maxsize=50_000)
def _short_cues(text: str) -> dict[str, list[tuple[str, str]]]:
    return _scan_cues(text, lexicon())


# a negation at most two words before a cue that something happened (violence, deaths, force
# used): what did not happen colours nothing ("local boards didn't vote to shut down", "no
# one was killed"); cues read the other way ("had not encountered any resistance") keep it
_HAPPENINGS = frozenset({"RIOT", "LETHAL", "INTERVENTION"})
_NEGATED_BEFORE = re.compile(r"(?:\b(?:not|never|no)|n['’]t)(?:\W+[\w'’-]+){0,2}\W+$", re.IGNORECASE)


class _CueIndex:
    """Every cue of a document found in one pass; spans are then looked up, not rescanned."""

    def __init__(self, text: str, lex: Lexicon):
        self.hits = []  # (start, kind, value, phrase)
        for m in lex.cue_re.finditer(text):
            phrase = m.group(1).lower()
            negated = None  # looked for only before a cue of a happening
            for kind, value in lex.cue_map.get(phrase, ()):
                if kind == "context" and value in _HAPPENINGS:
                    if negated is None:
                        negated = _NEGATED_BEFORE.search(text, max(0, m.start() - 40), m.start()) is not None
                    if negated:
                        continue
                self.hits.append((m.start(), m.end(), kind, value, phrase))
        self.starts = [h[0] for h in self.hits]

    def within(self, lo: int, hi: int, skip: tuple[tuple[int, int], ...] = ()) -> dict[str, list[tuple[str, str]]]:
        """The cues between `lo` and `hi`, but for those inside the `skip` ranges (the clauses
        of other happenings), which keep only the words that set a scene (_SCENE_CUES)."""
        out: dict[str, list[tuple[str, str]]] = {}
        i = bisect.bisect_left(self.starts, lo)
        while i < len(self.hits) and self.hits[i][0] < hi:
            s, e, kind, value, phrase = self.hits[i]
            if e <= hi and not ((kind, value) not in _SCENE_CUES and any(a <= s and e <= b for a, b in skip)):
                out.setdefault(kind, []).append((value, phrase))
            i += 1
        return out


# cues that set the scene of a whole sentence, whichever clause names them ("charged the
# club after objects were thrown during the match": a match's)
_SCENE_CUES = frozenset({("context", "SPORT"), ("context", "DISASTER"), ("context", "ACCIDENT")})


# the AIR cues that name strikes from the air, not aircraft or their bombs; a drone is named
# for its strikes ("a drone struck a market", "drone strikes")
_AIR_STRIKE_PHRASES = frozenset({"airstrike", "air strike", "air raid", "air attack", "drone"})


def air_cues_named(index: _CueIndex) -> tuple[bool, bool]:
    """(bombs, strikes): whether the report names bombs only aircraft drop (event_triggers.csv's
    AIR bombs: "guided aerial bombs", "glide bombs": its other bombs that hit are theirs), and
    whether it names air strikes (its bare "strikes" are theirs: "the strikes hit the port")."""
    phrases = {phrase for _, _, kind, value, phrase in index.hits if kind == "weapon" and value == "AIR"}
    return any(p.endswith("bomb") for p in phrases), bool(phrases & _AIR_STRIKE_PHRASES)


def shelling_named(index: _CueIndex) -> bool:
    """Whether the report names shells, shelling or artillery (event_triggers.csv's SHELLING
    weapons) and no weapon of the air."""
    values = {value for _, _, kind, value, _ in index.hits if kind == "weapon"}
    return "SHELLING" in values and "AIR" not in values


def planted_bombs_named(index: _CueIndex) -> bool:
    """Whether the report names a bomb set off on the ground (an IED, a car bomb, a suicide
    bomber: event_triggers.csv's IED and SUICIDE weapons)."""
    return any(kind == "weapon" and value in ("IED", "SUICIDE") for _, _, kind, value, _ in index.hits)


def _has(cues, kind: str, value: str) -> bool:
    return any(v == value for v, _ in cues.get(kind, ()))


# The readings the stages ask of the same token again and again (its base forms, whether it
# is a light verb or a trigger: up to five times each), kept for the report being read: spaCy
# builds every string they read anew on each access. Keyed by the doc and the lexicon, so
# another report or lexicon starts afresh; one tuple, read once per call, so threads reading
# different reports never mix their answers.
_TOKEN_MEMO: tuple = (None, None, {})


def token_memo(tok: Token, lex: Lexicon, reading: str) -> dict:
    """{token index: answer} of one `reading` for the report `tok` is of, under `lex`."""
    global _TOKEN_MEMO
    memo = _TOKEN_MEMO
    if memo[0] is not tok.doc or memo[1] is not lex:
        memo = _TOKEN_MEMO = (tok.doc, lex, {})
    answers = memo[2].get(reading)
    if answers is None:
        answers = memo[2][reading] = {}
    return answers


# the sentences of the report being read: (doc, their first tokens, their spans)
_SENTENCES: tuple = (None, [], [])


def sentence_of(tok: Token) -> Span:
    """`tok.sent`, found by bisection among the report's sentences (spaCy walks the tokens
    out to the sentence's ends on each access). One tuple, read once, as `token_memo`."""
    global _SENTENCES
    memo = _SENTENCES
    if memo[0] is not tok.doc:
        sents = list(tok.doc.sents)
        memo = _SENTENCES = (tok.doc, [s.start for s in sents], sents)
    return memo[2][bisect.bisect_right(memo[1], tok.i) - 1]


def _forms(tok: Token, lex: Lexicon) -> tuple[str, ...]:
    """Candidate base forms of a word, most trusted first. The parser's lemmas miss many
    inflections ("staged" -> "stag", "retook"), so regular suffixes are undone here too."""
    memo = token_memo(tok, lex, "forms")
    forms = memo.get(tok.i)
    if forms is None:
        forms = memo[tok.i] = _forms_of(tok.lemma_.lower(), tok.lower_, tok.pos_ == "VERB" or tok.tag_.startswith("VB"))
    return forms


@functools.lru_cache(maxsize=50_000)
def _forms_of(lemma: str, w: str, verb: bool) -> tuple[str, ...]:
    lex = lexicon()
    out = [lemma, w]
    if w in lex.forms:
        out.append(lex.forms[w])
    if verb:
        if w.endswith("ied"):
            out.append(w[:-3] + "y")
        if w.endswith("ed"):
            out += [w[:-1], w[:-2]]
            if len(w) > 4 and w[-3] == w[-4]:
                out.append(w[:-3])
        if w.endswith("ing"):
            out += [w[:-3], w[:-3] + "e"]
            if len(w) > 5 and w[-4] == w[-5]:
                out.append(w[:-4])
    if w.endswith("es") and w[:-2].endswith(("s", "x", "z", "ch", "sh")):
        out.append(w[:-2])  # "clashes", "taxes"; not "aides" (an aide is no aid)
    if w.endswith("s"):
        out.append(w[:-1])
    return tuple(dict.fromkeys(out))


def _is_light(tok: Token, lex: Lexicon) -> bool:
    memo = token_memo(tok, lex, "light")
    light = memo.get(tok.i)
    if light is None:
        light = memo[tok.i] = _light_verb(tok, lex)
    return light


def _light_verb(tok: Token, lex: Lexicon) -> bool:
    forms = _forms(tok, lex)
    if any(f in lex.light for f in forms):
        return True
    if not any(f in lex.light_heads for f in forms):
        return False
    return any((f, c.lower_) in lex.light_pairs
               for c in tok.children if c.dep_ in ("prt", "dobj", "prep") for f in forms)


# journeys (PLOVER CONSULT's visits): their destination is where they happen, and many of
# them ("his overseas trips") are no one incident
JOURNEYS = frozenset({"visit", "trip", "tour", "journey", "travel"})


# Offices that make whoever holds them a political actor ("met Aleppo Mayor Brita Hagi Hasan").
# Narrower than the actors stage's role patterns (actors.classify_role), which also count
# "officer", "deputy", "official": with those, four more false claims on the tune reports
_TITLES = frozenset({"president", "vice-president", "leader", "minister", "premier", "chancellor", "king", "queen",
                     "prince", "emir", "governor", "mayor", "senator", "sen.", "gov.", "rep.", "congressman",
                     "congresswoman", "lawmaker", "legislator", "general", "gen.", "colonel", "col.", "commander",
                     "secretary", "ambassador", "envoy", "diplomat", "spokesman", "spokeswoman", "chairman",
                     "commissioner", "councilman", "councilwoman", "councillor", "councilor", "alderman"})


def _scope_of(tok: Token, lex: Lexicon) -> str | None:
    for f in _forms(tok, lex):
        kind = lex.scope.get(f)
        if kind:
            return kind
        for c in tok.children:
            kind = lex.scope_pairs.get((f, c.lower_))
            if kind:
                return kind
    return None


def sent_cues_text(cues) -> str:
    return " ".join(p for vals in cues.values() for _, p in vals)


def _np_text(tok: Token) -> str:
    return tok.doc[tok.left_edge.i: tok.i + 1].text


def _cue_kind(text: str, lex: Lexicon) -> str | None:
    """The most telling actor kind named in a phrase (demonstrators and armed groups
    before plain people), from the actor cues of event_triggers.csv."""
    kinds = [v for v, _ in _cues(text, lex).get("actor", ())]
    for k in ("protesters", "rioters", "rebels", "political_militia", "identity_militia",
              "external_forces", "state_forces", "civilians"):
        if k in kinds:
            return k
    return None


