"""Amounts told in words: quantifiers ("several", "most") and money ("a penny", "cents").

A number in digits or number words is a fact (``facts.numbers``); so is an amount told by
a quantifier or a coin: "several" → "dozens", "most" → "some", "6 cents" → "a penny" tell
the reader of another amount. ``amounts`` picks those words out of casefolded words; each
is reduced to its lemma, so "pennies" and "penny" are one amount. The quantifiers are
English's closed class of determiners of quantity; a vague amount and a number differ.
"""

from __future__ import annotations

from desktop.core.language.lemmas import lemmas

QUANTIFIERS = frozenset(
    {"all", "most", "many", "much", "several", "some", "few", "fewer", "little", "less",
     "more", "none", "numerous", "countless", "majority", "minority", "handful", "dozens",
     "scores", "hundreds", "thousands", "millions", "billions", "every", "whole", "entire",
     "fraction", "bulk", "plenty", "lots"}
)  # fmt: skip
_MONEY = frozenset(
    {"penny", "cent", "dime", "nickel", "quarter", "dollar", "buck", "pound", "euro", "yen",
     "rouble", "ruble", "yuan", "rupee", "franc", "pence", "shilling", "grand"}
)  # fmt: skip


def amounts(lower: list[str]) -> list[str]:
    """The words of ``lower`` that tell an amount, each as its dictionary form."""
    return [amount for amount in map(_amount, lower) if amount is not None]


def _amount(word: str) -> str | None:
    """The amount a casefolded word tells, as its dictionary form, if it tells one."""
    if word in QUANTIFIERS:
        return word
    money = lemmas(word) & _MONEY
    return min(money) if money else None
