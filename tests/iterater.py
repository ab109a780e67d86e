"""Real human edits from IteraTeR (../shared/corpora/iterater_dev), each judged alone.

Each ``Case`` is one edit all its annotators agree on: ``a`` holds the sentences around the
edit, ``b`` the same with only that edit applied. Fluency, clarity, coherence and style
keep the meaning (a copy-edit); meaning-changed is a substantive change; "others" is left
out. ``judge`` runs the diff's own path on a case (``align`` then ``classify_edit`` on each
edit) and says whether it found a substantive change. The corpus is read at run time,
never copied into the project.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from desktop.core.comparison.changes import ChangeKind
from desktop.core.comparison.diff import align
from desktop.core.comparison.edits import Verdict, classify_edit
from desktop.core.language.names import Names

CORPUS = Path(
    os.environ.get(
        "RECENSION_ITERATER",
        Path(__file__).resolve().parents[2] / "shared" / "corpora" / "iterater_dev",
    )
)
COPY_EDIT_INTENTS = frozenset({"fluency", "clarity", "coherence", "style"})
SUBSTANTIVE_INTENT = "meaning-changed"
_SENTENCE_END = re.compile(r"[.!?][\"')\]]*(?=\s|$)")


@dataclass(frozen=True, slots=True)
class Case:
    doc: str
    intent: str
    a: str
    b: str
    old: str  # the edit's words on each side
    new: str
    a_doc: str  # the whole document before and after (which words are names)
    b_doc: str

    @property
    def substantive(self) -> bool:
        return self.intent == SUBSTANTIVE_INTENT


def available() -> bool:
    return (CORPUS / "docs.jsonl").is_file()


def cases() -> Iterator[Case]:
    """Every edit all annotators agree on, with its intent, in corpus order."""
    with (CORPUS / "docs.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            doc = json.loads(line)
            text = doc["before_revision"]
            for edit in doc["edit_actions"]:
                intents = set(edit["raw_intents"])
                if len(intents) != 1:
                    continue
                (intent,) = intents
                if intent not in COPY_EDIT_INTENTS and intent != SUBSTANTIVE_INTENT:
                    continue
                start, end = edit["start_char_pos"], edit["end_char_pos"]
                new = edit["after"] or ""
                first, last = _sentence_start(text, start), _sentence_end(text, end)
                a = text[first:last]
                b = text[first:start] + new + text[end:last]
                after = text[:start] + new + text[end:]
                yield Case(doc["doc_id"], intent, a, b, text[start:end], new, text, after)


def _sentence_start(text: str, offset: int) -> int:
    starts = [m.end() for m in _SENTENCE_END.finditer(text, 0, offset) if m.end() <= offset]
    start = starts[-1] if starts else 0
    while start < offset and text[start].isspace():
        start += 1
    return start


def _sentence_end(text: str, offset: int) -> int:
    found = _SENTENCE_END.search(text, offset)
    return found.end() if found else len(text)


Judged = tuple[str, tuple[int, int], str, tuple[int, int], Verdict]


def verdicts(case: Case) -> list[Judged]:
    """Each edit the diff finds between the case's two sides: the two lines, the edit's
    offsets into each, and its verdict."""
    alignment = align(case.a, case.b)
    names = Names(case.a_doc, case.b_doc)
    found = []
    for edit in alignment.edits:
        i, j = alignment.pairs[edit.pair]
        a0, b0 = alignment.a_lines[i][0], alignment.b_lines[j][0]
        a_line = case.a[slice(*alignment.a_lines[i])]
        b_line = case.b[slice(*alignment.b_lines[j])]
        a_span, b_span = (edit.a[0] - a0, edit.a[1] - a0), (edit.b[0] - b0, edit.b[1] - b0)
        verdict = classify_edit(a_line, a_span, b_line, b_span, names)
        found.append((a_line, a_span, b_line, b_span, verdict))
    return found


def judge(case: Case) -> bool:
    """Whether the diff calls the case a substantive change (not only copy-edits).

    Sentences the diff cannot pair with any of the other side are added or removed ones,
    as ``compare`` reports them.
    """
    alignment = align(case.a, case.b)
    paired = len(alignment.pairs)
    if paired < len(alignment.a_lines) or paired < len(alignment.b_lines):
        return True
    return any(
        verdict.kind not in (ChangeKind.COPY_EDIT, ChangeKind.BOILERPLATE)
        for *_, verdict in verdicts(case)
    )


def balanced_accuracy(truth: list[bool], said: list[bool]) -> float:
    """The mean of the recall of each class (substantive, copy-edit)."""
    recalls = []
    for cls in (True, False):
        picked = [s for t, s in zip(truth, said, strict=True) if t is cls]
        if picked:
            recalls.append(sum(1 for s in picked if s is cls) / len(picked))
    return round(sum(recalls) / len(recalls), 3)
