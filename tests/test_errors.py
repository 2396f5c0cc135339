"""Every error path: a claims exception whose message names the field, the value and the place."""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
import time
from pathlib import Path
from typing import Any

import attrs
import pytest

import claims
from claims import Count, TimeSpan
from claims.errors import Problem
from claims.model import Bound
from tests.conftest import SEED

UTC = dt.UTC


def seed_data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(SEED.read_text(encoding="utf-8"))
    return copy.deepcopy(data)


def problems_of(data: Any) -> list[str]:
    with pytest.raises(claims.DossierError) as caught:
        claims.structure(data, claims.Dossier)
    return [str(p) for p in caught.value.problems]


# -- values ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: Count(9, 4, Bound.BETWEEN), r"'low' must be <= 'high': low=9, high=4"),
        (lambda: Count.exact(-1), r"'low' must be a non-negative integer: low=-1"),
        (lambda: Count(True, True), r"'low' must be a non-negative integer: low=True"),
        (lambda: Count(3, 5), r"an exact count needs high == low: bound='exact', low=3, high=5"),
        (lambda: Count(3, 5, Bound.AT_LEAST), r"an 'at least' count has no high"),
        (lambda: Count(1, 5, Bound.AT_MOST), r"an 'at most' count needs low == 0"),
        (lambda: Count(1, None, Bound.BETWEEN), r"a 'between' count needs a high"),
        (lambda: Count(1, 5, Bound.APPROXIMATELY), r"an approximate count needs a high "
                                                          r"and a best figure"),
        (lambda: Count(1, None, Bound.VAGUE), r"'wording' must be non-blank text: "
                                                     r"wording=None"),
        (lambda: Count.approximately(60, 40, 50), r"'best' must lie within low..high: best=60"),
        (lambda: Count.exact(3, wording="  "), r"'wording' must be non-blank text: wording='  '"),
    ],
)
def test_invalid_counts_cannot_exist(build: Any, message: str) -> None:
    with pytest.raises(claims.ValidationError, match=message) as caught:
        build()
    assert isinstance(caught.value, ValueError)
    assert isinstance(caught.value, claims.ClaimsError)


def test_time_spans_need_a_zone_and_a_positive_length() -> None:
    naive = dt.datetime(2021, 6, 28)
    with pytest.raises(claims.ValidationError, match=r"'start' must carry a time zone"):
        TimeSpan(naive, naive.replace(tzinfo=UTC))
    start = dt.datetime(2021, 6, 28, tzinfo=UTC)
    with pytest.raises(claims.ValidationError,
                       match=r"'end' must be later than 'start': start=2021-06-28T00:00:00"):
        TimeSpan(start, start)


def test_ids_are_slugs() -> None:
    with pytest.raises(claims.ValidationError, match=r"'id' must be a slug .*: id='Bad Id'"):
        claims.Term("Bad Id")


def test_a_non_claim_has_no_value_and_an_assertion_has_one() -> None:
    prov = claims.Provenance(source="s", quote="q")
    with pytest.raises(claims.ValidationError, match=r"a not_disclosed claim has no 'value'"):
        claims.Claim(id="c", event="e", predicate="killed", provenance=prov,
                     value=Count.exact(1), status=claims.Status.NOT_DISCLOSED)
    with pytest.raises(claims.ValidationError,
                       match=r"a claim with status 'denied' needs a 'value': value=None"):
        claims.Claim(id="c", event="e", predicate="killed", provenance=prov,
                     status=claims.Status.DENIED)


# -- vocabularies ---------------------------------------------------------------------------


def test_vocabulary_reports_every_problem_at_once() -> None:
    with pytest.raises(claims.ValidationError) as caught:
        claims.Vocabulary(
            categories=(
                claims.Category("a", "a", parent="b"),
                claims.Category("b", "b", parent="a"),
                claims.Category("a", "again"),
                claims.Category("c", "c", parent="nowhere"),
            ),
            places=(claims.Place("x", "X", within="x"),),
            exclusions=(claims.model.Exclusion(("a", "b")), claims.model.Exclusion(("c", "ghost"))),
            predicates=(claims.Predicate("killed", "killed", claims.model.ValueKind.TEXT),),
            source_kinds=("blog", "blog", "government"),
        )
    assert [str(p) for p in caught.value.problems] == [
        "category 'a' lies within itself through 'b' @ $.categories[0].parent",
        "category 'b' lies within itself through 'a' @ $.categories[1].parent",
        "duplicate category id 'a' @ $.categories[2].id",
        "unknown category 'nowhere' @ $.categories[3].parent",
        "place 'x' lies within itself through 'x' @ $.places[0].within",
        "nested categories cannot exclude each other: 'a' and 'b' @ $.exclusions[0].categories",
        "unknown category 'ghost' @ $.exclusions[1].categories[1]",
        "duplicate predicate id 'killed' @ $.predicates[0].id",
        "duplicate source kind 'blog' @ $.source_kinds[1]",
        "duplicate source kind 'government' @ $.source_kinds[2]",
    ]


