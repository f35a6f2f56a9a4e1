"""The narrative report (.docx) and the forms' .xlsx, from a version's kept figures and text.

The paragraphs that state figures are generated from the figures (never typed); the sections a person
writes (notable matters, assessment, tasks, proposals) come from the report's editable narrative, seeded
with the units' parts. The documents app renders both files (Decree 30/2020 format), imported lazily so
that the computation works on its own.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from tiepdan.reports import forms as f

EDITABLE_SECTIONS = (
    ("notable", "Vụ việc đông người, phức tạp, nổi cộm"),
    ("assessment", "Đánh giá chung (ưu điểm, tồn tại, hạn chế, nguyên nhân)"),
    ("tasks", "Phương hướng, nhiệm vụ kỳ tới"),
    ("proposals", "Đề xuất, kiến nghị"),
)

DEFAULT_ADDRESSEES = ("Ủy ban nhân dân tỉnh", "Thanh tra tỉnh")
DEFAULT_RECIPIENTS = (
    "Như trên",
    "Ban Tiếp công dân tỉnh",
    "Giám đốc, các Phó Giám đốc Sở",
    "Các phòng, đơn vị thuộc Sở",
)


def _n(value: Any) -> str:
    """13500 → "13.500" (Vietnamese thousands separator)."""
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")
    return f"{int(value):,}".replace(",", ".")


def _pct(part: float, whole: float) -> str:
    if not whole:
        return "0%"
    return f"{100 * part / whole:.1f}%".replace(".", ",")


def figure_paragraphs(tables: Mapping[str, f.FormTable]) -> dict[str, list[str]]:
    """The paragraphs that state the figures, by section, from the totals of the forms."""
    out: dict[str, list[str]] = {"reception": [], "letters": [], "settlement": []}
    if tcd := tables.get("01/TCD"):
        t = tcd.total
        out["reception"].append(
            f"Trong kỳ, toàn Sở đã tiếp {_n(t[1])} lượt với {_n(t[2])} người, về {_n(t[3])} vụ việc. "
            f"Tiếp thường xuyên {_n(t[4])} lượt/{_n(t[5])} người; Thủ trưởng tiếp định kỳ, đột xuất {_n(t[12])} kỳ "
            f"với {_n(t[13])} lượt/{_n(t[14])} người; ủy quyền tiếp {_n(t[21])} kỳ với {_n(t[22])} lượt/"
            f"{_n(t[23])} người."
        )
        mass = t[8] + t[17] + t[26]
        people = t[9] + t[18] + t[27]
        out["reception"].append(
            f"Số đoàn đông người được tiếp: {_n(mass)} đoàn với {_n(people)} người. "
            f"Số vụ việc tiếp lần đầu {_n(t[6] + t[15] + t[24])}, tiếp nhiều lần {_n(t[7] + t[16] + t[25])}."
        )
    if xld := tables.get("01/XLD"):
        t = xld.total
        out["letters"].append(
            f"Tổng số đơn phải xử lý {_n(t[1])} đơn (kỳ trước chuyển sang {_n(t[2])} đơn, tiếp nhận trong kỳ "
            f"{_n(t[3])} đơn); đã xử lý {_n(t[4])} đơn ({_pct(t[4], t[1])}), chưa xử lý chuyển kỳ sau {_n(t[5])} đơn."
        )
        out["letters"].append(
            f"Số đơn đủ điều kiện xử lý {_n(t[6])} đơn về {_n(t[7])} vụ việc, gồm: khiếu nại {_n(t[8])}, "
            f"tố cáo {_n(t[9])}, kiến nghị, phản ánh {_n(t[10])}."
        )
        out["letters"].append(
            f"Kết quả xử lý: thuộc thẩm quyền {_n(t[14])} đơn (khiếu nại {_n(t[15])}, tố cáo {_n(t[16])}, kiến nghị, "
            f"phản ánh {_n(t[17])}); không thuộc thẩm quyền {_n(t[18])} đơn (hướng dẫn {_n(t[19])}, chuyển đơn "
            f"{_n(t[20])}, đôn đốc {_n(t[21])}); lưu đơn {_n(t[22])} đơn. Đã nhận {_n(t[23])} văn bản phản hồi "
            "kết quả giải quyết đơn đã chuyển."
        )
    for code, name in (("01/KQGQ", "khiếu nại"), ("02/KQGQTC", "tố cáo")):
        if table := tables.get(code):
            t = table.total
            time_first = next(c.number for c in table.columns if c.label == "Đúng thời hạn")
            out["settlement"].append(
                f"Giải quyết {name} thuộc thẩm quyền: phải giải quyết {_n(t[1])} vụ việc (kỳ trước chuyển sang "
                f"{_n(t[2])}, thụ lý mới {_n(t[3])}); đã giải quyết {_n(t[5])} vụ việc ({_pct(t[5], t[1])}), trong đó "
                f"bằng quyết định, kết luận {_n(t[6])}, rút đơn, đình chỉ {_n(t[7])}; "
                f"đúng thời hạn {_n(t[time_first])}, "
                f"quá thời hạn {_n(t[time_first + 1])}; chưa giải quyết xong {_n(t[8])} vụ việc."
            )
    if enforcement := tables.get("03/KQGQ"):
        t = enforcement.total
        out["settlement"].append(
            f"Thi hành quyết định giải quyết khiếu nại: phải thực hiện {_n(t[1])}, đã thực hiện xong {_n(t[4])}. "
            f"Xử lý sau kết luận nội dung tố cáo: phải xử lý {_n(t[6])}, đã xử lý xong {_n(t[9])}."
        )
    return out


def notable_paragraphs(facts: Mapping[str, Any]) -> list[str]:
    """The notable matters kept with the version (mass visits and letters, complex cases)."""
    lines = []
    counts = facts.get("counts", {})
    if counts:
        lines.append(
            f"Trong kỳ có {_n(counts.get('mass_visits', 0))} lượt đoàn đông người đến trụ sở, "
            f"{_n(counts.get('mass_letters', 0))} đơn có nhiều người cùng ký và {_n(counts.get('complex_cases', 0))} "
            "vụ việc được xác định phức tạp."
        )
    for v in facts.get("mass_visits", [])[:5]:
        day = date.fromisoformat(v["day"])
        lines.append(f"- Ngày {day:%d/%m/%Y}: đoàn {v['people']} người ({v['unit']}): {v['content']}.")
    for c in facts.get("complex_cases", [])[:5]:
        lines.append(f"- Vụ việc {c['code']} ({c['unit']}): {c['title']}.")
    return lines


def hot_spot_paragraphs(facts: Mapping[str, Any]) -> list[str]:
    spots = facts.get("hot_spots")
    if spots is None:
        return ["Phân hệ theo dõi tình hình chưa cung cấp danh sách điểm nóng cho kỳ báo cáo này."]
    if not spots:
        return ["Trong kỳ không phát sinh điểm nóng về khiếu nại, tố cáo trong lĩnh vực quản lý của Sở."]
    return [f"- {s.get('title', '')}{': ' + s['summary'] if s.get('summary') else ''}." for s in spots]


def default_narrative(contributions: Sequence[Mapping[str, str]]) -> dict[str, str]:
    """The editable sections seeded from the units' parts ("Đơn vị: text" per unit)."""

    def joined(key: str) -> str:
        return "\n".join(f"{c['unit']}: {c[key].strip()}" for c in contributions if c.get(key, "").strip())

    return {
        "notable": joined("notable"),
        "assessment": joined("difficulties")
        or "Công tác tiếp công dân, xử lý đơn và giải quyết khiếu nại, tố cáo được thực hiện theo quy định.",
        "tasks": "Tiếp tục thực hiện tốt công tác tiếp công dân, xử lý đơn thư, giải quyết khiếu nại, tố cáo; "
        "tập trung giải quyết dứt điểm các vụ việc tồn đọng, phức tạp ngay từ cơ sở.",
        "proposals": joined("proposals"),
    }


