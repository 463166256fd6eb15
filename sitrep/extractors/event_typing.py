"""Typing an event clause: its frames resolved to an ACLED sub-event type (or a PLOVER
category) by the codebook's rules.

A `Clause` gathers what the rules read (frames, cue classes of the clause, of its sentence
and of the next one, agent and patient with their kinds) and the facts derived from them
once. `type_clause` asks each frame family in `FAMILIES` in turn, in the codebook's order
of precedence (the hierarchy of event_types.csv: territory before battles before protests
before remote violence ...); the first family that decides returns a `Typing` (a code, or
None for "not an event"), the others pass (return None).
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ..models import ActorRef
from .actors import actor_at, countries, country_of
from .event_clauses import (
    _PHRASAL_OBJECTS,
    CROWD_CONTROL_MEANS,
    MUNITIONS,
    POLICE_WORDS,
    THROW_VERBS,
    TOWN_WORDS,
    Role,
    Trigger,
    _clause_tokens,
    _match_trigger,
    _members,
    _phrase_text,
    _times,
    gives_self_up,
    of_object,
    told_as_happening,
)
from .event_lexicon import (
    _ARMED_KINDS,
    _ATTACK_WORD,
    _BOMB_WORD,
    _DIPLOMATIC,
    _NON_STATE,
    _PRONOUNS,
    _TACTICS,
    _TERRITORY,
    _TITLES,
    _VEHICLE_WORDS,
    _VIOLENT,
    Lexicon,
    _cue_kind,
    _cues,
    _has,
    _np_text,
    sent_cues_text,
    sentence_of,
)
from .event_place import CARE_SITES
from .event_roles import DocContext, _of_whom, main_clause_subject, previous_subject
from .incidents import _REFERRING
from .place_recognition import SETTLEMENT_NOUNS
from .report_frame import LAND_NOUNS

# weapon cues that name a thing one can find, seize or clear (not a way of attacking:
# "air strike"), so that a patient naming one is weapons
_WEAPON_OBJECTS = frozenset({"CHEMICAL", "SUICIDE", "SHELLING", "IED", "GRENADE"})


@dataclass
class Typing:
    code: str | None
    why: str


def _kind(ref: ActorRef | None) -> str | None:
    return ref.kind if ref is not None else None


# the words that make a convoy or a checkpoint's traffic civilian ("a convoy of commercial lorries")
_CIVIL_TRAFFIC = re.compile(r"\b(?:commercial|passenger|civilian|humanitarian|relief|merchants?|traders?|lorr(?:y|ies)|"
                            r"minibus(?:es)?|buses|travell?ers)\b", re.I)


def _values(cues, kind: str) -> set[str]:
    return {v for v, _ in cues.get(kind, ())}


def _is_place(role: Role | None, lex: Lexicon, place_spans: list[tuple[int, int]]) -> bool:
    if role is None:
        return False
    tok = role.tok
    if tok.ent_type_ in ("GPE", "LOC", "FAC"):
        return True
    if any(s <= tok.idx < e for s, e in place_spans):
        return True
    if _has(_cues(tok.lemma_, lex), "context", "PLACE") or _has(_cues(tok.text, lex), "context", "PLACE"):
        return True
    # "the district centre of Jani Khel": a named place hangs on the noun
    return any(c.dep_ == "prep" and c.lower_ == "of" and any(
        g.dep_ == "pobj" and (g.pos_ == "PROPN" or g.ent_type_ in ("GPE", "LOC", "FAC")) for g in c.children)
        for c in tok.children)


@dataclass
class Clause:
    """One event clause as the typing rules read it (see `build_clause`)."""
    frames: list[str]
    head: Trigger
    lex: Lexicon
    cues: dict
    sent_cues: dict
    next_cues: dict
    next_text: str
    agent: ActorRef | None
    patient: ActorRef | None
    agent_role: Role | None
    patient_role: Role | None
    place_spans: list[tuple[int, int]]
    ctx: DocContext
    span_lo: int = 0
    span_hi: int = 0
    lone: bool = True  # no other happening of the sentence names its own weapon
    # derived once by build_clause
    fs: set[str] = field(default_factory=set)
    members: list[Trigger] = field(default_factory=list)
    ak: str | None = None
    pk: str | None = None
    ctxv: set[str] = field(default_factory=set)  # context cues of the clause
    sctx: set[str] = field(default_factory=set)  # ... of the sentence
    wctx: set[str] = field(default_factory=set)  # ... of the sentence and the next
    pctx: set[str] = field(default_factory=set)  # ... of the patient's phrase
    actx: set[str] = field(default_factory=set)  # ... of the agent's phrase
    pkinds: set[str] = field(default_factory=set)  # actor kinds named in the patient's phrase
    weapons: list[str] = field(default_factory=list)
    tactic: str | None = None
    tactic_from: str = "clause"
    armed: bool = False
    patient_armed: bool = False
    harmless_ctx: bool = False
    protest_ctx_early: bool = False
    protest_ctx: bool = False
    weak: bool = False  # every trigger of the clause is weak ("targeted" alone; not "the attack targeted")


def build_clause(c: Clause) -> Clause:
    """Derive the facts the families read: kinds, cue classes, the tactic (borrowed from the
    sentence or the next one when the clause names none), and the normalised frame set."""
    lex = c.lex
    c.fs, c.members = set(c.frames), _members(c.head)
    c.weak = all(m.weak for m in c.members)
    c.ak, c.pk = _kind(c.agent), _kind(c.patient)
    c.protest_ctx_early = "PROTEST" in _values(c.cues, "context") or "PROTEST" in _values(c.sent_cues, "context")
    ptext = _patient_text(c.patient_role)
    if c.patient_role is not None and c.pk in (None, "civilians", "other"):
        c.pk = _cue_kind(ptext, lex) or c.pk
        ptok = c.patient_role.tok
        if ptok.head.lower_ == "striking" or any(k.dep_ == "amod" and k.lower_ == "striking" for k in ptok.children):
            c.pk = "protesters"  # "fired on striking oil workers": a labour strike's crowd
    atext = _np_text(c.agent_role.tok) if c.agent_role is not None else ""
    if c.agent_role is not None and c.ak in (None, "other"):
        c.ak = _cue_kind(atext, lex) or c.ak
    elif c.agent_role is not None and c.ak == "government" and _cue_kind(atext, lex) == "state_forces":
        c.ak = "state_forces"  # "regime navy vessels fired shells": the government's forces, by their words
    c.actx = _values(_cues(atext, lex), "context") if atext else set()
    c.ctxv, c.sctx = _values(c.cues, "context"), _values(c.sent_cues, "context")
    # what the sentence says was seized is read only against a weapon named in it (most name none)
    named = c.cues.get("weapon") or c.sent_cues.get("weapon")
    seized = _seized_text(sentence_of(c.head.tok)) if named else ""
    c.weapons = [v for v, p in c.cues.get("weapon", ()) if not _seized(p, seized) and not _aimed_at(c, v, p)]
    c.tactic = next((t for t in _TACTICS if t in c.weapons), None)
    if c.tactic is None and c.fs & _VIOLENT and c.lone:
        _borrow_tactic(c, seized)
    # "Gunmen positioned on the hills fired on the vehicles": a misparse leaves the act no
    # agent, but the sentence's armed men are who did it (police are as often the target)
    c.armed = bool(c.weapons) or c.ak in _ARMED_KINDS or bool(c.sctx & {"CONFLICT"}) or (
        c.agent_role is None and bool(_values(c.sent_cues, "actor") & (_ARMED_KINDS - {"state_forces"})))
    pcues = _cues(ptext, lex) if ptext else {}
    c.pctx, c.pkinds = _values(pcues, "context"), _values(pcues, "actor")
    if _values(pcues, "weapon") & _WEAPON_OBJECTS:  # "two explosive devices": the longer cue names the thing
        c.pctx = c.pctx | {"WEAPONS"}
    if "BASE_NOUN" in c.pctx and "BASE_NOUN" not in _values(_cues(_without_relative_clauses(c.patient_role), lex),
                                                            "context"):
        c.pctx = c.pctx - {"BASE_NOUN"}  # a base a relative clause names is no base attacked
    if _HELD_BY.search(ptext):  # "the Georgian-controlled village": held by an armed side
        c.pctx = c.pctx | {"ARMED_TARGET"}
    # "a convoy of passenger vehicles": an armed target's noun, but civilians' words tell whose
    armed_target = "ARMED_TARGET" in c.pctx and not (
        ("civilians" in c.pkinds or _CIVIL_TRAFFIC.search(ptext or "")) and not c.pkinds & _ARMED_KINDS
        and "TROOPS" not in c.pctx)
    c.patient_armed = c.pk in _ARMED_KINDS or armed_target or bool(
        c.pk is None and c.pkinds & _ARMED_KINDS and "civilians" not in c.pkinds)
    victims = _victims_described(c)
    if victims in _ARMED_KINDS and c.pk in (None, "civilians", "other"):
        c.pk, c.patient_armed = victims, True  # "killing 13 people, most of them Peshmerga fighters"
    c.wctx = c.sctx | _values(c.next_cues, "context")
    strong_weapons = {v for v, p in c.cues.get("weapon", ()) if v != "ARMED" and p not in _VEHICLE_WORDS}
    if "DISASTER" in c.sctx and _stormed_by_someone(c):
        c.sctx = c.sctx - {"DISASTER"}
    # looting, arson or an attack is meant, whatever "warehouse" or "blaze" its sentence names
    # ("shops and warehouses were attacked and emptied")
    deliberate = any(not m.weak and (m.frame == "LOOT" or m.tok.lemma_.lower() in ("attack", "assault"))
                     for m in c.members)
    accident = "ACCIDENT" in c.sctx and not deliberate
    c.harmless_ctx = ("DISASTER" in c.sctx or accident or _mindless_agent(c)) and (
        c.ak not in _ARMED_KINDS) and not (strong_weapons - ({"SHELLING"} if accident else set()))
    c.protest_ctx = "PROTEST" in c.ctxv or c.pk == "protesters" or c.ak == "protesters"
    _normalise_frames(c)
    return c


# verbs whose object is a weapon taken, not used: "detaining three men and seizing a grenade launcher"
_SEIZING = frozenset({"seize", "confiscate", "recover", "capture", "find", "discover", "impound", "hand", "surrender"})


def _seized(phrase: str, seized: str) -> bool:
    """The weapon phrase is among the words of what was seized (`_seized_text`)."""
    return bool(seized) and re.search(rf"\b{re.escape(phrase)}", seized) is not None


def _seized_text(sent) -> str:
    """The words of the weapons the sentence says were seized or found, or that someone was
    armed with ("dacoits, armed with rocket launchers, stormed the picket": carried, not fired),
    in lower case."""
    seized = [k for v in sent if v.lemma_.lower() in _SEIZING and v.pos_ == "VERB"
              for k in v.children if k.dep_ in ("dobj", "nsubjpass")]
    carried = [g for v in sent if v.lower_ == "armed" for k in v.children if k.dep_ == "prep" and k.lower_ == "with"
               for g in k.children if g.dep_ == "pobj"]
    # "the bomb, made from a 60mm mortar round": what a device was made from is no weapon fired
    material = [g for v in sent if v.lemma_.lower() in _MADE and v.dep_ == "acl" for k in v.children
                if k.dep_ == "prep" and k.lower_ in ("from", "of", "out") for g in k.subtree if g.dep_ == "pobj"]
    return " ".join(" ".join(t.lower_ for t in k.subtree) for k in seized + carried + material)


_MADE = frozenset({"make", "fashion", "build", "assemble", "improvise", "craft", "fabricate"})


# ", most of them Peshmerga fighters", ", all of whom were soldiers" (", including six policemen" names some)
_VICTIMS_DESCRIBED = re.compile(r",\s*(?:most|many|all|almost all|nearly all|the majority|mostly)"
                                r"(?:\s+of\s+(?:them|whom))?(?:\s+(?:were|are))?\s+([^,.;]{1,60})", re.I)


def _victims_described(c: Clause) -> str | None:
    """The armed kind the words after a killing's victims give them ("killing 13 people,
    most of them Peshmerga fighters"): whom the act struck, though the parser hangs the
    description elsewhere."""
    for m in c.members:
        if m.frame != "KILL":
            continue
        victims = [k for k in m.tok.children if k.dep_ in ("dobj", "nsubjpass")]
        for v in victims:
            hit = _VICTIMS_DESCRIBED.match(v.doc.text, v.idx + len(v.text))
            span = v.doc.char_span(hit.start(1), hit.end(1), alignment_mode="expand") if hit else None
            if span is not None:
                kind = _cue_kind(hit.group(1), c.lex)
                if kind is None and (_armed_side(span.root, c.lex) or span.root.lemma_.lower() in _ATTACKERS):
                    kind = "state_forces" if "TROOPS" in _values(_cues(hit.group(1), c.lex), "context") else "rebels"
                return kind
    return None



_STORMS = frozenset({"storm", "storms", "stormed"})


def _stormed_by_someone(c: Clause) -> bool:
    """Every disaster word of the sentence is a "storm" that a party the lexicon knows, or a
    crowd, makes ("militants storm checkpost": the verb a headline's tagger reads as a noun)."""
    phrases = {p for v, p in c.sent_cues.get("context", ()) if v == "DISASTER"}
    if not phrases or not phrases <= _STORMS:
        return False
    return any(t.lower_ in _STORMS and t.i > 0 and (_cues(t.nbor(-1).text, c.lex).get("actor") or
                                                     t.nbor(-1).lemma_.lower() in _CROWDS)
               for t in c.head.tok.sent)


def _patient_text(role: Role | None) -> str:
    """The patient's phrase; for the noun a participle hangs on ("a man shot by officers"),
    the words up to the noun: the rest is the event itself."""
    if role is None:
        return ""
    tok = role.tok
    if tok.lower_ == "it":  # "... when it came under heavy fire": what "it" stands for is the patient
        tok = main_clause_subject(tok) or previous_subject(tok) or tok
    if role.how == "participle-patient":
        return tok.doc[tok.left_edge.i: tok.i + 1].text
    if tok.i < tok.head.i < tok.right_edge.i:
        # "14 people were killed ..., local sources reported": an apposition the parser hung
        # on the subject from past its verb is no part of who was struck
        return tok.doc[tok.left_edge.i: tok.head.i].text
    return _phrase_text(tok) + _whose_camp(tok)


# shelters whose "for ..." says who lives there ("a camp for displaced people")
_SHELTERS = frozenset({"camp", "site", "centre", "center", "shelter", "settlement"})


def _whose_camp(tok) -> str:
    """"Attacked Hasahisa camp for displaced people": the "for" phrase the parser hung on the
    verb right after the object says whose camp it is (a camp of civilians, not a base)."""
    nxt = tok.right_edge.i + 1
    if tok.lemma_.lower() not in _SHELTERS or nxt >= len(tok.doc):
        return ""
    prep = tok.doc[nxt]
    if prep.lower_ != "for" or prep.head.i != tok.head.i:
        return ""
    return " " + tok.doc[prep.i: prep.right_edge.i + 1].text


def _without_relative_clauses(role: Role) -> str:
    """The patient's phrase less its relative clauses ("neighbourhoods of Wau town that forced
    thousands to shelter at the UN base": where they sheltered is no target)."""
    tok = role.tok
    inner = {t.i for k in tok.subtree if k.dep_ == "relcl" and k.i != tok.i for t in k.subtree}
    return "".join(t.text_with_ws for t in tok.subtree if t.i not in inner).strip()


# what harms without meaning to: "a tree fell on a wedding party", "hit by a car"
_MINDLESS = frozenset({"tree", "branch", "wall", "roof", "ceiling", "rock", "boulder", "debris", "wave", "lightning",
                       "avalanche"})
_TRAFFIC = frozenset({"car", "truck", "vehicle", "van", "bus", "train", "lorry", "motorcycle", "motorbike", "tractor",
                      "taxi", "suv", "pickup", "motorist", "driver"})
_EXPLOSIVES = frozenset({"explosive", "explosives", "bomb", "bombs", "ied", "dynamite", "tnt"})
# a vehicle used as a weapon is told so: "rammed", "ploughed into", "deliberately"
_RAMMING = re.compile(r"\b(?:ram|rams|rammed|ramming|plough|plow|ploughed|plowed|deliberately|terror\w*|attack\w*)\b",
                      re.I)


def _mindless_agent(c: Clause) -> bool:
    """The harm's agent is a thing, not anyone: a falling tree or wall, or a vehicle in
    traffic (unless the sentence tells a ramming)."""
    if c.agent_role is None or not c.fs & _VIOLENT:
        return False
    tok = c.agent_role.tok
    lemma = tok.lemma_.lower()
    if lemma in _MINDLESS:
        return True
    if any(t.lemma_.lower() in _EXPLOSIVES for t in tok.subtree):
        return False  # "a motorcycle loaded with explosives blew up": a car bomb, not a crash
    # "struck by a Ford Crown Victoria, driven by a 56-year-old": a vehicle whatever its name
    driven = any(k.dep_ == "acl" and k.lemma_.lower() == "drive" for k in tok.children)
    return (lemma in _TRAFFIC or driven) and not _RAMMING.search(tok.sent.text)


def _aimed_at(c: Clause, tactic: str, phrase: str) -> bool:
    """"An aircraft ... was fired on": an aircraft shot at is the target, not the weapon
    (the patient's own noun; not "launched drones", nor "targeted a post with drones")."""
    r = c.patient_role
    return tactic == "AIR" and r is not None and "SHOOT" in c.fs and r.tok.lower_ in phrase.lower().split()


def _borrow_tactic(c: Clause, seized: str) -> None:
    """The weapon is often named in another clause of the sentence ("killed when a roadside
    bomb exploded") or in the next sentence of a short report."""
    pools = [("sentence", c.sent_cues)]
    # "shot dead by a sniper" names its own weapon: the shells of the next sentence are another act
    if c.head.tok.lemma_.lower() != "shoot" and _ATTACK_WORD.search(sent_cues_text(c.next_cues) + " " + c.next_text):
        pools.append(("next sentence", c.next_cues))  # "The attacks - mostly using grenades - ..."
    # rebels and militias fly no warplanes: an air strike beside their attack is another
    # side's (the army's counter-offensive the lead goes on to tell)
    barred = {"AIR"} if c.ak in _NON_STATE or c.ak in ("protesters", "rioters") else set()
    for where, pool in pools:
        # ... but they fly drones ("the PDF attacked a junta column with drones")
        found = sorted({v for v, p in pool.get("weapon", ()) if v in _TACTICS and not (
            v in barred and "drone" not in p) and not (
            where == "sentence" and (_seized(p, seized) or _aimed_at(c, v, p)))}, key=_TACTICS.index)
        if found:
            c.tactic, c.tactic_from = found[0], where
            c.weapons = c.weapons + [c.tactic]
            return
    if _result_of_blast(c.head.tok, c.lex):
        c.tactic, c.tactic_from = "IED", "the blast it results from"
        c.weapons = c.weapons + [c.tactic]


def _result_of_blast(tok, lex) -> bool:
    """", wounding at least nine people" after "a car packed with explosives detonated": the
    harm a participle of result tells is the blast's (its weapon is named by no cue, only by
    the verb the participle hangs on)."""
    if tok.dep_ not in ("advcl", "acl") or tok.tag_ != "VBG" or tok.i == 0 or tok.doc[tok.i - 1].text != ",":
        return False
    # by the words before it: the parser may hang the participle on the car, not on "detonated"
    return any(t.pos_ in ("VERB", "NOUN") and lex.frame_of(t.lemma_.lower()) == "BOMB"
               for t in tok.doc[tok.sent.start:tok.i])


_HELD_BY = re.compile(r"\w-(?:held|controlled|occupied)\b", re.I)
_LABOUR_WORDS = frozenset({"hunger", "general", "worker", "workers", "strikers", "union", "unions", "employees",
                           "staff", "teachers", "nurses", "doctors", "drivers", "miners", "dockers", "dockworkers",
                           "pilots", "porters", "labourers", "laborers", "walkout", "pay", "wage", "wages",
                           "salary", "salaries", "sympathy", "shutter", "shutters", "shopkeepers", "traders",
                           "transporters", "lawyers"})  # "a shutter-down strike": shops' shutters pulled down


def _labour_strike(c: Clause, words_of_sentence: bool) -> bool:
    """"Went on strike", "a general strike", "workers are striking": a strike of labour,
    never one with an object ("overturned, striking a tree" hit it). Whole words only."""
    tok = next((m.tok for m in c.members if m.frame == "STRIKE"), c.head.tok)
    if tok.pos_ == "VERB" and any(k.dep_ == "dobj" for k in tok.children):
        return False
    if tok.dep_ == "pobj" and tok.head.lower_ == "on":
        return True
    if tok.dep_ == "nsubjpass" and tok.head.lemma_.lower() == "observe":
        return True  # "a strike was observed in the town": kept, as a strike of shops and work is
    words = {t.lower_ for t in tok.subtree}
    if tok.pos_ == "VERB":
        words |= {t.lower_ for k in tok.children if k.dep_ == "nsubj" for t in k.subtree}
        if tok.dep_ == "acl":
            words.add(tok.head.lower_)  # "teachers striking in West Virginia": the teachers strike
    if words & _LABOUR_WORDS:
        return True
    if tok.pos_ == "NOUN" and any(k.dep_ == "prep" and k.lower_ == "on" and any(
            g.dep_ == "pobj" and g.ent_type_ not in ("DATE", "TIME") for g in k.children) for k in tok.children):
        return False  # "a strike on a busy market", whoever else the sentence names: an attack on it
    if words_of_sentence:
        words |= set(sent_cues_text(c.sent_cues).lower().split())
    return bool(words & _LABOUR_WORDS) or (tok.pos_ == "NOUN" and _last_strike_named_labour(c, tok))


_AIR_STRIKE_NAMED = re.compile(r"\b(?:air|drone|missile|rocket|artillery|military|aerial)[ -]?strikes?\b", re.I)
_LABOUR_STRIKE_NAMED = re.compile(
    r"\b(?:general|hunger|labou?r|workers'?|nationwide|wildcat|indefinite|shopkeepers'?|traders'?|teachers'?|"
    r"shutter-down|wheel-jam|transporters'?)"
    r" strikes?\b|\bon strike\b|\bstrikers\b|\bstrike (?:action|call)\b", re.I)


def _last_strike_named_labour(c: Clause, tok) -> bool:
    """"A general strike spread ... Similar strikes were reported in Bukan": a strike no word
    qualifies is the last strike the report named, labour's or an air force's."""
    if c.ctx.strikes_named is None:
        text = tok.doc.text
        c.ctx.strikes_named = sorted([(m.start(), False) for m in _AIR_STRIKE_NAMED.finditer(text)]
                                     + [(m.start(), True) for m in _LABOUR_STRIKE_NAMED.finditer(text)])
    before = [labour for at, labour in c.ctx.strikes_named if at < tok.idx]
    return bool(before) and before[-1]


_CHARGEABLE = _VIOLENT | {"SEXUAL", "ABDUCT", "LOOT"}
_CHARGE_WORDS = frozenset({"charge", "suspicion", "suspect", "accuse", "allegation", "count", "connection"})
# unrest words that name an offence an arrest is made for ("on suspicion of violent disorder")
_OFFENCE_NAMES = frozenset({"disorder", "affray"})


def _charge_content(tok) -> bool:
    """The word names what someone is held for: it hangs on "for", "of", "over" or a charge
    word before reaching a verb of its own clause."""
    node = tok
    for _ in range(4):
        h = node.head
        if h.i == node.i:
            return False
        if (h.dep_ == "prep" and h.lower_ in ("for", "of", "over")) or h.lemma_.lower() in _CHARGE_WORDS:
            return True
        if h.pos_ in ("VERB", "AUX") and node.dep_ not in ("pcomp", "pobj"):
            return False
        node = h
    return False


_FIRE_BOMBS = frozenset({"petrol", "molotov", "gasoline"})


def _fire_bomb(tok) -> bool:
    """"Petrol bombs", "Molotov cocktails", "firebombs": fire thrown by hand, not explosives."""
    return tok.lower_.startswith("firebomb") or any(
        k.dep_ in ("compound", "amod") and k.lower_ in _FIRE_BOMBS for k in tok.children)


_EXPLOSIVES = frozenset({"explosive", "grenade", "bomb", "ied", "dynamite", "charge"})


def _thrown_explosive(throw) -> bool:
    """What "thrown at" throws is an explosive ("a homemade explosive thrown at a school"),
    not stones or fire ("petrol bombs were thrown at police")."""
    things = [k for k in throw.children if k.dep_ in ("nsubjpass", "dobj")]
    if throw.dep_ == "acl":
        things.append(throw.head)
    return any(t.lemma_.lower() in _EXPLOSIVES and not _fire_bomb(t) for t in things)


_DISPOSERS = re.compile(r"\b(?:bomb[- ]disposal|bomb squad|explosive ordnance disposal|EOD|sappers?|"
                        r"deminers?|de-miners?)\b", re.I)


def _set_off_safely(verb) -> bool:
    """A bomb set off on purpose by those who clear them ("safely detonated by bomb disposal
    experts", "a controlled explosion"): a device made harmless, no bombing."""
    if any(k.dep_ == "advmod" and k.lower_ in ("safely", "harmlessly") for k in verb.children):
        return True
    if any(k.dep_ == "amod" and k.lower_ == "controlled" for k in verb.children):
        return True
    by = [g for k in verb.children if k.dep_ == "agent" for g in k.subtree]
    return bool(by) and _DISPOSERS.search(" ".join(t.text for t in by)) is not None


def _found(bomb, c: Clause) -> bool:
    """The bomb is what a find verb of the clause found ("found a bomb", "IEDs ... were
    found", "bomb found in market"): a device still whole, not one that went off."""
    finds = {m.tok.i for m in c.members if m.frame == "FIND"}
    return (bomb.dep_ in ("dobj", "nsubjpass", "nsubj") and bomb.head.i in finds) or any(
        k.dep_ == "acl" and k.i in finds for k in bomb.children)


def _normalise_frames(c: Clause) -> None:
    fs = c.fs
    if "STRIKE" in fs and c.tactic is None and "AIRSTRIKE" not in fs and _labour_strike(c, True):
        fs = (fs - {"STRIKE"}) | {"PROTEST"}
    bombs = [m.tok for m in c.members if m.frame == "BOMB"]
    if bombs and all(_fire_bomb(t) for t in bombs):
        fs = (fs - {"BOMB"}) | {"RIOT"}  # "attacked with stones and petrol bombs": a rioter's weapon
    if bombs and all(_set_off_safely(t) for t in bombs):
        fs = (fs - {"BOMB"}) | {"DISRUPT"}  # "was safely detonated by bomb disposal experts": defused
    elif bombs and "FIND" in fs and all(_found(t, c) for t in bombs):
        fs = (fs - {"BOMB", "FIND"}) | {"DISRUPT"}  # "a team found a bomb", "bomb found in market": unexploded
    throws = [m for m in c.members if m.frame == "RIOT"]
    if throws and all(m.phrase.lower().endswith(" at") and _thrown_explosive(m.tok) for m in throws):
        fs = fs - {"RIOT"}  # "an explosive thrown at a school": a grenade's throw, not a rioter's
    if fs & {"ARREST", "ABDUCT"} and fs & _VIOLENT and all(
            m.weak or _frames_the_taking(m, c) for m in c.members if m.frame in _VIOLENT):
        fs = fs - _VIOLENT  # "arrested and beat", "kidnapped dozens in raids": the taking is the event
    if "ARREST" in fs:  # "arrested for killing", "on suspicion of violent disorder": what he is charged with
        chargeable = [m for m in c.members if m.frame in _CHARGEABLE or m.tok.lemma_.lower() in _OFFENCE_NAMES]
        charged = {m.frame for m in chargeable if _charge_content(m.tok)}
        told = {m.frame for m in chargeable if not _charge_content(m.tok)}
        fs = fs - (charged - told)
    weak_terr = {m.frame for m in c.members if m.frame in _TERRITORY and m.weak}
    strong_other = {m.frame for m in c.members if m.frame not in _TERRITORY and not m.weak}
    if weak_terr and strong_other and not (fs & _TERRITORY) - weak_terr:
        fs = fs - weak_terr  # "troops entered a village and raped": the movement is not the event
    c.fs = fs


def _frames_the_taking(m: Trigger, c: Clause) -> bool:
    """A violent noun in an adjunct of the arrest or abduction ("abducted 40 residents ...
    in a fresh wave of attacks", "detained during the raid") names the taking's setting,
    not a second act; one that killed ("abducted ... in an attack that killed six") is not."""
    if m.tok.pos_ != "NOUN" or m.tok.dep_ != "pobj" or "KILL" in c.fs:
        return False
    takings = {t.tok.i for t in c.members if t.frame in ("ARREST", "ABDUCT")}
    return any(a.i in takings for a in m.tok.ancestors)


# ---------------------------------------------------------------------------- families
def _mass_grave(c: Clause) -> Typing | None:
    if "GRAVE" in c.sctx and c.fs & {"KILL", "FIND"}:
        return Typing("SD_OTHER", "mass grave")
    return None


def _things_rounded_up(c: Clause) -> Typing | None:
    """"Rounded up a sampling of the reviews": what is rounded up is no one."""
    verb = c.head.tok
    if "ARREST" in c.fs and verb.lemma_.lower() == "round" and any(
            k.dep_ == "dobj" and _not_people(k) for k in verb.children):
        return Typing(None, "rounded up things, not people")
    return None


def _bare_crackdown(c: Clause) -> Typing | None:
    # "breaking them up and arresting those involved": a ring broken up by no force, no protest
    if "DISPERSE" in c.fs and c.fs <= {"DISPERSE", "ARREST"} and not (
            c.protest_ctx_early or c.ak in _ARMED_KINDS or c.ak == "government"):
        return Typing(None, "crackdown without protest or security forces")
    return None


# people acting together, named by what gathers them: "another group attacked a patrol",
# "a crowd stormed the airport" (the actor tables know no such name); crowds are _MOB_NOUNS
_BANDS = frozenset({"group", "gang", "band", "squad"})


def _struck_by_a_thing(c: Clause) -> Typing | None:
    r = c.agent_role
    if not (c.fs <= {"ATTACK", "STRIKE"} and r is not None and r.how in ("subject", "by-phrase") and c.agent is None):
        return None
    if _cues(_np_text(r.tok), c.lex).get("weapon") or r.tok.ent_type_ != "" or r.tok.pos_ != "NOUN":
        return None
    if _match_trigger(r.tok, c.lex) is not None or r.tok.lemma_.lower() in _BANDS | _MOB_NOUNS | _PARTISANS:
        return None
    if r.how == "subject" and c.patient_role is not None and "IED" in _values(
            _cues(_np_text(c.patient_role.tok), c.lex), "weapon"):
        return Typing("IED", "a vehicle or a person struck a mine")  # "a bus struck a landmine"
    return Typing(None, "struck by something that is not an actor or a weapon")


# verbs of a thing coming down, a strike only when what came down was fired or dropped
_LANDING = frozenset({"land"})


def _landed_no_munition(c: Clause) -> Typing | None:
    """"Mortar rounds landed in the market", "a rocket landed on a house": a munition
    that came down is a strike; a plane, a delegation or a minister that landed is none."""
    if c.head.tok.lemma_.lower() not in _LANDING:
        return None
    r = c.agent_role
    if r is not None and r.how == "subject" and r.tok.lemma_.lower() in MUNITIONS:
        return None
    return Typing(None, "came down, and no munition did")


# frames whose word is also the everyday word for a contest, a quarrel or a game
_CONTEST_FRAMES = frozenset({"ATTACK", "CLASH", "STRIKE", "PROTEST", "CAPTURE", "BOMB"})


def _no_foe(c: Clause) -> Typing | None:
    """"Fighting a fire", "battling cancer", "attacked the proposal", "the plan clashes
    with ...": what is fought is no one (the patient's phrase, or the clasher's, names an
    ailment, a fire or an idea), unless the clause names weapons, armed actors or deaths."""
    if not c.fs or not c.fs <= {"ATTACK", "CLASH", "STRIKE"} or c.weapons or "LETHAL" in c.ctxv:
        return None
    if c.fs == {"STRIKE"} and any(k.dep_ == "prt" and k.lower_ == "out" for k in c.head.tok.children):
        return Typing(None, "struck out: set off, or failed")  # "Alan, 79, strikes out in marathon"
    if c.ak in _ARMED_KINDS or c.pk in _ARMED_KINDS:
        return None
    if c.head.phrase.endswith(" fire") and c.head.tok.lemma_.lower() in ("exchange", "trade", "return"):
        return None  # the phrase is the fighting, its fire no foe ("came under fire" may be words)
    objects = [_phrase_text(o) for o in _objects(c)]  # the parser's object, when no patient was kept
    if "ABSTRACT" in c.pctx or ("CLASH" in c.fs and "ABSTRACT" in c.actx) or any(
            "ABSTRACT" in _values(_cues(t, c.lex), "context") for t in objects):
        return Typing(None, "fought something that is no one")
    return None


# where shots fired at no one go ("fired into the air", "shot in the air")
_SKYWARD = frozenset({"air", "sky"})
_AIMING = frozenset({"into", "in", "at", "on", "upon", "toward", "towards"})


def aimed_skyward(verb) -> bool:
    """"Fired into the air", "fired warning shots": shooting aimed only at the sky, at no one."""
    aims = [o for p in verb.children if p.dep_ == "prep" and p.lower_ in _AIMING
            for o in p.children if o.dep_ == "pobj" and o.ent_type_ not in ("DATE", "TIME")]  # not "on Tuesday"
    warning = any(k.dep_ == "dobj" and k.lemma_.lower() == "shot" and any(
        m.lower_ == "warning" for m in k.children) for k in verb.children)
    skyward = [o for o in aims if o.lower_ in _SKYWARD]
    return bool(skyward or warning) and len(skyward) == len(aims)


def _objects(c: Clause) -> list:
    """The direct objects and against/with objects of the clause's predicates."""
    out = []
    for m in c.members:
        for k in m.tok.children:
            if k.dep_ == "dobj":
                out.append(k)
            elif k.dep_ == "prep" and k.lower_ in ("against", "with"):
                out += [g for g in k.children if g.dep_ == "pobj"]
    return out


def _sport(c: Clause) -> Typing | None:
    """"The two teams will clash again", "stormed to a 34-14 victory", "rallied from an
    early deficit": the contest words of a game, unless armed actors, weapons or deaths
    are told."""
    if "SPORT" not in c.sctx or not c.fs or not c.fs <= _CONTEST_FRAMES | {"KILL"}:
        return None
    if c.weapons or c.ak in _ARMED_KINDS or c.pk in _ARMED_KINDS or "LETHAL" in c.sctx:
        return None
    if c.patient_armed:
        return None  # "a joint police-military team came under fire": an armed team, no game's
    if "KILL" in c.fs and not c.weak:
        return None
    if _spectators_struck(c) or _band_of_people(c):
        return None  # "men on scooters attacked visiting supporters": people harmed, not a team
    if any(m.tok.lemma_.lower() in _BLASTS for m in c.members):
        return None  # "an explosion hit the gymnasium as spectators watched a game": no game's word
    return Typing(None, "a game's contest words")


# what goes off, in a game's report as anywhere ("a bomb" may be a long pass; a blast is not)
_BLASTS = frozenset({"explosion", "blast", "explode", "detonate", "detonation", "blow"})
# people a game draws, whom an attack harms rather than plays against
_SPECTATORS = frozenset({"fan", "supporter", "spectator", "hooligan", "ultra", "referee", "steward", "people",
                         "man", "woman", "person"})  # lemmas
# nouns that name a number of people acting together ("a group of men", "gangs of youths")
_BANDS = frozenset({"group", "gang", "band", "horde", "pack"})
_BAND_MEMBERS = frozenset({"man", "youth", "people", "fan", "supporter", "hooligan", "ultra", "boy",
                           "teenager", "attacker", "assailant", "villager", "resident"})  # lemmas


def _spectators_struck(c: Clause) -> bool:
    """The attack's target is people a game draws: its patient, the object of a verb it
    governs ("attacked visiting supporters", parsed "visiting" a verb), or the subject it
    shares as a conjunct ("supporters came for a match and were attacked")."""
    head = c.head.tok
    near = [k for k in head.children if k.dep_ in ("dobj", "nsubjpass")]
    near += [g for k in head.children if k.dep_ == "xcomp" for g in k.children if g.dep_ == "dobj"]
    if head.dep_ == "conj":
        near += [k for k in head.head.children if k.dep_ in ("nsubj", "nsubjpass")]
    if c.patient_role is not None:
        near.append(c.patient_role.tok)
    return any(t.lemma_.lower() in _SPECTATORS and t.pos_ == "NOUN" for t in near)


def _band_of_people(c: Clause) -> bool:
    """"Groups of men on scooters attacked ...", "a group of about 30 men ambushed ...",
    "hooligans attacked ...": people acting as a band, with no gun fired and no armed kind,
    are a mob (ACLED: mob violence), not a quarrel between persons."""
    a = c.agent_role
    if a is None or "SHOOT" in c.fs or "ARMED" in c.weapons or c.ak in _ARMED_KINDS:
        return False
    lemma = a.tok.lemma_.lower()
    if lemma in _BANDS:
        who = of_object(a.tok)
        return who is not None and who.lemma_.lower() in _BAND_MEMBERS
    return lemma in ("hooligan", "ultra") or lemma in _MOB_NOUNS or (
        lemma in ("fan", "supporter") and a.tok.tag_ == "NNS")  # "attacked by an angry mob": no team plays


_SHOWN = frozenset({"power", "force", "strength", "might", "capability", "resolve", "skill", "technique",
                    "method", "product", "commitment", "intent", "how", "what"})


def _shows(c: Clause) -> Typing | None:
    """"Demonstrated their faith in", "to demonstrate rescue techniques", "a demonstration
    of military power": to demonstrate something is to show it, not a protest, unless the
    clause or the sentence tells of protesters."""
    if "PROTEST" not in c.fs or c.ak in ("protesters", "rioters") or any(
            v == "PROTEST" and not p.lower().startswith("demonstrat")
            for cues in (c.cues, c.sent_cues) for v, p in cues.get("context", ())):
        return None
    for m in c.members:
        lemma = m.tok.lemma_.lower()
        if lemma == "demonstrate" and any(k.dep_ in ("dobj", "ccomp", "xcomp") for k in m.tok.children):
            return Typing(None, "demonstrated something: showed it")
        if lemma == "demonstration" and any(k.dep_ == "prep" and k.lower_ == "of" and any(
                g.dep_ == "pobj" and g.lemma_.lower() in _SHOWN for g in k.children) for k in m.tok.children):
            return Typing(None, "a demonstration of something: a showing")
        if lemma == "demonstration" and any(k.dep_ in ("amod", "compound") and k.lower_ in _SHOWING_KINDS
                                            for k in m.tok.children):
            return Typing(None, "a teaching demonstration: a showing")  # "cooking demonstrations at the fair"
    return None


# what makes a demonstration a lesson or an exhibit: "interactive demonstrations", "a cooking demonstration"
_SHOWING_KINDS = frozenset({"interactive", "live", "practical", "hands-on", "cooking", "culinary", "product",
                            "technical", "educational", "craft", "gardening", "safety", "training", "flight",
                            "firearms", "science", "demo"})


_AIDES = frozenset({"chief", "aide", "adviser", "advisor", "official", "staffer", "candidate", "rival", "nominee"})


# words of shelling that also say "criticised hard": "Reid has been pounding Trump"
_FIGURATIVE_BLOWS = frozenset({"pound", "hammer", "blast", "batter", "bombard"})


def _quarrel(c: Clause) -> Typing | None:
    """"The chief of staff clashed with the president's son-in-law", "the senator pounded
    the candidate": a clash or a pounding between named people or officials that tells no
    weapons, armed actors or harm is a quarrel."""
    blows = c.fs == {"SHELL"} and c.head.tok.lemma_.lower() in _FIGURATIVE_BLOWS
    if (c.fs != {"CLASH"} and not blows) or c.weapons or c.armed or c.sctx & {"LETHAL", "TROOPS", "CONFLICT"}:
        return None
    if c.ak in _ARMED_KINDS or c.pk in _ARMED_KINDS or c.ak in ("protesters", "rioters"):
        return None
    people = [r for r in (c.agent_role, c.patient_role) if r is not None]
    if len(people) == 2 and all(r.tok.ent_type_ == "PERSON" or r.tok.lower_ in _AIDES or _titled(r, c.ctx.officials)
                                or any(k.ent_type_ == "PERSON" or k.lower_ in _TITLES
                                       for k in r.tok.children if k.dep_ == "poss") for r in people):
        return Typing(None, "a quarrel between people")
    return None


def _coup(c: Clause) -> Typing | None:
    return Typing("SD_OTHER", "coup") if "COUP" in c.fs else None


def _find(c: Clause) -> Typing | None:
    if not ("FIND" in c.fs and c.fs <= {"FIND"}):
        return None
    if "GRAVE" in c.ctxv:
        return Typing("SD_OTHER", "mass grave found")
    if "WEAPONS" in c.pctx or (c.patient_role is None and "WEAPONS" in _found_after(c)):
        return Typing("DISRUPTED_WEAPONS", "weapons found")
    if _bodies_killed(c):
        return Typing("ATTACK_CIVILIANS", "bodies found with the marks of killing, by no one named")
    return Typing(None, "find without weapons")


# what a killing leaves on the bodies it dumps ("bullet-riddled", "bound and gagged", "dumped")
_KILLING_MARKS = re.compile(r"\b(?:dump(?:ed)?|bullet|gunshot|shot|tortur\w*|bound|blindfold\w*|behead\w*|"
                            r"decapitat\w*|mutilat\w*|execut\w*|stab(?:bed)?|strangl\w*|signs of violence)\b",
                            re.IGNORECASE)


def _bodies_killed(c: Clause) -> bool:
    """"The bodies of five men were found dumped on the outskirts", "found three bodies
    wrapped in blankets" in a report of gang killings: several dead found with the marks of
    a killing are victims of an attack (ACLED); bodies after a flood or a crash are not, nor
    is one body found, a homicide's (docs/annotation.md: a discovery, no act between actors)."""
    p = c.patient_role.tok if c.patient_role is not None else None
    if p is None or p.lemma_.lower() not in ("body", "corpse") or p.tag_ != "NNS":
        return False
    if c.ctxv & {"DISASTER", "ACCIDENT"}:
        return False
    sent = c.head.tok.sent.text
    return _KILLING_MARKS.search(sent) is not None or bool(c.wctx & {"LETHAL", "CRIME", "WEAPONS"})


def _found_after(c: Clause) -> set[str]:
    """Cue classes of the few words after a find verb whose object the parser lost
    ("discovered a large amount of ammunition believed to ...": 'amount' parsed as a subject)."""
    tok = c.head.tok
    after = [t.text for t in tok.doc[tok.i + 1: min(tok.i + 9, tok.sent.end)]]
    return _values(_cues(" ".join(after), c.lex), "context")


def _disrupted_weapons(c: Clause) -> Typing | None:
    taken = c.fs & {"CAPTURE", "RETAKE", "DISRUPT"}  # seized, cleared, intercepted
    if taken and c.patient_role is not None and c.patient_role.tok.lemma_.lower() in _CAPTIVATED:
        return None  # "a camera captured the moment the bomb exploded"
    if taken and c.ctx.mining_named and c.patient_role is not None and c.patient_role.tok.lemma_.lower() == "mine":
        return Typing(None, "mines in a report about mining are pits")  # "reclaiming the company's mines"
    if taken and "WEAPONS" in c.pctx and not _is_place(c.patient_role, c.lex, c.place_spans):
        return Typing("DISRUPTED_WEAPONS", "weapons seized/intercepted")
    if "DISRUPT" not in c.fs:
        return None
    unarmed = "WEAPONS" not in c.pctx  # what was disrupted names no weapon
    foiled = c.patient_role.tok.lemma_.lower() if c.patient_role is not None else ""
    if unarmed and not c.fs & {"AIRSTRIKE", "SHELL", "BOMB", "STRIKE"}:
        # "returned fire and neutralised two attackers", "four militants killed as attack on
        # port foiled": the attack fought off is a battle (air strikes keep their own type)
        if foiled in _ATTACKERS:
            return Typing("ARMED_CLASH", "armed actors neutralised")
        if foiled in _ASSAULTS and c.fs & {"KILL", "CLASH", "SHOOT"}:
            return Typing("ARMED_CLASH", "an assault repulsed, with losses")
    if c.weak and unarmed:
        if c.pk in _ARMED_KINDS:
            return Typing("ARMED_CLASH", "armed actors neutralised")
        return Typing(None, "weak disruption cue without weapons")
    return Typing("DISRUPTED_WEAPONS", "interception/defusal")


# who is "neutralised" in an armed clash, and what is "foiled" by fighting it off (a bomb
# defused or a drone downed stays disrupted weapons use)
_ATTACKERS = frozenset({"attacker", "militant", "terrorist", "gunman", "gunmen", "infiltrator", "insurgent",
                        "assailant", "fighter", "rebel", "jihadist"})
_ASSAULTS = frozenset({"attack", "assault", "raid", "infiltration", "incursion", "offensive"})


_POSTS = frozenset({"base", "airbase", "post", "outpost", "checkpoint", "headquarters", "camp", "garrison",
                    "position", "barracks", "station", "hideout", "stronghold", "bastion", "bunker", "trench"})


def _overran_a_post(c: Clause) -> bool:
    """A capture verb whose own object is a military post ("overran a military base")."""
    return any(k.dep_ == "dobj" and k.lemma_.lower() in _POSTS
               for m in c.members if m.frame == "CAPTURE" for k in m.tok.children)


def _territory(c: Clause) -> Typing | None:
    fs = c.fs
    if not fs & _TERRITORY or (fs & {"CLASH"} and not fs & {"CAPTURE", "RETAKE", "ENTER", "LOSE"}):
        return None
    terr = [f for f in c.frames if f in _TERRITORY]
    if c.head.tok.lemma_.lower() == "take" and c.head.weak and not c.armed:
        return Typing(None, "took a place, with no armed side")  # "Biden took Arizona"
    if _blockade_cleared(c, terr):
        return Typing("VIOLENT_DEMO", "a road blockade cleared: demonstrators' roads blocked")
    if _camp_cleared(c, terr):
        return Typing("COERCE", "a camp cleared by the authorities: an eviction, no ground retaken")
    if c.ak in ("protesters", "rioters") and {"CAPTURE", "ENTER"} & set(terr):
        # "protesters overran police lines", "stormed parliament": a crowd's violence, no captive
        return Typing("VIOLENT_DEMO" if c.ak == "protesters" else "MOB_VIOLENCE", "a crowd overran or stormed a place")
    taken = c.patient_role.tok if c.patient_role is not None else _taken(c)
    # "gunmen seized the parish priest", "bandits captured a council chairman": someone held
    person = taken is not None and (_a_person(taken, c) or (
        taken.pos_ == "NOUN" and taken.lemma_.lower() in _HELD_PEOPLE))
    if "CAPTURE" in terr and person and c.ak is None and _RANSOM.search(c.head.tok.sent.text + " " + c.next_text):
        return Typing("ABDUCTION", "people seized and ransomed")  # "were seized ... released after a ransom was paid"
    if "CAPTURE" in terr and person and c.pk not in _ARMED_KINDS and c.ak in ("state_forces", "government", None):
        return Typing("ARRESTS", "a person captured")  # "a man wanted for murder was captured by police"
    if taken is not None and taken.lemma_.lower() in _CAPTIVATED:
        return Typing(None, "took something that is no place and no one")  # "to capture the students' interest"
    if set(terr) == {"RETAKE"} and c.weak and c.patient_role is None:
        return Typing(None, "recovered, with nothing recovered named")  # "man recovers after bee attack"
    if set(terr) == {"RETAKE"} and _cleared_of_things(c):
        return Typing(None, "cleared of things, not of fighters")  # "roads were cleared of containers"
    if set(terr) == {"LOSE"} and _lost_no_ground(c):
        return Typing(None, "lost or fell as no place does")  # "have lost pets", "the biopic fell flat"
    if not c.armed and c.ak not in _ARMED_KINDS and _private_party(c):
        return Typing(None, "a private party took no territory")  # "the company gained control of mines"
    if set(terr) == {"ENTER"} and not c.armed and c.ak not in _ARMED_KINDS and c.ak != "state_forces":
        return Typing(None, "entered a place, with no armed actor to take it")  # "migrants entering the U.S."
    joined = _joined_happening(c)
    if joined is not None:
        return Typing(None, f"entered '{joined.text}', a happening, not a place")  # "as he entered the talks"
    if not _names_a_place(c, terr):
        if "CAPTURE" in terr and (_overran_a_post(c) or _seized_things(c)) and c.fs & _VIOLENT:
            # "killed 11 soldiers when they overran a base", "killed 20 soldiers and seized
            # arms": an attack, no one captured
            return None
        if "CAPTURE" in terr and (c.pk in {"civilians"} | _ARMED_KINDS or person):
            return Typing("ARRESTS" if c.ak in ("state_forces", "government", None) else "ABDUCTION", "people captured")
        if "CAPTURE" in terr and c.ak == "state_forces" and taken is not None and taken.lemma_.lower() == "security":
            return Typing("MOBILIZE", "forces took over security")  # "the army took over security in the Valley"
        if "CAPTURE" in terr and c.ak == "state_forces" and taken is not None and taken.pos_ == "NOUN":
            return Typing("COERCE", "goods seized by the authorities")  # "officers seized 2 kilograms of cocaine"
        return Typing(None, "territorial verb without a place")
    if "CRIME" in c.sctx and (not c.armed or c.ak == "state_forces"):  # police at a break and enter
        return Typing(None, "crime context")
    if set(terr) == {"WITHDRAW"} and _fighting_told(c):
        # "entered after brief fighting with troops who then withdrew": the battle is the event
        return Typing(None, "a withdrawal from fighting its sentence tells")
    # "withdrew", "unopposed": no fighting, unless its sentence tells some
    if ("NONVIOLENT" in c.ctxv or "NONVIOLENT" in c.sctx) and not _fighting_told(c) or set(terr) == {"WITHDRAW"}:
        return Typing("NONVIOLENT_TRANSFER", "no fighting reported")
    agent_is_place = _is_place(c.agent_role, c.lex, c.place_spans)
    if "LOSE" in terr and len(terr) == 1 and c.agent_role is not None and not agent_is_place and c.ak is None:
        return Typing(None, "something other than a place or an actor was lost")
    state_captor, why = _captor_is_state(c, terr, agent_is_place)
    c.ctx.last_captor_state = state_captor
    if state_captor and not c.armed and _taken_from_a_state(c):
        return Typing("NONVIOLENT_TRANSFER", "taken from another state, no fighting reported")
    if state_captor and {"CAPTURE", "RETAKE"} & set(terr) and _foreign_forces(c):
        # ACLED: a foreign state's forces taking a place is "Non-state actor overtakes territory"
        return Typing("NSA_OVERTAKES", "a foreign state's forces captured")
    return Typing("GOV_REGAINS" if state_captor else "NSA_OVERTAKES", why)


_BLOCKADES = frozenset({"blockade", "roadblock", "barricade", "blockage"})


def _cleared_of_things(c: Clause) -> bool:
    """"Roads were cleared of containers", "cleared of all charges": what a place or a person
    is cleared of is no armed group or people, so no ground is retaken ("cleared the town of
    militants" is)."""
    verb = c.head.anchor
    if verb.lemma_.lower() != "clear":
        return False
    holders = [verb, *(k for k in verb.children if k.dep_ == "dobj")]
    of = next((g for t in holders for k in t.children if k.dep_ == "prep" and k.lower_ == "of"
               for g in k.children if g.dep_ == "pobj"), None)
    return of is not None and _cue_kind(_np_text(of), c.lex) is None and not any(
        t.ent_type_ in ("ORG", "NORP", "PERSON") for t in of.subtree)


def _blockade_cleared(c: Clause, terr: list[str]) -> bool:
    """"Police cleared two roadblocks on the highway": the demonstrators' road blockade
    (docs/annotation.md: roads blocked by demonstrators are a Violent demonstration), not
    ground retaken; not a blockade an armed group held."""
    ptok = c.patient_role.tok if c.patient_role is not None else None
    return "RETAKE" in terr and _cleared_by_authorities(c, ptok, _BLOCKADES)


def _cleared_by_authorities(c: Clause, cleared, nouns: frozenset[str]) -> bool:
    """What is cleared is one of `nouns`, cleared by the authorities (or no one named) with no
    armed group on its side: a crowd's or a camp's, not ground an armed group held."""
    return (cleared is not None and cleared.lemma_.lower() in nouns and c.ak in (None, "state_forces", "government")
            and not c.patient_armed and "CONFLICT" not in c.sctx and not c.pkinds & _ARMED_KINDS)


# where people camp, whom the police move on: "riot police cleared the makeshift camp"
_CAMPS = frozenset({"camp", "encampment", "settlement", "squat", "sit-in", "jungle", "tent", "tents"})


def _camp_cleared(c: Clause, terr: list[str]) -> bool:
    """"Riot police began clearing the makeshift camp in Loon-Plage": a camp of migrants,
    squatters or protesters the authorities clear is an eviction (PLOVER COERCE), not ground
    regained from an armed group; a camp an armed group held is ("cleared the militants' camp")."""
    ptok = c.patient_role.tok if c.patient_role is not None else _taken(c)
    return "RETAKE" in terr and c.head.tok.lemma_.lower() == "clear" and _cleared_by_authorities(c, ptok, _CAMPS)


def _foreign_forces(c: Clause) -> bool:
    """The captor is the forces of a state other than the report's ("Russian forces took
    Vuhledar" in a report on Ukraine), not an ally fighting beside the report's state's
    forces ("Rwandan troops retake the port" where "Rwandan and Mozambican forces" took it)."""
    a = c.agent
    if not (c.ak in ("state_forces", "government") and a is not None and a.country and c.ctx.focus):
        return False
    if c.ctx.allies is None:
        c.ctx.allies = _allied_states(c.head.tok.doc, c.ctx.focus)
    return a.country != c.ctx.focus and a.country not in c.ctx.allies


_SUPPORT_WORDS = frozenset({"support", "backing", "help", "backed", "supported", "assisted", "alongside", "joint"})


def _allied_states(doc, focus: str) -> frozenset[str]:
    """States the report names as one side with the focus state: a demonym coordinated with
    the focus's ("Rwandan and Mozambican forces"), or named in a sentence that names the
    focus's own and their support ("the FDS, with the support of Rwandan forces", "Mozambican
    troops backed by Rwandan units")."""
    allies = set()
    for sent in doc.sents:
        states = {t.i: country_of(t.text) for t in sent if t.pos_ in ("ADJ", "PROPN", "NOUN")}
        states = {i: s for i, s in states.items() if s}
        if focus not in states.values() or len(set(states.values())) < 2:
            continue
        supported = any(t.lower_ in _SUPPORT_WORDS for t in sent)
        for i, state in states.items():
            if state == focus:
                continue
            if supported or any(states.get(k.i) == focus for k in doc[i].conjuncts):
                allies.add(state)
    return frozenset(allies)


def _taken_from_a_state(c: Clause) -> bool:
    """"Seized Crimea from Ukraine": what a state takes from another state it does not regain
    from rebels (ACLED's Government regains territory)."""
    heads = [m.tok for m in c.members] + ([c.patient_role.tok] if c.patient_role is not None else [])
    return any(k.dep_ == "prep" and k.lower_ == "from" and any(
        g.dep_ == "pobj" and countries().lookup.get(g.text.lower()) is not None for g in k.children)
        for h in heads for k in h.children)


_PERSONAL = frozenset({"he", "she", "him", "her", "they", "them", "who", "whom"})


def _a_person(tok, c: Clause) -> bool:
    """Whom a territorial verb takes as a person: a person's name or noun, a personal
    pronoun, or a name given an age ("Jones, 29,"), which no place is."""
    named_place = any(s <= tok.idx < e for s, e in c.place_spans) or _called_a_town(tok)
    if (tok.ent_type_ == "PERSON" and tok.pos_ == "PROPN" and not named_place) or tok.lemma_.lower() in _PERSON_NOUNS:
        return True  # "captured Manaung": the tagger's person, the places stage's township
    if tok.lower_ in _PERSONAL:
        return True  # "a man who was caught": "who" stands only for people
    if not named_place and any(t.ent_type_ == "PERSON" for k in tok.children if k.dep_ in ("appos", "acl")
                               for t in k.subtree):
        return True  # "the zone chairman, Mr Ezekiel Mollel, was picked up": someone named
    if tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lemma_.lower() in ("suspect", "defendant"):
        return True  # "catch murder suspect": the parser split the compound
    return tok.pos_ == "PROPN" and not any(s <= tok.idx < e for s, e in c.place_spans) and any(
        k.dep_ == "appos" and k.like_num for k in tok.children)


# what a thing falls into that no town does: "fell flat", "fell short", "fell silent"
_FELL_AS = frozenset({"flat", "short", "silent", "ill", "asleep", "apart", "behind", "quiet", "sick", "victim"})


def _lost_no_ground(c: Clause) -> bool:
    """"Hughes and his wife have lost pets", "the biopic fell flat": what is lost is no
    place and no ground, or the fall is an idiom's."""
    verb = c.head.tok
    if verb.lemma_.lower() == "fall" and any(k.lower_ in _FELL_AS for k in verb.children
                                              if k.dep_ in ("acomp", "advmod", "oprd", "attr", "prt")):
        return True
    obj = next((k for k in verb.children if k.dep_ == "dobj"), None)
    return obj is not None and obj.pos_ == "NOUN" and obj.lemma_.lower() not in _GROUND and not _is_place(
        Role(obj, "object", []), c.lex, c.place_spans)


def _joined_happening(c: Clause):
    """The object of "enter" or "join" when it is itself a happening ("entered the talks",
    "joined the fighting"): one takes part in it; no place changes hands."""
    verb = c.head.tok
    if verb.lemma_.lower() not in ("enter", "join") or verb.pos_ != "VERB":
        return None
    obj = next((k for k in verb.children if k.dep_ == "dobj"), None)
    if obj is None or obj.pos_ != "NOUN":
        return None
    hit = _match_trigger(obj, c.lex)
    return obj if hit is not None and hit[0] not in _TERRITORY else None


# what a side gains or loses that is ground though no place: "regained control", "lost ground"
_GROUND = frozenset({"control", "ground", "territory", "foothold", "hold", "grip", "positions", "position"})
# what one captures or wins that is neither ground nor people
_CAPTIVATED = frozenset({"interest", "attention", "imagination", "heart", "hearts", "mood", "spirit", "essence",
                         "moment", "title", "crown", "championship", "medal", "trophy", "prize", "award", "vote",
                         "votes", "share", "lead", "record", "image", "footage", "photo", "picture"})
# people a territorial verb takes: "captured a man wanted for murder" is an arrest
_PERSON_NOUNS = frozenset({"man", "woman", "men", "women", "suspect", "suspects", "inmate", "inmates", "prisoner",
                           "prisoners", "fugitive", "fugitives", "escapee", "teenager", "teen", "boy", "girl",
                           "driver", "gunman", "robber", "thief", "person", "people"})
# "drove them out of the areas", "pushed back from ...": the place hangs on the particle
_OUT = frozenset({"out", "away", "back"})


def _taken(c: Clause):
    """What a territorial verb takes when no patient was kept: its passive subject or
    object ("a man wanted for murder was captured": the parser may hang the man on
    'wanted')."""
    for m in c.members:
        for k in m.anchor.children:
            if k.dep_ in ("nsubjpass", "dobj"):
                return k
            if k.dep_ == "csubjpass":
                return next((g for g in k.children if g.dep_ == "nsubj"), None)
    return None


# shares of a place: "control of most of the town", "seized parts of the district"
_PARTS = frozenset({"most", "part", "parts", "half", "rest", "much", "all", "swathe", "swathes", "area", "areas"})


def _of_a_part(tok):
    """The place a share of it names ("most of the town" -> town), or the name of a place
    its common noun names ("the port of Gonaives" -> Gonaives), else the token."""
    named_by = tok.lemma_.lower() in LAND_NOUNS
    if tok.lemma_.lower() not in _PARTS and not named_by:
        return tok
    inner = next((g for ch in tok.children if ch.dep_ == "prep" and ch.lower_ == "of"
                  for g in ch.children if g.dep_ == "pobj"), None)
    return inner if inner is not None and (not named_by or inner.pos_ == "PROPN") else tok


def _refers_to_a_place(tok, lex: Lexicon, spans) -> bool:
    """"Seized the town in 2014 before the army retook it": "it" stands for the nearest
    argument before it in its sentence outside its own clause, a place here; with none
    there, for the object of the sentence before, or its subject ("Militants seized the
    town. The army retook it"; not "reported his car stolen in Dayton. Police recovered it")."""
    if tok is None or tok.lower_ != "it":
        return False
    before = _arguments(t for t in tok.sent if t.i < tok.i and t.head.i != tok.head.i)  # not its own subject
    if not before and tok.sent.start > 0:
        root = tok.doc[tok.sent.start - 1].sent.root
        before = _arguments(c for c in root.children if c.dep_ in ("dobj", "nsubjpass")) or _arguments(
            c for c in root.children if c.dep_ == "nsubj")
    return bool(before) and _is_place(Role(before[-1], ""), lex, spans)


def _arguments(tokens) -> list:
    """The nouns among `tokens` that are a verb's or a preposition's argument, times left out."""
    return [t for t in tokens if t.pos_ in ("NOUN", "PROPN") and t.ent_type_ not in ("DATE", "TIME")
            and t.dep_ in ("dobj", "nsubjpass", "nsubj", "pobj")]


def _called_a_town(tok) -> bool:
    """"Kalehe, the lakeside town": the apposition says what the name is."""
    return any(a.dep_ == "appos" and a.lemma_.lower() in TOWN_WORDS for a in tok.children)


def _fighting_told(c: Clause) -> bool:
    """The clause or its sentence tells violence: a violent frame among the clause's own, or
    a violence trigger word anywhere in its sentence."""
    if c.fs & (_VIOLENT | {"CLASH"}):
        return True
    frames = (c.lex.triggers.get(t.lemma_.lower(), (None,))[0] for t in c.head.tok.sent
              if t.head.lower_ != "without" and not any(k.dep_ == "det" and k.lower_ == "no" for k in t.children))
    return any(f in _VIOLENT or f == "CLASH" for f in frames)  # not "without a fight", "no fighting"


def _unknown_name_taken(c: Clause, terr: list[str], ptok, holders) -> bool:
    """"The rebels entered Kamanyola", "took control of Kamanyola", "troops reoccupied
    Mucojo": a name no gazetteer or actor table knows, taken by an armed side, is a place (a
    person taken is a captive: a name the tagger calls a person's counts only when an
    apposition calls it a town)."""
    if not ((c.armed or c.ak in _ARMED_KINDS) and set(terr) & {"CAPTURE", "ENTER", "RETAKE"}
            and c.pk in (None, "other")):
        return False
    of_objects = [g for h in holders for ch in h.children if ch.dep_ == "prep" and ch.lower_ == "of"
                  for g in ch.children if g.dep_ == "pobj"]
    if any(h.lemma_.lower() == "control" for h in holders) and any(
            t.pos_ == "PROPN" and t.ent_type_ not in ("NORP", "DATE") for t in of_objects):
        return True  # "took control of Wad Madani": no one controls a person, whatever the tagger says
    return any(t is not None and t.pos_ == "PROPN" and (t.ent_type_ in ("", "ORG") or _called_a_town(t))
               for t in [ptok, *of_objects])


def _names_a_place(c: Clause, terr: list[str]) -> bool:
    """A territorial verb counts only with a place: its patient or agent, a place named in
    its span, or a place in a from/into/of ... phrase of one of its verbs."""
    lex, spans = c.lex, c.place_spans
    named = [e for e in spans if c.span_lo <= e[0] < c.span_hi]
    if c.patient_role is not None and c.patient_role.tok.lower_ in _PRONOUNS | {"people", "civilians"}:
        named = []
    holders = [m.anchor for m in c.members] + [ch for m in c.members for ch in m.anchor.children
                                                if ch.dep_ == "dobj" and ch.lower_ in _PHRASAL_OBJECTS
                                                or ch.dep_ in ("prep", "prt", "advmod") and ch.lower_ in _OUT]
    prep_places = [g for h in holders for ch in h.children if ch.dep_ == "prep"
                   and ch.lower_ in ("from", "into", "of", "over", "in", "to", "near", "outside", "around")
                   for p in ch.children if p.dep_ == "pobj" and (g := _of_a_part(p)) is not None
                   and (_is_place(Role(g, ""), lex, spans) or (g is not p and p.lemma_.lower() in LAND_NOUNS))]
    # "recovered her stolen car in Athens", "the United States entered the war": a patient
    # that is no place takes what was taken elsewhere; a place as subject is the captor,
    # the place taken only when it fell
    ptok = c.patient_role.tok if c.patient_role is not None else None
    other_patient = ptok is not None and not _is_place(c.patient_role, lex, spans) and \
        ptok.lemma_.lower() not in _GROUND | _PERSON_NOUNS and c.pk in (None, "other") and \
        not (c.pkinds - {"other"}) and not c.patient_armed and "TROOPS" not in c.pctx and \
        (ptok.ent_type_ not in ("PERSON", "NORP", "ORG") or "CRIME" in c.pctx) and ptok.pos_ != "PRON"
    if ptok is not None and _patient_of_another_act(c, ptok):
        other_patient = False  # "seized control of the port of X, ... attacking the residence of a judge"
    agent_taken = _is_place(c.agent_role, lex, spans) and "LOSE" in terr
    # "seized the police station", "captured an army base": a post held is ground taken
    post = ptok is not None and ptok.lemma_.lower() in _POSTS and ptok.pos_ == "NOUN"
    if _unknown_name_taken(c, terr, ptok, holders):
        return True
    has_place = (_is_place(c.patient_role, lex, spans) or agent_taken or _refers_to_a_place(ptok, lex, spans)
                 or (c.patient_role is None and bool(named)) or (bool(prep_places) and not other_patient) or post)
    if has_place and c.weak and len(terr) == len(c.frames) and not named and not any(
            t.ent_type_ in ("DATE", "TIME", "GPE", "LOC", "FAC") for t in c.head.anchor.subtree):
        return False  # "the opposition has lost neighborhoods": no where, no when
    return has_place


def _patient_of_another_act(c: Clause, ptok) -> bool:
    """The patient is the object of a member that takes no ground (the attack a capture's
    clause also tells), not of the territorial verb."""
    heads = {m.tok.i: m.frame in _TERRITORY for m in c.members}
    return heads.get(ptok.head.i) is False


def _fell_to(c: Clause) -> str | None:
    """The kind of the armed actor a place fell to ("fell to the rebels", "fell under the
    control of KNLA-led forces"), if named: the actors stage's kind for a name it knows."""
    for g in _captors_named(c.head.tok):
        lo, hi = g.left_edge.idx, g.right_edge.idx + len(g.right_edge)
        named = actor_at(c.ctx.extraction, lo, hi) if c.ctx.extraction is not None else None
        kind = named.kind if named is not None else _cue_kind(_phrase_text(g), c.lex)
        if kind in _ARMED_KINDS:
            return kind
    return None


def _captors_named(verb) -> list:
    """"Fell to X", "fell under the control of X": X."""
    out = []
    for k in verb.children:
        objs = [g for g in k.children if g.dep_ == "pobj"] if k.dep_ == "prep" else []
        if k.lower_ == "to":
            out += objs
        elif k.lower_ == "under":
            out += [x for g in objs if g.lemma_.lower() == "control" for p in g.children
                    if p.dep_ == "prep" and p.lower_ == "of" for x in p.children if x.dep_ == "pobj"]
    return out


def _captor_is_state(c: Clause, terr: list[str], agent_is_place: bool) -> tuple[bool, str]:
    if "LOSE" in terr and c.agent_role is not None and not agent_is_place:
        return c.ak not in ("state_forces", "government", "external_forces"), \
            f"{c.agent.name if c.agent else 'subject'} lost ground"
    if "LOSE" in terr:
        state = c.ctx.last_captor_state if c.ctx.last_captor_state is not None else True
        if c.pk is not None:
            state = c.pk in ("state_forces", "government")
        fell_to = _fell_to(c)
        if fell_to is not None:  # "the town fell to the rebels": the captor
            return fell_to not in _NON_STATE, f"place fell to {fell_to}"
        return state, "place fell"
    if "RETAKE" in terr:
        return c.ak not in _NON_STATE, "retaken"
    return c.ak in ("state_forces", "government") or (c.ak is None and c.ctx.last_captor_state is True), "captured"


def _clash(c: Clause) -> Typing | None:
    if "CLASH" not in c.fs:
        return None
    # a mine set off in fighting between two sides is the battle's (ACLED's hierarchy: remote
    # violence only where no armed clash is told); gas, a suicide bomber and a grenade make
    # their own event (ACLED's coders: CASE 2021's grenades hurled in clashes are Grenade)
    if c.tactic in ("CHEMICAL", "SUICIDE", "GRENADE") and c.tactic_from == "clause" and not c.protest_ctx:
        return Typing(c.tactic, f"weapon cue inside the fighting ({c.tactic.lower()})")
    if c.ak in ("protesters", "rioters") or (c.protest_ctx and ("RIOT" in c.ctxv or _brawl(c))):
        return Typing("VIOLENT_DEMO", "demonstrators clashed")  # "a fight between protesters and ..."
    if _protesters_a_side(c):
        return Typing("VIOLENT_DEMO", "protesters one side of the fighting")
    if c.weak and c.agent is None and c.patient is None and len(c.frames) == 1 and not c.armed and \
            not told_as_happening(c.head.tok):
        return Typing(None, "bare fighting word")
    if c.head.tok.lemma_.lower() == "encounter" and c.head.tok.pos_ == "VERB" and not c.patient_armed:
        return Typing(None, "met someone, no armed side")  # "officers encountered Scott": a meeting
    if _between_persons(c):
        return Typing(None, "a fight between persons, not armed groups")  # "her ex-boyfriend started a fight with her"
    if _brawl_beside(c):
        return None  # "stabbed during a fight outside a bar": the stabbing or the arrest is the event
    if _struggling(c):
        return Typing(None, "fighting to do something, no armed side")  # "the companies are fighting to survive"
    if _stones_against_forces(c):
        return Typing("VIOLENT_DEMO", "stones thrown at security forces in the fighting")
    if _townsfolk_against_forces(c):
        return Typing("VIOLENT_DEMO", "residents, students or workers clashed with security forces")
    if _crowd_against_forces(c):
        who = _of_whom(c.agent_role.tok)
        if c.protest_ctx or _protesting(c.agent_role.tok) or who.lemma_.lower() in _DEMONSTRATORS | _TOWNSFOLK \
                or people_described(who, ("young",)):
            return Typing("VIOLENT_DEMO", "demonstrators, strikers or youths clashed with security forces")
        return Typing("MOB_VIOLENCE", "an unarmed crowd clashed with security forces")
    if _unarmed_communities(c):
        return Typing("MOB_VIOLENCE", "communities or crowds clashed without arms")
    if _inmates_fought(c):  # whatever protest is told beside it
        return Typing("MOB_VIOLENCE", "inmates fought (a prison riot, whatever their weapons)")
    if _at_a_protest(c):
        return Typing("VIOLENT_DEMO", "clashes in a demonstration's scene, no armed group named")
    if _groups_of_people_with_blades(c):
        return Typing("MOB_VIOLENCE", "groups of people fought with blades or sticks, no armed group named")
    return Typing("ARMED_CLASH", "fighting between armed groups")


# what a crowd fights with, that no organised armed group needs: knives, machetes, sticks
_BLADES = frozenset({"machete", "knife", "knives", "blade", "sword", "stick", "bat", "club", "rod", "cleaver", "axe"})
# who fights as a crowd: groups of young men, youths, rival groups
_CROWD_SIDES = frozenset({"group", "youth", "man", "teenager", "boy", "gang", "crowd", "fan"})


def _groups_of_people_with_blades(c: Clause) -> bool:
    """"A machete fight between two groups of young men": people named by no armed kind,
    fighting with blades or sticks, not guns or explosives, are a mob (ACLED's Riots: Mob
    violence), not a battle between organised armed groups."""
    if c.ak not in (None, "civilians") or c.pk not in (None, "civilians") or c.patient_armed or c.tactic:
        return False
    sides = [t for m in c.members if m.frame == "CLASH" for t in _sides(m.tok)]
    if not any(t.lemma_.lower() in _CROWD_SIDES for t in sides):
        return False
    words = {t.lemma_.lower() for m in c.members for t in m.tok.subtree} | {t.lemma_.lower() for t in sides}
    return bool(words & _BLADES) and not words & _GUN_WORDS


_GUN_WORDS = frozenset({"gun", "rifle", "pistol", "firearm", "shot", "shoot", "gunfire", "bullet", "ak-47"})


_INMATES = frozenset({"inmate", "inmates", "prisoner", "prisoners", "convict", "convicts"})


_PROTESTERS = frozenset({"protester", "protestor", "demonstrator", "rioter", "marcher"})


def _protesters_a_side(c: Clause) -> bool:
    """"Running battles erupted between protesters and heavily armed officers": a fight one
    of whose sides its with/between phrase names as protesters is the demonstration turned
    violent (ACLED), however armed the police facing them."""
    words = []
    for m in (m for m in c.members if m.frame == "CLASH"):
        words += _sides(m.tok)
        if m.tok.dep_ == "nsubj":  # "battles erupted between ...": the phrase hangs on the verb
            words += [t for k in m.tok.head.children if k.dep_ == "prep" and k.lower_ in ("with", "between")
                      for t in k.subtree]
    return any(t.lemma_.lower() in _PROTESTERS and _a_fights_party(t) for t in words)


def _a_fights_party(t) -> bool:
    """The object of the fight's own with/between, or its conjunct ("between rebels and
    protesters"), not a word deeper in that phrase."""
    prep = t.head if t.dep_ == "pobj" else t.head.head if t.dep_ == "conj" and t.head.dep_ == "pobj" else None
    return prep is not None and prep.lower_ in ("with", "between")


def _inmates_fought(c: Clause) -> bool:
    """"Inmates were killed in fighting between rival gangs": docs/annotation.md codes
    inmates who riot or fight in a prison as mob violence, not a battle."""
    words = {t.lower_ for m in c.members if m.frame == "CLASH" for t in _sides(m.tok)}
    for role in (c.agent_role, c.patient_role):
        if role is not None:
            words |= {t.lower_ for t in role.tok.subtree}
    return bool(words & _INMATES)


def _in_riot_scene(c: Clause) -> bool:
    """The clause's sentence lies in a riot's scene (DocContext.riot_scene)."""
    return c.head.tok.sent.start in c.ctx.riot_scene


def _in_protest_scene(c: Clause) -> bool:
    """The clause names protesters, or its sentence lies in a demonstration's scene (which
    holds every sentence with a protest cue: DocContext.protest_scene)."""
    return c.protest_ctx or c.head.tok.sent.start in c.ctx.protest_scene


# what police fire at a crowd: no armed group's weapon
_CROWD_FIRE = frozenset({"live fire", "live ammunition", "bullet", "bullets"})


def _at_a_protest(c: Clause) -> bool:
    """Clashes in a demonstration's scene (the sentence or the few after one naming
    protesters or a march: DocContext.protest_scene) with no armed group named and no
    weapon but the police's are the demonstration turning violent, as ACLED codes "marches
    degenerated into clashes with police", not a battle."""
    if not (_in_protest_scene(c) or (c.ctx.young_rioters and _in_riot_scene(c))):
        return False
    if c.ak in _NON_STATE or c.pk in _NON_STATE or c.pkinds & _NON_STATE or "CONFLICT" in c.sctx:
        return False
    sides = " ".join(_phrase_text(r.tok) for r in (c.agent_role, c.patient_role) if r is not None)
    if _SOLDIERS.search(sides):
        return False  # "a soldier was killed in an exchange of fire": troops fight battles, police face crowds
    if any(_gunfight(m) or _gun_battle(m.tok) for m in c.members):
        return False  # "...; shootout in Sagopshi": a fight with guns on both sides is no crowd's
    return all(v == "ARMED" and p.lower() in _CROWD_FIRE for v, p in c.cues.get("weapon", ()))


def _gun_battle(tok) -> bool:
    return tok.lemma_.lower() == "battle" and any(k.dep_ == "compound" and k.lower_ == "gun" for k in tok.children)


_SOLDIERS = re.compile(r"\b(?:soldiers?|troops|army|military|servicem[ae]n|conscripts?)\b", re.I)


_BRAWLS = frozenset({"fight", "brawl", "scuffle", "altercation", "fistfight", "melee", "fracas"})


def _brawl(c: Clause) -> bool:
    """The clause's fighting is named by brawl nouns only ("a fight", "a scuffle")."""
    fights = [m.tok for m in c.members if m.frame == "CLASH"]
    return bool(fights) and all(t.pos_ == "NOUN" and t.lemma_.lower() in _BRAWLS for t in fights)


def _brawl_beside(c: Clause) -> bool:
    """The fighting is a brawl named by a noun ("a fight outside a bar"), with no armed side,
    beside another act in the clause: a stabbing or a shooting during it, or the police
    breaking it up and arresting people. That act is the event; a brawl is no battle."""
    if not _brawl(c):
        return False
    if _brawl_broken_up(c):
        return True
    return bool(c.fs - {"CLASH", "DISPERSE"}) and c.pk not in _ARMED_KINDS and not c.armed


def _brawl_broken_up(c: Clause) -> bool:
    """"Police broke up a large fight": the authorities ending a brawl, no protest dispersed."""
    return "DISPERSE" in c.fs and not c.fs & {"PROTEST", "RIOT"} and not c.protest_ctx and c.ak in (
        "state_forces", "government") and _brawl(c)


_PROTESTING = frozenset({"striking", "protesting", "demonstrating", "marching", "picketing"})


def _protesting(tok) -> bool:
    """"Striking teachers", "protesting farmers": people named by the protest they make."""
    return any(k.dep_ in ("amod", "compound") and k.lower_ in _PROTESTING for k in tok.children)


# people who, clashing with police or troops, are demonstrators in ACLED's coding (students,
# youths, residents); fans, inmates or a mob that clash are rioters
_DEMONSTRATORS = frozenset({"student", "youth", "resident", "villager", "worker", "farmer", "activist", "trader",
                            "teacher", "shopkeeper", "miner", "supporter", "man", "youngster", "teenager", "boy"})


def _armed_side(tok, lex: Lexicon) -> bool:
    """The phrase names police, troops or an armed group, or their convoy, post or patrol, as
    the lexicon's cues tell a clause's patient ("the soldiers", "the army convoy"); "a group
    of men" is the men."""
    cues = _cues(_phrase_text(_of_whom(tok)), lex)
    return bool({v for v, _ in cues.get("actor", ())} & (_ARMED_KINDS | {"state_forces"})) or bool(
        {v for v, _ in cues.get("context", ())} & {"TROOPS", "ARMED_TARGET"})


# what is seized that is no person and no place: arms, stocks, vehicles
_SEIZED_THINGS = frozenset({"arm", "arms", "weapon", "ammunition", "quantity", "quantities", "vehicle", "equipment",
                            "cache", "explosive", "explosives", "rifle", "rifles", "truck", "trucks", "supply",
                            "supplies", "cash", "money", "drug", "drugs", "camera", "phone"})


def _seized_things(c: Clause) -> bool:
    """The capturing member's own object is a thing ("seized large quantities of arms")."""
    for m in c.members:
        if m.frame == "CAPTURE":
            verb = m.anchor if m.anchor is not None else m.tok
            obj = verb.head if verb.dep_ == "acl" else next(  # "his camera seized by men in uniform"
                (k for k in verb.children if k.dep_ in ("dobj", "nsubjpass")), None)
            if obj is not None and obj.lemma_.lower() in _SEIZED_THINGS:
                return True
    return False


def _armed_attackers_killed(c: Clause) -> bool:
    """Gunmen or militants killed or shot by someone who is no weapon, the clause setting off
    no bomb of its own. Soldiers or police killed are so only by a doer of their own clause
    ("shot dead by motorcyclists"); by the bomb of another ("four jawans were killed when
    Maoists detonated an IED") they are its victims."""
    if not c.fs <= {"KILL", "SHOOT", "ATTACK", "CLASH"} or c.pk not in _ARMED_KINDS:
        return False
    doer = c.agent_role.tok if c.agent_role is not None else None
    verb = c.head.tok
    if doer is None and verb.tag_ == "VBG":  # ", killing four gunmen": the sentence's own subject did it
        doer = next((k for k in verb.sent.root.children if k.dep_ == "nsubj"), None)
    if doer is None or _cues(_np_text(doer), c.lex).get("weapon"):
        return False
    return c.pk in _NON_STATE or doer.head == verb or (doer.head.dep_ == "agent" and doer.head.head == verb)


def _fired_on_forces(c: Clause) -> bool:
    """A shooting member of the clause fires on troops, police or their convoy, post or
    patrol ("opened fire on the army convoy", "fired on the soldiers")."""
    for m in c.members:
        if m.frame != "SHOOT":
            continue
        verb = m.anchor if m.anchor is not None else m.tok
        for g in (g for k in verb.children if k.dep_ == "prep" and k.lower_ in ("on", "at", "upon")
                  for g in k.children if g.dep_ == "pobj"):
            if _armed_side(g, c.lex):
                return True
    return False


def _fire_that_began_a_fight(c: Clause) -> bool:
    """"The hiding militants opened fire, triggering the gunfight": fire opened at no one
    the clause names, in a sentence that names the fighting it began, is that fighting."""
    if c.patient_role is not None or not any(m.frame == "SHOOT" for m in c.members):
        return False
    return any(t.pos_ == "NOUN" and c.lex.frame_of(t.lemma_.lower()) == "CLASH" for t in c.head.tok.sent)


def _youths_at_forces(c: Clause) -> bool:
    """"Dozens of youths threw stones at soldiers": people who demonstrate (students, youths,
    residents) throwing at police or troops are a violent demonstration, not a mob."""
    verb = c.head.tok
    heads = [verb, *(k for k in verb.children if k.dep_ == "dobj")]  # "pelted stones at the forces"
    at = [g for h in heads for k in h.children if k.dep_ == "prep" and k.lower_ == "at"
          for g in k.children if g.dep_ == "pobj"]
    if not any(_armed_side(g, c.lex) for g in at):
        return False
    subj = next((k for k in verb.children if k.dep_ == "nsubj"), None)
    thrower = subj if subj is not None else (c.agent_role.tok if c.agent_role is not None else None)
    if thrower is None:
        return False  # "missiles were thrown at police lines as the crowd grew": by a mob, for all it says
    who = _of_whom(thrower)
    return who.lemma_.lower() in _DEMONSTRATORS or people_described(who, ("young", "masked"))


def people_described(who, words: tuple[str, ...]) -> bool:
    """"Young people", "masked men": people named only by what one of `words` says of them."""
    return who.lemma_.lower() in ("people", "man", "men") and any(k.lower_ in words for k in who.children)


def _crowd_against_forces(c: Clause) -> bool:
    """"Hundreds of fans clashed with riot police": a crowd named by a plural common noun,
    with no weapon and no armed kind, fighting police or troops is a riot, not a battle
    (ACLED: a battle needs two organised armed sides). "Members of a watch corps and local
    vigilantes": an armed kind anywhere in the crowd's phrase makes it an armed side."""
    a = c.agent_role
    if a is None or any(m.tok.i == a.tok.i for m in c.members):
        return False  # "clashes along the border left a dozen soldiers dead": the fight, not a crowd
    return a.tok.tag_ == "NNS" and c.ak in (None, "civilians") and _unarmed_agent(c) \
        and c.patient_armed and not _values(_cues(_phrase_text(a.tok), c.lex), "actor") & _ARMED_KINDS


# the people of a place or a trade, who fight police or troops as a crowd (docs/annotation.md:
# "students, youths, residents or workers clashing with police or troops")
_TOWNSFOLK = frozenset({"resident", "villager", "local", "student", "youth", "worker", "protester", "demonstrator",
                        "townspeople", "inhabitant"})  # lemmas


# crowds that riot as a mob, whatever they throw (docs/annotation.md)
_MOBS = frozenset({"fan", "hooligan", "ultra", "mob"}) | _INMATES


def _stones_against_forces(c: Clause) -> bool:
    """"Clashes broke out at the checkpoint, where youths threw stones and burned tyres":
    fighting against soldiers or police fought with stones, no gun or armed group on the
    crowd's side, is a violent demonstration (docs/annotation.md)."""
    if c.weapons or c.tactic is not None or c.ak in _ARMED_KINDS - {"state_forces"}:
        return False
    if c.agent_role is not None and _of_whom(c.agent_role.tok).lemma_.lower() in _MOBS:
        return False  # "fans clashed with riot police, throwing bottles": a mob (docs/annotation.md)
    return _thrown_in_clause(c) and (c.patient_armed or c.ak == "state_forces" or "TROOPS" in c.sctx)


def _thrown_in_clause(c: Clause) -> bool:
    """The clause's words name what crowds throw or swing (`_THROWN`)."""
    return any(t.lower_ in _THROWN for t in c.head.tok.sent if c.span_lo <= t.idx < c.span_hi)


def _townsfolk_against_forces(c: Clause) -> bool:
    """"Clashes broke out between security forces and local residents": a fight whose named
    sides are security forces and townsfolk, with no other armed kind and no explosive, is a
    violent demonstration, however it is phrased (the agent-first reading is
    `_crowd_against_forces`)."""
    if c.tactic is not None or c.weapons or c.pk in _ARMED_KINDS - {"state_forces"}:
        return False  # "officers repelled the bandits with the help of residents": a fight with an armed group
    sides = [t for m in c.members if m.frame == "CLASH" for t in _sides(m.tok)[1:] + _onset_sides(m.tok)]
    if not {_common_lemma(t) for t in sides} & _TOWNSFOLK:
        return False
    if any(t.lower_ == "armed" for m in c.members for t in m.tok.subtree):
        return False  # "villagers armed with rifles": an armed side
    cues = _cues(" ".join(t.text for t in sides), c.lex)
    kinds = _values(cues, "actor")
    return "state_forces" in kinds and not kinds & (_ARMED_KINDS - {"state_forces"}) and not cues.get("weapon")


def _common_lemma(t) -> str:
    """A common noun's lemma, though the tagger took it for a name where a dateline leaves it
    first ("Tunis (TAP) - Youths and security forces clashed": "Youths" as NNP)."""
    if t.tag_ == "NNP" and t.is_title and t.lower_.endswith("s") and t.lower_[:-1] in _TOWNSFOLK:
        return t.lower_[:-1]
    return t.lemma_.lower()


def _onset_sides(fight) -> list:
    """"Clashes broke out between X and Y": the sides hang on the verb of the fight's onset."""
    if not told_as_happening(fight):
        return []
    return [t for k in fight.head.children if k.dep_ == "prep" and k.lower_ in ("between", "with")
            for t in k.subtree]


# what crowds fight with: thrown or swung, no gun
_THROWN = frozenset({"stone", "stones", "rock", "rocks", "brick", "bricks", "bottle", "bottles", "stick", "sticks",
                     "pelted", "pelting", "stone-pelting", "molotov", "batons", "clubs"})

# a party's rank and file
_RANK_AND_FILE = frozenset({"supporter", "supporters", "activist", "activists", "cadre", "cadres"})
_COMMUNITY_WORDS = frozenset({"communal", "community", "communities", "villager", "villagers", "resident",
                              "residents", "group", "groups", "mob", "mobs", "youth", "youths", "crowd", "crowds",
                              "fan", "fans", "ultra", "ultras", "hooligan", "hooligans",
                              # "ethnic clashes", "clashes between herders and farmers" (the tune gold
                              # types clan and tribal fighting, often with guns, as battles)
                              "ethnic", "interethnic", "inter-ethnic", "intercommunal", "inter-communal",
                              "intercommunity", "herder", "herders", "farmer", "farmers"}
                             ) | _RANK_AND_FILE  # "supporters of two rival factions clashed", "rival ultras clashed"
# a party's people: a patient who is one is no armed side, whatever the party ("a Jubo League activist")
_PARTY_PEOPLE = _RANK_AND_FILE | {"member", "members"}


def _unarmed_communities(c: Clause) -> bool:
    """"Communal clashes", "members of both communities clashed, throwing stones": fighting
    between communities or crowds with stones and sticks, no gun or armed group named, is
    mob violence (ACLED's riots), not a battle between organised armed groups."""
    party_person = c.patient_role is not None and c.patient_role.tok.lower_ in _PARTY_PEOPLE
    side_toks = [t for m in c.members if m.frame == "CLASH" for t in _sides(m.tok)]
    if c.agent_role is not None:
        side_toks += list(c.agent_role.tok.subtree)
    armed = [t for t in side_toks if t.lower_ == "armed"]
    if any(w != "ARMED" for w in c.weapons) or "TROOPS" in c.actx or (c.weapons and not armed):
        return False
    if armed and all(_armed_with_cold_arms(t) for t in armed) and {t.lower_ for t in side_toks} & _CROWD_SIDES:
        return True  # "rival gangs of youths armed with machetes and stones fought": whatever the gang
    if c.ak in _ARMED_KINDS or ((c.pk in _ARMED_KINDS or c.patient_armed) and not party_person):
        return False  # "a Jubo League activist was killed": a party's person is no armed side
    words = {t.lower_ for t in side_toks}
    if armed:
        return False  # "fighting between two feuding armed groups": armed sides, a battle
    # shots traded ("a gunfight", "an exchange of fire": a fighting phrase ending in fire, as
    # `_no_foe` reads it) are the fighting of armed sides, whoever they are
    shots = any(_gunfight(m) or m.phrase.endswith(" fire") for m in c.members if m.frame == "CLASH")
    if shots:
        return False  # "an exchange of fire between cadres of two Naga political groups": armed sides
    if words & _FACTIONS and not _gangs_named(c):
        words |= {"group"}  # "a clash between two factions of the student league": no cartel's
    thrown = _thrown_in_clause(c)
    # a communal report's fighting is its communities'
    return bool(thrown or words & _COMMUNITY_WORDS) or c.ctx.communal


# sides that are a crowd when armed only with what crowds carry (a militia so armed is a militia)
_CROWD_SIDES = _COMMUNITY_WORDS | frozenset({"gang", "gangs"})
# what a crowd is "armed with" when it is a crowd: thrown or swung, no gun
_COLD_ARMS = _THROWN | frozenset({"machete", "machetes", "knife", "knives", "spear", "spears", "axe", "axes",
                                  "club", "cudgel", "cudgels", "bar", "bars", "rod", "rods", "bow", "bows", "arrow",
                                  "arrows", "stone", "rock", "stick", "bottle"})


def _armed_with_cold_arms(armed) -> bool:
    """"Gangs of youths armed with machetes and stones": sides armed only with what crowds
    throw or swing are a crowd (ACLED's mob violence), not an armed group."""
    with_ = next((k for k in armed.children if k.dep_ == "prep" and k.lower_ == "with"), None)
    if with_ is None:
        return False
    arms = [o for o in with_.children if o.dep_ == "pobj"]
    arms += [k for o in arms for k in o.conjuncts]
    return bool(arms) and all(a.lower_ in _COLD_ARMS for a in arms)


# the sides of a party or a student body, where no gang is named ("two factions of the BCL")
_FACTIONS = frozenset({"faction", "factions", "student", "students"})
_GUNFIGHTS = frozenset({"gunfight", "firefight", "shootout", "shoot-out", "gunbattle", "crossfire"})


def _gunfight(m) -> bool:
    """A gunfight's noun, read on the trigger's phrase: the tokenizer splits "shoot-out"."""
    return m.tok.lemma_.lower() in _GUNFIGHTS or m.phrase.lower() in _GUNFIGHTS


def _sides(fight) -> list:
    """The words naming a fight's kind and sides: its modifiers ("communal clashes") and its
    with/between phrases, not the rest of its sentence."""
    out = [fight]
    if fight.dep_ in ("acl", "relcl") and not any(k.dep_ == "nsubj" for k in fight.children):
        # "as supporters of two rival factions clashed", parsed as the noun's clause: the noun is a side
        out.extend(fight.doc[fight.head.left_edge.i: fight.head.i + 1])
    for k in fight.children:
        if k.dep_ in ("amod", "compound", "nsubj"):
            out.extend(k.subtree)
        elif k.dep_ == "prep" and k.lower_ in ("with", "between", "among"):
            out.extend(k.subtree)
    return out


def _struggling(c: Clause) -> bool:
    verb = c.head.tok
    return verb.pos_ == "VERB" and _unarmed_agent(c) and c.pk not in _ARMED_KINDS \
        and any(k.dep_ == "xcomp" and not _hostile(k, c.lex) for k in verb.children)


def _unarmed_agent(c: Clause) -> bool:
    """No weapon in the clause and no armed actor or troops doing it."""
    return not c.weapons and c.ak not in _ARMED_KINDS and "TROOPS" not in c.actx


def _hostile(tok, lex: Lexicon) -> bool:
    """"Fought to take the hill": what the fighting is for is itself a hostile act."""
    hit = _match_trigger(tok, lex)
    return hit is not None and hit[0] in _HOSTILE_FRAMES


_KIN = frozenset({"boyfriend", "girlfriend", "ex-boyfriend", "ex-girlfriend", "husband", "wife", "ex-husband",
                  "ex-wife", "partner", "father", "mother", "son", "daughter", "brother", "sister", "neighbor",
                  "neighbour", "roommate", "friend", "cousin", "stepfather", "uncle"})


def _between_persons(c: Clause) -> bool:
    """A fight a person starts with another person (a pronoun, a name, a kin noun), with no
    weapon or armed side named: a brawl or domestic violence, not a battle."""
    if c.armed or c.ak in _ARMED_KINDS or c.pk in _ARMED_KINDS:
        return False
    partners = [g for m in c.members for h in dict.fromkeys((m.tok, m.anchor)) for k in h.children
                if k.dep_ == "prep" and k.lower_ in ("with", "between") for g in k.children if g.dep_ == "pobj"]
    partners += [g for p in partners for g in p.children if g.dep_ == "conj"]
    partners = [(of_object(p) or p) if p.like_num else p for p in partners]  # "between the two of them"
    if not partners:  # "Williams started the fight": a brawl one person starts
        return c.agent_role is not None and c.head.tok.lower_ == "fight" and _a_person(c.agent_role.tok, c)
    if not all(_a_person(t, c) or t.lemma_.lower() in _KIN for t in partners):
        return False
    if c.agent_role is None:
        return True
    # the tagger splits "her ex-boyfriend" into three subjects: any of them may say who
    agent = c.agent_role.tok
    words = [agent, *(t for t in agent.head.children if t.dep_ == agent.dep_ and t.i != agent.i)]
    return any(_a_person(t, c) or t.lemma_.lower() in _KIN for t in words)


# INTERVENTION cues that disperse a crowd; a baton or a beating strikes the people in it
_CROWD_CONTROL = CROWD_CONTROL_MEANS | {"disperse", "dispersed", "tear-gas shell"}


def _about_protest(c: Clause) -> bool:
    fs = c.fs
    if fs & {"PROTEST", "RIOT"} or ("DISPERSE" in fs and not _brawl_broken_up(c)):
        return True
    return bool(fs & (_VIOLENT | {"ARREST", "LOOT"}) and (
        c.pk == "protesters" or c.ak in ("protesters", "rioters")
        or ("PROTEST" in c.ctxv and c.tactic is None and c.pk in (None, "civilians"))
        or (fs <= {"SHOOT", "KILL"} and c.ak in ("state_forces", "government") and _crowd_control(c))
        or (fs <= {"SHOOT", "KILL"} and _police_fire_at_a_protest(c))))


def _police_fire_at_a_protest(c: Clause) -> bool:
    """Shooting in a demonstration's scene by the police, or by no one named in a sentence
    whose police fire ("14 people were shot dead as police fired live bullets", "police also
    fired live rounds into the air"), at no armed side: force against the demonstration."""
    if not _in_protest_scene(c) or c.tactic is not None or "CONFLICT" in c.sctx:
        return False
    if c.pk not in (None, "civilians", "protesters") or c.ak not in (None, "state_forces", "government"):
        return False
    if not (c.ak is not None or "state_forces" in _values(c.sent_cues, "actor")):
        return False
    # at the crowd, or over its heads: not "the police shooting of a black man" it protests
    return any(t.dep_ == "pobj" and t.head.lower_ in ("at", "on", "into", "upon") and (
        t.lemma_.lower() in _CROWD_WORDS or t.lower_ == "air") for t in c.head.tok.sent)


# (mourners at a funeral or memorial in a demonstration's scene are its crowd)
_CROWD_WORDS = frozenset({"crowd", "crowds", "protester", "protestor", "demonstrator", "marcher", "procession",
                          "mourner", "demonstration", "protest", "rally"})


# a side's crowd, which no uniform makes the state's: "pro-government supporters attacked protesters"
_PARTISANS = frozenset({"supporter", "loyalist", "partisan", "activist", "cadre", "thug", "goon", "youth"})


def _at_other_protesters(c: Clause) -> bool:
    """The clause's patient is a demonstration: its crowd or its site."""
    if c.patient_role is None:
        return False
    return c.pk == "protesters" or any(t.lemma_.lower() in _CROWD_WORDS | {"sit-in", "encampment"}
                                       for t in c.patient_role.tok.subtree)


def _only_police_threw(c: Clause) -> bool:
    """The sentence's throwing is all done by the police ("police fired rubber bullets and
    threw stun grenades"), none by anyone else ("protesters threw stones at police")."""
    throws = [t for t in c.head.tok.sent if t.pos_ == "VERB" and t.lemma_.lower() in _THROWING]
    if not throws:
        return False
    for verb in throws:
        subj = next((k for k in verb.children if k.dep_ == "nsubj"), None)
        if subj is None and verb.dep_ == "conj":
            subj = next((k for k in verb.head.children if k.dep_ == "nsubj"), None)
        if subj is None or (subj.lemma_.lower() not in _OFFICERS and subj.lower_ not in _OFFICERS):
            return False
    return True


def _over_grievance(c: Clause) -> bool:
    """Rioting "over chronic power cuts", "against the new tax": a grievance voiced, so a
    demonstration that turned violent, not a mob's violence."""
    return any(k.dep_ == "prep" and k.lower_ in ("over", "against") and not _times(k)
               for m in c.members if m.frame == "RIOT" for k in m.tok.children)


_THROWING = THROW_VERBS
# "fired fireworks at riot police": a crowd's projectiles are thrown whatever the verb
_LAUNCHING = _THROWING | {"fire", "launch", "shoot"}


def _dated_apart(sent) -> bool:
    """The sentence names a year ("in July 2011, nearly 20 people were killed when police
    opened fire"): an earlier incident the report recalls, not the unrest it tells."""
    return any(t.ent_type_ == "DATE" and t.like_num and len(t.text) == 4 for t in sent)


def _thrown_at_no_one(verb) -> bool:
    """Stones thrown or fireworks fired with no "at" naming whom they were aimed at."""
    return verb.lemma_.lower() in _LAUNCHING and not any(
        k.dep_ == "prep" and k.lower_ == "at" for k in verb.children)


def _at_each_other(verb) -> bool:
    """The clause's violence goes "at each other" or "at one another": two sides of a crowd."""
    doc = verb.doc  # by the words: the parser may hang "other" on a noun after it
    return any(t.lower_ in ("each", "one") and 0 < t.i < len(doc) - 1 and doc[t.i + 1].lower_ in ("other", "another")
               and doc[t.i - 1].lower_ in ("at", "with") for t in verb.subtree)


def _only_police_blocked(c: Clause) -> bool:
    """The scene's one unrest word is the police's own "blocked" ("police blocked a march"):
    the crowd did nothing violent."""
    blockers = {m.tok.lower_ for m in c.members if m.frame == "DISPERSE"}
    said = {p.lower() for cues in (c.sent_cues, c.next_cues) for v, p in cues.get("context", ()) if v == "RIOT"}
    return bool(said) and said <= blockers


_HOMES = frozenset({"house", "home", "flat", "apartment", "residence", "window", "door", "bedroom"})


def _thrown_into_a_home(verb) -> bool:
    """The thing thrown went at or through a home's window or door ("hurled through the
    front window of the terraced house")."""
    if verb.dep_ in ("nsubjpass", "dobj"):  # "petrol bombs were hurled through ...": the missile's verb
        verb = verb.head
    return any(g.lemma_.lower() in _HOMES for k in verb.children if k.dep_ == "prep"
               and k.lower_ in ("through", "into", "at", "onto") for g in k.subtree if g.dep_ == "pobj")


def _crowd_control(c: Clause) -> bool:
    """The clause's own words name crowd-control means ("fired rubber bullets and tear gas")."""
    return bool({p for v, p in c.cues.get("context", ()) if v == "INTERVENTION"} & _CROWD_CONTROL)


# what kidnappers, not the police, are paid for the people they hold
_RANSOM = re.compile(r"\bransoms?\b|\breleased\b.{0,80}\bafter\b.{0,60}\bpaid\b", re.I)
# how a sentence opens that turns to another incident ("Earlier, in the village of X, two
# militants were killed in a shootout")
_OTHER_INCIDENT_OPENER = re.compile(r"\s*(?:Earlier|Meanwhile|Elsewhere|Separately|In (?:a|another) (?:separate )?"
                                    r"(?:incident|development))\b")


def _next_tells_its_own(c: Clause) -> bool:
    """The next sentence's deaths are its own incident's, not the force a protest met: it
    turns to another incident, or names the fighting they died in."""
    if _OTHER_INCIDENT_OPENER.match(c.next_text):
        return True
    sent = c.head.tok.sent
    if sent.end >= len(sent.doc):
        return False
    return any((hit := _match_trigger(t, c.lex)) is not None and hit[0] == "CLASH" for t in sent.doc[sent.end].sent)


# where inmates riot: the riot is theirs, whoever protests at its gates
_PRISONS = frozenset({"prison", "jail", "penitentiary", "cellblock"})  # lemmas


def _a_prison_riot(c: Clause) -> bool:
    """"A riot broke out at the state prison": the riot's sentence says it is inside a
    prison, and names no demonstrators or relatives outside it."""
    lemmas = {t.lemma_.lower() for t in c.head.tok.sent}
    return bool(lemmas & (_INMATES | _PRISONS)) and not lemmas & (_PROTESTERS | {"relative"}) \
        and not _over_grievance(c)


_PEACEFUL = re.compile(r"\b(?<!not )(?<!n't )(?<!never )peaceful(?:ly)?\b", re.I)


def _said_peaceful(c: Clause) -> bool:
    """"Police said the rally was peaceful": the words of violence around it are another
    protest's (a past dispersal the next sentence recalls)."""
    return _PEACEFUL.search(c.head.tok.sent.text) is not None


def _protest(c: Clause) -> Typing | None:
    """ACLED: violence BY demonstrators makes a riot; force against peaceful ones is
    excessive when lethal or seriously injuring, an intervention otherwise."""
    if not _about_protest(c) or any(gives_self_up(m.tok) for m in c.members):
        return None  # "two protesters turned themselves in": an arrest, after the protest
    lethal = "LETHAL" in c.sctx or ("LETHAL" in c.wctx and not _next_tells_its_own(c))
    fs, riot_words = c.fs, "RIOT" in c.wctx and not _only_police_blocked(c) and not _said_peaceful(c)
    if "RIOT" in fs and _thrown_at_no_one(c.head.tok) and c.ak not in ("protesters", "rioters") and not (
            _in_riot_scene(c) or _in_protest_scene(c)):
        return Typing(None, "stones thrown, at no one")  # "threw a stone into the lake"; in a riot they are the riot's
    if "RIOT" in fs and _a_prison_riot(c):
        return Typing("MOB_VIOLENCE", "inmates rioted")  # docs/annotation.md: inmates that riot, a mob
    if ("RIOT" in fs or c.ak == "rioters") and not (_in_protest_scene(c) or "PROTEST" in c.wctx or _over_grievance(c)):
        if c.weak and not c.armed and c.agent is None:
            return Typing(None, "bare unrest word")
        if _youths_at_forces(c):
            return Typing("VIOLENT_DEMO", "youths or residents threw at police or troops")
        if c.ctx.young_rioters and not _by_a_mob(c):
            return Typing("VIOLENT_DEMO", "unrest where youths riot")
        if c.agent_role is None and _thrown_into_a_home(c.head.tok) and not _in_riot_scene(c):
            # "petrol bombs were hurled through the window of the house": no crowd, a home's
            # people attacked (ACLED: violence against civilians)
            return Typing("ATTACK_CIVILIANS", "missiles thrown into a home, by no crowd named")
        return Typing("MOB_VIOLENCE", "mob violence")
    by_demonstrators = c.ak in ("protesters", "rioters") and fs & (_VIOLENT | {"LOOT", "CLASH"})
    # "police fired rubber bullets and threw stun grenades": the police threw, no rioter
    police_threw = c.ak in ("state_forces", "government") and _crowd_control(c) and _only_police_threw(c)
    crowd_did = by_demonstrators or (c.agent_role is not None and fs & (_VIOLENT | {"LOOT"})
                                     and c.agent_role.tok.lemma_.lower() in _PARTISANS | _MOB_NOUNS)
    if crowd_did and _at_other_protesters(c):
        # "ruling-party supporters stormed the protest camp": one crowd on another, as
        # communities fighting each other, is a mob's violence (docs/annotation.md)
        return Typing("MOB_VIOLENCE", "a crowd attacked other protesters")
    if _by_a_mob(c) and fs & (_VIOLENT | {"LOOT"}):
        return Typing("MOB_VIOLENCE", "a mob, looters or hoodlums used violence")  # even beside a protest
    if "RIOT" in fs and c.ak not in ("state_forces", "government") and _at_each_other(c.head.tok):
        # "workers of the two parties hurled brickbats at each other": two crowds fighting each
        # other, not demonstrators and the state (docs/annotation.md: communities fighting)
        return Typing("MOB_VIOLENCE", "two crowds threw at each other")
    if ("RIOT" in fs and not police_threw) or by_demonstrators or _turned_violent(c.head.tok) or (
            riot_words and c.pk != "protesters" and not (fs & {"DISPERSE"} and lethal) and not police_threw):
        return Typing("VIOLENT_DEMO", "demonstrators used violence")
    if "BOMB" in fs and c.ak not in ("state_forces", "government"):
        return None  # "nine killed in an election rally blast": a bomb among the crowd, not the police's force
    if _townsfolk_stormed(c):
        return Typing("VIOLENT_DEMO", "residents or students stormed a place in a demonstration's scene")
    if {"LOOT", "PROTEST"} <= fs and c.agent_role is not None and c.ak not in _ARMED_KINDS | {"government"}:
        # "residents set buses on fire in protest": the protest's own destruction
        return Typing("VIOLENT_DEMO", "demonstrators destroyed property")
    if _intervened(c):
        if fs & _VIOLENT and _press_harmed(c):
            return Typing("ATTACK_CIVILIANS", "the press attacked at a demonstration")
        if lethal and not fs <= {"ARREST", "PROTEST"} or (lethal and fs & _VIOLENT):
            if _in_riot_scene(c) and c.ctx.young_rioters and not _dated_apart(c.head.tok.sent):
                return Typing("VIOLENT_DEMO", "lethal force met a crowd that rioted")
            return Typing("EXCESSIVE_FORCE", "protesters met with lethal force")
        if _hurts_protesters(c):
            return Typing("EXCESSIVE_FORCE", "protesters struck by security forces")
        return Typing("PROTEST_INTERVENTION", "protest dispersed/suppressed")
    if c.weak and not c.protest_ctx and (c.agent_role is None or c.ak in _ARMED_KINDS):
        return Typing(None, "weak protest word")
    if _objections(c.head.tok):
        return Typing(None, "protests named as objections overridden")  # "despite their protests, ..."
    if _campaign_rally(c):
        return Typing(None, "a campaign rally or a rally behind someone, not a demonstration")
    if c.weak and c.patient_role is not None and c.patient_role.how == "object" and c.pk not in (
            "protesters", "civilians") and not c.protest_ctx:
        return Typing(None, "gathered something, not a crowd")
    if c.weak and not c.protest_ctx and (_titled(c.agent_role, c.ctx.officials) or _representatives(c.agent_role.tok)
                                         or c.ak in ("government", "international_org")):
        return Typing("CONSULT", "leaders or officials gathered: a meeting")  # "EU leaders gathered to discuss"
    return Typing("PEACEFUL_PROTEST", "demonstration")


_PRESS = frozenset({"journalist", "reporter", "photographer", "photojournalist", "cameraman", "camerawoman",
                    "correspondent", "videographer"})


def _press_harmed(c: Clause) -> bool:
    """"Three journalists were assaulted while covering the march": the press at a
    demonstration is no part of its crowd; force on it is an attack on civilians (ACLED)."""
    return c.patient_role is not None and _of_whom(c.patient_role.tok).lemma_.lower() in _PRESS


_CAMPAIGN = frozenset({"campaign", "election", "electoral", "reelection", "re-election", "victory", "stump"})
_SPEAKING = frozenset({"speak", "say", "tell", "address", "appear", "campaign", "stump"})


def _campaign_rally(c: Clause) -> bool:
    """A rally that is a campaign's, not a demonstration (docs/annotation.md): called a
    campaign rally, held by a person (a candidate holds rallies, a party or a crowd
    protests), one someone speaks at ("said at a rally in Novi"), or a rallying behind
    a person ("if blacks don't rally for Hillary Clinton")."""
    tok = c.head.tok
    if tok.lemma_.lower() != "rally":
        return False
    if any(k.dep_ in ("compound", "amod") and k.lemma_.lower() in _CAMPAIGN for k in tok.children):
        return True
    if any(k.dep_ == "prep" and k.lower_ in ("for", "behind") and any(
            g.dep_ == "pobj" and g.ent_type_ == "PERSON" for g in k.children) for k in tok.children):
        return True
    holder = c.agent_role.tok if c.agent_role is not None else None
    if tok.pos_ == "NOUN" and holder is not None and holder.ent_type_ == "PERSON" and c.head.anchor.i != tok.i:
        return True  # "Mrs. Clinton has held rallies before large crowds"
    return tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.lower_ == "at" and (
        tok.head.head.lemma_.lower() in _SPEAKING)


def _objections(tok) -> bool:
    """"Despite (their) protests": objections someone overrode, told by no crowd or number."""
    return tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.lower_ in ("despite", "notwithstanding") \
        and not any(k.dep_ in ("nummod", "prep", "amod", "compound") for k in tok.children)


_BECOMING = frozenset({"turn", "become", "grow", "get"})
_UNRULY = frozenset({"violent", "unruly", "chaotic", "deadly", "bloody", "ugly", "riotous"})


def _turned_violent(tok) -> bool:
    """"The protests turned (very) violent", "the march became unruly"."""
    verb = tok.head if tok.dep_ in ("nsubj", "nsubjpass") else tok
    return verb.lemma_.lower() in _BECOMING and any(
        k.dep_ in ("acomp", "oprd", "xcomp") and k.lemma_.lower() in _UNRULY for k in verb.children)


def _hurts_protesters(c: Clause) -> bool:
    """Security forces striking the demonstrators themselves ("police beat a protester"),
    not dispersing them with tear gas or rubber bullets: ACLED's excessive force."""
    return bool(c.fs & _VIOLENT) and c.pk == "protesters" and c.ak in ("state_forces", "government") \
        and not _crowd_control(c)


_AUTHORITIES = frozenset({"state_forces", "government", "external_forces"})
# what is blocked as a way in or out of a place ("blocked the entrance to the grounds")
_WAYS_IN = frozenset({"entrance", "gate", "access", "entry", "exit", "ground", "venue", "way", "path", "door",
                      "square"})


def _a_way_in(c: Clause) -> bool:
    p = c.patient_role
    return p is not None and ("BUILDING" in c.pctx or p.tok.lemma_.lower() in _WAYS_IN)


def _road_blocked(c: Clause) -> Typing:
    """Roads blocked by people: ACLED counts road-blocking with barricades, tyres or other
    material among the destructive acts of a violent demonstration (conventions.md); by
    the authorities, a road closed, no protest."""
    if c.ak in _AUTHORITIES:
        return Typing(None, "a road closed by the authorities, no protest")
    if c.ak in _ARMED_KINDS:
        return Typing(None, "a road blocked by an armed group: no demonstration")
    return Typing("VIOLENT_DEMO", "roads blocked by demonstrators")


def _townsfolk_stormed(c: Clause) -> bool:
    """"Hundreds of residents and students forced their way into a shelter", in a
    demonstration's scene: the crowd's violence, not the police's answer to it."""
    a = c.agent_role
    return a is not None and c.ak in ("civilians", None) and not c.armed and _in_protest_scene(c) and any(
        m.tok.lemma_.lower() in ("storm", "force") for m in c.members if m.frame == "ATTACK") and (
        _of_whom(a.tok).lemma_.lower() in _TOWNSFOLK | _DEMONSTRATORS)


def _intervened(c: Clause) -> bool:
    fs = c.fs
    if "DISPERSE" in fs or fs & (_VIOLENT | {"ARREST"}) or "INTERVENTION" in c.ctxv:
        return True
    return bool("INTERVENTION" in c.wctx and fs & {"PROTEST"} and not (fs - {"PROTEST"}) and c.lone
                and ("INTERVENTION" in _values(c.next_cues, "context")) is False)


def _sexual(c: Clause) -> Typing | None:
    return Typing("SEXUAL_VIOLENCE", "sexual violence") if "SEXUAL" in c.fs else None


_REFLEXIVES = frozenset({"himself", "herself", "themselves", "itself", "myself", "yourself", "ourselves",
                         "oneself", "yourselves"})


_SUICIDE_ATTACKER = re.compile(r"\b(?:bombs?|bombers?|bombings?|explosives?|suicide)\b", re.I)


# what words are said in: "attacked Machado in early-morning tweets", "in a speech"
_UTTERANCES = frozenset({"tweet", "speech", "interview", "statement", "remark", "post", "column", "op-ed", "ad",
                         "advertisement", "debate", "letter", "video", "book", "article", "essay", "editorial",
                         "podcast", "broadcast", "address", "message", "blog"})


def _verbal_attack(c: Clause) -> Typing | None:
    """An attack told in words ("attacked Machado in tweets") is an accusation, not violence."""
    verb = c.head.tok
    if c.fs != {"ATTACK"} or verb.pos_ != "VERB" or c.weapons:
        return None
    said_in = [g for k in verb.children if k.dep_ == "prep" and k.lower_ in ("in", "on", "during", "via", "with")
               for g in k.children if g.dep_ == "pobj"]
    said_in += [of_object(g) for g in said_in]  # "in a series of tweets"
    return Typing("ACCUSE", "attacked in words") if any(
        g is not None and g.lemma_.lower() in _UTTERANCES for g in said_in) else None


def _only_oneself(c: Clause) -> bool:
    p = c.patient_role
    return p is not None and p.tok.lower_ in _REFLEXIVES and not any(k.dep_ == "conj" for k in p.tok.children)


def _suicide_named(c: Clause) -> bool:
    """A suicide attack named by more than the clause's own killing of oneself: "a suicide
    vest", "blew himself up"; not "veterans were killing themselves", which is no attack."""
    return any(v == "SUICIDE" and not phrase.startswith(("killing ", "killed ", "kill "))
               for v, phrase in c.cues.get("weapon", ()))


def _a_states_strikes(c: Clause) -> bool:
    return c.ak in ("state_forces", "external_forces") and any(
        m.frame == "STRIKE" and m.tok.pos_ == "NOUN" for m in c.members) and not _labour_strike(c, False)


def _bare_strikes(c: Clause) -> bool:
    """"The strikes hit the port", "further strikes were reported": strikes by no named
    side (or a state), no labour strike, no other weapon named."""
    return c.ak in (None, "state_forces", "external_forces") and not c.weapons and any(
        m.frame == "STRIKE" and m.tok.pos_ == "NOUN" for m in c.members) and not _labour_strike(c, False) \
        and "PROTEST" not in c.ctxv


# organised armed groups a crime's words may name ("the drug gangs", "a cartel cell"): their
# shootings are armed violence, not the petty crime a robbery or a theft is
_GANG_WORDS = frozenset({"gang", "gangs", "cartel", "cartels", "mafia", "mafias", "clan", "clans", "camorra",
                         "ndrangheta", "'ndrangheta", "syndicate", "syndicates", "triad", "triads", "yakuza",
                         "hitman", "hitmen"})


def _gangs_named(c: Clause) -> bool:
    return any(t.lower_ in _GANG_WORDS for t in c.head.tok.sent)


# herds driven off in a raid: the armed raiding of pastoral conflict, which ACLED codes, not a theft
_LIVESTOCK = re.compile(r"\b(?:cattle|livestock|cows|goats|camels|sheep|herds?)\b", re.I)


def _violence(c: Clause) -> Typing | None:
    fs = c.fs
    if not fs & _VIOLENT:
        return None
    if _only_oneself(c) and not ("BOMB" in fs or c.tactic == "IED" or _suicide_named(c) or (
            c.agent_role is not None and _SUICIDE_ATTACKER.search(_phrase_text(c.agent_role.tok)))):
        # "suicide bombers blew themselves up" is an attack; "a suicide bomber killed himself
        # and 12 others" harmed others too
        return Typing(None, "harm done to oneself")  # "shot himself", "a police officer killed himself"
    tactic = "AIR" if "AIRSTRIKE" in fs else "SHELLING" if "SHELL" in fs and c.tactic is None else c.tactic
    if tactic is None and _a_states_strikes(c) and not c.harmless_ctx:
        # "Israeli strikes killed 12": a state's strikes, no other weapon named, are from the air
        return Typing("AIR", "a state's strikes, no weapon named")
    if fs == {"STRIKE"} and tactic is None and (_labour_strike(c, False) or "PROTEST" in c.ctxv):
        return Typing("PEACEFUL_PROTEST", "labour strike")
    if tactic is None and c.ctx.air_strikes and _bare_strikes(c) and not c.harmless_ctx:
        return Typing("AIR", "strikes, in a report of air strikes")
    if c.harmless_ctx:
        return Typing(None, "disaster/accident context")
    if "CRIME" in c.sctx and tactic is None and c.ak not in _ARMED_KINDS and c.pk not in _ARMED_KINDS and \
            not _gangs_named(c) and not _LIVESTOCK.search(c.head.tok.sent.text):
        return Typing(None, "crime context")
    if tactic == "CHEMICAL" and _poisoned_outside_war(c):
        # ACLED's chemical weapon is one used in war; poisoning a named person is an attack
        return Typing("ATTACK_CIVILIANS", "a named person poisoned, outside armed conflict")
    if tactic == "IED" and _armed_attackers_killed(c):
        # "forces ended the siege, killing four gunmen who had stormed it after a car bomb":
        # the attackers fell in the fighting; the bomb of their assault types no killing of them
        return Typing("ARMED_CLASH", "armed attackers killed in the fighting")
    if tactic == "IED" and ("SHOOT" in fs and _fired_on_forces(c) or _gunfire_beside_the_bomb(c)):
        # "detonated mines and opened fire on the convoy": an ambush, a battle (ACLED codes
        # the fighting an explosive opens as the battle)
        return Typing("ARMED_CLASH", "an ambush: explosives and gunfire on an armed side")
    if tactic in ("SHELLING", "GRENADE") and _mixed_arms_assault(c):
        return Typing("ARMED_CLASH", "a ground assault with small arms and explosives on an armed side")
    if tactic:
        named = next((p for v, p in c.cues.get("weapon", ()) if v == tactic), None)
        return Typing(tactic, f"weapon cue '{named}'" if named else "trigger names the tactic")
    return _search(c) or _bombing(c) or _untyped_violence(c)


def _gunfire_beside_the_bomb(c: Clause) -> bool:
    """"Attacked a security convoy with an improvised explosive device and gunfire", "a
    roadside bomb struck one of the vehicles, after which the attackers opened fire": a bomb
    on troops, police or their convoy or post, with shooting in its own clause, opens an
    ambush (ACLED codes it as the battle), by no state's forces."""
    armed_target = c.patient_armed or "ARMED_TARGET" in c.pctx or (
        c.patient_role is not None and _armed_side(c.patient_role.tok, c.lex))
    if not armed_target or c.ak in ("state_forces", "external_forces"):
        return False
    top = c.head.anchor if c.head.anchor is not None else c.head.tok
    doc = top.doc

    def contrasted(k) -> bool:  # "..., while in September a constable was shot dead": another incident
        return any(m.dep_ == "mark" and m.lower_ in ("while", "whereas") for m in k.children)
    return any(doc[i].lower_ == "gunfire" or ((hit := _match_trigger(doc[i], c.lex)) is not None and hit[0] == "SHOOT")
               for i in _clause_tokens(top, contrasted))  # its own clause's shooting


def _mixed_arms_assault(c: Clause) -> bool:
    """"Militants armed with rocket launchers, grenades and automatic weapons attacked the
    police station": rockets or grenades carried with guns into an assault on troops, police
    or their post are the weapons of a battle (ACLED codes the ground assault as the clash),
    not a shelling from afar."""
    sentence_weapons = {v for v, _ in c.sent_cues.get("weapon", ())}
    return "ARMED" in sentence_weapons and bool(c.fs & {"ATTACK", "KILL", "SHOOT", "CLASH"}) and (
        c.patient_armed or "BASE_NOUN" in c.pctx) and c.ak not in ("state_forces", "external_forces")


def _poisoned_outside_war(c: Clause) -> bool:
    """"Poisoned", or "the Skripals were found ... in a nerve agent attack" (a chemical's
    victim named as a person), by no armed actor, in a sentence of no war."""
    if "CONFLICT" in c.wctx or c.ak in _ARMED_KINDS:
        return False
    if c.head.tok.lemma_.lower() in ("poison", "poisoning"):
        return True
    r = c.patient_role
    if r is not None and r.tok.lower_ in _PERSONAL:
        return True  # "they were attacked March 4 with a nerve agent"
    if r is None or r.tok.pos_ != "PROPN":
        return False
    word = r.tok.lower_
    return r.tok.ent_type_ == "PERSON" or word in c.ctx.names or word.removesuffix("s") in c.ctx.names


_SEARCH_WORDS = frozenset({"raid", "search", "storm", "force"})  # "force": "forced their way into a home"
# a crowd named as such, which does violence as a mob; and crowds that search nothing
_MOB_NOUNS = frozenset({"crowd", "mob", "throng"})
# who riots as no demonstrator does, whatever protest is near: docs/annotation.md codes "a mob
# that riots" as mob violence, and the reports' own word for such a crowd says so
_MOB_AGENTS = frozenset({"mob", "hoodlum", "looter"})


def _by_a_mob(c: Clause) -> bool:
    """"Hoodlums torched police stations", "a mob set fire to the building", "looters
    emptied shops": the agent is named as a mob, not as demonstrators."""
    r = c.agent_role
    return r is not None and r.tok.lemma_.lower() in _MOB_AGENTS
_CROWDS = _MOB_NOUNS | {"protester", "demonstrator", "rioter", "youth", "gang"}


def _search(c: Clause) -> Typing | None:
    """Security forces raiding or searching a home or an office coerce; they do not attack
    (PLOVER COERCE): "his house was raided", "police searched the offices"."""
    if c.head.tok.lemma_.lower() not in _SEARCH_WORDS or c.armed and c.ak not in (None, "state_forces", "government"):
        return None
    crowd = c.agent_role is not None and c.agent_role.tok.lemma_.lower() in _CROWDS
    if c.ak in ("protesters", "rioters", "civilians") or crowd:
        return None  # "a crowd stormed the building": no search, a riot
    if "BUILDING" in c.pctx and not c.fs & {"LOOT"}:  # "stormed and set on fire": no search
        return Typing("COERCE", "premises raided or searched")
    # "a series of raids by Montreal police": the police's raids harm no one named
    if c.patient_role is None and c.ak in ("state_forces", "government") and c.fs == {"ATTACK"} \
            and "LETHAL" not in c.ctxv:
        return Typing("COERCE", "raids by the authorities")
    return None


def _bombing(c: Clause) -> Typing | None:
    fs = c.fs
    if "BOMB" not in fs:
        return None
    # "radical Islamists bombed the World Trade Center": someone bombing something is a bombing
    someone_bombed = any(m.tok.pos_ == "VERB" and m.tok.lemma_.lower() == "bomb" and c.agent_role is not None
                         and any(k.dep_ == "dobj" for k in m.tok.children) for m in c.members)
    if fs <= {"BOMB", "KILL"} and not c.armed and not someone_bombed and not _BOMB_WORD.search(
            " ".join(t.text for m in c.members for t in m.tok.subtree if t.i <= m.tok.i)):
        # an explosion in a report that names bombs is one, unless its sentence tells an
        # accident ("a gas explosion"); elsewhere it may be one
        # a blast that kills or wounds soldiers or police is one too ("an explosion killed
        # three soldiers"), unless it is an accident
        if (not c.ctx.bombs_named and not (c.patient_armed and fs == {"BOMB", "KILL"})) or c.harmless_ctx:
            return Typing(None, "explosion without weapon or armed actor")
    if c.ak in ("state_forces", "external_forces") or (someone_bombed and c.ak == "government"):
        return Typing("AIR", "bombing by a state without other weapon cue")
    fired = _values(c.sent_cues, "weapon") & {"SHELLING", "AIR"}
    bomb_named = _BOMB_WORD.search(" ".join(m.tok.text for m in c.members))
    if fs <= {"BOMB", "KILL"} and fired and not bomb_named:  # "explosions rocked the area as militants fired rockets"
        tactic = "AIR" if "AIR" in fired else "SHELLING"
        return Typing(tactic, f"explosions of the {tactic.lower()} its sentence tells")
    if c.ctx.air_bombs and c.tactic is None and _a_bomb_fell(c):
        return Typing("AIR", "a bomb that hit, in a report of bombs dropped from the air")
    if c.ctx.air_strikes and not c.ctx.planted_bombs and c.tactic is None and _a_bomb_fell(c, _FELL_FROM_ABOVE):
        # "a bomb fell on houses", in a report of air strikes and of no bomb planted: dropped
        return Typing("AIR", "a bomb that fell, in a report of air strikes")
    if c.ctx.shelling and not c.ctx.planted_bombs and c.tactic is None and _a_bomb_fell(c, _FELL_FROM_ABOVE):
        # "a bomb fell near a school", in a report of shelling and of no bomb planted: a shell
        return Typing("SHELLING", "a bomb that fell, in a report of shelling")
    if c.ctx.air_strikes and not c.ctx.planted_bombs and c.tactic is None and all(
            m.tok.lemma_.lower() in ("bombing", "bombings") for m in c.members if m.frame == "BOMB"):
        # "killed in the bombing" in a report of drone and air strikes that names no bomb
        # planted, driven or worn: the strikes' bombing
        return Typing("AIR", "a bombing, in a report of air strikes and of no planted bomb")
    return Typing("IED", "bombing without aircraft, artillery or suicide cue")


_FELL = frozenset({"hit", "strike", "fall", "land", "slam", "drop"})
_FELL_FROM_ABOVE = frozenset({"fall", "drop"})  # what a car bomb or a planted one never does


def _a_bomb_fell(c: Clause, verbs: frozenset[str] = _FELL) -> bool:
    """"A second bomb struck an open area", "bombs fell on the district": a bomb that hit
    somewhere, with no word of its being planted, set off or driven (the clause names no
    other tactic)."""
    for m in c.members:
        t = m.tok
        if t.lemma_.lower() == "bomb" and t.dep_ in ("nsubj", "dobj") and t.head.lemma_.lower() in verbs and not any(
                k.dep_ == "compound" for k in t.children):  # "a car bomb hit": the tactic cue may not know the car
            return True
    return False


# military campaigns, fought against the forces that hold a place, whatever place they name
_OFFENSIVES = frozenset({"offensive", "counteroffensive", "counter-offensive"})


def _offensive(c: Clause) -> bool:
    return any(m.tok.lemma_.lower() in _OFFENSIVES for m in c.members)  # the head is a member


_UNKNOWN_SHOOTERS = frozenset({"man", "assailant", "attacker", "individual", "person", "youth"})


def _unknown_men_fired(c: Clause) -> bool:
    """"Two men on a scooter opened fire on a group", "a man fired six shots at the bar": men
    the report cannot name who shoot at people or places are gunmen (docs/annotation.md: a
    shooting of civilians by a gunman is an Attack), not a quarrel between persons ("a man
    shot his neighbour": a victim of his own is a crime)."""
    if "SHOOT" not in c.fs or c.agent_role is None:
        return False
    who = _of_whom(c.agent_role.tok)
    indefinite = not any(k.dep_ == "det" and k.lower_ in ("the", "this", "that", "his", "her", "their")
                         for k in who.children) and who.ent_type_ != "PERSON"
    victim = c.patient_role.tok if c.patient_role is not None else None
    own = victim is not None and (victim.lemma_.lower() in _KIN or any(k.dep_ == "poss" for k in victim.children))
    return who.lemma_.lower() in _UNKNOWN_SHOOTERS and indefinite and not own


# property a raid may be on ("raided a pineapple farm"), where no one need be hurt
_PROPERTY = frozenset({"farm", "plantation", "estate", "shop", "store", "warehouse", "factory", "mine", "quarry",
                       "site", "office", "depot", "ranch", "mill", "compound", "premises", "property"})
_NO_ONE_HURT = re.compile(r"\bno (?:one|body|casualties|injuries)\b|\bnobody\b", re.I)


def _raid_on_property(c: Clause) -> bool:
    """"About 20 rebels raided a pineapple farm ..., burning two trucks and a farm tractor.
    No one was hurt": an armed raid on property that destroyed or took things and hurt no
    one is ACLED's looting/property destruction, not an attack on civilians."""
    r = c.patient_role
    if "ATTACK" not in c.fs or not c.fs <= {"ATTACK", "LOOT"} or r is None or r.tok.lemma_.lower() not in _PROPERTY \
            or c.ak not in _ARMED_KINDS:
        return False
    sent = c.head.tok.sent
    frames = {hit[0] for t in sent if (hit := _match_trigger(t, c.lex)) is not None}
    harmed = frames & {"KILL", "SHOOT", "ABDUCT", "SEXUAL"}
    return "LOOT" in frames and not harmed and bool(_NO_ONE_HURT.search(sent.text + " " + c.next_text))


# where civilians live or travel, attacked by no armed group named
_PEOPLES_PLACES = SETTLEMENT_NOUNS - {"city", "commune", "kebele", "barangay", "locality"} | {
    "home", "house", "homestead", "bus", "minibus", "aircraft", "plane", "airplane", "airliner"}


# what a vehicle does that makes it carry civilians ("a van carrying Chinese engineers")
_CARRYING = frozenset({"carry", "transport", "ferry"})


def _peoples_place(tok) -> bool:
    """Where civilians live or travel: a village, a home, a bus, or a vehicle "carrying
    Chinese workers"."""
    lemma = tok.lemma_.lower()
    return lemma in _PEOPLES_PLACES or (lemma in _TRAFFIC and any(
        k.dep_ == "acl" and k.lemma_.lower() in _CARRYING for k in tok.children))


# the people of a place (not of a trade or a cause), in the plural: when they beat or kill
# someone, a mob
_PLACES_PEOPLE = _TOWNSFOLK - {"student", "youth", "worker", "protester", "demonstrator"} | {"neighbour", "neighbor"}


def _townsfolk_on_someone(c: Clause) -> bool:
    """"A man was beaten by villagers on suspicion of cattle theft", "residents lynched a
    suspected thief": a place's people who harm someone (no armed side, no forces) are a mob
    (ACLED: mob violence); against police or troops they are demonstrators (docs/annotation.md)."""
    a = c.agent_role
    return a is not None and a.tok.tag_ in ("NNS", "NNPS") and a.tok.lemma_.lower() in _PLACES_PEOPLE \
        and not c.patient_armed and c.pk not in _ARMED_KINDS and "ARMED" not in c.weapons


def _on_peoples_place(c: Clause) -> bool:
    """An attack or a shooting on where civilians live or travel."""
    return c.patient_role is not None and _peoples_place(c.patient_role.tok) and any(
        m.frame in ("ATTACK", "SHOOT") for m in c.members)


def _untyped_violence(c: Clause) -> Typing:
    """Violence with no weapon cue: by whom on whom decides."""
    crowd = c.agent_role is not None and (c.agent_role.tok.lemma_.lower() in _MOB_NOUNS or _townsfolk_on_someone(c))
    if c.ak == "rioters" or crowd:
        return Typing("MOB_VIOLENCE", "mob attack")  # "a crowd stormed the building and set it on fire"
    if _raid_on_property(c):
        return Typing("LOOTING", "a raid on property that burned or took things and hurt no one")
    if c.patient_armed and c.ak != "state_forces" and _stones_against_forces(c):
        # "the security forces were attacked with stones and Molotov cocktails": a crowd's missiles
        return Typing("VIOLENT_DEMO", "security forces attacked with stones or petrol bombs")
    if (c.patient_armed or "BASE_NOUN" in c.pctx) and (c.ak in _ARMED_KINDS or c.ak is None):
        return Typing("ARMED_CLASH", "armed actor attacked")
    if _fired_on_forces(c) and c.ak in _ARMED_KINDS - {"state_forces"}:
        # "Pvt. Kaleb was shot dead when gunmen opened fire on a patrol": whom the fire was
        # opened on says whom it was fought with, whoever of them the clause names
        return Typing("ARMED_CLASH", "fire opened on troops, police or their post")
    if c.ak in _ARMED_KINDS - {"state_forces"} and _fire_that_began_a_fight(c):
        return Typing("ARMED_CLASH", "fire opened in a fight its sentence names")
    if c.ak in _ARMED_KINDS and _offensive(c):
        # "rebels launched an offensive on Loikaw": a campaign against the forces holding it
        return Typing("ARMED_CLASH", "an armed side's offensive")
    if c.ak in _ARMED_KINDS or "ARMED" in c.weapons:
        return Typing("ATTACK_CIVILIANS", "armed actor harmed civilians")
    if c.ak is None and _on_peoples_place(c):
        # "a Fulani hamlet was attacked by men described as hunters", "a passenger bus was
        # fired on near the village": violence on where civilians live or travel
        return Typing("ATTACK_CIVILIANS", "a village, a home or a passenger vehicle attacked")
    if c.weak and not c.armed and not _press_harmed(c) and not (
            c.head.tok.lemma_.lower() == "poison" and c.patient_role is not None and (
            c.agent_role is not None or c.patient_role.tok.ent_type_ == "PERSON")):  # "X was poisoned": harm
        return Typing(None, "weak violence word without armed actor")
    if c.ak == "civilians" and c.patient_armed and (c.fs & {"KILL", "SHOOT"} or "ARMED" in c.weapons):
        # "a man killed a police officer": whoever kills or shoots security forces is an
        # armed attacker, and ACLED codes fighting with state forces as a clash
        return Typing("ARMED_CLASH", "a person killed or shot security forces")
    if _political_victim(c):
        return Typing("ATTACK_CIVILIANS", "a public figure attacked")  # ACLED: political violence, not crime
    if c.ak == "civilians" and _group_in_a_crowds_scene(c):
        if c.ctx.young_rioters:
            return Typing("VIOLENT_DEMO", "a group attacking where youths riot or demonstrate")
        return Typing("MOB_VIOLENCE", "a group attacking in a riot's or a demonstration's scene")
    if c.ak in ("civilians", None) and _band_of_people(c):
        return Typing("MOB_VIOLENCE", "a band of people attacked")  # "a group of about 30 men ambushed fans"
    if c.ak == "civilians" and c.agent_role is not None and c.agent_role.tok.tag_ in ("NNS", "NNPS") \
            and _on_peoples_place(c):  # "illegal miners opened fire on a community": armed, whoever they are
        return Typing("ATTACK_CIVILIANS", "a band attacked a village, a home or a vehicle")
    if c.ak == "civilians" and _unknown_men_fired(c):
        return Typing("ATTACK_CIVILIANS", "men no one names opened fire: gunmen")
    if c.ak == "civilians":
        return Typing(None, "violence between individuals (crime)")
    return Typing("ATTACK_CIVILIANS", "violence against civilians, perpetrator unstated")


def _group_in_a_crowds_scene(c: Clause) -> bool:
    """"Masked men had broken away and were attacking houses": men in the plural, with no
    weapon or armed kind, who attack property or people where a riot or a demonstration is
    told are a mob (docs/annotation.md), not a crime between individuals."""
    r = c.agent_role
    if r is None or r.tok.tag_ not in ("NNS", "NNPS") or c.armed or c.fs & {"KILL", "SHOOT"}:
        return False
    return _in_protest_scene(c) or _in_riot_scene(c)


# victims whose killing or shooting ACLED counts as political violence, not crime: social and
# community leaders, activists, journalists, politicians, officials of the state's justice
_PUBLIC_FIGURES = frozenset({"activist", "journalist", "reporter", "defender", "unionist", "trade-unionist",
                             "politician", "mayor", "councillor", "councilor", "councilman", "councilwoman",
                             "candidate", "lawmaker", "legislator", "senator", "judge", "prosecutor", "cleric",
                             "imam", "priest"})
_LEADER_KINDS = frozenset({"community", "social", "indigenous", "tribal", "opposition", "union", "party",
                           "religious", "village", "student", "rights"})


def _political_victim(c: Clause) -> bool:
    """"A community leader was shot dead", "gunmen killed a journalist": a public figure."""
    p = c.patient_role
    if p is None or not c.fs & {"KILL", "SHOOT", "ATTACK"}:
        return False
    lemma = p.tok.lemma_.lower()
    mods = {k.lower_ for k in p.tok.children if k.dep_ in ("compound", "amod")}
    return lemma in _PUBLIC_FIGURES | _PRESS or (lemma == "leader" and bool(mods & _LEADER_KINDS))


# verbs of arrest that mostly mean something else: a person caught or picked up by the
# police ("was caught in the area, police said") is arrested, a fish or a child is not
_LOOSE_ARRESTS = frozenset({"catch", "pick", "track"})
_RECORDERS = frozenset({"camera", "video", "tape", "film", "surveillance", "cctv", "footage", "audio"})


def _police_say(c: Clause) -> bool:
    """The sentence names the police (as the speaker, or anywhere in it), or an operation
    only they run ("caught after a raid on her home")."""
    return any(t.lower_ in _OFFICERS or t.lemma_.lower() in _POLICE_OPERATIONS for t in c.head.tok.sent)


# words of custody and charge: people picked up where a sentence tells of them were taken by
# the authorities ("picked up and taken to the gendarmerie", "the accused, who were picked up")
_CUSTODY = frozenset({"gendarmerie", "custody", "court", "charge", "accused", "remand", "detain", "detention",
                      "bail", "jail", "prison", "cell", "interrogation"})


def _custody_told(c: Clause) -> bool:
    return any(t.lemma_.lower() in _CUSTODY for t in c.head.tok.sent)


def _for_questioning(c: Clause) -> bool:
    """"Picked up for questioning": a taking only the police do, and only of people."""
    sent = c.head.tok.sent
    return any(t.lower_ == "for" and t.i + 1 < sent.end and t.nbor().lower_ == "questioning" for t in sent)


def _arrest(c: Clause) -> Typing | None:
    if "ARREST" not in c.fs:
        return None
    if any(g.lemma_.lower() in _RECORDERS for m in c.members for k in m.tok.children if k.lower_ == "on"
           for g in k.children):
        return Typing(None, "caught on camera: recorded, not arrested")
    loose = all(m.tok.lemma_.lower() in _LOOSE_ARRESTS for m in c.members if m.frame == "ARREST")
    if loose and not _taken_by_police(c):
        return Typing(None, "caught or picked up something, not by the police")  # "Police catch murder suspect"
    if any(m.tok.lemma_.lower() == "turn" and not gives_self_up(m.tok) for m in c.members if m.frame == "ARREST"):
        return Typing(None, "turned something in, not oneself")  # "turned in the gun", "turned in his report"
    if any(_evaded(m.tok) for m in c.members if m.frame == "ARREST"):
        return Typing(None, "an arrest evaded or resisted: a charge's name")  # "a charge of evading arrest"
    if c.ak in _NON_STATE:
        return Typing("ABDUCTION", "non-state 'arrest'")
    if _unknown_men(c.agent_role):
        return Typing("ABDUCTION", "taken by masked or unknown men, no authority named")
    if c.agent_role is not None and _of_whom(c.agent_role.tok).lemma_.lower() in _NO_AUTHORITY:
        # "relatives of the kidnapped traders detained three people from the area": a taking
        # by people who hold no office is an abduction (ACLED), whatever verb tells it
        return Typing("ABDUCTION", "taken by relatives, residents or tribesmen")
    if any(_for_a_term(m.tok) for m in c.members if m.frame == "ARREST"):
        return Typing("SANCTION", "jailed for a term: a sentence")  # "was jailed for 11 months"
    return Typing("ARRESTS", "detention by authorities")


_TERMS = frozenset({"year", "month", "week", "day", "life"})


def _for_a_term(verb) -> bool:
    """"jailed for 11 months", "imprisoned for life": a prison term, which a court gives."""
    return verb.lemma_.lower() in ("jail", "imprison") and any(
        k.lower_ == "for" and any(g.lemma_.lower() in _TERMS for g in k.children if g.dep_ == "pobj")
        for k in verb.children)


# people who hold no office: whom they take away they abduct
_NO_AUTHORITY = frozenset({"relative", "family", "kinsman", "resident", "villager", "local", "neighbour", "neighbor",
                           "tribesman", "clansman", "youth"})
# people unnamed and hiding who they are: who takes someone away as they do is no authority
_FACELESS = frozenset({"masked", "unknown", "unidentified", "hooded", "balaclava-clad"})
_FACELESS_PEOPLE = frozenset({"man", "gunman", "individual", "people", "person", "assailant", "stranger"})


def _unknown_men(agent) -> bool:
    """"Detained by masked men", "unknown men took him": ACLED codes a taking by unidentified
    people as an abduction, not an arrest (no authority says it holds him). Men "in plain
    clothes" are often the police, whom a prosecutor then says hold them: an arrest."""
    if agent is None or agent.tok.lemma_.lower() not in _FACELESS_PEOPLE:
        return False
    return any(k.lower_ in _FACELESS for k in agent.tok.children if k.dep_ in ("amod", "compound"))


def _taken_by_police(c: Clause) -> bool:
    """A person (or an armed or civilian side) taken, by the police or where the sentence
    names them."""
    if c.patient_role is None:
        return False
    questioned = _for_questioning(c)
    person = c.pk in ("civilians", *_ARMED_KINDS) or _a_person(c.patient_role.tok, c) or questioned
    # "picked up her children": someone's own people are collected, whatever court is near
    owned = any(k.dep_ == "poss" for k in c.patient_role.tok.children)
    from_home = _from_their_homes(c)
    return (person or from_home) and (c.ak in ("state_forces", "government") or (
        c.ak is None and (questioned or from_home or _police_say(c) or (_custody_told(c) and not owned))))


def _from_their_homes(c: Clause) -> bool:
    """"Office bearers who were picked up from their homes", "picked up at his home in
    Bonamoussadi": people taken from their own homes by no one named are taken into custody
    (docs/annotation.md: an arrest with no named agent is by the country's police)."""
    for m in c.members:
        for prep in (k for k in m.tok.children if k.dep_ == "prep" and k.lower_ in ("from", "at", "in")):
            if any(g.lemma_.lower() == "home" and any(k.dep_ == "poss" for k in g.children) for g in prep.children):
                return c.agent_role is None and c.patient_role is not None
    return False


_EVADING = frozenset({"evade", "evading", "resist", "resisting", "avoid", "avoiding", "elude", "eluding", "flee",
                      "fleeing", "escape", "escaping"})


def _evaded(noun) -> bool:
    """"Resisting arrest", "evading arrest/detention": the arrest is what the crime
    evades, told as the charge's name (the tagger makes "evading" a verb or a modifier)."""
    if noun.pos_ != "NOUN":
        return False
    near = [noun.head] if noun.dep_ in ("dobj", "nmod", "compound", "conj") else []
    near += [k for k in noun.children if k.dep_ in ("amod", "compound")]
    near += [k for h in near if h.dep_ in ("nmod", "compound", "conj") for k in h.head.children if k.dep_ == "amod"]
    return any(t.lower_ in _EVADING or t.lemma_.lower() in _EVADING for t in near if t.i < noun.i)


def _abduct(c: Clause) -> Typing | None:
    if "ABDUCT" not in c.fs:
        return None
    if c.weak and not c.armed and c.agent is None:
        return Typing(None, "weak disappearance word")
    gone = c.agent_role.tok if c.agent_role is not None and c.agent_role.how == "subject" else None
    if all(m.tok.lemma_.lower() == "disappear" for m in c.members) and gone is not None and not (
            (gone.ent_type_ == "PERSON" and gone.pos_ == "PROPN") or gone.lemma_.lower() in _PERSON_NOUNS
            or c.ak == "civilians"):
        return Typing(None, "a thing disappeared")  # "the jet disappeared with 239 people on board"
    if all(m.tok.lemma_.lower() == "take" and "away" in m.phrase.lower() for m in c.members) and not _people_taken(c):
        return Typing(None, "things taken away")  # "the attackers took away weapons", "livestock was taken away"
    return Typing("ABDUCTION", "abduction")


def _people_taken(c: Clause) -> bool:
    """What "taken away" takes is people: a person, a people's noun, or civilians by their words."""
    r = c.patient_role
    if r is None:
        return False
    tok = r.tok
    return (tok.ent_type_ == "PERSON" and tok.pos_ == "PROPN") or tok.lemma_.lower() in _PERSON_NOUNS or \
        c.pk == "civilians" or "civilians" in c.pkinds


def _people_did_it(c: Clause) -> bool:
    """The clause's agent is people (an actor, a person, or a group in the plural), not a
    thing ("a fault", "a candle")."""
    r = c.agent_role
    return r is not None and (c.ak not in (None, "other") or r.tok.tag_ in ("NNS", "NNPS")
                              or r.tok.lemma_.lower() in _PERSON_NOUNS or r.tok.ent_type_ == "PERSON")


def _loot(c: Clause) -> Typing | None:
    if "LOOT" not in c.fs:
        return None
    if c.harmless_ctx:
        return Typing(None, "disaster/accident context")
    if all(m.tok.lemma_.lower() == "start" for m in c.members) and not _people_did_it(c):
        # "youths started a fire in the foyer" is arson; "a fault started a fire" is no act
        return Typing(None, "a fire started by no one named")
    if _by_a_mob(c):
        return Typing("MOB_VIOLENCE", "a mob, looters or hoodlums destroyed property")
    if c.ak in ("protesters",) or c.protest_ctx:
        return Typing("VIOLENT_DEMO", "demonstrators destroyed property")
    if c.ak in (None, "civilians") and not c.armed and _in_protest_scene(c):
        return Typing("VIOLENT_DEMO", "property destroyed in a demonstration's scene, by no armed actor")
    if c.ak == "rioters":
        return Typing("MOB_VIOLENCE", "mob destroyed property")
    if c.ak in (None, "civilians") and not c.armed and _in_riot_scene(c):
        if c.ctx.young_rioters:
            return Typing("VIOLENT_DEMO", "property destroyed where youths riot, by no armed actor")
        return Typing("MOB_VIOLENCE", "property destroyed in a riot's scene, by no armed actor")
    if c.weak and not (c.armed or c.ak):
        return Typing(None, "weak destruction word")
    if not (c.armed or c.ak) and _cleared_to_build(c):
        return Typing(None, "a building cleared to build, by no armed actor")
    if not (c.armed or c.ak) and _participle_of_a_site(c.head.tok):
        return Typing(None, "a site named by a demolition, by no armed actor")  # "the building razed last summer"
    if c.tactic in _REMOTE_TACTICS and c.tactic_from == "clause" and not _weapon_destroyed(c):
        # ACLED: what a drone, shells or a bomb destroyed is that remote violence, not looting
        return Typing(c.tactic, f"destroyed by {c.tactic.lower()}")  # "its drones destroyed RSF vehicles"
    if "WEAPONS" in c.pctx and c.ak in ("state_forces",):
        return Typing("DISRUPTED_WEAPONS", "weapons destroyed")
    return Typing("LOOTING", "looting/destruction")


_REMOTE_TACTICS = frozenset({"AIR", "SHELLING", "IED", "GRENADE", "SUICIDE"})


def _weapon_destroyed(c: Clause) -> bool:
    """The tactic's weapon is what was destroyed ("destroyed two drones", "blew up an IED"),
    not what destroyed it."""
    if c.patient_role is None:
        return False
    target = _phrase_text(c.patient_role.tok).lower()
    return any(v == c.tactic and p.lower() in target for v, p in c.cues.get("weapon", ()))


def _participle_of_a_site(verb) -> bool:
    """"The site of the mill building razed last summer": a bare participle with no subject
    or agent, which says what became of a place, not who destroyed it (the tagger reads
    some as past tenses)."""
    return verb.dep_ in ("acl", "advcl") and verb.tag_ in ("VBN", "VBD") and not any(
        k.dep_ in ("nsubj", "nsubjpass", "agent", "aux", "auxpass") for k in verb.children)


def _cleared_to_build(c: Clause) -> bool:
    """"Razed last summer to make way for apartments", "demolished for redevelopment": a
    demolition whose purpose is building, not destruction an actor inflicts."""
    for t in c.head.anchor.subtree:
        if t.lemma_.lower() == "make" and any(k.dep_ == "dobj" and k.lower_ in ("way", "room") for k in t.children):
            return True
        if t.dep_ == "pobj" and t.head.lower_ == "for" and t.lemma_.lower() in _BUILDING_WORKS:
            return True
    return False


_BUILDING_WORKS = frozenset({"construction", "redevelopment", "development", "renovation", "expansion"})


def _base(c: Clause) -> Typing | None:
    if "BASE" not in c.fs:
        return None
    head_noun = c.patient_role.tok.lemma_ if c.patient_role is not None else ""
    if "BASE_NOUN" in c.pctx or _has(_cues(head_noun, c.lex), "context", "BASE_NOUN"):  # "a military post"
        if _office_opened(c):
            return Typing(None, "an office opened by no armed group")  # "opened his campaign headquarters"
        return Typing("BASE", "base established")
    if "TROOPS" in c.pctx and not c.weak or ("TROOPS" in c.pctx and c.ak in _ARMED_KINDS):
        return Typing("CHANGE_GROUP", "group formed")
    if head_noun.lower() == "barricade":
        return _road_blocked(c)  # "youths set up barricades of burning tyres"
    return Typing(None, "establish without base")


def _office_opened(c: Clause) -> bool:
    """"Opened his campaign headquarters": a named civilian's office, no armed group's base."""
    return c.agent_role is not None and _unarmed_agent(c)


# what armed forces reinforce besides troops: "reinforced their presence around churches"
_POSTURE = frozenset({"presence", "position", "deployment", "defence", "defense", "security"})  # lemmas


def _change(c: Clause) -> Typing | None:
    if "CHANGE" not in c.fs:
        return None
    if _joined_forces(c.head.tok) and c.ak not in _ARMED_KINDS:
        return Typing("COOPERATE", "joined forces: an alliance, no troops moved")  # "is joining forces with X"
    posture = c.patient_role is not None and c.patient_role.tok.lemma_.lower() in _POSTURE
    forces = "TROOPS" in c.pctx or (c.patient_role is not None and _of_whom(c.patient_role.tok).lemma_.lower()
                                    in _FORCE_NOUNS)  # "tactical teams had been deployed", "officers were sent"
    if c.weak and not forces and not (posture and c.ak in _ARMED_KINDS):
        return Typing(None, "weak change word")
    if c.patient_role is not None and not (c.patient_armed or forces or posture) \
            and c.ak not in _ARMED_KINDS and c.pk not in _ARMED_KINDS:
        return Typing(None, "moved something other than forces")  # "salt trucks were deployed"
    if c.patient_role is None and c.agent_role is not None and c.ak not in _ARMED_KINDS and "TROOPS" not in c.actx:
        return Typing(None, "something other than forces deployed")  # "the airbags deployed"
    if _to_care(c.head.tok):
        return Typing(None, "the wounded taken for care")  # "the wounded soldiers were flown to a military hospital"
    return Typing("CHANGE_GROUP", "troop movement/defection/recruitment")


def _to_care(verb) -> bool:
    """The move's destination is a hospital or a morgue ("flown to a military hospital")."""
    return any(p.dep_ == "prep" and p.lower_ in ("to", "into") and any(
        g.dep_ == "pobj" and g.lemma_.lower() in CARE_SITES for g in p.children) for p in verb.children)


# people a force moves that are its own, though no cue names them troops
_FORCE_NOUNS = frozenset({"team", "personnel", "officer", "contingent", "unit", "company", "squad", "detachment",
                          "platoon", "commando", "ranger", "marine", "policeman", "gendarme", "agent", "guardsman"})


def _joined_forces(verb) -> bool:
    return verb.lemma_.lower() == "join" and any(k.dep_ == "dobj" and k.lower_ == "forces" for k in verb.children)


_PEACE_WORDS = {"ceasefire", "cease-fire", "truce", "peace", "surrender"}


def _peace_talks(c: Clause) -> Typing | None:
    if "CONSULT" in c.fs and "CONFLICT" in c.sctx and _PEACE_WORDS & {p for _, p in c.sent_cues.get("context", ())}:
        return Typing("AGREEMENT", "peace talks")
    return None


def _agree(c: Clause) -> Typing | None:
    if "AGREE" not in c.fs:
        return None
    # a rebel or militia party makes any agreement one of the conflict ("five Abu Sayyaf members
    # surrendered with their firearms"): ACLED counts surrenders and truces among its Agreements
    conflict = "CONFLICT" in c.ctxv or "CONFLICT" in c.sctx or c.ak in _NON_STATE
    release = c.head.tok.lemma_.lower() in ("release", "free")
    if release and _freed_in_an_attack(c.head.tok):
        return Typing(None, "inmates freed by those who attacked their jail: the attack")
    # detainees let go, in a war or not, unless an armed party lets them go or a deal does
    # (a swap, a hostage: ACLED's Agreement)
    if release and c.ak not in _NON_STATE and _released_people(c) and not (
            conflict and _DEAL_WORDS.search(c.head.tok.sent.text)):
        return Typing("RETREAT", "people released (PLOVER 2021: release)")  # "released him on a suspended sentence"
    if c.head.frame in ("AGREE",) and c.weak and not conflict and not (_political_agent(c) and _settles(c.head.anchor)):
        return Typing(None, "weak agreement word")
    if _opinion(c.head.tok) or (_bare_assent(c.head.tok) and not _political_agent(c)):
        return Typing(None, "agreeing with a view, not to a deal")  # "his ex-wife agreed, but ..."
    if nobody := _no_one_in_particular(c):
        return Typing(None, nobody)  # "all agreed that ..."
    if _gave_up_to_police(c.head.tok):
        return Typing("ARRESTS", "gave themselves up to the police: an arrest, not an agreement")
    if release and _gives_information(_released(c.head.tok)):
        return Typing(None, "released footage or a statement, not people")  # "police released footage of ..."
    if _made_before(c.head.tok):
        return Typing(None, "an agreement already made, not its making")
    if conflict:
        return Typing("AGREEMENT", "agreement")
    if _private_party(c):
        return Typing(None, "a private party's agreement, not a political actor's")
    return Typing("AGREE_DIPLO", "agreement outside armed conflict")


def _freed_in_an_attack(verb) -> bool:
    """"Gunmen attacked the police station, freeing suspects in custody": a release told as
    what an attack did (its participle or its conjunct) is that attack's, not an act of its own."""
    host = verb.head if verb.dep_ in ("advcl", "conj", "xcomp") else None
    return host is not None and host.i != verb.i and host.lemma_.lower() in _ATTACK_VERBS


_ATTACK_VERBS = frozenset({"attack", "storm", "raid", "overrun", "break", "assault", "invade"})
# what makes a release in a conflict part of a deal between its parties
_DEAL_WORDS = re.compile(r"\b(?:swaps?|exchanges?|deals?|agreements?|accords?|truce|cease-?fire|negotiat\w*|"
                         r"mediat\w*|talks|front ?lines?)\b", re.I)


def _released(verb):
    """What a release lets go: its object, its passive subject, or the noun a participle
    describes ("the data released by the department")."""
    obj = next((k for k in verb.children if k.dep_ in ("dobj", "nsubjpass")), None)
    if obj is None and verb.dep_ == "acl" and verb.head.pos_ == "NOUN":
        return verb.head
    return obj


def _released_people(c: Clause) -> bool:
    """A release of people (a prisoner, a hostage, "him", "nine were released on bail"):
    PLOVER 2021 codes it RETREAT (docs/annotation.md); not a patient sent home from hospital
    ("treated at the scene and released")."""
    obj = _released(c.head.tok)
    if obj is None or _HOSPITAL.search(c.head.tok.sent.text):
        return False
    return obj.ent_type_ == "PERSON" or obj.lower_ in _RELEASED_PRONOUNS or obj.tag_ == "CD" or \
        obj.lemma_.lower() in _PERSON_NOUNS | _RELEASED_PEOPLE | _TITLES or (
            obj.lemma_.lower() in _RELEASED_REST and obj.pos_ in ("NOUN", "PRON", "ADJ", "DET"))


_HOSPITAL = re.compile(r"\b(?:hospital|treated|discharged|medical|clinic)\b", re.I)
_RELEASED_PRONOUNS = frozenset({"him", "her", "them", "he", "she", "they", "who"})
# beside _PERSON_NOUNS: who else is held and let go
_RELEASED_PEOPLE = frozenset({"hostage", "detainee", "captive", "journalist", "activist", "protester", "student",
                              "leader", "passenger", "worker", "child", "victim"})
_RELEASED_REST = frozenset({"other", "others", "rest", "remainder", "most", "some", "all", "many", "both", "few"})
# beside them, and the offices of _TITLES: the roles of people armed men seize ("the village
# head was seized", "gunmen seized the parish priest")
_HELD_ROLES = frozenset({"head", "chief", "priest", "pastor", "imam", "cleric", "catechist", "official", "teacher",
                         "farmer", "trader", "herder", "villager", "resident", "traveller", "traveler", "motorist",
                         "doctor", "nurse", "engineer", "contractor", "businessman", "businesswoman"})
_HELD_PEOPLE = _RELEASED_PEOPLE | _TITLES | _HELD_ROLES


# verbs whose object is an agreement being made; any other verb ("used the ceasefire to
# attack", "violated the truce", "welcomed the deal") has an existing one as its object
_CONCLUDING = frozenset({"sign", "reach", "agree", "accept", "announce", "declare", "broker", "conclude", "seal",
                         "strike", "approve", "ratify", "endorse", "negotiate", "secure", "finalize", "finalise",
                         "mediate", "implement", "renew", "extend", "forge", "hammer", "work"})


def _made_before(noun) -> bool:
    """A definite agreement noun that is the object of a verb which does not make it."""
    return noun.pos_ == "NOUN" and noun.dep_ == "dobj" and noun.head.pos_ == "VERB" \
        and noun.head.lemma_.lower() not in _CONCLUDING \
        and any(d.dep_ in ("det", "poss") and d.lower_ in _REFERRING for d in noun.children)


# What a state or an organisation signs or accepts when it settles something with another
# ("signed a memorandum", "accepted a formula for ending the dispute"): PLOVER's AGREE
_SETTLEMENTS = frozenset({"agreement", "accord", "deal", "treaty", "memorandum", "pact", "protocol", "proposal",
                          "plan", "offer", "formula", "terms", "settlement", "compromise", "ceasefire", "cease-fire",
                          "truce", "resolution", "framework", "roadmap", "declaration", "convention", "charter"})


def _settles(verb) -> bool:
    """A weak agreement verb whose object is a settlement ("accepted the plan"), or a
    deal a participle says was made ("a deal announced Thursday by the city and ...")."""
    if verb.pos_ == "NOUN":
        return any(k.dep_ == "acl" and k.tag_ == "VBN" and k.lemma_.lower() in _DEAL_MADE for k in verb.children)
    return verb.pos_ == "VERB" and any(k.dep_ in ("dobj", "nsubjpass") and k.lemma_.lower() in _SETTLEMENTS
                                       for k in verb.children)


# participles that say a deal was made
_DEAL_MADE = frozenset({"announce", "sign", "reach", "strike", "broker", "seal", "conclude", "finalize", "finalise"})


def _opinion(verb) -> bool:
    """"She agrees", "not everyone agrees on who is": sharing a view. An agreement has
    an object, a "to" complement or is reached ("agreed to a ceasefire", "agreed on it")."""
    if verb.lemma_.lower() != "agree" or verb.pos_ != "VERB":
        return False
    if any(k.dep_ in ("xcomp", "dobj") or (k.dep_ == "prep" and k.lower_ in ("to", "upon")) or (
            k.dep_ == "prep" and k.lower_ == "on" and not any(g.ent_type_ in ("DATE", "TIME") for g in k.children))
           for k in verb.children):
        return False
    if verb.tag_ in ("VBZ", "VBP"):
        return True
    if any(k.dep_ == "prep" and k.lower_ == "with" for k in verb.children) and not any(
            k.dep_ == "ccomp" for k in verb.children):
        return True  # "largely agreed with McLenny": of one mind, nothing settled
    # "agreed that the countries should cooperate" settles what they will do; "agreed that
    # the plan was flawed" shares a view
    return any(k.dep_ == "ccomp" and not any(a.dep_ == "aux" and a.lower_ in _SETTLING_MODALS for a in k.children)
               for k in verb.children)


_SETTLING_MODALS = frozenset({"should", "would", "will", "must", "shall"})


# whom a place hosts as it houses them, not as guests of a meeting
_HOUSED = frozenset({"people", "refugee", "family", "displaced", "resident", "migrant", "child", "student",
                     "patient", "inmate", "prisoner", "troop", "soldier", "base", "population", "idp", "idps"})


def _houses_people(obj) -> bool:
    return obj is not None and any(t.lemma_.lower() in _HOUSED for t in obj.subtree)


def _guests(kids: dict) -> bool:
    """A dinner "for the visiting king", "with Chinese officials": parties to meet."""
    dinner = kids["dobj"]
    preps = [k for t in (dinner, dinner.head) for k in t.children if k.dep_ == "prep"]
    return any(k.lower_ in ("for", "with") and g.dep_ == "pobj" and (
        g.ent_type_ in ("PERSON", "NORP", "GPE") or g.lemma_.lower() in _REPRESENTING | _DELEGATES)
        for k in preps for g in k.children)


# guests beside the representing roles: heads of state and visitors
_DELEGATES = frozenset({"counterpart", "president", "king", "queen", "ambassador", "guest", "visitor", "prince",
                        "premier", "chancellor"})


# what only the authorities search unbidden: "his home was searched", "the offices were searched"
_PREMISES = frozenset({"home", "house", "apartment", "flat", "office", "premises", "residence", "headquarters",
                       "property", "compound", "hideout"})


def _premises_searched(c: Clause) -> bool:
    """"The shooter's family home was later searched": premises searched by no one named
    are searched by the authorities."""
    verb = c.head.tok
    return verb.lemma_.lower() == "search" and c.agent_role is None and c.patient_role is not None \
        and c.patient_role.how == "passive-subject" and c.patient_role.tok.lemma_.lower() in _PREMISES


# what only an authority bans: gatherings and the public's movement or trade
_BANNED_PUBLIC = frozenset({"demonstration", "protest", "rally", "march", "gathering", "assembly", "meeting",
                            "procession", "sit-in", "strike", "traffic", "motorbike", "motorcycle", "movement",
                            "sale", "event", "concert", "celebration"})


def _gatherings_banned(c: Clause) -> bool:
    """"Demonstrations were banned", "gatherings of more than five people were prohibited":
    a public activity banned by no one named is banned by the authorities."""
    verb = c.head.tok
    p = c.patient_role
    return verb.lemma_.lower() in ("ban", "prohibit") and c.agent_role is None and p is not None and \
        _of_whom(p.tok).lemma_.lower() in _BANNED_PUBLIC


def _bare_assent(verb) -> bool:
    """"Agreed" with nothing it agreed to, on or with: assent to what was said before."""
    return verb.lemma_.lower() == "agree" and verb.pos_ == "VERB" and not any(
        k.dep_ in _AGREED_TO for k in verb.children)


_ENVOYS = frozenset({"diplomat", "ambassador", "envoy", "attache", "attaché", "consul", "counsellor", "counselor",
                     "staff", "official", "officials"})


def _ordered_out(verb) -> bool:
    """"Ordered two Latvian diplomats to leave the country", "gave the ambassador 72 hours
    to leave": an expulsion, which PLOVER codes as SANCTION, not a request."""
    if verb.lemma_.lower() not in ("order", "tell", "give", "instruct", "ask"):
        return False
    envoy = any(k.dep_ in ("dobj", "dative") and k.lemma_.lower() in _ENVOYS for k in verb.children)
    leave = any(t.lemma_.lower() == "leave" for k in verb.children if k.dep_ in ("xcomp", "ccomp", "advcl")
                for t in (k, *k.children))
    return envoy and leave


_DEPLOYING = frozenset({"deploy", "mobilize", "mobilise", "redeploy"})


def _ordered_to_deploy(verb) -> bool:
    """"Ordered the National Guard to be ready to deploy", "ordered troops to deploy to the
    border": a force put in motion (MOBILIZE), not a request."""
    if verb.lemma_.lower() not in ("order", "instruct", "direct"):
        return False
    todo = [k for k in verb.children if k.dep_ in ("xcomp", "ccomp")]
    return any(t.lemma_.lower() in _DEPLOYING for k in todo for t in k.subtree if t.pos_ == "VERB")


# what a government blocks when it censors (PLOVER COERCE), not a proposal it rejects
_MEDIA = frozenset({"platform", "website", "site", "internet", "app", "application", "account", "network",
                    "channel", "broadcast", "newspaper", "outlet", "facebook", "youtube", "whatsapp", "x", "tiktok",
                    "telegram", "twitter", "instagram"})


def _media_blocked(c: Clause) -> bool:
    p = c.patient_role
    if p is None:
        return False
    head = p.tok.lemma_.lower()  # "blocked access to the website of an opposition newspaper"
    return head in _MEDIA or (head == "access" and any(t.lemma_.lower() in _MEDIA for t in p.tok.subtree))


def _barricaded(c: Clause) -> bool:
    """"Youths barricaded Seke Road", "residents erected barricades of burning tyres": roads
    blocked with barricades; not "the family barricaded themselves inside"."""
    if c.head.tok.lemma_.lower() == "barricade":
        return "ROAD" in c.pctx
    return "barricade" in c.head.phrase.lower()


def _diplomatic(c: Clause) -> Typing | None:
    dip = next((f for f in c.frames if f in _DIPLOMATIC), None)
    if not dip:
        return None
    eased = _eased_restriction(c)
    if eased == _HOUSEKEEPING_LIFTED:
        return Typing(None, "a safety rule lifted, not an act toward anyone")  # "lifted the burn ban"
    if eased:  # PLOVER 2021: easing a curfew, sanctions or a blockade is RETREAT, a ban CONCEDE
        return Typing("CONCEDE" if eased == "ban" else "RETREAT", f"{eased} lifted")
    if dip == "REJECT" and _barricaded(c):
        return _road_blocked(c)
    if dip == "REJECT" and c.head.tok.lemma_.lower() == "barricade":
        return Typing(None, "barricaded oneself or a door in, no road")
    if dip == "REJECT" and c.head.tok.lemma_.lower() == "block" and "ROAD" in c.pctx and _people_did_it(c):
        return _road_blocked(c)  # "youths blocked a main road": people, not a landslide or a truck
    if c.weak and not (_political_agent(c) or _titled(c.patient_role, c.ctx.officials)
                       or (dip == "CONSULT" and (_parties_named(c.head.tok, c.ctx.officials)
                                                 or _attended_by_official(c.head.tok, c.ctx.officials)))
                       or (dip == "COERCE" and (_premises_searched(c) or _gatherings_banned(c)))):
        return Typing(None, "diplomatic word without a political actor")
    if dip == "REJECT" and c.head.tok.lemma_.lower() == "block" and "ROAD" in c.pctx:
        return _road_blocked(c)
    if dip == "REJECT" and c.head.tok.lemma_.lower() == "block" and _a_way_in(c) and c.ak in _AUTHORITIES:
        # "police blocked the entrance to the grounds", "blocked access to the homes of opposition leaders":
        # force keeping people out, not a refusal (a road they close is no event: _road_blocked)
        return Typing("COERCE", "a way in closed by the authorities")
    if dip == "REJECT" and c.head.tok.lemma_.lower() == "block" and _media_blocked(c):
        return Typing("COERCE", "platforms or the internet blocked: censorship")  # "blocked 26 social media platforms"
    if dip == "REQUEST" and _ordered_out(c.head.tok):
        return Typing("SANCTION", "diplomats ordered to leave: an expulsion")
    if dip == "REQUEST" and _ordered_to_deploy(c.head.tok):
        return Typing("MOBILIZE", "forces ordered to deploy")  # "ordered the National Guard to be ready to deploy"
    if dip == "RETREAT" and c.head.tok.lemma_.lower() == "disarm" and c.ak in _ARMED_KINDS - {"state_forces"} and any(
            k.dep_ == "dobj" for k in c.head.tok.children):
        # "rebels raided a farm, disarming four security guards": arms taken in a raid, no
        # side laying its own down (PLOVER's RETREAT)
        return Typing(None, "others disarmed in a raid")
    if dip == "AID" and _court_order_granted(c.head.tok):
        return Typing("COERCE", "a court order granted restrains someone")  # "granted an injunction restraining"
    why = _no_act(c, dip)
    if why:
        return Typing(None, why)
    if _private_party(c):
        return Typing(None, "a private party's act, not a political actor's")
    if "SPORT" in c.ctxv or "SPORT" in c.actx:
        return Typing(None, "an act of sport's bodies, clubs or players")  # "UEFA charged Liverpool"
    if dip == "THREATEN" and _warned_of_consequences(c.head.tok):
        return Typing(dip, "warned of what will be done to someone")
    return Typing(dip, "diplomatic/verbal act")


def _warned_of_consequences(verb) -> bool:
    """A threat's reported clause in the future and done to someone ("warned that anyone
    spreading rumours would be punished", "Israel would pay the price") or denied ("will not
    go unanswered"); the THREATEN frame already says the verb warns or threatens."""
    for clause in (k for k in verb.children if k.dep_ == "ccomp"):
        future = any(a.lower_ in ("will", "would", "'ll", "shall") for a in clause.children if a.dep_ == "aux")
        done_to = any(a.dep_ == "auxpass" for a in clause.children) or clause.lemma_.lower() in _BEFALL
        if future and (done_to or any(k.dep_ == "neg" for k in clause.children)):
            return True
    return False


# what a warned party will undergo ("will pay the price", "will face the consequences")
_BEFALL = frozenset({"pay", "face", "suffer", "regret", "meet"})


_COURT_ORDERS = frozenset({"injunction", "order", "warrant", "ban"})


def _court_order_granted(verb) -> bool:
    """"The High Court granted an injunction restraining the coalition from marching": what
    a court grants is an order against someone, not aid (PLOVER COERCE, restrict)."""
    return verb.lemma_.lower() == "grant" and any(
        k.dep_ == "dobj" and k.lemma_.lower() in _COURT_ORDERS for k in verb.children)


# what only an authority imposes, so lifting it is an act toward others whoever is named
_RESTRICTIONS = frozenset({"curfew", "ban", "embargo", "blockade", "siege", "restriction", "sanction", "lockdown",
                           "closure", "emergency", "law", "order", "moratorium", "suspension"})
# what undoes a charge ("dropped the charges against him", "dismissed the indictment")
_UNDOING = frozenset({"drop", "dismiss", "withdraw", "vacate", "quash", "overturn"})
_EASING = frozenset({"lift", "ease", "relax", "end", "suspend", "remove", "rescind", "revoke"})


# bans that regulate a hazard or a pastime, not anyone's politics
_HOUSEKEEPING = frozenset({"burn", "burning", "fire", "outdoor", "water", "watering", "smoking", "fishing",
                           "hunting", "parking", "fireworks", "boil", "swimming", "alcohol"})


def _eased_restriction(c: Clause) -> str | None:
    """The restriction a clause lifts ("lifted the curfew", "curfew lifted", "eased the
    blockade"), which only an authority imposes, so no political agent need be named;
    "martial law", "state of emergency" by their head noun."""
    verb, r = c.head.tok, c.patient_role
    if verb.lemma_.lower() not in _EASING or verb.pos_ != "VERB":
        return None
    noun = r.tok if r is not None and r.how in ("object", "passive-subject") else next(
        (k for k in verb.children if k.dep_ in ("dobj", "nsubjpass", "nsubj")), None)
    lemma = noun.lemma_.lower() if noun is not None else ""
    if lemma not in _RESTRICTIONS or lemma in ("law", "order", "emergency") and not any(
            m.lower_ in ("martial", "state", "emergency") for m in noun.subtree):
        return None
    if any(m.dep_ in ("compound", "amod") and m.lower_ in _HOUSEKEEPING for m in noun.children):
        return _HOUSEKEEPING_LIFTED  # "the burn ban has been lifted": a safety rule, not an act toward anyone
    return lemma


_HOUSEKEEPING_LIFTED = "housekeeping"


# complements that make a refusal or a denial no political act ("declined to comment",
# "denied the reports"), and the objects a demand by order needs ("ordered X to ...")
_SAYING = frozenset({"comment", "say", "speak", "elaborate", "confirm", "discuss", "disclose", "answer", "respond",
                     "give", "provide", "release", "identify", "specify"})
_DENIABLE = frozenset({"request", "demand", "access", "entry", "visa", "permission", "appeal", "bid", "application",
                       "asylum", "passage"})
# what one declines or refuses as a REJECT: what someone proposed, asked or offered
_DECLINABLE = _DENIABLE | {"offer", "proposal", "invitation", "plea", "deal", "agreement", "motion", "plan",
                           "settlement", "terms", "condition", "ultimatum", "aid", "help", "assistance", "call",
                           "nomination", "resignation", "order", "demands", "requests", "offers", "talks",
                           "negotiation", "mediation", "ceasefire", "truce", "extradition", "recognition", "compromise"}


def _talks_with_someone(verb) -> bool:
    """"Talked with/to X", "the two leaders talked", "X and Y spoke", "met and talked": a
    party to talk with; "he talked about his ride" has none, nor has a topic talked ("City
    Council talks money", "talked trade"): an object is a party only when it names one."""
    if any(k.dep_ == "dative" or (k.dep_ == "dobj" and (k.pos_ in ("PROPN", "PRON") or k.ent_type_ in _PARTIES))
           for k in verb.children):
        return True
    if any(t.dep_ == "prep" and t.lower_ == "with" and any(g.dep_ == "pobj" for g in t.children)
           for t in verb.subtree):  # "talked trade during a telephone call ... with Angela Merkel"
        return True
    return any(_party_to_talk(k) for h in _speaking_verbs(verb) for k in h.children)


_PARTIES = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def _speaking_verbs(verb) -> list:
    """The verb and the one it completes ("went on to discuss", "met and talked"), whose
    subject or "with" phrase may name the parties."""
    return [verb] + ([verb.head] if verb.dep_ in ("xcomp", "conj", "advcl") and verb.head.i != verb.i
                     and verb.head.pos_ == "VERB" else [])


def _discusses_with_someone(verb) -> bool:
    """What one discusses is a topic: a party is a "with" phrase or a subject of many."""
    topics = [k for k in verb.children if k.dep_ == "dobj"]  # "discussed the crisis with Merkel"
    # "came to town to discuss": a "to" phrase is where one goes, not whom one discusses with
    return any(_party_to_talk(k) for h in _speaking_verbs(verb) for k in h.children
               if k.dep_ != "dobj" and not (k.dep_ == "prep" and k.lower_ == "to")) or any(
        k.dep_ == "prep" and k.lower_ == "with" and any(g.dep_ == "pobj" for g in k.children)
        for t in topics for k in t.children)


def _party_to_talk(k) -> bool:
    """A "with/to" phrase, or a subject of many ("the two leaders", "they", "X and Y")."""
    if k.dep_ == "prep" and k.lower_ in ("with", "to"):
        return any(g.dep_ == "pobj" for g in k.children)
    return k.dep_ == "nsubj" and (k.tag_ in ("NNS", "NNPS") or k.lower_ in ("they", "we")
                                  or any(g.dep_ == "conj" for g in k.children))


def _with_a_suspect(verb) -> bool:
    return any(g.dep_ == "pobj" and g.lemma_.lower() in _PERSON_NOUNS - {"person", "people"}
               for k in verb.children if k.dep_ == "prep" and k.lower_ == "with" for g in k.children)


# the states of exception a government declares ("state of prevention": Guatemala's least
# of them; "state of alarm", "state of calamity")
_EMERGENCY_STATES = frozenset({"emergency", "exception", "siege", "alert", "war", "prevention", "alarm", "calamity"})


def _object_makes_no_act(dip: str, verb, kids: dict) -> str | None:
    """What the verb takes makes its act none: a comment declined, a report denied, a
    thing ordered, information or a chance given, a person or a claim dismissed, a button
    pressed, a view shared."""
    lemma = verb.lemma_.lower()
    obj = kids["dobj"].lemma_.lower() if "dobj" in kids else None
    if dip == "MOBILIZE" and obj == "state" and not any(
            t.lemma_.lower() in _EMERGENCY_STATES for t in kids["dobj"].subtree):
        return "a state named, not a state of emergency"  # "declared the state a disaster area"
    if dip == "REJECT" and lemma in ("decline", "refuse") and "xcomp" in kids and (
            kids["xcomp"].lemma_.lower() in _SAYING
            or any(t.lemma_.lower() in _PRESS_QUESTIONS for t in kids["xcomp"].subtree)):
        return "declined to comment"  # or "to make him available for an interview"
    if dip == "REJECT" and lemma == "deny" and obj not in _DENIABLE:
        return "a denial of a report or a claim"
    if dip == "REQUEST" and lemma == "call" and "oprd" in kids:
        return "called someone a name, no request"  # "has been called a charlatan"
    if dip == "REQUEST" and lemma == "order" and "xcomp" not in kids and "ccomp" not in kids:
        return "an order of something, not to someone"
    if dip == "AID" and _gives_information(kids.get("dobj")):
        return "gave information, not aid"
    if dip == "AID" and obj in _INTANGIBLE:
        return "gave a sign or a chance, not aid"  # "giving a vote of confidence to the military"
    if dip == "AID" and lemma in ("sell", "sale") and not _sells_arms(verb):
        return "a sale of goods, not of arms"
    if dip == "REQUEST" and lemma == "seek" and obj in _SOUGHT_FOR_ONESELF:
        return "sought for oneself, not asked of anyone"
    if dip == "REQUEST" and "xcomp" in kids and kids["xcomp"].lemma_.lower() in ("name", "identify", "quote") and any(
            c.dep_ in ("neg", "auxpass") for c in kids["xcomp"].children):
        return "a source's anonymity asked, no request"  # "who asked not to be named", not "to name those responsible"
    if dip == "REJECT" and lemma == "dismiss" and obj is not None and obj not in _DISMISSIBLE:
        return "dismissed a person or a claim, not a proposal"  # "voted to dismiss the assessors"
    if dip == "REQUEST" and lemma == "press" and obj in _CONTROLS:
        return "pressed a button, not for anything"  # "press the reset button"
    if dip == "CONSULT" and lemma == "host" and obj in _OCCASIONS and not _guests(kids):
        return "hosted an occasion, not a meeting"  # "the fire department hosts its annual fundraiser"
    if dip == "CONSULT" and lemma == "host" and _houses_people(kids.get("dobj")):
        return "houses people, no meeting"  # "a camp which hosts hundreds of thousands of displaced people"
    if dip == "COOPERATE" and lemma == "share" and obj in _STANCES:
        return "shared a view, not a resource"  # "many leaders share these apprehensions"
    if dip == "COOPERATE" and lemma == "share" and _gives_information(kids.get("dobj")) and not _shared_with(verb):
        return "posted a picture or a word, shared with no one in particular"  # "shared a photo of her son"
    if dip == "ACCUSE" and lemma == "complain" and _complains_of_trouble(verb):
        return "complained of a trouble, no one accused"  # "firms complain about their struggle to hire"
    if dip == "SUPPORT" and lemma == "welcome" and obj is None and "prep" not in kids and "conj" not in kids:
        return "a greeting, no one welcomed"  # "as he welcomed, the crowd cheered"
    return None


_SPEECH_ACTS = frozenset({"REQUEST", "REJECT", "CONSULT", "AGREE", "SUPPORT", "THREATEN"})
# what a reporter asks for, declined as a comment is: "declined to make him available for an interview"
_PRESS_QUESTIONS = frozenset({"interview", "comment", "question"})
# troubles one complains of that no one is accused of causing
_TROUBLES = frozenset({"struggle", "difficulty", "problem", "trouble", "condition", "cost", "price", "delay",
                       "shortage", "lack", "noise", "weather", "pain", "traffic", "heat", "cold", "smell", "symptom",
                       "workload", "hour", "wage", "pay", "rent", "bill", "fatigue", "headache"})


def _shared_with(verb) -> bool:
    """Shared with someone ("shared reports with Jordan", the phrase on the verb or its
    object), or between a subject of many ("the two agencies share data")."""
    objects = [k for k in verb.children if k.dep_ == "dobj"]
    return any(k.dep_ == "prep" and k.lower_ in ("with", "between", "among")
               for h in (verb, *objects) for k in h.children) or any(
        k.dep_ == "nsubj" and _party_to_talk(k) for k in verb.children)


def _complains_of_trouble(verb) -> bool:
    """"Complaining about their struggles to find workers": what is complained of is a
    trouble, not someone's act."""
    heads = [g for k in verb.children if k.dep_ == "prep" and k.lower_ in ("about", "of")
             for g in k.children if g.dep_ == "pobj"]
    return bool(heads) and all(g.lemma_.lower() in _TROUBLES for g in heads)


# what an arms sale sells
_ARMS = frozenset({"arm", "arms", "weapon", "munition", "missile", "howitzer", "tank", "jet", "fighter", "drone",
                   "helicopter", "rifle", "ammunition", "artillery", "aircraft", "warship", "frigate", "submarine",
                   "rocket", "bomb", "gun", "warplane"})


def _sells_arms(verb) -> bool:
    """A sale of arms: what is sold ("to sell Saudi Arabia 180 howitzers", "an arms sale",
    "the sale of fighter jets") is a weapon."""
    sold = [k for k in verb.children if k.dep_ in ("dobj", "compound", "nmod", "amod")]
    sold += [g for k in verb.children if k.dep_ == "prep" and k.lower_ == "of" for g in k.children if g.dep_ == "pobj"]
    return any(t.lemma_.lower() in _ARMS or t.lower_ in _ARMS for k in sold for t in k.subtree)


def _recipient(verb) -> bool:
    """Someone the act is given to: "provided food to the refugees", "gave them shelter",
    "assistance for flood victims"."""
    obj = next((k for k in verb.children if k.dep_ == "dobj"), None)
    heads = [verb] + ([obj] if obj is not None else [])
    return any(k.dep_ in ("dative", "iobj") or (k.dep_ == "prep" and k.lower_ in ("to", "for"))
               for h in heads for k in h.children)


def _parties_make_no_act(c: Clause, dip: str, verb) -> str | None:
    """Who acts, or toward whom, makes the act none: a plea to a relative or a crowd, an
    officer "providing assistance" to nobody named (help in an operation, no aid)."""
    if dip in _SPEECH_ACTS and c.patient_role is not None and c.patient_role.tok.lemma_.lower() in _PRIVATE_ADDRESSEES:
        return "addressed to a relative or a crowd, no act between political actors"
    if dip == "AID" and not _recipient(verb) and c.agent_role is not None and (
            c.ak == "state_forces" or any(t.lower_ in _OFFICERS for t in c.agent_role.tok.subtree)):
        return "security forces assisting in an operation, no aid delivered"
    return None


def _no_act(c: Clause, dip: str) -> str | None:
    verb = c.head.tok
    lemma = verb.lemma_.lower()
    kids = {k.dep_: k for k in verb.children}
    why = _object_makes_no_act(dip, verb, kids) or _parties_make_no_act(c, dip, verb)
    if why:
        return why
    if dip == "SUPPORT" and verb.dep_ == "acl" and verb.tag_ in ("VBN", "VBG"):
        return "a standing backing named, not an act"  # "the Syrian government, backed by Russia and Iran"
    if dip == "REJECT" and lemma in ("decline", "refuse") and "xcomp" in kids and (
            (hit := _match_trigger(kids["xcomp"], c.lex)) is not None and hit[0] in ("THREATEN", "ACCUSE")):
        return "declined to threaten or to blame: nothing said, nothing refused"  # "declined to threaten Moscow"
    if dip == "ACCUSE" and lemma == "face" and verb.dep_ == "acl":
        return "people described as facing charges, no charge laid"  # "defendants facing lesser offenses"
    if dip == "ACCUSE" and verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.tag_ == "NNS" and not any(
            d.dep_ in ("det", "nummod", "poss") for d in verb.head.children):
        return "a kind of people named by a charge, no one charged"  # "defended people accused of fraud"
    if dip == "ACCUSE" and (lemma in _UNDOING or (verb.pos_ == "NOUN" and verb.head.lemma_.lower() in _UNDOING)):
        return "charges dropped or dismissed, none laid"  # "the charges against him were dropped"
    if dip == "ACCUSE" and "dobj" in kids and kids["dobj"].lower_ == "cases" and not any(
            k.dep_ == "prep" and k.lower_ == "against" for k in list(kids["dobj"].children) + list(verb.children)):
        # ("filed cases against 300 people" accuses them)
        return "a career of cases, no one accused"  # "years prosecuting cases for the attorney's office"
    if dip == "COERCE" and lemma in _RESTRICTIONS and verb.head.lemma_.lower() in _EASING:
        return "a restriction lifted, not imposed"  # "the curfew was lifted": the lifting is the act
    if nobody := _no_one_in_particular(c):
        return nobody
    why = _no_meeting(c, verb, lemma) if dip == "CONSULT" else None
    if why:
        return why
    if verb.tag_ == "VBG" and c.agent_role is None and c.patient_role is None:
        return "an activity named, with no one doing it"  # "rather than cooperating and finding ..."
    if lemma == "find" and any(k.lower_ == "guilty" and any(g.dep_ == "neg" for g in k.children)
                               for k in verb.children):
        return "found not guilty: an acquittal"
    if dip == "THREATEN" and lemma in ("warn", "caution") and (_warns_of_hazard(c) or (
            c.patient_role is not None and c.patient_role.tok.lower_ in _PUBLIC and c.ak not in _ARMED_KINDS)):
        return "a warning of weather or a hazard, or to the public, not a threat"  # "warning people not to eat"
    if "ABSTRACT" in c.actx and (c.ak is None or "ABSTRACT" in _values(_cues(c.agent_role.tok.text, c.lex), "context")):
        return "a plan or a text 'calls for' what it specifies"  # "the plan calls for cutting ..."
    if _imperative(verb):
        return "an instruction to the reader"  # "For tickets, call (800) ..."
    if dip == "REQUEST" and lemma == "press" and any(k.dep_ in ("prep", "advmod", "prt") and k.lower_ in _ONWARD
                                                    for k in verb.children):
        return "pressed on into a place: an advance, not a demand"  # "forces press into the enclave"
    if dip == "REQUEST" and c.patient_role is not None and c.patient_role.tok.lower_ in _PUBLIC:
        return "an appeal to the public"  # "urged motorists to drive with caution"
    if dip == "REQUEST" and lemma in ("ask", "insist", "seek") and _asks_a_question(verb):
        return "a question or an assertion, not a request"
    if dip == "ACCUSE":
        why = _no_accusation(c, verb, lemma)
        if why:
            return why
    if lemma == "alert" and "dobj" in kids and c.pk not in _ARMED_KINDS and "TROOPS" not in c.pctx:
        return "alerted someone to something: told them"  # "alerted the officer that the man ..."
    if lemma == "search" and any(g.lemma_.lower() in _SOUGHT_FOR_RESCUE for k in verb.children
                                 if k.dep_ == "prep" and k.lower_ == "for" for g in k.subtree):
        return "a search for the missing, not a coercion"  # "searching for three missing climbers"
    if lemma in ("concede", "admit", "acknowledge") and any(k.dep_ == "ccomp" for k in verb.children):
        return "conceded a point, not a demand"  # "concedes the figure could be optimistic"
    if dip == "REJECT" and lemma in ("decline", "refuse") and "dobj" in kids \
            and kids["dobj"].lemma_.lower() not in _DECLINABLE:
        return "declined something no one proposed"  # "declined treatment at the scene"
    if dip == "THREATEN" and c.agent_role is not None and _hazard(c.agent_role.tok, c.lex):
        return "a hazard threatens, not an actor"  # "a brush fire threatens to close the highway"
    if dip == "SUPPORT" and lemma == "defend" and "dobj" in kids and kids["dobj"].lemma_.lower() in _POSITIONS:
        return "defended a position or a practice, not an actor"  # "defends his group's practice"
    if lemma == "resign" and any(k.dep_ in ("dobj", "npadvmod") and k.lower_.endswith(("self", "selves"))
                                 for k in verb.children):
        return "resigned oneself to something"
    return None


# what an agreement names: what was agreed to, on or with whom
_AGREED_TO = frozenset({"xcomp", "ccomp", "prep", "dobj", "advcl", "agent", "nsubjpass", "advmod"})
# what one hosts that is an occasion, not a meeting of parties
_OCCASIONS = frozenset({"fundraiser", "party", "dinner", "breakfast", "lunch", "luncheon", "gala", "concert",
                        "festival", "tournament", "game", "match", "show", "event", "celebration", "sale", "fair",
                        "workshop", "class", "seminar", "race", "exhibition", "auction", "contest", "competition",
                        "screening", "clinic", "drive", "camp", "night", "day", "program", "programme", "series",
                        "tour", "banquet", "picnic", "cookout", "barbecue", "ball", "dance", "parade", "open"})
# what one defends that is a stand, not an actor ("defended the decision")
_POSITIONS = frozenset({"practice", "policy", "decision", "record", "work", "action", "plan", "approach", "stance",
                        "position", "remark", "comment", "statement", "law", "right", "choice", "vote", "move",
                        "view", "belief", "conduct", "handling", "response", "strategy", "program", "programme",
                        "tweet", "post", "word", "claim", "criticism", "proposal", "budget", "bill", "reputation"})
# addressees that are the public at large, not an actor asked to act
_PUBLIC = frozenset({"public", "people", "residents", "motorists", "drivers", "citizens", "consumers", "parents",
                     "donors", "voters", "everyone", "anyone", "viewers", "readers", "listeners", "travellers",
                     "travelers", "shoppers", "customers", "visitors", "homeowners", "commuters", "pedestrians",
                     "those", "faithful", "users", "patients", "students", "fans"})
_SOUGHT_FOR_RESCUE = frozenset({"missing", "lost", "survivor", "body", "bodies", "wreckage", "hiker", "climber",
                                "swimmer", "fisherman", "fishermen", "debris"})
_ONWARD = frozenset({"into", "ahead", "forward", "on", "onward", "toward", "towards", "deeper", "through"})
_WH = frozenset({"why", "what", "how", "whether", "if", "who", "when", "where", "which"})


# who is charged a price, and what for: "users are charged by the volume", "charged for the use"
_PAYERS = frozenset({"user", "customer", "consumer", "client", "subscriber", "household", "ratepayer"})
_PRICED = frozenset({"use", "service", "good", "goods", "water", "power", "electricity", "gas", "access", "delivery",
                     "parking", "volume", "hour", "minute", "mile", "unit", "ticket", "admission"})
_PRICES = frozenset({"rate", "fee", "rent", "price", "fare", "premium", "tuition", "interest", "cost", "commission",
                     "tariff", "surcharge", "markup"})
# what an investigation may be of and still accuse no one
_NO_ONE_ACCUSED = frozenset({"crash", "accident", "collision", "fire", "blaze", "death", "deaths", "collapse",
                             "incident", "cause", "explosion", "outbreak", "derailment", "drowning", "spill", "leak"})
_WANTED_FOR = frozenset({"questioning", "murder", "robbery", "theft", "assault", "fraud", "crime", "crimes",
                         "offense", "offence", "arrest", "warrant", "violation", "violations", "burglary", "homicide",
                         "shooting", "killing", "rape", "kidnapping", "escape", "charges", "trafficking"})


def _no_meeting(c: Clause, verb, lemma: str) -> str | None:
    """Why a word of meeting reports no meeting between parties, if it does not."""
    if lemma in ("negotiate", "negotiation") and _with_a_suspect(verb):
        return "police talking to a suspect, not diplomacy"  # "continued negotiation with the suspect"
    if lemma == "visit" and _visits_a_place(c):
        return "a visit to a place, not a meeting"
    if lemma == "call" and verb.pos_ == "VERB" and not _calls_someone(verb, c.ctx.officials):
        return "called something or someone something, not a call to them"  # "called him a liar"
    if lemma == "conference" and (verb.ent_type_ or any(
            k.dep_ in ("compound", "amod") and k.lower_ in _NO_MEETING_CONFERENCES for k in verb.children)):
        return "a press conference or a league, not a meeting"
    if lemma in ("trip", "tour") and (verb.pos_ == "VERB" or not (
            c.ak in ("government", "international_org") or _titled(c.agent_role, c.ctx.officials))):
        return "no official's journey"  # "toured the museum", "tripped over himself", "the train's maiden trip"
    if lemma in ("talk", "speak") and verb.pos_ == "VERB" and not _talks_with_someone(verb):
        return "talked, with no one to talk with"  # "as Clinton talked about bringing communities together"
    if lemma == "discuss" and verb.pos_ == "VERB" and not _discusses_with_someone(verb):
        return "discussed a topic, with no one to discuss it with"  # "went on to discuss the polls"
    if "ABSTRACT" in c.pctx and lemma == "meet":
        return "met a goal or a need, not someone"  # "met the 15 percent goal"
    if lemma == "consult" and verb.tag_ == "VBN" and verb.dep_ == "acl":
        return "people a reporter consulted: sources, not a meeting"  # "witnesses consulted by EFE"
    return None


def _mishap(tok, lex: Lexicon) -> bool:
    """An accident or a disaster ("the crash", "the stampede", "the flood", "the events
    that led to a drowning"), which an investigation may look into without accusing anyone."""
    if tok.lemma_.lower() in _WHAT_HAPPENED:
        return any(_mishap(t, lex) for t in tok.subtree if t.i != tok.i and t.pos_ == "NOUN")
    return tok.lemma_.lower() in _NO_ONE_ACCUSED or bool(
        {"ACCIDENT", "DISASTER"} & _values(_cues(tok.lemma_, lex), "context"))


# words for what happened that say nothing of it but what they lead to
_WHAT_HAPPENED = frozenset({"event", "circumstance"})


def _no_accusation(c: Clause, verb, lemma: str) -> str | None:
    """A charge that is a price, an investigation of an accident, a blame laid on a
    fault or the weather, a want that is no warrant."""
    preps = {k.lower_: [g for g in k.children if g.dep_ == "pobj"] for k in verb.children if k.dep_ == "prep"}
    if lemma == "charge" and "with" not in preps and (
            any(g.lemma_.lower() in _PRICED for k in ("for", "by") for g in preps.get(k, []))
            or any(k.ent_type_ == "MONEY" for k in verb.children if k.dep_ in ("dobj", "npadvmod"))
            or (c.patient_role is not None and c.patient_role.tok.lemma_.lower() in _PAYERS)
            or any(k.dep_ in ("dobj", "nsubjpass") and k.lemma_.lower() in _PRICES for k in verb.children)
            or (verb.dep_ in ("acl", "relcl") and verb.head.lemma_.lower() in _PRICES)):  # "the rent he charges"
        return "a price charged, not a crime"
    if lemma in ("investigate", "investigation", "probe", "inquiry") and c.ak == "media":
        return "a news outlet's investigation, no accusation by an authority"  # "a CBC investigation found"
    if lemma in ("investigate", "probe") and c.patient_role is None and not any(
            k.dep_ in ("dobj", "prep", "ccomp", "nsubjpass") for k in verb.children):
        return "investigating, with no one or nothing named"  # "police are investigating"
    if lemma in ("investigate", "investigation", "probe") and c.patient_role is not None and \
            _mishap(c.patient_role.tok, c.lex) and \
            not any(t.dep_ == "agent" for t in c.patient_role.tok.subtree):  # "a man shot by officers": someone
        return "an accident investigated, no one accused"
    if lemma in ("investigate", "investigation", "probe", "inquiry") and _unnamed_matter(c, verb):
        return "a matter investigated, no one named"  # "began investigations into the matter"
    if lemma in ("investigation", "review", "inquiry") and verb.head.lower_ == "under" \
            and _open_question(verb.head.head):
        return "an open question under investigation, no one named"  # "exactly who did it remains under ..."
    if lemma == "blame":
        blamed = [g for k in verb.children if k.dep_ == "prep" and k.lower_ == "on" for g in k.children] or \
            [k for k in verb.children if k.dep_ == "nsubjpass"]
        if blamed and all(_hazard(g, c.lex) or g.lemma_.lower() in _NO_ONE_ACCUSED for g in blamed):
            return "blamed on a fault or the weather, not on anyone"
    if lemma == "want":
        wanted = [g for k in verb.children if k.dep_ == "prep" and k.lower_ == "for" for g in k.children]
        if wanted and not any(g.lower_ in _WANTED_FOR or g.lemma_.lower() in _WANTED_FOR
                              or "CRIME" in _values(_cues(g.text, c.lex), "context")
                              or _match_trigger(g, c.lex) is not None for g in wanted):
            return "wanted something, not wanted by the police"
    return None


# what "it" or a question under investigation leaves open: the cause, who did it
_OPEN_MATTERS = frozenset({"it", "this", "that", "cause", "matter", "incident", "case", "death", "fire", "crash"})


# what an investigation into "the matter" leaves unnamed ("the case" names a crime: coders accuse)
_UNNAMED_MATTERS = frozenset({"matter", "matters", "it", "this", "that"})


def _unnamed_matter(c: Clause, verb) -> bool:
    """What is investigated is only "the matter" (or "it"), whose it is unsaid."""
    what = [c.patient_role.tok] if c.patient_role is not None else [
        g for k in verb.children if k.dep_ == "prep" and k.lower_ == "into" for g in k.children if g.dep_ == "pobj"]
    return bool(what) and all(g.lemma_.lower() in _UNNAMED_MATTERS and not _has_a_holder(g) for g in what)


def _has_a_holder(tok) -> bool:
    """The noun names whose it is ("Smith's case", "the case against Smith")."""
    return any(k.dep_ == "poss" or (k.dep_ == "prep" and k.lower_ in ("against", "of")) for k in tok.children)


def _open_question(anchor) -> bool:
    """What is under investigation is a question ("who did it"), "it" or a cause, not anyone."""
    subj = [k for k in anchor.children if k.dep_ in ("nsubj", "nsubjpass", "csubj")]
    return any(k.dep_ == "csubj" for k in subj) or bool(subj) and all(
        k.lower_ in _OPEN_MATTERS or k.lemma_.lower() in _OPEN_MATTERS for k in subj)


_POLICE_OPERATIONS = frozenset({"raid", "sting", "manhunt", "stakeout", "warrant", "crackdown"})
# a police officer named as such ("Officer Larry Cole", "a deputy")
_OFFICERS = POLICE_WORDS | {"officer", "deputy", "trooper", "agent", "detective", "detectives", "policeman",
                             "policemen", "constable", "patrolman", "patrolmen"}


def _gave_up_to_police(verb) -> bool:
    """"Surrendered to police", "surrendering on the warrants": a suspect's surrender is
    the arrest's, no agreement."""
    if verb.lemma_.lower() == "agree":  # "the suspect agreed to surrender himself to police"
        return any(k.dep_ == "xcomp" and _gave_up_to_police(k) for k in verb.children)
    return gives_self_up(verb) or verb.lemma_.lower() == "surrender" and any(
        k.lower_ == "on" and g.lemma_.lower() == "warrant"
        for k in verb.children if k.dep_ == "prep" for g in k.children if g.dep_ == "pobj")


def _imperative(verb) -> bool:
    """A bare verb with no subject heading its sentence: "call (800) ...", "see page 4"."""
    head = verb.head if verb.dep_ == "conj" else verb
    return verb.tag_ == "VB" and head.dep_ == "ROOT" and head.tag_ == "VB" and not any(
        k.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "expl") for k in head.children)


