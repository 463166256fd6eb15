"""Ray engine: the same read -> extract -> store pipeline over a Ray cluster.

`ingest_ray` streams the inputs (``iter_inputs`` is lazy) into shards of `shard_size`
articles and hands them to a pool of Ray actors, one per worker CPU. Each actor loads the
spaCy pipeline once (in its constructor) and then runs clean + parse + annotate for every
shard it gets, exactly as a worker of the local engine does.

- Bounded memory: at most `max_pending` shards (default 4 per worker) are in flight or
  waiting to be written; the driver never holds the list of all articles. An actor holds
  at most 2 shards (one running, one queued), so a worker starved of CPU or stuck on a
  long report does not sit on work the others could do.
- Where results go: with a PostgreSQL store every actor writes its articles directly (one
  transaction per shard, safe with concurrent writers); with SQLite (one file, one
  writer) the actors return extraction dicts and the driver writes them, in input order,
  through the same `Store.add_many` as the local engine, so both engines store identical rows.
- Idempotent: an actor first cleans its shard, looks up which article ids are already
  stored, and parses only the others, so a re-run after a failed worker extracts and adds
  only what is missing; `Store.add` is a no-op for an id already stored anyway.
- Failures: an actor killed mid-shard is restarted by Ray (`max_restarts`) and the shard
  retried (`max_task_retries`); a shard that still fails is reported in
  `IngestReport.errors` (nothing of it is half-written: one transaction per shard) and
  the run goes on with the other actors.

Ray is an optional extra (``pip install 'sitrep[ray]'``); importing this module without it
raises ImportError with that hint. On a remote cluster every node needs sitrep and its
spaCy model installed (or pass a `runtime_env` through `ray_init`).
"""
from __future__ import annotations

import os
import resource
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

try:
    import ray
except ImportError as exc:  # pragma: no cover - exercised only without the extra
    raise ImportError("the Ray engine needs Ray: pip install 'sitrep[ray]'") from exc

from .errors import ConfigError, InputError, SitrepError
from .ingest import IngestReport
from .models import Article, Extraction, extraction_from_dict
from .readers import iter_inputs
from .store import Store, StoredIds

# Actor names start with this, so operators (and the crash test) can find them.
ACTOR_PREFIX = "sitrep-extract"
# Shards handed to one actor at a time: one running, one queued behind it so the actor
# never waits for the driver.
PER_ACTOR = 2


@dataclass
class RayIngestReport(IngestReport):
    """IngestReport plus what each Ray worker did (pid, articles, busy seconds, peak RSS)."""
    workers: list[dict] = field(default_factory=list)
    lost_shards: int = 0
    startup_seconds: float = 0.0  # until every actor had loaded spaCy (part of `seconds`)


def _peak_rss_bytes() -> int:
    # ru_maxrss is in KiB on Linux: the high-water mark of this process.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def _cpu_seconds() -> float:
    ru = resource.getrusage(resource.RUSAGE_SELF)
    return ru.ru_utime + ru.ru_stime


# A sentence of our own that touches every stage, so each worker fills its lazy caches
# (model, gazetteer, vocabularies) before its first shard rather than during it.
WARM_UP_TEXT = ("Government forces shelled the town of Kafr Nabl on Monday, killing at least 12 "
                "civilians, the ministry said. About 3,000 families fled to nearby camps.")


def warm_up() -> None:
    """Load spaCy and every stage's data in this process (once)."""
    from .models import Article
    from .pipeline import extract_articles
    for _ in extract_articles([Article(title="Warm-up", text=WARM_UP_TEXT, published="2016-12-07")],
                              on_error=lambda e: None):
        pass


