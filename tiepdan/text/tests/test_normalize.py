from hypothesis import given
from hypothesis import strategies as st

from tiepdan.text.normalize import digits, fold


def test_fold_strips_vietnamese_diacritics_and_d_bar():
    assert fold("  Nguyễn  Văn ĐỨC ") == "nguyen van duc"
    assert fold("Bắc Ninh") == "bac ninh"


def test_fold_matches_precomposed_and_decomposed_forms():
    import unicodedata

    name = "Trần Thị Hồng Nhung"
    assert fold(unicodedata.normalize("NFD", name)) == fold(unicodedata.normalize("NFC", name))


@given(st.text())
def test_fold_is_idempotent(text):
    assert fold(fold(text)) == fold(text)


def test_digits_keeps_only_digits():
    assert digits("0912 345-678") == "0912345678"
