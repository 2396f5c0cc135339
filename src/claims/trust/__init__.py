"""Trust learned across events: each source's reliability estimated from how far it agrees
with the other sources over many events, by published truth-discovery methods (TruthFinder,
Sums, CRH) adapted to interval counts and nested values, and read back as Admiralty grades.

``docs/reconciliation.md`` ("Trust learned across events") states the methods, how they
are adapted, and their parameters. The methods need the ``trust`` extra (numpy).

    >>> estimate = estimate_trust(report, method="crh")
    >>> dossier = grade_sources(estimate, dossier)
"""

from claims.trust._crh import CRH
from claims.trust._estimate import METHODS, estimate_trust
from claims.trust._evidence import Evidence, gather_evidence
from claims.trust._grades import MIN_COMPARED, THRESHOLDS, grade, grade_sources
from claims.trust._method import TrustMethod
from claims.trust._results import SourceTrust, TrustEstimate
from claims.trust._sums import Sums
from claims.trust._truthfinder import TruthFinder

__all__ = [
    "CRH",
    "METHODS",
    "MIN_COMPARED",
    "THRESHOLDS",
    "Evidence",
    "SourceTrust",
    "Sums",
    "TrustEstimate",
    "TrustMethod",
    "TruthFinder",
    "estimate_trust",
    "gather_evidence",
    "grade",
    "grade_sources",
]
