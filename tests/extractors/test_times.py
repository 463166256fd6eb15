"""Time expressions resolve against the publication date, with precision and rule."""
from __future__ import annotations

import datetime as dt

import pytest

from sitrep.extractors.times import resolve_expression

WED = dt.date(2016, 12, 7)  # a Wednesday


@pytest.mark.parametrize("text,anchor,future,start,end,precision", [
    ("Wednesday", None, False, "2016-12-07", "2016-12-07", "day"),      # the publication day itself
    ("Tuesday", None, False, "2016-12-06", "2016-12-06", "day"),
    ("late Tuesday", None, False, "2016-12-06", "2016-12-06", "day"),
    ("Monday", None, False, "2016-12-05", "2016-12-05", "day"),
    ("on Thursday", None, False, "2016-12-01", "2016-12-01", "day"),    # most recent past Thursday
    ("Thursday", None, True, "2016-12-08", "2016-12-08", "day"),        # "will meet on Thursday"
    ("last Wednesday", None, False, "2016-11-30", "2016-11-30", "day"),
    ("last Monday", None, False, "2016-12-05", "2016-12-05", "day"),    # two days before: this week's
    ("last Tuesday", None, False, "2016-11-29", "2016-11-29", "day"),   # the day before is "Tuesday"
    ("Sunday night", None, False, "2016-12-04", "2016-12-04", "day"),
    ("yesterday", None, False, "2016-12-06", "2016-12-06", "day"),
    ("today", None, False, "2016-12-07", "2016-12-07", "day"),
    ("last night", None, False, "2016-12-06", "2016-12-06", "day"),
    ("tomorrow", None, False, "2016-12-08", "2016-12-08", "day"),
    ("the next morning", dt.date(2016, 12, 6), False, "2016-12-07", "2016-12-07", "day"),
    ("the following day", dt.date(2016, 12, 1), False, "2016-12-02", "2016-12-02", "day"),
    ("the day before", dt.date(2016, 12, 4), False, "2016-12-03", "2016-12-03", "day"),
    ("the day after", dt.date(2016, 12, 4), False, "2016-12-05", "2016-12-05", "day"),
    ("in the last 10 days", None, False, "2016-11-27", "2016-12-07", "day"),
    ("over the past three days", None, False, "2016-12-04", "2016-12-07", "day"),
    ("the past week", None, False, "2016-11-30", "2016-12-07", "week"),
    ("two days ago", None, False, "2016-12-05", "2016-12-05", "day"),
    ("last week", None, False, "2016-11-28", "2016-12-04", "week"),
    ("this week", None, False, "2016-12-05", "2016-12-11", "week"),
    ("last month", None, False, "2016-11-01", "2016-11-30", "month"),
    ("this year", None, False, "2016-01-01", "2016-12-31", "year"),
    ("last year", None, False, "2015-01-01", "2015-12-31", "year"),
    # a day or month in the year the words name after it
    ("July 8 last year", None, False, "2015-07-08", "2015-07-08", "day"),
    ("in March this year", None, False, "2016-03-01", "2016-03-31", "month"),
    ("February next year", None, True, "2017-02-01", "2017-02-28", "month"),
    ("2012", None, False, "2012-01-01", "2012-12-31", "year"),
    ("November", None, False, "2016-11-01", "2016-11-30", "month"),
    # a named month with "last", "this" or "next" (published 2016-12-07)
    ("last November", None, False, "2016-11-01", "2016-11-30", "month"),
    ("last December", None, False, "2015-12-01", "2015-12-31", "month"),
    ("this March", None, False, "2016-03-01", "2016-03-31", "month"),
    ("next June", None, False, "2017-06-01", "2017-06-30", "month"),
    # seasons (northern hemisphere: a winter runs December to February) and parts of a year
    ("last summer", None, False, "2016-06-01", "2016-08-31", "month"),
    ("the summer of 2010", None, False, "2010-06-01", "2010-08-31", "month"),
    ("this winter", None, False, "2016-12-01", "2017-02-28", "month"),
    ("last winter", None, False, "2015-12-01", "2016-02-29", "month"),
    ("early 2015", None, False, "2015-01-01", "2015-12-31", "year"),
    ("mid-2014", None, False, "2014-01-01", "2014-12-31", "year"),
    ("March 2015", None, False, "2015-03-01", "2015-03-31", "month"),
    ("December 2", None, False, "2016-12-02", "2016-12-02", "day"),
    ("Dec. 2, 2016", None, False, "2016-12-02", "2016-12-02", "day"),
    ("2 December 2016", None, False, "2016-12-02", "2016-12-02", "day"),
    ("2016-11-30", None, False, "2016-11-30", "2016-11-30", "day"),
    # the weekend before publication (Wednesday 7 December 2016), or the next one to come
    ("over the weekend", None, False, "2016-12-03", "2016-12-04", "week"),
    ("last weekend", None, False, "2016-12-03", "2016-12-04", "week"),
    ("this weekend", None, True, "2016-12-10", "2016-12-11", "week"),
    # a possessive time modifies the noun after it ("Saturday's attack", "last week's shooting")
    ("Saturday's", None, False, "2016-12-03", "2016-12-03", "day"),
    ("last week’s", None, False, "2016-11-28", "2016-12-04", "week"),
    ("March 2015's", None, False, "2015-03-01", "2015-03-31", "month"),
    # a run of days (dateparser read "11-12" as the year 2012)
    ("Sept. 11-12", None, False, "2016-09-11", "2016-09-12", "day"),
    ("3 and 4 December", None, False, "2016-12-03", "2016-12-04", "day"),
    ("June 2-5, 2015", None, False, "2015-06-02", "2015-06-05", "day"),
    # a day to come is the next such day ("will be sentenced January 4"), unless only weeks past
    ("January 4", None, True, "2017-01-04", "2017-01-04", "day"),
    ("May 7-9", None, True, "2017-05-07", "2017-05-09", "day"),
    ("December 1", None, True, "2016-12-01", "2016-12-01", "day"),
    # words that only narrow a time down; a pair of times is the period between them
    ("late last month", None, False, "2016-11-01", "2016-11-30", "month"),
    ("at the end of November", None, False, "2016-11-01", "2016-11-30", "month"),
    ("overnight Tuesday", None, False, "2016-12-06", "2016-12-06", "day"),
    ("earlier on Tuesday", None, False, "2016-12-06", "2016-12-06", "day"),
    ("this past weekend", None, False, "2016-12-03", "2016-12-04", "week"),
    ("in the past 24 hours", None, False, "2016-12-06", "2016-12-07", "day"),
    ("Friday night and Saturday", None, False, "2016-12-02", "2016-12-03", "day"),
    ("between Monday and Wednesday", None, False, "2016-12-05", "2016-12-07", "day"),
    # early, mid and late in a month: its first, second and last ten days
    ("late March", None, False, "2016-03-21", "2016-03-31", "week"),
    ("in mid-July", None, False, "2016-07-11", "2016-07-20", "week"),
    ("early November 2015", None, False, "2015-11-01", "2015-11-10", "week"),
    ("late February", None, False, "2016-02-21", "2016-02-29", "week"),
    # a decade, or a third of one, is the years it spans ("convicted in the 1990s")
    ("the 1990s", None, False, "1990-01-01", "1999-12-31", "year"),
    ("in the late 1980s", None, False, "1987-01-01", "1989-12-31", "year"),
    ("the '80s", None, False, "1980-01-01", "1989-12-31", "year"),
    ("the '10s", None, False, "2010-01-01", "2019-12-31", "year"),
    # "earlier this year" ends before the report; "this year" and "earlier last week" do not move
    ("earlier this year", None, False, "2016-01-01", "2016-12-06", "year"),
    ("this year", None, False, "2016-01-01", "2016-12-31", "year"),
    ("earlier last week", None, False, "2016-11-28", "2016-12-04", "week"),
    # the hour within a day narrows it down; the day is the weekday's
    ("shortly before midnight Monday", None, False, "2016-12-05", "2016-12-05", "day"),
    ("around 2 a.m. Sunday", None, False, "2016-12-04", "2016-12-04", "day"),
    ("overnight", None, False, "2016-12-06", "2016-12-06", "day"),
])
def test_expression_resolves(text, anchor, future, start, end, precision):
    res = resolve_expression(text, WED, anchor, future=future)
    assert res is not None, text
    assert res[:3] == (start, end, precision)


