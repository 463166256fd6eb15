"""How a report states an event: its certainty (asserted, claimed, hypothetical, future,
planned, negated, denied) from negation, modals, conditionals and governing words."""
from __future__ import annotations

import re

from .event_clauses import _BOUNDARY_DEPS, _OTHER_CLAUSE, Trigger, _times
from .event_lexicon import (
    _ASPECTUAL,
    _CONDITIONAL_MARKS,
    _MODAL_FUTURE,
    _MODAL_HYPO,
    JOURNEYS,
    Lexicon,
    _is_light,
    _scope_of,
    lexicon,
    sentence_of,
)

# dependencies through which a modal or a negation above a trigger reaches it
_SCOPED_DEPS = frozenset({"xcomp", "pcomp", "pobj", "prep", "dobj", "acl", "advcl", "relcl", "conj", "nsubj",
                          "nsubjpass", "ccomp", "csubj"})
_MODAL_DEPS = frozenset({"xcomp", "relcl", "pcomp", "pobj", "prep", "dobj", "acl", "csubj", "conj"})


# ---------------------------------------------------------------------------- certainty
# why a mention with "no" for its object is negated: nothing was done, nothing refused
NOTHING = "nothing:"


def result_clause(m: Trigger) -> bool:
    """"... repelled the aggression, killing no one": a participle clause of what the act
    left, whose negation ("no one") negates that result, not the act it follows."""
    return m.anchor.dep_ == "advcl" and m.anchor.tag_ == "VBG"


def negated_result(head: Trigger, members: list[Trigger]) -> Trigger | None:
    """A result clause of the mention that its own words negate ("killing no one")."""
    return next((m for m in members if m is not head and result_clause(m) and _own_negation([m]) is not None), None)


def _when_clause(tok) -> bool:
    """A relative clause of a time ("the end of February, when ..."): it tells what happened then."""
    return tok.dep_ == "relcl" and any(c.lower_ == "when" and c.dep_ == "advmod" for c in tok.children)


def _certainty(head: Trigger, members: list[Trigger], lex: Lexicon) -> tuple[str, str]:
    """(certainty, why). Only `asserted` and `claimed` events count as having happened."""
    own = _own_negation([m for m in members if m is head or not result_clause(m)])
    if own is not None:
        cond = next((c for c in head.anchor.children if c.dep_ == "mark" and c.lower_ in _CONDITIONAL_MARKS), None)
        # "if the minister does not support them": no refusal, a condition
        return ("hypothetical", f"conditional '{cond.text}'") if cond is not None else own
    node = head.anchor
    chain = [node]
    for _ in range(10):
        if node.head.i == node.i:
            break
        node = node.head
        chain.append(node)
    for k, tok in enumerate(chain[1:4], 1):  # "a halt to the bombardments", "victims of the attack"
        if _when_clause(chain[k - 1]):
            break  # "at the end of February, when a protester was killed": a time's own happening
        if tok.pos_ == "NOUN" and _scope_of(tok, lex) == "block":
            return "block", f"mention under '{tok.text}'"
    presupposed = _presupposed(head)
    unreal = _unreal_noun(head)
    if unreal:
        return unreal
    if not presupposed and _polar_question(chain):
        return "hypothetical", "a yes-no question"
    # modals and conditionals on the trigger's own clause (and infinitive chains above it);
    # none reach a presupposed noun
    for i, tok in enumerate([] if presupposed else chain):
        if i > 0 and (chain[i - 1].dep_ not in _SCOPED_DEPS or (i == 1 and _reduced_relative(chain[0]))
                      or _past_relative(chain[i - 1])):
            break
        # "would not identify it but said he was sentenced": a modal needs a bare verb, so
        # it does not reach a finite conjunct
        finite_conj = i > 0 and chain[i - 1].dep_ == "conj" and chain[i - 1].tag_ in ("VBD", "VBZ", "VBP")
        for c in tok.children:
            low = c.lower_
            if finite_conj and c.dep_ in ("aux", "auxpass"):
                continue
            if c.dep_ in ("aux", "auxpass") and low in _MODAL_HYPO and (i == 0 or chain[i - 1].dep_ in _MODAL_DEPS):
                return "hypothetical", f"modal '{c.text}'"
            if c.dep_ in ("aux",) and low in _MODAL_FUTURE and (i == 0 or chain[i - 1].dep_ in ("xcomp", "conj")):
                if head.frame in ("REJECT", "THREATEN"):
                    continue  # "we will reject": the declaration is the act
                return "future", f"modal '{c.text}'"
            if c.dep_ == "mark" and low in _CONDITIONAL_MARKS:
                return "hypothetical", f"conditional '{c.text}'"
            if c.dep_ in ("aux", "advmod", "intj", "dep") and _supposing(c):  # the parser's "Say" as an auxiliary
                return "hypothetical", f"supposed ('{c.text} ...')"
            if c.dep_ == "neg" and i > 0 and chain[i - 1].dep_ == "xcomp":
                return "negated", f"negation '{c.text}' on '{tok.text}'"
        to_infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
        if i == 0 and to_infinitive and any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
            return "future", f"'{tok.text}' to come"  # a headline's "families to sue the state"
        if i == 0 and tok.dep_ in ("xcomp", "advcl", "acl", "relcl") and to_infinitive:  # "rationales to veto X"
            gov = tok.head.lemma_.lower()
            if gov == "be" and tok.dep_ == "xcomp" and tok.lemma_.lower() != "blame":
                return "future", f"'{tok.head.text} to {tok.text}': scheduled"  # "the ministers are to meet"
            if gov not in _ASPECTUAL and _scope_of(tok.head, lex) is None and not _is_light(tok.head, lex) \
                    and not _through_a_channel(tok.head):
                return "future", f"purpose '{tok.head.text} ... to {tok.text}'"
        if tok.dep_ in _BOUNDARY_DEPS and i == 0:
            continue
    false_report = _reported_false(chain)
    if false_report:
        return "denied", false_report
    return _governed(chain, presupposed, lex)


