"""Every key careertui answers to, for the help screen and the README.

Kept as plain data so a test can check that the help screen, the bindings and
the README agree.
"""

KEYS: tuple[tuple[str, str], ...] = (
    ("ctrl+pagedown", "Next stage (from anywhere, text fields included)"),
    ("ctrl+pageup", "Previous stage"),
    ("ctrl+p", "Command palette: every action by name"),
    ("ctrl+n", "Add an item to the list in focus"),
    ("f2", "Draft, redraft, examples, question bank or note (see the footer)"),
    ("f3", "Copy the draft (agenda, email) to the clipboard"),
    ("f4", "Export the draft to a file (.md agenda, .eml email)"),
    ("f5", "Mark the thank-you email sent (Follow-up)"),
    ("s", "Sort a table by its next column (Paths, Follow-up)"),
    ("ctrl+up / ctrl+down", "Move the selected item up or down a list"),
    ("delete", "Delete the selected item (asks first)"),
    ("g / r", "Turn a captured line into a goal / a request (Meeting)"),
    ("ctrl+s", "Save now (also saved a second after you stop typing)"),
    ("f1", "Show all keys"),
    ("ctrl+q", "Save and quit"),
    ("tab / shift+tab", "Next / previous field"),
    ("escape", "Close a dialog"),
)
