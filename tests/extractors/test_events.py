"""Events stage: typing (ACLED sub-event types and PLOVER), certainty and roles on
sentences written for these tests (active, passive and nominal forms of each type)."""
from __future__ import annotations

import pytest

from sitrep.extractors import events
from sitrep.models import VIOLENT_EVENT_TYPES, Article
from sitrep.pipeline import extract_articles

A, C, H, N, D, F, P = "asserted", "claimed", "hypothetical", "negated", "denied", "future", "planned"

# (sentence, expected sub_event_type or PLOVER category, certainty)
TABLE = [
    # Battles
    ("Government troops clashed with rebels near the village of Kafr Nabl on Monday.", "Armed clash", A),
    ("Heavy fighting between the army and Islamist militants raged in the northern town for a third day.", "Armed clash", A),
    # the fighting told as starting or beginning happened, as fighting that erupted did
    ("Rebels seized the town on Sunday. The fighting started on Saturday evening around two villages nearby.",
     "Armed clash", A),
    ("Militants attacked an army checkpoint outside Maiduguri, sparking a two-hour gun battle.", "Armed clash", A),
    ("Police exchanged fire with gunmen who ambushed their patrol on the highway.", "Armed clash", A),
    # the fire exchanged is the fighting, not a fire fought; gunfire and shots too
    ("India and Pakistan exchanged fire across the border on Monday.", "Armed clash", A),
    ("Troops and rebels exchanged gunfire near the town on Monday.", "Armed clash", A),
    ("Police and gunmen traded fire for two hours outside the bank.", "Armed clash", A),
    # a labour strike: "on strike", strikers named by their trade
    ("Thousands of dock workers went on strike at the port on Monday.", "Peaceful protest", A),
    ("Teachers are on strike across the state for a second week.", "Peaceful protest", A),
    ("Nurses are striking at three hospitals in the city.", "Peaceful protest", A),
    ("An attack by separatist fighters on a military convoy was repulsed by soldiers.", "Armed clash", A),
    # a rebel party makes its surrender an agreement of the conflict, with no other conflict word
    ("Five Abu Sayyaf members surrendered to the Marines in Patikul on Monday, officials said.", "Agreement", A),
    # an offensive is a campaign against the forces holding the place it names
    ("Rebels launched an offensive on the town of Anefis on Sunday, officials said.", "Armed clash", A),
    ("Army troops recaptured the town of Palmyra from Islamic State fighters on Sunday.", "Government regains territory", A),
    ("The town of Manbij was retaken by government forces after a week of fighting.", "Government regains territory", A),
    ("The recapture of Ramadi by Iraqi security forces was announced on Tuesday.", "Government regains territory", A),
    ("Taliban fighters captured the district centre of Jani Khel after days of clashes.", "Non-state actor overtakes territory", A),
    ("The provincial capital was overrun by al-Shabaab militants at dawn.", "Non-state actor overtakes territory", A),
    ("Rebels seized control of the border crossing at Bab al-Hawa.", "Non-state actor overtakes territory", A),
    # the place hangs on the particle: "out of", "back from"
    ("Soldiers drove the militants out of three villages in Diyala province.", "Government regains territory", A),
    ("The insurgents were pushed back from the outskirts of Kobani by the army.", "Government regains territory", A),
    ("Loyalist troops wrested control of an air base from the rebels on Friday.", "Government regains territory", A),
    ("Jihadist fighters took over two gas fields in the desert on Monday.", "Non-state actor overtakes territory", A),
    # Protests and riots
    ("Thousands of students marched peacefully through the capital on Friday to demand new elections.", "Peaceful protest", A),
    ("Farmers staged a sit-in outside the parliament building in Nairobi.", "Peaceful protest", A),
    ("A demonstration against fuel prices was held in the city centre on Saturday.", "Peaceful protest", A),
    # what a protest follows is another happening, not its dispersal
    ("A sit-in took place outside the court following the arrest of two student leaders.", "Peaceful protest", A),
    ("Police fired tear gas to disperse hundreds of protesters in Kampala.", "Protest with intervention", A),
    # firing crowd-control munitions is policing a crowd, even when no protest word is said
    ("Riot police fired rubber bullets and water cannon at crowds in the city centre of Santiago.",
     "Protest with intervention", A),
    ("The rally was broken up by riot police, who detained a dozen demonstrators.", "Protest with intervention", A),
    ("Security forces opened fire on peaceful protesters in Basra, killing four of them.", "Excessive force against protesters", A),
    ("Demonstrators were shot dead by soldiers during a march in Mandalay.", "Excessive force against protesters", A),
    # striking the demonstrators themselves is excessive; tear gas or a violent crackdown as said
    ("Police officers beat a student protester with clubs outside the ministry in Dhaka.",
     "Excessive force against protesters", A),
    ("The regime intensified its violent crackdown on peaceful demonstrators in the capital.",
     "Excessive force against protesters", A),
    ("Protesters threw stones at police and set fire to tyres in the main square.", "Violent demonstration", A),
    ("The protest turned violent as demonstrators torched cars and smashed shop windows.", "Violent demonstration", A),
    # burning "in protest" by people not named as demonstrators is the protest's own violence
    ("Angry residents set two buses on fire in protest on Monday night, officials said.", "Violent demonstration", A),
    # a protest that turned (however) violent, with no violent act named
    ("Anti-globalization protests near the summit turned very violent on Saturday.", "Violent demonstration", A),
    ("An angry mob lynched two men accused of stealing cattle in the village.", "Mob violence", A),
    ("A mob attacked a church and burned homes in the district.", "Mob violence", A),
    # Explosions / remote violence
    ("Syrian government forces used chlorine gas in an attack on the town of Saraqeb.", "Chemical weapon", A),
    ("A sarin attack on Khan Sheikhoun killed dozens of civilians.", "Chemical weapon", A),
    ("Russian warplanes bombed a market in Idlib province on Tuesday, killing 12 people.", "Air/drone strike", A),
    ("A drone strike killed three suspected militants in North Waziristan.", "Air/drone strike", A),
    ("Five civilians were killed in an airstrike on the village of Kafranbel.", "Air/drone strike", A),
    ("A suicide bomber blew himself up at a police station in Quetta, killing nine officers.", "Suicide bomb", A),
    ("The suicide bombing of a wedding hall killed 63 guests.", "Suicide bomb", A),
    ("Rebels shelled residential areas of Donetsk overnight.", "Shelling/artillery/missile attack", A),
    ("Two children were killed when mortar rounds struck their school.", "Shelling/artillery/missile attack", A),
    ("Militants fired rockets at the airport, damaging a runway.", "Shelling/artillery/missile attack", A),
    # a crowd called peaceful is demonstrators: troops firing on it is force against protesters
    ("Troops fired on a largely peaceful crowd in the main square of the town on Friday.",
     "Excessive force against protesters", A),
    # police fighting bandits with residents' help is a battle with an armed group, not townsfolk's riot
    ("Officers from the district station repelled the bandits with the help of residents on Sunday night.",
     "Armed clash", A),
    # a munition that came down ("landed") is a strike; a plane or a minister that landed is none (NO_EVENT)
    ("Two mortar rounds landed in the bus station of the eastern district on Friday morning.",
     "Shelling/artillery/missile attack", A),
    # ... or "fell": a munition, not a town, that fell
    ("At least four projectiles fell on Saturday night in an open area northeast of the city, officials said.",
     "Shelling/artillery/missile attack", A),
    # a bomb and gunfire on a police convoy, in one clause: an ambush, which ACLED codes as the battle
    ("Militants attacked a security convoy with an improvised explosive device and gunfire near Turbat on "
     "Thursday.", "Armed clash", A),
    ("A roadside bomb struck the lead vehicle of a Frontier Corps convoy, after which the attackers opened fire "
     "from the surrounding hills.", "Armed clash", A),
    # the bomb alone is the bomb's
    ("A roadside bomb struck the lead vehicle of a Frontier Corps convoy near Turbat on Thursday.",
     "Remote explosive/landmine/IED", A),
    ("A roadside bomb exploded under a police vehicle in Helmand, killing two officers.", "Remote explosive/landmine/IED", A),
    ("Three shepherds were wounded by a landmine near the border.", "Remote explosive/landmine/IED", A),
    ("A car bomb blast ripped through a busy market in Baghdad.", "Remote explosive/landmine/IED", A),
    # explosions are the rockets their sentence says were fired
    ("Loud explosions shook the border town as militants fired rockets from across the river.",
     "Shelling/artillery/missile attack", A),
    ("Unknown attackers hurled a grenade into a crowded bar in Bujumbura.", "Grenade", A),
    ("A grenade attack on a bus station wounded 14 people.", "Grenade", A),
    # Violence against civilians
    ("Gunmen killed 14 villagers in an attack on Kukawa on Sunday night.", "Attack", A),
    # a gold mine is a place, not a landmine
    ("Gunmen attacked a gold mine in northern Burkina Faso, killing 12 civilians.", "Attack", A),
    ("Soldiers executed six unarmed men in front of their families.", "Attack", A),
    ("Militiamen massacred dozens of civilians in the village of Djugu.", "Attack", A),
    ("Armed men abducted 30 schoolgirls from a boarding school in Zamfara.", "Abduction/forced disappearance", A),
    ("An aid worker was kidnapped by gunmen on the road to Gao.", "Abduction/forced disappearance", A),
    # raids are how people were taken, not a second, violent happening
    ("Militiamen abducted dozens of farmers in a series of raids on villages near Djibo.",
     "Abduction/forced disappearance", A),
    ("The kidnapping of two engineers by militants was confirmed by the company.", "Abduction/forced disappearance", A),
    ("Soldiers raped at least ten women during the raid on the village.", "Sexual violence", A),
    ("Several women were sexually assaulted by militiamen at a checkpoint.", "Sexual violence", A),
    # Strategic developments
    ("The government and the rebels signed a ceasefire agreement in Khartoum.", "Agreement", A),
    ("Both sides agreed to a truce to allow the evacuation of civilians.", "Agreement", A),
    ("Hundreds of fighters surrendered to the army with their weapons.", "Agreement", A),
    ("Police arrested the opposition leader at his home in Harare.", "Arrests", A),
    # an arrest for a crime is an arrest; a support verb carries the noun
    ("Police arrested two men for drug smuggling at the port.", "Arrests", A),
    ("The police made the arrest after hearing from the woman's family.", "Arrests", A),
    # a definite event noun happened, whatever governs it
    ("Protesters continued to call for more information about the fatal shooting of Keith Scott by police.",
     "Attack", A),
    ("The police killing of an unarmed man in Sacramento prompted outrage.", "Attack", A),
    # what a happening set off is a happening too
    ("The shooting sparked sometimes violent protests.", "Violent demonstration", A),
    # an explosion in a report that names a bomb is one
    ("An explosion injured 29 people in Chelsea on Saturday; police later found a second bomb nearby.",
     "Remote explosive/landmine/IED", A),
    # what someone is held for is the charge, not a second happening the arrest reports
    ("Police arrested two men in Lagos for killing a shopkeeper.", "Arrests", A),
    ("Officers detained a man suspected of raping a girl in the village of Kafin.", "Arrests", A),
    # an arrest "before" or "after" is its own happening
    ("Soldiers raped two women in Minova before they were arrested by military police.", "Arrests", A),
    ("Dozens of journalists were detained by security forces in Istanbul.", "Arrests", A),
    ("The army deployed additional troops to the northern border region.", "Change to group/activity", A),
    ("More than 200 fighters defected from the rebel group to the government side.", "Change to group/activity", A),
    ("Turkey has strengthened its forces along the border with Syria, officials said.", "Change to group/activity", A),
    ("Police reinforced their presence around polling stations in the capital.", "Change to group/activity", A),
    ("Jordanian troops were put on high alert along the northern border.", "MOBILIZE", A),
    # forces put on standby mobilise; commandos and patrols sent are troops moved
    ("The army was placed on standby in the capital on Sunday.", "MOBILIZE", A),
    ("Additional commandos were sent to the district on Sunday.", "Change to group/activity", A),
    ("Extra patrols were sent to the border villages on Monday.", "Change to group/activity", A),
    ("Soldiers defused an improvised explosive device found near the bridge.", "Disrupted weapons use", A),
    ("The missile was intercepted by air defence systems over the city.", "Disrupted weapons use", A),
    ("Police seized a large cache of weapons and ammunition in a raid on a farm.", "Disrupted weapons use", A),
    # what was found, seized or cleared is weapons, whatever cue names them
    ("Two explosive devices were found under a bridge near the border post.", "Disrupted weapons use", A),
    ("Engineers of the army cleared 400 landmines from farmland near the front.", "Disrupted weapons use", A),
    ("Officers seized four pistols and 200 cartridges from a car in Karachi.", "Disrupted weapons use", A),
    ("Turkish forces set up a new military base near the town of Afrin.", "Headquarters or base established", A),
    ("Rebels established an observation post on the hill overlooking the valley.", "Headquarters or base established", A),
    ("Iranian forces set up a military post near the village of Tal Rifaat.", "Headquarters or base established", A),
    ("Militiamen looted shops and burned houses in the market town.", "Looting/property destruction", A),
    ("Homes in the village were torched by armed herders.", "Looting/property destruction", A),
    ("Government forces withdrew from the town without a fight, handing it to the militia.", "Non-violent transfer of territory", A),
    ("The rebels handed over the city to the army under the deal.", "Non-violent transfer of territory", A),
    ("The military staged a coup and detained the president on Monday.", "Other", A),
    ("A mass grave containing dozens of bodies was found outside the city.", "Other", A),
    # Diplomatic and verbal acts (PLOVER only)
    ("Russia vetoed a draft resolution on the conflict at the Security Council.", "REJECT", A),
    ("The foreign minister accused Iran of arming the rebels.", "ACCUSE", A),
    ("The government condemned the decision of the court.", "ACCUSE", A),
    ("The United Nations called for an immediate halt to the fighting.", "REQUEST", A),
    # "he" continues the person the previous sentence is about
    ("Erdogan spoke to reporters on Monday. He asked Russia to reopen the border crossing.", "REQUEST", A),
    # a statement's demand is its issuer's
    ("The separatist party issued a statement demanding that the government release its jailed leader.",
     "REQUEST", A),
    # agreeing on what should be done is an agreement, agreeing with a view is not an event
    ("Officials of the two countries agreed on Wednesday that their governments should cooperate on refugees.",
     "AGREE", A),
    ("The president threatened to impose tariffs on imports from China.", "THREATEN", A),
    ("The European Union imposed sanctions on senior military officers.", "SANCTION", A),
    # a modal needs a bare verb: it does not reach a finite conjunct
    ("The sheriff would not identify the county but said Smith was sentenced there last year.", "SANCTION", A),
    # a definite charge happened, whatever is vowed about it
    ("Khartoum vowed to fight the ICC indictment of President Bashir.", "ACCUSE", A),
    # a supporting verb carries its object's event, and none of its own
    ("The emir launched a mediation effort between the Emirates and Saudi Arabia.", "CONSULT", A),
    ("The army opened a new base near the border.", "Headquarters or base established", A),
    # PLOVER 2021: easing a curfew or a blockade is RETREAT, lifting a ban on a party CONCEDE;
    # only an authority lifts them, named or not
    ("The city lifted the midnight curfew on Saturday.", "RETREAT", A),
    ("The government lifted the ban on the opposition party.", "CONCEDE", A),
    ("The shops were closed during a series of raids by Montreal police.", "COERCE", A),
    # forces ordered to deploy are put in motion, not asked for anything
    ("The governor ordered the National Guard to be ready to deploy to the city on Monday.", "MOBILIZE", A),
    # people seized by no one named and freed for a ransom were kidnapped, not arrested
    ("Three truck drivers were seized near the border last week and released on Friday after their families paid "
     "a ransom.", "Abduction/forced disappearance", A),
    ("Three men were seized near the market on Monday and taken to the central police station, police said.",
     "Arrests", A),
    # police blocking a way in keep people out by force: not a refusal (REJECT is a veto's)
    ("Police in riot gear blocked the entrance to the stadium where the candidate was to speak.", "COERCE", A),
    ("The United States blocked a draft resolution on the ceasefire at the Security Council.", "REJECT", A),
    ("Norway expelled two diplomats over espionage allegations.", "SANCTION", A),
    ("The two foreign ministers held talks in Geneva on Thursday.", "CONSULT", A),
    # saying what another party must do is a demand of it
    ("The UN envoy said the warring parties must open the road to the besieged town.", "REQUEST", A),
    # a state that signs or accepts a settlement agrees, in war or not
    ("Kenya and Uganda signed a memorandum on border trade on Friday.", "AGREE", A),
    ("Bolivia accepted a proposal for ending its dispute with Chile over the port.", "AGREE", A),
    # giving or sending what relieves or arms someone is aid, whoever gives it
    ("Volunteers from Norway delivered 20 tons of flour to the camp near Mosul.", "AID", A),
    ("The government sent weapons and ammunition to the militia in the north.", "AID", A),
    # refusing an agreement is a rejection, in war too (ACLED's Agreement refused is PLOVER REJECT)
    ("The militia says it will not accept the ceasefire proposed by the army.", "REJECT", A),
    ("Troops did not withdraw from the besieged town of Kafr Zita.", "Non-violent transfer of territory", N),
    # a governing word of the main clause does not reach a clause that states its own fact
    ("Egypt proposed a new conference, even though Sudan rejected the plan on Monday.", "REJECT", A),
    # a people's or an organisation's representatives act politically
    ("Kurdish representatives rejected the draft constitution on Monday.", "REJECT", A),
    # "a group of X" acts as X: Peruvian negotiators are a political actor
    ("A group of Peruvian negotiators held a meeting with rebel leaders in Havana.", "CONSULT", A),
    # Certainty: hypothetical, negated, future, claimed, denied
    ("If the army enters the city, the rebels would attack the checkpoints.", "Armed clash", H),
    ("A government offensive could kill thousands of civilians.", "Attack", H),
    ("The rebels did not attack the checkpoint on Monday.", "Armed clash", N),
    ("No airstrikes were carried out on the town last week.", "Air/drone strike", N),
    ("No group has admitted carrying out the attack on the convoy near Mosul.", "Armed clash", N),
    # whoever kills or shoots security forces is an armed attacker: a clash, not a crime
    ("A man killed a police officer in Oakland on Saturday.", "Armed clash", A),
    ("A woman shot a sheriff's deputy during a traffic stop on Friday.", "Armed clash", A),
    ("The army plans to launch an offensive to retake the city of Mosul.", "Government regains territory", P),
    ("Two men admitted to having plotted to attack a local police station.", "Armed clash", P),
    # "no plans to" negates the plan, and with it the act
    ("The militia had no plans to attack the town, its commander said.", "Attack", N),
    ("The militants vowed to attack army bases in the coming weeks.", "Armed clash", F),
    ("Troops will deploy to the border next month.", "Change to group/activity", F),
    ("The two foreign ministers are to meet in Geneva next week.", "CONSULT", F),  # "be to": scheduled
    ("Putin hosted a dinner for the visiting Saudi king on Monday.", "CONSULT", A),  # a guest: a meeting
    ("Governor Ann Lee called President Tom Hale on Friday to thank him.", "CONSULT", A),  # a phone call
    ("The foreign minister attended a conference on the reconstruction of Gaza on Monday.", "CONSULT", A),
    ("The envoy's first visit to the region began in Amman on Monday.", "CONSULT", A),  # a region is no market
    # arms sold to a state are military aid; a meeting that "failed to" do something met
    ("Washington approved the sale of 180 howitzers to Saudi Arabia on Thursday.", "AID", A),
    ("The United States sold 40 fighter jets to Qatar on Thursday.", "AID", A),
    ("A summit between President Ann Lee and President Tom Hale in June 2013 had failed to break the ice.",
     "CONSULT", A),
    ("The city of Phoenix is demanding that the Hale campaign stop using the image of its skyline.", "REQUEST", A),
    # agreements announced or worked out, and a deal its participle says was made, which ends
    # what it settles
    ("President Ann Lee and President Tom Hale announced an agreement to explore ways to cut emissions.", "AGREE", A),
    ("The city had worked out a verbal agreement with the county to buy the old jail.", "AGREE", A),
    ("A deal announced Thursday by the city and the county ends the dispute over the jail.", "AGREE", A),
    ("The Securities and Exchange Commission filed a lawsuit against the firm on Thursday.", "ACCUSE", A),
    # neighbourhoods taken are territory, though a neighbourhood association is a private body
    ("Government troops pressed on in the city. Several more neighborhoods fell Wednesday.",
     "Government regains territory", A),
    # a party's or a crowd's rally is a demonstration
    ("Thousands of opposition supporters held a rally in Tbilisi on Monday demanding the president's "
     "resignation.", "Peaceful protest", A),
    # "back" between a verb and its custody; premises searched by no one named
    ("Rockett was remanded back into custody by District Judge Liam McStay on Monday.", "Arrests", A),
    # a suspect who "went to jail" was jailed; a person accused of a crime is a case
    ("The man accused of the stabbing went to jail on Saturday.", "Arrests", A),
    ("Williams is accused of killing his neighbour in Meigs County.", "ACCUSE", A),
    # a suspect caught where the sentence tells of a police operation; the charges a person
    # faces, told in a relative clause on them
    ("He was caught after a raid on his flat last month.", "Arrests", A),
    ("A deputy chased the thief, who was caught near the river.", "Arrests", A),
    # a state that takes land from another state, with no fighting told, regains nothing
    ("Morocco seized the territory from Spain in 1975.", "Non-violent transfer of territory", A),
    ("The deputy pleaded not guilty to the federal charges he is facing.", "ACCUSE", A),
    # forces who demolish homes destroy property, whatever the purpose
    ("Israeli forces demolished three Palestinian homes in Hebron to make way for a road.",
     "Looting/property destruction", A),
    # a case put to the reader: "say", "suppose", "imagine" with no one saying it
    ("Say Mexico demanded that the United States prove each migrant was Mexican.", "REQUEST", H),
    ("Suppose Mexico demanded the return of the land.", "REQUEST", H),
    ("They say Mexico demanded the return of the land on Monday.", "REQUEST", A),
    # the noun of "lynch", which the lemmatizer leaves as it is
    ("The 1946 lynching of four people at the bridge shocked the nation.", "Mob violence", A),
    ("His home was searched on Monday.", "COERCE", A),
    # a channel taken is how the act was done; a state set off by commas is not what is planned
    ("Senator Tom Hale took to Twitter overnight to accuse the governor's campaign of lying.", "ACCUSE", A),
    ("The city, in talks with Hall County and the state, plans to open a new jail.", "CONSULT", A),
    # the setting of a promise is not what was promised
    ("During her visit to Jordan, Secretary of State Ann Lee promised more aid.", "CONSULT", A),
    ("The mayor is joining forces with a local charity to fund the shelter.", "COOPERATE", A),  # no troops
    # reports shared with a named party, the "with" phrase on the object or after a time
    ("Governor Ann Lee shared intelligence reports with Jordan on Sunday.", "COOPERATE", A),
    ("The ministry shared a report on Sunday with the Jordanian army.", "COOPERATE", A),
    ("The chairman requested that all the assessors resign.", "RETREAT", F),  # a resignation requested
    ("Al-Shabaab opened a new headquarters in Jilib on Monday.", "Headquarters or base established", A),
    ("A suicide bomber killed himself and 12 others at a market in Kabul on Monday.", "Suicide bomb", A),
    # an attacker setting off his own explosives blew himself up
    ("Police said the attacker walked into the market on foot and detonated his explosives near the stalls.",
     "Suicide bomb", A),
    ("Lebanon renewed its calls for Israel to hand over maps of the minefields.", "REQUEST", A),  # "for" a mark
    ("Senator Burke attacked the governor in a series of early-morning tweets.", "ACCUSE", A),  # in words
    ("Activists accused the army of shelling residential areas of the town.", "Shelling/artillery/missile attack", C),
    ("The opposition accused police of arresting hundreds of its supporters.", "Arrests", C),
    ("The ministry denied carrying out airstrikes on the hospital.", "Air/drone strike", D),
    ("The militia denied abducting the journalists.", "Abduction/forced disappearance", D),
    # what the denier says in its own words beside the denial, it tells
    ("The police denied that live ammunition had been used, saying that 19 people had been detained for disturbing "
     "the peace.", "Arrests", A),
    # a police report's words for detention, charges, sentences and a shootout
    ("A police patrol busted the dealer outside a nightclub on Friday.", "Arrests", A),
    ("She was held without bond in the county detention center on Monday.", "Arrests", A),
    ("An officer was wounded when police returned fire on the gunmen.", "Armed clash", A),
    ("Her boyfriend is wanted for the robbery, police said.", "ACCUSE", A),
    ("Deputies cited the driver for reckless endangerment on Saturday.", "ACCUSE", A),
    ("The former mayor got five years in prison for bribery on Tuesday.", "SANCTION", A),
    ("The former mayor has been found guilty of murder.", "SANCTION", A),
    # someone bombing something needs no weapon word; police shot by a gunman are armed
    ("Militants bombed the city's main market on Monday.", "Remote explosive/landmine/IED", A),
    ("Two police officers shot by a gunman on Friday were taken to hospital.", "Armed clash", A),
    ("Russia carried out a snap military exercise near the border on Monday.", "MOBILIZE", A),
    ("The bank was fined $185 million by federal regulators on Thursday.", "SANCTION", A),
    # the same words in their event senses
    ("Police charged the driver with drunk driving on Friday.", "ACCUSE", A),
    ("The FBI is investigating the senator over the payments.", "ACCUSE", A),
    ("A man wanted for murder in Ohio has been captured by city police.", "Arrests", A),
    ("Rebels launched drones at the air base on Monday.", "Air/drone strike", A),
    ("The rebels refused the government's offer of talks.", "REJECT", A),
    ("Russia asked Britain to reduce its embassy staff.", "REQUEST", A),
    ("The United Nations will provide food aid to the refugees, the agency said on Monday.", "AGREE", A),
    ("Attacks across the region killed 40 people on Sunday.", "Attack", A),
    # police-report idioms
    ("The driver was placed under arrest on Sunday.", "Arrests", A),
    ("He is being held on a $100,000 bail at the county jail.", "Arrests", A),
    ("Town police have had the couple under investigation for months.", "ACCUSE", A),
    # an inquiry an authority orders is opened by the order, not planned
    ("Two protesters were killed on Monday. The interior minister has ordered a committee to investigate the "
     "shooting.", "ACCUSE", A),
    ("Police catch murder suspect in downtown motel. The man had fled on Friday.", "Arrests", A),
    ("The couple faces multiple drug counts in county court.", "ACCUSE", A),
    ("Also wanted for questioning in relation to this incident is Jimmy Smith, 25.", "ACCUSE", A),
    ("The 16-year-old was taken to a juvenile detention facility in Fort Worth.", "Arrests", A),
    ("Police said the woman was taken to the Gainesville Police Department.", "Arrests", A),
    ("A curfew was announced from midnight to 6 a.m. in the city center.", "COERCE", A),
    # disorder said to have happened, with its parties named, is a riot; bottles thrown in a
    # riot's scene at no one named are the riot's
    ("Police said there was serious disorder involving groups of young men on Sunday night in the east of the "
     "city.", "Mob violence", A),
    # orders under the criminal code barring assembly, clamped on a district, are a restriction
    ("Prohibitory orders were clamped in parts of West Tripura district on Wednesday after the clashes.",
     "COERCE", A),
    ("The magistrate issued orders barring the assembly of five or more people in the town on Monday.",
     "COERCE", A),
    # two crowds throwing at each other are a mob's violence, whatever procession went before
    ("After a victory procession passed through the village on Monday, workers of the two parties hurled "
     "brickbats at each other.", "Mob violence", A),
    # a killing told in a relative clause of its time is a happening of its own, under no "end"
    ("Tensions rose at the end of February, when a protester was killed by gunfire near the governorate building.",
     "Excessive force against protesters", A),
    # townsfolk forcing their way into a place where a demonstration is told: the crowd's violence
    ("Hundreds of residents and students forced their way into a shelter housing refugees on Tuesday, minutes after "
     "a protest coordinator addressed them.", "Violent demonstration", A),
    # officers forcing their way into a home raid it
    ("Officers forced their way into a home on Hackley Street on Tuesday.", "COERCE", A),
    # herders killed by raiders are civilians attacked, not a militia fought
    ("Armed raiders killed at least four herders and drove away hundreds of livestock on Monday.", "Attack", A),
    # a force's teams, officers or companies moved in are troops moved, though no cue names them so
    ("Rioters clashed with police on Sunday. Tactical teams had been deployed to the area, police said on Monday.",
     "Change to group/activity", A),
    ("Rioters clashed with police on Sunday. Officers from Lancashire and Cheshire were sent to help on Sunday.",
     "Change to group/activity", A),
    # a public gathering banned by no one named is banned by the authorities
    ("Demonstrations were banned in the city on Monday.", "COERCE", A),
    ("Gatherings of more than five people were prohibited in the district on Tuesday.", "COERCE", A),
    # roads barricaded by people: ACLED's road-blocking, a violent demonstration's act; not
    # a family barricading itself in
    ("A group of youths barricaded Seke Road with stones on Tuesday.", "Violent demonstration", A),
    ("On Wednesday dozens of residents erected barricades of burning tyres in the town.", "Violent demonstration", A),
    ("On Tuesday groups of youths set up barricades of burning tyres and rocks near the market.",
     "Violent demonstration", A),
    # guard: groups named armed fight a battle, whatever community word names them
    ("Police said on Monday that fighting between two feuding armed groups broke out in the town on Sunday.",
     "Armed clash", A),
    # sides armed only with what crowds carry are a crowd, gang or not; a militia so armed stays one
    ("Police said that rival gangs of youths armed with knives and stones fought in the market overnight.",
     "Mob violence", A),
    ("Rival gangs armed with rifles and knives fought in the market overnight, police said.", "Armed clash", A),
    # two factions of a party's student wing fighting, no arms or gang named, are a mob's violence
    ("At least 12 people were injured in a clash between two factions of the ruling party's student wing at the "
     "university on Saturday night.", "Mob violence", A),
    # scuffles with the police in a demonstration make it violent
    ("Thousands protested outside parliament on Tuesday and the protest degenerated into scuffles with the "
     "police around midday.", "Violent demonstration", A),
    # a guard post called a picket, stormed by armed bandits, is a battle with its police
    ("Two policemen were martyred when dacoits attacked a police picket in Kashmore on Tuesday night.",
     "Armed clash", A),
    # an apposition hung on the victims from past their verb does not make them the attackers
    ("At least 14 people were killed on Sunday during an attack by Kamuina Nsapu militiamen on three villages "
     "in the Dibaya territory, about 80 km south of Kananga, local sources reported on Monday.", "Attack", A),
    # groups of young men fighting with machetes are a mob, not two armed groups in battle
    ("A teenager was stabbed during a machete fight between two groups of young men near the bus station.",
     "Mob violence", A),
    # the victims described after the toll say whom the attack struck; some of them do not
    ("Militants stormed a hamlet near the dam, killing nine people, most of them militia fighters.", "Armed clash", A),
    ("Gunmen attacked a minibus, killing nine people, most of them women.", "Attack", A),
    # more patrols are forces moved, as a deployment is
    ("Soldiers and police stepped up patrols in the capital's eastern districts on Wednesday.",
     "Change to group/activity", A),
    ("The army has doubled patrols along the border since the ambush.", "Change to group/activity", A),
    # police powers over an area named as a zone or an order restrict whoever is in it
    ("Police introduced a visitation zone across the district after two shootings on Tuesday.", "COERCE", A),
    ("A dispersal order was put in place covering the town centre until Monday morning.", "COERCE", A),
    # what a court grants against a movement is an order restraining it, not aid
    ("The High Court granted the city council an injunction restraining the union from marching on Friday.",
     "COERCE", A),
    # martial law, and a coercive measure imposed; the internet shut down
    ("The army imposed martial law in the northern province on Monday.", "COERCE", A),
    ("The government shut down the internet in the region on Friday.", "COERCE", A),
    # goods seized by the authorities; a warrant executed is a search, not a killing
    ("Officers seized 2 kilograms of cocaine and cash in the raid.", "COERCE", A),
    ("Police executed a search warrant at a house on Main Street on Tuesday.", "COERCE", A),
    # PLOVER 2021: people released are RETREAT (outside a conflict's agreements)
    ("A court released the journalist on a suspended sentence on Tuesday.", "RETREAT", A),
    # acts of states the rules had missed: tariffs slapped, an annexation, leaders gathered,
    # "the two countries" as parties, a named person poisoned (an attack, not war's chemicals)
    ("Canada slapped tariffs on American steel on Friday.", "SANCTION", A),
    ("Morocco's annexation of Western Sahara in 1975 is still disputed.", "Non-violent transfer of territory", A),
    ("Arab leaders gathered in Amman on Friday to discuss the war in Yemen.", "CONSULT", A),
    ("In 2011 the two countries signed an agreement on border crossings.", "AGREE", A),
    ("Alexander Litvinenko was poisoned with polonium in a London hotel in 2006.", "Attack", A),
    ("The Netherlands has accused Russia of poisoning a dissident in The Hague.", "Attack", C),
    # a name given an age is a person captured, not a place taken
    ("Jones, 29, was captured by police in Columbia on Friday.", "Arrests", A),
    # agreements reached, brokered or sealed; a plea accepted is a conviction
    ("The government clinched a deal with the unions on Tuesday.", "AGREE", A),
    ("Russia and Turkey reached an agreement on gas prices on Tuesday.", "AGREE", A),
    ("The judge accepted the defendant's guilty plea on Monday.", "SANCTION", A),
    # a journey made, and a demand made while something else stopped
    ("Prime Minister Justin Trudeau paid a visit to Beijing on Monday.", "CONSULT", A),
    ("Saudi Crown Prince Mohammed bin Salman concluded a tour of the United States on Saturday.", "CONSULT", A),
    # people poisoned outside a war, named by a pronoun
    ("The couple were found on a bench after they were attacked on March 4 with a nerve agent.", "Attack", A),
    # a person caught or picked up where the police are named; tracked down by the police
    ("Jones, 29, was caught in the area of Roanoke Park, police said.", "Arrests", A),
    ("The suspect was picked up by deputies on Friday.", "Arrests", A),
    ("Police tracked down the suspect in Dallas on Friday.", "Arrests", A),
    # the armed actor a place fell to is its captor
    ("The town fell to the rebels on Monday.", "Non-state actor overtakes territory", A),
    # charges filed (a phrasal object as the passive subject), a citation issued
    ("Additional charges of reckless homicide were filed against him on Monday.", "ACCUSE", A),
    ("He was issued a citation for driving while intoxicated on Friday.", "ACCUSE", A),
    ("The United States stopped selling bombs to the coalition while demanding that it improve its targeting.",
     "REQUEST", A),
    # meetings held, attended or told as negotiations; leaders (plural) of a named body
    ("The leaders of the G-20 held a summit in Hangzhou on Sunday.", "CONSULT", A),
    ("Negotiations between Israel and Hamas took place in Cairo on Monday.", "CONSULT", A),
    # a call or a meal with a political counterpart
    ("President Putin had a telephone conversation with President Erdogan on Monday.", "CONSULT", A),
    ("Prime Minister Trudeau made a phone call to President Xi on Monday.", "CONSULT", A),
    ("The premiers sat down for a working dinner on Sunday with Finance Minister Bill Morneau.", "CONSULT", A),
    ("The Italian premier attended the summit in Hangzhou on Sunday.", "CONSULT", A),
    ("Leaders of the G7 met in Biarritz on Saturday.", "CONSULT", A),
    # a verb's scope ("tried") is not its conjunct's
    ("Jones tried to avoid arrest but was detained in Dayton on Friday.", "Arrests", A),
    # a yes-no question asks whether it happened
    ("Did Russian jets bomb the convoy near Aleppo on Monday?", "Air/drone strike", H),
    # a vote is the act voted; local officials act politically; "for questioning" is the police's
    ("The commissioners voted 3-2 to deny a request from the constable for a larger car.", "REJECT", A),
    ("Gillen and Vasquez were picked up for questioning on Saturday afternoon.", "Arrests", A),
    ("Gillen is facing a felony stealing charge.", "ACCUSE", A),
    ("A former network leader being prosecuted in a man's death said he was not guilty.", "ACCUSE", A),
    # a topic talked, with the party in a "with" phrase further on
    ("Prime Minister Justin Trudeau talked trade during a telephone call on Tuesday with Chancellor Angela Merkel.",
     "CONSULT", A),
    # a prison term is a sentence, not an arrest
    ("A failed asylum seeker was jailed for 11 months on Friday for using a fake passport.", "SANCTION", A),
    # a company's officer is no police officer: killing one is an attack on a civilian
    ("Gunmen killed the chief executive officer of a bank on Monday.", "Attack", A),
    # a crowd of demonstrators told by its number, or beside a named marcher, whatever its verb
    ("Thousands of protesters poured into the streets of Minsk on Sunday.", "Peaceful protest", A),
    ("She and hundreds of other demonstrators moved through the city early on Sunday.", "Peaceful protest", A),
    # an arrest is not the violence it follows, though one verb joins them
    ("Soldiers killed two militants and arrested five others in Kandahar.", "Arrests", A),
    ("Soldiers killed two militants and arrested five others in Kandahar.", "Armed clash", A),
    # what one commits to is still to come
    ("Clinton and Lavrov committed the two countries to negotiate a new arms treaty by the end of the year.",
     "CONSULT", F),
    # "found X guilty": the parser makes "guilty" a clause of its own; a desecration
    # and a consultation are events as their verbs are
    ("A jury in Harlan County found the defendant, Mark Ellis, 41, of Lynch, guilty of burglary on Monday.",
     "SANCTION", A),
    ("Vandals desecrated four graves at the town cemetery overnight, police said.", "Looting/property destruction",
     A),
    ("The prime minister and the king consulted by phone on Wednesday, the palace said.", "CONSULT", A),
    # an unarmed crowd fighting police riots, it fights no battle; stones thrown at someone riot.
    # Fans riot as a mob; students, youths or residents against police or troops demonstrate
    # violently (the coding of three blind rounds' annotators, docs/annotation.md)
    ("Hundreds of fans clashed with riot police after the match, throwing bottles and stones.", "Mob violence", A),
    ("Students clashed with police at the university gates on Tuesday.", "Violent demonstration", A),
    # youths are townsfolk who riot, though the tagger takes "Youths" after a dateline for a name
    ("Young people clashed with riot police in two suburbs on Monday night.", "Violent demonstration", A),
    ("Tunis, May 3 (TAP) - Youths and security forces clashed for a second night on Sunday.",
     "Violent demonstration", A),
    # what burns with no object is what was burnt, not the one burning it
    ("The strike march ended with clashes between hooded protesters and riot police, a police post burned in "
     "the south and buses were damaged, officials said.", "Violent demonstration", A),
    # several bodies found with the marks of a killing are an attack's victims
    ("The bodies of four men were found dumped beside a highway outside the city on Friday.", "Attack", A),
    # troops reoccupying a town the gazetteer lacks regain ground
    ("The joint forces had reoccupied Quiterajo by Wednesday, the army said.",
     "Government regains territory", A),
    ("Youths threw stones at police in the old city on Friday.", "Violent demonstration", A),
    ("Dozens of young men hurled rocks at soldiers near the checkpoint.", "Violent demonstration", A),
    ("Inmates threw rocks at guards during the disturbance.", "Mob violence", A),
    ("Protesters hurled rocks at officers outside the embassy.", "Violent demonstration", A),
    ("Demonstrators pelted the police with stones and bottles.", "Violent demonstration", A),
    ("Gunmen clashed with police in the north of the city on Monday.", "Armed clash", A),
    # an order or a decree that imposes something imposes it (its issuer does); a state of
    # emergency declared mobilises
    ("The governor signed an executive order imposing a curfew on the city on Sunday.", "COERCE", A),
    ("The president issued a decree imposing a state of emergency in the province.", "MOBILIZE", A),
    ("The government had decreed a state of exception in both provinces for 45 days.", "MOBILIZE", A),
    ("Transnistria declared a red terror alert on Monday.", "MOBILIZE", A),
    # communities fighting each other are a mob (docs/annotation.md), named by their kind
    ("Ethnic clashes broke out in the southern districts of the city on Monday.", "Mob violence", A),
    ("Clashes between herders and farmers left 13 dead near the village on Saturday.", "Mob violence", A),
    # a participle after the noun makes the phrase with it, as its verb's object would
    ("The measure follows a three-month state of emergency declared in the eastern province on Sunday.", "MOBILIZE",
     A),
    # a taking by people who hold no office is an abduction, whatever verb tells it
    ("Relatives of the kidnapped traders detained three men from a neighbouring village on Sunday.",
     "Abduction/forced disappearance", A),
    # mourners at a protest's funeral are its crowd: the security forces' fire on them is excessive force
    ("Thousands of protesters marched in the city on Tuesday. On Wednesday security forces opened fire on mourners "
     "gathered at the cemetery.", "Excessive force against protesters", A),
    # "the strike" and "similar strikes" after a general strike are that strike, though the
    # report also tells of drone strikes
    ("Drones struck the bases of the opposition parties on Monday. Shops closed on Wednesday in a general strike. "
     "Similar strikes were reported in four other towns.", "Peaceful protest", A),
    # roads blocked by demonstrators: ACLED counts road-blocking with barricades among a
    # violent demonstration's acts; the authorities closing a road stage no protest
    ("Farmers blocked the highway with tractors on Monday.", "Violent demonstration", A),
    ("Truckers blocked the main border crossing on Monday, demanding lower fuel taxes.", "Violent demonstration", A),
    # a suspect who gives himself up is arrested: an arrest, no agreement
    ("Jane Roe, 29, turned herself in at the county jail on Monday.", "Arrests", A),
    ("John Smith, 34, surrendered to police on Tuesday.", "Arrests", A),
    ("Two protesters turned themselves in to police on Wednesday.", "Arrests", A),
    ("Pruitt surrendered at the jail at about 8 p.m. on Tuesday.", "Arrests", A),
    ("The gunman surrendered after a four-hour standoff with officers.", "Arrests", A),
    # a strike aimed at something is an attack on it, whoever else the sentence names
    ("In late May, a strike on a busy market in Ariha killed 10 people, and rescue workers said a bakery was "
     "damaged.", "Attack", A),
    # communities or crowds fighting with stones, no gun or armed group named, riot
    ("Communal clashes broke out in the town on Sunday during a religious procession.", "Mob violence", A),
    ("Members of both communities clashed, throwing stones at each other.", "Mob violence", A),
    ("A police post was attacked with stones and petrol bombs on Monday.", "Mob violence", A),
    ("Aircraft dropped incendiary bombs on the village on Monday.", "Air/drone strike", A),
    # rioting over a grievance is a demonstration turned violent; rioting alone a mob's;
    # rioting "after" which a curfew was imposed is its own happening
    ("Riots over the price of bread broke out in Khartoum on Friday.", "Violent demonstration", A),
    ("Two days of rioting left two people dead.", "Mob violence", A),
    ("Authorities imposed a curfew on the capital on Friday after two days of rioting over power cuts left two "
     "people dead.", "Violent demonstration", A),
    # accusations traded; addresses raided by the police
    ("Saudi Arabia and Iran traded accusations over weapons and airstrikes on Monday.", "ACCUSE", A),
    ("Police raided 30 addresses in the capital on Tuesday.", "COERCE", A),
    # people put out of their homes or a camp by the authorities
    ("Police evicted about 80 families from a squatter camp on the edge of the city on Monday.", "COERCE", A),
    # strikers or demonstrators clashing with police riot as demonstrators; stun grenades the
    # police threw are their crowd control, no riot; a riot met by force stays a riot
    ("Striking teachers clashed with police in several cities in southern Peru on Wednesday.",
     "Violent demonstration", A),
    ("Protesters threw stones at police, who fired tear gas.", "Violent demonstration", A),
    # diplomats ordered to leave are expelled
    ("Russia on Wednesday ordered two Latvian diplomats to leave the country.", "SANCTION", A),
    # a baton charge on demonstrators (South Asia's "lathi-charge") is no charge laid
    ("Police lathi-charged the protesters outside the collectorate.", "Protest with intervention", A),
    # a base overrun while soldiers are killed is attacked, no one in it captured; a crowd
    # storming a building riots, it searches nothing
    ("On Thursday a crowd stormed the building, looted computers and set it on fire.", "Mob violence", A),
    # a brawl is no battle: the police ending it and arresting people arrest them; a fight
    # between demonstrators and others is a violent demonstration
    ("Police broke up a large fight at the fairgrounds and arrested four people.", "Arrests", A),
    ("Riot police broke up a fight between protesters and counter-protesters.", "Violent demonstration", A),
    ("The suspect surrendered on the warrants on Tuesday afternoon.", "Arrests", A),
    ("Several people who had been inside the home surrendered to police by 7 p.m.", "Arrests", A),
    ("After three hours of negotiations, the suspect agreed to surrender himself to police.", "Arrests", A),
    # "it" taken back is the place the sentence named before it
    ("Rebels seized the airport on Monday, but troops retook it on Wednesday.", "Government regains territory", A),
    # ... or, with none there, the object of the sentence before
    ("Militants seized the town of Dara on Monday. The army retook it on Wednesday.", "Government regains territory",
     A),
    ("Militants overran the army base near Kunduz. Troops later recaptured it.", "Government regains territory", A),
    # tear gas fired in shells, batons charged: crowd control, not artillery, not a charge laid
    ("Police fired teargas shells at the crowd outside the court on Sunday.", "Protest with intervention", A),
    ("Police charged batons on the demonstrators near the intersection on Monday.", "Protest with intervention", A),
    # a population's communications cut or its gatherings banned is coercion, not a sanction
    ("The district administration suspended mobile internet services in the town on Thursday.", "COERCE", A),
    ("Officials imposed prohibitory orders in the district after the violence.", "COERCE", A),
    ("Police filed cases against 300 unnamed people over the violence on Sunday.", "ACCUSE", A),
    ("The accused have been booked under sections of the penal code on Friday.", "ACCUSE", A),
    ("Members of both communities pelted stones at each other near the temple.", "Mob violence", A),
    # mines and gunfire on a convoy are an ambush, a battle; arms seized beside soldiers
    # killed capture no one
    ("Resistance fighters detonated mines and opened fire on the army convoy near the village on Saturday.",
     "Armed clash", A),
    ("The group said its fighters had killed more than 20 soldiers and seized large quantities of arms.",
     "Armed clash", A),
    # a public figure shot is political violence, not a crime between persons
    ("A community leader was shot dead outside his home by two men on Friday.", "Attack", A),
    # a vehicle loaded with explosives is a car bomb, not a crash
    ("A motorcycle loaded with explosives blew up outside a police station on Sunday, wounding four officers.",
     "Remote explosive/landmine/IED", A),
    ("Two other men were wounded by live fire during the raid on Monday.", "Attack", A),
    ("A police van was set alight outside the hotel on Saturday night.", "Looting/property destruction", A),
    # ACLED: a foreign state's forces taking a place overtake territory; from a state, with no
    # fighting, the transfer is non-violent (guards the order of the two)
    ("Russian forces took the town of Vuhledar in Ukraine's Donetsk region in October.",
     "Non-state actor overtakes territory", A),
    ("Russia seized Crimea from Ukraine in 2014.", "Non-violent transfer of territory", A),
    # a state's strikes that kill or hit, no other weapon named, are air strikes
    ("Israeli strikes killed 12 people in the north of the strip on Monday.", "Air/drone strike", A),
    # South Asian and Turkish usage: the martyred are killed; a checkpost is a post; militants
    # who storm make no weather; troops who encounter armed rebels fight them
    ("Three policemen were martyred when militants attacked a checkpost in the district on Tuesday night.",
     "Armed clash", A),
    ("Four policemen martyred as militants storm checkpost in Bannu", "Armed clash", A),
    ("Troops encountered about 20 armed rebels near the village on Sunday morning.", "Armed clash", A),
    # thrown missiles are a crowd's (British usage), not artillery
    ("Missiles were thrown at police lines as the crowd grew.", "Mob violence", A),
    # a nominalised verb with its object is the verb phrase ("exchanged fire")
    ("The exchange of fire between the troops and the gunmen lasted an hour.", "Armed clash", A),
    # gunmen killed by forces fell in the fighting, whatever bomb opened their assault; a bomb
    # that kills them is a bombing (guard)
    ("Security forces ended a siege at a hotel in the capital late on Sunday, killing four gunmen who had "
     "stormed the building after a car bomb blew open its gate.", "Armed clash", A),
    ("A car bomb exploded at the gate, killing four gunmen.", "Remote explosive/landmine/IED", A),
    # a band of people who attack, with no gun fired, is a mob, in a match's report too (the
    # game's own "attacked" is no violence: guard below, in NO_EVENT)
    ("Groups of men on scooters attacked visiting supporters near the stadium late on Thursday night.",
     "Mob violence", A),
    ("A group of about 30 men ambushed travelling fans at the station, kicking and punching them.",
     "Mob violence", A),
    # organised crime's killings are armed violence; a killing in the police's operation is the
    # police's, whatever crime the operation pursued (guard: a robber's shooting stays crime)
    ("A man described by investigators as a member of a Camorra clan was shot dead in the port district on "
     "Wednesday, the latest in a string of killings linked to the drug trade.", "Attack", A),
    ("Two suspected drug dealers were killed in a police anti-narcotics operation in the village early on Monday.",
     "Attack", A),
    # people picked up where the sentence tells of custody or charges were arrested
    ("At least 20 young men were picked up and taken to the gendarmerie on Monday.", "Arrests", A),
    ("The accused, who were picked up on Sunday, appeared before a magistrate on charges of unlawful assembly.",
     "Arrests", A),
    # a fight whose with/between phrase names protesters is a demonstration turned violent
    ("By noon, running battles had erupted between protesters and heavily armed police in the old town.",
     "Violent demonstration", A),
    # what a drone destroyed is the drone strike (guard: drones destroyed are weapons disrupted)
    ("The army said its drones had destroyed rebel combat vehicles north of the city on Monday.",
     "Air/drone strike", A),
    ("Troops destroyed two drones over the border on Monday.", "Disrupted weapons use", A),
    # a home firebombed, or petrol bombs thrown into it by no crowd named, is an attack on its people
    ("A family of four fled their burning home after it was firebombed on Sunday.", "Attack", A),
    ("Petrol bombs were hurled through the front window of a terraced house at around 2am.", "Attack", A),
    # a measure an authority announces or declares is put in force: its decree is the act
    ("On Wednesday the government announced a nationwide curfew from 3pm to 7am.", "COERCE", A),
    ("Police declared a security zone covering large parts of the district on Monday evening.", "COERCE", A),
    ("Police charged the protesters with public disorder on Monday.", "ACCUSE", A),  # guard: a charge laid
    # a convoy of commercial lorries carries civilians, not troops (guard: an army convoy)
    ("Gunmen ambushed a convoy of commercial lorries on the road between the two towns late on Thursday.",
     "Attack", A),
    ("Gunmen ambushed an army convoy on the road between the two towns late on Thursday.", "Armed clash", A),
    # "personnel" and "men" of a force count that force's people, as "members" do
    ("Two personnel of the Frontier Corps were killed when militants attacked their convoy on Monday.",
     "Armed clash", A),
    # a blast in a game's report is no game's word
    ("On Saturday night, an explosion hit the town's gymnasium as hundreds of spectators watched a game of a local "
     "basketball tournament.", "Remote explosive/landmine/IED", A),
    # arrests are their own event, not the march or the clashes they followed
    ("Police detained 30 people after a march demanding justice for the stadium collapse in Tetovo, which killed 12 "
     "fans, ended in clashes outside parliament late on Tuesday.", "Arrests", A),
    ("Hundreds protest in the capital; dozens detained after clashes", "Arrests", A),
    # a body of a state or of its politics acts politically, however the actors stage names it
    ("The main opposition party demanded the resignation of the entire government and early elections.",
     "REQUEST", A),
    # held for questioning or on suspicion is detained
    ("Police said 23 people had been taken in for questioning.", "Arrests", A),
    ("Police said 21 men were held on suspicion of looting shops in the market on Sunday.", "Arrests", A),
    # fans fighting each other are a mob, not armed groups
    ("Clashes between rival ultras of the two clubs near the stadium left nine people injured on Saturday.",
     "Mob violence", A),
    # where civilians live or travel, attacked or fired on by no armed group named
    ("A passenger bus was fired on near the village of Songho on Sunday, wounding two travellers.", "Attack", A),
    # a taking by masked or unknown men is an abduction: no authority says it holds anyone
    ("The teacher was detained by masked men outside his school on Tuesday and has not been seen since.",
     "Abduction/forced disappearance", A),
    # a criminal case opened against someone accuses them
    ("Investigators have opened criminal cases against twelve organisers of the rally.", "ACCUSE", A),
    ("Clashes between Lazio and Napoli ultras in Rome left four people injured on Thursday.", "Mob violence", A),
    # the weapon of another happening the sentence tells after "hours before" is not this one's
    ("Four people, among them a woman and her teenage son, were killed late Sunday when militants attacked homes "
     "in the Abu Saida subdistrict, northeast of Baqubah, a security source in Diyala said on Monday, hours before "
     "a roadside bomb struck a minibus carrying farm workers on the road to the town.", "Attack", A),
    # "after armed men ... stormed": the parser's prepositional object is the verb's subject
    ("\"They took everything,\" said a farmer who fled to the town after armed men in military uniform stormed "
     "his village on Thursday.", "Attack", A),
    # people taken from their homes by no one named are taken into custody
    ("Two office bearers of the party were picked up from their homes on Tuesday night.", "Arrests", A),
    # a road blocked by people, whoever they are
    ("Youths burned tyres and briefly blocked a main road on Monday.", "Violent demonstration", A),
    # someone died in it: the event noun happened
    ("A suspect died in a shoot-out with police on Sunday.", "Armed clash", A),
    # resistance forces are an armed opposition, whatever the head word "forces" says alone
    ("Karenni resistance forces overran an army outpost near Loikaw on Friday.",
     "Non-state actor overtakes territory", A),
    # search, combing and cordon-and-search operations (the guideline's "raid or search")
    ("Police launched a combing operation in the hills after the ambush on Monday.", "COERCE", A),
    ("Joint teams launched a cordon-and-search operation in the forest belt of Poonch on Monday.", "COERCE", A),
    # a headline's next item after a comma, hung on the place as its apposition
    ("Houses burned in Bunia, gunfight with soldiers", "Armed clash", A),
    # the Levies are a state force: an attack on them is a battle
    ("Two Levies men were shot dead in an attack near Surab on Saturday.", "Armed clash", A),
    # a strike that is observed is a strike of shops and work
    ("A shutter-down strike was observed in Turbat on Monday against the killings.", "Peaceful protest", A),
    # a camp "for displaced people", though the parser hung the phrase on the verb
    ("Militiamen attacked Kalma camp for displaced people near Nyala on Sunday.", "Attack", A),
    # an aircraft shot at is the target, not the weapon
    ("A small passenger plane was fired on as it landed at the airstrip in Sinak on Tuesday.", "Attack", A),
    # a conjoined abduction with its own object is coded apart from the raid
    ("Gunmen stormed a police station in Zurmi and kidnapped 20 traders on Sunday.",
     "Abduction/forced disappearance", A),
    # a bomb made harmless, and a bomb made from a mortar round
    ("A second device was found nearby and was safely detonated by bomb disposal experts on Monday.",
     "Disrupted weapons use", A),
    ("Police said the bomb, made from a mortar round, was buried on the roadside and set off remotely as a patrol "
     "passed.", "Remote explosive/landmine/IED", A),
    # a raid on property that burned things and hurt no one
    ("About 30 rebels raided a banana plantation near Kapalong late Saturday, burning three trucks. No one was "
     "hurt.", "Looting/property destruction", A),
    # Frontier Corps men and a police force named as an organisation are state forces
    ("Two FC men were martyred when militants attacked their convoy in Kech on Monday.", "Armed clash", A),
    ("An IS attack killed two Federal Police members near Tuz Khurmatu on Monday.", "Armed clash", A),
    # armed groups fly drones
    ("PDF fighters attacked a junta column with drone-dropped bombs near Pauk on Sunday.", "Air/drone strike", A),
    # a police informer is a civilian; hacked to death
    ("Maoists hacked a villager to death in Bijapur on Sunday, accusing him of being a police informer.",
     "Attack", A),
    # a headline's bare participle of an attack verb is its passive
    ("VDP post attacked near Djibo", "Armed clash", A),
    # dissidents of a guerrilla are an armed opposition
    ("Dissidents of the former guerrilla attacked a police station in Jamundi with rifles on Saturday.",
     "Armed clash", A),
    # cattle driven off in a raid: no theft that leaves the killing out
    ("Two herders were killed and 300 cattle stolen in a night raid near Garsen on Sunday.", "Attack", A),
    ("Bandits rustled 200 cattle from herders near Zurmi on Saturday.", "Looting/property destruction", A),
    # people taken away
    ("Three miners were taken away by gunmen near Kayes on Monday.", "Abduction/forced disappearance", A),
    # a side clause's "it" is the convoy its main clause is about
    ("The convoy was returning to base when it came under heavy fire near Litan on Thursday.", "Armed clash", A),
    # shots traded are armed fighting, whoever trades them
    ("Two people were killed in an exchange of fire between cadres of two Naga political groups near Aboi on "
     "Tuesday.", "Armed clash", A),
]

