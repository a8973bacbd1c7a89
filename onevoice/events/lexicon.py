"""Event lexicons: verb patterns, event nouns and mode cues, loaded from `data/events/`."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..tsv import DATA_DIR, read_tsv, split_list


# The code of a row that marks a phrase as no event at all ("heart attack", "tender offer"):
# being more specific than the plain row, it wins over it and nothing is coded.
NOT_AN_EVENT = "-"


@dataclass(frozen=True)
class Pattern:
    """One row of verbs.tsv or nouns.tsv."""

    code: str
    word: str                       # verb or noun lemma
    particle: str = ""
    objects: frozenset = frozenset()     # verbs: required direct-object lemmas
    complements: frozenset = frozenset()  # verbs: required complement lemmas ("*" = any)
    modifiers: frozenset = frozenset()   # nouns: required modifier lemmas
    target: tuple = ("dobj",)       # where the target is: dobj, iobj, none, between, prep:x
    symmetric: bool = False
    source: str = ""                # file:line
    is_noun: bool = False

    @property
    def specificity(self) -> int:
        return (bool(self.particle) + 2 * bool(self.objects) + 2 * bool(self.modifiers)
                + (2 if self.complements and "*" not in self.complements else
                   1 if self.complements else 0))

    @property
    def target_preps(self) -> frozenset:
        preps = set()
        for t in self.target:
            if t.startswith("prep:"):
                preps.update(t[5:].split("|"))
        return frozenset(preps)

    def describe(self) -> str:
        parts = [self.word]
        if self.particle:
            parts.append(self.particle)
        if self.objects:
            parts.append("+" + "|".join(sorted(self.objects)))
        if self.modifiers:
            parts.insert(0, "|".join(sorted(self.modifiers)))
        if self.complements:
            parts.append("to " + "|".join(sorted(self.complements)))
        return f"{self.source} {' '.join(parts)} -> {self.code}"


def _targets(cell: str) -> tuple:
    cell = (cell or "dobj").strip()
    out = []
    for part in cell.split(","):
        part = part.strip()
        if part:
            out.append(part)
    return tuple(out) or ("dobj",)


class EventLexicon:
    """Verb patterns by lemma, noun patterns by lemma, and mode cues."""

    def __init__(self, data_dir: Path | None = None, known_codes=None):
        base = Path(data_dir) if data_dir else DATA_DIR / "events"
        self.verbs: dict[str, list[Pattern]] = {}
        self.nouns: dict[str, list[Pattern]] = {}
        self.modes: dict[str, str] = {}          # single-lemma cue -> mode
        self.mode_phrases: list[tuple[tuple[str, ...], str]] = []
        self.things: set[str] = set()            # nouns that never head a source
        self.known_codes = known_codes
        if (base / "verbs.tsv").exists():
            self.load_verbs(base / "verbs.tsv")
        if (base / "nouns.tsv").exists():
            self.load_nouns(base / "nouns.tsv")
        if (base / "modes.tsv").exists():
            self.load_modes(base / "modes.tsv")
        if (base / "things.tsv").exists():
            self.load_things(base / "things.tsv")

    def _check(self, code: str, where: str) -> None:
        if code == NOT_AN_EVENT:
            return
        if self.known_codes is not None and code not in self.known_codes:
            raise ValueError(f"{where}: unknown CAMEO code {code!r}")

    def load_verbs(self, path: Path) -> None:
        for line, r in read_tsv(path):
            where = f"{path.name}:{line}"
            self._check(r["code"], where)
            p = Pattern(code=r["code"], word=r["verb"].lower(), particle=r.get("particle", "").lower(),
                        objects=frozenset(x.lower() for x in split_list(r.get("object", ""))),
                        complements=frozenset(x.lower() for x in split_list(r.get("complement", ""))),
                        target=_targets(r.get("target", "")),
                        symmetric=r.get("symmetric", "").lower() == "yes", source=where)
            self.verbs.setdefault(p.word, []).append(p)

    def load_nouns(self, path: Path) -> None:
        for line, r in read_tsv(path):
            where = f"{path.name}:{line}"
            self._check(r["code"], where)
            p = Pattern(code=r["code"], word=r["noun"].lower(),
                        modifiers=frozenset(x.lower() for x in split_list(r.get("modifier", ""))),
                        target=_targets(r.get("target", "none")),
                        symmetric=r.get("symmetric", "").lower() == "yes", source=where, is_noun=True)
            self.nouns.setdefault(p.word, []).append(p)

    def load_modes(self, path: Path) -> None:
        for _, r in read_tsv(path):
            cue = r["cue"].lower().split()
            if len(cue) == 1:
                self.modes[cue[0]] = r["mode"]
            elif cue:
                self.mode_phrases.append((tuple(cue), r["mode"]))

    def load_things(self, path: Path) -> None:
        for _, r in read_tsv(path):
            noun = r["noun"].strip().lower()
            if noun:
                self.things.add(noun)
