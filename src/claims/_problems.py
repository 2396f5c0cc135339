"""Problems found in a dossier, each with the JSON path of the place it concerns."""

from __future__ import annotations

import attrs


@attrs.frozen
class Problem:
    """One thing wrong with a document, at ``path`` (``$.claims[3].value``)."""

    path: str
    message: str

    def rooted_at(self, prefix: str) -> Problem:
        """The same problem with its path made relative to ``prefix`` instead of ``$``."""
        return Problem(prefix + self.path[1:], self.message)

    def __str__(self) -> str:
        return f"{self.message} @ {self.path}"
