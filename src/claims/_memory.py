"""Building many objects at once without the cyclic garbage collector walking them all."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while building many acyclic objects.

    Claims and results hold no reference cycles, so the collector finds nothing in them; left
    on, it walks every object built so far again and again as their number grows. Afterwards
    the objects built are moved straight to the collector's oldest generation (where objects
    that outlive a few collections end up anyway), so that the first young collection does not
    walk them all at once; this is skipped when the program has frozen objects of its own, and
    when the work failed (its garbage, often cyclic through a traceback, must stay collectable).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    except BaseException:
        if enabled:
            gc.enable()
        raise
    if gc.get_freeze_count() == 0:
        gc.freeze()
        gc.unfreeze()
    if enabled:
        gc.enable()
