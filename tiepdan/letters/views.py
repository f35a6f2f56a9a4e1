"""Letter pages: thin — parse, call one service or selector, render. Every object is fetched through
letters_visible_to (another unit's letter is a 404); every write needs policies.can_write (else 403)."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from tiepdan.audit.selectors import READERS, access_logs_for, access_logs_visible_to
from tiepdan.audit.services import client_ip
from tiepdan.common.choices import MatterType
from tiepdan.deadlines.selectors import deadlines_for
from tiepdan.letters import attachments as files
from tiepdan.letters import exports, policies, selectors, services
from tiepdan.letters.forms import (
    AssignForm,
    ClassifyForm,
    DispositionForm,
    LetterForm,
    PartFormSet,
    RegisterFilterForm,
    ReplyForm,
    RevealForm,
    RouteForm,
    SenderFormSet,
)
from tiepdan.letters.models import OPEN_STATUSES, Attachment, Disposition, Letter, LetterStatus
from tiepdan.org.models import Domain, Staff
from tiepdan.org.selectors import active_units, has_role, staff_of, units_visible_to
from tiepdan.people.selectors import citizens_visible_to, search_citizens

DISPOSE_ACTIONS = {
    "thu-ly": "accept",
    "chuyen": "transfer",
    "huong-dan": "guide",
    "don-doc": "urge",
    "luu": "file",
}


def _letter_or_404(request: HttpRequest, code: str) -> Letter:
    letter = selectors.letter_for(request.user, code)
    if letter is None:
        raise Http404
    return letter


def _writer_or_403(request: HttpRequest) -> None:
    if not policies.can_write(request.user):
        raise PermissionDenied


def _domains():
    return Domain.objects.filter(active=True).order_by("order")


# --- the register ------------------------------------------------------------------------------


def _register_form(request: HttpRequest) -> RegisterFilterForm:
    return RegisterFilterForm(request.GET or None, domains=_domains(), units=units_visible_to(request.user))


@require_GET
@login_required
def letter_list(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    form = _register_form(request)
    page_number = _page_number(request)
    listing = selectors.register_listing(request.user, form.filters(), today=today, page=page_number)
    return render(request, "letters/letter_list.html", {
        "form": form, "rows": _register_rows(listing.rows, today), "total": listing.total, "exact": listing.exact,
        "page_number": page_number, "has_next": listing.has_next, "has_previous": page_number > 1, "today": today,
        "can_write": policies.can_write(request.user), "masked": policies.MASKED_DENOUNCER,
        "query_string": _query_without_page(request),
    })


def _register_rows(letters: list[Letter], today: date) -> list[dict]:
    """What a register row shows, as plain values: the template then only prints (a list page of 50
    rows spends more time resolving model attributes in the template than in the database)."""
    base = reverse("letters:letter_list")
    types, statuses = dict(MatterType.choices), dict(LetterStatus.choices)
    dispositions = dict(Disposition.choices)
    rows = []
    for letter in letters:
        if letter.protects_identity:
            sender, masked = policies.MASKED_DENOUNCER, True
        elif letter.is_anonymous:
            sender, masked = _("Đơn nặc danh"), True
        else:
            names = letter.sender_names
            sender = names[0] if names else ""
            if len(names) > 1:
                sender += " " + _("và %(n)s người khác") % {"n": len(names) - 1}
            masked = False
        rows.append({
            "code": letter.code, "url": f"{base}{letter.code}/", "received": f"{letter.received_on:%d/%m/%Y}",
            "sender": sender, "masked": masked, "signers": letter.signer_count,
            "summary": Truncator(letter.summary).chars(110), "type": types.get(letter.matter_type, ""),
            "domain": letter.domain.name if letter.domain_id else "",
            "status": statuses.get(letter.status, "") + (
                f" · {dispositions[letter.disposition]}" if letter.disposition in dispositions else ""),
            "due": f"{letter.due_on:%d/%m/%Y}" if letter.due_on else "",
            "overdue": bool(letter.due_on and letter.is_open and letter.due_on < today),
            "duplicate": letter.duplicate_of_id is not None, "unit": letter.unit.name,
        })
    return rows


def _page_number(request: HttpRequest) -> int:
    try:
        return max(1, min(int(request.GET.get("trang", "1")), 10_000))
    except ValueError:
        return 1


def _query_without_page(request: HttpRequest) -> str:
    params = request.GET.copy()
    params.pop("trang", None)
    return params.urlencode()


@require_GET
@login_required
def letter_export(request: HttpRequest) -> HttpResponse:
    """Exactly what the register shows for these filters, streamed (bounded memory)."""
    form = _register_form(request)
    qs = selectors.register(request.user, form.filters(), today=timezone.localdate())
    return exports.register_xlsx_response(qs)


# --- registration ------------------------------------------------------------------------------


def _sender_rows(request: HttpRequest) -> int:
    try:
        return max(1, min(int(request.GET.get("nguoi", "3")), 200))
    except ValueError:
        return 3


@login_required
def letter_register(request: HttpRequest) -> HttpResponse:
    _writer_or_403(request)
    today = timezone.localdate()
    staff = staff_of(request.user)
    # Only units the officer can see: a letter registered elsewhere would vanish from their register.
    units = active_units(today).filter(pk__in=units_visible_to(request.user).values("pk")).order_by("path")
    if request.method == "POST":
        form = LetterForm(request.POST, request.FILES, units=units, domains=_domains())
        senders = SenderFormSet(request.POST, prefix="nguoi")
        if form.is_valid() and senders.is_valid():
            try:
                letter = services.register_letter(actor=request.user, today=today, **_letter_input(form, senders,
                                                                                                   request))
            except services.LetterInputError as exc:
                _attach_errors(exc, form, senders)
            else:
                messages.success(request, _("Đã vào sổ đơn %(code)s.") % {"code": letter.code})
                return redirect(letter.get_absolute_url())
        status = 422
    else:
        form = LetterForm(initial={"received_on": today, "unit": staff.unit if staff else None, "channel": "post"},
                          units=units, domains=_domains())
        senders = SenderFormSet(prefix="nguoi", initial=[{} for _ in range(_sender_rows(request))])
        status = 200
    return render(request, "letters/letter_form.html", {"form": form, "senders": senders}, status=status)


def _letter_input(form: LetterForm, senders, request: HttpRequest) -> dict:
    d = form.cleaned_data
    return {
        "unit": d["unit"], "channel": d["channel"], "received_on": d["received_on"], "summary": d["summary"],
        "text": d["text"], "matter_type": d["matter_type"], "domain": d["domain"], "commune_code": d["commune_code"],
        "is_anonymous": d["is_anonymous"], "signer_count": d["signer_count"],
        "transferring_body": d["transferring_body"], "transfer_doc_number": d["transfer_doc_number"],
        "senders": [services.SenderInput(**{k: v if v is not None else "" for k, v in s.items()
                                            if k not in {"commune_code", "citizen_id"}},
                                         commune_code=s.get("commune_code"), citizen_id=s.get("citizen_id"))
                    for s in senders.cleaned_data if s],
        "uploads": [services.Upload(name=f.name, data=files.read_upload(f))
                    for f in request.FILES.getlist("attachments")],
    }


def _attach_errors(exc: services.LetterInputError, form, senders) -> None:
    for field, msgs in exc.errors.items():
        for message in msgs:
            if field == "senders":
                senders._non_form_errors = senders.error_class([*senders.non_form_errors(), message])
            elif field in form.fields:
                form.add_error(field, message)
            else:
                form.add_error(None, message)


@require_GET
@login_required
def citizen_lookup(request: HttpRequest) -> HttpResponse:
    """Existing citizens by ID number, phone or name, to pick as a sender (htmx partial)."""
    _writer_or_403(request)
    query = request.GET.get("q", "").strip()
    found = search_citizens(citizens_visible_to(request.user), query)[:10] if len(query) >= 3 else []
    return render(request, "letters/_citizen_lookup.html", {"citizens": found, "row": request.GET.get("row", "0")})


@require_POST
@login_required
def suggest(request: HttpRequest) -> HttpResponse:
    """Suggested type and domain, with the words behind them, and candidate duplicates, for a letter
    being typed on the registration form (htmx partial)."""
    _writer_or_403(request)
    summary, text = request.POST.get("summary", ""), request.POST.get("text", "")
    senders = []
    for i in range(200):
        prefix = f"nguoi-{i}-"
        if f"{prefix}full_name" not in request.POST:
            break
        commune = request.POST.get(f"{prefix}commune_code") or ""
        senders.append((request.POST.get(f"{prefix}id_number", ""), request.POST.get(f"{prefix}phone", ""),
                        request.POST.get(f"{prefix}full_name", ""), int(commune) if commune.isdigit() else None))
    commune = request.POST.get("commune_code", "")
    domain = request.POST.get("domain", "")
    return render(request, "letters/_suggestions.html", {
        "suggestions": selectors.suggest_for_text(f"{summary}\n{text}"),
        "candidates": selectors.duplicate_candidates(
            request.user, summary=summary, text=text, senders=senders,
            commune_code=int(commune) if commune.isdigit() else None,
            domain_id=int(domain) if domain.isdigit() else None,
        ) if summary.strip() else [],
        "masked": policies.MASKED_DENOUNCER, "domains": {d.code: d.name for d in _domains()},
    })


# --- the letter page ---------------------------------------------------------------------------


def _handlers(letter: Letter):
    users = get_user_model().objects.filter(staff__unit=letter.unit).select_related("staff").order_by(
        "staff__full_name")
    return users


def _page_forms(letter: Letter, today: date) -> dict:
    """The letter page's forms, each built only if the page shows it (most letters are disposed: none
    is), the handler list of the disposition and assignment forms (shown once per case) read by one
    query, only if one of them is rendered (a ModelChoiceField queries on every render)."""
    handlers = _handlers(letter)
    loaded: list = []

    def with_shared_handlers(form):
        field = form.fields["handler"]

        def choices() -> list:
            if not loaded:
                loaded.extend(iter(field.iterator(field)))  # iter(): list() would ask len() = a COUNT
            return loaded

        field.choices = choices
        return form

    return {
        "reveal_form": SimpleLazyObject(RevealForm),
        "reply_form": SimpleLazyObject(lambda: ReplyForm(initial={"on": today})),
        "disposition_form": SimpleLazyObject(lambda: with_shared_handlers(
            DispositionForm(initial={"on": today, "to_body": letter.competent_body}, handlers=handlers))),
        "assign_form": SimpleLazyObject(lambda: with_shared_handlers(AssignForm(handlers=handlers))),
        "route_form": SimpleLazyObject(lambda: RouteForm(initial={"unit": letter.unit_id},
                                                         units=active_units(today).order_by("path"))),
    }


def _detail_context(request: HttpRequest, letter: Letter, **extra) -> dict:
    from tiepdan.documents.selectors import documents_for

    today = timezone.localdate()
    can_write = policies.can_write(request.user)
    # Only a split letter has parts (services.split_letter sets the status with them): no query otherwise.
    # Explicit order by id: the model's default order (newest first) would make SQLite walk the whole
    # register in date order instead of using the foreign-key index.
    parts = (list(letter.parts.order_by("id").only("split_from_id", "code", "matter_type",
                                                                 "protects_identity"))
             if letter.status == LetterStatus.SPLIT else [])
    family_protected = (letter.protects_identity or any(p.protects_identity for p in parts)
                        or (letter.split_from_id is not None and letter.split_from.protects_identity))
    sees_identity = policies.can_see_identity(request.user, letter)
    context = {
        "letter": letter,
        "senders": [] if letter.protects_identity else letter.sender_links.select_related("citizen").only(
            "letter_id", "is_representative", "citizen__full_name"),
        "deadlines": deadlines_for(letter),
        "documents": documents_for(letter),
        "attachments": letter.attachments.all(),
        "cases": letter.cases.select_related("handler", "handler__staff"),
        "can_write": can_write and letter.status in OPEN_STATUSES,
        "may_write": can_write,  # also once disposed: the answer of the body the letter went to
        "can_assign": can_write,
        "sees_identity": sees_identity,
        "show_family": sees_identity or not family_protected,
        "parts": parts,
        "masked": policies.MASKED_DENOUNCER,
        "today": today,
        **_page_forms(letter, today),
        "failed_action": "",
        "duplicates_of": letter.duplicates.order_by("id").only("duplicate_of_id", "code")[:50],
    }
    if sees_identity and letter.protects_identity and has_role(request.user, *policies.IDENTITY_ROLES):
        context["access_logs"] = access_logs_for(letter)[:50]
    context.update(extra)
    return context


@require_GET
@login_required
def letter_detail(request: HttpRequest, code: str) -> HttpResponse:
    letter = _letter_or_404(request, code)
    return render(request, "letters/letter_detail.html", _detail_context(request, letter))


@require_POST
@login_required
def reveal(request: HttpRequest, code: str) -> HttpResponse:
    """Show the denouncer's identity and the original text to an allowed user; logged with its purpose."""
    letter = _letter_or_404(request, code)
    if not letter.protects_identity or not policies.can_see_identity(request.user, letter):
        raise PermissionDenied
    form = RevealForm(request.POST)
    if not form.is_valid():
        return render(request, "letters/letter_detail.html",
                      _detail_context(request, letter, reveal_form=form), status=422)
    purpose, ip = form.cleaned_data["purpose"], client_ip(request)
    identities = services.reveal_identity(letter=letter, user=request.user, purpose=purpose, ip=ip)
    summary, text = services.reveal_original(letter=letter, user=request.user, purpose=purpose, ip=ip)
    response = render(request, "letters/identity.html", {
        "letter": letter, "identities": identities, "original_summary": summary, "original_text": text,
        "purpose": purpose,
    })
    response["Cache-Control"] = "no-store"
    return response


