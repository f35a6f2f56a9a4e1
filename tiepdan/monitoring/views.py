"""Thin views: check the policy, call one selector or service, render."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tiepdan.common.i18n import in_language, pick
from tiepdan.monitoring import config, policies, selectors, services
from tiepdan.monitoring.dashboard import PERIOD_CHOICES, Table, build_dashboard
from tiepdan.monitoring.export import write_table_xlsx, xlsx_response
from tiepdan.monitoring.forms import ActionForm, MapUploadForm, OwnerForm, StatusForm
from tiepdan.monitoring.geojson import GeoJSONError
from tiepdan.monitoring.pages import (
    STATUS_FILTERS,
    factor_table,
    forecast_page,
    hot_spot_page,
    register_page,
    risk_page,
    status_choices,
)
from tiepdan.monitoring.rules import DEFAULT_RISK, FACTOR_LABELS, LEVEL_LABELS, Factor


def _render(request: HttpRequest, template: str, context: dict) -> HttpResponse:
    context = {**context, "monitoring_agency_wide": policies.sees_agency_monitoring(request.user)}
    return render(request, template, context)


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


def _xlsx(table: Table) -> HttpResponse:
    data = write_table_xlsx(title=table.title, columns=table.columns, rows=table.rows, sheet=table.id[:31])
    return xlsx_response(data, f"{table.id}.xlsx")


def _pick(tables: dict[str, Table], table: str) -> HttpResponse:
    if table not in tables:
        raise Http404
    return _xlsx(tables[table])


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    _require(policies.can_view_dashboard(request.user))
    data = build_dashboard(request.user, today=timezone.localdate(), period_key=request.GET.get("ky", "30"))
    return _render(request, "monitoring/dashboard.html", {"d": data, "periods": PERIOD_CHOICES, "page": "tong-quan"})


@login_required
def dashboard_export(request: HttpRequest, table: str) -> HttpResponse:
    _require(policies.can_view_dashboard(request.user))
    data = build_dashboard(request.user, today=timezone.localdate(), period_key=request.GET.get("ky", "30"))
    return _pick(data.tables, table)


@login_required
def hot_spot_list(request: HttpRequest) -> HttpResponse:
    _require(policies.can_view_dashboard(request.user))
    register = register_page(request.user, status=request.GET.get("tt", "dang-mo"))
    return _render(
        request, "monitoring/hot_spot_list.html",
        {"register": register, "filters": STATUS_FILTERS, "page": "diem-nong"},
    )


@login_required
def hot_spot_list_export(request: HttpRequest) -> HttpResponse:
    _require(policies.can_view_dashboard(request.user))
    return _xlsx(register_page(request.user, status=request.GET.get("tt", "dang-mo")).table)


def _spot(request: HttpRequest, code: str):
    _require(policies.can_view_dashboard(request.user))
    return get_object_or_404(selectors.hot_spots_visible_to(request.user), code=code)


@login_required
def hot_spot_detail(request: HttpRequest, code: str) -> HttpResponse:
    spot = _spot(request, code)
    today = timezone.localdate()
    can_manage = policies.can_manage_hot_spot(request.user, spot)
    context = {
        "p": hot_spot_page(request.user, spot),
        "page": "diem-nong",
        "can_manage": can_manage,
        "can_record": policies.can_record_action(request.user, spot),
        "action_form": ActionForm(initial={"on": today}),
        "status_form": StatusForm(initial={"on": today}),
        "status_choices": status_choices(spot.status),
        "owner_form": OwnerForm(owners=selectors.owner_choices(spot), initial={"owner": spot.owner_id})
        if can_manage else None,
    }
    return _render(request, "monitoring/hot_spot_detail.html", context)


@login_required
def hot_spot_export(request: HttpRequest, code: str, table: str) -> HttpResponse:
    spot = _spot(request, code)
    return _pick(hot_spot_page(request.user, spot).tables, table)


@login_required
@require_POST
def hot_spot_assign(request: HttpRequest, code: str) -> HttpResponse:
    spot = _spot(request, code)
    _require(policies.can_manage_hot_spot(request.user, spot))
    form = OwnerForm(request.POST, owners=selectors.owner_choices(spot))
    if form.is_valid():
        services.assign_owner(hot_spot=spot, owner=form.cleaned_data["owner"], actor=request.user,
                              on=timezone.localdate())
        messages.success(request, _("Đã giao người theo dõi."))
    else:
        messages.error(request, _("Hãy chọn người theo dõi."))
    return redirect(spot)


@login_required
@require_POST
def hot_spot_action(request: HttpRequest, code: str) -> HttpResponse:
    spot = _spot(request, code)
    _require(policies.can_record_action(request.user, spot))
    form = ActionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Hãy ghi ngày (dd/mm/yyyy) và nội dung biện pháp."))
        return redirect(spot)
    try:
        services.add_action(hot_spot=spot, text=form.cleaned_data["text"], actor=request.user,
                            on=form.cleaned_data["on"])
    except services.HotSpotRefused as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Đã ghi nhận biện pháp."))
    return redirect(spot)


@login_required
@require_POST
def hot_spot_status(request: HttpRequest, code: str) -> HttpResponse:
    spot = _spot(request, code)
    _require(policies.can_manage_hot_spot(request.user, spot))
    form = StatusForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Hãy chọn tình trạng và ghi ngày (dd/mm/yyyy)."))
        return redirect(spot)
    try:
        services.change_status(hot_spot=spot, to=form.cleaned_data["to"], reason=form.cleaned_data["reason"],
                               actor=request.user, on=form.cleaned_data["on"])
    except services.HotSpotRefused as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Đã cập nhật tình trạng."))
    return redirect(spot)


@login_required
def risk(request: HttpRequest) -> HttpResponse:
    _require(policies.sees_agency_monitoring(request.user))
    return _render(request, "monitoring/risk.html", {"p": risk_page(request.user), "page": "rui-ro"})


@login_required
def risk_export(request: HttpRequest, table: str) -> HttpResponse:
    _require(policies.sees_agency_monitoring(request.user))
    return _pick(risk_page(request.user).tables, table)


def _commune(request: HttpRequest, code: int):
    _require(policies.sees_agency_monitoring(request.user))
    return get_object_or_404(selectors.commune_risks(), commune_code=code)


@login_required
def commune_risk(request: HttpRequest, code: int) -> HttpResponse:
    row = _commune(request, code)
    table, factors = factor_table("yeu-to", _("Các yếu tố của điểm rủi ro"), row.factors)
    spots = selectors.hot_spots_visible_to(request.user).filter(commune_code=code).order_by("-detected_on")[:20]
    return _render(
        request, "monitoring/risk_detail.html",
        {"title": selectors.commune_label(code), "row": row, "table": table, "factors": factors, "spots": spots,
         "export_url": "monitoring:commune_risk_export", "key": code, "page": "rui-ro"},
    )


@login_required
def commune_risk_export(request: HttpRequest, code: int, table: str) -> HttpResponse:
    row = _commune(request, code)
    return _pick({"yeu-to": factor_table("yeu-to", _("Các yếu tố của điểm rủi ro"), row.factors)[0]}, table)


def _case_risk(request: HttpRequest, code: str):
    _require(policies.can_view_dashboard(request.user))
    row = selectors.case_risk_for(request.user, code)
    if row is None:
        raise Http404
    return row


@login_required
def case_risk(request: HttpRequest, code: str) -> HttpResponse:
    row = _case_risk(request, code)
    table, factors = factor_table("yeu-to", _("Các yếu tố của điểm rủi ro"), row.factors)
    return _render(
        request, "monitoring/risk_detail.html",
        {"title": f"{row.case.code}: {row.case.title}", "row": row, "table": table, "factors": factors,
         "case": row.case, "export_url": "monitoring:case_risk_export", "key": code, "page": "rui-ro"},
    )


@login_required
def case_risk_export(request: HttpRequest, code: str, table: str) -> HttpResponse:
    row = _case_risk(request, code)
    return _pick({"yeu-to": factor_table("yeu-to", _("Các yếu tố của điểm rủi ro"), row.factors)[0]}, table)


@login_required
def forecast(request: HttpRequest) -> HttpResponse:
    _require(policies.sees_agency_monitoring(request.user))
    series = request.GET.get("chuoi", "")
    return _render(request, "monitoring/forecast.html",
                  {"p": forecast_page(series=series), "series": series, "page": "du-bao"})


@login_required
def forecast_export(request: HttpRequest, table: str) -> HttpResponse:
    _require(policies.sees_agency_monitoring(request.user))
    return _pick(forecast_page(series=request.GET.get("chuoi", "")).tables, table)


@login_required
def commune_map(request: HttpRequest) -> HttpResponse:
    _require(policies.sees_agency_monitoring(request.user))
    can_upload = policies.can_upload_map(request.user)
    form = MapUploadForm()
    if request.method == "POST":
        _require(can_upload)
        form = MapUploadForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                uploaded = services.upload_commune_map(
                    data=upload.read(), name=upload.name, code_property=form.cleaned_data["code_property"],
                    actor=request.user,
                )
            except GeoJSONError as exc:
                form.add_error("file", in_language(exc.message_vi, exc.message_en))
            else:
                messages.success(
                    request,
                    _("Đã nạp ranh giới của %(n)s xã, phường; %(m)s đối tượng không khớp.")
                    % {"n": len(uploaded.shapes), "m": len(uploaded.unmatched)},
                )
                return redirect("monitoring:risk")
    return _render(
        request, "monitoring/map.html",
        {"form": form, "can_upload": can_upload, "current": selectors.latest_map(), "page": "ban-do"},
    )


@login_required
def method(request: HttpRequest) -> HttpResponse:
    _require(policies.can_view_dashboard(request.user))
    risk_config = config.risk_config()
    factors = [
        (pick(FACTOR_LABELS[f]), risk_config.rules[f].weight, risk_config.rules[f].full_at,
         DEFAULT_RISK.rules[f].weight)
        for f in Factor
    ]
    return _render(
        request, "monitoring/method.html",
        {
            "factors": factors,
            "risk": risk_config,
            "levels": LEVEL_LABELS,
            "spike": config.spike_config(),
            "forecast": config.forecast_config(),
            "events": config.event_periods(),
            "over_level": sorted(config.over_level_channels()),
            "mass_threshold": config.mass_threshold(),
            "page": "cach-tinh",
        },
    )
