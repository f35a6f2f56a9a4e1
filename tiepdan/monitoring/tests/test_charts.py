"""Server-side SVG charts and the GeoJSON projection: pure, escaped, no network."""

import json
import math
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tiepdan.monitoring import charts
from tiepdan.monitoring.geojson import GeoJSONError, parse_geojson

COMMUNES = {9319: "Xã Tiên Du", 9373: "Phường Phù Khê", 9187: "Phường Kinh Bắc"}


def test_a_bar_chart_draws_one_bar_per_row_and_escapes_labels():
    svg = charts.bar_chart([("<script>alert(1)</script>", 5), ("Lễ hội", 10)], title="Theo <lĩnh vực>")
    assert svg.count("<rect") == 2
    assert "<script>" not in svg
    assert "&lt;script&gt;" in svg
    assert 'aria-label="Theo &lt;lĩnh vực&gt;"' in svg


def test_an_empty_chart_is_nothing():
    assert charts.bar_chart([], title="x") == ""
    assert charts.time_chart([], [], title="x") == ""


@given(st.lists(st.tuples(st.text(max_size=40), st.integers(min_value=0, max_value=10**6)), max_size=30))
def test_bar_charts_of_any_numbers_are_well_formed(rows):
    svg = str(charts.bar_chart(rows, title="t"))
    assert svg == "" or (svg.startswith("<svg") and svg.endswith("</svg>"))
    # Every coordinate is a finite number (a label may say "nan"; a width must not).
    for value in re.findall(r'\s(?:x|y|x1|x2|y1|y2|width|height)="([^"]*)"', svg):
        assert math.isfinite(float(value)), value


def test_a_time_chart_with_a_band_and_a_marker():
    svg = charts.time_chart(
        ["01/03", "02/03", "03/03", "04/03"],
        [charts.Line("Đã tiếp nhận", [1, 2, None, None], "s0"), charts.Line("Dự báo", [None, None, 3, 4], "s2")],
        title="Dự báo",
        band=([None, None, 1, 2], [None, None, 5, 6]),
        marker=2,
    )
    assert svg.count("<polyline") == 2
    assert 'class="band"' in svg
    assert 'class="marker"' in svg


def test_the_map_colours_communes_by_level_and_links_them():
    svg = charts.choropleth(
        {"9319": "M0,0L10,0L10,10Z", "9373": "M20,0L30,0L30,10Z"},
        "0 0 30 10",
        {"9319": charts.Area("Xã Tiên Du", "high", 88.3, "xa/9319/")},
        title="Bản đồ",
    )
    assert 'class="area risk-high"' in svg
    assert 'class="area risk-none"' in svg
    assert '<a href="xa/9319/">' in svg


def _feature(properties, coordinates, kind="Polygon"):
    return {"type": "Feature", "properties": properties, "geometry": {"type": kind, "coordinates": coordinates}}


SQUARE = [[[106.0, 21.1], [106.1, 21.1], [106.1, 21.2], [106.0, 21.2], [106.0, 21.1]]]


def test_features_are_matched_by_code_or_by_name_without_accents():
    data = json.dumps({"type": "FeatureCollection", "features": [
        _feature({"MA_XA": "9319"}, SQUARE),
        _feature({"ten_xa": "Phuong Phu Khe"}, SQUARE),
        _feature({"name": "Kinh Bắc"}, [SQUARE], "MultiPolygon"),
        _feature({"name": "Hà Nội"}, SQUARE),
    ]})
    parsed = parse_geojson(data, COMMUNES)
    assert set(parsed.shapes) == {"9319", "9373", "9187"}
    assert parsed.unmatched == ["Hà Nội"]
    width, height = parsed.view_box.split()[2:]
    assert float(width) == 800
    assert float(height) > 0


def test_north_is_up_on_the_map():
    north = [[[106.0, 21.3], [106.1, 21.3], [106.1, 21.4], [106.0, 21.3]]]
    south = [[[106.0, 21.0], [106.1, 21.0], [106.1, 21.1], [106.0, 21.0]]]
    parsed = parse_geojson(json.dumps({"type": "FeatureCollection", "features": [
        _feature({"ma_xa": 9319}, north), _feature({"ma_xa": 9373}, south)]}), COMMUNES)
    first_y = {code: float(path.split(",")[1].split("L")[0]) for code, path in parsed.shapes.items()}
    assert first_y["9319"] < first_y["9373"]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        ("not json", "không phải GeoJSON"),
        ('{"type": "Feature"}', "FeatureCollection"),
        ('{"type": "FeatureCollection", "features": []}', "không có ranh giới"),
        (json.dumps({"type": "FeatureCollection", "features": [_feature({"name": "Hà Nội"}, SQUARE)]}),
         "Không khớp"),
        (json.dumps({"type": "FeatureCollection", "features": [
            _feature({"ma_xa": 9319}, [[[500000, 2300000], [500100, 2300000], [500100, 2300100]]])]}), "WGS 84"),
    ],
)
def test_a_file_that_cannot_be_used_is_refused_with_the_reason(data, reason):
    with pytest.raises(GeoJSONError, match=reason):
        parse_geojson(data, COMMUNES)
