"""A redacted copy of a denunciation for verifiers (Law 25/2018 Art 47(2): strip what identifies the
denouncer before passing the letter on). Plain Python.

Replaced: the known names, ID numbers, phones and addresses of the denouncers (matched without
regard to case or diacritics), any 9- or 12-digit identity number, any phone number, any e-mail
address, and the name after a self-introduction ("Tôi tên là …", "Họ và tên: …", "Người tố cáo: …").
The denounced person's name is left: verifiers need it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

NAME_MASK = "[Người tố cáo]"
ID_MASK = "[số định danh]"
PHONE_MASK = "[số điện thoại]"
ADDRESS_MASK = "[địa chỉ]"
EMAIL_MASK = "[thư điện tử]"

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
_ID = re.compile(r"(?<!\d)(\d[\s.]?){11}\d(?!\d)|(?<!\d)\d{9}(?!\d)")
_PHONE = re.compile(r"(?<![\d+])(\+84|84|0)([\s.-]?\d){8,9}(?!\d)")
_UPPER = "".join(sorted({chr(c) for c in range(0x41, 0x1EFF) if chr(c).isupper() and chr(c).isalpha()}))
_UPPER_WORD = rf"[{re.escape(_UPPER)}][^\s,.;:()\d\[\]]*"
# A name after a self-introduction: 2–5 words each starting with a capital letter.
_INTRO = re.compile(
    r"(?i:tôi tên là|tên tôi là|tôi là|họ và tên|họ tên|người tố cáo|người làm đơn|người viết đơn|"
    r"người đứng đơn|đại diện)(\s*(?:là|:)?\s*)(?:(?i:ông|bà|anh|chị)\s+)?"
    rf"((?:{_UPPER_WORD})(?:\s+{_UPPER_WORD}){{1,4}})"
)


def _fold_char(ch: str) -> str:
    if ch in "đĐ":
        return "d"
    base = "".join(c for c in unicodedata.normalize("NFD", ch) if unicodedata.category(c) != "Mn").lower()
    return base if len(base) == 1 else ch.lower() if len(ch.lower()) == 1 else "?"


def _folded_same_length(text: str) -> str:
    """fold() that keeps every character's position, so a match maps back onto the original text."""
    return "".join(_fold_char(ch) for ch in text)


def _replace_spans(text: str, spans: list[tuple[int, int]], mask: str) -> str:
    if not spans:
        return text
    out, last = [], 0
    for start, end in sorted(spans):
        if start < last:
            continue
        out.append(text[last:start])
        out.append(mask)
        last = end
    out.append(text[last:])
    return "".join(out)


def _mask_phrase(text: str, phrase: str, mask: str) -> str:
    words = _folded_same_length(unicodedata.normalize("NFC", phrase)).split()
    if not words:
        return text
    pattern = re.compile(r"(?<!\w)" + r"\s+".join(re.escape(w) for w in words) + r"(?!\w)")
    folded = _folded_same_length(text)
    return _replace_spans(text, [m.span() for m in pattern.finditer(folded)], mask)


def _mask_digits(text: str, number: str, mask: str) -> str:
    digits = [d for d in number if d.isdigit()]
    if len(digits) < 6:
        return text
    pattern = re.compile(r"(?<!\d)" + r"[\s.-]?".join(digits) + r"(?!\d)")
    return pattern.sub(mask, text)


def redact(
    text: str,
    *,
    names: Iterable[str] = (),
    id_numbers: Iterable[str] = (),
    phones: Iterable[str] = (),
    addresses: Iterable[str] = (),
) -> str:
    """`text` with the denouncer's identifying details replaced by neutral marks."""
    if not text:
        return text
    out = unicodedata.normalize("NFC", text)
    for number in id_numbers:
        out = _mask_digits(out, number, ID_MASK)
    for number in phones:
        out = _mask_digits(out, number, PHONE_MASK)
    out = _EMAIL.sub(EMAIL_MASK, out)
    out = _ID.sub(ID_MASK, out)
    out = _PHONE.sub(PHONE_MASK, out)
    # Longest first, so that "Nguyễn Văn An" is masked before a shorter name contained in it.
    for name in sorted({n.strip() for n in names if n and n.strip()}, key=len, reverse=True):
        out = _mask_phrase(out, name, NAME_MASK)
    for address in sorted({a.strip() for a in addresses if a and len(a.split()) >= 2}, key=len, reverse=True):
        out = _mask_phrase(out, address, ADDRESS_MASK)
    return _INTRO.sub(lambda m: m.group(0)[: m.start(2) - m.start(0)] + NAME_MASK, out)