def _asks_a_question(verb) -> bool:
    """"Asked why the women ...", "insisted that it stems from ...", '"...?" Jansen asked':
    a question or a claim, not a request to act."""
    for k in verb.children:
        if k.dep_ == "ccomp" and (any(g.lower_ in _WH for g in k.children if g.dep_ in ("advmod", "mark", "nsubj",
                                                                                        "dobj", "attr"))
                                  or (verb.lemma_.lower() == "insist" and k.tag_ in ("VBZ", "VBD", "VBP"))):
            return True
    if verb.lemma_.lower() == "ask" and any(k.dep_ == "prep" and k.lower_ == "about" for k in verb.children) \
            and not any(k.dep_ in ("xcomp", "ccomp") for k in verb.children):
        return True  # "asked Clinton about her email": a question
    return not any(k.dep_ in ("dobj", "xcomp", "ccomp", "prep", "dative") for k in verb.children) and \
        verb.lemma_.lower() == "ask"


def _hazard(tok, lex: Lexicon) -> bool:
    """A fire, a flood or a storm: what threatens without anyone's intent."""
    cues = _values(_cues(_np_text(tok), lex), "context")
    return bool(cues & {"DISASTER", "ABSTRACT"}) and tok.ent_type_ not in ("PERSON", "ORG", "NORP", "GPE")


