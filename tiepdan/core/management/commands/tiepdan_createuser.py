from getpass import getpass

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from tiepdan.org.loader import ensure_role_groups
from tiepdan.org.models import Staff, Unit
from tiepdan.org.roles import Role


class Command(BaseCommand):
    help = "Tạo tài khoản cán bộ với đơn vị và vai trò / Create a staff account with unit and roles."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--unit", required=True, help="mã đơn vị / unit code")
        parser.add_argument("--role", action="append", required=True, choices=[r.value for r in Role])
        parser.add_argument("--full-name", default="")
        parser.add_argument("--email", default="")
        parser.add_argument("--password", help="mặc định: hỏi khi chạy / prompt")

    @transaction.atomic
    def handle(self, *args, **o):
        unit = Unit.objects.filter(code=o["unit"], valid_to__isnull=True).first()
        if unit is None:
            raise CommandError(
                f"Không có đơn vị đang hoạt động mã {o['unit']!r} / No active unit {o['unit']!r}"
            )
        user_model = get_user_model()
        if user_model.objects.filter(username=o["username"]).exists():
            raise CommandError(f"Tài khoản {o['username']!r} đã tồn tại / User exists")
        password = o["password"] or getpass("Mật khẩu / Password: ")
        user = user_model.objects.create_user(username=o["username"], email=o["email"], password=password)
        groups = ensure_role_groups()
        user.groups.set([groups[r] for r in o["role"]])
        if Role.ADMINISTRATOR.value in o["role"]:
            user.is_staff = user.is_superuser = True
            user.save(update_fields=["is_staff", "is_superuser"])
        Staff.objects.create(user=user, unit=unit, full_name=o["full_name"] or o["username"])
        self.stdout.write(f"OK: {user.username} ({', '.join(o['role'])}) — {unit.name}")
