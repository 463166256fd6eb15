"""Figures stage: people and household counts, their category, range and qualifier.

Sentences are written for these tests (not taken from any corpus). Each runs through the
real spaCy parse and `extract_figures` alone (no other stage), so a failure points here.
"""
from __future__ import annotations

import pytest

from sitrep.errors import NotEnglishError
from sitrep.extractors.figures import extract_figures
from sitrep.extractors.lexical import find_figures
from sitrep.extractors.numbers import find_quantities
from sitrep.extractors.parse import Parsed, load_nlp
from sitrep.models import Article, Extraction, Place, Source, TimeMention


@pytest.fixture(scope="session")
def nlp():
    return load_nlp()


def run(nlp, text, published="2024-03-10", **items):
    art = Article(id="t", text=text, published=published)
    parsed = Parsed.from_doc(art, nlp(text))
    ex = Extraction(article=art, sentences=parsed.sentences, entities=parsed.entities, **items)
    return extract_figures(parsed, ex)


def summary(figs):
    return [(f.category, f.low, f.high, f.unit) for f in figs]


# (sentence, expected [(category, low, high, unit), ...]) -- every figure of the sentence
FIGURES = [
    # number forms: digits, separators, words, mixed, scales
    ("Shelling killed 11 people in the north on Monday.", [("killed", 11, 11, "people")]),
    ("Officials said 31,000 people had been displaced since the offensive began.",
     [("displaced", 31000, 31000, "people")]),
    ("Some 1 500 residents were evacuated from the valley.", [("evacuated", 1500, 1500, "people")]),
    ("Eleven civilians were wounded when the market was hit.", [("injured", 11, 11, "people")]),
    ("Two million people have fled the country since the war started.",
     [("fled", 2000000, 2000000, "people")]),
    ("Floods displaced 1.2 million people across the delta.",
     [("displaced", 1200000, 1200000, "people")]),
    ("Nine hundred and twenty-one families were relocated to the new town.",
     [("relocated", 921, 921, "households")]),
    ("The cyclone forced 2.5 lakh people into relief camps.", [("sheltered", 250000, 250000, "people")]),
    ("Twenty-three protesters were detained outside the ministry.", [("arrested", 23, 23, "people")]),
    # ranges
    ("Between 5 and 10 soldiers were killed in the ambush.", [("killed", 5, 10, "people")]),
    ("Estimates of the population of the old city range from 40,000 to more than 90,000.",
     [("population", 40000, 90000, "people")]),
    ("Some 3,000-4,000 villagers fled the fighting.", [("fled", 3000, 4000, "people")]),
    ("Two or three fishermen are still missing after the storm.", [("missing", 2, 3, "people")]),
    # qualifiers
    ("More than 600 people were injured in the blasts.", [("injured", 600, None, "people")]),
    ("At least five journalists were arrested during the protests.", [("arrested", 5, None, "people")]),
    ("Nearly 7,000 people remain trapped in the besieged town.", [("besieged", None, 7000, "people")]),
    ("Up to 18,000 refugees are expected to return next month.", [("returned", None, 18000, "people")]),
    ("About 400 households were left homeless by the fire.", [("homeless", 400, 400, "households")]),
    ("An estimated 12,000 people are in urgent need of food aid.", [("in_need", 12000, 12000, "people")]),
    ("Roughly 250 migrants were rescued off the coast.", [("evacuated", 250, 250, "people")]),
    ("As many as 90 miners died in the collapse.", [("killed", None, 90, "people")]),
    ("Fewer than 50 residents have returned to the village.", [("returned", None, 50, "people")]),
    # vague counts
    ("Dozens of people were wounded in the clashes.", [("injured", 24, 99, "people")]),
    ("Hundreds of families fled the advancing troops.", [("fled", 200, 999, "households")]),
    ("Tens of thousands of people have been displaced by the floods.",
     [("displaced", 20000, 99999, "people")]),
    ("Hundreds of thousands of refugees live in the camps.", [("sheltered", 200000, 999999, "people")]),
    ("Thousands of residents were evacuated ahead of the hurricane.", [("evacuated", 2000, 9999, "people")]),
    ("Security forces arrested several hundred demonstrators.", [("arrested", 300, 999, "people")]),
    ("A dozen hostages were freed by the army.", [("abducted", 12, 12, "people")]),
    # categories
    ("The airstrike killed 17 civilians, including four children.",
     [("killed", 17, 17, "people"), ("killed", 4, 4, "people")]),
    ("Health officials reported 42 deaths from the outbreak.", [("killed", 42, 42, "people")]),
    ("Gunmen kidnapped 30 students from their dormitory.", [("abducted", 30, 30, "people")]),
    ("Militants abducted eight aid workers near the border.", [("abducted", 8, 8, "people")]),
    ("Police detained 120 people after the rally.", [("arrested", 120, 120, "people")]),
    ("The fighting has forced 5,000 people to flee their homes.", [("fled", 5000, 5000, "people")]),
    ("About 3,000 people were allowed to leave the enclave on Tuesday.",
     [("evacuated", 3000, 3000, "people")]),
    ("Some 800 people took shelter in schools and mosques.", [("sheltered", 800, 800, "people")]),
    ("More than 2,000 people are staying in evacuation centres.", [("sheltered", 2000, None, "people")]),
    ("The government relocated 640 families to safer ground.", [("relocated", 640, 640, "households")]),
    ("The country hosts 1.5 million refugees.", [("refugees", 1500000, 1500000, "people")]),
    ("Around 4,000 people returned to their homes last week.", [("returned", 4000, 4000, "people")]),
    ("Some 20,000 people live under siege in the eastern districts.", [("besieged", 20000, 20000, "people")]),
    ("The town has a population of 45,000.", [("population", 45000, 45000, "people")]),
    ("Aid agencies reached 150,000 people with food parcels.", [("aid_delivered", 150000, 150000, "people")]),
    ("The earthquake destroyed 350 homes and damaged 1,200 more buildings.",
     [("homes_destroyed", 350, 350, "households"), ("homes_damaged", 1200, 1200, "households")]),
    ("At least 80 houses collapsed under the weight of the snow.",
     [("homes_destroyed", 80, None, "households")]),
    ("The floods have affected 9,000 people in the province.", [("affected", 9000, 9000, "people")]),
    ("Fifteen people were injured, 60 homes damaged and nine homes destroyed.",
     [("injured", 15, 15, "people"), ("homes_damaged", 60, 60, "households"),
      ("homes_destroyed", 9, 9, "households")]),
    ("The storm caused 12 deaths, 7 missing and 30,000 people evacuated.",
     [("killed", 12, 12, "people"), ("missing", 7, 7, "people"), ("evacuated", 30000, 30000, "people")]),
    ("About 2,000 internally displaced persons arrived in the city.", [("displaced", 2000, 2000, "people")]),
    ("Close to 900 were evacuated as the river rose.", [("evacuated", None, 900, "people")]),
    ("The death toll from the bombing has risen to 50.", [("killed", 50, 50, "people")]),
    ("This takes to 9,000 the total number of people displaced from the city.",
     [("displaced", 9000, 9000, "people")]),
    ("About 10 people attended the funeral of those killed in the raid.", []),
    # the subject of a measure verb gives the category, not a weak sense of the verb
    ("The number of displaced people in the district has reached 45,000.",
     [("displaced", 45000, 45000, "people")]),
    # homes counted through the families who own them
    ("More than 8,000 families' homes were destroyed by the cyclone.",
     [("homes_destroyed", 8000, None, "households")]),
    # a count set off from its head by an attribution aside
    ("The floods forced the evacuation of, according to the provincial authorities, 6,420 people.",
     [("evacuated", 6420, 6420, "people")]),
    ("The landslide buried, according to rescuers, at least 35 homes in the village.",
     [("homes_destroyed", 35, None, "households")]),
    # a people named by a proper noun the number counts, under a strong verb
    ("The attacks prompted some 42,000 Yazidi to flee into the mountains.",
     [("fled", 42000, 42000, "people")]),
    ("The raids led about 9,500 Hazara to flee across the valley.", [("fled", 9500, 9500, "people")]),
    # expulsions and evictions displace people
    ("Police evicted 650 families from the riverbank settlement last week.",
     [("displaced", 650, 650, "households")]),
    ("Nearly 3,000 migrant workers expelled from the neighbouring state arrived at the border post.",
     [("displaced", None, 3000, "people")]),
    # "among those displaced": the count shares the category of the group it joins
    ("Aid workers counted about 7,000 pupils who are among those displaced by the storm.",
     [("displaced", 7000, 7000, "people")]),
    # the subject "number of X" the parse lost (clipped first word, a date read as subject)
    ("e total number of such returnees from the coast between 2 May 2019 and 4 June 2020 is now 18,400.",
     [("returned", 18400, 18400, "people")]),
    # a subject hung on a noun the parse read as a verb ("sheds"): the verb with its own auxiliary
    ("About 1,200 herders camping in grazing sheds along the dry riverbeds have fled to the hills.",
     [("fled", 1200, 1200, "people")]),
    ("Some 500 residents near the river, where the bridge was destroyed, have been evacuated.",
     [("evacuated", 500, 500, "people")]),
    # singular victims
    ("A Turkish colonel serving as an adviser was killed in the shelling.", [("killed", 1, 1, "people")]),
    ("A local journalist was arrested in the capital on Friday.", [("arrested", 1, 1, "people")]),
    ("The sniper shot and wounded a nurse near the hospital.", [("injured", 1, 1, "people")]),
    ("The driver and a passenger were killed when the bus was hit.", [("killed", 2, 2, "people")]),
    ("Her mother, brother and sister were detained at the checkpoint.", [("arrested", 3, 3, "people")]),
    # not figures: years, dates, ages, times, money, percentages, measures, ordinals, things
    ("The war began in 2011 and the city fell in 2016.", []),
    ("The attack took place on 6 March, and another on March 28.", []),
    ("A 5-year-old girl was among the dead.", []),
    ("The curfew starts at 10pm and ends at 6 a.m.", []),
    ("The donors pledged $5 million and 300,000 euros for the displaced.", []),
    ("Turnout was 63 percent, up from 58 per cent.", []),
    ("The convoy travelled 40 kilometres and the fire burned 2,000 hectares.", []),
    ("It was the 21st attack on the camp this year.", []),
    ("Troops retook at least five neighborhoods and seized 20 vehicles.", []),
    ("The rebels destroyed 12 tanks and three checkpoints.", []),
    ("One poster claiming to be a fighter vowed to keep going.", []),
    ("No one was killed in the blast.", []),
    ("The offensive lasted 10 days.", []),
    ("Officials said 10 prisoners were not released and none were killed.", []),
]