@require_GET
@login_required
def redacted_copy(request: HttpRequest, code: str) -> HttpResponse:
    """The copy verifiers receive: the letter with the denouncer's details replaced (TC-CONFID)."""
    letter = _letter_or_404(request, code)
    body = "\n".join([
        f"{_('Đơn')} {letter.code} — {letter.get_matter_type_display()}",
        f"{_('Ngày nhận')}: {letter.received_on:%d/%m/%Y}",
        f"{_('Người gửi')}: {policies.MASKED_DENOUNCER if letter.protects_identity else _('xem hồ sơ')}",
        "",
        letter.summary,
        "",
        letter.text,
        "",
    ])
    response = HttpResponse(body, content_type="text/plain; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{letter.code}-ban-che.txt"'
    return response


@require_GET
@login_required
def attachment(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    """A scan, decrypted for a user who may see the letter; for a protected letter the scan is the
    original (it bears the denouncer's name and signature): only identity viewers, and logged."""
    letter = _letter_or_404(request, code)
    item = Attachment.objects.filter(letter=letter, pk=pk).first()
    if item is None:
        raise Http404
    if letter.protects_identity:
        if not policies.can_see_identity(request.user, letter):
            raise PermissionDenied
        from tiepdan.audit.services import log_access

        log_access(user=request.user, obj=letter, purpose=f"Tải bản gốc đơn (tệp {item.pk})", ip=client_ip(request))
    response = HttpResponse(files.decrypted(item), content_type=item.content_type)
    disposition_name = f"{letter.code}-{item.pk}.{files.EXTENSIONS[item.kind]}"
    response["Content-Disposition"] = f'attachment; filename="{disposition_name}"'
    response["Cache-Control"] = "private, no-store"
    return response


# --- classification ----------------------------------------------------------------------------


def _classify_form(letter: Letter, data=None) -> ClassifyForm:
    initial = {
        "matter_type": letter.matter_type, "domain": letter.domain, "competence": letter.competence,
        "competent_body": letter.competent_body,
        "is_eligible": {True: "yes", False: "no"}.get(letter.is_eligible, ""),
        "ineligibility_reason": letter.ineligibility_reason, "denounced_persons": letter.denounced_persons,
        "denounced_unit": letter.denounced_unit, "denounced_staff": list(letter.denounced_staff.all()),
    }
    return ClassifyForm(data, initial=initial, domains=_domains(), units=active_units(timezone.localdate()),
                        staff=Staff.objects.order_by("full_name"))


@login_required
def classify(request: HttpRequest, code: str) -> HttpResponse:
    letter = _letter_or_404(request, code)
    _writer_or_403(request)
    suggestions = selectors.suggest_for_letter(letter)
    form = _classify_form(letter, request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        status = 422
        if form.is_valid():
            d = form.cleaned_data
            classification = services.Classification(
                matter_type=d["matter_type"], domain=d["domain"], competence=d["competence"],
                competent_body=d["competent_body"], is_eligible=d["is_eligible"],
                ineligibility_reason=d["ineligibility_reason"], denounced_persons=d["denounced_persons"],
                denounced_unit=d["denounced_unit"], denounced_staff=d["denounced_staff"], multi_site=d["multi_site"],
            )
            try:
                services.classify_letter(letter=letter, actor=request.user, classification=classification,
                                         suggested_type=suggestions.type, suggested_domain=suggestions.domain,
                                         ip=client_ip(request))
            except services.LetterInputError as exc:
                for field, msgs in exc.errors.items():
                    for message in msgs:
                        form.add_error(field if field in form.fields else None, message)
            except services.LetterActionRefused as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(request, _("Đã lưu phân loại đơn."))
                return redirect(letter.get_absolute_url())
    return render(request, "letters/classify.html", {
        "letter": letter, "form": form, "suggestions": suggestions,
        "domains": {d.code: d.name for d in _domains()},
    }, status=status)


@login_required
def split(request: HttpRequest, code: str) -> HttpResponse:
    letter = _letter_or_404(request, code)
    _writer_or_403(request)
    formset = PartFormSet(request.POST if request.method == "POST" else None, prefix="phan")
    errors: list[str] = []
    if request.method == "POST" and formset.is_valid():
        parts = [services.Part(**p) for p in formset.cleaned_data if p and p.get("summary")]
        try:
            children = services.split_letter(letter=letter, parts=parts, actor=request.user,
                                             on=timezone.localdate())
        except services.LetterInputError as exc:
            errors = [m for ms in exc.errors.values() for m in ms]
        except services.LetterActionRefused as exc:
            errors = [exc.message]
        else:
            messages.success(request, _("Đã tách đơn thành %(n)s đơn: %(codes)s.") % {
                "n": len(children), "codes": ", ".join(c.code for c in children)})
            return redirect(letter.get_absolute_url())
    return render(request, "letters/split.html", {"letter": letter, "formset": formset, "errors": errors},
                  status=422 if request.method == "POST" else 200)


# --- duplicates --------------------------------------------------------------------------------


@login_required
def duplicates(request: HttpRequest, code: str) -> HttpResponse:
    """Candidate duplicates of a registered letter, and linking it to one of them (one matter)."""
    letter = _letter_or_404(request, code)
    if request.method == "POST":
        _writer_or_403(request)
        if request.POST.get("bo-trung"):
            services.unlink_duplicate(letter=letter, actor=request.user)
            messages.success(request, _("Đã bỏ đánh dấu đơn trùng."))
            return redirect(letter.get_absolute_url())
        original = selectors.letter_for(request.user, request.POST.get("goc", ""))
        if original is None:
            raise Http404
        try:
            services.link_duplicate(letter=letter, original=original, actor=request.user)
        except services.LetterActionRefused as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("Đã đánh dấu đơn %(a)s trùng với vụ việc của đơn %(b)s.") % {
                "a": letter.code, "b": original.code})
        return redirect(letter.get_absolute_url())
    senders = selectors.plain_senders_of(letter)
    if letter.protects_identity and policies.can_see_identity(request.user, letter):
        identities = services.reveal_identity(letter=letter, user=request.user,
                                              purpose="Tìm đơn trùng theo người gửi", ip=client_ip(request))
        senders = [(i.id_number, i.phone, i.full_name, i.commune_code) for i in identities]
    candidates = selectors.duplicate_candidates(
        request.user, summary=letter.summary, text=letter.text, senders=senders, commune_code=letter.commune_code,
        domain_id=letter.domain_id, exclude_id=letter.pk,
    )
    return render(request, "letters/duplicates.html", {
        "letter": letter, "candidates": candidates, "masked": policies.MASKED_DENOUNCER,
        "can_write": policies.can_write(request.user),
    })


# --- disposition -------------------------------------------------------------------------------


@require_POST
@login_required
def dispose(request: HttpRequest, code: str, action: str) -> HttpResponse:
    letter = _letter_or_404(request, code)
    _writer_or_403(request)
    if action not in DISPOSE_ACTIONS:
        raise Http404
    today = timezone.localdate()
    form = DispositionForm(request.POST, handlers=_handlers(letter))
    if form.is_valid():
        d = form.cleaned_data
        try:
            outcome = _dispose(DISPOSE_ACTIONS[action], letter, request.user, d, today)
        except services.LetterActionRefused as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Đã xử lý đơn; văn bản %(n)s đã được lập.") % {
                "n": getattr(outcome.document, "number_text", "") or getattr(outcome.document, "title", "")})
            if outcome.case is not None:
                return redirect(letter.get_absolute_url() + "#vu-viec")
            return redirect(letter.get_absolute_url())
    letter.refresh_from_db()
    return render(request, "letters/letter_detail.html",
                  _detail_context(request, letter, disposition_form=form, failed_action=action), status=422)


