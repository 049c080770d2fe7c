"""The terminal UI: the app, its stages, widgets and dialogs, built on careertui.core."""