# agents that are no one in particular: "whom many blame", "some accuse him of ..."
_ANYONE_MANY = frozenset({"many", "some", "others", "few", "most", "everyone", "everybody", "anyone", "people",
                          "someone", "somebody", "all"})


def _no_one_in_particular(c: Clause) -> str | None:
    """Why the agent is no one who acts: "many", "some", "all" ... (None when it is someone)."""
    r = c.agent_role
    return f"'{r.tok.text}' is no one in particular" if r is not None and r.tok.lower_ in _ANYONE_MANY else None


# conferences that are no meeting between parties
_NO_MEETING_CONFERENCES = frozenset({"press", "news", "video", "academic", "scientific", "medical", "tournament"})
# what a verb of calling takes besides whom it calls, when it names or summons rather than
# telephones: "called him a liar", "called off", "called in the army", "calls it a day"
_CALL_NOT_PHONED = frozenset({"oprd", "ccomp", "xcomp", "prt", "dative", "attr"})


def _calls_someone(verb, officials) -> bool:
    """"Clinton called Machado on Friday": a call placed to a person, an official or a
    state, which telephones them (PLOVER CONSULT): the verb's object is one, and nothing
    makes the call a naming, a summons or an election."""
    if verb.pos_ != "VERB" or any(k.dep_ in _CALL_NOT_PHONED and not (k.dep_ == "xcomp" and k.pos_ == "VERB")
                                  for k in verb.children):
        return False
    obj = next((k for k in verb.children if k.dep_ == "dobj"), None)
    return obj is not None and (obj.ent_type_ in ("PERSON", "GPE") or _titled(Role(obj, "object"), officials))


