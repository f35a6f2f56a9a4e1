"""Administrative units after 01/07/2025 (province → commune, ward, special zone).

Read from the maintained `vietnam-provinces` package, never typed by hand. The package has no
mapping from pre-2025 names, so an old address is kept as text on the citizen record.
"""

from __future__ import annotations

from functools import cache

from vietnam_provinces import Province, Ward


@cache
def provinces() -> list[tuple[int, str]]:
    return sorted(((int(p.code), p.name) for p in Province.iter_all()), key=lambda x: x[1])


@cache
def communes(province_code: int) -> list[tuple[int, str]]:
    return sorted(
        ((int(w.code), w.name) for w in Ward.iter_all() if int(w.province_code) == province_code),
        key=lambda x: x[1],
    )


@cache
def _commune_index() -> dict[int, tuple[str, int]]:
    return {int(w.code): (w.name, int(w.province_code)) for w in Ward.iter_all()}


@cache
def province_name(code: int) -> str:
    return dict(provinces()).get(code, "")


def commune_name(code: int | None) -> str:
    if code is None:
        return ""
    return _commune_index().get(code, ("", 0))[0]


def province_of(commune_code: int) -> int | None:
    entry = _commune_index().get(commune_code)
    return entry[1] if entry else None


BAC_NINH = 24