@pytest.mark.parametrize("text", ["around 9.30 p.m.", "21:30", "at 10.15 am"])
def test_a_time_of_day_alone_is_no_date(text):
    # with a publication date, a clock time names no day of its own (dateparser reads the last such hour)
    assert resolve_expression(text, WED, None) is None


@pytest.mark.parametrize("text", ["months-long", "the coming hours", "a 5-year-old", "decades", "three hours",
                                  "10 years", "a 25-year", "the 90s", "22", "15 and 17"])
def test_durations_and_ages_are_not_times(text):
    assert resolve_expression(text, WED, None) is None


def test_relative_times_need_a_publication_date():
    assert resolve_expression("Tuesday", None, None) is None
    assert resolve_expression("in the last 10 days", None, None) is None
    # absolute dates resolve without one
    assert resolve_expression("2 December 2016", None, None)[:2] == ("2016-12-02", "2016-12-02")
    assert resolve_expression("March 2015", None, None)[:2] == ("2015-03-01", "2015-03-31")


@pytest.mark.parametrize("text", ["10 a.m.", "March 5", "5 March", "at 14:30 GMT", "the 5th"])
def test_an_undated_report_never_takes_a_date_from_the_clock(text):
    """Without a publication date or a year, a clock time or a day of a month is no date:
    dateparser would read it against the machine's clock (another date every day)."""
    assert resolve_expression(text, None, None) is None


