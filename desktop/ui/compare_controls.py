"""The comparison window's commands: one set of actions, shown in its menus and its toolbar.

``CompareActions`` holds every command of the window as a ``QAction`` with its shortcut
(File: export, print, copy summary, close; View: hide copy-edits, fold site chrome, the
ignore options, next and previous change, step through every change, swap sides, make
these the default); ``fill_menu_bar`` files them under File and View. ``CompareToolbar``
is the strip over the panes (a ``QToolBar``, so what does not fit a narrow window goes to
its » menu): the everyday commands as buttons, and check boxes that stay in step with
their menu items both ways. Nothing here
knows what a command does: the window connects the actions to its own slots.
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QLabel,
    QMenu,
    QMenuBar,
    QPushButton,
    QSizePolicy,
    QToolBar,
    QToolButton,
    QWidget,
)

IGNORE_OPTIONS = (
    ("ignore_case", "ignoreCaseToggle", "Ignore &Case"),
    ("ignore_punctuation", "ignorePunctuationToggle", "Ignore &Punctuation"),
    ("ignore_whitespace", "ignoreWhitespaceToggle", "Ignore &Whitespace"),
)
"""``CompareOptions`` field, object name and menu label of each ignore option."""


def _action(
    owner: QWidget, name: str, text: str, shortcut: str = "", *, checkable: bool = False
) -> QAction:
    action = QAction(text, owner)
    action.setObjectName(name)
    action.setCheckable(checkable)
    if shortcut:
        action.setShortcut(QKeySequence(shortcut))
    owner.addAction(action)  # its shortcut works wherever the focus is in the window
    return action


class CompareActions:
    """Every command of a comparison window, owned by (and shortcut-active in) ``owner``."""

    def __init__(self, owner: QWidget) -> None:
        self.export = _action(owner, "exportAction", "&Export Comparison…", "Ctrl+E")
        self.print = _action(owner, "printAction", "&Print…", "Ctrl+P")
        self.copy_summary = _action(owner, "copySummaryAction", "Copy &Summary", "Ctrl+Shift+C")
        self.close = _action(owner, "closeAction", "&Close", "Ctrl+W")
        self.hide_copy_edits = _action(
            owner, "hideCopyEditsAction", "Hide C&opy-Edits", checkable=True
        )
        self.fold_boilerplate = _action(
            owner, "foldBoilerplateAction", "&Fold Site Chrome", checkable=True
        )
        self.ignore = {
            field: _action(owner, name, label, checkable=True)
            for field, name, label in IGNORE_OPTIONS
        }
        self.next_change = _action(owner, "nextChangeAction", "&Next Change", "F7")
        self.previous_change = _action(
            owner, "previousChangeAction", "P&revious Change", "Shift+F7"
        )
        self.every_change = _action(
            owner, "everyChangeAction", "Step Through &Every Change", checkable=True
        )
        self.every_change.setToolTip(
            "F7 visits copy-edits, site chrome and repeats too, not only what changes the story"
        )
        self.make_default = _action(owner, "makeDefaultAction", "&Make These the Default")
        self.make_default.setToolTip("New comparisons open with these toggles and filters")
        self.swap = _action(owner, "swapAction", "S&wap Sides")
        self.find = _action(owner, "findAction", "&Find…", "Ctrl+F")

    def sharing(self) -> tuple[QAction, ...]:
        """The commands that need a comparison on screen."""
        return (self.export, self.print, self.copy_summary)

    def toggles(self) -> dict[str, QAction]:
        """The on/off choices a user can make the default, by the setting's name."""
        return {
            "hide_copy_edits": self.hide_copy_edits,
            "fold_boilerplate": self.fold_boilerplate,
            "every_change": self.every_change,
            **self.ignore,
        }


