"""US and UK spellings of one word: a compact set of rules plus a short curated list.

``spelling_variant(a, b)`` says, in words a journalist reads, whether ``b`` is ``a`` in the
other spelling ("US spelling of 'defence'"). The rules cover -ise/-ize, -yse/-yze,
-our/-or, -ence/-ense, -tre/-ter, -ogue/-og and the doubled l of travelled/traveled; the
list covers the rest (grey/gray, programme/program, ...). A rule only ever relates two
words that both occur in the texts, so a rule that would mangle an unrelated word is
harmless: it never finds that mangled word on the other side.
"""

from __future__ import annotations

import re
from functools import cache

_UK_TO_US = {
    "aeroplane": "airplane",
    "ageing": "aging",
    "aluminium": "aluminum",
    "anaemia": "anemia",
    "behove": "behoove",
    "cheque": "check",
    "cosy": "cozy",
    "dialled": "dialed",
    "dialling": "dialing",
    "draught": "draft",
    "enrol": "enroll",
    "enrolment": "enrollment",
    "fuelled": "fueled",
    "fuelling": "fueling",
    "fulfil": "fulfill",
    "fulfilment": "fulfillment",
    "gaol": "jail",
    "grey": "gray",
    "instalment": "installment",
    "jewellery": "jewelry",
    "judgement": "judgment",
    "acknowledgement": "acknowledgment",
    "kerb": "curb",
    "manoeuvre": "maneuver",
    "mould": "mold",
    "moustache": "mustache",
    "oestrogen": "estrogen",
    "paediatric": "pediatric",
    "plough": "plow",
    "practise": "practice",
    "programme": "program",
    "programmes": "programs",
    "pyjamas": "pajamas",
    "sceptic": "skeptic",
    "sceptical": "skeptical",
    "skilful": "skillful",
    "smoulder": "smolder",
    "tyre": "tire",
    "wilful": "willful",
}

_OUR_EXCEPTIONS = frozenset({"tours", "hours", "yours", "fours", "pours", "flour", "scour"})
_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"isation(s?)$"), r"ization\1"),
    (re.compile(r"(\w{2,})is(e|ed|es|ing|er|ers)$"), r"\1iz\2"),
    (re.compile(r"(\w{2,})ys(e|ed|es|ing|er|ers)$"), r"\1yz\2"),
    (re.compile(r"^(def|off|lic|pret)enc"), r"\1ens"),
    (re.compile(r"(\w{2,})tre(s|d)?$"), r"\1ter\2"),
    (re.compile(r"(\w{2,})ogue(s)?$"), r"\1og\2"),
)
_OUR = re.compile(r"(\w{2,})our(s|ed|ing|ite|ites|able|ably|ful|er|ers|ism)?$")
_DOUBLED_L = re.compile(r"(\w*)ll(ed|ing|er|ers|or|ors|ery)$")
_VOWEL_GROUPS = re.compile(r"[aeiouy]+")


@cache
def us_form(word: str) -> str:
    """``word`` (lower case) as a US writer would spell it, as far as the rules know."""
    if word in _UK_TO_US:
        return _UK_TO_US[word]
    for pattern, replacement in _RULES:
        word = pattern.sub(replacement, word)
    if word not in _OUR_EXCEPTIONS and len(word) >= 5:
        word = _OUR.sub(r"\1or\2", word)
    doubled = _DOUBLED_L.fullmatch(word)
    if doubled and len(_VOWEL_GROUPS.findall(doubled.group(1))) >= 2:
        word = f"{doubled.group(1)}l{doubled.group(2)}"
    return word


def spelling_variant(a: str, b: str) -> str | None:
    """The reason ``b`` is the same word as ``a`` in the other spelling, else None."""
    lower_a, lower_b = a.casefold(), b.casefold()
    if lower_a == lower_b:
        return None
    us_a, us_b = us_form(lower_a), us_form(lower_b)
    if us_a != us_b:
        return None
    if us_b == lower_b:
        return f"US spelling of '{a}'"
    if us_a == lower_a:
        return f"UK spelling of '{a}'"
    return f"another spelling of '{a}'"
