"""Reconciling Parquet dossiers with Dask, on one machine's cores or a cluster (the ``dask``
extra). ``claims.dask.ranges(paths, client=client)`` gives every count group's figures, worked
out on the workers by the bulk path (what scales: only the figures come back);
``claims.dask.reconcile(path, client=client)`` gives the whole report
``claims.reconcile(claims.load(path))`` gives, the claims read and checked on the workers.
``docs/scale.md`` says which to use."""

from claims.dask._ranges import ranges
from claims.dask._reconcile import reconcile

__all__ = ["ranges", "reconcile"]
