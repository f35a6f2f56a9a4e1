"""One renderer for every administrative document the system issues, in the format of
Decree 30/2020/NĐ-CP Appendix I (domain.md §9), and a checker for that format.

No ORM, no clock: a document is a frozen value (`AdminDocument`); the caller supplies its date and
number (`services.issue_document` takes the number and reads today's date once).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from tiepdan.documents import nd30
from tiepdan.documents.checks import check_format

__all__ = [
    "AdminDocument",
    "Heading",
    "Signature",
    "agency_header",
    "check_format",
    "document_number",
    "format_vn_date",
    "render_docx",
]

_VN_TZ = ZoneInfo("Asia/Ho_Chi_Minh")


@dataclass(frozen=True, kw_only=True)
class Signature:
    """The signer (ND30 cells 7a–7c). `authority` is "KT. GIÁM ĐỐC", "TM. ỦY BAN NHÂN DÂN", "TL. ...";
    empty when the head signs in person. Keyword-only: `authority` has a default yet comes first in
    the reading order, so positional arguments would be ambiguous."""

    authority: str = ""
    title: str
    name: str


@dataclass(frozen=True)
class Heading:
    """A section heading in the body: level 1 "I. MỤC ĐÍCH, YÊU CẦU", level 2 "1. Mục đích"."""

    text: str
    level: int = 1


@dataclass(frozen=True)
class AdminDocument:
    parent_body: str
    issuing_body: str
    place: str
    kind_code: str
    kind_name: str
    number: int | None
    agency_symbol: str
    issued_on: date | None
    summary: str
    body: Sequence[str | Heading]
    grounds: Sequence[str] = ()
    recipients: Sequence[str] = ()
    archive: str = "VT"
    signature: Signature | None = None
    kinh_gui: Sequence[str] = ()
    confidential_mark: str = ""

    @property
    def is_cong_van(self) -> bool:
        """A công văn has no type name; its summary is the "V/v ..." line under the number (cell 5b)."""
        return not self.kind_name


# ---------------------------------------------------------------------------------------------
# Wording


def format_vn_date(d: date, place: str) -> str:
    """"Bắc Ninh, ngày 05 tháng 02 năm 2026": days below 10 and months 1 and 2 take a leading zero
    (ND30 App. I, II.4) — Django's `vi` date format writes "tháng 2", hence this function."""
    month = f"{d.month:02d}" if d.month <= 2 else str(d.month)
    return f"{place}, ngày {d.day:02d} tháng {month} năm {d.year}"


def _blank_date(place: str) -> str:
    # The date is written by hand (or stamped) when the clerk registers an unnumbered document.
    return f"{place}, ngày      tháng      năm      "


def document_number(number: int | None, kind_code: str, agency_symbol: str) -> str:
    """"Số: 05/TB-SVHTTDL" (ND30 App. I, II.3): numbers below 10 take a leading zero; no spaces
    around "/" and "-". A công văn has no kind code: pass the symbol "SVHTTDL-VP" and kind_code "".
    `None` leaves the number blank for the clerical office to fill in."""
    symbol = f"{kind_code}-{agency_symbol}" if kind_code else agency_symbol
    if number is None:
        return f"Số:        /{symbol}"
    return f"Số: {number:02d}/{symbol}"


def agency_header(agency: Any) -> dict[str, str]:
    """The header fields of `AdminDocument` from an `org.models.Agency` (any object with `name`,
    `parent_body`, `place_name`, `abbreviation`): use as `AdminDocument(**agency_header(a), ...)`.

    The issuing body is the agency's name in capitals without the province ("Sở Văn hóa, Thể thao
    và Du lịch tỉnh Bắc Ninh" → "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH"): ND30 shows the province in the
    parent body line ("UBND TỈNH BẮC NINH"), so it is not repeated.
    """
    name = agency.name.strip()
    lowered = name.lower()
    cut = len(name)
    for marker in (" tỉnh ", " thành phố "):
        at = lowered.find(marker)
        if at > 0:
            cut = min(cut, at)
    return {
        "parent_body": (agency.parent_body or "").strip().upper(),
        "issuing_body": name[:cut].strip().upper(),
        "place": agency.place_name.strip(),
        "agency_symbol": agency.abbreviation.strip(),
    }


