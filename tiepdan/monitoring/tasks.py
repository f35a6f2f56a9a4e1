"""Scheduled jobs (huey): the roll-up every hour, the whole monitoring run every morning."""

from django.utils import timezone
from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from tiepdan.monitoring.services import refresh_monitoring, refresh_recent


# huey evaluates crontabs in UTC: minute 10 of every hour.
@db_periodic_task(crontab(minute="10"))
def hourly_monitoring_rollup():
    refresh_recent(today=timezone.localdate())


# 23:00 UTC is 06:00 in Asia/Ho_Chi_Minh: the morning's alerts are there when the office opens. On
# Sundays the roll-up is rebuilt over the whole history, other days over the last 120 days.
@db_periodic_task(crontab(hour="23", minute="0"))
def daily_monitoring():
    today = timezone.localdate()
    refresh_monitoring(today=today, full=today.weekday() == 6)
