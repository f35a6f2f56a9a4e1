"""The acceptance notice as issued: Decree 30/2020 format (header table, Times New Roman, A4, margins) and the
number of the year's register ("Số: 05/TB-SVHTTDL")."""

import io

import pytest
from docx import Document
from docx.shared import Mm

from tiepdan.documents.render import check_format
from tiepdan.documents.selectors import documents_for
from tiepdan.letters.services import accept_letter, file_letter
from tiepdan.letters.tests.conftest import TODAY

pytestmark = pytest.mark.django_db


def _docx(document) -> bytes:
    with document.file.open("rb") as handle:
        return handle.read()


@pytest.fixture
def fifth_notice(register, citizen_sender, denunciation, classify, leader, inspector):
    # Four notices of the year before it: the denunciation's acceptance notice is the fifth "TB".
    for _ in range(4):
        file_letter(letter=register(senders=[citizen_sender]), actor=leader, on=TODAY, today=TODAY,
                    reason="already_settled")
    classify(denunciation)
    accept_letter(letter=denunciation, actor=leader, on=TODAY, today=TODAY, handler=inspector)
    return documents_for(denunciation).get()


def test_the_acceptance_notice_follows_decree_30(fifth_notice):
    data = _docx(fifth_notice)
    assert check_format(data) == []
    doc = Document(io.BytesIO(data))
    section = doc.sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(1)
    assert abs(section.page_height - Mm(297)) < Mm(1)
    assert abs(section.left_margin - Mm(30)) < Mm(1)
    assert abs(section.right_margin - Mm(15)) < Mm(1)
    assert Mm(20) - Mm(1) < section.top_margin < Mm(25) + Mm(1)
    assert Mm(20) - Mm(1) < section.bottom_margin < Mm(25) + Mm(1)
    header = doc.tables[0]  # two columns: the issuing body and number | the national name and the date

    def column(i):
        return " ".join(" ".join(row.cells[i].text.split()) for row in header.rows)

    left, right = column(0), column(1)
    assert "UBND TỈNH BẮC NINH" in left
    assert "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH" in left
    assert "Số: 05/TB-SVHTTDL" in left
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in right
    assert "Độc lập - Tự do - Hạnh phúc" in right
    assert "Bắc Ninh, ngày 27 tháng 11 năm 2026" in right
    fonts = {run.font.name for p in doc.paragraphs for run in p.runs if run.text.strip() and run.font.name}
    assert fonts <= {"Times New Roman"}
    body = "\n".join(p.text for p in doc.paragraphs)
    assert "THÔNG BÁO" in body
    assert "thụ lý giải quyết tố cáo" in body
    assert "Người tố cáo (giữ bí mật)" in body


def test_the_notice_is_listed_on_the_letter_page_and_downloadable(client, fifth_notice, denunciation, officer):
    client.force_login(officer)
    page = client.get(denunciation.get_absolute_url()).content.decode()
    assert "05/TB-SVHTTDL" in page
    response = client.get(f"/van-ban/{fifth_notice.code}/tai-ve/")
    assert response.status_code == 200
    assert response.content[:2] == b"PK"


def test_every_disposition_document_is_well_formed(register, citizen_sender, classify, leader):
    from tiepdan.letters.services import guide_letter, transfer_letter, urge_letter

    docs = []
    for action in (transfer_letter, guide_letter):
        letter = register(senders=[citizen_sender], summary=f"Đơn {action.__name__}")
        classify(letter, competence="outside", competent_body="UBND xã Tiên Du")
        docs.append(action(letter=letter, actor=leader, on=TODAY, today=TODAY).document)
    letter = register(senders=[citizen_sender], summary="Đơn đôn đốc")
    classify(letter, competence="outside", competent_body="Trung tâm Văn hóa – Điện ảnh tỉnh")
    docs.append(urge_letter(letter=letter, actor=leader, on=TODAY, today=TODAY, subordinate="").document)
    docs.append(file_letter(letter=register(is_anonymous=True), actor=leader, on=TODAY, today=TODAY,
                            reason="anonymous").document)
    for document in docs:
        assert check_format(_docx(document)) == [], document.title