# sentences that must yield no event counted as having happened
NO_EVENT = [
    # the wounded flown to a hospital: no troops moved
    "The two wounded soldiers were flown to a military hospital in Hermosillo on Sunday.",
    # the people a newsroom consulted are its sources, not parties to a meeting
    "Witnesses consulted by Reuters spoke of several hundred people involved in the clashes.",
    # a village "attacked" by critics is criticised
    "The village was attacked by critics of the dam project at a council meeting on Monday.",
    # what lands is no munition: a plane, a delegation
    "The minister's plane landed in the capital on Friday morning for two days of talks.",
    "A helicopter carrying the governor landed near the flooded villages on Sunday.",
    # no one held is no arrest
    "Police said no one was in custody as of Sunday evening.",
    # an account called untrue tells a denied act
    "The ministry said reports that a journalist had been detained were not true.",
    # to encounter weather, or a man the police were looking for, is no fight
    "Hikers encountered heavy rain near the village on Sunday.",
    "Officers encountered the man because they were searching for another suspect.",
    # a dateline's "occupied West Bank" describes the place; its capitals are no captor
    "RAMALLAH, occupied West Bank (AP) — The Palestinian cabinet met on Monday to discuss the budget.",
    # a site named by what became of it, with no one named doing it
    "A supermarket will open on the site of the old mill building razed last summer.",
    "An earthquake killed at least 97 people on the island of Sumatra.",
    # bodies found after a disaster, or one body found, are no attack told
    "Rescuers found the bodies of three hikers buried by the avalanche on Sunday.",
    "Police found the body of a woman dumped beside a road on Tuesday.",
    "A gas explosion at a chemical factory killed five workers.",
    "Floods destroyed hundreds of homes along the river.",
    # a thing, not anyone, did the harm
    "A woman was killed and five others were injured when a large tree fell on a wedding party.",
    "A four-year-old boy riding a scooter was hit by a car and killed on Sunday.",
    "She was struck by a Ford Crown Victoria driven by a 56-year-old man.",
    "An elderly woman was killed when a neighbor accidentally hit her with his car in a driveway.",
    "The minister visited a school and praised the teachers.",
    "The victory in the cup final was celebrated across the city.",
    "A government victory in Aleppo would not end the war.",
    "The rebels had no plans to surrender.",
    # a charge of evading arrest names the crime, not an arrest
    "Jones faces a charge of evading arrest in Palestine.",
    # recovering with nothing recovered named is no territory regained
    "The economy recovered in Ohio last year.",
    "Ohio recovered quickly after the storm on Monday.",
    "A man reported his car stolen from a parking lot in Dayton. Officers recovered it on Tuesday.",
    # a brawl: no battle, and a stabbing during one is crime, not an ACLED event
    "A 17-year-old was stabbed in the chest during a fight outside a bar early Saturday.",
    "Police broke up a fight between rival gangs.",
    # a game's contest words, and a person collected, not arrested
    "The home side attacked down the left and scored twice in the second half of the match.",
    "She picked up her children from school before the court hearing.",
    "A shopkeeper was shot dead by a robber during a drug theft on Monday.",
    # a road blocked by an armed group is no demonstration (nor by snow)
    "Rebels blocked the highway to the capital on Monday.",
    "Snow blocked the main street on Monday.",
    # a building cleared to build by no armed actor is a demolition, not destruction inflicted
    "The old school was razed last summer to make way for apartments.",
]

