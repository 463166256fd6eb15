"""Training the event-typing heads (sitrep/extractors/event_model.py) from labelled data.

Data, read from ../shared at run time (never copied into the repository):
- CASE 2021 dev snippets (ACLED sub-event types; the non-ACLED types as NONE);
- PLOVER gold-standard dev sentences (PLOVER categories);
- NGEC synthetic stories from the 80% of headline templates kept for training (PLOVER
  categories and modes; weighted down: language-model text, pseudo-labels);
- the annotated tune reports (tests/annotations/reports/tune: both heads).
A snippet's label goes to its main candidate (the first one, by position, of its first
sentence with one); a report's gold event to every candidate overlapping its evidence.

Parses are cached (a DocBin per corpus under $SITREP_DEV_CACHE): training and
cross-validation re-run only the annotating stages. Fitting is scikit-learn's
multinomial logistic regression (lbfgs: deterministic); the weights are written rounded,
as gzip with a zero timestamp, so the same data rebuilds the same bytes.
"""
from __future__ import annotations

import gzip
import hashlib
import json
import os
import pickle
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .evaluate import calibration_bins, calibration_table, reader_view, shared_scorer
from .extractors import event_model, events
from .extractors.parse import Parsed, load_nlp, parse_texts
from .pipeline import STAGES, prepare
from .readers import article_from_record

CACHE = Path(os.environ.get("SITREP_DEV_CACHE", Path.home() / ".cache" / "sitrep" / "dev"))
SYNTHETIC_WEIGHT = 0.3
MIN_COUNT = 2
C = 0.5  # inverse L2 strength of the heads (cross-validated)
HEADS = ("acled", "plover", "sentence")
# The heads that ship: cross-validated, the acled and plover heads' retyping of the rules'
# candidates gained 0.006 of PLOVER accuracy and lost a right event on the tune reports;
# the sentence head alone gains 0.036 and changes nothing the reports claim
SHIPPED_HEADS = ("sentence",)
# CASE labels outside ACLED that report no interaction between actors: none for PLOVER
_CASE_NO_PLOVER = frozenset({"NATURAL_DISASTER", "MAN_MADE_DISASTER"})


# ---------------------------------------------------------------------------- parses
def _key(records: list[dict], model: str) -> str:
    """The cache key: the records, the spaCy model, and the code that turns a record into
    the parsed text (reading, case restoration, cleaning)."""
    h = hashlib.sha1(model.encode())
    here = Path(__file__).parent
    for src in ("readers.py", "clean.py", "extractors/truecase.py", "extractors/layout.py",
                "extractors/parse.py", "pipeline.py", "training.py"):
        h.update((here / src).read_bytes())
    for r in records:
        h.update(json.dumps(r, sort_keys=True).encode())
    return h.hexdigest()[:16]


def parsed_records(records: list[dict], label: str) -> list[Parsed]:
    """Parsed reports for reader-view records (id, title, text, published), cached."""
    from spacy.tokens import DocBin

    nlp = load_nlp()
    key = _key(records, nlp.meta["name"] + nlp.meta["version"])
    path = CACHE / f"{label}-{key}.pkl"
    if path.exists():
        arts, blob = pickle.loads(path.read_bytes())
        docs = list(DocBin().from_bytes(blob).get_docs(nlp.vocab))
    else:
        items = (article_from_record(r, where=r["id"]) for r in records)
        arts = list(prepare(items, on_error=lambda e: print(f"skipped: {e}", file=sys.stderr)))
        docs = list(parse_texts(nlp, (a.parse_text or a.text for a in arts), batch_size=32))
        bin_ = DocBin(store_user_data=False)
        for d in docs:
            bin_.add(d)
        CACHE.mkdir(parents=True, exist_ok=True)
        path.write_bytes(pickle.dumps((arts, bin_.to_bytes())))
    return [Parsed.from_doc(a, d) for a, d in zip(arts, docs, strict=True)]


def candidates(parsed: Parsed) -> tuple[list[dict], object]:
    """Every event candidate of a report with its features, and its extraction."""
    from .models import Extraction

    ex = Extraction(article=parsed.article, sentences=parsed.sentences, entities=parsed.entities)
    for name, stage in STAGES[:-1]:
        setattr(ex, name, stage(parsed, ex))
    found: list[dict] = []
    ex.events = events.extract_events(parsed, ex, use_model=False, collect=found)
    return found, ex