def _ending(items: Sequence[str], last: str) -> list[str]:
    """Each item ends with ";" and the last with `last` (ND30: grounds, recipients, Kính gửi lists)."""
    cleaned = [item.strip().rstrip(";.,").strip() for item in items if item and item.strip()]
    return [f"{item}{last if i == len(cleaned) - 1 else ';'}" for i, item in enumerate(cleaned)]


def _dashed(item: str) -> str:
    item = item.strip()
    return item[2:].strip() if item.startswith(("- ", "-\t")) else item.lstrip("-").strip()


# ---------------------------------------------------------------------------------------------
# Low-level formatting helpers (python-docx has no API for fonts' East-Asian slot, borders or fields)


def _force_font(rpr: Any) -> None:
    """Times New Roman in every font slot of a `w:rPr`, theme fonts removed: a theme attribute wins
    over the explicit one, and Word/LibreOffice pick the East-Asian slot for some Vietnamese
    characters, which would otherwise fall back to the theme's Calibri/MS Mincho."""
    rfonts = rpr.get_or_add_rFonts()
    for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        rfonts.attrib.pop(qn(f"w:{attr}"), None)
    for attr in ("ascii", "hAnsi", "eastAsia", "cs"):
        rfonts.set(qn(f"w:{attr}"), nd30.FONT)


def _run(paragraph: Paragraph, text: str, *, size: float, bold: bool = False, italic: bool = False,
         underline: bool = False) -> None:
    run = paragraph.add_run(text)
    for t in run._r.findall(qn("w:t")):
        # Keep runs of spaces (the blanks left for the clerk's number and date) in every reader.
        t.set(qn("xml:space"), "preserve")
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.italic = italic
    if underline:
        run.font.underline = True
    _force_font(run._r.get_or_add_rPr())


def _format(paragraph: Paragraph, *, align: Any = WD_ALIGN_PARAGRAPH.CENTER, before: float = 0,
            after: float = 0, first_line_cm: float | None = None, keep_with_next: bool = False,
            line_spacing: float = 1.0, mark_size: float | None = None) -> Paragraph:
    pf = paragraph.paragraph_format
    pf.alignment = align
    pf.space_before = Pt(before)
    pf.space_after = Pt(after)
    pf.line_spacing = line_spacing
    if first_line_cm is not None:
        pf.first_line_indent = Cm(first_line_cm)
    if keep_with_next:
        pf.keep_with_next = True
    # The paragraph mark has its own run properties: an empty line keeps the document's font, and a
    # rule's empty line can be made thin.
    rpr = _mark_rpr(paragraph)
    _force_font(rpr)
    if mark_size is not None:
        rpr.get_or_add_sz().val = Pt(mark_size)
    return paragraph


# Children of w:pPr that come after w:pBdr and after w:rPr (ECMA-376 CT_PPr sequence).
_AFTER_PBDR = (
    "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct", "w:topLinePunct",
    "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind",
    "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
    "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
)
_AFTER_RPR = ("w:sectPr", "w:pPrChange")


def _mark_rpr(paragraph: Paragraph) -> Any:
    ppr = paragraph._p.get_or_add_pPr()
    rpr = ppr.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        ppr.insert_element_before(rpr, *_AFTER_RPR)
    return rpr


def _add_paragraph(container: Any, used: set[int]) -> Paragraph:
    """The first paragraph of a new table cell already exists; reuse it once, then add."""
    if isinstance(container, _Cell) and id(container._tc) not in used:
        used.add(id(container._tc))
        return container.paragraphs[0]
    return container.add_paragraph()


