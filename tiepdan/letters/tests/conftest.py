"""Fixtures of the letter tests: real small scan files, the demo denouncer, a registration helper."""

import struct
import zlib
from datetime import date

import pytest

TODAY = date(2026, 11, 27)  # a Friday
RECEIVED = date(2026, 11, 23)  # Monday
COMMUNE = 7210  # Phường Bắc Giang (Bắc Ninh since 01/07/2025)

# A minimal but complete PDF (header, one page, trailer, %%EOF).
PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


def _png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)  # 1×1, 8-bit greyscale
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00\xff")) + chunk(
        b"IEND", b"")


PNG = _png()
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 200

# The demo denouncer: a name and ID number that appear nowhere else in the data.
DENOUNCER_NAME = "Lương Thị Bích Ngọc"
DENOUNCER_ID = "027190004321"
DENOUNCER_PHONE = "0987123456"

DENUNCIATION_TEXT = (
    f"Tôi tên là {DENOUNCER_NAME}, CCCD số {DENOUNCER_ID}, điện thoại {DENOUNCER_PHONE}, ở Xóm Chùa.\n"
    "Tôi tố cáo ông Bùi Văn Nam, chuyên viên Bảo tàng tỉnh, đã nhận tiền của khách tham quan, nhũng nhiễu, "
    "gây khó khăn khi cấp phép chụp ảnh hiện vật."
)


@pytest.fixture
def denouncer():
    from tiepdan.letters.services import SenderInput

    return SenderInput(full_name=DENOUNCER_NAME, id_number=DENOUNCER_ID, phone=DENOUNCER_PHONE,
                       commune_code=COMMUNE, address_detail="Xóm Chùa")


@pytest.fixture
def citizen_sender():
    from tiepdan.letters.services import SenderInput

    return SenderInput(full_name="Đinh Công Hậu", id_number="027085001111", phone="0911222333",
                       commune_code=COMMUNE, address_detail="Thôn Thượng")


@pytest.fixture
def register(officer, unit):
    """register(**overrides): a letter registered through the service, as the reception officer."""
    from tiepdan.letters.services import register_letter

    def do(**overrides):
        args = {
            "actor": officer, "unit": unit("ttr-pc"), "channel": "post", "received_on": RECEIVED, "today": TODAY,
            "summary": "Khiếu nại quyết định xử phạt biểu diễn nghệ thuật tại nhà văn hóa thôn Thượng",
            "text": "Tôi khiếu nại Quyết định xử phạt vi phạm hành chính số 12/QĐ-XPHC, đề nghị hủy quyết định.",
            "matter_type": "complaint", "commune_code": COMMUNE, "senders": [],
        }
        args.update(overrides)
        return register_letter(**args)

    return do


@pytest.fixture
def denunciation(register, denouncer):
    from tiepdan.letters.services import Upload

    return register(matter_type="denunciation", summary="Tố cáo cán bộ Bảo tàng tỉnh nhận tiền, nhũng nhiễu",
                    text=DENUNCIATION_TEXT, senders=[denouncer], uploads=[Upload("don-to-cao.pdf", PDF)])


@pytest.fixture
def classify(leader):
    """classify(letter, **overrides): record a classification (eligible, within competence by default)."""
    from tiepdan.letters.services import Classification, classify_letter

    def do(letter, actor=None, **overrides):
        args = {"matter_type": letter.matter_type, "competence": "within", "is_eligible": True}
        args.update(overrides)
        return classify_letter(letter=letter, actor=actor or leader, classification=Classification(**args))

    return do