# sentences that must yield no event of any kind (PLOVER included) claimed to have happened
NO_CLAIM = [
    # guard: a team of engineers is no force
    "The company sent a team of engineers to fix the pipeline on Monday.",
    # guard: a rule of a building's is no authority's restriction
    "Smoking is prohibited in the building.",
    # guard: a family barricading itself in blocks no road
    "The family barricaded themselves inside the house as the gunmen approached.",
    # naming someone something, summoning the police, a press conference: no call or meeting
    "Senator Tom Hale called the governor a liar on Friday.",
    "The mayor called police after the fight.",
    "The minister held a press conference on Monday.",
    # "charge" aimed at someone or somewhere is a rush, not a charge laid
    "The bull charged into the crowd at the festival.",
    "The man charged at officers with a knife on Monday.",
    # a title is a name: "a project entitled: Supporting ..."
    "Over 70 students took part in a project entitled: Supporting more effective turtle conservation.",
    # a visit to the jail is no jailing
    "She went to the jail to visit her son on Sunday.",
    # a person described as accused is no case the report tells
    "Jane Fairfield, a woman accused of murdering her daughter, lives in Lebanon.",
    # a protest vowed is a protest planned, not a commitment to anyone
    "Opposition leaders and lawyers had vowed to sit-in at the parliament later Monday.",
    # a campaign's rallies: held by a candidate, spoken at, called so, or a rallying behind someone
    "In the weeks since Labor Day, Senator Ann Lee has held rallies before large crowds in Ohio.",
    "Speaking at a rally in Novi, Michigan, Tom Hale said the race was close.",
    "Thousands attended a campaign rally for the president in Lagos on Saturday.",
    "Obama Sees Insult if Voters Don't Rally for Ann Lee.",
    # a charity's or a neighbourhood's acts are private; "all" is no one in particular; a
    # question asked about something is no request
    "The Riverside Neighborhood Association is co-hosting a forum for council candidates with the Old Town "
    "Civic Association on Monday.",
    "The Edgar County Community Foundation agreed to be the custodians of the funds.",
    "To varying degrees, all agreed that the proposal would increase taxes on the rich.",
    "Matt Lauer asked Senator Ann Lee about her email scandal on Monday.",
    # a sale of anything but arms is trade; a question under investigation accuses no one
    "The state approved the sale of the old jail to the county on Monday.",
    "Police said exactly who did it remains under investigation.",
    # a topic talked is no party to talk with
    "City Council talks money.",
    # a picture posted to no one in particular; a trouble complained of, no one accused
    "Governor Ann Lee shared a photo of her grandson on Sunday.",
    "Local farmers are complaining about their struggle to hire pickers this season.",
    # a reporter's question declined is a comment declined; a go-ahead given is no aid
    "The ministry declined to make the general available for an interview.",
    "The president gave his go-ahead on Monday to the signing of a border treaty with Oman.",
    # a cooking demonstration at a fair; a list rounded up; people named by a charge
    "Cooking demonstrations held throughout the afternoon will show visitors how to can tomatoes.",
    "The newsletter rounded up a sampling of the ways the project had gone over budget.",
    "As a young lawyer she defended people accused of fraud in the county court.",
    # a ring broken up, and its members arrested, by no force named in a claim about a politician
    "The senator is breaking them up and arresting those involved in their operation.",
    # a charge undone is none laid; a prosecutor's career of cases accuses no one
    "Prosecutors dropped the indictment against the mayor on Monday.",
    "A judge dismissed the indictment against the mayor on Monday.",
    "She spent ten years prosecuting cases for the attorney's office.",
    # one's own obligation, or an obliged economy, is no demand; signing a book no agreement
    "The minister said he must leave the meeting early.",
    "The bank said the economy should grow next year.",
    "The ambassador signed the guest book at the memorial.",
    "She sent a letter to the editor of the local newspaper.",
    # many incidents told as one are an aggregate, not an event
    "The two presidents held several meetings about the disputed border.",
    # talk with no one to talk with; words or a sign offered or given; a verb "tour"
    "The senator talked about bringing communities together at the rally.",
    "In his speech the president offered insights into his approach to business.",
    "The Trump administration gave a vote of confidence to the Saudi military on Thursday.",
    "The mayor toured the museum last week.",
    "The train's maiden trip from London to Amsterdam took three hours and 41 minutes.",
    # an aide is no aid; people crossing a border take no territory; a pounding in words
    "Obama's aides said the plan was ready.",
    "Hundreds of refugees entered Hungary on Monday.",
    "The family entered Canada on Monday after a long journey.",
    "Senate Minority Leader Harry Reid pounded Donald Trump on Tuesday.",
    # an activity named with no one doing it; a tally of citations
    "Rather than cooperating and finding what we have in common, he divides us.",
    "Deputies issued 584 citations for speeding in February.",
    # a disagreement with someone is no refusal; a news outlet's investigation; a drowning investigated
    "The American people do not agree with Trump.",
    "A CBC investigation found that the province paid the company millions.",
    "Gwinnett County Police still are investigating the events that led to a 2-year-old drowning in a pool.",
    # lost or fell as no place does; a company's mines; given a go or an endorsement; a job offered
    "Paris and his wife have lost pets before, Paris said on Monday.",
    # caught on camera; children and passengers picked up
    "Police are looking for a third man, who was caught on camera.",
    "The children were picked up from school on Friday.",
    "The bus picked up passengers on Main Street on Friday.",
    "The company gained control of multiple underground mines in West Virginia.",
    "Restaurateur Bill Sohovich is giving Southridge another go.",
    "During the primaries, the Times gave Clinton a glowing endorsement.",
    "Boulder City Council offered Dublin City Manager Jane Brautigam a position as its city manager on Monday.",
    # what one will be unable to do, however many verbs it takes
    "The candidate will be unable to turn the crowd against the moderators and accuse the audience of bias.",
    # a noun's to-infinitive is what is meant to happen ("rationales to veto")
    "The party's motives to boycott the vote remain unclear.",
    # giving information aids no one
    "The ministry gave details of the investigation to reporters on Monday.",
    "The governor did not give a motive for the decision.",
    "The government strengthened its ties with China.",
    # moving things that are not forces is no change to an armed group's activity
    "Salt trucks have been deployed on main roads across the city.",
    # the aggregate modifier sits on the first of the listed attacks
    "Ten people were killed and dozens injured in separate gun, bomb and knife attacks across the country.",
    # an attempt named on the noun did not succeed; a headline's "X to do Y" is to come
    "The attempted assassination of the governor shocked the town.",
    "Victims' families to sue the government over the collapse, lawyers say",
    # a round toll in the perfect, with no day of its own, sums many incidents
    "Dozens have been killed in sectarian clashes.",
    # the people violence left, named as such, are no second incident
    "The injured included a police officer and two nurses.",
    # a weather warning threatens no one; a phenomenon strikes no one; a kind of activity
    # named as a subject is no happening
    "The Met Office warned of fog and icy roads throughout Saturday evening.",
    "Our country has been struck by radical Islamic terrorism.",
    "Recruiting and radicalizing young men is central to the group's strategy.",
    # no one in particular accuses; one visits a market, one does not meet it
    "The mayor, whom many blame for the lack of tourists, left the city.",
    "The president was visiting a local market in the city when it began to rain.",
    # a time after a verb is no particle of it
    "He had called in sick for the previous three days.",
    "On Friday, the minister called the provinces' demands for more money out of the question.",
    # what is fought, attacked or clashed with is no one: a fire, an illness, an idea
    "Crews spent the night fighting a warehouse fire on Main Street.",
    "The governor's overseas trips came under fire during the campaign.",
    "The new jail plan clashes with the downtown revitalization effort.",
    "The chief of staff has also clashed with the president's son-in-law.",
    # a game's contest words
    "The two teams will clash again next week in the second leg in Madrid.",
    "The Tigers stormed their way to a 30-10 victory over the Royals on Saturday.",
    "The team rallied from an early deficit to knock out the defending champions.",
    # to demonstrate something is to show it; a strike with an object hits it
    "The two firms are demonstrating their faith in the district's future.",
    "A demonstration of military power is the only option left.",
    "The car went up an embankment and overturned, striking a tree.",
    # a territorial verb that takes no place; things deployed or gone that are no forces or people
    "Police recovered her stolen car in Athens two days later.",
    "Before the United States entered World War II, many pilots flew for China.",
    "The search ship arrived in the area on Monday and launched the drones.",
    "The airbags deployed when he crashed into a tree.",
    "The jet disappeared in March 2014 with 239 people on board.",
    # a unit is no shelling; "no gun" found none; a kind of act under a law; a part in a war
    "Volunteers have pulled more than 300,000 pounds of trash from the river since 2001.",
    "Although no gun was found, deputies searched the house.",
    "Marital rape would be outlawed under the new bill.",
    "He had fought in World War I.",
    "The police shootings of African Americans across the country have caused unrest.",
    # resigned to something; a hazard threatens; a standing or scheduled offer is no commitment
    "She has more or less resigned herself to renting.",
    "A fast-moving brush fire threatens to close the highway today.",
    "The Paris Public Library will offer a workshop for job seekers on March 31.",
    "Oak Ridge offers the course twice per year.",
    # a plan "calls for" what it specifies; an appeal to the public; a question; a goal
    # met; treatment declined
    "The plan calls for cutting every department by ten percent.",
    "Transportation officials urged motorists to remain alert near the toll plaza.",
    "The spokesman asked why the women had waited so long to complain.",
    "Only one of 22 cabinet agencies met the 15 percent goal.",
    "The paramedics said the driver declined treatment at the scene.",
    # a price charged, an accident investigated, a fault blamed, a want that is no warrant
    "In Boise, users are charged by the volume of water they use.",
    "Berlin police are investigating the crash.",
    "The outage was mostly blamed on electrical faults.",
    "He explained what they wanted for bait.",
    # alerting someone tells them; "a call on Sunday" is a telephone call (a release on bail
    # detains no one: tests/extractors/test_releases.py)
    "Officer Joe Smith alerted the detective that the man he had questioned was wanted.",
    "The hunter was found after a call on Sunday, November 27, 2016.",
    "The house caught fire on Monday.",
    # an investigation that names no one accuses no one; what a kind of incident is said
    # to be is no incident
    "State police are investigating after a body was found near the river on Sunday.",
    "Police are investigating.",
    "Skirmishes are common along the border, where smugglers often fire at patrols.",
    # a private party's request or agreement is no political act (docs/annotation.md);
    # a rent charged is a price; dismissing officials is no rejection
    "Acme Holdings Inc. has asked the county to rezone the land near the highway.",
    "The homeowners agreed to share the cost of the new fence.",
    "Several customers have accused the contractor of shoddy work.",
    "The rent she charges covers the cost of repairs.",
    "The president dismissed three ministers on Friday.",
    # harm done to oneself; an incident told as repeated; a position defended
    "A retired officer shot himself in the parking lot of a hospital on Monday.",
    "Former soldiers in that state were killing themselves at twice the national rate last year.",
    # what police say or do in a chase is no aid; an office or a treatment sought asks no one
    "Two officers gave chase on Monday.",
    "The trooper gave commands for the driver to step out of the truck on Friday.",
    "Officer Dana Ruiz was providing assistance at the scene on Friday, the chief said.",
    "Senator Smith is seeking re-election in November.",
    "Last year, 40 soldiers sought medical treatment for burns, according to the report.",
    # a private person's refusal, a plea to a relative: no act between political actors
    "The driver refused to stop and sped away on Friday.",
    "She urged her husband to leave the house on Sunday.",
    "Over the past fortnight his car has been vandalised twice.",
    "The former leader is defending his group's practice.",
    # a burglary's "break and enter"; "nobody" under investigation; a trade group's appeal;
    # a sports body's charge
    "Officers responded to a call for a break and enter on Elm Street on Monday.",
    "Investigators said nobody specific was under investigation.",
    # "not a single" / "not one" negate their noun: no one did it
    "Not a single family in the camp agreed to return to the village on Monday.",
    "Not one of the protesters was detained by police on Saturday, organisers said.",
    "An auto manufacturers trade group urged the president to act on Monday.",
    "European football's governing body charged the club after objects were thrown during the match.",
    "While the burn ban has been lifted, residents of the city still need a permit to burn.",
    # a view shared or agreed with; police talking a suspect out; "nor";
    # a yes-no question; a promise read off "will" (a candidate, never a claim)
    "Many leaders of ethnic communities in Chicago share these apprehensions.",
    "Anderson largely agreed with McLenny in Chicago on Monday.",
    "While the sergeant continued negotiation with the suspect, officers waited outside.",
    "Trump has given no formal order to pull out the troops, nor offered a public timetable.",
    "But has he called for changing any of the provisions that benefit him?",
    "The university president said he will give up his pay raise to fund scholarships.",
    # a fight between persons; a standing backing named; a perspective provided
    "Her ex-boyfriend started a fight with her in Dayton on Friday and hit her in the face.",
    "The Syrian government, backed by Russia and Iran, is committing war crimes, the envoy said.",
    "The channel is providing a perspective viewers will not find elsewhere, its editor said.",
    # a button pressed; a fire-safety rule lifted
    "The president was going to press the reset button in relations with Moscow.",
    "The county commissioners court lifted the five-week-old burn ban on Tuesday.",
    # staff dismissed; an accusation dismissed (a denial); a brawl one person starts
    "Commissioners voted to dismiss the assessors on Monday night.",
    "Russia dismissed the accusations as nonsense.",
    "Police said Williams started the fight and hit her.",
    # thoughts shared, tweets defended, a position long held, a greeting, a visit to sites
    "The governor came to share his thoughts on the state's economy on Monday.",
    "Trump is defending his early-morning tweets, saying they were justified.",
    "President Obama has long called for tax fairness.",
    "As the president welcomed, the crowd in Richmond cheered on Monday.",
    "The successful visit by a Japanese delegation to production sites in the UK went well.",
    # avoidance verbs negate; a bare "agreed" assents to a view; protests overridden are objections
    "The opposition is steering clear of criticizing the president over the tax plan.",
    "The rebels refrained from shelling the town on Sunday.",
    "Her brother agreed, but said the family still wanted answers.",
    "Despite their protests, the council approved the new budget on Monday.",
    # a topic discussed alone; an occasion hosted; a mining company's mines
    "Senator Burke went on to discuss the latest surveys from three swing states.",
    "Governor Smith hosted a fundraiser for the hospital on Saturday.",
    "The ministry hosted a workshop on Tuesday.",
    # talks to come
    "The senator kept her options open concerning future talks with Iran.",
    # a standing backing told by a participle; a fact sworn to
    "She is the model for the millions of Americans supporting the senator.",
    "The witness swore that he had never met the defendant before the trial.",
    # a negation under a condition is no refusal
    "The farmer fears the worst if the health minister does not support the family.",
    # fighting to do something with no armed side; clearance not yet given; a name called
    "The two airlines are fighting to protect their shrinking market share.",
    "The federal government has not yet given clearance for the county's use of the funds.",
    "The television doctor has been called a charlatan by fellow physicians.",
    "Many more children testified against defendants facing lesser offenses.",
    # a journey "to town" to discuss; a campaign office; a perspective provided; a warning to the public
    "Senator Burke came to town to discuss the economy and the budget deficit.",
    "The candidate opened his campaign headquarters at 12 Main St. on Saturday.",
    "CNN is providing a perspective you won't get from the other networks.",
    "The Food Standards Agency is warning people not to eat a frozen chicken product recalled by Tesco.",
    # harm done to oneself by an officer; a threat declined
    "A retired police officer, 76, shot himself in the parking lot of the station on Monday.",
    "This week, the president declined to threaten Moscow or even to declare it responsible.",
    # neither ... nor; a welcome given; a suspect who agreed to give himself up (the arrest is the event)
    "Neither the senator nor her aides have been charged with any crime.",
    "The mayor gave the welcome and did the introductions for the event.",
    # what a deal or a protocol "calls for" is its terms, no one's request
    "A deal announced on Thursday also calls for the city to pay the owners of the land.",
    "Secret Service protocol called for the nominee to be taken to a secure location.",
    "The firm is reclaiming its old mines so that coal country can build on the land.",
    # a call with a broadcaster, a gala dinner, a meal with friends: no consultation
    "She described her ordeal in an emotional phone call with CBC Toronto.",
    "The senator spoke at the foundation's annual gala dinner in Washington on Saturday.",
    "We had dinner with friends on Tuesday and talked about the weather.",
    # a presentation or a lecture given is no aid
    "Mayor John Harding gave a presentation on how far the restoration of the school had come.",
    "The governor gave a lecture at the university on Tuesday.",
    # an investigation of "the matter" accuses no one; a stone thrown at no one is no riot
    "He threw a stone into the lake.",
    "The governor declared the state a disaster area.",
    "He turned in the gun to investigators on Monday.",
    "Police blocked the road to the stadium on Sunday.",
    "The sheriff said he anticipated the two men surrendering to police later that day.",
    "The kids were throwing rocks in the creek when they found the body.",
    "Police began an investigation into the matter on Friday.",
    # riot police who charge a crowd rush at it; they accuse no one
    "Riot police charged the groups several times, witnesses said.",
]