@pytest.mark.parametrize("sentence,expected", FIGURES, ids=[s[:40] for s, _ in FIGURES])
def test_figures_of_a_sentence(nlp, sentence, expected):
    assert summary(run(nlp, sentence)) == expected


def test_table_has_the_required_size():
    assert len(FIGURES) >= 60


@pytest.mark.parametrize("sentence,qualifier", [
    ("More than 600 people were injured in the blasts.", "more than"),
    ("Nearly 7,000 people remain trapped in the besieged town.", "nearly"),
    ("About 400 households were left homeless by the fire.", "about"),
    ("Dozens of people were wounded in the clashes.", "dozens"),
    ("Between 5 and 10 soldiers were killed in the ambush.", "range"),
])
def test_qualifier_is_kept(nlp, sentence, qualifier):
    assert run(nlp, sentence)[0].qualifier == qualifier


@pytest.mark.parametrize("sentence,certainty", [
    ("The opposition accused the army of arresting hundreds of fleeing residents.", "claimed"),
    ("As many as 250,000 people could be displaced by the offensive.", "hypothetical"),
    ("Police arrested 40 people at the rally.", "asserted"),
    ("Rebels claimed that 30 soldiers were killed.", "claimed"),
    ("Militants claimed responsibility for the bombing that killed 44 people.", "asserted"),
    ("Officials denied that 10 people were killed in the raid.", "denied"),
])
def test_certainty(nlp, sentence, certainty):
    figs = run(nlp, sentence)
    assert len(figs) == 1 and figs[0].certainty == certainty


