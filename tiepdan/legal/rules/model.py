"""The rule record and its vocabulary: units of time, confidence, case types, variants, citations."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from types import MappingProxyType

from tiepdan.legal.calendar import format_date


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
LAW_RECEPTION = date(2014, 7, 1)  # Law 42/2013/QH13 on Citizen Reception
LAW_COMPLAINTS = date(2012, 7, 1)  # Law 02/2011/QH13 on Complaints
LAW_DENUNCIATION = date(2019, 1, 1)  # Law 25/2018/QH14 on Denunciation
TT05_2021 = date(2021, 11, 15)  # Circular 05/2021/TT-TTCP (letter handling)
TT01_2024 = date(2024, 3, 5)  # Circular 01/2024/TT-TTCP (reporting)


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


def make_rule(rule_id: str, base_id: str | None = None, **kwargs: object) -> Rule:
    return Rule(id=rule_id, base_id=base_id or rule_id, **kwargs)  # type: ignore[arg-type]


CD, WD = Unit.CALENDAR_DAYS, Unit.WORKING_DAYS
V, VM, U = Confidence.VERIFIED, Confidence.VERIFIED_MIRROR, Confidence.UNVERIFIED
T = CaseType