def _extract_all(texts: list[str]):
    arts = [Article(id=f"t{i}", title="", text=t, published="2020-03-10") for i, t in enumerate(texts)]
    return list(extract_articles(arts))


@pytest.fixture(scope="session")
def extracted(nlp):
    texts = [row[0] for row in TABLE] + NO_EVENT + NO_CLAIM + [
        "Russia and China on Monday vetoed a United Nations resolution.",
        "The rebels launched shells into west Aleppo on Tuesday, killing 11 people, the official news agency reported.",
        "The village was shelled by government forces.",
        "Government shelling of the village killed three children.",
        "The army's shelling of the village continued overnight.",
        "Rebels attacked an army post on Monday, and on Tuesday an airstrike hit a market in the town.",
    ]
    exs = _extract_all(texts)
    return {t: ex for t, ex in zip(texts, exs, strict=True)}


@pytest.fixture(scope="session")
def nlp():
    from sitrep.extractors.parse import load_nlp
    return load_nlp()


def _label(e) -> str:
    return e.sub_event_type if e.sub_event_type else e.plover


def _events_where(text: str, keep, published: str = "2020-02-05") -> tuple[list, list[str]]:
    """The events of one extracted text that `keep` accepts, and every event explained (for
    an assertion's message)."""
    import sitrep
    ex = sitrep.extract(text, published=published)
    return [e for e in ex.events if keep(e)], [events.explain(e) for e in ex.events]


