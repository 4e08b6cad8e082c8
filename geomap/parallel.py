"""Many articles analysed in parallel on Dask, with the same results as one process.

Each task is a batch of articles; each worker process opens the gazetteer
index once and runs :func:`geomap.analysis.analyse_many` over its batches.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from .analysis import DocumentResult, analyse_many
from .errors import GeomapError
from .gazetteer.index import SqliteGazetteer
from .model import Document

BATCH_SIZE = 25  # articles per Dask task: enough work to outweigh scheduling

_WORKER_GAZETTEERS: dict[str, SqliteGazetteer] = {}


def _analyse_batch(docs: list[Document], index: str) -> list[DocumentResult]:
    """Runs on a Dask worker: open the gazetteer once per process, analyse a batch."""
    gazetteer = _WORKER_GAZETTEERS.get(index)
    if gazetteer is None:
        gazetteer = _WORKER_GAZETTEERS[index] = SqliteGazetteer(index)
    return list(analyse_many(docs, gazetteer))


def analyse_on_dask(
    docs: Sequence[Document],
    *,
    index: Path,
    workers: int = 2,
    scheduler: str | None = None,
    progress: Callable[[Iterable], Iterable] | None = None,
) -> list[DocumentResult]:
    """Analyse ``docs`` on a local Dask cluster of ``workers`` processes, or on the
    ``dask.distributed`` cluster at ``scheduler``; results in the order of ``docs``."""
    try:
        from dask.distributed import Client, LocalCluster, as_completed
    except ImportError as err:
        raise GeomapError(
            f"parallel builds need Dask: pip install 'geomap[dask]' (or dask[distributed]) ({err})"
        ) from err
    batches = [list(docs[i : i + BATCH_SIZE]) for i in range(0, len(docs), BATCH_SIZE)]
    if scheduler:
        client = Client(scheduler)
        cluster = None
    else:
        cluster = LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
        )
        client = Client(cluster)
    try:
        futures = {
            client.submit(_analyse_batch, batch, str(index), pure=False): n
            for n, batch in enumerate(batches)
        }
        done: dict[int, list[DocumentResult]] = {}
        finished = as_completed(futures)
        for future in progress(finished) if progress else finished:
            done[futures[future]] = future.result()
        return [result for n in range(len(batches)) for result in done[n]]
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
