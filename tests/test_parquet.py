"""The Parquet form: lossless both ways, rows grouped by event, the same checks and messages
as JSON Lines (placed by row), clear errors for files that are not dossiers."""

from __future__ import annotations

import itertools
import json
import sys
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import claims
from claims.cli import main
from claims.io import _parquet
from claims.model import Count
from tests import strategies
from tests.conftest import ROOT, SEED

pa = pytest.importorskip("pyarrow", reason="the Parquet form needs the 'parquet' extra")
pq = pytest.importorskip("pyarrow.parquet", reason="the Parquet form needs the 'parquet' extra")

FIXTURES = sorted(p for p in (ROOT / "fixtures").glob("*.json")
                  if json.loads(p.read_text(encoding="utf-8")).get("format") == "claims.dossier")


def _rows(path: Path) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = pq.read_table(path).to_pylist()
    return rows


def _rewrite(path: Path, rows: list[dict[str, Any]], schema: Any = None) -> None:
    """Write rows back with the file's own schema and metadata (or another schema)."""
    table = pq.read_table(path)
    pq.write_table(pa.Table.from_pylist(rows, schema=schema or table.schema), path)


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.name)
def test_fixtures_round_trip_byte_for_byte(fixture: Path, tmp_path: Path) -> None:
    dossier = claims.load(fixture)
    path = tmp_path / "d.parquet"
    claims.dump(dossier, path)
    again = claims.load(path)
    assert again == dossier
    assert claims.dumps(again) == claims.dumps(dossier)
    streamed = list(claims.iter_claims(path))
    assert sorted(streamed, key=lambda c: c.id) == sorted(dossier.claims, key=lambda c: c.id)


@settings(max_examples=40)
@given(dossier=strategies.dossiers())
def test_generated_dossiers_round_trip(tmp_path_factory: pytest.TempPathFactory,
                                       dossier: claims.Dossier) -> None:
    path = tmp_path_factory.mktemp("parquet") / "d.parquet"
    claims.dump(dossier, path)
    again = claims.load(path)
    assert again == dossier
    assert claims.dumps(again) == claims.dumps(dossier)
    # streamed in the file's order: by event, and in the dossier's order within one
    by_event = sorted(dossier.claims, key=lambda c: c.event)
    assert list(claims.iter_claims(path)) == by_event


def test_rows_are_sorted_by_event_and_order_keeps_the_dossier(seed: claims.Dossier,
                                                              tmp_path: Path) -> None:
    path = tmp_path / "seed.parquet"
    claims.dump(seed, path)
    rows = _rows(path)
    assert [r["event"] for r in rows] == sorted(c.event for c in seed.claims)
    assert [seed.claims[r["order"]].id for r in rows] == [r["id"] for r in rows]
    head = json.loads(pq.ParquetFile(path).metadata.metadata[b"claims.head"])
    expected = claims.unstructure(seed)
    del expected["claims"]
    expected["format"] = "claims.dossier.parquet"
    assert head == expected
    assert list(head) == ["format", "version", "sources", "vocabulary", "events"]


def test_the_schema_is_fixed(seed: claims.Dossier, tmp_path: Path) -> None:
    path = tmp_path / "seed.parquet"
    claims.dump(seed, path)
    schema = pq.ParquetFile(path).schema_arrow
    assert schema.names == [name for name, _ in claims.io.CLAIM_COLUMNS] + ["order"]
    assert schema.field("value_low").type == pa.int64()
    assert schema.field("interested").type == pa.bool_()
    assert schema.field("external_ids").type == pa.list_(pa.string())
    relay = schema.field("relays").type.value_type
    assert [relay.field(i).name for i in range(relay.num_fields)] == list(
        claims.io.RELAY_FIELDS)


@given(st.lists(st.integers(1, 9), max_size=30), st.integers(1, 12))
def test_row_groups_hold_whole_events(sizes: list[int], limit: int) -> None:
    events = [f"e{index:02d}" for index, size in enumerate(sizes) for _ in range(size)]
    original = _parquet.ROW_GROUP_ROWS
    _parquet.ROW_GROUP_ROWS = limit
    try:
        groups = list(_parquet._row_groups(events))
    finally:
        _parquet.ROW_GROUP_ROWS = original
    assert [i for start, stop in groups for i in range(start, stop)] == list(range(len(events)))
    for start, stop in groups:
        assert start == 0 or events[start] != events[start - 1]  # no event split
        assert stop - start <= limit or len(set(events[start:stop])) == 1
    for (start, _), (_, after) in itertools.pairwise(groups):
        assert after - start > limit  # the next event did not fit


