from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from tiepdan.cases.workflow import Track

from tiepdan.common.choices import MatterType
from tiepdan.deadlines.selectors import deadlines_for
from tiepdan.letters.models import LetterStatus
from tiepdan.letters.selectors import letters_visible_to
from tiepdan.org.selectors import is_read_only


@login_required
def letter_list(request: HttpRequest) -> HttpResponse:
    qs = letters_visible_to(request.user)
    matter_type = request.GET.get("loai", "")
    if matter_type in MatterType.values:
        qs = qs.filter(matter_type=matter_type)
    status = request.GET.get("trang-thai", "")
    if status in LetterStatus.values:
        qs = qs.filter(status=status)
    page = Paginator(qs, 50).get_page(request.GET.get("trang"))
    return render(
        request,
        "letters/letter_list.html",
        {"page": page, "types": MatterType.choices, "statuses": LetterStatus.choices, "loai": matter_type,
         "trang_thai": status},
    )


@login_required
def letter_detail(request: HttpRequest, code: str) -> HttpResponse:
    letter = get_object_or_404(letters_visible_to(request.user), code=code)
    senders = letter.sender_links.select_related("citizen")
    return render(
        request,
        "letters/letter_detail.html",
        {
            "letter": letter,
            "senders": senders,
            "deadlines": deadlines_for(letter),
            "can_open_case": not is_read_only(request.user),
            "tracks": list(Track),
        },
    )
