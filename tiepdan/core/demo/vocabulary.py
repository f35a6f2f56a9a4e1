"""Fictional but realistic Vietnamese material for demo data (names in family–middle–given order)."""

FAMILY_NAMES = [
    ("Nguyễn", 38),
    ("Trần", 11),
    ("Lê", 9),
    ("Phạm", 7),
    ("Hoàng", 5),
    ("Vũ", 4),
    ("Phan", 4),
    ("Đỗ", 3),
    ("Ngô", 3),
    ("Đặng", 2),
    ("Bùi", 2),
    ("Dương", 2),
    ("Lý", 1),
    ("Đào", 1),
    ("Trịnh", 1),
    ("Đinh", 1),
    ("Tạ", 1),
    ("Chu", 1),
    ("Nghiêm", 1),
    ("Hà", 1),
]
MALE_MIDDLE = ["Văn", "Đức", "Minh", "Quang", "Hữu", "Xuân", "Công", "Thành", "Ngọc", "Bá"]
FEMALE_MIDDLE = ["Thị", "Thu", "Ngọc", "Minh", "Thanh", "Hồng", "Kim", "Phương"]
MALE_GIVEN = [
    "Hùng",
    "Dũng",
    "Tuấn",
    "Nam",
    "Long",
    "Hải",
    "Sơn",
    "Cường",
    "Thắng",
    "Tùng",
    "Khánh",
    "Bình",
    "Quý",
    "Hiếu",
    "Toàn",
    "Phúc",
    "Trung",
    "Đạt",
    "Lâm",
    "Vinh",
]
FEMALE_GIVEN = [
    "Hương",
    "Lan",
    "Mai",
    "Hà",
    "Linh",
    "Trang",
    "Hạnh",
    "Nhung",
    "Thảo",
    "Yến",
    "Ngọc",
    "Huyền",
    "Dung",
    "Loan",
    "Oanh",
    "Thủy",
    "Liên",
    "Quyên",
    "Vân",
    "Hoa",
]
HAMLETS = [
    "Thôn Đông",
    "Thôn Đoài",
    "Thôn Nam",
    "Thôn Bắc",
    "Thôn Thượng",
    "Thôn Hạ",
    "Khu phố 1",
    "Khu phố 2",
    "Tổ dân phố 3",
    "Tổ dân phố 5",
    "Xóm Chùa",
    "Xóm Đình",
    "Làng Cổ Mễ",
    "Làng Diềm",
]

