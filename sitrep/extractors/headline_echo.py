"""Headlines the parser cannot read: a headline is its lead in fewer words.

News headlines drop articles and use the bare present ("Gunmen attack synagogue, church
and police posts in Dagestan", "Shells land near Las Anod General Hospital"); the small
English model, trained on running text, tags such verbs as nouns ("attack" as a compound
of "synagogue"), so the rules find no clause to type and the headline, the one mention an
analyst reads first, is evidence of nothing. Measured on the tune reports: about one
headline gold mention in six got no mention at all.

The headline names its incident with the same event word the report's lead then tells in
full, so a headline that gave no mention of its own echoes the first current mention of
the lead (or the sentences just after it) whose trigger frame one of the headline's words
evokes: the echo is a mention of that incident, typed, placed and dated as it is, with the
headline as its evidence. Matching on the frame (not on the type) keeps a headline about
shelling from echoing the lead's battle, and only the first few sentences are read, where
a report tells what its headline announces.
"""
from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..models import Event
from .event_lexicon import _TACTICS, Lexicon, _cues, _forms
from .incidents import MentionInfo, rule_frames

if TYPE_CHECKING:
    from spacy.tokens import Token

# sentences after the lead's end that may still tell the headline's incident
_AFTER_LEAD = 3
# a headline's "kill" or "dead" may announce a clash, a shooting or a bombing the lead
# tells with another word ("attack" and "raid" name a tactic: a raid is no bombing)
_GENERIC_VIOLENCE = frozenset({"KILL"})
_VIOLENCE = frozenset({"ATTACK", "CLASH", "KILL", "SHOOT", "SHELL", "BOMB", "AIRSTRIKE", "STRIKE", "ABDUCT"})
# weapons a headline names that the lead may tell by their effect ("mortar rounds fell")
_WEAPON_TYPES = {"SHELL": frozenset({"Shelling/artillery/missile attack"}),
                 "AIRSTRIKE": frozenset({"Air/drone strike"}),
                 "BOMB": frozenset({"Remote explosive/landmine/IED", "Suicide bomb", "Grenade"})}
_TOLD = frozenset({"asserted", "claimed"})


def headline_frames(sent, lex: Lexicon, told: list[tuple[int, int]] = ()) -> dict[str, Token]:
    """frame -> the headline word that evokes it, whatever the tagger made of the word;
    none inside `told`, the spans of the headline's own mentions."""
    out: dict[str, Token] = {}
    for tok in sent:
        if tok.is_punct or tok.is_space or tok.pos_ == "PROPN" or any(a <= tok.idx < b for a, b in told):
            continue
        hit = next((lex.triggers[f] for f in _forms(tok, lex) if f in lex.triggers), None)
        if hit is not None:
            out.setdefault(hit[0], tok)
    return out


def _echoed(frames: dict[str, Token], ev: Event) -> Token | None:
    """The headline word that names `ev`'s incident, if one does."""
    own = rule_frames(ev)
    word = next((w for f, w in frames.items() if f in own or ev.sub_event_type in _WEAPON_TYPES.get(f, ())), None)
    if word is None and ev.event_type is not None and own & _VIOLENCE:
        word = next((w for f, w in frames.items() if f in _GENERIC_VIOLENCE), None)
    return word


def _untold_stretch(sent, word, told: list[tuple[int, int]]) -> tuple[int, int]:
    """The stretch of the headline around `word` that none of its own mentions covers."""
    start = max([b for a, b in told if b <= word.idx] + [sent.start_char])
    end = min([a for a, b in told if a > word.idx] + [sent.end_char])
    return start, end


def headline_echoes(headlines: list[tuple[int, object]], events: list[Event], infos: dict[int, MentionInfo],
                    lead_sentences: int, lex: Lexicon) -> dict[int, list[tuple[Event, MentionInfo]]]:
    """id(lead mention) -> the echoes the headline sentences give it, from the event words
    their own mentions leave unread ("Jihadis attack army camp as villagers accuse troops":
    the accusation is read, the attack is not). `headlines` holds (sentence index, sentence span)."""
    out: dict[int, list[tuple[Event, MentionInfo]]] = {}
    for k, sent in headlines:
        told = [(e.start, e.end) for e in events if infos[id(e)].sentence == k]
        for part in _parts(sent):
            frames = headline_frames(part, lex, told)
            if told:  # beside a mention of its own, a toll ("30 injured") tells that mention's incident
                frames = {f: w for f, w in frames.items() if f not in _GENERIC_VIOLENCE}
            if not frames:
                continue
            named = _named_tactics(part, lex)
            for ev in events:
                info = infos[id(ev)]
                if info.sentence <= k or info.sentence > lead_sentences + _AFTER_LEAD or info.model_p is not None:
                    continue
                if ev.certainty not in _TOLD or ev.timing != "current" or info.stated:
                    continue
                word = _echoed(frames, ev)
                if word is None:
                    continue
                if named and ev.sub_event_type not in named and any(
                        w is word for f, w in frames.items() if f in _GENERIC_VIOLENCE):
                    continue  # "...; landmine wounds farmer": not the shelling the headline told first
                start, end = _untold_stretch(part, word, told)
                echo = replace(ev, start=start, end=end, sentence=sent.text, trigger=word.text,
                               mentions=[], rule=f"{ev.rule}; the headline's '{word.text}' echoes this mention")
                out.setdefault(id(ev), []).append(
                    (echo, replace(info, where="headline", sentence=k, referring=False, retold=False)))
                break
    return out


def _parts(sent) -> list:
    """A headline's parts, each its own story ("Saudi artillery kills four ...; landmine
    wounds farmer in Baqim"): the spans between its semicolons."""
    cuts = [t.i for t in sent if t.text == ";"]
    bounds = [sent.start, *[c + 1 for c in cuts]], [*cuts, sent.end]
    return [sent.doc[a:b] for a, b in zip(*bounds, strict=True) if b > a]


def _named_tactics(part, lex: Lexicon) -> set[str]:
    """The sub-event types of the tactics a headline part names ("landmine", "artillery"):
    a tactic's code is its row of event_types.csv."""
    return {lex.types[v].sub_event_type for v, _ in _cues(part.text, lex).get("weapon", ()) if v in _TACTICS}
