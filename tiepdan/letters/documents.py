"""The documents a disposition produces (acceptance notice, non-acceptance notice, transfer slip,
guidance slip, urging letter, filing note), as `documents.render.AdminDocument` values.

A protected letter's documents never carry the denouncer's identity: the name is masked and the
letter's redacted summary is quoted (TC-CONFID; the envelope to the denouncer is addressed from the
secret record, see docs/adr/0004-denouncer-identity.md).
"""

from __future__ import annotations

from datetime import date

from tiepdan.common.choices import MatterType
from tiepdan.letters.policies import MASKED_DENOUNCER

TYPE_WORDS = {
    MatterType.COMPLAINT: "khiếu nại",
    MatterType.DENUNCIATION: "tố cáo",
    MatterType.PETITION: "kiến nghị",
    MatterType.FEEDBACK: "phản ánh",
}
GROUNDS = {
    MatterType.COMPLAINT: (
        "Căn cứ Luật Khiếu nại ngày 11 tháng 11 năm 2011",
        "Căn cứ Nghị định số 124/2020/NĐ-CP ngày 19 tháng 10 năm 2020 của Chính phủ quy định chi tiết một số "
        "điều và biện pháp thi hành Luật Khiếu nại",
        "Căn cứ Thông tư số 05/2021/TT-TTCP ngày 01 tháng 10 năm 2021 của Thanh tra Chính phủ quy định quy "
        "trình xử lý đơn khiếu nại, đơn tố cáo, đơn kiến nghị, phản ánh",
    ),
    MatterType.DENUNCIATION: (
        "Căn cứ Luật Tố cáo ngày 12 tháng 6 năm 2018",
        "Căn cứ Nghị định số 31/2019/NĐ-CP ngày 10 tháng 4 năm 2019 của Chính phủ quy định chi tiết một số "
        "điều và biện pháp tổ chức thi hành Luật Tố cáo",
        "Căn cứ Thông tư số 05/2021/TT-TTCP ngày 01 tháng 10 năm 2021 của Thanh tra Chính phủ quy định quy "
        "trình xử lý đơn khiếu nại, đơn tố cáo, đơn kiến nghị, phản ánh",
    ),
}
GROUNDS[MatterType.PETITION] = GROUNDS[MatterType.FEEDBACK] = (
    "Căn cứ Luật Tiếp công dân ngày 25 tháng 11 năm 2013",
    "Căn cứ Thông tư số 05/2021/TT-TTCP ngày 01 tháng 10 năm 2021 của Thanh tra Chính phủ quy định quy trình "
    "xử lý đơn khiếu nại, đơn tố cáo, đơn kiến nghị, phản ánh",
)
CONFIDENTIALITY_NOTE = (
    "Thông tin về người tố cáo được giữ bí mật theo quy định tại Điều 47 Luật Tố cáo năm 2018; "
    "văn bản này không ghi họ tên, địa chỉ, bút tích của người tố cáo."
)


def _day(d: date) -> str:
    return f"{d:%d/%m/%Y}"


def sender_phrase(letter, senders: list[str]) -> str:
    """Who wrote: masked for a protected letter, "đơn không ghi tên" for an anonymous one."""
    if letter.protects_identity:
        return MASKED_DENOUNCER
    if letter.is_anonymous or not senders:
        return "người gửi không ghi họ tên (đơn nặc danh)"
    if len(senders) == 1:
        return f"ông (bà) {senders[0]}"
    return f"ông (bà) {senders[0]} và {len(senders) - 1} người khác cùng ký đơn"


def addressee(letter, senders: list[str]) -> list[str]:
    if letter.protects_identity:
        return [MASKED_DENOUNCER]
    if letter.is_anonymous or not senders:
        return []
    return [f"Ông (bà) {senders[0]}"]


def _received(letter, senders: list[str], agency_name: str) -> str:
    words = TYPE_WORDS[MatterType(letter.matter_type)]
    text = (f"Ngày {_day(letter.received_on)}, {agency_name} nhận được đơn {words} của "
            f"{sender_phrase(letter, senders)}")
    if letter.transferring_body:
        text += f" do {letter.transferring_body} chuyển đến theo văn bản số {letter.transfer_doc_number}"
    return text + f" (mã đơn {letter.code})."


