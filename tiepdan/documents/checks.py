"""The format checker: reads any .docx and lists, in Vietnamese, where it departs from Decree
30/2020/NĐ-CP Appendix I (domain.md §9). Used on our own output in tests, and on documents users
upload or edit in Word before they are issued.

No ORM, no clock. Effective values are resolved the way Word does for the parts ND30 constrains:
direct formatting, then the character style, the paragraph style chain, then the document defaults
(theme fonts resolved through the theme part).
"""

from __future__ import annotations

import io
import re
from collections import Counter
from collections.abc import Iterator
from typing import Any

from django.utils.translation import gettext as _
from docx import Document
from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from lxml import etree

from tiepdan.documents import nd30

_TOLERANCE_MM = 0.5  # twips ↔ mm rounding in Word and LibreOffice
_EMU_PER_MM = 36000
_A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"


def check_format(docx: bytes) -> list[str]:
    """Problems found in `docx`, in Vietnamese; an empty list means it follows ND30 on every point
    checked: A4 portrait, margins, Times New Roman on every run, the header table with the national
    name and motto, the "Số:" line, the recipients block, body size 13–14 pt."""
    try:
        document = Document(io.BytesIO(docx))
    except Exception as exc:  # python-docx raises several unrelated types for a bad package
        return [_("Không đọc được tệp .docx: %(error)s") % {"error": exc}]
    resolver = _Resolver(document)
    problems: list[str] = []
    problems += _check_page(document)
    problems += _check_fonts(document, resolver)
    problems += _check_header(document, resolver)
    problems += _check_recipients(document, resolver)
    problems += _check_body_size(document, resolver)
    return problems


# ---------------------------------------------------------------------------------------------


def _mm(length: int | None) -> float:
    return (length or 0) / _EMU_PER_MM


def _fmt_mm(value: float) -> str:
    return f"{value:.1f}".replace(".", ",")


def _check_page(document: DocxDocument) -> list[str]:
    problems: list[str] = []
    for index, section in enumerate(document.sections, start=1):
        width, height = _mm(section.page_width), _mm(section.page_height)
        portrait = abs(width - nd30.PAGE_WIDTH_MM) <= 1 and abs(height - nd30.PAGE_HEIGHT_MM) <= 1
        # Landscape pages are allowed for wide tables (ND30 App. I, I.3), never for the first section.
        landscape = abs(width - nd30.PAGE_HEIGHT_MM) <= 1 and abs(height - nd30.PAGE_WIDTH_MM) <= 1
        if not portrait and not (landscape and index > 1):
            problems.append(
                _("Khổ giấy phải là A4 (210 × 297 mm), khổ đứng; phần %(n)s đang là %(w)s × %(h)s mm.")
                % {"n": index, "w": _fmt_mm(width), "h": _fmt_mm(height)}
            )
        margins = {
            "top": (section.top_margin, _("trên")),
            "bottom": (section.bottom_margin, _("dưới")),
            "left": (section.left_margin, _("trái")),
            "right": (section.right_margin, _("phải")),
        }
        for key, (value, label) in margins.items():
            low, high = nd30.MARGIN_RANGES_MM[key]
            actual = _mm(value)
            if not low - _TOLERANCE_MM <= actual <= high + _TOLERANCE_MM:
                problems.append(
                    _("Lề %(side)s cần từ %(low)s đến %(high)s mm; phần %(n)s đang là %(actual)s mm.")
                    % {"side": label, "low": int(low), "high": int(high), "n": index, "actual": _fmt_mm(actual)}
                )
    return problems


