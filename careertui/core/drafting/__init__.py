"""Turning the workbook into text someone else reads: agendas and emails.

Pure functions from model records to Markdown; nothing here imports Textual.
"""


def text_file(text: str) -> bytes:
    """A text as the bytes of a file: UTF-8, ending with a line break. Without one, tools
    that read a file line by line drop its last line, and `cat` runs it into the prompt."""
    return (text if text.endswith("\n") or not text else text + "\n").encode("utf-8")
