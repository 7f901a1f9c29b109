"""CSV and Excel files: read back, same columns and values, formulas neutralised."""

from __future__ import annotations

import io
import math

import numpy as np
import openpyxl
import pandas as pd
import pytest

from briefing.tables import csv_bytes, excel_bytes, safe_sheet_name

FORMULA_TITLES = pd.DataFrame(
    {
        "title": ['=HYPERLINK("http://x")', "+1", "@SUM(A1)", "-2 dead", "Plain é", None],
        "score": [1.5, np.nan, -2.0, 0.0, 3.25, 4.0],
        "count": [1, 2, 3, 4, 5, 6],
        "flag": [True, False, True, False, True, False],
    }
)


def test_metrics_csv_has_every_column_and_row(seed_frame: pd.DataFrame) -> None:
    back = pd.read_csv(io.BytesIO(csv_bytes(seed_frame)), encoding="utf-8-sig")
    assert list(back.columns) == list(seed_frame.columns)
    assert list(back["id"]) == list(seed_frame["id"])
    assert back["readability_flesch_kincaid_grade"].tolist() == pytest.approx(
        seed_frame["readability_flesch_kincaid_grade"].tolist()
    )


def test_csv_starts_with_bom_for_excel(seed_frame: pd.DataFrame) -> None:
    assert csv_bytes(seed_frame).startswith(b"\xef\xbb\xbfid,")


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        (0, '\'=HYPERLINK("http://x")'),  # would run as a formula in a spreadsheet
        (1, "'+1"),
        (2, "'@SUM(A1)"),
        (3, "'-2 dead"),  # a text cell starting with "-" is defused too
        (4, "Plain é"),  # ordinary text untouched, accents kept
    ],
)
def test_csv_defuses_formula_text(row: int, expected: str) -> None:
    back = pd.read_csv(io.BytesIO(csv_bytes(FORMULA_TITLES)), encoding="utf-8-sig")
    assert back.loc[row, "title"] == expected


def test_csv_leaves_negative_numbers_alone() -> None:
    back = pd.read_csv(io.BytesIO(csv_bytes(FORMULA_TITLES)), encoding="utf-8-sig")
    assert back.loc[2, "score"] == -2.0


def test_excel_sheets_columns_and_values(seed_frame: pd.DataFrame) -> None:
    book = openpyxl.load_workbook(
        io.BytesIO(excel_bytes({"metrics": seed_frame, "Key metrics": seed_frame[["title", "words"]]}))
    )
    assert book.sheetnames == ["metrics", "Key metrics"]
    sheet = book["metrics"]
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == list(seed_frame.columns)
    assert len(rows) == 1 + len(seed_frame)
    col = list(seed_frame.columns).index("readability_flesch_kincaid_grade")
    assert [r[col] for r in rows[1:]] == pytest.approx(
        seed_frame["readability_flesch_kincaid_grade"].tolist()
    )
    assert sheet.freeze_panes == "A2"
    assert sheet["A1"].font.bold


def test_excel_keeps_formula_text_as_text_and_blanks_nan() -> None:
    sheet = openpyxl.load_workbook(io.BytesIO(excel_bytes({"t": FORMULA_TITLES})))["t"]
    assert sheet["A2"].value == '=HYPERLINK("http://x")'
    assert sheet["A2"].data_type == "s"  # a string cell, not a formula
    assert sheet["B3"].value is None  # NaN → empty cell
    assert sheet["B4"].value == -2
    assert sheet["D2"].value is True
    assert not any(
        isinstance(v, float) and math.isnan(v) for r in sheet.iter_rows(values_only=True) for v in r
    )


@pytest.mark.parametrize(
    ("name", "taken", "expected"),
    [
        ("metrics", set(), "metrics"),
        ("a/b:c*d?e[f]g\\h", set(), "a_b_c_d_e_f_g_h"),  # characters Excel forbids
        ("x" * 40, set(), "x" * 31),  # Excel's 31-character limit
        ("Metrics", {"metrics"}, "Metrics (2)"),  # names are unique regardless of case
        ("", set(), "sheet"),
    ],
)
def test_safe_sheet_name(name: str, taken: set[str], expected: str) -> None:
    assert safe_sheet_name(name, taken) == expected