class _Resolver:
    """Effective run properties: direct → character style → paragraph style chain → defaults."""

    def __init__(self, document: DocxDocument) -> None:
        self.document = document
        styles = document.styles.element
        defaults = styles.find(qn("w:docDefaults"))
        rpr_default = defaults.find(qn("w:rPrDefault")) if defaults is not None else None
        self.default_rpr = rpr_default.find(qn("w:rPr")) if rpr_default is not None else None
        self.styles = {s.get(qn("w:styleId")): s for s in styles.findall(qn("w:style"))}
        self.default_paragraph_style = next(
            (s for s in self.styles.values() if s.get(qn("w:type")) == "paragraph" and s.get(qn("w:default")) == "1"),
            None,
        )
        self.theme_fonts = self._theme_fonts(document)

    @staticmethod
    def _theme_fonts(document: DocxDocument) -> dict[str, str]:
        fonts: dict[str, str] = {}
        for rel in document.part.rels.values():
            if rel.reltype != RT.THEME or rel.is_external:
                continue
            root = etree.fromstring(rel.target_part.blob)
            for scheme, prefix in (("majorFont", "major"), ("minorFont", "minor")):
                element = root.find(f".//{{{_A_NS}}}{scheme}")
                if element is None:
                    continue
                for slot, suffix in (("latin", "HAnsi"), ("ea", "EastAsia"), ("cs", "Bidi")):
                    face = element.find(f"{{{_A_NS}}}{slot}")
                    if face is not None and face.get("typeface"):
                        fonts[f"{prefix}{suffix}"] = face.get("typeface")
                fonts.setdefault(f"{prefix}Ascii", fonts.get(f"{prefix}HAnsi", ""))
        return fonts

    def _style_rprs(self, style_id: str | None) -> Iterator[Any]:
        seen: set[str] = set()
        while style_id and style_id not in seen:
            seen.add(style_id)
            style = self.styles.get(style_id)
            if style is None:
                return
            rpr = style.find(qn("w:rPr"))
            if rpr is not None:
                yield rpr
            based = style.find(qn("w:basedOn"))
            style_id = based.get(qn("w:val")) if based is not None else None

    def chain(self, run_element: Any, paragraph_element: Any) -> list[Any]:
        rprs: list[Any] = []
        direct = run_element.find(qn("w:rPr"))
        if direct is not None:
            rprs.append(direct)
            rstyle = direct.find(qn("w:rStyle"))
            if rstyle is not None:
                rprs += list(self._style_rprs(rstyle.get(qn("w:val"))))
        ppr = paragraph_element.find(qn("w:pPr"))
        pstyle = ppr.find(qn("w:pStyle")) if ppr is not None else None
        if pstyle is not None:
            rprs += list(self._style_rprs(pstyle.get(qn("w:val"))))
        elif self.default_paragraph_style is not None:
            rprs += list(self._style_rprs(self.default_paragraph_style.get(qn("w:styleId"))))
        if self.default_rpr is not None:
            rprs.append(self.default_rpr)
        return rprs

    def font(self, chain: list[Any], slot: str) -> str | None:
        """The font of `slot` (ascii, hAnsi, eastAsia); a theme attribute wins over a name."""
        theme_attr = "cstheme" if slot == "cs" else f"{slot}Theme"
        for rpr in chain:
            rfonts = rpr.find(qn("w:rFonts"))
            if rfonts is None:
                continue
            theme = rfonts.get(qn(f"w:{theme_attr}"))
            if theme:
                return self.theme_fonts.get(theme) or f"({theme})"
            name = rfonts.get(qn(f"w:{slot}"))
            if name:
                return name
        return None

    def size_pt(self, chain: list[Any]) -> float:
        for rpr in chain:
            sz = rpr.find(qn("w:sz"))
            if sz is not None and sz.get(qn("w:val")):
                return int(sz.get(qn("w:val"))) / 2
        return 10.0  # ECMA-376: no size anywhere means 10 pt

    def toggle(self, chain: list[Any], tag: str) -> bool:
        for rpr in chain:
            element = rpr.find(qn(f"w:{tag}"))
            if element is not None:
                return element.get(qn("w:val"), "true") not in ("0", "false", "off")
        return False


def _runs(paragraph_element: Any) -> Iterator[Any]:
    # Every run, including those inside hyperlinks, fields and content controls.
    yield from paragraph_element.iter(qn("w:r"))


def _run_text(run_element: Any, parent: Any) -> str:
    return Run(run_element, parent).text


def _all_paragraphs(document: DocxDocument) -> Iterator[tuple[Any, Any]]:
    """(w:p, parent) for the body (tables included, at any depth) and every header and footer."""
    for p in document.element.body.iter(qn("w:p")):
        yield p, document._body
    for section in document.sections:
        for part in (section.header, section.footer, section.first_page_header, section.first_page_footer,
                     section.even_page_header, section.even_page_footer):
            if part.is_linked_to_previous:
                continue
            for p in part._element.iter(qn("w:p")):
                yield p, part


def _check_fonts(document: DocxDocument, resolver: _Resolver) -> list[str]:
    wrong: Counter[str] = Counter()
    samples: dict[str, str] = {}
    for p, parent in _all_paragraphs(document):
        for r in _runs(p):
            text = _run_text(r, Paragraph(p, parent))
            if not text.strip():
                continue
            chain = resolver.chain(r, p)
            fonts = {resolver.font(chain, "ascii"), resolver.font(chain, "hAnsi")}
            east_asian = resolver.font(chain, "eastAsia")
            # The East-Asian slot only counts when it names a font: Word uses it for some characters.
            if east_asian and not east_asian.startswith("("):
                fonts.add(east_asian)
            for font in fonts - {nd30.FONT}:
                label = font or _("(không khai báo)")
                wrong[label] += 1
                samples.setdefault(label, text.strip()[:40])
    return [
        _("Phông chữ phải là Times New Roman: %(count)s đoạn chữ dùng %(font)s, ví dụ “%(sample)s”.")
        % {"count": count, "font": font, "sample": samples[font]}
        for font, count in wrong.most_common()
    ]


def _paragraph_text(p: Any, parent: Any) -> str:
    return Paragraph(p, parent).text