@pytest.mark.parametrize("sentence,kind", [
    ("Shelling killed 11 people in the north on Monday.", "flow"),
    ("The town has a population of 45,000.", "stock"),
    ("More than 2,000 people are staying in evacuation centres.", "stock"),
    ("About 900 people remained displaced in the camps.", "stock"),
])
def test_kind(nlp, sentence, kind):
    assert run(nlp, sentence)[0].kind == kind


def test_best_is_conservative_and_unit_stated_kept(nlp):
    fig = run(nlp, "About 2,400 families (some 14,000 people) were displaced by the floods.")[0]
    assert (fig.low, fig.best, fig.high, fig.unit, fig.unit_stated) == (2400, 2400, 2400, "households", "families")
    assert run(nlp, "Shelling killed 11 civilians.")[0].unit_stated == "civilians"
    rng = run(nlp, "Between 5 and 10 soldiers were killed in the ambush.")[0]
    assert rng.best == 5


def test_evidence_span_covers_number_and_head(nlp):
    text = "The rebels shelled the west late Tuesday, killing 11 people, state media reported."
    fig = run(nlp, text)[0]
    assert "killing 11 people" in text[fig.start:fig.end]
    assert fig.text == "11" and fig.sentence == text


def test_place_time_source_come_from_the_sentence(nlp):
    text = ("Fighting continued in the north. Aid groups said on Wednesday that 3,000 people "
            "fled Kafr Nabl in the last 10 days.")
    start = text.index("Aid")
    sources = [Source("aid groups", "ngo", None, start, start + 10)]
    i = text.index("Kafr")
    places = [Place("Kafr Nabl", i, i + 9), Place("Idlib", 0, 0), Place("Idlib", 0, 0)]
    j = text.index("in the last")
    k = text.index("on Wednesday")
    times = [TimeMention("on Wednesday", k, k + 12, "2024-03-06", "2024-03-06", "day"),
             TimeMention("in the last 10 days", j, j + 19, "2024-02-29", "2024-03-10", "day")]
    fig = run(nlp, text, sources=sources, places=places, times=times)[0]
    assert (fig.place, fig.source, fig.date_start, fig.date_end) == (
        "Kafr Nabl", "aid groups", "2024-02-29", "2024-03-10")