def test_seed_times_resolve_against_publication(seed_scores, seed_extraction):
    assert seed_scores["times.resolved"] >= 0.8
    by_text = {t["text"]: t for t in seed_extraction["times"]}
    assert by_text["in the last 10 days"]["date_start"] == "2016-11-27"
    assert by_text["the next morning"]["date_start"] == "2016-12-07"  # anchored on "Tuesday" before it
    assert by_text["the next morning"]["rule"] == "anchored"
    # a weekday in a sentence whose quote says "will" still resolves to the past
    assert all(t["date_start"] <= "2016-12-07" for t in seed_extraction["times"])


def test_explicit_dates_read_as_dateparser_reads_them():
    # the fast path for "December 7", "7th Dec. 2016", "2016-12-07" must agree with
    # dateparser (publication date as relative base, past preferred) on every form it takes
    import datetime as dt
    import random

    import dateparser

    from sitrep.extractors.times import MONTHS, _explicit_day

    rnd = random.Random(20161207)
    taken = 0
    for _ in range(400):
        base = dt.date(2000, 1, 1) + dt.timedelta(days=rnd.randrange(9000))
        month, day = rnd.choice(sorted(MONTHS)), rnd.randint(1, 31)
        suffix, dot = rnd.choice(["", "st", "nd", "rd", "th"]), rnd.choice(["", "."])
        year = rnd.choice(["", f" {rnd.randint(1990, 2030)}", f", {rnd.randint(1990, 2030)}"])
        text = rnd.choice([f"{month}{dot} {day}{suffix}{year}", f"{day}{suffix} {month}{dot}{year}",
                           f"{rnd.randint(1990, 2030)}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 31):02d}"])
        fast = _explicit_day(text, base)
        if fast is None:
            continue  # not a valid day: left to dateparser
        taken += 1
        settings = {"PREFER_DATES_FROM": "past", "RETURN_TIME_AS_PERIOD": True, "REQUIRE_PARTS": [],
                    "PREFER_DAY_OF_MONTH": "first", "RELATIVE_BASE": dt.datetime(base.year, base.month, base.day)}
        res = dateparser.date.DateDataParser(languages=["en"], settings=settings).get_date_data(text)
        day_read = res.date_obj.date().isoformat()
        assert fast == (day_read, day_read, res.period), (text, base)
    assert taken > 300


def test_a_weekend_told_on_a_weekend_day():
    sat, sun = dt.date(2016, 12, 10), dt.date(2016, 12, 11)
    assert resolve_expression("over the weekend", sun, None)[:2] == ("2016-12-10", "2016-12-11")
    assert resolve_expression("this weekend", sat, None)[:2] == ("2016-12-10", "2016-12-10")  # not after publication
    assert resolve_expression("last weekend", sun, None)[:2] == ("2016-12-03", "2016-12-04")


@pytest.mark.parametrize("text,year", [
    ("Jane Roe, 19, of 1935 Orchard St., was arrested on Monday.", None),
    ("The fire broke out at 2010 North Main Street on Monday.", None),
    ("He was stopped in the 2400 block of Jay Lane on Monday.", None),
    ("In 2008 Congress voted to extend the program.", "2008-01-01"),  # a year before a name is still a year
    # a year naming what it modifies, which the tagger leaves untagged; a count is no year
    ("Officials hope someone can help solve the 1946 Moore's Ford lynching.", "1946-01-01"),
])
def test_a_house_number_is_no_year(text, year):
    import sitrep
    years = [t.date_start for t in sitrep.extract(text, published="2009-03-20").times if t.precision == "year"]
    assert years == ([year] if year else []), years


def test_a_day_the_tagger_ran_into_a_length_is_still_that_day():
    import sitrep
    text = ("A man who admitted to having plotted to attack a police station was sentenced on Wednesday to 20 years "
            "in prison, the Justice Department said.")
    times = [(t.text, t.date_start) for t in sitrep.extract(text, published="2016-11-23").times]
    assert ("Wednesday", "2016-11-23") in times, times


