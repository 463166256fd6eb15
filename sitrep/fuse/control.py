"""Control timeline: per place, who held it from when, with every report as evidence."""
from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable

from .common import CREDIBLE, _control_cues, _name_of, _norm

# ---------------------------------------------------------------------------------------
# control timeline
# ---------------------------------------------------------------------------------------
CONTROL_TYPES = ("Government regains territory", "Non-state actor overtakes territory",
                 "Non-violent transfer of territory")


def control_holder(ev: dict) -> tuple[str | None, str | None, str | None]:
    """(holder after the event, its kind, the side that left) for a territorial event."""
    a1, a2 = ev.get("actor1"), ev.get("actor2")
    text = " ".join(x for x in (ev.get("trigger"), ev.get("sentence")) if x)
    left = any(meaning == "actor1_left" and rx.search(ev.get("trigger") or "") for rx, meaning in _control_cues())
    if not left and not ev.get("trigger"):
        left = any(meaning == "actor1_left" and rx.search(text) for rx, meaning in _control_cues()) and not a2
    if left:
        holder, previous = a2, a1
    else:
        holder, previous = a1, a2
    if ev.get("sub_event_type") == "Government regains territory":
        # The government side holds the place afterwards, whichever slot it was put in.
        for a, b in ((a1, a2), (a2, a1)):
            if isinstance(a, dict) and a.get("kind") in ("state_forces", "government"):
                holder, previous = a, b
                break
    return _name_of(holder), holder.get("kind") if isinstance(holder, dict) else None, _name_of(previous)


# A change whose new holder the report does not name (a withdrawal) is held by "unknown":
# merged with its repeats like any other holder, never a second change.
UNKNOWN_HOLDER = "unknown"


def _same_holder(a: dict, b: dict) -> bool:
    """Two reports name the same holder: names that match (one inside the other), or both
    the state's forces (reports call them the army, regime troops, government forces)."""
    na, nb = _norm(a["holder"]) or UNKNOWN_HOLDER, _norm(b["holder"]) or UNKNOWN_HOLDER
    if (na == nb or f" {na} " in f" {nb} " or f" {nb} " in f" {na} "):
        return True
    state = ("state_forces", "government")
    return a["holder_kind"] in state and b["holder_kind"] in state


def control_timeline(events: Iterable[dict]) -> list[dict]:
    """Per place: who held it from when, with every report as evidence.

    Each event dict is a contract event plus `article_id`, `idx`, `published`, `publisher`.
    Changes of one place to one holder on overlapping dates (several reports of one
    capture) become one change listing all their evidence."""
    by_place: dict[str, list[dict]] = defaultdict(list)
    for ev in events:
        if ev.get("sub_event_type") not in CONTROL_TYPES:
            continue
        if ev.get("certainty") not in (None, *CREDIBLE):
            continue
        place = _name_of(ev.get("place"))
        if not place:
            continue
        holder, kind, previous = control_holder(ev)
        date = ev.get("date_start") or ev.get("published")
        by_place[_norm(place)].append({
            "place": place, "lat": ev.get("lat"), "lon": ev.get("lon"), "date": (date or "")[:10] or None,
            "date_end": (ev.get("date_end") or date or "")[:10] or None,
            "holder": holder, "holder_kind": kind, "previous_holder": previous,
            "sub_event_type": ev.get("sub_event_type"), "certainty": ev.get("certainty") or "asserted",
            "evidence": {"article_id": ev.get("article_id"), "idx": ev.get("idx"), "sentence": ev.get("sentence"),
                         "start": ev.get("start"), "end": ev.get("end"), "source": ev.get("source"),
                         "publisher": ev.get("publisher"), "published": ev.get("published")}})
    out = []
    for pkey in sorted(by_place):
        changes: list[dict] = []
        for ch in sorted(by_place[pkey], key=lambda c: (c["date"] or "", c["evidence"]["article_id"] or "",
                                                         c["evidence"]["idx"] or 0)):
            prev = changes[-1] if changes else None
            if prev and _same_holder(prev, ch) and ch["date"] and prev["date_end"] and ch["date"] <= prev["date_end"]:
                prev["evidence"].append(ch["evidence"])
                prev["previous_holder"] = prev["previous_holder"] or ch["previous_holder"]
                if prev["lat"] is None:
                    prev["lat"], prev["lon"] = ch["lat"], ch["lon"]
                continue
            ch = dict(ch, evidence=[ch["evidence"]])
            if prev and not ch["previous_holder"]:
                ch["previous_holder"] = prev["holder"]
            changes.append(ch)
        seen: Counter = Counter()
        for i, ch in enumerate(changes):
            ch["held_until"] = changes[i + 1]["date"] if i + 1 < len(changes) else None
            ch["n_reports"] = len({e["article_id"] for e in ch["evidence"]})
            # Unique by construction: a key repeated within the place (the same holder
            # again on the same day after another) takes its ordinal.
            key = f"{pkey}|{ch['date']}|{_norm(ch['holder']) or UNKNOWN_HOLDER}"
            seen[key] += 1
            if seen[key] > 1:
                key += f"|{seen[key]}"
            ch["id"] = "CC-" + hashlib.sha1(key.encode()).hexdigest()[:12]
            ch["place_key"] = pkey
            out.append(ch)
    return out


