"""Writes of the reports app: reports and their workflow, unit parts, versions, and the inspection records
of unit heads' responsibility. Keyword-only arguments; the caller passes the date (`on`) read once at the
edge. `reports` writes only its own tables (and the documents register through documents.services).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from tiepdan.org.models import Staff, Unit
from tiepdan.org.selectors import advisory_unit, current_agency, roles_of
from tiepdan.reports import narrative as nv
from tiepdan.reports import selectors
from tiepdan.reports import workflow as wf
from tiepdan.reports.forms import slug
from tiepdan.reports.models import (
    AccountabilityCheck,
    CheckFinding,
    CheckMeasure,
    CheckStatus,
    ContributionStatus,
    MeasureStatus,
    Report,
    ReportContribution,
    ReportEvent,
    ReportFile,
    ReportVersion,
)
from tiepdan.reports.periods import Period, make_period


class ReportRefused(Exception):
    def __init__(self, message_vi: str, message_en: str = ""):
        super().__init__(message_vi)
        self.message_vi = message_vi
        self.message_en = message_en


def _roles(user) -> set[str]:
    return {r.value for r in roles_of(user)}


def default_title(period: Period) -> str:
    labels = {
        "Q1": f"quý I năm {period.year}",
        "Q2": f"quý II năm {period.year}",
        "Q3": f"quý III năm {period.year}",
        "Q4": f"quý IV năm {period.year}",
        "6M": f"6 tháng đầu năm {period.year}",
        "9M": f"9 tháng năm {period.year}",
        "Y": f"năm {period.year}",
        "month": f"tháng {period.month}/{period.year}",
    }
    span = labels.get(period.kind.value, f"từ ngày {period.start:%d/%m/%Y} đến ngày {period.end:%d/%m/%Y}")
    return f"Kết quả công tác tiếp công dân, xử lý đơn, giải quyết khiếu nại, tố cáo {span}"


def period_phrase(report: Report) -> str:
    """"6 tháng đầu năm 2026 (số liệu từ 15/12/2025 đến 14/06/2026)" for the narrative's sentences."""
    head = report.title.removeprefix("Kết quả công tác tiếp công dân, xử lý đơn, giải quyết khiếu nại, tố cáo ")
    return f"{head} (số liệu từ ngày {report.period_start:%d/%m/%Y} đến ngày {report.period_end:%d/%m/%Y})"


@transaction.atomic
def create_report(
    *, actor, kind: str, year: int | None = None, month: int | None = None, day: date | None = None,
    start: date | None = None, end: date | None = None, title: str = "", event_period: str = "",
) -> Report:
    """A new report for a period (cut-offs from tiepdan.legal.reporting), owned by the advisory unit."""
    if wf.INSPECTION not in _roles(actor):
        raise ReportRefused(
            "Chỉ đơn vị thanh tra, tham mưu được lập báo cáo.", "Only the inspection unit creates reports."
        )
    period = make_period(kind, year=year, month=month, day=day, start=start, end=end)
    unit = advisory_unit(period.end) or getattr(getattr(actor, "staff", None), "unit", None)
    if unit is None:
        raise ReportRefused("Chưa xác định được đơn vị tham mưu tổng hợp.", "No advisory unit is configured.")
    report = Report.objects.create(
        kind=period.kind.value, year=period.year, month=period.month, period_start=period.start,
        period_end=period.end, title=title.strip() or default_title(period), event_period=event_period.strip(),
        unit=unit, addressees="\n".join(nv.DEFAULT_ADDRESSEES), recipients="\n".join(nv.DEFAULT_RECIPIENTS),
        created_by=actor,
    )
    ReportEvent.objects.create(report=report, action="create", to_status=report.status, actor=actor)
    return report


@transaction.atomic
def save_contribution(
    *, report: Report, unit: Unit, actor, results: str = "", notable: str = "", difficulties: str = "",
    proposals: str = "", submit: bool = False,
) -> ReportContribution:
    """A unit's part of the report, editable until the report goes to the leadership."""
    report = Report.objects.select_for_update().get(pk=report.pk)
    if report.status_enum not in wf.CONTRIBUTABLE:
        raise ReportRefused(
            "Báo cáo đã trình Lãnh đạo sở, không sửa được phần của đơn vị.",
            "The report has gone to the leadership; unit parts are closed.",
        )
    contribution, _ = ReportContribution.objects.get_or_create(report=report, unit=unit, defaults={"author": actor})
    contribution.results, contribution.notable = results.strip(), notable.strip()
    contribution.difficulties, contribution.proposals = difficulties.strip(), proposals.strip()
    contribution.author = actor
    if submit:
        contribution.status = ContributionStatus.SUBMITTED
        contribution.submitted_at = timezone.now()
    contribution.save()
    return contribution