def _visits_a_place(c: Clause) -> bool:
    """"Visiting a local market": a common noun that is no actor is where one goes, not
    whom one meets (a country, a capital or the White House may stand for its government)."""
    r = c.patient_role
    if r is None and c.head.tok.pos_ == "NOUN":  # "a visit by a delegation to production sites"
        to = [g for k in c.head.tok.children if k.dep_ == "prep" and k.lower_ == "to" for g in k.children
              if g.dep_ == "pobj"]
        return bool(to) and all(g.pos_ == "NOUN" and not g.ent_type_ and g.lemma_.lower() not in _POLITIES
                                for g in to) and not c.pkinds & _POLITICAL_KINDS
    return r is not None and r.tok.pos_ == "NOUN" and c.pk not in _POLITICAL_KINDS and not c.pkinds & _POLITICAL_KINDS \
        and r.tok.lemma_.lower() not in _POLITIES  # "visited the Saudi capital"


# common nouns for a country or a region that stand for its governments ("her visit to the region")
_POLITIES = frozenset({"capital", "country", "region", "nation", "kingdom"})


def _warns_of_hazard(c: Clause) -> bool:
    """"Warned of fog", "warns residents about flooding": a hazard no actor threatens."""
    said = [g for k in c.head.tok.children if k.dep_ == "prep" and k.lower_ in ("of", "about", "against")
            for g in k.children if g.dep_ == "pobj"]
    said += [k for k in c.head.tok.children if k.dep_ in ("ccomp", "dobj")]
    return any("DISASTER" in _values(_cues(_phrase_text(t), c.lex), "context") for t in said)


