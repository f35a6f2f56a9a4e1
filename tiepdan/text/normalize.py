"""Vietnamese normalisation for accent-insensitive search. Plain Python."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """Lower-case, strip diacritics (đ → d) and collapse spaces: "Nguyễn  Văn Đức" → "nguyen van duc"."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return _SPACES.sub(" ", stripped).strip().lower()


def digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())