# ---------------------------------------------------------------------------- examples
@dataclass
class Example:
    features: list[str]
    acled: str | None  # a code of event_types.csv, "NONE", or None (unknown)
    plover: str | None
    weight: float = 1.0
    sentence: str | None = None  # the sentence head's label (a PLOVER category or NONE)
    group: str = ""  # the document (folds never split one)


@dataclass
class Dataset:
    name: str
    docs: list[dict]  # records with their labels
    examples: Callable[[dict, list[dict], Parsed], list[Example]]
    weight: float = 1.0
    parsed: list[Parsed] = field(default_factory=list)


def main_candidate(found: list[dict]) -> dict | None:
    """The first rule candidate of a snippet (its label's), by position."""
    rules = [c for c in found if not c.get("fallback")]
    return min(rules, key=lambda c: (c["sentence"], c["start"])) if rules else None


def lead_fallback(found: list[dict], label: str | None) -> list[Example]:
    """A snippet's label for the sentence head, on its first sentence's fallback candidate
    (offered when the rules make no event there)."""
    if label is None:
        return []
    return [Example(c["features"], None, None, sentence=label) for c in found
            if c.get("fallback") and c["sentence"] == 0]


def jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]


def heldout_template(template: str) -> bool:
    """NGEC's 20% of headline templates nobody trains or tunes on (a hash split: a random
    split of stories would leak templates into training)."""
    return int(hashlib.sha1(template.encode()).hexdigest(), 16) % 5 == 0


def plover_of_code(types: dict) -> dict[str, str]:
    return {code: r.plover for code, r in types.items()}


def case_codes(types: dict) -> dict[str, str]:
    """CASE 2021 label -> our event code (score_types.py's ACLED_TO_CASE, inverted)."""
    from .evaluate import case_labels

    by_sub = {r.sub_event_type.lower(): code for code, r in types.items() if r.sub_event_type}
    return {case: by_sub[sub] for sub, case in case_labels().items()}


def load_heads_from(examples: list[Example], heads: tuple[str, ...] = SHIPPED_HEADS) -> dict:
    """The `heads` fitted on `examples` (those with a label for the head)."""
    return {name: fit_head([(e.features, getattr(e, name), e.weight) for e in examples if getattr(e, name)])
            for name in heads}


def fit_head(rows: list[tuple[list[str], str, float]]) -> dict:
    import numpy as np
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    counts: dict[str, int] = {}
    for feats, _, _ in rows:
        for f in feats:
            counts[f] = counts.get(f, 0) + 1
    vocab = sorted(f for f, n in counts.items() if n >= MIN_COUNT)
    index = {f: i for i, f in enumerate(vocab)}
    labels = sorted({lab for _, lab, _ in rows})
    li = {lab: i for i, lab in enumerate(labels)}
    data, ind, ptr = [], [], [0]
    for feats, _, _ in rows:
        cols = sorted({index[f] for f in feats if f in index})
        ind += cols
        data += [1.0] * len(cols)
        ptr.append(len(ind))
    X = csr_matrix((np.array(data), np.array(ind, dtype=np.int64), np.array(ptr)), shape=(len(rows), len(vocab)))
    y = np.array([li[lab] for _, lab, _ in rows])
    w = np.array([wt for _, _, wt in rows])
    clf = LogisticRegression(C=C, max_iter=2000, solver="lbfgs")
    clf.fit(X, y, sample_weight=w)
    coef = clf.coef_.T if len(labels) > 2 else np.hstack([-clf.coef_.T / 2, clf.coef_.T / 2])
    bias = clf.intercept_ if len(labels) > 2 else np.array([-clf.intercept_[0] / 2, clf.intercept_[0] / 2])
    keep = np.abs(coef).max(axis=1) >= 1e-3  # features the model does not use are not shipped
    return {"labels": labels, "features": [f for f, k in zip(vocab, keep, strict=True) if k],
            "weights": [[round(float(v), 4) for v in row] for row in coef[keep]],
            "bias": [round(float(v), 4) for v in bias]}


def write_model(heads: dict, path: Path, meta: dict) -> None:
    blob = json.dumps({"meta": meta, "heads": heads}, sort_keys=True, separators=(",", ":")).encode()
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as gz:
        gz.write(blob)


def install(heads: dict | None) -> None:
    """Type with these (fitted, dict form) heads in this process; None: the rules alone."""
    event_model.set_heads({n: event_model.head_from_dict(h) for n, h in heads.items()} if heads else None)