def _report_told_at(text: str, published: str, word: str) -> tuple[list[dict], list]:
    """The reader's path (the first line is the headline): the events one of whose mentions
    holds `word`, and every event, for an assertion's message."""
    from sitrep.evaluate import extract_records
    evs = extract_records([{"id": "h", "title": "", "text": text, "published": published}])["h"]["events"]
    at = text.index(word)
    why = [(e.get("sub_event_type"), e.get("timing"), e.get("date_start"), e.get("mentions"), e.get("rule"))
           for e in evs]
    return [e for e in evs if any(a <= at < b for a, b in e.get("mentions") or [])], why


def test_table_is_large_and_covers_every_type():
    assert len(TABLE) >= 80
    subs = {row[1] for row in TABLE}
    acled = {r.sub_event_type for r in events.lexicon().types.values() if r.sub_event_type}
    assert acled <= subs, acled - subs
    assert {A, C, H, N, D, F} <= {row[2] for row in TABLE}


@pytest.mark.parametrize("sentence,expected,certainty", TABLE, ids=[r[0][:40] for r in TABLE])
def test_sentence_typed(extracted, sentence, expected, certainty):
    evs = extracted[sentence].events
    labels = [(_label(e), e.certainty) for e in evs]
    hits = [e for e in evs if _label(e) == expected]
    assert hits, f"{expected!r} not in {labels}\n" + "\n".join(events.explain(e) for e in evs)
    assert any(e.certainty == certainty for e in hits), labels


@pytest.mark.parametrize("sentence", NO_EVENT)
def test_no_event_happened(extracted, sentence):
    evs = [e for e in extracted[sentence].events if e.event_type and e.certainty in (A, C)]
    assert not evs, [(e.sub_event_type, e.certainty, e.rule) for e in evs]


@pytest.mark.parametrize("sentence", NO_CLAIM)
def test_no_claim(extracted, sentence):
    claims = [e for e in extracted[sentence].events
              if e.certainty in (A, C) and e.timing != "generic" and (e.confidence or 0) >= 0.5]
    assert not claims, [(e.plover, e.certainty, e.timing, e.confidence, e.rule) for e in claims]


def test_every_event_has_acled_strings_and_plover(extracted):
    types = events.lexicon().types.values()
    pairs = {(r.event_type, r.sub_event_type) for r in types}
    plover = {r.plover for r in types}
    for ex in extracted.values():
        for e in ex.events:
            assert (e.event_type, e.sub_event_type) in pairs
            assert e.plover in plover
            assert e.trigger and e.rule
            assert ex.article.text[e.start:e.end] and e.start < e.end


def test_coordinated_actors_both_kept(extracted):
    ev = [e for e in extracted["Russia and China on Monday vetoed a United Nations resolution."].events if e.plover == "REJECT"]
    assert len(ev) == 1
    names = [ev[0].actor1.name] + [a.name for a in ev[0].assoc_actor1]
    assert any("Russia" in n for n in names) and any("China" in n for n in names)
    assert ev[0].actor1.country == "RUS"


def test_one_record_per_happening_and_fatalities(extracted):
    ex = extracted["The rebels launched shells into west Aleppo on Tuesday, killing 11 people, the official news agency reported."]
    acled = [e for e in ex.events if e.event_type]
    assert len(acled) == 1
    e = acled[0]
    assert e.sub_event_type == "Shelling/artillery/missile attack"
    assert e.actor1.kind == "rebels"
    assert e.fatalities is not None and e.fatalities.low == 11
    assert e.date_start == "2020-03-10"


@pytest.mark.parametrize("text, kind, not_kind", [
    # "the bombing" in a report of drone strikes that names no bomb planted is the strikes'
    ("Russian attack drones struck residential districts of the city overnight, the regional governor said. At "
     "least four people were killed and 19 injured in the bombing, he said.", "Air/drone strike",
     "Remote explosive/landmine/IED"),
    ("A car bomb exploded near the market on Monday. Three people were killed in the bombing.",  # guard
     "Remote explosive/landmine/IED", "Air/drone strike"),
])
def test_a_bombing_is_the_weapon_its_report_names(text, kind, not_kind):
    evs = _extract_all([text])[0].events
    kinds = {e.sub_event_type for e in evs if e.certainty in (A, C)}
    assert kind in kinds and not_kind not in kinds, kinds


def test_strikes_the_tagger_reads_as_a_present_verb_are_a_days_air_strikes():
    # "KAB" names Russia's guided aerial bombs; "strikes" with its own "on" phrase, subject of
    # "damaged", is a noun, not a habit in the present tense
    text = "On October 29, a series of KAB strikes on the eastern district damaged a clinic, officials said."
    evs = [e for e in _extract_all([text])[0].events if e.event_type]
    assert [(e.sub_event_type, e.timing) for e in evs] == [("Air/drone strike", "background")], evs


@pytest.mark.parametrize("text", [
    "Hours later, a riot broke out at the prison. Inmates set mattresses on fire and clashed in two cellblocks.",
])
def test_a_verb_whose_past_is_its_present_beside_a_past_conjunct_happened(text):
    # "set" tagged as a present: its conjunct "clashed" tells the past, not a habit
    evs = [e for e in _extract_all([text])[0].events if any("Inmates" in text[a:b] for a, b in e.mentions)]
    assert [e.timing for e in evs] == ["current"], [(e.sub_event_type, e.timing, e.rule) for e in evs]


def test_a_battle_and_an_attack_by_other_parties_in_one_sentence_are_two_incidents():
    text = ("Suspected rebel fighters have attacked a police post in the district town, killing at least one "
            "officer, as residents of a nearby village accuse soldiers of killing civilians and burning houses "
            "during a raid on Monday.")
    kinds = sorted(e.sub_event_type for e in _extract_all([text])[0].events if e.event_type)
    assert kinds == ["Armed clash", "Attack"], kinds


def test_two_happenings_in_one_sentence(extracted):
    ex = extracted["Rebels attacked an army post on Monday, and on Tuesday an airstrike hit a market in the town."]
    subs = sorted(e.sub_event_type for e in ex.events if e.event_type)
    assert subs == ["Air/drone strike", "Armed clash"]


@pytest.mark.parametrize("sentence", [
    "The village was shelled by government forces.",
    "Government shelling of the village killed three children.",
    "The army's shelling of the village continued overnight.",
])
def test_agent_from_by_phrase_modifier_and_possessive(extracted, sentence):
    evs = [e for e in extracted[sentence].events if e.event_type]
    assert evs and evs[0].sub_event_type == "Shelling/artillery/missile attack"
    assert evs[0].actor1 is not None and evs[0].actor1.kind == "state_forces", events.explain(evs[0])


@pytest.mark.parametrize("text", [
    "John Smith was shot and killed by a white officer after his car stalled on Friday.",
    "An officer shot and wounded a man outside a bar in Dayton on Friday.",
    "The man was shot by a sheriff's deputy during a traffic stop on Friday.",
])
def test_an_officer_who_shoots_is_the_police(text):
    """A lone "officer" or a sheriff's deputy who shoots is the police, not an
    unidentified armed group (guards the actor rows of event_triggers.csv)."""
    evs = [e for e in _extract_all([text])[0].events if e.event_type]
    assert evs and evs[0].actor1 is not None and evs[0].actor1.kind == "state_forces", [
        events.explain(e) for e in evs]


@pytest.mark.parametrize("text, plover", [
    ("DANBURY, Conn. - A Danbury man was charged with burglary on Monday, police said.", "ACCUSE"),
    ("DANBURY, Conn. - A Danbury man was sentenced to five years in prison on Friday.", "SANCTION"),
    ("DANBURY, Conn. - Two brothers were indicted on fraud charges on Friday.", "ACCUSE"),
    ("DANBURY, Conn. - A Danbury man was issued a citation for drunken driving on Friday.", "ACCUSE"),
])
def test_a_charge_or_sentence_by_no_one_named_is_the_authorities(text, plover):
    """ACLED's and PLOVER's way with a passive legal act: the accuser or the court is the
    country's authorities (a government actor), as an arrest by no one named is its police."""
    evs = [e for e in _extract_all([text])[0].events if e.plover == plover]
    assert evs and evs[0].actor1 is not None, [events.explain(e) for e in _extract_all([text])[0].events]
    assert (evs[0].actor1.kind, evs[0].actor1.country) == ("government", "USA"), events.explain(evs[0])


def test_a_relative_pronoun_acts_for_its_noun():
    """"Lopez, who met with ...": the agent is Lopez, not "who", so the meeting has the
    party a diplomatic word needs (guards the relative subject in event_clauses._subject)."""
    text = "Maria Lopez, who met with Governor Tom Hale in Austin on Monday, is expected to join the cabinet."
    evs = [e for e in _extract_all([text])[0].events if e.plover == "CONSULT" and e.trigger == "met"]
    assert evs and evs[0].actor1 is not None and evs[0].actor1.name == "Maria Lopez", [
        (e.plover, e.trigger, e.actor1) for e in _extract_all([text])[0].events]


@pytest.mark.parametrize("text, actor", [
    ("The president made clear his patience was running out as he met the defence minister on Tuesday.",
     "president"),
    ("Governor Ann Gold was in a hurry when she met the trade envoy on Tuesday.", "Ann Gold"),
])
def test_a_pronoun_in_a_side_clause_is_the_subject_it_hangs_on(text, actor):
    """"as he met ...": he is the main clause's subject when it can be a person (guards
    event_roles.main_clause_subject, which skips "his patience" for "the president")."""
    evs = [e for e in _extract_all([text])[0].events if e.plover == "CONSULT" and e.trigger == "met"]
    assert evs and evs[0].actor1 is not None and actor in evs[0].actor1.name.lower() + evs[0].actor1.name, \
        [(e.plover, e.trigger, e.actor1) for e in _extract_all([text])[0].events]


@pytest.mark.parametrize("text", [
    "President Donald Trump spoke on Monday. Trump met Putin in Helsinki on Tuesday.",
    "Governor Ann Gold spoke on Monday. Gold met Carlos Ruiz in Boise on Tuesday.",
])
def test_an_officials_bare_name_is_a_party_to_talks(text):
    """The office is given once, the bare name after; the tagger reads a repeat that opens
    its sentence as a common noun ("Trump", "Gold"), yet it still names the official whose
    meeting it is (guards event_typing._official_named)."""
    evs = _extract_all([text])[0].events
    assert any(e.plover == "CONSULT" and e.trigger == "met" for e in evs), [(e.plover, e.trigger) for e in evs]


@pytest.mark.parametrize("text", [
    "On Tuesday, the senator criticized Tulsa police officer Dana Reyes for shooting and killing John Smith.",
    "On Tuesday, the governor praised Tulsa police officer Dana Reyes for shooting and killing a gunman.",
])
def test_the_object_of_a_verb_of_blame_did_its_gerund(text):
    """"criticized officer Reyes for shooting": the police shot, not some unidentified
    group (guards _AGENTIVE_VERBS)."""
    evs = [e for e in _extract_all([text])[0].events if e.event_type]
    assert evs and evs[0].actor1 is not None and evs[0].actor1.kind == "state_forces", [
        events.explain(e) for e in evs]


def test_explain_names_trigger_roles_and_rule(extracted):
    ex = extracted["Rebels shelled residential areas of Donetsk overnight."]
    text = events.explain(ex.events[0])
    assert "trigger" in text and "shelled" in text and "rule" in text and "actor1" in text


# Where an event happened: not the dateline, not a nationality, not a place inside a
# name; the report's focus place when the sentence names none.
@pytest.mark.parametrize("text,place", [
    ("MOGADISHU, Somalia — A car bomb exploded at a checkpoint in Afgooye on Saturday, killing nine people.",
     "Afgooye"),
    ("The monitor, a Britain-based group, said Russian jets struck Aleppo on Monday, killing five people.",
     "Aleppo"),
    # a sentence that only says where the incident just told happened
    ("BOSTON (AP) — Officers shot and killed a man holding a knife on Tuesday. It happened shortly "
     "after noon in the Dorchester neighborhood, police said.", "Dorchester"),
    # a name after a title (plural too) is a person, though a town bears it
    ("Officers Smith and Jones were gunned down in Oakland on Saturday.", "Oakland"),
])
def test_event_place_is_where_it_happened(text, place):
    import sitrep
    ex = sitrep.extract(text, published="2020-02-04")
    typed = [e for e in ex.events if e.event_type]
    assert typed and typed[0].place == place


def test_the_hospital_the_wounded_were_taken_to_is_no_scene():
    import sitrep
    text = ("MARAWI, Philippines — Soldiers clashed with militants in Butig town on Sunday, the army said.\n\n"
            "Three soldiers were wounded and were airlifted to a hospital in Cagayan de Oro City.")
    places = {e.place for e in sitrep.extract(text, published="2020-02-04").events if e.event_type}
    assert places and "Cagayan de Oro City" not in places, places


# claimed by the rules themselves (not left to the sentence head): a meeting noun with no
# agent whose own phrase names political parties to it
@pytest.mark.parametrize("text,label", [
    ("The finance minister was entering a dinner meeting with his provincial counterparts on Sunday.", "CONSULT"),
    ("The governor asked for federal troops, but the White House overruled the request on Friday.", "REJECT"),
    ("The governor declared a state of emergency on Monday.", "MOBILIZE"),
    # the lesser states of exception: Guatemala's "state of prevention", Spain's "state of alarm"
    ("The government declared a 15-day state of prevention in El Estor on Tuesday.", "MOBILIZE"),
])
def test_claimed_by_a_rule(text, label):
    import sitrep
    ex = sitrep.extract(text, published="2020-02-05")
    hits = [e for e in ex.events if (e.sub_event_type or e.plover) == label and "sentence model" not in e.rule]
    assert hits and hits[0].confidence >= 0.5, [events.explain(e) for e in ex.events]


@pytest.mark.parametrize("text,place", [
    # a place on the instrument's phrase ("with a nerve agent in Salisbury") beats the dateline
    ("LONDON — A former intelligence officer and his daughter were poisoned with a nerve agent in Salisbury "
     "on Sunday, police said.", "Salisbury"),
    # a journey's destination
    ("WASHINGTON — President Obama paid a visit to Hanoi on Monday, the White House said.", "Hanoi"),
    ("WASHINGTON — President Trump visited the Saudi capital, Riyadh, on Monday.", "Riyadh"),
    # the one met may carry the meeting's place
    ("U.S. Secretary of State Hillary Clinton met Russian Foreign Minister Sergei Lavrov in Brussels on "
     "Friday.", "Brussels"),
    # a state's name with a road's number is the road, no place: the arrest is in the town
    ("LONDON, Ky. — Officer Travis Rogers stopped a car for speeding on KY 80 west on Tuesday. Police "
     "arrested the driver.", "London"),  # a dateline in capitals is named as a place is written
    # the people an act hits were where they were gathered
    ("Markets in Sanandaj stayed closed on Thursday, while security forces opened fire on mourners gathered at a "
     "cemetery in Mahabad.", "Mahabad"),
    # a settlement's noun says its name is a place, though no gazetteer holds it
    ("Insurgents attacked Ntokota town on Monday, killing five people.", "Ntokota"),
    # a lone name after "in" that the tagger calls a product is a place it does not know
    ("GLASGOW - Police said two cars were set alight in Barlanark within 20 minutes of each other on Sunday "
     "night.", "Barlanark"),
    # "over the whole of X": where a measure applies
    ("Chad's Council of Ministers, meeting in N'Djamena, declared a state of emergency over the whole of Ouaddai "
     "on Tuesday.", "Ouaddai"),
    # what "control of" holds is what was taken, where it stands the capture was
    ("SITTWE, Myanmar - The Arakan Army said it took full control of the military's outpost in Kyauktan "
     "village, in Rathedaung Township, on Tuesday.", "Kyauktan village"),
])
def test_an_event_is_placed_by_its_own_phrases(text, place):
    import sitrep
    ex = sitrep.extract(text, published="2020-02-05")
    assert ex.events and ex.events[0].place == place, [events.explain(e) for e in ex.events]


def test_what_a_meeting_discusses_is_no_place():
    import sitrep
    ex = sitrep.extract("MOSCOW — President Putin discussed Syria with President Erdogan by phone on Monday.",
                        published="2020-02-05")
    talks = [e for e in ex.events if e.plover == "CONSULT"]
    assert talks and talks[0].place != "Syria", [events.explain(e) for e in ex.events]


@pytest.mark.parametrize("text, consult", [
    # an official speaking after a meeting that was held attended it (guards
    # event_typing._attended_by_official and event_clauses._TOOK_PLACE)
    ("Chancellor Olaf Scholz spoke to reporters after the long meeting that was held on a river boat.", True),
    # a meeting nobody is said to hold, and a private person after it: no diplomacy
    ("Chancellor Olaf Scholz spoke to reporters after the long meeting.", False),
    ("The plumber spoke to reporters after the long meeting that was held on a river boat.", False),
])
def test_a_meeting_an_official_attended(text, consult):
    evs = _extract_all([text])[0].events
    got = any(e.plover == "CONSULT" and e.trigger == "meeting" for e in evs)
    assert got == consult, [(e.plover, e.trigger) for e in evs]


def test_an_unnamed_perpetrator_is_of_the_country_where_it_struck():
    import sitrep
    ex = sitrep.extract("PARIS — Gunmen shot dead two people in Brussels on Sunday, police said.",
                        published="2020-02-05")
    attack = [e for e in ex.events if e.event_type]
    assert attack and attack[0].actor1.name == "Unidentified armed group (Belgium)", \
        [events.explain(e) for e in ex.events]
    assert attack[0].actor2.name == "two people"  # "shot dead": the verb's result is no part of its victims


def test_a_dateline_run_into_a_headline_is_no_captive():
    import sitrep
    ex = sitrep.extract("Man wanted for murder caught. MIDDLETOWN — A man wanted in a recent Indiana homicide "
                        "has been captured by Middletown police.", published="2020-02-05")
    assert [e.sub_event_type for e in ex.events if e.event_type] == ["Arrests"], \
        [events.explain(e) for e in ex.events]


def test_a_crime_naming_a_suspect_in_a_headline_is_no_second_event():
    import sitrep
    text = ("Police catch murder suspect after long hunt. The events that culminated in his arrest began on "
            "Monday, when he shot a man near a market, according to police.")
    ex = sitrep.extract(text, published="2020-03-10")
    headline = [e for e in ex.events if any(s < 43 for s, _ in (e.mentions or [[e.start, e.end]]))]
    assert [e.sub_event_type for e in headline] == ["Arrests"], [events.explain(e) for e in ex.events]


def test_a_visit_last_year_is_recalled_without_a_publication_date():
    import sitrep
    ex = sitrep.extract("The crown prince met the president on Tuesday. During the president's visit to "
                        "Riyadh last year, the two leaders talked about trade.", published=None)
    recalled = [e for e in ex.events if e.plover == "CONSULT" and e.start >= ex.article.text.index("During")]
    assert recalled and all(e.timing == "background" for e in recalled), [events.explain(e) for e in ex.events]


def test_what_has_happened_is_not_dated_after_the_report():
    import sitrep
    ex = sitrep.extract("The senator faces a reelection fight in 2018, and the talk may die down now that he "
                        "has endorsed the governor.", published="2016-09-26")
    endorsed = [e for e in ex.events if e.plover == "SUPPORT"]
    assert endorsed and endorsed[0].date_start == "2016-09-26", [events.explain(e) for e in ex.events]


def test_a_curfew_lifted_is_no_curfew_imposed():
    import sitrep
    ex = sitrep.extract("The curfew in the old city was lifted on Saturday.", published="2020-02-05")
    kinds = [e.plover for e in ex.events]
    assert kinds == ["RETREAT"], [events.explain(e) for e in ex.events]


