"""Reading the field's data in: UCDP GED and ACLED exports as claims with provenance, bad
rows refused by row and column, and a mixed dossier (the seed, a GED record and an ACLED
record of the same strike) reconciled."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import attrs
import pytest

import claims
from claims.importers import read_acled, read_ucdp_ged
from tests.conftest import ROOT

GED = ROOT / "fixtures" / "ucdp-ged-sample-invented.csv"
ACLED = ROOT / "fixtures" / "acled-sample-invented.csv"
STRIKE = "us-strike-2021-06-28"
LOCAL = dt.timezone(dt.timedelta(hours=3))


def test_the_samples_are_labelled_invented_and_in_the_published_columns() -> None:
    readme = (ROOT / "fixtures" / "README.md").read_text(encoding="utf-8")
    assert "**invented**" in readme and "Nothing in the CSV files is data" in readme
    for path, columns in ((GED, claims.export.GED_COLUMNS), (ACLED, claims.export.ACLED_COLUMNS)):
        assert "invented" in path.name
        header = path.read_text(encoding="utf-8").splitlines()[0].split(",")
        assert header == list(columns)


# -- UCDP GED -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def ged() -> claims.Dossier:
    return read_ucdp_ged(GED)


def test_a_ged_record_becomes_an_event_with_its_ids(ged: claims.Dossier) -> None:
    event = ged.event("ucdp-ged-423091")
    assert event.title == "Abu Kamal, 2021-06-28 (UCDP GED 423091)"
    assert event.external_ids == ("ucdp-ged:423091", "ucdp-ged-relid:SYR-2021-1-13902-5")
    assert event.time == claims.TimeSpan.on(dt.date(2021, 6, 28), dt.UTC, "2021-06-28")
    assert ged.vocabulary.place_lineage(event.place or "") == [
        "abu-kamal", "deir-ez-zor-governorate", "syria"]
    several = ged.event("ucdp-ged-423777")  # date_prec 2, where_prec 4: the governorate
    assert several.time is not None and (several.time.end - several.time.start).days == 3
    assert several.place == "homs-governorate"


def test_a_ged_records_figures_and_provenance(ged: claims.Dossier) -> None:
    made = {c.id: c for c in ged.claims_about("ucdp-ged-423091")}
    assert sorted(made) == ["ucdp-ged-423091-killed", "ucdp-ged-423091-killed-b",
                            "ucdp-ged-423091-killed-civilians"]  # deaths_a is 0: no claim
    total = made["ucdp-ged-423091-killed"]
    assert total.value == claims.Count.approximately(10, 10, 12, "best 10, low 10, high 12")
    assert total.scope == claims.Scope() and total.external_ids == ("ucdp-ged:423091",)
    side = made["ucdp-ged-423091-killed-b"]
    assert (side.scope, side.value) == (
        claims.Scope("combatant", "kata-ib-sayyid-al-shuhada"), claims.Count.exact(9, "deaths_b 9"))
    provenance = total.provenance
    # the original source named by the record, relayed by its outlet and the dataset
    assert ged.source(provenance.source).name == "Syrian Observatory for Human Rights"
    assert [r.outlet for r in provenance.relays] == ["reuters", "ucdp-ged"]
    assert provenance.relays[0].title == "U.S. strikes Iran-backed militias on Iraq-Syria border"
    assert provenance.relays[0].published == claims.TimeSpan.on(dt.date(2021, 6, 28), dt.UTC,
                                                                "2021-06-28")
    assert provenance.quote == ("UCDP GED 423091: best 10 (low 10, high 12); deaths_a 0 "
                                "(Government of United States of America), deaths_b 9 "
                                "(Kata'ib Sayyid al-Shuhada), deaths_civilians 1, "
                                "deaths_unknown 0")
    assert ged.source("ucdp-ged").kind == "dataset"


def test_a_record_naming_several_sources_is_the_datasets_own_coding(
        ged: claims.Dossier) -> None:
    made = {c.id: c for c in ged.claims_about("ucdp-ged-423500")}
    total = made["ucdp-ged-423500-killed"]
    assert total.provenance.source == "ucdp-ged" and total.provenance.relays == ()
    assert total.note is not None and total.note.startswith(
        "original sources: Local sources; Iraqi Security Media Cell; outlets: Xinhua; Rudaw")
    perpetrator = made["ucdp-ged-423500-perpetrator"]  # one-sided violence: side A did it
    assert perpetrator.value == claims.ActorRef("is", "IS")


def test_both_sides_dead_in_one_category_add_up(ged: claims.Dossier) -> None:
    made = {c.id: c for c in ged.claims_about("ucdp-ged-423777")}
    assert made["ucdp-ged-423777-killed-sides"].value == claims.Count.exact(
        6, "deaths_a + deaths_b 6")
    assert made["ucdp-ged-423777-killed-a"].coverage is claims.model.Coverage.PARTIAL
    report = claims.reconcile(ged)
    assert report.infobox("ucdp-ged-423777") == "7 people killed, including 6 combatants"
    assert report.infobox("ucdp-ged-423091") == "10 people killed, including 1 civilian, " \
                                                "9 combatants"


def test_an_imported_dossier_is_a_dossier_like_any_other(ged: claims.Dossier,
                                                         tmp_path: Path) -> None:
    import jsonschema

    path = tmp_path / "ged.json"
    claims.dump(ged, path)
    assert claims.load(path) == ged
    jsonschema.validate(json.loads(path.read_text(encoding="utf-8")),
                        claims.io.dossier_schema())
    report = claims.reconcile(ged)
    row = claims.export.ucdp_rows(report)[0]
    # the record's band bounds what other claims may say; the range spans figures named,
    # and "about 10" names 10 (docs/reconciliation.md, section 3)
    assert (row["id"], row["relid"], row["low"], row["best"], row["high"]) == (
        "423091", "SYR-2021-1-13902-5", 10, 10, 10)
    assert report.count("ucdp-ged-423091", "killed").feasible == claims.model.Interval(10, 12)
    assert row["deaths_civilians"] == 1


def test_reading_a_record_twice_is_refused(ged: claims.Dossier) -> None:
    with pytest.raises(claims.DossierError, match=r"claim 'ucdp-ged-423091-killed' is already "
                                                  r"in the dossier .* @ row 2: \$"):
        read_ucdp_ged(GED, into=ged)


# -- ACLED --------------------------------------------------------------------------------


def test_acled_records_become_fatality_claims() -> None:
    acled = read_acled(ACLED)
    strike = acled.event("acled-syr76543")
    assert strike.external_ids == ("acled:SYR76543",)
    assert strike.title == "Air/drone strike: Abu Kamal, 2021-06-28 (ACLED SYR76543)"
    (claim,) = acled.claims_about("acled-syr76543")
    assert claim.value == claims.Count.exact(9, "9 fatalities")
    assert acled.source(claim.source).name == "SOHR"  # the record's own spelling
    (relay,) = claim.provenance.relays
    assert relay.outlet == "acled" and relay.published is not None
    assert relay.published.start == dt.datetime(2021, 7, 1, 9, 0, tzinfo=dt.UTC)
    several = acled.claims_about("acled-irq23456")[0]
    assert several.provenance.source == "acled"
    assert "original sources: Rudaw; Shafaq News" in (several.note or "")
    week = acled.event("acled-syr76601")  # "05 July 2021", time_precision 2
    assert week.time is not None and (week.time.start.date(), week.time.end.date()) == (
        dt.date(2021, 7, 2), dt.date(2021, 7, 9))


def test_acled_zero_is_no_figure_unless_told() -> None:
    (unknown,) = read_acled(ACLED).claims_about("acled-syr76601")
    assert unknown.status is claims.Status.NOT_DISCLOSED and unknown.value is None
    assert "records 0 when no fatalities are reported" in (unknown.note or "")
    (zero,) = read_acled(ACLED, zero_means_none=True).claims_about("acled-syr76601")
    assert zero.value == claims.Count.exact(0, "0 fatalities")


# -- bad rows -----------------------------------------------------------------------------


def _write(path: Path, header: tuple[str, ...], rows: list[dict[str, str]]) -> Path:
    import csv

    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=list(header))
        writer.writeheader()
        writer.writerows(rows)
    return path


def _ged_row(**cells: str) -> dict[str, str]:
    row = dict.fromkeys(claims.export.GED_COLUMNS, "")
    row.update(id="1", date_start="2021-06-28", date_end="2021-06-28", country="Syria",
               side_a="A", side_b="B", source_original="X", source_office="Y", deaths_a="1",
               deaths_b="1", deaths_civilians="0", deaths_unknown="0", best="2", low="2",
               high="3")
    row.update(cells)
    return row


def test_bad_rows_are_refused_by_row_and_column(tmp_path: Path) -> None:
    path = _write(tmp_path / "bad.csv", claims.export.GED_COLUMNS, [
        _ged_row(),
        _ged_row(id="2", best="9.5"),
        _ged_row(id="3", low="3"),
        _ged_row(id="4", deaths_unknown="5"),
        _ged_row(id="5", date_end="2021-06-27", where_prec="9"),
        _ged_row(id="6", country=" ", date_start="28/06/2021"),
    ])
    with pytest.raises(claims.DossierError) as caught:
        read_ucdp_ged(path)
    assert caught.value.path == str(path)
    assert [str(p) for p in caught.value.problems] == [
        "expected a whole number of 0 or more, got '9.5' @ row 3: $.best",
        "'low' <= 'best' <= 'high' must hold: low=3, best=2, high=3 @ row 4: $.best",
        "deaths_a + deaths_b + deaths_civilians + deaths_unknown must equal 'best': 7 and "
        "best=2 @ row 5: $.best",
        "'date_end' must not be before 'date_start': date_start=2021-06-28, "
        "date_end=2021-06-27 @ row 6: $.date_end",
        "expected one of [1, 2, 3, 4, 5, 6, 7], got 9 @ row 6: $.where_prec",
        "expected a date (2021-06-28), got '28/06/2021' @ row 7: $.date_start",
        "required cell is empty @ row 7: $.country",
    ]


def test_missing_columns_and_ragged_rows_are_refused(tmp_path: Path) -> None:
    header = tuple(c for c in claims.export.ACLED_COLUMNS if c != "fatalities")
    with pytest.raises(claims.DossierError, match=r"missing column @ row 1: \$\.fatalities"):
        read_acled(_write(tmp_path / "short.csv", header, []))
    ragged = tmp_path / "ragged.csv"
    ragged.write_text("event_id_cnty,event_date,country,fatalities,source\n"
                      "SYR1,2021-06-28,Syria,3,SOHR,extra\n"
                      "SYR2,2021-06-28,Syria,-1,SOHR\n", encoding="utf-8")
    with pytest.raises(claims.DossierError) as caught:
        read_acled(ragged)
    assert [str(p) for p in caught.value.problems] == [
        "more cells than columns @ row 2: $",
        "expected a whole number of 0 or more, got '-1' @ row 3: $.fatalities"]


def test_into_and_vocabulary_are_one_or_the_other(seed: claims.Dossier) -> None:
    with pytest.raises(claims.ValidationError, match="not both"):
        read_acled(ACLED, into=seed, vocabulary=seed.vocabulary)
    with pytest.raises(claims.ValidationError, match="unknown category: 'fighter'"):
        read_ucdp_ged(GED, combatants={"x": "fighter"})


# -- a mixed dossier ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def mixed(seed: claims.Dossier) -> claims.Dossier:
    """The seed, its strike tagged with the invented GED and ACLED records' ids, and both
    samples read into it (dates in the strike's local time)."""
    tagged = attrs.evolve(seed.event(STRIKE), external_ids=("ucdp-ged:423091",
                                                            "acled:SYR76543"))
    base = attrs.evolve(seed, events=(tagged, *seed.events[1:]))
    with_ged = read_ucdp_ged(GED, into=base, zone=LOCAL,
                             combatants={"iran-backed-militias": "militiaman"})
    return read_acled(ACLED, into=with_ged, zone=LOCAL)


def test_records_of_a_known_event_join_it(mixed: claims.Dossier) -> None:
    assert [e.id for e in mixed.events] == [
        STRIKE, "al-omar-rocket-attack-2021-06-28", "ucdp-ged-423500", "ucdp-ged-423777",
        "acled-irq23456", "acled-syr76601"]
    about = {c.id for c in mixed.claims_about(STRIKE)}
    assert {"ucdp-ged-423091-killed", "ucdp-ged-423091-killed-b",
            "acled-syr76543-killed"} <= about
    # names resolve to the seed's sources and actors: SOHR by name and by alias, SANA by alias
    assert mixed.claim("ucdp-ged-423091-killed").source == "sohr"
    assert mixed.claim("acled-syr76543-killed").source == "sohr"
    assert mixed.claim("ucdp-ged-423777-killed").source == "sana"
    assert mixed.claim("ucdp-ged-423091-killed-b").scope == claims.Scope(
        "militiaman", "kataib-sayyid-al-shuhada")
    assert mixed.vocabulary.place_within(mixed.event("ucdp-ged-423777").place or "", "syria")


def test_the_mixed_report(mixed: claims.Dossier) -> None:
    report = claims.reconcile(mixed)
    assert report.infobox(STRIKE).splitlines() == [
        "9–10 people killed, including 1 civilian, 4–9 militiamen (figures vary)",
        "3 civilians injured",
        "many militiamen injured",
    ]
    people = report.count(STRIKE, "killed")
    assert (people.low.claims, people.high.claims) == (("acled-syr76543-killed",),
                                                       ("ucdp-ged-423091-killed",))
    assert people.severity.value == "vary"  # SOHR read as 9 by one dataset, 10 by the other
    assert people.independent == 1  # SOHR through two datasets is still SOHR
    militiamen = report.count(STRIKE, "killed", claims.Scope("militiaman"))
    assert militiamen.range_text() == "4 to at least 9"
    assert militiamen.feasible == claims.model.Interval(9, 9)  # ACLED's 9 people cap them
    assert militiamen.independent == 2 and militiamen.contradiction is None
    civilians = report.count(STRIKE, "killed", claims.Scope("civilian"))
    assert civilians.grade.value == "corroborated"  # SANA's child and SOHR's civilian
    row = {r["id"]: r for r in claims.export.ucdp_rows(report)}["423091"]
    assert (row["low"], row["best"], row["high"], row["deaths_civilians"]) == (9, 9, 10, 1)
    assert row["source_office"] == ("Armed Conflict Location & Event Data Project (ACLED); "
                                    "Reuters; UCDP Georeferenced Event Dataset; Wikipedia")


def test_an_office_that_is_the_original_source_is_no_relay(tmp_path: Path) -> None:
    """A source does not relay itself: UCDP's office and original both "Reuters" leave the
    dataset as the only relay."""
    path = _write(tmp_path / "ged.csv", claims.export.GED_COLUMNS, [
        _ged_row(source_original="Reuters", source_office="Reuters")])
    provenance = read_ucdp_ged(path).claims[0].provenance
    assert [r.outlet for r in provenance.relays] == ["ucdp-ged"]
    assert provenance.source == "reuters"
