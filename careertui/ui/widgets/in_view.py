"""Bring some rows of a widget into view, not the whole widget: the page scrolls to a
list's row with the cursor, the rest of the list may stay below the fold."""

from __future__ import annotations

from typing import Any

from textual.geometry import Offset, Region
from textual.widget import Widget
from textual.widgets import DataTable


def rows_to_cursor(table: DataTable[Any]) -> int:
    """How many of the table's rows, from its top edge, run down to the cursor's row
    (its border and header included): the part of a list a person must see."""
    border = table.styles.border.spacing.top
    first = border + table.header_height * table.show_header
    last = table.outer_size.height - 1 - table.styles.border.spacing.bottom
    # The table scrolls itself to the cursor too; it may not have yet.
    row = min(max(first + table.cursor_row - round(table.scroll_y), first), max(first, last))
    return row + 1


def show_rows(widget: Widget, top: int, height: int) -> None:
    """Scroll every container around `widget`, nearest first, just enough to show its
    rows `top` to `top + height` (as `Widget.scroll_to_widget` does for a whole widget).

    Worked out in each container's own coordinates, which a scroll does not change, so
    asking twice in one frame (two keys, or the stage's entry and a key) scrolls once:
    the regions on screen are the last frame's until the next is drawn."""
    region = widget.virtual_region_with_margin
    if not region.size:
        return
    region = Region(region.x, region.y + widget.styles.margin.top + top, region.width, height)
    while isinstance(widget.parent, Widget) and region:
        container = widget.parent
        offset = Offset(0, 0)
        if widget.styles.dock == "none":
            offset = container.scroll_to_region(region, animate=False, immediate=True)
        region = (region.translate(-offset)
                  .translate(container.styles.margin.top_left)
                  .translate(container.styles.border.spacing.top_left)
                  .translate(container.virtual_region_with_margin.offset)
                  .grow(container.styles.margin)
                  .intersection(container.virtual_region_with_margin))
        widget = container
