"""Pure rules of monitoring: explainable risk scores, build-up (spike) detection, the hot-spot register's
statuses. Data in, data out: no ORM, no clock, no settings (callers pass `RiskConfig`/`SpikeConfig`,
built by `monitoring.config` from the defaults below and the agency's settings).

Risk (issue 7 §2): a score from 0 to 100 is the sum of named factors. Each factor has a weight (its
most points) and a `full_at` value at which it earns all of them; below that it earns a straight-line
share. So a reader can redo the sum by hand, and the page shows each factor's value, points and share.

Build-up (issue 7 §3): the contacts (letters + visits) about one subject in the last `window_days` are
compared with the same subject's rate over the `baseline_days` before the window. A build-up is flagged
when all three hold: at least `min_contacts` contacts; at least `min_ratio` times the expected count;
and a Poisson upper tail P(X ≥ observed | expected) below `max_p_value`. The expected count uses one
extra contact in the baseline (add-one), so a subject never seen before still needs several contacts.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum

# --- risk -------------------------------------------------------------------------------------


class Factor(StrEnum):
    PEOPLE = "people"
    REPEAT = "repeat"
    OVER_LEVEL = "over_level"
    OVERDUE = "overdue"
    SENSITIVE = "sensitive"
    ESCALATION = "escalation"
    EVENT = "event"
    NEGATIVE = "negative"


# (Vietnamese, English) labels and what the value counts; shown on every explanation.
FACTOR_LABELS: dict[Factor, tuple[str, str]] = {
    Factor.PEOPLE: ("Số người liên quan", "People involved"),
    Factor.REPEAT: ("Tiếp nhiều lần, đơn trùng", "Repeat visits and duplicate letters"),
    Factor.OVER_LEVEL: ("Gửi vượt cấp (cơ quan cấp trên chuyển về)", "Over-level (sent back by a higher body)"),
    Factor.OVERDUE: ("Quá hạn xử lý, giải quyết", "Overdue handling"),
    Factor.SENSITIVE: ("Lĩnh vực nhạy cảm (đất đai, di tích, lễ hội)", "Sensitive domain (land, heritage, festival)"),
    Factor.ESCALATION: ("Diễn biến phức tạp, đông người", "Escalation (complex, mass, second-time)"),
    Factor.EVENT: ("Gần hoặc trong đợt cao điểm", "Near or during an event period"),
    Factor.NEGATIVE: ("Kết quả bất lợi cho công dân", "Negative outcomes for the citizen"),
}
FACTOR_UNITS: dict[Factor, tuple[str, str]] = {
    Factor.PEOPLE: ("người", "people"),
    Factor.REPEAT: ("lượt", "times"),
    Factor.OVER_LEVEL: ("lượt", "times"),
    Factor.OVERDUE: ("việc", "items"),
    Factor.SENSITIVE: ("phần (0–1) số lượt", "share of contacts"),
    Factor.ESCALATION: ("dấu hiệu", "signs"),
    Factor.EVENT: ("ngày còn lại", "days to go"),
    Factor.NEGATIVE: ("lượt", "times"),
}


@dataclass(frozen=True)
class FactorRule:
    weight: float  # most points this factor can give
    full_at: float  # the value at which it gives all of them


class Level(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


LEVEL_LABELS = {Level.LOW: ("Thấp", "Low"), Level.MEDIUM: ("Trung bình", "Medium"), Level.HIGH: ("Cao", "High")}


@dataclass(frozen=True)
class RiskConfig:
    rules: Mapping[Factor, FactorRule]
    medium_at: float = 35.0
    high_at: float = 60.0
    # The event factor is full inside a period and falls to 0 at this many days before it starts.
    event_horizon_days: int = 60
    # A commune's signals count the contacts of the last `window_days`.
    window_days: int = 28

    @property
    def total_weight(self) -> float:
        return sum(r.weight for r in self.rules.values())


DEFAULT_RISK = RiskConfig(
    rules={
        Factor.PEOPLE: FactorRule(weight=20, full_at=20),
        Factor.REPEAT: FactorRule(weight=15, full_at=5),
        Factor.OVER_LEVEL: FactorRule(weight=15, full_at=3),
        Factor.OVERDUE: FactorRule(weight=10, full_at=3),
        Factor.SENSITIVE: FactorRule(weight=10, full_at=1),
        Factor.ESCALATION: FactorRule(weight=10, full_at=3),
        Factor.EVENT: FactorRule(weight=10, full_at=1),
        Factor.NEGATIVE: FactorRule(weight=10, full_at=3),
    }
)


def risk_config_from(overrides: Mapping | None, base: RiskConfig = DEFAULT_RISK) -> RiskConfig:
    """`base` with an agency's overrides: {"weights": {factor: w}, "full_at": {factor: v}, "medium_at",
    "high_at", "event_horizon_days"}. Unknown factor names raise ValueError (a typo must not pass)."""
    if not overrides:
        return base
    rules = dict(base.rules)
    for key in ("weights", "full_at"):
        for name, value in (overrides.get(key) or {}).items():
            if name not in Factor.__members__.values():
                raise ValueError(f"unknown risk factor {name!r} (known: {', '.join(Factor)})")
            factor = Factor(name)
            number = float(value)
            if number < 0 or (key == "full_at" and number == 0):
                raise ValueError(f"{key}.{name} must be positive")
            rules[factor] = replace(rules[factor], **({"weight": number} if key == "weights" else {"full_at": number}))
    config = RiskConfig(
        rules=rules,
        medium_at=float(overrides.get("medium_at", base.medium_at)),
        high_at=float(overrides.get("high_at", base.high_at)),
        event_horizon_days=int(overrides.get("event_horizon_days", base.event_horizon_days)),
        window_days=int(overrides.get("window_days", base.window_days)),
    )
    if not 0 < config.medium_at < config.high_at:
        raise ValueError("need 0 < medium_at < high_at")
    return config


@dataclass(frozen=True)
class Signals:
    """What is known about a matter or a commune. Counts, except `sensitive` (the share of contacts in
    a sensitive domain, 0–1; 1 or 0 for one matter) and `days_to_event` (None: no period ahead)."""

    people: int = 0
    repeat: int = 0
    over_level: int = 0
    overdue: int = 0
    sensitive: float = 0.0
    escalation: int = 0
    days_to_event: int | None = None
    negative: int = 0


@dataclass(frozen=True)
class Contribution:
    factor: Factor
    value: float | None
    points: float
    weight: float
    share: float  # of the score, 0–1

    @property
    def label_vi(self) -> str:
        return FACTOR_LABELS[self.factor][0]

    @property
    def label_en(self) -> str:
        return FACTOR_LABELS[self.factor][1]

    @property
    def unit_vi(self) -> str:
        return FACTOR_UNITS[self.factor][0]

    def as_dict(self) -> dict:
        return {"factor": self.factor.value, "value": self.value, "points": self.points, "weight": self.weight,
                "share": self.share}


@dataclass(frozen=True)
class RiskScore:
    score: float
    level: Level
    contributions: tuple[Contribution, ...] = field(default_factory=tuple)

    def as_dict(self) -> dict:
        return {"score": self.score, "level": self.level.value, "factors": [c.as_dict() for c in self.contributions]}

    @property
    def top(self) -> tuple[Contribution, ...]:
        """The factors that gave points, largest first."""
        return tuple(sorted((c for c in self.contributions if c.points > 0), key=lambda c: -c.points))


def _event_value(days: int | None, horizon: int) -> float:
    """1 inside a period, falling linearly to 0 at `horizon` days before it; 0 when none is ahead."""
    if days is None or days >= horizon:
        return 0.0
    return 1.0 - max(days, 0) / horizon


def level_for(score: float, config: RiskConfig = DEFAULT_RISK) -> Level:
    if score >= config.high_at:
        return Level.HIGH
    if score >= config.medium_at:
        return Level.MEDIUM
    return Level.LOW


def score_risk(signals: Signals, config: RiskConfig = DEFAULT_RISK) -> RiskScore:
    """The score (0–100 when the weights sum to 100) and each factor's part of it."""
    values: dict[Factor, float] = {
        Factor.PEOPLE: signals.people,
        Factor.REPEAT: signals.repeat,
        Factor.OVER_LEVEL: signals.over_level,
        Factor.OVERDUE: signals.overdue,
        Factor.SENSITIVE: signals.sensitive,
        Factor.ESCALATION: signals.escalation,
        Factor.EVENT: _event_value(signals.days_to_event, config.event_horizon_days),
        Factor.NEGATIVE: signals.negative,
    }
    points: dict[Factor, float] = {}
    for factor, rule in config.rules.items():
        value = max(values[factor], 0.0)
        points[factor] = round(rule.weight * min(value / rule.full_at, 1.0), 2)
    total = round(sum(points.values()), 1)
    contributions = tuple(
        Contribution(
            factor=factor,
            # The event factor shows the days to go (0 inside a period, None when none is ahead).
            value=signals.days_to_event if factor == Factor.EVENT else values[factor],
            points=points[factor],
            weight=config.rules[factor].weight,
            share=(points[factor] / total) if total else 0.0,
        )
        for factor in config.rules
    )
    return RiskScore(score=total, level=level_for(total, config), contributions=contributions)


