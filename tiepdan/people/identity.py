"""A protected person's identity (a denouncer: Law 25/2018 Art 47, TC-CONFID) as it is stored wherever
one is kept — a letter's denouncers, a denunciation visit's visitors: the values encrypted together in one
payload, and blind indexes (keyed hashes) of the ID number, the phone and the folded name + commune, so
that the same person is recognised without the plain values being compared (docs/adr/0004).

Encrypting and decrypting here are plain conversions; the services that call `decrypt_identity` check
who may see it and log every access.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, fields

from django.db.models import Q

from tiepdan.audit import crypto
from tiepdan.people import geo
from tiepdan.text.duplicates import sender_keys


@dataclass(frozen=True)
class Identity:
    full_name: str = ""
    id_number: str = ""
    phone: str = ""
    address_detail: str = ""
    commune_code: int | None = None
    province_code: int | None = None
    is_representative: bool = False

    @property
    def address(self) -> str:
        parts = [self.address_detail, geo.commune_name(self.commune_code)]
        if self.province_code:
            parts.append(geo.province_name(self.province_code))
        return ", ".join(p for p in parts if p)

    @classmethod
    def of_citizen(cls, citizen, *, is_representative: bool = False) -> Identity:
        return cls(
            full_name=citizen.full_name, id_number=citizen.id_number or "", phone=citizen.phone,
            address_detail=citizen.address_detail, commune_code=citizen.commune_code,
            province_code=citizen.province_code, is_representative=is_representative,
        )


# blind_keys() yields "kind:hash"; each kind has its indexed column (people.models.EncryptedIdentity).
INDEX_COLUMNS = {"id": "id_number_index", "phone": "phone_index", "nc": "name_commune_index"}
# What the encrypted payload holds (the representative flag is a column of its own).
_PAYLOAD_FIELDS = tuple(f.name for f in fields(Identity) if f.name != "is_representative")


def blind_keys(identity: Identity) -> frozenset[str]:
    """The duplicate-matching keys of a person, as blind indexes (same function for both sides)."""
    return sender_keys(
        id_number=identity.id_number, phone=identity.phone, name=identity.full_name,
        commune_code=identity.commune_code, hasher=crypto.blind_index,
    )


def index_columns(identity: Identity) -> dict[str, str]:
    """The blind-index columns of a stored identity ("" where the value is unknown)."""
    out = dict.fromkeys(INDEX_COLUMNS.values(), "")
    for key in blind_keys(identity):
        kind, value = key.split(":", 1)
        out[INDEX_COLUMNS[kind]] = value
    return out


def keys_q(keys, prefix: str = "") -> Q | None:
    """A filter matching stored identities (through `prefix`) that share one of these blind keys."""
    by_column: dict[str, list[str]] = {}
    for key in keys:
        kind, value = key.split(":", 1)
        if kind in INDEX_COLUMNS:
            by_column.setdefault(INDEX_COLUMNS[kind], []).append(value)
    condition = None
    for column, values in by_column.items():
        q = Q(**{f"{prefix}{column}__in": values})
        condition = q if condition is None else condition | q
    return condition


def encrypt_identity(identity: Identity) -> str:
    # Not dataclasses.asdict: its deep copy was a fifth of the cost of a row in the demo generator.
    payload = {name: getattr(identity, name) for name in _PAYLOAD_FIELDS}
    return crypto.encrypt(json.dumps(payload, ensure_ascii=False))


def decrypt_identity(payload: str, *, is_representative: bool = False) -> Identity:
    return Identity(**json.loads(crypto.decrypt(payload)), is_representative=is_representative)


def stored_fields(identity: Identity) -> dict:
    """The column values of a row of an EncryptedIdentity model for this person."""
    return {"payload": encrypt_identity(identity), "is_representative": identity.is_representative,
            **index_columns(identity)}
