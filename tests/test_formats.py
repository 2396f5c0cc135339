"""The field's formats: external ids in the model, the dossier's JSON Schema, frames with a
fixed schema, and the exports (UCDP GED, Airwars, ACLED, Wikipedia, Wikidata, PROV)."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings

import claims
from tests import strategies
from tests.conftest import ROOT, SEED

STRIKE = "us-strike-2021-06-28"


# -- external ids -----------------------------------------------------------------------


def test_external_ids_keep_the_other_collections_spelling(seed: claims.Dossier) -> None:
    event = seed.event(STRIKE)
    tagged = claims.Event(id=event.id, title=event.title,
                          external_ids=["acled:SYR12345", "ucdp-ged:423091",
                                        "wikidata:Q107095734"])
    assert tagged.external_ids == ("acled:SYR12345", "ucdp-ged:423091", "wikidata:Q107095734")
    data = claims.unstructure(tagged)
    assert data["external_ids"] == ["acled:SYR12345", "ucdp-ged:423091", "wikidata:Q107095734"]
    assert claims.structure(data, claims.Event) == tagged
    assert "external_ids" not in claims.unstructure(event)  # left out at its default


@pytest.mark.parametrize("bad", ["SYR12345", "ACLED:SYR12345", "acled:", "acled: SYR1",
                                 "acled:SYR1 ", ":SYR1", "acled:SYR\n1"])
def test_an_external_id_needs_a_scheme_and_an_identifier(bad: str) -> None:
    with pytest.raises(claims.ValidationError,
                       match=r"'external_ids\[0\]' must be 'scheme:identifier'"):
        claims.Claim(id="c", event="e", predicate="killed", value=claims.Count.exact(1),
                     provenance=claims.Provenance(source="s", quote="q"), external_ids=[bad])


def test_a_title_where_the_headline_is_known() -> None:
    relay = claims.Relay(outlet="reuters", title="U.S. strikes Iran-backed militias")
    provenance = claims.Provenance(source="sohr", quote="q", relays=[relay],
                                   title="SOHR bulletin")
    data = claims.unstructure(provenance)
    assert (data["title"], data["relays"][0]["title"]) == (
        "SOHR bulletin", "U.S. strikes Iran-backed militias")
    assert claims.structure(data, claims.Provenance) == provenance


# -- the JSON Schema --------------------------------------------------------------------


@pytest.fixture(scope="module")
def validator() -> Any:
    import jsonschema

    schema = claims.io.dossier_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_the_schema_ships_with_the_package_and_in_the_docs() -> None:
    shipped = claims.io.dossier_schema()
    assert json.loads((ROOT / "docs" / "dossier.schema.json").read_text("utf-8")) == shipped
    assert shipped["$schema"] == "https://json-schema.org/draft/2020-12/schema"


@pytest.mark.parametrize("fixture", sorted((ROOT / "fixtures").glob("*.json")),
                         ids=lambda p: p.name)
def test_every_fixture_meets_the_schema(fixture: Path, validator: Any) -> None:
    data = json.loads(fixture.read_text(encoding="utf-8"))
    assert [e.message for e in validator.iter_errors(data)] == []


@settings(max_examples=60)
@given(dossier=strategies.dossiers())
def test_every_dossier_the_library_writes_meets_the_schema(dossier: claims.Dossier,
                                                           validator: Any) -> None:
    data = json.loads(claims.dumps(dossier))
    assert [f"{e.json_path}: {e.message}" for e in validator.iter_errors(data)] == []


@pytest.mark.parametrize(("change", "where"), [
    (lambda d: d["claims"][10]["value"].update(low="9"), "$.claims[10].value"),
    (lambda d: d["claims"][10]["value"].update(high=12), "$.claims[10].value"),
    (lambda d: d["claims"][10]["value"].update(bound="more"), "$.claims[10].value"),
    (lambda d: d["claims"][10].update(coverage="whole"), "$.claims[10].coverage"),
    (lambda d: d["claims"][10].update(external_ids=["SYR12345"]),
     "$.claims[10].external_ids[0]"),
    (lambda d: d["claims"][8].update(value={"type": "count", "low": 1, "high": 1}),
     "$.claims[8].value"),
    (lambda d: d["claims"][0].pop("provenance"), "$.claims[0]"),
    (lambda d: d["sources"][0].update(unexpected=1), "$.sources[0]"),
    (lambda d: d["events"][0]["time"].update(start="2021-06-28T00:00:00"),
     "$.events[0].time"),
    (lambda d: d["vocabulary"]["categories"][0].update(id="Person"),
     "$.vocabulary.categories[0].id"),
])
def test_the_schema_refuses_what_the_reader_refuses(change: Any, where: str, validator: Any,
                                                     tmp_path: Path) -> None:
    data = json.loads(SEED.read_text(encoding="utf-8"))
    change(data)
    assert where in {e.json_path for e in validator.iter_errors(data)}
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(claims.DossierError):
        claims.load(path)


def test_the_schema_knows_the_bounds_the_format_has(validator: Any) -> None:
    data = json.loads(SEED.read_text(encoding="utf-8"))
    for count in (claims.Count.more_than(100, "more than 100"),
                  claims.Count.fewer_than(10, "fewer than ten"),
                  claims.Count.approximately(50, 45, 55, "about 50"),
                  claims.Count.between(100, 300), claims.Count.at_most(5)):
        data["claims"][10]["value"] = claims.unstructure(count, claims.model.Value)
        assert list(validator.iter_errors(data)) == []


# -- helpers for the exports ------------------------------------------------------------


@pytest.fixture(scope="module")
def report(seed: claims.Dossier) -> claims.Report:
    return claims.reconcile(seed)


def said(ident: str, source: str, value: claims.model.Value, *, predicate: str = "killed",
         scope: claims.Scope | None = None, quote: str = "ILLUSTRATION", **more: Any
         ) -> claims.Claim:
    """An illustrative claim about the seed's strike (not a real statement)."""
    return claims.Claim(id=ident, event=STRIKE, predicate=predicate, value=value,
                        scope=scope or claims.Scope(), provenance=claims.Provenance(
                            source=source, quote=quote, **more.pop("provenance", {})),
                        **more)


