"""Reference data the demo (and a new installation) starts from: the department's real plan
(../shared/plan-2024.txt, Kế hoạch phối hợp tổ chức tiếp công dân … 11/2024), the 2026 event periods of
domain.md §10 (suggested dates, configurable), and the legal texts named in the plan and in domain.md.

Plain data; `demo.py` writes it through the models. The plan's text is reproduced as issued (one
typing slip corrected: "các nhân" → "cá nhân"). Task dates and reporting intervals are not in the plan:
they are the demo's settings, editable like any other data.
"""

from __future__ import annotations

from datetime import date

PLAN_TITLE = (
    "Phối hợp tổ chức tiếp công dân, giải quyết khiếu nại, tố cáo phục vụ Đại hội Đảng các cấp, Đại hội "
    "đại biểu toàn quốc lần thứ XIV của Đảng, bầu cử đại biểu Quốc hội khoá XVI và đại biểu HĐND các cấp "
    "nhiệm kỳ 2026 - 2031"
)

PLAN_2024 = {
    "symbol": "KH-SVHTTDL",
    "issued_month": "11/2024",
    "title": PLAN_TITLE,
    "grounds": (
        "Thực hiện Kế hoạch số 409/KH-UBND ngày 23/10/2024 của UBND tỉnh Bắc Ninh về việc phối hợp tổ chức "
        "tiếp công dân phục vụ Đại hội Đảng các cấp, Đại hội đại biểu toàn quốc lần thứ XIV của Đảng, bầu cử "
        "đại biểu Quốc hội khoá XVI và đại biểu HĐND các cấp nhiệm kỳ 2026 - 2031;"
    ),
    "introduction": (
        "Để làm tốt công tác tiếp công dân, giải quyết khiếu nại, tố cáo, kiến nghị, phản ánh của công dân "
        "trong thời gian diễn ra Đại hội Đảng các cấp, Đại hội đại biểu toàn quốc lần thứ XIV của Đảng, bầu "
        "cử đại biểu Quốc hội khoá XVI và đại biểu HĐND các cấp nhiệm kỳ 2026 - 2031, Sở Văn hoá, Thể thao "
        "và Du lịch (Sở) ban hành Kế hoạch tổ chức thực hiện như sau:"
    ),
    "purposes": "\n".join(
        [
            "Nâng cao hiệu quả công tác lãnh đạo, chỉ đạo về tiếp công dân và giải quyết khiếu nại, tố cáo; "
            "đảm bảo quyền khiếu nại, tố cáo của công dân theo đúng quy định của pháp luật, hạn chế tối đa các "
            "vụ việc khiếu nại, tố cáo đông người, phức tạp vượt cấp lên các cơ quan Trung ương trước, trong và "
            "sau thời gian diễn ra Đại hội Đảng các cấp, Đại hội đại biểu toàn quốc lần thứ XIV, bầu cử đại "
            "biểu Quốc hội khóa XVI và đại biểu HĐND các cấp nhiệm kỳ 2026 – 2031.",
            "Đảm bảo sự phối hợp chặt chẽ trong công tác tiếp công dân, giải quyết khiếu nại, tố cáo giữa các "
            "cơ quan, tổ chức, cá nhân có liên quan; tập trung giải quyết các vụ việc khiếu nại, tố cáo phức "
            "tạp ngay từ cơ sở; tăng cường trao đổi thông tin, dự báo tình hình để chủ động phòng ngừa, xử lý "
            "các tình huống phức tạp, không để phát sinh “điểm nóng” trong thời gian diễn ra các sự kiện.",
        ]
    ),
    "content_intro": (
        "Để thực hiện tốt mục đích, yêu cầu đã đề ra, Sở yêu cầu các cơ quan, đơn vị thuộc Sở tập trung vào "
        "một số nhiệm vụ cụ thể sau:"
    ),
    "content": [
        {
            "text": "Tập trung tuyên truyền, phổ biến đến CBCC, viên chức, người lao động và nhân dân những nội "
            "dung cơ bản của Luật Tiếp công dân, Luật Khiếu nại, Luật Tố cáo; Chỉ thị số 35/CT-TW ngày "
            "26/5/2014 của Bộ Chính trị về tăng cường sự lãnh đạo của Đảng đối với công tác tiếp công dân, "
            "giải quyết khiếu nại, tố cáo; Quy định số 11-QĐi/TW ngày 18/02/2019 của Bộ Chính trị về trách "
            "nhiệm của người đứng đầu cấp ủy trong việc tiếp dân, đối thoại trực tiếp với dân và xử lý những "
            "phản ánh, kiến nghị của dân; Nghị quyết số 623/NQ-UBTVQH15 ngày 07/10/2022 của Ủy ban Thường vụ "
            "Quốc hội về tăng cường hiệu lực, hiệu quả thực hiện chính sách, pháp luật về tiếp công dân và giải "
            "quyết khiếu nại, tố cáo; Các Chỉ thị của Thủ tướng Chính phủ: Số 14/CT-TTg ngày 18/5/2012 về chấn "
            "chỉnh và nâng cao hiệu quả công tác tiếp công dân, giải quyết khiếu nại, tố cáo; số 26/CT-TTg "
            "ngày 05/9/2016 về việc tăng cường kỷ luật, kỷ cương trong các cơ quan hành chính Nhà nước các "
            "cấp; số 28/CT-TTg ngày 30/6/2017 về tăng cường bảo đảm an ninh, trật tự trong tình hình mới.",
            "details": "",
            "expected_output": "Các buổi tuyên truyền, phổ biến pháp luật",
            "report_every_days": 90,
        },
        {
            "text": "Tổ chức tốt việc tiếp công dân, giải quyết khiếu nại, tố cáo, kiến nghị, phản ánh tại cơ "
            "quan, đơn vị trước, trong và sau thời gian diễn ra các sự kiện.",
            "details": "\n".join(
                [
                    "Nâng cao tinh thần trách nhiệm trong quá trình thực hiện nhiệm vụ tiếp công dân, giải quyết "
                    "khiếu nại, tố cáo, kiến nghị, phản ánh. Quá trình tiếp công dân, giải quyết khiếu nại, tố "
                    "cáo cần kết hợp với tuyên truyền, hướng dẫn, giải thích để công dân hiểu đúng đường lối, "
                    "chủ trương của Đảng và chính sách, pháp luật của Nhà nước.",
                    "Đối với các vụ việc đông người, phức tạp cần tăng cường vận động, thuyết phục đối với các "
                    "đối tượng khiếu kiện, đồng thời báo cáo Lãnh đạo sở để có chỉ đạo tiếp công dân và xử lý "
                    "tình huống.",
                    "Phối hợp chặt chẽ để nắm bắt tình hình, diễn biến khiếu kiện của công dân, chủ động trong "
                    "việc tổ chức tiếp công dân. Trên cơ sở đó xây dựng phương án ứng phó với những tình huống "
                    "phức tạp, ngăn chặn các đối tượng xấu lợi dụng, kích động những người khiếu kiện gây phức "
                    "tạp về an ninh, chính trị và trật tự an toàn xã hội.",
                    "Thực hiện việc báo cáo kịp thời công tác tiếp công dân, giải quyết khiếu nại, tố cáo trong "
                    "thời gian diễn ra các sự kiện theo quy định. Đặc biệt, đối với các vụ việc đông người, phức "
                    "tạp cần chủ động đề xuất phương án xử lý kịp thời, hiệu quả.",
                    "Tổ chức đánh giá, rút kinh nghiệm, đề ra các biện pháp khắc phục những hạn chế, thiếu sót "
                    "trong việc tổ chức tiếp công dân, giải quyết khiếu nại, tố cáo phục vụ các sự kiện.",
                ]
            ),
            "expected_output": "Báo cáo kết quả tiếp công dân, giải quyết khiếu nại, tố cáo",
            "report_every_days": 30,
        },
    ],
    "assignees": [
        {
            "heading": "Phòng Kế hoạch – Tổng hợp",
            "lead_units": ["khth"],
            "tasks": [
                {
                    "text": "Bảo đảm các điều kiện về cơ sở vật chất cần thiết để công dân đến trình bày khiếu "
                    "nại, tố cáo, phản ánh, kiến nghị được dễ dàng, thuận lợi; đảm bảo an ninh trật tự tại trụ "
                    "sở và nơi tiếp công dân.",
                    "expected_output": "Nơi tiếp công dân bảo đảm điều kiện, an ninh trật tự",
                    "report_every_days": 30,
                },
                {
                    "text": "Phối hợp với các cơ quan liên quan tuyên truyền, vận động công dân trở về địa phương, "
                    "đơn vị để tiếp, giải quyết theo quy định.",
                    "coordinating": ["ttr-pc"],
                    "expected_output": "Công dân được vận động trở về địa phương",
                },
            ],
        },
        {
            "heading": "Thanh tra sở",
            "lead_units": ["thanh-tra"],
            "tasks": [
                {
                    "text": "Chủ trì tham mưu Lãnh đạo sở, phối hợp với các cơ quan, đơn vị thuộc sở thực hiện tốt "
                    "công tác tiếp công dân, giải quyết khiếu nại, tố cáo, phản ánh, kiến nghị.",
                    "coordinating": ["khth"],
                    "report_every_days": 30,
                },
                {
                    "text": "Tăng cường kiểm tra trách nhiệm thủ trưởng các đơn vị thuộc sở trong công tác tiếp "
                    "công dân, xử lý đơn thư và giải quyết khiếu nại, tố cáo, phản ánh, kiến nghị; kịp thời chấn "
                    "chỉnh những tồn tại, hạn chế; kiến nghị xử lý nghiêm các cá nhân, tổ chức vi phạm quy định "
                    "của pháp luật.",
                    "expected_output": "Kết luận kiểm tra trách nhiệm thủ trưởng",
                },
                {
                    "text": "Chủ động nắm tình hình, kiểm tra, rà soát các vụ việc khiếu nại, tố cáo thuộc thẩm "
                    "quyền để có phương án xử lý kịp thời, hiệu quả.",
                    "expected_output": "Danh sách vụ việc, phương án xử lý",
                    "report_every_days": 30,
                },
                {
                    "text": "Là đầu mối chủ trì, phối hợp với các cơ quan, đơn vị tham mưu Lãnh đạo sở báo cáo kết "
                    "quả thực hiện công tác tiếp công dân, giải quyết khiếu nại, tố cáo phục vụ Đại hội Đảng các "
                    "cấp, Đại hội đại biểu toàn quốc lần thứ XIV của Đảng, bầu cử đại biểu Quốc hội khóa XVI và "
                    "đại biểu HĐND các cấp nhiệm kỳ 2026- 2031.",
                    "coordinating": ["khth"],
                    "due_on": date(2026, 4, 15),
                    "expected_output": "Báo cáo kết quả gửi UBND tỉnh",
                },
            ],
        },
        {
            "heading": "Các cơ quan, đơn vị thuộc sở",
            "all_units": True,
            "tasks": [
                {
                    "text": "Tăng cường công tác tiếp công dân theo quy định; nắm chắc diễn biến tình hình, chủ "
                    "động tiếp công dân, xử lý các tình huống khiếu kiện đông người, hạn chế đến mức tối đa tình "
                    "trạng công dân khiếu kiện vượt cấp; rà soát, xem xét, giải quyết những vụ việc ngay khi phát "
                    "sinh.",
                    "report_every_days": 30,
                },
                {
                    "text": "Thực hiện chế độ thông tin báo cáo về tình hình, kết quả tiếp công dân, giải quyết các "
                    "vụ việc khiếu nại, tố cáo, phản ánh, kiến nghị trong thời gian diễn ra các sự kiện theo quy "
                    "định.",
                    "expected_output": "Báo cáo định kỳ, đột xuất",
                    "report_every_days": 30,
                },
            ],
        },
        {
            "heading": "Đề nghị Công đoàn, Đoàn thanh niên Sở",
            "lead_units": ["cong-doan", "doan-thanh-nien"],
            "is_request": True,
            "tasks": [
                {
                    "text": "Chỉ đạo các tổ chức thành viên tăng cường và phối hợp chặt chẽ với cấp uỷ, chính quyền "
                    "trong việc thực hiện tiếp công dân, tuyên truyền, phổ biến pháp luật; Tăng cường công tác hòa "
                    "giải, đối thoại trong quá trình tiếp công dân, giải quyết khiếu nại, tố cáo. Quan tâm, vận "
                    "động hội viên, đoàn viên chấp hành quy định của Luật Tiếp công dân năm 2013, Luật Khiếu nại "
                    "năm 2011, Luật Tố cáo năm 2018; không lợi dụng quyền khiếu nại, tố cáo để khiếu kiện đông "
                    "người gây ảnh hưởng đến an ninh, trật tự xã hội trên địa bàn tỉnh.",
                    "expected_output": "Các buổi hòa giải, đối thoại, tuyên truyền trong đoàn viên",
                    "report_every_days": 90,
                },
            ],
        },
    ],
    "closing": (
        "Trên đây là Kế hoạch phối hợp tổ chức tiếp công dân phục vụ Đại hội Đảng các cấp, Đại hội đại biểu "
        "toàn quốc lần thứ XIV của Đảng, bầu cử đại biểu Quốc hội khoá XVI và đại biểu HĐND các cấp nhiệm kỳ "
        "2026 – 2031 của Sở Văn hoá, Thể thao và Du lịch. Yêu cầu các tổ chức, cá nhân có liên quan nghiêm túc "
        "thực hiện; trong quá trình triển khai thực hiện nếu có khó khăn, vướng mắc báo cáo về sở (qua Thanh "
        "tra sở) để kịp thời xem xét, giải quyết./."
    ),
    "recipients": [
        "TT.TU, TT.HĐND tỉnh (b/c)",
        "Chủ tịch và các PCT.UBND tỉnh (b/c)",
        "Thanh tra tỉnh (b/c)",
        "Ban Nội chính Tỉnh ủy (b/c)",
        "Ban Tiếp công dân tỉnh (p/h)",
        "Giám đốc, các PGĐ sở",
        "Các phòng QLNN, các đơn vị thuộc sở (t/h)",
        "Cổng TTĐT sở",
    ],
    "archive": "VT, KHTH, TTr",
    "drafting_unit": "thanh-tra",
    "signer_title": "GIÁM ĐỐC",
    # Demo settings, not in the plan: it runs from its issue to the end of the election period.
    "starts_on": date(2024, 12, 1),
    "due_on": date(2026, 3, 31),
}

