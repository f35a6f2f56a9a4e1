"""Scans and photos of letters: what a file really is (by its bytes, never its name), and where it is
kept (encrypted, under MEDIA_ROOT, which is outside the web root and never served directly)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _

from tiepdan.audit import crypto

MAX_FILES = 20

_PNG = b"\x89PNG\r\n\x1a\n"
_JPEG = b"\xff\xd8\xff"
_PDF = b"%PDF-"
# What a refused file looks like, to say so in the message.
_KNOWN_OTHER = {
    b"MZ": "tệp chương trình Windows (.exe)",
    b"\x7fELF": "tệp chương trình",
    b"PK\x03\x04": "tệp nén hoặc tài liệu Office",
    b"Rar!": "tệp nén RAR",
    b"GIF8": "ảnh GIF",
    b"<": "trang HTML hoặc XML",
}


def max_bytes() -> int:
    """settings.TIEPDAN_ATTACHMENT_MAX_BYTES (environment variable of that name; default 10 MiB)."""
    return settings.TIEPDAN_ATTACHMENT_MAX_BYTES


class AttachmentRefused(ValueError):
    """A file that is not a readable PDF, JPEG or PNG, or is too large; the message is for the officer."""


@dataclass(frozen=True)
class CheckedFile:
    name: str
    kind: str  # "pdf" | "jpeg" | "png"
    data: bytes

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def sniff(data: bytes) -> str | None:
    """The kind of a complete, readable PDF/JPEG/PNG file, or None.

    Readable means the file starts with the format's signature and ends as that format ends, so a
    truncated scan or a renamed program is refused here rather than found unreadable later.
    """
    if data.startswith(_PDF) and b"%%EOF" in data[-2048:]:
        return "pdf"
    if data.startswith(_JPEG) and data.rstrip(b"\x00\r\n ").endswith(b"\xff\xd9"):
        return "jpeg"
    if data.startswith(_PNG) and data[12:16] == b"IHDR" and b"IEND" in data[-16:]:
        return "png"
    return None


def _looks_like(data: bytes) -> str:
    for magic, label in _KNOWN_OTHER.items():
        if data.startswith(magic):
            return label
    if data.startswith((_PDF, _JPEG, _PNG)):
        return "tệp bị hỏng hoặc không đầy đủ"
    return "định dạng không xác định"


def check(name: str, data: bytes) -> CheckedFile:
    """Accept a file by its content; raise AttachmentRefused with a Vietnamese reason otherwise."""
    limit = max_bytes()
    if len(data) > limit:
        raise AttachmentRefused(
            _("Tệp “%(name)s” dung lượng %(size)s MB, vượt quá giới hạn %(limit)s MB.")
            % {"name": name, "size": f"{len(data) / 1048576:.1f}", "limit": f"{limit / 1048576:.0f}"}
        )
    if not data:
        raise AttachmentRefused(_("Tệp “%(name)s” rỗng.") % {"name": name})
    kind = sniff(data)
    if kind is None:
        raise AttachmentRefused(
            _("Tệp “%(name)s” không phải tệp PDF, JPEG hoặc PNG đọc được (nội dung tệp: %(what)s). "
              "Chỉ nhận bản quét PDF hoặc ảnh JPEG, PNG.") % {"name": name, "what": _looks_like(data)}
        )
    return CheckedFile(name=name, kind=kind, data=data)


def read_upload(upload) -> bytes:
    """All bytes of an uploaded file, reading no more than the limit + 1 byte."""
    upload.seek(0)
    return upload.read(max_bytes() + 1)


def encrypted_content(checked: CheckedFile) -> ContentFile:
    return ContentFile(crypto.encrypt_bytes(checked.data))


def decrypted(attachment) -> bytes:
    with attachment.file.open("rb") as handle:
        return crypto.decrypt_bytes(handle.read())


EXTENSIONS = {"pdf": "pdf", "jpeg": "jpg", "png": "png"}
