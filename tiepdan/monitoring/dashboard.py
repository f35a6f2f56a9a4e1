"""The dashboard, assembled from indexed aggregate reads (a selector module: reads only).

Counts come from the daily roll-up (`DailyCount`: a few hundred rows per day whatever the number of
letters), lists from indexed columns with a LIMIT, so the page makes the same small number of queries
on ten letters or on a million (tests/test_views.py asserts the count; docs/forecast.md has the
timings). Each chart is a `Table`: its numbers, its SVG, and the id of its .xlsx export.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Count, Q, Sum
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tiepdan.cases.models import Case
from tiepdan.cases.workflow import TERMINAL
from tiepdan.cases.workflow import Status as CaseStatus
from tiepdan.common.choices import Channel, MatterType
from tiepdan.common.i18n import in_language
from tiepdan.deadlines.models import Deadline, DeadlineStatus
from tiepdan.letters.models import Letter, LetterStatus
from tiepdan.monitoring import charts, config
from tiepdan.monitoring.events import EventPeriod, comparison_spans, period_to_compare
from tiepdan.monitoring.models import (
    DailyCount,
    Dimension,
    ForecastRow,
    HotSpot,
    HotSpotKind,
    MatterRisk,
    SeriesKind,
    Source,
)
from tiepdan.monitoring.policies import sees_agency_monitoring
from tiepdan.monitoring.rules import OPEN_STATUSES
from tiepdan.monitoring.selectors import (
    commune_label,
    commune_risks,
    domain_names,
    level_label,
    refresh_runs,
)
from tiepdan.org.models import Unit
from tiepdan.org.selectors import visible_unit_ids
from tiepdan.reception.models import Visit, VisitOutcome

OPEN_CASE_STATUSES = [s.value for s in CaseStatus if s not in TERMINAL]
NEAR_DAYS = 5  # calendar days ahead counted as "near due" on the dashboard
LIST_LIMIT = 10
PERIOD_CHOICES = (
    ("7", gettext_lazy("7 ngày")),
    ("30", gettext_lazy("30 ngày")),
    ("90", gettext_lazy("90 ngày")),
    ("365", gettext_lazy("12 tháng")),
    ("dot", gettext_lazy("Đợt cao điểm")),
)


@dataclass
class Table:
    id: str
    title: str
    columns: list[str]
    rows: list[list]
    svg: SafeString = field(default_factory=lambda: mark_safe(""))
    note: str = ""


@dataclass(frozen=True)
class Period:
    key: str
    first: date
    last: date
    label: str

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1


def period_for(key: str, today: date, periods: Sequence[EventPeriod] | None = None) -> Period:
    if key == "dot":
        event = period_to_compare(today, config.event_periods() if periods is None else periods)
        if event is not None:
            (first, last), _before = comparison_spans(today, event)
            return Period("dot", first, last, event.name)
        key = "30"
    days = {"7": 7, "30": 30, "90": 90, "365": 365}.get(key, 30)
    first = today - timedelta(days=days - 1)
    return Period(str(days), first, today, f"{first:%d/%m/%Y} – {today:%d/%m/%Y}")  # dates only


@dataclass
class Dashboard:
    period: Period
    agency_wide: bool
    kpis: list[tuple[str, object, str]]
    tables: dict[str, Table]
    overdue: list
    near: list
    mass_visits: list
    complex_cases: list
    over_level: list
    repeat_visits: list
    matter_risks: list
    hot_spots: list
    commune_risks: list
    warnings: list
    runs: dict

    @property
    def chart_tables(self) -> list[Table]:
        """The charts in the order of the page (each with its numbers and its export)."""
        order = [
            "so-sanh-dot",
            "theo-thoi-gian",
            "theo-loai",
            "theo-linh-vuc",
            "theo-don-vi",
            "theo-nguon",
            "theo-xa",
            "theo-trang-thai",
            "vu-viec-dang-giai-quyet",
        ]
        return [self.tables[k] for k in order if k in self.tables]


@dataclass(frozen=True)
class Scope:
    """The units whose data the user may see, asked once per page from `org.selectors.visible_unit_ids`
    (the one place that decides; it costs queries, so it is not asked again for every list).
    `ids` None: the whole agency."""

    ids: list[int] | None

    @classmethod
    def of(cls, user) -> Scope:
        return cls(visible_unit_ids(user))

    def apply(self, qs, field: str = "unit"):
        return qs if self.ids is None else qs.filter(**{f"{field}_id__in": self.ids})

    def rollup(self, period: Period):
        """The roll-up rows of the scope: the agency's own rows (unit NULL) or the units' rows."""
        qs = DailyCount.objects.filter(day__gte=period.first, day__lte=period.last)
        return qs.filter(unit__isnull=True) if self.ids is None else qs.filter(unit_id__in=self.ids)


def _label_maps(domains: dict[str, str]) -> dict[str, dict[str, str]]:
    return {
        Dimension.TYPE: dict(MatterType.choices),
        Dimension.CHANNEL: dict(Channel.choices),
        Dimension.DOMAIN: domains,
    }


def _status_label(source: str, value: str) -> str:
    if source == Source.LETTER:
        return str(dict(LetterStatus.choices).get(value, value))
    return str(dict(VisitOutcome.choices).get(value, value))


def _ratio(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def _time_table(scope: Scope, period: Period) -> Table:
    rows = scope.rollup(period).filter(dimension=Dimension.ALL).values("source", "day").annotate(n=Sum("count"))
    by_day: dict[tuple[str, date], int] = {(r["source"], r["day"]): r["n"] for r in rows}
    weekly = period.days > 62
    buckets: list[date] = []
    day = period.first - timedelta(days=period.first.weekday()) if weekly else period.first
    while day <= period.last:
        buckets.append(day)
        day += timedelta(days=7 if weekly else 1)
    letters, visits = [], []
    for start in buckets:
        span = [start + timedelta(days=i) for i in range(7 if weekly else 1)]
        letters.append(sum(by_day.get((Source.LETTER, d), 0) for d in span))
        visits.append(sum(by_day.get((Source.VISIT, d), 0) for d in span))
    labels = [f"{d:%d/%m}" for d in buckets]
    title = _("Đơn và lượt tiếp theo tuần") if weekly else _("Đơn và lượt tiếp theo ngày")
    return Table(
        id="theo-thoi-gian",
        title=title,
        columns=[_("Tuần bắt đầu") if weekly else _("Ngày"), _("Đơn"), _("Lượt tiếp")],
        rows=[[d, a, b] for d, a, b in zip(buckets, letters, visits, strict=True)],
        svg=charts.time_chart(
            labels, [charts.Line(_("Đơn"), letters, "s0"), charts.Line(_("Lượt tiếp"), visits, "s1")], title=title
        ),
    )


def _breakdowns(scope: Scope, period: Period, domains: dict[str, str]) -> dict[str, Table]:
    rows = (
        scope.rollup(period)
        .filter(
            dimension__in=[Dimension.TYPE, Dimension.DOMAIN, Dimension.COMMUNE, Dimension.CHANNEL, Dimension.STATUS]
        )
        .values("source", "dimension", "value")
        .annotate(n=Sum("count"), people=Sum("people"))
    )
    counts: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0, 0]))
    statuses: dict[tuple[str, str], int] = {}
    for r in rows:
        if r["dimension"] == Dimension.STATUS:
            statuses[(r["source"], r["value"])] = r["n"]
            continue
        cell = counts[r["dimension"]][r["value"]]
        cell[0 if r["source"] == Source.LETTER else 1] += r["n"]
        cell[2] += r["people"] or 0
    labels = _label_maps(domains)
    tables: dict[str, Table] = {}
    specs = [
        (Dimension.TYPE, "theo-loai", _("Theo loại nội dung"), _("Loại")),
        (Dimension.DOMAIN, "theo-linh-vuc", _("Theo lĩnh vực"), _("Lĩnh vực")),
        (Dimension.CHANNEL, "theo-nguon", _("Đơn theo nguồn"), _("Nguồn đơn")),
        (Dimension.COMMUNE, "theo-xa", _("Theo xã, phường (15 nơi nhiều nhất)"), _("Xã, phường")),
    ]
    for dimension, table_id, title, column in specs:
        items = counts.get(dimension, {})
        if dimension == Dimension.COMMUNE:
            named = [(commune_label(v), c) for v, c in items.items()]
        else:
            names = labels.get(dimension, {})
            named = [(str(names.get(v, v)) if v else _("Chưa phân loại"), c) for v, c in items.items()]
        named.sort(key=lambda x: (-(x[1][0] + x[1][1]), x[0]))
        if dimension == Dimension.COMMUNE:
            named = named[:15]
        table_rows = [[name, c[0], c[1], c[0] + c[1], c[2]] for name, c in named]
        if dimension == Dimension.CHANNEL:
            table_rows = [[name, c[0], c[2]] for name, c in named if c[0]]
            columns = [column, _("Đơn"), _("Số người")]
            bars = [(r[0], r[1]) for r in table_rows]
        else:
            columns = [column, _("Đơn"), _("Lượt tiếp"), _("Cộng"), _("Số người")]
            bars = [(r[0], r[3]) for r in table_rows]
        tables[table_id] = Table(table_id, title, columns, table_rows, charts.bar_chart(bars, title=title))
    status_rows = [
        [_("Đơn"), _status_label(Source.LETTER, v), n] for (s, v), n in sorted(statuses.items()) if s == Source.LETTER
    ] + [
        [_("Lượt tiếp"), _status_label(Source.VISIT, v), n]
        for (s, v), n in sorted(statuses.items())
        if s == Source.VISIT
    ]
    tables["theo-trang-thai"] = Table(
        "theo-trang-thai",
        _("Theo trạng thái, kết quả"),
        [_("Nguồn"), _("Trạng thái, kết quả"), _("Số lượng")],
        status_rows,
        charts.bar_chart(
            [(f"{r[0]}: {r[1]}", r[2]) for r in status_rows], title=_("Theo trạng thái, kết quả"), css="bar2"
        ),
    )
    return tables


def _unit_table(scope: Scope, period: Period) -> Table:
    per_unit = DailyCount.objects.filter(day__gte=period.first, day__lte=period.last, unit__isnull=False)
    rows = (
        scope.apply(per_unit)
        .filter(dimension=Dimension.ALL)
        .values("source", "unit_id")
        .annotate(n=Sum("count"), handled=Sum("handled"), on_time=Sum("handled_on_time"))
    )
    cells: dict[int, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for r in rows:
        cell = cells[r["unit_id"]]
        cell[0 if r["source"] == Source.LETTER else 1] += r["n"]
        cell[2] += r["handled"] or 0
        cell[3] += r["on_time"] or 0
    names = dict(Unit.objects.filter(id__in=list(cells)).values_list("id", "name"))
    table_rows = sorted(
        ([names.get(u, str(u)), c[0], c[1], c[2], _ratio(c[3], c[2])] for u, c in cells.items()),
        key=lambda r: (-(r[1] + r[2]), r[0]),
    )
    title = _("Theo đơn vị")
    return Table(
        "theo-don-vi",
        title,
        [_("Đơn vị"), _("Đơn"), _("Lượt tiếp"), _("Đơn đã xử lý có hạn"), _("Đúng hạn (%)")],
        table_rows,
        charts.bar_chart([(r[0], r[1] + r[2]) for r in table_rows], title=title),
    )


def _comparison(scope: Scope, today: date, periods: Sequence[EventPeriod]) -> Table | None:
    event = period_to_compare(today, periods)
    if event is None:
        return None
    (first, last), (before_first, before_last) = comparison_spans(today, event)
    rows = (
        scope.rollup(Period("", before_first, last, ""))
        .filter(dimension=Dimension.ALL)
        .values("source")
        .annotate(
            now=Sum("count", filter=Q(day__gte=first)),
            before=Sum("count", filter=Q(day__lte=before_last)),
            people_now=Sum("people", filter=Q(day__gte=first)),
            people_before=Sum("people", filter=Q(day__lte=before_last)),
            mass_now=Sum("mass", filter=Q(day__gte=first)),
            mass_before=Sum("mass", filter=Q(day__lte=before_last)),
            over_now=Sum("over_level", filter=Q(day__gte=first)),
            over_before=Sum("over_level", filter=Q(day__lte=before_last)),
        )
    )
    got = {r["source"]: r for r in rows}

    def value(source: str, key: str) -> int:
        return (got.get(source) or {}).get(key) or 0

    def both(key: str) -> int:
        return value(Source.LETTER, key) + value(Source.VISIT, key)

    pairs = [
        (_("Đơn"), value(Source.LETTER, "now"), value(Source.LETTER, "before")),
        (_("Lượt tiếp"), value(Source.VISIT, "now"), value(Source.VISIT, "before")),
        (_("Số người (đơn và lượt tiếp)"), both("people_now"), both("people_before")),
        (_("Đoàn, đơn đông người"), both("mass_now"), both("mass_before")),
        (_("Đơn gửi vượt cấp"), value(Source.LETTER, "over_now"), value(Source.LETTER, "over_before")),
    ]
    table_rows = [[label, now, before, _ratio(now - before, before)] for label, now, before in pairs]
    note = _("%(event)s: %(a)s – %(b)s so với cùng số ngày trước đó (%(c)s – %(d)s).") % {
        "event": event.name,
        "a": f"{first:%d/%m/%Y}",
        "b": f"{last:%d/%m/%Y}",
        "c": f"{before_first:%d/%m/%Y}",
        "d": f"{before_last:%d/%m/%Y}",
    }
    return Table(
        "so-sanh-dot",
        _("Đợt cao điểm so với cùng số ngày trước đó"),
        [_("Chỉ tiêu"), _("Trong đợt"), _("Cùng số ngày trước đợt"), _("Thay đổi (%)")],
        table_rows,
        note=note,
    )


def build_dashboard(user, *, today: date, period_key: str = "30") -> Dashboard:
    periods = config.event_periods()
    domains = domain_names()
    period = period_for(period_key, today, periods)
    agency_wide = sees_agency_monitoring(user)
    scope = Scope.of(user)
    tables: dict[str, Table] = {}
    totals = {
        r["source"]: r
        for r in scope.rollup(period)
        .filter(dimension=Dimension.ALL)
        .values("source")
        .annotate(
            n=Sum("count"),
            matters=Sum("matters"),
            people=Sum("people"),
            mass=Sum("mass"),
            repeat=Sum("repeat"),
            over=Sum("over_level"),
            handled=Sum("handled"),
            on_time=Sum("handled_on_time"),
        )
    }
    tables["theo-thoi-gian"] = _time_table(scope, period)
    tables.update(_breakdowns(scope, period, domains))
    tables["theo-don-vi"] = _unit_table(scope, period)
    comparison = _comparison(scope, today, periods)
    if comparison is not None:
        tables["so-sanh-dot"] = comparison

    # Letters not yet disposed of, from the roll-up's status rows over the whole history (fresh within
    # the hour for recent letters; a scan of a unit's letters by status has no index).
    open_letters = dict(
        scope.rollup(Period("", date(1900, 1, 1), today, ""))
        .filter(
            dimension=Dimension.STATUS,
            source=Source.LETTER,
            value__in=[LetterStatus.REGISTERED, LetterStatus.CLASSIFIED],
        )
        .values_list("value")
        .annotate(n=Sum("count"))
    )
    open_cases = list(
        scope.apply(Case.objects.filter(status__in=OPEN_CASE_STATUSES))
        .order_by()
        .values("status")
        .annotate(n=Count("id"))
        .order_by("-n", "status")
    )
    case_rows = [[_case_status(r["status"]), r["n"]] for r in open_cases]
    tables["vu-viec-dang-giai-quyet"] = Table(
        "vu-viec-dang-giai-quyet",
        _("Vụ việc đang giải quyết theo bước"),
        [_("Bước"), _("Số vụ việc")],
        case_rows,
        charts.bar_chart([(r[0], r[1]) for r in case_rows], title=_("Vụ việc đang giải quyết"), css="bar2"),
    )
    deadlines = scope.apply(
        Deadline.objects.filter(status=DeadlineStatus.OPEN, due_on__isnull=False)
        .select_related("unit")
        .only("label", "due_on", "unit__name")
    )
    overdue_qs = deadlines.filter(due_on__lt=today)
    near_qs = deadlines.filter(due_on__gte=today, due_on__lte=today + timedelta(days=NEAR_DAYS))
    overdue = list(overdue_qs.order_by("due_on", "id")[:LIST_LIMIT])
    near = list(near_qs.order_by("due_on", "id")[:LIST_LIMIT])
    overdue_count = overdue_qs.count()
    near_count = near_qs.count()
    start, end = _day_bounds(period)
    mass_visits = list(
        scope.apply(Visit.objects.filter(is_mass=True, received_at__gte=start, received_at__lt=end))
        .select_related("domain")
        .only("code", "received_at", "head_count", "commune_code", "domain__name")
        .order_by("-received_at", "-id")[:LIST_LIMIT]
    )
    over_level = list(
        scope.apply(
            Letter.objects.filter(
                channel__in=config.over_level_channels(), received_on__gte=period.first, received_on__lte=period.last
            )
        )
        .only("code", "received_on", "summary", "channel", "transferring_body", "signer_count", "commune_code")
        .order_by("-received_on", "-id")[:LIST_LIMIT]
    )
    repeat_visits = list(
        scope.apply(Visit.objects.filter(is_repeat=True, received_at__gte=start, received_at__lt=end))
        .only("code", "received_at", "head_count", "content", "commune_code")
        .order_by("-received_at", "-id")[:LIST_LIMIT]
    )
    complex_cases = list(
        scope.apply(Case.objects.filter(status__in=OPEN_CASE_STATUSES).exclude(complexity="none"))
        .select_related("unit")
        .only("code", "title", "due_on", "unit__name")
        .order_by("due_on", "id")[:LIST_LIMIT]
    )
    risks = list(
        scope.apply(MatterRisk.objects.filter(score__gt=0))
        .select_related("case")
        .only("score", "level", "factors", "case__code", "case__title")
        .order_by("-score", "id")[:LIST_LIMIT]
    )
    spots = list(
        scope.apply(HotSpot.objects.filter(status__in=list(OPEN_STATUSES))).order_by("-detected_on", "-id")[:LIST_LIMIT]
    )
    communes = list(commune_risks().order_by("-score", "commune_code")[:LIST_LIMIT]) if agency_wide else []
    warnings = []
    if agency_wide:
        names = domains
        warnings = [
            (series_name(r.kind, r.key, names), r.warning)
            for r in ForecastRow.objects.filter(warning__isnull=False)
            .only("kind", "key", "warning")
            .order_by("kind", "-total")[:LIST_LIMIT]
        ]

    letters = totals.get(Source.LETTER, {})
    visits = totals.get(Source.VISIT, {})
    handled = letters.get("handled") or 0
    on_time = _ratio(letters.get("on_time") or 0, handled)
    kpis = [
        (_("Lượt tiếp công dân"), visits.get("n") or 0, ""),
        (_("Người được tiếp"), visits.get("people") or 0, ""),
        (_("Đơn tiếp nhận"), letters.get("n") or 0, ""),
        (_("Vụ việc (không kể đơn trùng)"), letters.get("matters") or 0, ""),
        (
            _("Xử lý đơn đúng hạn"),
            f"{on_time}%" if on_time is not None else "—",
            "ok" if (on_time or 0) >= 90 else "warn",
        ),
        (_("Đơn đang xử lý"), sum(open_letters.values()), ""),
        (_("Vụ việc đang giải quyết"), sum(r["n"] for r in open_cases), ""),
        (_("Việc quá hạn"), overdue_count, "bad" if overdue_count else ""),
        (_("Việc sắp đến hạn"), near_count, "warn" if near_count else ""),
        (_("Đoàn, đơn đông người"), (visits.get("mass") or 0) + (letters.get("mass") or 0), ""),
        (_("Tiếp nhiều lần, đơn trùng"), (visits.get("repeat") or 0) + (letters.get("repeat") or 0), ""),
        (_("Đơn gửi vượt cấp"), letters.get("over") or 0, ""),
        (_("Điểm nóng đang theo dõi"), len(spots), "bad" if spots else ""),
    ]
    tables["chi-so"] = Table("chi-so", _("Các chỉ số chính"), [_("Chỉ số"), _("Giá trị")], [[k[0], k[1]] for k in kpis])
    tables["qua-han"] = Table(
        "qua-han",
        _("Việc quá hạn (10 việc quá hạn lâu nhất)"),
        [_("Việc phải làm"), _("Đơn vị"), _("Hạn")],
        [[d.label, d.unit.name, d.due_on] for d in overdue],
    )
    tables["sap-den-han"] = Table(
        "sap-den-han",
        _("Việc sắp đến hạn (trong %(n)s ngày)") % {"n": NEAR_DAYS},
        [_("Việc phải làm"), _("Đơn vị"), _("Hạn")],
        [[d.label, d.unit.name, d.due_on] for d in near],
    )
    tables["vuot-cap"] = Table(
        "vuot-cap",
        _("Đơn gửi vượt cấp trong kỳ"),
        [_("Mã"), _("Ngày nhận"), _("Cơ quan chuyển"), _("Số người"), _("Xã, phường"), _("Nội dung")],
        [
            [
                x.code,
                x.received_on,
                x.transferring_body or x.get_channel_display(),
                x.signer_count,
                commune_label(x.commune_code),
                x.summary,
            ]
            for x in over_level
        ],
    )
    tables["tiep-nhieu-lan"] = Table(
        "tiep-nhieu-lan",
        _("Công dân đến nhiều lần trong kỳ"),
        [_("Mã"), _("Ngày"), _("Số người"), _("Xã, phường"), _("Nội dung")],
        [[v.code, v.received_at.date(), v.head_count, commune_label(v.commune_code), v.content] for v in repeat_visits],
    )
    tables["doan-dong-nguoi"] = Table(
        "doan-dong-nguoi",
        _("Đoàn đông người gần đây"),
        [_("Mã"), _("Ngày"), _("Số người"), _("Lĩnh vực"), _("Xã, phường")],
        [
            [
                v.code,
                v.received_at.date(),
                v.head_count,
                v.domain.name if v.domain else "",
                commune_label(v.commune_code),
            ]
            for v in mass_visits
        ],
    )
    tables["vu-viec-phuc-tap"] = Table(
        "vu-viec-phuc-tap",
        _("Vụ việc phức tạp đang giải quyết"),
        [_("Mã"), _("Nội dung"), _("Đơn vị"), _("Hạn")],
        [[c.code, c.title, c.unit.name, c.due_on] for c in complex_cases],
    )
    tables["vu-viec-rui-ro"] = Table(
        "vu-viec-rui-ro",
        _("Vụ việc có điểm rủi ro cao nhất"),
        [_("Mã"), _("Nội dung"), _("Điểm"), _("Mức")],
        [[r.case.code, r.case.title, r.score, level_label(r.level)] for r in risks],
    )
    tables["diem-nong"] = Table(
        "diem-nong",
        _("Điểm nóng đang theo dõi"),
        [_("Mã"), _("Nội dung"), _("Ngày phát hiện"), _("Điểm"), _("Tình trạng")],
        [[s.code, s.title, s.detected_on, s.score, s.status_label] for s in spots],
    )
    if agency_wide:
        tables["xa-rui-ro"] = Table(
            "xa-rui-ro",
            _("Xã, phường có điểm rủi ro cao nhất"),
            [_("Xã, phường"), _("Điểm"), _("Mức"), _("Lượt"), _("Số người")],
            [[commune_label(c.commune_code), c.score, level_label(c.level), c.contacts, c.people] for c in communes],
            charts.bar_chart(
                [(commune_label(c.commune_code), c.score) for c in communes],
                title=_("Điểm rủi ro theo xã, phường"),
                css="bar3",
            ),
        )
    return Dashboard(
        period=period,
        agency_wide=agency_wide,
        kpis=kpis,
        tables=tables,
        overdue=overdue,
        near=near,
        mass_visits=mass_visits,
        over_level=over_level,
        repeat_visits=repeat_visits,
        complex_cases=complex_cases,
        matter_risks=risks,
        hot_spots=spots,
        commune_risks=communes,
        warnings=warnings,
        runs=refresh_runs(),
    )


def _day_bounds(period: Period):
    from tiepdan.monitoring.signals import day_bounds

    return day_bounds(period.first, period.last)


def _case_status(code: str) -> str:
    try:
        status = CaseStatus(code)
        return in_language(status.label_vi, status.label_en)
    except ValueError:
        return code


def series_name(kind: str, key: str, domains: dict[str, str]) -> str:
    if kind == SeriesKind.DOMAIN:
        return domains.get(key, key)
    if kind == SeriesKind.COMMUNE:
        return commune_label(key)
    return _("Toàn cơ quan")


HOT_SPOT_KIND_LABELS = dict(HotSpotKind.choices)
