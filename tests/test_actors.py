"""Actor resolution on sentences we wrote: composites, possessives, people, pronouns, case."""
import pytest

from actor_codes import actors_in


@pytest.mark.parametrize("text,phrase,code", [
    ("Chinese officials rejected the plan.", "Chinese officials", "CHNGOV"),
    ("The North Koreans rejected the plan.", "North Koreans", "PRK"),
    ("Japan's top negotiator rejected the plan.", "Japan's top negotiator", "JPNGOV"),
    ("Russian troops crossed the border.", "Russian troops", "RUSMIL"),
    ("Pyongyang rejected the plan.", "Pyongyang", "PRK"),
    ("The Kremlin rejected the plan.", "Kremlin", "RUSGOV"),
    ("Syrian rebels attacked the town.", "Syrian rebels", "SYRREB"),
])
def test_composites(coder, text, phrase, code):
    found = actors_in(coder, text)
    assert any(phrase in k and v == code for k, v in found.items()), found


def test_coordinated_actors_each_get_a_code(coder):
    found = actors_in(coder, "China and Russia rejected the proposal.")
    assert set(found.values()) >= {"CHN", "RUS"}


def test_unknown_country_sector(coder):
    found = actors_in(coder, "Rebels attacked a convoy.")
    assert "---REB" in found.values()


def test_person_introduced_with_title_is_carried_through(coder):
    text = ("French Foreign Minister Jean Dupont arrived on Monday. "
            "Dupont later rejected the offer.")
    found = actors_in(coder, text)
    assert found.get("Dupont") == "FRAGOV" or "FRAGOV" in found.values()
    assert list(found.values()).count("FRAGOV") >= 2


def test_pronoun_refers_to_last_person(coder):
    found = actors_in(coder, "U.S. envoy John Smith met the press. He criticized Iran.")
    assert found.get("He") == "USAGOV"


def test_office_holder_resolves_only_in_office(coder):
    assert "CHNGOV" in actors_in(coder, "Li Zhaoxing criticized the plan.", date="2006-07-07").values()
    assert "CHNGOV" not in actors_in(coder, "Li Zhaoxing criticized the plan.", date="2015-01-01").values()


def test_lowercase_common_words_are_not_countries(coder):
    found = actors_in(coder, "They bought china and a turkey for the dinner.")
    assert "CHN" not in found.values() and "TUR" not in found.values()


def test_us_pronoun_is_not_the_united_states(coder):
    found = actors_in(coder, "The rebels told us they would attack.")
    assert "USA" not in found.values()


def test_unknown_country_actor_takes_the_sentence_country(coder):
    ev = coder.code_text("Rebels attacked a police station in Kenya on Monday.", date="2010-03-05")
    assert any(e.source == "KENREB" for e in ev), [(e.source, e.target) for e in ev]


def test_unknown_country_actor_placed_by_city(coder):
    ev = coder.code_text("Rebels shelled a market near Kandahar.", date="2010-03-05")
    assert any(e.source == "AFGREB" for e in ev), [(e.source, e.target) for e in ev]


def test_residents_are_coded_by_country_of_residence(coder):
    found = actors_in(coder, "Bosnian Serbs rejected the plan.")
    assert "BIH" in found.values()


def test_the_two_sides_are_the_last_two_parties(coder):
    ev = coder.code_text("Indian officials met Pakistani officials in Delhi. The two sides discussed trade.",
                         date="2010-03-05")
    second = [e for e in ev if e.sentence_index == 1]
    assert {(e.source, e.target) for e in second} >= {("INDGOV", "PAKGOV"), ("PAKGOV", "INDGOV")}


def codes_of(coder, text, date="2010-03-05"):
    """Every (source, target) code of the events coded from `text`."""
    return {c for e in coder.code_text(text, date=date) for c in (e.source, e.target) if c}


def test_coordinated_nationalities_share_the_role_noun(coder):
    found = actors_in(coder, "Senior Danish and Norwegian officials rejected the plan.")
    assert {"DNKGOV", "NORGOV"} <= set(found.values()), found


def test_own_country_wins_over_an_of_phrase_on_a_group_noun(coder):
    found = actors_in(coder, "The Turkish side of the divided island of Cyprus rejected the plan.")
    assert "TUR" in found.values() and found.get("Turkish side of the divided island of Cyprus") != "CYP", found


def test_name_with_a_lowercase_particle(coder):
    found = actors_in(coder, "The attack killed two al-Qaeda commanders.")
    assert any(v.startswith("IMG") and v.endswith("ALQ") for v in found.values()), found


@pytest.mark.parametrize("text,code", [
    ("Iraqi Kurds rejected the plan.", "IRQCVLKUR"),
    ("Kurdish rebels attacked a Turkish army post.", "---REBKUR"),
    ("Shiite clerics rejected the plan.", "---RELMOSSHI"),
    ("Catholic bishops criticized the law.", "---RELCHRCTH"),
    ("Jewish settlers attacked a school.", "ISRSETJEW"),
])
def test_ethnic_and_religious_groups(coder, text, code):
    assert code in actors_in(coder, text).values(), actors_in(coder, text)