def by_id(rows: list[dict[str, Any]], key: str) -> dict[str, dict[str, Any]]:
    return {r[key]: r for r in rows}


CAPPED = said("ill-capped", "sana", claims.Count.at_most(5, "no more than five"),
              scope=claims.Scope("militiaman"), quote="ILLUSTRATION: no more than five")
NO_CIVILIANS = said("ill-no-civilians", "us-military", claims.Count.exact(0, "no civilians"),
                    scope=claims.Scope("civilian"), quote="ILLUSTRATION: no civilians")


# -- UCDP GED -----------------------------------------------------------------------------


def test_ged_rows_are_one_per_event_in_geds_columns(report: claims.Report) -> None:
    rows = claims.export.ucdp_rows(report)
    assert [r["id"] for r in rows] == [STRIKE, "al-omar-rocket-attack-2021-06-28"]
    extras = ["event_title", "high_open", "severity", "disputed", "best_reasons"]
    assert list(rows[0]) == [*claims.export.GED_COLUMNS, *extras]
    strike = rows[0]
    assert {k: strike[k] for k in ("year", "date_start", "date_end", "date_prec", "country",
                                   "adm_1", "adm_2", "where_description", "where_prec")} == {
        "year": 2021, "date_start": "2021-06-28", "date_end": "2021-06-28", "date_prec": 1,
        "country": "Syria", "adm_1": "Deir ez-Zor Governorate", "adm_2": None,
        "where_description": "Abu Kamal", "where_prec": 2}
    # the perpetrator is side A, the targeted group side B; deaths by side and civilians
    assert (strike["side_a"], strike["side_b"]) == ("United States",
                                                    "Iran-backed Iraqi militias")
    assert (strike["deaths_a"], strike["deaths_b"], strike["deaths_civilians"],
            strike["deaths_unknown"]) == (0, 9, 1, 0)
    # civilians and militiamen count different people: their figures add up
    assert (strike["low"], strike["best"], strike["high"], strike["high_open"]) == (
        5, 10, 10, True)
    assert strike["best_reasons"].startswith("the sum over civilians, militiamen; civilians: "
                                             "best 1: Syrian Arab News Agency")
    assert "“four” set aside as an interested party" in strike["best_reasons"]
    assert (strike["severity"], strike["disputed"]) == ("consistent", False)
    assert strike["source_article"] == ("https://en.wikipedia.org/wiki/"
                                        "June_2021_United_States_airstrike_in_Syria")
    left_empty = {"active_year", "code_status", "type_of_violence", "conflict_dset_id",
                  "conflict_new_id", "conflict_name", "dyad_dset_id", "dyad_new_id",
                  "dyad_name", "side_a_dset_id", "side_a_new_id", "side_b_dset_id",
                  "side_b_new_id", "where_coordinates", "latitude", "longitude", "geom_wkt",
                  "priogrid_gid", "country_id", "region", "event_clarity", "gwnoa", "gwnob",
                  "relid", "source_headline", "source_date"}
    assert {k for k in left_empty if strike[k] is not None} == set()
    # no claim gives the rocket attack a death toll: its figures are empty, not 0
    assert rows[1]["best"] is None and rows[1]["deaths_a"] is None


