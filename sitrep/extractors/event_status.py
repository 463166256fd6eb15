"""How a report states an event: its certainty (asserted, claimed, hypothetical, future,
planned, negated, denied) from negation, modals, conditionals and governing words."""
from __future__ import annotations

from .event_clauses import _BOUNDARY_DEPS, Trigger
from .event_lexicon import _ASPECTUAL, _CONDITIONAL_MARKS, _MODAL_FUTURE, _MODAL_HYPO, Lexicon, _is_light, _scope_of

# Frames that describe physical happenings ACLED codes (they group with each other);

# ---------------------------------------------------------------------------- certainty
def _certainty(head: Trigger, members: list[Trigger], lex: Lexicon) -> tuple[str, str]:
    """(certainty, why). Only `asserted` and `claimed` events count as having happened."""
    for m in members:
        for tok in {m.tok, m.anchor}:
            for c in tok.children:
                if c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ in ("no",)):
                    return "negated", f"negation '{c.text}'"
    node = head.anchor
    chain = [node]
    for _ in range(10):
        if node.head.i == node.i:
            break
        node = node.head
        chain.append(node)
    for tok in chain[1:4]:  # "a halt to the bombardments", "victims of the attack"
        if tok.pos_ == "NOUN" and _scope_of(tok, lex) == "block":
            return "block", f"mention under '{tok.text}'"
    # modals and conditionals on the trigger's own clause (and infinitive chains above it)
    for i, tok in enumerate(chain):
        if i > 0 and chain[i - 1].dep_ not in ("xcomp", "pcomp", "pobj", "prep", "dobj", "acl", "advcl", "relcl", "conj", "nsubj", "nsubjpass", "ccomp", "csubj"):
            break
        for c in tok.children:
            low = c.lower_
            if c.dep_ in ("aux", "auxpass") and low in _MODAL_HYPO and (i == 0 or chain[i - 1].dep_ in ("xcomp", "relcl", "pcomp", "pobj", "prep", "dobj", "acl", "csubj", "conj")):
                return "hypothetical", f"modal '{c.text}'"
            if c.dep_ in ("aux",) and low in _MODAL_FUTURE and (i == 0 or chain[i - 1].dep_ in ("xcomp", "conj")):
                if head.frame in ("REJECT", "THREATEN"):
                    continue  # "we will reject": the declaration is the act
                return "future", f"modal '{c.text}'"
            if c.dep_ == "mark" and low in _CONDITIONAL_MARKS:
                return "hypothetical", f"conditional '{c.text}'"
            if c.dep_ == "neg" and i > 0 and chain[i - 1].dep_ == "xcomp":
                return "negated", f"negation '{c.text}' on '{tok.text}'"
        if i == 0 and tok.dep_ in ("xcomp", "advcl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
            gov = tok.head.lemma_.lower()
            if gov not in _ASPECTUAL and _scope_of(tok.head, lex) is None and not _is_light(tok.head, lex):
                return "future", f"purpose '{tok.head.text} ... to {tok.text}'"
        if tok.dep_ in _BOUNDARY_DEPS and i == 0:
            continue
    # governing words: accused/claimed, denied, plans to, threat of, halt to
    for tok in chain[1:]:
        kind = _scope_of(tok, lex)
        if kind is None:
            continue
        if kind == "claimed" and any(c.lower_ in ("responsibility", "credit") for c in tok.subtree):
            continue  # "claimed responsibility for the attack": the attack is not in doubt
        negated = any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in tok.children)
        if negated and kind in ("future", "claimed"):
            return "negated", f"negated '{tok.text}'"
        return kind, f"governed by '{tok.text}'"
    return "asserted", ""