# what is given or provided without aiding anyone: words, evidence, a hearing
_INFORMATION = frozenset({"evidence", "information", "detail", "account", "explanation", "statement", "interview",
                          "answer", "testimony", "update", "briefing", "figure", "data", "proof", "comment",
                          "speech", "example", "insight", "overview", "reason", "assurance", "clue", "motive",
                          "indication", "name", "timeline", "description", "footage", "video", "image", "photo",
                          "photograph", "picture", "recording", "audio", "tape", "transcript", "report", "document",
                          "finding", "result", "sketch", "clip", "map", "list", "analysis", "study", "survey",
                          "assessment", "review", "audit", "poll", "statistic", "estimate", "forecast", "number",
                          "guidance", "guideline", "album", "song", "film", "book", "version", "product"})


# what is given that aids no one: "a vote of confidence", "a boost", "a chance", "giving it
# another go", "providing a perspective", "gave the welcome", "gave a presentation"
_INTANGIBLE = frozenset({"vote", "boost", "signal", "nod", "chance", "opportunity", "impression", "sense", "credit",
                         "hope", "confidence", "voice", "platform", "lift", "edge", "head", "green", "go-ahead",
                         "go", "ahead", "light", "approval", "consent", "blessing", "try", "shot", "look",
                         "endorsement", "perspective", "view", "insight",
                         "outlook", "angle", "glimpse", "welcome", "introduction", "tour", "talk",
                         "speech", "presentation", "lecture", "address", "sermon", "performance", "toast",
                         "tribute", "interview",
                         # what is said or done to someone, not delivered: "gave commands", "gave chase"
                         "command", "order", "instruction", "warning", "direction", "chase", "pursuit"})
