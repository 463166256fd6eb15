"""Read stage (being built)."""
from __future__ import annotations

from .models import Article


def article_from_text(text, *, published=None, source=None, title=None, url=None, input_id=None, path=None) -> Article:
    lines = text.strip().splitlines()
    return Article(title=title or (lines[0].strip() if lines else ""), text=text, published=published,
                   source=source, url=url, input_id=input_id, path=path)


def iter_inputs(specs, *, published=None, source=None, max_bytes=None):
    """Temporary: plain text files and JSONL only (the full reader replaces this)."""
    import json
    from pathlib import Path
    for spec in specs:
        p = Path(spec)
        if p.suffix == ".jsonl":
            for line in p.open(encoding="utf-8"):
                d = json.loads(line)
                yield article_from_text(d.get("text", ""), published=d.get("published") or published,
                                        source=d.get("source") or source, title=d.get("title"),
                                        url=d.get("url"), input_id=d.get("id"), path=str(p))
        else:
            yield article_from_text(p.read_text(encoding="utf-8"), published=published, source=source, path=str(p))


def parse_published(value, path=None):
    """Temporary (the full reader replaces this)."""
    import datetime
    from .errors import InputError
    try:
        return datetime.date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        raise InputError(path, f"invalid publication date {value!r}: use YYYY-MM-DD") from None
