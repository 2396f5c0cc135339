"""The bulk path (``claims.bulk``): the same figures as the object path, the same verdict on
every line as ``claims.load``, explanations built from the events looked at."""

from __future__ import annotations

import copy
import importlib
import json
import tempfile
import threading
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import claims
from claims.errors import DossierError, MissingExtraError
from tests.strategies import RECONCILE_SOURCES, RECONCILE_VOCABULARY, reconcilable_claims

pytest.importorskip("polars")
from claims import bulk
from claims.bulk import _figures
from claims.bulk import _read as bulk_read

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "fixtures" / "june-2021-us-airstrike-syria.json"
BULLETINS = ROOT / "fixtures" / "invented-bulletins.json"
STRIKE = "us-strike-2021-06-28"


def _lines(dossier: claims.Dossier, folder: Path, name: str = "d.jsonl") -> Path:
    path = folder / name
    claims.dump(dossier, path)
    return path


def _same_figures(path: Path) -> bulk.Bulk:
    """The bulk path's figures for ``path`` are the object path's, in the same order."""
    reconciled = bulk.reconcile(path)
    report = claims.reconcile(claims.load(path))
    assert list(reconciled.group_ranges()) == list(report.ranges())
    return reconciled


def _refusals(path: Path) -> tuple[list[str], list[str]]:
    """What :func:`claims.load` and the bulk path say is wrong with ``path`` (both must refuse
    it), each in its own order."""
    with pytest.raises(DossierError) as refused:
        claims.load(path)
    with pytest.raises(DossierError) as caught:
        bulk.reconcile(path)
    return list(map(str, refused.value.problems)), list(map(str, caught.value.problems))


def _same_verdict(path: Path, *, in_order: bool = False) -> None:
    """The bulk path accepts ``path`` exactly when :func:`claims.load` does: then with the
    same figures, else with the same problems (in the same order, when ``in_order``)."""
    try:
        expected = claims.reconcile(claims.load(path))
    except DossierError as refused:
        with pytest.raises(DossierError) as caught:
            bulk.reconcile(path)
        bulked, loaded = map(str, caught.value.problems), map(str, refused.problems)
        if in_order:
            assert list(bulked) == list(loaded)
        else:
            assert sorted(bulked) == sorted(loaded)
        return
    assert list(bulk.reconcile(path).group_ranges()) == list(expected.ranges())


@pytest.mark.parametrize("fixture", [SEED, BULLETINS])
def test_the_fixtures_give_the_object_paths_figures(fixture: Path, tmp_path: Path) -> None:
    reconciled = _same_figures(_lines(claims.load(fixture), tmp_path))
    assert reconciled.ranges().height > 0


def test_the_seeds_militiamen_are_4_to_at_least_9(tmp_path: Path) -> None:
    reconciled = bulk.reconcile(_lines(claims.load(SEED), tmp_path))
    row = reconciled.ranges().filter(event=STRIKE, predicate="killed",
                                     category="militiaman").row(0, named=True)
    assert (row["low"], row["high"], row["high_open"], row["contradicted"]) == (4, 9, True,
                                                                              False)
    result = reconciled.count(STRIKE, "killed", claims.Scope("militiaman"))
    assert (result.low.claims, result.high.claims) == (("militia-killed",), ("sohr-killed",))
    full = claims.reconcile(claims.load(SEED))
    assert result == full.count(STRIKE, "killed", claims.Scope("militiaman"))


def test_every_events_report_is_the_full_reports(tmp_path: Path) -> None:
    path = _lines(claims.load(BULLETINS), tmp_path)
    full = claims.reconcile(claims.load(path))
    seen = []
    for part in bulk.reconcile(path).reports():
        for event in part.results:
            assert event == full.event(event.event)
            seen.append(event.event)
    assert sorted(seen) == sorted(e.event for e in full.results)


def _relayed(claim: claims.Claim, outlet: str | None) -> claims.Claim:
    if outlet is None or outlet == claim.source:
        return claim
    provenance = claims.Provenance(
        source=claim.source, quote=claim.provenance.quote,
        published=claim.provenance.published,
        relays=(claims.Relay(outlet=outlet, url="https://example.org/x"),))
    return claims.Claim(id=claim.id, event=claim.event, predicate=claim.predicate,
                        provenance=provenance, value=claim.value, scope=claim.scope,
                        hedge=claim.hedge, status=claim.status, coverage=claim.coverage,
                        revises=claim.revises)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reconcilable_claims(max_size=24),
       st.lists(st.none() | st.sampled_from([s.id for s in RECONCILE_SOURCES]), min_size=24,
                max_size=24),
       st.sampled_from([64, 0]))
