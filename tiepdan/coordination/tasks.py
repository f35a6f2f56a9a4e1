"""Scheduled jobs (huey): escalate the mass matters an event period requires, remind what is overdue."""

from django.utils import timezone
from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from tiepdan.coordination.services import remind_overdue, sweep_mass_matters


# Every 10 minutes: the signal escalates at once; this catches visits written in bulk or a crash in
# between (the unique constraint on automatic escalations makes a rerun harmless).
@db_periodic_task(crontab(minute="*/10"))
def escalation_sweep():
    return sweep_mass_matters(now=timezone.now())


# huey evaluates crontabs in UTC: 23:45 UTC is 06:45 in Asia/Ho_Chi_Minh, after the deadline watch.
@db_periodic_task(crontab(hour="23", minute="45"))
def daily_coordination_reminders():
    return remind_overdue(today=timezone.localdate())