# what an account can be called when it is denied: "reports that a journalist had been detained were not true"
_FALSE_WORDS = frozenset({"false", "untrue", "baseless", "unfounded", "groundless", "fabricated", "fake", "lies"})
_ACCOUNT_NOUNS = frozenset({"report", "claim", "allegation", "rumour", "rumor", "account", "accusation", "story"})


def _reported_false(chain) -> str | None:
    """The mention is what an account says, and the account is called untrue ("reports that
    a journalist had been detained were 'not true'"): the act is denied."""
    for tok in chain[1:4]:
        if tok.lemma_.lower() not in _ACCOUNT_NOUNS:
            continue
        # the account as the copula's subject, or (misparsed as a verb) with the copula under it
        verbs = [tok.head] if tok.dep_ in ("nsubj", "nsubjpass") else [c for c in tok.children if c.lemma_ == "be"]
        for verb in verbs:
            said = [c for c in verb.children if c.dep_ in ("acomp", "attr", "oprd")]
            negated = any(c.dep_ == "neg" for c in verb.children)
            if any((c.lower_ == "true" and negated) or c.lower_ in _FALSE_WORDS for c in said):
                return f"the {tok.text} called untrue"
    return None


def _past_relative(verb) -> bool:
    """"Retaliate against countries that expelled its diplomats": a relative clause in the
    past tells what has happened, whatever modal the clause it hangs on has."""
    return verb.dep_ == "relcl" and (verb.tag_ == "VBD" or any(
        c.dep_ in ("aux", "auxpass") and c.lower_ in ("has", "have", "had", "was", "were") for c in verb.children))


def _asked_who(verb) -> bool:
    """"Trying to determine who gunned down a man", "why the convoy was attacked": a past act
    asked about by a wh-word is told as having happened; only its doer or cause is sought
    ("whether" and "if" ask if it happened at all)."""
    past = verb.tag_ == "VBD" or any(c.dep_ == "auxpass" and c.lower_ in ("was", "were") for c in verb.children)
    return verb.dep_ == "ccomp" and past and any(c.tag_ in ("WP", "WRB") for c in verb.children)


def _governed(chain: list, presupposed: bool, lex: Lexicon) -> tuple[str, str]:
    """What the words governing the trigger's clause make of it (accused/claimed,
    denied, plans to, threat of, halt to), up its chain of heads."""
    for i, tok in enumerate(chain[1:], start=1):
        if _asserts_itself(chain[i - 1]) or (i == 1 and _reduced_relative(chain[0])) or _past_relative(chain[i - 1]) \
                or _asked_who(chain[i - 1]):
            break  # "trying to identify the gunman who shot a man": the shooting is told, not tried
        if chain[i - 1].dep_ == "prep" and (chain[i - 1].lower_ in _SETTING_PREPS or _aside(chain[i - 1])):
            break  # "during her visit, she promised ...": the setting of a promise is not promised
        if chain[i - 1].dep_ == "advcl" and chain[i - 1].tag_ == "VBG" and chain[i - 1].lemma_.lower() in _SAYING:
            break  # "denied that ..., saying that 19 people had been detained": what the denier says, it tells
        if chain[i - 1].dep_ == "xcomp" and tok.pos_ in ("VERB", "AUX") and no_one_subject(tok):
            return "negated", f"no one '{tok.text}'"  # "no group has admitted carrying out the attack"
        if chain[i - 1].dep_ == "ccomp" and _supposing(tok):
            return "hypothetical", f"supposed ('{tok.text} ...')"
        kind = _scope_of(tok, lex)
        if kind is None or (presupposed and kind in _UNREAL):
            continue
        if kind == "future" and tok.pos_ == "NOUN" and chain[i - 1].dep_ == "acl" and chain[i - 1].tag_ == "VBG":
            continue  # "signed an order imposing a curfew": the order imposes it, as it is signed
        if chain[i - 1].dep_ == "conj" and chain[i - 1].head.i == tok.i and tok.pos_ in ("VERB", "AUX"):
            continue  # "tried to avoid arrest but was detained": a verb's scope is not its conjunct's
        if kind == "block" and chain[i - 1].dep_ == "nsubj" and (
                tok.tag_ in ("VBD", "VBN") or any(k.dep_ == "dobj" for k in tok.children)):
            continue  # "three days of fighting ended on Friday": it happened, then ended; "a deal ends the dispute"
        if chain[i - 1].dep_ == "nsubj" and any(k.dep_ == "xcomp" for k in tok.children):
            continue  # "the summit had failed to break the ice": the summit met, the thawing failed
        if kind == "block" and any(t.dep_ == "advcl" for t in chain[:i]):
            continue  # "stopped selling arms while demanding ...": what stopped is not the demand
        if kind == "claimed" and any(c.lower_ in ("responsibility", "credit") for c in tok.subtree):
            continue  # "claimed responsibility for the attack": the attack is not in doubt
        if kind == "future" and tok.lemma_.lower() in _ORDERING and chain[0].lemma_.lower() in _INQUIRIES:
            continue  # "ordered an investigation into the shooting": an inquiry ordered is opened
        negated = any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in tok.children)
        if negated and kind in ("future", "claimed", "planned"):
            return "negated", f"negated '{tok.text}'"
        return kind, f"governed by '{tok.text}'"
    return "asserted", ""