def test_the_bulk_figures_are_the_object_paths(found: list[claims.Claim],
                                               outlets: list[str | None], bits: int) -> None:
    """Over generated dossiers with scope hierarchies, accounts and parts, revisions (by
    time and by ``revises``), denials, non-claims, hedges and relays, every count group's
    figures are those of :meth:`claims.Report.ranges`, in its order; with sets of scopes kept
    as the bits of a number (up to 64 scopes) and as text (past them)."""
    relayed = [_relayed(c, o) for c, o in zip(found, outlets, strict=False)]
    events = [claims.Event(id="e1", title="One"), claims.Event(id="e2", title="Two")]
    dossier = claims.Dossier(RECONCILE_SOURCES, RECONCILE_VOCABULARY, events, relayed)
    with tempfile.TemporaryDirectory() as folder, \
            mock.patch.object(_figures, "_SET_BITS", bits):
        _same_figures(_lines(dossier, Path(folder)))


@pytest.mark.parametrize("bits", [64, 0])
def test_one_statements_parts_add_up_as_the_object_path_adds_them(bits: int,
                                                                   tmp_path: Path) -> None:
    """One statement's figures on different branches add up for the group above them ("3
    civilians and 4 militiamen": at least 7 people); a part within another, a second
    statement's parts, or one part repeated, do not. Sets of scopes as bits and as text give
    the same."""
    def said(ident: str, scope: claims.Scope, low: int, quote: str = "one statement",
             source: str = "monitor") -> claims.Claim:
        return claims.Claim(id=ident, event="e1", predicate="killed",
                            value=claims.Count(low, low), scope=scope,
                            provenance=claims.Provenance(source=source, quote=quote))

    found = [said("a", claims.Scope("civilian"), 3), said("b", claims.Scope("militiaman"), 4),
             said("c", claims.Scope("child"), 2),  # within civilian: not added again
             said("d", claims.Scope("civilian"), 6, quote="another"),
             said("e", claims.Scope("militiaman"), 1, source="agency"),
             said("f", claims.Scope("militiaman"), 4, quote="twice"),
             said("g", claims.Scope("militiaman"), 4, quote="twice"),
             said("h", claims.Scope("civilian"), 1, quote="twice"),
             claims.Claim(id="p", event="e1", predicate="killed", scope=claims.Scope("person"),
                          value=claims.Count(2, bound=claims.model.Bound.AT_LEAST),
                          provenance=claims.Provenance(source="agency", quote="people"))]
    dossier = claims.Dossier(RECONCILE_SOURCES, RECONCILE_VOCABULARY,
                             [claims.Event(id="e1", title="One")], found)
    with mock.patch.object(_figures, "_SET_BITS", bits):
        reconciled = _same_figures(_lines(dossier, tmp_path))
    people = reconciled.ranges().filter(category="person").row(0, named=True)
    # 3 civilians and 4 militiamen in one statement: at least 7 people, more than any part
    assert (people["low"], people["high_open"], people["feasible_low"]) == (2, True, 7)


# -- the same verdict as claims.load on every line ----------------------------------------

_NASTY: list[Any] = [5, "5", True, None, "", " ", "\u0000x", [], {}, 1.0, -1, 2**70, "A B",
                     "x\u2028", "2021-06-28T00:00:00", "2021-06-28T00:00Z", "killed",
                     "militiaman", "sohr", "exact", "at_least", "9", 9, "denied",
                     "not_disclosed", "complete", ["ucdp-ged:1"], ["bad id"], "he said \"x\":",
                     "ucdp-ged:1",  # a list of one, to polars
                     {"type": "count", "low": 3, "bound": "at_least"}]


def _paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix] if prefix else []
    if isinstance(data, dict):
        for key, value in data.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _paths(value, (*prefix, index))
    return found


def _set(data: Any, path: tuple[Any, ...], value: Any) -> None:
    for step in path[:-1]:
        data = data[step]
    if value is _DROP:
        del data[path[-1]]
    else:
        data[path[-1]] = value


_DROP = object()