@transaction.atomic
def update_narrative(*, report: Report, actor, sections: dict[str, str], addressees: str | None = None,
                     recipients: str | None = None) -> Report:
    """Edit the narrative before approval (figures are never typed: only the written sections change)."""
    report = Report.objects.select_for_update().get(pk=report.pk)
    if wf.INSPECTION not in _roles(actor):
        raise ReportRefused("Chỉ đơn vị thanh tra, tham mưu được sửa dự thảo.", "Only the inspection unit edits.")
    if not report.is_editable:
        raise ReportRefused(
            "Báo cáo đã trình hoặc đã phê duyệt, không sửa được nội dung.", "The report can no longer be edited."
        )
    allowed = {key for key, _ in nv.EDITABLE_SECTIONS}
    report.narrative = {**report.narrative, **{k: v.strip() for k, v in sections.items() if k in allowed}}
    if addressees is not None:
        report.addressees = addressees.strip()
    if recipients is not None:
        report.recipients = recipients.strip()
    report.save(update_fields=["narrative", "addressees", "recipients", "updated_at"])
    ReportEvent.objects.create(report=report, action="edit", from_status=report.status, to_status=report.status,
                               actor=actor)
    return report


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _signer(approver=None) -> tuple[str, str, str]:
    """(title, name, authority): the approver signs; a deputy signs "KT. GIÁM ĐỐC" (ND30 cell 7a)."""
    staff = None
    if approver is not None:
        staff = Staff.objects.select_related("position").filter(user=approver).first()
    if staff is None or staff.position is None or not staff.position.signing_title:
        staff = (
            Staff.objects.select_related("position")
            .filter(position__is_head=True, position__reception_rule__startswith="TCD-HEAD", unit__kind="leadership")
            .order_by("id").first()
        )
    if staff is None or staff.position is None:
        return "GIÁM ĐỐC", "", ""
    title = staff.position.signing_title or staff.position.name.upper()
    authority = "" if staff.position.is_head else "KT. GIÁM ĐỐC"
    return title, staff.full_name, authority


def document_input(report: Report, *, approver=None, number: int | None = None, issued_on: date | None = None
                   ) -> nv.DocumentInput:
    title, name, authority = _signer(approver)
    return nv.DocumentInput(
        agency=current_agency(), title=report.title, period_label=period_phrase(report),
        drafting_unit_abbreviation=report.unit.abbreviation, signer_title=title, signer_name=name,
        signer_authority=authority, addressees=_lines(report.addressees) or nv.DEFAULT_ADDRESSEES,
        recipients=_lines(report.recipients) or nv.DEFAULT_RECIPIENTS, number=number, issued_on=issued_on,
    )


def _render_version_docx(report: Report, figures: dict, narrative: dict, facts: dict, **kw) -> bytes | None:
    try:
        return nv.render(document_input(report, **kw), selectors.tables_of(figures), narrative, facts)
    except ImportError:  # the documents app is not installed yet: keep the figures, render later
        return None


def _new_version(report: Report, actor, *, figures: dict, facts: dict, narrative: dict, docx: bytes | None,
                 is_final: bool = False) -> ReportVersion:
    last = report.versions.aggregate(n=Max("number"))["n"] or 0
    return ReportVersion.objects.create(
        report=report, number=last + 1, is_final=is_final, cutoff=report.period_end, figures=figures, facts=facts,
        narrative=narrative, docx=docx, sha256=hashlib.sha256(docx).hexdigest() if docx else "", created_by=actor,
    )


def _move(report: Report, action: str, actor, *, note: str = "", version: ReportVersion | None = None) -> wf.Transition:
    transition = wf.transition_for(report.status, action, _roles(actor))
    before = report.status
    report.status = transition.target.value
    ReportEvent.objects.create(report=report, action=action, from_status=before, to_status=report.status,
                               actor=actor, note=note, version=version)
    return transition


@transaction.atomic
def compile_report(*, report: Report, actor) -> ReportVersion:
    """Compute every form as of the cut-off, seed the narrative from the units' parts, keep a new version."""
    report = Report.objects.select_for_update().get(pk=report.pk)
    wf.transition_for(report.status, wf.Action.COMPILE, _roles(actor))
    if not any((report.narrative or {}).values()):
        parts = [
            {"unit": c.unit.name, "notable": c.notable, "difficulties": c.difficulties, "proposals": c.proposals}
            for c in report.contributions.select_related("unit")
        ]
        report.narrative = nv.default_narrative(parts)
    figures = selectors.figures_of(selectors.compute_forms(report.period_start, report.period_end))
    facts = selectors.notable_facts(report.period_start, report.period_end)
    docx = _render_version_docx(report, figures, report.narrative, facts)
    version = _new_version(report, actor, figures=figures, facts=facts, narrative=dict(report.narrative), docx=docx)
    _move(report, wf.Action.COMPILE, actor, version=version)
    report.save(update_fields=["status", "narrative", "updated_at"])
    return version