def test_focus_place_and_publication_date_when_the_sentence_has_none(nlp):
    text = "Shelling hit Aleppo and Aleppo again. Officials said 40 people were killed."
    places = [Place("Aleppo", 13, 19), Place("Aleppo", 24, 30)]
    fig = run(nlp, text, places=places)[0]
    assert (fig.place, fig.date_start, fig.date_end, fig.source) == ("Aleppo", None, "2024-03-10", None)


def test_no_text_no_figures(nlp):
    assert run(nlp, "") == []


@pytest.mark.parametrize("text,expected", [
    ("61, 000 people", (61000, 61000, 61000)),
    ("2.000 mineros", (2000, 2000, 2000)),
    ("with14,593 households", (14593, 14593, 14593)),
    ("a further 300", (300, 300, 300)),
    ("almost 274,000", (None, 274000, 274000)),
    ("a dozen", (12, 12, 12)),
    ("100,000 to 120,000", (100000, 100000, 120000)),
])
def test_number_forms(text, expected):
    q = find_quantities(text)[0]
    assert (q.low, q.best, q.high) == expected


@pytest.mark.parametrize("text", ["in 2016", "on 6 March", "10pm", "63 per cent", "$5 million",
                                  "17 kilometres", "a 5-year-old", "the 21st", "6.7 magnitude",
                                  "between 1 and 8 October", "someone", "several times"])
