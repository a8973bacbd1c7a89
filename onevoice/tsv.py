"""Reading our TSV data files: header row, `#` comment lines, `|` lists, row numbers kept."""
from __future__ import annotations

import csv
from pathlib import Path
from typing import Iterator

DATA_DIR = Path(__file__).resolve().parent / "data"


def read_tsv(path: str | Path) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (line number, row) for every data row; cells are stripped, missing ones empty."""
    path = Path(path)
    with path.open(encoding="utf-8-sig", newline="") as fh:
        header: list[str] | None = None
        for lineno, line in enumerate(fh, start=1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            cells = next(csv.reader([line.rstrip("\r\n")], delimiter="\t", quoting=csv.QUOTE_NONE))
            if header is None:
                header = [c.strip() for c in cells]
                continue
            row = {k: (cells[i].strip() if i < len(cells) else "") for i, k in enumerate(header)}
            yield lineno, row


def split_list(cell: str) -> list[str]:
    """`a|b|c` -> ['a', 'b', 'c'], empty cell -> []."""
    return [p.strip() for p in cell.split("|") if p.strip()] if cell else []