def latest_version(report: Report) -> ReportVersion | None:
    return report.versions.order_by("-number").first()


@transaction.atomic
def submit_report(*, report: Report, actor, note: str = "") -> Report:
    report = Report.objects.select_for_update().get(pk=report.pk)
    version = latest_version(report)
    if version is None or version.narrative != report.narrative:
        raise ReportRefused(
            "Hãy tổng hợp lại để có phiên bản mới nhất trước khi trình.",
            "Compile again so the latest text is in a version before submitting.",
        )
    _move(report, wf.Action.SUBMIT, actor, note=note, version=version)
    report.save(update_fields=["status", "updated_at"])
    return report


@transaction.atomic
def approve_report(*, report: Report, actor, note: str = "") -> Report:
    report = Report.objects.select_for_update().get(pk=report.pk)
    version = latest_version(report)
    _move(report, wf.Action.APPROVE, actor, note=note, version=version)
    report.approved_version = version
    report.approved_by = actor
    report.approved_at = timezone.now()
    report.save(update_fields=["status", "approved_version", "approved_by", "approved_at", "updated_at"])
    return report


@transaction.atomic
def return_report(*, report: Report, actor, note: str) -> Report:
    report = Report.objects.select_for_update().get(pk=report.pk)
    if not note.strip():
        raise ReportRefused("Hãy ghi lý do trả lại.", "Give the reason for returning the report.")
    _move(report, wf.Action.RETURN, actor, note=note.strip(), version=latest_version(report))
    report.save(update_fields=["status", "updated_at"])
    return report


@transaction.atomic
def send_report(*, report: Report, actor, on: date) -> ReportVersion:
    """Number the approved report in the agency's register, issue it and freeze the final version.

    The final version holds the approved version's figures and text (never recomputed), the numbered .docx
    issued by the documents app, and each form's .xlsx.
    """
    from tiepdan.documents.services import issue_document

    report = Report.objects.select_for_update().get(pk=report.pk)
    wf.transition_for(report.status, wf.Action.SEND, _roles(actor))
    approved = report.approved_version
    if approved is None:  # pragma: no cover - approval always sets it
        raise ReportRefused("Báo cáo chưa có phiên bản được phê duyệt.", "No approved version.")
    doc = nv.admin_document(
        document_input(report, approver=report.approved_by, issued_on=on),
        selectors.tables_of(approved.figures), approved.narrative, approved.facts,
    )
    issued = issue_document(subject=report, unit=report.unit, doc=doc, actor=actor, numbered=True, title=report.title)
    with issued.file.open("rb") as stream:
        docx = stream.read()
    final = _new_version(report, actor, figures=approved.figures, facts=approved.facts, narrative=approved.narrative,
                         docx=docx, is_final=True)
    agency = current_agency()
    for table in selectors.tables_of(approved.figures).values():
        data = nv.form_xlsx(table, agency_name=getattr(agency, "name", ""))
        ReportFile.objects.create(version=final, name=f"Bieu-{slug(table.code)}.xlsx", form_code=table.code, data=data,
                                  sha256=hashlib.sha256(data).hexdigest())
    report.number, report.number_text = issued.number, issued.number_text
    report.sent_on, report.issued_document_code = issued.issued_on, issued.code
    _move(report, wf.Action.SEND, actor, version=final)
    report.save(update_fields=["status", "number", "number_text", "sent_on", "issued_document_code", "updated_at"])
    return final


@dataclass(frozen=True)
class Regeneration:
    version: ReportVersion
    differences: list[selectors.Difference]

    @property
    def same(self) -> bool:
        return not self.differences


def regenerate(*, report: Report, version: ReportVersion | None = None) -> Regeneration:
    """Recompute the forms from the data as of the cut-off and compare with a kept version (a read)."""
    version = version or report.approved_version or latest_version(report)
    if version is None:
        raise ReportRefused("Báo cáo chưa có phiên bản nào để đối chiếu.", "No version to compare with.")
    computed = selectors.figures_of(selectors.compute_forms(report.period_start, version.cutoff))
    return Regeneration(version, selectors.compare_figures(version.figures, computed))


