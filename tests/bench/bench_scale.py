"""The whole workspace at scale: a 10,000 article library as the app opens and refreshes it.

The library is ``bench_related``'s generator (stories with planted versions: copy-edits,
truncations, reordering, site chrome), written as the user's store (one JSON file an
article, as an import leaves it) and as a folder of ``.txt`` files opened with
``--library``. ``RECENSION_BENCH_ARTICLES`` sets its size (default 10,000, about 80 s
here, most of it the two first full indexes).

Every phase runs in a fresh process (``python bench_scale.py PHASE LIBRARY DATA``), so that
times and RSS are what a user's process sees:

- ``read``: the baseline, a bare interpreter that reads the library and nothing else;
- ``first``: the first start: one full refresh (search index, families, recurring lines),
  and how long after it began a search from another thread first finds something;
- ``warm``: a later start: Workspace creation to the first search answer and to the first
  article shown, the refresh at start that has nothing to do, the first ``similar``
  answer, then RSS after a few searches and ``similar`` calls (budget 250 MB), and (in
  the store) the time one pasted article takes to be refreshed and searchable;
- ``app`` (the store only, which holds the sample articles the smoke looks for): the
  whole app's ``--smoke`` (window, search, reading, a comparison, a PDF report and an
  HTML import) on the same library, its RSS bounding the app's from above (budget 250 MB,
  issue 17: 235); beside it ``qt``, its baseline: a bare ``QApplication`` with a window
  shown, and nothing read.

RSS is ``VmRSS`` when the phase ends, its peak ``VmHWM``.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
if __name__ == "__main__":  # a phase, run as a script: the repository must be importable
    sys.path[:0] = [str(HERE.parent.parent), str(HERE)]

from bench_related import generate  # noqa: E402
from bench_search import _rss_mb  # noqa: E402

from desktop.core.storage import store  # noqa: E402
from desktop.core.storage.library import Library  # noqa: E402
from desktop.core.workspace import Workspace  # noqa: E402

BARE_QT = """
import json, os, time
start = time.perf_counter()
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtWidgets import QApplication, QMainWindow
application = QApplication([])
window = QMainWindow()
window.show()
application.processEvents()
status = dict(line.split(":", 1) for line in open("/proc/self/status"))
print(json.dumps({
    "bare QApplication, a window shown (ms)": round(1000 * (time.perf_counter() - start), 1),
    "RSS (MB)": round(int(status["VmRSS"].split()[0]) / 1024, 1),
    "RSS peak (MB)": round(int(status["VmHWM"].split()[0]) / 1024, 1),
}))
"""  # the app's baseline, run as it stands: nothing of Recension's or the bench's imported
QUERIES = ("minister", "said minister", '"share this article"', "advertisement", "ka*")


def _write(folder: Path, data: Path, count: int) -> float:
    """The generated library as a --library folder and as the user's store; mean KB."""
    articles, _ = generate(count, seed=2)
    folder.mkdir()
    stored = data / "articles"
    stored.mkdir(parents=True)
    for article in articles:
        (folder / f"{article.id}.txt").write_text(article.text, "utf-8")
        (stored / f"{article.id}{store.SUFFIX}").write_text(
            json.dumps(store.to_json(article)), "utf-8"
        )
    return round(sum(len(a.text) for a in articles) / len(articles) / 1000, 2)


def _open(library: str) -> Library:
    return Library.open(None if library == "store" else Path(library))


def _ms(start: float) -> float:
    return round(1000 * (time.perf_counter() - start), 1)


def _until_hits(workspace: Workspace, begun: float, found: list[float]) -> None:
    """Search as a user typing during the first refresh would, until hits come back.

    The word is site chrome found in about one generated article in ten ("minister" is
    only in the five sample articles).
    """
    while not workspace.search(QUERIES[3], limit=1)[0].total:
        time.sleep(0.2)
    found.append(round(time.perf_counter() - begun, 1))


