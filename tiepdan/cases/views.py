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
from tiepdan.cases.forms import ActionForm
from tiepdan.cases.selectors import cases_visible_to
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


def _detail_context(request, case, form=None, failed_action=""):
    today = timezone.localdate()
    actions = [] if is_read_only(request.user) else services.actions_for(request.user, case)
    return {
        "case": case,
        "steps": case.steps.select_related("actor", "actor__staff"),
        "deadlines": deadlines_for(case),
        "actions": actions,
        "form": form or ActionForm(today=today, initial={"on": today}),
        "failed_action": failed_action,
        "today": today,
        "suspensions": case.suspensions.all(),
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
    form = ActionForm(request.POST, today=timezone.localdate())
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
        )
        try:
            services.act(case=case, action=d["action"], actor=request.user, on=d["on"], data=data)
        except services.CaseActionRefused as exc:
            reason = (
                exc.message_en if translation.get_language() == "en" and exc.message_en else exc.message_vi
            )
            form.add_error(None, reason)
        else:
            messages.success(
                request, _("Đã ghi nhận: %(a)s.") % {"a": wf.ACTION_LABELS[wf.Action(d["action"])][0]}
            )
            return redirect("cases:case_detail", code=case.code)
    context = _detail_context(request, case, form=form, failed_action=request.POST.get("action", ""))
    return render(request, "cases/case_detail.html", context, status=422)


@login_required
def open_from_letter(request: HttpRequest, code: str) -> HttpResponse:
    letter = get_object_or_404(letters_visible_to(request.user), code=code)
    if request.method != "POST" or is_read_only(request.user):
        raise PermissionDenied
    track = request.POST.get("track", "")
    if track not in wf.Track.__members__.values():
        messages.error(request, _("Chưa chọn loại vụ việc."))
        return redirect("letters:letter_detail", code=letter.code)
    case = services.open_case(letter=letter, track=track, actor=request.user, handler=request.user)
    return redirect("cases:case_detail", code=case.code)
