"""Complexity of a complaint or denunciation case (vụ việc phức tạp), domain.md §3.4 and TC-COMPLEX.

The criteria are the same list for both: Decree 31/2019/NĐ-CP Art 3(2) for denunciations (verified) and
the new Art 3a of Decree 124/2020/NĐ-CP inserted by Decree 155/2026/NĐ-CP for complaints (verified-mirror).
One criterion makes a case complex. A denunciation meeting two or more is especially complex (Decree
31/2019 Art 3(3)), which allows a second extension of TC-T; complaints have no "especially complex"
level. The determination must be made in writing and kept in the file: the application stores it, this
module only classifies.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from tiepdan.legal.errors import InvalidArgument
from tiepdan.legal.rules import CaseType


class ComplexityLevel(StrEnum):
    NONE = "none"
    COMPLEX = "complex"
    ESPECIALLY_COMPLEX = "especially_complex"


@dataclass(frozen=True)
class Criterion:
    code: str  # the point letter of the article ("dd" stands for "đ")
    label_vi: str
    label_en: str


COMPLEXITY_CRITERIA: tuple[Criterion, ...] = (
    Criterion(
        "a",
        "Có một nội dung nhưng phải xác minh ở nhiều địa điểm (từ 2 địa điểm trở lên)",
        "One content, but verification needed at two or more places",
    ),
    Criterion("b", "Có từ 2 nội dung trở lên phải xác minh", "Two or more contents to verify"),
    Criterion(
        "c",
        "Có nhiều người cùng khiếu nại, tố cáo một nội dung, hoặc nội dung liên quan quyền, lợi ích của "
        "nhiều người",
        "Many people lodge the same content, or the content affects many people's rights and interests",
    ),
    Criterion(
        "d",
        "Có yếu tố nước ngoài (người ở nước ngoài hoặc người nước ngoài, hành vi xảy ra hoặc cần xác minh ở "
        "nước ngoài)",
        "A foreign element (a person abroad or a foreigner, an act abroad, verification abroad)",
    ),
    Criterion(
        "dd",
        "Liên quan trách nhiệm quản lý của nhiều cơ quan, tổ chức",
        "Involves the management responsibility of several bodies",
    ),
    Criterion(
        "e",
        "Các cơ quan, tổ chức có liên quan còn có ý kiến khác nhau",
        "The related bodies still disagree",
    ),
    Criterion(
        "g",
        "Tình tiết, chứng cứ mâu thuẫn, cần có thời gian hoặc ý kiến chuyên môn để làm rõ",
        "Contradictory facts or evidence that need time or expert opinion",
    ),
)

COMPLEXITY_SOURCES = {
    CaseType.DENUNCIATION: "Nghị định 31/2019/NĐ-CP, Điều 3 khoản 2, 3",
    CaseType.COMPLAINT: "Nghị định 155/2026/NĐ-CP (Điều 3a mới của Nghị định 124/2020/NĐ-CP)",
}

_CODES = frozenset(c.code for c in COMPLEXITY_CRITERIA)


def complexity_level(case_type: str, criteria: Iterable[str]) -> ComplexityLevel:
    """ "none", "complex" or "especially_complex" for the criteria codes met (duplicates count once).

    Only complaints and denunciations have complexity levels; complaints stop at "complex".
    """
    if case_type not in COMPLEXITY_SOURCES:
        raise InvalidArgument(
            f'loại vụ việc "{case_type}" không có tiêu chí phức tạp (chỉ khiếu nại, tố cáo)',
            f'case type "{case_type}" has no complexity criteria (only complaint, denunciation)',
        )
    met = set(criteria)
    unknown = sorted(met - _CODES)
    if unknown:
        codes = ", ".join(sorted(_CODES))
        raise InvalidArgument(
            f"tiêu chí phức tạp không hợp lệ: {', '.join(unknown)} (chỉ {codes})",
            f"unknown complexity criteria: {', '.join(unknown)} (only {codes})",
        )
    if not met:
        return ComplexityLevel.NONE
    # Decree 31/2019 Art 3(3): two or more criteria make a denunciation especially complex.
    if case_type == CaseType.DENUNCIATION and len(met) >= 2:
        return ComplexityLevel.ESPECIALLY_COMPLEX
    return ComplexityLevel.COMPLEX


def settlement_variant(level: str, *, remote: bool = False) -> str | None:
    """The rule variant name for a complexity level (and a remote area, complaints only).

    complex -> "complex"; especially_complex -> "especially-complex"; remote -> "remote" or
    "remote-complex" (KN-T1, KN-T2). None when nothing lengthens the period.
    """
    level = ComplexityLevel(level)
    if level == ComplexityLevel.ESPECIALLY_COMPLEX:
        if remote:
            raise InvalidArgument(
                "vùng sâu, vùng xa chỉ áp dụng cho khiếu nại, không có mức đặc biệt phức tạp",
                "remote areas apply to complaints only, which have no especially complex level",
            )
        return "especially-complex"
    if level == ComplexityLevel.COMPLEX:
        return "remote-complex" if remote else "complex"
    return "remote" if remote else None