# neutral verbs of saying whose participle adds a statement of its own to the clause it hangs
# on (data/speech_verbs.csv's whole speech list includes "warning", "urging": acts of their own)
_SAYING = frozenset({"say", "add", "state", "note", "explain", "insist"})
# an inquiry an authority orders is opened by the order (PLOVER's ACCUSE, mode investigate)
_ORDERING = frozenset({"order", "direct", "instruct"})
_INQUIRIES = frozenset({"investigation", "investigate", "probe", "inquiry", "enquiry"})


def _supposing(verb) -> bool:
    """"Say Mexico demanded ...": a sentence opened by "say" with no one saying it puts a
    case to the reader, as "suppose" does."""
    return verb.lower_ == "say" and verb.i == verb.sent.start and not any(
        c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _aside(prep) -> bool:
    """A phrase set off by commas ("The city, in talks with the county, plans ..."): a
    state of things beside the clause, which its verb does not govern."""
    return prep.i > 0 and prep.doc[prep.i - 1].text == "," and prep.lower_ == "in"


def _through_a_channel(verb) -> bool:
    """"Took to Twitter to accuse ...", "used the speech to attack ...": the channel taken
    is how the act was done, not a purpose still to come."""
    lemma = verb.lemma_.lower()
    return verb.tag_ == "VBD" and (
        (lemma == "take" and any(k.dep_ == "prep" and k.lower_ == "to" for k in verb.children)) or lemma == "use")


# prepositions that set a verb's act in time beside another happening, which its words do
# not govern ("during her visit", "after the talks", "amid the fighting")
_SETTING_PREPS = frozenset({"during", "after", "amid", "amidst", "following", "throughout", "since", "despite"})

# what a governing word makes of an event that has not happened (yet)
_UNREAL = frozenset({"future", "planned", "hypothetical"})
_DEFINITE = frozenset({"the", "this", "that", "these", "those"})
# modifiers of an event noun that say it did not (or may not) happen
_NOUN_STATUS = {"attempted": "planned", "failed": "planned", "foiled": "planned", "thwarted": "planned",
                "planned": "planned", "would-be": "planned", "possible": "hypothetical",
                "potential": "hypothetical", "future": "future", "upcoming": "future", "proposed": "future",
                "prospective": "future", "imminent": "future"}
# ... and those that leave a definite one to the words that govern it ("the proposed talks")
_NOT_YET = frozenset(_NOUN_STATUS) | {"proposed", "future", "expected", "threatened", "imminent", "feared", "new",
                                      "further", "next", "alleged"}
# happenings a definite noun presupposes (violence, arrests, protests, charges, sentences);
# an agreement or a veto named so may be one still to come or one long past ("would
# override the veto", "the ceasefire")
_PRESUPPOSED_FRAMES = frozenset({"ATTACK", "KILL", "SHOOT", "BOMB", "AIRSTRIKE", "SHELL", "CLASH", "ARREST", "ABDUCT",
                                 "PROTEST", "RIOT", "SEXUAL", "LOOT", "CAPTURE", "STRIKE", "ACCUSE", "SANCTION"})


# subjects that are no one: "nobody was charged", "none was hurt"
_NO_ONE = frozenset({"nobody", "nothing", "none", "neither"})


def no_one_subject(verb) -> bool:
    """The verb's subject is no one: "nobody", "none", "no group"."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and (c.lower_ in _NO_ONE or any(
        d.dep_ == "det" and d.lower_ == "no" for d in c.children)) for c in verb.children)


def _own_negation(members: list[Trigger]) -> tuple[str, str] | None:
    """Negation or a non-specific determiner on the trigger's own words ("did not attack",
    "no arrests", "nobody was charged", "nor offered", "any negotiations")."""
    for m in members:
        held = m.tok.head.head if m.tok.dep_ == "pobj" and m.tok.head.dep_ == "prep" else None
        if held is not None and held.lemma_.lower() in ("be", "remain") and no_one_subject(held):
            return "negated", "no one held"  # "No one was in custody as of Sunday evening"
        for tok in dict.fromkeys((m.tok, m.anchor)):  # in order: a set's order follows the hash seed
            if tok.dep_ == "conj" and any(c.dep_ in ("cc", "preconj") and c.lower_ == "nor" for c in tok.head.children):
                return "negated", "'nor'"  # "has given no order, nor offered a timetable"
            for c in tok.children:
                if c.dep_ == "neg" and any(k.lower_ == "yet" and k.dep_ == "advmod" for k in tok.children):
                    return "future", "'not yet': still to come"  # "has not yet given clearance": no refusal
                if c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ in ("no",)):
                    return "negated", f"negation '{c.text}'"
                if c.dep_ == "det" and c.lower_ == "any" and tok.pos_ == "NOUN":
                    return "hypothetical", "'any': none in particular"  # "refused any negotiations with Tehran"
                if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in _NO_ONE:
                    return "negated", f"no one '{c.text}'"  # "nobody specific was under investigation"
                if c.dep_ in ("nsubj", "nsubjpass", "dobj") and _not_one(c):
                    return "negated", f"{NOTHING} 'not one {c.text}'"  # "not a single refugee agreed": no one did
                if c.dep_ in ("nsubj", "nsubjpass") and any(
                        d.dep_ in ("preconj", "det") and d.lower_ == "neither" for d in c.children):
                    return "negated", "'neither ... nor'"  # "neither Clinton nor her allies have been charged"
                # "no gun was found", "found no weapons": nothing was
                if tok.pos_ == "VERB" and c.dep_ in ("nsubjpass", "dobj") and any(
                        d.dep_ == "det" and d.lower_ == "no" for d in c.children) and \
                        sum(k.dep_ == c.dep_ for k in tok.children) == 1:
                    return "negated", f"{NOTHING} 'no {c.text}'"
    return None


def _not_one(noun) -> bool:
    """"Not a single refugee", "not one protester": the noun, or its number, negated (not
    "not one but three suspects"). The noun's words are walked only when it is negated
    (few are)."""
    negated = any(d.dep_ == "neg" for d in noun.children) or any(
        d.dep_ == "nummod" and any(e.dep_ == "neg" for e in d.children) for d in noun.children)
    return negated and not any(t.lower_ == "but" for t in noun.subtree)


_CLOSERS = frozenset({'"', "'", "”", "’", ")"})


def _polar_question(chain) -> bool:
    """"Has he called for changing it?", "Did the jets bomb the convoy?": an auxiliary
    before the subject of a sentence that ends in a question mark asks whether it
    happened. ("Who attacked the convoy?" and "Why did police arrest them?" take it as
    given: a wh-word opens them.)"""
    sent = sentence_of(chain[0])
    last = next((t for t in reversed(sent) if not t.is_space and t.text not in _CLOSERS), None)
    if last is None or last.text != "?" or sent[0].tag_ in ("WDT", "WP", "WP$", "WRB"):
        return False
    verb = next((t for t in chain if any(k.dep_ in ("nsubj", "nsubjpass") for k in t.children)), None)
    if verb is None:
        return False
    subj = next(k for k in verb.children if k.dep_ in ("nsubj", "nsubjpass"))
    return any(k.dep_ in ("aux", "auxpass") and k.i < subj.i for k in verb.children)


def _unreal_noun(head: Trigger) -> tuple[str, str] | None:
    """"the attempted murder of", "a foiled attack", "a possible strike"."""
    tok = head.tok
    if tok.pos_ != "NOUN":
        return None
    m = next((k for k in tok.children if k.dep_ in ("amod", "compound") and k.lower_ in _NOUN_STATUS), None)
    return (_NOUN_STATUS[m.lower_], f"modifier '{m.text}'") if m is not None else None


def _presupposed(head: Trigger) -> bool:
    """A definite event noun ("the fatal shooting of Keith Scott", "Sunday's attack")
    tells of an event that happened whatever governs it: "called for information about
    the shooting", "vowed to investigate the killing" do not make it future."""
    tok = head.tok
    if tok.pos_ != "NOUN" or head.anchor.i != tok.i or head.frame not in _PRESUPPOSED_FRAMES:
        return False
    kids = list(tok.children)
    if any(k.lower_ in _NOT_YET for k in kids if k.dep_ in ("amod", "compound")) or _demanded(tok):
        return False
    return any((k.dep_ == "det" and k.lower_ in _DEFINITE) or k.dep_ == "poss" for k in kids)


