"""What a new comparison window opens with: the toggles and filters the user made the default.

Toggles are per comparison: ticking one changes only the window it is ticked in. View ▸
Make These the Default writes the window's choices (``save_defaults``), and every window
opened later starts from them (``load_defaults``): the checkable actions by name, the kinds
hidden in the legend, the order of the change list.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction

from desktop.core.comparison.changes import ChangeKind
from desktop.core.presentation.navigation import ListOrder

PREFIX = "compare/default"


@dataclass(frozen=True, slots=True)
class Filters:
    """The legend's hidden kinds and the change list's order."""

    hidden: frozenset[ChangeKind] = frozenset()
    order: ListOrder = ListOrder.TEXT


def save_defaults(settings: QSettings, toggles: Mapping[str, QAction], filters: Filters) -> None:
    for key, toggle in toggles.items():
        settings.setValue(f"{PREFIX}/{key}", toggle.isChecked())
    settings.setValue(f"{PREFIX}/hidden", ",".join(sorted(filters.hidden)))
    settings.setValue(f"{PREFIX}/order", filters.order.value)


def load_defaults(settings: QSettings, toggles: Mapping[str, QAction]) -> Filters:
    """Tick the default toggles (before they are wired to their work); the default filters."""
    for key, toggle in toggles.items():
        toggle.setChecked(settings.value(f"{PREFIX}/{key}", False, type=bool) is True)
    names = str(settings.value(f"{PREFIX}/hidden", "")).split(",")
    hidden = frozenset(ChangeKind(name) for name in names if name in set(ChangeKind))
    order = str(settings.value(f"{PREFIX}/order", ListOrder.TEXT.value))
    return Filters(hidden, ListOrder(order) if order in set(ListOrder) else ListOrder.TEXT)
