"""claims: reconcile what different sources say about the same event.

Claims are typed assertions with provenance ("at least nine militia fighters died", SOHR);
the reconciler says what can honestly be said of them: ranges whose ends name their claims,
and the places where sources contradict one another.
"""

from claims._claim import EVERYONE, Claim, Hedge, Scope, Status
from claims._count import Bound, Count
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
from claims._problems import Problem
from claims._provenance import Provenance, Relay
from claims._source import Reliability, Source
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

__all__ = [
    "BUILTIN_PREDICATES",
    "BUILTIN_SOURCE_KINDS",
    "EVERYONE",
    "Actor",
    "ActorRef",
    "Bound",
    "Category",
    "Claim",
    "ClaimsError",
    "Count",
    "Dossier",
    "DossierError",
    "Event",
    "EventLink",
    "Exclusion",
    "Hedge",
    "ParseError",
    "Place",
    "PlaceRef",
    "Precision",
    "Predicate",
    "Problem",
    "Provenance",
    "Relay",
    "Reliability",
    "Scope",
    "Source",
    "Status",
    "Term",
    "Text",
    "TimeSpan",
    "UnknownReferenceError",
    "ValidationError",
    "Value",
    "ValueKind",
    "Vocabulary",
    "dump",
    "dumps",
    "iter_claims",
    "load",
    "loads",
    "structure",
    "unstructure",
]
