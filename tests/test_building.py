"""Building by hand, as a notebook user does: the obvious constructor works or its error
names the right one; lists become tuples, so values compare and hash; a dossier grows with
one verb; errors refine the built-in a user would catch."""

from __future__ import annotations

import importlib
from typing import Any

import attrs
import pytest

import claims
from claims.errors import MissingExtraError
from tests.conftest import SEED

STRIKE = "us-strike-2021-06-28"


@pytest.mark.parametrize(("build", "names"), [
    (lambda: claims.Count(7), r"exactly 7 is Count\.exact\(7\); 7 or more, Count\.at_least\(7\)"),
    (lambda: claims.Count(4, 9), r"4 to 9 is Count\.between\(4, 9\)"),
])
def test_a_wrong_count_constructor_names_the_right_one(build: Any, names: str) -> None:
    with pytest.raises(claims.ValidationError, match=names):
        build()


def test_lists_are_kept_as_tuples_so_values_hash_and_compare() -> None:
    listed = claims.Vocabulary(
        categories=[claims.Category("person", "person", plural="people"),
                    claims.Category("child", "child", parent="person", aliases=["kid"])],
        actors=[claims.Actor("us", "United States", aliases=["US", "U.S."])],
        source_kinds=["ngo"],
    )
    tupled = claims.Vocabulary(
        categories=(claims.Category("person", "person", plural="people"),
                    claims.Category("child", "child", parent="person", aliases=("kid",))),
        actors=(claims.Actor("us", "United States", aliases=("US", "U.S.")),),
        source_kinds=("ngo",),
    )
    assert listed == tupled and hash(listed) == hash(tupled)
    assert isinstance(listed.categories, tuple) and isinstance(listed.source_kinds, tuple)
    source = claims.Source(id="ngo", name="An NGO", kind="ngo", aliases=["N"])
    dossier = claims.Dossier(sources=[source], vocabulary=listed,
                             events=[claims.Event(id="e", title="E")])
    assert claims.loads(claims.dumps(dossier)) == dossier
    assert hash(dossier.sources) == hash((source,))


@pytest.mark.parametrize(("build", "message"), [
    (lambda: claims.Source(id="s", name="S", kind="other", aliases="SOHR"),
     r"'aliases' must be a tuple or list of items: aliases='SOHR'"),
    (lambda: claims.Source(id="s", name="S", kind="other", aliases=[3]),
     r"'aliases\[0\]' must be non-blank text: aliases\[0\]=3"),
    (lambda: claims.Vocabulary(categories=[claims.Actor("a", "A")]),
     r"'categories\[0\]' must be a Category: categories\[0\]=Actor"),
    (lambda: claims.Dossier(claims=({"id": "x"},)),
     r"'claims\[0\]' must be a Claim: claims\[0\]=\{'id': 'x'\}"),
    (lambda: claims.Claim(id="c", event="e", predicate="killed", value=claims.Count.exact(1),
                          provenance=claims.Provenance(source="s", quote="q"), hedge="allegedly"),
     r"'hedge' must be a Hedge: hedge='allegedly'"),
])
def test_wrong_shapes_are_refused_by_name(build: Any, message: str) -> None:
    with pytest.raises(claims.ValidationError, match=message):
        build()


def test_a_dossier_grows_with_one_verb(seed: claims.Dossier) -> None:
    ngo = claims.Source(id="example-ngo", name="An NGO (illustration)", kind="ngo")
    event = claims.Event(id="example-event", title="An event (illustration)")
    said = claims.Claim(
        id="example-killed", event=event.id, predicate="killed", value=claims.Count.exact(3),
        scope=claims.Scope("civilian"), provenance=claims.Provenance(source=ngo.id, quote="3"))
    grown = seed.add(said, "ngo", event, ngo)  # any mix, any order
    assert grown.source("example-ngo") == ngo and grown.claim("example-killed") == said
    assert grown.vocabulary.has("source_kinds", "ngo")
    assert grown.claims[:len(seed.claims)] == seed.claims
    assert claims.reconcile(grown).count(event.id, "killed", claims.Scope("civilian")
                                         ).range_text() == "3"
    with pytest.raises(claims.DossierError, match=r"unknown source kind 'ngo'"):
        seed.add(ngo)
    with pytest.raises(claims.ValidationError, match=r"cannot add 3 to a dossier"):
        seed.add(3)  # type: ignore[arg-type]
    replaced = attrs.evolve(seed, vocabulary=grown.vocabulary)
    assert replaced.vocabulary.has("source_kinds", "ngo")


def test_errors_refine_the_builtins_a_user_catches(seed: claims.Dossier) -> None:
    assert issubclass(claims.DossierError, claims.ValidationError)
    assert issubclass(claims.ValidationError, ValueError)
    assert issubclass(claims.MergeError, ValueError)
    assert issubclass(claims.UnknownReferenceError, LookupError)
    assert issubclass(MissingExtraError, ImportError)
    report = claims.reconcile(seed)
    renamed = attrs.evolve(seed.sources[0], name="Someone else")
    other = claims.reconcile(claims.Dossier(sources=[renamed], vocabulary=seed.vocabulary))
    with pytest.raises(claims.MergeError, match=r"source 'us-government' differs"):
        report.merge(other)
    with pytest.raises(ValueError, match=r"differs between the two sides"):
        report.merge(other)
    with pytest.raises(LookupError, match=r"unknown event 'nowhere'"):
        report.event("nowhere")


def test_a_missing_extra_is_a_claims_error_naming_it(monkeypatch: pytest.MonkeyPatch,
                                                     seed: claims.Dossier) -> None:
    real = importlib.import_module

    def without(name: str, package: str | None = None) -> Any:
        if name.split(".")[0] in ("rapidfuzz", "text_to_num", "matplotlib", "pandas", "prov",
                                  "numpy"):
            raise ImportError(f"No module named {name!r}")
        return real(name, package)

    monkeypatch.setattr(importlib, "import_module", without)
    report = claims.reconcile(seed)
    cases = [
        (lambda: claims.suggest_actors("Kataib", seed.vocabulary), "parse", "rapidfuzz"),
        (lambda: claims.parse_count("one hundred and ten people"), "parse", "text_to_num"),
        (lambda: claims.render.plot_ranges(report, STRIKE, "killed"), "plot", "matplotlib"),
        (lambda: claims.export.to_pandas([]), "pandas", "pandas"),
        (lambda: claims.export.prov_document(seed), "prov", "prov"),
        (lambda: claims.trust.estimate_trust(report), "trust", "numpy"),
    ]
    for call, extra, module in cases:
        with pytest.raises(MissingExtraError, match=rf"needs the '{extra}' extra \({module} "
                                                    rf"is not installed\): pip install"):
            call()


def test_the_seed_file_builds_by_hand_to_the_same_dossier(seed: claims.Dossier) -> None:
    rebuilt = claims.Dossier(list(seed.sources), seed.vocabulary, list(seed.events),
                             list(seed.claims))
    assert rebuilt == seed == claims.load(SEED)