# verbs whose object, or whose "for" phrase, is an act wanted, not one done
_DEMANDING = frozenset({"demand", "seek", "urge", "request", "want"})
_CALLING_FOR = frozenset({"call", "ask", "press", "push", "appeal", "clamour", "clamor"})


def _demanded(tok) -> bool:
    """"Demanding the arrest of the driver", "called for the release of the detainees": the
    definite noun names the act the demand wants, which has not happened."""
    head = tok.head
    if tok.dep_ == "dobj":
        return head.lemma_.lower() in _DEMANDING
    return tok.dep_ == "pobj" and head.lower_ == "for" and head.head.lemma_.lower() in _CALLING_FOR


# subordinating words after which a clause states a fact of its own, whatever governs the
# main clause: "proposed a conference, even though the government declined the bid"
_OWN_FACT_MARKS = frozenset(_OTHER_CLAUSE - {"until"} | {"when"})


def _reduced_relative(clause) -> bool:
    """"The officers shot by the gunman": the event's own past participle on a noun tells
    what befell it, whatever governs the noun ("we must honor the officers shot ...")."""
    return clause.dep_ == "acl" and clause.tag_ == "VBN" and clause.head.pos_ in ("NOUN", "PROPN") and not any(
        c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in clause.children)


def _asserts_itself(clause) -> bool:
    """A relative clause, or a subordinate clause with a factual mark, that has its own
    subject: a governing word above it ("urges", "proposed") does not reach into it."""
    if clause.dep_ not in ("relcl", "advcl") or not any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
        return False
    return clause.dep_ == "relcl" or any(
        (c.dep_ == "mark" and c.lower_ in _OWN_FACT_MARKS) or (c.dep_ == "advmod" and c.lower_ == "where")
        for c in clause.children)


# ---------------------------------------------------------------------------- timing
# adverbs and determiners of habit: "frequently attacked", "break up any brawls"
_HABITUAL_ADVERBS = frozenset({"frequently", "often", "regularly", "routinely", "repeatedly", "usually", "always",
                               "sometimes", "occasionally", "rarely", "constantly", "commonly", "typically",
                               "normally", "generally", "increasingly", "seldom", "never", "whenever",
                               "twice", "thrice",  # "vandalised twice": more than one incident
                               "steadily", "continually", "continuously", "consistently", "persistently",
                               "relentlessly", "systematically",  # "has been steadily pounding Trump"
                               "daily", "nightly", "weekly",  # "have traded fire almost daily"
                               "long"})  # "has long called for tax fairness": a standing position