@dataclass(frozen=True)
class DocumentInput:
    """What the .docx needs besides the figures: the header, the signer, the addressees."""

    agency: Any  # org.Agency (name, parent_body, place_name, abbreviation)
    title: str
    period_label: str
    drafting_unit_abbreviation: str
    signer_title: str
    signer_name: str
    signer_authority: str = ""
    addressees: Sequence[str] = DEFAULT_ADDRESSEES
    recipients: Sequence[str] = DEFAULT_RECIPIENTS
    number: int | None = None
    issued_on: date | None = None


def admin_document(doc: DocumentInput, tables: Mapping[str, f.FormTable], narrative: Mapping[str, str],
                   facts: Mapping[str, Any]):
    """The `documents.render.AdminDocument` of the report (Decree 30/2020 layout)."""
    from tiepdan.documents.render import AdminDocument, Heading, Signature, agency_header

    figures = figure_paragraphs(tables)

    def text(key: str) -> list[str]:
        return [line.strip() for line in narrative.get(key, "").splitlines() if line.strip()]

    body: list[Any] = [
        f"Thực hiện chế độ báo cáo theo Thông tư số 01/2024/TT-TTCP của Thanh tra Chính phủ, {agency_name(doc.agency)} "
        f"báo cáo kết quả công tác tiếp công dân, xử lý đơn, giải quyết khiếu nại, tố cáo {doc.period_label} như sau:",
        Heading("I. KẾT QUẢ CÔNG TÁC TIẾP CÔNG DÂN"),
        *figures["reception"],
        Heading("II. TIẾP NHẬN, PHÂN LOẠI VÀ XỬ LÝ ĐƠN"),
        *figures["letters"],
        Heading("III. KẾT QUẢ GIẢI QUYẾT KHIẾU NẠI, TỐ CÁO THUỘC THẨM QUYỀN"),
        *figures["settlement"],
        Heading("IV. VỤ VIỆC ĐÔNG NGƯỜI, PHỨC TẠP, NỔI CỘM"),
        *notable_paragraphs(facts),
        *text("notable"),
        Heading("V. TÌNH HÌNH ĐIỂM NÓNG"),
        *hot_spot_paragraphs(facts),
        Heading("VI. ĐÁNH GIÁ CHUNG"),
        *(text("assessment") or ["(Chưa có nội dung.)"]),
        Heading("VII. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI"),
        *(text("tasks") or ["(Chưa có nội dung.)"]),
        Heading("VIII. ĐỀ XUẤT, KIẾN NGHỊ"),
        *(text("proposals") or ["Không có."]),
        f"(Có {len(tables)} biểu số liệu kèm theo: {', '.join(tables)}.)",
        "Trên đây là báo cáo kết quả công tác tiếp công dân, xử lý đơn, giải quyết khiếu nại, tố cáo "
        f"{doc.period_label} "
        f"của {agency_name(doc.agency)}./.",
    ]
    return AdminDocument(
        **agency_header(doc.agency),
        kind_code="BC",
        kind_name="BÁO CÁO",
        number=doc.number,
        issued_on=doc.issued_on,
        summary=doc.title,
        body=body,
        kinh_gui=tuple(doc.addressees),
        recipients=tuple(doc.recipients),
        archive=f"VT, {doc.drafting_unit_abbreviation}" if doc.drafting_unit_abbreviation else "VT",
        signature=Signature(title=doc.signer_title, name=doc.signer_name, authority=doc.signer_authority),
    )


