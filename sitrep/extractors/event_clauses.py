"""Event clauses on the dependency parse: triggers found per sentence, grouped into
happenings (one group = one event mention), with their extent and their agent and patient
roles."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .actors import country_of, speech_cues
from .event_lexicon import (
    _AGENTIVE_VERBS,
    _ASPECTUAL,
    _PHYSICAL,
    _SUBJ,
    _TACTICS,
    _UNACCUSATIVE,
    _VIOLENT,
    JOURNEYS,
    Lexicon,
    _cues,
    _forms,
    _is_light,
    _np_text,
    lexicon,
    sentence_of,
    token_memo,
)
from .gazetteer import get_gazetteer, norm_name
from .place_recognition import SETTLEMENT_NOUNS
from .report_frame import LOCATIVE_PREPS
from .times import WEEKDAYS

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


# Frames that describe physical happenings ACLED codes (they group with each other);

# ---------------------------------------------------------------------------- triggers
@dataclass
class Trigger:
    tok: Token
    frame: str
    weak: bool
    phrase: str
    anchor: Token = None  # the verb that carries tense/modality and the agent
    parent: Trigger | None = None
    children: list[Trigger] = field(default_factory=list)
    mode: str = ""  # the PLOVER mode the word states, if any
    # what a crowd did, told beside the arrests it led to ("detained 21 after ... clashes"): it took place
    held_by_arrest: bool = False



# Giving, sending or handing over what relieves or arms someone is aid (PLOVER's AID:
# humanitarian, economic or military), whoever the giver: "handed over 700 kg of
# medicine", "sent arms to", "delivered food". Goods are the verb's object or what its
# object measures ("tons of grain", "$50,000 worth of goods").
_TRANSFER_VERBS = frozenset({"deliver", "send", "ship", "supply", "donate", "airlift", "airdrop", "distribute",
                             "provide", "give", "hand", "dispatch", "truck"})
_AID_GOODS = frozenset({"aid", "medicine", "medicines", "medication", "food", "grain", "flour", "rice", "wheat",
                        "supplies", "supply", "relief", "tent", "tents", "blanket", "blankets", "vaccine", "vaccines",
                        "water", "fuel", "goods", "arms", "weapon", "weapons", "ammunition", "equipment",
                        "assistance", "drug", "drugs", "ration", "rations", "loan", "loans", "fund", "funds",
                        "money", "cash", "shelter", "clothing", "seed", "seeds"})


def _delivers_aid(verb: Token) -> bool:
    lemma = verb.lemma_.lower()
    if lemma not in _TRANSFER_VERBS or (lemma == "hand" and not any(c.lower_ == "over" for c in verb.children)):
        return False
    return any(_goods(o) for o in verb.children if o.dep_ in ("dobj", "nsubjpass"))


def of_object(noun: Token) -> Token | None:
    """The object of a noun's "of" phrase ("700 kg of medicine" -> medicine)."""
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    return next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None


def _goods(noun: Token) -> bool:
    """Aid goods, or a measure of them ("700 kg of medicine")."""
    return any(t is not None and (t.lemma_.lower() in _AID_GOODS or t.lower_ in _AID_GOODS)
               for t in (noun, of_object(noun)))


def _transfer_phrase(verb: Token) -> str:
    over = next((c for c in verb.children if c.lower_ == "over" and c.dep_ == "prt"), None)
    return f"{verb.text} {over.text}" if over is not None else verb.text


# "X said Y must/should do Z": saying what someone else is obliged to do is a demand of
# them (PLOVER's REQUEST/demand); one's own obligation ("said he must leave") is not
_OBLIGING = frozenset({"must", "should"})
# who can be obliged: a named actor, or a state's or a conflict's parties ("the economy
# should grow" obliges no one)
_OBLIGED = frozenset({"government", "force", "forces", "rebel", "party", "side", "country", "nation", "state",
                      "authority", "militia", "troop", "army", "leader", "regime", "administration", "community"})


def _demands(verb: Token) -> bool:
    """A speech verb whose reported clause obliges someone else."""
    cue = speech_cues().get(verb.lemma_.lower())
    if cue is None or cue["kind"] != "speech":
        return False
    for clause in verb.children:
        if clause.dep_ != "ccomp" or not any(a.dep_ == "aux" and a.lower_ in _OBLIGING for a in clause.children):
            continue
        subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and (subj.ent_type_ in ("GPE", "ORG", "NORP", "PERSON")
                                 or subj.lemma_.lower() in _OBLIGED):
            return True
    return False


def _phrase_of(forms: tuple[str, ...], words: tuple[str, ...], lex: Lexicon,
               either_order: bool = False) -> tuple | None:
    """The phrase row a trigger word's forms make with one of `words` ("face" + "charges");
    `either_order`: the word may also come first ("air strike")."""
    for f in forms:
        for w in words:
            hit = lex.pairs.get((f, w)) or (lex.pairs.get((w, f)) if either_order else None)
            if hit:
                return hit
    return None


# what an apposition calls a name that is a town: "Goma, the capital", "Baraka, the lakeside town"
TOWN_WORDS = SETTLEMENT_NOUNS | {"capital", "district", "hub", "port", "stronghold"}


def _place_taken(tok: Token, forms, kids, lex: Lexicon) -> tuple[str, bool, str, str] | None:
    """"The rebels took Goma": to take a named place is to take a town ("take town" in the
    lexicon); the territorial rules ask an armed taker of it (no election's "took Arizona")."""
    if tok.pos_ != "VERB" or "take" not in forms:
        return None
    obj = next((c for c in kids if c.dep_ == "dobj" and (c.ent_type_ in ("GPE", "LOC") or _a_known_town(c) or any(
        a.dep_ == "appos" and a.lemma_.lower() in TOWN_WORDS for a in c.children))), None)  # "Goma, the capital"
    hit = _phrase_of(forms, ("town",), lex) if obj is not None else None
    return (hit[0], True, f"{tok.text} {obj.text}", hit[2]) if hit else None


def _a_known_town(name: Token) -> bool:
    """"The TPLF took Weldiya": a proper noun the gazetteer knows as a town by its name,
    however the entity tagger labelled it (it often takes an unfamiliar town for a person
    or an organisation)."""
    if name.pos_ != "PROPN" or any(c.dep_ == "compound" for c in name.children):
        return False
    found = get_gazetteer().lookup([norm_name(name.text)]).get(norm_name(name.text), [])
    return any(e.feature == "city" and e.kind in ("name", "alt") for e in found)


# verbs whose reduced relative tells where people were, not what they did
_WHERE_PEOPLE_WERE = frozenset({"gather", "assemble", "crowd"})


# what makes a thrown grenade a police's means of crowd control
_CROWD_CONTROL = frozenset({"stun", "smoke", "flash", "flashbang", "sound", "gas", "teargas"})


# verbs of posting forces: their participle after a singular noun says where one person served
# ("a policeman deployed for the security of ..."); after forces ("units deployed in the area") it deploys them
_POSTED = frozenset({"deploy", "station", "post", "assign"})