def test_ged_ids_and_sources_come_from_the_record(seed: claims.Dossier) -> None:
    event = attrs.evolve(seed.event(STRIKE), external_ids=(
        "ucdp-ged:423091", "ucdp-ged-relid:SYR-2021-1-1234-5"))
    article = said("ill-reuters", "sohr", claims.Count.exact(9),
                   scope=claims.Scope("militiaman"),
                   provenance={"published": claims.TimeSpan.on(
                       dt.date(2021, 6, 29), dt.timezone(dt.timedelta(hours=3))),
                       "relays": [claims.Relay(outlet="wikipedia", title="Strike headline")]})
    dossier = attrs.evolve(seed, events=(event, *seed.events[1:]),
                           claims=(*seed.claims, article))
    row = claims.export.ucdp_rows(claims.reconcile(dossier))[0]
    assert (row["id"], row["relid"]) == ("423091", "SYR-2021-1-1234-5")
    assert (row["source_date"], row["source_headline"]) == ("2021-06-29", "Strike headline")


def test_a_contradiction_keeps_a_best_figure_and_says_so(seed: claims.Dossier) -> None:
    row = claims.export.ucdp_rows(claims.reconcile(seed.add(CAPPED)))[0]
    assert (row["disputed"], row["severity"]) == (True, "contradicted")
    assert row["best"] is not None


@settings(max_examples=60)
@given(found=strategies.reconcilable_claims())
def test_ged_best_is_never_empty_while_a_death_toll_exists(found: list[claims.Claim]) -> None:
    report = claims.reconcile(found, vocabulary=strategies.RECONCILE_VOCABULARY,
                              sources=strategies.RECONCILE_SOURCES)
    for row, event in zip(claims.export.ucdp_rows(report), report.results, strict=True):
        toll = any(r.key.predicate == "killed" for r in event.counts)
        assert (row["best"] is not None) == toll
        if toll:
            assert row["deaths_unknown"] >= 0 and row["low"] <= row["high"]


# -- Airwars ----------------------------------------------------------------------------


def test_airwars_rows_are_one_per_incident(report: claims.Report) -> None:
    rows = by_id(claims.export.airwars_rows(report), "incident")
    assert list(rows) == [STRIKE, "al-omar-rocket-attack-2021-06-28"]
    strike = rows[STRIKE]
    assert list(strike) == list(claims.export.AIRWARS_COLUMNS)
    assert {k: strike[k] for k in claims.export.AIRWARS_COLUMNS if k not in (
        "sources", "title")} == {
        "incident": STRIKE, "date": "2021-06-28", "location": "Abu Kamal", "country": "Syria",
        "belligerent": "United States", "strike_status": "Declared strike",
        "civilians_killed_min": 1, "civilians_killed_max": 1, "civilians_injured_min": 3,
        "civilians_injured_max": 3, "militants_killed_min": 4, "militants_killed_max": 9,
        "open_maxima": "militants_killed_max", "grade": "Weak",
        "belligerent_assessment": "United States government: not disclosed (killed); "
                                  "United States government: not disclosed (injured)",
        "hedged": False}
    assert rows["al-omar-rocket-attack-2021-06-28"]["grade"] is None  # no civilian harm


def test_contested_is_about_responsibility_not_counts(seed: claims.Dossier) -> None:
    clash = claims.reconcile(seed.add(NO_CIVILIANS))
    row = by_id(claims.export.airwars_rows(clash), "incident")[STRIKE]
    assert clash.count(STRIKE, "killed", claims.Scope("civilian")).severity.value == \
        "contradicted"
    assert row["grade"] != "Contested" and row["strike_status"] == "Declared strike"
    assert "United States military: “no civilians” (civilians killed)" in \
        row["belligerent_assessment"]
    other = claims.Actor("illustrative-state", "Another state (illustration)")
    blamed = said("ill-blamed", "sohr", claims.ActorRef(other.id), predicate="perpetrator")
    contested = claims.reconcile(seed.add(other, blamed))
    row = by_id(claims.export.airwars_rows(contested), "incident")[STRIKE]
    assert (row["grade"], row["strike_status"]) == ("Contested", "Contested strike")
    assert row["belligerent"] == "Another state (illustration); United States"