def test_an_accusation_in_a_relative_clause_on_an_attack_is_its_attribution():
    import sitrep
    ex = sitrep.extract("Two soldiers were killed in a bomb attack that the government has blamed on the "
                        "rebels.", published="2020-02-05")
    assert any(e.event_type for e in ex.events), ex.events
    assert not [e for e in ex.events if e.plover == "ACCUSE"], [events.explain(e) for e in ex.events]


def test_an_accusation_of_inciting_an_attack_is_an_accusation():
    # the attack was only incited: no event for the accusation to attribute
    import sitrep
    ex = sitrep.extract('Police accused the MP of "inciting the public to attack officers".', published="2024-02-15")
    assert any(e.plover == "ACCUSE" for e in ex.events), [events.explain(e) for e in ex.events]


# The report's setting, where its arrest (which names no place) happened: a parenthesised
# dateline; not where someone came from; a city, not the region it lies in.
@pytest.mark.parametrize("text,place", [
    ("(BOSTON) — Police arrested two men on Tuesday after a robbery, a spokesman said. "
     "One of them had served time for a theft in Baltimore.", "Boston"),
    ("Gunmen killed a doctor visiting from Toronto and a nurse from Toronto on Monday "
     "in a clinic in Irbid. Police arrested two suspects.", "Irbid"),
    ("A man smashed the window of a parked car in Santa Monica, California on Wednesday. "
     "Police arrested the man.", "Santa Monica"),
])
def test_an_unplaced_arrest_is_in_the_reports_setting(text, place):
    import sitrep
    ex = sitrep.extract(text, published="2020-02-05")
    arrest = [e for e in ex.events if e.sub_event_type == "Arrests"]
    assert arrest and arrest[0].place == place, events.explain(arrest[0]) if arrest else ex.events


@pytest.mark.parametrize("text,plover,place", [
    ("ALTON, Ill. — A funeral director from Alton was held on Friday. Vanderburgh County prosecutors "
     "charged him with robbing two banks.", "ACCUSE", "Vanderburgh County"),
    ("ALTON, Ill. — A funeral director from Alton was held on Friday. A Vanderburgh County judge "
     "sentenced him to ten years.", "SANCTION", "Vanderburgh County"),
])
def test_a_local_court_or_prosecutor_acts_where_it_sits(text, plover, place):
    import sitrep
    ex = sitrep.extract(text, published="2020-02-05")
    act = [e for e in ex.events if e.plover == plover]
    assert act and act[0].place == place, [events.explain(e) for e in ex.events]


def test_premises_searched_by_no_one_named_are_searched_by_police_where_they_are():
    import sitrep
    ex = sitrep.extract("ANKARA — A policeman shot the ambassador on Monday. The shooter's family home in the "
                        "western province of Aydin was later searched.", published="2016-12-19")
    search = [e for e in ex.events if e.plover == "COERCE" and e.trigger == "searched"]
    assert search and search[0].place == "Aydin" and search[0].actor1 is not None \
        and search[0].actor1.kind == "state_forces", [events.explain(e) for e in ex.events]


@pytest.mark.parametrize("text", [
    "The Marriage Protection Amendment resolution introduced last month calls for a statewide referendum.",
    "The Mohs procedure provides precise removal of the tissue.",
])
def test_what_a_text_or_a_procedure_specifies_is_no_act(text):
    """A resolution that "calls for" a referendum, a procedure that "provides" removal:
    the text's content, not an act by whoever named the text (guards the ABSTRACT agent
    head in event_typing._no_act)."""
    evs = [e for e in _extract_all([text])[0].events if e.plover in ("REQUEST", "AID")]
    assert not evs, [(e.plover, e.rule) for e in evs]


def test_a_recalled_charge_by_the_reports_own_authorities_is_in_its_setting():
    import sitrep
    ex = sitrep.extract("ALEXANDRIA, Va. — A man was arrested on Monday after a robbery at a bank on King "
                        "Street. In 2017 prosecutors had charged him with fraud.", published="2020-02-05")
    charge = [e for e in ex.events if e.plover == "ACCUSE"]
    assert charge and charge[0].timing == "background" and charge[0].place == "Alexandria", \
        [events.explain(e) for e in ex.events]


def test_a_clash_is_dated_by_when_it_broke_out_not_by_the_end_of_its_span():
    import sitrep
    ex = sitrep.extract("At least five people were killed in clashes between rival armed groups in the town that "
                        "broke out on Sunday evening and continued into Monday, the hospital said.",
                        published="2024-06-11")
    clashes = [e for e in ex.events if e.sub_event_type == "Armed clash"]
    assert clashes and clashes[0].date_start == "2024-06-09", [events.explain(e) for e in ex.events]


def test_an_admin_units_of_names_the_place():
    import sitrep
    ex = sitrep.extract("SARH - The governor announced on Monday a curfew in the sub-prefecture of Djoli, after a "
                        "clash between farmers and herders left nine people dead.", published="2024-11-26")
    curfew = [e for e in ex.events if e.plover == "COERCE"]
    assert curfew and curfew[0].place == "Djoli", [events.explain(e) for e in ex.events]


def test_what_a_happening_set_off_is_another_there_and_then():
    import sitrep
    ex = sitrep.extract("Gunmen torched 12 houses in Kangpokpi late on Sunday, triggering an exchange of fire with "
                        "security forces that lasted several hours, police said on Monday.", published="2025-05-13")
    kinds = {e.sub_event_type: e for e in ex.events}
    assert {"Looting/property destruction", "Armed clash"} <= set(kinds), [events.explain(e) for e in ex.events]
    burning, fight = kinds["Looting/property destruction"], kinds["Armed clash"]
    assert (fight.date_start, fight.place) == (burning.date_start, burning.place) == ("2025-05-11", "Kangpokpi")


def test_a_dateline_closed_by_a_colon_is_no_subject_and_no_date():
    battles, why = _events_where("Poonch, Apr 2: Two soldiers were killed when militants ambushed an army truck near "
                                 "Surankote on Monday, officials said.", lambda e: e.event_type is not None,
                                 published="2025-04-02")
    assert [(e.sub_event_type, e.date_start) for e in battles] == [("Armed clash", "2025-03-31")], why


def test_a_bomb_that_fell_in_a_report_of_air_strikes_was_dropped():
    bombs, why = _events_where("Army jets carried out air strikes on Nyala on Monday. Two children were killed when a "
                               "bomb fell on their home in the town's southern district.",
                               lambda e: e.event_type is not None, published="2024-06-11")
    assert bombs and all(e.sub_event_type == "Air/drone strike" for e in bombs), why


def test_it_continues_the_thing_the_previous_sentence_was_about():
    # the convoy came under fire: a battle's side, one incident with its ambush
    fights, why = _events_where("An army convoy was ambushed near Kiwanja on Monday. It came under heavy fire on the "
                                "road to Rutshuru.", lambda e: e.event_type is not None)
    assert [e.sub_event_type for e in fights] == ["Armed clash"], why


def test_twice_on_a_named_day_counts_that_days_clashes():
    clashes, why = _events_where("The column clashed twice with resistance fighters near Kyunpin on Friday and "
                                 "Saturday.", lambda e: e.sub_event_type == "Armed clash", published="2023-05-09")
    assert clashes and all(e.timing == "current" for e in clashes), why


def test_a_protest_sentence_the_rules_leave_untyped_joins_the_protest_it_follows():
    # the sentence head reads "Protesters threw eggs ..." as a protest: one more mention of the
    # demonstration told before it, not a PLOVER candidate of its own
    text = ("Students clash with police in Novi Sad\n\nThousands of students protested outside the city hall in Novi "
            "Sad on Friday evening, demanding the resignation of the mayor. Protesters threw eggs, bottles and flares "
            "at the building and at the police cordon. Police responded with batons, shields and, according to "
            "several witnesses, tear gas.")
    told, why = _report_told_at(text, "2025-07-12", "Protesters threw")
    alone = [w for w in why if "sentence model: PROTEST" in (w[4] or "")]
    told = [e for e in told if e.get("sub_event_type") == "Violent demonstration"]
    assert not alone and told, why


def test_a_pacts_name_is_no_reports_city():
    # the names the gazetteer lacks are not placed in the town a pact is named after
    import sitrep
    ex = sitrep.extract("Residents accused soldiers of looting despite the signing of the Pretoria peace agreement. "
                        "The Pretoria agreement ended the war. Armed men looted the village of Adi Hageray on "
                        "Thursday.", published="2023-09-20")
    astray = [p for p in ex.places if p.name != "Pretoria" and p.within == "Pretoria"]
    assert not astray, astray


def test_a_pacts_name_is_no_reports_setting():
    march, why = _events_where("Climate talks stalled\n\nNegotiators argued on Monday over how to meet the targets of "
                               "the Paris accord and the Kyoto Protocol. Later, hundreds of protesters marched outside "
                               "the hall, police said.", lambda e: e.plover == "PROTEST")
    assert march and march[0].place is None, why


def test_a_meeting_told_or_addressed_is_where_the_speaker_stood():
    # the verb's fronted "In Geneva" places the meeting its object names
    meeting, why = _events_where("In Geneva on Friday, the minister told a meeting of donors that the camps were full.",
                                 lambda e: e.plover == "CONSULT")
    assert meeting and meeting[0].place == "Geneva", why


def test_unplaced_event_takes_the_report_focus_place():
    import sitrep
    ex = sitrep.extract("Shelling hits Ariha again\n\nShelling hit Ariha on Monday, killing four people. "
                        "Ariha has been shelled for weeks. On Tuesday, gunmen killed two farmers, residents said.",
                        published="2020-02-05")
    gunmen = [e for e in ex.events if "gunmen" in e.sentence]
    assert gunmen and gunmen[0].place == "Ariha" and gunmen[0].geo_precision == "report-focus"


# The other side of an event the sentence leaves out, from the rest of the report.
def test_a_battle_takes_the_reports_main_opponent_as_second_side():
    import sitrep
    ex = sitrep.extract(
        "Rebels hold out in Deraa\n\nRebels in Deraa said on Monday they would not surrender the "
        "old town. The rebels have held the district since 2013, a rebel commander said. "
        "Government troops clashed near the old town on Tuesday, residents said.",
        published="2020-06-03")
    battle = [e for e in ex.events if e.event_type == "Battles"]
    assert battle and battle[0].actor1.kind == "state_forces"
    assert battle[0].actor2 is not None and battle[0].actor2.kind == "rebels", events.explain(battle[0])
    assert "actor2 inferred" in battle[0].rule


def test_a_battle_with_rival_groups_of_equal_weight_infers_no_second_side():
    import sitrep
    ex = sitrep.extract(
        "The Islamic State and the Kurdish YPG militia both claim the bridge; the YPG and Islamic "
        "State have fought for it for weeks. Soldiers clashed near the bridge on Tuesday.",
        published="2020-06-03")
    battle = [e for e in ex.events if e.event_type == "Battles" and e.sentence.startswith("Soldiers")]
    assert battle and battle[0].actor2 is None, events.explain(battle[0])


@pytest.mark.parametrize("text", [
    "Rebels fired rockets into government-held Hama on Monday, killing seven people.",
    # the tagger reads "west Aleppo" as a nationality, not a place: the places stage knows it
    "Militants lobbed mortars into regime-held west Aleppo overnight, killing nine residents.",
])
def test_people_killed_by_shelling_of_a_held_town_are_civilians_not_the_town(text):
    import sitrep
    ex = sitrep.extract(text, published="2020-06-03")
    shelling = [e for e in ex.events if e.event_type == "Explosions/Remote violence"]
    assert shelling and shelling[0].actor2 is not None
    assert shelling[0].actor2.kind == "civilians", events.explain(shelling[0])


def test_an_agreement_already_made_is_not_made_again():
    # the object of a verb that does not make an agreement is one that exists
    evs = _extract_all(["Rebels used the ceasefire to regroup and attack army positions near Hama."])[0].events
    assert not [e for e in evs if e.plover == "AGREE"], [(e.sub_event_type, e.plover) for e in evs]
    assert [e for e in evs if e.event_type == "Battles"], [(e.sub_event_type, e.plover) for e in evs]


def test_a_supporting_verb_carries_its_objects_event_by_rule():
    # "opened" is no base established here: the rules type the investigation (not the
    # sentence head's capped guess) and claim it
    ex = _extract_all(["Judge Ana Rivera opened fraud investigations against 28 officials suspected of taking "
                       "kickbacks."])[0]
    accuse = [e for e in ex.events if e.plover == "ACCUSE" and not e.rule.startswith("SENTENCE")]
    assert accuse and accuse[0].certainty == A and accuse[0].confidence >= 0.5, [e.rule for e in ex.events]


@pytest.mark.parametrize("text", [
    "A nurse who forged her papers was jailed for two years on Monday.",
    "The activist was imprisoned for three years on Friday.",
])
def test_a_penalty_for_a_counted_term_is_no_long_period(text):
    # "for two years" is how long the penalty runs, not years over which it was repeated
    acts, why = _events_where(text, lambda e: e.plover == "SANCTION")
    assert acts and all(e.timing != "generic" for e in acts), why


def test_a_past_relative_clause_under_a_modal_tells_what_happened():
    import sitrep
    ex = sitrep.extract("The minister said on Thursday that Oslo would retaliate against states that expelled "
                        "Norwegian diplomats last month.", published="2020-02-05")
    expelled = [e for e in ex.events if e.plover == "SANCTION" and "expelled" in ex.article.text[e.start:e.end]]
    assert expelled and expelled[0].certainty == "asserted", [events.explain(e) for e in ex.events]


def test_a_named_persons_poisoning_types_its_incident_over_the_agent_named_later():
    attack, why = _events_where("The defector Ivan Petrov and his son were poisoned in Leeds on March 4. Police said "
                                "the nerve agent attack left both in a critical condition.",
                                lambda e: len(e.mentions) == 2, published="2018-03-29")
    assert attack and attack[0].sub_event_type == "Attack", why


def test_a_datelines_state_is_not_the_subject_beside_it():
    march, why = _events_where("NAPLES, Fla. -- About 60 residents marched on Saturday.", lambda e: e.plover == "PROTEST")
    assert march and march[0].sub_event_type == "Peaceful protest", why


def test_a_persons_home_town_is_not_the_town_of_the_street_it_happened_on():
    arrest, why = _events_where("ELGIN, Ill. -- A Chicago man was arrested Friday on Birch Lane after a break-in, "
                                "police said.", lambda e: e.sub_event_type == "Arrests")
    assert arrest and arrest[0].place == "Birch Lane, Elgin", why


def test_a_headline_told_again_in_the_lead_takes_the_leads_type():
    text = ("Leeds: Nurse jailed for forged papers. A nurse who forged her papers to work in a care home was "
            "jailed for two years on Monday.")
    head, why = _events_where(text, lambda e: e.start < text.index("."))
    assert head and all(e.plover == "SANCTION" for e in head), why


def test_a_headline_part_about_other_victims_keeps_its_own_type():
    """"...; rebels kill villager": the lead's "killed" is the encounter the headline told
    first, whose dead were rebels; the villager's killing is another incident."""
    text = ("Three rebels killed in encounter; rebels kill villager\n\nThree Maoists were killed in an exchange of "
            "fire with police commandos in a forest near the village on Tuesday morning, police said.")
    head, why = _report_told_at(text, "2023-05-10", "villager")
    assert head and head[0]["sub_event_type"] == "Attack", why


def test_who_undergoes_a_sentence_or_charges_is_its_target_not_its_actor():
    ex = _extract_all(["The former mayor got five years in prison for bribery on Tuesday.",
                       "The activist faces charges of sedition."])
    acts = [e for x in ex for e in x.events if e.plover in ("SANCTION", "ACCUSE")]
    assert len(acts) == 2, [e.rule for x in ex for e in x.events]
    for e in acts:
        assert "actor1 -" in e.rule and "actor2 undergoer" in e.rule, events.explain(e)


@pytest.mark.parametrize("text,plover,undergoer", [
    # headline grammar drops the "was": the subject of the bare participle undergoes the act
    ("Clayton woman arrested in connection with Maple Street stabbing. Officers said the stabbing happened on "
     "Friday.", "COERCE", "woman"),
    ("Clayton woman charged in connection with Maple Street stabbing. Prosecutors said the victim was her "
     "neighbour.", "ACCUSE", "woman"),
])
def test_the_subject_of_a_headline_participle_is_its_target(text, plover, undergoer):
    ex = _extract_all([text])[0]
    head = [e for e in ex.events if e.plover == plover and e.start < text.index(".")]
    assert head, [(e.plover, e.start) for e in ex.events]
    subject = text[: text.index(undergoer) + len(undergoer)].lower()  # "Clayton woman"
    e = head[0]
    assert e.actor2 is not None and e.actor2.name.lower() in subject, events.explain(e)
    assert e.actor1 is None or e.actor1.name.lower() not in subject, events.explain(e)


def test_an_active_verb_the_tagger_takes_for_a_participle_keeps_its_subject():
    # "criticized" tagged VBN, its object a clause: no headline passive
    ex = _extract_all(["Every economist we asked criticized as needlessly complicated what is likely the "
                       "senator's tax plan."])[0]
    assert not [e for e in ex.events if e.actor2 is not None and e.actor2.name.lower().startswith("every")], \
        [events.explain(e) for e in ex.events]


@pytest.mark.parametrize("text,sub_event_type", [
    # what did not happen in the next sentence does not make the march violent
    ("Nurses marched on the statehouse on Tuesday. Many hospitals didn't vote to shut down, and clinics stayed open.",
     "Peaceful protest"),
    ("Nurses marched on the statehouse on Tuesday. No windows were smashed, officers said.", "Peaceful protest"),
    # guard: what did happen still does
    ("Nurses marched on the statehouse on Tuesday. Some smashed windows, officers said.", "Violent demonstration"),
])
def test_a_negated_cue_of_violence_colours_no_protest(text, sub_event_type):
    ex = _extract_all([text])[0]
    march = [e for e in ex.events if e.event_type in ("Protests", "Riots") and e.start < text.index(".")]
    assert march and march[0].sub_event_type == sub_event_type, [events.explain(e) for e in ex.events]


@pytest.mark.parametrize("text", [
    # the participle's noun is who strikes: labour, not a blow
    "Nurses striking at two hospitals marched to city hall on Monday.",
    "Bus drivers striking over unpaid wages rallied outside the depot on Friday.",
])
def test_workers_striking_are_on_strike_not_hit(text):
    ex = _extract_all([text])[0]
    assert ex.events and all(e.event_type in ("Protests", None) for e in ex.events), \
        [events.explain(e) for e in ex.events]
    assert [e for e in ex.events if e.sub_event_type == "Peaceful protest"], [events.explain(e) for e in ex.events]


def test_what_befell_the_people_a_participle_names_is_asserted_under_a_modal():
    ex = _extract_all(["We must honor the two police officers shot by the gunman."])[0]
    assert [e for e in ex.events if e.event_type == "Battles" and e.certainty == A], \
        [(e.sub_event_type, e.certainty) for e in ex.events]


def test_a_person_given_an_office_once_is_a_political_actor_by_name_after():
    ex = _extract_all(["President Barack Obama arrived on Monday. After her meeting with Obama, the Burmese leader "
                       "spoke to reporters."])[0]
    assert [e for e in ex.events if e.plover == "CONSULT" and e.certainty == A], [e.rule for e in ex.events]


@pytest.mark.parametrize("text, site", [
    ("Aung San Suu Kyi visited the White House on Wednesday.", "White House"),
    ("She was held without bond on Monday in the Columbia County Detention Center.", "Columbia County Detention Center"),
    ("Police made the arrests at the Riverside Motel in Chattanooga last month.", "Riverside Motel"),
    # a camp the proper nouns before it name, outside any entity (guards _named_common_site)
    ("Rival families fought with guns on Saturday in the Mieh Mieh refugee camp near Sidon.",
     "Mieh Mieh refugee camp"),
    # a charge read out in a court the tagger calls a GPE (guards _SITE_LABELS, _AT_SITES)
    ("A Dayton man was charged Tuesday in Jefferson County District Court with burglary.",
     "Jefferson County District Court"),
])
def test_an_event_at_a_named_site_is_placed_there(text, site):
    evs = _extract_all([text])[0].events
    # the site leads the name, its town may follow ("Riverside Motel, Chattanooga")
    assert [e for e in evs if (e.place or "").split(", ")[0] == site], [(e.plover, e.place) for e in evs]