def _reduced_relative_of_people(verb: Token) -> bool:
    """"Herders gathered near the pens" inside a clause: a participle right after the noun
    it describes (the parser hangs it as "acl", or as a conjunct of the verb before with no
    "and" to join them)."""
    if verb.dep_ == "acl":
        return True
    prev = verb.doc[verb.i - 1] if verb.i > 0 else None
    return verb.dep_ == "conj" and prev is not None and prev.pos_ in ("NOUN", "PROPN") and not any(
        c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


# what guards a post ("police picket", "army picket", "check post")
_POST_KEEPERS = frozenset({"police", "army", "military", "security", "border", "check", "fc", "levies", "ranger"})


def _a_post(tok: Token) -> bool:
    """A "picket" that is a guard post: its keepers named before it ("a police picket"), or
    stormed or attacked as a post is ("dacoits storm Kashmore picket")."""
    if tok.lemma_.lower() != "picket" or tok.pos_ not in ("NOUN", "PROPN"):
        return False
    return any(k.dep_ in ("compound", "amod", "nmod") and k.lower_ in _POST_KEEPERS for k in tok.children) or (
        tok.dep_ == "dobj" and lexicon().frame_of(tok.head.lemma_.lower()) in ("ATTACK", "CAPTURE"))


_UNREAD = object()


def _match_trigger(tok: Token, lex: Lexicon) -> tuple[str, bool, str, str] | None:
    """(frame, weak, matched phrase, PLOVER mode) when `tok` is a trigger (read once per token:
    the trigger search asks it again of objects and clauses, and the typing rules of theirs)."""
    memo = token_memo(tok, lex, "trigger")
    hit = memo.get(tok.i, _UNREAD)
    if hit is _UNREAD:
        hit = memo[tok.i] = _trigger_reading(tok, lex)
    return hit


def _trigger_reading(tok: Token, lex: Lexicon) -> tuple[str, bool, str, str] | None:
    forms = _forms(tok, lex)
    if lex.trigger_words.isdisjoint(forms) and not (tok.i >= 1 and tok.doc[tok.i - 1].text == "-"):
        return None  # no trigger, phrase or compound uses this word
    is_verb = tok.pos_ == "VERB"
    kids = list(tok.children)
    if is_verb:  # "cited the driver for speeding": the parser may hang "for" on the object
        kids += [p for o in kids if o.dep_ == "dobj" and o.lemma_.lower() not in lex.trigger_words
                 for p in o.children if p.dep_ == "prep" and p.lower_ == "for"]  # not "called demands for"
        # "set ablaze parts of the building": the particle before the object, parsed as its modifier
        kids += [a for o in kids if o.dep_ == "dobj" for a in o.children if a.dep_ == "amod" and a.i == tok.i + 1]
    undergoer = _reduced_passive(tok) if is_verb else None  # "State of emergency declared": its object
    for c in kids:  # phrasal verbs and two-word nouns first ("carry out", "air strike")
        if c.dep_ not in ("prt", "prep", "dobj", "compound", "amod", "nmod", "advmod", "oprd", "npadvmod", "xcomp",
                          "attr", "nsubjpass") and (undergoer is None or c.i != undergoer.i):  # "charges were filed"
            if not (c.dep_ == "ccomp" and c.pos_ == "ADJ"):  # "found Smith guilty": a small clause
                continue
        if c.dep_ == "prep" and (c.i < tok.i or _times(c)):
            continue  # "On Friday, X called ...", "For tickets, call ...", "in sick for three days", "a call on Sunday"
        hit = _phrase_of(forms, (c.lower_, c.lemma_.lower()), lex, either_order=True)
        if hit and hit[0] == "ENTER" and c.dep_ == "prep" and any(k.dep_ == "dobj" for k in kids):
            continue  # "pushed thousands of residents into Burundi": the object moved, no one advanced
        if hit and c.dep_ == "dobj" and any(k.lower_ in _CROWD_CONTROL for k in c.children):
            continue  # "threw stun grenades at the crowd": crowd control, no grenade attack
        if hit:
            return hit[0], hit[1], f"{tok.text} {c.text}" if c.i > tok.i else f"{c.text} {tok.text}", hit[2]
        if c.dep_ == "prep" and c.lower_ == "of" and tok.pos_ == "NOUN":
            # "the exchange of fire" is "exchanged fire": a nominalised verb and its object
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            hit = _phrase_of(forms, (obj.lower_, obj.lemma_.lower()), lex) if obj is not None else None
            if hit:
                return hit[0], hit[1], f"{tok.text} of {obj.text}", hit[2]
    taken = _place_taken(tok, forms, kids, lex)
    if taken is not None:
        return taken
    if is_verb and (tok.dep_ == "relcl" or _measure_participle(tok, lex)) and tok.head.i < tok.i \
            and not any(c.dep_ == "dobj" for c in kids):
        hit = _phrase_of(forms, (tok.head.lower_, tok.head.lemma_.lower()), lex)
        if hit and (tok.dep_ == "relcl" or hit[0] not in _TAKING_FRAMES):
            # "the charges he is facing", "a state of emergency declared in X": the phrase's
            # object is the noun the clause qualifies
            return hit[0], hit[1], f"{tok.head.text} {tok.text}", hit[2]
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.dep_ == "mark" and nxt.head.i > tok.i:  # "calls for Israel to hand over the maps":
        hit = _phrase_of(forms, (nxt.lower_,), lex)
        if hit:  # the parser made "for" the mark of the clause that says what is called for
            return hit[0], hit[1], f"{tok.text} {nxt.text}", hit[2]
    lower = tok.lower_
    if tok.i >= 2 and tok.doc[tok.i - 1].text == "-":  # "cease-fire", "sit-in"
        joined = tok.doc[tok.i - 2].lower_ + "-" + lower
        if joined in lex.triggers:
            f, w, mode = lex.triggers[joined]
            return f, w, tok.doc[tok.i - 2: tok.i + 1].text, mode
    if tok.i + 2 < len(tok.doc) and tok.doc[tok.i + 1].text == "-":
        joined = lower + "-" + tok.doc[tok.i + 2].lower_
        if joined in lex.triggers:
            return None  # the hyphen compound is matched on its last part
    for k in forms:
        if k in lex.triggers:
            if k in _WHERE_PEOPLE_WERE and _reduced_relative_of_people(tok):
                return None  # "a group of traders gathered near the pens": who was there, no rally
            if k in _POSTED and tok.dep_ == "acl" and tok.head.tag_ == "NN" and not any(
                    c.dep_ in ("aux", "auxpass") for c in tok.children):
                return None  # "a policeman deployed for the security of a polio team": who he was
            # "a town hall annex ..., was set alight": a verb-only word hung as an apposition is a noun
            if (k in lex.verb_only and (not is_verb or tok.dep_ == "appos")) or (
                    k == "engage" and not _engaged_in_combat(tok)):
                return None
            f, w, mode = lex.triggers[k]
            return f, w, tok.text, mode
    return None



# frames whose object is a place taken or lost: "a village taken by the army" tells the village
_TAKING_FRAMES = frozenset({"CAPTURE", "RETAKE", "LOSE", "ENTER"})


def _measure_participle(verb: Token, lex: Lexicon) -> bool:
    """"A state of emergency declared in the province": a participle after a noun that no
    trigger names on its own, which with the participle makes a phrase ("declare state");
    a noun that is an event itself ("a ceasefire announced in April") is that event."""
    noun = verb.head
    return verb.dep_ == "acl" and verb.tag_ in ("VBN", "VBD") and not (
        noun.lemma_.lower() in lex.triggers or noun.lower_ in lex.triggers)


def _engaged_in_combat(verb: Token) -> bool:
    """"Troops engaged the attackers near Aila" is a fight; "engaged the opposition in talks",
    "engaged in looting" and "engaged with the community" are not."""
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    kids = [k for t in [verb, *objs] for k in t.children]
    return bool(objs) and not any(c.dep_ == "prep" and c.lower_ in ("in", "with") for c in kids)


def _weapon_used(verb: Token, lex: Lexicon) -> Trigger | None:
    """A support verb whose object names a weapon is the attack ("fired rockets"); aircraft
    launched are one only at something ("launched drones at the base", not "launched the
    drones" to search the sea)."""
    for o in (c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")):
        if _match_trigger(o, lex) is not None:
            return None  # "launched shells": the noun is the trigger
        tactics = {v for v, _ in _cues(_phrase_text(o), lex).get("weapon", ()) if v in _TACTICS}
        if tactics == {"AIR"} and not _aimed(verb, o):
            continue
        if verb.lemma_.lower() in _DETONATING and "IED" not in tactics:
            continue  # "triggered an IED", not "triggering an exchange of fire" (what it set off)
        if tactics:
            return Trigger(verb, "ATTACK", False, f"{verb.text} {o.text}")
    return None


_AIMING = frozenset({"at", "on", "against", "into", "toward", "towards"})
# verbs of setting a device off ("triggered an IED", "set off a roadside bomb"): a bombing
# with a bomb for their object (not support verbs: "triggering an exchange of fire" is what
# a happening set off)
_DETONATING = frozenset({"trigger", "set"})


def _aimed(verb: Token, obj: Token) -> bool:
    """A launch or a firing aimed at something: "launched drones at the base"."""
    return any(k.dep_ == "prep" and k.lower_ in _AIMING for k in (*verb.children, *obj.children))


def _times(prep: Token) -> bool:
    """A preposition whose object is a time ("for three days", "on Friday")."""
    return any(g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME") for g in prep.children)


def _find_triggers(sent: Span | list[Token], lex: Lexicon, names: frozenset[str] = frozenset()) -> list[Trigger]:
    """Triggers among the tokens of one sentence; `names`: the words of the people the
    report names (place_recognition.person_words), which are never triggers."""
    found: list[Trigger] = []
    taken: set[int] = set()
    described: set[int] = set()
    for tok in sent:
        if tok.pos_ not in ("VERB", "NOUN", "PROPN", "ADJ") or tok.i in taken:
            continue
        if tok.pos_ == "PROPN" and tok.ent_type_ in ("PERSON", "GPE", "ORG", "NORP", "LOC", "FAC") and not (
                tok.dep_ == "pobj" and _lockup_word(tok) == "jail"):  # "taken to the Oxford Police Department"
            continue
        if tok.text[:1].isupper() and (tok.ent_type_ == "PERSON" or tok.lower_ in names):
            continue  # "Loretta Lynch ... Lynch said": a name, though the tagger calls it a verb
        if tok.ent_type_ in ("DATE", "TIME"):
            continue  # "on March 21"
        if tok.lower_ == "according" and any(c.lower_ == "to" for c in tok.children):
            continue  # "according to": an attribution, not an accord
        if tok.pos_ == "VERB" and _delivers_aid(tok):  # before "hand over" a town
            found.append(Trigger(tok, "AID", False, _transfer_phrase(tok)))
            taken.add(tok.i)
            continue
        hit = _match_trigger(tok, lex)
        if hit is not None and ((hit[0] == "ACCUSE" and _rushed_at(tok)) or (hit[0] == "PROTEST" and _a_post(tok))):
            continue  # "charged at him with a knife": a rush, no charge laid; "stormed a police picket": a post
        if hit is None and tok.pos_ == "VERB" and _demands(tok):  # "agreed that X should" is agreeing
            found.append(Trigger(tok, "REQUEST", True, tok.text, mode="demand"))
            taken.add(tok.i)
            continue
        t = _idiom_trigger(tok)
        if t is not None:
            found.append(t)
            taken.add(tok.i)
            continue
        crowd = _crowd_trigger(tok, lex) if hit is None and tok.pos_ == "VERB" else None
        if crowd is not None:
            found.append(crowd)
            taken.add(tok.i)
            continue
        if hit is None:
            light = _weapon_used(tok, lex) if tok.pos_ == "VERB" and (
                _is_light(tok, lex) or tok.lemma_.lower() in _DRIVEN_AT | _DETONATING) else None
            if light is not None:
                found.append(light)
            continue
        frame, weak, phrase, mode = hit
        frame = _frame_here(frame, tok, lex)
        if tok.lemma_.lower() in _LOCKUPS and tok.dep_ == "pobj" and tok.head.lower_ in LOCATIVE_PREPS:
            continue  # "arraigned at the county jail": where, not a detention (the idioms take "held in jail")
        if tok.pos_ == "ADJ" and frame not in ("KILL",):
            continue
        if _no_happening(tok, frame, weak):
            continue
        if tok.pos_ == "VERB" and tok.lemma_.lower() in _SUPPORTING and any(
                c.dep_ == "dobj" and (h := _match_trigger(c, lex)) is not None and h[0] != frame for c in tok.children):
            continue  # "opened fraud investigations": the object's event, not a base opened
        if (tok.dep_ == "amod" and tok.tag_ in ("VBN", "VBD", "JJ")) or _names_a_place_as(tok):
            continue  # "the besieged city", "war-torn", "in occupied Melitopol": a description, not a happening
        if tok.tag_ in ("VBN", "JJ") and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") and any(
                c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            continue  # "the injured included an officer": the people the violence left, named as such
        if _names_a_kind(tok):
            continue  # "riot police", "protest leaders": the head noun says what it is
        if tok.pos_ == "NOUN" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ in _CRIME_HEADS:
            continue  # "Police catch murder suspect": a compound the parser split in a headline
        if _hyphen_modifier(tok):
            continue  # "a sanctions-only approach", "war-weary voters": a kind of thing
        if tok.dep_ == "pobj" and tok.head.lower_ in ("without",):
            continue  # "withdrew without a fight"
        if (not _verbal(tok) and _describes_actor(tok, lex)) or (
                tok.dep_ in ("acl", "relcl") and tok.head.i in described):
            described.add(tok.i)
            continue
        weak = weak and not (frame == "SHOOT" and _shots_aimed(tok))
        found.append(Trigger(tok, frame, weak, phrase, mode=mode))
        taken.add(tok.i)
    for t in found:
        if t.anchor is None:
            t.anchor = _anchor(t.tok, lex)
    return found


# a vehicle bomb driven at its target ("drove an explosives-laden vehicle into the base"):
# the verb is the attack only with a weapon for its object, and stays a crowd's motion else
_DRIVEN_AT = frozenset({"drive", "ram", "crash", "steer"})
_ROUNDS = frozenset({"shot", "round", "bullet", "volley", "salvo", "burst"})
_AIMED_AT = frozenset({"at", "on", "into", "upon", "toward", "towards"})


def _shots_aimed(verb: Token) -> bool:
    """"Fired at a group of young men", "fired 12 rounds into the shutters", "fired at
    least three times": a weapon fired, not a worker fired or a kiln fired."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() != "fire":
        return False
    for c in verb.children:
        if c.dep_ == "dobj" and c.lemma_.lower() in _ROUNDS:
            return True
        if c.lower_ == "times" and any(k.like_num or k.pos_ == "NUM" for k in c.subtree):
            return True
        if c.dep_ == "prep" and c.lower_ in _AIMED_AT and any(
                p.dep_ == "pobj" and p.ent_type_ not in ("DATE", "TIME", "ORDINAL") for p in c.children):
            return True
    return False


_RUSH_PREPS = frozenset({"at", "toward", "towards", "into", "through", "across", "down", "up"})


def _no_happening(tok: Token, frame: str, weak: bool) -> bool:
    """A trigger word that tells no happening here: "tear gas shells", "the burned-out
    shells of motorcycles" (no artillery); "a project entitled: Supporting ..." (a name);
    "people had gathered to buy and sell grain" (a market's crowd)."""
    if frame == "SHELL" and _no_artillery(tok):
        return True
    return _in_a_title(tok) or (frame == "PROTEST" and weak and _gathered_for_errand(tok))


# what a crowd gathers for that is no protest: trade, worship, feasts, games, aid
_ERRANDS = frozenset({"buy", "sell", "shop", "trade", "pray", "worship", "celebrate", "watch", "attend", "eat",
                      "collect", "receive", "fetch", "draw", "vote", "play", "dance", "bathe", "wash"})
_ERRAND_NOUNS = frozenset({"market", "prayer", "prayers", "wedding", "feast", "festival", "match", "game", "concert",
                           "service", "mass", "meal", "distribution", "celebration", "celebrations", "ceremony"})


# what gathers that is no crowd of demonstrators: vehicles, fighters, evidence
_NO_CROWD = frozenset({"vehicle", "truck", "pickup", "tank", "boat", "convoy", "fighter", "troop", "soldier",
                       "militant", "gunman", "militiaman", "force", "information", "evidence", "intelligence",
                       "data", "signature", "cloud", "storm"})


# whom an organiser gathers ("gathered thousands of supporters"): still a crowd
_GATHERED_PEOPLE = frozenset({"people", "supporter", "protester", "demonstrator", "crowd", "member", "follower",
                              "resident", "villager", "student", "worker", "thousand", "hundred", "dozen"})


def _gathered_for_errand(tok: Token) -> bool:
    """"People had gathered to buy and sell grain", "gathered for Friday prayers": a crowd
    come for trade, worship or a feast, not a demonstration; "gathered that ...": learned;
    vehicles or fighters gathered: no crowd."""
    if tok.pos_ != "VERB":
        return False
    if any(k.dep_ == "ccomp" for k in tok.children):
        return True  # "Daily Trust gathered that the bandits demanded a ransom": learned, not assembled
    gatherer = tok.head if tok.dep_ in ("acl", "relcl") else next(
        (k for k in tok.children if k.dep_ in ("nsubj", "nsubjpass")), None)
    if gatherer is None and tok.dep_ == "dep" and tok.i > 0:
        gatherer = tok.doc[tok.i - 1]  # a participle the parser left unattached: the noun before it
    if gatherer is not None and gatherer.lemma_.lower() in _NO_CROWD:
        return True  # "air strikes on RSF vehicles gathered near the town": no crowd
    if tok.lemma_.lower() == "gather" and any(
            k.dep_ == "dobj" and not (k.like_num or k.lemma_.lower() in _GATHERED_PEOPLE) for k in tok.children):
        return True  # "kidnapped while gathering firewood", "gathered signatures": things collected
    for k in tok.children:
        if k.dep_ in ("xcomp", "advcl") and k.lemma_.lower() in _ERRANDS:
            return True
        if k.dep_ == "prep" and k.lower_ == "for" and any(
                g.dep_ == "pobj" and g.lower_ in _ERRAND_NOUNS for g in k.children):
            return True
    return False


def _rushed_at(tok: Token) -> bool:
    """The verb "charge" aimed at someone or somewhere ("charged at officers", "charged
    into the crowd") is a rush, not an accusation; so is a charge on a crowd with no
    crime it is charged with ("riot police charged the groups several times")."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() != "charge":
        return False
    if any(c.dep_ == "prep" and c.lower_ in _RUSH_PREPS for c in tok.children):
        return True
    return not any(c.dep_ == "prep" and c.lower_ == "with" for c in tok.children) and any(
        c.dep_ == "dobj" and c.lemma_.lower() in _CHARGED_CROWDS for c in tok.children)


# who is charged as a crowd is rushed at, not accused
_CHARGED_CROWDS = frozenset({"crowd", "group", "protester", "demonstrator", "rioter", "youth", "line", "barricade",
                             "mob", "fan", "marcher"})


# nouns a crime's name modifies ("murder suspect", "assault charges")
_CRIME_HEADS = frozenset({"suspect", "suspects", "defendant", "defendants", "charge", "charges", "case", "cases",
                          "trial", "conviction", "convictions", "count", "counts", "warrant", "warrants"})

# places of detention, which name where when a locative governs them
_LOCKUPS = frozenset({"jail", "prison"})

_TEAR_GAS = frozenset({"tear", "teargas", "gas", "tear-gas"})
_HUSKS = frozenset({"burned-out", "burnt-out", "burned", "burnt", "charred", "gutted", "empty", "blackened"})


def _no_artillery(tok: Token) -> bool:
    """"Tear gas shells" are crowd control; "the burned-out shells of motorcycles" are husks."""
    if tok.i > 0 and tok.doc[tok.i - 1].lower_ in _TEAR_GAS:
        return True
    if tok.pos_ != "NOUN" or tok.lemma_.lower() != "shell":
        return False
    return any(k.lower_ in _HUSKS for k in tok.children if k.dep_ in ("amod", "compound")) or any(
        g.lemma_.lower() in _HUSKED for k in tok.children if k.dep_ == "prep" and k.lower_ == "of"
        for g in k.children if g.dep_ == "pobj")


# what leaves a shell when burned out: "the shells of motorcycles" (not "shells of the army")
_HUSKED = frozenset({"car", "motorcycle", "motorbike", "vehicle", "bus", "truck", "lorry", "building", "house",
                     "home", "shop", "van", "tram", "train"})


def _names_a_place_as(tok: Token) -> bool:
    """"in occupied Melitopol", "Nablus, occupied West Bank": a participle with no subject or
    auxiliary of its own, right before a place's name after a preposition, a comma or a
    determiner, describes the place (the tagger often reads it as a verb taking the name)."""
    doc = tok.doc
    if tok.tag_ not in ("VBN", "VBD") or tok.i + 1 >= len(doc) or doc[tok.i + 1].tag_ != "NNP":
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") and not (c.is_upper and c.is_sent_start)
           for c in tok.children):
        return False  # (a dateline's capitals are no subject: "RAMALLAH, occupied West Bank (AP)")
    before = doc[tok.i - 1] if tok.i > 0 else None
    if before is not None and before.text == "," and tok.i > 1:
        return doc[tok.i - 2].tag_ == "NNP" and tok.dep_ != "conj"  # "Nablus, occupied West Bank"
    return before is not None and before.pos_ in ("ADP", "DET")


def _in_a_title(tok: Token) -> bool:
    """A capitalised word right after "entitled", "titled" or "dubbed" (a colon or a quote
    between) begins the title of a work, a project or an operation."""
    if not tok.text[:1].isupper() or tok.i == tok.sent.start:
        return False
    k = tok.i - 1
    while k > tok.sent.start and tok.doc[k].is_punct:
        k -= 1
    return tok.doc[k].lower_ in ("entitled", "titled", "dubbed")


def _idiom_trigger(tok) -> Trigger | None:
    """A verb's idiom with the noun's preposition ("came under fire", "was taken into
    custody", "remanded back into custody"), anchored on the verb."""
    if tok.dep_ != "pobj":
        return None
    noun = _lockup_word(tok)
    idiom = _IDIOMS.get((tok.head.lower_, noun))
    gov = tok.head.head
    if gov.pos_ == "ADV" and gov.dep_ == "advmod":  # "remanded back into custody"
        gov = gov.head
    verbs = _IDIOM_VERBS.get((tok.head.lower_, noun))
    if idiom is None or (verbs is not None and gov.lemma_.lower() not in verbs) or gov.pos_ not in ("VERB", "AUX"):
        return None
    if gov.lemma_.lower() == "go" and any(c.dep_ in ("det", "poss") for c in tok.children):
        return None  # "went to jail" is a jailing, "went to the jail to visit" a visit
    t = Trigger(tok, idiom, False, f"{gov.text} {tok.head.text} {tok.text}")
    t.anchor = gov
    return t


# prepositional idioms: (preposition, noun) -> frame; "came under fire", "taken into custody"
_IDIOMS = {("under", "fire"): "ATTACK", ("under", "attack"): "ATTACK", ("under", "shelling"): "SHELL",
           ("under", "bombardment"): "SHELL", ("into", "custody"): "ARREST", ("in", "custody"): "ARREST",
           ("to", "custody"): "ARREST", ("to", "prison"): "ARREST", ("to", "jail"): "ARREST",
           ("on", "charge"): "ARREST", ("on", "charges"): "ARREST", ("without", "charge"): "ARREST",
           ("without", "bond"): "ARREST", ("without", "bail"): "ARREST", ("in", "jail"): "ARREST",
           ("on", "alert"): "MOBILIZE", ("under", "arrest"): "ARREST", ("on", "bail"): "ARREST",
           ("on", "bond"): "ARREST", ("under", "investigation"): "ACCUSE", ("on", "fire"): "LOOT",
           ("on", "standby"): "MOBILIZE", ("for", "questioning"): "ARREST", ("on", "suspicion"): "ARREST",
           ("on", "mine"): "BOMB", ("over", "mine"): "BOMB"}
# idioms that hold only under these verbs ("held on charges", not "accused on charges")
_IDIOM_VERBS = {("on", "charge"): {"hold", "jail", "detain"}, ("on", "charges"): {"hold", "jail", "detain"},
                ("without", "charge"): {"hold", "detain", "jail"}, ("to", "custody"): {"send", "remand", "commit"},
                ("without", "bond"): {"hold", "jail", "detain"}, ("without", "bail"): {"hold", "jail", "detain"},
                ("in", "jail"): {"hold", "be", "remain", "book", "lodge", "place"},
                ("to", "prison"): {"send", "remand", "commit"},
                ("to", "jail"): {"send", "remand", "commit", "take", "transport", "bring", "go"},
                ("on", "alert"): {"put", "place", "remain", "stay", "be", "keep", "go"},
                # "held on $100,000 bail", not "released on bail"
                ("on", "bail"): {"hold", "jail", "detain", "keep", "remain"},
                ("on", "bond"): {"hold", "jail", "detain", "keep", "remain"},
                ("under", "investigation"): {"be", "have", "remain", "place", "put", "come", "keep"},
                # "cars were set on fire", not "the building was on fire"
                ("on", "fire"): {"set"}, ("on", "standby"): {"put", "place", "remain", "be", "keep", "go"},
                # "taken in for questioning", "held on suspicion of ...": not "wanted for questioning"
                ("for", "questioning"): {"take", "hold", "detain", "bring"},
                ("on", "suspicion"): {"hold", "detain", "take", "keep"},
                # "stepped on a mine", "drove over a mine": not "worked on a mine"
                ("on", "mine"): {"step", "tread"}, ("over", "mine"): {"drive", "run", "roll"}}


def _lockup_word(tok: Token) -> str:
    """A detention facility or a police station is a jail ("taken to a juvenile detention
    facility", "taken to the police station")."""
    mods = {c.lower_ for c in tok.children if c.dep_ in ("compound", "amod")}
    if tok.lemma_.lower() in ("facility", "center", "centre", "cell", "unit", "home") and "detention" in mods:
        return "jail"
    if tok.lemma_.lower() in ("station", "department", "headquarters", "precinct") and "police" in mods:
        return "jail"  # "taken to the Oxford Police Department"
    return tok.lower_


_GROUP_NOUNS = {"group", "movement", "organization", "organisation", "faction", "network", "cell"}


def _hyphen_modifier(tok: Token) -> bool:
    """The first word of a hyphenated modifier before a noun ("sanctions-only approach")."""
    doc = tok.doc
    if tok.pos_ == "VERB" or tok.i + 3 >= len(doc) or tok.whitespace_ or doc[tok.i + 1].text != "-" \
            or doc[tok.i + 1].whitespace_:
        return False
    return doc[tok.i + 2].is_lower and doc[tok.i + 3].pos_ in ("NOUN", "PROPN")


def _describes_actor(tok: Token, lex: Lexicon) -> bool:
    """An event noun inside the description of an actor ("a group responsible for a string
    of attacks", "the coalition tasked with fighting IS") characterises the actor; it does
    not report a happening. A harm the actor suffered in it does ("the third person
    injured in the blast"): the noun is then the cause of a casualty the report tells."""
    if tok.dep_ == "appos" and tok.head.ent_type_ in ("GPE", "LOC"):
        return False  # "Houses torched in Jiribam, gunfight with security forces": a headline's next item
    node, via_modifier = tok, False
    for _ in range(6):
        if node.dep_ in ("amod", "acl", "relcl", "appos"):
            via_modifier = True
        if node.head.i == node.i:
            return False
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            if lex.frame_of(node.lemma_.lower()) == "KILL":
                return False
            if node.dep_ in ("acl", "relcl", "amod"):
                via_modifier = True
                continue
            return False
        if via_modifier and node.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "appos") and node.pos_ in (
                "NOUN", "PROPN"):
            return bool(node.lemma_.lower() in _GROUP_NOUNS or node.ent_type_ in ("ORG", "NORP", "GPE", "PERSON")
                        or _cues(node.text, lex).get("actor"))
    return False


# what happens to a crowd rather than what it does ("four protesters died from gunfire")
_SUFFERED = frozenset({"die", "suffer", "succumb", "perish"})


_STOPPING = frozenset({"stop", "halt", "block", "bar", "prevent", "turn"})


def _blocks_a_protest(verb: Token, lex: Lexicon, doer_needed: bool = False) -> bool:
    """"Police block NUP procession", "blocked a march by students": force stopping a
    demonstration (DISPERSE), not a refusal (REJECT)."""
    if verb.pos_ != "VERB":
        return False
    doer = next((c for c in verb.children if c.dep_ == "nsubj"), None) or next(
        (g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
    if (doer is None and doer_needed) or (
            doer is not None and "state_forces" not in {v for v, _ in _cues(_np_text(doer), lex).get("actor", ())}):
        return False  # "the storm stopped the march", "a rally was halted": no force named stopping it
    for o in verb.children:
        if o.dep_ in ("dobj", "nsubjpass", "npadvmod"):  # "stopped a march": the model's npadvmod at times
            hit = _match_trigger(o, lex)
            if (hit is not None and hit[0] == "PROTEST") or o.lemma_.lower() == "procession":
                return True
    return False


def _crowd_trigger(verb: Token, lex: Lexicon) -> Trigger | None:
    """A verb no trigger names that a crowd or its policing makes an event of: police who
    "responded with tear gas" dispersed a crowd; "protesters poured into the streets" protest."""
    if _answered_with_crowd_control(verb, lex) or (verb.lemma_.lower() in _STOPPING and _blocks_a_protest(
            verb, lex, doer_needed=True)):
        return Trigger(verb, "DISPERSE", True, verb.text)  # "police stopped a march by families"
    if _throws_projectiles(verb):
        return Trigger(verb, "RIOT", False, verb.text)
    crowd = _crowd_subject(verb, lex)
    if crowd:
        return Trigger(verb, crowd, True, verb.text)
    return Trigger(verb, "CHANGE", False, verb.text) if _troops_arrived(verb, lex) else None


# forces that arrive or are moved somewhere: a deployment ("the first contingent of troops
# arrived in the municipality", "a tactical team had been moved to the area")
_ARRIVING = frozenset({"arrive", "move", "reach", "pour", "fly"})
_TROOP_NOUNS = frozenset({"troop", "soldier", "reinforcement", "contingent", "battalion", "paratrooper",
                          "gendarme", "commando", "marine"})
_FORCE_UNITS = frozenset({"team", "unit", "squad", "force"})
_FORCE_KINDS = frozenset({"tactical", "security", "police", "army", "military", "special"})


def _troops_arrived(verb: Token, lex: Lexicon) -> bool:
    """Forces arriving somewhere, with nothing they did on arrival ("troops arrived ...,
    shooting into the air": the arrival is that operation's, not a deployment)."""
    if verb.lemma_.lower() not in _ARRIVING or not any(
            c.dep_ == "prep" and c.lower_ in ("in", "to", "into", "at") for c in verb.children):
        return False
    if any(c.dep_ in ("advcl", "xcomp", "conj") and _match_trigger(c, lex) is not None for c in verb.children):
        return False
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return False
    words = {subj.lemma_.lower()} | {g.lemma_.lower() for p in subj.children if p.lower_ == "of" for g in p.children}
    kinds = {k.lower_ for k in subj.children if k.dep_ in ("amod", "compound")}
    return bool(words & _TROOP_NOUNS) or (subj.lemma_.lower() in _FORCE_UNITS and bool(kinds & _FORCE_KINDS))


def _crowd_subject(verb: Token, lex: Lexicon) -> str | None:
    """A clause whose agent is a crowd of demonstrators or a mob reports a protest or a
    riot whatever its verb ("protesters poured into the streets", "cut off by a mob")."""
    if verb.dep_ in ("amod", "acl", "relcl") or _is_light(verb, lex) or verb.lemma_.lower() in _SUFFERED:
        return None
    for c in verb.children:
        by = next((p for p in c.children if p.dep_ == "pobj"), None) if c.dep_ == "agent" else None
        agent = c if c.dep_ == "nsubj" else by
        if agent is None:
            continue
        for who in _crowd_words(agent):
            kinds = {v for v, _ in _cues(who.text, lex).get("actor", ())}
            if "protesters" in kinds:
                return "PROTEST"
            if "rioters" in kinds:
                return "RIOT"
    return None


# what is fired or dropped and comes down: "mortar rounds landed", "projectiles fell"
MUNITIONS = frozenset({"shell", "rocket", "mortar", "missile", "projectile", "bomb", "round", "grenade", "drone",
                       "munition", "bullet"})


def _frame_here(frame: str, tok: Token, lex: Lexicon) -> str:
    """The frame a trigger word evokes in its clause: a block of a march stops it
    (DISPERSE), munitions that fell struck (ATTACK)."""
    if frame == "REJECT" and _blocks_a_protest(tok, lex):
        return "DISPERSE"
    return "ATTACK" if frame == "LOSE" and _munitions_fell(tok) else frame


def _munitions_fell(verb: Token) -> bool:
    """"Four projectiles fell on Saturday night near the city": a munition that came down
    is a strike, not a place lost ("the town fell")."""
    return verb.pos_ == "VERB" and verb.lemma_.lower() == "fall" and any(
        k.dep_ == "nsubj" and k.lemma_.lower() in MUNITIONS for k in verb.children)


THROW_VERBS = frozenset({"throw", "hurl", "lob", "fling"})
# what a crowd throws, named first or in a list ("threw eggs, bottles and flares")
_PROJECTILES = frozenset({"stone", "rock", "brick", "bottle", "egg", "flare", "firework", "firecracker", "molotov",
                          "cocktail", "missile", "projectile", "object", "can", "chair", "pallet", "tile", "slab"})


def _throws_projectiles(verb: Token) -> bool:
    """"Threw eggs, bottles and flares at the building": a verb of throwing whose object or
    one of its conjuncts is a projectile (the lexicon's "throw stone" reads only the first)."""
    if verb.lemma_.lower() not in THROW_VERBS:
        return False
    objs = [k for k in verb.children if k.dep_ in ("dobj", "nsubjpass")]
    return any(t.lemma_.lower() in _PROJECTILES for o in objs for t in (o, *_conjuncts(o)))


# what police turn on a crowd to break it up
CROWD_CONTROL_MEANS = frozenset({"tear gas", "teargas", "water cannon", "rubber bullet", "pepper spray",
                                 "stun grenade", "tear gas shell", "teargas shell", "tear shell", "tear gas canister"})


def _answered_with_crowd_control(verb: Token, lex: Lexicon) -> bool:
    """Police or troops whose verb takes crowd-control means as its object or its "with"
    ("riot police responded with tear gas and water cannon", "used pepper spray"): they
    dispersed a crowd, whatever the verb."""
    if verb.dep_ in ("amod", "acl", "relcl") or _is_light(verb, lex):
        return False
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or not {v for v, _ in _cues(subj.text, lex).get("actor", ())} & {"state_forces"}:
        return False
    means = [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children
             if g.dep_ == "pobj"] + [c for c in verb.children if c.dep_ == "dobj"]
    text = " ".join(verb.doc[g.left_edge.i: g.right_edge.i + 1].text.lower() for g in means)
    return any(m in text for m in CROWD_CONTROL_MEANS)


def _crowd_words(agent: Token) -> list[Token]:
    """The nouns that say who a subject is: itself, its conjuncts ("she and hundreds of other
    demonstrators") and what a number or a crowd word is of ("thousands of protesters")."""
    heads = [agent, *(c for c in agent.children if c.dep_ == "conj")]
    return [t for h in heads for t in (h, of_object(h)) if t is not None and t.pos_ in ("NOUN", "PROPN")]


def _verbal(tok: Token) -> bool:
    """A predicate used as a verb, even when the tagger calls it a noun ("was overrun")."""
    if tok.pos_ in ("VERB", "AUX"):
        return True
    return any(c.dep_ in ("nsubjpass", "auxpass", "agent", "aux") for c in tok.children)


# verbs that carry the event their object names, and none of their own then ("made the
# arrest", "opened fraud investigations", "began talks")
_SUPPORTING = frozenset({"make", "open", "begin", "start", "initiate"})

# verbs that draw their subject (and object) into the fight named after "in" ("engaged the
# bandits in a firefight", "youths engaged in a fight", "were locked in fierce fighting"):
# the fight's parties and its tense are theirs
_DRAWN_INTO = frozenset({"engage", "lock"})


def _anchor(tok: Token, lex: Lexicon) -> Token:
    """The verb that carries tense, modality and agent for a trigger: itself when a verb,
    else the support verb it is the object or subject of ("launched an attack")."""
    if _verbal(tok) and tok.dep_ not in ("pobj", "dobj", "nsubj", "nsubjpass", "compound"):
        return tok
    h = tok.head
    if h.i != tok.i and tok.dep_ in ("dobj", "nsubj", "nsubjpass", "attr") and h.pos_ in ("VERB", "AUX"):
        if _is_light(h, lex) or (tok.dep_ == "dobj" and h.lemma_.lower() in _SUPPORTING):
            return h  # "made the arrest", "opened an investigation": the verb carries the noun's event
    if h.i != tok.i and tok.dep_ == "pobj" and h.dep_ == "prep" and h.head.pos_ == "VERB" and _is_light(h.head, lex) \
            and h.lower_ not in _OTHER_TIME:  # "a protest took place following the arrest": two happenings
        return h.head
    if tok.dep_ == "pobj" and h.lower_ == "in" and h.head.pos_ == "VERB" and h.head.lemma_.lower() in _DRAWN_INTO \
            and h.head.dep_ not in ("acl", "amod") and _fight_word(tok, lex):
        return h.head
    series = h.head if tok.dep_ == "pobj" and h.lower_ == "of" else None
    if series is not None and series.lemma_.lower() in _SERIES and series.dep_ in ("dobj", "nsubjpass") \
            and series.head.pos_ == "VERB" and _is_light(series.head, lex):
        return series.head  # "carried out a series of attacks": the support verb carries them
    return tok


def _object_of(verb: Token, lemmas: frozenset[str], how: str) -> Role | None:
    """The direct object of `verb` when its lemma is one of `lemmas`, as a role read `how`:
    the other side a verb draws into a fight ("engaged the bandits in a firefight"), what a
    shooting conjoined to a verb of closing in is aimed at ("surrounded the post ... and
    opened fire")."""
    if verb.lemma_.lower() not in lemmas:
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    return Role(obj, how, _conjuncts(obj)) if obj is not None else None


def _fight_word(tok: Token, lex: Lexicon) -> bool:
    return any(lex.triggers.get(k, ("",))[0] == "CLASH" for k in _forms(tok, lex))


def _phrase_text(tok: Token) -> str:
    return tok.doc[tok.left_edge.i: tok.right_edge.i + 1].text


# ---------------------------------------------------------------------------- grouping
_BOUNDARY_DEPS = {"ccomp", "parataxis", "csubj"}


def _has_own_subject(tok: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in tok.children)


def own_clause(tok: Token) -> bool:
    """A coordinated verb with a subject of its own ("five were killed and seven wounded",
    "... and as officials announced evacuations"): another clause, another happening."""
    return tok.dep_ == "conj" and tok.pos_ in ("VERB", "AUX") and _has_own_subject(tok)


def _dated_example(t: Trigger, p: Trigger) -> bool:
    """`t` is a dated instance listed under `p` ("... killed dozens of soldiers, including a
    September attack on a checkpoint"): one incident with its own time, not the tally's."""
    node = t.tok
    while node.i != node.head.i and node.head.i not in (p.tok.i, p.anchor.i):
        node = node.head
        if node.dep_ == "prep" and node.lower_ in ("including", "among"):
            return any(k.ent_type_ in ("DATE", "TIME") for k in t.tok.children)
    return False


def _relative_subject(tok: Token) -> bool:
    """The clause's subject is a relative phrase ("most of which", "some of whom"): a
    relative clause on the main clause's object, however the parser hung it."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in ("which", "who", "that") and any(
        k.tag_ in ("WDT", "WP") for k in c.subtree) for c in tok.children)


def _group(trigs: list[Trigger]) -> list[Trigger]:
    """Attach each trigger to the nearest trigger above it that reports the same happening;
    return the group heads."""
    by_tok = {t.tok.i: t for t in trigs}
    for t in trigs:  # support verbs carrying a trigger noun are part of it
        if t.anchor.i != t.tok.i:
            by_tok.setdefault(t.anchor.i, t)
    for t in trigs:
        if t.anchor.i != t.tok.i and t.anchor.i in by_tok and by_tok[t.anchor.i] is not t:
            p = by_tok[t.anchor.i]  # "in another attack, gunmen fired": one happening
            if p.parent is not t:
                t.parent = p
                p.children.append(t)
                continue
        node, crossed = t.anchor, False
        if own_clause(node):
            # "five were killed and seven wounded": a casualty list is one happening
            p = by_tok.get(node.head.i)
            if p is not None and p.frame == "KILL" and t.frame == "KILL":
                t.parent = p
                p.children.append(t)
            continue
        described = None  # the noun a relative clause with its own subject describes
        for _ in range(8):
            if node.i != t.anchor.i and node.pos_ in ("VERB", "AUX") and _other_clause(node):
                break  # "detained ... hours after the rally had ended": the rally is the other clause's
            if node.dep_ in _BOUNDARY_DEPS or (node.dep_ == "appos" and node.head.ent_type_ in ("GPE", "LOC")):
                crossed = True  # "Houses torched in Jiribam, gunfight with security forces": no place is a fight
            if node.dep_ == "relcl" and _has_own_subject(node) and node.head.i not in by_tok:
                described = node
            if node.head.i == node.i:
                break
            node = node.head
            p = by_tok.get(node.i)
            if p is None or p is t:
                if own_clause(node):
                    break
                continue
            if crossed or (described is not None and p.frame != t.frame and t.frame != "KILL"):
                break  # "a bombing at a mosque in Matara, where worshippers had gathered": the place's own story
            if p.weak and not t.weak and _has_own_subject(t.anchor):
                break  # "displaced by fighting as troops bombarded": the clause is the happening
            if _dated_example(t, p):
                break  # "has killed dozens, including a September attack that killed 20": its own incident
            if p.frame != t.frame and _relative_subject(t.anchor):
                break  # "fired 60 rockets, most of which were intercepted": what became of the object
            if _other_time(t) or _linked_apart(t, p) or set_off_by(t.anchor) is not None:
                break  # "after fighting", "as forces battle IS": a related, different happening
            if _grievance(p, t):
                break  # "rallied over a police shooting": what the protest is about happened before it
            if {p.frame, t.frame} == {"CAPTURE", "RETAKE"} and _has_own_subject(t.anchor):
                break  # "troops captured X ..., when Ukrainian forces recaptured the city": taken back
            if p.frame in _PHYSICAL and t.frame in _PHYSICAL and _same_happening(p, t):
                t.parent = p
                p.children.append(t)
            elif p.frame == t.frame:
                t.parent = p
                p.children.append(t)
            elif "ARREST" in (p.frame, t.frame):
                for x in (p, t):  # "dozens arrested after clashes": the clashes took place
                    x.held_by_arrest |= x.frame in _CROWD_FRAMES
            break
    return [t for t in trigs if t.parent is None]


_OTHER_CLAUSE = {"as", "while", "although", "though", "because", "since", "until", "whereas", "before", "after"}
_OTHER_TIME = {"after", "before", "since", "following", "amid", "until"}


_GRIEVANCE_PREPS = frozenset({"over", "against", "about", "at"})


def _grievance(p: Trigger, t: Trigger) -> bool:
    """`t` names what protest `p` is about: inside its "over/against/about/at" phrase
    ("rallied over a deadly police shooting", "marched against the killing of a student")
    or its object ("protested the arrest of their leader")."""
    if p.frame != "PROTEST" or t.frame == "PROTEST":
        return False
    node = t.anchor
    while node.i != node.head.i and node.head.i not in (p.tok.i, p.anchor.i):
        node = node.head
    if node.head.i not in (p.tok.i, p.anchor.i) or node.i == node.head.i:
        return False
    return (node.dep_ == "prep" and node.lower_ in _GRIEVANCE_PREPS) or (
        node.dep_ == "dobj" and p.tok.pos_ == "VERB")


def _other_time(t: Trigger) -> bool:
    a = t.anchor
    if _other_clause(a):
        return True
    if a.dep_ == "pobj" and a.head.lower_ == "of" and a.head.head.dep_ == "pobj":
        a = a.head.head  # "after two days of rioting": the days' preposition
    return a.dep_ in ("pobj", "pcomp") and a.head.lower_ in _OTHER_TIME


def set_off_by(noun: Token) -> Token | None:
    """The clause whose happening set off the one `noun` names ("houses were torched ...,
    triggering an exchange of fire": "torched"): another happening, which took place where
    it did."""
    h = noun.head
    if noun.dep_ == "dobj" and h.dep_ == "advcl" and h.tag_ == "VBG" and h.lemma_.lower() in _SETTING_OFF:
        return h.head
    return None


def _linked_apart(t: Trigger, p: Trigger) -> bool:
    """A clause link the parser left bare between two triggers ("Three killed in weekend of
    bloodshed as residents march for peace": "as" hung on "killed" with no object): two
    clauses, each its own happening."""
    lo, hi = sorted((t.anchor.i, p.anchor.i))
    return any(w.lower_ in _OTHER_CLAUSE and w.head.i in (t.anchor.i, p.anchor.i) and w.dep_ == "prep"
               and next(w.children, None) is None for w in t.anchor.doc[lo + 1:hi])


# what a crowd or the fighting did, which an arrest follows ("detained 21 people after a march
# ... ended in clashes": ACLED codes the arrests apart from the demonstration)
_CROWD_FRAMES = frozenset({"CLASH", "PROTEST", "RIOT", "LOOT"})


def _same_happening(p: Trigger, t: Trigger) -> bool:
    # an infinitive of purpose is a separate, planned happening ("deployed troops to retake")
    to_infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in t.anchor.children)
    if t.anchor.dep_ in ("xcomp", "advcl", "acl") and to_infinitive:
        return p.anchor.lemma_.lower() in _ASPECTUAL
    # a change of group/activity is not the attack it prepares
    if (p.frame in ("CHANGE", "BASE")) != (t.frame in ("CHANGE", "BASE")):
        return False
    # an arrest is not the violence it follows ("was shot by a trooper ... was jailed Tuesday")
    if {p.frame, t.frame} & {"ARREST"} and {p.frame, t.frame} & (_VIOLENT | _CROWD_FRAMES):
        return False
    # "raid a military base, abduct farmers": a conjoined verb with its own object, one an
    # abduction and the other not, is another happening (ACLED codes the abduction apart)
    if ("ABDUCT" in (p.frame, t.frame)) != (p.frame == t.frame) and t.anchor.dep_ == "conj" and all(
            any(k.dep_ == "dobj" for k in x.anchor.children) for x in (p, t)):
        return False
    return True


def _members(head: Trigger) -> list[Trigger]:
    out, stack = [], [head]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(t.children)
    out.sort(key=lambda t: t.tok.i)
    return out


# ---------------------------------------------------------------------------- spans
def _reduced_relative_subject(verb: Token) -> Token | None:
    """Who a finite past verb's clause is about when the parser took a reduced relative
    for the clause's frame ("officers responding to a call shot a man"): the verb hangs on
    the bare participle (its subject), or inside the participle's phrase ("a call shot")
    when the participle describes the sentence's root noun ("Officers responding ...")."""
    if verb.tag_ != "VBD" or verb.dep_ not in ("dep", "advcl", "acl", "pobj"):
        return None
    node = verb
    for step in range(4):
        node = node.head
        bare = node.tag_ == "VBG" and not any(c.dep_ in ("aux", "auxpass") for c in node.children)
        # the participle the verb hangs on, or the root one above its object ("Deputies
        # answering a report of a burglary shot"): its subject
        subj = next((c for c in node.children if c.dep_ == "nsubj"), None) if bare and (
            step == 0 or node.dep_ == "ROOT") else None
        if subj is not None:
            return subj
        if bare and node.dep_ == "acl" and node.head.dep_ == "ROOT" and node.head.pos_ in ("NOUN", "PROPN"):
            return node.head  # "Officers responding to a call shot"
        if node.dep_ not in ("pobj", "prep", "dobj"):
            return None
    return None


def _clause_tokens(tok: Token, leave_out=None) -> list[int]:
    """Token indices of the clause headed by `tok`, minus complement clauses and conjunct
    clauses that have their own subject (those are other happenings or the attribution),
    and minus the dependents `leave_out` picks."""
    keep: list[int] = []
    stack = [tok]
    while stack:
        t = stack.pop()
        keep.append(t.i)
        for c in t.children:
            if c.dep_ in _BOUNDARY_DEPS:
                continue
            if own_clause(c):
                continue
            if leave_out is not None and leave_out(c):
                continue
            stack.append(c)
    return keep


# what hangs off a clause and tells a happening or a state of its own: "and will be seen by
# a judge", "as he attempted to conclude a deal", "who has no prior arrest record",
# "following a hearing"
_OWN_STORY_DEPS = frozenset({"conj", "advcl", "relcl", "acl"})


def evidence_extent(members: list[Trigger]) -> tuple[int, int]:
    """First and last token of what a mention's evidence is: its clause without the
    conjunct predicates, adverbial and relative clauses and time phrases ("after ...",
    "following ...") that are not its own triggers (the whole clause still gives its time,
    toll and source)."""
    # a dependent holding a trigger of the mention (the trigger or one of its heads) stays
    holds = {a.i for m in members for t in (m.tok, m.anchor) for a in (t, *t.ancestors)}

    def leave_out(c: Token) -> bool:
        return c.i not in holds and ((c.dep_ in _OWN_STORY_DEPS and c.pos_ in ("VERB", "AUX") and _not_told_as_done(c))
                                     or (c.dep_ == "prep" and c.lower_ in _OTHER_TIME))

    idx = [i for m in members for i in _clause_tokens(m.anchor, leave_out)]
    doc = members[0].tok.doc
    words = [i for i in idx if not doc[i].is_punct] or idx
    return min(words), max(words)


_NOT_DONE_WORDS = frozenset({"will", "would", "could", "may", "might", "should", "must", "can", "shall", "not",
                             "n't", "never", "no", "attempt", "try", "plan", "intend", "hope", "seek"})


def _not_told_as_done(pred: Token) -> bool:
    """A clause hung on a mention that says what is to come, may be, was tried or never
    was ("and will appear in court", "who has no prior arrest record", "as he attempted
    to"): no part of the mention's evidence."""
    if pred.lemma_.lower() in _NOT_DONE_WORDS or pred.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in _OTHER_CLAUSE for c in pred.children):
        return True
    return any(c.lower_ in _NOT_DONE_WORDS or c.lemma_.lower() in _NOT_DONE_WORDS
               or (c.dep_ == "dobj" and any(d.dep_ == "det" and d.lower_ == "no" for d in c.children))
               for c in pred.children if c.dep_ in ("aux", "neg", "dobj", "xcomp", "advmod"))


def _group_extent(members: list[Trigger]) -> tuple[int, int]:
    holds = {m.tok.i for m in members}

    def sets_off(c: Token) -> bool:
        # what the happening set off is another happening: its words (a sit-in) are not this clause's
        return c.dep_ == "advcl" and c.tag_ == "VBG" and c.lemma_.lower() in _SETTING_OFF and c.i not in holds

    idx: list[int] = []
    for m in members:
        idx.extend(_clause_tokens(m.anchor, sets_off))
    doc = members[0].tok.doc
    # by its words: the sentence's final stop hangs on the root, past any clause left out
    words = [i for i in idx if not (doc[i].is_punct or doc[i].is_space)] or idx
    return min(words), max(words)


# ---------------------------------------------------------------------------- roles
@dataclass
class Role:
    tok: Token
    how: str  # which dependency gave it (explain view)
    conj: list[Token] = field(default_factory=list)


def _np_span(tok: Token) -> tuple[int, int]:
    """Character span of a noun phrase up to its head (post-modifiers left out)."""
    left = tok.left_edge
    # A dateline the parser hung on the subject ("BOR, South Sudan — Armed youths") ends at its dash.
    for t in tok.doc[left.i:tok.i]:
        if t.text in ("—", "–", "--") or (t.text == "-" and t.whitespace_):
            left = tok.doc[t.i + 1]
    while left.i < tok.i and (left.dep_ in ("det", "punct", "cc", "predet") or _resultative(left)):
        left = tok.doc[left.i + 1]
    return left.idx, tok.idx + len(tok.text)


# "shot dead two people": the parser may hang the verb's result on its object
_RESULTS = frozenset({"dead", "down"})


def _resultative(t: Token) -> bool:
    return t.lower_ in _RESULTS and t.i > 0 and t.doc[t.i - 1].pos_ == "VERB"


def _conjuncts(tok: Token) -> list[Token]:
    return [c for c in tok.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN", "PRON")]


def _is_dash(t: Token) -> bool:
    """A dateline's dash: an em or en dash, "--", or a hyphen with a space on each side."""
    return t.text in ("—", "–", "--") or (t.text == "-" and bool(t.whitespace_) and t.i > 0
                                           and bool(t.doc[t.i - 1].whitespace_))


def _is_dateline_token(tok: Token) -> bool:
    """The place a report was filed from, which the parser may take for a subject:
    "MOGADISHU, Somalia — A car bomb exploded", "UNITED NATIONS - Russia vetoed" (its
    phrase opens a line, then a dash or a colon comes before the verb: "Rajouri, Mar 18: Two
    soldiers were killed")."""
    first = tok.left_edge
    if first.i and "\n" not in tok.doc[first.i - 1].text_with_ws and not (
            first.is_sent_start and first.is_upper):  # "... in area. MIDDLETOWN — A man": a headline run in
        return False  # (doc.text would rebuild the text)
    return any(_is_dash(t) or t.text == ":" for t in tok.doc[tok.i + 1: min(len(tok.doc), tok.i + 12, tok.head.i)])


# what an actor issues that can demand, accuse or reject in its stead
_STATEMENT_NOUNS = frozenset({"declaration", "statement", "letter", "resolution", "communique", "communiqué",
                              "message", "petition", "note", "decree", "appeal", "ultimatum", "memorandum",
                              "order", "directive", "ordinance", "proclamation", "edict"})


def _reduced_passive(verb: Token) -> Token | None:
    """Headline grammar's passive without its "was": "Woman charged in connection with
    fire", "Three arrested" (a past participle with a subject, no auxiliary and no object).
    Returns the subject, which undergoes the act."""
    if verb.tag_ not in ("VBN", "VBD") or any(c.dep_ in ("aux", "auxpass", "dobj", "ccomp", "xcomp") or (
            c.dep_ == "advcl" and not _other_clause(c)) or (
            c.dep_ == "conj" and c.tag_ in ("VBD", "VBZ", "VBP")) for c in verb.children):
        return None  # "Everyone criticized as complicated what is ...": an active verb the tagger took for one
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if verb.tag_ == "VBD" and not _headline_patient(subj, verb):
        return None
    return subj


def _other_clause(verb: Token) -> bool:
    """A clause with its own subject joined by "as", "after" ...: another happening ("State of
    emergency declared as city counts cost"; "... as Taliban and NRF clash in Baghlan", whose
    subject the parser hung on the verb as a modifier; "..., while an airstrike killed five",
    whose subject it took for the clause)."""
    subject = _has_own_subject(verb) or (verb.pos_ == "VERB" and any(
        c.dep_ == "nmod" and c.i < verb.i and c.pos_ in ("PROPN", "NOUN") for c in verb.children))
    # "..., while a junta airstrike on a monastery killed five": the parser made the clause's
    # subject the clause, its verb a modifier of the last noun
    subject = subject or (verb.pos_ == "NOUN" and verb.dep_ == "advcl")
    return subject and any(c.dep_ == "mark" and c.lower_ in _OTHER_CLAUSE for c in verb.children)


def _participle_after_its_noun(verb: Token) -> bool:
    """"Responded to a report of shots fired and found ...": a past participle right after
    an object noun, with no subject or auxiliary of its own, tells what was done to that
    noun (the parser may hang it on the main verb); its doer is not the main verb's subject."""
    if verb.dep_ != "advcl" or verb.tag_ not in ("VBN", "VBD") or verb.i == 0:
        return False
    if any(c.dep_ in _SUBJ or c.dep_ in ("aux", "auxpass", "dobj") for c in verb.children):
        return False
    before = verb.doc[verb.i - 1]
    return before.pos_ == "NOUN" and before.dep_ in ("pobj", "dobj")


# acts done to someone that a headline tells without "was": "Man cited for driving drunk"
_DONE_TO = frozenset({"charge", "cite", "arrest", "jail", "sentence", "indict", "convict", "detain", "book", "fine",
                      "deport", "kidnap", "abduct", "kill", "shoot", "stab", "injure", "wound", "hurt", "rescue",
                      "declare", "impose", "extend", "lift",  # "State of emergency declared", "Curfew lifted"
                      "attack", "raid", "storm", "torch", "loot", "bomb", "shell",
                      "target",  # "VDP post attacked in X"
                      "martyr", "behead", "lynch"})  # "Cop martyred": done to someone, always


# harm that one does to someone, never without saying to whom
_HARM_DONE_TO = frozenset({"ambush", "kill", "abduct", "kidnap", "wound", "injure", "behead", "massacre", "martyr"})
_DONE_OR_HARMED = _DONE_TO | _HARM_DONE_TO


def _headline_patient(subj: Token | None, verb: Token) -> bool:
    """A past-tense act done to someone, with no object, whose subject is a bare singular
    noun or a name ("Man cited for ...", "Woman charged in ...", "Smith jailed for ..."):
    the tagger's reading of a headline's passive as an active verb."""
    lemma = verb.lemma_.lower()
    if subj is None or lemma not in _DONE_OR_HARMED:
        return False
    if any(c.dep_ in ("oprd", "acomp") and c.lower_ == "dead" for c in verb.children):
        return True  # "civilians shot dead at market": "shot dead" with no object is done to its subject
    if any(c.dep_ == "det" for c in subj.children):
        return False
    if subj.tag_ == "NNS" and verb.dep_ != "relcl" and any(c.dep_ in ("nummod", "compound") for c in subj.children):
        # "as police officers ambushed", "two soldiers killed": counted people with no object
        # undergo the harm (who does it names whom)
        return lemma in _HARM_DONE_TO
    if lemma not in _DONE_TO:
        return False
    kinds = lexicon().actor_kinds(subj.text)
    # "Man booked"; a headline's capitalised noun of a kind of person ("Cop martyred")
    person = "civilians" in kinds or (bool(kinds) and subj.ent_type_ in ("", "PERSON") and subj.text.istitle()
                                      and " " not in subj.text)
    return subj.tag_ == "NN" or (subj.tag_ == "NNP" and (subj.ent_type_ == "PERSON" or person))


def _finite_verb_as_modifier(verb: Token) -> bool:
    """"In Makassar, South Sulawesi, a mob set fire to the building": with no verb at its
    root, the parser hung the clause's finite verb on its subject as a modifier; a past
    verb there with an object of its own is no participle describing that noun."""
    root = sentence_of(verb).root
    return verb.dep_ == "acl" and verb.tag_ in ("VBD", "VBN") and root.pos_ not in ("VERB", "AUX") and \
        verb.head.pos_ == "NOUN" and any(c.dep_ == "dobj" for c in verb.children) and \
        not any(c.dep_ in ("auxpass", "agent") for c in verb.children) and _reduced_relative_subject(verb) is None


def _phrase_verb_as_adjective(verb: Token) -> Token | None:
    """"Two gunmen on a motorcycle opened fire on customers": the parser made "opened" an
    adjective of "fire" and hung the phrase on its subject's prepositional phrase; the
    nearest noun above the phrase is who opened fire."""
    if verb.dep_ != "amod" or verb.tag_ not in ("VBD", "VBN") or verb.head.lower_ not in _PHRASAL_OBJECTS \
            or verb.head.i != verb.i + 1:
        return None
    return next((a for a in verb.head.ancestors if a.pos_ in ("NOUN", "PROPN") and a.i < verb.i), None)


def _subject_hung_as_apposition(verb: Token) -> Token | None:
    """"In the countryside of Hasakah, a cell of the Islamic State attacked a checkpoint":
    the parser hung the subject on the fronted place as its apposition; a noun phrase that
    ends right before a finite verb with no subject is that verb's subject."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.i == 0:
        return None
    for c in verb.children:
        if c.dep_ == "prep" and c.i < verb.i:
            for a in c.subtree:
                end = a.right_edge.i + 1
                while end < verb.i and verb.doc[end].text in (")", ","):
                    end += 1
                if a.dep_ == "appos" and a.pos_ in ("NOUN", "PROPN") and end == verb.i:
                    return a
    return None


# words that open a clause or a noun phrase alike ("after armed men stormed the village")
_CONJUNCTION_PREPS = frozenset({"after", "before", "until", "since"})


def _subject_taken_for_a_prep_object(verb: Token) -> Token | None:
    """"A farmer who fled after armed men in uniform stormed his village": the parser read
    "after" as a preposition with "armed men" its object and gave "stormed" no subject or
    the farmer; a noun phrase of such a word that ends right before a finite verb is that
    verb's subject."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.i == 0:
        return None
    before = verb.doc[verb.i - 1]
    for a in (before, *before.ancestors):
        if a.dep_ == "pobj" and a.head.lower_ in _CONJUNCTION_PREPS and a.pos_ in ("NOUN", "PROPN") \
                and a.right_edge.i == verb.i - 1:
            return a
        if a.i == verb.i:
            return None
    return None


def _subject(verb: Token, depth: int = 0) -> Role | None:
    if _finite_verb_as_modifier(verb):
        return Role(verb.head, "subject", _conjuncts(verb.head))
    if _reduced_passive(verb) is not None or _participle_after_its_noun(verb):
        return _agent_phrase(verb)
    for c in verb.children:
        if c.dep_ in _SUBJ and _is_dateline_token(c):
            # "UNITED NATIONS - Russia and China vetoed": the subject follows the dash; the
            # parser may also give the verb the real subject beside the dateline ("GAINESVILLE,
            # Fla. -- About 50 residents marched"), whose state is no subject
            real = next((o for o in verb.children if o.dep_ in _SUBJ and o.i > c.i and not _is_dateline_token(o)), None)
            if real is not None:
                return Role(real, "subject", _conjuncts(real))
            # "Kano (AFP) - jihadists killed": not the agency; "LASHIO, Myanmar - The MNDAA
            # seized": the last, after the dateline's country
            after = max((a for a in c.children if a.dep_ == "appos" and a.i > c.i and not _is_dateline_token(a)
                         and a.doc[a.i - 1].text != "("), key=lambda a: a.i, default=None)
            if after is not None:
                return Role(after, "subject after the dateline", _conjuncts(after))
        elif c.dep_ in _SUBJ and c.tag_ in ("WP", "WDT") and verb.dep_ == "relcl" and verb.head.pos_ in (
                "NOUN", "PROPN"):
            # "Tillerson, who met with Trump": the relative pronoun stands for its noun
            return Role(verb.head, "relative subject", _conjuncts(verb.head))
        elif c.dep_ in _SUBJ:
            taken = _subject_taken_for_a_prep_object(verb) if c.i < verb.i else None
            real = taken if taken is not None and taken.head.i > c.i else c
            return Role(real, "subject", _conjuncts(real))
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    by = _agent_phrase(verb)
    if by is not None:
        return by
    if passive or depth > 3:
        return None
    hung = _subject_hung_as_apposition(verb) or _subject_taken_for_a_prep_object(verb)
    if hung is not None:
        return Role(hung, "subject", _conjuncts(hung))
    # "accused the government of arresting": the accused is the agent of the gerund
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.lemma_.lower() in _AGENTIVE_VERBS:
        for c in verb.head.head.children:
            if c.dep_ == "dobj":
                return Role(c, "accused-of", _conjuncts(c))
    host = verb.head
    subj = _reduced_relative_subject(verb)
    if subj is not None:
        return Role(subj, "participle's subject", _conjuncts(subj))
    # participles and infinitives share the subject of the verb they hang on
    if verb.dep_ == "xcomp" and host.pos_ == "ADJ" and host.dep_ == "acomp":
        host = host.head  # "he is prepared to lift": the subject of "is"
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and host.lower_ in _PARTICIPLE_LINKS and host.head.pos_ in (
            "VERB", "AUX"):
        host = host.head  # "gunmen stormed the village before rounding up the men": the gunmen round them up
    if verb.dep_ in ("xcomp", "advcl", "conj", "pcomp") and host.i != verb.i and host.pos_ in ("VERB", "AUX"):
        r = _subject(host, depth + 1)
        return Role(r.tok, "inherited " + r.how, r.conj) if r is not None and not r.how.startswith("inherited") else r
    if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN") and verb.tag_ == "VBG":
        text = verb.head
        if text.lemma_.lower() in _STATEMENT_NOUNS and text.dep_ in ("dobj", "nsubjpass") and depth <= 3:
            # "the party issued a declaration demanding ...": the issuer demands
            r = _subject(text.head, depth + 1)
            if r is not None:
                return Role(r.tok, f"issuer of the {text.lower_}", r.conj)
        return Role(text, "participle-of", [])
    return None


# prepositions an adverbial -ing clause hangs on, whose subject is its host verb's
_PARTICIPLE_LINKS = frozenset({"before", "after", "while", "without", "upon", "by"})


def _agent_phrase(verb: Token) -> Role | None:
    for c in verb.children:
        if c.dep_ == "agent":
            for p in c.children:
                if p.dep_ == "pobj":
                    return Role(p, "by-phrase", _conjuncts(p))
    return None


# objects that belong to a phrasal trigger ("opened fire on X", "took control of X", "forced
# their way into X")
_PHRASAL_OBJECTS = {"fire", "control", "hostage", "allegiance", "sanction", "sanctions", "talks", "responsibility",
                    "way"}


def _object(verb: Token) -> Role | None:
    undergoer = _reduced_passive(verb)
    if undergoer is not None:
        return Role(undergoer, "headline-passive-subject", _conjuncts(undergoer))
    for c in verb.children:
        if c.dep_ in ("dobj", "nsubjpass") and c.lower_ not in _PHRASAL_OBJECTS and not (
                c.dep_ == "nsubjpass" and _is_dateline_token(c)):  # "MIDDLETOWN — A man ... was captured"
            return Role(c, "object" if c.dep_ == "dobj" else "passive-subject", _conjuncts(c))
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.pos_ in ("NOUN", "PROPN") and \
            not _finite_verb_as_modifier(verb):
        return Role(verb.head, "participle-patient", _conjuncts(verb.head))  # "officers shot by a gunman"
    for c in verb.children:  # "found the defendant guilty": the subject of the small clause
        if c.dep_ == "ccomp" and c.pos_ == "ADJ":
            for k in c.children:
                if k.dep_ == "nsubj":
                    return Role(k, "small-clause subject", _conjuncts(k))
    raised = _raised_subject(verb)
    if raised is not None:
        return Role(raised, "passive-subject", _conjuncts(raised))
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    for c in verb.children:
        # "was struck with a chunk of concrete": a passive's "with" is its instrument
        if c.dep_ == "prep" and c.lower_ in ("on", "against", "at", "with", "upon") and not (
                passive and c.lower_ == "with"):
            for p in c.children:
                if p.dep_ == "pobj" and not _a_time(p):
                    return Role(p, c.lower_ + "-phrase", _conjuncts(p))
    return None


# verbs of report that raise the subject of the passive they tell ("the catechist was said to
# have been seized", "two men are believed to have been killed")
_RAISING = frozenset({"say", "report", "believe", "think", "fear", "understand", "know", "allege", "presume"})


def _raised_subject(verb: Token) -> Token | None:
    if verb.dep_ != "xcomp" or verb.head.lemma_.lower() not in _RAISING or not any(
            c.dep_ == "auxpass" for c in verb.children):
        return None
    return next((c for c in verb.head.children if c.dep_ == "nsubjpass"), None)


def _a_time(tok: Token) -> bool:
    """"On Sunday", "at dawn": a when, never the one an event is done to; the tagger does not
    always call a lone day's name a date ("carried out a raid on Sunday on a house")."""
    return tok.ent_type_ in ("DATE", "TIME") or tok.lower_ in WEEKDAYS


# event nouns whose possessor is the one it happens to when that is a person ("Karlov's
# assassination", "his arrest"), the doer when a group or a state ("Russia's bombing")
_PATIENT_POSSESSOR_NOUNS = frozenset({"assassination", "killing", "murder", "death", "arrest", "detention",
                                      "abduction", "kidnapping", "execution", "shooting", "beating", "rape"})


def _person_possessor(c: Token) -> bool:
    return c.ent_type_ == "PERSON" or c.lower_ in ("his", "her", "my", "your") or (
        c.pos_ == "NOUN" and c.ent_type_ == "" and c.lemma_.lower() not in ("group", "force", "army", "militia"))


# nouns that count happenings ("a series of raids by police"): their modifiers are the
# happenings' own
_SERIES = frozenset({"series", "wave", "string", "spate", "round", "number", "succession", "campaign"})


def _after_from(c: Token) -> bool:
    """"Militants from Afghanistan attack ...", parsed as an "Afghanistan attack": where
    someone comes from, not whose the act is."""
    return c.i > 0 and c.doc[c.i - 1].lower_ == "from"


def _noun_roles(noun: Token, lex: Lexicon) -> tuple[Role | None, Role | None]:
    agent = patient = None
    kids = list(noun.children)
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in _SERIES:
        kids += [c for c in noun.head.head.children if c.dep_ == "prep" and c.i != noun.head.i]
    for c in kids:
        if c.dep_ == "poss" and noun.lemma_.lower() in _PATIENT_POSSESSOR_NOUNS and _person_possessor(c):
            patient = Role(c, "possessive-victim")
        elif c.dep_ == "poss":
            agent = Role(c, "possessive")
        elif c.dep_ in ("compound", "amod", "nmod") and agent is None and (
                c.ent_type_ in ("NORP", "GPE", "ORG") or "actor" in _cues(c.text, lex)) and not _after_from(c):
            agent = Role(c, "modifier", [x for x in c.children if x.dep_ == "conj"])
        elif c.dep_ == "acl" and c.lemma_.lower() == "involve" and agent is None:
            # "disorder involving groups of young men", "clashes involving rival gangs": its parties
            party = next((k for k in c.children if k.dep_ == "dobj"), None)
            if party is not None:
                agent = Role(party, "involving", _conjuncts(party))
        elif c.dep_ == "acl" and c.tag_ == "VBN" and agent is None:  # "a deal announced by the city and ..."
            by = next((g for k in c.children if k.dep_ == "agent" for g in k.children if g.dep_ == "pobj"), None)
            if by is not None:
                agent = Role(by, "by-phrase", _conjuncts(by))
        elif c.dep_ == "prep":
            pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
            if pobj is None:
                continue
            if (c.lower_ == "by" or (c.lower_ == "from" and _cues(pobj.text, lex).get("actor"))) and agent is None:
                agent = Role(pobj, c.lower_ + "-phrase", _conjuncts(pobj))
            elif c.lower_ == "of" and noun.lemma_.lower() in JOURNEYS and agent is None \
                    and pobj.ent_type_ not in ("GPE", "LOC", "FAC"):
                agent = Role(pobj, "of-phrase", _conjuncts(pobj))  # "the first visit of the new secretary"
            elif c.lower_ == "on" and noun.dep_ == "dobj" and noun.head.lemma_.lower() in _BLAMING:
                # "blamed the bombing on the rebels" (but "blamed the shootout on a clash" names a cause)
                if _match_trigger(pobj, lex) is None:
                    agent = agent or Role(pobj, "blamed", _conjuncts(pobj))
            elif c.lower_ in ("on", "against", "of", "at", "with") and patient is None and not _a_time(pobj):
                patient = Role(pobj, c.lower_ + "-phrase", _conjuncts(pobj))
            elif c.lower_ == "between" and agent is None:
                conj = _conjuncts(pobj)
                agent = Role(pobj, "between")
                if conj:
                    patient = Role(conj[0], "between")
    return agent or _claimant(noun), patient or _target_left_on_the_verb(noun)


_BLAMING = frozenset({"blame", "pin"})  # "blamed the attack on X": X did it
# verbs of owning an act: "X claimed responsibility for the attack", "took responsibility for"
_OWNING = frozenset({"claim", "accept", "take", "admit", "assume", "bear"})
_OWNED = frozenset({"responsibility", "credit"})


def _claimant(noun: Token) -> Role | None:
    """"Al-Shabaab claimed responsibility for the attack": who owns the act did it (as ACLED
    codes a claimed attack); the claim's subject is the agent."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "for":
        return None
    owned = prep.head  # "responsibility for the attack", or the verb the parser hung "for" on
    verb = owned.head if owned.dep_ == "dobj" and owned.lemma_.lower() in _OWNED else owned
    if verb.lemma_.lower() not in _OWNING or not any(
            c.dep_ == "dobj" and c.lemma_.lower() in _OWNED for c in verb.children):
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or any(c.dep_ == "neg" for c in verb.children) or subj.lower_ in ("nobody", "none") or any(
            c.dep_ == "det" and c.lower_ == "no" for c in subj.children):
        return None  # "no group has claimed responsibility for the bombing": no one owns it
    return Role(subj, "claimant", _conjuncts(subj))


def _target_left_on_the_verb(noun: Token) -> Role | None:
    """"Residents reported air strikes on several villages": the parser hung the target on
    the verb whose object the act is; it is the act's (but "blamed the attack on rebels"
    names who did it, not whom)."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.pos_ != "VERB" or verb.lemma_.lower() in _BLAMING:
        return None
    return _object_other_than(verb, noun, ("on", "against"))


def _roles(head: Trigger, members: list[Trigger], lex: Lexicon) -> tuple[Role | None, Role | None]:
    agent = patient = None
    for m in [head] + [x for x in members if x is not head]:
        a = p = None
        if m.anchor.i != m.tok.i and m.tok.head.lower_ in ("under", "into", "in", "to", "on", "without") and (
                m.tok.head.lower_, m.tok.lower_) in _IDIOMS:
            s_ = _subject(m.anchor)
            under = s_ is not None and m.tok.head.lower_ == "under"
            a, p = None, (Role(s_.tok, f"target of 'under {m.tok.lower_}'", s_.conj) if under else s_)
            obj = next((k for k in m.anchor.children if k.dep_ == "dobj"), None)
            if m.frame == "MOBILIZE":  # "troops remained on alert": they are the ones who act
                a, p = s_, None
            elif m.frame == "LOOT":  # "rioters set two cars on fire", "a leisure centre was set on fire"
                burnt = next((k for k in m.anchor.children if k.dep_ in ("dobj", "nsubjpass")), None)
                a, p = s_, (Role(burnt, "object", _conjuncts(burnt)) if burnt is not None else None)
            elif under and obj is not None:  # "police have had them under investigation"
                a, p = s_, Role(obj, "object", _conjuncts(obj))
            elif m.tok.head.lower_ != "under":  # "X was taken into custody": X is detained
                p = Role(s_.tok, "detained", s_.conj) if s_ else None
        elif m.anchor.i != m.tok.i:  # "launched an attack on X": agent from the support verb
            a = _subject(m.anchor)
            na, p = _noun_roles(m.tok, lex)
            a = a or na
            if p is None:
                p = _object_other_than(m.anchor, m.tok) or _object_of(m.anchor, _DRAWN_INTO, "object")
        elif _verbal(m.tok) and m.tok.dep_ not in ("pobj", "dobj", "nsubj", "nsubjpass", "compound"):
            a, p = _subject(m.tok), _object(m.tok)
            if m.frame == "BOMB" and a is not None and a.how == "subject" and _forms(m.tok, lex)[0] in _UNACCUSATIVE:
                a, p = None, p or Role(a.tok, "exploded-subject")  # "a police car exploded on a mine"
            if m.frame == "LOOT" and a is not None and a.how == "subject" and p is None \
                    and m.tok.lemma_.lower() in _BURNING and not _burns_as_doer(a.tok, lex):
                a, p = None, Role(a.tok, "burnt-subject", a.conj)  # "a police post burned in the south"
            if a is not None and a.how == "subject" and (_forms(m.tok, lex)[0] in _UNDERGOING or gives_self_up(m.tok)):
                a, p = None, Role(a.tok, "undergoer", a.conj)  # "Ranger faces charges": he is charged
            if m.frame == "CLASH" and a is not None and a.conj and p is None:
                p = Role(a.conj[0], "coordinated-subject")
                a = Role(a.tok, a.how)
            if m.frame == "SHOOT" and p is None and m.tok.dep_ == "conj":
                p = _object_of(m.tok.head, _CLOSING_IN, "conjunct-object")
        else:
            a, p = _shot_dead_misparse(m.tok) or _noun_roles(m.tok, lex)
            verb = next((k for k in m.tok.children if k.dep_ == "amod" and k.i == m.tok.i - 1), None)
            hung_on = _phrase_verb_as_adjective(verb) if verb is not None and a is None else None
            if hung_on is not None:
                a = Role(hung_on, "subject", _conjuncts(hung_on))
            if a is None and m.tok.dep_ in ("nsubj",) and m.tok.head.pos_ == "VERB":
                p = p or _object(m.tok.head)
        if m.frame == "FIND" and any(x.frame in _VIOLENT for x in members if x is not m):
            a = None  # "officers found the victim with a gunshot wound": the finder is not who shot
        agent = agent or a
        patient = patient or p
    if agent is None and head.frame in ("KILL", "SHOOT"):
        agent = _forces_of_the_operation(head.anchor)
    return _doer_of_the_act(agent, lex), patient


def _shot_dead_misparse(noun: Token) -> tuple[Role | None, Role | None] | None:
    """"A sniper shot dead a boy": the parser makes "sniper shot" a noun, the subject of
    "dead", and the boy the object of "dead"; the shooter is the compound, the boy the shot."""
    dead = noun.head
    if noun.dep_ != "nsubj" or dead.lower_ != "dead" or dead.i != noun.i + 1:
        return None
    obj = next((c for c in dead.children if c.dep_ in ("dobj", "dep") and c.i > dead.i
                and c.pos_ in ("NOUN", "PROPN")), None)
    doer = next((c for c in noun.children if c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN")), None)
    if obj is None:
        return None
    return (Role(doer, "subject", _conjuncts(doer)) if doer is not None else None), Role(obj, "object", _conjuncts(obj))


# verbs of closing in on a target, at which a shooting conjoined to them is aimed
# ("assailants surrounded the post at dawn and opened fire": at the post)
_CLOSING_IN = frozenset({"surround", "encircle", "approach", "stop", "block", "reach", "enter"})


# what forces conduct, in which people are killed: "killed in a police operation"
_OPERATIONS = frozenset({"operation", "raid", "encounter", "crackdown", "sweep"})
_FORCES_MODIFIERS = frozenset({"police", "army", "military", "paramilitary", "navy"})  # words the actors stage resolves


def _forces_of_the_operation(verb: Token) -> Role | None:
    """"Three suspects were killed in a police operation", "shot dead during an army raid",
    "killed in a police buy-bust operation" (the force modifying the operation's own
    modifier): with no agent named, the forces whose operation it was did it."""
    for prep in (k for k in verb.children if k.dep_ == "prep" and k.lower_ in ("in", "during")):
        for op in (g for g in prep.children if g.dep_ == "pobj" and g.lemma_.lower() in _OPERATIONS):
            mod = next((k for k in op.subtree if k.i < op.i and k.dep_ in ("compound", "amod", "nmod")
                        and k.lower_ in _FORCES_MODIFIERS), None)
            if mod is not None:
                return Role(mod, "forces of the operation")
    return None


def _doer_of_the_act(agent: Role | None, lex: Lexicon) -> Role | None:
    """"Israeli strikes killed 12", "a Russian attack hit the town": when the subject is an
    event noun, the nationality it names did it."""
    if agent is None or agent.tok.pos_ != "NOUN" or agent.tok.dep_ != "nsubj" \
            or agent.tok.head.lemma_.lower() not in _HARMING | _SHELLING:
        return agent
    hit = _match_trigger(agent.tok, lex)
    fired = {v for v, _ in _cues(agent.tok.text, lex).get("weapon", ())} & _STATE_TACTICS
    if not fired and (hit is None or hit[0] not in ("ATTACK", "STRIKE", "AIRSTRIKE", "SHELL", "BOMB")):
        return agent
    # a town names where, not who: "Kabul attack kills 20" is no act of Afghanistan's forces
    mod = next((k for k in agent.tok.children if k.dep_ in ("amod", "compound", "nmod")
                and (k.ent_type_ == "NORP" or k.ent_type_ == "GPE" and country_of(k.text))), None)
    return Role(mod, "nationality of the act") if mod is not None else agent


def _names_a_kind(tok: Token) -> bool:
    """The word modifies a noun it names a kind of ("riot police", "protest leaders"), also
    where the parser made "riot" a verb with "police" its object ("clashes between
    protesters and riot police")."""
    if tok.dep_ == "compound" and tok.head.pos_ in ("NOUN", "PROPN"):
        return True
    return tok.lower_ == "riot" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lemma_.lower() in _RIOT_GEAR


# what "riot" names the kind of when it comes first ("riot police", "riot gear")
_RIOT_GEAR = frozenset({"police", "policeman", "officer", "squad", "unit", "gear", "shield", "control", "troop",
                        "force", "act"})
# verbs whose subject, with no object, is what burns ("a police post burned"), not who burns it
_BURNING = frozenset({"burn", "blaze", "smoulder", "smolder"})


def _burns_as_doer(tok: Token, lex: Lexicon) -> bool:
    """The noun names those who set fires ("rioters burned and looted"), as the actor cues
    know crowds and armed groups, not what or who burned ("a police officer burned to death")."""
    kinds = {v for v, _ in _cues(tok.text, lex).get("actor", ())}
    return bool(kinds & _FIRE_SETTERS) or tok.lemma_.lower() in _CROWD_NOUNS


_FIRE_SETTERS = frozenset({"rioters", "protesters", "rebels", "political_militia", "identity_militia"})
_CROWD_NOUNS = frozenset({"youth", "crowd", "gang", "fighter"})  # crowds the actor cues do not name


# the lexicon's weapons a state's forces fire, whose nationality names them: "Russian
# artillery shelled Beryslav", "Israeli warplanes struck"
_STATE_TACTICS = frozenset({"AIR", "SHELLING"})
_SHELLING = frozenset({"shell", "bomb", "attack", "bombard"})
# what an attack, a strike or a shelling does to people and places
_HARMING = frozenset({"kill", "hit", "wound", "injure", "destroy", "target", "pound", "level", "flatten", "strike",
                      "damage", "claim"})


def _object_other_than(verb: Token, tok: Token, preps=("on", "against", "at", "into", "upon")) -> Role | None:
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in preps:
            for p in c.children:
                if p.dep_ == "pobj" and p.i != tok.i and not _a_time(p):
                    return Role(p, c.lower_ + "-phrase", _conjuncts(p))
    return None



# verbs of a phrase trigger whose subject undergoes the act: "faces charges", "gets two years"
_UNDERGOING = frozenset({"face", "get", "receive", "undergo"})
# the police named as a body ("surrendered to police", "the authorities said")
POLICE_WORDS = frozenset({"police", "officers", "deputies", "authorities", "troopers", "agents", "sheriff",
                          "marshals"})
# fighters who surrender to an army make an agreement in ACLED's codebook (its examples of
# Agreement include surrenders); a suspect who gives himself up to the police is arrested
_TO_WHOM_ONE_SURRENDERS = POLICE_WORDS | {"investigators", "detectives"}


def gives_self_up(verb: Token) -> bool:
    """"turned himself in", "surrendered to police": the subject is the one arrested."""
    lemma = verb.lemma_.lower()
    if lemma == "turn":
        return any(k.dep_ == "dobj" and k.lower_.endswith(("self", "selves")) for k in verb.children) and any(
            k.dep_ in ("prt", "prep", "advmod") and k.lower_ == "in" for k in verb.children)
    if lemma != "surrender" or any(k.dep_ == "dobj" and not k.lower_.endswith(("self", "selves"))
                                   for k in verb.children):
        return False  # "surrendered their weapons"; not "surrendered himself"
    objects = [(k.lower_, g) for k in verb.children if k.dep_ == "prep" for g in k.children if g.dep_ == "pobj"]
    if any(p == "to" and (g.lower_ in _TO_WHOM_ONE_SURRENDERS or any(t.lower_ in _TO_WHOM_ONE_SURRENDERS
                                                                     for t in g.subtree)) for p, g in objects):
        return True
    if any(p == "at" and _lockup_word(g) == "jail" for p, g in objects):
        return True  # "surrendered at the jail"
    if any(p == "to" for p, _ in objects):
        return False  # "surrendered to the rebels"
    subj = next((k for k in verb.children if k.dep_ == "nsubj"), None)
    return subj is not None and subj.tag_ in ("NN", "NNP") and (
        subj.ent_type_ == "PERSON" or subj.lemma_.lower() in _LONE_SUSPECTS)  # "the gunman surrendered"


# one person a report of a crime names, who surrenders to the police, not to an army
_LONE_SUSPECTS = frozenset({"suspect", "gunman", "shooter", "fugitive", "man", "woman", "teen", "teenager",
                            "driver", "robber", "escapee", "inmate", "defendant"})

# verbs whose object is a happening another one brought about ("the shooting sparked protests")
_CAUSING = frozenset({"spark", "trigger", "prompt", "provoke", "cause", "ignite", "fuel", "unleash", "touch",
                      "set", "lead", "bring"})
# the causing verbs whose participle opens what a happening set off, a happening of its own
# ("..., prompting relatives to stage a sit-in"; not ", causing heavy damage", its own harm)
_SETTING_OFF = _CAUSING & frozenset({"prompt", "spark", "trigger", "provoke", "ignite"})


# verbs that say an event noun's happening took place ("a meeting held in ...", "the talks
# that began on ...")
_TOOK_PLACE = frozenset({"hold", "convene", "begin", "start", "end", "conclude", "open", "close", "last",
                         "occur", "happen", "unfold", "take", "break", "erupt", "stage"})


def _caused(tok: Token) -> bool:
    """An event noun that a cause brought about: "sparked protests", "led to clashes",
    "set off riots"."""
    h = tok.head
    if tok.dep_ == "pobj" and h.lower_ == "to" and h.head.lemma_.lower() in ("lead",):
        return True
    return tok.dep_ in ("dobj", "nsubjpass") and h.pos_ == "VERB" and h.lemma_.lower() in _CAUSING and (
        h.lemma_.lower() not in ("set", "touch", "bring") or any(c.dep_ == "prt" for c in h.children))


# verbs that tell a fight as a happening: it started, went on, grew, shook a place
_ONSETS = frozenset({"erupt", "ensue", "rage", "flare", "continue", "intensify", "resume", "escalate", "spread",
                     "start", "begin", "rock", "last", "persist"})


# verbs that tell when a happening started or how long it went on ("clashes that broke out
# on Sunday", "fighting, which lasted until dawn")
ASPECT_VERBS = _ONSETS | {"break", "occur", "happen", "end", "stop", "subside"}


def told_as_happening(tok: Token) -> bool:
    """"The encounter broke out around 3 pm", "a gunfight ensued", "fighting continued",
    "clashes rock Tripoli", "heavy fighting was reported": a fighting word told as a
    happening, not one named in passing."""
    verb = tok.head
    if verb.pos_ != "VERB" or any(k.dep_ == "neg" or (k.dep_ == "aux" and k.tag_ == "MD") for k in verb.children):
        return False  # "the fighting could spread", "fighting did not resume": not told as happening
    if tok.dep_ == "nsubjpass":
        return verb.lemma_.lower() in ("report", "hear")
    if tok.dep_ != "nsubj":
        return False
    return verb.lemma_.lower() in _ONSETS or (verb.lemma_.lower() == "break" and any(
        k.dep_ == "prt" and k.lower_ == "out" for k in verb.children))


# verbs that tell an event seen or reported as having happened
_WITNESSED = frozenset({"report", "witness", "hear", "confirm", "record", "document", "describe"})


# verbs by which an authority puts a measure in force
_DECREEING = frozenset({"announce", "declare", "decree", "order", "introduce", "proclaim", "enforce"})
_IMPOSING = frozenset({"impose", "reimpose", "clamp", "extend", "slap"})


# verbs of harm suffered: the event noun someone suffered it in happened
HARMED_VERBS = frozenset({"die", "perish", "fall", "wound", "injure", "hurt", "kill"})
_NO_ONE = frozenset({"none", "nobody", "noone"})  # "nobody", "none of them" ("no one": its det "no")


# spells of days or less that measure out fighting ("a day of fighting", "hours of
# clashes"); longer ones ("years of fighting") tell a conflict, not an incident, and "a week
# of strikes" may be a labour strike's
_SPELLS = frozenset({"hour", "day", "night", "week", "weekend"})


def _has_argument(head: Trigger, members: list[Trigger], a_role, p_role) -> bool:
    """Weak trigger words and bare event nouns count only with something that anchors them
    to a happening: a participant, a place, a time, a number, or a support verb."""
    strong_verb = any(not m.weak and (m.tok.pos_ == "VERB" or m.anchor.i != m.tok.i) for m in members)
    if strong_verb or head.held_by_arrest:
        return True
    own = [r for r in (a_role, p_role) if r is not None and not r.how.startswith("inherited")]
    if own:
        return True
    tok = head.tok
    if tok.dep_ in ("nsubj", "nsubjpass", "ROOT"):
        return not head.weak or len(members) > 1 or told_as_happening(tok)  # "heavy fighting was reported"
    if tok.dep_ == "attr" and any(c.dep_ == "expl" for c in tok.head.children) and (not head.weak or any(
            t.ent_type_ in ("DATE", "TIME") for t in tok.head.subtree)):
        return True  # "there was serious disorder ... on Sunday night": it is said to have happened
    if a_role is not None and tok.pos_ == "VERB" and tok.dep_ in ("advcl", "conj") and any(
            c.dep_ == "ccomp" for c in tok.children):
        # "..., while demanding that they improve their targeting", "condemned the strikes and
        # warned that they would not go unanswered": what is said anchors it
        return True
    if not head.weak and _caused(tok):
        return True
    if not head.weak and tok.dep_ == "dobj" and tok.head.lemma_.lower() in _DECREEING and any(
            c.dep_ == "nsubj" for c in tok.head.children):
        return True  # "the government announced a nationwide curfew": who decrees it imposes it
    if not head.weak and tok.pos_ == "NOUN" and any(c.dep_ == "acl" and c.tag_ == "VBN" and (
            c.lemma_.lower() in _DECREEING | _IMPOSING) for c in tok.children):
        return True  # "..., curfew imposed in N'Djamena": a headline's measure put in force
    if tok.pos_ == "NOUN" and any(c.dep_ in ("acl", "relcl") and c.lemma_.lower() in _TOOK_PLACE
                                  for c in tok.children):
        return True  # "the day-long meeting that was held in part on a boat": it happened
    if tok.dep_ == "pobj" and tok.head.lower_ == "on" and tok.head.head.pos_ in ("VERB", "AUX") and any(
            c.dep_ == "nsubj" for c in tok.head.head.children):
        return True  # "workers went on strike", "teachers are on strike": the subject is the party
    if head.frame in ("CLASH", "RIOT") and tok.dep_ == "pobj" and tok.head.lower_ == "of" and \
            tok.head.head.lemma_.lower() in _SPELLS:
        return True  # "after a day of fighting in residential districts": measured out, it happened
    harmed = tok.head.head
    if not head.weak and tok.dep_ == "pobj" and tok.head.lower_ in ("in", "during") and \
            harmed.lemma_.lower() in HARMED_VERBS and not any(
                c.dep_ == "neg" or (c.dep_ in ("nsubj", "nsubjpass") and (c.lower_ in _NO_ONE or any(
                    d.dep_ == "det" and d.lower_ == "no" for d in c.children))) for c in harmed.children):
        return True  # "a suspect died in a shoot-out with police": someone fell in it (not "no one was hurt")
    anchors = {"GPE", "LOC", "FAC"} if head.weak else {"DATE", "TIME", "GPE", "LOC", "FAC", "CARDINAL"}
    # "residents reported several drone strikes on Monday": what is reported is dated by the report's verb
    told = tok.head if tok.dep_ == "dobj" and tok.head.lemma_.lower() in _WITNESSED else tok
    for t in told.subtree:
        if t.ent_type_ in anchors or (t.dep_ == "nummod" and t.head.i == tok.i):
            return True
    return False



