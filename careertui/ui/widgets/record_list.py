"""A list of records with a form for the one selected: add, edit, reorder, delete.

Used for achievements, paths, interviews, goals and requests. The list never
writes the workbook itself: it posts `Added`, `Saved` and `Deleted` and the
stage decides (messages up). What it shows is given by `Field` and `Column`
specs, and where its records come from by a `source` the stage gives it, so
it can show the workbook afresh after another stage changed it. It carries
its own styles (`DEFAULT_CSS`, theme colours only), so it works in any app.

The form writes only what the person changed: filling it from a record (on
select, on reload, when the options of a choice change) never posts a change.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import suppress
from dataclasses import dataclass
from datetime import date
from typing import Any, Generic, NamedTuple, TypeVar

from rich.cells import cell_len
from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widget import Widget
from textual.widgets import (
    Button,
    DataTable,
    Input,
    Label,
    SelectionList,
    Static,
    TextArea,
)
from textual.widgets.data_table import ColumnKey, RowDoesNotExist

from ...core import sharing
from ...core.model import Record
from ..closing import closing, unless_closing
from .choice import ChoiceField
from .fields import DateInput, ShareableToggle
from .in_view import rows_to_cursor, show_rows
from .plain import plain, plain_cell, show_text, sort_key
from .wrapping import WrappingTextArea

Choices = Sequence[tuple[str, str]]

R = TypeVar("R", bound=Record)
"""The kind of record a list shows."""
R_contra = TypeVar("R_contra", bound=Record, contravariant=True)
"""What a column reads: a column of any record (`SHARE_COLUMN`) fits every list."""

FORM_CHANGES = (Input.Changed, TextArea.Changed, ChoiceField.Changed,
                SelectionList.SelectedChanged, DateInput.Changed, ShareableToggle.Changed)
"""What the form's fields post when their value changes: held back while the form is
filled from a record."""


@dataclass(frozen=True)
class Field:
    """One thing to fill in: `kind` is text, long, date, choice or links."""

    name: str
    label: str
    kind: str = "text"
    choices: Choices = ()
    placeholder: str = ""


@dataclass(frozen=True)
class Column(Generic[R_contra]):
    """A column of the list: its value is shown and sorted on.

    `id` names the column's key in the table (the label when not given);
    ids are unique within a list. `drop` lets a column give way when the table is
    too narrow for all of them (highest first; 0 stays), so the columns that say
    where a record stands (status, share) stay in view at 80 columns.
    """

    label: str
    value: Callable[[R_contra], str | int]
    id: str = ""
    drop: int = 0

    @property
    def key(self) -> str:
        return self.id or self.label


CELL_MAX = 60
"""The widest a cell is drawn; longer text is cut with an ellipsis (the form shows it whole)."""
CELL_MIN = 8
"""Cut no narrower than this, however many columns there are."""
CELL_READABLE = 20
"""Cells cut to this width still read well: columns give way only when even
then they do not all fit (a table cut a little beats one missing a column)."""
TABLE_ROWS = 7
"""Rows the table shows before it scrolls (its `max-height` less border and header)."""
CELL_PAD = 2
"""A table cell's padding, one each side."""


def fit_columns(labels: Sequence[int], naturals: Sequence[int], drops: Sequence[int],
                width: int | None) -> tuple[tuple[int, ...], int]:
    """Which columns to show, and how wide a cell may be, for a table `width` wide.

    Columns with a `drop` give way (highest first) only while the columns would
    not fit even with every cell cut to `CELL_READABLE`; then the widest cells
    are cut, all to the same width, until the rest fits: a 300-character title
    never pushes the status off the table. `labels` and `naturals` are the widths
    of each column's label and of its widest cell; `width` None means no limit yet.
    """
    shown = list(range(len(naturals)))

    def total(cap: int) -> int:
        return sum(max(labels[i], min(naturals[i], cap)) + CELL_PAD for i in shown)

    if width is None:
        return tuple(shown), CELL_MAX
    for i in sorted((i for i in shown if drops[i] > 0), key=lambda i: -drops[i]):
        if total(CELL_READABLE) <= width:
            break
        shown.remove(i)
    cap = CELL_MAX
    while cap > CELL_MIN and total(cap) > width:
        cap -= 1
    return tuple(shown), cap


