"""Near-duplicate reports: MinHash signatures over word 5-shingles, candidate
pairs from LSH, verified by Jaccard or shingle containment."""
from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .common import NUM_PERM, SHINGLE, WORD, params


# ---------------------------------------------------------------------------------------
# fingerprints and near-duplicate reports
def _shingles(text: str) -> list[bytes]:
    words = WORD.findall((text or "").lower())
    if not words:
        return []
    if len(words) < SHINGLE:
        return [" ".join(words).encode("utf-8")]
    return [" ".join(words[i:i + SHINGLE]).encode("utf-8") for i in range(len(words) - SHINGLE + 1)]


def fingerprint(text: str) -> list[int]:
    """The clean stage's fingerprint (`clean.minhash`, what `Article.fingerprint` holds):
    signatures compared with each other must come from one function, and the stored ones
    come from the clean stage."""
    from .. import clean
    return list(clean.minhash(text))


def shingle_set(text: str) -> set[int]:
    """Hashes of the word 5-shingles (for exact containment checks on candidate pairs)."""
    return {int.from_bytes(hashlib.blake2b(s, digest_size=8).digest(), "little") for s in _shingles(text)}


def jaccard_estimate(a: list[int], b: list[int]) -> float:
    if not a or not b or len(a) != len(b):
        return 0.0
    return sum(1 for x, y in zip(a, b, strict=True) if x == y) / len(a)


