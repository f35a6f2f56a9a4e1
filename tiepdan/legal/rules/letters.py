"""Letter handling: classification, transfer, guidance."""

from __future__ import annotations

from tiepdan.legal.rules.model import (
    TT05_2021,
    WD,
    T,
    U,
    V,
    make_rule,
)

LETTER_RULES = (
    make_rule(
        "XLD-TIME",
        title_vi="Thời hạn xử lý đơn (khiếu nại, kiến nghị, phản ánh)",
        title_en="Letter handling time limit (complaint, petition, feedback)",
        case_type=T.LETTER,
        start_event_vi="ngày nhận đơn",
        start_event_en="the day the letter is received",
        days=10,
        unit=WD,
        source="Thông tư 05/2021/TT-TTCP",
        confidence=U,
        configurable=True,
        valid_from=TT05_2021,
        note_vi="Chưa kiểm chứng với toàn văn Thông tư; đơn tố cáo áp dụng TC-INIT/TC-FWD.",
        note_en="Not checked against the full circular; denunciation letters follow TC-INIT/TC-FWD.",
    ),
    make_rule(
        "XLD-TC-ONCE",
        title_vi="Đơn tố cáo không thuộc thẩm quyền chỉ chuyển một lần (Mẫu 03)",
        title_en="A denunciation outside competence is forwarded once only (Form 03)",
        case_type=T.LETTER,
        start_event_vi="—",
        start_event_en="—",
        days=None,
        unit=None,
        source="Thông tư 05/2021/TT-TTCP, Điều 14",
        confidence=V,
        valid_from=TT05_2021,
    ),
    make_rule(
        "PAKN-ANSWER",
        title_vi="Trả lời kiến nghị, phản ánh (thời hạn do cơ quan ấn định)",
        title_en="Final answer to a petition or feedback (set by the agency)",
        case_type=T.PETITION_FEEDBACK,
        start_event_vi="ngày ra thông báo kết luận tiếp công dân",
        start_event_en="the date of the reception conclusion notice",
        days=15,
        unit=WD,
        source="Chính sách của cơ quan (không có căn cứ luật định)",
        confidence=U,
        configurable=True,
        note_vi="Không tìm thấy thời hạn luật định; mặc định 15 ngày làm việc, có thể đặt cho từng vụ việc "
        "(Nghị định 154/2026/NĐ-CP, Điều 25 khoản 2: xác định thời gian giải quyết phù hợp).",
        note_en="No statutory limit found; default 15 working days, settable per case (Decree 154/2026 Art "
        "25(2): set a suitable time).",
    ),
)
