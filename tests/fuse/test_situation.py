"""`sitrep situation`: a place's events (its districts included), figures with every
source, and control changes, as Markdown and in the terminal."""
from __future__ import annotations

import io

import pytest
from test_fusion import ARMY, REBELS, REPORTS, ev, report

from sitrep.fuse import fuse_store
from sitrep.fuse.situation import print_rich, situation, to_markdown
from sitrep.models import Figure, Source


@pytest.fixture
def store(tmp_path):
    from sitrep.store import Store
    s = Store(tmp_path / "situation.db")
    for ex in REPORTS:
        s.add(ex)
    s.add(report("f1", "AP", "2016-12-07", text="SANA said three died in Aleppo.", sources=[
        Source("SANA", "state_media", "pro-government", 0, 4)], figures=[
        Figure("killed", 3, 3, 3, place="Aleppo", date_start="2016-12-06", date_end="2016-12-06", source="SANA",
               sentence="SANA said three died.")]))
    s.add(report("f2", "AFP", "2016-12-07", text="SOHR said at least 45 died in Aleppo.", sources=[
        Source("SOHR", "monitor", "pro-opposition", 0, 4)], figures=[
        Figure("killed", 45, 45, None, place="Aleppo", date_start="2016-12-06", date_end="2016-12-06", source="SOHR",
               sentence="SOHR said at least 45 died.")]))
    s.add(report("c1", "AP", "2016-12-12", [ev("Government regains territory", (36.215, 37.17), "2016-12-05",
                                               a1=ARMY, a2=REBELS, place="Sheikh Saeed", precision="district")]))
    fuse_store(s)
    yield s
    s.close()


def test_situation_gathers_events_figures_and_control_of_a_city(store):
    sit = situation(store, "Aleppo", "2016-12-01", "2016-12-31")
    places = {e["place"] for e in sit.events}
    assert "Aleppo" in places and "al-Shaar" in places  # districts count as the city
    assert "Idlib" not in places
    assert [c["place"] for c in sit.control] == ["Sheikh Saeed"]
    killed, = sit.series
    assert killed["contested"] and {v["source"] for v in killed["values"]} == {"SANA", "SOHR"}


def test_situation_period_filters(store):
    sit = situation(store, "Aleppo", "2016-12-07", "2016-12-07")
    assert {e["sub_event_type"] for e in sit.events} == {"Armed clash"}


def test_markdown_and_terminal_rendering(store):
    sit = situation(store, "Aleppo")
    md = to_markdown(sit)
    assert md.startswith("# Situation: Aleppo")
    assert "## Control changes" in md and "Sheikh Saeed" in md and "**contested**" in md
    assert "SANA via AP [pro-government]: 3" in md and "SOHR via AFP [pro-opposition]: 45+" in md
    from rich.console import Console
    buf = io.StringIO()
    print_rich(sit, Console(file=buf, width=160))
    assert "Control changes" in buf.getvalue() and "contested" in buf.getvalue()
