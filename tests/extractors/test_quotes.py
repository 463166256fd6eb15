"""Quote shapes, speakers and sources on sentences written for these tests.

Each row: a short report, then what the quotes stage must find: a piece of the quote's
text, a piece of its speaker's name (None: no quote may contain that text), the kind, and
optionally a piece of the channel or role. Source rows check the sources stage.
"""
from __future__ import annotations

import pytest

import sitrep

Q = pytest.param

QUOTE_CASES = [
    # direct quotes: trailing, leading, inverted attribution
    Q("“We will not leave the city,” the commander said.", "not leave the city", "commander", "direct", None, id="trailing-said"),
    Q("The commander said: “We will not leave the city.”", "not leave the city", "commander", "direct", None, id="colon-lead"),
    Q('"We need food and water," said Amina Yusuf, a mother of four.', "food and water", "Amina Yusuf", "direct", None, id="straight-inverted"),
    Q("''We are afraid to go out,'' said Maria Lopez, a teacher.", "afraid to go out", "Maria Lopez", "direct", None, id="double-apostrophes"),
    Q("“Where are we supposed to go?” asked Hana Saleh, a displaced mother.", "supposed to go", "Hana Saleh", "direct", None, id="question-asked"),
    # split quotes and continuations
    Q("“The road is closed,” said Omar Haddad, a driver. “Nobody can get through.”", "Nobody can get through", "Omar Haddad", "direct", None, id="split-second-half"),
    Q("“We buried six people today,” said Yusuf Ali. “Tomorrow there will be more.”", "Tomorrow there will be more", "Yusuf Ali", "direct", None, id="split-continuation"),
    Q("Relief official Karen Holm said: “The first convoy arrived this morning.\n\n“A second one is waiting at the border.”",
      "second one is waiting", "Karen Holm", "direct", None, id="multi-paragraph"),
    Q("“We are ready,” said Captain Lee Chen. “We are not,” replied Mayor Rosa Diaz.", "We are not", "Rosa Diaz", "direct", None, id="two-speakers-second"),
    Q("“We are ready,” said Captain Lee Chen. “We are not,” replied Mayor Rosa Diaz.", "We are ready", "Lee Chen", "direct", None, id="two-speakers-first"),
    Q("Colonel Ahmed Saleh spoke to reporters in the capital.\n\n“The operation will continue,” he said.",
      "operation will continue", "Ahmed Saleh", "direct", None, id="pronoun-next-paragraph"),
    Q("Fatima Diallo fled her village last week. “We left everything behind,” she said.", "left everything", "Fatima Diallo", "direct", None, id="pronoun-she"),
    Q("“Peace is the only way forward.” ― Nelson Abara\n", "only way forward", "Nelson Abara", "direct", None, id="dash-byline"),
    # partial quotes and scare quotes
    Q("The minister said the shelling was “a clear violation of the truce” and demanded an inquiry.", "clear violation", "minister", "direct", None, id="partial-in-speech"),
    Q("Officials condemned the “so-called” corridor near the border.", "so-called", None, None, None, id="scare-quote"),
    Q("The opposition accused the army of “deliberately targeting civilians” in the east.", "deliberately targeting", None, None, None, id="accusation-wording"),
    # channels and roles
    Q("“The hospital was hit twice,” Dr. Samir Nasser said over WhatsApp.", "hit twice", "Samir Nasser", "direct", "WhatsApp", id="channel-whatsapp"),
    Q("The Interior Ministry said in a statement that 15 suspects had been detained.", "15 suspects", "Interior Ministry", "indirect", "statement", id="channel-statement"),
    Q("“There is no water left,” said a statement from the Norwegian Refugee Council.", "no water left", "Norwegian Refugee Council", "direct", "statement", id="statement-author"),
    Q("On Twitter, the activist Layla Hassan wrote: “The bombing has not stopped since dawn.”", "not stopped since dawn", "Layla Hassan", "direct", None, id="wrote-colon"),
    # indirect speech
    Q("Governor Ali Rahman said that 40 families had returned to the village.", "40 families", "Ali Rahman", "indirect", None, id="said-that"),
    Q("Police spokesman David Kim said the suspect was arrested on Tuesday.", "suspect was arrested", "David Kim", "indirect", None, id="said-zero-that"),
    Q("At least 12 people died in the flood, the mayor said.", "12 people died", "mayor", "indirect", None, id="trailing-indirect"),
    Q("Witnesses said the gunmen arrived in two trucks.", "arrived in two trucks", "Witnesses", "indirect", None, id="generic-people"),
    Q("The militants claimed that they had shot down a helicopter.", "shot down a helicopter", "militants", "indirect", None, id="claimed-that"),
    Q("The government denied that its forces had used chemical weapons.", "used chemical weapons", "government", "indirect", None, id="denied-that"),
    Q("A UNICEF spokeswoman told reporters that schools would reopen next month.", "schools would reopen", "spokeswoman", "indirect", None, id="told-reporters"),
    Q("Chinedu Okafor, a local councillor, said the bridge was destroyed. Okafor said repairs would take months.",
      "repairs would take months", "Chinedu Okafor", "indirect", None, id="surname-merged"),
    Q("Human Rights Watch said the attack may amount to a war crime.", "war crime", "Human Rights Watch", "indirect", None, id="ngo-speaker"),
    Q("France and Germany issued a joint appeal on Monday. The violence must stop, the countries said.",
      "violence must stop", "France", "indirect", None, id="the-countries"),
    # positions a named actor takes (data/stances.csv): intentions, demands, stances
    Q("Governor Ali Rahman vowed to rebuild every school in the province.", "rebuild every school", "Ali Rahman", "indirect", None, id="position-vowed-to"),
    Q("Colonel Idris Nouri wants to move the checkpoint closer to the river.", "move the checkpoint", "Idris Nouri", "indirect", None, id="position-wants-to"),
    Q("The Norwegian Refugee Council called for an immediate pause in the fighting.", "immediate pause", "Norwegian Refugee Council", "indirect", None, id="position-called-for"),
    Q("Senator Maria Keller criticised the decision to close the border crossing.", "decision to close", "Maria Keller", "indirect", None, id="position-criticised"),
    Q("Mayor Rosa Diaz urged residents to stay indoors after dark.", "residents to stay indoors", "Rosa Diaz", "indirect", None, id="position-urged-obj-to"),
    Q("Foreign Minister Lena Berg called the blockade a collective punishment.", "blockade a collective punishment", "Lena Berg", "indirect", None, id="position-called-x-y"),
    Q("Amina Yusuf reached the camp on Monday. She refused to leave without her brother.", "without her brother", "Amina Yusuf", "indirect", None, id="position-pronoun"),
    Q("Rami Saeed said the talks had failed, calling for new elections within a year.", "new elections", "Rami Saeed", "indirect", None, id="position-participle-calling-for"),
    Q("Defence Minister Omar Haddad spoke about the need for more helicopters.", "need for more helicopters", "Omar Haddad", "indirect", None, id="position-spoke-about"),
    Q("President Joyce Banda met the envoys on Friday. Her plan to reopen the northern border was welcomed.", "reopen the northern border", "Joyce Banda", "indirect", None, id="position-noun-her-plan"),
    Q("Salva Kiir's call for a national dialogue was ignored by the armed groups.", "national dialogue", "Salva Kiir", "indirect", None, id="position-noun-call-for"),
    Q("Senator Paul Okonjo has been critical of the military operation in the delta.", "military operation", "Paul Okonjo", "indirect", None, id="position-adjective"),
    Q("Minister Aisha Barre gave a speech in Mogadishu. Her remarks on Saturday were brief.", "Saturday", None, None, None, id="position-noun-date-is-no-content"),
    Q("Commander Tariq Mansour likened the siege to a slow execution.", "slow execution", "Tariq Mansour", "indirect", None, id="position-likened-to"),
    Q("Governor Musa Bello told his officers to open the gates at dawn.", "open the gates", "Musa Bello", "indirect", None, id="position-told-to"),
    Q("Ambassador Karim Saleh said the same thing on Monday.", "the same thing", "Karim Saleh", "indirect", None, id="said-object"),
    # indirect speech the parser hides: a hearer parsed with a relative clause, "by saying"
    Q("On Tuesday, Minister Farid Azizi told a crowd in Kandahar that the road would reopen soon.", "road would reopen", "Farid Azizi", "indirect", None, id="told-crowd-that"),
    Q("General Yusuf Tahir responded to the criticism by saying his troops had followed orders.", "troops had followed orders", "Yusuf Tahir", "indirect", None, id="by-saying"),
    # a block quote: the speaker's paragraph ends with a colon, the next paragraph is unmarked
    Q("The governor, Halima Bello, added:\n\nWe have lost three villages this week and nobody has come to help us.\n\nThe army did not comment.",
      "lost three villages", "Halima Bello", "direct", None, id="block-quote-after-colon"),
    # ... but not the positions of unnamed groups, nor objects that are pronouns or physical senses
    Q("Rebels vowed to keep fighting in the old city.", "keep fighting", None, None, None, id="position-unnamed-group"),
    Q("Opposition supporters called for safe passage out of the city.", "safe passage", None, None, None, id="position-unnamed-call"),
    Q("General Adel Mansour spoke against the backdrop of a ruined mosque.", "ruined mosque", None, None, None, id="position-spoke-against-place"),
    Q("The regiment was criticised for the delay in evacuating the wounded.", "evacuating the wounded", None, None, None, id="position-passive"),
    # not quotes: unnamed organisations report, apostrophes are no marks
    Q("Aid groups say food stocks will run out within a week.", "food stocks", None, None, None, id="aid-groups-source-only"),
    Q("The army's commander said the troops' morale was high.", "troops' morale was high", "commander", "indirect", None, id="apostrophes"),
    Q("Ten people were killed, according to the Syrian Observatory for Human Rights.", "Ten people were killed", None, None, None, id="according-to-source-only"),
]