# --- build-up (spike) detection -----------------------------------------------------------------


@dataclass(frozen=True)
class SpikeConfig:
    window_days: int = 14
    baseline_days: int = 84
    min_contacts: int = 5
    min_ratio: float = 2.0
    max_p_value: float = 0.01
    # One matter (a first letter and its duplicates) needs fewer letters to stand out.
    matter_min_letters: int = 3

    def __post_init__(self) -> None:
        if self.window_days < 1 or self.baseline_days < 1 or self.min_contacts < 1:
            raise ValueError("window_days, baseline_days and min_contacts must be at least 1")
        if self.min_ratio <= 0 or not 0 < self.max_p_value < 1:
            raise ValueError("need min_ratio > 0 and 0 < max_p_value < 1")


DEFAULT_SPIKE = SpikeConfig()


def spike_config_from(overrides: Mapping | None, base: SpikeConfig = DEFAULT_SPIKE) -> SpikeConfig:
    if not overrides:
        return base
    unknown = set(overrides) - {
        "window_days", "baseline_days", "min_contacts", "min_ratio", "max_p_value", "matter_min_letters"
    }
    if unknown:
        raise ValueError(f"unknown spike settings: {sorted(unknown)}")
    return replace(base, **overrides)


@dataclass(frozen=True)
class Spike:
    observed: int
    expected: float
    ratio: float
    p_value: float
    first_half: int
    second_half: int

    @property
    def rising(self) -> bool:
        return self.second_half > self.first_half

    def as_dict(self) -> dict:
        return {"observed": self.observed, "expected": round(self.expected, 3), "ratio": round(self.ratio, 2),
                "p_value": self.p_value, "first_half": self.first_half, "second_half": self.second_half}


