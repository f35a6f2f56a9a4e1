from django.core.management.base import BaseCommand
from django.utils import timezone

from tiepdan.core.demo.generate import generate, seed_open_work
from tiepdan.letters.models import Letter
from tiepdan.org.loader import DEMO_PASSWORD, load_demo_organisation


class Command(BaseCommand):
    help = "Nạp dữ liệu mẫu của Sở VHTTDL Bắc Ninh / Load the demo department and generated data."

    def add_arguments(self, parser):
        parser.add_argument("--letters", type=int, default=3000, help="số đơn sinh ngẫu nhiên")
        parser.add_argument("--seed", type=int, default=2026)
        parser.add_argument("--if-empty", action="store_true", help="chỉ nạp khi cơ sở dữ liệu chưa có đơn")
        parser.add_argument("--no-progress", action="store_true")

    def handle(self, *args, **o):
        if o["if_empty"] and Letter.objects.exists():
            self.stdout.write("Dữ liệu đã có, bỏ qua / data present, skipped")
            return
        agency = load_demo_organisation()
        summary = generate(
            agency=agency,
            letters=o["letters"],
            seed=o["seed"],
            today=timezone.localdate(),
            progress=not o["no_progress"],
        )
        cases = seed_open_work(agency=agency, today=timezone.localdate(), seed=o["seed"])
        self.stdout.write(
            f"Đã nạp {cases} vụ việc, {summary.citizens} công dân, {summary.visits} lượt tiếp, {summary.letters} đơn. "
            f"Mật khẩu các tài khoản mẫu: {DEMO_PASSWORD}"
        )