def test_not_counts(text):
    assert find_quantities(text) == []


# Spanish / French / Portuguese reports: figures read lexically (sitrep/extractors/lexical.py), no parse.
# (language, sentence, expected [(category, low, high, unit), ...]) -- sentences written here
LEXICAL = [
    # number forms: separators of those languages, scales, words, approximate and vague counts
    ("es", "Más de 1.200 personas fueron evacuadas de sus casas en el valle.",
     [("evacuated", 1200, None, "people")]),
    ("fr", "Au moins 1 500 personnes ont été déplacées par les inondations.",
     [("displaced", 1500, None, "people")]),
    ("es", "Cerca de 2,5 millones de personas se han desplazado desde enero.",
     [("displaced", 2500000, 2500000, "people")]),
    ("es", "En la comuna se registran 3 mil viviendas con daños.", [("homes_damaged", 3000, 3000, "households")]),
    ("pt", "A chuva deixou 1.350 desabrigados e duas mil pessoas deslocadas.",
     [("homeless", 1350, 1350, "people"), ("displaced", 2000, 2000, "people")]),
    ("fr", "Deux cents maisons ont été détruites par le cyclone.", [("homes_destroyed", 200, 200, "households")]),
    ("es", "El alud obligó a evacuar un centenar de casas en la ladera.", [("evacuated", 100, 100, "households")]),
    ("es", "Miles de personas huyeron de los combates en la frontera.", [("fled", 2000, 9999, "people")]),
    ("fr", "Des centaines de familles ont fui les combats.", [("fled", 200, 999, "households")]),
    ("fr", "Les autorités comptent 12,400 PDI dans la province.", [("displaced", 12400, 12400, "people")]),
    ("es", "Hasta 700 personas tuvieron que abandonar sus hogares.", [("fled", None, 700, "people")]),
    # categories and units
    ("es", "Las lluvias dejaron unas 300 familias sin hogar y 45 viviendas destruidas.",
     [("homeless", 300, 300, "households"), ("homes_destroyed", 45, 45, "households")]),
    ("es", "Hay 250 evacuados en la escuela del pueblo.", [("evacuated", 250, 250, "people")]),
    ("fr", "Quelque 80 familles sont sans abri depuis la tempête.", [("homeless", 80, 80, "households")]),
    ("pt", "Cerca de 70 famílias ficaram desalojadas após a enchente.", [("displaced", 70, 70, "households")]),
    ("pt", "Mais de 400 moradores foram retirados das áreas de risco.", [("evacuated", 400, None, "people")]),
    ("es", "Existen tres personas fallecidas, 8 desaparecidos y más de 600 pobladores se han desplazado.",
     [("killed", 3, 3, "people"), ("missing", 8, 8, "people"), ("displaced", 600, None, "people")]),
    ("fr", "Une vingtaine de ménages sont hébergés dans une école.", [("sheltered", 20, 20, "households")]),
    ("es", "Unos 150 damnificados permanecen en albergues municipales.", [("affected", 150, 150, "people")]),
    ("fr", "Une trentaine de maisons ont été partiellement détruites et 12 totalement détruites.",
     [("homes_damaged", 30, 30, "households")]),  # "12" counts nothing written: not read
    ("pt", "Cerca de meio milhão de pessoas perderam suas casas.", [("homeless", 500000, 500000, "people")]),
    ("es", "La cifra de desplazados asciende a 12.000 personas en la región.",
     [("displaced", 12000, 12000, "people")]),
    ("fr", "Environ 15 000 personnes ont dû quitter leurs maisons.", [("fled", 15000, 15000, "people")]),
    ("fr", "Le bilan fait état de 23 morts, 45 blessés et 6 disparus.",
     [("killed", 23, 23, "people"), ("injured", 45, 45, "people"), ("missing", 6, 6, "people")]),
    ("es", "En 2015, 300 familias fueron reubicadas en otra zona.", [("relocated", 300, 300, "households")]),
    ("es", "Según la Defensa Civil, 1.500 familias resultaron damnificadas y 320 viviendas quedaron inhabitables.",
     [("affected", 1500, 1500, "households"), ("homes_damaged", 320, 320, "households")]),
    # not figures: dates, measures, money, a number counting nothing
    ("es", "El 12 de marzo de 2019 llovió durante 5 horas sobre 300 hectáreas.", []),
    ("fr", "Le gouvernement a débloqué 2 millions d'euros le 3 mai.", []),
    ("pt", "O rio subiu 3 metros em 24 horas.", []),
    ("es", "Las 20 casas del barrio fueron pintadas de nuevo.", []),  # homes, but no figure word
    ("es", "Unas 30 personas asistieron a la reunión sobre los desplazados.", []),
]


