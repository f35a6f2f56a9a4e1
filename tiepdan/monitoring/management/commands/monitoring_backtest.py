"""Back-test of the 14-day forecast on the history in the database (docs/forecast.md)."""

from datetime import datetime, timedelta

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from tiepdan.monitoring import config
from tiepdan.monitoring.forecast import backtest
from tiepdan.monitoring.models import Dimension
from tiepdan.monitoring.services import history_start
from tiepdan.monitoring.signals import rollup_series


class Command(BaseCommand):
    help = "Kiểm định dự báo trên số liệu quá khứ / Back-test the forecast on the stored history."

    def add_arguments(self, parser):
        parser.add_argument("--weeks", type=int, default=26, help="số mốc dự báo (mỗi tuần một mốc)")
        parser.add_argument("--until", help="mốc dự báo cuối cùng (dd/mm/yyyy), mặc định 14 ngày trước hôm nay")

    def handle(self, *args, **o):
        today = timezone.localdate()
        first = history_start()
        if first is None:
            raise CommandError("Chưa có số liệu / no data")
        forecast_config = config.forecast_config()
        horizon = forecast_config.horizon
        length = (today - first).days + 1
        last_origin = length - horizon
        if o["until"]:
            until = datetime.strptime(o["until"], "%d/%m/%Y").date()  # noqa: DTZ007 - a calendar date
            last_origin = min(last_origin, (until - first).days)
        origins = [last_origin - 7 * i for i in range(o["weeks"])]
        origins = sorted(x for x in origins if x >= 56)
        if not origins:
            raise CommandError("Lịch sử quá ngắn / history too short")
        days = [first + timedelta(days=i) for i in range(length)]
        self.stdout.write(
            f"Số liệu {first:%d/%m/%Y}–{today:%d/%m/%Y}; {len(origins)} mốc dự báo từ "
            f"{days[origins[0]]:%d/%m/%Y} đến {days[origins[-1]]:%d/%m/%Y}; tổng {horizon} ngày, khoảng "
            f"{forecast_config.level:.0%}.\n"
        )
        self.stdout.write("| chuỗi | số chuỗi | số dự báo | trung bình thực tế | MAE | RMSE | WAPE | sai lệch | "
                          "MAE ngây thơ | MASE | độ phủ khoảng | độ rộng khoảng |")
        self.stdout.write("|---|---|---|---|---|---|---|---|---|---|---|---|")
        for label, dimension in (("toàn cơ quan", Dimension.ALL), ("lĩnh vực", Dimension.DOMAIN),
                                 ("xã, phường", Dimension.COMMUNE)):
            stored = rollup_series(first, today, dimension)
            series = {
                key: [by_day.get(d, 0) for d in days]
                for key, by_day in stored.items()
                if key or dimension == Dimension.ALL
            }
            s = backtest(series, first, origins=origins, config=forecast_config)
            self.stdout.write(
                f"| {label} | {s.series} | {s.forecasts} | {s.mean_actual:.2f} | {s.mae:.2f} | {s.rmse:.2f} | "
                f"{s.wape:.1%} | {s.bias:+.2f} | {s.naive_mae:.2f} | {s.mase:.2f} | {s.coverage:.1%} | "
                f"{s.mean_width:.1f} |"
            )