def _dispose(action: str, letter: Letter, actor, d: dict, today: date):
    common = {"letter": letter, "actor": actor, "on": d["on"], "today": today}
    if action == "accept":
        return services.accept_letter(**common, track=d["track"], handler=d["handler"])
    if action == "transfer":
        return services.transfer_letter(**common, to_body=d["to_body"], note=d["note"])
    if action == "guide":
        return services.guide_letter(**common, to_body=d["to_body"], note=d["note"])
    if action == "urge":
        return services.urge_letter(**common, subordinate=d["subordinate"], reply_by=d["reply_by"], note=d["note"])
    return services.file_letter(**common, reason=d["reason"], note=d["note"])


@require_POST
@login_required
def assign(request: HttpRequest, code: str, case_code: str) -> HttpResponse:
    """Assign the handler of a case opened from this letter, through the conflict-of-interest guard."""
    letter = _letter_or_404(request, code)
    _writer_or_403(request)
    case = letter.cases.filter(code=case_code).first()
    if case is None:
        raise Http404
    form = AssignForm(request.POST, handlers=_handlers(letter))
    if form.is_valid():
        try:
            services.assign_case_handler(case=case, handler=form.cleaned_data["handler"], actor=request.user)
        except services.LetterActionRefused as exc:
            form.add_error("handler", exc.message)
        else:
            messages.success(request, _("Đã giao người giải quyết."))
            return redirect(letter.get_absolute_url())
    return render(request, "letters/letter_detail.html", _detail_context(request, letter, assign_form=form),
                  status=422)