def examples_of(datasets: Iterable[Dataset]) -> list[Example]:
    out = []
    for ds in datasets:
        for doc, parsed in zip(ds.docs, ds.parsed, strict=True):
            found, ex = candidates(parsed)
            for e in ds.examples(doc, found, parsed):
                e.weight *= ds.weight
                e.group = f"{ds.name}:{doc['id']}"
                out.append(e)
    return out


# ---------------------------------------------------------------------------- datasets
def _case_examples(codes: dict[str, str], plover: dict[str, str]):
    def build(doc: dict, found: list[dict], parsed: Parsed) -> list[Example]:
        c = main_candidate(found)
        code = codes.get(doc["label"])
        lead = plover[code] if code else ("NONE" if doc["label"] in _CASE_NO_PLOVER else None)
        if c is None:
            return lead_fallback(found, lead)
        if code is None:  # ORG_CRIME, disasters, ATTRIB, DIPLO: not an ACLED event
            return [Example(c["features"], "NONE", None), *lead_fallback(found, lead)]
        return [Example(c["features"], code, plover[code]), *lead_fallback(found, lead)]
    return build


def _plover_examples(doc: dict, found: list[dict], parsed: Parsed) -> list[Example]:
    c = main_candidate(found)
    cat = (doc.get("event_plover2021") or doc.get("label") or "").upper()
    if c is None:
        return lead_fallback(found, cat)
    acled = None if cat in ("ASSAULT", "PROTEST", "COERCE") else "NONE"  # subtype unknown
    return [Example(c["features"], acled, cat), *lead_fallback(found, cat)]


def _report_examples(codes_by_sub: dict[str, str], plover: dict[str, str]):
    def build(doc: dict, found: list[dict], parsed: Parsed) -> list[Example]:
        out = []
        for c in found:
            if c.get("fallback"):
                out += _report_fallback(doc, c)
                continue
            g = next((g for g in doc["events"] if g["span"][0] < c["end"] and c["start"] < g["span"][1]), None)
            if g is None:
                continue
            sub = g.get("sub_event_type")
            cats = g.get("plover") if isinstance(g.get("plover"), list) else [g.get("plover")]
            code = codes_by_sub.get(sub) if sub else "NONE"
            out.append(Example(c["features"], code, plover[code] if sub else cats[0]))
        return out
    return build


def _report_fallback(doc: dict, c: dict) -> list[Example]:
    """A report sentence the rules type nothing in: the PLOVER category of the gold event
    told in it, or NONE (left out where only an optional event is)."""
    lo, hi = c["sentence_span"]
    g = next((g for g in doc["events"] if g["span"][0] < hi and lo < g["span"][1]), None)
    if g is not None:
        cats = g.get("plover") if isinstance(g.get("plover"), list) else [g.get("plover")]
        return [Example(c["features"], None, None, sentence=(cats[0] or "NONE").upper())]
    if any(o["span"][0] < hi and lo < o["span"][1] for o in doc.get("optional_events", [])):
        return []
    return [Example(c["features"], None, None, sentence="NONE")]


def datasets(shared: Path, tune_dir: Path, *, with_heldout_ngec: bool = False) -> list[Dataset]:
    from .extractors.event_lexicon import lexicon

    types = lexicon().types
    plover = plover_of_code(types)
    ev = shared / "data" / "events"
    case = jsonl(ev / "case2021.dev.jsonl")
    gsr = jsonl(ev / "plover_gsr.dev.jsonl")
    ngec = [r for r in jsonl(ev / "ngec_synthetic.jsonl")
            if heldout_template(r["headline_template"]) == with_heldout_ngec]
    reports = tune_reports(shared, tune_dir)
    by_sub = {row.sub_event_type: code for code, row in types.items() if row.sub_event_type}
    out = [Dataset("case", case, _case_examples(case_codes(types), plover)),
           Dataset("plover", gsr, _plover_examples),
           Dataset("ngec", ngec, _plover_examples, SYNTHETIC_WEIGHT),
           Dataset("reports", reports, _report_examples(by_sub, plover))]
    for ds in out:
        views = [dict(reader_view(d), published=d.get("published")) for d in ds.docs]
        ds.parsed = parsed_records(views, ds.name + ("-heldout" if with_heldout_ngec and ds.name == "ngec" else ""))
    return out


# ---------------------------------------------------------------------------- fit and score
FOLDS = 5


def fold_of(doc_id: str) -> int:
    return int(hashlib.sha1(doc_id.encode()).hexdigest(), 16) % FOLDS


