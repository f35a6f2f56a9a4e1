"""check_format accepts our own output and names each deliberate defect, in Vietnamese."""

import io

import pytest
from docx import Document
from docx.shared import Inches, Pt

from tiepdan.documents.render import check_format, render_docx


@pytest.fixture
def good(notice) -> bytes:
    return render_docx(notice)


def _edit(data: bytes, change) -> bytes:
    document = Document(io.BytesIO(data))
    change(document)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _paragraph(document, text):
    for table in document.tables:
        for cell in table._cells:
            for p in cell.paragraphs:
                if p.text == text:
                    return p
    return next(p for p in document.paragraphs if p.text == text)


def test_rendered_notice_is_compliant(good):
    assert check_format(good) == []


def test_wrong_font_on_one_run_is_reported(good):
    def arial(document):
        document.paragraphs[-1].runs[0].font.name = "Arial"

    problems = check_format(_edit(good, arial))
    assert len(problems) == 1
    assert "Times New Roman" in problems[0]
    assert "Arial" in problems[0]


def test_letter_page_size_is_reported(good):
    def letter(document):
        document.sections[0].page_width = Inches(8.5)
        document.sections[0].page_height = Inches(11)

    problems = check_format(_edit(good, letter))
    assert problems == ["Khổ giấy phải là A4 (210 × 297 mm), khổ đứng; phần 1 đang là 215,9 × 279,4 mm."]


def test_missing_motto_is_reported(good):
    def no_motto(document):
        motto = _paragraph(document, "Độc lập - Tự do - Hạnh phúc")
        motto._p.getparent().remove(motto._p)

    problems = check_format(_edit(good, no_motto))
    assert problems == ["Thiếu Tiêu ngữ “Độc lập - Tự do - Hạnh phúc” trong bảng tiêu đề."]


def test_motto_with_en_dashes_is_reported_as_such(good):
    def dashes(document):
        _paragraph(document, "Độc lập - Tự do - Hạnh phúc").runs[0].text = "Độc lập – Tự do – Hạnh phúc"

    [problem] = check_format(_edit(good, dashes))
    assert "gạch nối" in problem


def test_margins_outside_the_ranges_are_reported(good):
    def narrow(document):
        document.sections[0].left_margin = Inches(1)  # 25.4 mm: ND30 wants 30–35

    [problem] = check_format(_edit(good, narrow))
    assert problem == "Lề trái cần từ 30 đến 35 mm; phần 1 đang là 25,4 mm."


def test_number_without_leading_zero_is_reported(good):
    def unpadded(document):
        _paragraph(document, "Số: 05/TB-SVHTTDL").runs[0].text = "Số: 5/TB-SVHTTDL"

    [problem] = check_format(_edit(good, unpadded))
    assert "Số: 5/TB-SVHTTDL" in problem


def test_missing_recipients_and_small_body_are_reported(good):
    def defects(document):
        document.tables[-1]._tbl.getparent().remove(document.tables[-1]._tbl)
        document.paragraphs[-1].runs[0].font.size = Pt(12)

    problems = check_format(_edit(good, defects))
    assert "Thiếu phần “Nơi nhận:”." in problems
    assert any(p.startswith("Cỡ chữ phần nội dung phải từ 13 đến 14") for p in problems)


def test_a_plain_word_document_has_many_problems():
    document = Document()
    document.add_paragraph("Một đoạn văn bản không đúng thể thức.")
    out = io.BytesIO()
    document.save(out)
    problems = check_format(out.getvalue())
    assert any("Cambria" in p for p in problems)  # python-docx template's theme font, resolved
    assert any(p.startswith("Khổ giấy") for p in problems)
    assert any(p.startswith("Thiếu bảng tiêu đề") for p in problems)
    assert "Thiếu phần “Nơi nhận:”." in problems


def test_a_file_that_is_not_a_docx_is_one_problem():
    [problem] = check_format(b"not a zip")
    assert problem.startswith("Không đọc được tệp .docx")
