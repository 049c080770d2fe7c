"""The Textual-free core: records, the store, dates and every domain rule.

Nothing here imports Textual or careertui.ui: the UI is built on top of it,
and the command line (export, sample) runs on it alone.
"""
