"""Read a partnership table (CSV, TSV or XLSX) into rows, naming the file, row and column of any fault.

XLSX is read with openpyxl: the maintained pure-Python reader of the format (no Excel, no JVM,
no compiled extension), which exposes what this module must refuse, formulas and merged cells,
rather than silently reading a cached value or an empty cell.

Every row keeps the text it is quoted by: the line(s) of the file as written for CSV and TSV;
for XLSX the line of the CSV copy of the sheet that the import stores beside its records.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

#: Refuse tables larger than this: 26,000 rows of four columns are about 1 MB.
MAX_BYTES = 50 * 1024 * 1024
TEXT_SUFFIXES = (".csv", ".tsv", ".txt")
XLSX_SUFFIXES = (".xlsx", ".xlsm")


class TableError(ValueError):
    """A table that cannot be read: the message names the file, and the row and column if known."""

    def __init__(
        self, path: Path, message: str, row: int | None = None, column: str | None = None
    ) -> None:
        where = "".join(
            [f", row {row}" if row is not None else "", f", column {column}" if column else ""]
        )
        super().__init__(f"{path}{where}: {message}")
        self.path, self.row, self.column = path, row, column


@dataclass(frozen=True)
class TableRow:
    """One data row: its cells, and the line(s) of the stored text that hold it."""

    line: int
    end: int
    cells: tuple[str, ...]
    text: str

    @property
    def lines(self) -> str:
        """The line range as records cite it: "12" or "12-13"."""
        return str(self.line) if self.end == self.line else f"{self.line}-{self.end}"


@dataclass(frozen=True)
class Table:
    """A table as read: its header cells, data rows, and the text stored as its source.

    Attributes
    ----------
    path
        The file read.
    headers
        The header row's cells.
    rows
        The data rows, blank rows left out.
    source_name
        The file name the source text is stored under (the file's own name for CSV and TSV;
        ``<stem>.<sheet>.csv`` for a sheet of a workbook).
    source_text
        The text rows are quoted from and their lines count in.
    """

    path: Path
    headers: tuple[str, ...]
    rows: tuple[TableRow, ...]
    source_name: str
    source_text: str


def read_table(path: Path, sheet: str | None = None) -> Table:
    """Read a CSV, TSV or XLSX table whose first non-blank row is its header.

    Parameters
    ----------
    path
        The file.
    sheet
        The worksheet of a workbook to read (default: the first); refused for text files.

    Returns
    -------
    Table

    Raises
    ------
    TableError
        On a missing, empty or oversized file, a text file that is not UTF-8, an XLSX file with
        formulas or merged cells, an unknown sheet, or a table with no data rows.
    """
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as err:
        raise TableError(path, f"cannot be read ({err.strerror})") from None
    if size == 0:
        raise TableError(path, "the file is empty")
    if size > MAX_BYTES:
        raise TableError(
            path,
            f"the file is {size / 1e6:.1f} MB; tables up to {MAX_BYTES // 2**20} MB are "
            "imported: split it into smaller tables",
        )
    suffix = path.suffix.lower()
    if suffix in XLSX_SUFFIXES:
        table = _read_xlsx(path, sheet)
    elif suffix in TEXT_SUFFIXES:
        if sheet:
            raise TableError(path, f"--sheet {sheet!r} applies only to XLSX workbooks")
        table = _read_text(path, "\t" if suffix == ".tsv" else None)
    else:
        raise TableError(path, f"{suffix or 'no suffix'}: expected a .csv, .tsv or .xlsx file")
    if not table.rows:
        raise TableError(path, "the table has a header but no rows")
    return table


def _read_text(path: Path, delimiter: str | None) -> Table:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise _encoding_error(path, raw, err, delimiter) from None
    lines = text.split("\n")
    header_line = next((line for line in lines if line.strip()), "")
    delimiter = delimiter or _sniff(header_line)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    headers: tuple[str, ...] | None = None
    rows: list[TableRow] = []
    previous = 0
    try:
        for cells in reader:
            start, end = previous + 1, reader.line_num
            previous = end
            if not any(cell.strip() for cell in cells):
                continue
            if headers is None:
                headers = tuple(cell.strip() for cell in cells)
                continue
            quoted = "\n".join(line.rstrip("\r") for line in lines[start - 1 : end])
            rows.append(TableRow(start, end, tuple(cell.strip() for cell in cells), quoted))
    except csv.Error as err:
        raise TableError(
            path, f"malformed {_kind(delimiter)}: {err}", row=reader.line_num
        ) from None
    if headers is None:
        raise TableError(path, "the file holds only blank lines")
    return Table(path, headers, tuple(rows), path.name, text)


def _kind(delimiter: str) -> str:
    return "TSV" if delimiter == "\t" else "CSV"


def _sniff(header: str) -> str:
    """The delimiter the header line uses most: comma, tab or semicolon (Excel in Europe)."""
    counts = {delimiter: header.count(delimiter) for delimiter in (",", "\t", ";")}
    best = max(counts, key=counts.get)
    return best if counts[best] else ","


def _encoding_error(
    path: Path, raw: bytes, err: UnicodeDecodeError, delimiter: str | None
) -> TableError:
    """Say where the first byte that is not UTF-8 stands, and what the file looks like."""
    from charset_normalizer import from_bytes

    line_start = raw.rfind(b"\n", 0, err.start) + 1
    row = raw[: err.start].count(b"\n") + 1
    header = raw[: raw.find(b"\n")] if b"\n" in raw else raw
    separator = (delimiter or _sniff(header.decode("utf-8", "replace"))).encode()
    column = raw[line_start : err.start].count(separator) + 1
    guess = from_bytes(raw[:200_000]).best()
    looks = f"; it looks like {guess.encoding}" if guess else ""
    return TableError(
        path,
        f"is not UTF-8 text (byte 0x{raw[err.start]:02x}){looks}: save it as UTF-8 "
        "(in Excel: CSV UTF-8) and import it again",
        row=row,
        column=str(column),
    )


def _read_xlsx(path: Path, sheet: str | None) -> Table:
    import zipfile

    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = load_workbook(path, data_only=False)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError) as err:
        raise TableError(path, f"is not a readable XLSX workbook ({err})") from None
    if sheet is not None and sheet not in book.sheetnames:
        raise TableError(path, f"no sheet {sheet!r}; the sheets are {', '.join(book.sheetnames)}")
    worksheet = book[sheet] if sheet is not None else book.worksheets[0]
    for merged in worksheet.merged_cells.ranges:
        raise TableError(
            path,
            f"cells {merged.coord} of sheet {worksheet.title!r} are merged: unmerge them and "
            "fill in every row",
            row=merged.min_row,
            column=_letter(merged.min_col),
        )
    grid: list[tuple[int, list[str]]] = []
    for number, cells in enumerate(worksheet.iter_rows(), start=1):
        values = []
        for cell in cells:
            if cell.data_type == "f":
                raise TableError(
                    path,
                    f"cell {cell.coordinate} of sheet {worksheet.title!r} holds a formula "
                    f"({str(cell.value)[:40]}): replace formulas with their values",
                    row=number,
                    column=_letter(cell.column),
                )
            values.append(_cell_text(cell.value))
        if any(values):
            grid.append((number, values))
    if not grid:
        raise TableError(path, f"sheet {worksheet.title!r} is empty")
    width = max(len(values) for _, values in grid)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    rows: list[TableRow] = []
    line = 1
    for index, (_number, values) in enumerate(grid):
        values = values + [""] * (width - len(values))
        start = buffer.tell()
        writer.writerow(values)
        written = buffer.getvalue()[start:].rstrip("\n")
        span = written.count("\n")  # a cell with a line break spans lines of the copy
        if index:
            cells = tuple(value.strip() for value in values)
            rows.append(TableRow(line, line + span, cells, written))
        line += span + 1
    name = f"{path.stem}.{_slug(worksheet.title)}.csv"
    headers = tuple(value.strip() for value in grid[0][1])
    return Table(path, headers, tuple(rows), name, buffer.getvalue())


def _cell_text(value: object) -> str:
    import datetime as dt

    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _letter(column: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(column)


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower() or "sheet"