def _content(letter) -> str:
    return f"Nội dung đơn: {letter.summary.rstrip('.')}."


def _common(*, letter, header: dict, on: date, signature, kind_code: str, kind_name: str, summary: str,
            body: list, kinh_gui: list[str], recipients: list[str], unit_abbr: str, grounds=()) -> dict:
    return {
        **header,
        "kind_code": kind_code,
        "kind_name": kind_name,
        "number": None,
        "issued_on": on,
        "summary": summary,
        "body": body,
        "grounds": tuple(grounds),
        "recipients": tuple(recipients),
        "archive": f"VT, {unit_abbr}" if unit_abbr else "VT",
        "signature": signature,
        "kinh_gui": tuple(kinh_gui),
    }


def acceptance_notice(*, letter, senders, header, agency_name, on, signature, unit_abbr, case_code,
                      due_text: str = "") -> dict:
    words = TYPE_WORDS[MatterType(letter.matter_type)]
    body = [
        _received(letter, senders, agency_name),
        _content(letter),
        f"Sau khi xem xét, nội dung đơn thuộc thẩm quyền giải quyết và đủ điều kiện thụ lý. {agency_name} "
        f"thông báo: thụ lý giải quyết {words} nêu trên (hồ sơ số {case_code}).",
    ]
    if due_text:
        body.append(due_text)
    if letter.protects_identity:
        body.append(CONFIDENTIALITY_NOTE)
    recipients = [*addressee(letter, senders), "Lãnh đạo Sở (để báo cáo)"]
    if letter.transferring_body:
        recipients.append(f"{letter.transferring_body} (để biết)")
    return _common(
        letter=letter, header=header, on=on, signature=signature, kind_code="TB", kind_name="THÔNG BÁO",
        summary=f"Về việc thụ lý giải quyết {words}", body=body, kinh_gui=addressee(letter, senders),
        recipients=recipients, unit_abbr=unit_abbr, grounds=GROUNDS[MatterType(letter.matter_type)],
    )


def non_acceptance_notice(*, letter, senders, header, agency_name, on, signature, unit_abbr, reason_label,
                          reason_source, note="") -> dict:
    words = TYPE_WORDS[MatterType(letter.matter_type)]
    body = [
        _received(letter, senders, agency_name),
        _content(letter),
        f"Sau khi xem xét, {agency_name} không thụ lý đơn nêu trên với lý do: {reason_label.rstrip('.')} "
        f"(căn cứ {reason_source}).",
    ]
    if note:
        body.append(note)
    if letter.protects_identity:
        body.append(CONFIDENTIALITY_NOTE)
    return _common(
        letter=letter, header=header, on=on, signature=signature, kind_code="TB", kind_name="THÔNG BÁO",
        summary=f"Về việc không thụ lý đơn {words}", body=body, kinh_gui=addressee(letter, senders),
        recipients=[*addressee(letter, senders), "Lãnh đạo Sở (để báo cáo)"], unit_abbr=unit_abbr,
        grounds=GROUNDS[MatterType(letter.matter_type)],
    )


def transfer_slip(*, letter, senders, header, agency_name, on, signature, unit_abbr, to_body, note="") -> dict:
    words = TYPE_WORDS[MatterType(letter.matter_type)]
    body = [
        _received(letter, senders, agency_name),
        _content(letter),
        f"Sau khi xem xét, nội dung đơn không thuộc thẩm quyền giải quyết của {agency_name}. "
        f"{agency_name} chuyển đơn đến {to_body} để xem xét, giải quyết theo thẩm quyền và thông báo kết quả "
        f"cho người gửi đơn, {agency_name} theo quy định.",
    ]
    if letter.matter_type == MatterType.DENUNCIATION:
        body.append(
            "Đơn tố cáo cùng nội dung chỉ được chuyển một lần (Thông tư số 05/2021/TT-TTCP, Điều 14). "
            "Bản gốc đơn và thông tin người tố cáo được chuyển kèm theo dưới dạng tài liệu mật; đề nghị giữ bí "
            "mật theo Điều 47 Luật Tố cáo năm 2018."
        )
    if note:
        body.append(note)
    recipients = [to_body, *addressee(letter, senders)]
    return _common(
        letter=letter, header=header, on=on, signature=signature, kind_code="PC", kind_name="PHIẾU CHUYỂN ĐƠN",
        summary=f"Về việc chuyển đơn {words}", body=body, kinh_gui=[to_body], recipients=recipients,
        unit_abbr=unit_abbr, grounds=GROUNDS[MatterType(letter.matter_type)],
    )