def poisson_upper_tail(k: int, mean: float) -> float:
    """P(X ≥ k) for X ~ Poisson(mean), accurate for tiny tails (summed upwards in log space)."""
    if k <= 0:
        return 1.0
    if mean <= 0:
        return 0.0
    if k <= mean:
        # The lower part is the short sum here: 1 − P(X ≤ k−1).
        term = math.exp(-mean)
        lower = term
        for i in range(1, k):
            term *= mean / i
            lower += term
        return max(0.0, 1.0 - lower)
    log_term = -mean + k * math.log(mean) - math.lgamma(k + 1)
    term = math.exp(log_term)
    total = term
    i = k
    while term > total * 1e-15:
        i += 1
        term *= mean / i
        total += term
    return min(1.0, total)


def expected_in_window(baseline_total: int, baseline_days: int, window_days: int) -> float:
    """The window's expected count from the baseline rate, with one extra contact (add-one)."""
    return (baseline_total + 1) / baseline_days * window_days


def detect_spike(
    window: Sequence[int], baseline_total: int, *, config: SpikeConfig = DEFAULT_SPIKE, baseline_days: int | None = None
) -> Spike | None:
    """A build-up in `window` (daily counts, oldest first) against `baseline_total` contacts over the
    `baseline_days` (default: config) just before it; None when nothing stands out."""
    if any(c < 0 for c in window) or baseline_total < 0:
        raise ValueError("counts cannot be negative")
    observed = sum(window)
    if observed < config.min_contacts:
        return None
    days = baseline_days or config.baseline_days
    expected = expected_in_window(baseline_total, days, len(window) or config.window_days)
    ratio = observed / expected
    if ratio < config.min_ratio:
        return None
    p_value = poisson_upper_tail(observed, expected)
    if p_value > config.max_p_value:
        return None
    half = len(window) // 2
    return Spike(
        observed=observed,
        expected=expected,
        ratio=ratio,
        p_value=p_value,
        first_half=sum(window[:half]),
        second_half=sum(window[half:]),
    )