def test_lookups_of_unknown_ids_raise_a_lookup_error(seed: claims.Dossier) -> None:
    with pytest.raises(claims.UnknownReferenceError, match=r"^unknown source 'afp'$") as caught:
        seed.source("afp")
    assert isinstance(caught.value, LookupError)
    with pytest.raises(claims.UnknownReferenceError, match=r"unknown place 'aleppo'"):
        seed.vocabulary.place("aleppo")
    with pytest.raises(claims.UnknownReferenceError, match=r"no actor is named 'Hamas'"):
        seed.vocabulary.resolve_actor("Hamas")


# -- dossiers and files ---------------------------------------------------------------------


def test_the_issue_example_message() -> None:
    data = seed_data()
    data["claims"][3]["value"] = {"type": "count", "bound": "between", "low": 9, "high": 4}
    assert problems_of(data) == ["'low' must be <= 'high': low=9, high=4 @ $.claims[3].value"]


def test_every_problem_in_a_file_is_reported_together(tmp_path: Path) -> None:
    data = seed_data()
    data["claims"][0]["provenance"]["source"] = "afp"
    data["claims"][1]["event"] = "no-such-event"
    data["claims"][12]["value"]["low"] = "4"
    data["claims"][4]["colour"] = "red"
    data["claims"][5]["hedge"] = "perhaps"
    data["claims"][6]["scope"] = {"category": "alien"}
    data["claims"][7]["value"] = {"type": "count", "low": 1, "high": 1}
    data["claims"][8]["id"] = data["claims"][9]["id"]
    data["sources"][0]["kind"] = "blogger"
    data["events"][1]["links"][0]["event"] = "ghost"
    del data["claims"][10]["provenance"]["quote"]
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(claims.DossierError) as caught:
        claims.load(path)
    error = caught.value
    assert error.path == str(path)
    assert str(error).startswith(f"11 problems in {path}:")
    assert sorted(map(str, error.problems)) == sorted([
        "unknown source 'afp' @ $.claims[0].provenance.source",
        "unknown event 'no-such-event' @ $.claims[1].event",
        'expected integer, got string: "4" @ $.claims[12].value.low',
        'unknown keys ["colour"] @ $.claims[4]',
        'expected one of ["reportedly", "presumably", "allegedly", "claimed", "said_to", '
        '"according_to", "unconfirmed", "confirmed"], got "perhaps" @ $.claims[5].hedge',
        "unknown category 'alien' @ $.claims[6].scope.category",
        "predicate 'place' takes a place value, not a count @ $.claims[7].value",
        f"duplicate claim id {data['claims'][9]['id']!r} @ $.claims[9].id",
        "unknown source kind 'blogger' @ $.sources[0].kind",
        "unknown event 'ghost' @ $.events[1].links[0].event",
        "required key missing @ $.claims[10].provenance.quote",
    ])


def test_a_bad_item_does_not_hide_references_to_it() -> None:
    data = seed_data()
    data["sources"][2]["reliability"] = "Z"  # sohr is unreadable, but claims naming it are fine
    assert problems_of(data) == [
        'expected one of ["A", "B", "C", "D", "E", "F"], got "Z" @ $.sources[2].reliability'
    ]


def test_vocabulary_problems_are_placed_inside_the_document() -> None:
    data = seed_data()
    data["vocabulary"]["places"][3]["within"] = "atlantis"
    assert problems_of(data) == ["unknown place 'atlantis' @ $.vocabulary.places[3].within"]


