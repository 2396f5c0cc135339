"""Outputs written a chunk of events at a time: the same bytes as the whole report's, the same
problems as loading, and no more claims alive than a chunk holds."""

from __future__ import annotations

import datetime as dt
import filecmp
import gc
import io
import json
import random
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import claims
from claims import export
from claims.cli import main
from claims.io import write_atomically
from claims.io._converter import converter
from claims.io._writing import (
    CLAIM_FIELDS,
    PROVENANCE_FIELDS,
    SCOPE_FIELDS,
    write_claim_lines,
)
from claims.report import ChunkedReport, reconcile_in_chunks
from claims.report import _lines as first_pass
from tests import strategies
from tests.conftest import ROOT, SEED
from tests.test_fuzz import _generate_module, documents, render

BULLETINS = ROOT / "fixtures" / "invented-bulletins.json"
AS_OF = {BULLETINS: ["2024-03-01T20:00+03:00", "2024-03-02T20:00+03:00"]}


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """About 1,500 claims on 120 events, with a few events that no claim is about."""
    folder = tmp_path_factory.mktemp("generated")
    path = folder / "generated.jsonl"
    _generate_module().write(path, 120, 1_500, 3, sources=8)
    head, *lines = path.read_text(encoding="utf-8").splitlines()
    data = json.loads(head)
    data["events"] += [{"id": f"quiet-{i}", "title": f"Quiet {i}"} for i in range(3)]
    data["events"].insert(5, data["events"].pop())  # one among the others, not last
    path.write_text("\n".join([json.dumps(data), *lines[:700], "", *lines[700:]]) + "\n",
                    encoding="utf-8")  # and a blank line
    return path


def _whole(dossier: claims.Dossier, as_of: dt.datetime | None) -> dict[str, str]:
    report = claims.reconcile(dossier, as_of=as_of)
    return {"json": report.to_json(), "text": str(report), "infobox": report.infobox() + "\n"}


def _chunked(chunked: ChunkedReport) -> dict[str, str]:
    written = {}
    for name in ("json", "text", "infobox"):
        out = io.StringIO()
        getattr(chunked, f"write_{name}")(out.write)
        written[name] = out.getvalue()
    return written


@pytest.mark.parametrize("chunk", [1, 7, 20_000])
def test_the_fixtures_write_what_the_whole_report_writes(chunk: int, tmp_path: Path) -> None:
    for fixture in (SEED, BULLETINS):
        dossier = claims.load(fixture)
        lines = tmp_path / f"{fixture.stem}.jsonl"
        claims.dump(dossier, lines)
        for moment in [None, *AS_OF.get(fixture, [])]:
            as_of = None if moment is None else dt.datetime.fromisoformat(moment)
            whole = _whole(dossier, as_of)
            for source in (fixture, lines, dossier):
                assert _chunked(reconcile_in_chunks(source, as_of=as_of, chunk=chunk)) == whole


@pytest.mark.parametrize("chunk", [1, 90, 20_000])
def test_a_generated_dossier_writes_what_the_whole_report_writes(generated: Path,
                                                                 chunk: int) -> None:
    dossier = claims.load(generated)
    for as_of in (None, dt.datetime(2024, 3, 15, tzinfo=dt.UTC)):
        chunked = reconcile_in_chunks(generated, as_of=as_of, chunk=chunk)
        assert _chunked(chunked) == _whole(dossier, as_of)
        assert chunked.claim_count == len(dossier.claims)
        if as_of is not None:
            assert chunked.excluded == claims.reconcile(dossier, as_of=as_of).excluded != ()


@settings(max_examples=60)
@given(strategies.reconcilable_claims(), st.integers(1, 6), st.sampled_from([None, 27, 29]),
       st.booleans())