def _seed_lines(folder: Path) -> list[str]:
    path = _lines(claims.load(SEED), folder, "seed.jsonl")
    return path.read_text(encoding="utf-8").splitlines()


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_a_mangled_line_gets_the_readers_verdict(data: st.DataObject) -> None:
    """A claim mangled at any place (a value of another type, a blank or odd string, an
    unknown key, a key gone, a number too big, a quotation mark inside a string) is accepted
    by the bulk path exactly when :func:`claims.load` accepts it, with the same problems at
    the same places, and then gives the same figures."""
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        lines = _seed_lines(folder)
        index = data.draw(st.integers(1, len(lines) - 1))
        claim = json.loads(lines[index])
        for _ in range(data.draw(st.integers(1, 2))):
            paths = _paths(claim)
            path = data.draw(st.sampled_from(paths))
            change = data.draw(st.sampled_from(["value", "drop", "key"]))
            if change == "value":
                _set(claim, path, copy.deepcopy(data.draw(st.sampled_from(_NASTY))))
            elif change == "drop":
                _set(claim, path, _DROP)
            else:
                target = claim
                for step in path[:-1]:
                    target = target[step]
                if isinstance(target, dict):
                    key = data.draw(st.sampled_from(["zzz", "url", "low", "id", "Quote"]))
                    target[key] = copy.deepcopy(data.draw(st.sampled_from(_NASTY)))
        lines[index] = json.dumps(claim, ensure_ascii=data.draw(st.booleans()))
        path = folder / "mangled.jsonl"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        _same_verdict(path)


def test_problems_are_placed_by_line_as_load_places_them(tmp_path: Path) -> None:
    lines = _seed_lines(tmp_path)
    first, second = json.loads(lines[1]), json.loads(lines[2])
    first["provenance"]["source"] = "afp"
    second["id"] = first["id"]
    second["zzz"] = 1
    lines[1], lines[2] = json.dumps(first), json.dumps(second)
    path = tmp_path / "bad.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    loaded, bulked = _refusals(path)
    assert sorted(bulked) == sorted(loaded)
    assert "unknown source 'afp' @ line 2: $.provenance.source" in bulked


def test_an_external_id_not_in_a_list_is_refused_as_load_refuses_it(tmp_path: Path) -> None:
    """polars reads a lone string where a list is expected as a list of one: the bulk path
    must not accept what the reader refuses."""
    lines = _seed_lines(tmp_path)
    claim = json.loads(lines[1])
    claim["external_ids"] = "ucdp-ged:1"
    lines[1] = json.dumps(claim)
    path = tmp_path / "scalar.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    loaded, bulked = _refusals(path)
    assert bulked == loaded
    assert bulked[0].endswith("@ line 2: $.external_ids")


def test_blank_lines_and_a_missing_last_newline_are_read_as_load_reads_them(
        tmp_path: Path) -> None:
    lines = _seed_lines(tmp_path)
    path = tmp_path / "spaced.jsonl"
    path.write_text("\n".join([lines[0], "", *lines[1:4], "  \t", *lines[4:]]),
                    encoding="utf-8")
    _same_figures(path)


@pytest.mark.parametrize("mangle", [
    pytest.param(lambda lines: [*lines[:2], lines[2].replace(b'"quote": "', b'"quote": "\xff'),
                                *lines[3:]], id="invalid UTF-8"),
    pytest.param(lambda lines: [line + b"\r" for line in lines], id="CRLF"),
    pytest.param(lambda lines: [lines[0], b"\xef\xbb\xbf" + lines[1], *lines[2:]], id="BOM"),
    pytest.param(lambda lines: [lines[0], b" \r\t", *lines[1:], b"\r"], id="blank lines"),
])
def test_the_bytes_of_a_line_get_the_readers_verdict(mangle: Any, tmp_path: Path) -> None:
    """Lines are split and decoded in bulk, a chunk at a time: bytes that are not UTF-8, line
    ends written CR LF, a byte order mark and lines of blanks get what the reader gives."""
    lines = [line.encode("utf-8") for line in _seed_lines(tmp_path)]
    path = tmp_path / "bytes.jsonl"
    path.write_bytes(b"\n".join(mangle(lines)) + b"\n")
    _same_verdict(path, in_order=True)


