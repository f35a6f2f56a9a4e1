from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from tiepdan.cases import services
from tiepdan.cases import workflow as wf
from tiepdan.cases.forms import ActionForm, ResultCorrectionForm, SatisfactionForm
from tiepdan.cases.models import SettlementResultRevision
from tiepdan.cases.selectors import cases_visible_to, result_revisions
from tiepdan.cases.workflow import results as wr
from tiepdan.deadlines.selectors import deadlines_for
from tiepdan.letters.selectors import letters_visible_to
from tiepdan.org.selectors import is_read_only


@login_required
def case_list(request: HttpRequest) -> HttpResponse:
    qs = cases_visible_to(request.user)
    track = request.GET.get("loai", "")
    if track in wf.Track.__members__.values():
        qs = qs.filter(track=track)
    if request.GET.get("dang-mo"):
        qs = qs.filter(closed_on__isnull=True)
    page = Paginator(qs, 50).get_page(request.GET.get("trang"))
    return render(
        request,
        "cases/case_list.html",
        {"page": page, "tracks": list(wf.Track), "loai": track, "today": timezone.localdate()},
    )


def _detail_context(request, case, form=None, failed_action="", satisfaction_form=None, correction_form=None):
    today = timezone.localdate()
    read_only = is_read_only(request.user)
    actions = [] if read_only else services.actions_for(request.user, case)
    en = translation.get_language() == "en"
    may_record = (
        not read_only
        and wf.Status(case.status) in wr.RESULT_NOTIFIED
        and services.may_record_satisfaction(request.user)
    )
    steps = list(case.steps.select_related("actor", "actor__staff", "result"))
    # The result the reports count: that of the first deciding step (selectors.settlement_result_of).
    result = next((s.result for s in steps if hasattr(s, "result") and s.action == wr.result_action(case.track)), None)
    may_correct = result is not None and services.may_correct_result(request.user, case)
    return {
        "case": case,
        "steps": [(step, _result_text(case.track, getattr(step, "result", None), en)) for step in steps],
        "result": result,
        "result_text": _result_text(case.track, result, en),
        "result_revisions": _revisions(case.track, result, en),
        "correction_form": (
            correction_form or ResultCorrectionForm(track=case.track, initial=ResultCorrectionForm.initial_for(result))
        ) if may_correct else None,
        "deadlines": deadlines_for(case),
        "actions": actions,
        "form": form or ActionForm(today=today, track=case.track, initial={"on": today}),
        "failed_action": failed_action,
        # The documents ticked in the refused form, ticked again (a QueryDict's attribute gives only the last).
        "posted_documents": request.POST.getlist("documents") if failed_action else [],
        "result_action": wr.result_action(case.track) or "",
        "today": today,
        "suspensions": case.suspensions.all(),
        "satisfaction_records": [
            (r, wr.SATISFACTION_LABELS[wr.Satisfaction(r.level)][1 if en else 0])
            for r in case.satisfaction_records.select_related("recorded_by", "recorded_by__staff")
        ],
        "satisfaction_form": (
            (satisfaction_form or SatisfactionForm(today=today, initial={"on": today})) if may_record else None
        ),
    }


@login_required
def case_detail(request: HttpRequest, code: str) -> HttpResponse:
    case = get_object_or_404(cases_visible_to(request.user), code=code)
    return render(request, "cases/case_detail.html", _detail_context(request, case))


@login_required
def case_act(request: HttpRequest, code: str) -> HttpResponse:
    case = get_object_or_404(cases_visible_to(request.user), code=code)
    if request.method != "POST" or is_read_only(request.user):
        raise PermissionDenied
    form = ActionForm(request.POST, today=timezone.localdate(), track=case.track)
    if form.is_valid():
        d = form.cleaned_data
        data = services.ActionInput(
            documents=frozenset(d["documents"]),
            criteria=frozenset(d["criteria"]),
            withdrawal_exceptions=frozenset(d["withdrawal_exceptions"]),
            dialogue_notice_days=d["dialogue_notice_days"],
            document_number=d["document_number"],
            document_title=d["document_title"],
            note=d["note"],
            outcome=d["outcome"] if form.records_result() else "",
            amounts=form.result_amounts() if form.records_result() else {},
        )
        try:
            services.act(case=case, action=d["action"], actor=request.user, on=d["on"], data=data)
        except services.CaseActionRefused as exc:
            _refused(form, exc)
        else:
            messages.success(
                request, _("Đã ghi nhận: %(a)s.") % {"a": wf.ACTION_LABELS[wf.Action(d["action"])][0]}
            )
            return redirect("cases:case_detail", code=case.code)
    context = _detail_context(request, case, form=form, failed_action=request.POST.get("action", ""))
    return render(request, "cases/case_detail.html", context, status=422)


def _result_text(track: str, result, en: bool) -> str:
    if result is None:
        return ""
    amounts = {key: getattr(result, key) for key in wr.AMOUNT_KEYS}
    return wr.result_summary(track, result.outcome, amounts, english=en)


