"""Who may do what with a letter. Pure decisions over already-loaded objects (plus one small query for
the case handlers), used by views, selectors and services alike."""

from __future__ import annotations

from django.utils.translation import gettext as _

from tiepdan.org.roles import Role
from tiepdan.org.selectors import has_role, is_read_only, staff_of
from tiepdan.text.classify import tokens

# Roles that register, classify and dispose of letters.
WRITERS = (Role.RECEPTION_OFFICER, Role.UNIT_HANDLER, Role.UNIT_HEAD, Role.INSPECTION, Role.LEADERSHIP,
           Role.ADMINISTRATOR)
# Roles that need the denouncer's identity to do their job (TC-CONFID): leadership decides, inspection
# settles. The case's assigned handler is added per letter (can_see_identity).
IDENTITY_ROLES = (Role.LEADERSHIP, Role.INSPECTION)

MASKED_DENOUNCER = "Người tố cáo (giữ bí mật)"


def can_write(user) -> bool:
    return (
        user.is_authenticated and staff_of(user) is not None and not is_read_only(user) and has_role(user, *WRITERS)
    )


def conflict_of_interest(user, letter) -> str | None:
    """Why `user` must not handle `letter`'s case or see its denouncer, or None.

    Law 25/2018 Art 47 and the duty of impartiality: a person named as denounced, and the head of the
    denounced unit (or of a unit above it), can never be assigned the case.
    """
    staff = staff_of(user)
    if staff is None:
        return None
    if letter.pk and letter.denounced_staff.filter(pk=staff.pk).exists():
        return _("%(name)s là người bị tố cáo trong đơn này.") % {"name": staff.full_name}
    named = " ".join(tokens(letter.denounced_persons or ""))
    own = " ".join(tokens(staff.full_name))
    if named and own and f" {own} " in f" {named} ":
        return _("%(name)s có tên trong danh sách người bị tố cáo.") % {"name": staff.full_name}
    unit = letter.denounced_unit
    is_head = staff.position is not None and staff.position.is_head
    if unit is not None and is_head and unit.path.startswith(staff.unit.path):
        return _("%(name)s là người đứng đầu đơn vị bị tố cáo (%(unit)s).") % {
            "name": staff.full_name, "unit": staff.unit.name,
        }
    return None


def unit_conflict(unit, denounced) -> str | None:
    """A denunciation is never handled inside the unit it denounces (nor in a unit below it)."""
    if denounced is not None and unit is not None and unit.path.startswith(denounced.path):
        return _("Không được giao đơn vị bị tố cáo (%(unit)s) xử lý đơn tố cáo về chính đơn vị mình.") % {
            "unit": denounced.name
        }
    return None


def is_case_handler(user, letter) -> bool:
    if not letter.pk or not user.is_authenticated:
        return False
    return letter.cases.filter(handler=user).exists()


def can_see_identity(user, letter) -> bool:
    """Leadership, inspection and the handler assigned to the letter's case see the denouncer; no one
    with a conflict of interest does, whatever the role."""
    if not letter.protects_identity:
        return True
    if not user.is_authenticated or staff_of(user) is None:
        return False
    if conflict_of_interest(user, letter):
        return False
    return has_role(user, *IDENTITY_ROLES) or is_case_handler(user, letter)
