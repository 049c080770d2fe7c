"""Widgets shared by several stages."""