# ---------------------------------------------------------------------------------------------
# Inspection of unit heads' responsibility


def _require_inspection(actor) -> None:
    if wf.INSPECTION not in _roles(actor):
        raise ReportRefused(
            "Chỉ đơn vị thanh tra, tham mưu được ghi nhận kiểm tra trách nhiệm thủ trưởng.",
            "Only the inspection unit records accountability checks.",
        )


@transaction.atomic
def open_check(*, actor, unit: Unit, period_start: date, period_end: date, checked_on: date,
               decision_number: str = "") -> AccountabilityCheck:
    _require_inspection(actor)
    if period_end < period_start:
        raise ReportRefused("Thời kỳ kiểm tra không hợp lệ (ngày kết thúc trước ngày bắt đầu).", "Invalid period.")
    head = Staff.objects.filter(unit=unit, position__is_head=True).order_by("id").first()
    return AccountabilityCheck.objects.create(
        unit=unit, head=head, period_start=period_start, period_end=period_end, checked_on=checked_on,
        decision_number=decision_number.strip(), created_by=actor,
    )


@transaction.atomic
def add_finding(*, check: AccountabilityCheck, actor, kind: str, text: str) -> CheckFinding:
    _require_inspection(actor)
    if check.status == CheckStatus.CLOSED:
        raise ReportRefused("Cuộc kiểm tra đã kết thúc.", "The check is closed.")
    if not text.strip():
        raise ReportRefused("Nội dung phát hiện không được để trống.", "The finding is empty.")
    return CheckFinding.objects.create(check_record=check, kind=kind, text=text.strip())


@transaction.atomic
def add_measure(*, check: AccountabilityCheck, actor, recommendation: str, owner: Unit, due_on: date,
                finding: CheckFinding | None = None) -> CheckMeasure:
    _require_inspection(actor)
    if check.status == CheckStatus.CLOSED:
        raise ReportRefused("Cuộc kiểm tra đã kết thúc.", "The check is closed.")
    if finding is not None and finding.check_record_id != check.pk:
        raise ReportRefused("Phát hiện không thuộc cuộc kiểm tra này.", "The finding belongs to another check.")
    return CheckMeasure.objects.create(check_record=check, finding=finding, recommendation=recommendation.strip(),
                                       owner=owner, due_on=due_on, updated_by=actor)


@transaction.atomic
def conclude_check(*, check: AccountabilityCheck, actor, conclusion: str, on: date) -> AccountabilityCheck:
    _require_inspection(actor)
    check = AccountabilityCheck.objects.select_for_update().get(pk=check.pk)
    if check.status != CheckStatus.OPEN:
        raise ReportRefused("Cuộc kiểm tra đã có kết luận.", "The check is already concluded.")
    if not conclusion.strip():
        raise ReportRefused("Hãy ghi kết luận kiểm tra.", "Write the conclusion.")
    check.conclusion, check.concluded_on, check.status = conclusion.strip(), on, CheckStatus.CONCLUDED
    check.save(update_fields=["conclusion", "concluded_on", "status"])
    _close_if_done(check, on)
    return check


def _close_if_done(check: AccountabilityCheck, on: date) -> None:
    if check.status == CheckStatus.CONCLUDED and not check.measures.exclude(status=MeasureStatus.DONE).exists():
        check.status, check.closed_on = CheckStatus.CLOSED, on
        check.save(update_fields=["status", "closed_on"])


@transaction.atomic
def complete_measure(*, measure: CheckMeasure, actor, on: date, result: str) -> CheckMeasure:
    """The owner unit (its head) or the inspection unit records the measure done; the check closes when all are."""
    roles = _roles(actor)
    staff = getattr(actor, "staff", None)
    owns = staff is not None and staff.unit_id == measure.owner_id and "unit_head" in roles
    if not (owns or wf.INSPECTION in roles):
        raise ReportRefused("Bạn không phải đơn vị thực hiện biện pháp này.", "You do not own this measure.")
    measure = CheckMeasure.objects.select_for_update().get(pk=measure.pk)
    if measure.status == MeasureStatus.DONE:
        raise ReportRefused("Biện pháp đã được ghi nhận hoàn thành.", "Already done.")
    if not result.strip():
        raise ReportRefused("Hãy ghi kết quả thực hiện.", "Write the result.")
    measure.status, measure.done_on, measure.result, measure.updated_by = MeasureStatus.DONE, on, result.strip(), actor
    measure.save(update_fields=["status", "done_on", "result", "updated_by", "updated_at"])
    _close_if_done(measure.check_record, on)
    return measure