def fill_menu_bar(bar: QMenuBar, actions: CompareActions) -> None:
    """File and View menus holding the window's commands."""
    file_menu = bar.addMenu("&File")
    file_menu.addActions(list(actions.sharing()))
    file_menu.addSeparator()
    file_menu.addAction(actions.close)
    bar.addMenu("&Edit").addAction(actions.find)
    view = bar.addMenu("&View")
    view.addActions([actions.hide_copy_edits, actions.fold_boilerplate])
    view.addSeparator()
    view.addActions(list(actions.ignore.values()))
    view.addSeparator()
    view.addActions([actions.next_change, actions.previous_change, actions.every_change])
    view.addSeparator()
    view.addActions([actions.swap, actions.make_default])


class CompareToolbar(QToolBar):
    """Previous/next and where we are; the view toggles; ignore options; swap; export. What
    does not fit a narrow window goes to the toolbar's » menu, in the same order."""

    def __init__(self, actions: CompareActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("compareToolbar")
        self.setAccessibleName("Comparison toolbar")
        self.setMovable(False)
        self.setFloatable(False)
        self.setContentsMargins(8, 2, 8, 2)
        self.prev_button = _button(self, "prevChangeButton", "◀ Previous", "Previous change")
        self.next_button = _button(self, "nextChangeButton", "Next ▶", "Next change")
        self.prev_button.setToolTip("Previous change (Shift+F7)")
        self.next_button.setToolTip("Next change (F7)")
        self.prev_button.clicked.connect(actions.previous_change.trigger)
        self.next_button.clicked.connect(actions.next_change.trigger)
        self.position = QLabel(self)
        self.position.setObjectName("changePosition")
        self.position.setAccessibleName("Current change")
        self.position.setContentsMargins(6, 0, 6, 0)
        self.every_change = _mirror(self, "everyChangeToggle", actions.every_change, "Every change")
        self.hide_copy_edits = _mirror(self, "hideCopyEditsToggle", actions.hide_copy_edits)
        self.fold_boilerplate = _mirror(self, "foldBoilerplateToggle", actions.fold_boilerplate)
        self.ignore_button = QToolButton(self)
        self.ignore_button.setObjectName("ignoreMenuButton")
        self.ignore_button.setAccessibleName("Ignore differences in")
        self.ignore_button.setText("Ignore…")
        self.ignore_button.setToolTip("Ignore differences in case, punctuation or whitespace")
        self.ignore_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.ignore_button)
        menu.addActions(list(actions.ignore.values()))
        self.ignore_button.setMenu(menu)
        self.export_button = _button(self, "exportButton", "Export…", "Export comparison")
        self.export_button.setToolTip("Save the comparison as an HTML or PDF report (Ctrl+E)")
        self.export_button.clicked.connect(actions.export.trigger)
        actions.export.enabledChanged.connect(self.export_button.setEnabled)
        self.swap_button = _button(self, "swapButton", "⇄ Swap", "Swap sides")
        self.swap_button.setToolTip("Put the right-hand version on the left")
        self.swap_button.clicked.connect(actions.swap.trigger)
        spacer = QWidget(self)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        left: tuple[QWidget, ...] = (
            self.prev_button,
            self.next_button,
            self.position,
            self.every_change,
        )
        right: tuple[QWidget, ...] = (self.hide_copy_edits, self.fold_boilerplate)
        for widget in (*left, spacer, *right, self.ignore_button):
            self.addWidget(widget)
        self.addSeparator()
        self.addWidget(self.swap_button)
        self.addWidget(self.export_button)


def _button(parent: QWidget, name: str, text: str, accessible: str) -> QPushButton:
    button = QPushButton(text, parent)
    button.setObjectName(name)
    button.setAccessibleName(accessible)
    return button


def _mirror(parent: QWidget, name: str, action: QAction, label: str = "") -> QCheckBox:
    """A check box that shows and sets the checkable ``action``, labelled without its ``&``."""
    text = label or action.text().replace("&", "")
    box = QCheckBox(text[0] + text[1:].lower(), parent)
    box.setToolTip(action.toolTip())
    box.setObjectName(name)
    box.setAccessibleName(box.text())
    box.setChecked(action.isChecked())
    box.toggled.connect(action.setChecked)
    action.toggled.connect(box.setChecked)
    return box