def guidance_slip(*, letter, senders, header, agency_name, on, signature, unit_abbr, to_body, note="") -> dict:
    words = TYPE_WORDS[MatterType(letter.matter_type)]
    body = [
        _received(letter, senders, agency_name),
        _content(letter),
        f"Nội dung đơn không thuộc thẩm quyền giải quyết của {agency_name}. Đề nghị ông (bà) gửi đơn đến "
        f"{to_body} để được xem xét, giải quyết theo quy định của pháp luật.",
        f"Việc hướng dẫn chỉ thực hiện một lần; đơn {words} cùng nội dung gửi lại sẽ được lưu theo quy định. "
        "Giấy tờ, tài liệu gốc (nếu có) được trả lại kèm theo phiếu này.",
    ]
    if note:
        body.append(note)
    return _common(
        letter=letter, header=header, on=on, signature=signature, kind_code="HD", kind_name="PHIẾU HƯỚNG DẪN",
        summary=f"Về việc hướng dẫn gửi đơn {words} đến cơ quan có thẩm quyền", body=body,
        kinh_gui=addressee(letter, senders), recipients=addressee(letter, senders), unit_abbr=unit_abbr,
        grounds=GROUNDS[MatterType(letter.matter_type)],
    )


def urging_letter(*, letter, senders, header, agency_name, on, signature, unit_abbr, subordinate, note="",
                  reply_by: date | None = None) -> dict:
    words = TYPE_WORDS[MatterType(letter.matter_type)]
    body = [
        _received(letter, senders, agency_name),
        _content(letter),
        f"Nội dung đơn thuộc thẩm quyền giải quyết của {subordinate}. Để bảo đảm quyền, lợi ích hợp pháp của "
        f"công dân, {agency_name} đề nghị {subordinate} khẩn trương xem xét, giải quyết theo thẩm quyền"
        + (f" và báo cáo kết quả về {agency_name} trước ngày {_day(reply_by)}." if reply_by else
           f" và báo cáo kết quả về {agency_name}."),
    ]
    if note:
        body.append(note)
    if letter.protects_identity:
        body.append(CONFIDENTIALITY_NOTE)
    return {
        **_common(
            letter=letter, header=header, on=on, signature=signature, kind_code="", kind_name="",
            summary=f"V/v đôn đốc giải quyết đơn {words}", body=body, kinh_gui=[subordinate],
            recipients=[subordinate, "Lãnh đạo Sở (để báo cáo)"], unit_abbr=unit_abbr,
        ),
        "agency_symbol": f"{header['agency_symbol']}-{unit_abbr}" if unit_abbr else header["agency_symbol"],
    }


def filing_note(*, letter, senders, header, agency_name, on, signature, unit_abbr, reason_label, reason_source,
                note="") -> dict:
    body = [
        _received(letter, senders, agency_name),
        _content(letter),
        f"Đơn được lưu, không xử lý tiếp, với lý do: {reason_label.rstrip('.')} (căn cứ {reason_source}).",
    ]
    if note:
        body.append(note)
    if letter.protects_identity:
        body.append(CONFIDENTIALITY_NOTE)
    return _common(
        letter=letter, header=header, on=on, signature=signature, kind_code="PB", kind_name="PHIẾU BÁO",
        summary="Về việc lưu đơn", body=body, kinh_gui=[], recipients=["Lãnh đạo Sở (để báo cáo)"],
        unit_abbr=unit_abbr,
    )
