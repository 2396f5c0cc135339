"""Every error path: a claims exception whose message names the field, the value and the place."""

from __future__ import annotations

import copy
import datetime as dt
import json
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
        "not valid JSON: Expecting property name enclosed in double quotes @ line 7: $",
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
