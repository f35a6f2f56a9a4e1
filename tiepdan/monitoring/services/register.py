"""The hot-spot register: owner, measures, statuses (rules.TRANSITIONS), each a row of history."""

from __future__ import annotations

from datetime import date

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tiepdan.common.i18n import pick
from tiepdan.monitoring.models import ActionKind, HotSpot, HotSpotAction
from tiepdan.monitoring.rules import NEEDS_REASON, STATUS_LABELS, HotSpotStatus, can_move


class HotSpotRefused(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def assign_owner(*, hot_spot: HotSpot, owner, actor, on: date) -> HotSpot:
    with transaction.atomic():
        HotSpot.objects.filter(pk=hot_spot.pk).update(owner=owner, updated_at=timezone.now())
        HotSpotAction.objects.create(
            hot_spot=hot_spot,
            kind=ActionKind.ASSIGN,
            on=on,
            actor=actor,
            text=_("Giao %(name)s theo dõi.") % {"name": _person(owner)},
        )
    hot_spot.refresh_from_db()
    return hot_spot


def _person(user) -> str:
    staff = getattr(user, "staff", None)
    return staff.full_name if staff else user.get_username()


def add_action(*, hot_spot: HotSpot, text: str, actor, on: date) -> HotSpotAction:
    text = text.strip()
    if not text:
        raise HotSpotRefused(_("Hãy ghi nội dung biện pháp hoặc diễn biến."))
    if not hot_spot.is_open:
        raise HotSpotRefused(_("Điểm nóng đã đóng; không ghi thêm biện pháp."))
    return HotSpotAction.objects.create(hot_spot=hot_spot, kind=ActionKind.NOTE, on=on, text=text, actor=actor)


def change_status(*, hot_spot: HotSpot, to: str, reason: str, actor, on: date) -> HotSpot:
    """Move the hot spot along the register's transitions (rules.TRANSITIONS); a resolution or a
    dismissal needs a reason. Race-safe: the row moves only from the status the user saw."""
    try:
        target = HotSpotStatus(to)
    except ValueError:
        raise HotSpotRefused(_("Tình trạng không hợp lệ.")) from None
    if not can_move(hot_spot.status, target):
        raise HotSpotRefused(
            _("Không thể chuyển từ “%(a)s” sang “%(b)s”.")
            % {"a": pick(STATUS_LABELS[HotSpotStatus(hot_spot.status)]), "b": pick(STATUS_LABELS[target])}
        )
    reason = reason.strip()
    if target in NEEDS_REASON and not reason:
        raise HotSpotRefused(_("Hãy ghi lý do."))
    closing = target in NEEDS_REASON
    with transaction.atomic():
        try:
            moved = HotSpot.objects.filter(pk=hot_spot.pk, status=hot_spot.status).update(
                status=target,
                closed_on=on if closing else None,
                close_reason=reason if closing else "",
                updated_at=timezone.now(),
            )
        except IntegrityError:  # reopening while a newer hot spot on the subject is open
            raise HotSpotRefused(_("Đã có một điểm nóng khác đang mở về cùng nội dung.")) from None
        if moved != 1:
            raise HotSpotRefused(_("Điểm nóng vừa được người khác cập nhật; hãy tải lại trang."))
        HotSpotAction.objects.create(
            hot_spot=hot_spot,
            kind=ActionKind.STATUS,
            on=on,
            actor=actor,
            from_status=hot_spot.status,
            to_status=target,
            text=reason,
        )
    hot_spot.refresh_from_db()
    return hot_spot