# what one seeks for oneself, asking no one for anything: "seeking a fourth term", "sought
# medical treatment"
_SOUGHT_FOR_ONESELF = frozenset({"term", "reelection", "re-election", "election", "office", "nomination", "seat",
                                 "presidency", "treatment", "care", "shelter", "cover"})


# what one dismisses as a REJECT: a proposal, a request or a case brought (dismissing an
# accusation or a report is a denial, docs/annotation.md; dismissing a person, a firing)
_DISMISSIBLE = _DECLINABLE | {"lawsuit", "suit", "case", "complaint", "petition", "call", "suggestion", "idea"}
_CONTROLS = frozenset({"button", "key", "switch", "lever", "pedal", "buzzer", "doorbell", "trigger", "panic"})
# what is shared as a state of mind, not as a resource or a task
_STANCES = frozenset({"concern", "apprehension", "fear", "worry", "view", "belief", "opinion", "sentiment", "feeling",
                      "frustration", "anger", "hope", "goal", "vision", "skepticism", "scepticism", "doubt",
                      "outrage", "sympathy", "enthusiasm", "assessment", "perspective", "value", "reservation",
                      "thought", "idea", "experience", "story", "memory", "passion", "love", "interest"})


# what is rounded up, gathered or collected that is no one: a list, a sample, votes, cattle
_GATHERED_THINGS = _INFORMATION | {"sampling", "sample", "selection", "collection", "highlight", "way", "example",
                                   "vote", "support", "money", "fund", "donation", "cattle", "sheep", "horse", "dog",
                                   "animal", "livestock", "stray", "cart", "trolley", "supply"}


