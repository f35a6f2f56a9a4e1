from datetime import date, datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from tiepdan.monitoring import services


def _day(text: str) -> date:
    try:
        return datetime.strptime(text, "%d/%m/%Y").date()  # noqa: DTZ007 - a calendar date, no time
    except ValueError:
        raise CommandError(f"Ngày không hợp lệ (dd/mm/yyyy) / invalid date: {text}") from None


class Command(BaseCommand):
    help = (
        "Tổng hợp số liệu theo dõi, tính rủi ro, phát hiện điểm nóng, dự báo / Run the monitoring job "
        "(roll-up, risk, hot spots, forecasts)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--date", help="ngày tính (dd/mm/yyyy), mặc định hôm nay")
        parser.add_argument("--full", action="store_true", help="tổng hợp lại toàn bộ lịch sử")
        parser.add_argument("--replay-from", help="chạy lại phát hiện, dự báo từng ngày từ ngày này (dd/mm/yyyy)")
        parser.add_argument("--no-notify", action="store_true", help="không gửi thông báo")

    def handle(self, *args, **o):
        today = _day(o["date"]) if o["date"] else timezone.localdate()
        notify = not o["no_notify"]
        raised = []
        if o["replay_from"]:
            first = _day(o["replay_from"])
            if first > today:
                raise CommandError("--replay-from phải trước --date / must be before --date")
            services.refresh_rollup(first_day=services.history_start() or first, last_day=today)
            raised = services.replay(first_day=first, last_day=today, notify_users=notify)
        summary = services.refresh_monitoring(today=today, full=o["full"], notify_users=notify)
        spots = raised + summary.hot_spots + summary.forecast_warnings
        self.stdout.write(
            f"{today:%d/%m/%Y}: {summary.rollup_rows} dòng tổng hợp, {summary.communes} xã và {summary.matters} vụ "
            f"việc được tính rủi ro, {len(spots)} điểm nóng mới, {summary.forecast_rows} chuỗi dự báo."
        )
        for spot in spots:
            self.stdout.write(f"  {spot.code} {spot.detected_on:%d/%m/%Y} {spot.title}")