def _rule(container: Any, used: set[int], *, length_mm: float, available_mm: float, before: float = 0,
          after: float = 0) -> None:
    """A centred solid line `length_mm` long: an empty paragraph whose top border spans it, narrowed
    by equal left and right indents (ND30: under the issuing body and the summary, 1/3–1/2 of the
    text's length)."""
    paragraph = _add_paragraph(container, used)
    _format(paragraph, before=before, after=after, mark_size=1)
    indent = max((available_mm - length_mm) / 2, 0)
    paragraph.paragraph_format.left_indent = Mm(indent)
    paragraph.paragraph_format.right_indent = Mm(indent)
    paragraph.paragraph_format.line_spacing = Pt(1)
    ppr = paragraph._p.get_or_add_pPr()
    border = OxmlElement("w:pBdr")
    top = OxmlElement("w:top")
    for key, value in (("val", "single"), ("sz", "6"), ("space", "1"), ("color", "000000")):
        top.set(qn(f"w:{key}"), value)
    border.append(top)
    ppr.insert_element_before(border, *_AFTER_PBDR)


def _borderless_table(doc: DocxDocument, widths_mm: Sequence[float], rows: int = 1) -> Table:
    """A layout table (ND30 Appendix III templates): fixed column widths, no borders."""
    table = doc.add_table(rows=rows, cols=len(widths_mm))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    tbl_pr.append(borders)
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tbl_pr.append(layout)
    for row in table.rows:
        # A header or a signature block is never split across two pages.
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    for column, width in zip(table.columns, widths_mm, strict=True):
        column.width = Mm(width)
        for cell in column.cells:
            cell.width = Mm(width)  # Word reads the cell width, LibreOffice the grid: set both
    return table


def _page_number_field(paragraph: Paragraph) -> None:
    """A PAGE field (ND30: page numbers in Arabic numerals, centred in the top margin)."""
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "2"), ("end", None)):
        run = paragraph.add_run()
        run.font.size = Pt(nd30.SIZE_PAGE_NUMBER)
        _force_font(run._r.get_or_add_rPr())
        if kind is not None:
            fld = OxmlElement("w:fldChar")
            fld.set(qn("w:fldCharType"), kind)
            run._r.append(fld)
        elif text == " PAGE ":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)
        else:
            run.text = text or ""


# ---------------------------------------------------------------------------------------------
# The document


_LEFT_MM = 72.0  # issuing body and number (cells 2, 3); the right column fits the national name on one line
_RIGHT_MM = nd30.TEXT_WIDTH_MM - _LEFT_MM  # national name, motto, place and date (cells 1, 4)
_SIGN_LEFT_MM = 75.0  # "Nơi nhận" (cell 9b)
_SIGN_RIGHT_MM = nd30.TEXT_WIDTH_MM - _SIGN_LEFT_MM  # signer (cells 7a–7c)
_CELL_PADDING_MM = 3.8  # Word's default left + right cell margins (0.08" each)


def _setup_page(doc: DocxDocument) -> None:
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width = Mm(nd30.PAGE_WIDTH_MM)
    section.page_height = Mm(nd30.PAGE_HEIGHT_MM)
    section.top_margin = Mm(nd30.MARGINS_MM["top"])
    section.bottom_margin = Mm(nd30.MARGINS_MM["bottom"])
    section.left_margin = Mm(nd30.MARGINS_MM["left"])
    section.right_margin = Mm(nd30.MARGINS_MM["right"])
    section.header_distance = Mm(10)
    section.footer_distance = Mm(10)
    # Page numbers from page 2 on: a distinct, empty first-page header (ND30: "không hiển thị số
    # trang thứ nhất").
    section.different_first_page_header_footer = True
    section.first_page_header.is_linked_to_previous = False
    _format(section.first_page_header.paragraphs[0])
    header = section.header
    header.is_linked_to_previous = False
    paragraph = _format(header.paragraphs[0])
    _page_number_field(paragraph)