def _check_header(document: DocxDocument, resolver: _Resolver) -> list[str]:
    tables = document.tables
    if not tables:
        return [_("Thiếu bảng tiêu đề (cơ quan ban hành, số ký hiệu, Quốc hiệu và Tiêu ngữ).")]
    header = tables[0]
    paragraphs = [(p, header) for p in header._tbl.iter(qn("w:p"))]
    texts = [nd30.normalise_heading_text(_paragraph_text(p, parent)) for p, parent in paragraphs]
    problems: list[str] = []
    name_at = next((i for i, t in enumerate(texts) if t == nd30.NATIONAL_NAME), None)
    if name_at is None:
        problems.append(_("Thiếu Quốc hiệu “%(name)s” trong bảng tiêu đề.") % {"name": nd30.NATIONAL_NAME})
    else:
        problems += _expect_style(paragraphs[name_at][0], resolver, _("Quốc hiệu"), sizes=(12, 13), bold=True)
    motto_at = next((i for i, t in enumerate(texts) if t == nd30.MOTTO), None)
    if motto_at is None:
        dashed = any(t.replace("–", "-").replace("—", "-") == nd30.MOTTO for t in texts)
        problems.append(
            _("Tiêu ngữ phải dùng gạch nối (-) có cách chữ: “%(motto)s”.") % {"motto": nd30.MOTTO}
            if dashed
            else _("Thiếu Tiêu ngữ “%(motto)s” trong bảng tiêu đề.") % {"motto": nd30.MOTTO}
        )
    else:
        problems += _expect_style(paragraphs[motto_at][0], resolver, _("Tiêu ngữ"), sizes=(13, 14), bold=True)
    numbers = [t for t in (_paragraph_text(p, parent) for p, parent in paragraphs) if t.strip().startswith("Số")]
    if not numbers:
        problems.append(_("Thiếu dòng số, ký hiệu văn bản (“Số: 05/TB-SVHTTDL”) trong bảng tiêu đề."))
    elif not any(nd30.NUMBER_PATTERN.fullmatch(t.strip()) for t in numbers):
        problems.append(
            _("Số, ký hiệu văn bản sai định dạng: “%(found)s” (đúng: “Số: 05/TB-SVHTTDL”, số nhỏ hơn 10 thêm số 0 "
              "phía trước, không có khoảng trắng quanh “/” và “-”).")
            % {"found": numbers[0].strip()}
        )
    return problems


def _expect_style(p: Any, resolver: _Resolver, label: str, *, sizes: tuple[float, float], bold: bool,
                  italic: bool | None = None) -> list[str]:
    problems: list[str] = []
    for r in _runs(p):
        if not (r.findtext(qn("w:t")) or "").strip():
            continue
        chain = resolver.chain(r, p)
        size = resolver.size_pt(chain)
        if not sizes[0] <= size <= sizes[1]:
            problems.append(
                _("%(label)s phải cỡ chữ %(low)s–%(high)s, đang là %(size)s.")
                % {"label": label, "low": sizes[0], "high": sizes[1], "size": size}
            )
        if resolver.toggle(chain, "b") != bold:
            problems.append(_("%(label)s phải in đậm.") % {"label": label} if bold
                            else _("%(label)s không in đậm.") % {"label": label})
        if italic is not None and resolver.toggle(chain, "i") != italic:
            problems.append(_("%(label)s phải in nghiêng.") % {"label": label} if italic
                            else _("%(label)s không in nghiêng.") % {"label": label})
        break  # the first run with text stands for the line
    return problems


def _check_recipients(document: DocxDocument, resolver: _Resolver) -> list[str]:
    label = None
    archive = False
    for p in document.element.body.iter(qn("w:p")):
        text = _paragraph_text(p, document._body).strip()
        if label is None and text.startswith("Nơi nhận"):
            label = p
        elif label is not None and re.match(r"-\s*Lưu\s*:", text):
            archive = True
    if label is None:
        return [_("Thiếu phần “Nơi nhận:”.")]
    problems = _expect_style(label, resolver, _("Chữ “Nơi nhận:”"), sizes=(12, 12), bold=True, italic=True)
    if not archive:
        problems.append(_("Nơi nhận phải kết thúc bằng dòng “- Lưu: VT, …”."))
    return problems


def _check_body_size(document: DocxDocument, resolver: _Resolver) -> list[str]:
    # Top-level paragraphs are the type name, summary, Kính gửi, grounds and body: all 13–14 pt.
    low, high = nd30.BODY_SIZE_RANGE
    wrong: Counter[float] = Counter()
    samples: dict[float, str] = {}
    for paragraph in document.paragraphs:
        for r in _runs(paragraph._p):
            text = _run_text(r, paragraph)
            if not text.strip():
                continue
            size = resolver.size_pt(resolver.chain(r, paragraph._p))
            if not low <= size <= high:
                wrong[size] += 1
                samples.setdefault(size, text.strip()[:40])
    return [
        _("Cỡ chữ phần nội dung phải từ 13 đến 14: %(count)s đoạn chữ cỡ %(size)s, ví dụ “%(sample)s”.")
        % {"count": count, "size": f"{size:g}", "sample": samples[size]}
        for size, count in sorted(wrong.items())
    ]