@pytest.mark.parametrize("text, piece, speaker, kind, extra", QUOTE_CASES)
def test_quote(text, piece, speaker, kind, extra):
    ex = sitrep.extract(text, published="2016-12-07")
    body = ex.article.text
    hits = [q for q in ex.quotes if piece in body[q.start:q.end] or body[q.start:q.end] in piece and q.end - q.start > 3]
    if speaker is None:
        assert not hits, [(q.text, q.speaker) for q in ex.quotes]
        return
    assert hits, [(q.text, q.speaker) for q in ex.quotes]
    q = hits[0]
    assert speaker.lower() in (q.speaker or "").lower(), (q.speaker, q.text)
    assert q.kind == kind
    assert q.text == body[q.start:q.end]
    if extra:
        assert extra.lower() in ((q.channel or "") + " " + (q.speaker_role or "")).lower(), q


SOURCE_CASES = [
    Q("State media reported that the army had retaken the town of Deir Hafer in Syria.", "State media", "state_media", "pro-government", id="state-media"),
    Q("The official Syrian Arab News Agency, or SANA, reported that two soldiers were killed.", "Syrian Arab News Agency", "state_media", "pro-government", id="sana"),
    Q("Ten people were killed in Idlib, according to the Syrian Observatory for Human Rights, a pro-opposition watchdog.",
      "Syrian Observatory for Human Rights", "monitor", "pro-opposition", id="sohr-according"),
    Q("The Defense Ministry described the strike as a response to rebel attacks.", "Defense Ministry", "government", None, id="described"),
    Q("Opposition supporters accused the government of arresting hundreds of residents.", "Opposition supporters", "partisan", "pro-opposition", id="accused"),
    Q("Aid groups say food stocks will run out within a week.", "groups", "ngo", None, id="aid-groups"),
    Q("Reuters reported that the convoy had been stopped at a checkpoint.", "Reuters", "wire", None, id="wire"),
    Q("Xinhua reported that rescuers had pulled 30 people from the rubble.", "Xinhua", "state_media", None, id="state-agency"),
    Q("The U.N. refugee agency said 5,000 people had crossed the border.", "Refugee Agency", "un", None, id="un-agency"),
    Q("Amina Yusuf, a resident of the camp, said the water had run out.", "Amina Yusuf", "witness", None, id="resident-witness"),
]