@functools.lru_cache(maxsize=8)
def lsh_bands(threshold: float, num_perm: int = NUM_PERM) -> tuple[int, int]:
    """(bands, rows per band) of the LSH cutting `num_perm`-value signatures so that pairs
    of Jaccard `threshold` and above become candidates: the (b, r) with b * r <= num_perm
    minimising the mean of the false-positive area (below the threshold) and the
    false-negative area (above it) of the banding's S-curve 1 - (1 - s^r)^b. This is the
    optimum datasketch's MinHashLSH picks (its weights 0.5/0.5, checked by a test), here
    by composite Simpson quadrature in plain Python: importing datasketch pulls SciPy in,
    which took a third of an incremental fuse's time."""
    def area(f, lo: float, hi: float, n: int = 128) -> float:
        h = (hi - lo) / n
        return h / 3 * sum(f(lo + i * h) * (1 if i in (0, n) else 4 if i % 2 else 2) for i in range(n + 1))

    best, opt = float("inf"), (0, 0)
    for b in range(1, num_perm + 1):
        for r in range(1, num_perm // b + 1):
            def candidate(s: float, b: int = b, r: int = r) -> float:
                return 1 - (1 - s ** r) ** b
            error = 0.5 * area(candidate, 0.0, threshold) + 0.5 * area(lambda s: 1 - candidate(s), threshold, 1.0)
            if error < best:
                best, opt = error, (b, r)
    return opt


def band_keys(sig: list[int], threshold: float | None = None) -> list[int]:
    """One key per LSH band of a signature (a signed 64-bit hash of the band's number and
    values): two reports are candidate near-duplicates when they share a key. The store
    keeps these keys per report, cut at the `near_dup_candidate` threshold."""
    b, r = lsh_bands(params()["near_dup_candidate"] if threshold is None else threshold)
    if len(sig) < b * r:
        return []
    out = []
    for i in range(b):
        raw = f"{i}:" + ",".join(str(v) for v in sig[i * r:(i + 1) * r])
        out.append(int.from_bytes(hashlib.blake2b(raw.encode(), digest_size=8).digest(), "little", signed=True))
    return out


@dataclass
class ReportLink:
    """`article_id` is a near-copy of `original_id` (`copy`), or a later version of it
    from the same publisher (`update`: its figures supersede the original's)."""
    article_id: str
    original_id: str
    relation: str  # copy|update
    jaccard: float
    containment: float | None = None


@dataclass
class _Report:
    id: str
    sig: list[int]
    published: str | None
    source: str | None
    url: str | None
    length: int


class NearDuplicateIndex:
    """Incremental near-duplicate finder. `add` returns the links the new report makes.

    `text_of(id)` (optional) gives a report's text so candidate pairs can be verified by
    shingle containment; without it only the Jaccard estimate decides."""

    def __init__(self, text_of: Callable[[str], str | None] | None = None, *,
                 jaccard: float | None = None, containment: float | None = None,
                 candidate: float | None = None):
        p = params()
        self.jaccard = p["near_dup_jaccard"] if jaccard is None else jaccard
        self.containment = p["near_dup_containment"] if containment is None else containment
        self.candidate = p["near_dup_candidate"] if candidate is None else candidate
        self.buckets: dict[int, list[str]] = {}  # band key -> the reports cut to it
        self.reports: dict[str, _Report] = {}
        self.text_of = text_of
        self._shingle_cache: dict[str, set[int]] = {}

    def _shingles_of(self, rid: str, text: str | None = None) -> set[int] | None:
        if rid in self._shingle_cache:
            return self._shingle_cache[rid]
        if text is None and self.text_of is not None:
            text = self.text_of(rid)
        if text is None:
            return None
        s = shingle_set(text)
        if len(self._shingle_cache) > 4096:  # bounded: only candidate pairs need these
            self._shingle_cache.clear()
        self._shingle_cache[rid] = s
        return s

    def add(self, article_id: str, sig: list[int] | None = None, *, text: str | None = None,
            published: str | None = None, source: str | None = None, url: str | None = None,
            keys: list[int] | None = None) -> list[ReportLink]:
        """Index a report; return its links to the reports indexed before. `keys`: its band
        keys when the caller has them (cut at this index's candidate threshold)."""
        if article_id in self.reports:
            return []
        if not sig:
            if text is None and self.text_of is not None:
                text = self.text_of(article_id)
            sig = fingerprint(text or "")
        if not sig:
            return []  # no words, nothing to compare
        if len(sig) != NUM_PERM:
            raise ValueError(f"{article_id}: fingerprint has {len(sig)} values, expected {NUM_PERM}")
        new = _Report(article_id, list(sig), published, source, url, len(text or ""))
        keys = band_keys(new.sig, self.candidate) if keys is None else keys
        links = []
        for other_id in sorted({rid for k in keys for rid in self.buckets.get(k, ())}):
            other = self.reports[other_id]
            j = jaccard_estimate(new.sig, other.sig)
            c = None
            if j < self.jaccard:
                a = self._shingles_of(article_id, text)
                b = self._shingles_of(other_id)
                if a and b and min(len(a), len(b)) >= params()["near_dup_min_shingles"]:
                    c = len(a & b) / min(len(a), len(b))
                if c is None or c < self.containment:
                    continue
            links.append(self._link(new, other, j, c))
        for k in keys:
            self.buckets.setdefault(k, []).append(article_id)
        self.reports[article_id] = new
        return links

    @staticmethod
    def _link(a: _Report, b: _Report, j: float, c: float | None) -> ReportLink:
        # The original is the earlier report; on a tie the longer (a trimmed copy is
        # shorter), then the smaller id (deterministic).
        def order(r: _Report):
            return (r.published or "9999", -r.length, r.id)
        first, later = (a, b) if order(a) <= order(b) else (b, a)
        same_outlet = (a.url and a.url == b.url) or (
            a.source and b.source and a.source.strip().lower() == b.source.strip().lower()
            and a.published != b.published)
        rel = "update" if same_outlet else "copy"
        return ReportLink(later.id, first.id, rel, round(j, 4), None if c is None else round(c, 4))


def link_reports(reports: Iterable[dict]) -> list[ReportLink]:
    """Near-duplicate links among reports given as dicts (id, text, published, source, url,
    optional fingerprint)."""
    texts = {}
    items = list(reports)
    for r in items:
        texts[r["id"]] = r.get("text") or ""
    idx = NearDuplicateIndex(texts.get)
    out = []
    for r in items:
        out += idx.add(r["id"], r.get("fingerprint") or None, text=texts[r["id"]], published=r.get("published"),
                       source=r.get("source"), url=r.get("url"))
    return out