@pytest.mark.parametrize("chunk", [64, 1_000, 7_000])
@pytest.mark.parametrize("last_newline", [True, False])
def test_lines_are_numbered_across_chunks_as_load_numbers_them(
        chunk: int, last_newline: bool, tmp_path: Path) -> None:
    """Each worker counts its own chunk's lines: problems in many chunks, after blank lines,
    are placed on the lines load places them on, and a good file gives the same figures."""
    lines = _seed_lines(tmp_path)
    good = tmp_path / "good.jsonl"
    good.write_text("\n".join([lines[0], "", *lines[1:6], " ", *lines[6:]])
                    + ("\n" if last_newline else ""), encoding="utf-8")
    for number in range(2, len(lines), 7):
        claim = json.loads(lines[number])
        claim["provenance"]["source"] = "nobody"
        lines[number] = json.dumps(claim)
    bad = tmp_path / "bad.jsonl"
    bad.write_text("\n".join([lines[0], "", *lines[1:6], " ", *lines[6:]])
                   + ("\n" if last_newline else ""), encoding="utf-8")
    with mock.patch.object(bulk_read, "CHUNK_BYTES", chunk):
        _same_figures(good)
        loaded, bulked = _refusals(bad)
    assert bulked == loaded
    assert len(loaded) == len(range(2, len(lines), 7))


def _drop_source(head: str) -> str:
    data = json.loads(head)
    data["sources"] = [s for s in data["sources"] if s["id"] != "sohr"]
    return json.dumps(data)


@pytest.mark.parametrize("mangle", [
    pytest.param(lambda head: "{not json", id="not JSON"),
    pytest.param(lambda head: "[]", id="not an object"),
    pytest.param(lambda head: head[:-1] + ', "zzz": 1}', id="unknown key"),
    pytest.param(_drop_source, id="a source its claims name gone"),
    pytest.param(lambda head: "", id="no head"),
])
def test_a_bad_head_gets_the_readers_verdict(mangle: Any, tmp_path: Path) -> None:
    """The head is read beside the first chunks: what is wrong with it, or with the claims
    because of it, is what load says."""
    lines = _seed_lines(tmp_path)
    path = tmp_path / "head.jsonl"
    path.write_text("\n".join([mangle(lines[0]), *lines[1:]]) + "\n", encoding="utf-8")
    loaded, bulked = _refusals(path)
    assert sorted(bulked) == sorted(loaded)


def test_a_chunk_that_fails_leaves_no_other_waiting(tmp_path: Path) -> None:
    """A chunk waits for the one before it to count its lines: when that one fails first, the
    rest give up, and the failure itself is what the caller sees."""
    path = _lines(claims.load(SEED), tmp_path)
    original = bulk_read._chunk

    def failing(body: bytes, index: int, *rest: Any) -> Any:
        if index == 1:
            raise MemoryError("no room")
        return original(body, index, *rest)

    outcome: dict[str, BaseException] = {}

    def run() -> None:
        try:
            bulk.reconcile(path)
        except BaseException as exc:
            outcome["error"] = exc

    with mock.patch.object(bulk_read, "CHUNK_BYTES", 64), \
            mock.patch.object(bulk_read, "_chunk", failing):
        worker = threading.Thread(target=run)
        worker.start()
        worker.join(60)
    assert not worker.is_alive()
    assert isinstance(outcome.get("error"), MemoryError)


def test_a_count_beyond_64_bits_is_a_clear_error(tmp_path: Path) -> None:
    lines = _seed_lines(tmp_path)
    index = next(i for i, line in enumerate(lines) if '"predicate": "killed"' in line)
    claim = json.loads(lines[index])
    claim["value"] = {"type": "count", "low": 2**70, "bound": "at_least"}
    claim.pop("status", None)
    lines[index] = json.dumps(claim)
    path = tmp_path / "big.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    claims.load(path)  # the reader takes it
    with pytest.raises(DossierError, match=r"beyond the 64-bit numbers.*claims.load"):
        bulk.reconcile(path)


def test_a_json_document_is_refused_with_the_way_out(tmp_path: Path) -> None:
    with pytest.raises(DossierError, match=r"reads JSON Lines \(.jsonl\) or Parquet "
                                           r"\(.parquet\), not .json.*convert"):
        bulk.reconcile(SEED)


def test_an_unknown_event_is_a_clear_error(tmp_path: Path) -> None:
    reconciled = bulk.reconcile(_lines(claims.load(SEED), tmp_path))
    with pytest.raises(claims.UnknownReferenceError, match="unknown event 'nowhere'"):
        reconciled.report("nowhere")


