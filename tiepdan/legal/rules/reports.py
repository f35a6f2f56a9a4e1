"""Report periods and data cut-offs."""

from __future__ import annotations

from tiepdan.legal.rules.model import (
    TT01_2024,
    T,
    U,
    V,
    make_rule,
)

REPORT_RULES = tuple(
    make_rule(
        rule_id,
        title_vi=title_vi,
        title_en=title_en,
        case_type=T.REPORTING,
        start_event_vi=period_vi,
        start_event_en=period_en,
        days=None,
        unit=None,
        source="Thông tư 01/2024/TT-TTCP, Điều 7",
        confidence=confidence,
        valid_from=TT01_2024,
    )
    for rule_id, title_vi, title_en, period_vi, period_en, confidence in (
        (
            "RPT-Q1",
            "Báo cáo quý I",
            "Quarter I report",
            "15/12 năm trước – 14/03",
            "15 Dec (Y-1) - 14 Mar",
            V,
        ),
        ("RPT-Q2", "Biểu số liệu quý II", "Quarter II data tables", "15/03 – 14/06", "15 Mar - 14 Jun", V),
        ("RPT-Q3", "Biểu số liệu quý III", "Quarter III data tables", "15/06 – 14/09", "15 Jun - 14 Sep", V),
        ("RPT-Q4", "Biểu số liệu quý IV", "Quarter IV data tables", "15/09 – 14/12", "15 Sep - 14 Dec", V),
        (
            "RPT-6M",
            "Báo cáo 6 tháng",
            "6-month report",
            "15/12 năm trước – 14/06",
            "15 Dec (Y-1) - 14 Jun",
            V,
        ),
        (
            "RPT-9M",
            "Báo cáo 9 tháng",
            "9-month report",
            "15/12 năm trước – 14/09",
            "15 Dec (Y-1) - 14 Sep",
            V,
        ),
        ("RPT-Y", "Báo cáo năm", "Annual report", "15/12 năm trước – 14/12", "15 Dec (Y-1) - 14 Dec", V),
        (
            "RPT-SUBMIT",
            "Gửi báo cáo cho Thanh tra tỉnh (hạn do địa phương cấu hình)",
            "Submit the report to the Provincial Inspectorate (deadline configurable)",
            "ngày chốt số liệu",
            "the end of the data period",
            U,
        ),
    )
)