def test_chunks_settle_every_event_as_the_whole_report_does(
        found: list[claims.Claim], chunk: int, day: int | None, as_lines: bool) -> None:
    events = [claims.Event(id=e, title=f"Event {e}") for e in ("e2", "quiet", "e1")]
    dossier = claims.Dossier(strategies.RECONCILE_SOURCES, strategies.RECONCILE_VOCABULARY,
                             events, found)
    as_of = None if day is None else dt.datetime(2021, 6, day, 12, tzinfo=dt.UTC)
    with tempfile.TemporaryDirectory() as folder:
        source: Path | claims.Dossier = dossier
        if as_lines:
            source = Path(folder) / "d.jsonl"
            claims.dump(dossier, source)
        chunked = reconcile_in_chunks(source, as_of=as_of, chunk=chunk)
        assert _chunked(chunked) == _whole(dossier, as_of)
        chunks = list(chunked.chunks())
    assert [e.id for c in chunks for e in c.events] == ["e2", "quiet", "e1"]
    sizes = [(len(c.events), sum(len(s.claims) for s in c.summaries)) for c in chunks]
    assert all(events == 1 or size <= chunk for events, size in sizes)


def test_the_command_line_writes_what_the_whole_report_writes(
        generated: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = claims.reconcile(claims.load(generated))
    for flags, expected in ((["--json"], report.to_json()), ([], str(report)),
                            (["--infobox"], report.infobox() + "\n")):
        assert main(["report", str(generated), *flags]) == 0
        assert capsys.readouterr().out == expected


def test_a_chunk_is_all_the_claims_alive(generated: Path) -> None:
    """Reading a JSON Lines file keeps no claim; each chunk's are gone before the next
    chunk's are read."""
    def alive() -> int:
        gc.collect()
        return sum(1 for o in gc.get_objects() if type(o) is claims.Claim)

    before = alive()
    chunked = reconcile_in_chunks(generated, chunk=100)
    assert alive() == before

    class Counting:  # the chunked report's claims, counting those alive as each are read
        def __init__(self, inner: Any) -> None:
            self.inner, self.seen = inner, []

        def fetch(self, ordinals: Any) -> list[claims.Claim]:
            self.seen.append(alive() - before)
            return self.inner.fetch(ordinals)

        def __len__(self) -> int:
            return len(self.inner)

    counting = chunked._claims = Counting(chunked._claims)
    held = []
    for chunk in chunked.chunks():
        held.append(alive() - before)
        assert held[-1] == sum(len(s.claims) for s in chunk.summaries)
        del chunk
    assert len(held) > 10 and max(held) < 250  # no event here has 150 claims
    assert counting.seen == [0] * len(held)
    assert alive() == before


# -- the same problems as loading -----------------------------------------------------------


def _refusal(read: Callable[[], Any]) -> tuple[list[str], str | None] | None:
    try:
        read()
    except claims.DossierError as error:
        return [str(p) for p in error.problems], error.path
    return None


def test_mangled_files_are_refused_as_loading_refuses_them(tmp_path: Path) -> None:
    path = tmp_path / "mutant.jsonl"
    verdicts = {"accepted": 0, "refused": 0}
    for _, mutant, rng in documents(240, seed=31):
        path.write_bytes(render(mutant, "jsonl", rng))
        allow = rng.random() < 0.2
        loading = _refusal(lambda allow=allow: claims.load(path, allow_unknown_keys=allow))
        assert _refusal(lambda allow=allow: reconcile_in_chunks(
            path, allow_unknown_keys=allow, chunk=2)) == loading, mutant.steps
        verdicts["refused" if loading else "accepted"] += 1
    assert min(verdicts.values()) > 20


def _lines(generated: Path) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    head, *lines = generated.read_text(encoding="utf-8").splitlines()
    return json.loads(head), [json.loads(line) for line in lines if line]


def _write(path: Path, head: dict[str, Any], items: list[dict[str, Any]]) -> Path:
    path.write_text("\n".join(json.dumps(x) for x in [head, *items]) + "\n", encoding="utf-8")
    return path


def test_references_across_the_file_are_checked_as_loading_checks_them(
        generated: Path, tmp_path: Path) -> None:
    head, items = _lines(generated)
    first, later = items[3], items[-1]
    items[-2]["id"] = first["id"]  # a duplicate id far from the first
    items[10]["revises"] = "no-such-claim"
    items[11]["revises"] = later["id"]  # a revision of a claim further down: of another source?
    items[12]["revises"] = items[13]["id"]
    items[13].update(event=items[12]["event"], predicate=items[12]["predicate"],
                     provenance=dict(items[13]["provenance"],
                                     source=items[12]["provenance"]["source"]))
    items[20]["event"] = "no-such-event"
    items[21]["revises"] = items[20]["id"]
    items[30]["scope"] = {"category": "no-such-category"}
    items.insert(40, {"id": "broken"})
    head["sources"].append({"id": "bad source", "name": "x", "kind": "other"})
    path = _write(tmp_path / "bad.jsonl", head, items)
    loading = _refusal(lambda: claims.load(path))
    assert loading is not None and len(loading[0]) >= 7
    assert any("revises" in p and "no-such-claim" in p for p in loading[0])
    assert any("duplicate claim id" in p for p in loading[0])
    assert _refusal(lambda: reconcile_in_chunks(path, chunk=50)) == loading


def test_ids_are_compared_themselves_where_their_hashes_meet(
        generated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The first pass keeps each id's hash, not the id: where hashes are equal (here every
    id of one length shares one), the claims are read again and the ids compared."""
    monkeypatch.setattr(first_pass, "hash", len, raising=False)
    head, items = _lines(generated)
    assert _refusal(lambda: reconcile_in_chunks(generated)) is None
    items[5]["revises"] = items[900]["id"]
    items[5].update(event=items[900]["event"], predicate=items[900]["predicate"],
                    provenance=items[900]["provenance"])
    items[6]["revises"] = items[7]["id"]  # another source's, most likely
    for index in (100, 700, 1400):
        items[index]["id"] = items[50]["id"]
    path = _write(tmp_path / "repeats.jsonl", head, items)
    loading = _refusal(lambda: claims.load(path))
    assert loading is not None and sum("duplicate claim id" in p for p in loading[0]) == 3
    assert _refusal(lambda: reconcile_in_chunks(path)) == loading


def test_a_file_that_changes_between_the_passes_is_refused(generated: Path,
                                                          tmp_path: Path) -> None:
    path = tmp_path / "changing.jsonl"
    path.write_bytes(generated.read_bytes())
    chunked = reconcile_in_chunks(path)
    with path.open("ab") as out:
        out.write(b"\n")
    with pytest.raises(claims.DossierError, match="the file changed after it was checked"):
        next(chunked.chunks())


def test_a_chunk_must_hold_a_claim(generated: Path) -> None:
    with pytest.raises(claims.ValidationError, match="'chunk' must be a positive number"):
        reconcile_in_chunks(generated, chunk=0)
    with pytest.raises(claims.ValidationError, match="'as_of' must carry a time zone"):
        reconcile_in_chunks(generated, as_of=dt.datetime(2024, 3, 1))


# -- exports ---------------------------------------------------------------------------------


def _whole_exports(dossier: claims.Dossier, folder: Path) -> None:
    """Each export written from the whole report, as the command line wrote them before."""
    report = claims.reconcile(dossier)
    tables = {"ucdp": export.ucdp_rows, "airwars": export.airwars_rows,
              "acled": export.acled_rows, "results": export.result_rows}
    for name, rows in tables.items():
        export.write_csv(rows(report), folder / name)
    export.write_csv(export.claim_rows(dossier), folder / "claims")
    texts = {"wikipedia": export.wikipedia_infobox(report) + "\n",
             "wikidata": "".join(f"{line}\n" for line in export.wikidata_statements(report)),
             "prov": export.prov_document(dossier, report).serialize(format="json")}
    for name, text in texts.items():
        write_atomically(folder / name, lambda stream, text=text: stream.write(text))


@pytest.mark.parametrize("chunk", [1, 200])
def test_every_export_writes_what_the_whole_report_writes(generated: Path, tmp_path: Path,
                                                         chunk: int) -> None:
    pytest.importorskip("prov")
    for source in (SEED, BULLETINS, generated):
        dossier = claims.load(source)
        whole, parts = tmp_path / f"{source.stem}-whole", tmp_path / f"{source.stem}-parts"
        whole.mkdir(exist_ok=True)
        parts.mkdir(exist_ok=True)
        _whole_exports(dossier, whole)
        export.write_exports(reconcile_in_chunks(source, chunk=chunk),
                             {name: parts / name for name in export.EXPORTS})
        for name in export.EXPORTS:
            assert filecmp.cmp(whole / name, parts / name, shallow=False), (source, name)
        assert sorted(p.name for p in parts.iterdir()) == sorted(export.EXPORTS)


def test_the_command_line_exports_every_format_at_once(generated: Path, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]
                                                      ) -> None:
    pytest.importorskip("prov")
    whole = tmp_path / "whole"
    whole.mkdir()
    _whole_exports(claims.load(generated), whole)
    flags = [x for name in export.EXPORTS for x in (f"--{name}", str(tmp_path / name))]
    assert main(["export", str(generated), *flags]) == 0
    assert capsys.readouterr().out.splitlines() == [f"wrote {tmp_path / name}"
                                                    for name in export.EXPORTS]
    for name in export.EXPORTS:
        assert filecmp.cmp(whole / name, tmp_path / name, shallow=False), name


def test_a_failed_export_leaves_every_target_as_it_was(tmp_path: Path) -> None:
    targets = {name: tmp_path / f"{name}.out" for name in ("ucdp", "wikipedia", "claims")}
    for path in targets.values():
        path.write_text("before\n", encoding="utf-8")
    dossier = claims.load(SEED)
    broken = attrs.evolve(dossier.claims[0], note="\ud800")  # UTF-8 cannot encode it
    dossier = attrs.evolve(dossier, claims=(broken, *dossier.claims[1:]))
    with pytest.raises(claims.ValidationError, match=r"cannot write '.*claims\.out'.*surrogate"):
        export.write_exports(reconcile_in_chunks(dossier), targets)
    assert [p.read_text(encoding="utf-8") for p in targets.values()] == ["before\n"] * 3
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in
                                                                targets.values())
    with pytest.raises(claims.ValidationError, match=r"unknown exports \['pdf'\]"):
        export.write_exports(reconcile_in_chunks(dossier), {"pdf": tmp_path / "x.pdf"})


# -- the command line --------------------------------------------------------------------------


def test_progress_reaches_a_terminal_only(generated: Path, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "ucdp.csv"
    assert main(["export", str(generated), "--ucdp", str(target)]) == 0
    assert capsys.readouterr().err == ""
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    assert main(["export", str(generated), "--ucdp", str(target)]) == 0
    captured = capsys.readouterr()
    assert captured.out == f"wrote {target}\n"
    assert f"claims: reading {generated}…" in captured.err
    count = len(claims.load(generated).claims)
    assert f"claims: reconciling {count:,} claims…" in captured.err
    assert "claims: writing the results of 123 events…" in captured.err


def test_a_reader_that_goes_away_stops_the_report_quietly(generated: Path) -> None:
    for flags in ([], ["--json"]):
        command = [sys.executable, "-m", "claims", "report", str(generated), *flags]
        with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as ran:
            assert ran.stdout is not None and ran.stderr is not None
            first = ran.stdout.readline()
            ran.stdout.close()
            error = ran.stderr.read()
            assert ran.wait(timeout=120) == 0
        assert first and error == b""


# -- writing JSON Lines ------------------------------------------------------------------------


def test_the_line_writer_knows_every_field_of_the_model() -> None:
    assert tuple(f.name for f in attrs.fields(claims.Claim)) == CLAIM_FIELDS
    assert tuple(f.name for f in attrs.fields(claims.Provenance)) == PROVENANCE_FIELDS
    assert tuple(f.name for f in attrs.fields(claims.Scope)) == SCOPE_FIELDS


@given(st.lists(strategies.claims(), max_size=6), st.randoms())
def test_each_line_is_what_the_converter_and_json_write(found: list[claims.Claim],
                                                        rng: random.Random) -> None:
    shared = found + [rng.choice(found) for _ in range(3)] if found else found
    written: list[str] = []
    write_claim_lines(shared, written.append)
    unstructure = converter().unstructure
    assert "".join(written) == "".join(json.dumps(unstructure(c), ensure_ascii=False) + "\n"
                                       for c in shared)