def _names_one_of(obj, words: frozenset[str]) -> bool:
    """The object, or what it is a number of ("a sampling of the ways"), is one of `words`."""
    return obj is not None and any(t is not None and t.lemma_.lower() in words for t in (obj, of_object(obj)))


def _not_people(obj) -> bool:
    """"A sampling of the ways", "the stray dogs": things or animals."""
    return _names_one_of(obj, _GATHERED_THINGS)


def _gives_information(obj) -> bool:
    return _names_one_of(obj, _INFORMATION)


_POLITICAL_KINDS = frozenset({"government", "international_org", "state_forces", "rebels", "political_militia",
                              "identity_militia", "external_forces", "ngo", "protesters"})


def _political_agent(c: Clause) -> bool:
    """A diplomatic word counts with an actor that can act politically: a state, an
    organisation, an armed or political group, a people ("Bosnian Serbs demanded ..."),
    or an official the actors stage knows; not a private person or "many"."""
    r = c.agent_role
    if r is None:
        return False
    if c.ak in _POLITICAL_KINDS or r.tok.ent_type_ in ("GPE", "ORG", "NORP") or r.tok.lemma_.lower() in _STATES:
        return True
    if r.tok.lemma_.lower() in _STATE_BODIES:
        return True  # "the main opposition party demanded", "prosecutors opened an investigation"
    if c.agent is not None and (c.agent.kind is not None or r.tok.ent_type_ == "PERSON"):
        return True
    return _representatives(r.tok) or _titled(r, c.ctx.officials)


