"""State institutions named on their own (ministries, agencies, legislatures, courts, security
services), resolved in sentences we wrote; and the ordinary words they must not be read in."""
from functools import partial

import pytest

from actor_codes import actors_in

actors_in = partial(actors_in, date="2020-07-07")


@pytest.mark.parametrize("text,phrase,code", [
    ("The Department of Homeland Security deported the man.", "Department of Homeland Security", "USAGOV"),
    ("DHS officials rejected the plan on Tuesday.", "DHS officials", "USAGOV"),
    ("ICE arrested 40 migrants in Texas.", "ICE", "USACOP"),
    ("The Fed raised interest rates on Wednesday.", "Fed", "USAGOV"),
    ("The House Intelligence Committee subpoenaed the director.", "House Intelligence Committee", "USALEG"),
    ("Senate Republicans blocked the bill.", "Senate Republicans", "USALEG"),
    ("The Home Office deported him.", "Home Office", "GBRGOV"),
    ("Scotland Yard arrested the suspect.", "Scotland Yard", "GBRCOP"),
    ("The Met Police arrested the suspect.", "Met Police", "GBRCOP"),
    ("The Investigative Committee charged the journalist.", "Investigative Committee", "RUSCOP"),
    ("The Russian Security Council met on Friday.", "Russian Security Council", "RUSGOV"),
    ("Belarusian KGB officers arrested the activist.", "Belarusian KGB officers", "BLRSPY"),
    ("The NPC approved the law.", "NPC", "CHNLEG"),
    ("The CMC ordered new drills.", "CMC", "CHNMIL"),
    ("Western Theater Command held drills near Tibet.", "Western Theater Command", "CHNMIL"),
    ("The Legislative Yuan passed the budget.", "Legislative Yuan", "TWNLEG"),
    ("The Supreme People's Assembly met in Pyongyang.", "Supreme People's Assembly", "PRKLEG"),
    ("The Diet passed the security bill.", "Diet", "JPNLEG"),
    ("The Guardian Council disqualified the candidates.", "Guardian Council", "IRNGOV"),
    ("NIA officers raided the house of the militant.", "NIA officers", "INDCOP"),
    ("The Federal Foreign Office summoned the ambassador.", "Federal Foreign Office", "DEUGOV"),
    ("The Carabinieri arrested the mayor.", "Carabinieri", "ITACOP"),
    ("The Iraqi National Intelligence Service arrested the suspect.", "Iraqi National Intelligence Service",
     "IRQSPY"),
    ("The Milli Majlis adopted a resolution.", "Milli Majlis", "AZELEG"),
    ("Africa CDC warned about the outbreak.", "Africa CDC", "IGOAFRAFU"),
    ("The Japanese Red Army hijacked the plane.", "Japanese Red Army", "JPNREB"),
])
def test_named_institutions(coder, text, phrase, code):
    found = actors_in(coder, text)
    assert found.get(phrase) == code, found


@pytest.mark.parametrize("text,phrase,code", [
    ("Pakistan's National Assembly passed the bill.", "Pakistan's National Assembly", "PAKLEG"),
    ("The French National Assembly passed the bill.", "French National Assembly", "FRALEG"),
    ("South Korea's National Assembly impeached the president.", "South Korea's National Assembly", "KORLEG"),
    ("The Brazilian Senate rejected the decree.", "Brazilian Senate", "BRALEG"),
    ("Kenya's Supreme Court annulled the election.", "Kenya's Supreme Court", "KENJUD"),
])
def test_shared_names_take_the_text_country(coder, text, phrase, code):
    found = actors_in(coder, text)
    assert found.get(phrase) == code, found


@pytest.mark.parametrize("text,code", [
    ("He put ice on the wound before the match.", "USACOP"),
    ("The children played on the ice all afternoon.", "USACOP"),
    ("They stayed in the house for a week.", "USALEG"),
    ("House prices rose sharply last year.", "USALEG"),
    ("A healthy diet reduces the risk of disease.", "JPNLEG"),
    ("He worked from his home office.", "GBRGOV"),
    ("Nia Long met the mayor.", "INDCOP"),
    ("Olaf Scholz met the president.", "IGOEUREEC"),
    ("The doctor said the raw data were wrong.", "INDSPY"),
])
def test_ordinary_words_are_not_institutions(coder, text, code):
    assert code not in actors_in(coder, text).values()


def test_lower_case_ice_is_no_agency(coder):
    found = actors_in(coder, "Ice covered the road, and the ice melted by noon.")
    assert "USACOP" not in found.values(), found
