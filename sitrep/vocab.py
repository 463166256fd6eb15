"""The one reader of sitrep's documented data files (`sitrep/data/*.csv`) and of users'
CSVs in the same form: lines starting with '#' are the file's documentation, blank lines
are skipped, the first other line is the header, and every value comes back stripped
(a missing trailing value is "")."""
from __future__ import annotations

import csv
import re
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


def trie_pattern(words: list[str]) -> str:
    """One regex alternation for many phrases, factored as a trie so that matching does
    not try every phrase at every position (longer phrases are preferred)."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = True

    def emit(node: dict) -> str:
        end = "" in node
        branches = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch != ""]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return "(?:" + body + ")?" if end else body
    return emit(trie)