def test_many_row_groups_keep_events_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                           ) -> None:
    monkeypatch.setattr(_parquet, "ROW_GROUP_ROWS", 5)
    dossier = _generated(tmp_path, claims_count=60, events=7)
    path = tmp_path / "g.parquet"
    claims.dump(dossier, path)
    file = pq.ParquetFile(path)
    assert file.metadata.num_row_groups > 3
    seen: set[str] = set()
    for group in range(file.metadata.num_row_groups):
        events = set(file.read_row_group(group, columns=["event"]).column(0).to_pylist())
        assert not events & seen
        seen |= events
    assert claims.load(path) == dossier


def _generated(folder: Path, claims_count: int, events: int) -> claims.Dossier:
    import subprocess

    lines = folder / "g.jsonl"
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "generate.py"), str(lines),
                    "--claims", str(claims_count), "--events", str(events)], check=True)
    return claims.load(lines)


def test_the_largest_int64_count_is_kept_and_a_larger_one_refused(seed: claims.Dossier,
                                                                   tmp_path: Path) -> None:
    path = tmp_path / "big.parquet"
    largest = 2**63 - 1
    first = seed.claims[0]
    huge = attrs.evolve(seed.claim("sohr-killed"), id="huge", value=Count.at_least(largest))
    claims.dump(seed.add(huge), path)
    assert claims.load(path).claim("huge").value == Count.at_least(largest)
    before = path.read_bytes()
    beyond = attrs.evolve(huge, id="beyond", value=Count.between(3, largest + 1))
    with pytest.raises(claims.ValidationError,
                       match=r"claim 'beyond' .*value\.high=9223372036854775808 is beyond"):
        claims.dump(seed.add(beyond), path)
    assert path.read_bytes() == before  # nothing written
    assert [p.name for p in tmp_path.iterdir()] == ["big.parquet"]
    with pytest.raises(claims.ValidationError, match=r"claim 'beyond'"):
        claims.dump(seed.add(beyond), tmp_path / "new.parquet")
    assert not (tmp_path / "new.parquet").exists()
    assert first.id  # the seed is untouched


def test_a_missing_extra_is_named(seed: claims.Dossier, tmp_path: Path,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    for module in ("pyarrow", "pyarrow.parquet"):
        monkeypatch.setitem(sys.modules, module, None)
    with pytest.raises(claims.errors.MissingExtraError, match=r"'parquet' extra"):
        claims.dump(seed, tmp_path / "x.parquet")
    with pytest.raises(claims.errors.MissingExtraError, match=r"'parquet' extra"):
        claims.load(tmp_path / "x.parquet")
    assert not (tmp_path / "x.parquet").exists()


def test_convert_both_ways(tmp_path: Path) -> None:
    lines, table, back = tmp_path / "a.jsonl", tmp_path / "b.parquet", tmp_path / "c.jsonl"
    assert main(["convert", str(SEED), str(lines)]) == 0
    assert main(["convert", str(lines), str(table)]) == 0
    assert main(["convert", str(table), str(back)]) == 0
    assert back.read_text(encoding="utf-8") == lines.read_text(encoding="utf-8")


# -- files that are not what they should be ------------------------------------------------


def test_bytes_that_are_not_parquet(tmp_path: Path) -> None:
    path = tmp_path / "x.parquet"
    path.write_bytes(b'{"format": "claims.dossier"}')
    with pytest.raises(claims.DossierError, match=r"not a Parquet file, or a damaged one"):
        claims.load(path)
    with pytest.raises(claims.DossierError, match=r"cannot read the file"):
        claims.load(tmp_path / "missing.parquet")
    with pytest.raises(claims.DossierError, match=r"cannot read the file"):
        list(claims.iter_claims(tmp_path / "missing.parquet"))


def test_a_damaged_file(seed: claims.Dossier, tmp_path: Path) -> None:
    path = tmp_path / "x.parquet"
    claims.dump(seed, path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3] + data[-2000:])
    with pytest.raises(claims.DossierError, match=r"in .*x\.parquet") as caught:
        claims.load(path)
    assert "Traceback" not in str(caught.value)
    middle = bytearray(data)
    middle[100:400] = bytes(300)  # the first row group's pages, zeroed
    path.write_bytes(bytes(middle))
    with pytest.raises(claims.DossierError, match=r"cannot read row group 0|not a Parquet"):
        claims.load(path)


def test_a_parquet_file_without_a_head(tmp_path: Path) -> None:
    path = tmp_path / "x.parquet"
    pq.write_table(pa.table({"id": ["a"]}), path)
    with pytest.raises(claims.DossierError, match=r"no dossier head: .*'claims.head'"):
        claims.load(path)