ALL = ["before", "during", "after"]

# domain.md §10: suggested seeds (MON-1, configurable). Rules are the demo's choice.
PERIODS_2026 = [
    {
        "code": "dai-hoi-xiv",
        "short_name": "Đại hội XIV",
        "name": "Đại hội đại biểu toàn quốc lần thứ XIV của Đảng",
        "starts_on": date(2026, 1, 19),
        "ends_on": date(2026, 1, 23),
        "before_days": 18,  # from 01/01/2026
        "after_days": 8,  # to 31/01/2026
        "scope": "Toàn Sở",
        "source": "Kế hoạch 409/KH-UBND ngày 23/10/2024 của UBND tỉnh; ngày gợi ý tại domain.md §10 (có thể sửa)",
        "rules": [
            ("daily_report", ALL, None),
            ("internal_limit", ALL, 70),
            ("mass_escalation", ALL, 2),
            ("duty_roster", ["during"], None),
        ],
        "milestones": [
            (date(2026, 1, 19), "Phiên trù bị"),
            (date(2026, 1, 20), "Khai mạc Đại hội"),
            (date(2026, 1, 23), "Bế mạc Đại hội"),
        ],
    },
    {
        "code": "bau-cu-2026",
        "short_name": "Bầu cử 2026",
        "name": "Bầu cử đại biểu Quốc hội khóa XVI và đại biểu HĐND các cấp nhiệm kỳ 2026 – 2031",
        "starts_on": date(2026, 3, 15),
        "ends_on": date(2026, 3, 15),
        "before_days": 70,  # from 04/01/2026, when the election boards were formed
        "after_days": 16,  # to 31/03/2026: results and complaints
        "scope": "Toàn Sở",
        "source": "Kế hoạch 409/KH-UBND ngày 23/10/2024 của UBND tỉnh; ngày gợi ý tại domain.md §10 (có thể sửa)",
        "rules": [
            ("daily_report", ["during", "after"], None),
            ("internal_limit", ALL, 80),
            ("mass_escalation", ALL, 2),
            ("duty_roster", ["during"], None),
        ],
        "milestones": [
            (date(2026, 1, 4), "Thành lập Ủy ban bầu cử (chậm nhất 70 ngày trước ngày bầu cử)"),
            (date(2026, 1, 31), "Thành lập Tổ bầu cử"),
            (date(2026, 2, 1), "Hết hạn nộp hồ sơ ứng cử (42 ngày trước ngày bầu cử)"),
            (date(2026, 2, 3), "Hội nghị hiệp thương lần hai; niêm yết danh sách cử tri"),
            (date(2026, 2, 20), "Hội nghị hiệp thương lần ba (20–22/02)"),
            (date(2026, 2, 26), "Công bố danh sách chính thức người ứng cử (26–27/02)"),
            (date(2026, 3, 2), "Gửi thẻ cử tri, bắt đầu vận động bầu cử (02–03/03)"),
            (date(2026, 3, 15), "Ngày bầu cử"),
        ],
    },
]