def test_a_day_run_into_the_possessive_time_of_the_next_noun_is_two_times():
    import sitrep
    text = "Police released video on Monday of last week's shooting."
    times = [(t.text, t.date_start, t.date_end) for t in sitrep.extract(text, published="2016-09-20").times]
    assert times == [("Monday", "2016-09-19", "2016-09-19"), ("last week's", "2016-09-12", "2016-09-18")], times
    # a month of a year is one time, not the month and a year
    times = [t.date_start for t in sitrep.extract("The plan is due by March of next year.", published="2016-09-20").times]
    assert "2016-03-01" not in times, times


def test_a_dateline_date_the_tagger_cut_to_its_year_is_read_whole():
    import sitrep
    text = "Maputo, 9 Aug 2021 (Lusa) - Rwandan and Mozambican forces have taken control of the port town."
    got = [(t.text, t.date_start) for t in sitrep.extract(text, published="2021-08-09").times]
    assert got == [("9 Aug 2021", "2021-08-09")], got


def test_a_run_of_days_with_its_year_is_read_and_the_dateline_dates_nothing():
    import sitrep
    text = ("Gonaives, April 10, 2025 [AlterPresse] --- Heavily armed men seized control of the port of Gonaives "
            "overnight from Tuesday to Wednesday, April 8 to 9, 2025, setting fire to two police stations.")
    ex = sitrep.extract(text, published="2025-04-10")
    assert ("April 8 to 9, 2025", "2025-04-08", "2025-04-09") in [(t.text, t.date_start, t.date_end) for t in ex.times]
    assert ex.events and all(e.date_start != "2025-04-10" for e in ex.events), [(e.date_start, e.rule) for e in ex.events]


def test_a_night_told_with_its_two_weekdays_is_read_as_its_days():
    import sitrep
    text = "On the night of Sunday 18 to Monday 19 September, armed men attacked the camp."
    times = [(t.date_start, t.date_end) for t in sitrep.extract(text, published="2022-09-20").times]
    assert times == [("2022-09-18", "2022-09-19")], times
    text = "Fighters attacked an army position during the night of Monday 10 to Tuesday 11 July 2023."
    times = [(t.date_start, t.date_end) for t in sitrep.extract(text, published="2023-07-13").times]
    assert times == [("2023-07-10", "2023-07-11")], times


def test_a_day_number_the_tagger_left_out_of_its_month_is_read():
    import sitrep
    text = "Gunmen killed five people in an attack on a village on the night of 12 September."
    times = [(t.text, t.date_start) for t in sitrep.extract(text, published="2016-09-20").times]
    assert times == [("12 September", "2016-09-12")], times


@pytest.mark.parametrize("text,day", [
    # a day and month within the month the report has just named with its year
    ("The two brothers moved to Reno in May 2004. On May 12 they were arrested at a motel.", "2004-05-12"),
    # far from it, or outside it, the day is the latest one before publication
    ("The two brothers moved to Reno in May 2004. " + "They kept a low profile for years. " * 12
     + "On May 12 they were arrested at a motel.", "2008-05-12"),
    ("The two brothers moved to Reno in May 2004. On June 12 they were arrested at a motel.", "2008-06-12"),
])
def test_a_day_without_a_year_in_the_month_just_named_takes_its_year(text, day):
    import sitrep
    times = [t.date_start for t in sitrep.extract(text, published="2009-03-20").times if t.precision == "day"]
    assert times == [day], times


def test_the_day_before_an_incident_is_found_and_anchored_on_it():
    """"The day before, ..." opens a sentence the tagger leaves without a date: the pattern
    finds it, and it counts back from the last time the report named."""
    import sitrep
    ex = sitrep.extract("A bomb killed 25 people at a market on Sunday. The day before, gunmen had attacked "
                        "a checkpoint outside the town.", published="2016-12-21")
    attack = next(e for e in ex.events if "checkpoint" in e.sentence)
    assert attack.date_start == "2016-12-17", [(e.sub_event_type, e.date_start) for e in ex.events]


def test_a_bare_weekday_is_the_day_the_report_dated():
    # "early on Sunday, March 10" in a report of Tuesday March 19: its later "on Sunday" is
    # that day, not the Sunday before publication
    import sitrep
    text = ("LHASA - Monks left the monastery early on Sunday, March 10, and walked to the square. At least 40 "
            "people were taken into custody on Sunday, a resident said.")
    days = [(t.text, t.date_start) for t in sitrep.extract(text, published="2019-03-19").times]
    assert ("Sunday", "2019-03-10") in days, days


def test_a_weekday_the_report_did_not_date_is_the_nearest_one():  # guard
    import sitrep
    text = ("LHASA - Monks left the monastery early on Sunday, March 10, and walked to the square. On Monday, police "
            "raided homes in the old quarter.")
    days = [(t.text, t.date_start) for t in sitrep.extract(text, published="2019-03-19").times]
    assert ("Monday", "2019-03-18") in days, days
