"""What the importers share: a dossier being grown from a dataset's records, with names
resolved against what it knows (places, actors, sources) and new terms added only where
nothing known matches."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Mapping

from claims.errors import DossierError, Problem, ValidationError
from claims.model import (
    Actor,
    Category,
    Claim,
    Dossier,
    Event,
    Place,
    Precision,
    Provenance,
    Relay,
    Source,
    TimeSpan,
    Vocabulary,
    VocabularyItem,
    fold_name,
)

DATASET = "dataset"
"""The source kind of a dataset that relays (or codes) what others said."""


def start(into: Dossier | None, vocabulary: Vocabulary | None) -> Dossier:
    """The dossier records are added to: ``into``, or an empty one with ``vocabulary``."""
    if into is not None and vocabulary is not None:
        raise ValidationError("give 'into' (a dossier) or 'vocabulary', not both")
    return into if into is not None else Dossier(vocabulary=vocabulary or Vocabulary())


def slug(text: str) -> str:
    """A slug made from a name: accents dropped, lowercase, runs of anything else a hyphen."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    made = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")
    return made or "x"


def span(first: dt.date, last: dt.date, zone: dt.tzinfo, precision: Precision,
         wording: str) -> TimeSpan:
    """The calendar days ``first`` to ``last`` in ``zone``."""
    start = dt.datetime(first.year, first.month, first.day, tzinfo=zone)
    end = dt.datetime(last.year, last.month, last.day, tzinfo=zone) + dt.timedelta(days=1)
    return TimeSpan(start, end, precision, wording)


class Collector:
    """A dossier grown from records: ``into``'s sources, vocabulary, events and claims, and
    what the records add. Names resolve ignoring case, accents and punctuation (as the
    vocabulary resolves actors); an unknown name becomes a new term, so a dataset's
    spelling can be mapped to a dossier's by adding it as an alias beforehand."""

    def __init__(self, into: Dossier, dataset: Source, problems: list[Problem]) -> None:
        self.into = into
        self.problems = problems
        self.vocabulary = into.vocabulary
        self._terms: list[VocabularyItem] = []
        self._sources: dict[str, Source] = {s.id: s for s in into.sources}
        self._new_sources: list[Source] = []
        self._events: dict[str, Event] = {}
        self.claims: list[Claim] = []
        self.claim_ids = {c.id for c in into.claims}
        self._by_external = {i: e.id for e in into.events for i in e.external_ids}
        if not self.vocabulary.has("source_kinds", dataset.kind):
            self._term(dataset.kind)
        self.dataset = self._source(dataset)

    # -- terms ----------------------------------------------------------------------------

    def _term(self, item: VocabularyItem) -> None:
        self._terms.append(item)
        self.vocabulary = self.vocabulary.add(item)

    def category(self, ident: str, label: str, plural: str | None = None) -> str:
        """A category for counted people: the vocabulary's own, or a new summary category
        within ``person`` (added too when missing)."""
        if not self.vocabulary.has("categories", ident):
            if not self.vocabulary.has("categories", "person"):
                self._term(Category("person", "person", "people"))
            self._term(Category(ident, label, plural, "person", summary=True))
        return ident

    def actor(self, name: str) -> str:
        """The actor with this name or alias, or a new one."""
        for actor in self.vocabulary.actors:
            if fold_name(name) in {fold_name(n) for n in (actor.id, actor.name, *actor.aliases)}:
                return actor.id
        ident = self._free(slug(name), "actors")
        self._term(Actor(ident, name))
        return ident

    def place(self, name: str, within: str | None, country: str | None) -> str:
        """The place with this name or alias (within ``country`` when one is known), or a
        new one within ``within``."""
        folded = fold_name(name)
        for place in self.vocabulary.places:
            if folded in {fold_name(n) for n in (place.name, *place.aliases)} and (
                    country is None or self.vocabulary.place_within(place.id, country)):
                return place.id
        base = slug(name)
        if within is not None and self.vocabulary.has("places", base):
            base = f"{base}-{within}"
        ident = self._free(base, "places")
        self._term(Place(ident, name, within=within))
        return ident

    def _free(self, base: str, section: str) -> str:
        ident, number = base, 1
        while self.vocabulary.has(section, ident):
            number += 1
            ident = f"{base}-{number}"
        return ident

    # -- sources --------------------------------------------------------------------------

    def _source(self, source: Source) -> str:
        if source.id in self._sources:
            return source.id
        self._sources[source.id] = source
        self._new_sources.append(source)
        return source.id

    def source(self, name: str) -> str:
        """The source with this name or alias (or id), or a new one of kind ``other``."""
        folded = fold_name(name)
        for source in self._sources.values():
            if folded in {fold_name(n) for n in (source.id, source.name, *source.aliases)}:
                return source.id
        ident, number = slug(name), 1
        while f"{ident}{'' if number == 1 else f'-{number}'}" in self._sources:
            number += 1
        return self._source(Source(id=ident if number == 1 else f"{ident}-{number}",
                                   name=name, kind="other"))

    # -- events and claims ----------------------------------------------------------------

    def event(self, external: tuple[str, ...], make: Mapping[str, object]) -> str:
        """The event that carries one of the record's external ids, or a new one made from
        ``make`` (Event's fields)."""
        for ident in external:
            known = self._by_external.get(ident)
            if known is not None:
                return known
        event = Event(**make)  # type: ignore[arg-type]  # the fields by name
        self._events[event.id] = event
        for ident in event.external_ids:
            self._by_external[ident] = event.id
        return event.id

    def claim(self, row: int, **fields: object) -> None:
        """Add a claim; an id the dossier already holds (a record read twice) is a problem
        of the row."""
        ident = str(fields["id"])
        if ident in self.claim_ids:
            self.problems.append(Problem(f"row {row}: $", f"claim {ident!r} is already in "
                                                          "the dossier (a record read twice)"))
            return
        self.claim_ids.add(ident)
        self.claims.append(Claim(**fields))  # type: ignore[arg-type]  # the fields by name

    def provenance(self, originals: list[str], relays: list[Relay], quote: str,
                   note_parts: list[str]) -> tuple[Provenance, list[str]]:
        """Who said it: the one original source the record names, relayed through its
        outlets and the dataset; or, when it names none or several, the dataset itself
        (its own coding of several reports), the originals then named in the note."""
        if len(originals) == 1:
            source = self.source(originals[0])
            # An outlet that is the original source itself (UCDP's source_office and
            # source_original both "Reuters") reported its own statement: no relay.
            chain = [r for r in (*relays, Relay(outlet=self.dataset)) if r.outlet != source]
            return Provenance(source=source, quote=quote, relays=chain), note_parts
        named = [f"original sources: {'; '.join(originals)}"] if originals else [
            "the record names no original source"]
        outlets = [f"outlets: {'; '.join(self._sources[r.outlet].name for r in relays)}"
                   ] if relays else []
        return Provenance(source=self.dataset, quote=quote), [*named, *outlets, *note_parts]

    def dossier(self, path: str) -> Dossier:
        """``into`` with everything the records added, checked as a whole.

        Raises:
            DossierError: listing every problem found in the records.
        """
        if self.problems:
            raise DossierError(self.problems, path)
        try:
            return self.into.add(*self._terms, *self._new_sources, *self._events.values(),
                                 *self.claims)
        except DossierError as exc:
            raise DossierError(exc.problems, path) from exc