# The legal library: what `tiepdan.legal.documents` lacks (kind, issuer, summary, amendments, whether
# the plan names it), keyed by its key there; plus the texts only the plan names.
LEGAL_EXTRA = {
    "L42": (
        "Luật",
        "Quốc hội",
        "Luật số 136/2025/QH15 (từ 01/07/2026)",
        True,
        "Trách nhiệm tiếp công dân của cơ quan và người đứng đầu; quyền, nghĩa vụ của người đến trình bày; "
        "tiếp định kỳ, đột xuất; tiếp nhiều người cùng một nội dung (cử người đại diện).",
    ),
    "L02": (
        "Luật",
        "Quốc hội",
        "Luật số 136/2025/QH15 (từ 01/07/2026)",
        True,
        "Thời hiệu, thẩm quyền, trình tự giải quyết khiếu nại lần đầu, lần hai; đối thoại; quyết định giải "
        "quyết khiếu nại và thi hành.",
    ),
    "L25": (
        "Luật",
        "Quốc hội",
        "Luật số 136/2025/QH15 (từ 01/07/2026)",
        True,
        "Thẩm quyền, trình tự giải quyết tố cáo; thời hạn 30 ngày và gia hạn; bảo vệ người tố cáo, giữ bí "
        "mật danh tính.",
    ),
    "L136": (
        "Luật",
        "Quốc hội",
        "",
        False,
        "Sửa đổi, bổ sung một số điều của Luật Tiếp công dân, Luật Khiếu nại, Luật Tố cáo; áp dụng từ 01/07/2026.",
    ),
    "L84": (
        "Luật",
        "Quốc hội",
        "",
        False,
        "Luật Thanh tra năm 2025: tổ chức lại hệ thống thanh tra, không còn thanh tra sở từ 01/07/2025.",
    ),
    "ND64": (
        "Nghị định",
        "Chính phủ",
        "",
        False,
        "Quy định chi tiết một số điều của Luật Tiếp công dân (áp dụng đến 30/06/2026).",
    ),
    "ND154": (
        "Nghị định",
        "Chính phủ",
        "",
        False,
        "Quy định chi tiết Luật Tiếp công dân, thay thế Nghị định 64/2014/NĐ-CP: thêm căn cứ từ chối tiếp, "
        "tiếp công dân trực tuyến, mẫu biểu mới.",
    ),
    "ND124": (
        "Nghị định",
        "Chính phủ",
        "Nghị định số 155/2026/NĐ-CP (từ 01/07/2026)",
        False,
        "Quy định chi tiết một số điều và biện pháp thi hành Luật Khiếu nại.",
    ),
    "ND155": (
        "Nghị định",
        "Chính phủ",
        "",
        False,
        "Sửa đổi Nghị định 124/2020/NĐ-CP: thụ lý trong 07 ngày làm việc; thông báo đối thoại trước ít "
        "nhất 05 ngày; tạm đình chỉ giải quyết khiếu nại.",
    ),
    "ND31": (
        "Nghị định",
        "Chính phủ",
        "Nghị định số 156/2026/NĐ-CP (từ 01/07/2026)",
        False,
        "Quy định chi tiết một số điều và biện pháp thi hành Luật Tố cáo.",
    ),
    "ND156": ("Nghị định", "Chính phủ", "", False, "Sửa đổi, bổ sung Nghị định 31/2019/NĐ-CP về tố cáo."),
    "TT04": ("Thông tư", "Thanh tra Chính phủ", "", False, "Quy định quy trình tiếp công dân."),
    "TT05": (
        "Thông tư",
        "Thanh tra Chính phủ",
        "",
        False,
        "Quy định quy trình xử lý đơn khiếu nại, đơn tố cáo, đơn kiến nghị, phản ánh.",
    ),
    "TT02-2021": (
        "Thông tư",
        "Thanh tra Chính phủ",
        "",
        False,
        "Chế độ báo cáo công tác thanh tra, tiếp công dân, giải quyết khiếu nại, tố cáo (đã thay thế).",
    ),
    "TT01-2024": (
        "Thông tư",
        "Thanh tra Chính phủ",
        "",
        False,
        "Chế độ báo cáo công tác thanh tra, tiếp công dân, giải quyết khiếu nại, tố cáo và phòng, chống "
        "tham nhũng, tiêu cực; kỳ báo cáo và biểu mẫu.",
    ),
    "ND30": (
        "Nghị định",
        "Chính phủ",
        "",
        False,
        "Công tác văn thư: thể thức và kỹ thuật trình bày văn bản hành chính.",
    ),
    "QD11": (
        "Quy định",
        "Bộ Chính trị",
        "Kết luận số 215-KL/TW ngày 23/11/2025",
        True,
        "Trách nhiệm của người đứng đầu cấp ủy trong việc tiếp dân, đối thoại trực tiếp với dân và xử lý "
        "những phản ánh, kiến nghị của dân.",
    ),
    "KL215": (
        "Kết luận",
        "Bộ Chính trị",
        "",
        False,
        "Sửa đổi Quy định 11-QĐi/TW: người đứng đầu cấp ủy cấp tỉnh tiếp dân ít nhất 01 ngày mỗi tháng, "
        "cấp xã ít nhất 02 ngày mỗi tháng.",
    ),
    "CT35": (
        "Chỉ thị",
        "Bộ Chính trị",
        "",
        True,
        "Tăng cường sự lãnh đạo của Đảng đối với công tác tiếp công dân, giải quyết khiếu nại, tố cáo; "
        "người đứng đầu chịu trách nhiệm; giải quyết vụ việc phức tạp ngay từ cơ sở.",
    ),
    "NQ623": (
        "Nghị quyết",
        "Ủy ban Thường vụ Quốc hội",
        "",
        True,
        "Tăng cường hiệu lực, hiệu quả thực hiện chính sách, pháp luật về tiếp công dân và giải quyết "
        "khiếu nại, tố cáo (nội dung cần kiểm chứng).",
    ),
}