@pytest.mark.parametrize("language,sentence,expected", LEXICAL, ids=[s[:40] for _, s, _ in LEXICAL])
def test_lexical_figures_of_a_sentence(language, sentence, expected):
    figs = find_figures(sentence, language)
    assert summary(figs) == expected
    assert all(f.method == "lexical" for f in figs)
    for f in figs:  # the evidence covers the number and reads as the sentence does
        assert f.text in sentence[f.start:f.end] and f.sentence == sentence


def test_lexical_qualifier_certainty_and_offsets():
    text = "Llueve desde el lunes. Unas 40 familias podrían ser evacuadas si sigue lloviendo."
    fig = find_figures(text, "es", published="2024-03-10")[0]
    assert (fig.category, fig.best, fig.qualifier, fig.certainty) == ("evacuated", 40, "unas", "hypothetical")
    assert text[fig.start:fig.end] == "Unas 40 familias podrían ser evacuadas"
    assert (fig.unit_stated, fig.date_end, fig.kind) == ("familias", "2024-03-10", "flow")
    # a character lost to a wrong decoding still matches its accented word
    damaged = find_figures("M\ufffds de diez familias han sido evacuadas.", "es")[0]
    assert (damaged.best, damaged.qualifier, damaged.unit) == (10, "m\ufffds de", "households")
    assert find_figures("Más de 1.200 personas fueron evacuadas.", "de") == []  # no vocabulary


def test_spanish_report_is_kept_with_figures_only():
    import sitrep
    ex = sitrep.extract("Inundaciones en el sur\n\nLas inundaciones obligaron a evacuar a más de 3.000 "
                        "personas y dejaron 120 viviendas destruidas en la provincia, según las autoridades.",
                        published="2024-03-10")
    assert ex.article.language == "es"
    assert [(f.category, f.best, f.unit, f.method) for f in ex.figures] == [
        ("evacuated", 3000, "people", "lexical"), ("homes_destroyed", 120, "households", "lexical")]
    assert ex.events == [] and ex.places == [] and ex.actors == [] and ex.quotes == []
    english = sitrep.extract("Floods forced more than 3,000 people to leave their homes in the south, "
                             "officials said.", published="2024-03-10")
    assert english.figures and all(f.method == "parse" for f in english.figures)
    with pytest.raises(NotEnglishError, match="'de'"):  # other languages are still refused
        sitrep.extract("Bei den Überschwemmungen im Süden mussten mehr als 3.000 Menschen ihre Häuser "
                       "verlassen, teilten die Behörden mit.")