@ray.remote
class ExtractionWorker:
    """One Ray worker: loads spaCy once, then extracts shard after shard.

    `stats()["cpu_seconds"]` is the whole process's CPU time, start-up included, like a
    local pool worker's."""

    def __init__(self, store_target: str, write: bool):
        # A missing model or bad setting is not cured by restarting the actor: keep the
        # error for `ready()` to report instead of letting Ray retry the constructor.
        self.setup_error: str | None = None
        try:
            warm_up()  # spaCy and the stage data, once per process; every shard reuses them
        except SitrepError as exc:
            self.setup_error = str(exc)
        self.stored = StoredIds(store_target)
        self.store = Store(store_target) if write else None
        self.articles = 0
        self.busy = 0.0

    def ready(self) -> str | None:
        """None when the pipeline is loaded, else why it could not be."""
        return self.setup_error

    def pid(self) -> int:
        return os.getpid()

    def extract(self, shard: list[Article]) -> dict:
        """Clean the shard, skip stored ids, parse + annotate the rest.

        Returns {"results": [extraction dict, ...], "skipped": [id, ...], "errors": [...]}
        (with a direct-writing store: "added"/"already" counts instead of "results")."""
        from .extractors.parse import parse_articles
        from .pipeline import annotate, prepare

        t0 = time.perf_counter()
        errors: list[str] = []
        cleaned = list(prepare(shard, on_error=lambda e: errors.append(str(e))))
        present = self.stored.present([a.id for a in cleaned])
        todo, skipped = [], []
        for a in cleaned:
            (skipped if a.id and a.id in present else todo).append(a)
        out: dict[str, Any] = {"skipped": [a.id for a in skipped], "errors": errors}
        results: list[dict] = []
        try:
            for parsed in parse_articles(todo):
                results.append(annotate(parsed).to_dict())
        except Exception:  # one bad article must not lose the shard: redo one by one
            results = []
            for a in todo:
                try:
                    results.extend(annotate(p).to_dict() for p in parse_articles([a]))
                except Exception as one:  # noqa: BLE001 - reported, never silent
                    errors.append(f"{a.path or a.input_id or a.id}: extraction failed: {one!r}")
        if self.store is not None:
            new = self.store.add_many(results)  # the shard in one transaction
            added = sum(new)
            already = len(new) - added
            out.update(added=added, already=already + len(skipped), ids=[d["article"]["id"] for d in results])
        else:
            out["results"] = results
        self.articles += len(shard)
        self.busy += time.perf_counter() - t0
        return out

    def stats(self) -> dict:
        return {"pid": os.getpid(), "articles": self.articles, "busy_seconds": round(self.busy, 3),
                "cpu_seconds": round(_cpu_seconds(), 3), "peak_rss_bytes": _peak_rss_bytes()}


def _shards(items: Iterable[Article | InputError], size: int,
            on_input_error: Callable[[str], None]) -> Iterator[list[Article]]:
    shard: list[Article] = []
    for item in items:
        if isinstance(item, InputError):
            on_input_error(str(item))
            continue
        shard.append(item)
        if len(shard) >= size:
            yield shard
            shard = []
    if shard:
        yield shard


def _describe(shard: list[Article]) -> str:
    first, last = shard[0], shard[-1]
    name = lambda a: a.input_id or a.path or a.title[:40]  # noqa: E731
    return f"{len(shard)} articles ({name(first)} .. {name(last)})"


def connect(address: str | None = None, *, num_cpus: int | None = None, **kwargs) -> bool:
    """ray.init unless Ray is already up; True when this call started it (caller shuts down).

    Without an address this starts a local Ray (no dashboard: it costs a CPU-share on
    small machines; worker logs stay under /tmp/ray); `auto` or `ray://host:port` joins an
    existing cluster."""
    if ray.is_initialized():
        return False
    if address:
        ray.init(address=address, **kwargs)
    else:
        kwargs.setdefault("include_dashboard", False)
        # Worker tracebacks reach the caller as exceptions; their logs stay in /tmp/ray.
        kwargs.setdefault("log_to_driver", False)
        ray.init(num_cpus=num_cpus, **kwargs)
    return True


def ingest_ray(specs: list[str], store: Store, *, published: str | None = None, source: str | None = None,
               address: str | None = None, workers: int | None = None, on_error: Callable[[str], None] | None = None,
               on_article: Callable[[Extraction, bool], None] | None = None, shard_size: int = 8,
               max_pending: int | None = None, retries: int = 2, ray_init: dict | None = None,
               keep_ray: bool = False, on_shard: Callable[[RayIngestReport], None] | None = None
               ) -> RayIngestReport:
    """Read every input, extract it on Ray workers, and store each article once.

    `workers`: actors to start (default: the cluster's CPUs). `retries`: times Ray restarts
    a dead actor and retries its shard before the shard is reported lost. `on_article` is
    called for each article the driver writes (SQLite); with PostgreSQL the workers write
    and it is not called. `on_shard(report)` is called after each shard is accounted for
    (stored, skipped or lost), with either store: progress so far. Ray is shut down at the end if this
    call started it, unless `keep_ray`."""
    rep = RayIngestReport()
    t0 = time.perf_counter()
    error = rep.error_sink(on_error)

    started = connect(address, num_cpus=workers, **(ray_init or {}))
    actors: list = []
    try:
        if not workers:
            workers = max(1, int(ray.cluster_resources().get("CPU", 1)))
        write_direct = store.dialect != "sqlite"
        run = uuid.uuid4().hex[:8]
        actors = [ExtractionWorker.options(name=f"{ACTOR_PREFIX}-{run}-{i}", num_cpus=1,
                                           max_restarts=retries, max_task_retries=retries)
                  .remote(store.target, write_direct) for i in range(workers)]
        try:  # spaCy and the stage data loaded everywhere before the first shard
            problems = sorted({p for p in ray.get([a.ready.remote() for a in actors]) if p})
        except ray.exceptions.RayError as exc:
            # Ray's message holds the worker's whole traceback; its last line is the error.
            last = [ln for ln in str(exc).splitlines() if ln.strip()][-1:] or [type(exc).__name__]
            raise ConfigError(f"Ray workers could not start the sitrep pipeline (is sitrep with its "
                              f"spaCy model installed on every node?): {last[0].strip()}") from exc
        if problems:
            raise ConfigError("Ray workers could not start the sitrep pipeline: " + "; ".join(problems))
        rep.startup_seconds = time.perf_counter() - t0
        _schedule(actors, _shards(iter_inputs(specs, published=published, source=source), shard_size, error),
                  store, rep, error, on_article, write_direct, max_pending or 4 * workers, on_shard)
        for a in actors:
            try:
                rep.workers.append(ray.get(a.stats.remote(), timeout=60))
            except ray.exceptions.RayError:
                rep.workers.append({"dead": True})
    finally:
        for a in actors:  # on a shared cluster, never leave our actors behind
            ray.kill(a)
        if started and not keep_ray:
            ray.shutdown()
    rep.seconds = time.perf_counter() - t0
    return rep