_LONG_UNITS = frozenset({"years", "decades", "centuries", "year", "decade", "generations"})
# periods or occasions that recur, told in the plural: "in previous election seasons"
_PERIODS_GONE = frozenset({"seasons", "elections", "campaigns", "cycles", "rounds", "winters", "summers", "terms",
                           "administrations", "governments", "wars", "conflicts", "years", "decades"})
_ERA_NOUNS = frozenset({"start", "beginning", "outbreak", "onset", "war", "conflict", "uprising", "revolution",
                        "crisis", "insurgency", "independence", "invasion", "occupation", "coup", "takeover"})
_AGGREGATE_HEADS = frozenset({"dozens", "hundreds", "thousands", "scores", "tens", "millions"})
# verbs whose object is a toll ("has killed thousands", "have displaced millions")
_KILLING_VERBS = frozenset({"kill", "displace", "wound", "injure", "claim", "uproot"})


def timing(head: Trigger, members: list[Trigger], *, physical: bool, in_headline: bool,
           background_day: bool, offering: bool = False) -> tuple[str, str]:
    """(timing, why): generic for habits and aggregates over long periods ("dozens have been
    killed since 2011", "killed 800 people over four decades", "police break up any
    brawls"), background for an earlier incident the report recalls (its own date well
    before the news, or under "a week after"), else current."""
    anchors = {m.anchor.i: m.anchor for m in members} | {head.tok.i: head.tok}
    for a in anchors.values():
        why = _habitual(a, physical) or _long_period(a) or _aggregate_toll(a) or _tally_shared(a)
        if why:
            return "generic", why
    why = next((w for m in members if (w := _many(m.tok) or _as_law(m.tok) or _in_a_war(m.anchor)
                                       or _topic(m.tok))), None)
    if why:
        return "generic", why
    # an offer, a service or an aid in the simple present is a standing one ("the library
    # offers workshops", "FSC provides counselling"), as a physical act is a habit
    if (physical or offering) and not in_headline and _present_simple(head.anchor):
        return "generic", f"present tense '{head.anchor.text}'"
    if _activity_named(head.anchor):
        return "generic", f"an activity named, '{head.anchor.text}'"
    if background_day:
        return "background", "dated well before the news"
    if _after_another(head.anchor):
        return "background", "recalled under 'after/before'"
    return "current", ""


# verbs that make a kind of act a matter of law: "marital rape would be outlawed"
_LAWMAKING = frozenset({"outlaw", "ban", "prohibit", "forbid", "criminalize", "criminalise", "legalize", "legalise",
                        "decriminalize", "decriminalise", "define"})
_LAW_NOUNS = frozenset({"law", "laws", "bill", "legislation", "statute", "ordinance"})


_TOPIC_PREPS = frozenset({"about", "regarding", "concerning"})
_TOPIC_VERBS = frozenset({"discuss", "debate"})  # "lawmakers discussed sanctions on Iran"


def _topic(tok) -> str | None:
    """A kind of act talked about ("spoke about police shootings", "discussed sanctions on
    Iran"): the topic of talk, no incident. A definite one ("asked about
    the shooting", "Sunday's attack") is one that happened and stays."""
    head = tok
    while head.dep_ in ("conj", "acl") and head.head.i != head.i:  # "about robberies and assaults"
        head = head.head
    about = (head.dep_ == "pobj" and head.head.lower_ in _TOPIC_PREPS) or (
        head.dep_ == "dobj" and head.head.lemma_.lower() in _TOPIC_VERBS)
    if not about or head.pos_ not in ("NOUN", "VERB"):
        return None
    if any(k.dep_ in ("poss", "nummod") or (k.dep_ == "det" and k.lower_ in _DEFINITE) for k in head.children) or any(
            k.ent_type_ in ("PERSON", "DATE", "TIME") or (k.dep_ == "prep" and k.lower_ in ("in", "at", "near"))
            for k in head.subtree if k.i != head.i):
        return None  # one that happened: "the shooting", "an attack near Mosul on Sunday"
    return f"a topic of talk, '{head.head.text} {head.text}'"


def _as_law(tok) -> str | None:
    """An act named as what a law outlaws or allows ("rape would be outlawed", "a law
    against torture") is a kind of act, no incident."""
    if tok.dep_ in ("nsubjpass", "dobj") and tok.head.lemma_.lower() in _LAWMAKING:
        return f"a kind of act under '{tok.head.text}'"
    if tok.dep_ == "pobj" and tok.head.head.lemma_.lower() in _LAW_NOUNS:
        return f"a kind of act in a '{tok.head.head.text}'"
    # "attacking churches, whether by demolition or bombing, is prohibited": a gerund the
    # law's verb takes as its subject (however the parser hangs it), with what it lists
    node = tok
    for _ in range(4):
        if node.head.i == node.i:
            break
        if node.head.lemma_.lower() in _LAWMAKING and (
                (node.dep_ in ("csubj", "csubjpass", "advcl") and node.tag_ == "VBG")
                or (node.dep_ == "prep" and node.lower_ == "by")):
            return f"a kind of act under '{node.head.text}'"
        if node.dep_ not in ("conj", "pobj", "prep", "dobj"):
            break
        node = node.head
    return None