def train(shared: Path, tune_dir: Path, out: Path, heads: tuple[str, ...] = SHIPPED_HEADS) -> dict:
    """Fit the heads on every training set and write them to `out`."""
    sets = datasets(shared, tune_dir)
    examples = examples_of(sets)
    fitted = load_heads_from(examples, heads)
    meta = {"examples": {ds.name: sum(1 for e in examples if e.group.startswith(ds.name + ":")) for ds in sets},
            "C": C, "min_count": MIN_COUNT, "synthetic_weight": SYNTHETIC_WEIGHT, "heads": list(heads)}
    write_model(fitted, out, meta)
    return meta


def _extract(parsed: list[Parsed]) -> dict[str, dict]:
    from .pipeline import annotate

    out = {}
    for p in parsed:
        d = annotate(p).to_dict()
        out[p.article.input_id] = d
    return out


def f1_table(pairs: list[tuple[str, str]], detail: bool = False) -> dict:
    """Weighted and macro F1 and accuracy of (gold, predicted) labels; `detail` adds each
    label's F1 and the commonest confusions."""
    import collections
    support = collections.Counter(g for g, _ in pairs)
    per = {}
    for lab in sorted(support):
        tp = sum(1 for g, p in pairs if g == p == lab)
        npred = sum(1 for _, p in pairs if p == lab)
        pr, rc = (tp / npred if npred else 0.0), tp / support[lab]
        per[lab] = 2 * pr * rc / (pr + rc) if pr + rc else 0.0
    n = sum(support.values())
    out = {"n": n, "weighted_f1": round(sum(per[k] * support[k] for k in per) / n, 4) if n else None,
           "macro_f1": round(sum(per.values()) / len(per), 4) if per else None,
           "accuracy": round(sum(g == p for g, p in pairs) / n, 4) if n else None}
    if detail:
        out["per_type"] = {k: round(v, 3) for k, v in per.items()}
        out["confusions"] = collections.Counter(f"{g}->{p}" for g, p in pairs if g != p).most_common(25)
    return out


def _score_case(shared: Path, docs: list[dict], preds: dict[str, dict]) -> list[tuple[str, str]]:
    st = shared_scorer("score_types", shared)
    return [(g["label"], st.predicted(preds.get(g["id"]))) for g in docs if g["label"] in st.SEEN]


def _score_plover(shared: Path, docs: list[dict], preds: dict[str, dict]) -> list[tuple[str, str]]:
    sp = shared_scorer("score_plover", shared)
    return [((g.get("event_plover2021") or g["label"]).upper(), sp.top_plover(preds.get(g["id"], {})) or "NONE")
            for g in docs]


def cross_validate(shared: Path, tune_dir: Path, heads: tuple[str, ...] = SHIPPED_HEADS) -> dict:
    """5-fold CV on CASE, the PLOVER sentences and the tune reports (no item is scored by
    heads that saw it); NGEC on its held-out templates by heads fitted on the rest."""
    sets = datasets(shared, tune_dir)
    examples = examples_of(sets)
    out: dict = {}
    scorers = {"case": _score_case, "plover": _score_plover}
    for ds in sets:
        if ds.name not in scorers:
            continue
        pairs = []
        for k in range(FOLDS):
            held = {f"{ds.name}:{d['id']}" for d in ds.docs if fold_of(d["id"]) == k}
            install(load_heads_from([e for e in examples if e.group not in held], heads))
            idx = [i for i, d in enumerate(ds.docs) if fold_of(d["id"]) == k]
            preds = _extract([ds.parsed[i] for i in idx])
            pairs += scorers[ds.name](shared, [ds.docs[i] for i in idx], preds)
        out[ds.name] = f1_table(pairs)
    install(load_heads_from(examples, heads))
    held_ngec = datasets_ngec_heldout(shared)
    out["ngec_heldout_templates"] = f1_table(_score_plover(shared, held_ngec.docs, _extract(held_ngec.parsed)))
    out["reports"] = cv_reports(shared, sets, examples, heads)
    install(None)
    return out


def datasets_ngec_heldout(shared: Path) -> Dataset:
    rows = [r for r in jsonl(shared / "data/events/ngec_synthetic.jsonl") if heldout_template(r["headline_template"])]
    ds = Dataset("ngec", rows, _plover_examples)
    ds.parsed = parsed_records([reader_view(d) for d in rows], "ngec-heldout")
    return ds


