"""claims.dask.reconcile: the report one process gives, computed by Dask workers in parts that
hold whole events; every problem reported as claims.load reports it."""

from __future__ import annotations

import datetime as dt
import random
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest

import claims
import claims.dask
from claims.io import _parquet
from tests.strategies import RECONCILE_SOURCES, RECONCILE_VOCABULARY

REASON = "claims.dask needs the 'dask' extra: pip install -e '.[dask]'"
dask = pytest.importorskip("dask", reason=REASON)
distributed = pytest.importorskip("distributed", reason=REASON)
pq = pytest.importorskip("pyarrow.parquet", reason=REASON)

_SCOPES = [claims.Scope(), claims.Scope("person"), claims.Scope("civilian"),
           claims.Scope("child"), claims.Scope("militiaman"),
           claims.Scope("militiaman", "alliance"), claims.Scope("militiaman", "faction"),
           claims.Scope("civilian", place="town")]
_FACTS: dict[str, list[Any]] = {
    "target": [claims.Term(i) for i in ("site", "civilian-site", "home", "military-site")],
    "perpetrator": [claims.ActorRef(i) for i in ("alliance", "faction", "state")],
    "place": [claims.PlaceRef(i) for i in ("country", "town", "village")],
}


def _dossier(seed: int = 7, count: int = 400, events: int = 30) -> claims.Dossier:
    """Claims about many events: counts in a hierarchy of scopes, facts, denials, non-claims,
    revisions (by time and by ``revises``), hedges, relays."""
    rng = random.Random(seed)
    sources = [s.id for s in RECONCILE_SOURCES]
    found: list[claims.Claim] = []
    for index in range(count):
        event = f"e{rng.randrange(events):02d}"
        predicate = rng.choice(["killed", "killed", "injured", *_FACTS])
        status = rng.choice([claims.Status.ASSERTED] * 6
                            + [claims.Status.DENIED, claims.Status.NOT_DISCLOSED])
        if status is claims.Status.NOT_DISCLOSED:
            value = None
        elif predicate in _FACTS:
            value = rng.choice(_FACTS[predicate])
        else:
            low = rng.randint(0, 40)
            value = rng.choice([claims.Count.exact(low), claims.Count.at_least(low),
                                claims.Count.between(low, low + rng.randint(1, 9)),
                                claims.Count.at_most(low)])
        source = rng.choice(sources)
        earlier = [c.id for c in found if (c.event, c.predicate, c.source) ==
                   (event, predicate, source)]
        relays = tuple(claims.Relay(outlet=o) for o in rng.sample(
            [s for s in sources if s != source], rng.choice([0, 0, 1, 2])))
        day = rng.choice([None, 26, 27, 28, 29])
        found.append(claims.Claim(
            id=f"c{index}", event=event, predicate=predicate, value=value, status=status,
            hedge=rng.choice([None, None, None, claims.Hedge.REPORTEDLY]),
            scope=rng.choice(_SCOPES) if predicate in ("killed", "injured") else claims.Scope(),
            provenance=claims.Provenance(
                source=source, quote=rng.choice(["a statement", "another statement"]),
                published=None if day is None else claims.TimeSpan.on(dt.date(2021, 6, day),
                                                                       dt.UTC),
                relays=relays),
            coverage=rng.choice([None, None, claims.model.Coverage.COMPLETE]),
            revises=rng.choice(earlier) if earlier and rng.random() < 0.3 else None,
        ))
    titled = tuple(claims.Event(id=f"e{e:02d}", title=f"Event {e}") for e in range(events))
    return claims.Dossier(RECONCILE_SOURCES, RECONCILE_VOCABULARY, titled, tuple(found))


def _write(dossier: claims.Dossier, path: Path, rows: int = 40) -> Path:
    """The dossier as Parquet in row groups of about ``rows`` rows, so it has many parts."""
    original = _parquet.ROW_GROUP_ROWS
    _parquet.ROW_GROUP_ROWS = rows
    try:
        claims.dump(dossier, path)
    finally:
        _parquet.ROW_GROUP_ROWS = original
    return path


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as connected:
        yield connected


