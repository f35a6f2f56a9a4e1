""".docx → PDF with LibreOffice in headless mode.

LibreOffice is an optional system package (Debian `libreoffice-writer-nogui`, about 265 MB): without
it, everything else works and the PDF link answers with a message (docs/adr/0003-documents.md).
Each conversion runs in its own temporary directory with its own user profile
(`-env:UserInstallation`), so concurrent conversions never share LibreOffice's profile lock, and a
stuck conversion is killed with its whole process group after `timeout` seconds.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path


class PdfUnavailable(Exception):
    """The PDF cannot be produced here (LibreOffice missing, failed or too slow). The reason comes in
    Vietnamese and English (`message_vi`, `message_en`); str() gives both, "vi / en", for the log."""

    def __init__(self, message_vi: str, message_en: str = ""):
        super().__init__(f"{message_vi} / {message_en}" if message_en else message_vi)
        self.message_vi = message_vi
        self.message_en = message_en or message_vi


_MISSING = (
    "Không tạo được bản PDF: máy chủ chưa cài LibreOffice (lệnh soffice). Hãy tải tệp .docx, hoặc đề nghị "
    "quản trị viên cài gói libreoffice-writer-nogui.",
    "PDF unavailable: LibreOffice (soffice) is not installed on the server. Download the .docx file, or ask "
    "the administrator to install the libreoffice-writer-nogui package.",
)


def soffice_path() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def to_pdf(docx: bytes, *, timeout: int = 120) -> bytes:
    """The PDF rendering of `docx`; raises `PdfUnavailable` with a bilingual message."""
    soffice = soffice_path()
    if soffice is None:
        raise PdfUnavailable(*_MISSING)
    with tempfile.TemporaryDirectory(prefix="tiepdan-pdf-") as tmp:
        work = Path(tmp)
        source = work / "van-ban.docx"
        source.write_bytes(docx)
        profile = work / "profile"
        command = [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless", "--invisible", "--nologo", "--nodefault", "--norestore", "--nolockcheck",
            "--convert-to", "pdf", "--outdir", str(work), str(source),
        ]
        # HOME in the temporary directory: LibreOffice writes there even with its own profile.
        env = {**os.environ, "HOME": str(work)}
        # A fixed argument list, no shell: nothing in it comes from the user.
        process = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=work, start_new_session=True
        )
        try:
            _, stderr = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            # soffice is a launcher that starts soffice.bin: end the whole group it leads.
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
            raise PdfUnavailable(
                f"Chuyển sang PDF quá {timeout} giây nên đã dừng.", f"PDF conversion timed out after {timeout} s."
            ) from None
        target = work / "van-ban.pdf"
        if process.returncode != 0 or not target.exists():
            detail = stderr.decode("utf-8", "replace").strip()[-300:]
            raise PdfUnavailable(
                f"LibreOffice không chuyển được tệp sang PDF (mã {process.returncode}).",
                f"LibreOffice failed to convert the file (code {process.returncode}): {detail}",
            )
        return target.read_bytes()
