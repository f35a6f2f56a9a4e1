from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from tiepdan.deadlines.watch import run_watch


class Command(BaseCommand):
    help = "Đánh dấu việc sắp đến hạn, quá hạn và gửi thông báo (chạy lại không gửi trùng)."

    def add_arguments(self, parser):
        parser.add_argument("--today", help="YYYY-MM-DD (mặc định: hôm nay)")
        parser.add_argument("--near-days", type=int, default=3, help="số ngày làm việc trước hạn")

    def handle(self, *args, **options):
        try:
            today = date.fromisoformat(options["today"]) if options["today"] else timezone.localdate()
        except ValueError:
            raise CommandError(
                "Ngày không hợp lệ, cần YYYY-MM-DD / Invalid date, expected YYYY-MM-DD"
            ) from None
        result = run_watch(today=today, near_working_days=options["near_days"])
        self.stdout.write(
            f"near={result.near} overdue={result.overdue} escalated={result.escalated} notices={result.notices}"
        )