@pytest.fixture
def synchronous() -> Iterator[None]:
    """Dask's scheduler in this process, for the cases that need no cluster."""
    with dask.config.set(scheduler="synchronous"):
        yield


def test_the_generated_dossier_has_what_it_should() -> None:
    dossier = _dossier()
    statuses = {c.status for c in dossier.claims}
    assert statuses == set(claims.Status)
    assert any(c.revises for c in dossier.claims)
    assert any(c.provenance.relays for c in dossier.claims)
    report = claims.reconcile(dossier)
    assert any(s.settlement.revisions for s in report.summaries)


def test_two_worker_processes_give_the_report_of_one_process(client: Any,
                                                             tmp_path: Path) -> None:
    dossier = _dossier()
    path = _write(dossier, tmp_path / "d.parquet")
    assert len(claims.io.ParquetParts.open(path).parts) > 5
    report = claims.dask.reconcile(path, client=client)
    assert report == claims.reconcile(claims.load(path))
    assert report == claims.reconcile(dossier)
    assert [e.id for e in report.events] == [e.id for e in dossier.events]
    assert report.to_json() == claims.reconcile(dossier).to_json()
    assert len(client.scheduler_info()["workers"]) == 2


def test_several_files_are_one_collection(client: Any, tmp_path: Path) -> None:
    dossier = _dossier(seed=3)
    early = [c for c in dossier.claims if c.event < "e15"]
    late = [c for c in dossier.claims if c.event >= "e15"]
    first = _write(attrs.evolve(dossier, claims=tuple(early)), tmp_path / "a.parquet")
    second = _write(attrs.evolve(dossier, claims=tuple(late)), tmp_path / "b.parquet")
    assert claims.dask.reconcile([first, second], client=client) == claims.reconcile(dossier)


def test_without_a_client_the_current_scheduler_is_used(synchronous: None,
                                                        tmp_path: Path) -> None:
    dossier = _dossier(seed=11, count=120)
    path = _write(dossier, tmp_path / "d.parquet", rows=10)
    assert claims.dask.reconcile(str(path)) == claims.reconcile(dossier)
    empty = _write(attrs.evolve(dossier, claims=()), tmp_path / "empty.parquet")
    assert claims.dask.reconcile(empty) == claims.reconcile(attrs.evolve(dossier, claims=()))


def test_problems_in_several_parts_are_all_reported_as_load_reports_them(
        synchronous: None, tmp_path: Path) -> None:
    path = _write(_dossier(seed=5, count=200), tmp_path / "d.parquet")
    table = pq.read_table(path)
    rows = table.to_pylist()
    first, last = 3, len(rows) - 2
    rows[first]["source"] = "nobody"
    rows[last]["value_type"] = "colour"
    groups = [pq.ParquetFile(path).metadata.row_group(g).num_rows
              for g in range(pq.ParquetFile(path).metadata.num_row_groups)]
    _rewrite_groups(path, rows, table.schema, groups)
    with pytest.raises(claims.DossierError) as loaded:
        claims.load(path)
    with pytest.raises(claims.DossierError) as reconciled:
        claims.dask.reconcile(path)
    assert sorted(map(str, reconciled.value.problems)) == sorted(map(str, loaded.value.problems))
    assert [p.path.split(":")[0] for p in reconciled.value.problems] == [  # by row
        f"row {first}", f"row {last}"]
    assert str(path) in str(reconciled.value)