PLAN_ONLY_TEXTS = [
    {
        "number": "14/CT-TTg",
        "kind": "Chỉ thị",
        "title": "Về chấn chỉnh và nâng cao hiệu quả công tác tiếp công dân, giải quyết khiếu nại, tố cáo",
        "issuer": "Thủ tướng Chính phủ",
        "issued_on": date(2012, 5, 18),
        "summary": "Chấn chỉnh và nâng cao hiệu quả công tác tiếp công dân, giải quyết khiếu nại, tố cáo.",
    },
    {
        "number": "26/CT-TTg",
        "kind": "Chỉ thị",
        "title": "Về việc tăng cường kỷ luật, kỷ cương trong các cơ quan hành chính Nhà nước các cấp",
        "issuer": "Thủ tướng Chính phủ",
        "issued_on": date(2016, 9, 5),
        "summary": "Tăng cường kỷ luật, kỷ cương trong các cơ quan hành chính nhà nước các cấp.",
    },
    {
        "number": "28/CT-TTg",
        "kind": "Chỉ thị",
        "title": "Về tăng cường bảo đảm an ninh, trật tự trong tình hình mới",
        "issuer": "Thủ tướng Chính phủ",
        "issued_on": date(2017, 6, 30),
        "summary": "Tăng cường bảo đảm an ninh, trật tự trong tình hình mới.",
    },
    {
        "number": "409/KH-UBND",
        "kind": "Kế hoạch",
        "title": "Phối hợp tổ chức tiếp công dân phục vụ Đại hội Đảng các cấp, Đại hội đại biểu toàn quốc lần "
        "thứ XIV của Đảng, bầu cử đại biểu Quốc hội khoá XVI và đại biểu HĐND các cấp nhiệm kỳ 2026 - 2031",
        "issuer": "UBND tỉnh Bắc Ninh",
        "issued_on": date(2024, 10, 23),
        "summary": "Kế hoạch của tỉnh mà kế hoạch của Sở triển khai thực hiện.",
    },
    {
        "number": "107-KL/TW",
        "kind": "Kết luận",
        "title": "Về tiếp tục tăng cường sự lãnh đạo của Đảng đối với công tác tiếp công dân, giải quyết khiếu "
        "nại, tố cáo",
        "issuer": "Bộ Chính trị",
        "issued_on": date(2024, 12, 24),
        "summary": "Tiếp tục thực hiện Chỉ thị 35-CT/TW; xử lý dứt điểm vụ việc tồn đọng, kéo dài.",
        "in_plan": False,
    },
]
