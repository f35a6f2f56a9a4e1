"""The agency's commune boundaries (GeoJSON) turned into SVG paths once, at upload. Pure: text in,
paths out; no tiles, no network, no geometry library.

A feature is matched to one of the province's communes by a code property (the 2025 commune code of
`vietnam-provinces`) or, failing that, by its name compared without accents and without the "Xã",
"Phường" or "Đặc khu" prefix. Coordinates (longitude, latitude in WGS 84, as GeoJSON requires) are
projected equirectangularly around the map's middle latitude, which is exact enough at province size.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, field

from tiepdan.text.normalize import fold

MAP_WIDTH = 800.0
MAX_FEATURES = 5000
MAX_POINTS = 2_000_000
CODE_KEYS = ("ma_xa", "maxa", "ma_dvhc", "ma", "code", "commune_code", "ward_code", "id")
NAME_KEYS = ("ten_xa", "tenxa", "ten_dvhc", "ten", "name", "ward_name", "commune", "ten_don_vi")
PREFIXES = ("xa ", "phuong ", "dac khu ", "thi tran ")


class GeoJSONError(ValueError):
    """A file that cannot be used, with the reason in Vietnamese and English (shown to the uploader in
    the language of the page)."""

    def __init__(self, message_vi: str, message_en: str = ""):
        super().__init__(message_vi)
        self.message_vi = message_vi
        self.message_en = message_en or message_vi


@dataclass
class ParsedMap:
    view_box: str
    shapes: dict[str, str]
    unmatched: list[str] = field(default_factory=list)

    @property
    def matched(self) -> int:
        return len(self.shapes)


def _bare(name: str) -> str:
    folded = fold(name)
    for prefix in PREFIXES:
        if folded.startswith(prefix):
            return folded[len(prefix):]
    return folded


def _match(properties: Mapping, communes: Mapping[int, str], code_property: str, by_name: dict[str, int]) -> int | None:
    lowered = {str(k).lower(): v for k, v in properties.items()}
    keys = (code_property.lower(),) if code_property else CODE_KEYS
    for key in keys:
        value = lowered.get(key)
        if value is None:
            continue
        try:
            code = int(str(value).strip())
        except ValueError:
            continue
        if code in communes:
            return code
    for key in NAME_KEYS:
        value = lowered.get(key)
        if isinstance(value, str) and _bare(value) in by_name:
            return by_name[_bare(value)]
    return None


def _label(properties: Mapping) -> str:
    lowered = {str(k).lower(): v for k, v in properties.items()}
    for key in NAME_KEYS + CODE_KEYS:
        if lowered.get(key) not in (None, ""):
            return str(lowered[key])
    return "?"


def _rings(geometry: Mapping) -> list[list[list[float]]]:
    kind = geometry.get("type")
    coordinates = geometry.get("coordinates") or []
    if kind == "Polygon":
        return list(coordinates)
    if kind == "MultiPolygon":
        return [ring for polygon in coordinates for ring in polygon]
    if kind == "GeometryCollection":
        return [ring for g in geometry.get("geometries") or [] for ring in _rings(g)]
    return []


def parse_geojson(data: str | bytes, communes: Mapping[int, str], *, code_property: str = "") -> ParsedMap:
    """SVG paths per commune code (as text) from a GeoJSON FeatureCollection of polygons."""
    try:
        document = json.loads(data)
    except (ValueError, UnicodeDecodeError) as exc:
        raise GeoJSONError(f"Tệp không phải GeoJSON hợp lệ: {exc}", f"The file is not valid GeoJSON: {exc}") from None
    if not isinstance(document, dict) or document.get("type") != "FeatureCollection":
        raise GeoJSONError(
            "Tệp phải là một FeatureCollection của GeoJSON.", "The file must be a GeoJSON FeatureCollection."
        )
    features = document.get("features") or []
    if not isinstance(features, list) or not features:
        raise GeoJSONError(
            "Tệp không có ranh giới nào (features rỗng).", "The file has no boundaries (empty features)."
        )
    if len(features) > MAX_FEATURES:
        raise GeoJSONError(
            f"Tệp có quá nhiều đối tượng (tối đa {MAX_FEATURES}).",
            f"The file has too many features (at most {MAX_FEATURES}).",
        )
    by_name = {_bare(name): code for code, name in communes.items()}
    matched: dict[int, list[list[list[float]]]] = {}
    unmatched: list[str] = []
    points = 0
    for feature in features:
        if not isinstance(feature, dict):
            continue
        properties = feature.get("properties") or {}
        rings = [r for r in _rings(feature.get("geometry") or {}) if isinstance(r, list) and len(r) >= 3]
        code = _match(properties, communes, code_property, by_name)
        if code is None or not rings:
            unmatched.append(_label(properties))
            continue
        points += sum(len(r) for r in rings)
        if points > MAX_POINTS:
            raise GeoJSONError(
                f"Ranh giới quá chi tiết (tối đa {MAX_POINTS:,} điểm); hãy đơn giản hóa tệp.",
                f"The boundaries are too detailed (at most {MAX_POINTS:,} points); simplify the file.",
            )
        matched.setdefault(code, []).extend(rings)
    if not matched:
        raise GeoJSONError(
            "Không khớp được ranh giới nào với các xã, phường của tỉnh: cần thuộc tính mã xã (ví dụ ma_xa) "
            "theo danh mục đơn vị hành chính từ 01/07/2025, hoặc tên xã, phường.",
            "No boundary matches a commune or ward of the province: a commune code property is needed (e.g. "
            "ma_xa) from the administrative map in force since 01/07/2025, or the commune or ward name.",
        )
    try:
        lons = [float(p[0]) for rings in matched.values() for r in rings for p in r]
        lats = [float(p[1]) for rings in matched.values() for r in rings for p in r]
    except (TypeError, ValueError, IndexError):
        raise GeoJSONError(
            "Tọa độ trong tệp không hợp lệ (cần [kinh độ, vĩ độ]).",
            "The coordinates in the file are not valid ([longitude, latitude] expected).",
        ) from None
    if not (-180 <= min(lons) <= max(lons) <= 180 and -90 <= min(lats) <= max(lats) <= 90):
        raise GeoJSONError(
            "Tọa độ phải là kinh độ, vĩ độ WGS 84 (EPSG:4326).",
            "Coordinates must be WGS 84 longitude and latitude (EPSG:4326).",
        )
    lon0, lat0 = min(lons), max(lats)
    squeeze = math.cos(math.radians((min(lats) + max(lats)) / 2))
    span_x = (max(lons) - lon0) * squeeze or 1e-9
    span_y = (lat0 - min(lats)) or 1e-9
    scale = MAP_WIDTH / span_x
    height = span_y * scale

    def project(point: list[float]) -> tuple[float, float]:
        return round((float(point[0]) - lon0) * squeeze * scale, 1), round((lat0 - float(point[1])) * scale, 1)

    shapes: dict[str, str] = {}
    for code, rings in sorted(matched.items()):
        commands = []
        for ring in rings:
            previous = None
            ring_points = []
            for point in ring:
                xy = project(point)
                if xy != previous:
                    ring_points.append(xy)
                    previous = xy
            if len(ring_points) >= 3:
                head, *tail = ring_points
                commands.append(f"M{head[0]:g},{head[1]:g}" + "".join(f"L{px:g},{py:g}" for px, py in tail) + "Z")
        if commands:
            shapes[str(code)] = "".join(commands)
    return ParsedMap(view_box=f"0 0 {MAP_WIDTH:g} {math.ceil(height):g}", shapes=shapes, unmatched=unmatched)
