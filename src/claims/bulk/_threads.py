"""Work done two pieces at a time: polars does much of one piece's work on one thread, and
the machines this runs on often have two cores."""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TypeVar

_T = TypeVar("_T")
_R = TypeVar("_R")


def in_turn(work: Callable[[_T], _R], pieces: Iterable[_T]) -> list[_R]:
    """``work`` done on each piece, two at a time (polars does much of a piece's work on one
    thread), the results in order. One piece more than are being worked on is taken from
    ``pieces`` ahead, so that a worker done first finds the next one waiting."""
    workers = min(2, os.cpu_count() or 1)
    done: list[_R] = []
    with ThreadPoolExecutor(max_workers=workers) as pool:
        pending: deque[Future[_R]] = deque()
        for piece in pieces:
            pending.append(pool.submit(work, piece))
            if len(pending) > workers:
                done.append(pending.popleft().result())
        done.extend(future.result() for future in pending)
    return done