def test_head_problems_are_placed_in_the_head(seed: claims.Dossier, tmp_path: Path) -> None:
    path = tmp_path / "x.parquet"
    claims.dump(seed, path)
    table = pq.read_table(path)
    head = json.loads(table.schema.metadata[b"claims.head"])
    head["format"] = "claims.dossier.lines"
    head["sources"][0]["kind"] = "blogger"
    pq.write_table(table.replace_schema_metadata({"claims.head": json.dumps(head)}), path)
    with pytest.raises(claims.DossierError) as caught:
        claims.load(path)
    assert [str(p) for p in caught.value.problems] == [
        'expected "claims.dossier.parquet", got "claims.dossier.lines" @ head: $.format',
        "unknown source kind 'blogger' @ head: $.sources[0].kind",
    ]
    pq.write_table(table.replace_schema_metadata({"claims.head": "[1, "}), path)
    with pytest.raises(claims.DossierError, match=r"not valid JSON .* @ head: \$"):
        claims.load(path)


@pytest.mark.parametrize(("change", "message"), [
    (lambda t: t.drop_columns(["value_low"]), r"missing column 'value_low' \(int64\) @ schema"),
    (lambda t: t.append_column("colour", pa.array(["red"] * len(t))),
     r"unknown column 'colour' @ schema"),
    (lambda t: t.set_column(t.schema.get_field_index("value_low"), "value_low",
                            t.column("value_low").cast(pa.string())),
     r"column 'value_low' holds string; expected int64 @ schema"),
    (lambda t: t.set_column(t.schema.get_field_index("interested"), "interested",
                            pa.array([1] * len(t), pa.int8())),
     r"column 'interested' holds int8; expected bool @ schema"),
    (lambda t: t.set_column(t.schema.get_field_index("order"), "order",
                            pa.array(["0"] * len(t))),
     r"column 'order' holds string; expected int64 @ schema"),
])
def test_schema_problems_name_the_column(seed: claims.Dossier, tmp_path: Path, change: Any,
                                         message: str) -> None:
    path = tmp_path / "x.parquet"
    claims.dump(seed, path)
    pq.write_table(change(pq.read_table(path)), path)
    with pytest.raises(claims.DossierError, match=message):
        claims.load(path)
    with pytest.raises(claims.DossierError, match=message):
        list(claims.iter_claims(path))


def test_relay_fields_are_checked(seed: claims.Dossier, tmp_path: Path) -> None:
    path = tmp_path / "x.parquet"
    claims.dump(seed, path)
    rows = _rows(path)
    for row in rows:
        for relay in row["relays"]:
            del relay["title"]
            relay["via"] = None
    relay = pa.struct([(n, pa.string()) for n in claims.io.RELAY_FIELDS if n != "title"]
                      + [("via", pa.string())])
    table = pq.read_table(path)
    schema = table.schema.set(table.schema.get_field_index("relays"),
                              pa.field("relays", pa.list_(relay)))
    _rewrite(path, rows, schema)
    with pytest.raises(claims.DossierError) as caught:
        claims.load(path)
    assert [str(p) for p in caught.value.problems] == [
        "column 'relays' lacks the field 'title' (string) @ schema",
        "column 'relays' has an unknown field 'via' @ schema",
    ]


def test_unknown_columns_may_be_allowed(seed: claims.Dossier, tmp_path: Path) -> None:
    path = tmp_path / "x.parquet"
    claims.dump(seed, path)
    table = pq.read_table(path)
    pq.write_table(table.append_column("colour", pa.array(["red"] * len(table))), path)
    assert claims.load(path, allow_unknown_keys=True) == seed


def test_other_arrow_types_of_the_same_kind_read_alike(seed: claims.Dossier,
                                                       tmp_path: Path) -> None:
    """Files written by other tools: large strings and lists, dictionary-encoded text,
    narrower integers, no order column (rows are then the dossier's order)."""
    path = tmp_path / "x.parquet"
    claims.dump(seed, path)
    table = pq.read_table(path).sort_by("order").drop_columns(["order"])
    fields = []
    for field in table.schema:
        kind = field.type
        if kind == pa.string():
            kind = pa.large_string() if field.name != "source" else pa.dictionary(
                pa.int32(), pa.string())
        elif kind == pa.int64():
            kind = pa.int32()
        elif kind == pa.list_(pa.string()):
            kind = pa.large_list(pa.large_string())
        fields.append(pa.field(field.name, kind))
    pq.write_table(table.cast(pa.schema(fields, metadata=table.schema.metadata)), path)
    assert claims.load(path) == seed