def test_without_polars_the_bulk_path_names_its_extra(monkeypatch: pytest.MonkeyPatch,
                                                      tmp_path: Path) -> None:
    real = importlib.import_module

    def without(name: str, package: str | None = None) -> Any:
        if name.split(".")[0] == "polars":
            raise ImportError(f"No module named {name!r}")
        return real(name, package)

    monkeypatch.setattr(importlib, "import_module", without)
    with pytest.raises(MissingExtraError, match=r"needs the 'bulk' extra \(polars is not "
                                                r"installed\): pip install"):
        bulk.reconcile(tmp_path / "any.jsonl")


# -- the Parquet form ----------------------------------------------------------------------


def _parquet(dossier: claims.Dossier, folder: Path, name: str = "d.parquet") -> Path:
    pytest.importorskip("pyarrow")
    path = folder / name
    claims.dump(dossier, path)
    return path


@pytest.mark.parametrize("fixture", [SEED, BULLETINS])
def test_the_parquet_form_gives_the_same_figures(fixture: Path, tmp_path: Path) -> None:
    dossier = claims.load(fixture)
    from_rows = _same_figures(_parquet(dossier, tmp_path))
    from_lines = bulk.reconcile(_lines(dossier, tmp_path))
    assert list(from_rows.group_ranges()) == list(from_lines.group_ranges())
    event = dossier.events[0].id
    assert from_rows.report(event).results == from_lines.report(event).results


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reconcilable_claims(max_size=24))
def test_the_parquet_figures_are_the_object_paths(found: list[claims.Claim]) -> None:
    events = [claims.Event(id="e1", title="One"), claims.Event(id="e2", title="Two")]
    dossier = claims.Dossier(RECONCILE_SOURCES, RECONCILE_VOCABULARY, events, found)
    with tempfile.TemporaryDirectory() as folder:
        _same_figures(_parquet(dossier, Path(folder)))


_NASTY_CELLS: dict[str, list[Any]] = {
    "str": [None, "", " ", "A B", "x\u0000", "killed", "militiaman", "sohr", "exact",
            "at_least", "denied", "not_disclosed", "complete", "2021-06-28T00:00:00",
            "2021-06-28T00:00:00+00:00", "he said \"x\":", "count", "term"],
    "int": [None, -1, 0, 3, 9, 2**62],
    "bool": [None, True, False],
    "list[str]": [[], ["ucdp-ged:1"], ["bad id"], [""]],
    "relays": [[], [{"outlet": "sohr"}], [{"outlet": "nobody"}], [{"outlet": "afp", "url": " "}]],
}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_a_mangled_row_gets_the_readers_verdict(data: st.DataObject) -> None:
    """A Parquet row with any cell changed to another value of its column's type is accepted
    by the bulk path exactly when :func:`claims.load` accepts the file, with the same
    problems, and then gives the same figures."""
    pa = pytest.importorskip("pyarrow")
    parquet = pytest.importorskip("pyarrow.parquet")
    from claims.io import CLAIM_COLUMNS

    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        path = _parquet(claims.load(SEED), folder)
        table = parquet.read_table(path)
        columns = {n: table.column(n).to_pylist() for n in table.column_names}
        for _ in range(data.draw(st.integers(1, 2))):
            column, kind = data.draw(st.sampled_from(CLAIM_COLUMNS))
            row = data.draw(st.integers(0, table.num_rows - 1))
            columns[column][row] = copy.deepcopy(data.draw(st.sampled_from(_NASTY_CELLS[kind])))
        mangled = folder / "mangled.parquet"
        parquet.write_table(pa.table(columns, schema=table.schema), mangled)
        _same_verdict(mangled)


@pytest.mark.parametrize("suffix", [".jsonl", ".parquet"])
def test_a_claim_with_an_undeclared_event_and_predicate_is_reported_once(
        suffix: str, tmp_path: Path) -> None:
    """A claim the reader keeps for the checks across claims, though its references dangle,
    has each of its problems reported once (they were reported twice: once when its line was
    read, once more when its event was found undeclared)."""
    if suffix == ".parquet":
        pytest.importorskip("pyarrow")
    dossier = claims.load(SEED)
    path = tmp_path / f"d{suffix}"
    claims.dump(dossier, path)
    if suffix == ".jsonl":
        lines = path.read_text(encoding="utf-8").splitlines()
        claim = json.loads(lines[1])
        claim["event"], claim["predicate"] = "killed", "militiaman"
        lines[1] = json.dumps(claim)
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        place = "line 2"
    else:
        pa, parquet = pytest.importorskip("pyarrow"), pytest.importorskip("pyarrow.parquet")
        table = parquet.read_table(path)
        columns = {n: table.column(n).to_pylist() for n in table.column_names}
        columns["event"][0], columns["predicate"][0] = "killed", "militiaman"
        parquet.write_table(pa.table(columns, schema=table.schema), path)
        place = "row 0"
    loaded, bulked = _refusals(path)
    expected = [f"unknown event 'killed' @ {place}: $.event",
                f"unknown predicate 'militiaman' @ {place}: $.predicate"]
    assert sorted(loaded) == expected
    assert sorted(bulked) == expected


