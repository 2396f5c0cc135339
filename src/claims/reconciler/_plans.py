"""Plans: for the scopes a predicate's claims state, which groups to report and how each
stated scope bears on each group (directly, as a part of it, or as something containing it)."""

from __future__ import annotations

from claims.model import Scope, Vocabulary
from claims.reconciler._results import Role


def scope_order(scope: Scope) -> tuple[str, str, str]:
    """Results are listed by category, then actor, then place."""
    return (scope.category or "", scope.actor or "", scope.place or "")


Plan = tuple[tuple[Scope, tuple[tuple[Scope, Role], ...]], ...]


def plan_groups(scopes: frozenset[Scope], vocabulary: Vocabulary) -> Plan:
    """For the scopes a predicate's claims state: every group to report (those scopes and the
    summary categories they lie within, in :func:`scope_order`), each with the stated scopes
    that bear on it and how. Depends only on the set of scopes, so it is worked out once per
    set (see :meth:`Context.plan`)."""
    groups = set(scopes)
    for scope in scopes:
        summary = vocabulary.summary_category(scope.category)
        if summary is not None:
            groups.add(Scope(category=summary))
    within = vocabulary.scope_within
    plan = []
    for group in sorted(groups, key=scope_order):
        roles = []
        for stated in sorted(scopes, key=scope_order):
            if stated == group:
                roles.append((stated, Role.DIRECT))
            elif within(stated, group):
                roles.append((stated, Role.NARROWER))
            elif within(group, stated):
                roles.append((stated, Role.BROADER))
        plan.append((group, tuple(roles)))
    return tuple(plan)
