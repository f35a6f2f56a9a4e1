"""Re-encrypt every denouncer identity (letters and the reception desk) with the first key of
TIEPDAN_ENCRYPTION_KEYS and recompute the blind indexes (docs/adr/0004-denouncer-identity.md)."""

from __future__ import annotations

import os

from cryptography.fernet import Fernet
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction


class Command(BaseCommand):
    help = (
        "Mã hóa lại danh tính người tố cáo bằng khóa đầu tiên / re-encrypt denouncer identities with the first key"
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--new-key", action="store_true",
            help="tạo khóa mới, đặt lên đầu tệp khóa trong thư mục dữ liệu / generate a key, first in the key file",
        )

    def handle(self, *args, **options):
        from tiepdan.letters.services import rotate_identity_keys
        from tiepdan.reception.services.identity import rotate_visit_identity_keys

        if options["new_key"]:
            self._prepend_new_key()
        with transaction.atomic():
            letters = rotate_identity_keys()
            visits = rotate_visit_identity_keys()
        self.stdout.write(
            f"Đã mã hóa lại {letters} danh tính trong đơn và {visits} tại bàn tiếp công dân bằng khóa đầu tiên. "
            "Giữ khóa cũ cho đến khi các bản sao lưu cũ không còn cần. / "
            f"Re-encrypted {letters} letter and {visits} desk identities with the first key; keep the old keys "
            "while older backups may be restored."
        )

    def _prepend_new_key(self) -> None:
        if os.environ.get("TIEPDAN_ENCRYPTION_KEYS"):
            raise CommandError(
                "Khóa lấy từ biến môi trường TIEPDAN_ENCRYPTION_KEYS: thêm khóa mới vào đầu biến đó rồi chạy lại "
                "không có --new-key. / Keys come from the environment: put the new key first there and run again "
                "without --new-key."
            )
        path = settings.DATA_DIR / "encryption_keys"
        key = Fernet.generate_key().decode()
        keys = [key, *settings.TIEPDAN_ENCRYPTION_KEYS]
        path.write_text("\n".join(keys) + "\n")
        path.chmod(0o600)
        settings.TIEPDAN_ENCRYPTION_KEYS = keys