def _in_a_war(tok) -> str | None:
    """"Fought in World War I", "served in the Gulf War": a part in a war, no incident."""
    for k in tok.children:
        if k.dep_ == "prep" and k.lower_ in ("in", "during"):
            for g in k.children:
                name = g.doc[g.left_edge.i:g.i + 1].text
                if g.dep_ == "pobj" and g.ent_type_ == "EVENT" and "war" in name.lower():
                    return f"a part in '{name}'"
    return None


# "several meetings", "separate gun and bomb attacks", "repeated air strikes": many
# incidents told as one, an aggregate no single event stands for (docs/annotation.md)
_MANY = frozenset({"several", "multiple", "numerous", "repeated", "separate", "various", "countless", "frequent",
                   "many"})
# ... and words of things that recur, many only as what "has continued" ("sporadic clashes have
# continued in rural Mudug"); "sporadic clashes continued into the afternoon" were one day's
_RECURRING = frozenset({"sporadic", "occasional", "recurrent", "recurring"})


_DAY = re.compile(r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|"
                  r"last night|\d{1,2}(?:st|nd|rd|th)?)\b", re.I)
_WIDE = frozenset({"country", "nation", "world", "globe", "region", "continent", "state", "states", "city"})



# what police hand out one by one, so that a number of them is a tally of many incidents
_TALLIED = frozenset({"citation", "ticket", "summons", "fine"})


def _many(tok) -> str | None:
    if tok.pos_ == "VERB":  # "issued 584 citations", "115 citations were issued"
        tally = next((k for k in tok.children if k.dep_ in ("dobj", "nsubjpass") and k.tag_ == "NNS"
                      and k.lemma_.lower() in _TALLIED and any(n.dep_ == "nummod" for n in k.children)), None)
        return f"a tally of '{tally.text}'" if tally is not None else None
    if tok.tag_ != "NNS":
        return None
    # "separate gun, bomb and machete attacks": the modifier may sit on the first conjunct
    # or on a noun modifying the head, anywhere in the phrase before it
    heads = [tok]
    while heads[-1].dep_ == "conj" and heads[-1].head.i != heads[-1].i and len(heads) < 6:
        heads.append(heads[-1].head)
    left = min(h.left_edge.i for h in heads)
    many = _MANY | _RECURRING if _perfect(tok.head) else _MANY
    m = next((t for t in tok.doc[left:tok.i] if t.lower_ in many and t.dep_ in ("amod", "det", "nummod")), None)
    if m is not None:
        if _names_a_day(tok.sent):
            return None  # "in separate attacks ... on Sunday and Monday": the days' incidents
        return f"aggregate '{m.text} {tok.text}'"
    if tok.lemma_.lower() in JOURNEYS and not any(k.dep_ == "nummod" for k in tok.children):
        return f"many journeys, '{tok.text}'"  # "the governor's overseas trips"
    # "police shootings of African Americans across the country": many places, many incidents
    wide = next((g for k in tok.children if k.dep_ == "prep" and k.lower_ in ("across", "throughout", "around")
                 for g in k.children if g.dep_ == "pobj" and g.lemma_.lower() in _WIDE), None)
    if wide is None or _names_a_day(tok.sent):
        return None  # "attacks across the region killed 40 on Sunday": one day's incidents
    return f"aggregate '{tok.text} ... {wide.text}'"


def _names_a_day(sent) -> bool:
    return any(e.label_ in ("DATE", "TIME") and _DAY.search(e.text) for e in sent.ents)


# what a kind of incident is said to be, not one incident: "clashes are frequent there"
_FREQUENCY_ADJECTIVES = frozenset({"frequent", "common", "commonplace", "rare", "routine", "regular", "rife",
                                   "widespread", "endemic", "recurrent", "uncommon", "unusual", "usual", "typical"})


# how many times, which a stated day makes a count of that day's incidents, not a habit
_COUNTS = frozenset({"once", "twice", "thrice"})


def _habitual(tok, physical: bool) -> str | None:
    if tok.dep_ == "nsubj" and tok.head.lemma_ == "be" and any(
            c.dep_ == "acomp" and c.lower_ in _FREQUENCY_ADJECTIVES for c in tok.head.children):
        return f"a kind of incident, '{tok.text} ... {tok.head.text}'"
    if tok.dep_ == "nsubj" and tok.head.lemma_.lower() in ("occur", "happen") and tok.head.tag_ in ("VBZ", "VBP"):
        return f"what happens, '{tok.text} {tok.head.text}'"  # "sporadic rioting still occurs at interface areas"
    for c in tok.children:
        if c.dep_ in ("advmod", "npadvmod") and c.lower_ in _HABITUAL_ADVERBS and not (
                c.lower_ in _COUNTS and _names_a_day(tok.sent)):  # "clashed twice on Friday and Saturday"
            return f"habit '{c.text}'"
        if physical and c.dep_ in ("dobj", "nsubjpass", "nsubj") and _whoever(c):
            return f"any/every '{c.text}'"
        if c.dep_ == "npadvmod" and any(d.lower_ in ("every", "each") for d in c.children):
            return f"every '{c.text}'"
        if c.dep_ == "npadvmod" and c.lower_ == "times" and any(d.dep_ == "nummod" for d in c.children) \
                and not _shots_counted(tok):
            return f"repeated '{c.text}'"  # "attacked four times since January"
        if c.dep_ == "prep" and c.lower_ in ("at", "in") and any(
                g.dep_ == "pobj" and g.lower_ in ("times", "periods", "moments") and not any(
                    d.dep_ in ("det", "nummod") for d in g.children) for g in c.children):
            return f"habit '{c.text} times'"  # "cooperated closely at times when ..."
    return None