# -- ACLED --------------------------------------------------------------------------------


def test_acled_rows_give_one_conservative_figure(report: claims.Report) -> None:
    rows = by_id(claims.export.acled_rows(report), "event_id_cnty")
    strike = rows[STRIKE]
    assert list(strike) == list(claims.export.ACLED_COLUMNS)
    assert (strike["fatalities"], strike["event_date"], strike["time_precision"],
            strike["actor1"], strike["actor2"], strike["admin1"], strike["location"]) == (
        5, "2021-06-28", 1, "United States", "Iran-backed Iraqi militias",
        "Deir ez-Zor Governorate", "Abu Kamal")
    assert strike["notes"] == (
        "June 2021 United States airstrike in Syria. Fatalities 5, the conservative reading: "
        "the sum over civilians, militiamen; civilians: the lowest credible figure, 1: Syrian "
        "Arab News Agency; militiamen: the lowest credible figure, 4: Iraqi militia groups "
        "aligned with Iran (statement). Higher figures not used: Syrian Observatory for Human "
        "Rights “at least nine” (militiamen). United States government did not disclose how "
        "many were killed; United States government did not disclose how many were injured.")
    assert rows["al-omar-rocket-attack-2021-06-28"]["fatalities"] is None


def test_acled_notes_say_the_dispute_and_what_was_set_aside(seed: claims.Dossier) -> None:
    disputed = claims.reconcile(seed.add(CAPPED, NO_CIVILIANS))
    notes = by_id(claims.export.acled_rows(disputed), "event_id_cnty")[STRIKE]["notes"]
    assert "Disputed: Syrian Observatory for Human Rights (sohr-killed) says" in notes
    assert "United States military's “no civilians” set aside as an interested party" in notes


# -- Wikipedia --------------------------------------------------------------------------


ARTICLE = "https://en.wikipedia.org/wiki/June_2021_United_States_airstrike_in_Syria"


def test_wikipedia_lines_cite_each_end(report: claims.Report) -> None:
    lines = claims.export.wikipedia_infobox(report, STRIKE).splitlines()
    assert len(lines) == 4 and not lines[0].startswith("'''")
    assert lines[1] == (
        '4<ref name="militia-killed">{{cite web |title=Iraqi militia groups aligned with Iran '
        f"(statement) |url={ARTICLE} |publisher=Wikipedia |quote=Iraqi militia groups aligned "
        "with Iran in a statement named four members of the Kataib Sayyed al-Shuhada faction "
        "they said were killed in the attack on the Syria-Iraq border.}}</ref>"
        '–9<ref name="sohr-killed">{{cite web |title=Syrian Observatory for Human Rights '
        f"|url={ARTICLE} |publisher=Wikipedia |quote=the SOHR stated that at least nine "
        "Iran-backed Iraqi militia fighters died, leaving many others injured.}}</ref> "
        "militiamen killed")
    assert lines[3].startswith('many<ref name="sohr-injured">')
    assert [re.sub(r"<ref[^>]*>.*?</ref>|<ref[^>]*/>", "", line) for line in lines] == \
        report.infobox(STRIKE).splitlines()


def test_a_multi_event_infobox_labels_each_event(report: claims.Report) -> None:
    lines = claims.export.wikipedia_infobox(report).splitlines()
    assert lines[0] == "'''June 2021 United States airstrike in Syria'''"
    assert lines[5] == "'''Rocket attack on the US base at Al-Omar oilfield'''"
    assert lines[6].startswith('0<ref name="oir-injured">') and \
        lines[6].endswith("</ref> people injured")


def test_a_citation_from_the_sources_own_publication(seed: claims.Dossier) -> None:
    agency = claims.Source(id="ill-agency", name="An agency (illustration)", kind="news_agency")
    claim = said("ill-own", agency.id, claims.Count.exact(2), provenance={
        "url": "https://example.invalid/a|b", "title": "Strike {{kills}} two",
        "language": "ar", "published": claims.TimeSpan.on(dt.date(2021, 6, 28), dt.UTC)},
        quote="قتل اثنان | <script>")
    report = claims.reconcile(seed.add(agency, claim))
    assert claims.export.cite(claim, report) == (
        "{{cite news |title=Strike &#123;&#123;kills&#125;&#125; two "
        "|url=https://example.invalid/a{{!}}b |work=An agency (illustration) |date=2021-06-28 "
        "|language=ar |quote=قتل اثنان {{!}} &lt;script>}}")


