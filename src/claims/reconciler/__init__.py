"""The reconciler: claims grouped by event, predicate and scope, each group settled to what
can honestly be said of it (a range whose ends name their claims, the interval every claim
allows, contradictions with their reasons), and the field's policies for publishing figures.

:func:`claims.reconcile` runs it over a dossier and returns a :class:`claims.Report`; the
types here are what a report's results are made of.
"""

from claims.reconciler._context import Context
from claims.reconciler._credibility import (
    IncidentGrade,
    assess,
    incident_grade,
    interest,
    perpetrators,
)
from claims.reconciler._headlines import headline_counts, headlines
from claims.reconciler._plans import scope_order
from claims.reconciler._policies import (
    POLICIES,
    Conservative,
    Estimate,
    LowBestHigh,
    MinMax,
    MostCredible,
    Policy,
)
from claims.reconciler._results import (
    Contradiction,
    ContradictionKind,
    Contribution,
    CountResult,
    Credibility,
    EventResult,
    FactResult,
    FactValue,
    Grade,
    GroupKey,
    GroupRange,
    RangeEnd,
    Revision,
    Role,
)
from claims.reconciler._severity import DEFAULT_TOLERANCE, Severity, Tolerance
from claims.reconciler._summaries import Settlement, Summary, denial_leaves, summarize
from claims.reconciler._words import describe_scope, describe_value, predicate_label

__all__ = [
    "DEFAULT_TOLERANCE",
    "POLICIES",
    "Conservative",
    "Context",
    "Contradiction",
    "ContradictionKind",
    "Contribution",
    "CountResult",
    "Credibility",
    "Estimate",
    "EventResult",
    "FactResult",
    "FactValue",
    "Grade",
    "GroupKey",
    "GroupRange",
    "IncidentGrade",
    "LowBestHigh",
    "MinMax",
    "MostCredible",
    "Policy",
    "RangeEnd",
    "Revision",
    "Role",
    "Settlement",
    "Severity",
    "Summary",
    "Tolerance",
    "assess",
    "denial_leaves",
    "describe_scope",
    "describe_value",
    "headline_counts",
    "headlines",
    "incident_grade",
    "interest",
    "perpetrators",
    "predicate_label",
    "scope_order",
    "summarize",
]
