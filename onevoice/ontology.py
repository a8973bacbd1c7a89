"""CAMEO event codes: names, roots, quad class, Goldstein weights, intent codes and PLOVER mapping.

Loaded from `data/ontology/cameo_codes.tsv`; one `Ontology` instance is shared by a `Coder`.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .tsv import DATA_DIR, read_tsv

QUAD_NAMES = {1: "Verbal Cooperation", 2: "Material Cooperation", 3: "Verbal Conflict", 4: "Material Conflict"}


@dataclass(frozen=True)
class CameoCode:
    code: str
    root: str
    name: str
    quad_class: int
    goldstein: float
    intent_code: str
    plover_event: str
    plover_mode: str
    plover_context: str
    refusal_code: str = ""


class Ontology:
    """All CAMEO event codes, looked up by code string ("042")."""

    def __init__(self, path: str | Path | None = None):
        path = Path(path) if path else DATA_DIR / "ontology" / "cameo_codes.tsv"
        self.codes: dict[str, CameoCode] = {}
        for _, r in read_tsv(path):
            self.codes[r["code"]] = CameoCode(
                code=r["code"], root=r["root"], name=r["name"], quad_class=int(r["quad_class"]),
                goldstein=float(r["goldstein"]), intent_code=r["intent_code"],
                plover_event=r["plover_event"], plover_mode=r["plover_mode"],
                plover_context=r["plover_context"], refusal_code=r.get("refusal_code") or "")

    def __contains__(self, code: str) -> bool:
        return code in self.codes

    def __getitem__(self, code: str) -> CameoCode:
        return self.codes[code]

    def __len__(self) -> int:
        return len(self.codes)

    def intent(self, code: str) -> str:
        """The code CAMEO uses when `code`'s act is announced or planned, not done (042 -> 036)."""
        c = self.codes.get(code)
        return c.intent_code if c and c.intent_code else code

    def refusal(self, code: str) -> str | None:
        """The code for refusing `code`'s act ("will not release them": 084 -> 1243), or None
        when CAMEO has no refusal of that kind of act."""
        c = self.codes.get(self.intent(code))
        return c.refusal_code or None if c else None
