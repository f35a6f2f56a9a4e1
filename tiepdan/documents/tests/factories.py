"""Documents as the department issues them, for the tests."""

from datetime import date

from tiepdan.documents.render import AdminDocument, Heading, Signature


def make_notice(**overrides) -> AdminDocument:
    fields = {
        "parent_body": "UBND TỈNH BẮC NINH",
        "issuing_body": "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH",
        "place": "Bắc Ninh",
        "kind_code": "TB",
        "kind_name": "THÔNG BÁO",
        "number": 5,
        "agency_symbol": "SVHTTDL",
        "issued_on": date(2026, 2, 5),
        "summary": "Về việc thụ lý giải quyết khiếu nại",
        "grounds": [
            "Căn cứ Luật Khiếu nại ngày 11 tháng 11 năm 2011",
            "Căn cứ Nghị định số 124/2020/NĐ-CP ngày 19 tháng 10 năm 2020 của Chính phủ;",
        ],
        "body": [
            Heading("I. NỘI DUNG KHIẾU NẠI"),
            "Ngày 02 tháng 02 năm 2026, Sở Văn hóa, Thể thao và Du lịch nhận được đơn của ông Nguyễn Văn An.",
            Heading("1. Kết quả kiểm tra", level=2),
            "Đơn đủ điều kiện thụ lý theo Điều 11 Luật Khiếu nại.\nSở thông báo để ông được biết.",
        ],
        "recipients": ["Ông Nguyễn Văn An", "- Thanh tra tỉnh (để b/c);"],
        "archive": "VT, TTrPC",
        "signature": Signature(authority="KT. GIÁM ĐỐC", title="Phó Giám đốc", name="Trần Thị Hương"),
    }
    fields.update(overrides)
    return AdminDocument(**fields)
