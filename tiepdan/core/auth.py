"""The authentication backend: Django's own, reading in one query what every staff page needs of its user.

The page shell shows the user's staff record (name, unit, agency), roles and unread notifications, and
every view asks for the roles and the unit again. Read one by one, that is four queries on every page
(user, groups, staff, unread count); here they come with the user, as columns of the same row.

The two subqueries are written as SQL: built from ORM expressions (an `Exists` per role, a counting
`Subquery`), compiling them cost more time on every request than the queries they saved.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import ObjectDoesNotExist
from django.db import connection
from django.db.models import CharField, IntegerField, QuerySet
from django.db.models.expressions import RawSQL

from tiepdan.notifications.models import Notification
from tiepdan.org.selectors import remember_roles, remember_staff

# Group names of a user as one string, per database engine; elsewhere the roles are read on first use.
GROUP_NAMES = {"postgresql": "string_agg(g.name, ',')", "sqlite": "group_concat(g.name, ',')"}


def _group_names_sql() -> str | None:
    aggregate = GROUP_NAMES.get(connection.vendor)
    if aggregate is None:
        return None
    user_model = get_user_model()
    membership = user_model.groups.through._meta
    group = user_model.groups.field.related_model._meta
    q = connection.ops.quote_name
    # Table and column names from the models' metadata, quoted: no input reaches this SQL.
    return (
        f"SELECT {aggregate} FROM {q(membership.db_table)} m JOIN {q(group.db_table)} g ON g.id = m.group_id "  # noqa: S608
        f"WHERE m.user_id = {q(user_model._meta.db_table)}.{q(user_model._meta.pk.column)}"
    )


def _unread_sql() -> str:
    user_model = get_user_model()
    q = connection.ops.quote_name
    return (
        f"SELECT COUNT(*) FROM {q(Notification._meta.db_table)} n "  # noqa: S608
        f"WHERE n.recipient_id = {q(user_model._meta.db_table)}.{q(user_model._meta.pk.column)} "
        "AND n.read_at IS NULL"
    )


def users_with_page_context(qs: QuerySet) -> QuerySet:
    """Users with their staff record, the names of their groups and their number of unread notifications."""
    annotations = {"tiepdan_unread": RawSQL(_unread_sql(), (), output_field=IntegerField())}  # noqa: S611
    if (group_names := _group_names_sql()) is not None:
        annotations["tiepdan_group_names"] = RawSQL(group_names, (), output_field=CharField())  # noqa: S611
    return qs.select_related("staff__unit__agency", "staff__position").annotate(**annotations)


class StaffBackend(ModelBackend):
    def get_user(self, user_id):
        model = get_user_model()
        try:
            user = users_with_page_context(model._default_manager.all()).get(pk=user_id)
        except model.DoesNotExist:
            return None
        if not self.user_can_authenticate(user):
            return None
        if hasattr(user, "tiepdan_group_names"):
            remember_roles(user, (user.tiepdan_group_names or "").split(","))
        try:
            remember_staff(user, user.staff)
        except ObjectDoesNotExist:
            remember_staff(user, None)
        return user
