"""Decree 30/2020/NĐ-CP (Appendix I, Part I and Appendix III) as data: the renderer and the checker
read the same numbers, so a change in the rule is one edit (domain.md §9).

Plain Python: no Django, no clock.
"""

from __future__ import annotations

import re
import unicodedata

FONT = "Times New Roman"  # ND30 App. I, I.2: phông chữ tiếng Việt Times New Roman, bộ mã Unicode TCVN 6909:2001

# App. I, I.3: A4 (210 × 297 mm), portrait.
PAGE_WIDTH_MM = 210.0
PAGE_HEIGHT_MM = 297.0

# App. I, I.4: allowed margin ranges (mm) and the suggested values the renderer uses.
MARGIN_RANGES_MM = {"top": (20.0, 25.0), "bottom": (20.0, 25.0), "left": (30.0, 35.0), "right": (15.0, 20.0)}
MARGINS_MM = {"top": 20.0, "bottom": 20.0, "left": 30.0, "right": 15.0}
TEXT_WIDTH_MM = PAGE_WIDTH_MM - MARGINS_MM["left"] - MARGINS_MM["right"]  # 165 mm

# App. I, II: the fixed wording of the national name and the motto.
NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"

# Font sizes (points) chosen inside each ND30 range.
SIZE_NATIONAL_NAME = 12  # 12–13, bold, upper case (cell 1)
SIZE_MOTTO = 13  # 13–14, bold (cell 1)
SIZE_BODY_NAME = 12  # parent and issuing body 12–13 (cell 2)
SIZE_NUMBER = 13  # "Số:" 13 (cell 3)
SIZE_PLACE_DATE = 14  # 13–14, italic (cell 4)
SIZE_TITLE = 14  # type name and summary 13–14, bold (cell 5a)
SIZE_CONG_VAN_SUMMARY = 12  # "V/v ..." 12–13 (cell 5b)
SIZE_BODY = 14  # body 13–14 (cell 6)
SIZE_SIGNATURE = 14  # authority, title and name 13–14, bold (cells 7a–7c)
SIZE_RECIPIENTS_LABEL = 12  # "Nơi nhận:" 12, bold italic (cell 9b)
SIZE_RECIPIENTS = 11  # entries 11 (cell 9b)
SIZE_PAGE_NUMBER = 14  # 13–14 (cell: số trang)
BODY_SIZE_RANGE = (13.0, 14.0)

FIRST_LINE_INDENT_CM = 1.27  # 1 cm or 1.27 cm
PARAGRAPH_SPACING_PT = 6  # "tối thiểu là 6pt"

# "Số: 05/TB-SVHTTDL"; a blank number (spaces) is left for the clerk who registers the document.
# The brief's pattern is [A-ZĐ]+, widened to the mixed-case abbreviations that Appendix III itself
# defines (QyĐ, CTr, TTr, TrS ...), which appear verbatim in real symbols ("12/TTr-UBND").
NUMBER_PATTERN = re.compile(r"Số: (\d{2,}|\s+)/[A-ZĐ][A-Za-zĐ]*-[A-ZĐ0-9][A-Za-zĐ0-9-]*")

# Appendix III: type name → abbreviation (verified in domain.md §9). "GBN" is the project's own
# receipt slip (giấy biên nhận), not an Appendix III entry.
KIND_CODES = {
    "NGHỊ QUYẾT": "NQ",
    "QUYẾT ĐỊNH": "QĐ",
    "CHỈ THỊ": "CT",
    "QUY CHẾ": "QC",
    "QUY ĐỊNH": "QyĐ",
    "THÔNG CÁO": "TC",
    "THÔNG BÁO": "TB",
    "HƯỚNG DẪN": "HD",
    "CHƯƠNG TRÌNH": "CTr",
    "KẾ HOẠCH": "KH",
    "PHƯƠNG ÁN": "PA",
    "ĐỀ ÁN": "ĐA",
    "DỰ ÁN": "DA",
    "BÁO CÁO": "BC",
    "BIÊN BẢN": "BB",
    "TỜ TRÌNH": "TTr",
    "HỢP ĐỒNG": "HĐ",
    "CÔNG ĐIỆN": "CĐ",
    "BẢN GHI NHỚ": "BGN",
    "BẢN THỎA THUẬN": "BTT",
    "GIẤY ỦY QUYỀN": "GUQ",
    "GIẤY MỜI": "GM",
    "GIẤY GIỚI THIỆU": "GGT",
    "GIẤY NGHỈ PHÉP": "GNP",
    "PHIẾU GỬI": "PG",
    "PHIẾU CHUYỂN": "PC",
    "PHIẾU BÁO": "PB",
    "BẢN SAO Y": "SY",
    "BẢN TRÍCH SAO": "TrS",
    "BẢN SAO LỤC": "SL",
    "GIẤY BIÊN NHẬN": "GBN",
}

# Advance widths (1/1000 em) of the standard Times-Roman and Times-Bold metrics (Adobe AFM), which
# Times New Roman and Liberation Serif share. Used only to size the short rules ND30 asks for
# ("1/3 to 1/2 of the text length"); Vietnamese letters are measured on their base letter.
_TIMES_REGULAR = dict(
    zip(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 ,.-:;/()",
        [722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667, 556, 611,
         722, 722, 944, 722, 722, 611, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500,
         500, 500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444]
        + [500] * 10 + [250, 250, 250, 333, 278, 278, 278, 333, 333],
        strict=True,
    )
)
_TIMES_BOLD = dict(
    zip(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 ,.-:;/()",
        [722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778, 611, 778, 722, 556, 667,
         722, 722, 1000, 722, 722, 667, 500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278, 833, 556,
         500, 556, 556, 444, 389, 333, 556, 500, 722, 500, 500, 444]
        + [500] * 10 + [250, 250, 250, 333, 333, 333, 278, 333, 333],
        strict=True,
    )
)


def _base_letter(ch: str) -> str:
    if ch in "đĐ":
        return "d" if ch == "đ" else "D"
    return unicodedata.normalize("NFD", ch)[0]


def text_width_pt(text: str, size: float, *, bold: bool = False) -> float:
    """Estimated printed width of one line of Times text, in points."""
    table = _TIMES_BOLD if bold else _TIMES_REGULAR
    return sum(table.get(_base_letter(ch), 556) for ch in text) * size / 1000


def normalise_heading_text(text: str) -> str:
    """NFC with the two accent placements of "HÒA"/"HOÀ" unified, for comparing fixed wording."""
    return unicodedata.normalize("NFC", text).replace("HOÀ", "HÒA").replace("hoà", "hòa").strip()