def _phase(name: str, library: str) -> dict[str, object]:
    figures: dict[str, object] = {}
    start = time.perf_counter()
    if name == "read":
        count = len(_open(library).articles())
        figures["read the library (ms)"] = _ms(start)
        again = time.perf_counter()
        _open(library).articles()
        figures["read it again (ms)"] = _ms(again)
        figures["articles"] = count
    elif name == "app":  # the whole app: window, search, reading, a comparison, a PDF
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from desktop.ui.smoke import run_smoke

        with contextlib.redirect_stdout(sys.stderr):
            if run_smoke(_open(library)):
                raise RuntimeError("the smoke run failed")
        figures["--smoke, start to exit (ms)"] = _ms(start)
    elif name == "first":
        workspace = Workspace.for_library(_open(library))
        begun, found = time.perf_counter(), list[float]()
        searcher = threading.Thread(target=_until_hits, args=(workspace, begun, found))
        searcher.start()
        workspace.refresh()
        figures["first full refresh (s)"] = round(time.perf_counter() - begun, 1)
        searcher.join()
        figures["to first search hits, searching during it (s)"] = found[0]
    else:
        workspace = Workspace.for_library(_open(library))
        workspace.search(QUERIES[0])
        figures["to first search answer (ms)"] = _ms(start)
        results, _ = workspace.search("")
        workspace.article(results.hits[0].id)
        figures["to first article shown (ms)"] = _ms(start)
        refresh = time.perf_counter()
        workspace.refresh()
        figures["refresh with nothing changed (ms)"] = _ms(refresh)
        similar = time.perf_counter()
        workspace.similar(results.hits[0].id)
        figures["then first similar() (ms)"] = _ms(similar)
        figures["to first similar() (ms)"] = _ms(start)
        for query in QUERIES:
            for hit in workspace.search(query)[0].hits[:3]:
                workspace.similar(hit.id)
        if not workspace.library.read_only:
            added = time.perf_counter()
            workspace.add_text("Late news", "Zeppelinquux sighted over Paris on Tuesday night.")
            workspace.search("Zeppelinquux")
            figures["one pasted article, refreshed and searchable (ms)"] = _ms(added)
    figures["RSS (MB)"] = round(_rss_mb(), 1)
    figures["RSS peak (MB)"] = round(_rss_mb("VmHWM"), 1)
    return figures


def _run(name: str, library: str, data: Path) -> dict[str, object]:
    env = {**os.environ, "RECENSION_DATA_DIR": str(data)}
    command = [sys.executable, *(("-c", BARE_QT) if name == "qt" else (__file__, name, library))]
    done = subprocess.run(command, capture_output=True, text=True, env=env)
    if done.returncode:
        raise RuntimeError(f"bench_scale {name} failed:\n{done.stderr}")
    figures: dict[str, object] = json.loads(done.stdout)
    return figures


def measure() -> dict[str, object]:
    count = int(os.environ.get("RECENSION_BENCH_ARTICLES", "10000"))
    figures: dict[str, object] = {}
    with tempfile.TemporaryDirectory() as temporary:
        folder, data = Path(temporary, "folder"), Path(temporary, "data")
        figures["mean article (KB)"] = _write(folder, data, count)
        for shown, library in (("store", "store"), ("--library", str(folder))):
            read = _run("read", library, data)
            figures[f"{shown}: read (baseline)"] = read
            first = _run("first", library, data)
            figures[f"{shown}: first start"] = first
            warm = _run("warm", library, data)
            figures[f"{shown}: next start"] = warm
            if library == "store":  # the smoke searches the sample articles, only found there
                bare = _run("qt", library, data)
                figures["bare QApplication (baseline)"] = bare
                app = _run("app", library, data)
                figures[f"{shown}: the app's --smoke"] = app
                figures[f"{shown}: --smoke RSS over bare QApplication (MB)"] = round(
                    float(app["RSS (MB)"]) - float(bare["RSS (MB)"]),  # type: ignore[arg-type]
                    1,
                )
            figures[f"{shown}: RSS over bare read (MB)"] = round(
                float(warm["RSS (MB)"]) - float(read["RSS (MB)"]),
                1,  # type: ignore[arg-type]
            )
            figures[f"{shown}: first answer / read (ratio)"] = round(
                float(warm["to first search answer (ms)"])  # type: ignore[arg-type]
                / float(read["read the library (ms)"]),  # type: ignore[arg-type]
                2,
            )
    return figures


if __name__ == "__main__":
    print(json.dumps(_phase(sys.argv[1], sys.argv[2])))