def _schedule(actors: list, shards: Iterator[list[Article]], store: Store, rep: RayIngestReport,
              error: Callable[[str], None], on_article, write_direct: bool, max_pending: int,
              on_shard: Callable[[RayIngestReport], None] | None = None) -> None:
    """Keep every live actor busy with at most `max_pending` shards outstanding.

    Each actor gets at most `PER_ACTOR` shards at a time (Ray queues an actor's tasks on
    that actor, so a deeper queue would pin work to a slow worker).

    Results are written in input order (a small reorder buffer), so the store's
    order-dependent fields (`supersedes`) come out as with the local engine."""
    live = list(actors)
    load = {id(a): 0 for a in actors}
    running: dict[Any, tuple[int, Any, list[Article]]] = {}  # ref -> (seq, actor, shard)
    done: dict[int, dict | None] = {}
    descr: dict[int, str] = {}
    next_seq = 0  # next shard number to submit
    next_write = 0  # next shard number to write
    exhausted = False

    def submit() -> None:
        nonlocal next_seq, exhausted
        while not exhausted and live and len(running) + len(done) < max_pending:
            actor = min(live, key=lambda a: load[id(a)])
            if load[id(actor)] >= PER_ACTOR:
                return
            try:
                shard = next(shards)
            except StopIteration:
                exhausted = True
                return
            load[id(actor)] += 1
            running[actor.extract.remote(shard)] = (next_seq, actor, shard)
            descr[next_seq] = _describe(shard)
            next_seq += 1

    submit()
    while running or done:
        if running:
            ready, _ = ray.wait(list(running), num_returns=1)
            ref = ready[0]
            seq, actor, shard = running.pop(ref)
            load[id(actor)] -= 1
            try:
                done[seq] = ray.get(ref)
            except ray.exceptions.RayError as exc:
                done[seq] = None
                rep.lost_shards += 1
                error(f"shard {seq}: {descr[seq]} not stored, worker failed "
                      f"({type(exc).__name__}); re-run the same command to add them")
                if isinstance(exc, ray.exceptions.RayActorError) and actor in live:
                    live.remove(actor)  # out of restarts: give its work to the others
            del shard
        while next_write in done:
            _write(done.pop(next_write), store, rep, error, on_article, write_direct)
            descr.pop(next_write, None)
            next_write += 1
            if on_shard:
                on_shard(rep)
        submit()
    if not exhausted:  # every actor died: say that the rest was not even tried
        error(f"all Ray workers failed after {next_seq} shards: the rest of the input was not "
              f"processed; re-run the same command to add it")


def _write(res: dict | None, store: Store, rep: RayIngestReport, error, on_article, write_direct: bool) -> None:
    if res is None:
        return
    for msg in res["errors"]:
        error(msg)
    rep.already_stored += len(res["skipped"])
    rep.read += len(res["skipped"])
    if write_direct:
        rep.added += res["added"]
        rep.already_stored += res["already"] - len(res["skipped"])
        rep.read += res["added"] + res["already"] - len(res["skipped"])
        return
    # The workers' dicts as they are (no rebuild of the dataclasses on the driver), the
    # whole shard in one transaction.
    for d, new in zip(res["results"], store.add_many(res["results"]), strict=True):
        rep.count(new)
        if on_article:
            on_article(extraction_from_dict(d), new)