def _revisions(track: str, result, en: bool) -> list[tuple[SettlementResultRevision, str, str]]:
    """The corrections of the result, oldest first, each with the result before and after it (one query)."""
    revisions = list(result_revisions(result)) if result is not None else []
    if not revisions:
        return []
    afterwards = [*revisions[1:], result]  # a revision keeps the values it replaced; the next one, what followed
    return [
        (revision, _result_text(track, revision, en), _result_text(track, after, en))
        for revision, after in zip(revisions, afterwards, strict=True)
    ]


def _message(exc: services.CaseActionRefused) -> str:
    return exc.message_en if translation.get_language() == "en" and exc.message_en else exc.message_vi


def _refused(form, exc: services.CaseActionRefused) -> None:
    """The service's reason on the form: a result's problems on their fields, anything else on top."""
    if not exc.errors:
        form.add_error(None, _message(exc))
        return
    en = translation.get_language() == "en"
    for error in exc.errors:
        field = error.field if error.field in form.fields else None
        form.add_error(field, error.message_en if en else error.message_vi)


@login_required
def case_satisfaction(request: HttpRequest, code: str) -> HttpResponse:
    case = get_object_or_404(cases_visible_to(request.user), code=code)
    if request.method != "POST" or is_read_only(request.user) or not services.may_record_satisfaction(request.user):
        raise PermissionDenied
    form = SatisfactionForm(request.POST, today=timezone.localdate())
    if form.is_valid():
        d = form.cleaned_data
        try:
            services.record_satisfaction(case=case, actor=request.user, level=d["level"], on=d["on"], note=d["note"])
        except services.CaseActionRefused as exc:
            form.add_error(None, _message(exc))
        else:
            messages.success(request, _("Đã ghi nhận ý kiến của công dân về kết quả giải quyết."))
            return redirect("cases:case_detail", code=case.code)
    context = _detail_context(request, case, satisfaction_form=form)
    if context["satisfaction_form"] is None:  # the case is not at a stage where it can be recorded
        context["satisfaction_form"] = form
    return render(request, "cases/case_detail.html", context, status=422)


@login_required
def case_result_correct(request: HttpRequest, code: str) -> HttpResponse:
    """Correct the recorded result of the case (services.correct_result), with the reason."""
    case = get_object_or_404(cases_visible_to(request.user), code=code)
    if request.method != "POST" or not services.may_correct_result(request.user, case):
        raise PermissionDenied
    form = ResultCorrectionForm(request.POST, track=case.track)
    if form.is_valid():
        d = form.cleaned_data
        try:
            services.correct_result(
                case=case, actor=request.user, outcome=d["outcome"], amounts=form.result_amounts(), reason=d["reason"]
            )
        except services.CaseActionRefused as exc:
            _refused(form, exc)
        else:
            messages.success(request, _("Đã điều chỉnh kết quả giải quyết."))
            return redirect("cases:case_detail", code=case.code)
    context = _detail_context(request, case, correction_form=form)
    if context["correction_form"] is None:  # no result to correct: the refusal is shown on the form
        context["correction_form"] = form
    return render(request, "cases/case_detail.html", context, status=422)


@login_required
def open_from_letter(request: HttpRequest, code: str) -> HttpResponse:
    """Open the case of a letter through the letters' acceptance (letters.services.accept_letter): the
    letter must be classified, within competence and eligible, a handler with a conflict of interest is
    refused (TC-CONFID), and the acceptance notice is issued. The handler is the one chosen, else the user."""
    from django.contrib.auth import get_user_model

    from tiepdan.letters import policies as letter_policies
    from tiepdan.letters import services as letter_services

    letter = get_object_or_404(letters_visible_to(request.user), code=code)
    if request.method != "POST" or not letter_policies.can_write(request.user):
        raise PermissionDenied
    track = request.POST.get("track", "")
    if track not in wf.Track.__members__.values():
        messages.error(request, _("Chưa chọn loại vụ việc."))
        return redirect("letters:letter_detail", code=letter.code)
    handler = request.user
    chosen = request.POST.get("handler", "")
    if chosen:
        # The same choice as on the letter page: a member of the unit handling the letter.
        handler = get_user_model().objects.filter(pk=int(chosen) if chosen.isdigit() else None,
                                                  staff__unit=letter.unit).first()
        if handler is None:
            messages.error(request, _("Người được giao giải quyết phải là cán bộ của đơn vị xử lý đơn."))
            return redirect("letters:letter_detail", code=letter.code)
    today = timezone.localdate()
    try:
        outcome = letter_services.accept_letter(letter=letter, actor=request.user, on=today, today=today,
                                                track=track, handler=handler)
    except letter_services.LetterActionRefused as exc:
        messages.error(request, exc.message)
        return redirect("letters:letter_detail", code=letter.code)
    messages.success(request, _("Đã thụ lý đơn; văn bản %(n)s đã được lập.") % {
        "n": getattr(outcome.document, "number_text", "") or getattr(outcome.document, "title", "")})
    return redirect("cases:case_detail", code=outcome.case.code)
