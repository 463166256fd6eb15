"""Control timeline: per place, who held it from when, with every report as evidence."""
from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable

from .common import CREDIBLE, control_cues, name_of, norm, similar_sentences

# ---------------------------------------------------------------------------------------
# control timeline
# ---------------------------------------------------------------------------------------
CONTROL_TYPES = ("Government regains territory", "Non-state actor overtakes territory",
                 "Non-violent transfer of territory")


def control_holder(ev: dict) -> tuple[str | None, str | None, str | None]:
    """(holder after the event, its kind, the side that left) for a territorial event."""
    a1, a2 = ev.get("actor1"), ev.get("actor2")
    text = " ".join(x for x in (ev.get("trigger"), ev.get("sentence")) if x)
    left = any(meaning == "actor1_left" and rx.search(ev.get("trigger") or "") for rx, meaning in control_cues())
    if not left and not ev.get("trigger"):
        left = any(meaning == "actor1_left" and rx.search(text) for rx, meaning in control_cues()) and not a2
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
    return name_of(holder), holder.get("kind") if isinstance(holder, dict) else None, name_of(previous)


# A change whose new holder the report does not name (a withdrawal) is held by "unknown":
# merged with its repeats like any other holder, never a second change.
UNKNOWN_HOLDER = "unknown"


def _same_holder(a: dict, b: dict) -> bool:
    """Two reports name the same holder: names that match (one inside the other), or both
    the state's forces (reports call them the army, regime troops, government forces)."""
    na, nb = norm(a["holder"]) or UNKNOWN_HOLDER, norm(b["holder"]) or UNKNOWN_HOLDER
    if (na == nb or f" {na} " in f" {nb} " or f" {nb} " in f" {na} "):
        return True
    state = ("state_forces", "government")
    return a["holder_kind"] in state and b["holder_kind"] in state


def control_entry(ev: dict) -> dict | None:
    """One report's claim of a change of control (a territorial event with a place), or
    None. The entry is its own evidence record: what the report says, where it says it."""
    if ev.get("sub_event_type") not in CONTROL_TYPES or ev.get("certainty") not in (None, *CREDIBLE):
        return None
    place = name_of(ev.get("place"))
    if not place or not norm(place):
        return None
    holder, kind, previous = control_holder(ev)
    date = (ev.get("date_start") or ev.get("published") or "")[:10] or None
    return {"place": place, "place_key": norm(place), "lat": ev.get("lat"), "lon": ev.get("lon"), "date": date,
            "date_end": (ev.get("date_end") or date or "")[:10] or None, "holder": holder, "holder_kind": kind,
            "previous_holder": previous, "sub_event_type": ev.get("sub_event_type"),
            "certainty": ev.get("certainty") or "asserted", "article_id": ev.get("article_id"), "idx": ev.get("idx"),
            "sentence": ev.get("sentence"), "start": ev.get("start"), "end": ev.get("end"),
            "source": ev.get("source"), "publisher": ev.get("publisher"), "published": ev.get("published")}


def control_timeline(events: Iterable[dict], copies: dict[str, str] | None = None) -> list[dict]:
    """Per place: who held it from when, with every report as evidence.

    Each event dict is a contract event plus `article_id`, `idx`, `published`, `publisher`.
    Changes of one place to one holder on overlapping dates (several reports of one
    capture) become one change listing all their evidence; a near-copy's report of a
    sentence its original made (`copies`: copy id -> original id) is evidence for the
    original's change whatever its dates. Ids are unique by construction."""
    copies = copies or {}
    by_place: dict[str, list[dict]] = defaultdict(list)
    for ev in events:
        entry = control_entry(ev)
        if entry:
            entry["copy_of"] = copies.get(entry["article_id"])
            by_place[entry["place_key"]].append(entry)
    out = []
    for pkey in sorted(by_place):
        out += _place_timeline(pkey, by_place[pkey])
    return out


def _place_timeline(pkey: str, entries: list[dict]) -> list[dict]:
    """The changes of one place, oldest first, from its reports' entries."""
    voices, echoes = _voices(entries)
    changes: list[dict] = []
    change_of: dict[tuple, dict] = {}
    for e in sorted(voices, key=lambda c: (c["date"] or "", c["article_id"] or "", c["idx"] or 0)):
        prev = changes[-1] if changes else None
        if prev and _same_holder(prev, e) and e["date"] and prev["date_end"] and e["date"] <= prev["date_end"]:
            prev["evidence"].append(e)
            prev["previous_holder"] = prev["previous_holder"] or e["previous_holder"]
            if prev["lat"] is None:
                prev["lat"], prev["lon"] = e["lat"], e["lon"]
        else:
            prev = {k: e[k] for k in ("place", "place_key", "lat", "lon", "date", "date_end", "holder", "holder_kind",
                                      "previous_holder", "sub_event_type", "certainty")}
            prev["evidence"] = [e]
            if changes and not prev["previous_holder"]:
                prev["previous_holder"] = changes[-1]["holder"]
            changes.append(prev)
        change_of[_voice(e)] = prev
    for e in echoes:
        change_of[e.pop("voice")]["evidence"].append(e)
    seen: Counter = Counter()
    for i, ch in enumerate(changes):
        ch["held_until"] = changes[i + 1]["date"] if i + 1 < len(changes) else None
        ch["evidence"].sort(key=lambda e: (e["published"] or "", e["article_id"] or "", e["idx"] or 0))
        ch["n_reports"] = len({e["article_id"] for e in ch["evidence"]})
        # Unique by construction: a key repeated within the place (the same holder
        # again on the same day after another) takes its ordinal.
        key = f"{pkey}|{ch['date']}|{norm(ch['holder']) or UNKNOWN_HOLDER}"
        seen[key] += 1
        if seen[key] > 1:
            key += f"|{seen[key]}"
        ch["id"] = "CC-" + hashlib.sha1(key.encode()).hexdigest()[:12]
    return changes


def _voice(e: dict) -> tuple:
    return (e["copy_of"] or e["article_id"], norm(e["sentence"]), e["holder"], e.get("nth", 1))


def _voices(entries: list[dict]) -> tuple[list[dict], list[dict]]:
    """Split a place's entries into voices (an original's report) and echoes (a near-copy
    repeating one of them in the same or nearly the same sentence, each once), originals
    first so the original's dates stand. An echo's `voice` is the entry it repeats."""
    voices: list[dict] = []
    echoes: list[dict] = []
    taken: set[tuple] = set()
    nth: Counter = Counter()
    for e in sorted(entries, key=lambda e: (e["copy_of"] is not None, e["published"] or "", e["article_id"] or "",
                                            e["idx"] or 0)):
        nth[(e["article_id"], norm(e["sentence"]), e["holder"])] += 1
        e["nth"] = nth[(e["article_id"], norm(e["sentence"]), e["holder"])]
        said = [v for v in voices if e["copy_of"] and v["article_id"] == e["copy_of"]
                and norm(v["holder"]) == norm(e["holder"]) and (e["article_id"], _voice(v)) not in taken]
        voice = next((v for v in said if _voice(v) == _voice(e)), None) or next(
            (v for v in said if similar_sentences(v["sentence"], e["sentence"])), None)
        if voice is None:
            voices.append(e)
        else:
            taken.add((e["article_id"], _voice(voice)))
            echoes.append(dict(e, voice=_voice(voice)))
    return voices, echoes