# Summaries per domain code: {place} and {unit} are filled in.
SUMMARIES = {
    "van-hoa-nghe-thuat": [
        "Phản ánh chương trình biểu diễn nghệ thuật tại {place} không có giấy phép, kéo dài quá 23 giờ",
        "Kiến nghị hỗ trợ kinh phí cho câu lạc bộ quan họ {place}",
        "Khiếu nại quyết định xử phạt vi phạm hành chính về tổ chức biểu diễn nghệ thuật",
    ],
    "di-san": [
        "Tố cáo việc tu bổ đình {place} làm sai lệch yếu tố gốc của di tích",
        "Phản ánh lấn chiếm đất khu vực bảo vệ di tích chùa {place}",
        "Kiến nghị xếp hạng di tích cấp tỉnh cho đền {place}",
    ],
    "le-hoi": [
        "Phản ánh thu tiền trông xe, tiền công đức không công khai tại lễ hội {place}",
        "Khiếu nại việc ban tổ chức lễ hội {place} thu hồi mặt bằng kinh doanh trên bãi lễ hội",
        "Kiến nghị bảo đảm an ninh trật tự tại lễ hội {place}",
    ],
    "thu-vien-bao-tang": [
        "Kiến nghị mở rộng giờ phục vụ của thư viện tỉnh vào cuối tuần",
        "Phản ánh hiện vật trưng bày tại bảo tàng bị xuống cấp",
    ],
    "gia-dinh": [
        "Phản ánh tình trạng bạo lực gia đình tại {place} chưa được xử lý",
        "Kiến nghị xem xét lại việc bình xét danh hiệu gia đình văn hóa tại {place}",
    ],
    "quang-cao": [
        "Phản ánh biển quảng cáo tấm lớn dựng trái phép trên đường qua {place}",
        "Khiếu nại quyết định buộc tháo dỡ biển quảng cáo của cửa hàng tại {place}",
    ],
    "dich-vu-van-hoa": [
        "Phản ánh quán karaoke tại {place} gây tiếng ồn sau 22 giờ",
        "Khiếu nại việc không cấp giấy phép kinh doanh dịch vụ karaoke",
    ],
    "the-thao": [
        "Phản ánh sân bóng nhân tạo tại {place} sử dụng đất công không đúng mục đích",
        "Kiến nghị chế độ dinh dưỡng cho vận động viên năng khiếu",
        "Khiếu nại kết quả tuyển chọn vận động viên của {unit}",
    ],
    "du-lich": [
        "Phản ánh nhà nghỉ tại {place} không đảm bảo an ninh, vệ sinh",
        "Phản ánh hướng dẫn viên du lịch không có thẻ hành nghề tại khu du lịch {place}",
    ],
    "can-bo": [
        "Tố cáo cán bộ {unit} có dấu hiệu nhũng nhiễu khi giải quyết hồ sơ",
        "Khiếu nại quyết định kỷ luật viên chức của {unit}",
        "Kiến nghị giải quyết chế độ phụ cấp cho viên chức {unit}",
        "Tố cáo sai phạm trong kỳ thi tuyển viên chức của {unit}",
    ],
    "dat-dai-xay-dung": [
        "Khiếu nại việc thu hồi đất để mở rộng khuôn viên di tích tại {place}",
        "Phản ánh xây dựng công trình trái phép trong khu vực bảo vệ di tích {place}",
        "Kiến nghị bồi thường giải phóng mặt bằng dự án nhà văn hóa {place}",
    ],
    "khac": [
        "Đề nghị cung cấp thông tin về thủ tục hành chính lĩnh vực văn hóa",
        "Phản ánh thái độ phục vụ của bộ phận một cửa",
    ],
}

# The opening words of a summary say its type; a generated letter's content agrees with its type.
TYPE_OPENINGS = {
    "Khiếu nại": "complaint",
    "Tố cáo": "denunciation",
    "Kiến nghị": "petition",
    "Đề nghị": "petition",
    "Phản ánh": "feedback",
}

# For a domain with no summary of the type drawn.
GENERIC_SUMMARIES = {
    "complaint": [
        "Khiếu nại quyết định hành chính của {unit} trong lĩnh vực {domain}",
        "Khiếu nại việc {unit} không giải quyết hồ sơ của gia đình tại {place} đúng hạn",
    ],
    "denunciation": [
        "Tố cáo cán bộ {unit} có hành vi vi phạm pháp luật trong lĩnh vực {domain}",
        "Tố cáo cán bộ {unit} lợi dụng chức vụ, quyền hạn gây khó khăn cho người dân tại {place}",
    ],
    "petition": [
        "Kiến nghị {unit} xem xét, tháo gỡ vướng mắc trong lĩnh vực {domain} tại {place}",
        "Đề nghị {unit} công khai thủ tục trong lĩnh vực {domain}",
    ],
    "feedback": [
        "Phản ánh việc chậm trễ của {unit} trong lĩnh vực {domain} tại {place}",
        "Phản ánh sai phạm trong lĩnh vực {domain} tại {place} chưa được xử lý",
    ],
}


def summary_type(summary: str) -> str | None:
    """The type a summary's opening words give ("Khiếu nại ..." → complaint), or None."""
    return next((kind for opening, kind in TYPE_OPENINGS.items() if summary.startswith(opening)), None)


# Which unit code usually handles a domain (the advisory unit takes what is not listed).
DOMAIN_UNITS = {
    "van-hoa-nghe-thuat": "ql-van-hoa",
    "gia-dinh": "ql-van-hoa",
    "quang-cao": "ql-van-hoa",
    "dich-vu-van-hoa": "ql-van-hoa",
    "di-san": "ql-di-san",
    "le-hoi": "ql-di-san",
    "dat-dai-xay-dung": "ql-di-san",
    "thu-vien-bao-tang": "bao-tang",
    "the-thao": "ql-the-thao",
    "du-lich": "ql-du-lich",
}
