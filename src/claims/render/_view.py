"""What rendering needs of a report. :class:`claims.Report` sits above this package (its
``print`` and notebook display call in here), so rendering names the few members it reads
rather than importing the class."""

from __future__ import annotations

import datetime as dt
from typing import Protocol

from claims.model import Claim, Scope
from claims.reconciler import Context, CountResult, EventResult


class ReportView(Protocol):
    """The members of :class:`claims.Report` that text, HTML and plots read."""

    @property
    def context(self) -> Context: ...

    @property
    def as_of(self) -> dt.datetime | None: ...

    @property
    def excluded(self) -> tuple[str, ...]: ...

    @property
    def undated(self) -> tuple[str, ...]: ...

    @property
    def results(self) -> tuple[EventResult, ...]: ...

    def claim(self, ident: str) -> Claim: ...

    def count(self, event: str, predicate: str, scope: Scope | None = None) -> CountResult: ...