def _setup_styles(doc: DocxDocument) -> None:
    """Times New Roman 14 pt, Vietnamese, single spacing as the document defaults, so anything a
    user adds in Word later keeps the format too."""
    styles = doc.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _force_font(rpr)
    for tag, value in (("w:sz", str(nd30.SIZE_BODY * 2)), ("w:szCs", str(nd30.SIZE_BODY * 2))):
        rpr.find(qn(tag)).set(qn("w:val"), value)
    lang = rpr.find(qn("w:lang"))
    lang.set(qn("w:val"), "vi-VN")
    lang.set(qn("w:eastAsia"), "vi-VN")
    spacing = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr")).find(qn("w:spacing"))
    spacing.set(qn("w:after"), "0")
    spacing.set(qn("w:line"), "240")
    for style in doc.styles:
        element = style.element
        if element.rPr is not None and element.rPr.rFonts is not None:
            _force_font(element.rPr)
    normal = doc.styles["Normal"]
    normal.font.name = nd30.FONT
    normal.font.size = Pt(nd30.SIZE_BODY)
    _force_font(normal.element.get_or_add_rPr())


def _width_mm(text: str, size: float, *, bold: bool) -> float:
    return nd30.text_width_pt(text, size, bold=bold) * 25.4 / 72


def _lines(text: str, size: float, *, bold: bool, available_mm: float) -> list[str]:
    """An agency name on the lines it is printed on: the caller's own line breaks if any; else one
    line when it fits; else two, broken before "VÀ" when that fits ("SỞ VĂN HÓA, THỂ THAO" /
    "VÀ DU LỊCH", as the department's letterhead does), otherwise where the two lines are closest
    in length — never the word-processor's greedy break that leaves one word alone."""
    if "\n" in text:
        return [line.strip() for line in text.splitlines() if line.strip()]
    text = " ".join(text.split())
    limit = available_mm * 0.95  # the estimate is close, not exact: keep a margin
    if _width_mm(text, size, bold=bold) <= limit:
        return [text]
    words = text.split(" ")
    splits = [(" ".join(words[:i]), " ".join(words[i:])) for i in range(1, len(words))]
    fitting = [(a, b) for a, b in splits if max(_width_mm(a, size, bold=bold), _width_mm(b, size, bold=bold)) <= limit]
    if not fitting:
        return [text]  # too long for two lines: let the word processor wrap it
    before_va = [(a, b) for a, b in fitting if b.upper().startswith("VÀ ")]
    if before_va:
        return list(before_va[0])
    return list(min(fitting, key=lambda ab: max(_width_mm(ab[0], size, bold=bold), _width_mm(ab[1], size, bold=bold))))


def _run_lines(paragraph: Paragraph, lines: Sequence[str], *, size: float, bold: bool = False) -> None:
    for i, line in enumerate(lines):
        if i:
            br = OxmlElement("w:br")
            run = paragraph.add_run()
            run.font.size = Pt(size)
            _force_font(run._r.get_or_add_rPr())
            run._r.append(br)
        _run(paragraph, line, size=size, bold=bold)


