"""The model: typed claims with provenance, the values they assert, the vocabularies they use,
and the dossier that holds them. Every class here is an immutable attrs value whose
constructor validates; :mod:`claims` re-exports the ones a notebook user types."""

from claims.model._claim import Claim, Coverage, Hedge, Status
from claims.model._count import Bound, Count, Interval
from claims.model._dossier import Dossier, reference_problems
from claims.model._event import Event, EventLink
from claims.model._provenance import Provenance, Relay
from claims.model._scope import EVERYONE, Scope
from claims.model._source import Reliability, Source
from claims.model._time import Precision, TimeSpan
from claims.model._values import ActorRef, PlaceRef, Term, Text, Value, ValueKind
from claims.model._vocabulary import (
    BUILTIN_PREDICATES,
    BUILTIN_SOURCE_KINDS,
    Actor,
    Category,
    Exclusion,
    Place,
    Predicate,
    Vocabulary,
    VocabularyItem,
    fold_name,
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
    "Count",
    "Coverage",
    "Dossier",
    "Event",
    "EventLink",
    "Exclusion",
    "Hedge",
    "Interval",
    "Place",
    "PlaceRef",
    "Precision",
    "Predicate",
    "Provenance",
    "Relay",
    "Reliability",
    "Scope",
    "Source",
    "Status",
    "Term",
    "Text",
    "TimeSpan",
    "Value",
    "ValueKind",
    "Vocabulary",
    "VocabularyItem",
    "fold_name",
    "reference_problems",
]