def test_unknown_keys_can_be_allowed_on_request() -> None:
    data = seed_data()
    data["claims"][0]["colour"] = "red"
    assert problems_of(data) == ['unknown keys ["colour"] @ $.claims[0]']
    dossier = claims.structure(data, claims.Dossier, allow_unknown_keys=True)
    assert len(dossier.claims) == len(data["claims"])


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda d: d.update(format="other"),
         'expected "claims.dossier", got "other" @ $.format'),
        (lambda d: d.update(version=2),
         "unsupported version 2; this library reads 1 @ $.version"),
        (lambda d: d.update(extra=1), 'unknown keys ["extra"] @ $'),
        (lambda d: d.update(claims={}), "expected array, got object @ $.claims"),
        (lambda d: d["claims"].append([1]), "expected object, got array: [1] @ $.claims[22]"),
        (lambda d: d["claims"][0]["value"].update(type="colour"),
         "'type' must be one of [\"actor\", \"count\", \"place\", \"term\", \"text\", "
         "\"time\"]: type=\"colour\" @ $.claims[0].value"),
        (lambda d: d["claims"][0]["provenance"].update(relays="wikipedia"),
         'expected array, got string: "wikipedia" @ $.claims[0].provenance.relays'),
        (lambda d: d["claims"][1]["value"].update(start="28 June"),
         'expected an ISO 8601 date-time, got "28 June" @ $.claims[1].value.start'),
        (lambda d: d["claims"][1]["value"].update(start="2021-06-28T00:00:00"),
         "'start' must carry a time zone (a bare time is ambiguous): "
         "start=2021-06-28T00:00:00 @ $.claims[1].value"),
    ],
)
def test_document_errors(change: Any, expected: str) -> None:
    data = seed_data()
    change(data)
    assert problems_of(data) == [expected]


