"""Modal screens shared by the whole app."""
