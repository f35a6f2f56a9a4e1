"""A scan is what its bytes say, never its name."""

import pytest

from tiepdan.letters.attachments import AttachmentRefused, check, sniff
from tiepdan.letters.tests.conftest import EXE, PDF, PNG

JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 50 + b"\xff\xd9"


@pytest.mark.parametrize(("data", "kind"), [(PDF, "pdf"), (PNG, "png"), (JPEG, "jpeg")])
def test_real_files_are_recognised_by_content(data, kind):
    assert sniff(data) == kind
    assert check("whatever.txt", data).kind == kind


@pytest.mark.parametrize(
    ("data", "words"),
    [(EXE, "chương trình Windows"), (PDF[:-7], "bị hỏng"), (PNG[:-12], "bị hỏng"), (b"<html>", "HTML"),
     (b"PK\x03\x04rest", "tệp nén"), (b"\x00\x01", "không xác định")],
)
def test_disguised_or_truncated_files_are_refused_with_a_reason(data, words):
    with pytest.raises(AttachmentRefused) as exc:
        check("don.pdf", data)
    assert words in str(exc.value)
    assert "don.pdf" in str(exc.value)


def test_empty_files_are_refused():
    with pytest.raises(AttachmentRefused, match="rỗng"):
        check("x.pdf", b"")