@require_POST
@login_required
def record_reply(request: HttpRequest, code: str) -> HttpResponse:
    """The answer of the body a letter was transferred to (or of the subordinate urged), dated: reports of
    a period ending before that day do not count it."""
    letter = _letter_or_404(request, code)
    _writer_or_403(request)
    form = ReplyForm(request.POST)
    if form.is_valid():
        try:
            services.record_reply(letter=letter, actor=request.user, on=form.cleaned_data["on"],
                                  today=timezone.localdate())
        except services.LetterActionRefused as exc:
            if letter.disposition in (Disposition.TRANSFER, Disposition.URGE):
                form.add_error("on", exc.message)
            else:  # the page shows no reply form for this letter: say it at the top
                messages.error(request, exc.message)
        else:
            messages.success(request, _("Đã ghi nhận văn bản trả lời."))
            return redirect(letter.get_absolute_url())
    return render(request, "letters/letter_detail.html", _detail_context(request, letter, reply_form=form),
                  status=422)


@require_POST
@login_required
def route(request: HttpRequest, code: str) -> HttpResponse:
    """Give the letter to the unit that will handle it."""
    letter = _letter_or_404(request, code)
    _writer_or_403(request)
    form = RouteForm(request.POST, units=active_units(timezone.localdate()))
    if form.is_valid():
        try:
            services.route_letter(letter=letter, unit=form.cleaned_data["unit"], actor=request.user)
        except services.LetterActionRefused as exc:
            form.add_error("unit", exc.message)
        else:
            messages.success(request, _("Đã giao đơn %(code)s cho %(unit)s.") % {
                "code": letter.code, "unit": form.cleaned_data["unit"].name})
            if selectors.letter_for(request.user, letter.code) is None:
                return redirect("letters:letter_list")
            return redirect(letter.get_absolute_url())
    return render(request, "letters/letter_detail.html", _detail_context(request, letter, route_form=form),
                  status=422)


@require_GET
@login_required
def access_log(request: HttpRequest) -> HttpResponse:
    """Who saw which denouncer's identity, when, why and from where (leadership, inspection, auditors)."""
    if not has_role(request.user, *READERS):
        raise PermissionDenied
    return render(request, "letters/access_log.html", {"logs": access_logs_visible_to(request.user)[:500]})