# -- Wikidata -----------------------------------------------------------------------------


def test_quickstatements_with_bounds_and_references(report: claims.Report) -> None:
    lines = claims.export.wikidata_statements(report)
    cells = [line.split("\t") for line in lines]
    assert all(re.fullmatch(r"\+\d+(\[\d+,\d+\])?", c[2]) for c in cells)
    assert all(len(c) % 2 == 1 for c in cells)  # item, property, value, then pairs
    militiamen = [c for c in cells if c[1] == "P1120" and "{category:militiaman}" in c]
    assert [c[:5] for c in militiamen] == [
        ["{event:us-strike-2021-06-28}", "P1120", "+9[4,9]", "P518", "{category:militiaman}"]
    ] * 2  # a reference for each claim behind the figure: the militia's, SOHR's
    assert militiamen[1][5:] == [
        "S248", "{source:wikipedia}", "S854", f'"{ARTICLE}"', "S1683",
        'en:"the SOHR stated that at least nine Iran-backed Iraqi militia fighters died, '
        'leaving many others injured."']
    assert not any(c[1] == "P1339" and "{category:militiaman}" in c for c in cells)  # "many"
    assert cells[-1][:3] == ["{event:al-omar-rocket-attack-2021-06-28}", "P1339", "+0"]


def test_quickstatements_items_are_the_users_to_map(seed: claims.Dossier) -> None:
    event = attrs.evolve(seed.event(STRIKE), external_ids=("wikidata:Q107095734",))
    dated = said("ill-dated", "sohr", claims.Count.exact(9), scope=claims.Scope("militiaman"),
                 provenance={"url": "https://example.invalid/sohr", "language": "ar",
                             "published": claims.TimeSpan.on(dt.date(2021, 6, 29), dt.UTC)})
    dossier = attrs.evolve(seed, events=(event, *seed.events[1:]),
                           claims=(*seed.claims, dated))
    lines = claims.export.wikidata_statements(
        claims.reconcile(dossier), items={"category:militiaman": "Q1",
                                          "source:sohr": "Q2"})
    line = next(line for line in lines if "https://example.invalid/sohr" in line)
    assert line == ('Q107095734\tP1120\t+9[4,9]\tP518\tQ1\tS248\tQ2\tS854\t'
                    '"https://example.invalid/sohr"\tS1683\tar:"ILLUSTRATION"\t'
                    "S577\t+2021-06-29T00:00:00Z/11")


# -- PROV -------------------------------------------------------------------------------


def test_prov_keeps_publication_and_derives_each_figure(seed: claims.Dossier) -> None:
    dated = said("ill-dated", "sohr", claims.Count.at_least(9), scope=claims.Scope("militiaman"),
                 provenance={"url": "https://example.invalid/sohr", "language": "ar",
                             "published": claims.TimeSpan.on(dt.date(2021, 6, 29), dt.UTC)})
    dossier = seed.add(dated)
    data = json.loads(claims.export.prov_document(dossier, claims.reconcile(dossier))
                      .serialize(format="json"))
    entity = data["entity"]["claims:claim/ill-dated"]
    assert entity["prov:location"] == "https://example.invalid/sohr"
    assert entity["prov:value"] == {"$": "ILLUSTRATION", "lang": "ar"}
    generated = {(g["prov:entity"], g["prov:time"]) for g in data["wasGeneratedBy"].values()}
    assert ("claims:claim/ill-dated", "2021-06-29T00:00:00+00:00") in generated
    delegated = {(d["prov:delegate"], d["prov:responsible"])
                 for d in data["actedOnBehalfOf"].values()}
    assert ("claims:source/sana", "claims:actor/syrian-government") in delegated
    assert data["agent"]["claims:actor/syrian-government"]["prov:label"] == "Government of Syria"
    figure = f"claims:figure/{STRIKE}/killed/militiaman/all/all"
    assert data["entity"][figure]["prov:label"] == "4 to at least 9"
    derived = {d["prov:usedEntity"] for d in data["wasDerivedFrom"].values()
               if d["prov:generatedEntity"] == figure}
    assert derived == {"claims:claim/militia-killed", "claims:claim/sohr-killed",
                       "claims:claim/ill-dated"}


