"""The renderer's output opened as a real .docx and read back against ND30 Appendix I (domain.md §9)."""

import io
from datetime import date

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from tiepdan.documents import nd30
from tiepdan.documents.render import (
    Signature,
    agency_header,
    check_format,
    document_number,
    format_vn_date,
    render_docx,
)
from tiepdan.documents.tests.factories import make_notice
from tiepdan.org.models import Agency


def _open(data: bytes):
    return Document(io.BytesIO(data))


def _texts(cell) -> list[str]:
    return [p.text for p in cell.paragraphs if p.text.strip()]


def _paragraph(document, text):
    for table in document.tables:
        for cell in table._cells:
            for p in cell.paragraphs:
                if p.text == text:
                    return p
    return next(p for p in document.paragraphs if p.text == text)


def _all_runs(document):
    for p in document.element.body.iter(qn("w:p")):
        yield from p.iter(qn("w:r"))
    for section in document.sections:
        for p in section.header._element.iter(qn("w:p")):
            yield from p.iter(qn("w:r"))


@pytest.fixture
def rendered(notice):
    return render_docx(notice)


@pytest.fixture
def opened(rendered):
    return _open(rendered)


def test_vietnamese_date_pads_days_below_ten_and_months_one_and_two():
    assert format_vn_date(date(2026, 2, 5), "Bắc Ninh") == "Bắc Ninh, ngày 05 tháng 02 năm 2026"
    assert format_vn_date(date(2026, 1, 1), "Bắc Ninh") == "Bắc Ninh, ngày 01 tháng 01 năm 2026"
    assert format_vn_date(date(2026, 3, 15), "Bắc Ninh") == "Bắc Ninh, ngày 15 tháng 3 năm 2026"
    assert format_vn_date(date(2026, 12, 31), "Bắc Ninh") == "Bắc Ninh, ngày 31 tháng 12 năm 2026"


def test_document_number_pads_below_ten_and_leaves_a_blank_for_the_clerk():
    assert document_number(5, "TB", "SVHTTDL") == "Số: 05/TB-SVHTTDL"
    assert document_number(12, "BC", "SVHTTDL") == "Số: 12/BC-SVHTTDL"
    assert document_number(123, "QĐ", "SVHTTDL") == "Số: 123/QĐ-SVHTTDL"
    assert document_number(15, "", "SVHTTDL-VP") == "Số: 15/SVHTTDL-VP"
    blank = document_number(None, "TB", "SVHTTDL")
    assert blank.startswith("Số: ")
    assert blank.endswith("/TB-SVHTTDL")
    for text in ("Số: 05/TB-SVHTTDL", "Số: 15/SVHTTDL-VP", "Số: 12/TTr-SVHTTDL", blank):
        assert nd30.NUMBER_PATTERN.fullmatch(text), text
    assert not nd30.NUMBER_PATTERN.fullmatch("Số: 5/TB-SVHTTDL")
    assert not nd30.NUMBER_PATTERN.fullmatch("Số: 05 / TB - SVHTTDL")


def test_agency_header_derives_the_issuing_body_from_the_agency_name():
    agency = Agency(
        name="Sở Văn hóa, Thể thao và Du lịch tỉnh Bắc Ninh",
        parent_body="UBND tỉnh Bắc Ninh",
        place_name="Bắc Ninh",
        abbreviation="SVHTTDL",
    )
    assert agency_header(agency) == {
        "parent_body": "UBND TỈNH BẮC NINH",
        "issuing_body": "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH",
        "place": "Bắc Ninh",
        "agency_symbol": "SVHTTDL",
    }
    city = Agency(name="Sở Tư pháp thành phố Hà Nội", parent_body="", place_name="Hà Nội", abbreviation="STP")
    assert agency_header(city)["issuing_body"] == "SỞ TƯ PHÁP"
    assert agency_header(city)["parent_body"] == ""