# acts whose "N times" counts shots or blows of one attack: "fired six times", "stabbed 20 times"
_BLOWS = frozenset({"fire", "shoot", "stab", "hit", "strike", "punch", "kick", "beat", "slash"})


def _shots_counted(verb) -> bool:
    """"Fired at least six times at a group": the count is of shots, one act, unless a
    stretch of time holds the repeats ("shot at four times since January")."""
    held = [c for k in verb.children for c in (k, *(k.children if k.lower_ == "times" else ()))]
    return verb.lemma_.lower() in _BLOWS and not any(
        c.dep_ == "prep" and c.lower_ in ("since", "over", "during", "in", "within") and _times(c) for c in held)


# words for whoever it may be: "arrest anyone who is caught", "those who choose this path"
_WHOEVER = frozenset({"anyone", "anybody", "whoever", "everyone", "everybody"})


def _whoever(noun) -> bool:
    """A role filled by anyone at all: "any brawls", "every protester", "anyone caught",
    "those who choose to take this path"."""
    if noun.lower_ in _WHOEVER or any(d.dep_ == "det" and d.lower_ in ("any", "every", "each") for d in noun.children):
        return True
    return noun.lower_ == "those" and any(d.dep_ == "relcl" for d in noun.children)


def _aggregate_toll(tok) -> str | None:
    """"Dozens have been killed in sectarian clashes": a toll in round hundreds or dozens,
    in the present perfect and with no day of its own, sums many incidents."""
    if not _perfect(tok) or any(c.ent_type_ in ("DATE", "TIME") for c in tok.subtree):
        return None
    subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is not None and subj.lower_ in _AGGREGATE_HEADS:
        return f"aggregate toll '{subj.text}' in the perfect"
    # "the fighting has since killed thousands of fighters": the toll as the object
    obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    present = any(c.dep_ == "aux" and c.lower_ in ("has", "have") for c in tok.children)  # not a claim's "had"
    if present and obj is not None and obj.lower_ in _AGGREGATE_HEADS and tok.lemma_.lower() in _KILLING_VERBS:
        return f"aggregate toll '{obj.text}' in the perfect"
    return None


# verbs whose "for two years" is the length of a penalty given once, not a period the act
# went on over ("jailed for two years", "banned for five years")
_TERM_VERBS = frozenset({"jail", "imprison", "sentence", "ban", "bar", "suspend", "exile", "incarcerate"})


# verbs of a hold kept over a time ("occupied the port town for a year"): one act that
# lasted, its period its own, not a tally of many
_HOLDING_VERBS = frozenset({"occupy", "hold", "control", "besiege", "blockade", "detain"})


def _term(tok, prep, unit) -> bool:
    """"Jailed for two years", "occupied the town for a year": a counted term of a penalty
    or of a hold, not a long period."""
    return (prep.lower_ == "for" and tok.lemma_.lower() in _TERM_VERBS | _HOLDING_VERBS
            and any(d.dep_ == "nummod" or (d.dep_ == "det" and d.lower_ in ("a", "an")) for d in unit.children))


def _year(tok) -> int | None:
    return int(tok.text) if tok.text.isdigit() and len(tok.text) == 4 else None


def _years_apart(prep) -> bool:
    """"between 2016 and 2020", "from 2016 to 2020": a span of different years."""
    objs = [g for g in prep.children if g.dep_ == "pobj"]
    if prep.lower_ == "between":
        years = [_year(t) for g in objs for t in (g, *(k for k in g.children if k.dep_ == "conj"))]
    elif prep.lower_ == "from":
        ends = [g for p in prep.children if p.dep_ == "prep" and p.lower_ in ("to", "until", "through")
                for g in p.children if g.dep_ == "pobj"]
        years = [_year(t) for t in (*objs, *ends)]
    else:
        return False
    found = {y for y in years if y is not None}
    return len(found) >= 2