def cv_reports(shared: Path, sets: list[Dataset], examples: list[Example],
               heads: tuple[str, ...] = SHIPPED_HEADS) -> dict:
    """score.py summed over the tune reports, each typed by heads that never saw it."""
    from .annotations import to_gold

    sc = shared_scorer("score", shared)
    ds = next(d for d in sets if d.name == "reports")
    tot = {"tp": 0, "pred": 0, "gold": 0}
    for k in range(FOLDS):
        held = {f"reports:{d['id']}" for d in ds.docs if fold_of(d["id"]) == k}
        install(load_heads_from([e for e in examples if e.group not in held], heads))
        for d, p in zip(ds.docs, ds.parsed, strict=True):
            if fold_of(d["id"]) != k:
                continue
            s = sc.score(to_gold(d, d["text"]), _extract([p])[p.article.input_id])["events.typed"]
            for key in tot:
                tot[key] += s[key]
    pr = tot["tp"] / tot["pred"] if tot["pred"] else 0.0
    rc = tot["tp"] / tot["gold"] if tot["gold"] else 0.0
    return {"typed_precision": round(pr, 3), "typed_recall": round(rc, 3), **tot}


# ---------------------------------------------------------------------------- confidence
CONF_C = 0.1  # inverse L2 strength of the confidence model (cross-validated by report)
SENTENCE_WEIGHT = 0.25  # a labelled sentence's mention beside a report's (cross-validated)


def mention_records(parsed: Parsed) -> list[dict]:
    """Every claimed, non-generic mention of a report with its confidence features."""
    from .models import Extraction

    ex = Extraction(article=parsed.article, sentences=parsed.sentences, entities=parsed.entities)
    for name, stage in STAGES[:-1]:
        setattr(ex, name, stage(parsed, ex))
    found: list[dict] = []
    events.extract_events(parsed, ex, collect_mentions=found)
    return [r for r in found if _claimed(r)]


def _claimed(rec: dict) -> bool:
    feats = set(rec["features"])
    return ("cert:asserted" in feats or "cert:claimed" in feats) and "tim:generic" not in feats


def label_mentions(report: dict, records: list[dict], sc) -> list[tuple[list[str], int]]:
    """(features, 1 if the mention matches a gold event of its type, else 0); mentions in
    an optional span that match no gold event are neither and left out."""
    out = []
    for r in records:
        pred = {"event_type": r["event_type"], "sub_event_type": r["sub_event_type"], "plover": r["plover"],
                "start": r["start"], "end": r["end"]}
        hit = [g for g in report["events"] if g["span"][0] < r["end"] and r["start"] < g["span"][1]]
        if any(sc.event_type_ok(g, pred) for g in hit):
            out.append((r["features"], 1))
        elif any(o["span"][0] < r["end"] and r["start"] < o["span"][1] for o in report.get("optional_events", [])):
            continue
        else:
            out.append((r["features"], 0))
    return out


def fit_confidence(rows: list[tuple[list[str], int]], weights: list[float] | None = None) -> dict:
    import numpy as np
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    vocab = sorted({f for feats, _ in rows for f in feats})
    index = {f: i for i, f in enumerate(vocab)}
    ind, ptr = [], [0]
    for feats, _ in rows:
        ind += sorted({index[f] for f in feats})
        ptr.append(len(ind))
    X = csr_matrix((np.ones(len(ind)), np.array(ind, dtype=np.int64), np.array(ptr)), shape=(len(rows), len(vocab)))
    y = np.array([lab for _, lab in rows])
    clf = LogisticRegression(C=CONF_C, max_iter=5000, solver="lbfgs").fit(X, y, sample_weight=weights)
    return {"bias": round(float(clf.intercept_[0]), 4),
            "weights": {f: round(float(w), 4) for f, w in zip(vocab, clf.coef_[0], strict=True) if abs(w) >= 1e-4}}


def tune_reports(shared: Path, folder: Path) -> list[dict]:
    """The annotated reports of `folder`, each with its `text` from the shared corpus."""
    from .annotations import reports_with_records

    return [dict(r, text=rec["text"]) for r, rec in reports_with_records(folder, shared)]


def report_set(shared: Path, folder: Path) -> Dataset:
    reports = tune_reports(shared, folder)
    ds = Dataset("reports", reports, lambda d, f, p: [])
    ds.parsed = parsed_records([dict(reader_view(d), published=d.get("published")) for d in reports],
                               "reports-" + folder.name)
    return ds


