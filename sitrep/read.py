"""Read stage (being built)."""
from __future__ import annotations

from .models import Article


def article_from_text(text, *, published=None, source=None, title=None, url=None, input_id=None, path=None) -> Article:
    lines = text.strip().splitlines()
    return Article(title=title or (lines[0].strip() if lines else ""), text=text, published=published,
                   source=source, url=url, input_id=input_id, path=path)
