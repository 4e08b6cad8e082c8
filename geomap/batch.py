"""Many articles: per-article results cached by content, analysed in parallel on Dask.

A result is cached under a digest of the article (text, date, metadata), of
geomap's own code and data files, and of the gazetteer index it was resolved
with, so adding one article to a folder of thousands analyses only that one,
and upgrading anything analyses everything again.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import tempfile
from collections.abc import Callable, Iterable, Sequence
from functools import cache
from pathlib import Path

from .errors import GeomapError
from .model import Document

BATCH_SIZE = 25  # articles per Dask task: enough work to outweigh scheduling


@cache
def code_digest() -> str:
    """A digest of geomap's own source and data files: any change invalidates results."""
    package = Path(__file__).parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".csv", ".js", ".css") and "__pycache__" not in path.parts:
            digest.update(path.relative_to(package).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


class ResultCache:
    """Per-article results on disk, one pickle file each, written atomically."""

    def __init__(self, folder: Path, *, gazetteer_id: str) -> None:
        self.folder = folder / code_digest()
        self.gazetteer_id = gazetteer_id

    def _path(self, doc: Document) -> Path:
        fields = [
            doc.doc_id,
            doc.text,
            doc.date.isoformat() if doc.date else None,
            doc.title,
            doc.source,
            doc.url,
            doc.dateline,
            doc.dateline_end,
            self.gazetteer_id,
        ]
        key = hashlib.sha256(json.dumps(fields).encode("utf-8")).hexdigest()
        return self.folder / key[:2] / f"{key}.pickle"

    def get(self, doc: Document):
        path = self._path(doc)
        try:
            with path.open("rb") as stream:
                return pickle.load(stream)
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError):
            return None  # missing or unreadable: analyse again

    def put(self, doc: Document, result) -> None:
        path = self._path(doc)
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as out:
            pickle.dump(result, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(out.name, path)


_WORKER_GAZETTEERS: dict[str, object] = {}


def _analyse_batch(docs: list[Document], index: str) -> list:
    """Runs on a Dask worker: open the gazetteer once per process, analyse a batch."""
    from .gazetteer.index import SqliteGazetteer
    from .pipeline import analyse

    gazetteer = _WORKER_GAZETTEERS.get(index)
    if gazetteer is None:
        gazetteer = _WORKER_GAZETTEERS[index] = SqliteGazetteer(index)
    return [analyse(doc, gazetteer) for doc in docs]


def analyse_on_dask(
    docs: Sequence[Document],
    *,
    index: Path,
    workers: int = 2,
    scheduler: str | None = None,
    progress: Callable[[Iterable], Iterable] | None = None,
) -> list:
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
        done: dict[int, list] = {}
        finished = as_completed(futures)
        for future in progress(finished) if progress else finished:
            done[futures[future]] = future.result()
        return [result for n in range(len(batches)) for result in done[n]]
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