def test_a_towns_common_noun_is_no_site():
    """"a Winnipeg jail" is in Winnipeg: a place's name before a common noun names no site."""
    evs = _extract_all(["A 23-year-old man was held on Monday in a Winnipeg jail on fraud charges."])[0].events
    assert evs and all(e.place != "Winnipeg jail" for e in evs), [(e.trigger, e.place) for e in evs]


def test_an_incident_is_at_the_site_one_of_its_mentions_names():
    """The first mention ("is now in jail") names no site; a later one of the same arrest
    does: the incident is there (guards incidents._settle_place)."""
    text = ("The Dayton woman accused of the robbery is now in jail. She was held without bond "
            "on Friday in the Laurel County Detention Center, according to jail records.")
    evs = [e for e in _extract_all([text])[0].events if e.sub_event_type == "Arrests"]
    assert evs and all((e.place or "").split(", ")[0] == "Laurel County Detention Center" for e in evs), \
        [(e.trigger, e.place) for e in evs]


@pytest.mark.parametrize("text, word, modifier", [
    ("The current sanctions-only approach has failed.", "sanctions", True),
    ("War-weary residents fled the town.", "War", True),
    ("Paramilitaries broke-up sit-ins in front of army units.", "broke", False),  # a verb's particle
    ("The cease-fire held overnight.", "cease", False),  # no noun after it: the compound is the noun
])
def test_the_first_word_of_a_hyphenated_modifier_is_no_trigger(nlp, text, word, modifier):
    from sitrep.extractors.event_clauses import _hyphen_modifier
    doc = nlp(text)
    tok = next(t for t in doc if t.text == word)
    assert _hyphen_modifier(tok) is modifier


def test_a_headline_run_into_its_body_reports_the_news():
    """LGL-style reports open with the headline as a sentence ("Task force arrests 14."):
    its simple present is headline grammar, not a habit."""
    ex = _extract_all(["Task force arrests 14. The officers arrested 14 people at a fire station on Monday."])[0]
    headline = [e for e in ex.events if e.sub_event_type == "Arrests" and any(m[0] == 0 for m in e.mentions)]
    assert headline and headline[0].timing == "current", [(e.sub_event_type, e.timing, e.mentions) for e in ex.events]


def test_a_line_closed_by_an_outlets_name_is_a_caption():
    import sitrep
    text = ("MLA Jane Doe made a plea to her colleagues in the Alberta legislature on\n   Tuesday, asking them "
            "to stand up against hate speech. (CBC)\n   Warning: This story contains foul language.\n   "
            "Calgary MLA Jane Doe asked the government to ban the group on Tuesday.\n")
    ex = sitrep.extract(text, published="2016-11-22")
    asked = [e for e in ex.events if e.plover == "REQUEST" and e.certainty == "asserted"]
    assert [ex.article.text[e.start:e.end][:7] for e in asked] == ["Calgary"], [events.explain(e) for e in ex.events]


def test_a_street_is_no_reports_setting():
    import sitrep
    ex = sitrep.extract("A man was shot dead on Parkwood Drive in West Columbia on Saturday night. Two people "
                        "have been arrested and charged with murder, police said.", published="2009-03-23")
    charged = [e for e in ex.events if e.plover == "ACCUSE"]
    assert charged and charged[0].place == "West Columbia", [events.explain(e) for e in ex.events]


def test_an_unplaced_mention_goes_on_telling_the_incident_placed_just_before():
    import sitrep
    text = ("CHICAGO — Chicago police arrested three men on Monday in a drug raid on the city's West Side. Chicago "
            "police said the raid had been planned for weeks. In a separate case, officers arrested a man in "
            "Evanston on Tuesday. Officers later detained his brother.")
    ex = sitrep.extract(text, published="2018-04-06")
    brother = [e for e in ex.events if "his brother" in text[e.start:e.end]]
    assert brother and brother[0].place == "Evanston", [events.explain(e) for e in ex.events]


def test_a_weekend_in_the_lead_dates_the_news_not_the_publication_day():
    import sitrep
    text = ("Teenager arrested in downtown bar.\n\nPolice arrested a 16-year-old girl while checking bars over the "
            "weekend, officers said.")
    ex = sitrep.extract(text, published="2009-03-31")  # a Tuesday
    arrests = [e for e in ex.events if e.sub_event_type == "Arrests"]
    assert arrests and {e.date_start for e in arrests} == {"2009-03-28"}, [events.explain(e) for e in ex.events]


def test_a_day_named_after_the_lead_dates_the_news_when_the_lead_names_none():
    import sitrep
    text = ("A Lakeland man was arrested on fraud charges after a bank teller raised the alarm, police said. "
            "The teller noticed the forged checks. Detectives then searched his office. "
            "Smith, 52, was arrested Thursday at his home.")
    ex = sitrep.extract(text, published="2009-03-20")  # a Friday
    first = min((e for e in ex.events if e.sub_event_type == "Arrests"), key=lambda e: e.start, default=None)
    assert first is not None and first.date_start == "2009-03-19", [events.explain(e) for e in ex.events]


def test_a_time_on_another_event_noun_dates_that_event_not_the_clause():
    import sitrep
    text = "Grand Jury Indicts Man In December Slaying.\n\nA grand jury indicted the man on Monday."
    ex = sitrep.extract(text, published="2009-03-10")  # a Tuesday
    charges = [e for e in ex.events if e.plover == "ACCUSE"]
    assert charges and all(e.date_start == "2009-03-09" for e in charges), [events.explain(e) for e in ex.events]


@pytest.mark.parametrize("text,date", [
    # an event noun a time modifies, told on without a time of its own
    ("Police in the city released video on Monday of last week's shooting. The man, 40, was shot and killed by "
     "an officer after his car stalled on a highway.", "2016-09-12"),
    # a dated mention of the incident, told on a sentence later
    ("Gunmen attacked a checkpoint in the town on Saturday. Three soldiers were killed in the attack, and the "
     "gunmen fled into the hills.", "2016-09-17"),
])
def test_a_mention_that_goes_on_telling_a_dated_incident_takes_its_date(text, date):
    import sitrep
    ex = sitrep.extract(text, published="2016-09-20")  # a Tuesday
    violent = [e for e in ex.events if e.event_type in ("Violence against civilians", "Battles")]
    assert violent and all(e.date_start == date for e in violent), [events.explain(e) for e in ex.events]


def test_a_recalled_incident_does_not_date_the_news_told_after_it():
    import sitrep
    text = ("The town was the scene of the 2014 attack on a school. On a quiet street, police shot and killed a "
            "man who was holding a knife, witnesses said.")
    ex = sitrep.extract(text, published="2016-09-20")
    shot = [e for e in ex.events if "shot" in text[e.start:e.end]]
    assert shot and shot[0].date_start == "2016-09-20", [events.explain(e) for e in ex.events]


@pytest.mark.parametrize("text", [
    "Police arrested a man who had escaped from prison in 2014.",
    "The minister, who served as ambassador in 2012, met the president of Burma.",
    "The UN demanded the release of activists who were detained during the riots in August.",
])
def test_a_time_in_a_relative_clause_does_not_date_the_event_it_hangs_on(text):
    import sitrep
    ex = sitrep.extract(text, published="2016-09-20")
    main = [e for e in ex.events if e.start == 0]  # the main clause's event, not the relative clause's
    assert main and all(e.date_start == "2016-09-20" and e.timing == "current" for e in main), \
        [events.explain(e) for e in ex.events]


@pytest.mark.parametrize("text,place", [
    # a dateline in capitals after the headline, in a report about its state
    ("Group leader defends work. ATLANTA - A former network leader charged in a Georgia man's death defended his "
     "group on Tuesday. Georgia authorities arrested him last month after a Georgia investigation, and Georgia "
     "prosecutors say he broke Georgia law.", "Atlanta"),
    # a dateline opening the text, in a report about its state
    ("ATLANTA - A former network leader charged in a Georgia man's death defended his group on Tuesday. Georgia "
     "authorities arrested him last month after a Georgia investigation, and Georgia prosecutors say he broke "
     "Georgia law.", "Atlanta"),
])
def test_a_dateline_inside_the_region_a_report_is_about_is_its_setting(text, place):
    import sitrep
    ex = sitrep.extract(text, published="2009-03-18")
    arrests = [e for e in ex.events if e.sub_event_type == "Arrests"]
    assert arrests and arrests[0].place == place, [events.explain(e) for e in ex.events]


@pytest.mark.parametrize("text, kind, timing", [
    # a kind of act talked about is the topic of talk, no incident
    ("The candidate spoke at length about police shootings during the debate.", "Violence against civilians",
     "generic"),
    ("The senator spoke about killings of civilians by militias.", "Violence against civilians", "generic"),
    ("The foreign ministers discussed sanctions on the junta.", "SANCTION", "generic"),
    # the incident asked about happened
    ("He was asked about the shooting of Keith Scott on Tuesday.", "Violence against civilians", "current"),
    # "retook" tagged as a present: a past form of the lexicon's irregular verbs is no habit
    ("Syria's army retook the town of Palmyra on Sunday.", "Battles", "current"),
    # "almost daily", "still occurs": what goes on, no one incident
    ("The two armies have traded fire almost daily along the frontier since October.", "Battles", "generic"),
    ("Sporadic rioting still occurs in the interface areas of the city.", "Riots", "generic"),
    # "at times when ...": what a country did whenever it was so, no one incident
    ("Chile cooperated closely with Peru at times when both governments were weak.", "COOPERATE", "generic"),
    # a hold kept "for a year" is one act that lasted, dated by its start, not a tally
    ("Rebels occupied the border town of Kamanyola for a year from March 2012.", "Battles",
     "background"),
])
def test_timing_read_off_the_clause(text, kind, timing):
    import sitrep
    ex = sitrep.extract(text, published="2016-09-20")
    acts = [e for e in ex.events if kind in (e.event_type, e.plover)]
    assert acts and all(e.timing == timing for e in acts), [events.explain(e) for e in ex.events]


@pytest.mark.parametrize("text", [
    "A Western diplomat, who asked not to be named, said the talks had failed.",
    "Two officials, who asked not to be identified, said the convoy was hit at dawn.",
])
def test_a_sources_anonymity_is_no_request(text):
    import sitrep
    evs = sitrep.extract(text, published="2016-09-20").events
    assert not [e for e in evs if e.plover == "REQUEST"], [events.explain(e) for e in evs]


def test_a_call_to_name_those_responsible_is_a_request():
    import sitrep
    evs = sitrep.extract("Rights groups in the city called on the United Nations to name those responsible for the "
                         "shelling.", published="2016-09-20").events
    assert [e for e in evs if e.plover == "REQUEST"], [events.explain(e) for e in evs]


def test_a_lone_attacker_of_security_forces_is_an_unidentified_armed_group():
    import sitrep
    evs = sitrep.extract("A man killed a police officer in Oakland on Saturday.", published="2009-03-23").events
    clash = [e for e in evs if e.sub_event_type == "Armed clash"]
    assert clash and clash[0].actor1.name == "Unidentified armed group (United States)", \
        [events.explain(e) for e in evs]
    assert clash[0].actor2.kind == "state_forces"


def test_one_who_gives_himself_up_is_the_arrested_not_the_arrester():
    import sitrep
    ev = sitrep.extract("John Smith, 34, surrendered to police on Tuesday.", published="2021-05-12").events[0]
    assert ev.sub_event_type == "Arrests" and ev.actor2 is not None and ev.actor2.name == "John Smith"
    assert ev.actor1 is not None and ev.actor1.kind == "state_forces", ev.actor1


@pytest.mark.parametrize("text", [
    "Soldiers found three bodies with gunshot wounds near the village on Monday.",
    "Officers found the victim with a gunshot wound to the chest; he died at the scene.",
    # "shots fired" after its noun: fired by someone unnamed, not by the officers responding
    "Officers responded to a report of shots fired and found a man with a gunshot wound to the leg.",
])
def test_who_finds_the_dead_is_not_who_killed_them(text):
    import sitrep
    evs = [e for e in sitrep.extract(text, published="2021-05-12").events if e.event_type in VIOLENT_EVENT_TYPES]
    assert not any(e.actor1 is not None and e.actor1.kind == "state_forces" for e in evs), [
        (e.sub_event_type, e.actor1) for e in evs]


@pytest.mark.parametrize("text", ["A deputy shot and killed a man on Monday.",
                                  "Two deputies arrested the suspect at his home on Monday."])
def test_deputies_are_the_police(text):
    import sitrep
    evs = [e for e in sitrep.extract(text, published="2021-05-12").events if e.event_type]
    assert evs and all(e.actor1 is not None and e.actor1.kind == "state_forces" for e in evs), [
        (e.sub_event_type, e.actor1) for e in evs]


@pytest.mark.parametrize("text", [
    "Hundreds rally in Salinas over deadly police shooting",
    "Hundreds of people protested in Minneapolis on Tuesday over the police killing of a black man.",
    "Thousands marched against the killing of a student by police.",
    "Students protested the arrest of their leader on Monday.",
])
def test_what_a_protest_is_about_is_not_done_to_it(text):
    # the grievance happened before the protest: the protesters met no force for it
    import sitrep
    evs = sitrep.extract(text, published="2021-05-12").events
    kinds = [e.sub_event_type for e in evs]
    assert "Peaceful protest" in kinds, kinds
    assert not {"Excessive force against protesters", "Protest with intervention"} & set(kinds), kinds


def test_soldiers_killed_when_their_base_is_overrun_are_not_captured():
    import sitrep
    evs = sitrep.extract("Islamic State-linked jihadists killed at least 11 soldiers when they overran a military "
                         "base in northeast Nigeria on Saturday.", published="2019-07-22").events
    kinds = [e.sub_event_type for e in evs]
    assert "Armed clash" in kinds and not {"Arrests", "Abduction/forced disappearance"} & set(kinds), kinds


def test_stun_grenades_the_police_throw_are_no_riot():
    import sitrep
    evs = sitrep.extract("Police fired rubber bullets and threw stun grenades at the crowd.",
                         published="2020-10-19").events
    kinds = [e.sub_event_type for e in evs]
    assert "Protest with intervention" in kinds and "Violent demonstration" not in kinds, kinds


def test_the_wire_agency_after_a_dateline_is_no_actor():
    import sitrep
    evs = sitrep.extract("Kano (AFP) - Islamic State-linked jihadists killed at least 11 soldiers when they overran "
                         "a military base in northeast Nigeria, security sources said.", published="2019-07-22").events
    assert evs and all(e.actor1 is None or e.actor1.kind != "media" for e in evs), [(e.sub_event_type, e.actor1)
                                                                                      for e in evs]


def test_one_who_surrenders_to_an_armed_group_is_not_arrested():
    import sitrep
    evs = sitrep.extract("General Ahmed surrendered to the rebels with 200 soldiers.", published="2021-05-12").events
    assert not any(e.sub_event_type == "Arrests" for e in evs), [e.sub_event_type for e in evs]


def test_who_is_found_guilty_is_the_one_sanctioned():
    import sitrep
    ev = next(e for e in sitrep.extract("A jury found John Smith guilty of theft on Monday.",
                                        published="2021-05-12").events if e.plover == "SANCTION")
    assert ev.actor2 is not None and ev.actor2.name == "John Smith", ev.actor2


def test_a_passives_with_phrase_is_its_instrument_not_its_victim():
    evs, why = _events_where("An officer was taken to hospital after being struck in the face with a chunk of "
                             "concrete on Friday.", lambda e: True)
    assert evs and not any("actor2 with-phrase" in (e.rule or "") for e in evs), why


def test_gangs_are_an_armed_group():
    evs, why = _events_where("Armed gangs torched dozens of homes in the suburb on Monday.",
                             lambda e: e.sub_event_type == "Looting/property destruction")
    assert evs and all(e.actor1 is not None and e.actor1.kind == "political_militia" for e in evs), why


@pytest.mark.parametrize("text,actor", [
    ("Russian shelling killed three people in the city on Monday.", "Military Forces of Russia"),
    ("Turkish strikes hit three villages near the border on Tuesday.", "Military Forces of Turkey"),
    # a state's weapon named by its nationality: its forces fired it
    ("Russian artillery shelled the town overnight, wounding two people.", "Military Forces of Russia"),
    ("Israeli warplanes struck a house in the camp on Friday, killing four people.", "Military Forces of Israel"),
])
def test_the_nationality_of_an_attack_that_harms_is_its_states_forces(text, actor):
    evs, why = _events_where(text, lambda e: e.event_type is not None)
    assert evs and all(e.actor1 is not None and e.actor1.name == actor for e in evs), why


def _types_in(text: str, published: str) -> list[str | None]:
    (ex,) = extract_articles([Article(id="t", title="", text=text, published=published)])
    return [e.sub_event_type for e in ex.events]


@pytest.mark.parametrize("sentence, expected", [
    # a band named by what gathers it acts: the actor tables know no "group" or "crowd"
    ("On Sunday another group attacked a police patrol near the Kaspiysk turn-off, officials said.", "Armed clash"),
    ("Later that evening a crowd stormed the regional airport in Makhachkala.", "Mob violence"),
])
def test_a_band_named_by_its_gathering_is_an_actor(sentence, expected):
    text = sentence + " Police said the situation was calm on Monday."
    found = _types_in(text, "2024-05-01")
    assert expected in found, found


@pytest.mark.parametrize("text, expected", [
    # village vigilantes armed against Boko Haram are a militia: fighters killed in a battle
    ("MAROUA, Cameroon - Boko Haram fighters killed three members of a village vigilance committee near Mokolo "
     "on Tuesday, officials said.", "Armed clash"),
])
def test_vigilantes_are_an_armed_side(text, expected):
    found = _types_in(text, "2021-03-11")
    assert expected in found, found


def test_people_gathering_firewood_hold_no_demonstration():
    text = ("MAROUA, Cameroon - Seven people, five of them women, were kidnapped on Saturday while gathering "
            "firewood in the bush near Zamai, police said.")
    found = _types_in(text, "2021-03-11")
    assert "Abduction/forced disappearance" in found and not {"Peaceful protest", "Protest with intervention",
                                                                "Violent demonstration"} & set(found), found


def test_a_headlines_as_clause_is_its_own_happening():
    # guard (passes on 8ae9c0f too, by another parse): a headline's "as" clause is not the killing
    text = ("Three killed in weekend of bloodshed as Laventille residents march for peace\n\nPORT OF SPAIN - "
            "Hundreds of people walked from Laventille into Port of Spain yesterday, a day after gunmen killed two "
            "young men on Pashley Street.")
    found = _types_in(text, "2025-01-14")
    assert "Excessive force against protesters" not in found, found


@pytest.mark.parametrize("text", [
    # a toll kept in the perfect over the first months of a year sums many incidents
    "DHAKA - According to APBn data, 48 Rohingyas have been killed in the camps in the first seven months of this "
    "year.",
    # surrenders tallied since a month sum many surrenders
    "MANILA - At least 78 Abu Sayyaf members have surrendered in Sulu and Basilan since January, according to "
    "Westmincom.",
    # a perfect clause joined to a tally kept since then is kept since then too
    "At least 90 people have been killed by security forces since then, and more than 2,000 have been arrested.",
    # attacks in previous election seasons are many, of seasons gone
    "Party offices and candidates' homes in the province have been targeted by grenade attacks in previous "
    "election seasons.",
])
def test_a_tally_kept_over_months_is_no_single_event(text):
    (ex,) = extract_articles([Article(id="g", title="", text=text, published="2023-08-10")])
    told = [e for e in ex.events if e.event_type or e.plover in ("AGREE", "RETREAT")]
    assert told and all(e.timing == "generic" for e in told), [(e.sub_event_type or e.plover, e.timing) for e in told]


