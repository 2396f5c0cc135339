"""Reconciling a Parquet dossier with Dask, on one machine's cores or a cluster (the ``dask``
extra): ``claims.dask.reconcile(path, client=client)`` gives the report
``claims.reconcile(claims.load(path))`` gives."""

from claims.dask._reconcile import reconcile

__all__ = ["reconcile"]