# prepositions that name the parties to a meeting noun: "a meeting with his counterparts",
# "a visit from Secretary of State Clinton", "talks between Kiev and Moscow"
_PARTY_PREPS = frozenset({"with", "from", "by", "between", "among", "of"})


def _parties_named(noun, officials: frozenset[str]) -> bool:
    """A meeting noun whose own phrase names a political party to it: a state, a
    people, an official or a representative ("a summit of 27 leaders"); not an organisation
    (the monthly meeting of a club or a task force is civic life, not diplomacy)."""
    if noun.pos_ != "NOUN":
        return False
    cands = [g for k in noun.children if k.dep_ == "prep" and k.lower_ in _PARTY_PREPS
             for g in k.children if g.dep_ == "pobj"]
    cands += [k for k in noun.children if k.dep_ == "poss"]
    cands += [c for g in cands for c in g.children if c.dep_ == "conj"]
    for g in cands:
        if g.ent_type_ in ("GPE", "NORP") or g.lemma_.lower() in _REPRESENTING | _TITLES | {"counterpart"}:
            return True
        if _official_named(g, officials) or any(
                m.lower_ in _TITLES for m in g.subtree if m.dep_ in ("compound", "amod", "appos")):
            return True
    return False


# prepositions that set a clause's act at a meeting its subject attends
_AT_MEETING = frozenset({"after", "before", "during", "at", "following"})


def _attended_by_official(noun, officials: frozenset[str]) -> bool:
    """"Chancellor Angela Merkel told reporters after the day-long meeting": a meeting whose
    clause's subject, an official, spoke at it or around it is one that official attended."""
    prep = noun.head
    if noun.pos_ != "NOUN" or noun.dep_ != "pobj" or prep.lower_ not in _AT_MEETING:
        return False
    subj = next((k for k in prep.head.children if k.dep_ == "nsubj"), None)
    return subj is not None and _titled(Role(subj, "subject", []), officials)


# Who acts privately (docs/annotation.md: PLOVER-only events are gold between political
# actors): a company, its customers and owners, residents
_PRIVATE_ROLES = frozenset({"company", "firm", "business", "corporation", "store", "retailer", "manufacturer",
                            "developer", "employer", "customer", "client", "investor", "shareholder", "airline",
                            "ceo", "executive", "owner", "landlord", "tenant", "resident", "neighbor", "neighbour",
                            "parent", "fan", "shopper", "homeowner", "consumer", "bank", "insurer", "builder",
                            # a police report's private persons: "the driver refused to stop"
                            "driver", "motorist", "passenger", "suspect"})
# ... and words that make a private body of the name they modify, though alone they are
# places ("the Upper King Street Neighborhood Association is co-hosting a forum")
_PRIVATE_MODIFIERS = _PRIVATE_ROLES | {"neighborhood", "neighbourhood"}
# whom an act is addressed to that makes it private: a relative, a friend, a crowd ("urged
# her husband to come out of the car", "asked the crowd to welcome the governor")
_PRIVATE_ADDRESSEES = frozenset({"husband", "wife", "son", "daughter", "mother", "father", "brother", "sister",
                                 "boyfriend", "girlfriend", "family", "child", "children", "kid", "friend",
                                 "crowd", "audience"})
_COMPANY_MARKS = frozenset({"inc", "inc.", "co", "co.", "corp", "corp.", "corporation", "llc", "ltd", "ltd.",
                            "plc", "company", "companies", "airlines", "airways", "bank", "farms", "motors",
                            # a charity, and a firm named by its partners ("Stevens & Wilkinson")
                            "foundation", "&"})


def _private_party(c: Clause) -> bool:
    """The agent acts as a private party: a business ("Julian LeCraw & Co.", "the CEOs"),
    its customers or owners, residents. (A person named without an office is not read as
    private: the actors stage knows too few officials by name, and "Kerry met Lavrov" is
    gold.)"""
    r = c.agent_role
    if r is None or c.ak in _POLITICAL_KINDS - {"ngo"} or _titled(r, c.ctx.officials) or _representatives(r.tok):
        return False
    tok = r.tok
    if tok.lemma_.lower() in _PRIVATE_ROLES or any(  # "an auto manufacturers trade group"
            m.dep_ in ("compound", "amod") and m.lemma_.lower() in _PRIVATE_MODIFIERS
            for m in tok.subtree if m.i < tok.i):
        return True
    name = {t.lower_ for t in tok.subtree if t.dep_ in ("compound", "conj", "cc", "punct") or t.i == tok.i}
    return tok.ent_type_ == "ORG" and bool(name & _COMPANY_MARKS)


# bodies of a state or of its politics, which act as such however the actors stage names them
# (not event_place._INSTITUTIONS: the bodies "in Parliament" names instead of a place)
_STATE_BODIES = frozenset({"party", "opposition", "prosecutor", "prosecution", "judiciary", "court", "parliament",
                           "ministry", "authority", "council", "assembly", "coalition", "senate", "congress",
                           "legislature", "cabinet", "presidency", "commission", "union", "investigator"})
# common nouns that name states or their governments ("the two countries signed an agreement")
_STATES = frozenset({"country", "nation", "state", "government", "administration", "ally", "power", "neighbor",
                     "neighbour", "capital", "republic", "kingdom", "regime",
                     # a local government acting: "the city of Phoenix is demanding that ..."
                     "city", "county", "municipality"})



def _titled(r: Role | None, officials: frozenset[str] = frozenset()) -> bool:
    """A role filled by a person named with an office ("Mayor Brita Hagi Hasan",
    "Vice-President Moody Awori", "Hasan, the mayor of Aleppo"), or by the name of one
    the report gives an office elsewhere ("President Barack Obama ... Obama met ...")."""
    if r is None:
        return False
    tok = r.tok
    if _official_named(tok, officials):
        return True
    mods = [m for m in tok.children if m.dep_ in ("compound", "appos", "amod")]
    mods += [g for m in mods for g in m.children if g.dep_ in ("compound", "amod")]
    return tok.lower_ in _TITLES or tok.lemma_.lower() in _TITLES or any(m.lower_ in _TITLES for m in mods)


def _official_named(tok, officials: frozenset[str]) -> bool:
    """The bare name of a person the report gives an office elsewhere. The parser's entity
    tagger drops many such repeats ("President Donald Trump ... Trump met Putin": the second
    "Trump", first in its sentence, is tagged a common noun), so an untagged capitalised
    noun counts too; a name inside another entity ("Trump Tower") does not."""
    return tok.lower_ in officials and (tok.ent_type_ == "PERSON" or (
        not tok.ent_type_ and tok.is_title and tok.pos_ in ("PROPN", "NOUN")))


# how far before a person's name its office may stand: "then-Secretary of State Hillary Clinton"
_TITLE_REACH = 4


def officials(doc) -> frozenset[str]:
    """Surnames (lower case) of the people a report names with an office anywhere: news
    gives the office once ("Vice President Joe Biden") and the bare name after."""
    out = set()
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        before = doc[max(ent.sent.start, ent.start - _TITLE_REACH): ent.start]
        after = [a for a in ent.root.children if a.dep_ == "appos"]
        if any(t.lower_.split("-")[-1] in _TITLES for t in before) or any(
                t.lower_ in _TITLES for a in after for t in a.subtree):
            out.add(ent[-1].lower_)
    return frozenset(out)


# People who speak or act for a state, a people or an organisation
_REPRESENTING = frozenset({"representative", "leader", "official", "delegate", "delegation", "negotiator",
                           "diplomat", "elder", "envoy", "mediator", "lawmaker", "legislator", "minister",
                           "spokesman", "spokeswoman", "spokesperson", "observer", "inspector", "monitor"})


def _representatives(tok) -> bool:
    """"South Ossetian representatives", "UN inspectors", "tribal elders", "leaders of the
    G7": a representing role named with whom it represents (a people, a place or an
    organisation)."""
    if tok.lemma_.lower() not in _REPRESENTING:
        return False
    of = [g for k in tok.children if k.dep_ == "prep" and k.lower_ == "of" for g in k.children if g.dep_ == "pobj"]
    return any(m.dep_ in ("amod", "compound", "nmod") and (m.ent_type_ in ("NORP", "GPE", "ORG")
                                                          or m.lower_ in ("tribal", "traditional", "community"))
               for m in tok.children) or any(g.ent_type_ in ("NORP", "GPE", "ORG") for g in of)


_HOSTILE_FRAMES = frozenset({"ATTACK", "KILL", "SHOOT", "BOMB", "AIRSTRIKE", "SHELL", "STRIKE", "CLASH", "CAPTURE",
                             "RETAKE", "RIOT", "LOOT", "ABDUCT", "ARREST", "COERCE", "SANCTION", "PROTEST", "REJECT",
                             "THREATEN", "ACCUSE"})


# what one offers that commits one to nothing
_NO_COMMITMENT = frozenset({"condolence", "prayer", "thanks", "apology", "praise", "congratulation", "sympathy",
                            "job", "position", "post",  # "offered her a position as city manager"
                            "thought", "opinion", "view", "perspective", "glimpse", "advice", "tip", "word",
                            "encouragement", "tribute", "blessing", "wish", "greeting", "remark", "observation"})


def _commitment(c: Clause) -> Typing | None:
    """A promise, pledge or vow is an AGREE when what is promised is cooperative, a
    THREATEN when it is hostile ("vowed to fight on")."""
    if c.head.frame != "COMMIT":
        return None
    if c.weak and not _political_agent(c):
        return Typing(None, "promise without a political actor")
    promised = [t for t in c.head.anchor.children if t.dep_ in ("xcomp", "dobj", "ccomp")]
    if c.head.anchor.lemma_.lower() == "commit" and not any(
            t.dep_ == "xcomp" or (t.dep_ == "prep" and t.lower_ == "to") for t in c.head.anchor.children):
        return Typing(None, "a deed committed, not a commitment")  # "is committing war crimes"
    if c.head.anchor.lemma_.lower() == "offer" and any(
            t.dep_ == "dobj" and (_gives_information(t) or t.lemma_.lower() in _NO_COMMITMENT) for t in promised):
        return Typing(None, "offered words or feelings, no commitment")  # "offered insights", "offered condolences"
    if promised and all(t.dep_ == "ccomp" and not any(a.dep_ == "aux" and a.lower_ in _SETTLING_MODALS | {"to"}
                                                          for a in t.children) for t in promised):
        return Typing(None, "swore to a fact, no commitment")  # "had sworn he never had ..."
    hits = [_match_trigger(t, c.lex) for t in promised]
    if any((h is not None and h[0] in ("PROTEST", "STRIKE")) or t.lemma_.lower() in _PROTEST_ACTS
           for h, t in zip(hits, promised, strict=True)):
        return Typing(None, "a protest vowed: a protest planned, not a commitment to anyone")
    if any(h is not None and h[0] in _HOSTILE_FRAMES for h in hits):
        return Typing("THREATEN", "vowed a hostile act")
    return Typing("AGREE_DIPLO", "promised")


# ways to protest a vow may promise ("vowed to sit-in at the parliament")
_PROTEST_ACTS = frozenset({"protest", "march", "rally", "strike", "boycott", "demonstrate", "sit", "picket"})


# In the codebook's order of precedence; the first family that decides wins.
FAMILIES: list[Callable[[Clause], Typing | None]] = [
    _mass_grave, _no_foe, _sport, _shows, _quarrel, _bare_crackdown, _things_rounded_up, _struck_by_a_thing,
    _landed_no_munition, _coup,
    _find,
    _disrupted_weapons, _territory, _clash, _protest, _sexual, _verbal_attack, _violence, _arrest, _abduct, _loot,
    _base, _change, _peace_talks, _agree, _commitment, _diplomatic,
]


def type_clause(c: Clause) -> Typing:
    build_clause(c)
    for family in FAMILIES:
        t = family(c)
        if t is not None:
            return t
    return Typing(None, "no rule")
