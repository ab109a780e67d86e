"""Title, source and date of a plain-text article, guessed from its lines. Best effort.

Contract: each function takes the article's displayed text (paragraphs separated by blank
lines) and returns ``""`` / ``None`` when it finds nothing; none of them invents a value.

- ``guess_title``: the first *substantive* line: at least two words with letters, not a
  date or dateline, not a ``Label : value`` line ("Story Code : 88635"), not a URL; site
  chrome in front of it is cut off: leading breadcrumb words ("Home Breaking News Russia
  and US…" → "Russia and US…"), and a line that merely repeats the next one behind a
  prefix gives way to that next line. Titles longer than 150 characters are cut at a word; with no
  substantive line, the first line is the title.
- ``guess_source``: the domain of a line that is a URL on its own
  ("https://theiranproject.com/…" → "theiranproject.com"); else a credit line ("By BBC",
  "Source: Reuters"); else the first bare domain mentioned ("… at bbc.co.uk …").
- ``guess_date``: among the dates in the first and last lines, the one best supported as a
  dateline: a weekday that matches the date and a time of day each count in its favour
  ("24 Nov 2024" loses to "Tuesday 11 March 2014 - 14:31" → 2014-03-11); ties go to
  the earlier line. Day-month-year, month-day-year and ISO forms are read.
"""

from __future__ import annotations

import calendar
import datetime as dt
import itertools
import re

from desktop.core.text.credits import credit

_HEAD_LINES = 12
_TAIL_LINES = 8
_LONGEST_TITLE = 150
_CHROME_WORDS = re.compile(
    r"^((home|news|breaking news|latest( news)?|top stories|world|politics|menu|skip to"
    r" content|you are here:?)\s*[>»\u203a|/:·•-]?\s+)+",
    re.IGNORECASE,
)
_LABEL_VALUE = re.compile(r"^[\w .]{2,30}\s*:\s*[\d\W]+$")
_URL = re.compile(r"^(https?://|www\.)\S+$", re.IGNORECASE)
_URL_HOST = re.compile(r"^(?:https?://)?(?:www\.)?([^/\s:?#]+)", re.IGNORECASE)
_DOMAIN = re.compile(r"\b((?:[a-z0-9-]+\.)+(?:com|org|net|co\.uk|uk|news|info|ir|ru|eu))\b", re.I)
_MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
_MONTHS |= {name.lower(): number for number, name in enumerate(calendar.month_abbr) if name}
_MONTH = "(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAYS = [name.lower() for name in calendar.day_name]
_WEEKDAY = r"(?:(?P<weekday>" + "|".join(_WEEKDAYS) + r"),?\s+)?"
_DATE_FORMS = (
    re.compile(
        _WEEKDAY + r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?P<month>" + _MONTH + r")\s+"
        r"(?P<year>\d{4})",
        re.IGNORECASE,
    ),
    re.compile(
        _WEEKDAY + r"(?P<month>" + _MONTH + r")\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+"
        r"(?P<year>\d{4})",
        re.IGNORECASE,
    ),
    re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b"),
)
_YEAR = re.compile(r"\d{4}")
_TIME = re.compile(r"\b\d{1,2}:\d{2}\b")


def guess_title(text: str) -> str:
    """The first substantive line, without site chrome in front of it."""
    substantive = (line.strip() for line in text.splitlines() if _is_substantive(line.strip()))
    lines = list(itertools.islice(substantive, 2))
    if not lines:
        return next((line.strip() for line in text.splitlines() if line.strip()), "")[
            :_LONGEST_TITLE
        ]
    title = _CHROME_WORDS.sub("", lines[0]) or lines[0]
    if len(lines) > 1 and title != lines[1] and title.endswith(" " + lines[1]):
        title = lines[1]
    if len(title) > _LONGEST_TITLE:
        title = title[:_LONGEST_TITLE].rsplit(" ", 1)[0] + "…"
    return title


def guess_source(text: str) -> str:
    """A site or publisher named by a URL line, a credit line or a domain in the text."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    for line in lines:
        if _URL.match(line) and (host := _URL_HOST.match(line)):
            return host.group(1).lower()
    for line in lines:
        if who := credit(line):
            return who
    domain = _DOMAIN.search(text)
    return domain.group(1).lower().removeprefix("www.") if domain else ""


def guess_date(text: str) -> dt.date | None:
    """The date of the best-supported dateline near the top or the foot of the text."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    near = lines[:_HEAD_LINES] + lines[_HEAD_LINES:][-_TAIL_LINES:]
    best: tuple[int, int, dt.date] | None = None
    for position, line in enumerate(near):
        for date, support in _dates_in(line):
            candidate = (-support, position, date)
            best = candidate if best is None or candidate < best else best
    return best[2] if best else None


def _is_substantive(line: str) -> bool:
    words = [word for word in line.split() if any(char.isalpha() for char in word)]
    return (
        len(words) >= 2
        and not _URL.match(line)
        and not _LABEL_VALUE.match(line)
        and not (len(line) < 40 and _dates_in(line))
    )


def _dates_in(line: str) -> list[tuple[dt.date, int]]:
    """Each date written in ``line`` with its support: matching weekday +1, a time +1."""
    found: list[tuple[dt.date, int]] = []
    if not _YEAR.search(line):
        return found
    for form in _DATE_FORMS:
        for match in form.finditer(line):
            month = match["month"].lower().rstrip(".")
            try:
                date = dt.date(
                    int(match["year"]), _MONTHS.get(month) or int(month), int(match["day"])
                )
            except ValueError:
                continue
            weekday = str(match.groupdict().get("weekday") or "")
            support = int(bool(weekday) and _WEEKDAYS.index(weekday.lower()) == date.weekday())
            found.append((date, support + int(bool(_TIME.search(line)))))
    return found