def cut_cell(value: str | int, cap: int) -> Text | int:
    """A cell as drawn: one line, at most `cap` wide, cut with an ellipsis."""
    cell = plain_cell(value)
    if isinstance(cell, Text):
        if any(c in cell.plain for c in "\n\r\t"):
            cell = plain(" ".join(cell.plain.split()))
        if cell.cell_len > cap:
            cell.truncate(cap, overflow="ellipsis")
    return cell


def _cell_width(value: str | int) -> int:
    return cell_len(" ".join(str(value).split())) if isinstance(value, str) else len(str(value))


SHARE_COLUMN: Column[Record] = Column(
    "Share", lambda record: "shareable" if record.shareable else "private", id="share")
"""Every list shows whether a record may leave the workbook, in the same words."""


_UNSET = object()


class TableLayout(NamedTuple):
    """How a list's table is laid out for its width (see `fit_columns`)."""

    shown: tuple[int, ...]
    """The columns in the table, by index (narrow tables drop some)."""
    cap: int
    """How wide a cell may be."""
    widths: tuple[int, ...]
    """Each shown column's width: its widest cell as cut, or its label."""


class RecordMessage(Message):
    """Something happened to one record of a list."""

    def __init__(self, record_list: RecordList[Any], record: Record) -> None:
        super().__init__()
        self.record_list = record_list
        self.record = record

    @property
    def control(self) -> RecordList[Any]:
        return self.record_list