def test_files_that_are_not_json(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{"format": ', encoding="utf-8")
    with pytest.raises(claims.DossierError,
                       match=r"not valid JSON at line 1 column 12: Expecting value @ \$"):
        claims.load(path)
    with pytest.raises(claims.DossierError, match=r"cannot read the file"):
        claims.load(tmp_path / "missing.json")


def test_json_lines_errors_name_the_line(seed: claims.Dossier, tmp_path: Path) -> None:
    path = tmp_path / "seed.jsonl"
    claims.dump(seed, path)
    lines = path.read_text(encoding="utf-8").splitlines()
    bad = json.loads(lines[4])
    bad["provenance"]["source"] = "afp"
    lines[4] = json.dumps(bad)
    lines[6] = "{not json"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(claims.DossierError) as caught:
        claims.load(path)
    assert [str(p) for p in caught.value.problems] == [
        "not valid JSON at column 2: Expecting property name enclosed in double quotes "
        "@ line 7: $",
        "unknown source 'afp' @ line 5: $.provenance.source",
    ]
    streamed = []
    with pytest.raises(claims.DossierError, match=r"unknown source 'afp' @ line 5"):
        streamed.extend(claims.iter_claims(path))
    assert [c.id for c in streamed] == [c.id for c in seed.claims[:3]]


def test_json_lines_head_errors(tmp_path: Path) -> None:
    path = tmp_path / "head.jsonl"
    path.write_text('{"format": "claims.dossier", "version": 1}\n', encoding="utf-8")
    with pytest.raises(claims.DossierError,
                       match=r'expected "claims.dossier.lines", got "claims.dossier" @ line 1'):
        claims.load(path)


def test_a_dossier_built_in_code_is_checked_too(seed: claims.Dossier) -> None:
    stray = claims.Claim(id="stray", event="us-strike-2021-06-28", predicate="killed",
                         value=Count.exact(2),
                         provenance=claims.Provenance(source="afp", quote="q"))
    with pytest.raises(claims.DossierError,
                       match=r"unknown source 'afp' @ \$.claims\[22\].provenance.source"):
        seed.add(stray)


def test_a_long_list_of_problems_is_cut_in_the_message_but_kept_whole() -> None:
    problems = [Problem(f"$.claims[{i}].id", "duplicate claim id 'x'") for i in range(60)]
    error = claims.DossierError(problems, "big.json")
    lines = str(error).splitlines()
    assert lines[0] == "60 problems in big.json:"
    assert len(lines) == 1 + 50 + 1
    assert lines[-1] == "  ... and 10 more (all are in .problems)"
    assert len(error.problems) == 60


# -- texts that cannot stand for a dossier --------------------------------------------------


def as_file(tmp_path: Path, data: Any, form: str, edit: Any = None) -> Path:
    """``data`` written as a .json or .jsonl file; ``edit`` changes the bytes (a marker string
    in the data makes a place to change)."""
    if form == "json":
        text = json.dumps(data, ensure_ascii=False, indent=1)
    else:
        head = {k: v for k, v in data.items() if k != "claims"}
        head["format"] = claims.io.LINES_FORMAT
        text = "\n".join(json.dumps(x, ensure_ascii=False) for x in [head, *data["claims"]])
    raw = (text + "\n").encode("utf-8")
    path = tmp_path / f"dossier.{form}"
    path.write_bytes(edit(raw) if edit else raw)
    return path


def where(form: str, claim: int, rest: str) -> str:
    """The place of ``rest`` inside claim ``claim`` in either form."""
    return f"$.claims[{claim}]{rest}" if form == "json" else f"line {claim + 2}: ${rest}"


@pytest.fixture(params=["orjson", "json"])
def parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Both ways of reading JSON Lines: orjson's (where installed) and the standard one."""
    if request.param == "json":
        monkeypatch.setattr(claims.io._builder, "_fast_parser", lambda: json.loads)
    elif claims.io._builder._fast_parser() is json.loads:
        pytest.skip("orjson is not installed")
    return str(request.param)


def read_problems(path: Path) -> list[str]:
    with pytest.raises(claims.DossierError) as caught:
        claims.load(path)
    assert caught.value.path == str(path)
    return [str(p) for p in caught.value.problems]


@pytest.mark.parametrize("form", ["json", "jsonl"])
def test_integers_too_long_to_read(form: str, parser: str, tmp_path: Path) -> None:
    data = seed_data()
    data["claims"][3]["value"]["low"] = "LOW"
    path = as_file(tmp_path, data, form, lambda raw: raw.replace(b'"LOW"', b"9" * 5000))
    assert read_problems(path) == [
        f"an integer of 5000 digits; the reader takes at most 4300 @ "
        f"{where(form, 3, '.value.low')}"]


@pytest.mark.parametrize("form", ["json", "jsonl"])
def test_nesting_too_deep_to_read(form: str, parser: str, tmp_path: Path) -> None:
    data = seed_data()
    data["claims"][3]["note"] = "DEEP"
    deep = b"[" * 5000 + b"]" * 5000
    (problem,) = read_problems(as_file(tmp_path, data, form,
                                       lambda raw: raw.replace(b'"DEEP"', deep)))
    place = r"line \d+ column \d+, .* @ \$" if form == "json" else r"column \d+, .* @ line 5: \$"
    assert re.fullmatch(r"arrays and objects nested 500\d deep at " + place, problem), problem


@pytest.mark.parametrize("form", ["json", "jsonl"])
def test_lone_surrogates_are_refused_where_they_are(form: str, parser: str,
                                                    tmp_path: Path) -> None:
    data = seed_data()
    data["claims"][2]["provenance"]["quote"] = "SURROGATE"
    data["claims"][4]["note"] = "\U0001f4a5"  # a pair, escaped below: fine
    path = as_file(tmp_path, data, form, lambda raw: raw.replace(b"SURROGATE", b"\\ud800 x")
                   .replace("\U0001f4a5".encode(), b"\\ud83d\\udca5"))
    assert read_problems(path) == [
        "a lone surrogate \\ud800 in a string, which UTF-8 cannot encode (half of a pair, or a "
        f"broken escape) @ {where(form, 2, '.provenance.quote')}"]
    assert claims.dumps(claims.loads(json.dumps(seed_data()).replace(
        '"quote": "', '"quote": "\\ud83d\\udca5', 1))).count("\U0001f4a5") == 1
    with pytest.raises(claims.DossierError,
                       match=r'lone surrogate \\udc00 in a key, .* @ \$\["x\\udc00"\]'):
        claims.loads('{"format": "claims.dossier", "version": 1, "x\\udc00": 1}')


@pytest.mark.parametrize("form", ["json", "jsonl"])
def test_invalid_utf8_is_refused_in_both_forms(form: str, parser: str, tmp_path: Path) -> None:
    data = seed_data()
    data["claims"][1]["provenance"]["quote"] = "BYTES"
    path = as_file(tmp_path, data, form, lambda raw: raw.replace(b"BYTES", b"\xed\xa0\x80"))
    (problem,) = read_problems(path)
    assert re.fullmatch(r"not valid UTF-8 at (line \d+ )?column \d+: invalid continuation "
                        r"byte @ " + re.escape("$" if form == "json" else "line 3: $"),
                        problem), problem


@pytest.mark.parametrize("form", ["json", "jsonl"])
def test_a_byte_order_mark_is_skipped_at_the_start_only(form: str, parser: str,
                                                        tmp_path: Path) -> None:
    data = seed_data()
    path = as_file(tmp_path, data, form, lambda raw: b"\xef\xbb\xbf" + raw)
    assert claims.load(path) == claims.structure(data, claims.Dossier)
    assert claims.loads("\ufeff" + json.dumps(data)) == claims.load(path)
    if form == "jsonl":
        lines = path.read_bytes().split(b"\n")
        lines[3] = b"\xef\xbb\xbf" + lines[3]
        path.write_bytes(b"\n".join(lines))
        assert read_problems(path) == ["not valid JSON at column 1: Expecting value @ line 4: $"]


@pytest.mark.parametrize("form", ["json", "jsonl"])
def test_a_key_given_twice_is_a_problem(form: str, parser: str, tmp_path: Path) -> None:
    data = seed_data()
    data["claims"][5]["provenance"]["source"] = "TWICE"
    data["sources"][1]["name"] = "NAME"
    path = as_file(tmp_path, data, form, lambda raw: raw.replace(
        b'"TWICE"', b'"afp", "source": "sohr"').replace(b'"NAME"', b'"A", "name": "B"'))
    assert sorted(read_problems(path)) == sorted([
        'key "source" given twice in one object (which value is meant?) @ '
        + where(form, 5, ".provenance.source"),
        'key "name" given twice in one object (which value is meant?) @ '
        + ("$" if form == "json" else "line 1: $") + ".sources[1].name",
    ])


def test_version_true_is_not_version_1() -> None:
    data = seed_data()
    data["version"] = True
    assert problems_of(data) == ["unsupported version true; this library reads 1 @ $.version"]


def test_a_wrong_format_or_version_hides_nothing_else() -> None:
    data = seed_data()
    data["format"] = "claims.report"
    del data["version"]
    data["claims"][0]["event"] = "ghost"
    assert problems_of(data) == [
        'expected "claims.dossier", got "claims.report" @ $.format',
        "required key 'version' missing: expected 1 @ $",
        "unknown event 'ghost' @ $.claims[0].event",
    ]


def test_streaming_a_missing_file_is_a_dossier_error(tmp_path: Path) -> None:
    with pytest.raises(claims.DossierError, match=r"cannot read the file") as caught:
        list(claims.iter_claims(tmp_path / "missing.jsonl"))
    assert caught.value.path == str(tmp_path / "missing.jsonl")


def test_messages_say_json_kinds_and_quote_short_excerpts() -> None:
    data = seed_data()
    data["events"][0]["links"] = None
    data["claims"][0]["id"] = None
    data["claims"][1]["event"] = "x" * 1_000_000
    data["claims"][2]["provenance"]["quote"] = ["y" * 1_000_000]
    data["claims"][3]["status"] = {"status": "z" * 1_000_000}
    problems = problems_of(data)
    assert problems[:5] == [
        "expected array, got null @ $.events[0].links",
        "expected string, got null @ $.claims[0].id",
        f'expected string, got array: ["{"y" * 78}…"] @ $.claims[2].provenance.quote',
        'expected one of ["asserted", "denied", "not_disclosed"], got {"status": '
        f'"{"z" * 68}…"}} @ $.claims[3].status',
        f"unknown event '{'x' * 80}…' @ $.claims[1].event",
    ]
    assert all(len(p) < 250 and "NoneType" not in p for p in problems)


def test_a_relay_is_not_its_own_source() -> None:
    data = seed_data()
    provenance = data["claims"][0]["provenance"]
    provenance["relays"][0]["outlet"] = provenance["source"]
    assert problems_of(data) == [
        "a relay names the claim's own source 'us-government': an outlet repeats a source, a "
        "source does not relay itself @ $.claims[0].provenance.relays[0].outlet"]
    with pytest.raises(claims.ValidationError, match=r"a relay names the claim's own source"):
        claims.Provenance(source="sohr", quote="q", relays=[claims.Relay(outlet="sohr")])


def test_checking_a_vocabulary_takes_time_linear_in_its_size() -> None:
    """A 5,000-deep chain, and exclusions naming 5,000 categories, in well under a second
    each (walking the chain for each category took minutes)."""
    chain = [claims.Category(f"c{i}", "c", parent=f"c{i - 1}" if i else None)
             for i in range(5000)]
    loose = [claims.Category(f"x{i}", "x") for i in range(5000)]
    started = time.perf_counter()
    vocabulary = claims.Vocabulary(chain + loose, exclusions=[
        claims.model.Exclusion(tuple(f"x{i}" for i in range(5000)))])
    assert vocabulary.category_within("c4999", "c0")
    assert not vocabulary.category_within("c0", "c4999")
    with pytest.raises(claims.ValidationError) as caught:
        claims.Vocabulary([attrs.evolve(chain[0], parent="c4998"), *chain[1:-1]], exclusions=[
            claims.model.Exclusion(tuple(f"c{i}" for i in range(0, 4999, 2)))])
    assert time.perf_counter() - started < 5
    assert len(caught.value.problems) == 4999 + 2499
    assert str(caught.value.problems[-1]) == (
        "nested categories cannot exclude each other: 'c4996' and 'c4998' "
        "@ $.exclusions[0].categories")