@pytest.mark.parametrize("suffix", [".jsonl", ".parquet"])
def test_ids_said_twice_and_wrong_revisions_get_the_readers_problems(
        suffix: str, tmp_path: Path) -> None:
    """The checks across claims (made over the whole frame, not line by line) give what
    :func:`claims.load` gives: the later of two claims with one id, a ``revises`` naming no
    claim, one naming another source's claim, and one naming an id said twice (judged
    against the later claim, as the reader judges it)."""
    if suffix == ".parquet":
        pytest.importorskip("pyarrow")
    path = tmp_path / f"d{suffix}"
    claims.dump(claims.load(SEED), path)
    if suffix == ".jsonl":
        lines = path.read_text(encoding="utf-8").splitlines()
        rows = [json.loads(line) for line in lines[1:]]
    else:
        pa, parquet = pytest.importorskip("pyarrow"), pytest.importorskip("pyarrow.parquet")
        table = parquet.read_table(path)
        columns = {n: table.column(n).to_pylist() for n in table.column_names}
        rows = [{"id": i, "provenance": {"source": s}}
                for i, s in zip(columns["id"], columns["source"], strict=True)]
    other = next(i for i, row in enumerate(rows) if i > 2
                 and row["provenance"]["source"] != rows[2]["provenance"]["source"])
    changes = {1: ("id", rows[0]["id"]), 2: ("revises", "no-such-claim"),
               other: ("revises", rows[2]["id"]),
               other + 1: ("revises", rows[0]["id"])}  # an id said twice: the later claim
    for index, (key, value) in changes.items():
        if suffix == ".jsonl":
            rows[index][key] = value
        else:
            columns[key][index] = value
    if suffix == ".jsonl":
        path.write_text("\n".join([lines[0], *map(json.dumps, rows)]) + "\n",
                        encoding="utf-8")
    else:
        parquet.write_table(pa.table(columns, schema=table.schema), path)
    loaded, bulked = _refusals(path)
    assert sorted(bulked) == sorted(loaded)
    assert len(loaded) == 4


def test_a_file_this_library_wrote_is_not_checked_again(tmp_path: Path) -> None:
    """The writer leaves a digest of the rows it checked and the head; a file whose digest
    holds is read without checking its rows again, and gives the same figures."""
    path = _parquet(claims.load(BULLETINS), tmp_path)
    reconciled = _same_figures(path)
    assert reconciled.checked_when_written
    assert not bulk.reconcile(_lines(claims.load(BULLETINS), tmp_path)).checked_when_written


@pytest.mark.parametrize("change", ["row", "head"])
def test_a_file_changed_since_it_was_written_is_checked_again(tmp_path: Path,
                                                              change: str) -> None:
    """A row or the head changed by another tool (which keeps the metadata, digest and all)
    no longer matches the digest: every row is checked, and what load refuses is refused."""
    pa = pytest.importorskip("pyarrow")
    parquet = pytest.importorskip("pyarrow.parquet")
    path = _parquet(claims.load(SEED), tmp_path)
    table = parquet.read_table(path)
    metadata = {key: value for key, value in parquet.ParquetFile(path).metadata.metadata.items()
                if key != b"ARROW:schema"}  # the digest kept, as a careless copy would
    table = table.replace_schema_metadata(metadata)
    if change == "row":
        columns = {n: table.column(n).to_pylist() for n in table.column_names}
        columns["source"][0] = "nobody"
        table = pa.table(columns, schema=table.schema)
    else:
        head = json.loads(metadata[b"claims.head"])
        head["sources"] = [s for s in head["sources"] if s["id"] != "sohr"]
        metadata[b"claims.head"] = json.dumps(head).encode()
        table = table.replace_schema_metadata(metadata)
    assert b"claims.checked" in table.schema.metadata
    changed = tmp_path / "changed.parquet"
    parquet.write_table(table, changed)
    loaded, bulked = _refusals(changed)
    assert sorted(bulked) == sorted(loaded)
