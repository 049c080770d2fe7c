"""Turning the workbook into text someone else reads: agendas and emails.

Pure functions from model records to Markdown; nothing here imports Textual.
"""
