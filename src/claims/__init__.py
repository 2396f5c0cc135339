"""claims: reconcile what different sources say about the same event.

Claims are typed assertions with provenance ("at least nine militia fighters died", SOHR);
the reconciler says what can honestly be said of them: ranges whose ends name their claims,
and the places where sources contradict one another.
"""

from claims._claim import EVERYONE, Claim, Hedge, Scope, Status
from claims._count import Bound, Count, Interval
from claims._counts import Figure
from claims._dossier import Dossier
from claims._errors import (
    ClaimsError,
    DossierError,
    ParseError,
    UnknownReferenceError,
    ValidationError,
)
from claims._event import Event, EventLink
from claims._io import dump, dumps, iter_claims, load, loads, structure, unstructure
from claims._plot import plot_ranges
from claims._problems import Problem
from claims._propose import Suggestion, parse_time, propose_claims, suggest_actors
from claims._provenance import Provenance, Relay
from claims._reconcile import Context, Summary
from claims._report import Report, reconcile
from claims._results import (
    Contradiction,
    Contribution,
    CountResult,
    Estimate,
    EventResult,
    FactResult,
    FactValue,
    Grade,
    GroupKey,
    Policy,
    RangeEnd,
    Revision,
    Role,
)
from claims._source import Reliability, Source
from claims._tables import (
    airwars_rows,
    claim_rows,
    prov_document,
    result_rows,
    to_pandas,
    to_polars,
    ucdp_rows,
    write_csv,
)
from claims._time import Precision, TimeSpan
from claims._values import ActorRef, PlaceRef, Term, Text, Value, ValueKind
from claims._vocabulary import (
    BUILTIN_PREDICATES,
    BUILTIN_SOURCE_KINDS,
    Actor,
    Category,
    Exclusion,
    Place,
    Predicate,
    Vocabulary,
)
from claims._words import (
    DEFAULT_VAGUE,
    ParsedCount,
    Stance,
    VagueReading,
    parse_count,
    parse_stance,
)

__all__ = [
    "BUILTIN_PREDICATES",
    "BUILTIN_SOURCE_KINDS",
    "DEFAULT_VAGUE",
    "EVERYONE",
    "Actor",
    "ActorRef",
    "Bound",
    "Category",
    "Claim",
    "ClaimsError",
    "Context",
    "Contradiction",
    "Contribution",
    "Count",
    "CountResult",
    "Dossier",
    "DossierError",
    "Estimate",
    "Event",
    "EventLink",
    "EventResult",
    "Exclusion",
    "FactResult",
    "FactValue",
    "Figure",
    "Grade",
    "GroupKey",
    "Hedge",
    "Interval",
    "ParseError",
    "ParsedCount",
    "Place",
    "PlaceRef",
    "Policy",
    "Precision",
    "Predicate",
    "Problem",
    "Provenance",
    "RangeEnd",
    "Relay",
    "Reliability",
    "Report",
    "Revision",
    "Role",
    "Scope",
    "Source",
    "Stance",
    "Status",
    "Suggestion",
    "Summary",
    "Term",
    "Text",
    "TimeSpan",
    "UnknownReferenceError",
    "VagueReading",
    "ValidationError",
    "Value",
    "ValueKind",
    "Vocabulary",
    "airwars_rows",
    "claim_rows",
    "dump",
    "dumps",
    "iter_claims",
    "load",
    "loads",
    "parse_count",
    "parse_stance",
    "parse_time",
    "plot_ranges",
    "propose_claims",
    "prov_document",
    "reconcile",
    "result_rows",
    "structure",
    "suggest_actors",
    "to_pandas",
    "to_polars",
    "ucdp_rows",
    "unstructure",
    "write_csv",
]
