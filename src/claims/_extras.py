"""Optional extras, imported only when a feature needs them."""

from __future__ import annotations

import importlib
from types import ModuleType

from claims.errors import MissingExtraError


def require(module: str, *, extra: str, feature: str) -> ModuleType:
    """Import ``module`` from the optional ``extra``, or raise :class:`MissingExtraError`
    naming the extra and the feature that needs it."""
    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingExtraError(feature, extra, module.partition(".")[0]) from None