def _header(doc: DocxDocument, d: AdminDocument) -> None:
    table = _borderless_table(doc, (_LEFT_MM, _RIGHT_MM), rows=2)
    used: set[int] = set()
    left, right = table.cell(0, 0), table.cell(0, 1)
    available = _LEFT_MM - _CELL_PADDING_MM
    # Cell 2: parent body upper case not bold; issuing body upper case bold; a rule 1/3–1/2 as long.
    size = nd30.SIZE_BODY_NAME
    if d.parent_body:
        parent = _lines(d.parent_body.upper(), size, bold=False, available_mm=available)
        _run_lines(_format(_add_paragraph(left, used)), parent, size=size)
    issuing = _lines(d.issuing_body.upper(), size, bold=True, available_mm=available)
    _run_lines(_format(_add_paragraph(left, used)), issuing, size=size, bold=True)
    longest = min(max(_width_mm(line, size, bold=True) for line in issuing), available)
    _rule(left, used, length_mm=longest * 0.4, available_mm=available, before=3)
    # Cell 1: national name and motto; the motto is underlined, which draws the line ND30 asks for
    # exactly as long as the text, whatever font the reader substitutes.
    _run(_format(_add_paragraph(right, used)), nd30.NATIONAL_NAME, size=nd30.SIZE_NATIONAL_NAME, bold=True)
    _run(_format(_add_paragraph(right, used)), nd30.MOTTO, size=nd30.SIZE_MOTTO, bold=True, underline=True)
    # Cells 3 and 4 share a row so that the number and the place/date sit on the same line.
    number_cell, date_cell = table.cell(1, 0), table.cell(1, 1)
    _run(_format(_add_paragraph(number_cell, used), before=6),
         document_number(d.number, d.kind_code, d.agency_symbol), size=nd30.SIZE_NUMBER)
    if d.is_cong_van and d.summary:
        summary = d.summary.strip()
        summary = summary if summary.lower().startswith("v/v") else f"V/v {summary[0].lower()}{summary[1:]}"
        _run(_format(_add_paragraph(number_cell, used), before=6), summary, size=nd30.SIZE_CONG_VAN_SUMMARY)
    if d.confidential_mark:
        # Cell 10a/11: the secrecy or circulation mark under the number and symbol.
        _run(_format(_add_paragraph(number_cell, used), before=6), d.confidential_mark.upper(),
             size=nd30.SIZE_NUMBER, bold=True)
    date_line = format_vn_date(d.issued_on, d.place) if d.issued_on else _blank_date(d.place)
    _run(_format(_add_paragraph(date_cell, used), before=6), date_line, size=nd30.SIZE_PLACE_DATE, italic=True)


def _title(doc: DocxDocument, d: AdminDocument) -> None:
    if d.is_cong_van:
        return
    used: set[int] = set()
    _run(_format(doc.add_paragraph(), before=18, keep_with_next=True), d.kind_name.upper(),
         size=nd30.SIZE_TITLE, bold=True)
    if d.summary:
        _run(_format(doc.add_paragraph(), keep_with_next=True), d.summary.strip(), size=nd30.SIZE_TITLE, bold=True)
        width = min(_width_mm(d.summary.strip(), nd30.SIZE_TITLE, bold=True), nd30.TEXT_WIDTH_MM)
        _rule(doc, used, length_mm=width * 0.4, available_mm=nd30.TEXT_WIDTH_MM, before=3, after=6)


def _kinh_gui(doc: DocxDocument, d: AdminDocument) -> None:
    """ND30 cell 9a: one recipient on the same line; several as a "- " list, ";" then "."."""
    entries = _ending([_dashed(k) for k in d.kinh_gui], ".")
    if not entries:
        return
    if len(entries) == 1:
        paragraph = _format(doc.add_paragraph(), before=12, after=6)
        _run(paragraph, f"Kính gửi: {entries[0]}", size=nd30.SIZE_BODY)
        return
    indent = Cm(5.5)
    for i, entry in enumerate(entries):
        paragraph = _format(doc.add_paragraph(), align=WD_ALIGN_PARAGRAPH.LEFT, before=12 if i == 0 else 0,
                            after=6 if i == len(entries) - 1 else 0)
        paragraph.paragraph_format.left_indent = indent
        if i == 0:
            # A hanging indent puts "Kính gửi:" in the margin of the list and aligns the entries.
            paragraph.paragraph_format.first_line_indent = -Cm(2.4)
            _run(paragraph, "Kính gửi:\t", size=nd30.SIZE_BODY)
        _run(paragraph, f"- {entry}", size=nd30.SIZE_BODY)