def test_page_is_a4_portrait_with_the_suggested_margins(opened):
    section = opened.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert section.page_width < section.page_height
    margins = [section.top_margin, section.bottom_margin, section.left_margin, section.right_margin]
    assert [round(m.mm) for m in margins] == [20, 20, 30, 15]


def test_header_table_holds_bodies_number_national_name_motto_and_date(opened):
    header = opened.tables[0]
    # The header is the first thing on the page.
    assert opened.element.body[0].tag == qn("w:tbl")
    assert len(header.columns) == 2
    # The issuing body is too long for one line: broken before "VÀ", as on the department's letterhead.
    assert _texts(header.cell(0, 0)) == ["UBND TỈNH BẮC NINH", "SỞ VĂN HÓA, THỂ THAO\nVÀ DU LỊCH"]
    assert _texts(header.cell(0, 1)) == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    assert _texts(header.cell(1, 0)) == ["Số: 05/TB-SVHTTDL"]
    assert _texts(header.cell(1, 1)) == ["Bắc Ninh, ngày 05 tháng 02 năm 2026"]
    borders = header._tbl.tblPr.find(qn("w:tblBorders"))
    assert {b.get(qn("w:val")) for b in borders} == {"nil"}


def test_header_text_has_the_nd30_sizes_weights_and_rules(opened):
    parent = _paragraph(opened, "UBND TỈNH BẮC NINH").runs[0]
    issuing = _paragraph(opened, "SỞ VĂN HÓA, THỂ THAO\nVÀ DU LỊCH").runs[0]
    national = _paragraph(opened, nd30.NATIONAL_NAME).runs[0]
    motto = _paragraph(opened, nd30.MOTTO).runs[0]
    number = _paragraph(opened, "Số: 05/TB-SVHTTDL").runs[0]
    place_date = _paragraph(opened, "Bắc Ninh, ngày 05 tháng 02 năm 2026").runs[0]
    assert (parent.font.bold, parent.font.size) == (False, Pt(12))
    assert (issuing.font.bold, issuing.font.size) == (True, Pt(12))
    assert (national.font.bold, national.font.size) == (True, Pt(12))
    # The motto's line is as long as the text: the text is underlined.
    assert (motto.font.bold, motto.font.size, motto.font.underline) == (True, Pt(13), True)
    assert (number.font.bold, number.font.italic, number.font.size) == (False, False, Pt(13))
    assert (place_date.font.italic, place_date.font.size) == (True, Pt(14))
    # A short rule (a paragraph border) under the issuing body, narrower than the column.
    border = f"{qn('w:pPr')}/{qn('w:pBdr')}"
    rules = [p for p in opened.tables[0].cell(0, 0).paragraphs if p._p.find(border) is not None]
    assert len(rules) == 1
    indent = rules[0].paragraph_format.left_indent
    assert Mm(15) < indent < Mm(30)


@pytest.mark.parametrize(
    ("issuing_body", "lines"),
    [
        ("SỞ TƯ PHÁP", ["SỞ TƯ PHÁP"]),
        ("SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", ["SỞ LAO ĐỘNG - THƯƠNG BINH", "VÀ XÃ HỘI"]),
        ("THANH TRA SỞ\nVĂN HÓA, THỂ THAO VÀ DU LỊCH", ["THANH TRA SỞ", "VĂN HÓA, THỂ THAO VÀ DU LỊCH"]),
    ],
)
def test_issuing_body_lines(issuing_body, lines):
    cell = _open(render_docx(make_notice(issuing_body=issuing_body))).tables[0].cell(0, 0)
    assert _texts(cell)[1].split("\n") == lines


def test_times_new_roman_on_every_run_in_every_font_slot(opened):
    runs = list(_all_runs(opened))
    assert len(runs) > 20
    for r in runs:
        fonts = r.find(qn("w:rPr")).find(qn("w:rFonts"))
        assert {fonts.get(qn(f"w:{slot}")) for slot in ("ascii", "hAnsi", "eastAsia", "cs")} == {"Times New Roman"}
        assert fonts.get(qn("w:asciiTheme")) is None
    normal = opened.styles["Normal"]
    assert normal.font.name == "Times New Roman"


