"""The agency's commune boundaries, stored as SVG paths for the risk map."""

from __future__ import annotations

from tiepdan.monitoring.geojson import parse_geojson
from tiepdan.monitoring.models import CommuneMap
from tiepdan.monitoring.services.common import province_code
from tiepdan.people import geo


def upload_commune_map(*, data: bytes, name: str, code_property: str, actor) -> CommuneMap:
    """Store the agency's boundaries as SVG paths; raises geojson.GeoJSONError with the reason."""
    communes = dict(geo.communes(province_code()))
    parsed = parse_geojson(data, communes, code_property=code_property)
    return CommuneMap.objects.create(
        name=name[:255],
        code_property=code_property,
        view_box=parsed.view_box,
        shapes=parsed.shapes,
        unmatched=parsed.unmatched[:500],
        uploaded_by=actor,
    )
