"""The register, risk, forecast and map pages, assembled from monitoring's own tables (reads only).
Each returns plain data with its `Table`s, so the page and its .xlsx exports show the same numbers."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from tiepdan.common.i18n import pick
from tiepdan.monitoring import charts, config
from tiepdan.monitoring.dashboard import HOT_SPOT_KIND_LABELS, Table, series_name
from tiepdan.monitoring.models import CommuneMap, CommuneRisk, ForecastRow, HotSpot, SeriesKind
from tiepdan.monitoring.rules import LEVEL_LABELS, OPEN_STATUSES, STATUS_LABELS, HotSpotStatus, Level
from tiepdan.monitoring.selectors import (
    FactorRow,
    commune_label,
    commune_risks,
    domain_names,
    factor_rows,
    forecasts,
    hot_spots_visible_to,
    latest_map,
    level_label,
    matter_risks_visible_to,
)

# --- explanations -----------------------------------------------------------------------------------


def factor_table(table_id: str, title: str, factors: list[dict]) -> tuple[Table, list[FactorRow]]:
    rows = factor_rows(factors)
    table = Table(
        table_id,
        title,
        [_("Yếu tố"), _("Giá trị"), _("Điểm"), _("Tối đa"), _("Phần của tổng điểm (%)")],
        [[r.label, r.value_text, r.points, r.weight, r.share] for r in rows],
        charts.bar_chart([(r.label, r.points) for r in rows if r.points > 0], title=title, css="bar3"),
    )
    return table, rows


# --- the register -----------------------------------------------------------------------------------

STATUS_FILTERS = {
    "": None,
    "dang-mo": [s.value for s in OPEN_STATUSES],
    "da-on-dinh": [HotSpotStatus.RESOLVED.value],
    "loai-bo": [HotSpotStatus.DISMISSED.value],
}


@dataclass
class Register:
    spots: list[HotSpot]
    table: Table
    status: str


def register_page(user, *, status: str = "dang-mo", limit: int = 200) -> Register:
    qs = hot_spots_visible_to(user)
    statuses = STATUS_FILTERS.get(status, STATUS_FILTERS["dang-mo"])
    if statuses:
        qs = qs.filter(status__in=statuses)
    spots = list(qs.order_by("-detected_on", "-id")[:limit])
    table = Table(
        "so-diem-nong",
        _("Sổ theo dõi điểm nóng"),
        [
            _("Mã"),
            _("Loại"),
            _("Nội dung"),
            _("Ngày phát hiện"),
            _("Số lượt"),
            _("Số người"),
            _("Điểm rủi ro"),
            _("Mức"),
            _("Đợt cao điểm"),
            _("Người theo dõi"),
            _("Tình trạng"),
            _("Lý do đóng"),
        ],
        [
            [
                s.code,
                HOT_SPOT_KIND_LABELS.get(s.kind, s.kind),
                s.title,
                s.detected_on,
                s.observed,
                s.people,
                s.score,
                level_label(s.level),
                s.event_name,
                _person(s.owner),
                s.status_label,
                s.close_reason,
            ]
            for s in spots
        ],
    )
    return Register(spots=spots, table=table, status=status if status in STATUS_FILTERS else "dang-mo")


def _person(user) -> str:
    if user is None:
        return ""
    staff = getattr(user, "staff", None)
    return staff.full_name if staff else user.get_username()


# --- risk -------------------------------------------------------------------------------------------


@dataclass
class RiskPage:
    communes: list[CommuneRisk]
    matters: list
    tables: dict[str, Table]
    map_svg: object = ""
    commune_map: CommuneMap | None = None
    levels: list[tuple[str, str]] = field(default_factory=list)

    @property
    def ranking_svg(self):
        return self.tables["xep-hang-xa"].svg


def risk_page(user) -> RiskPage:
    communes = list(commune_risks().order_by("-score", "commune_code"))
    matters = list(matter_risks_visible_to(user).order_by("-score", "id")[:50])
    tables = {
        "xep-hang-xa": Table(
            "xep-hang-xa",
            _("Xếp hạng xã, phường theo điểm rủi ro"),
            [_("Hạng"), _("Xã, phường"), _("Điểm"), _("Mức"), _("Lượt (đơn, tiếp)"), _("Số người"), _("Yếu tố chính")],
            [
                [
                    i,
                    commune_label(c.commune_code),
                    c.score,
                    level_label(c.level),
                    c.contacts,
                    c.people,
                    _main_factors(c.factors),
                ]
                for i, c in enumerate(communes, start=1)
            ],
            charts.bar_chart(
                [(commune_label(c.commune_code), c.score) for c in communes[:20]],
                title=_("20 xã, phường có điểm rủi ro cao nhất"),
                css="bar3",
            ),
        ),
        "vu-viec-rui-ro": Table(
            "vu-viec-rui-ro",
            _("Vụ việc đang giải quyết theo điểm rủi ro (50 vụ việc cao nhất)"),
            [_("Mã"), _("Nội dung"), _("Đơn vị"), _("Điểm"), _("Mức"), _("Yếu tố chính")],
            [
                [m.case.code, m.case.title, m.case.unit.name, m.score, level_label(m.level), _main_factors(m.factors)]
                for m in matters
            ],
        ),
    }
    page = RiskPage(
        communes=communes, matters=matters, tables=tables, levels=[(lv.value, pick(LEVEL_LABELS[lv])) for lv in Level]
    )
    shapes = latest_map()
    if shapes is not None:
        by_code = {str(c.commune_code): c for c in communes}
        areas = {
            code: charts.Area(
                name=commune_label(code),
                level=by_code[code].level if code in by_code else "none",
                score=by_code[code].score if code in by_code else None,
                link=f"xa/{code}/" if code in by_code else "",
            )
            for code in shapes.shapes
        }
        page.map_svg = charts.choropleth(
            shapes.shapes, shapes.view_box, areas, title=_("Bản đồ rủi ro theo xã, phường")
        )
        page.commune_map = shapes
    return page


def _main_factors(factors: list[dict]) -> str:
    rows = [r for r in factor_rows(factors) if r.points > 0][:3]
    return "; ".join(f"{r.label} ({r.share:g}%)" for r in rows)


# --- forecasts ------------------------------------------------------------------------------------


@dataclass
class ForecastPage:
    tables: dict[str, Table]
    chosen: ForecastRow | None
    chosen_name: str
    chart: object
    choices: list[tuple[str, str]]
    warnings: list[tuple[str, dict]]
    made_on: object


def _forecast_rows(rows: list[ForecastRow], kind: str, domains: dict[str, str], horizon: int) -> list[list]:
    return [
        [
            series_name(kind, r.key, domains),
            round(r.total, 1),
            r.low,
            r.high,
            round(r.usual * horizon, 1),
            _warning_text(r.warning),
        ]
        for r in rows
    ]


def _warning_text(warning: dict | None) -> str:
    if not warning:
        return ""
    return _("Dự báo gấp %(ratio)s lần mức thường gặp trong %(event)s (%(first)s–%(last)s)") % {
        "ratio": number_format(warning["ratio"], decimal_pos=1),
        "event": warning["event_name"],
        "first": _d(warning["first_day"]),
        "last": _d(warning["last_day"]),
    }


def _d(iso: str) -> str:
    year, month, day = iso.split("-")
    return f"{day}/{month}/{year}"


def forecast_page(*, series: str = "") -> ForecastPage:
    horizon = config.forecast_config().horizon
    domains = domain_names()
    by_domain = list(forecasts(SeriesKind.DOMAIN))
    by_commune = list(forecasts(SeriesKind.COMMUNE))
    agency = forecasts(SeriesKind.ALL).first()
    columns = [
        _("Chuỗi"),
        _("Dự báo %(n)s ngày") % {"n": horizon},
        _("Cận dưới (80%)"),
        _("Cận trên (80%)"),
        _("Mức thường gặp %(n)s ngày") % {"n": horizon},
        _("Cảnh báo"),
    ]
    tables = {
        "du-bao-linh-vuc": Table(
            "du-bao-linh-vuc",
            _("Dự báo theo lĩnh vực"),
            [_("Lĩnh vực"), *columns[1:]],
            _forecast_rows(by_domain, SeriesKind.DOMAIN, domains, horizon),
        ),
        "du-bao-xa": Table(
            "du-bao-xa",
            _("Dự báo theo xã, phường"),
            [_("Xã, phường"), *columns[1:]],
            _forecast_rows(by_commune, SeriesKind.COMMUNE, domains, horizon),
        ),
    }
    choices = (
        [("", _("Toàn cơ quan"))]
        + [
            (f"domain:{r.key}", _("Lĩnh vực: %(name)s") % {"name": series_name(SeriesKind.DOMAIN, r.key, domains)})
            for r in by_domain
        ]
        + [
            (f"commune:{r.key}", _("Xã, phường: %(name)s") % {"name": series_name(SeriesKind.COMMUNE, r.key, domains)})
            for r in by_commune
        ]
    )
    chosen = agency
    if ":" in series:
        kind, key = series.split(":", 1)
        pool = by_domain if kind == SeriesKind.DOMAIN else by_commune if kind == SeriesKind.COMMUNE else []
        chosen = next((r for r in pool if r.key == key), agency)
    chosen_name = series_name(chosen.kind, chosen.key, domains) if chosen else ""
    chart = ""
    if chosen is not None:
        history = list(chosen.history)
        days_back = len(history)
        first = chosen.made_on - timedelta(days=days_back - 1)
        labels = [f"{first + timedelta(days=i):%d/%m}" for i in range(days_back + len(chosen.means))]
        gap: list[float | None] = [None] * days_back
        chart = charts.time_chart(
            labels,
            [
                charts.Line(_("Đã tiếp nhận"), [*history, *[None] * len(chosen.means)], "s0"),
                charts.Line(_("Dự báo"), [*gap, *chosen.means], "s2"),
            ],
            title=_("Dự báo: %(name)s") % {"name": chosen_name},
            band=([*gap, *chosen.daily_low], [*gap, *chosen.daily_high]),
            marker=days_back,
        )
        tables["du-bao-chuoi"] = Table(
            "du-bao-chuoi",
            _("Dự báo theo ngày: %(name)s") % {"name": chosen_name},
            [_("Ngày"), _("Dự báo"), _("Cận dưới (80%)"), _("Cận trên (80%)")],
            [
                [chosen.made_on + timedelta(days=i + 1), round(m, 2), lo, hi]
                for i, (m, lo, hi) in enumerate(zip(chosen.means, chosen.daily_low, chosen.daily_high, strict=True))
            ],
        )
    warnings = [
        (series_name(r.kind, r.key, domains), r.warning)
        for r in [*([agency] if agency else []), *by_domain, *by_commune]
        if r.warning
    ]
    return ForecastPage(
        tables=tables,
        chosen=chosen,
        chosen_name=chosen_name,
        chart=chart,
        choices=choices,
        warnings=warnings,
        made_on=agency.made_on if agency else None,
    )


def status_choices(current: str) -> list[tuple[str, str]]:
    from tiepdan.monitoring.rules import TRANSITIONS

    targets = sorted(TRANSITIONS[HotSpotStatus(current)], key=list(HotSpotStatus).index)
    return [(s.value, pick(STATUS_LABELS[s])) for s in targets]


# --- one hot spot -----------------------------------------------------------------------------------


@dataclass
class HotSpotPage:
    spot: HotSpot
    factors: list[FactorRow]
    factor_table: Table
    series_table: Table
    records: list
    actions: list

    @property
    def tables(self) -> dict[str, Table]:
        return {self.factor_table.id: self.factor_table, self.series_table.id: self.series_table}


def hot_spot_page(user, spot: HotSpot) -> HotSpotPage:
    from tiepdan.monitoring.selectors import hot_spot_actions, hot_spot_records, hot_spot_series

    factor, rows = factor_table("yeu-to", _("Các yếu tố của điểm rủi ro (tại ngày phát hiện)"), spot.factors)
    days, counts, window_index = hot_spot_series(spot)
    baseline = counts[:window_index]
    expected_daily = (sum(baseline) + 1) / max(len(baseline), 1)
    title = _("Số lượt đơn, tiếp công dân theo ngày (kỳ gốc và kỳ xem xét)")
    series = Table(
        "dien-bien",
        title,
        [_("Ngày"), _("Số lượt"), _("Thuộc kỳ")],
        [
            [d, c, _("kỳ xem xét") if i >= window_index else _("kỳ gốc")]
            for i, (d, c) in enumerate(zip(days, counts, strict=True))
        ],
        charts.time_chart(
            [f"{d:%d/%m}" for d in days],
            [
                charts.Line(_("Số lượt"), counts, "s0"),
                charts.Line(_("Mức thường gặp"), [expected_daily] * len(days), "s3"),
            ],
            title=title,
            marker=window_index,
        ),
    )
    return HotSpotPage(
        spot=spot,
        factors=rows,
        factor_table=factor,
        series_table=series,
        records=hot_spot_records(spot, user),
        actions=list(hot_spot_actions(spot)),
    )
