"""The legal documents the rules cite (domain.md, source keys), as reference data.

Plain data: number, title, issue date, dates in force, and what replaced what, so a rule's
citation can be traced to the instrument and its status on any day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class LegalDocument:
    key: str
    number: str
    title_vi: str
    title_en: str
    issued_on: date | None
    in_force_from: date | None
    in_force_to: date | None = None
    replaced_by: str = ""
    confidence: str = "verified"

    def in_force_on(self, day: date) -> bool:
        return (self.in_force_from is None or self.in_force_from <= day) and (
            self.in_force_to is None or day <= self.in_force_to
        )


LEGAL_DOCUMENTS: tuple[LegalDocument, ...] = (
    LegalDocument(
        "L42",
        "42/2013/QH13",
        "Luật Tiếp công dân",
        "Law on Citizen Reception",
        date(2013, 11, 25),
        date(2014, 7, 1),
    ),
    LegalDocument(
        "L02", "02/2011/QH13", "Luật Khiếu nại", "Law on Complaints", date(2011, 11, 11), date(2012, 7, 1)
    ),
    LegalDocument(
        "L25", "25/2018/QH14", "Luật Tố cáo", "Law on Denunciation", date(2018, 6, 12), date(2019, 1, 1)
    ),
    LegalDocument(
        "L136",
        "136/2025/QH15",
        "Luật sửa đổi, bổ sung một số điều của Luật Tiếp công dân, Luật Khiếu nại, Luật Tố cáo",
        "Law amending the Laws on Citizen Reception, Complaints and Denunciation",
        date(2025, 12, 10),
        date(2026, 7, 1),
    ),
    LegalDocument(
        "L84", "84/2025/QH15", "Luật Thanh tra", "Law on Inspection", date(2025, 6, 25), date(2025, 7, 1)
    ),
    LegalDocument(
        "BLDS",
        "91/2015/QH13",
        "Bộ luật Dân sự (Điều 147–148: cách tính thời hạn)",
        "Civil Code (Arts 147–148: counting periods)",
        date(2015, 11, 24),
        date(2017, 1, 1),
    ),
    LegalDocument(
        "ND64",
        "64/2014/NĐ-CP",
        "Nghị định quy định chi tiết Luật Tiếp công dân",
        "Decree detailing the Law on Citizen Reception",
        date(2014, 6, 26),
        date(2014, 8, 15),
        date(2026, 6, 30),
        replaced_by="ND154",
    ),
    LegalDocument(
        "ND154",
        "154/2026/NĐ-CP",
        "Nghị định quy định chi tiết Luật Tiếp công dân",
        "Decree detailing the Law on Citizen Reception",
        None,
        date(2026, 7, 1),
        confidence="verified-mirror",
    ),
    LegalDocument(
        "ND124",
        "124/2020/NĐ-CP",
        "Nghị định quy định chi tiết Luật Khiếu nại",
        "Decree detailing the Law on Complaints",
        date(2020, 10, 19),
        date(2020, 12, 5),
    ),
    LegalDocument(
        "ND155",
        "155/2026/NĐ-CP",
        "Nghị định sửa đổi Nghị định 124/2020/NĐ-CP",
        "Decree amending Decree 124/2020",
        None,
        date(2026, 7, 1),
        confidence="verified-mirror",
    ),
    LegalDocument(
        "ND31",
        "31/2019/NĐ-CP",
        "Nghị định quy định chi tiết Luật Tố cáo",
        "Decree detailing the Law on Denunciation",
        date(2019, 4, 10),
        date(2019, 5, 28),
    ),
    LegalDocument(
        "ND156",
        "156/2026/NĐ-CP",
        "Nghị định sửa đổi Nghị định 31/2019/NĐ-CP",
        "Decree amending Decree 31/2019",
        None,
        date(2026, 7, 1),
        confidence="verified-mirror",
    ),
    LegalDocument(
        "TT04",
        "04/2021/TT-TTCP",
        "Thông tư quy định quy trình tiếp công dân",
        "Circular on the citizen-reception process",
        date(2021, 10, 1),
        date(2021, 11, 15),
    ),
    LegalDocument(
        "TT05",
        "05/2021/TT-TTCP",
        "Thông tư quy định quy trình xử lý đơn",
        "Circular on the letter-handling process",
        date(2021, 10, 1),
        date(2021, 11, 15),
    ),
    LegalDocument(
        "TT02-2021",
        "02/2021/TT-TTCP",
        "Thông tư quy định chế độ báo cáo công tác thanh tra, tiếp công dân, giải quyết khiếu nại, tố cáo",
        "Circular on the reporting regime",
        date(2021, 3, 22),
        None,
        date(2024, 3, 4),
        replaced_by="TT01-2024",
    ),
    LegalDocument(
        "TT01-2024",
        "01/2024/TT-TTCP",
        "Thông tư quy định chế độ báo cáo công tác thanh tra, tiếp công dân, "
        "giải quyết khiếu nại, tố cáo và phòng, chống tham nhũng, tiêu cực",
        "Circular on the reporting regime",
        date(2024, 1, 20),
        date(2024, 3, 5),
    ),
    LegalDocument(
        "ND30",
        "30/2020/NĐ-CP",
        "Nghị định về công tác văn thư (thể thức văn bản)",
        "Decree on clerical work (document format)",
        date(2020, 3, 5),
        date(2020, 3, 5),
    ),
    LegalDocument(
        "QD11",
        "11-QĐi/TW",
        "Quy định về trách nhiệm của người đứng đầu cấp ủy trong việc tiếp dân",
        "Party regulation on Party heads receiving citizens",
        date(2019, 2, 18),
        date(2019, 2, 18),
    ),
    LegalDocument(
        "KL215",
        "215-KL/TW",
        "Kết luận sửa đổi Quy định 11-QĐi/TW",
        "Conclusion amending Regulation 11",
        date(2025, 11, 23),
        date(2025, 11, 23),
    ),
    LegalDocument(
        "CT35",
        "35-CT/TW",
        "Chỉ thị về tăng cường sự lãnh đạo của Đảng đối với công tác tiếp công dân, "
        "giải quyết khiếu nại, tố cáo",
        "Politburo directive on reception and complaints",
        date(2014, 5, 26),
        date(2014, 5, 26),
    ),
    LegalDocument(
        "NQ623",
        "623/NQ-UBTVQH15",
        "Nghị quyết về tăng cường hiệu lực, hiệu quả thực hiện chính sách, pháp "
        "luật về tiếp công dân, giải quyết khiếu nại, tố cáo",
        "NA Standing Committee resolution on reception and complaints",
        date(2022, 10, 7),
        date(2022, 10, 7),
        confidence="unverified",
    ),
)


def documents_in_force(day: date) -> list[LegalDocument]:
    return [d for d in LEGAL_DOCUMENTS if d.in_force_on(day)]