# -- tables -----------------------------------------------------------------------------


def test_frames_type_counts_as_nullable_integers_and_times_with_a_zone(
        seed: claims.Dossier, report: claims.Report) -> None:
    results = claims.export.to_pandas(claims.export.result_rows(report))
    assert str(results["feasible_high"].dtype) == "Int64"  # "at least nine" leaves it empty
    assert results["feasible_high"].isna().any() and str(results["low"].dtype) == "Int64"
    dated = said("ill-dated", "sohr", claims.Count.exact(9), provenance={
        "published": claims.TimeSpan.on(dt.date(2021, 6, 29), dt.timezone(dt.timedelta(hours=3)))})
    table = claims.export.to_pandas(claims.export.claim_rows(seed.add(dated)))
    published = table.set_index("claim").loc["ill-dated", "published"]
    assert str(table["published"].dtype).endswith(", UTC]")
    assert published.isoformat() == "2021-06-28T21:00:00+00:00"
    ged = claims.export.to_pandas(claims.export.ucdp_rows(report))
    assert {str(ged[c].dtype) for c in ("best", "deaths_b", "where_prec", "latitude")} == {
        "Int64", "Float64"}


def test_polars_schema_does_not_depend_on_the_data(seed: claims.Dossier,
                                                   report: claims.Report) -> None:
    import polars as pl

    small = claims.Dossier(seed.sources, seed.vocabulary,
                           [attrs.evolve(seed.events[1], links=())], seed.claims[-1:])
    for rows in (claims.export.result_rows, claims.export.ucdp_rows,
                 claims.export.airwars_rows, claims.export.acled_rows):
        first, second = rows(report), rows(claims.reconcile(small))
        frames = [claims.export.to_polars(first), claims.export.to_polars(second)]
        assert frames[0].schema == frames[1].schema
        assert pl.concat(frames).height == len(first) + len(second)
    claim_frames = [claims.export.to_polars(claims.export.claim_rows(d)) for d in (seed, small)]
    assert claim_frames[0].schema["published"] == pl.Datetime("us", "UTC")
    assert claim_frames[0].schema == claim_frames[1].schema


def test_every_column_an_export_writes_has_its_type(seed: claims.Dossier,
                                                    report: claims.Report) -> None:
    for rows in (claims.export.claim_rows(seed), claims.export.result_rows(report),
                 claims.export.ucdp_rows(report), claims.export.airwars_rows(report),
                 claims.export.acled_rows(report)):
        for row in rows:
            for name, value in row.items():
                kind = claims.export.COLUMN_TYPES[name]
                assert value is None or type(value) is kind or (
                    kind is dt.datetime and isinstance(value, dt.datetime)), (name, value)


def test_csv_writes_times_with_their_offset(seed: claims.Dossier, tmp_path: Path) -> None:
    dated = said("ill-dated", "sohr", claims.Count.exact(9), provenance={
        "published": claims.TimeSpan.on(dt.date(2021, 6, 29), dt.timezone(dt.timedelta(hours=3)))})
    path = tmp_path / "claims.csv"
    claims.export.write_csv(claims.export.claim_rows(seed.add(dated)), path)
    assert "2021-06-29T00:00:00+03:00" in path.read_text(encoding="utf-8")


# -- the command line -------------------------------------------------------------------


def test_export_writes_the_new_formats(tmp_path: Path) -> None:
    from claims.cli import main

    out = {name: tmp_path / f"{name}.txt" for name in ("acled", "wikipedia", "wikidata")}
    assert main(["export", str(SEED), *(a for n, p in out.items() for a in (f"--{n}", str(p)))
                 ]) == 0
    assert out["acled"].read_text(encoding="utf-8").startswith("event_id_cnty,event_date,")
    assert "militiamen killed" in out["wikipedia"].read_text(encoding="utf-8")
    assert "\tP1120\t+9[4,9]\t" in out["wikidata"].read_text(encoding="utf-8")


def test_docs_name_every_column_of_the_fields_formats() -> None:
    named = set(re.findall(r"`([a-z0-9_]+)`", (ROOT / "docs" / "exports.md").read_text("utf-8")))
    for columns in (claims.export.GED_COLUMNS, claims.export.AIRWARS_COLUMNS,
                    claims.export.ACLED_COLUMNS):
        assert [c for c in columns if c not in named] == []
