"""The navigation of the staff shell, per role. Each entry names the roles that see it."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tiepdan.org.roles import Role

ALL_STAFF = frozenset(Role)


@dataclass(frozen=True)
class NavItem:
    url_name: str
    label: str
    roles: frozenset[Role]

    @property
    def url(self) -> str:
        return reverse(self.url_name)


NAV = (
    NavItem("home", _("Việc của tôi"), ALL_STAFF),
    NavItem("reception:visit_list", _("Sổ tiếp công dân"), ALL_STAFF - {Role.TRADE_UNION, Role.YOUTH_UNION}),
    NavItem("letters:letter_list", _("Đơn thư"), ALL_STAFF - {Role.PLANNING_OFFICE}),
    NavItem("cases:case_list", _("Vụ việc"), ALL_STAFF - {Role.PLANNING_OFFICE}),
    NavItem("people:citizen_list", _("Công dân"), ALL_STAFF - {Role.TRADE_UNION, Role.YOUTH_UNION}),
    NavItem("deadlines:deadline_list", _("Thời hạn"), ALL_STAFF),
    NavItem(
        "org:unit_list",
        _("Tổ chức"),
        frozenset({Role.ADMINISTRATOR, Role.LEADERSHIP, Role.INSPECTION, Role.AUDITOR}),
    ),
    NavItem("legal_documents", _("Căn cứ pháp lý"), ALL_STAFF),
    NavItem(
        "deadlines:calendar",
        _("Lịch làm việc"),
        frozenset({Role.ADMINISTRATOR, Role.INSPECTION, Role.AUDITOR}),
    ),
    NavItem("admin:index", _("Quản trị hệ thống"), frozenset({Role.ADMINISTRATOR})),
    NavItem(
        "reception:visit_new",
        _("Tiếp công dân mới"),
        frozenset({Role.RECEPTION_OFFICER, Role.INSPECTION, Role.LEADERSHIP, Role.ADMINISTRATOR}),
    ),
    NavItem(
        "reception:schedule",
        _("Lịch tiếp công dân định kỳ"),
        frozenset({Role.RECEPTION_OFFICER, Role.INSPECTION, Role.LEADERSHIP, Role.ADMINISTRATOR, Role.AUDITOR,
                   Role.PLANNING_OFFICE}),
    ),
    NavItem(
        "reports:report_list",
        _("Báo cáo"),
        frozenset({Role.INSPECTION, Role.LEADERSHIP, Role.AUDITOR, Role.ADMINISTRATOR, Role.UNIT_HEAD,
                   Role.UNIT_HANDLER}),
    ),
    NavItem(
        "reports:accountability",
        _("Trách nhiệm thủ trưởng"),
        frozenset({Role.INSPECTION, Role.LEADERSHIP, Role.AUDITOR, Role.ADMINISTRATOR, Role.UNIT_HEAD}),
    ),
    NavItem("monitoring:dashboard", _("Theo dõi tình hình"), ALL_STAFF - {Role.TRADE_UNION, Role.YOUTH_UNION}),
    # Coordination (issue 6): plans, event periods, assignments, escalation, directions and tasks.
    NavItem("coordination:dashboard", _("Điều phối"), ALL_STAFF),
    NavItem("coordination:my_work", _("Việc điều phối của tôi"), ALL_STAFF),
    # Letters (issue 5): registration, and the log of who saw a denouncer's identity.
    NavItem(
        "letters:letter_register",
        _("Vào sổ đơn"),
        frozenset({Role.RECEPTION_OFFICER, Role.UNIT_HANDLER, Role.UNIT_HEAD, Role.INSPECTION, Role.LEADERSHIP,
                   Role.ADMINISTRATOR}),
    ),
    NavItem(
        "letters:access_log",
        _("Nhật ký xem thông tin mật"),
        frozenset({Role.LEADERSHIP, Role.INSPECTION, Role.AUDITOR, Role.ADMINISTRATOR}),
    ),
)


def nav_for(roles: frozenset[Role]) -> list[NavItem]:
    return [item for item in NAV if item.roles & roles]
