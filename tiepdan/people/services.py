"""Writes of citizen records: create, correct, merge. Nothing is ever deleted; every change is audited.

Validation errors are Django `ValidationError`s keyed by field name, with Vietnamese messages, so a form
shows each one beside its field and keeps the rest of the input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields

from auditlog.context import set_actor
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tiepdan.org.roles import Role
from tiepdan.org.selectors import has_role
from tiepdan.people import geo
from tiepdan.people.models import Citizen, PersonKind
from tiepdan.text.normalize import digits

_ID_NUMBER = re.compile(r"^\d{12}$")
# Roles that may merge two citizen records (the merge moves other units' history).
MERGE_ROLES = (Role.ADMINISTRATOR, Role.INSPECTION)


@dataclass(frozen=True)
class CitizenInput:
    full_name: str
    id_number: str = ""
    phone: str = ""
    kind: str = PersonKind.INDIVIDUAL
    province_code: int | None = geo.BAC_NINH
    commune_code: int | None = None
    address_detail: str = ""
    old_address: str = ""


def normalise_id_number(value: str) -> str:
    """Spaces and dots typed from the card are dropped: "027 090 001 234" → "027090001234"."""
    return re.sub(r"[\s.\-]", "", value or "")


def id_number_problem(value: str) -> str | None:
    """The Vietnamese message for an ID number that is not 12 digits (citizen ID, Law 26/2023)."""
    if value and not _ID_NUMBER.match(value):
        return _("Số căn cước phải gồm đúng 12 chữ số (đang nhập %(n)s ký tự).") % {"n": len(value)}
    return None


def phone_problem(value: str) -> str | None:
    number = digits(value)
    if value and not 8 <= len(number) <= 15:
        return _("Số điện thoại không hợp lệ (từ 8 đến 15 chữ số).")
    return None


def validate_citizen(data: CitizenInput, *, instance: Citizen | None = None) -> dict[str, list[str]]:
    """Every problem with `data`, per field (empty when valid)."""
    errors: dict[str, list[str]] = {}

    def add(field: str, message: str) -> None:
        errors.setdefault(field, []).append(message)

    if not data.full_name.strip():
        add("full_name", _("Chưa nhập họ và tên."))
    if problem := id_number_problem(data.id_number):
        add("id_number", problem)
    elif data.id_number:
        taken = Citizen.objects.filter(id_number=data.id_number)
        if instance is not None:
            taken = taken.exclude(pk=instance.pk)
        if other := taken.first():
            add("id_number", _("Số căn cước này đã có trong hồ sơ công dân %(name)s (mã %(pk)s).")
                % {"name": other.full_name, "pk": other.pk})
    if problem := phone_problem(data.phone):
        add("phone", problem)
    if data.province_code is not None and not geo.province_name(data.province_code):
        add("province_code", _("Tỉnh, thành phố không có trong danh mục sau 01/07/2025."))
    if data.commune_code is not None:
        province = geo.province_of(data.commune_code)
        if province is None:
            add("commune_code", _("Xã, phường không có trong danh mục sau 01/07/2025."))
        elif data.province_code is not None and province != data.province_code:
            add("commune_code", _("Xã, phường này không thuộc tỉnh, thành phố đã chọn."))
    if data.kind not in PersonKind.values:
        add("kind", _("Loại không hợp lệ."))
    return errors


def _apply(citizen: Citizen, data: CitizenInput) -> None:
    for field in fields(CitizenInput):
        value = getattr(data, field.name)
        if isinstance(value, str):
            value = value.strip()
        setattr(citizen, field.name, value)
    citizen.id_number = citizen.id_number or None
    if citizen.commune_code and not citizen.province_code:
        citizen.province_code = geo.province_of(citizen.commune_code)
    citizen.refresh_search_keys()


def _save(citizen: Citizen) -> None:
    try:
        with transaction.atomic():
            citizen.save()
    except IntegrityError as exc:  # two desks typed the same ID number at the same moment
        raise ValidationError({"id_number": [_("Số căn cước này vừa được lưu cho một hồ sơ khác.")]}) from exc


def create_citizen(*, data: CitizenInput, actor) -> Citizen:
    data = _normalised(data)
    if errors := validate_citizen(data):
        raise ValidationError(errors)
    citizen = Citizen()
    _apply(citizen, data)
    with set_actor(actor):
        _save(citizen)
    return citizen


def update_citizen(*, citizen: Citizen, data: CitizenInput, actor) -> Citizen:
    """Correct a record; auditlog keeps the previous values (who, when, old → new)."""
    data = _normalised(data)
    if errors := validate_citizen(data, instance=citizen):
        raise ValidationError(errors)
    _apply(citizen, data)
    with set_actor(actor):
        _save(citizen)
    return citizen


def _normalised(data: CitizenInput) -> CitizenInput:
    return CitizenInput(**{
        **{f.name: getattr(data, f.name) for f in fields(CitizenInput)},
        "id_number": normalise_id_number(data.id_number),
        "full_name": " ".join(data.full_name.split()),
        "phone": data.phone.strip(),
    })


def _links_to(citizen_model) -> list[tuple[type, str]]:
    """Every (model, field) that points at a citizen, found from the models themselves: a new app that
    links citizens (letters, denouncer identities...) is moved by a merge without changes here."""
    links = []
    for relation in citizen_model._meta.related_objects:
        if relation.many_to_many or relation.related_model is citizen_model:
            continue
        links.append((relation.related_model, relation.field.name))
    return links


@transaction.atomic
def merge_citizens(*, keep: Citizen, merge: Citizen, actor) -> Citizen:
    """Merge the duplicate record `merge` into `keep`.

    Moves every visit, letter and other link to `keep` (a link that `keep` already has on the same
    visit or letter stays on the merged record, so nothing is lost); copies the ID number, phone and
    address that `keep` lacks; marks `merge` as merged (`merged_into`, `merged_at`). Never deletes.
    Only the administrators and the inspection may merge (the merge moves other units' history).
    """
    if not has_role(actor, *MERGE_ROLES):
        raise PermissionDenied
    keep = Citizen.objects.select_for_update().get(pk=keep.pk)
    merge = Citizen.objects.select_for_update().get(pk=merge.pk)
    if keep.pk == merge.pk:
        raise ValidationError({"other": [_("Không thể gộp một hồ sơ với chính nó.")]})
    if keep.merged_into_id or merge.merged_into_id:
        raise ValidationError({"other": [_("Hồ sơ này đã được gộp trước đó.")]})
    if keep.id_number and merge.id_number and keep.id_number != merge.id_number:
        raise ValidationError({"other": [
            _("Hai hồ sơ có hai số căn cước khác nhau (%(a)s, %(b)s): không phải cùng một người.")
            % {"a": keep.id_number, "b": merge.id_number}
        ]})
    with set_actor(actor):
        for model, field in _links_to(Citizen):
            for link in model.objects.filter(**{field: merge}):
                setattr(link, field, keep)
                try:
                    with transaction.atomic():
                        link.save(update_fields=[field])
                except IntegrityError:
                    continue  # `keep` is already on that visit/letter; the duplicate link stays as history
        moved_id = merge.id_number
        if moved_id and not keep.id_number:
            merge.id_number = None
        merge.merged_into = keep
        merge.merged_at = timezone.now()
        merge.save()
        if moved_id and not keep.id_number:
            keep.id_number = moved_id
        for name in ("phone", "address_detail", "old_address", "province_code", "commune_code"):
            if not getattr(keep, name) and getattr(merge, name):
                setattr(keep, name, getattr(merge, name))
        keep.refresh_search_keys()
        keep.save()
        for earlier in Citizen.objects.filter(merged_into=merge).exclude(pk=keep.pk):
            earlier.merged_into = keep  # records merged into `merge` before now point at `keep`
            earlier.save(update_fields=["merged_into", "updated_at"])
    return keep
