"""The rules table (domain.md §12) as data.

Every row of §12 is here, with the §0 counting rules and the suspension rules it refers to, so that the
UI, the reports and the explanations cite the same text. Rows without a length (quotas, counts,
confidentiality, report periods, counting rules) are kept for citation: `compute_deadline` refuses them
with NoTimeLimit.

Two regimes exist: A until 30/06/2026, B from 01/07/2026 (Law 136/2025/QH15 and Decrees 154–156/2026).
A rule carries its validity dates and `get_rule` picks the one in force on the start date.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from types import MappingProxyType

from tiepdan.legal.calendar import format_date
from tiepdan.legal.errors import RuleNotInForce, UnknownRule


class Unit(StrEnum):
    CALENDAR_DAYS = "calendar_days"
    WORKING_DAYS = "working_days"


class Direction(StrEnum):
    FORWARD = "forward"
    BACKWARD = "backward"  # "at least N days before" an event: the result is the latest day to act


class Confidence(StrEnum):
    VERIFIED = "verified"
    VERIFIED_MIRROR = "verified-mirror"
    UNVERIFIED = "unverified"


class CaseType(StrEnum):
    RECEPTION = "reception"
    LETTER = "letter"
    COMPLAINT = "complaint"
    DENUNCIATION = "denunciation"
    PETITION_FEEDBACK = "petition_feedback"
    REPORTING = "reporting"
    CALENDAR = "calendar"
    DOCUMENT = "document"


UNIT_LABELS: Mapping[Unit, tuple[str, str]] = MappingProxyType(
    {
        Unit.CALENDAR_DAYS: ("ngày theo lịch", "calendar days"),
        Unit.WORKING_DAYS: ("ngày làm việc", "working days"),
    }
)

# Variant names shared by the rules; the label explains to the officer which fact selects the variant.
VARIANT_LABELS: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        "complex": ("vụ việc phức tạp", "complex case"),
        "especially-complex": ("vụ việc đặc biệt phức tạp", "especially complex case"),
        "remote": ("vùng sâu, vùng xa, đi lại khó khăn", "remote or hard-to-reach area"),
        "remote-complex": ("vùng sâu, vùng xa và vụ việc phức tạp", "remote area and complex case"),
        "multi-site": (
            "cần kiểm tra, xác minh ở nhiều địa điểm hoặc ủy quyền xác minh",
            "checks at several places or delegated verification",
        ),
        "forced-dismissal": ("hình thức kỷ luật buộc thôi việc", "the sanction is forced dismissal"),
    }
)

REGIME_B_START = date(2026, 7, 1)
REGIME_A_END = date(2026, 6, 30)

# Dates the underlying acts took effect, used as `valid_from` of the rules that both regimes share.
_LAW_RECEPTION = date(2014, 7, 1)  # Law 42/2013/QH13 on Citizen Reception
_LAW_COMPLAINTS = date(2012, 7, 1)  # Law 02/2011/QH13 on Complaints
_LAW_DENUNCIATION = date(2019, 1, 1)  # Law 25/2018/QH14 on Denunciation
_TT05_2021 = date(2021, 11, 15)  # Circular 05/2021/TT-TTCP (letter handling)
_TT01_2024 = date(2024, 3, 5)  # Circular 01/2024/TT-TTCP (reporting)


_CITATION_PHRASES = (
    ("Chính sách của cơ quan (không có căn cứ luật định)", "Agency policy (no statutory basis)"),
    ("Suy ra từ", "Inferred from"),
    ("(ngưỡng suy ra)", "(threshold inferred)"),
    ("Bộ luật Dân sự", "Civil Code"),
    ("Bộ luật Lao động", "Labour Code"),
    ("Luật Tiếp công dân", "Law on Citizen Reception"),
    ("Luật Khiếu nại", "Law on Complaints"),
    ("Luật Tố cáo", "Law on Denunciation"),
    ("Nghị định", "Decree"),
    ("Thông tư", "Circular"),
    ("Phụ lục", "Appendix"),
    ("Quy định", "Regulation"),
    ("Kết luận", "Conclusion"),
    ("sửa đổi bởi", "as amended by"),
    (" năm ", " of "),
    (" ngày ", " of "),
)


def citation_en(citation: str) -> str:
    """English form of a Vietnamese legal citation ("Luật Tố cáo 2018, Điều 24 khoản 1" -> "Law on
    Denunciation 2018, Art 24(1)"); document symbols such as "NĐ-CP" are kept as they are official."""
    text = re.sub(r"Điều ([\w–]+) khoản ([\d, ]*\d)", r"Điều \1(\2)", citation)
    text = re.sub(r"Điều ([\w–()]+(?:, \d+\))?) mới của", r"new Art \1 of", text)
    text = text.replace("Điều", "Art").replace("điểm", "point")
    for vietnamese, english in _CITATION_PHRASES:
        text = text.replace(vietnamese, english)
    return text


def _frozen(mapping: Mapping | None = None) -> Mapping:
    return MappingProxyType(dict(mapping or {}))


@dataclass(frozen=True)
class Rule:
    """One row of the rules table.

    `days`/`unit` are None for rules without a time limit. `variants` maps a variant name to its length
    (same unit). `max_extensions` maps a variant (None = no variant given) to the number of extensions of
    `extension_days` days (in the rule's unit) the law allows; an absent key means none.
    """

    id: str
    base_id: str
    title_vi: str
    title_en: str
    case_type: str
    start_event_vi: str
    days: int | None
    unit: Unit | None
    source: str
    confidence: str
    variants: Mapping[str, int] = field(default_factory=_frozen)
    extension_days: int = 0
    max_extensions: Mapping[str | None, int] = field(default_factory=_frozen)
    direction: str = Direction.FORWARD
    valid_from: date | None = None
    valid_to: date | None = None
    note_vi: str = ""
    note_en: str = ""
    start_event_en: str = ""
    # Unverified lengths that an agency may set per case (domain.md: "implement as configurable data").
    configurable: bool = False
    extension_source: str = ""  # the text that allows the extension, cited on each extension step

    def __post_init__(self) -> None:
        object.__setattr__(self, "variants", _frozen(self.variants))
        object.__setattr__(self, "max_extensions", _frozen(self.max_extensions))

    def __hash__(self) -> int:
        return hash(self.id)

    @property
    def source_en(self) -> str:
        return citation_en(self.source)

    @property
    def has_time_limit(self) -> bool:
        return self.days is not None

    def in_force(self, on: date) -> bool:
        if self.valid_from is not None and on < self.valid_from:
            return False
        return not (self.valid_to is not None and on > self.valid_to)

    def validity_vi(self) -> str:
        if self.valid_from and self.valid_to:
            return f"từ {format_date(self.valid_from)} đến {format_date(self.valid_to)}"
        if self.valid_to:
            return f"đến hết {format_date(self.valid_to)}"
        if self.valid_from:
            return f"từ {format_date(self.valid_from)}"
        return "mọi thời điểm"

    def validity_en(self) -> str:
        if self.valid_from and self.valid_to:
            return f"from {format_date(self.valid_from)} to {format_date(self.valid_to)}"
        if self.valid_to:
            return f"until {format_date(self.valid_to)}"
        if self.valid_from:
            return f"from {format_date(self.valid_from)}"
        return "at any time"


def _rule(rule_id: str, base_id: str | None = None, **kwargs: object) -> Rule:
    return Rule(id=rule_id, base_id=base_id or rule_id, **kwargs)  # type: ignore[arg-type]


CD, WD = Unit.CALENDAR_DAYS, Unit.WORKING_DAYS
V, VM, U = Confidence.VERIFIED, Confidence.VERIFIED_MIRROR, Confidence.UNVERIFIED
T = CaseType

_RECEPTION_RULES = (
    _rule(
        "TCD-HEAD-1",
        title_vi="Thủ trưởng cơ quan chuyên môn cấp tỉnh tiếp công dân định kỳ (ít nhất 1 ngày/tháng)",
        title_en="Head of a provincial specialized agency receives citizens (at least 1 day a month)",
        case_type=T.RECEPTION,
        start_event_vi="mỗi tháng",
        start_event_en="each month",
        days=None,
        unit=None,
        source="Luật Tiếp công dân 2013, Điều 18 khoản 2",
        confidence=V,
        valid_from=_LAW_RECEPTION,
        note_vi="Cộng thêm tiếp đột xuất khi vụ việc gay gắt, phức tạp, đông người (Điều 18 khoản 3).",
        note_en="Plus ad hoc receptions for acute, complex or mass cases (Art 18(3)).",
    ),
    _rule(
        "TCD-HEAD-2",
        title_vi="Chủ tịch UBND tỉnh tiếp công dân định kỳ (ít nhất 1 ngày/tháng)",
        title_en="Provincial People's Committee Chairman receives citizens (at least 1 day a month)",
        case_type=T.RECEPTION,
        start_event_vi="mỗi tháng",
        start_event_en="each month",
        days=None,
        unit=None,
        source="Luật Tiếp công dân 2013, Điều 12 khoản 5",
        confidence=V,
        valid_from=_LAW_RECEPTION,
    ),
    _rule(
        "TCD-HEAD-3",
        title_vi="Chủ tịch UBND cấp xã tiếp công dân định kỳ (ít nhất 1 ngày/tuần)",
        title_en="Commune People's Committee Chairman receives citizens (at least 1 day a week)",
        case_type=T.RECEPTION,
        start_event_vi="mỗi tuần",
        start_event_en="each week",
        days=None,
        unit=None,
        source="Luật Tiếp công dân 2013, Điều 15",
        confidence=V,
        valid_from=_LAW_RECEPTION,
        note_vi="Quy định 2 ngày/tháng của Chủ tịch UBND cấp huyện (Điều 13 khoản 5) hết áp dụng do bỏ cấp "
        "huyện từ 01/07/2025.",
        note_en="The district Chairman's 2 days a month (Art 13(5)) lapsed when districts were abolished on "
        "01/07/2025.",
    ),
    _rule(
        "PARTY-1",
        title_vi="Bí thư Tỉnh ủy tiếp dân định kỳ (ít nhất 1 ngày/tháng)",
        title_en="Provincial Party secretary receives citizens (at least 1 day a month)",
        case_type=T.RECEPTION,
        start_event_vi="mỗi tháng",
        start_event_en="each month",
        days=None,
        unit=None,
        source="Quy định 11-QĐi/TW năm 2019, sửa đổi bởi Kết luận 215-KL/TW ngày 23/11/2025",
        confidence=V,
        valid_from=date(2025, 11, 23),
    ),
    _rule(
        "PARTY-2",
        title_vi="Bí thư cấp ủy cấp xã tiếp dân định kỳ (ít nhất 2 ngày/tháng)",
        title_en="Commune Party secretary receives citizens (at least 2 days a month)",
        case_type=T.RECEPTION,
        start_event_vi="mỗi tháng",
        start_event_en="each month",
        days=None,
        unit=None,
        source="Quy định 11-QĐi/TW năm 2019, sửa đổi bởi Kết luận 215-KL/TW ngày 23/11/2025",
        confidence=V,
        valid_from=date(2025, 11, 23),
    ),
    _rule(
        "TCD-REP",
        title_vi="Cử người đại diện khi nhiều người cùng khiếu nại, tố cáo, kiến nghị, phản ánh",
        title_en="Representatives of a group with the same complaint, denunciation, petition or feedback",
        case_type=T.RECEPTION,
        start_event_vi="khi đoàn đến",
        start_event_en="when the group arrives",
        days=None,
        unit=None,
        source="Luật Tiếp công dân 2013, Điều 29",
        confidence=V,
        valid_from=_LAW_RECEPTION,
        note_vi="5–10 người: 1 hoặc 2 người đại diện; trên 10 người: thêm nhưng không quá 5 người đại diện.",
        note_en="5-10 people: 1 or 2 representatives; more than 10: more, but at most 5.",
    ),
    _rule(
        "MASS-FLAG",
        title_vi="Vụ việc đông người (từ 5 người trở lên)",
        title_en="Mass case (5 people or more)",
        case_type=T.RECEPTION,
        start_event_vi="số người tham gia",
        start_event_en="number of participants",
        days=None,
        unit=None,
        source="Luật Tiếp công dân 2013, Điều 29 (ngưỡng suy ra)",
        confidence=U,
        note_vi="Ngưỡng 5 người suy ra từ quy định cử đại diện; có thể cấu hình.",
        note_en="The threshold of 5 is inferred from the representatives rule; configurable.",
    ),
    _rule(
        "TCD-REFUSE-NOTICE",
        title_vi="Thông báo từ chối tiếp công dân bằng văn bản (Mẫu 01/TCD)",
        title_en="Written refusal-to-receive notice (Form 01/TCD)",
        case_type=T.RECEPTION,
        start_event_vi="ngày xác định có căn cứ từ chối",
        start_event_en="the day the refusal grounds are established",
        days=3,
        unit=WD,
        source="Nghị định 154/2026/NĐ-CP, Điều 4 khoản 3",
        confidence=VM,
        valid_from=REGIME_B_START,
        note_vi="Chỉ cho căn cứ khiếu nại, tố cáo kéo dài (Điều 9 khoản 3 Luật Tiếp công dân) và kiến nghị, "
        "phản ánh lặp lại (Điều 4 khoản 1 điểm h Nghị định 154).",
        note_en="Only for persistent repeat complaints/denunciations (Law Art 9(3)) and repeat petitions or "
        "feedback (Decree 154 Art 4(1)(h)).",
    ),
    _rule(
        "TCD-ANSWER-10",
        title_vi="Trả lời công dân về việc thụ lý, gia hạn xem xét, không thụ lý hoặc chuyển đơn",
        title_en="Answer the citizen: accepted, review extended, refused or forwarded",
        case_type=T.RECEPTION,
        start_event_vi="ngày nhận được nội dung",
        start_event_en="the day the content is received",
        days=10,
        unit=WD,
        source="Luật Tiếp công dân 2013, Điều 28 khoản 1",
        confidence=V,
        valid_from=_LAW_RECEPTION,
    ),
    _rule(
        "TCD-FWD-RESULT",
        title_vi="Thông báo kết quả giải quyết cho cơ quan của Quốc hội, đại biểu, Ban tiếp công dân đã "
        "chuyển đơn",
        title_en="Report the settlement result to the National Assembly body, deputy or Reception Board that "
        "transferred the case",
        case_type=T.RECEPTION,
        start_event_vi="ngày giải quyết xong",
        start_event_en="the day the case is settled",
        days=7,
        unit=WD,
        source="Luật Tiếp công dân 2013, Điều 27 khoản 2",
        confidence=V,
        valid_from=_LAW_RECEPTION,
        note_vi="Nếu vụ việc đã được giải quyết trước đó thì thông báo ngay.",
        note_en="If the case had already been settled, notify at once.",
    ),
    _rule(
        "TCD-INFORM-CIT",
        title_vi="Cơ quan đã chuyển đơn thông báo kết quả cho công dân (nếu công dân yêu cầu)",
        title_en="The transferring body informs the citizen of the result (if the citizen asked)",
        case_type=T.RECEPTION,
        start_event_vi="ngày nhận được thông báo kết quả",
        start_event_en="the day the result notice is received",
        days=5,
        unit=WD,
        source="Luật Tiếp công dân 2013, Điều 28 khoản 2",
        confidence=V,
        valid_from=_LAW_RECEPTION,
    ),
    _rule(
        "TCD-ONLINE-1",
        title_vi="Thông báo cho người tham gia buổi tiếp công dân trực tuyến",
        title_en="Notify the participants of an online reception session",
        case_type=T.RECEPTION,
        start_event_vi="ngày tổ chức tiếp trực tuyến (tính lùi)",
        start_event_en="the session date (counted backwards)",
        days=5,
        unit=WD,
        direction=Direction.BACKWARD,
        source="Nghị định 154/2026/NĐ-CP, Điều 23–24",
        confidence=VM,
        valid_from=REGIME_B_START,
        note_vi="Chậm nhất 5 ngày làm việc trước buổi tiếp; ghi âm, ghi hình toàn bộ buổi tiếp.",
        note_en="At least 5 working days before the session; the whole session is audio- and video-recorded.",
    ),
    _rule(
        "TCD-ONLINE-2",
        title_vi="Kiểm tra kết nối trước buổi tiếp công dân trực tuyến",
        title_en="Connection test before an online reception session",
        case_type=T.RECEPTION,
        start_event_vi="ngày tổ chức tiếp trực tuyến (tính lùi)",
        start_event_en="the session date (counted backwards)",
        days=1,
        unit=WD,
        direction=Direction.BACKWARD,
        source="Nghị định 154/2026/NĐ-CP, Điều 23–24",
        confidence=VM,
        valid_from=REGIME_B_START,
        note_vi="Chậm nhất 1 ngày làm việc trước; các điểm cầu kết nối trước giờ tiếp ít nhất 1 giờ.",
        note_en="At least 1 working day before; every site connected at least 1 hour before the start.",
    ),
)

_LETTER_RULES = (
    _rule(
        "XLD-TIME",
        title_vi="Thời hạn xử lý đơn (khiếu nại, kiến nghị, phản ánh)",
        title_en="Letter handling time limit (complaint, petition, feedback)",
        case_type=T.LETTER,
        start_event_vi="ngày nhận đơn",
        start_event_en="the day the letter is received",
        days=10,
        unit=WD,
        source="Thông tư 05/2021/TT-TTCP",
        confidence=U,
        configurable=True,
        valid_from=_TT05_2021,
        note_vi="Chưa kiểm chứng với toàn văn Thông tư; đơn tố cáo áp dụng TC-INIT/TC-FWD.",
        note_en="Not checked against the full circular; denunciation letters follow TC-INIT/TC-FWD.",
    ),
    _rule(
        "XLD-TC-ONCE",
        title_vi="Đơn tố cáo không thuộc thẩm quyền chỉ chuyển một lần (Mẫu 03)",
        title_en="A denunciation outside competence is forwarded once only (Form 03)",
        case_type=T.LETTER,
        start_event_vi="—",
        start_event_en="—",
        days=None,
        unit=None,
        source="Thông tư 05/2021/TT-TTCP, Điều 14",
        confidence=V,
        valid_from=_TT05_2021,
    ),
    _rule(
        "PAKN-ANSWER",
        title_vi="Trả lời kiến nghị, phản ánh (thời hạn do cơ quan ấn định)",
        title_en="Final answer to a petition or feedback (set by the agency)",
        case_type=T.PETITION_FEEDBACK,
        start_event_vi="ngày ra thông báo kết luận tiếp công dân",
        start_event_en="the date of the reception conclusion notice",
        days=15,
        unit=WD,
        source="Chính sách của cơ quan (không có căn cứ luật định)",
        confidence=U,
        configurable=True,
        note_vi="Không tìm thấy thời hạn luật định; mặc định 15 ngày làm việc, có thể đặt cho từng vụ việc "
        "(Nghị định 154/2026/NĐ-CP, Điều 25 khoản 2: xác định thời gian giải quyết phù hợp).",
        note_en="No statutory limit found; default 15 working days, settable per case (Decree 154/2026 Art "
        "25(2): set a suitable time).",
    ),
)

_COMPLAINT_RULES = (
    _rule(
        "KN-LIM",
        title_vi="Thời hiệu khiếu nại",
        title_en="Complaint limitation period",
        case_type=T.COMPLAINT,
        start_event_vi="ngày nhận được hoặc biết được quyết định, hành vi hành chính",
        start_event_en="the day the decision or act was received or became known",
        days=90,
        unit=CD,
        source="Luật Khiếu nại 2011, Điều 9",
        confidence=V,
        valid_from=_LAW_COMPLAINTS,
        note_vi="Thời gian ốm đau, thiên tai, địch họa, đi công tác, học tập ở nơi xa hoặc trở ngại khách "
        "quan khác không tính vào thời hiệu (nhập như khoảng tạm ngừng).",
        note_en="Time lost to illness, disaster, war, business trips, distant study or other objective "
        "obstacles is not counted (enter it as a suspension span).",
    ),
    _rule(
        "KN-ACCEPT-A",
        base_id="KN-ACCEPT",
        title_vi="Thụ lý giải quyết khiếu nại (lần đầu, lần hai) – chế độ trước 01/07/2026",
        title_en="Acceptance of a complaint (first or second time) – regime before 01/07/2026",
        case_type=T.COMPLAINT,
        start_event_vi="ngày nhận được đơn khiếu nại",
        start_event_en="the day the complaint is received",
        days=10,
        unit=WD,
        source="Luật Khiếu nại 2011, Điều 27, 36; Nghị định 124/2020/NĐ-CP, Điều 16",
        confidence=V,
        valid_from=_LAW_COMPLAINTS,
        valid_to=REGIME_A_END,
        note_vi="Luật Khiếu nại ghi “trong thời hạn 10 ngày” (ngày theo lịch); hệ thống tính 10 ngày làm "
        "việc theo Nghị định 124/2020/NĐ-CP, Điều 16 và Thông tư 07/2013/TT-TTCP, Điều 5 (sửa đổi bởi "
        "Thông tư 02/2016/TT-TTCP).",
        note_en="The Law on Complaints says plain “10 days” (calendar days); the system counts 10 working "
        "days as Decree 124/2020 Art 16 and Circular 07/2013 Art 5 (amended by Circular 02/2016) do.",
    ),
    _rule(
        "KN-ACCEPT-B",
        base_id="KN-ACCEPT",
        title_vi="Thụ lý giải quyết khiếu nại (lần đầu, lần hai, khiếu nại kỷ luật) – từ 01/07/2026",
        title_en="Acceptance of a complaint (first, second time, disciplinary) – from 01/07/2026",
        case_type=T.COMPLAINT,
        start_event_vi="ngày nhận được đơn khiếu nại",
        start_event_en="the day the complaint is received",
        days=7,
        unit=WD,
        source="Nghị định 155/2026/NĐ-CP, Điều 10 (Điều 16 khoản 1 mới của Nghị định 124/2020/NĐ-CP)",
        confidence=VM,
        valid_from=REGIME_B_START,
        note_vi="Khiếu nại đông người chỉ thụ lý khi đủ chữ ký và văn bản cử người đại diện.",
        note_en="A group complaint is accepted only with every signature and the representatives' "
        "appointment.",
    ),
    _rule(
        "KN-T1",
        title_vi="Thời hạn giải quyết khiếu nại lần đầu",
        title_en="First-time complaint settlement time limit",
        case_type=T.COMPLAINT,
        start_event_vi="ngày thụ lý",
        start_event_en="the acceptance date",
        days=30,
        unit=CD,
        variants={"complex": 45, "remote": 45, "remote-complex": 60},
        source="Luật Khiếu nại 2011, Điều 28",
        confidence=V,
        valid_from=_LAW_COMPLAINTS,
        note_vi="Luật ghi “ngày” nên tính theo ngày lịch; tính chất phức tạp phải xác định bằng văn bản.",
        note_en="The law says plain “days”, so calendar days; complexity must be determined in writing.",
    ),
    _rule(
        "KN-SEND-1",
        title_vi="Gửi quyết định giải quyết khiếu nại lần đầu",
        title_en="Send the first-time complaint decision",
        case_type=T.COMPLAINT,
        start_event_vi="ngày ban hành quyết định",
        start_event_en="the decision date",
        days=3,
        unit=WD,
        source="Luật Khiếu nại 2011, Điều 32",
        confidence=V,
        valid_from=_LAW_COMPLAINTS,
    ),
    _rule(
        "KN-2ND-WINDOW",
        title_vi="Thời hạn khiếu nại lần hai",
        title_en="Time window for a second complaint",
        case_type=T.COMPLAINT,
        start_event_vi="ngày nhận quyết định lần đầu, hoặc ngày hết thời hạn giải quyết lần đầu",
        start_event_en="receipt of the first-time decision, or expiry of the first-time limit",
        days=30,
        unit=CD,
        variants={"remote": 45},
        source="Luật Khiếu nại 2011, Điều 33",
        confidence=V,
        valid_from=_LAW_COMPLAINTS,
    ),
    _rule(
        "KN-T2",
        title_vi="Thời hạn giải quyết khiếu nại lần hai",
        title_en="Second-time complaint settlement time limit",
        case_type=T.COMPLAINT,
        start_event_vi="ngày thụ lý",
        start_event_en="the acceptance date",
        days=45,
        unit=CD,
        variants={"complex": 60, "remote": 60, "remote-complex": 70},
        source="Luật Khiếu nại 2011, Điều 37",
        confidence=V,
        valid_from=_LAW_COMPLAINTS,
    ),
    _rule(
        "KN-SEND-2",
        title_vi="Gửi quyết định giải quyết khiếu nại lần hai",
        title_en="Send the second-time complaint decision",
        case_type=T.COMPLAINT,
        start_event_vi="ngày ban hành quyết định",
        start_event_en="the decision date",
        days=7,
        unit=CD,
        source="Luật Khiếu nại 2011, Điều 41 khoản 1",
        confidence=V,
        valid_from=_LAW_COMPLAINTS,
        note_vi="Luật ghi “07 ngày” (ngày theo lịch), khác với 03 ngày làm việc của lần đầu.",
        note_en="The law says “07 days” (calendar days), unlike the 3 working days of the first time.",
    ),
    _rule(
        "KN-EFFECT-1",
        title_vi="Quyết định giải quyết khiếu nại lần đầu có hiệu lực pháp luật",
        title_en="A first-time complaint decision becomes final",
        case_type=T.COMPLAINT,
        start_event_vi="ngày ban hành quyết định",
        start_event_en="the decision date",
        days=30,
        unit=CD,
        variants={"remote": 45},
        source="Luật Khiếu nại 2011, Điều 44 khoản 1",
        confidence=V,
        valid_from=_LAW_COMPLAINTS,
        note_vi="Chỉ khi không có khiếu nại lần hai.",
        note_en="Only if no second complaint is lodged.",
    ),
    _rule(
        "KN-EFFECT-2",
        title_vi="Quyết định giải quyết khiếu nại lần hai có hiệu lực pháp luật",
        title_en="A second-time complaint decision becomes final",
        case_type=T.COMPLAINT,
        start_event_vi="ngày ban hành quyết định",
        start_event_en="the decision date",
        days=30,
        unit=CD,
        variants={"remote": 45},
        source="Luật Khiếu nại 2011, Điều 44 khoản 2",
        confidence=V,
        valid_from=_LAW_COMPLAINTS,
    ),
    _rule(
        "KN-DIALOG",
        title_vi="Thông báo tổ chức đối thoại (thời gian, địa điểm, nội dung)",
        title_en="Notice of the complaint dialogue (time, place, content)",
        case_type=T.COMPLAINT,
        start_event_vi="ngày đối thoại (tính lùi)",
        start_event_en="the dialogue date (counted backwards)",
        days=5,
        unit=CD,
        direction=Direction.BACKWARD,
        source="Nghị định 155/2026/NĐ-CP, Điều 11 (Điều 28 mới của Nghị định 124/2020/NĐ-CP)",
        confidence=VM,
        valid_from=REGIME_B_START,
        note_vi="Chậm nhất 5 ngày trước ngày đối thoại; nếu ngày đó là ngày nghỉ thì lùi về ngày làm việc "
        "liền trước. Đối thoại bắt buộc khi giải quyết lần hai; Giám đốc Sở phải trực tiếp đối thoại.",
        note_en="At least 5 days before the dialogue; if that day is not a working day, move back to the "
        "previous working day. Dialogue is mandatory in second-time settlement; the Director attends in "
        "person.",
    ),
    _rule(
        "KN-SUSP",
        title_vi="Tạm đình chỉ giải quyết khiếu nại: thời gian tạm đình chỉ không tính vào thời hạn",
        title_en="Suspension of complaint settlement: suspended time is not counted",
        case_type=T.COMPLAINT,
        start_event_vi="quyết định tạm đình chỉ → quyết định tiếp tục",
        start_event_en="suspension decision → continuation decision",
        days=None,
        unit=None,
        source="Nghị định 155/2026/NĐ-CP, Điều 12 (Điều 28a–28b mới của Nghị định 124/2020/NĐ-CP)",
        confidence=VM,
        valid_from=REGIME_B_START,
    ),
    _rule(
        "KN-SUSP-SEND",
        title_vi="Gửi quyết định tạm đình chỉ, đình chỉ hoặc tiếp tục giải quyết khiếu nại",
        title_en="Send the suspension, termination or continuation decision",
        case_type=T.COMPLAINT,
        start_event_vi="ngày ban hành quyết định",
        start_event_en="the decision date",
        days=3,
        unit=WD,
        source="Nghị định 155/2026/NĐ-CP, Điều 12 (Điều 28b mới của Nghị định 124/2020/NĐ-CP)",
        confidence=VM,
        valid_from=REGIME_B_START,
    ),
    _rule(
        "KN-NONACC-8",
        title_vi="Tiếp tục khiếu nại sau thông báo tạm đình chỉ/đình chỉ",
        title_en="Resuming a complaint after a termination notice",
        case_type=T.COMPLAINT,
        start_event_vi="ngày có thông báo",
        start_event_en="the notice date",
        days=30,
        unit=CD,
        source="Luật Khiếu nại 2011, Điều 11 khoản 8",
        confidence=V,
        valid_from=_LAW_COMPLAINTS,
        note_vi="Quá hạn này thì khiếu nại không được thụ lý.",
        note_en="After this the complaint cannot be accepted.",
    ),
    _rule(
        "KN-DISC-LIM1",
        title_vi="Thời hiệu khiếu nại quyết định kỷ luật lần đầu",
        title_en="Limitation period for a first complaint against a disciplinary decision",
        case_type=T.COMPLAINT,
        start_event_vi="ngày nhận quyết định kỷ luật",
        start_event_en="receipt of the disciplinary decision",
        days=15,
        unit=CD,
        source="Luật Khiếu nại 2011, Điều 48",
        confidence=V,
        valid_from=_LAW_COMPLAINTS,
    ),
    _rule(
        "KN-DISC-LIM2",
        title_vi="Thời hiệu khiếu nại quyết định kỷ luật lần hai",
        title_en="Limitation period for a second complaint against a disciplinary decision",
        case_type=T.COMPLAINT,
        start_event_vi="ngày nhận quyết định giải quyết lần đầu",
        start_event_en="receipt of the first-time decision",
        days=10,
        unit=CD,
        variants={"forced-dismissal": 30},
        source="Luật Khiếu nại 2011, Điều 48",
        confidence=V,
        valid_from=_LAW_COMPLAINTS,
    ),
    _rule(
        "KN-DISC-T",
        title_vi="Thời hạn giải quyết khiếu nại quyết định kỷ luật",
        title_en="Time limit to settle a complaint against a disciplinary decision",
        case_type=T.COMPLAINT,
        start_event_vi="ngày thụ lý",
        start_event_en="the acceptance date",
        days=30,
        unit=CD,
        variants={"complex": 45},
        source="Luật Khiếu nại 2011, Điều 50",
        confidence=V,
        valid_from=_LAW_COMPLAINTS,
    ),
)

_DENUNCIATION_RULES = (
    _rule(
        "TC-INIT",
        title_vi="Thụ lý hoặc không thụ lý tố cáo (vào sổ, phân loại, xử lý ban đầu)",
        title_en="Initial processing of a denunciation and the acceptance decision",
        case_type=T.DENUNCIATION,
        start_event_vi="ngày nhận được tố cáo",
        start_event_en="the day the denunciation is received",
        days=7,
        unit=WD,
        variants={"multi-site": 10},
        source="Luật Tố cáo 2018, Điều 24 khoản 1",
        confidence=V,
        valid_from=_LAW_DENUNCIATION,
    ),
    _rule(
        "TC-FWD",
        title_vi="Chuyển tố cáo không thuộc thẩm quyền và thông báo cho người tố cáo",
        title_en="Transfer a denunciation outside competence and notify the denouncer",
        case_type=T.DENUNCIATION,
        start_event_vi="ngày nhận được tố cáo",
        start_event_en="the day the denunciation is received",
        days=5,
        unit=WD,
        source="Luật Tố cáo 2018, Điều 24 khoản 2",
        confidence=V,
        valid_from=_LAW_DENUNCIATION,
        note_vi="Không xử lý nếu tố cáo đã đồng thời gửi cơ quan có thẩm quyền hoặc đã được hướng dẫn (Điều "
        "24 khoản 3).",
        note_en="No action if it was also sent to the competent body or the denouncer was already guided "
        "(Art 24(3)).",
    ),
    _rule(
        "TC-NOTIFY-ACC",
        title_vi="Thông báo việc thụ lý tố cáo cho người tố cáo và người bị tố cáo",
        title_en="Notify the denouncer and the denounced person of the acceptance",
        case_type=T.DENUNCIATION,
        start_event_vi="ngày ra quyết định thụ lý",
        start_event_en="the acceptance decision date",
        days=5,
        unit=WD,
        source="Luật Tố cáo 2018, Điều 29 khoản 3",
        confidence=V,
        valid_from=_LAW_DENUNCIATION,
    ),
    _rule(
        "TC-T",
        title_vi="Thời hạn giải quyết tố cáo",
        title_en="Denunciation settlement time limit",
        case_type=T.DENUNCIATION,
        start_event_vi="ngày ra quyết định thụ lý",
        start_event_en="the acceptance decision date",
        days=30,
        unit=CD,
        variants={"complex": 30, "especially-complex": 30},
        extension_days=30,
        max_extensions={None: 2, "complex": 1, "especially-complex": 2},
        extension_source="Luật Tố cáo 2018, Điều 30; Nghị định 31/2019/NĐ-CP, Điều 3",
        source="Luật Tố cáo 2018, Điều 30",
        confidence=V,
        valid_from=_LAW_DENUNCIATION,
        note_vi="Vụ việc phức tạp gia hạn 1 lần, đặc biệt phức tạp gia hạn 2 lần, mỗi lần không quá 30 "
        "ngày, bằng quyết định gia hạn (Nghị định 31/2019/NĐ-CP, Điều 3).",
        note_en="Complex: one extension; especially complex: two; at most 30 days each, by written decision "
        "(Decree 31/2019 Art 3).",
    ),
    _rule(
        "TC-SUSP",
        title_vi="Tạm đình chỉ giải quyết tố cáo: thời gian tạm đình chỉ không tính vào thời hạn",
        title_en="Suspension of denunciation settlement: suspended time is not counted",
        case_type=T.DENUNCIATION,
        start_event_vi="quyết định tạm đình chỉ → quyết định tiếp tục",
        start_event_en="suspension decision → continuation decision",
        days=None,
        unit=None,
        source="Luật Tố cáo 2018, Điều 34 khoản 2",
        confidence=V,
        valid_from=_LAW_DENUNCIATION,
    ),
    _rule(
        "TC-CONCL-SEND",
        title_vi="Gửi kết luận nội dung tố cáo",
        title_en="Send the denunciation conclusion",
        case_type=T.DENUNCIATION,
        start_event_vi="ngày ban hành kết luận",
        start_event_en="the conclusion date",
        days=5,
        unit=WD,
        source="Luật Tố cáo 2018, Điều 35 khoản 3",
        confidence=V,
        valid_from=_LAW_DENUNCIATION,
        note_vi="Gửi người bị tố cáo, cơ quan quản lý người bị tố cáo, cơ quan liên quan; thông báo cho "
        "người tố cáo.",
        note_en="To the denounced person, their managing body and related parties; notify the denouncer.",
    ),
    _rule(
        "TC-HANDLE",
        title_vi="Xử lý kết luận nội dung tố cáo",
        title_en="Act on the denunciation conclusion",
        case_type=T.DENUNCIATION,
        start_event_vi="ngày ban hành kết luận",
        start_event_en="the conclusion date",
        days=7,
        unit=WD,
        source="Luật Tố cáo 2018, Điều 36 khoản 1",
        confidence=V,
        valid_from=_LAW_DENUNCIATION,
    ),
    _rule(
        "TC-PUBLIC",
        title_vi="Công khai kết luận nội dung tố cáo, quyết định xử lý",
        title_en="Publish the conclusion or sanction decision",
        case_type=T.DENUNCIATION,
        start_event_vi="ngày ban hành kết luận hoặc quyết định xử lý",
        start_event_en="the conclusion or sanction decision date",
        days=7,
        unit=WD,
        source="Luật Tố cáo 2018, Điều 40 khoản 1",
        confidence=V,
        valid_from=_LAW_DENUNCIATION,
    ),
    _rule(
        "TC-OVERDUE-REQ",
        title_vi="Yêu cầu báo cáo tiến độ khi tố cáo quá hạn chưa giải quyết",
        title_en="Demand a progress report on an overdue denunciation",
        case_type=T.DENUNCIATION,
        start_event_vi="ngày cấp trên nhận được tố cáo tiếp",
        start_event_en="the day the superior receives the follow-up denunciation",
        days=5,
        unit=WD,
        source="Luật Tố cáo 2018, Điều 38 khoản 2, 3",
        confidence=V,
        valid_from=_LAW_DENUNCIATION,
        note_vi="Người giải quyết phải báo cáo trong 5 ngày làm việc kể từ ngày nhận yêu cầu.",
        note_en="The settler must report within 5 working days of the demand.",
    ),
    _rule(
        "TC-REDO",
        title_vi="Xem xét tố cáo tiếp sau khi đã giải quyết",
        title_en="Review a follow-up denunciation after settlement",
        case_type=T.DENUNCIATION,
        start_event_vi="ngày nhận được tố cáo tiếp",
        start_event_en="the day the follow-up is received",
        days=20,
        unit=CD,
        source="Luật Tố cáo 2018, Điều 37 khoản 2",
        confidence=V,
        valid_from=_LAW_DENUNCIATION,
    ),
    _rule(
        "TC-WITHDRAW",
        title_vi="Rút tố cáo (trước khi có kết luận)",
        title_en="Withdrawal of a denunciation (before the conclusion)",
        case_type=T.DENUNCIATION,
        start_event_vi="—",
        start_event_en="—",
        days=None,
        unit=None,
        source="Luật Tố cáo 2018, Điều 33; Nghị định 156/2026/NĐ-CP, Điều 1",
        confidence=V,
        valid_from=_LAW_DENUNCIATION,
        note_vi="Vẫn tiếp tục giải quyết nếu có dấu hiệu vi phạm, bị đe dọa, ép buộc, mua chuộc, hoặc lợi "
        "dụng để vu khống.",
        note_en="Settlement continues if there are signs of a violation, coercion, bribery or slander.",
    ),
    _rule(
        "TC-CONFID",
        title_vi="Giữ bí mật thông tin người tố cáo",
        title_en="Confidentiality of the denouncer's identity",
        case_type=T.DENUNCIATION,
        start_event_vi="luôn luôn",
        start_event_en="always",
        days=None,
        unit=None,
        source="Luật Tố cáo 2018, Điều 47, 56",
        confidence=V,
        valid_from=_LAW_DENUNCIATION,
    ),
)

_REPORT_RULES = tuple(
    _rule(
        rule_id,
        title_vi=title_vi,
        title_en=title_en,
        case_type=T.REPORTING,
        start_event_vi=period_vi,
        start_event_en=period_en,
        days=None,
        unit=None,
        source="Thông tư 01/2024/TT-TTCP, Điều 7",
        confidence=confidence,
        valid_from=_TT01_2024,
    )
    for rule_id, title_vi, title_en, period_vi, period_en, confidence in (
        (
            "RPT-Q1",
            "Báo cáo quý I",
            "Quarter I report",
            "15/12 năm trước – 14/03",
            "15 Dec (Y-1) - 14 Mar",
            V,
        ),
        ("RPT-Q2", "Biểu số liệu quý II", "Quarter II data tables", "15/03 – 14/06", "15 Mar - 14 Jun", V),
        ("RPT-Q3", "Biểu số liệu quý III", "Quarter III data tables", "15/06 – 14/09", "15 Jun - 14 Sep", V),
        ("RPT-Q4", "Biểu số liệu quý IV", "Quarter IV data tables", "15/09 – 14/12", "15 Sep - 14 Dec", V),
        (
            "RPT-6M",
            "Báo cáo 6 tháng",
            "6-month report",
            "15/12 năm trước – 14/06",
            "15 Dec (Y-1) - 14 Jun",
            V,
        ),
        (
            "RPT-9M",
            "Báo cáo 9 tháng",
            "9-month report",
            "15/12 năm trước – 14/09",
            "15 Dec (Y-1) - 14 Sep",
            V,
        ),
        ("RPT-Y", "Báo cáo năm", "Annual report", "15/12 năm trước – 14/12", "15 Dec (Y-1) - 14 Dec", V),
        (
            "RPT-SUBMIT",
            "Gửi báo cáo cho Thanh tra tỉnh (hạn do địa phương cấu hình)",
            "Submit the report to the Provincial Inspectorate (deadline configurable)",
            "ngày chốt số liệu",
            "the end of the data period",
            U,
        ),
    )
)

_CALENDAR_RULES = (
    _rule(
        "CAL-1",
        title_vi="Không tính ngày xảy ra sự kiện; bắt đầu tính từ ngày tiếp theo",
        title_en="The event day is not counted; counting starts the next day",
        case_type=T.CALENDAR,
        start_event_vi="ngày xảy ra sự kiện",
        start_event_en="the event day",
        days=None,
        unit=None,
        source="Bộ luật Dân sự 2015, Điều 147",
        confidence=V,
    ),
    _rule(
        "CAL-2",
        title_vi="Ngày cuối là ngày nghỉ thì thời hạn kết thúc vào ngày làm việc tiếp theo",
        title_en="If the last day is a rest day, the period ends on the next working day",
        case_type=T.CALENDAR,
        start_event_vi="ngày cuối của thời hạn",
        start_event_en="the last day of the period",
        days=None,
        unit=None,
        source="Bộ luật Dân sự 2015, Điều 148 khoản 1, 5",
        confidence=V,
    ),
    _rule(
        "CAL-3",
        title_vi="“Ngày làm việc” không gồm Thứ Bảy, Chủ nhật, ngày lễ, ngày nghỉ; gồm ngày làm bù",
        title_en="“Working days” skip weekends, holidays and days off, and include make-up days",
        case_type=T.CALENDAR,
        start_event_vi="—",
        start_event_en="—",
        days=None,
        unit=None,
        source="Suy ra từ Bộ luật Dân sự 2015, Điều 147–148",
        confidence=U,
    ),
    _rule(
        "CAL-4",
        title_vi="Thời gian tạm đình chỉ không tính vào thời hạn giải quyết",
        title_en="Suspended time is not counted",
        case_type=T.CALENDAR,
        start_event_vi="quyết định tạm đình chỉ → quyết định tiếp tục",
        start_event_en="suspension decision → continuation decision",
        days=None,
        unit=None,
        source="Luật Tố cáo 2018, Điều 34 khoản 2; Nghị định 155/2026/NĐ-CP (Điều 28b mới của Nghị định "
        "124/2020)",
        confidence=V,
    ),
    _rule(
        "CAL-5",
        title_vi="Thời gian trở ngại khách quan không tính vào thời hiệu khiếu nại",
        title_en="Time lost to objective obstacles is not counted in the complaint limitation period",
        case_type=T.CALENDAR,
        start_event_vi="—",
        start_event_en="—",
        days=None,
        unit=None,
        source="Luật Khiếu nại 2011, Điều 9",
        confidence=V,
    ),
    _rule(
        "CAL-START",
        title_vi="Ngày xảy ra sự kiện không được tính (như CAL-1)",
        title_en="The event day is not counted (as CAL-1)",
        case_type=T.CALENDAR,
        start_event_vi="ngày xảy ra sự kiện",
        start_event_en="the event day",
        days=None,
        unit=None,
        source="Bộ luật Dân sự 2015, Điều 147",
        confidence=V,
    ),
    _rule(
        "CAL-END",
        title_vi="Ngày cuối rơi vào ngày nghỉ thì chuyển sang ngày làm việc tiếp theo (như CAL-2)",
        title_en="A last day on a rest day moves to the next working day (as CAL-2)",
        case_type=T.CALENDAR,
        start_event_vi="ngày cuối của thời hạn",
        start_event_en="the last day of the period",
        days=None,
        unit=None,
        source="Bộ luật Dân sự 2015, Điều 148 khoản 5",
        confidence=V,
    ),
    _rule(
        "DOC-1",
        title_vi="Thể thức văn bản: khổ A4, lề, phông Times New Roman, cỡ chữ",
        title_en="Document format: A4, margins, Times New Roman, font sizes",
        case_type=T.DOCUMENT,
        start_event_vi="—",
        start_event_en="—",
        days=None,
        unit=None,
        source="Nghị định 30/2020/NĐ-CP, Phụ lục I",
        confidence=V,
        valid_from=date(2020, 3, 5),
    ),
)

RULES: tuple[Rule, ...] = (
    *_RECEPTION_RULES,
    *_LETTER_RULES,
    *_COMPLAINT_RULES,
    *_DENUNCIATION_RULES,
    *_REPORT_RULES,
    *_CALENDAR_RULES,
)

_BY_ID: Mapping[str, Rule] = MappingProxyType({rule.id: rule for rule in RULES})
if len(_BY_ID) != len(RULES):  # a duplicated id would make get_rule silently pick one of them
    raise RuntimeError("duplicate rule id in RULES")


def rule_ids() -> list[str]:
    """All rule ids, in table order."""
    return [rule.id for rule in RULES]


def _normalise(rule_id: str) -> str:
    return rule_id.strip().upper()


def get_rule(rule_id: str, on: date) -> Rule:
    """The rule `rule_id` in force on `on` (normally the start event date).

    An exact id must be in force on `on`; a base id ("KN-ACCEPT") resolves to the variant in force
    (KN-ACCEPT-A until 30/06/2026, KN-ACCEPT-B from 01/07/2026). UnknownRule if no rule has that id or
    base id; RuleNotInForce (a subclass) if it exists but not on that date.
    """
    key = _normalise(rule_id)
    rule = _BY_ID.get(key)
    candidates = [rule] if rule is not None else [r for r in RULES if r.base_id == key]
    if not candidates:
        raise UnknownRule(f'không có quy tắc "{rule_id}"', f'unknown rule "{rule_id}"')
    for candidate in candidates:
        if candidate.in_force(on):
            return candidate
    periods_vi = "; ".join(f"{c.id} áp dụng {c.validity_vi()}" for c in candidates)
    periods_en = "; ".join(f"{c.id} applies {c.validity_en()}" for c in candidates)
    raise RuleNotInForce(
        f'quy tắc "{rule_id}" không áp dụng vào ngày {format_date(on)} ({periods_vi})',
        f'rule "{rule_id}" is not in force on {format_date(on)} ({periods_en})',
    )


def rules_in_force(on: date) -> list[Rule]:
    """The rules in force on `on`, in table order (for pickers in the UI)."""
    return [rule for rule in RULES if rule.in_force(on)]
