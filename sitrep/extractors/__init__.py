"""Extractors: one module per stage over one shared spaCy parse of a report.

parse -> times, places (recognition, then resolution against the gazetteer), actors,
sources, quotes -> figures (numbers, lexical for other languages), events."""
