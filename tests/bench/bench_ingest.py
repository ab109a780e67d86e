"""Ingest: HTML extraction quality and speed, importing 1,000 files, reading a big library.

Extraction is scored on trafilatura's own evaluation pages, read where they are
(``/work/shared/corpora/trafilatura_eval_en``, never copied): the share of must-keep
snippets (``with``) kept and of must-drop snippets (``without``) dropped, for our ingest
and for plain ``trafilatura.extract`` in the same run. Times are per page, beside the
baseline of merely decoding the bytes. Importing 1,000 mixed files and reading a folder
of 1,000 text files are timed beside the baseline of reading the same bytes.
"""

from __future__ import annotations

import gzip
import json
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import trafilatura

from desktop.core.storage.library import Library
from desktop.core.text.ingest import ingest_bytes

CORPUS = Path(os.environ.get("RECENSION_EVAL_CORPUS", "/work/shared/corpora/trafilatura_eval_en"))
FILES = 1000


def measure() -> dict[str, object]:
    figures: dict[str, object] = {}
    if (CORPUS / "evaldata_en_subset.json").is_file():
        figures |= _extraction()
    figures |= _import_and_read()
    return figures


def _extraction() -> dict[str, object]:
    cases = json.loads((CORPUS / "evaldata_en_subset.json").read_text(encoding="utf-8"))
    pages = [(_page(entry["file"]), entry) for entry in cases.values()]
    pages = [(raw, entry) for raw, entry in pages if raw]

    def ours(raw: bytes) -> str:
        try:
            return ingest_bytes(raw, suffix=".html", article_id="x", origin="").article.text
        except Exception:
            return ""

    def plain(raw: bytes) -> str:
        return trafilatura.extract(raw) or ""

    def decode_only(raw: bytes) -> str:
        return raw.decode("utf-8", "replace")

    figures: dict[str, object] = {"pages": len(pages)}
    seconds = {}
    for name, extract in (("ingest", ours), ("trafilatura", plain), ("decode", decode_only)):
        kept, dropped, seconds[name] = _score(pages, extract)
        if name != "decode":
            figures[f"{name}_kept_share"] = kept
            figures[f"{name}_dropped_share"] = dropped
    figures["ingest_ms_per_page"] = round(seconds["ingest"] * 1000 / len(pages), 1)
    figures["trafilatura_ms_per_page"] = round(seconds["trafilatura"] * 1000 / len(pages), 1)
    figures["decode_ms_per_page"] = round(seconds["decode"] * 1000 / len(pages), 3)
    figures["ingest_vs_trafilatura"] = round(seconds["ingest"] / seconds["trafilatura"], 2)
    return figures


def _page(name: str) -> bytes:
    for path in (CORPUS / "html" / f"{name}.gz", CORPUS / "html" / name):
        if path.is_file():
            raw = path.read_bytes()
            return gzip.decompress(raw) if path.suffix == ".gz" else raw
    return b""


def _score(
    pages: list[tuple[bytes, dict[str, list[str]]]], extract: Callable[[bytes], str]
) -> tuple[float, float, float]:
    kept = dropped = must_keep = must_drop = 0
    started = time.perf_counter()
    texts = [extract(raw) for raw, _ in pages]
    elapsed = time.perf_counter() - started
    for text, (_, entry) in zip(texts, pages, strict=True):
        must_keep += len(entry["with"])
        must_drop += len(entry["without"])
        kept += sum(snippet in text for snippet in entry["with"])
        dropped += sum(snippet not in text for snippet in entry["without"])
    return round(kept / must_keep, 3), round(dropped / must_drop, 3), elapsed


def _import_and_read() -> dict[str, object]:
    with tempfile.TemporaryDirectory() as temp:
        root = Path(temp)
        mixed, texts = _generate(root / "mixed", mixed=True), _generate(root / "txt", mixed=False)
        os.environ["RECENSION_DATA_DIR"] = str(root / "data")
        baseline = _timed(lambda: [path.read_bytes() for path in mixed.iterdir()])
        started = time.perf_counter()
        report = Library.open().add([mixed])
        imported = time.perf_counter() - started
        return {
            "import_1000_mixed_s": round(imported, 2),
            "import_added": len(report.added),
            "read_bytes_baseline_s": round(baseline, 3),
            "import_vs_read_bytes": round(imported / baseline),
            "reimport_as_duplicates_s": round(_timed(lambda: Library.open().add([mixed])), 2),
            "txt_folder_1000_read_s": round(_timed(lambda: Library.open(texts).articles()), 2),
            "txt_folder_reopen_cached_s": round(_timed(lambda: Library.open(texts).articles()), 3),
            "store_1000_read_s": round(_timed(lambda: Library.open().articles()), 3),
        }


def _timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def _generate(folder: Path, *, mixed: bool) -> Path:
    """1,000 files of ~5 KB: UTF-8 text, cp1252 text, Markdown and HTML, or only text."""
    folder.mkdir(parents=True)
    words = ["the", "council", "said", "that", "the", "harbour", "plan", "would", "go", "ahead"]
    for number in range(FILES):
        body = [
            " ".join(words[(number + i) % len(words) :] + words[: (number + i) % len(words)])
            + f" ({number}, {i})."
            for i in range(60)
        ]
        title = f"Harbour story number {number} ({folder.name})"
        kind = number % 4 if mixed else 0
        if kind == 0:
            (folder / f"s{number}.txt").write_text("\n\n".join([title, *body]), encoding="utf-8")
        elif kind == 1:
            text = "\r\n".join([f"Caf\u00e9 {title}", *body])
            (folder / f"s{number}.txt").write_bytes(text.encode("cp1252"))
        elif kind == 2:
            (folder / f"s{number}.md").write_text("\n\n".join([f"# {title}", *body]))
        else:
            paragraphs = "".join(f"<p>{line}</p>" for line in body)
            page = f"<html><head><title>{title}</title></head><body><nav>Home</nav>"
            page += f"<article><h1>{title}</h1>{paragraphs}</article></body></html>"
            (folder / f"s{number}.html").write_text(page)
    return folder
