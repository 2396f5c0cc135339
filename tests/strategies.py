"""Hypothesis strategies for every public value type of ``claims``.

A new field goes into its strategy the same day it goes into the model.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
from hypothesis import strategies as st

import claims as c

ids = st.from_regex(r"[a-z0-9][a-z0-9_.:-]{0,11}", fullmatch=True)
texts = st.text(min_size=1, max_size=30).filter(lambda s: s.strip() != "")
optional_texts = st.none() | texts
external_ids = st.lists(
    st.builds(lambda scheme, ident: f"{scheme}:{ident}",
              st.sampled_from(["ucdp-ged", "acled", "wikidata", "airwars.inc"]),
              st.from_regex(r"[A-Za-z0-9][A-Za-z0-9_ .:-]{0,10}[A-Za-z0-9]", fullmatch=True)),
    max_size=2).map(tuple)


@st.composite
def counts(draw: st.DrawFn, most: int = 10_000) -> c.Count:
    """Counts of every bound kind, with or without their wording; figures up to ``most``
    (the high end of a range up to twice that)."""
    Bound = c.model.Bound
    bound = draw(st.sampled_from(Bound))
    low = draw(st.integers(min_value=0, max_value=most))
    wording = draw(optional_texts)
    if bound is Bound.EXACT:
        return c.Count.exact(low, wording)
    if bound is Bound.AT_LEAST:
        return c.Count.at_least(low, wording)
    if bound is Bound.AT_MOST:
        return c.Count.at_most(low, wording)
    if bound is Bound.MORE_THAN:
        return c.Count.more_than(low, wording)
    if bound is Bound.FEWER_THAN:
        return c.Count.fewer_than(max(low, 1), wording)
    high = draw(st.integers(min_value=low, max_value=low + most))
    if bound is Bound.BETWEEN:
        return c.Count.between(low, high, wording)
    if bound is Bound.APPROXIMATELY:
        return c.Count.approximately(draw(st.integers(low, high)), low, high, wording)
    return c.Count.vague(draw(texts), low, draw(st.none() | st.just(high)))


zones = st.builds(
    dt.timezone, st.integers(min_value=-14 * 60, max_value=14 * 60).map(
        lambda m: dt.timedelta(minutes=m))
)


@st.composite
def time_spans(draw: st.DrawFn) -> c.TimeSpan:
    """Zone-aware spans of any precision, in fixed-offset zones."""
    zone = draw(zones)
    start = draw(st.datetimes(min_value=dt.datetime(1900, 1, 1),
                              max_value=dt.datetime(2100, 1, 1))).replace(tzinfo=zone)
    length = draw(st.integers(min_value=1, max_value=10**9))
    end_zone = draw(zones)
    end = (start + dt.timedelta(milliseconds=length)).astimezone(end_zone)
    return c.TimeSpan(start, end, draw(st.sampled_from(c.model.Precision)), draw(optional_texts))


def references(cls: Any, pool: list[str]) -> st.SearchStrategy[Any]:
    return st.builds(cls, st.sampled_from(pool), optional_texts)


terms = st.builds(c.Term, ids, optional_texts)
actor_refs = st.builds(c.ActorRef, ids, optional_texts)
place_refs = st.builds(c.PlaceRef, ids, optional_texts)
text_values = st.builds(c.Text, texts)
values = st.one_of(counts(), terms, actor_refs, place_refs, time_spans(), text_values)
hedges = st.none() | st.sampled_from(c.Hedge)
coverages = st.none() | st.sampled_from(c.model.Coverage)
scopes = st.builds(c.Scope, st.none() | ids, st.none() | ids, st.none() | ids)
relays = st.builds(c.Relay, outlet=ids, url=optional_texts,
                   published=st.none() | time_spans(), quote=optional_texts,
                   title=optional_texts)


@st.composite
def _provenances(draw: st.DrawFn) -> c.Provenance:
    """Provenances whose relays are other outlets than the source."""
    source = draw(ids)
    return c.Provenance(
        source=source, quote=draw(texts), published=draw(st.none() | time_spans()),
        url=draw(optional_texts), language=draw(st.none() | st.sampled_from(["en", "ar", "fr"])),
        relays=tuple(draw(st.lists(relays.filter(lambda r: r.outlet != source), max_size=2))),
        title=draw(optional_texts),
    )


provenances = _provenances()
sources = st.builds(
    c.Source, id=ids, name=texts, kind=st.sampled_from(c.model.BUILTIN_SOURCE_KINDS),
    aliases=st.lists(texts, max_size=2).map(tuple), affiliation=st.none() | ids,
    reliability=st.none() | st.sampled_from(c.Reliability),
)
event_links = st.builds(c.model.EventLink, ids, ids)
events = st.builds(c.Event, id=ids, title=texts, time=st.none() | time_spans(),
                   place=st.none() | ids, links=st.lists(event_links, max_size=2).map(tuple),
                   external_ids=external_ids)


@st.composite
def claims(draw: st.DrawFn, value: st.SearchStrategy[c.model.Value] = values) -> c.Claim:
    """Claims of every status (references are not checked against a dossier here)."""
    status = draw(st.sampled_from(c.Status))
    ident = draw(ids)
    return c.Claim(
        id=ident, event=draw(ids), predicate=draw(ids), provenance=draw(provenances),
        value=None if status is c.Status.NOT_DISCLOSED else draw(value),
        scope=draw(scopes), hedge=draw(hedges), status=status, note=draw(optional_texts),
        coverage=draw(coverages), revises=draw(st.none() | ids.filter(lambda i: i != ident)),
        interested=draw(st.none() | st.booleans()), external_ids=draw(external_ids),
    )


@st.composite
def hierarchies(draw: st.DrawFn, prefix: str, size: int) -> list[tuple[str, str | None]]:
    """Ids with parents drawn among the ids before them, so there is never a cycle."""
    pairs: list[tuple[str, str | None]] = []
    for index in range(size):
        parent = draw(st.none() | st.sampled_from([p for p, _ in pairs])) if pairs else None
        pairs.append((f"{prefix}{index}", parent))
    return pairs


@st.composite
def vocabularies(draw: st.DrawFn) -> c.Vocabulary:
    """Valid vocabularies: acyclic hierarchies, exclusions between unrelated categories."""
    cats = draw(hierarchies("cat", draw(st.integers(1, 6))))
    categories = tuple(
        c.Category(i, draw(texts), draw(optional_texts), p, summary=draw(st.booleans()))
        for i, p in cats
    )
    roots = [i for i, p in cats if p is None]
    exclusions = ((c.model.Exclusion(tuple(roots[:2]), draw(optional_texts)),)
                  if len(roots) > 1 else ())
    actors = tuple(c.Actor(i, draw(texts), parent=p)
                   for i, p in draw(hierarchies("actor", draw(st.integers(1, 4)))))
    places = tuple(c.Place(i, draw(texts), within=p)
                   for i, p in draw(hierarchies("place", draw(st.integers(1, 4)))))
    predicates = (c.Predicate("displaced", "displaced", c.model.ValueKind.COUNT),)
    return c.Vocabulary(categories, actors, places, exclusions, predicates, ("blog",))


@st.composite
def dossiers(draw: st.DrawFn, max_claims: int = 8) -> c.Dossier:
    """Whole valid dossiers whose every reference resolves."""
    vocabulary = draw(vocabularies())
    cat_ids = [x.id for x in vocabulary.categories]
    actor_ids = [x.id for x in vocabulary.actors]
    place_ids = [x.id for x in vocabulary.places]
    source_list = [
        c.Source(id=f"src{i}", name=draw(texts),
                 kind=draw(st.sampled_from([*c.model.BUILTIN_SOURCE_KINDS, "blog"])),
                 affiliation=draw(st.none() | st.sampled_from(actor_ids)),
                 reliability=draw(st.none() | st.sampled_from(c.Reliability)))
        for i in range(draw(st.integers(1, 3)))
    ]
    source_ids = [s.id for s in source_list]
    event_ids = [f"ev{i}" for i in range(draw(st.integers(1, 3)))]
    event_list = [
        c.Event(id=e, title=draw(texts), time=draw(st.none() | time_spans()),
                place=draw(st.none() | st.sampled_from(place_ids)),
                links=tuple(draw(st.lists(st.builds(c.model.EventLink, st.just("follows"),
                                                    st.sampled_from(event_ids)), max_size=1))),
                external_ids=draw(external_ids))
        for e in event_ids
    ]
    by_kind = {
        c.model.ValueKind.COUNT: counts(),
        c.model.ValueKind.TERM: references(c.Term, cat_ids),
        c.model.ValueKind.ACTOR: references(c.ActorRef, actor_ids),
        c.model.ValueKind.PLACE: references(c.PlaceRef, place_ids),
        c.model.ValueKind.TIME: time_spans(),
        c.model.ValueKind.TEXT: text_values,
    }
    predicate_pool = [*c.model.BUILTIN_PREDICATES, *vocabulary.predicates]
    claim_list = []
    for index in range(draw(st.integers(0, max_claims))):
        predicate = draw(st.sampled_from(predicate_pool))
        status = draw(st.sampled_from(c.Status))
        provenance = c.Provenance(
            source=draw(st.sampled_from(source_ids)), quote=draw(texts),
            published=draw(st.none() | time_spans()), title=draw(optional_texts),
            relays=(),
        )
        others = [s for s in source_ids if s != provenance.source]
        if others:
            provenance = attrs.evolve(provenance, relays=tuple(
                c.Relay(outlet=o) for o in draw(st.lists(st.sampled_from(others), max_size=2))))
        scope = c.Scope(draw(st.none() | st.sampled_from(cat_ids)),
                        draw(st.none() | st.sampled_from(actor_ids)),
                        draw(st.none() | st.sampled_from(place_ids)))
        claim_list.append(c.Claim(
            id=f"claim{index}", event=draw(st.sampled_from(event_ids)), predicate=predicate.id,
            provenance=provenance, scope=scope, hedge=draw(hedges), status=status,
            coverage=draw(coverages), external_ids=draw(external_ids),
            value=None if status is c.Status.NOT_DISCLOSED else draw(by_kind[predicate.value]),
        ))
    return c.Dossier(tuple(source_list), vocabulary, tuple(event_list), tuple(claim_list))


categories = st.builds(c.Category, ids, texts, optional_texts, st.none() | ids,
                       st.lists(texts, max_size=2).map(tuple), st.booleans())
actors = st.builds(c.Actor, ids, texts, st.lists(texts, max_size=2).map(tuple), st.none() | ids)
places = st.builds(c.Place, ids, texts, st.none() | ids, st.lists(texts, max_size=2).map(tuple))
exclusions = st.builds(c.model.Exclusion, st.lists(ids, min_size=2, max_size=3).map(tuple),
                       optional_texts)
predicates = st.builds(c.Predicate, ids, texts, st.sampled_from(c.model.ValueKind))

#: Every public value type with its strategy, for the round-trip property.
ALL: dict[type[Any], st.SearchStrategy[Any]] = {
    c.Count: counts(),
    c.TimeSpan: time_spans(),
    c.Term: terms,
    c.ActorRef: actor_refs,
    c.PlaceRef: place_refs,
    c.Text: text_values,
    c.Scope: scopes,
    c.Relay: relays,
    c.Provenance: provenances,
    c.Source: sources,
    c.model.EventLink: event_links,
    c.Event: events,
    c.Claim: claims(),
    c.Category: categories,
    c.Actor: actors,
    c.Place: places,
    c.model.Exclusion: exclusions,
    c.Predicate: predicates,
    c.Vocabulary: vocabularies(),
    c.Dossier: dossiers(),
}


# -- claim sets for the reconciler's algebra ------------------------------------------------

RECONCILE_VOCABULARY = c.Vocabulary(
    categories=(
        c.Category("person", "person", "people"),
        c.Category("civilian", "civilian", parent="person", summary=True),
        c.Category("child", "child", "children", parent="civilian"),
        c.Category("militiaman", "militiaman", "militiamen", parent="person", summary=True),
        c.Category("site", "site"),
        c.Category("civilian-site", "civilian site", parent="site"),
        c.Category("home", "home", parent="civilian-site"),
        c.Category("military-site", "military site", parent="site"),
    ),
    actors=(c.Actor("alliance", "Alliance"), c.Actor("faction", "Faction", parent="alliance"),
            c.Actor("state", "State")),
    places=(c.Place("country", "Country"), c.Place("town", "Town", within="country"),
            c.Place("village", "Village", within="country")),
    exclusions=(c.model.Exclusion(("civilian-site", "military-site")),),
)
RECONCILE_SOURCES = (
    c.Source(id="gov", name="Government", kind="government", affiliation="state"),
    c.Source(id="army", name="Army", kind="military", affiliation="state"),
    c.Source(id="monitor", name="Monitor", kind="monitoring_group"),
    c.Source(id="militia", name="Militia", kind="armed_group", affiliation="faction"),
    c.Source(id="agency", name="Agency", kind="news_agency"),
)
_SCOPES = [c.Scope(), c.Scope("person"), c.Scope("civilian"), c.Scope("child"),
           c.Scope("militiaman"), c.Scope("militiaman", "alliance"),
           c.Scope("militiaman", "faction"), c.Scope("civilian", place="town")]
_FACT_VALUES: dict[str, st.SearchStrategy[c.model.Value]] = {
    "target": st.sampled_from([c.Term(i) for i in ("site", "civilian-site", "home",
                                                   "military-site")]),
    "perpetrator": st.sampled_from([c.ActorRef(i) for i in ("alliance", "faction", "state")]),
    "place": st.sampled_from([c.PlaceRef(i) for i in ("country", "town", "village")]),
    "time": st.builds(
        lambda day, hours: c.TimeSpan(
            dt.datetime(2021, 6, day, tzinfo=dt.UTC),
            dt.datetime(2021, 6, day, tzinfo=dt.UTC) + dt.timedelta(hours=hours),
            c.model.Precision.PART_OF_DAY),
        st.integers(27, 29), st.integers(1, 30)),
}
_small_counts = counts(most=60)


@st.composite
def reconcilable_claims(draw: st.DrawFn, max_size: int = 14) -> list[c.Claim]:
    """Claims about two events under :data:`RECONCILE_VOCABULARY`, with overlapping scopes,
    small figures (so that ranges meet and part), relays, revisions, hedges and non-claims."""
    found: list[c.Claim] = []
    for index in range(draw(st.integers(0, max_size))):
        predicate = draw(st.sampled_from(["killed", "killed", "injured", *_FACT_VALUES]))
        status = draw(st.sampled_from([c.Status.ASSERTED] * 6 + [c.Status.NOT_DISCLOSED,
                                                                  c.Status.DENIED]))
        if status is c.Status.NOT_DISCLOSED:
            value = None
        elif predicate in _FACT_VALUES:
            value = draw(_FACT_VALUES[predicate])
        else:
            value = draw(_small_counts)
        published = draw(st.none() | st.integers(26, 30).map(
            lambda d: c.TimeSpan.on(dt.date(2021, 6, d), dt.UTC)))
        event = draw(st.sampled_from(["e1", "e1", "e2"]))
        source = draw(st.just("monitor") | st.sampled_from([s.id for s in RECONCILE_SOURCES]))
        earlier = [f.id for f in found
                   if (f.event, f.predicate, f.source) == (event, predicate, source)]
        found.append(c.Claim(
            id=f"c{index}", event=event,
            predicate=predicate, value=value, status=status, hedge=draw(hedges),
            scope=draw(st.sampled_from(_SCOPES[:2]) | st.sampled_from(_SCOPES))
            if predicate in ("killed", "injured") else c.Scope(),
            provenance=c.Provenance(source=source, quote=draw(st.sampled_from(_QUOTES)),
                                    published=published),
            coverage=draw(coverages),
            revises=draw(st.none() | st.sampled_from(earlier)) if earlier else None,
        ))
    return found


_QUOTES = ["generated", "generated", "another statement"]
"""Few quotes, so that one statement often gives several figures (parts that add up)."""
