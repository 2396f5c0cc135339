"""Every count group's figures, worked out over columns.

This is :func:`claims.reconciler.count_groups` (with the settling before it: denials,
non-claims, revisions) written as a few joins and group-bys, so that a million claims cost a
few passes over arrays instead of a million objects. What depends only on the vocabulary, not
on the claims (which groups a set of stated scopes makes, whether one scope lies within
another, whether a party counts its own dead, whether one statement's parts add up), is
worked out once per distinct case in Python by the reconciler's own functions and joined in.
``docs/scale.md`` lists the steps; ``tests/test_bulk.py`` holds the result to
:meth:`claims.Report.ranges` over generated dossiers.
"""

from __future__ import annotations

import threading
from functools import partial
from typing import Any

from claims.bulk._threads import in_turn
from claims.model import BUILTIN_PREDICATES, Scope, ValueKind, Vocabulary
from claims.reconciler import Context, scope_order

RANGE_COLUMNS = ("event", "predicate", "category", "actor", "place", "low", "high",
                 "high_open", "high_more_than", "feasible_low", "feasible_high", "contradicted")
"""The columns of :meth:`claims.bulk.Bulk.ranges`, one row per count group, as the fields of
:class:`claims.GroupRange` (the five labels as polars categoricals)."""



def _pl() -> Any:
    import polars

    return polars


def count_predicates(vocabulary: Vocabulary) -> list[str]:
    kinds = {p.id: p.value for p in BUILTIN_PREDICATES}
    kinds.update({p.id: p.value for p in vocabulary.predicates})
    return [ident for ident, kind in kinds.items() if kind is ValueKind.COUNT]


_READ = ("source", "statement", "scope_category", "scope_actor", "scope_place", "value_low",
         "value_high", "value_best", "value_bound", "status", "coverage", "revises",
         "published_start", "published_end")
"""What the count rules read of each claim (besides its id, read only where a claim names
another in ``revises``)."""


