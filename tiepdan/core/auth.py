"""The authentication backend: Django's own, reading in one query what every staff page needs of its user.

The page shell shows the user's staff record (name, unit, agency), roles and unread notifications, and
every view asks for the roles and the unit again. Read one by one, that is four queries on every page
(user, groups, staff, unread count); here they come with the user, as columns of the same row.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Count, Exists, IntegerField, OuterRef, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce

from tiepdan.notifications.models import Notification
from tiepdan.org.roles import Role
from tiepdan.org.selectors import remember_roles, remember_staff

ROLE_COLUMN = "tiepdan_role_{}"


def users_with_page_context(qs: QuerySet) -> QuerySet:
    """Users with their staff record, a flag per role and the number of unread notifications."""
    membership = get_user_model().groups.through.objects.filter(user_id=OuterRef("pk"))
    unread = (
        Notification.objects.filter(recipient_id=OuterRef("pk"), read_at__isnull=True)
        .order_by()
        .values("recipient_id")
        .annotate(n=Count("id"))
        .values("n")
    )
    return qs.select_related("staff__unit__agency", "staff__position").annotate(
        **{ROLE_COLUMN.format(role.value): Exists(membership.filter(group__name=role.value)) for role in Role},
        tiepdan_unread=Coalesce(Subquery(unread, output_field=IntegerField()), Value(0)),
    )


class StaffBackend(ModelBackend):
    def get_user(self, user_id):
        model = get_user_model()
        try:
            user = users_with_page_context(model._default_manager.all()).get(pk=user_id)
        except model.DoesNotExist:
            return None
        if not self.user_can_authenticate(user):
            return None
        remember_roles(user, [role.value for role in Role if getattr(user, ROLE_COLUMN.format(role.value))])
        try:
            remember_staff(user, user.staff)
        except ObjectDoesNotExist:
            remember_staff(user, None)
        return user

