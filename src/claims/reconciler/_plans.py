"""Plans: for the scopes a predicate's claims state, which groups to report and how each
stated scope bears on each group (directly, as a part of it, or as something containing it)."""

from __future__ import annotations

import enum

from claims.model import Scope, Vocabulary


class Reach(enum.Enum):
    """How the claims of one stated scope bear on a group, before each claim's coverage is
    known: directly, as something narrower that can be the source's account of the group,
    as something narrower that can only be a part of it, or as something broader."""

    DIRECT = "direct"
    ACCOUNT = "account"
    PART = "part"
    BROADER = "broader"


def scope_order(scope: Scope) -> tuple[str, str, str]:
    """Results are listed by category, then actor, then place."""
    return (scope.category or "", scope.actor or "", scope.place or "")


Plan = tuple[tuple[Scope, tuple[tuple[Scope, Reach], ...]], ...]


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
                roles.append((stated, Reach.DIRECT))
            elif within(stated, group):
                reach = Reach.ACCOUNT if _account_reaches(stated, group, vocabulary) else (
                    Reach.PART)
                roles.append((stated, reach))
            elif within(group, stated):
                roles.append((stated, Reach.BROADER))
        plan.append((group, tuple(roles)))
    return tuple(plan)


def _account_reaches(stated: Scope, group: Scope, vocabulary: Vocabulary) -> bool:
    """Whether a source's whole account of ``stated`` is also its figure for ``group``: up to
    the summary category ``stated`` lies within (or its own category, when there is none).
    The militia's four members are its figure for militiamen, not for all people."""
    ceiling = vocabulary.summary_category(stated.category) or stated.category
    if group.category is None:
        return ceiling is None
    return ceiling is not None and vocabulary.category_within(group.category, ceiling)
