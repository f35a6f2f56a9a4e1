"""The rules table (domain.md §12) as data.

Every row of §12 is here, with the §0 counting rules and the suspension rules it refers to, so that the
UI, the reports and the explanations cite the same text. Rows without a length (quotas, counts,
confidentiality, report periods, counting rules) are kept for citation: `compute_deadline` refuses them
with NoTimeLimit.

Two regimes exist: A until 30/06/2026, B from 01/07/2026 (Law 136/2025/QH15 and Decrees 154–156/2026).
A rule carries its validity dates and `get_rule` picks the one in force on the start date.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from types import MappingProxyType

from tiepdan.legal.calendar import format_date
from tiepdan.legal.errors import RuleNotInForce, UnknownRule
from tiepdan.legal.rules.complaints import COMPLAINT_RULES
from tiepdan.legal.rules.counting import COUNTING_RULES
from tiepdan.legal.rules.denunciations import DENUNCIATION_RULES
from tiepdan.legal.rules.letters import LETTER_RULES
from tiepdan.legal.rules.model import (
    REGIME_A_END,
    REGIME_B_START,
    UNIT_LABELS,
    VARIANT_LABELS,
    CaseType,
    Confidence,
    Direction,
    Rule,
    Unit,
    citation_en,
)
from tiepdan.legal.rules.reception import RECEPTION_RULES
from tiepdan.legal.rules.reports import REPORT_RULES

RULES: tuple[Rule, ...] = (
    *RECEPTION_RULES,
    *LETTER_RULES,
    *COMPLAINT_RULES,
    *DENUNCIATION_RULES,
    *REPORT_RULES,
    *COUNTING_RULES,
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


__all__ = [
    "REGIME_A_END",
    "REGIME_B_START",
    "RULES",
    "UNIT_LABELS",
    "VARIANT_LABELS",
    "CaseType",
    "Confidence",
    "Direction",
    "Rule",
    "Unit",
    "citation_en",
    "get_rule",
    "rule_ids",
    "rules_in_force",
]