def test_ethnic_group_takes_the_country_it_lives_in(coder):
    found = actors_in(coder, "Ethnic Hungarians in Romania demanded more autonomy.")
    assert "ROUCVLHUN" in found.values(), found


def test_ethnic_adjective_alone_names_no_actor(coder):
    found = actors_in(coder, "Kurdish is spoken by the Kurdish people.")
    assert not any(v.endswith("KUR") and "CVL" not in v for v in found.values()), found


def test_group_word_is_no_actor_by_itself_in_a_name(coder):
    found = actors_in(coder, "Christian Mbeki opened the shop.")
    assert not any(v.endswith("CHR") for v in found.values()), found


@pytest.mark.parametrize("text,code", [
    ("Senegalese peacekeepers patrolled the border.", "IGOPKO"),
    ("United Nations peacekeepers patrolled the border.", "IGOUNOPKO"),
    ("NATO peacekeeping troops patrolled the border.", "IGOWSTNATPKO"),
])
def test_peacekeepers_are_international(coder, text, code):
    assert code in actors_in(coder, text).values(), actors_in(coder, text)


@pytest.mark.parametrize("text,code", [
    ("Israeli tanks shelled the camp.", "ISRMIL"),
    ("Russian aircraft bombed the village.", "RUSMIL"),
    ("Egyptian helicopters fired on the convoy.", "EGYMIL"),
])
def test_weapons_platforms_are_the_military(coder, text, code):
    assert code in actors_in(coder, text).values(), actors_in(coder, text)


def test_town_named_by_the_gazetteer_is_a_civilian_target(coder):
    assert "TURCVL" in codes_of(coder, "Soldiers shelled the town of Cizre on Monday.")


def test_regions_give_their_country(coder):
    assert "SDNREB" in actors_in(coder, "Darfur rebels attacked a convoy.").values()
    assert "RUSREB" in codes_of(coder, "Rebels in Chechnya attacked a police convoy.")


def test_west_bank_is_palestinian(coder):
    assert "PSE" in actors_in(coder, "The West Bank rejected the plan.").values()


def test_former_office_holder_is_an_elite_of_his_country(coder):
    found = actors_in(coder, "Former President Bill Clinton criticized the plan.", date="2012-05-01")
    assert "USAELI" in found.values(), found


def test_former_title_makes_any_office_elite(coder):
    found = actors_in(coder, "Former interior minister Jan Kowalski criticized the Polish government.")
    assert any(v.endswith("ELI") for v in found.values()), found


@pytest.mark.parametrize("text,code,date", [
    ("UNITA rebels attacked a convoy near Huambo.", "AGOREB", "1993-03-01"),
    ("The NPFL shelled the capital.", "LBRREB", "1992-10-20"),
    ("The Houthis fired a missile at a tanker.", "YEMREB", "2024-01-10"),
    ("The Islamic Salvation Front called for a general strike.", "DZAOPPFIS", "1991-05-25"),
    ("Likud rejected the proposal.", "ISRPTYLKD", "2005-01-01"),
    ("Xinhua criticized the report.", "CHNMED", "2010-01-01"),
    ("Gazprom cut gas supplies to Ukraine.", "RUSBUS", "2009-01-01"),
    ("Savimbi rejected the peace plan.", "AGOREB", "1998-06-01"),
])
def test_armed_groups_parties_media_companies_and_leaders(coder, text, code, date):
    assert code in actors_in(coder, text, date=date).values()


@pytest.mark.parametrize("text,code", [
    ("Italy's Democratic Party rejected the budget.", "ITAPTY"),
    ("The Israeli Labor Party joined the coalition.", "ISRPTYLBA"),
])
def test_shared_party_names_take_the_text_country(coder, text, code):
    assert code in actors_in(coder, text, date="2015-01-01").values()


def test_gazetteer_keeps_word_names_for_big_cities_only(coder):
    places = coder.resolver.gazetteer
    assert places.country_of("Kirkuk") == "IRQ" and places.country_of("Juba") == "SSD"
    # towns named like English words ("Police" in Poland, "Union" in the US) and airport
    # codes ("MID") are not places: they would make words into targets
    assert places.country_of("Police") is None and places.country_of("Union") is None
    assert places.country_of("Mid") is None
    ev = coder.code_text("Israel will evacuate all settlements in the Gaza Strip in mid-August.",
                         doc_id="t", date="2005-05-01")
    assert any(e.source == "ISR" and e.target == "PSE" for e in ev)


def test_people_of_a_country_are_coded_by_where_they_live(coder):
    ev = coder.code_text("The Albanians of southern Serbia demanded autonomy from Serbian authorities.",
                         doc_id="t", date="2001-05-01")
    assert any(e.source == "SRB" and e.target == "SRBGOV" for e in ev)


def test_a_pronoun_points_to_its_antecedent_in_the_same_sentence(coder):
    ev = coder.code_text("The Kenyan army said it will not release the Somali fighters.", doc_id="t",
                         date="2011-10-20")
    assert [(e.source, e.source_text) for e in ev] == [("KENMIL", "Kenyan army")]