def detect_spike_in_series(daily: Sequence[int], *, config: SpikeConfig = DEFAULT_SPIKE) -> Spike | None:
    """The same test on one daily series that ends on the day of the check (oldest first). A series
    shorter than window + baseline uses what it has for the baseline (at least one day)."""
    if len(daily) <= config.window_days:
        return None
    window = daily[-config.window_days:]
    baseline = daily[:-config.window_days][-config.baseline_days:]
    return detect_spike(window, sum(baseline), config=config, baseline_days=len(baseline))


# --- the hot-spot register ----------------------------------------------------------------------


class HotSpotStatus(StrEnum):
    NEW = "new"
    HANDLING = "handling"
    RESOLVED = "resolved"
    DISMISSED = "dismissed"


STATUS_LABELS = {
    HotSpotStatus.NEW: ("Mới phát hiện", "New"),
    HotSpotStatus.HANDLING: ("Đang theo dõi, xử lý", "Being handled"),
    HotSpotStatus.RESOLVED: ("Đã ổn định", "Resolved"),
    HotSpotStatus.DISMISSED: ("Loại bỏ (cảnh báo nhầm)", "Dismissed (false alarm)"),
}
OPEN_STATUSES = frozenset({HotSpotStatus.NEW, HotSpotStatus.HANDLING})
# The register's transitions; a dismissal and a resolution each need a written reason.
TRANSITIONS: dict[HotSpotStatus, frozenset[HotSpotStatus]] = {
    HotSpotStatus.NEW: frozenset({HotSpotStatus.HANDLING, HotSpotStatus.RESOLVED, HotSpotStatus.DISMISSED}),
    HotSpotStatus.HANDLING: frozenset({HotSpotStatus.RESOLVED, HotSpotStatus.DISMISSED}),
    HotSpotStatus.RESOLVED: frozenset({HotSpotStatus.HANDLING}),
    HotSpotStatus.DISMISSED: frozenset(),
}
NEEDS_REASON = frozenset({HotSpotStatus.RESOLVED, HotSpotStatus.DISMISSED})


def can_move(current: str, target: str) -> bool:
    return HotSpotStatus(target) in TRANSITIONS[HotSpotStatus(current)]


def should_raise_again(
    *, closed_status: str, days_since_closed: int, observed_then: int, observed_now: int, window_days: int
) -> bool:
    """Whether a build-up on a subject whose last hot spot was closed is a new one.

    A resolved subject is raised again once its window no longer holds the contacts seen before the
    resolution. A dismissed one (a false alarm) only when it has at least doubled since, so a
    dismissal is not undone by the same contacts the next morning.
    """
    if closed_status == HotSpotStatus.DISMISSED:
        return observed_now >= 2 * max(observed_then, 1)
    return days_since_closed > window_days or observed_now >= 2 * max(observed_then, 1)
