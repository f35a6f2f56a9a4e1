"""The redacted copy verifiers receive (Law 25/2018 Art 47(2))."""

from hypothesis import given
from hypothesis import strategies as st

from tiepdan.text.redact import ID_MASK, NAME_MASK, PHONE_MASK, redact

LETTER = """ĐƠN TỐ CÁO
Tôi tên là Nguyen Van An, sinh năm 1970, CCCD số 027 089 001 234, điện thoại 0912.345.678, thường trú tại
Thôn Đông, xã Tiên Du. Email an.nguyen@example.vn.
Tôi tố cáo ông Trần Văn Bình, Giám đốc Bảo tàng tỉnh, nhận tiền, nhũng nhiễu.
Người làm đơn: Nguyễn Văn An"""


def test_the_denouncers_details_are_replaced_and_the_denounced_person_kept():
    out = redact(LETTER, names=["Nguyễn Văn An"], id_numbers=["027089001234"], phones=["0912345678"],
                 addresses=["Thôn Đông"])
    for secret in ("Nguyễn Văn An", "Nguyen Van An", "027 089 001 234", "0912.345.678", "Thôn Đông", "example.vn"):
        assert secret not in out
    assert out.count(NAME_MASK) == 2
    assert ID_MASK in out
    assert PHONE_MASK in out
    assert "Trần Văn Bình" in out


def test_unknown_numbers_and_self_introductions_are_masked_too():
    out = redact("Họ và tên: Lê Thị Hoa, số điện thoại 0987654321, CMND 123456789. Tôi là công dân.")
    assert "Lê Thị Hoa" not in out
    assert "0987654321" not in out
    assert "123456789" not in out
    assert "Tôi là công dân" in out


@given(st.text(alphabet="abcđơn ĐƯỜNG tốcáo0123456789.,\n", max_size=200))
def test_redacting_never_fails_and_is_stable(text):
    once = redact(text, names=["Đơn Tố"])
    assert redact(once, names=["Đơn Tố"]) == once