def confidence_rows(shared: Path, ds: Dataset) -> dict[str, list[tuple[list[str], int]]]:
    from .extractors import event_confidence

    sc = shared_scorer("score", shared)
    with event_confidence.weights_in_use(None):
        return {d["id"]: label_mentions(d, mention_records(p), sc) for d, p in zip(ds.docs, ds.parsed, strict=True)}


def sentence_confidence_rows(shared: Path) -> list[tuple[list[str], int]]:
    """Mentions in the labelled sentence sets, right when their type is the sentence's
    label: PLOVER GSR (the category) and CASE 2021 (the ACLED sub-event type; a mention
    typed only in PLOVER says nothing of a CASE label and is left out). A sentence holds
    one labelled event, so these teach what a typed mention looks like, not what a
    report's background does: the reports teach that."""
    from .extractors import event_confidence
    from .extractors.event_lexicon import lexicon

    types = lexicon().types
    by_sub = {row.sub_event_type: code for code, row in types.items() if row.sub_event_type}
    codes = case_codes(types)
    ev = shared / "data" / "events"
    rows = []
    for name, docs in (("plover", jsonl(ev / "plover_gsr.dev.jsonl")), ("case", jsonl(ev / "case2021.dev.jsonl"))):
        parsed = parsed_records([reader_view(d) for d in docs], name)
        with event_confidence.weights_in_use(None):
            found = [mention_records(p) for p in parsed]
        for d, records in zip(docs, found, strict=True):
            for r in records:
                if name == "plover":
                    rows.append((r["features"], int((r["plover"] or "") == d["event_plover2021"].upper())))
                elif r["sub_event_type"]:
                    rows.append((r["features"], int(by_sub.get(r["sub_event_type"]) == codes.get(d["label"]))))
    return rows


def _fit_with_sentences(own: list[tuple[list[str], int]], sentences: list[tuple[list[str], int]]) -> dict:
    """The confidence model fitted on report mentions and, at SENTENCE_WEIGHT, sentence ones."""
    return fit_confidence(own + sentences, [1.0] * len(own) + [SENTENCE_WEIGHT] * len(sentences))


def train_confidence(shared: Path, tune_dir: Path, out: Path) -> dict:
    """The confidence model fitted on the tune reports and the labelled sentences, with
    the map to unseen reports fitted on the blind rounds (sitrep/calibration.py)."""
    from . import calibration

    rows = confidence_rows(shared, report_set(shared, tune_dir))
    model = _fit_with_sentences([r for rs in rows.values() for r in rs], sentence_confidence_rows(shared))
    model["unseen"] = calibration.fit_map(calibration.read_rows())
    out.write_text(json.dumps(model, sort_keys=True, indent=0) + "\n", encoding="utf-8")
    return {"mentions": sum(len(r) for r in rows.values()), "unseen_map": model["unseen"],
            "positive": sum(label for rs in rows.values() for _, label in rs), "features": len(model["weights"])}


def cv_confidence(shared: Path, tune_dir: Path) -> dict:
    """Out-of-fold confidences (5 folds by report; the model's own probability, without
    the map to unseen reports): the calibration table and the tune reports' typed
    precision and recall as score.py counts them; then the map, each blind round scored
    by the map fitted on the others."""
    from . import calibration
    from .annotations import to_gold
    from .extractors import event_confidence

    ds = report_set(shared, tune_dir)
    rows = confidence_rows(shared, ds)
    sentences = sentence_confidence_rows(shared)
    sc = shared_scorer("score", shared)
    tot, bins = {"tp": 0, "pred": 0, "gold": 0}, {}
    for k in range(FOLDS):
        model = _fit_with_sentences([r for d, rs in rows.items() if fold_of(d) != k for r in rs], sentences)
        with event_confidence.weights_in_use(model):
            preds = [(d, _extract([p])[p.article.input_id]) for d, p in zip(ds.docs, ds.parsed, strict=True)
                     if fold_of(d["id"]) == k]
        for d, pred in preds:
            gold = to_gold(d, d["text"])
            s = sc.score(gold, pred)["events.typed"]
            for key in tot:
                tot[key] += s[key]
            calibration_bins(gold, pred, sc, bins)
    pr = tot["tp"] / tot["pred"] if tot["pred"] else 0.0
    rc = tot["tp"] / tot["gold"] if tot["gold"] else 0.0
    return {"typed_precision": round(pr, 3), "typed_recall": round(rc, 3), **tot,
            "calibration": calibration_table(bins),
            "unseen_map_by_round": calibration.leave_one_round_out(calibration.read_rows())}
