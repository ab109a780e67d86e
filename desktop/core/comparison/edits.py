"""The rules that tell a copy-edit from a rewrite, for one edit inside two paired lines.

``classify_edit`` judges one edit (the words one side has where the other has others) and
returns a ``Verdict``: its kind, a subkind and a reason a journalist can read, which
quotes the exact words it is about and says what changed about them ("US spelling of
'defence'", "'rose' became its opposite 'fell'", "'6 cents' → 'a penny': a different
amount"). DESIGN's rule: a copy-edit never changes what the reader is told, so a changed
number or amount, date or time, person or place (another style of the same name is fine,
and so is a government named by its capital: "Russia" → "Moscow", ``capitals``), negation,
a word turned into its opposite (WordNet's antonyms, ``opposites``), how certain a clause
is ("will" → "may", ``modality``), whether something happens or is only expected ("are
meeting" → "are due"), the words of a quotation, an attribution verb that shifts stance
("said" → "claimed"), or people named by another office ("officials" → "ministers") is a
rewrite, however small. Words added or removed are reported as such ("'over its incursion
into Ukraine' added"), never as a changed name; a mention added or dropped of someone both
texts name elsewhere tells of no one new. The same names, numbers and dates in another
order ("US and Russia" → "Russia and US", ``facts.reordered``) are a word-order copy-edit,
and so is a kicker ("Ukraine crisis:") dropped from or added to the title. The rules are
symmetric: judging B against A gives the same verdict, with added and removed swapped.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache

from desktop.core.comparison.boilerplate import breadcrumb_length
from desktop.core.comparison.changes import ChangeKind
from desktop.core.language.capitals import same_country, same_government
from desktop.core.language.facts import DATE_WORDS, dates, digits, numbers, reordered
from desktop.core.language.lemmas import FUNCTION_WORDS, content_words, same_lemma
from desktop.core.language.modality import certainty
from desktop.core.language.names import (
    HONORIFICS,
    Names,
    bare,
    fold_accents,
    name_runs,
    name_words,
)
from desktop.core.language.opposites import has_opposite, opposite
from desktop.core.language.quantities import QUANTIFIERS, amounts
from desktop.core.language.spelling import spelling_variant
from desktop.core.text.shorten import shorten
from desktop.core.text.tokens import first_word_span, word_spans, words


@dataclass(frozen=True, slots=True)
class Verdict:
    kind: ChangeKind
    subkind: str
    reason: str


@dataclass(frozen=True, slots=True)
class _Words:
    """The edit's words on each side (``old`` in A, ``new`` in B), as written and casefolded."""

    old: list[str]
    new: list[str]
    old_lower: list[str]
    new_lower: list[str]


