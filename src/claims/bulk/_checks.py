"""Which rows of a flat claims frame the columnar checks pass, and which must be judged one by
one by the library's own reader.

The checks here decide only *clean* or *suspect*. A suspect row is read again by the reader
that :func:`claims.load` uses, which accepts it or reports its problems with their places, so
the messages are the reader's own. What the checks must never do is call clean a row the
reader would refuse: each rule of the model and of the references is mirrored below, and
anything unusual (a string holding a control character, a time in a form other than the one
the library writes) is simply suspect. ``tests/test_bulk.py`` holds the two to the same
verdicts over mangled claims.
"""

from __future__ import annotations

from typing import Any

from claims.model import (
    BUILTIN_PREDICATES,
    Bound,
    Coverage,
    Hedge,
    Precision,
    Status,
    ValueKind,
    Vocabulary,
)

SLUG = r"^[a-z0-9][a-z0-9_.:-]*$"
EXTERNAL_ID = r"^[a-z0-9][a-z0-9_.-]*:[^\s\x00-\x1f\x7f-\x9f](?:[^\r\n\x00-\x1f\x7f-\x9f]*[^\s\x00-\x1f\x7f-\x9f])?$"  # noqa: E501
ISO_TIME = (r"^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d"
            r"(?:\.\d{6})?[+-](?:[01]\d|2[0-3]):[0-5]\d$")
"""The form the library writes times in; any other (valid or not) is left to the reader."""
TIME_FORMAT = "%Y-%m-%dT%H:%M:%S%.f%:z"
_ODD = r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff]"
"""Characters whose reading by the model (``str.isspace``) a columnar check would not mirror
exactly: a string holding one is judged by the reader."""

BOUNDS = [b.value for b in Bound]
HEDGES = [h.value for h in Hedge]
STATUSES = [s.value for s in Status]
COVERAGES = [c.value for c in Coverage]
PRECISIONS = [p.value for p in Precision]


def _pl() -> Any:
    import polars

    return polars


def slug(column: Any) -> Any:
    """True where ``column`` is a slug."""
    return column.str.contains(SLUG)


def text(column: Any) -> Any:
    """True where ``column`` is non-blank text with no character the reader would judge apart."""
    return column.str.contains(r"\S") & ~column.str.contains(_ODD)


def optional(column: Any, check: Any) -> Any:
    return column.is_null() | check


def time_ok(start: Any, end: Any, precision: Any, wording: Any) -> Any:
    """A time (null, or a span the library would write) whose ``end`` is after its ``start``.
    """
    pl = _pl()
    parsed_start = start.str.to_datetime(TIME_FORMAT, strict=False, time_zone="UTC")
    parsed_end = end.str.to_datetime(TIME_FORMAT, strict=False, time_zone="UTC")
    span = (start.str.contains(ISO_TIME) & end.str.contains(ISO_TIME)
            & (parsed_end > parsed_start)
            & optional(precision, precision.is_in(PRECISIONS))
            & optional(wording, text(wording)))
    absent = start.is_null() & end.is_null() & precision.is_null() & wording.is_null()
    return absent | pl.coalesce(span, pl.lit(False))