def test_title_summary_grounds_and_body_follow_nd30(opened):
    kind = _paragraph(opened, "THÔNG BÁO")
    summary = _paragraph(opened, "Về việc thụ lý giải quyết khiếu nại")
    assert kind.runs[0].font.bold
    assert kind.runs[0].font.size == Pt(14)
    assert summary.runs[0].font.bold
    assert summary.runs[0].font.size == Pt(14)
    texts = [p.text for p in opened.paragraphs if p.text.strip()]
    assert texts[2:4] == [
        "Căn cứ Luật Khiếu nại ngày 11 tháng 11 năm 2011;",
        "Căn cứ Nghị định số 124/2020/NĐ-CP ngày 19 tháng 10 năm 2020 của Chính phủ.",
    ]
    ground = _paragraph(opened, texts[2])
    assert ground.runs[0].font.italic
    heading = _paragraph(opened, "I. NỘI DUNG KHIẾU NẠI")
    assert heading.runs[0].font.bold
    body = _paragraph(opened, "Sở thông báo để ông được biết.")  # a line break in a string is a new paragraph
    fmt = body.paragraph_format
    assert body.alignment == 3  # justified
    assert round(fmt.first_line_indent.cm, 2) == 1.27
    assert fmt.space_before >= Pt(6)
    assert body.runs[0].font.size == Pt(14)
    assert not body.runs[0].font.bold


def test_recipients_and_signature_area(opened):
    area = opened.tables[-1]
    left, right = area.cell(0, 0), area.cell(0, 1)
    assert _texts(left) == ["Nơi nhận:", "- Ông Nguyễn Văn An;", "- Thanh tra tỉnh (để b/c);", "- Lưu: VT, TTrPC."]
    label = left.paragraphs[0].runs[0]
    assert (label.font.bold, label.font.italic, label.font.size) == (True, True, Pt(12))
    assert all(p.runs[0].font.size == Pt(11) for p in left.paragraphs[1:])
    assert _texts(right) == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Trần Thị Hương"]
    assert all(p.runs[0].font.bold and p.runs[0].font.size == Pt(14) for p in right.paragraphs if p.text)


def test_page_numbers_are_centred_in_the_header_but_not_on_page_one(opened):
    section = opened.sections[0]
    assert section.different_first_page_header_footer
    header_xml = section.header._element.xml
    assert "PAGE" in header_xml
    assert section.header.paragraphs[0].alignment == 1  # centred
    assert "PAGE" not in section.first_page_header._element.xml


def test_cong_van_puts_the_summary_under_the_number_and_kinh_gui_above_the_body():
    data = render_docx(make_notice(
        kind_code="", kind_name="", agency_symbol="SVHTTDL-TTrPC", number=15, summary="chuyển đơn của công dân",
        kinh_gui=["Ủy ban nhân dân phường Kinh Bắc", "Thanh tra tỉnh"], grounds=(),
    ))
    document = _open(data)
    assert _texts(document.tables[0].cell(1, 0)) == ["Số: 15/SVHTTDL-TTrPC", "V/v chuyển đơn của công dân"]
    texts = [p.text for p in document.paragraphs if p.text.strip()]
    assert texts[:2] == ["Kính gửi:\t- Ủy ban nhân dân phường Kinh Bắc;", "- Thanh tra tỉnh."]
    assert "THÔNG BÁO" not in texts
    assert check_format(data) == []


def test_unnumbered_undated_document_leaves_blanks_for_the_clerk():
    data = render_docx(make_notice(number=None, issued_on=None, signature=Signature(title="Giám đốc", name="A")))
    header = _open(data).tables[0]
    assert _texts(header.cell(1, 0))[0].startswith("Số: ")
    assert _texts(header.cell(1, 1))[0].startswith("Bắc Ninh, ngày ")
    assert check_format(data) == []