_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "his", "her", "their"})
_NEUTRAL_VERBS = frozenset(
    {"said", "says", "say", "added", "adds", "told", "tells", "stated", "states", "noted",
     "notes", "explained", "explains", "according", "continued", "went", "on"}
)  # fmt: skip
_STANCE_VERBS = frozenset(
    {"claimed", "claims", "claim", "alleged", "alleges", "insisted", "insists", "admitted",
     "admits", "conceded", "concedes", "denied", "denies", "warned", "warns", "argued",
     "argues", "suggested", "suggests", "acknowledged", "acknowledges", "maintained",
     "maintains", "boasted", "boasts", "confessed", "confesses", "complained", "complains"}
)  # fmt: skip
_SAYING = _NEUTRAL_VERBS | _STANCE_VERBS
_NEGATIONS = frozenset(
    {"not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "without", "cannot"}
)
# People named by their office: "officials" → "ministers" tells of other people. Bodies
# and their members ("parliament", "lawmakers") are the same actor, so not listed.
_ROLES = frozenset(
    {"official", "officials", "minister", "ministers", "president", "presidents", "diplomat",
     "diplomats", "ambassador", "ambassadors", "envoy", "envoys", "spokesman", "spokeswoman",
     "spokesperson", "leader", "leaders", "general", "generals", "commander", "commanders",
     "chancellor", "premier", "governor", "governors", "mayor", "senator", "senators",
     "negotiator", "negotiators", "secretary", "secretaries", "prosecutor", "prosecutors"}
)  # fmt: skip
_PROSPECT_WORDS = frozenset(
    {"due", "expected", "scheduled", "planned", "will", "shall", "upcoming", "forthcoming"}
)
_PROSPECT_BEFORE_TO = frozenset({"is", "are", "was", "were", "set", "going", "about", "poised"})
_ATTRIBUTION = _PRONOUNS | HONORIFICS | _NEUTRAL_VERBS  # "she added" → "Ms Psaki said"
_CLOSED_CLASSES = FUNCTION_WORDS | QUANTIFIERS  # capitalised to open a clause: no name
_QUOTES = re.compile(r"[\"\u201c\u201d\u00ab\u00bb]")
# A name a letter or two apart ("Philips" → "Phillips") is one name respelled when it is at
# least this long and this alike; shorter names so close are often two people (Kerry/Perry).
_MIN_VARIANT_LETTERS = 6
_VARIANT_LIKENESS = 0.85
# Number words with another common sense (a pronoun, "first" as "before anything else"):
# a count only where the other side tells one too.
_OTHER_SENSES = frozenset({"one", "first", "second", "last", "half"})
_MIN_UNTOLD_IN_REWORDING = 3
_MAX_LIGHT_WORDS = 4  # a rewording of at most this many words keeps the meaning
_MAX_KICKER_WORDS = 4  # "Ukraine crisis:", "Breaking:", "Live updates:"


def classify_edit(
    a_line: str,
    a: tuple[int, int],
    b_line: str,
    b: tuple[int, int],
    names: Names | None = None,
    *,
    headline: bool = False,
) -> Verdict:
    """Judge the edit ``a_line[a[0]:a[1]]`` → ``b_line[b[0]:b[1]]`` (offsets into the lines).

    ``names`` knows which capitalised words are names where they open a sentence;
    ``headline``: the lines are the articles' titles (a kicker may come and go).
    """
    old, new = a_line[a[0] : a[1]], b_line[b[0] : b[1]]
    if (not old and b[1] <= breadcrumb_length(b_line)) or (
        not new and a[1] <= breadcrumb_length(a_line)
    ):
        return Verdict(ChangeKind.BOILERPLATE, "breadcrumb", "a breadcrumb trail of the site")
    kicker = headline and (
        _kicker(a_line, a) if not new else _kicker(b_line, b) if not old else None
    )
    if kicker:
        what = "dropped from" if not new else "added to"
        reason = f"a section label {what} the headline, the story the same: '{kicker}'"
        return Verdict(ChangeKind.COPY_EDIT, "headline", reason)
    if old.casefold() == new.casefold():
        return Verdict(ChangeKind.COPY_EDIT, "case", f"'{old}' written '{new}'")
    if "".join(old.split()) == "".join(new.split()):
        return Verdict(ChangeKind.COPY_EDIT, "whitespace", f"spacing changed in '{old.strip()}'")
    old_words, new_words = words(old), words(new)
    found = _Words(
        old_words, new_words, [w.casefold() for w in old_words], [w.casefold() for w in new_words]
    )
    if found.old_lower == found.new_lower:
        what = "quotation marks" if _QUOTES.search(old + new) else "punctuation"
        return Verdict(ChangeKind.COPY_EDIT, "punctuation", f"{what} changed: '{old}' → '{new}'")
    spelling = _spelling(old_words, new_words)
    if spelling:
        return Verdict(ChangeKind.COPY_EDIT, "spelling", spelling)
    if not old_words or not new_words:
        sentence = _whole_sentence(a_line, a) if old_words else _whole_sentence(b_line, b)
        if sentence:
            kind = ChangeKind.REMOVED if old_words else ChangeKind.ADDED
            return Verdict(kind, "sentence", f"a sentence {kind.value}: '{_short(old or new)}'")
    quoted = _quoted(old, new)
    names = names if names is not None else Names(a_line, b_line)
    fact = _fact_change(a_line, a, b_line, b, found, quoted)
    if fact and fact[0] in ("number", "date"):
        old_facts, new_facts = (
            (numbers(found.old_lower), numbers(found.new_lower))
            if fact[0] == "number"
            else (dates(old_words), dates(new_words))
        )
        if reordered(a_line, b_line, names, old_facts, new_facts):
            reason = f"same {fact[0]}s, in another order: {quoted}"
            return Verdict(ChangeKind.COPY_EDIT, "word-order", reason)
    if fact:
        return Verdict(ChangeKind.REWRITE, *fact)
    before, after = _names(a_line, a, b_line, names), _names(b_line, b, a_line, names)
    style = None if before or after else _name_style(a_line, a, b_line, b, names)
    if style:
        return Verdict(ChangeKind.COPY_EDIT, "name-style", style)
    if _same_attribution(found):
        return Verdict(ChangeKind.COPY_EDIT, "rewording", f"the same attribution: {quoted}")
    if _speaker(a_line, a, old_words) or _speaker(b_line, b, new_words):
        what = "who says the quotation dropped" if old_words else "who says the quotation added"
        return Verdict(ChangeKind.REWRITE, "attribution", f"{quoted}: {what}")
    if before != after:
        removed, added = before - after, after - before
        metonym = _metonym(a_line, a, b_line, b, removed, added)
        if metonym:
            return Verdict(ChangeKind.COPY_EDIT, "name-style", metonym)
        if reordered(a_line, b_line, names, removed, added):
            reason = f"same names, in another order: {quoted}"
            return Verdict(ChangeKind.COPY_EDIT, "word-order", reason)
        variant = _name_variant(removed, added)
        if variant:
            return Verdict(ChangeKind.COPY_EDIT, "name-style", variant)
        if same_country(removed, added):
            reason = f"{quoted}: the same country, {_listed(removed)} → {_listed(added)}"
            return Verdict(ChangeKind.COPY_EDIT, "name-style", reason)
        spelled = _spelled_out(old_words, new_words) or _spelled_out(new_words, old_words)
        if spelled:
            return Verdict(ChangeKind.COPY_EDIT, "name-style", spelled)
        if removed and added:
            reason = f"{quoted}: another name, {_listed(removed)} → {_listed(added)}"
            return Verdict(ChangeKind.REWRITE, "name", reason)
        unknown = Counter(
            {w: n for w, n in (removed | added).items() if not names.in_every_text(w)}
        )
        if unknown:
            what = "no longer named" if removed else "newly named"
            return Verdict(ChangeKind.REWRITE, "name", f"{quoted}: {_listed(unknown)} {what}")
    if not (_ROLES.isdisjoint(found.old_lower) or _ROLES.isdisjoint(found.new_lower)):
        old_roles, new_roles = Counter(_roles(found.old_lower)), Counter(_roles(found.new_lower))
        if not _same_forms(old_roles, new_roles):
            listed = f"{_listed(old_roles)} → {_listed(new_roles)}"
            return Verdict(
                ChangeKind.REWRITE, "person", f"{quoted}: people of another office, {listed}"
            )
    if not old_words or not new_words:
        untold = _untold(old_words or new_words, names)
        if untold:
            what = "no longer told" if old_words else "not told before"
            listed = ", ".join(f"'{w}'" for w in dict.fromkeys(untold))
            return Verdict(ChangeKind.REWRITE, "wording", f"{quoted}: {listed} {what}")
    if max(len(old_words), len(new_words)) <= _MAX_LIGHT_WORDS or _shared(old_words, new_words):
        return Verdict(ChangeKind.COPY_EDIT, "rewording", f"reworded, same facts: {quoted}")
    if not old_words or not new_words:
        return Verdict(ChangeKind.REWRITE, "wording", f"words {quoted}")
    most = max(_untold(old_words, names), _untold(new_words, names), key=len)
    if len(most) >= _MIN_UNTOLD_IN_REWORDING:
        reason = f"reworded: {quoted}, with words the other never uses: {_listed(Counter(most))}"
        return Verdict(ChangeKind.REWRITE, "wording", reason)
    if before == after:
        return Verdict(ChangeKind.COPY_EDIT, "rewording", f"reworded, same facts: {quoted}")
    return Verdict(ChangeKind.REWRITE, "wording", f"reworded: {quoted}")


def _untold(found: list[str], names: Names) -> list[str]:
    """The content words of ``found`` that some text never uses in any form."""
    return [w for w in content_words(found) if not names.told_by_every_text(w)]


def _speaker(line: str, span: tuple[int, int], found: list[str]) -> bool:
    """Whether ``found``, words only this side has, say who speaks a quotation beside them
    ('Putin: "We will not invade"', '"…," she said'): a name or a verb of saying."""
    if not found or not any(w[:1].isupper() or w.casefold() in _SAYING for w in found):
        return False
    return bool(
        _QUOTES.match(line[span[1] :].lstrip()) or _QUOTES.search(line[: span[0]].rstrip()[-2:])
    )


def _name_variant(removed: Counter[str], added: Counter[str]) -> str | None:
    """ "'Vucic' spelled 'Vučić'" when one name is another's spelling: the same letters
    but accents, another form of the word, or a letter or two apart in a long name."""
    if removed.total() != 1 or added.total() != 1:
        return None
    (old,), (new,) = removed, added
    x, y = fold_accents(old).casefold(), fold_accents(new).casefold()
    close = (
        min(len(x), len(y)) >= _MIN_VARIANT_LETTERS
        and x[0] == y[0]
        and SequenceMatcher(None, x, y).ratio() >= _VARIANT_LIKENESS
    )
    if x == y or same_lemma(old, new) or close:
        return f"'{old}' spelled '{new}': the same name"
    return None


def _spelled_out(short: list[str], long: list[str]) -> str | None:
    """ "'NLP' spelled out as 'natural language processing'": the initials of one side's
    words (articles left out) are the other side's one word in capitals."""
    if len(short) != 1 or not short[0].isupper() or len(short[0]) < 2:
        return None
    spelled = [w for w in long if w.casefold() not in ("the", "a", "an", "of", "and")]
    if "".join(w[0] for w in spelled).upper() != short[0].upper():
        return None
    return f"'{short[0]}' spelled out as '{' '.join(long)}'"


def _quoted(old: str, new: str) -> str:
    """The edit's words as a reader sees them: "'x' → 'y'", "'x' removed", "'y' added"."""
    if not old.strip():
        return f"'{_short(new)}' added"
    if not new.strip():
        return f"'{_short(old)}' removed"
    return f"'{_short(old)}' → '{_short(new)}'"


def _same_forms(old: Counter[str], new: Counter[str]) -> bool:
    """Whether the words are the same ones, inflected: "officials" → "official"."""
    return len(old) == len(new) and all(any(same_lemma(x, y) for y in new) for x in old)


def _metonym(
    a_line: str,
    a: tuple[int, int],
    b_line: str,
    b: tuple[int, int],
    removed: Counter[str],
    added: Counter[str],
) -> str | None:
    """ "'Russia' written 'Moscow': …" when one name swaps a country for its capital."""
    if removed.total() != 1 or added.total() != 1:
        return None
    (old,), (new,) = removed, added
    old_at = re.search(rf"\b{re.escape(old)}\b", a_line[a[0] : a[1]])
    new_at = re.search(rf"\b{re.escape(new)}\b", b_line[b[0] : b[1]])
    if old_at is None or new_at is None:
        return None
    if not same_government(
        old, new, a_line[: a[0] + old_at.start()], b_line[: b[0] + new_at.start()]
    ):
        return None
    return f"'{old}' written '{new}': the same government, named by its capital"


def _kicker(line: str, span: tuple[int, int]) -> str | None:
    """The kicker ("Ukraine crisis:", "Breaking:") when the span is one in front of a title.

    Not when the title goes on with a quotation: 'Putin: "We will not invade"' says who
    speaks, and dropping that is an attribution changed.
    """
    text = line[span[0] : span[1]].strip()
    rest = line[span[1] :].lstrip()
    if (
        line[: span[0]].strip()
        or not text.endswith(":")
        or not 0 < len(words(text)) <= _MAX_KICKER_WORDS
        or not rest
        or _QUOTES.match(rest)
    ):
        return None
    return text


def _spelling(old_words: list[str], new_words: list[str]) -> str | None:
    if len(old_words) != len(new_words):
        return None
    reasons = []
    for old, new in zip(old_words, new_words, strict=True):
        if old.casefold() != new.casefold():
            reason = spelling_variant(old, new)
            if reason is None:
                return None
            reasons.append(reason)
    return "; ".join(reasons) or None


def _fact_change(
    a_line: str, a: tuple[int, int], b_line: str, b: tuple[int, int], found: _Words, quoted: str
) -> tuple[str, str] | None:
    """(subkind, reason) when the edit changes a fact: a number or amount, a date, a
    negation, a word into its opposite, certainty or stance, or a quotation's words.
    ``found``: the edit's words; ``quoted``: the edit as a reason quotes it."""
    old_lower, new_lower = found.old_lower, found.new_lower
    told = _told_change(found, quoted) if any(map(_tells, old_lower + new_lower)) else None
    if told:
        return told
    around = _around(a_line, a, old_lower), _around(b_line, b, new_lower)
    grades = certainty(around[0]), certainty(around[1])
    if grades[0] != grades[1] and None not in grades:
        return "certainty", f"{quoted}: told as {grades[1]}, not {grades[0]}"
    if sorted(_stances(old_lower)) != sorted(_stances(new_lower)):
        return "attribution", f"{quoted}: an attribution verb that takes a stance"
    if _expected(around[0]) != _expected(around[1]):
        return "prospect", f"{quoted}: what happens made only expected, or the reverse"
    if (_inside_quote(a_line, a[0]) or _inside_quote(b_line, b[0])) and old_lower != new_lower:
        return "quotation", f"{quoted}: words inside a quotation changed"
    return None


@cache
def _tells(lower: str) -> bool:
    """Whether a casefolded word is one ``_told_change`` reads: a number, an amount, a word
    of a date, a negation, a word with an opposite. An edit without one tells none."""
    return bool(
        numbers([lower])
        or amounts([lower])
        or lower in DATE_WORDS
        or _negations([lower])
        or has_opposite(lower)
    )


def _told_change(found: _Words, quoted: str) -> tuple[str, str] | None:
    """(subkind, reason) when the edit's words tell another number or amount, date,
    negation, or a word's opposite."""
    old_words, new_words = found.old, found.new
    old_lower, new_lower = found.old_lower, found.new_lower
    old_numbers, new_numbers = numbers(old_lower), numbers(new_lower)
    if not (old_numbers and new_numbers) and set(old_numbers + new_numbers) <= _OTHER_SENSES:
        old_numbers, new_numbers = [], []  # "it" → "one", "first decouples": no count told
    old_amounts, new_amounts = amounts(old_lower), amounts(new_lower)
    if (
        sorted(old_numbers) != sorted(new_numbers)
        # "63 72" → "6372" joins the digits of one number
        and (digits(old_numbers) != digits(new_numbers) or not digits(old_numbers))
    ) or (old_amounts and new_amounts and sorted(old_amounts) != sorted(new_amounts)):
        what = "amount" if old_amounts or new_amounts else "number"
        return "number", f"{quoted}: a different {what}"
    if sorted(dates(old_words)) != sorted(dates(new_words)):
        return "date", f"{quoted}: another date or time"
    old_negations, new_negations = _negations(old_lower), _negations(new_lower)
    if len(old_negations) != len(new_negations):  # "none" → "no": still negated
        return "negation", f"{quoted}: a negation {_which(old_negations, new_negations)}"
    pair = _opposites(old_words, new_words)
    if pair:
        return "opposite", f"'{pair[0]}' became its opposite '{pair[1]}'"
    return None


def _which(old: list[str], new: list[str]) -> str:
    return "changed" if old and new else "removed" if old else "added"


def _opposites(old: list[str], new: list[str]) -> tuple[str, str] | None:
    """The first word of ``old`` whose opposite (WordNet) stands in ``new``, and that one."""
    kept = {w.casefold() for w in old} & {w.casefold() for w in new}
    for x in old:
        if x.casefold() in kept or not has_opposite(x):
            continue
        for y in new:
            if y.casefold() not in kept and opposite(x, y):
                return x, y
    return None


def _negations(lower: list[str]) -> list[str]:
    """The negations the words tell, but not a "not" offered as the other alternative ("may
    or may not", "whether or not", "or didn't"): that tells neither polarity ("little or
    no" still negates)."""
    if _NEGATIONS.isdisjoint(lower) and "n't" not in " ".join(lower):
        return []
    return [
        "not" if w.endswith("n't") else w
        for n, w in enumerate(lower)
        if (w in _NEGATIONS or w.endswith("n't"))
        and not (_not(w) and "or" in lower[max(n - 2, 0) : n])
    ]


def _not(word: str) -> bool:
    return word == "not" or word.endswith("n't")


def _around(line: str, span: tuple[int, int], inside: list[str]) -> list[str]:
    """The edit's words, casefolded (``inside``), with the word before and after it ("is due
    to")."""
    before = words(line, max(span[0] - 40, 0), span[0])[-1:]
    after = first_word_span(line, span[1], span[1] + 40)
    return [
        *(w.casefold() for w in before),
        *inside,
        *([line[slice(*after)].casefold()] if after else []),
    ]


def _expected(lower: list[str]) -> bool:
    """Whether the words tell of something only expected ("due", "will", "is to", "set to")."""
    if _PROSPECT_WORDS.isdisjoint(lower) and "to" not in lower:
        return False
    return any(
        (word in _PROSPECT_WORDS and not _because(lower[n:]))
        or (word == "to" and n and lower[n - 1] in _PROSPECT_BEFORE_TO)
        for n, word in enumerate(lower)
    )


def _because(lower: list[str]) -> bool:
    """ "due to poor results" gives a cause; "due to be held" a prospect."""
    return lower[:2] == ["due", "to"] and lower[2:3] != ["be"] and len(lower) > 2


def _roles(lower: list[str]) -> list[str]:
    return [w for w in lower if w in _ROLES]


def _stances(lower: list[str]) -> list[str]:
    return [] if _STANCE_VERBS.isdisjoint(lower) else [w for w in lower if w in _STANCE_VERBS]


def _listed(found: Counter[str]) -> str:
    return ", ".join(f"'{w}'" for w in sorted(found)) or "nothing"


def _same_attribution(found: _Words) -> bool:
    """'she added' → 'Ms Psaki said': pronouns, names and neutral verbs swapped for others."""
    if _NEUTRAL_VERBS.isdisjoint(found.old_lower) or _NEUTRAL_VERBS.isdisjoint(found.new_lower):
        return False
    return all(w.casefold() in _ATTRIBUTION or w[:1].isupper() for w in found.old + found.new)


def _names(line: str, span: tuple[int, int], other: str, names: Names) -> Counter[str]:
    """Names the edit holds, except titles and given names of a person the other line names,
    and words of the closed classes capitalised to open a clause ("There", "Many")."""
    if not any(map(str.isupper, line[span[0] : span[1]])):
        return Counter()  # every name opens with a capital
    return Counter(
        word
        for word, _ in name_words(line, span, other, names)
        if not (word[1:].islower() and word.casefold() in _CLOSED_CLASSES)
    )


def _name_style(
    line_a: str, a: tuple[int, int], line_b: str, b: tuple[int, int], names: Names
) -> str | None:
    """ "'Mr Lavrov' written 'Sergei Lavrov'" when the edit only restyles one person's name."""
    run_a, run_b = _run_around(line_a, a, names), _run_around(line_b, b, names)
    if (
        run_a is None
        or run_b is None
        or bare(line_a[slice(*run_a)].split()[-1]) != bare(line_b[slice(*run_b)].split()[-1])
    ):
        return None
    return f"'{line_a[slice(*run_a)]}' written '{line_b[slice(*run_b)]}'"


def _run_around(line: str, span: tuple[int, int], names: Names) -> tuple[int, int] | None:
    """The one run of capitalised words that holds every word of the edit, if there is one."""
    first = last = span[0]  # where the edit's words start and end
    first_word = first_word_span(line, span[0], span[1])
    if first_word:
        first = first_word[0]
        if (not first or line[first - 1].isspace()) and not line[first].isupper():
            return None  # a word of the line that opens with no capital is in no run
        last = first + word_spans(line[first : span[1]])[-1][1]
    for run in name_runs(line, names):
        start, end = run[0][0], run[-1][1]
        if start <= first and last <= end:
            return start, end
    return None


def _inside_quote(line: str, offset: int) -> bool:
    return len(_QUOTES.findall(line, 0, offset)) % 2 == 1


def _whole_sentence(line: str, span: tuple[int, int]) -> bool:
    text = line[span[0] : span[1]].strip()
    starts = not line[: span[0]].strip() or line[: span[0]].rstrip()[-1:] in ".!?"
    return starts and len(words(text)) >= 4 and text[-1:] in '.!?"\u201d'


def _shared(old: list[str], new: list[str]) -> bool:
    """Most words kept: a long rewording that keeps its facts is still a copy-edit."""
    x, y = {w.casefold() for w in old}, {w.casefold() for w in new}
    return 2 * len(x & y) >= 0.6 * (len(x) + len(y))


def _short(text: str, limit: int = 60) -> str:
    return shorten(text, limit)
