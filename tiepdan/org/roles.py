"""Roles of staff. Plain Python: the workflows and policies of every app use these names.

A role is stored as a Django auth Group whose name is the role's value, so an administrator
grants it in the ordinary user admin.
"""

from __future__ import annotations

from enum import StrEnum

from django.utils.translation import gettext_lazy as _


class Role(StrEnum):
    RECEPTION_OFFICER = "reception_officer"
    UNIT_HANDLER = "unit_handler"
    UNIT_HEAD = "unit_head"
    INSPECTION = "inspection"
    LEADERSHIP = "leadership"
    PLANNING_OFFICE = "planning_office"
    TRADE_UNION = "trade_union"
    YOUTH_UNION = "youth_union"
    AUDITOR = "auditor"
    ADMINISTRATOR = "administrator"

    @property
    def label(self) -> str:
        return str(ROLE_LABELS[self])


ROLE_LABELS = {
    Role.RECEPTION_OFFICER: _("Cán bộ tiếp công dân"),
    Role.UNIT_HANDLER: _("Chuyên viên xử lý"),
    Role.UNIT_HEAD: _("Thủ trưởng đơn vị"),
    Role.INSPECTION: _("Đơn vị thanh tra, tham mưu"),
    Role.LEADERSHIP: _("Lãnh đạo sở"),
    Role.PLANNING_OFFICE: _("Phòng Kế hoạch – Tổng hợp"),
    Role.TRADE_UNION: _("Công đoàn"),
    Role.YOUTH_UNION: _("Đoàn thanh niên"),
    Role.AUDITOR: _("Kiểm tra viên (chỉ xem)"),
    Role.ADMINISTRATOR: _("Quản trị hệ thống"),
}

# Roles that see every unit of the agency: they lead, check or audit the whole department.
AGENCY_WIDE_ROLES = frozenset({Role.LEADERSHIP, Role.INSPECTION, Role.AUDITOR, Role.ADMINISTRATOR})
# Roles that may never write anything.
READ_ONLY_ROLES = frozenset({Role.AUDITOR})