class RecordList(Vertical, Generic[R]):
    """Records of one kind in a table, the selected one in a form below it."""

    DEFAULT_CSS = """
    RecordList {
        height: auto;
        margin-bottom: 1;
    }

    RecordList > .record-table {
        height: auto;
        max-height: 10;
        border: round $panel;
    }

    RecordList > .record-table:focus {
        border: round $primary;
    }

    RecordList > .record-empty {
        color: $text-muted;
        text-style: italic;
        padding: 0 1;
    }

    RecordList > .record-hidden {
        color: $text-muted;
        padding: 0 1;
    }

    RecordList > .record-form {
        height: auto;
        padding: 1 1 0 1;
    }

    .record-form .form-field {
        height: auto;
    }

    .record-form .form-label {
        width: 17;
        color: $text-muted;
    }

    .record-form Input, .record-form ChoiceField {
        width: 1fr;
    }

    .record-form .long-field {
        height: 3;
    }

    .record-form .links-field {
        height: auto;
        max-height: 5;
    }

    /* An unticked link's box is empty, not a dim X: a new goal looked linked to every path. */
    .record-form .links-field > .selection-list--button,
    .record-form .links-field > .selection-list--button-highlighted {
        color: $panel;
    }

    .record-hint {
        color: $warning;
        height: auto;
        width: 1fr;
    }
    """

    BINDINGS = [
        Binding("ctrl+n", "add", "Add", id="add-item"),
        Binding("delete", "delete", "Delete", id="delete"),
        Binding("ctrl+up", "move(-1)", "Move up", id="move-up"),
        Binding("ctrl+down", "move(1)", "Move down", show=False, id="move-down"),
        Binding("s", "sort", "Sort", id="sort"),
    ]

    class Added(RecordMessage):
        """A new record (ctrl+n, or "add it back"): the stage adds it to the workbook."""

    class Saved(RecordMessage):
        """A record was changed: the stage writes it to the workbook."""

    class Deleted(RecordMessage):
        """A record was removed from the list: the stage deletes it from the workbook."""

    class Selected(RecordMessage):
        """The form now shows this record (the stage may add a hint)."""

    def __init__(
        self,
        records: Sequence[R],
        *,
        fields: Sequence[Field],
        columns: Sequence[Column[R]],
        new_record: Callable[[], R],
        noun: str,
        today: date,
        choices: Callable[[str], Choices] | None = None,
        sortable: bool = False,
        apply: Callable[[R, str, Any], bool] | None = None,
        order: Callable[[R], Any] | None = None,
        add_first: bool = False,
        newest_first: bool = False,
        source: Callable[[], Sequence[R]] | None = None,
        main_field: str = "",
        id: str | None = None,
    ) -> None:
        super().__init__(id=id, classes="record-list")
        keys = [column.key for column in columns]
        if len(set(keys)) != len(keys):
            raise ValueError(f"column ids must be unique within a list: {keys}")
        self._order: Callable[[R], Any] = order or (lambda r: (r.position, r.created))
        self.newest_first = newest_first
        """Shown in the reverse of `order` (check-ins: the latest on top)."""
        self.records = self._sorted(records)
        self.source = source
        """Where the records come from (the workbook, through the stage): `refresh_records`."""
        self.fields = list(fields)
        self.columns = list(columns)
        self.new_record = new_record
        self.noun = noun
        self.today = today
        self._choices = choices
        self.sortable = sortable
        self.add_first = add_first
        """New records go to the top (lists shown newest first)."""
        self._apply = apply
        """Sets a value the record cannot take as a plain attribute (a status with a
        dated history); returns True when it did, False to set the attribute."""
        self._main_field = main_field
        """Where the cursor goes in a new record, if not the first empty text field."""
        self._sort_index: int | None = None
        self._form_ready = False
        self._form_mounting = False
        self._focus_after_mount = False
        self._gone: R | None = None
        self._extra_choice: set[str] = set()
        """Choice fields now offering the shown record's value beyond their options."""
        self._hidden_fields: set[str] = set()
        """Fields showing "hidden while sharing" instead of the selected record's text."""
        self._loaded_id: str | None = None
        """The record the form shows."""
        self._synced: dict[str, Any] = {}
        """Each field's value as last written to it or taken from it, for that record."""
        self._naturals = [0] * len(self.columns)
        """The widest cell of each column, as last measured."""
        self._width: int | None = None
        """The list's width when last laid out. Not `size`, which is 0 while the list's
        stage is hidden: a list refilled then (a change made on another stage) laid
        its table out for any width, and filled and laid out everything again when
        shown."""
        self._table_layout = self._layout_for(None)
        """The columns in the table now (narrow tables drop some), how wide a cell may
        be, and each shown column's width."""

    # -- layout ------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        table: DataTable[Text | int] = DataTable(
            cursor_type="row", zebra_stripes=True, classes="record-table"
        )
        self._add_columns(table)
        yield table
        yield Static("", classes="record-empty", markup=False)
        yield Static("", classes="record-hidden", markup=False)
        if self.records:
            yield self._build_form()

    def _build_form(self) -> Vertical:
        """The form, built only once there is a record to show: an empty list stays light.

        Built with its change messages held back: a field filled as it is mounted
        makes no change of the person's (a Select's first option once cleared a link).
        """
        with self.prevent(*FORM_CHANGES):
            return self._form_widgets()

    def _form_widgets(self) -> Vertical:
        rows = [
            Horizontal(Label(spec.label, classes="form-label"), self._field_widget(spec),
                       classes="form-field")
            for spec in self.fields
        ]
        rows.append(Horizontal(Label("", classes="form-label"),
                               ShareableToggle(id="field-shareable"), classes="form-field"))
        rows.append(Horizontal(Label("", classes="form-label"),
                               Static("", classes="record-hint", markup=False),
                               classes="form-field record-hint-row"))
        gone = Horizontal(Label("", classes="form-label"),
                          Static("", classes="record-gone-text", markup=False),
                          Button("Add it back", compact=True, classes="record-add-back"),
                          classes="form-field record-gone")
        gone.display = False
        rows.append(gone)
        return Vertical(*rows, classes="record-form")

    @property
    def has_form(self) -> bool:
        """The form and all its fields are mounted (fields are queried by id)."""
        return self._form_ready

    async def _mount_form(self) -> None:
        await self.mount(self._build_form())
        if closing(self):
            return  # the app is quitting: the form is gone again
        self._form_ready = True
        self._load_form()
        if self._focus_after_mount:
            self._focus_after_mount = False
            self._focus_first_field()

    def _field_widget(self, spec: Field) -> Widget:
        widget_id = f"field-{spec.name}"
        if spec.kind == "long":
            return WrappingTextArea(soft_wrap=True, tab_behavior="focus", compact=True,
                                    id=widget_id, classes="long-field",
                                    placeholder=spec.placeholder)
        if spec.kind == "date":
            return DateInput(today=self.today, placeholder=spec.placeholder, id=widget_id)
        if spec.kind == "choice":
            return ChoiceField(self._options(spec), id=widget_id)
        if spec.kind == "links":
            return SelectionList[str](*self._options(spec), compact=True, id=widget_id,
                                      classes="links-field")
        return Input(placeholder=spec.placeholder, compact=True, id=widget_id,
                     select_on_focus=False)  # typing adds to the text, never replaces it

    def _options(self, spec: Field) -> list[tuple[Text, str]]:
        choices = spec.choices or (self._choices(spec.name) if self._choices else ())
        return [(plain(label), value) for label, value in choices]  # labels name records

    @unless_closing
    def on_mount(self) -> None:
        self._form_ready = self._form_mounting = bool(self.records)  # composed with the list
        self._fill_table()

    # -- showing records -----------------------------------------------------------

    @property
    def table(self) -> DataTable[Text | int]:
        return self.query_one(DataTable)

    @property
    def selected(self) -> R | None:
        table = self.table
        if not self.records or table.row_count == 0:
            return None
        row_key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
        return next((r for r in self.records if r.id == row_key.value), None)

    def _raw(self, record: R) -> list[str | int]:
        return [column.value(record) for column in self.columns]

    def _cells(self, raw: Sequence[str | int]) -> list[Text | int]:
        state = self.share_safe
        if state is not None and state.hiding:  # a shareable item quoting a private one
            raw = [value if not isinstance(value, str) or state.shows(value) else sharing.HIDDEN
                   for value in raw]
        return [cut_cell(raw[index], self._cap) for index in self._shown]

    def _table_width(self) -> int | None:
        """The room for cells: the list's width less the table's border, and less its
        scrollbar when there are more rows than it shows at once."""
        width = self._width if self._width is not None else self.size.width
        if width <= 0:
            return None
        scrolls = len(self.records) > TABLE_ROWS
        return width - 2 - (self.table.styles.scrollbar_size_vertical if scrolls else 0)

    @property
    def _shown(self) -> tuple[int, ...]:
        return self._table_layout.shown

    @property
    def _cap(self) -> int:
        return self._table_layout.cap

    def _layout_for(self, width: int | None) -> TableLayout:
        labels = [cell_len(column.label) for column in self.columns]
        drops = [column.drop for column in self.columns]
        shown, cap = fit_columns(labels, self._naturals, drops, width)
        widths = tuple(max(labels[i], min(self._naturals[i], cap)) for i in shown)
        return TableLayout(shown, cap, widths)

    def _layout(self) -> TableLayout:
        """The columns, cell width and column widths that fit the table's width now."""
        return self._layout_for(self._table_width())

    def _add_columns(self, table: DataTable[Text | int]) -> None:
        """Columns as wide as their widest cell as cut: given, not measured by the table
        when it is next idle, so rows are drawn at their width from the first frame
        (a table measured late kept lines drawn at its labels' widths)."""
        layout = self._table_layout
        for index, width in zip(layout.shown, layout.widths, strict=True):
            column = self.columns[index]
            table.add_column(column.label, key=column.key, width=width)

    def _apply_layout(self) -> None:
        """Lay the table out for its width: its columns are rebuilt when they change
        (which empties it; `_fill_table` refills it)."""
        layout = self._layout()
        if layout == self._table_layout:
            return
        self._table_layout = layout
        table = self.table
        table.clear(columns=True)
        self._add_columns(table)

    def on_resize(self, event: events.Resize) -> None:
        self._width = event.size.width - self.styles.gutter.width
        if self._layout() != self._table_layout:
            self._fill_table()

    def _fill_table(self, select: str | None = None) -> None:
        table = self.table
        keep = select or (self.selected.id if self.selected else None)
        raws = [self._raw(record) for record in self.records]
        self._naturals = [
            min(CELL_MAX, max((_cell_width(raw[index]) for raw in raws), default=0))
            for index in range(len(self.columns))
        ]
        self._apply_layout()
        table.clear()
        for record, raw in zip(self.records, raws, strict=True):
            table.add_row(*self._cells(raw), key=record.id)
        if self._sort_index is not None:
            self._apply_sort()
        if keep is not None:
            self._move_cursor_to(keep)
        hidden = self._show_hidden()
        empty = self.query_one(".record-empty", Static)
        show_text(empty, f"No {self.noun}s yet. ctrl+n adds one." if not self.records else "")
        empty.display = not self.records and not hidden
        if self.records and not self.has_form:
            if not self._form_mounting:
                self._form_mounting = True
                self.run_worker(self._mount_form(), group="record-form")
            return
        if self.has_form:
            form = self.query_one(".record-form")
            focused = self.screen.focused
            if not self.records and focused is not None and form in focused.ancestors:
                # its last record gone from under the cursor (an action item marked done
                # where only open ones are listed): the cursor stays in the list, where
                # ctrl+n adds the next; hidden with the form, it was nowhere
                self.table.focus(scroll_visible=False)
            form.display = bool(self.records)
        self._load_form()

    @property
    def share_safe(self) -> sharing.ShareSafe | None:
        """The app's share-safe switch, if it has one (this list works in any app)."""
        state = getattr(self.app, "sharing", None)
        return state if isinstance(state, sharing.ShareSafe) else None

    def _show_hidden(self) -> int:
        """Say how many private items the list leaves out while sharing ("3 private
        items hidden"); returns that count, 0 when none."""
        state = self.share_safe
        count = state.count_hidden(self.source) if state is not None and self.source else 0
        note = self.query_one(".record-hidden", Static)
        show_text(note, sharing.hidden_note(count))
        note.display = count > 0
        return count

    def _sorted(self, records: Sequence[R]) -> list[R]:
        return sorted(records, key=self._order, reverse=self.newest_first)

    def reload(self, select: str | None = None) -> None:
        """Show `self.records` afresh (after the owner replaced them)."""
        self._fill_table(select=select)

    def refresh_records(self) -> None:
        """Show the records as the workbook has them now (another stage changed them).

        Rows whose records are the same, in the same order, are only updated
        where a cell differs; the form shows the selected record's saved values
        without posting a change; a deleted record's row goes.
        """
        if self.source is None:
            self.refresh_choices()
            return
        fresh = self._sorted(self.source())
        if self._sort_index is None and [r.id for r in fresh] == [r.id for r in self.records]:
            self.records = fresh
            for record in fresh:
                self.refresh_row(record)
            self._hide_gone()
            self.refresh_choices()
            self._show_hidden()
            return
        self.records = fresh
        self._hide_gone()
        self._refresh_options()
        self._fill_table()

    def refresh_row(self, record: R) -> None:
        """Show `record`'s values in its row, changing only the cells that differ
        (a stage that changed it, or something a column counts, without a reload:
        the form and the cursor stay as they are). A record not shown is ignored."""
        table = self.table
        if record.id not in table.rows:
            return
        raw = self._raw(record)
        wider = False
        for index, value in enumerate(raw):
            width = min(CELL_MAX, _cell_width(value))
            if width > self._naturals[index]:
                self._naturals[index], wider = width, True
        if wider:
            layout, was = self._layout(), self._table_layout
            if (layout.shown, layout.cap) != (was.shown, was.cap):
                self._fill_table()  # the table no longer fits as it was: lay it out again
                return
            self._table_layout = layout
            for index, width in zip(layout.shown, layout.widths, strict=True):
                table.columns[ColumnKey(self.columns[index].key)].width = width  # in place
        for index, cell in zip(self._shown, self._cells(raw), strict=True):
            key = self.columns[index].key
            if table.get_cell(record.id, key) != cell:
                table.update_cell(record.id, key, cell, update_width=wider)

    def _move_cursor_to(self, record_id: str) -> None:
        table = self.table
        with suppress(RowDoesNotExist):  # a row that vanished: leave the cursor where it is
            table.move_cursor(row=table.get_row_index(record_id))

    def refresh_choices(self) -> None:
        """Options that come from other records (goals, paths) may have changed."""
        if not self.has_form:
            return
        self._refresh_options()
        self._load_form()

    def _refresh_options(self) -> None:
        """New options, then the selected record's own value again: new options can
        change the choice shown, which must not be taken for the person's choice."""
        if not self.has_form:
            return
        with self.prevent(ChoiceField.Changed, SelectionList.SelectedChanged):
            for spec in self.fields:
                if spec.kind == "choice" and not spec.choices:
                    choice = self.query_one(f"#field-{spec.name}", ChoiceField)
                    choice.set_options(self._options(spec))
                    self._extra_choice.discard(spec.name)
                    self._synced.pop(spec.name, None)  # emptied: the form sets it again
                elif spec.kind == "links":
                    links = self.query_one(f"#field-{spec.name}", SelectionList)
                    links.clear_options()
                    links.add_options(self._options(spec))
                    self._synced.pop(spec.name, None)

    def set_hint(self, text: str) -> None:
        if not self.has_form:
            return
        hint = self.query_one(".record-hint", Static)
        show_text(hint, text)
        self.query_one(".record-hint-row").display = bool(text)

    def _load_form(self) -> None:
        record = self.selected
        if record is None or not self.has_form:
            return
        if self._gone is not None and record is not self._gone:
            self._hide_gone()
        # Filled without posting changes; a change posted before and overtaken by this
        # fill is dropped by its handler (its value is no longer the field's). So the
        # record the form already shows (the table laid out again while keys arrive,
        # new options) rewrites only the fields whose value changed elsewhere: a field
        # typed into faster than its changes are handled is ahead of the record.
        same = record.id == self._loaded_id
        self._loaded_id = record.id
        state = self.share_safe
        with self.prevent(*FORM_CHANGES):
            for spec in self.fields:
                value = getattr(record, spec.name)
                hidden = (spec.kind in {"text", "long"} and state is not None
                          and isinstance(value, str) and not state.shows(value))
                if (same and (spec.name in self._hidden_fields) == hidden
                        and self._synced.get(spec.name, _UNSET) == value):
                    continue
                self._hide_field(spec, hidden)
                self._set_widget(spec, sharing.HIDDEN if hidden else value)
                self._synced[spec.name] = value
            self.query_one("#field-shareable", ShareableToggle).show(record)
        self.post_message(self.Selected(self, record))

    def _hide_field(self, spec: Field, hidden: bool) -> None:
        """While sharing, a text that quotes a private item shows "hidden while sharing"
        and cannot be typed in (what it holds stays as it was in the workbook)."""
        widget = self.query_one(f"#field-{spec.name}")
        if hidden:
            self._hidden_fields.add(spec.name)
        else:
            self._hidden_fields.discard(spec.name)
        widget.disabled = hidden

    def _set_widget(self, spec: Field, value: Any) -> None:
        widget = self.query_one(f"#field-{spec.name}")
        if isinstance(widget, TextArea):
            if widget.text != (value or ""):
                with widget.prevent(TextArea.Changed):
                    widget.load_text(value or "")
        elif isinstance(widget, DateInput):
            widget.set_value(value or "")
        elif isinstance(widget, ChoiceField):
            self._set_choice(spec, widget, "" if value is None else str(value))
        elif isinstance(widget, SelectionList):
            with widget.prevent(SelectionList.SelectedChanged):
                widget.deselect_all()
                for item in value or []:
                    widget.select(item)  # a gone linked record: kept, shown nowhere
        elif isinstance(widget, Input):
            text = "" if value is None else str(value)
            if widget.value != text:
                with widget.prevent(Input.Changed):
                    widget.value = text

    def _set_choice(self, spec: Field, widget: ChoiceField, value: str) -> None:
        """Show the record's own choice. A value the options lack (a choice an older
        file knew, an empty one) is shown as itself, as an extra option, never left
        showing the previous record's choice."""
        options = self._options(spec)
        known = any(option == value for _, option in options)
        with widget.prevent(ChoiceField.Changed):
            if not known:
                state = self.share_safe
                label = (Text(sharing.HIDDEN) if value and state is not None and state.hiding
                         else plain(value) if value else Text("Not set"))
                widget.set_options([*options, (label, value)])
                self._extra_choice.add(spec.name)
            elif spec.name in self._extra_choice:
                widget.set_options(options)
                self._extra_choice.discard(spec.name)
            widget.value = value

    @on(DataTable.RowHighlighted)
    def _row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        self._load_form()
        if event.data_table.has_focus:  # after the frame, when the table has scrolled
            self.call_after_refresh(self._keep_cursor_row_seen, event.data_table)

    def _keep_cursor_row_seen(self, table: DataTable[Any]) -> None:
        """Scroll the page, not only the table, to the row the cursor moved to. A stage
        can open with just the list's first rows above the fold (Check-ins, under its
        overview), and a page scrolled with the mouse can leave the list half out of
        view: the cursor then moved down rows no one could see."""
        if table.is_attached and table.has_focus:
            show_rows(table, rows_to_cursor(table) - 1, 1)

    # -- editing -------------------------------------------------------------------

    def edit(self, name: str, value: Any) -> None:
        """Change a field of the selected record as if typed (used by pickers)."""
        self._edited(name, value)

    def _edited(self, name: str, value: Any) -> None:
        record = self.selected
        if record is None or name in self._hidden_fields or getattr(record, name) == value:
            return
        if self._apply is None or not self._apply(record, name, value):
            setattr(record, name, value)
        self._synced[name] = getattr(record, name)  # what the field shows is the record's
        self.post_message(self.Saved(self, record))
        self.refresh_row(record)

    @staticmethod
    def _field_name(widget: Widget | None) -> str:
        return (widget.id or "").removeprefix("field-") if widget else ""

    @on(Input.Changed, ".form-field > Input")
    def _input_changed(self, event: Input.Changed) -> None:
        event.stop()
        if event.value != event.input.value:
            return  # overtaken: the form was filled with a record since it was posted
        self._edited(self._field_name(event.input), event.value)

    @on(TextArea.Changed, ".form-field > TextArea")
    def _text_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        self._edited(self._field_name(event.text_area), event.text_area.text)

    @on(DateInput.Changed)
    def _date_changed(self, event: DateInput.Changed) -> None:
        event.stop()
        self._edited(self._field_name(event.date_input), event.stored)

    @on(ChoiceField.Changed, ".form-field > ChoiceField")
    def _choice_changed(self, event: ChoiceField.Changed) -> None:
        event.stop()
        if event.value == event.field.value:
            self._edited(self._field_name(event.field), event.value)

    @on(SelectionList.SelectedChanged)
    def _links_changed(self, event: SelectionList.SelectedChanged[str]) -> None:
        event.stop()
        self._edited(self._field_name(event.selection_list), list(event.selection_list.selected))

    @on(ShareableToggle.Changed, "#field-shareable")
    def _shareable_changed(self, event: ShareableToggle.Changed) -> None:
        event.stop()
        if event.value == event.checkbox.value:
            self._edited("shareable", event.value)

    # -- actions -------------------------------------------------------------------

    def action_add(self) -> None:
        record = self.new_record()
        state = self.share_safe
        sharing_now = state is not None and state.hiding
        if sharing_now:  # never a private item on a shared screen, and no question asked
            record.shareable = sharing.new_is_shareable(True)
        record.position = max((r.position for r in self.records), default=0) + 1
        if self.add_first:
            self.records.insert(0, record)
        else:
            self.records.append(record)
        self.post_message(self.Added(self, record))
        self._fill_table(select=record.id)
        if self.has_form:
            self.call_after_refresh(self._focus_first_field)
        else:
            self._focus_after_mount = True
        if sharing_now:
            self.notify(f"New {self.noun} {sharing.ADDED_SHAREABLE}.", title="Share-safe view")

    # -- a record deleted elsewhere ------------------------------------------------

    def show_gone(self, record: R) -> None:
        """The selected record was deleted elsewhere while shown here: keep what was
        typed in the form, say so, and offer to add it back (never silently)."""
        if not self.has_form or self.selected is not record:
            return
        self._gone = record
        row = self.query_one(".record-gone")
        row.query_one(".record-gone-text", Static).update(
            f"This {self.noun} was deleted elsewhere. What you typed is kept here, "
            "but not saved.")
        row.display = True

    def _hide_gone(self) -> None:
        self._gone = None
        if self.has_form:
            self.query_one(".record-gone").display = False

    @on(Button.Pressed, ".record-add-back")
    def _add_back(self, event: Button.Pressed) -> None:
        event.stop()
        record = self._gone
        self._hide_gone()
        if record is not None:
            self.post_message(self.Added(self, record))
            self.notify(f"The {self.noun} is back in your workbook.")

    def main_field(self, record: R) -> str:
        """The field a person types first in a new record: the first text the record
        left empty (what, role, title, ask), so a filled-in date is never typed over."""
        if self._main_field:
            return self._main_field
        texts = [spec for spec in self.fields if spec.kind in {"text", "long"}]
        for spec in texts:
            if not getattr(record, spec.name, ""):
                return spec.name
        return (texts or self.fields)[0].name

    def _focus_first_field(self) -> None:
        record = self.selected
        form = self.query_one(".record-form")
        target: Widget = form.query("Input, TextArea, ChoiceField").first()
        if record is not None:
            field = form.query_one(f"#field-{self.main_field(record)}")
            target = field.input if isinstance(field, DateInput) else field
        target.focus(scroll_visible=False)
        # Scrolled to once laid out: a form mounted or refilled just now has no place on
        # screen yet, and scrolling to it then left it below the stage's visible area.
        self.call_after_refresh(self._show_field, target)

    def _show_field(self, target: Widget) -> None:
        if target.is_attached and target.has_focus:
            target.scroll_visible(animate=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        in_table = self.app.focused is self.table  # at once: has_focus lags a message behind
        if action in {"delete", "move"}:
            return in_table and bool(self.records)
        if action == "sort":
            return in_table and self.sortable
        return True

    def action_delete(self) -> None:
        self._confirm_delete()

    @work(exclusive=True, group="record-delete")
    async def _confirm_delete(self) -> None:
        record = self.selected
        if record is None:
            return
        from ..screens.confirm import ChoiceDialog

        summary = str(self.columns[0].value(record)) or f"this {self.noun}"
        answer = await self.app.push_screen_wait(
            ChoiceDialog(
                f"Delete this {self.noun}?",
                f"“{summary}” will be removed from your workbook.",
                [("keep", "Keep it"), ("delete", "Delete")],
                escape_choice="keep",
            )
        )
        if answer != "delete":
            return
        index = self.records.index(record)
        self.records.remove(record)
        self.post_message(self.Deleted(self, record))
        following = self.records[min(index, len(self.records) - 1)].id if self.records else None
        self._fill_table(select=following)
        self.table.focus()
        self.notify(f"Deleted the {self.noun} “{summary}”.")

    def action_move(self, step: int) -> None:
        record = self.selected
        if record is None:
            return
        self._sort_index = None
        index = self.records.index(record)
        target = index + step
        if not 0 <= target < len(self.records):
            return
        self.records[index], self.records[target] = self.records[target], self.records[index]
        for position, item in enumerate(self.records, start=1):
            if item.position != position:
                item.position = position
                self.post_message(self.Saved(self, item))
        self._fill_table(select=record.id)

    def action_sort(self) -> None:
        """Sort by the next column (first press: the first column), best first."""
        self._sort_index = 0 if self._sort_index is None else self._sort_index + 1
        while self._sort_index < len(self.columns) and self._sort_index not in self._shown:
            self._sort_index += 1  # a column dropped at this width is skipped
        if self._sort_index >= len(self.columns):
            self._sort_index = None
            self._fill_table()
            self.notify("Back to your own order.")
            return
        kept = self.selected
        self._apply_sort()
        if kept is not None:
            # else the form showed one record while another was highlighted, and what
            # was typed in the form went to the highlighted one
            self._move_cursor_to(kept.id)
        self.notify(f"Sorted by {self.columns[self._sort_index].label.lower()}.")

    def _apply_sort(self) -> None:
        """Sort the rows. The table keeps the cursor's row number, not its record: a
        caller puts the cursor back on its record (`_fill_table` does already)."""
        if self._sort_index is None:
            return
        column = self.columns[self._sort_index]
        if column.key not in self.table.columns:
            return
        numeric = all(isinstance(column.value(r), int) for r in self.records)
        self.table.sort(column.key, key=sort_key, reverse=numeric)
