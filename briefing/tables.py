"""Metrics tables as CSV and Excel files.

Text cells that a spreadsheet would run as a formula (starting with ``=``, ``+``,
``-``, ``@``, tab or carriage return: an article title such as ``=HYPERLINK(…)``)
are neutralised: in CSV by a leading apostrophe (OWASP's advice for CSV injection),
in Excel by storing them as text cells. Numbers are never touched.
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping

import pandas as pd

__all__ = ["csv_bytes", "excel_bytes", "safe_sheet_name"]

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_SHEET_BAD = re.compile(r"[\[\]:*?/\\]")


def _defuse(value: object) -> object:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """The table as UTF-8 CSV (with a byte-order mark, so Excel reads accents right).

    Args:
        frame: Any table; the index is dropped.

    Returns:
        The file's bytes.
    """
    safe = frame.copy()
    for col in safe.columns:
        if safe[col].dtype == object or pd.api.types.is_string_dtype(safe[col]):
            safe[col] = safe[col].map(_defuse)
    return safe.to_csv(index=False).encode("utf-8-sig")


def safe_sheet_name(name: str, taken: set[str] | None = None) -> str:
    """An Excel sheet name: no ``[]:*?/`` or backslash, at most 31 characters, unique in ``taken``."""
    base = _SHEET_BAD.sub("_", name).strip("'") or "sheet"
    base = base[:31]
    taken = taken or set()
    candidate, n = base, 2
    while candidate.lower() in {t.lower() for t in taken}:
        suffix = f" ({n})"
        candidate = base[: 31 - len(suffix)] + suffix
        n += 1
    return candidate


def excel_bytes(sheets: Mapping[str, pd.DataFrame]) -> bytes:
    """Tables as one Excel workbook, one sheet each, header row frozen and bold.

    Args:
        sheets: Sheet name → table, in sheet order (names are made valid and unique).

    Returns:
        The ``.xlsx`` file's bytes.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    book.remove(book.active)
    taken: set[str] = set()
    for name, frame in sheets.items():
        title = safe_sheet_name(name, taken)
        taken.add(title)
        sheet = book.create_sheet(title)
        sheet.append([str(c) for c in frame.columns])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in frame.itertuples(index=False):
            sheet.append([_excel_value(v) for v in row])
        for r in sheet.iter_rows(min_row=2):
            for cell in r:
                if isinstance(cell.value, str):
                    cell.data_type = "s"  # openpyxl would otherwise run "=…" as a formula
        sheet.freeze_panes = "A2"
        for i, col in enumerate(frame.columns, start=1):
            longest = max([len(str(col)), *(len(str(v)) for v in frame[col].head(200))])
            sheet.column_dimensions[get_column_letter(i)].width = min(60, max(8, longest + 2))
    if not taken:
        book.create_sheet("empty")
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()


def _excel_value(value: object) -> object:
    """A cell value openpyxl accepts: NaN and missing become empty, lists become text."""
    if value is None:
        return None
    if isinstance(value, float) and value != value:
        return None
    if value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, (list, tuple, set, dict)):
        return ", ".join(map(str, value)) if not isinstance(value, dict) else str(value)
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        return value.item()  # numpy scalar → Python
    return value