def agency_name(agency: Any) -> str:
    return getattr(agency, "name", "") or "Sở"


def render(doc: DocumentInput, tables: Mapping[str, f.FormTable], narrative: Mapping[str, str],
           facts: Mapping[str, Any]) -> bytes:
    from tiepdan.documents.render import render_docx

    return render_docx(admin_document(doc, tables, narrative, facts))


def form_xlsx(table: f.FormTable, *, agency_name: str = "") -> bytes:
    """One form as .xlsx laid out like the official forms: the header as merged cells (each group over its
    columns, the leaves under it, "Đơn vị" down the whole header), the row of column numbers "(1) (2) ...",
    one row per unit and the total row, then the identities and notes (documents.xlsx.write_grid_xlsx)."""
    from tiepdan.documents.xlsx import GridCell, write_grid_xlsx

    title = (
        f"Biểu số {table.code}: {table.title} — số liệu từ ngày {table.start:%d/%m/%Y} đến ngày {table.end:%d/%m/%Y}"
        + (f" — {agency_name}" if agency_name else "")
    )
    header = [
        [GridCell(c.text, c.colspan, c.rowspan) for c in row]
        for row in f.header_rows(table.columns, numbered=False)
    ]
    header[0].insert(0, GridCell("Đơn vị", rowspan=len(header)))
    rows: list[list[Any]] = table.matrix()
    rows.append([])
    rows += [[f"Kiểm tra: {i.text()} ({i.label})"] for i in table.identities]
    rows += [[f"Ghi chú: {note}"] for note in table.notes]
    return write_grid_xlsx(
        title=title, header=header, numbers=["", *f.number_row(table.columns)], rows=rows, sheet=f.slug(table.code),
    )