def clean_rows(vocabulary: Vocabulary, sources: set[str]) -> Any:
    """A boolean expression: the rows of a flat claims frame (the columns of
    ``claims.io.CLAIM_COLUMNS``, relays aside) that the reader would accept as they are. Built
    once for a file and used on each of its chunks.

    Relays are checked apart (:func:`clean_relays`), and events apart too
    (``claims.bulk._read.vouched``: the few thousand a chunk names, against the head's set): a
    list of a hundred thousand events made a series again for every chunk would cost more than
    the rest of the checks."""
    pl = _pl()
    col = pl.col
    kinds = {p.id: p.value.value for p in BUILTIN_PREDICATES}
    kinds.update({p.id: p.value.value for p in vocabulary.predicates})
    def ids(values: Any) -> Any:  # built once: a list would be made a series on every use
        return pl.Series(sorted(values), dtype=pl.String).implode()

    categories = ids(c.id for c in vocabulary.categories)
    actors = ids(a.id for a in vocabulary.actors)
    places = ids(p.id for p in vocabulary.places)
    low, high, best, bound = (col("value_low"), col("value_high"), col("value_best"),
                              col("value_bound").fill_null("exact"))
    count = (
        (col("value_type") == ValueKind.COUNT.value)
        & low.is_not_null() & (low >= 0)
        & optional(high, high >= low)
        & optional(best, (best >= low) & (high.is_null() | (best <= high)))
        & col("value_bound").is_null().or_(col("value_bound").is_in(BOUNDS))
        & optional(col("value_wording"), text(col("value_wording")))
        & col("value_id").is_null() & col("value_text").is_null()
        & col("value_start").is_null() & col("value_end").is_null()
        & col("value_precision").is_null()
        & pl.when(bound == "exact").then(high == low)
        .when(bound.is_in(["at_least"])).then(high.is_null())
        .when(bound == "more_than").then(high.is_null() & (low >= 1))
        .when(bound.is_in(["at_most", "fewer_than"])).then(high.is_not_null() & (low == 0))
        .when(bound == "between").then(high.is_not_null())
        .when(bound == "approximately").then(high.is_not_null() & best.is_not_null())
        .when(bound == "vague").then(col("value_wording").is_not_null())
        .otherwise(False)
    )
    no_count = (low.is_null() & high.is_null() & best.is_null() & col("value_bound").is_null())
    no_reference = col("value_id").is_null()
    no_time = (col("value_start").is_null() & col("value_end").is_null()
               & col("value_precision").is_null())
    reference = (
        col("value_type").is_in(["term", "actor", "place"]) & no_count & no_time
        & slug(col("value_id")) & col("value_text").is_null()
        & optional(col("value_wording"), text(col("value_wording")))
        & pl.when(col("value_type") == "term").then(col("value_id").is_in(categories))
        .when(col("value_type") == "actor").then(col("value_id").is_in(actors))
        .otherwise(col("value_id").is_in(places))
    )
    time = (
        (col("value_type") == "time") & no_count & no_reference & col("value_text").is_null()
        & col("value_start").is_not_null()
        & time_ok(col("value_start"), col("value_end"), col("value_precision"),
                  col("value_wording"))
    )
    plain = ((col("value_type") == "text") & no_count & no_reference & no_time
             & col("value_wording").is_null() & text(col("value_text")))
    status = col("status").fill_null("asserted")
    value = pl.when(status == "not_disclosed").then(
        col("value_type").is_null() & no_count & no_reference & no_time
        & col("value_text").is_null() & col("value_wording").is_null()
    ).otherwise(
        (count | reference | time | plain)
        & (col("value_type") == col("predicate").replace_strict(kinds, default=None))
    )
    scope = (optional(col("scope_category"), col("scope_category").is_in(categories))
             & optional(col("scope_actor"), col("scope_actor").is_in(actors))
             & optional(col("scope_place"), col("scope_place").is_in(places)))
    external = col("external_ids").list.eval(
        pl.element().str.contains(EXTERNAL_ID)).list.all()
    # Ids the head declares are slugs already: being among them is the whole check.
    checks = [
        slug(col("id")), col("event").is_not_null(),
        col("predicate").is_in(ids(kinds)),
        col("source").is_in(ids(sources)), text(col("quote")),
        optional(col("url"), text(col("url"))),
        optional(col("language"), text(col("language"))),
        optional(col("title"), text(col("title"))),
        time_ok(col("published_start"), col("published_end"), col("published_precision"),
                col("published_wording")),
        optional(col("hedge"), col("hedge").is_in(HEDGES)),
        optional(col("status"), col("status").is_in(STATUSES)),
        optional(col("coverage"), col("coverage").is_in(COVERAGES)),
        optional(col("note"), text(col("note"))),
        optional(col("revises"), slug(col("revises")) & (col("revises") != col("id"))),
        col("external_ids").is_null() | external.fill_null(True),
        scope, value,
    ]
    clean = checks[0]
    for check in checks[1:]:
        clean = clean & check
    return pl.coalesce(clean, pl.lit(False))


def clean_relays(sources: set[str]) -> Any:
    """A boolean expression over exploded relays (columns ``outlet``, ``url``, ``quote``,
    ``title``, ``published_*`` and the claim's ``source``): the relays the reader accepts.
    Built once for a file."""
    pl = _pl()
    col = pl.col
    known = pl.Series(sorted(sources), dtype=pl.String)
    clean = (slug(col("outlet")) & col("outlet").is_in(known.implode())
             & (col("outlet") != col("source"))
             & optional(col("url"), text(col("url")))
             & optional(col("quote"), text(col("quote")))
             & optional(col("title"), text(col("title")))
             & time_ok(col("published_start"), col("published_end"),
                       col("published_precision"), col("published_wording")))
    return pl.coalesce(clean, pl.lit(False))
