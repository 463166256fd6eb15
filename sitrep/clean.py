"""Clean stage (being built)."""
from __future__ import annotations

import dataclasses

from .models import Article


def clean_article(article: Article) -> Article:
    return article