def test_foreign_actors_keep_an_unknown_country(coder):
    ev = coder.code_text("Kenyan police arrested foreign journalists in Nairobi.", doc_id="t",
                         date="2015-01-01")
    assert any(e.source == "KENCOP" and e.target.startswith("---") for e in ev)


def test_wire_style_company_suffixes_make_a_business(coder):
    ev = coder.code_text("American Health Insurance Corp sold its unit to Canadian Life Inc.",
                         doc_id="t", date="1987-03-02")
    assert not ev  # one firm selling to another is commerce


def test_anti_and_pro_are_stances_not_nationalities(coder):
    ev = coder.code_text("Anti-American protesters marched in Baghdad on Friday.", doc_id="t",
                         date="2006-07-07")
    assert ev and all(not e.source.startswith("USA") for e in ev)


def test_member_of_an_organization_keeps_its_country(coder):
    ev = coder.code_text("NATO-member Norway condemned Russia on Friday.", doc_id="t",
                         date="2006-07-07")
    assert ("NOR", "RUS") in {(e.source, e.target) for e in ev}


def test_a_firm_named_after_a_country_or_a_body_is_a_firm(coder):
    ev = coder.code_text("British and Commonwealth Holdings Plc said it will sell its stake to the "
                         "government of Kenya.", date="1987-03-02")
    assert ev and all(e.source == "---BUS" for e in ev)
    ev = coder.code_text("Japan Air Lines Co said it will buy ten Boeing jets from the United States.",
                         date="1987-03-02")
    assert ev and all(e.source == "JPNBUS" for e in ev)


def test_a_town_named_like_a_noun_is_a_place_where_the_text_makes_it_one(coder):
    places = coder.resolver.gazetteer
    assert places.country_of("Jericho") is None           # a word of the language by itself
    assert places.country_of("Jericho", named_place=True) == "PSE"
    assert places.country_of("Police", named_place=True) is None   # also a verb: never a town
    got = {(e.source, e.target, e.code[:2]) for e in coder.code_text(
        "Israeli troops shelled houses in Jericho on Sunday.", doc_id="t", date="2002-04-01")}
    assert ("ISRMIL", "PSE", "19") in {(s, t[:3], c) for s, t, c in got}
    # an article makes it a common noun again, and a word inside a longer name proves nothing
    assert not any(t.startswith("USA") for _, t, _ in {(e.source, e.target, e.code) for e in coder.code_text(
        "Rebels seized a second town in the Central Africa Republic.", doc_id="t", date="2007-01-01")})


def test_people_from_a_national_body_are_of_its_country(coder):
    got = {(e.source, e.target, e.code) for e in coder.code_text(
        "Doctors from two French aid groups visited Gaza.", doc_id="t", date="2009-01-01")}
    assert any(s == "FRAHLH" for s, _, _ in got)


def test_people_from_a_town_are_of_its_country(coder):
    got = {(e.source, e.target, e.code) for e in coder.code_text(
        "A Christian missionary from Calgary was arrested in Lebanon on Monday.", doc_id="t", date="1990-01-01")}
    assert any(t.startswith("CAN") for _, t, _ in got)


def test_the_pope_is_the_holy_see(coder):
    got = {(e.source, e.code) for e in coder.code_text(
        "The Pope condemned the attack on the church in Egypt.", doc_id="t", date="2017-01-01")}
    assert ("VATGOV", "111") in got
    got = {e.source for e in coder.code_text(
        "Coptic Pope Tawadros condemned the attack on the church in Egypt.", doc_id="t", date="2017-01-01")}
    assert got == {"EGYRELCHRCPT"}


def test_jewish_settlers_are_israels(coder):
    got = {(e.source, e.target) for e in coder.code_text(
        "Jewish settlers in the West Bank city of Hebron set fire to Palestinian offices.", doc_id="t", date="1995-01-01")}
    assert ("ISRSETJEW", "PSE") in got


def test_the_subject_of_a_reported_clause_is_its_speaker(coder):
    got = {(e.source, e.code) for e in coder.code_text(
        "A Japanese virus expert says he is pessimistic about the Olympics.", doc_id="t", date="2020-05-01")}
    assert ("JPN", "012") in got
    got = {e.source for e in coder.code_text(
        "Prime Minister Blair met President Bush. President Bush said he would visit Israel.", doc_id="t", date="2004-05-01")
        if e.code == "036"}
    assert got == {"USAGOV"}
    # in a quotation "he" is someone else than the speaker
    got = [e for e in coder.code_text('"He should resign," the Indian minister said.', doc_id="t", date="2004-05-01")]
    assert not any(e.source == "INDGOV" and e.code.startswith("08") for e in got)


def test_the_sides_of_a_war_are_of_its_country(coder):
    got = {(e.source, e.target, e.code) for e in coder.code_text(
        "The UN called on all parties to the conflict in Syria to respect the ceasefire.", doc_id="t", date="2016-01-01")}
    assert any(s == "IGOUNO" and t == "SYR" for s, t, _ in got)
    got = {e.source for e in coder.code_text("The warring factions in Libya signed a truce.", doc_id="t", date="2016-01-01")}
    assert got == {"LBY"}
