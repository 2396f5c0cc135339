"""claims: reconcile what different sources say about the same event.

Claims are typed assertions with provenance ("at least nine militia fighters died", SOHR);
the reconciler says what can honestly be said of them: ranges whose ends name their claims,
and the places where sources contradict one another.

The names here are what a notebook user types. Families live in their packages:
:mod:`claims.model` (every value type), :mod:`claims.io`, :mod:`claims.parse`,
:mod:`claims.reconciler` (result types, policies), :mod:`claims.render` (text, HTML, plots),
:mod:`claims.export` (rows, frames, CSV, UCDP, Airwars, ACLED, Wikipedia, Wikidata, PROV),
:mod:`claims.importers` (UCDP GED and ACLED exports read in as claims) and :mod:`claims.trust`
(sources' reliability learned across events). ``docs/architecture.md`` says which to open
for which change.
"""

from claims import export as export
from claims import importers as importers
from claims import render as render
from claims import trust as trust
from claims.errors import (
    ClaimsError,
    DossierError,
    MergeError,
    ParseError,
    UnknownReferenceError,
    ValidationError,
)
from claims.io import dump, dumps, iter_claims, load, loads, structure, unstructure
from claims.model import (
    Actor,
    ActorRef,
    Category,
    Claim,
    Count,
    Dossier,
    Event,
    Hedge,
    Place,
    PlaceRef,
    Predicate,
    Provenance,
    Relay,
    Reliability,
    Scope,
    Source,
    Status,
    Term,
    Text,
    TimeSpan,
    Vocabulary,
)
from claims.parse import parse_count, parse_stance, parse_time, propose_claims, suggest_actors
from claims.reconciler import CountResult, EventResult, FactResult, Policy
from claims.report import Report, reconcile

__all__ = [
    "Actor",
    "ActorRef",
    "Category",
    "Claim",
    "ClaimsError",
    "Count",
    "CountResult",
    "Dossier",
    "DossierError",
    "Event",
    "EventResult",
    "FactResult",
    "Hedge",
    "MergeError",
    "ParseError",
    "Place",
    "PlaceRef",
    "Policy",
    "Predicate",
    "Provenance",
    "Relay",
    "Reliability",
    "Report",
    "Scope",
    "Source",
    "Status",
    "Term",
    "Text",
    "TimeSpan",
    "UnknownReferenceError",
    "ValidationError",
    "Vocabulary",
    "dump",
    "dumps",
    "iter_claims",
    "load",
    "loads",
    "parse_count",
    "parse_stance",
    "parse_time",
    "propose_claims",
    "reconcile",
    "structure",
    "suggest_actors",
    "unstructure",
]