def test_row_problems_are_those_of_json_lines(seed: claims.Dossier, tmp_path: Path) -> None:
    lines, table = tmp_path / "x.jsonl", tmp_path / "x.parquet"
    claims.dump(seed, lines)
    claims.dump(seed, table)
    text = lines.read_text(encoding="utf-8").splitlines()
    rows = _rows(table)
    changes: list[tuple[str, dict[str, Any]]] = [
        ("sohr-killed", {"value_low": 9, "value_high": 4, "value_bound": "between"}),
        ("sana-killed", {"source": "afp"}),
        ("sana-injured", {"hedge": "perhaps", "value_id": "x"}),
        ("us-time", {"value_start": "28 June"}),
        ("us-motive", {"quote": None}),
    ]
    for ident, change in changes:
        row = next(r for r in rows if r["id"] == ident)
        row.update(change)
        line = next(i for i, t in enumerate(text) if json.loads(t).get("id") == ident)
        text[line] = json.dumps(claims.io.nest_claim(row), ensure_ascii=False)
    lines.write_text("\n".join(text) + "\n", encoding="utf-8")
    _rewrite(table, rows)
    with pytest.raises(claims.DossierError) as from_lines:
        claims.load(lines)
    with pytest.raises(claims.DossierError) as from_rows:
        claims.load(table)
    expected = {(p.path.partition(": ")[2], p.message) for p in from_lines.value.problems}
    assert len(expected) >= len(changes)
    assert {(p.path.partition(": ")[2], p.message)
            for p in from_rows.value.problems} == expected
    row_of = {r["id"]: i for i, r in enumerate(rows)}
    for problem in from_rows.value.problems:
        assert problem.path.startswith("row ")
    assert f"row {row_of['sana-killed']}: $.provenance.source" in {
        p.path for p in from_rows.value.problems}


def test_duplicate_ids_and_a_bad_order_are_found(seed: claims.Dossier, tmp_path: Path) -> None:
    path = tmp_path / "x.parquet"
    claims.dump(seed, path)
    rows = _rows(path)
    first, later = sorted((0, len(rows) - 1), key=lambda i: rows[i]["order"])
    rows[later]["id"] = rows[first]["id"]  # reported where it comes again in the dossier
    _rewrite(path, rows)
    with pytest.raises(claims.DossierError,
                       match=rf"duplicate claim id '{rows[first]['id']}' @ row {later}: \$\.id"):
        claims.load(path)
    with pytest.raises(claims.DossierError, match=r"duplicate claim id"):
        list(claims.iter_claims(path))
    claims.dump(seed, path)
    rows = _rows(path)
    rows[3]["order"] = rows[2]["order"]
    _rewrite(path, rows)
    with pytest.raises(claims.DossierError,
                       match=r"column 'order' must number the 22 rows from 0 to 21, each once; "
                             r"this row holds \d+ @ row 3: \$"):
        claims.load(path)


def test_streaming_stops_at_the_first_bad_row_group(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_parquet, "ROW_GROUP_ROWS", 10)
    dossier = _generated(tmp_path, claims_count=80, events=8)
    path = tmp_path / "g.parquet"
    claims.dump(dossier, path)
    rows = _rows(path)
    file = pq.ParquetFile(path)
    assert file.metadata.num_row_groups >= 3
    first = file.metadata.row_group(0).num_rows
    rows[first + 1]["source"] = "nobody"
    _rewrite(path, rows)
    # pyarrow's default writer makes one row group again: write the groups as they were
    table = pa.Table.from_pylist(rows, schema=pq.read_table(path).schema)
    with pq.ParquetWriter(path, table.schema) as writer:
        writer.write_table(table.slice(0, first), row_group_size=first)
        writer.write_table(table.slice(first), row_group_size=len(rows))
    streamed = []
    with pytest.raises(claims.DossierError, match=rf"unknown source 'nobody' @ row {first + 1}"):
        streamed.extend(claims.iter_claims(path))
    assert len(streamed) == first


def test_json_lines_stream_into_the_same_parquet_file(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_parquet, "ROW_GROUP_ROWS", 16)
    _generated(tmp_path, claims_count=150, events=12)
    lines = tmp_path / "g.jsonl"
    streamed, loaded = tmp_path / "streamed.parquet", tmp_path / "loaded.parquet"
    claims.io.lines_to_parquet(lines, streamed)
    claims.dump(claims.load(lines), loaded)
    assert streamed.read_bytes() == loaded.read_bytes()
    assert pq.ParquetFile(streamed).metadata.num_row_groups > 5


def test_streaming_into_parquet_stops_at_a_bad_line(seed: claims.Dossier, tmp_path: Path) -> None:
    lines, target = tmp_path / "seed.jsonl", tmp_path / "seed.parquet"
    claims.dump(seed, lines)
    text = lines.read_text(encoding="utf-8").splitlines()
    bad = json.loads(text[9])
    bad["provenance"]["source"] = "afp"
    text[9] = json.dumps(bad)
    lines.write_text("\n".join(text) + "\n", encoding="utf-8")
    with pytest.raises(claims.DossierError, match=r"unknown source 'afp' @ line 10"):
        claims.io.lines_to_parquet(lines, target)
    assert list(tmp_path.iterdir()) == [lines]