def test_a_claim_id_in_two_parts_is_a_duplicate(synchronous: None, tmp_path: Path) -> None:
    path = _write(_dossier(seed=5, count=200), tmp_path / "d.parquet")
    table = pq.read_table(path)
    rows = table.to_pylist()
    rows[-1]["id"] = rows[0]["id"]
    groups = [pq.ParquetFile(path).metadata.row_group(g).num_rows
              for g in range(pq.ParquetFile(path).metadata.num_row_groups)]
    _rewrite_groups(path, rows, table.schema, groups)
    with pytest.raises(claims.DossierError,
                       match=rf"duplicate claim id '{rows[0]['id']}' @ row {len(rows) - 1}: "):
        claims.dask.reconcile(path)


def test_row_groups_out_of_event_order_are_refused(synchronous: None, tmp_path: Path) -> None:
    path = _write(_dossier(seed=5, count=200), tmp_path / "d.parquet")
    table = pq.read_table(path)
    groups = [pq.ParquetFile(path).metadata.row_group(g).num_rows
              for g in range(pq.ParquetFile(path).metadata.num_row_groups)]
    rows = table.to_pylist()
    swapped = rows[groups[0]:groups[0] + groups[1]] + rows[:groups[0]] + rows[
        groups[0] + groups[1]:]
    _rewrite_groups(path, swapped, table.schema, [groups[1], groups[0], *groups[2:]])
    assert claims.load(path) == _dossier(seed=5, count=200)  # the order column still holds
    with pytest.raises(claims.DossierError, match=r"the rows are not sorted by event"):
        claims.dask.reconcile(path)


def test_a_missing_extra_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "dask", None)
    with pytest.raises(claims.errors.MissingExtraError, match=r"'dask' extra"):
        claims.dask.reconcile(tmp_path / "d.parquet")


def _rewrite_groups(path: Path, rows: list[dict[str, Any]], schema: Any,
                    groups: list[int]) -> None:
    """Write rows back in row groups of the given sizes."""
    pa = pytest.importorskip("pyarrow")
    table = pa.Table.from_pylist(rows, schema=schema)
    with pq.ParquetWriter(path, schema) as writer:
        start = 0
        for size in groups:
            writer.write_table(table.slice(start, size), row_group_size=size)
            start += size


def test_two_workers_give_the_bulk_figures_of_one_process(client: Any, tmp_path: Path) -> None:
    """``claims.dask.ranges``: each worker reconciles its part over columns and sends back
    only the figures; together they are the one-process bulk figures and the object path's."""
    from claims import bulk

    dossier = _dossier()
    path = _write(dossier, tmp_path / "d.parquet")
    figures = claims.dask.ranges(path, client=client)
    assert figures.equals(bulk.reconcile(path).ranges())
    expected = [(r.key.event, r.key.predicate, r.key.scope.category, r.low, r.high,
                 r.contradicted) for r in claims.reconcile(dossier).ranges()]
    assert [(e, p, c, lo, hi, x) for e, p, c, _, _, lo, hi, *_, x in figures.iter_rows()] == (
        expected)


def test_the_bulk_figures_on_workers_refuse_what_load_refuses(synchronous: None,
                                                              tmp_path: Path) -> None:
    dossier = _dossier(seed=5)
    path = _write(dossier, tmp_path / "d.parquet")
    import pyarrow.parquet as pq

    table = pq.read_table(path)
    columns = {n: table.column(n).to_pylist() for n in table.column_names}
    columns["source"][3] = "nobody"
    named = set(columns["revises"])
    first = next(i for i, ident in enumerate(columns["id"]) if ident not in named)
    columns["id"][-1] = columns["id"][first]  # in another part
    bad = tmp_path / "bad.parquet"
    metadata = pq.ParquetFile(path).metadata
    sizes = [metadata.row_group(i).num_rows for i in range(metadata.num_row_groups)]
    _rewrite_groups(bad, [dict(zip(columns, row, strict=True))
                          for row in zip(*columns.values(), strict=True)], table.schema, sizes)
    with pytest.raises(claims.DossierError) as refused:
        claims.load(bad)
    with pytest.raises(claims.DossierError) as caught:
        claims.dask.ranges(bad)
    assert sorted(map(str, caught.value.problems)) == sorted(map(str, refused.value.problems))
