"""Quality of the copy-edit/substantive decision on real human edits (IteraTeR dev set).

Each edit all annotators agree on is judged alone (``tests/iterater.py``): A = the
sentences around it, B = the same with only that edit applied, through the diff's own path
(``align`` then ``classify_edit``). Fluency, clarity, coherence and style should come out a
copy-edit, meaning-changed a substantive change. Figures: balanced accuracy (the mean of
the two classes' recall) and the errors by intent, beside two baselines judged in the same
run (the majority class; "more than two words changed"), and the seed labels' precision
and recall per kind (tests/data/labels).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from desktop.core.comparison.compare import compare
from desktop.core.storage.library import Library
from desktop.core.text.tokens import words
from tests.iterater import Case, available, balanced_accuracy, cases, judge
from tests.seed_labels import load_labels, precision_recall

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _more_than_two_words(case: Case) -> bool:
    return max(len(words(case.old)), len(words(case.new))) > 2


def _errors_by_intent(found: list[Case], said: list[bool]) -> dict[str, str]:
    total, wrong = Counter[str](), Counter[str]()
    for case, substantive in zip(found, said, strict=True):
        total[case.intent] += 1
        wrong[case.intent] += substantive is not case.substantive
    return {intent: f"{wrong[intent]}/{total[intent]}" for intent in sorted(total)}


def measure() -> dict[str, object]:
    figures: dict[str, object] = {}
    if available():
        found = list(cases())
        truth = [case.substantive for case in found]
        said = [judge(case) for case in found]
        majority = Counter(truth).most_common(1)[0][0]
        figures |= {
            "edits": len(found),
            "substantive_edits": sum(truth),
            "balanced_accuracy": balanced_accuracy(truth, said),
            "baseline_majority": balanced_accuracy(truth, [majority] * len(found)),
            "baseline_more_than_two_words": balanced_accuracy(
                truth, [_more_than_two_words(case) for case in found]
            ),
            "errors_by_intent": _errors_by_intent(found, said),
        }
    else:
        figures["edits"] = "corpus missing: ../shared/corpora/iterater_dev"
    return figures | _seed_labels()


def _seed_labels() -> dict[str, object]:
    """The lowest precision and recall over the seed labels' kinds, and any kind below 1."""
    library = Library([SEEDS], store=None, state_dir=Path("/nonexistent"))
    scores = {}
    for pair, labels in load_labels().items():
        changes = compare(library.get(pair[0]), library.get(pair[1])).changes
        for kind, score in precision_recall(labels, changes).items():
            scores[f"{pair[0]}-{pair[1]} {kind}"] = (score["precision"], score["recall"])
    return {
        "seed_labels_lowest_precision_recall": [
            min(p for p, _ in scores.values()),
            min(r for _, r in scores.values()),
        ],
        "seed_labels_below_1": sorted(k for k, (p, r) in scores.items() if min(p, r) < 1),
    }