@pytest.mark.parametrize("text, name, kind, stance", SOURCE_CASES)
def test_source(text, name, kind, stance):
    ex = sitrep.extract(text, published="2016-12-07")
    hits = [s for s in ex.sources if name.lower() in (s.name or "").lower()]
    assert hits, [(s.name, s.kind) for s in ex.sources]
    assert hits[0].kind == kind, hits[0]
    if stance:
        assert hits[0].stance == stance, hits[0]
    assert hits[0].cue
    assert ex.article.text[hits[0].start:hits[0].end]


def test_source_for_prefers_the_sentence_attribution():
    from sitrep.extractors.sources import source_for

    text = ("SANA reported that 200 civilians left the city on Tuesday. The rebels shelled the western "
            "districts, killing 11 people, according to the Syrian Observatory for Human Rights.")
    ex = sitrep.extract(text, published="2016-12-07")
    first = text.index("200 civilians")
    second = text.index("11 people")
    assert "Syrian Arab News Agency" in source_for(ex, first, first + 13).name
    assert "Observatory" in source_for(ex, second, second + 9).name


def test_source_for_inside_a_quote_is_its_speaker():
    from sitrep.extractors.sources import source_for

    text = "“Forty people were killed in the market,” said Governor Ali Rahman."
    ex = sitrep.extract(text, published="2016-12-07")
    i = text.index("Forty")
    assert "Ali Rahman" in source_for(ex, i, i + 12).name


def test_adding_to_a_total_is_not_an_attribution():
    import sitrep
    ex = sitrep.extract("Aid agencies said 25,000 people had fled in two days, adding to more than 500,000 "
                        "displaced since December.", published="2020-02-01")
    assert all(s.cue != "add" for s in ex.sources)


def test_an_organisation_alias_is_not_a_landmark():
    import sitrep
    ex = sitrep.extract("Rescuers from the White Helmets said 12 people were killed in Ariha on Monday.",
                        published="2020-02-04")
    assert "White Helmets" not in {p.name for p in ex.places}
    assert "Ariha" in {p.name for p in ex.places}
