"""Reception rules that are counts, not deadlines: group representatives (TCD-REP, Law 42/2013 Art 29),
mass cases (MASS-FLAG) and the heads' periodic reception quotas (TCD-HEAD-1/2/3, PARTY-1/2)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from tiepdan.legal.errors import InvalidArgument, UnknownRule
from tiepdan.legal.rules import RULES

# MASS-FLAG: the law fixes no threshold for a "mass case"; 5 is the lowest head count for which Law 42/2013
# Art 29 demands representatives (domain.md §1.4, unverified). Callers pass the agency's setting.
DEFAULT_MASS_THRESHOLD = 5


@dataclass(frozen=True)
class Problem:
    """A bilingual validation finding (not an exception: a form shows all of them at once)."""

    code: str
    message_vi: str
    message_en: str


def check_representatives(head_count: int, representatives: int) -> list[Problem]:
    """Problems with the number of representatives of a group (Law 42/2013 Art 29, rule TCD-REP).

    5–10 people: 1 or 2 representatives; more than 10: more may be added, but at most 5. Under 5
    people no representative is required. An empty list means the numbers comply.
    """
    if head_count < 1 or representatives < 0:
        raise InvalidArgument(
            f"số người không hợp lệ: {head_count} người, {representatives} người đại diện",
            f"invalid numbers: {head_count} people, {representatives} representatives",
        )
    problems = []
    if representatives > head_count:
        problems.append(
            Problem(
                "more_than_group",
                f"số người đại diện ({representatives}) nhiều hơn số người trong đoàn ({head_count}); người "
                "đại diện phải là người khiếu nại, tố cáo, kiến nghị, phản ánh",
                f"more representatives ({representatives}) than people in the group ({head_count}); "
                "representatives must themselves be complainants, denouncers, petitioners or reporters",
            )
        )
    if head_count >= 5 and representatives < 1:
        problems.append(
            Problem(
                "missing",
                f"đoàn {head_count} người phải cử người đại diện (Luật Tiếp công dân 2013, Điều 29)",
                f"a group of {head_count} must appoint representatives (Law on Citizen Reception 2013, Art "
                "29)",
            )
        )
    elif 5 <= head_count <= 10 and representatives > 2:
        problems.append(
            Problem(
                "too_many",
                f"đoàn từ 5 đến 10 người chỉ cử 1 hoặc 2 người đại diện (đang có {representatives}) (Luật "
                "Tiếp công dân 2013, Điều 29)",
                f"a group of 5 to 10 appoints 1 or 2 representatives ({representatives} given) (Law on "
                "Citizen Reception 2013, Art 29)",
            )
        )
    elif head_count > 10 and representatives > 5:
        problems.append(
            Problem(
                "too_many",
                f"đoàn trên 10 người cử không quá 5 người đại diện (đang có {representatives}) (Luật Tiếp "
                "công dân 2013, Điều 29)",
                f"a group of more than 10 appoints at most 5 representatives ({representatives} given) (Law "
                "on Citizen Reception 2013, Art 29)",
            )
        )
    return problems


def is_mass(head_count: int, threshold: int = DEFAULT_MASS_THRESHOLD) -> bool:
    """Whether a case counts as a mass case ("đông người") for reception and reports (MASS-FLAG)."""
    if threshold < 2:
        raise InvalidArgument(
            f"ngưỡng vụ việc đông người phải từ 2 người trở lên (nhận {threshold})",
            f"the mass-case threshold must be at least 2 people (got {threshold})",
        )
    return head_count >= threshold


class QuotaPeriod(StrEnum):
    MONTH = "month"
    WEEK = "week"


@dataclass(frozen=True)
class ReceptionQuota:
    """At least `days` reception days per `per` (plus ad hoc receptions, TCD-ADHOC)."""

    rule_id: str
    days: int
    per: QuotaPeriod
    source: str
    holder_vi: str
    holder_en: str


_QUOTAS = {
    "TCD-HEAD-1": (
        1,
        QuotaPeriod.MONTH,
        "Thủ trưởng cơ quan chuyên môn cấp tỉnh (Giám đốc Sở)",
        "Head of Sở",
    ),
    "TCD-HEAD-2": (1, QuotaPeriod.MONTH, "Chủ tịch UBND tỉnh", "Provincial People's Committee Chairman"),
    "TCD-HEAD-3": (1, QuotaPeriod.WEEK, "Chủ tịch UBND cấp xã", "Commune People's Committee Chairman"),
    "PARTY-1": (1, QuotaPeriod.MONTH, "Bí thư Tỉnh ủy", "Provincial Party secretary"),
    "PARTY-2": (2, QuotaPeriod.MONTH, "Bí thư cấp ủy cấp xã", "Commune Party secretary"),
}
_RULES_BY_ID = {rule.id: rule for rule in RULES}


def required_head_reception_days(rule_id: str) -> ReceptionQuota:
    """The minimum number of periodic reception days of TCD-HEAD-1/2/3 or PARTY-1/2."""
    key = rule_id.strip().upper()
    if key not in _QUOTAS:
        if key not in _RULES_BY_ID:
            raise UnknownRule(f'không có quy tắc "{rule_id}"', f'unknown rule "{rule_id}"')
        quota_ids = ", ".join(_QUOTAS)
        raise InvalidArgument(
            f"quy tắc {key} không phải quy định về số ngày tiếp công dân định kỳ (chỉ {quota_ids})",
            f"rule {key} is not a periodic reception quota (only {quota_ids})",
        )
    days, per, holder_vi, holder_en = _QUOTAS[key]
    return ReceptionQuota(key, days, per, _RULES_BY_ID[key].source, holder_vi, holder_en)


def head_reception_shortfall(rule_id: str, sessions_held: int) -> int:
    """How many reception days are still missing in the period (0 when the quota is met)."""
    return max(0, required_head_reception_days(rule_id).days - sessions_held)