def _body_paragraph(doc: DocxDocument, text: str, *, bold: bool = False, italic: bool = False,
                    keep_with_next: bool = False) -> None:
    # ND30 cell 6: justified, first-line indent 1.27 cm, ≥ 6 pt between paragraphs, single to 1.5 lines.
    paragraph = _format(doc.add_paragraph(), align=WD_ALIGN_PARAGRAPH.JUSTIFY, before=nd30.PARAGRAPH_SPACING_PT,
                        first_line_cm=nd30.FIRST_LINE_INDENT_CM, keep_with_next=keep_with_next, line_spacing=1.15)
    _run(paragraph, text, size=nd30.SIZE_BODY, bold=bold, italic=italic)


def _body(doc: DocxDocument, d: AdminDocument) -> None:
    for ground in _ending(d.grounds, "."):
        _body_paragraph(doc, ground, italic=True)
    for block in d.body:
        if isinstance(block, Heading):
            _body_paragraph(doc, block.text.strip(), bold=True, keep_with_next=True)
            continue
        for line in str(block).splitlines():
            if line.strip():
                _body_paragraph(doc, line.strip())


def _signature_area(doc: DocxDocument, d: AdminDocument) -> None:
    table = _borderless_table(doc, (_SIGN_LEFT_MM, _SIGN_RIGHT_MM))
    used: set[int] = set()
    left, right = table.cell(0, 0), table.cell(0, 1)
    # Cell 9b: "Nơi nhận:" 12 pt bold italic, level with the signer's position; entries 11 pt.
    label = _format(_add_paragraph(left, used), align=WD_ALIGN_PARAGRAPH.LEFT, before=12)
    _run(label, "Nơi nhận:", size=nd30.SIZE_RECIPIENTS_LABEL, bold=True, italic=True)
    # Every entry ends with ";" because the archive line "- Lưu: VT, <unit>." always comes last.
    entries = [f"- {_dashed(r).rstrip(';.,').strip()};" for r in d.recipients if r.strip()]
    entries.append(f"- Lưu: {d.archive.strip().rstrip('.') or 'VT'}.")
    for entry in entries:
        _run(_format(_add_paragraph(left, used), align=WD_ALIGN_PARAGRAPH.LEFT), entry, size=nd30.SIZE_RECIPIENTS)
    if d.signature is None:
        _add_paragraph(right, used)
        return
    # Cells 7a–7c: authority and position upper case bold; the name bold, room left for the
    # signature and seal between them.
    lines = [line for line in (d.signature.authority.strip(), d.signature.title.strip()) if line]
    for i, line in enumerate(lines):
        _run(_format(_add_paragraph(right, used), before=12 if i == 0 else 0, keep_with_next=True), line.upper(),
             size=nd30.SIZE_SIGNATURE, bold=True)
    _run(_format(_add_paragraph(right, used), before=72), d.signature.name.strip(), size=nd30.SIZE_SIGNATURE,
         bold=True)


def _properties(doc: DocxDocument, d: AdminDocument) -> None:
    props = doc.core_properties
    props.title = " ".join(part for part in (d.kind_name.capitalize(), d.summary) if part)[:250]
    props.author = d.issuing_body
    props.last_modified_by = d.issuing_body
    props.language = "vi-VN"
    props.comments = ""
    if d.issued_on is not None:
        # Deterministic metadata: the document's own date, not the moment it was rendered.
        stamp = datetime.combine(d.issued_on, time(8, 0), tzinfo=_VN_TZ)
        props.created = stamp
        props.modified = stamp


def render_docx(doc: AdminDocument) -> bytes:
    """The .docx bytes of `doc` laid out as ND30 Appendix I prescribes (see domain.md §9)."""
    document = Document()
    _setup_styles(document)
    _setup_page(document)
    # python-docx's template starts with one empty paragraph: drop it so the header table is first.
    for paragraph in list(document.paragraphs):
        paragraph._p.getparent().remove(paragraph._p)
    _header(document, doc)
    _title(document, doc)
    _kinh_gui(document, doc)
    _body(document, doc)
    _signature_area(document, doc)
    _properties(document, doc)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
