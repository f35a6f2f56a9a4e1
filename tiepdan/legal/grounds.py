"""Grounds as data: refusal to receive (§1.2), non-acceptance of a complaint (§3.2) and letter
ineligibility (§2). Codes are stable identifiers for enums on notices and in reports; labels are shown to
officers and citizens; `source` is cited on the generated documents.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from tiepdan.legal.errors import InvalidArgument
from tiepdan.legal.rules import REGIME_B_START, CaseType, Confidence


@dataclass(frozen=True)
class Ground:
    code: str
    label_vi: str
    label_en: str
    source: str
    confidence: str = Confidence.VERIFIED
    valid_from: date | None = None
    valid_to: date | None = None
    # Refusal grounds only: the head must issue the written notice Form 01/TCD within 3 working days of the
    # grounds being established (rule TCD-REFUSE-NOTICE); the others are explained orally (ND154 Art 4(2)).
    requires_written_notice: bool = False
    notice_rule_id: str | None = None
    # Ineligibility reasons only: the letter types the reason applies to (empty = every type).
    applies_to: tuple[str, ...] = ()
    note_vi: str = ""
    note_en: str = ""

    def in_force(self, on: date) -> bool:
        if self.valid_from is not None and on < self.valid_from:
            return False
        return not (self.valid_to is not None and on > self.valid_to)


_LAW42 = "Luật Tiếp công dân 2013, Điều 9"
_ND154 = "Nghị định 154/2026/NĐ-CP, Điều 4 khoản 1"
VM = Confidence.VERIFIED_MIRROR

REFUSAL_GROUNDS: tuple[Ground, ...] = (
    Ground(
        "law9-1",
        "Người trong tình trạng say do dùng chất kích thích, người mắc bệnh tâm thần hoặc bệnh khác làm mất "
        "khả năng nhận thức, điều khiển hành vi",
        "Intoxicated, or mentally or otherwise ill so as to lose the capacity to perceive or control "
        "behaviour",
        f"{_LAW42} khoản 1",
    ),
    Ground(
        "law9-2",
        "Có hành vi đe dọa, xúc phạm cơ quan, người tiếp công dân, người thi hành công vụ hoặc vi phạm nội "
        "quy nơi tiếp công dân",
        "Threatens or insults the agency, the receiving officer or officials on duty, or breaches the rules",
        f"{_LAW42} khoản 2",
    ),
    Ground(
        "law9-3",
        "Khiếu nại, tố cáo vụ việc đã giải quyết đúng chính sách, pháp luật, đã được kiểm tra, rà soát, "
        "thông báo bằng văn bản và đã được tiếp, giải thích, hướng dẫn nhưng vẫn cố tình khiếu nại, tố cáo "
        "kéo dài",
        "Persistent repeat complaint or denunciation of a case settled correctly, reviewed, notified in "
        "writing and explained",
        f"{_LAW42} khoản 3",
        requires_written_notice=True,
        notice_rule_id="TCD-REFUSE-NOTICE",
        note_vi="Từ 01/07/2026: thông báo từ chối bằng văn bản (Mẫu 01/TCD) trong 3 ngày làm việc.",
        note_en="From 01/07/2026: written refusal notice (Form 01/TCD) within 3 working days.",
    ),
    Ground(
        "law9-4",
        "Trường hợp khác theo quy định của pháp luật",
        "Other cases provided by law",
        f"{_LAW42} khoản 4",
    ),
    Ground(
        "nd154-a",
        "Mang theo vũ khí, vật liệu nổ, công cụ hỗ trợ, vật dụng nguy hiểm và không chịu gửi lại",
        "Carries weapons, explosives, support tools or dangerous items and refuses to deposit them",
        f"{_ND154} điểm a",
        VM,
        REGIME_B_START,
    ),
    Ground(
        "nd154-b",
        "Không chấp hành việc kiểm tra an ninh",
        "Refuses the security check",
        f"{_ND154} điểm b",
        VM,
        REGIME_B_START,
    ),
    Ground(
        "nd154-c",
        "Ghi âm, ghi hình, phát trực tiếp trái phép nơi bị cấm hoặc gây mất trật tự",
        "Records or livestreams without permission where forbidden, or so as to disrupt order",
        f"{_ND154} điểm c",
        VM,
        REGIME_B_START,
    ),
    Ground(
        "nd154-d",
        "Kích động, gây rối trật tự",
        "Incites or causes disorder",
        f"{_ND154} điểm d",
        VM,
        REGIME_B_START,
    ),
    Ground(
        "nd154-dd",
        "Người không có hoặc bị hạn chế năng lực hành vi dân sự mà không có người đại diện hợp pháp",
        "Lacks full civil capacity and has no lawful representative",
        f"{_ND154} điểm đ",
        VM,
        REGIME_B_START,
    ),
    Ground(
        "nd154-e",
        "Người đại diện, người được ủy quyền không chứng minh được tư cách đại diện, ủy quyền",
        "A representative or authorized person cannot prove the authority to act",
        f"{_ND154} điểm e",
        VM,
        REGIME_B_START,
    ),
    Ground(
        "nd154-g",
        "Nội dung không phải là khiếu nại, tố cáo, kiến nghị, phản ánh",
        "The content is not a complaint, denunciation, petition or feedback",
        f"{_ND154} điểm g",
        VM,
        REGIME_B_START,
    ),
    Ground(
        "nd154-h",
        "Kiến nghị, phản ánh đã được tiếp nhận, hướng dẫn hoặc trả lời bằng văn bản mà không có tình tiết "
        "mới",
        "A petition or feedback already received, guided or answered in writing, with no new facts",
        f"{_ND154} điểm h",
        VM,
        REGIME_B_START,
        requires_written_notice=True,
        notice_rule_id="TCD-REFUSE-NOTICE",
    ),
    Ground(
        "nd154-i",
        "Vụ việc đã có bản án, quyết định của Tòa án có hiệu lực pháp luật và không thuộc trường hợp xem "
        "xét lại (có văn bản trả lời của cơ quan có thẩm quyền)",
        "A final court judgment exists and the case is not reviewable (confirmed in writing by the "
        "competent body)",
        f"{_ND154} điểm i",
        VM,
        REGIME_B_START,
    ),
    Ground(
        "nd154-k",
        "Vụ việc đang được cơ quan có thẩm quyền khác giải quyết",
        "The case is being handled by another competent body",
        f"{_ND154} điểm k",
        VM,
        REGIME_B_START,
    ),
)

_LAW02 = "Luật Khiếu nại 2011, Điều 11"

NON_ACCEPTANCE_GROUNDS: tuple[Ground, ...] = (
    Ground(
        "art11-1",
        "Quyết định hành chính, hành vi hành chính trong nội bộ cơ quan để chỉ đạo, tổ chức thực hiện "
        "nhiệm vụ; quyết định của cơ quan cấp trên với cơ quan cấp dưới; văn bản quy phạm pháp luật; quyết "
        "định thuộc bí mật nhà nước về quốc phòng, an ninh, ngoại giao",
        "Internal directive decisions or acts, a superior body's decisions to a subordinate one, normative "
        "acts, decisions under state secrecy in defence, security or diplomacy",
        f"{_LAW02} khoản 1",
    ),
    Ground(
        "art11-2",
        "Quyết định, hành vi hành chính bị khiếu nại không liên quan trực tiếp đến quyền, lợi ích hợp pháp "
        "của người khiếu nại",
        "The decision or act does not directly affect the complainant's lawful rights or interests",
        f"{_LAW02} khoản 2",
    ),
    Ground(
        "art11-3",
        "Người khiếu nại không có năng lực hành vi dân sự đầy đủ mà không có người đại diện hợp pháp",
        "The complainant lacks full civil capacity and has no lawful representative",
        f"{_LAW02} khoản 3",
    ),
    Ground(
        "art11-4",
        "Người đại diện không hợp pháp thực hiện khiếu nại",
        "Lodged by an unlawful representative",
        f"{_LAW02} khoản 4",
    ),
    Ground(
        "art11-5",
        "Đơn khiếu nại không có chữ ký hoặc điểm chỉ của người khiếu nại",
        "The letter is not signed or fingerprinted by the complainant",
        f"{_LAW02} khoản 5",
    ),
    Ground(
        "art11-6",
        "Thời hiệu, thời hạn khiếu nại đã hết mà không có lý do chính đáng",
        "The limitation period or time limit has expired without a valid reason",
        f"{_LAW02} khoản 6",
    ),
    Ground(
        "art11-7",
        "Khiếu nại đã có quyết định giải quyết khiếu nại lần hai",
        "A second-time settlement decision already exists",
        f"{_LAW02} khoản 7",
    ),
    Ground(
        "art11-8",
        "Có văn bản thông báo đình chỉ việc giải quyết khiếu nại mà sau 30 ngày người khiếu nại không tiếp "
        "tục khiếu nại",
        "A termination notice was issued and the complainant did not continue within 30 days",
        f"{_LAW02} khoản 8",
        note_vi="Thời hạn 30 ngày: quy tắc KN-NONACC-8.",
        note_en="The 30 days: rule KN-NONACC-8.",
    ),
    Ground(
        "art11-9",
        "Việc khiếu nại đã được Tòa án thụ lý hoặc đã được giải quyết bằng bản án, quyết định của Tòa án "
        "(trừ quyết định đình chỉ giải quyết vụ án hành chính)",
        "A court has accepted or ruled on the matter (except a decision to terminate an administrative case)",
        f"{_LAW02} khoản 9",
    ),
)

_TT05 = "Thông tư 05/2021/TT-TTCP"
_U = Confidence.UNVERIFIED
_KN, _TC = CaseType.COMPLAINT, CaseType.DENUNCIATION

INELIGIBILITY_REASONS: tuple[Ground, ...] = (
    Ground(
        "anonymous",
        "Đơn nặc danh, mạo danh hoặc không rõ họ tên, địa chỉ người viết đơn",
        "Anonymous or pseudonymous letter, or no identifiable sender",
        f"{_TT05}; Luật Tố cáo 2018, Điều 25",
        note_vi="Tố cáo nặc danh có nội dung rõ ràng, chứng cứ cụ thể, có cơ sở thẩm tra thì vẫn thanh tra, "
        "kiểm tra theo thẩm quyền hoặc chuyển cơ quan có thẩm quyền để phục vụ quản lý (Luật Tố cáo, "
        "Điều 25).",
        note_en="An anonymous denunciation with a clear violator, concrete evidence and a basis to verify is "
        "still inspected within competence or forwarded, for management purposes (Law on Denunciation, "
        "Art 25).",
    ),
    Ground(
        "unsigned",
        "Đơn không có chữ ký hoặc điểm chỉ của người viết đơn",
        "The letter is not signed or fingerprinted",
        f"{_TT05}; Luật Khiếu nại 2011, Điều 11 khoản 5",
        _U,
    ),
    Ground(
        "missing_details",
        "Đơn không ghi ngày tháng năm, họ tên, địa chỉ hoặc không nêu rõ nội dung, lý do, yêu cầu",
        "The letter lacks the date, name or address, or does not state its content, reasons and request",
        f"{_TT05}, Điều 6",
        _U,
    ),
    Ground(
        "not_vietnamese",
        "Đơn không được viết bằng tiếng Việt",
        "The letter is not written in Vietnamese",
        f"{_TT05}, Điều 6",
        _U,
        note_vi="Cách xử lý đơn của người nước ngoài (dịch thuật?) còn phải xác định.",
        note_en="How to handle foreigners' letters (translation?) is still an open question.",
    ),
    Ground(
        "already_settled",
        "Vụ việc đã được giải quyết đúng pháp luật, có quyết định có hiệu lực và không có tình tiết mới",
        "Already settled correctly by a final decision, with nothing new",
        _TT05,
        _U,
    ),
    Ground(
        "past_limitation",
        "Đã hết thời hiệu khiếu nại mà không có lý do chính đáng",
        "The complaint limitation period has expired without a valid reason",
        "Luật Khiếu nại 2011, Điều 9, Điều 11 khoản 6",
        applies_to=(_KN,),
    ),
    Ground(
        "court_accepted",
        "Tòa án đã thụ lý hoặc đã giải quyết bằng bản án, quyết định",
        "A court has accepted or ruled on the matter",
        "Luật Khiếu nại 2011, Điều 11 khoản 9",
        applies_to=(_KN,),
    ),
    Ground(
        "duplicate",
        "Đơn trùng nội dung, cùng người gửi, đã được xử lý hoặc hướng dẫn (chỉ hướng dẫn một lần)",
        "A duplicate of a letter from the same sender already handled or guided (guidance is given once)",
        _TT05,
        _U,
    ),
    Ground(
        "denunciation_forwarded_once",
        "Đơn tố cáo cùng nội dung đã được chuyển đến cơ quan có thẩm quyền (chỉ chuyển một lần)",
        "A denunciation with the same content was already forwarded to the competent body (forwarded once)",
        f"{_TT05}, Điều 14; Luật Tố cáo 2018, Điều 24 khoản 3",
        applies_to=(_TC,),
    ),
    Ground(
        "not_kntc_content",
        "Nội dung không phải là khiếu nại, tố cáo, kiến nghị, phản ánh",
        "Not a complaint, denunciation, petition or feedback",
        f"{_ND154} điểm g; {_TT05}",
        VM,
    ),
    Ground(
        "administrative_regulation",
        "Phản ánh, kiến nghị về quy định hành chính (xử lý theo Nghị định 20/2008/NĐ-CP)",
        "Feedback or petition on administrative regulations (handled under Decree 20/2008)",
        _TT05,
        applies_to=(CaseType.PETITION_FEEDBACK,),
    ),
    Ground(
        "no_capacity",
        "Người viết đơn không có năng lực hành vi dân sự đầy đủ mà không có người đại diện hợp pháp",
        "The writer lacks full civil capacity and has no lawful representative",
        "Luật Khiếu nại 2011, Điều 11 khoản 3; Luật Tố cáo 2018, Điều 29 khoản 1",
        applies_to=(_KN, _TC),
    ),
)


def find_ground(grounds: tuple[Ground, ...], code: str) -> Ground:
    """The ground with `code` in one of the tables above."""
    for ground in grounds:
        if ground.code == code:
            return ground
    raise InvalidArgument(f'không có căn cứ mã "{code}"', f'no ground with code "{code}"')


def refusal_grounds_in_force(on: date) -> list[Ground]:
    """Refusal grounds a receiving officer may choose on `on` (ND154 points a–k only from 01/07/2026)."""
    return [g for g in REFUSAL_GROUNDS if g.in_force(on)]


def requires_written_notice(code: str) -> bool:
    """Whether refusing on ground `code` needs a written refusal notice (Form 01/TCD) rather than an oral
    explanation: Law 42/2013 Art 9(3) and ND154 Art 4(1)(h) (ND154 Art 4(2)-(3))."""
    return find_ground(REFUSAL_GROUNDS, code).requires_written_notice


def notice_deadline_rule(code: str, on: date) -> str | None:
    """The rule id giving the time limit for the written refusal notice when grounds are established on
    `on`: TCD-REFUSE-NOTICE (3 working days) from 01/07/2026; None when no notice is needed or, before
    that date, when no time limit is known (the TT 04/2021 form had none in our sources)."""
    ground = find_ground(REFUSAL_GROUNDS, code)
    if not ground.in_force(on):
        raise InvalidArgument(
            f'căn cứ "{code}" chưa áp dụng vào ngày {on.strftime("%d/%m/%Y")}',
            f'ground "{code}" is not in force on {on.strftime("%d/%m/%Y")}',
        )
    if ground.requires_written_notice and on >= REGIME_B_START:
        return ground.notice_rule_id
    return None