def _long_period(tok) -> str | None:
    """"over four decades", "since 2011", "in recent years", "for years": an aggregate."""
    # "SANDAKAN - Between 2016 and 2020, ...": the parser may hang the span on the dateline
    hung = (g for c in tok.children if c.dep_ == "dep" and c.i < tok.i for g in c.children)
    if any(c.dep_ == "prep" and _years_apart(c) for c in (*tok.children, *hung)):
        return "a span of years"  # "between 2016 and early 2020, dozens were abducted"
    for c in tok.children:
        if c.dep_ != "prep" or c.lower_ not in ("over", "since", "for", "in", "during", "throughout"):
            continue
        for g in c.children:
            if g.dep_ != "pobj":
                continue
            # "in the past two years"; a toll kept "in the first seven months of the year"
            recent = ("recent", "past", "last", "first") if _perfect(tok) else ("recent", "past", "last")
            if g.lower_ in _LONG_UNITS and (c.lower_ != "in" or any(d.lower_ in recent
                                                                    for d in g.children)) and not _term(tok, c, g):
                return f"period '{c.text} ... {g.text}'"
            if c.lower_ == "in" and g.lower_ in ("months", "weeks") and _perfect(tok) and any(
                    d.lower_ in ("recent", "past", "last", "first") for d in g.children):
                return f"a tally '{c.text} ... {g.text}'"  # "have been killed in the first seven months"
            if c.lower_ in ("in", "during", "over") and g.lower_ in _PERIODS_GONE and any(
                    d.lower_ in ("previous", "earlier", "past", "recent") for d in g.children):
                return f"over past periods '{c.text} ... {g.text}'"  # "in previous election seasons"
            if c.lower_ == "since" and g.like_num and len(g.text) == 4:
                return f"since '{g.text}'"
            if c.lower_ == "since" and (g.lemma_.lower() in _ERA_NOUNS or _since_long_ago(g)) and _perfect(tok):
                # "since the start of the war", "have been martyred in Bajaur since January"
                return f"since {g.doc[g.left_edge.i:g.right_edge.i + 1].text}"
    # "have been killed since the war began": a tally kept since a clause's start; "have been
    # killed in the camps so far this year": one kept to date
    perfect = _perfect(tok)
    for c in tok.children:
        if perfect and c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "since" for m in c.children):
            return "a tally since a start ('since ...')"
        if perfect and c.dep_ == "advmod" and c.lower_ == "far" and any(k.lower_ == "so" for k in c.children) \
                and _this_period(tok):
            return "a tally so far"
        if perfect and c.dep_ == "prep" and c.lower_ == "since" and any(g.lower_ == "then" for g in c.children):
            return "a tally since then"  # "since then, forces have captured several villages"
    return None


def _tally_shared(tok) -> str | None:
    """"At least 90 have been killed since then, and more than 2,000 have been arrested": a
    perfect clause joined to a tally kept over a period is kept over it too."""
    if tok.dep_ != "conj" or not _perfect(tok) or not _perfect(tok.head):
        return None
    why = _long_period(tok.head)
    return f"{why}, the tally it is joined to" if why else None


def _this_period(tok) -> bool:
    """A clause counting over a running period ("so far this year"), not one incident's toll
    to date ("eleven have been arrested so far in connection with the violence")."""
    return any(t.lower_ in ("year", "month") and any(d.lower_ == "this" for d in t.children) for t in tok.subtree)


_RECENT_DAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday",
                          "weekend", "night", "morning", "evening", "dawn", "midnight", "noon", "week"})


def _since_long_ago(g) -> bool:
    """A date a tally has been kept since ("since January", "since May 10"), not a day or two
    ago ("since Monday", "since last night": the news itself)."""
    return g.ent_type_ == "DATE" and g.head.head.lemma_.lower() in _TOLL_VERBS and not any(
        t.lower_ in _RECENT_DAYS for t in g.subtree)


# the verbs of a toll kept over time ("have been martyred since January"); a place "occupied
# since June 13" was taken that day, three people "arrested ... since late last month" may be
# the news
_TOLL_VERBS = frozenset({"kill", "martyr", "die", "wound", "injure", "displace", "flee", "slay", "murder",
                         "surrender", "shoot", "abduct", "kidnap", "behead"})


def _perfect(verb) -> bool:
    """"have been killed", "has fought": a tally up to now, with a "since" phrase."""
    return any(c.dep_ in ("aux", "auxpass") and c.lemma_ == "have" for c in verb.children)


def _activity_named(verb) -> bool:
    """A gerund with no subject of its own as a clause's subject names a kind of activity
    ("recruiting residents is central to their strategy"), not a happening."""
    return verb.tag_ == "VBG" and verb.dep_ in ("csubj", "csubjpass") and not any(
        c.dep_ in ("nsubj", "nsubjpass", "poss") for c in verb.children)


# verbs whose past is their present ("set", "hit"): the tagger's present is a guess
_PAST_AS_PRESENT = frozenset({"set", "hit", "cut", "put", "shut", "burst", "spread", "hurt", "shed", "cast", "let",
                              "quit", "split", "upset", "beat", "thrust"})


def _present_simple(verb) -> bool:
    """An event verb in the simple present outside a headline reports a habit or a state
    ("police arrest hundreds a year", "soldiers are deployed"), not a happening."""
    if verb.tag_ not in ("VBZ", "VBP") and not (verb.tag_ == "VBN" and any(
            c.dep_ == "auxpass" and c.tag_ in ("VBZ", "VBP") for c in verb.children)):
        return False
    if verb.tag_ in ("VBZ", "VBP") and (verb.lower_.endswith("ed") and not verb.lower_.endswith("eed")
                                         or lexicon().forms.get(verb.lower_, verb.lower_) != verb.lower_):
        return False  # "retook", "attacked": a past form the tagger took for a present one
    if any(c.dep_ == "aux" for c in verb.children):
        return False  # "has attacked", "is attacking": not a simple present
    if verb.lower_ in _PAST_AS_PRESENT and any(t.tag_ == "VBD" for t in verb.conjuncts):
        return False  # "inmates set mattresses on fire and clashed": the past its conjunct tells
    if verb.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") and any(c.dep_ == "prep" for c in verb.children):
        return False  # "a series of KAB strikes on the district damaged ...": a noun the tagger took for a verb
    if verb.lemma_ == "be" or any(c.dep_ == "advmod" and c.lower_ in ("now", "currently", "still")
                                  for c in verb.children):
        return False  # "a man is (now) in custody": the state a happening left holds now
    return verb.dep_ not in ("ccomp",) or verb.head.lemma_ not in ("say", "tell", "report")


def _after_another(verb) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in ("after", "before") for c in verb.children) and any(
        c.dep_ == "npadvmod" for c in verb.children)
