"""The one reader of sitrep's documented data files (`sitrep/data/*.csv`) and of users'
CSVs in the same form: lines starting with '#' are the file's documentation, blank lines
are skipped, the first other line is the header, and every value comes back stripped
(a missing trailing value is "")."""
from __future__ import annotations

import csv
from pathlib import Path

from .errors import ConfigError

DATA_DIR = Path(__file__).parent / "data"


def read_table(name: str | Path) -> list[dict[str, str]]:
    """Rows of a data file: a bare name is looked up in sitrep/data, a path is read as given."""
    path = Path(name) if isinstance(name, Path) or "/" in str(name) else DATA_DIR / name
    try:
        with open(path, encoding="utf-8", newline="") as fh:
            lines = [ln for ln in fh if ln.strip() and not ln.lstrip().startswith("#")]
    except OSError as exc:
        raise ConfigError(f"cannot read {path}: {exc}") from exc
    return [{k: (v or "").strip() for k, v in row.items() if k} for row in csv.DictReader(lines)]
