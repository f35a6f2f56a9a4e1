"""Scheduled jobs (huey): the daily deadline watch."""

from django.utils import timezone
from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from tiepdan.deadlines.watch import run_watch


# huey evaluates crontabs in UTC: 23:30 UTC is 06:30 in Asia/Ho_Chi_Minh.
@db_periodic_task(crontab(hour="23", minute="30"))
def daily_deadline_watch():
    return run_watch(today=timezone.localdate())