def ranges(claims: Any, context: Context) -> Any:
    """One row per count group (:data:`RANGE_COLUMNS`), in the order :meth:`Report.ranges`
    gives them (event, predicate, then scope as the report lists scopes)."""
    pl = _pl()
    col = pl.col
    vocabulary = context.vocabulary
    summary = (col("event").to_physical().cast(pl.UInt64) * 2**32  # codes say the pair exactly
               + col("predicate").to_physical().cast(pl.UInt64)).alias("summary")
    counts = claims.lazy().with_row_index("row").filter(
        col("predicate").is_in(count_predicates(vocabulary)))
    names = counts.select(summary, "event", "predicate").unique("summary").collect()
    names = names.sort(col("event").cast(pl.String), col("predicate").cast(pl.String)
                       ).with_row_index("_summary_order")
    scopes = _Scopes(counts)
    standing = _standing(scopes.coded(counts.select("row", summary, *_READ)))
    standing = _supersede(standing, claims, scopes, vocabulary)
    # Summaries are independent: worked out a slice at a time (two at once), the memory the
    # groups take stays that of two slices, whatever the collection's size.
    slices = max(1, -(-standing.height // _SLICE))
    which = pl.col("summary").hash() % slices
    parts = ((standing.filter(which == index) for index in range(slices)) if slices > 1
             else iter([standing]))
    groups = in_turn(partial(_groups, scopes=scopes, context=context), parts)
    del standing, parts
    return scopes.decoded(pl.concat(groups).lazy().join(names.lazy(), on="summary"))


def _groups(claims: Any, scopes: _Scopes, context: Context) -> Any:
    return _aggregate(_expand(claims, scopes, context), scopes, context.vocabulary)


_SLICE = 100_000
"""About how many claims' groups are worked out at once (two slices at a time)."""

_SET_BITS = 64
"""A set of scopes is kept as the bits of one number while every scope's code is below this;
past it, as the text of its sorted codes (slower, the same groups)."""


def _standing(claims: Any) -> Any:
    """Asserted counts as they are, denials as what they leave (``denial_leaves``), with each
    count's smallest and largest figure; non-claims and denials that bound nothing go. Lazy:
    worked out where it is used."""
    pl = _pl()
    col = pl.col
    status = col("status").fill_null("asserted")
    low, high = col("value_low"), col("value_high")
    denied = claims.filter(
        (status == "denied") & pl.when(high.is_null()).then(low > 0).otherwise(low == 0)
    ).with_columns(
        pl.when(high.is_null() & (low == 1)).then(0)
        .when(high.is_null()).then(0).otherwise(high + 1).alias("value_low"),
        pl.when(high.is_null() & (low == 1)).then(0)
        .when(high.is_null()).then(low - 1).otherwise(None).alias("value_high"),
        pl.when(high.is_null() & (low == 1)).then(pl.lit("exact"))
        .when(high.is_null()).then(pl.lit("at_most")).otherwise(pl.lit("at_least"))
        .cast(pl.Categorical).alias("value_bound"),
        pl.when(high.is_null() & (low == 1)).then(0).otherwise(None)
        .cast(pl.Int64).alias("value_best"),
    )
    kept = pl.concat([claims.filter(status == "asserted"), denied])
    bound = col("value_bound").cast(pl.String).fill_null("exact")
    low, high, best = col("value_low"), col("value_high"), col("value_best")
    least = (pl.when(bound == "at_most").then(pl.coalesce(high, low))
             .when(bound == "more_than").then(low - 1)
             .when(bound == "fewer_than").then(high + 1)
             .when(bound == "approximately").then(best)
             .otherwise(low))
    most = pl.when(bound == "between").then(high).otherwise(least)
    return kept.with_columns(least.alias("least"), most.alias("most"),
                             (bound == "more_than").alias("more_than")).drop(
        *_Scopes.PARTS, "value_best", "value_bound", "status")


class _Scopes:
    """Scopes as small integers: those the claims state, and the summary categories the
    plans add."""

    PARTS = ("scope_category", "scope_actor", "scope_place")

    def __init__(self, claims: Any) -> None:
        pl = _pl()
        self._table = (claims.select(*self.PARTS).unique(maintain_order=True)
                       .with_row_index("scope").with_columns(pl.col("scope").cast(pl.UInt32))
                       .collect())
        self.scopes = [Scope(*row) for row in
                       self._table.select(*self.PARTS).cast(pl.String).iter_rows()]
        self.codes = {scope: code for code, scope in enumerate(self.scopes)}
        self._adding = threading.Lock()

    def code(self, scope: Scope) -> int:
        known = self.codes.get(scope)
        if known is None:
            with self._adding:  # slices are worked out two at a time
                known = self.codes.get(scope)
                if known is None:
                    known = self.codes[scope] = len(self.scopes)
                    self.scopes.append(scope)
        return known

    def coded(self, claims: Any) -> Any:
        return claims.join(self._table.lazy(), on=list(self.PARTS), how="left",
                           nulls_equal=True)

    def decoded(self, groups: Any) -> Any:
        pl = _pl()
        used = list(range(len(self.scopes)))
        order = sorted(used, key=lambda c: scope_order(self.scopes[c]))
        rank = {c: i for i, c in enumerate(order)}
        table = pl.DataFrame(
            {"group": used,
             "category": [self.scopes[c].category for c in used],
             "actor": [self.scopes[c].actor for c in used],
             "place": [self.scopes[c].place for c in used],
             "_order": [rank[c] for c in used]},
            schema={"group": pl.UInt32, "category": pl.Categorical, "actor": pl.Categorical,
                    "place": pl.Categorical, "_order": pl.UInt32})
        return (groups.join(table.lazy(), on="group", how="left")
                .sort("_summary_order", "_order").select(*RANGE_COLUMNS).collect())


def _supersede(claims: Any, everything: Any, scopes: _Scopes, vocabulary: Vocabulary) -> Any:
    """The claims no later claim of their own source replaced (``_supersede``): a claim ``c``
    goes when a claim ``d`` of the same source, event and predicate came after it (names it in
    ``revises``, or was published wholly after it) and replaces it (names it, states the same
    scope, or conflicts with it about a nested scope).

    Only a source's claims of which one was published before another began, or one names
    another, can replace one another: the claims one statement gives (one time) are never
    paired. ``claims`` is lazy, worked out twice rather than held twice."""
    pl = _pl()
    col = pl.col
    key = ["summary", "source"]
    # Candidates by a hash of the key (a collision only adds candidates; pairs are made on
    # the key itself): a source that spoke twice, one claim ending before another starts,
    # or one naming another.
    hashed = pl.struct(col("summary"), col("source").to_physical()).hash().alias("_key")
    keys = claims.group_by(hashed).agg(
        ((pl.len() > 1) & ((col("published_end").min() <= col("published_start").max())
                           | col("revises").is_not_null().any())).alias("_several")
    ).filter(col("_several")).select("_key")
    several = (claims.select(*key, "row", "scope", "value_low", "value_high",
                             "published_start", "published_end", "revises")
               .with_columns(hashed).join(keys, on="_key", how="semi").drop("_key").collect())
    done = ["row", "revises", "published_start", "published_end"]
    if not several.height:
        return claims.drop(*done).collect()
    sides = several.select(*key, "row", "scope", "value_low", "value_high", "published_start",
                           "published_end", "revises")
    named_any = sides["revises"].is_not_null().any()
    if named_any:
        ids = everything.select("id")[sides["row"]].with_columns(sides["row"])
        sides = sides.join(ids, on="row")
    else:
        sides = sides.drop("revises")
    codes = sides["scope"].unique().to_list()
    within = pl.DataFrame(
        [(a, b, vocabulary.scope_within(scopes.scopes[a], scopes.scopes[b]))
         for a in codes for b in codes],
        schema={"scope_d": pl.UInt32, "scope": pl.UInt32, "narrower": pl.Boolean},
        orient="row")
    broader = within.rename({"scope_d": "scope", "scope": "scope_d", "narrower": "broader"})
    named = col("revises_d").eq_missing(col("id")) if named_any else pl.lit(False)
    not_named = ~col("revises").eq_missing(col("id_d")) if named_any else pl.lit(True)
    before = named | (
        col("published_end").is_not_null() & col("published_start_d").is_not_null()
        & (col("published_end") <= col("published_start_d")) & not_named)
    replaces = (named | (col("scope_d") == col("scope"))
                | (col("narrower") & col("value_high").is_not_null()
                   & (col("value_low_d") > col("value_high")))
                | (~col("narrower") & col("broader") & col("value_high_d").is_not_null()
                   & (col("value_low") > col("value_high_d"))))
    lazy = sides.lazy()
    gone = (lazy.join(lazy, on=key, suffix="_d").filter(col("row") != col("row_d"))
            .join(within.lazy(), on=["scope_d", "scope"])
            .join(broader.lazy(), on=["scope", "scope_d"])
            .filter(before & replaces).select("row").unique().collect())
    return claims.join(gone.lazy(), on="row", how="anti").drop(*done).collect()


def _expand(claims: Any, scopes: _Scopes, context: Context) -> Any:
    """Each claim once for every group its scope bears on, with how it bears (``reach``: 0
    direct, 1 account, 2 part, 3 broader) and whether it is its source's whole account
    (``complete``); only the columns the rules read."""
    pl = _pl()
    col = pl.col
    pairs = claims.filter(col("coverage").is_null()).select("source", "scope").unique()
    own = [_own(context, source, scopes.scopes[scope].actor)
           for source, scope in pairs.iter_rows()]
    own_table = pairs.with_columns(pl.Series("_own", own, dtype=pl.Boolean))
    claims = claims.join(own_table, on=["source", "scope"], how="left")
    complete = pl.when(col("coverage").is_null()).then(col("_own")).otherwise(
        col("coverage") == "complete").fill_null(False)
    slim = claims.select(
        "summary", "scope", "statement", "value_low", "value_high", "least", "most",
        "more_than", complete.alias("complete"))
    if len(scopes.scopes) <= _SET_BITS:  # a set of scopes as the bits of one number
        count = len(scopes.scopes)
        plan_key = col("scope").replace_strict(list(range(count)),
                                               [1 << c for c in range(count)],
                                               return_dtype=pl.UInt64)
        sets = slim.group_by("summary").agg(plan_key.unique().sum().alias("plan"))
        distinct = sets["plan"].unique().to_list()
        stated_sets = {key: frozenset(scopes.scopes[c] for c in range(64) if key >> c & 1)
                       for key in distinct}
        plan_type = pl.UInt64
    else:
        sets = slim.group_by("summary").agg(
            col("scope").unique().sort().cast(pl.String).str.join(",").alias("plan"))
        distinct = sets["plan"].unique().to_list()
        stated_sets = {key: frozenset(scopes.scopes[int(c)] for c in key.split(","))
                       for key in distinct}
        plan_type = pl.String
    reaches = {"direct": 0, "account": 1, "part": 2, "broader": 3}
    rows = [(key, scopes.code(group), scopes.code(scope), reaches[reach.value])
            for key, stated in stated_sets.items()
            for group, roles in context.plan(stated) for scope, reach in roles]
    table = pl.DataFrame(rows, schema={"plan": plan_type, "group": pl.UInt32,
                                       "scope": pl.UInt32, "reach": pl.UInt8}, orient="row")
    return slim.join(sets, on="summary").join(table, on=["plan", "scope"]).drop("plan")


def _own(context: Context, source: str, actor: str | None) -> bool:
    """Whether a source counting ``actor`` counts its own party (``Context.complete``)."""
    affiliation = context.affiliation(source)
    return (actor is not None and affiliation is not None
            and context.vocabulary.actor_within(actor, affiliation))


_TOP = 2**60
"""Figures below this are packed with two flags into one 64-bit number for the group-by."""


def _aggregate(rows: Any, scopes: _Scopes, vocabulary: Vocabulary) -> Any:
    pl = _pl()
    col = pl.col
    reach = col("reach")
    figure = (reach == 0) | ((reach == 1) & col("complete"))
    part = (reach == 2) | ((reach == 1) & ~col("complete"))
    broader = reach == 3
    rows = rows.with_columns(part.alias("_part"))
    open_high = col("value_high").is_null()
    if rows.height and (rows["most"].max() or 0) >= _TOP:  # pragma: no cover - vast figures
        top = col("most").filter(figure).max()
        at_top = figure & (col("most") == top)
        packed = [top.alias("high"), open_high.filter(at_top).any().alias("high_open"),
                  col("more_than").filter(at_top).any().alias("high_more_than")]
    else:  # the largest figure, whether one at it is open, whether one says "more than"
        rows = rows.with_columns(pl.when(figure).then(
            col("most") * 4 + open_high.cast(pl.Int64) * 2 + col("more_than").cast(pl.Int64))
            .alias("_packed"))
        packed = [col("_packed").max()]
    groups = rows.lazy().with_columns(
        pl.when(broader | (reach == 0)).then(col("value_high")).alias("_ceiling"),
        pl.when(~broader).then(col("value_low")).alias("_floor"),
        pl.when(figure).then(col("least")).alias("_low"),
        pl.when(col("_part")).then(col("least")).alias("_part_least"),
    ).group_by("summary", "group").agg(
        col("_ceiling").min().alias("ceiling"),
        col("_floor").max().alias("floor"),
        col("_low").min().alias("low"),
        col("_part_least").max().alias("part"),
        *packed,
    ).collect()
    if "_packed" in groups.columns:
        groups = groups.with_columns(
            (col("_packed") // 4).alias("high"),
            ((col("_packed") // 2) % 2 == 1).alias("high_open"),
            (col("_packed") % 2 == 1).alias("high_more_than"),
        ).drop("_packed")
    summed = _sums_of_parts(rows.filter(col("_part")), scopes, vocabulary)
    if summed is not None:
        groups = groups.join(summed, on=["summary", "group"], how="left").with_columns(
            pl.max_horizontal("floor", "summed").alias("floor"),
            pl.max_horizontal("part", "summed").alias("part"),
        ).drop("summed")
    only_parts = col("low").is_null()
    groups = groups.filter(~only_parts | (col("part") > 0)).with_columns(
        pl.when(only_parts).then(col("part")).otherwise(col("low")).alias("low"),
        pl.when(only_parts).then(col("part")).otherwise(col("high")).alias("high"),
        (only_parts | col("high_open")).alias("high_open"),
        (~only_parts & col("high_more_than")).alias("high_more_than"),
    )
    contradicted = col("ceiling").is_not_null() & (col("floor") > col("ceiling"))
    return groups.with_columns(
        contradicted.alias("contradicted"),
        pl.when(contradicted).then(None).otherwise(col("floor")).alias("feasible_low"),
        pl.when(contradicted).then(None).otherwise(col("ceiling")).alias("feasible_high"),
    )


def _sums_of_parts(parts: Any, scopes: _Scopes, vocabulary: Vocabulary) -> Any:
    """For each group, the largest sum of the parts one statement gives on different branches
    of the hierarchy (``_sum_of_parts``); None when no statement gives two parts."""
    pl = _pl()
    col = pl.col
    statement = ["summary", "group", "statement"]
    if not parts.height:
        return None
    width = int(parts["scope"].max()) + 1
    if width > _SET_BITS:
        return _sums_of_parts_by_text(parts, scopes, vocabulary)
    bit = col("scope").replace_strict(list(range(width)), [1 << c for c in range(width)],
                                      return_dtype=pl.UInt64)
    each = parts.group_by(*statement, "scope").agg(
        pl.len().alias("_n"), col("value_low").first()).with_columns(bit.alias("_bit"))
    each = each.with_columns(pl.when(col("_n") > 1).then(col("_bit")).otherwise(0)
                             .alias("_twice"))
    sets = each.group_by(statement).agg(
        col("_bit").sum().alias("_set"), col("_twice").sum(), col("_n").sum()
    ).filter(col("_n") > 1)
    if not sets.height:
        return None
    tops = []
    for stated, twice in sets.select("_set", "_twice").unique().iter_rows():
        codes = [c for c in range(width) if stated >> c & 1]
        codes += [c for c in range(width) if twice >> c & 1]
        top = _top_parts(codes, scopes, vocabulary)
        if top:
            tops.append((stated, twice, sum(1 << c for c in top)))
    if not tops:
        return None
    table = pl.DataFrame(tops, schema={"_set": pl.UInt64, "_twice": pl.UInt64,
                                       "_tops": pl.UInt64}, orient="row")
    chosen = sets.join(table, on=["_set", "_twice"]).select(*statement, "_tops")
    sums = (each.join(chosen, on=statement).filter((col("_bit") & col("_tops")) != 0)
            .group_by(statement).agg(col("value_low").sum().alias("summed")))
    return sums.group_by("summary", "group").agg(col("summed").max())


def _sums_of_parts_by_text(parts: Any, scopes: _Scopes, vocabulary: Vocabulary) -> Any:
    """For each group, the largest sum of the parts one statement gives on different branches
    of the hierarchy (``_sum_of_parts``); None when no statement gives two parts."""
    pl = _pl()
    col = pl.col
    statement = ["summary", "group", "statement"]
    several = parts.filter(pl.len().over(statement) > 1)
    if not several.height:
        return None
    keys = several.group_by(statement).agg(
        col("scope").sort().cast(pl.String).str.join(",").alias("_set"))
    tops = []
    for text in keys["_set"].unique().to_list():
        for code in _top_parts([int(c) for c in text.split(",")], scopes, vocabulary):
            tops.append((text, code))
    if not tops:
        return None
    table = pl.DataFrame(tops, schema={"_set": pl.String, "scope": pl.UInt32}, orient="row")
    sums = (several.join(keys, on=statement).join(table, on=["_set", "scope"])
            .group_by(statement).agg(col("value_low").sum().alias("summed")))
    return sums.group_by("summary", "group").agg(col("summed").max())


def _top_parts(codes: list[int], scopes: _Scopes, vocabulary: Vocabulary) -> list[int]:
    """The scopes whose parts add up, for one statement's parts of one group (with repeats),
    or none when they do not add up (``_sum_of_parts``)."""
    stated = [scopes.scopes[c] for c in codes]
    distinct = set(stated)
    within = vocabulary.scope_within
    top = [s for s in stated if not any(o != s and within(s, o) for o in distinct)]
    disjoint = vocabulary.scopes_disjoint
    if any(not disjoint(a, b) for i, a in enumerate(top) for b in top[i + 1:]):
        return []
    if len(set(top)) != len(top):
        return []
    return [scopes.code(s) for s in top]