@pytest.mark.parametrize("headline, doer", [
    # the parser makes the struck place or the event noun the subject: neither is a doer
    ("Market shelling kills 14 in besieged Kadugli", None),
    ("Mosque bombing kills 20 in Quetta", None),
    # guard: an event noun whose modifier names its doer keeps it
    ("Taliban attack kills 20 in Quetta", "Taliban"),
])
def test_a_struck_place_or_an_event_noun_is_no_doer(headline, doer):
    from sitrep.evaluate import extract_records  # the reader's path: the first line is the headline
    text = headline + "\n\nKADUGLI - Officials said the toll could rise on Monday."
    out = extract_records([{"id": "d", "title": "", "text": text, "published": "2025-07-22"}])["d"]
    names = [(e.get("actor1") or {}).get("name") for e in out["events"] if e.get("event_type")]
    assert names and all((n == doer) if doer else (n is None or n.startswith("Unidentified")) for n in names), names


@pytest.mark.parametrize("text, consult", [
    # a place that hosts people houses them: no meeting (event_typing._houses_people)
    ("The city, which hosts tens of thousands of people displaced by the fighting, was shelled again on Friday.",
     False),
    ("The town hosts thousands of refugees from across the border, the mayor said on Friday.", False),  # guard
    # guard: a leader who hosts another meets him
    ("President Ruto hosted his Tanzanian counterpart at State House in Nairobi on Friday.", True),
])
def test_a_place_that_hosts_people_holds_no_meeting(text, consult):
    evs = _extract_all([text])[0].events
    got = any(e.plover == "CONSULT" for e in evs)
    assert got == consult, [(e.plover, e.trigger) for e in evs]


@pytest.mark.parametrize("text, attack", [
    # the drug gangs a sentence names are armed groups: their shooting is no petty crime
    ("A bus driver was shot dead on Sunday night in La Ceiba, the latest in a string of killings linked to the "
     "drug gangs that extort transport workers.", True),
    # guard: a shooting in a robbery stays a crime
    ("A shop owner was shot during a robbery on Sunday night in La Ceiba, police said.", False),
])
def test_a_shooting_beside_drug_gangs_is_an_attack_not_a_crime(text, attack):
    evs = _extract_all([text])[0].events
    assert any(e.sub_event_type == "Attack" for e in evs) == attack, [(e.sub_event_type, e.rule) for e in evs]


@pytest.mark.parametrize("text, moved", [
    # forces arriving somewhere are deployed there (PLOVER MOBILIZE)
    ("The first contingent of troops arrived in Malakal on Sunday afternoon, the army said.", True),
    ("A tactical police team had been moved to the area by Monday morning, officials said.", True),
    # guards: a team that is no force, and forces whose arrival is the operation they carried out
    ("The rescue team arrived at the scene on Monday.", False),
    ("Soldiers arrived in the village at dawn, shooting into the air, residents said.", False),
])
def test_forces_that_arrive_somewhere_are_deployed(text, moved):
    evs = _extract_all([text])[0].events
    got = any(e.plover == "MOBILIZE" and e.trigger in ("arrived", "moved") for e in evs)
    assert got == moved, [(e.plover, e.sub_event_type, e.trigger) for e in evs]


@pytest.mark.parametrize("text, plover", [
    # a government that blocks platforms censors them (PLOVER COERCE), it rejects no proposal
    ("The government blocked 26 social media platforms, including Facebook and YouTube, on Thursday.", "COERCE"),
    ("The interior ministry blocked access to the website of an opposition newspaper on Monday.", None),
])
def test_platforms_blocked_are_censored_not_rejected(text, plover):
    evs = _extract_all([text])[0].events
    assert not any(e.plover == "REJECT" for e in evs), [(e.plover, e.rule) for e in evs]
    if plover:
        assert any(e.plover == plover for e in evs), [(e.plover, e.rule) for e in evs]


@pytest.mark.parametrize("text, kind, timing", [
    # "N times" on a shooting verb counts the shots of one attack
    ("A man on a scooter fired at least six times at a group outside a snack bar in Anderlecht on Wednesday.",
     "Violence against civilians", "current"),
    # guard: a stretch of time holds the repeats
    ("Gunmen fired on the checkpoint four times in March, police said.", "Battles", "generic"),
])
def test_shots_counted_are_one_attack_repeats_over_a_stretch_are_many(text, kind, timing):
    import sitrep
    acts = [e for e in sitrep.extract(text, published="2024-04-18").events if e.event_type == kind]
    assert acts and all(e.timing == timing for e in acts), [events.explain(e) for e in acts]


@pytest.mark.parametrize("text, certainty", [
    # "trying to determine who shot dead a man": the shooting is told; its doer is sought
    ("Detectives are trying to determine who shot dead a man outside a gym in Vancouver on Monday night.",
     "asserted"),
    # guard: "whether" asks if it happened at all
    ("Detectives are trying to determine whether a man was shot outside a gym in Vancouver on Monday night.",
     "hypothetical"),
])
def test_an_act_asked_about_by_who_is_told_as_happening(text, certainty):
    import sitrep
    acts = [e for e in sitrep.extract(text, published="2025-06-12").events if e.event_type]
    assert acts and all(e.certainty == certainty for e in acts), [events.explain(e) for e in acts]


def test_shots_fired_retell_the_shooting():
    import sitrep
    text = ("Two men were wounded by gunfire near the metro station in Anderlecht on Wednesday. The shots were "
            "fired shortly after 4 p.m. on the square outside the station.")
    acts = [e for e in sitrep.extract(text, published="2024-04-18").events if e.sub_event_type == "Attack"]
    at = text.index("The shots")
    assert acts and any(a <= at < b for a, b in acts[0].mentions), [(e.mentions, events.explain(e)) for e in acts]


@pytest.mark.parametrize("text, attack", [
    # men the report cannot name who open fire on people are gunmen (docs/annotation.md)
    ("Two men on a scooter opened fire on a group outside a snack bar in Anderlecht on Wednesday.", True),
    # guard: a man who shoots his own neighbour commits a crime between persons
    ("A man shot his neighbour after an argument in Leeds on Friday.", False),
])
def test_unknown_men_who_open_fire_are_gunmen(text, attack):
    import sitrep
    types = [e.sub_event_type for e in sitrep.extract(text, published="2024-04-18").events if e.event_type]
    assert ("Attack" in types) == attack, types


@pytest.mark.parametrize("text, kind, date, timing", [
    # "a week later" counts from the day named last, though what happened that day is no event
    ("Gunmen stormed the town hall on Saturday morning. Anger has simmered since two dams burst on "
     "11 September 2023. A week later, protesters set fire to the mayor's house.", "Violent demonstration",
     "2023-09-18", "background"),
    # from the previous event's day when no day is named after it
    ("Gunmen attacked a village on Monday, killing five. Two days later, troops retook the village.",
     "Government regains territory", "2024-04-17", "current"),
    # "a day after" hung by the parser on the clause it measures counts back from the governing day
    ("LIMA - The government on Thursday declared a state of emergency in the capital, a day after a student "
     "march over fees ended in clashes with police.", "Violent demonstration", "2024-04-17", "current"),
])
def test_a_relative_day_counts_from_the_day_named_last(text, kind, date, timing):
    import sitrep
    ex = sitrep.extract(text, published="2024-04-19")
    acts = [e for e in ex.events if kind == e.sub_event_type]
    assert acts and all((e.date_start, e.timing) == (date, timing) for e in acts), \
        [(e.sub_event_type, e.date_start, e.timing) for e in ex.events]


def test_a_result_clause_with_no_one_and_a_weapon_seized_leave_the_attack_as_told():
    # "killing no one" negates the result, not the ambush; the grenade launcher was seized, not fired
    text = ("The army said soldiers on patrol were ambushed from two pickup trucks and fought off the attackers, "
            "killing no one but detaining four men and seizing rifles and a grenade launcher.")
    evs, why = _events_where(text, lambda e: e.event_type == "Battles")
    assert evs and all(e.certainty == "asserted" and e.sub_event_type == "Armed clash" for e in evs), why
    assert all("killing no one" not in text[e.start:e.end] for e in evs), why  # the evidence stops before it


@pytest.mark.parametrize("text, actor", [
    # who claims an attack is its perpetrator, in place of the unknown one
    ("A suicide bomber killed 12 soldiers at a checkpoint outside Baidoa on Monday. Al-Shabaab claimed "
     "responsibility for the attack.", "Al-Shabaab"),
    # no group claiming it names no one (a guard)
    ("A suicide bomber killed 12 soldiers at a checkpoint outside Baidoa on Monday. No group has claimed "
     "responsibility for the attack.", "Unidentified armed group (Somalia)"),
])
def test_the_group_claiming_an_attack_is_its_perpetrator(text, actor):
    import sitrep
    ex = sitrep.extract("Report\n\n" + text, published="2024-05-10")
    acts = [e for e in ex.events if e.event_type and e.certainty in ("asserted", "claimed")]
    assert acts and all(e.actor1 is not None and e.actor1.name == actor for e in acts), \
        [(e.sub_event_type, e.actor1, e.mentions) for e in ex.events]


@pytest.mark.parametrize("text, kind", [
    # what an arrest is made on suspicion of names the offence, not a riot told
    ("Two boys aged 16 and 17 were arrested on suspicion of violent disorder on Monday.", "Arrests"),
    # the Irish police are an actor, not Garda in Italy
    ("Gardaí have made 31 arrests after a night of rioting in Dublin city centre, officials said.", "Arrests"),
])
def test_an_arrest_for_an_offence_is_an_arrest_by_its_police(text, kind):
    evs, why = _events_where(text, lambda e: e.event_type is not None)
    assert evs and all(e.sub_event_type == kind for e in evs if e.start <= text.index("arrest")), why
    assert all(e.place != "Garda" for e in evs), why


@pytest.mark.parametrize("text, kind, not_kind", [
    # a suicide car bomb that opens an assault on a base is the battle's (ACLED's hierarchy)
    ("Heavy fighting broke out on Tuesday when militants attacked an army base near the town. The militants "
     "launched the assault with a suicide car bomb at the main gate.", "Armed clash", "Suicide bomb"),
    # what a shooting set off (a sit-in) does not make the shooting force against protesters
    ("A doctor was shot dead inside his clinic on Tuesday evening, prompting his relatives to stage a sit-in "
     "at the main roundabout.", "Attack", "Excessive force against protesters"),
    # the harm a participle of result tells after a blast is the blast's, with no weapon word
    ("A car packed with explosives detonated on Tuesday night outside a police station, wounding at least "
     "nine people, including three police officers.", "Remote explosive/landmine/IED", "Armed clash"),
])
def test_an_incidents_type_is_its_happenings_not_its_neighbours(text, kind, not_kind):
    evs, why = _events_where(text, lambda e: e.event_type is not None and e.certainty in (A, C))
    assert any(e.sub_event_type == kind for e in evs), why
    assert not any(e.sub_event_type == not_kind for e in evs), why


def test_weapons_the_attackers_were_armed_with_are_carried_not_fired():
    text = ("Police said the dacoits, armed with rocket launchers and sophisticated weapons, stormed the police "
            "picket at around 11pm and kept firing for nearly an hour.")
    evs, why = _events_where(text, lambda e: e.event_type is not None)
    assert evs and all(e.sub_event_type == "Armed clash" for e in evs), why


def test_a_headlines_two_stories_keep_their_own_tolls_and_places():
    text = ("Doctor shot dead in Orangi; two policemen martyred as dacoits storm Kashmore picket\n\n"
            "KARACHI: A doctor was shot dead inside his clinic in Orangi Town on Tuesday evening.")
    from sitrep.evaluate import extract_records
    evs = extract_records([{"id": "h", "title": "", "text": text, "published": "2024-11-20"}])["h"]["events"]
    why = [(e.get("sub_event_type"), e.get("mentions"), e.get("rule")) for e in evs]
    doctor = [e for e in evs if any(a <= text.index("Doctor") < b for a, b in e.get("mentions") or [])]
    assert doctor and all(e["sub_event_type"] == "Attack" for e in doctor), why
    martyred = text.index("martyred")
    assert not any(a <= martyred < b for e in doctor for a, b in e["mentions"]), why
    # the second story: bandits storming a police post, a battle of its own
    picket = [e for e in evs if any(a <= martyred < b for a, b in e.get("mentions") or [])]
    assert picket and all(e["sub_event_type"] == "Armed clash" for e in picket), why


@pytest.mark.parametrize("text, timing", [
    # arrests counted "so far" for one incident are that incident's
    ("Eleven people have been arrested so far in connection with the violence at Jirania, police said.", "current"),
    # a count kept over a running period is a tally
    ("At least 58 people have been killed in the camps so far this year, police said.", "generic"),
])
def test_so_far_tallies_only_over_a_running_period(text, timing):
    evs, why = _events_where(text, lambda e: e.event_type is not None)
    assert evs and all(e.timing == timing for e in evs), why


def test_a_headline_verb_the_tagger_reads_as_a_noun_keeps_its_subject_and_object():
    text = ("Protesters storm de facto government building in Sukhumi; Tbilisi blames 'Russian occupation'\n\n"
            "Several hundred people had gathered outside the building on Monday.")
    stormed, why = _report_told_at(text, "2023-10-10", "storm")
    assert stormed and all(e["sub_event_type"] == "Violent demonstration" for e in stormed), why


def test_a_long_headline_tells_its_news_in_the_present():
    # a headline of more than 18 words, on a line of its own, still tells today's news in the
    # present tense: not a habit
    text = ("Shelling kills four near Kupiansk as volunteers race to evacuate the last residents of villages "
            "along the Oskil river\n\nKUPIANSK, Ukraine - Four people were killed on Sunday when shells hit "
            "a bus stop on the edge of the town, the regional governor said.")
    head, why = _report_told_at(text, "2024-11-18", "kills")
    assert head and all(e["timing"] != "generic" for e in head), why
    assert all(e["sub_event_type"] == "Shelling/artillery/missile attack" for e in head), why


@pytest.mark.parametrize("text, kind", [
    # "they" goes on from the armed men of the sentence before, not from the witnesses who tell it
    ("Armed men stormed the hamlet of Bas Limbe shortly after midnight on Sunday. They set fire to houses "
     "and shot at people fleeing toward the river, witnesses said.", "Attack"),
])
def test_they_is_who_the_story_was_about_not_who_tells_it(text, kind):
    start = text.index("They")
    evs, why = _events_where(text, lambda e: e.event_type is not None and any(
        a <= start < b for a, b in (e.mentions or [(e.start, e.end)])))
    assert evs and all(e.sub_event_type == kind for e in evs), why
    assert all(e.actor1 is None or e.actor1.kind != "civilians" for e in evs), why


def test_a_toll_beside_a_battle_with_other_sides_stays_with_its_attack():
    # the toll of gunmen's attack on villagers, told in one sentence with the police's fight
    # with those gunmen, is the attack's; the fight is a battle of its own
    text = ("Gunmen set fire to houses in the village of Bois Rouge on Sunday night and fired on people running "
            "toward the road. Police said five villagers were killed, and that officers had repelled the bandits "
            "with the help of residents.")
    evs, why = _events_where(text, lambda e: e.event_type is not None and e.certainty in (A, C))

    def told_at(word):
        i = text.index(word)
        return [e for e in evs if any(a <= i < b for a, b in (e.mentions or [(e.start, e.end)]))]
    assert told_at("set fire") and all(e.sub_event_type == "Attack" for e in told_at("set fire")), why
    assert told_at("repelled") and all(e.sub_event_type == "Armed clash" for e in told_at("repelled")), why


def test_a_datelines_date_is_the_filing_day_not_the_events():
    # "KHERSON, Nov 18 (Reuters) - ... overnight": the dateline dates the story; the shelling
    # was in the night before it
    text = ("Drones hit Kherson\n\nKHERSON, Nov 18 (Reuters) - Russian drones and missiles struck the centre of "
            "Kherson and two villages on the river overnight, killing three people, the regional governor said.")
    lead, why = _report_told_at(text, "2024-11-18", "overnight")
    assert lead and all(e["date_start"] == "2024-11-17" for e in lead), why


def test_a_crowds_violence_told_beside_the_arrests_it_led_to_is_its_own_event():
    # "dozens arrested" follow the clashes: the arrests and the clashes are two events, and
    # the clashes, though a bare noun, took place
    text = "Third night of clashes in the capital's suburbs, dozens arrested"
    evs, why = _events_where(text, lambda e: e.event_type is not None)
    kinds = {e.sub_event_type for e in evs}
    assert "Arrests" in kinds and len(kinds) == 2, why


def test_the_fighting_said_of_a_massacre_does_not_make_it_a_battle():
    # "the fighting", by no one named, refers back: the gunmen's killing of men in a common
    # room stays an attack on civilians
    text = ("Gunmen kill nine at drug rehab center\n\nGunmen stormed a drug rehabilitation center in the border city "
            "late on Friday and killed nine people, prosecutors said. The attackers opened fire on men who were "
            "gathered in a common room. Prosecutors said the fighting had lasted only minutes.")
    lead, why = _report_told_at(text, "2024-10-19", "stormed")
    assert lead and all(e["sub_event_type"] == "Attack" for e in lead), why



def test_a_clock_time_runs_on_the_day_the_story_last_named():
    text = ("Workers' protest in Tuzla ends in clashes\n\n"
            "TUZLA - The cantonal government of Tuzla resigned on Thursday after a day of unrest.\n\n"
            "The protest began on Wednesday at around 11am, when several hundred former factory workers "
            "marched to the cantonal government building in Tuzla.\n\n"
            "The workers demanded that the canton pay the pension and health contributions it has owed them for "
            "more than a decade, some of them since the factories were sold off and closed. The crowd grew through "
            "the afternoon as students, pensioners and other citizens joined the workers, and speakers addressed "
            "them from a truck parked in front of the entrance.\n\n"
            "Shortly after 3pm, protesters began throwing stones and flares at the police cordon.")
    told, why = _report_told_at(text, "2022-03-10", "throwing")
    assert told and all(e["date_start"] == "2022-03-09" for e in told), why



@pytest.mark.parametrize("text,word,sub_type", [
    # miners are not a mine accident's victims when gunmen attacked their mine
    ("Gunmen kill miners in Kidal raid\n\nGunmen attacked an artisanal gold mine near Kidal overnight. At least "
     "six miners were killed, a local official said.", "six miners", "Attack"),
    # a parse that loses the subject of "were thrown at" still tells missiles thrown at the police
    ("Rally in Tula turns violent\n\nProtesters gathered in Tula on Monday. According to the governor, rocks, "
     "bottles and pieces of concrete were thrown at the riot police, and two police vans were damaged on Lenin "
     "Street.", "were thrown", "Violent demonstration"),
])
def test_a_mention_of_the_incident_is_its_evidence(text, word, sub_type):
    told, why = _report_told_at(text, "2024-05-10", word)
    assert [e["sub_event_type"] for e in told] == [sub_type], why


@pytest.mark.parametrize("text", [
    # a warning conjoined to a condemnation is its own act, anchored by what it says
    "The militia's spokesman condemned the raids and warned that such attacks would not go unanswered.",
    # a warning of what will be done to whoever defies the authorities
    "The district administration warned that anyone blocking the highway would be arrested.",
])
def test_a_warning_of_what_will_befall_someone_is_a_threat(text):
    found, why = _events_where(text, lambda e: e.plover == "THREATEN" and "warned of what will be done" in e.rule)
    assert found, why


def test_fighting_measured_out_in_days_happened():
    found, why = _events_where("The town was calm on Sunday after two days of fighting in its northern districts.",
                               lambda e: e.sub_event_type == "Armed clash")
    assert found, why
