"""careertui: a private terminal workbook for your career development conversation."""

__version__ = "0.1.0"
