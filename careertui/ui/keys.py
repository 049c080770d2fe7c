"""Every key careertui answers to, for the help screen (F1) and the README.

The keys are read from the real Binding objects (by their ids), so a key
changed in code changes the help with it; only the sentence saying what a row
does is written here. tests/test_project.py fails when a binding is missing
from this list or the README's table differs from `readme_table()`; print the
table to paste with

    python -m careertui.ui.keys
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace

from textual.binding import Binding


@dataclass(frozen=True)
class KeyHelp:
    ids: tuple[str, ...]
    """The bindings this row covers; their keys, in this order, make the key column."""
    meaning: str


HELP: tuple[KeyHelp, ...] = (
    KeyHelp(("next-stage",), "Next stage (from anywhere, text fields included)"),
    KeyHelp(("previous-stage",), "Previous stage"),
    KeyHelp(("command-palette",), "Command palette: every action by name"),
    KeyHelp(("add-item",), "Add an item to the list in focus"),
    KeyHelp(("examples", "insert-question", "draft", "redraft", "prepare-note"),
            "Draft, redraft, examples, question bank or note (see the footer)"),
    KeyHelp(("copy-draft",), "Copy the draft (agenda, email) to the clipboard"),
    KeyHelp(("export-draft",), "Export the draft to a file (.md agenda, .eml email)"),
    KeyHelp(("mark-sent",), "Mark the thank-you email sent (Follow-up)"),
    KeyHelp(("show-preview", "show-editor"),
            "Between a draft's editor and its preview (narrow screens)"),
    KeyHelp(("save-ics",), "Save a calendar file (.ics): proposed times, check-ins or "
            "action items"),
    KeyHelp(("sort",), "Sort a table by its next column (Paths, Follow-up)"),
    KeyHelp(("move-up", "move-down"), "Move the selected item up or down a list"),
    KeyHelp(("delete",), "Delete the selected item (asks first)"),
    KeyHelp(("to-goal", "to-request"), "Turn a captured line into a goal / a request (Meeting)"),
    KeyHelp(("toggle-held",), "Mark the conversation held, or planned again (Meeting)"),
    KeyHelp(("conversation-history",), "Look back on every conversation (Meeting)"),
    KeyHelp(("journey",), "Your journey at a glance, month by month (Check-ins)"),
    KeyHelp(("share-safe",), "Share-safe view on/off: hide private items while sharing "
            "your screen"),
    KeyHelp(("dismiss-reminder",), "Dismiss the reminder under the header until what it "
            "says changes"),
    KeyHelp(("save",), "Save now (also saved a second after you stop typing)"),
    KeyHelp(("help",), "Show all keys"),
    KeyHelp(("quit",), "Save and quit"),
    KeyHelp(("focus-next", "focus-previous"), "Next / previous field"),
    KeyHelp(("open-choices",), "Open a drop-down (or type its option's first letter)"),
    KeyHelp(("text-start", "text-end"), "Start / end of the text you are writing"),
    KeyHelp(("close-dialog",), "Close a dialog"),
)
"""F1: every key in one place, in the order a newcomer needs them."""

UNLISTED: dict[str, str] = {
    "close-help": "the help screen says how to close it itself",
    "open-choices-too": "space and the arrows open a drop-down too, as enter does",
}
"""Binding ids deliberately left out of the help, and why."""

_TEXTUAL_IDS = {"app.focus_next": "focus-next", "app.focus_previous": "focus-previous"}
"""Textual's own bindings careertui documents, named for this list."""


def bindings() -> Iterator[tuple[type, Binding]]:
    """Every binding careertui declares, with the class it is declared on, plus the
    Textual ones a person relies on (the palette, tab to move between fields)."""
    from textual.screen import Screen

    from .app import CareerApp
    from .screens import confirm, draft_beside, help, history, journey, note, pick, profile
    from .stages import STAGES
    from .widgets.choice import ChoiceField, ChoiceMenu
    from .widgets.markdown_editor import MarkdownEditor
    from .widgets.record_list import RecordList

    owners: list[type] = [
        CareerApp, RecordList, MarkdownEditor, ChoiceField, ChoiceMenu, confirm.ChoiceDialog,
        draft_beside.DraftBesideScreen,
        help.HelpScreen, history.HistoryScreen, history.ConversationScreen,
        journey.JourneyScreen, note.NoteScreen,
        pick.PickScreen, profile.ProfileScreen,
        *(stage.load() for stage in STAGES),
    ]
    for owner in owners:
        for binding in Binding.make_bindings(owner.__dict__.get("BINDINGS", [])):
            yield owner, binding
    yield CareerApp, Binding(
        CareerApp.COMMAND_PALETTE_BINDING, "command_palette", "palette", id="command-palette"
    )
    for binding in Binding.make_bindings(Screen.BINDINGS):
        if binding.action in _TEXTUAL_IDS:
            yield Screen, replace(binding, id=_TEXTUAL_IDS[binding.action])


def help_rows() -> list[tuple[str, str]]:
    """(keys, meaning) for each row of the help, keys as the bindings declare them."""
    keys_by_id: dict[str, list[str]] = {}
    for _, binding in bindings():
        if binding.id is not None:
            known = keys_by_id.setdefault(binding.id, [])
            for key in binding.key.split(","):
                if key.strip() not in known:
                    known.append(key.strip())
    rows = []
    for entry in HELP:
        keys: list[str] = []
        for binding_id in entry.ids:
            keys += [key for key in keys_by_id.get(binding_id, []) if key not in keys]
        rows.append((" / ".join(keys), entry.meaning))
    return rows


def readme_table() -> str:
    """The README's key table, as Markdown."""
    lines = ["| Key | What it does |", "| --- | --- |"]
    lines += [f"| `{keys}` | {meaning} |" for keys, meaning in help_rows()]
    return "\n".join(lines)


if __name__ == "__main__":
    print(readme_table())
