"""Server time of the monitoring pages on generated data (issue 7: the dashboard under 300 ms on
1,000,000 letters, 2-core machine), and the time of the daily monitoring job that feeds them.

    TIEPDAN_DATA_DIR=/tmp/bench1m .venv/bin/python bench/monitoring_dashboard.py --letters 1000000

Generates the demo data on an empty database (or reuses one that already has the letters), runs the
daily job once (`refresh_monitoring(full=True)`), then requests each page `--repeat` times through
Django's test client as the director (whole agency) and as a division officer (one unit), and prints
one JSON line: the job's steps in seconds, and per page the median and worst server time in ms and
the number of SQL queries. Results are recorded in docs/forecast.md.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.base")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,127.0.0.1,localhost")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--letters", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings
    from django.urls import reverse
    from django.utils import timezone

    from tiepdan.core.demo.generate import generate, seed_open_work
    from tiepdan.letters.models import Letter
    from tiepdan.monitoring import services
    from tiepdan.org.loader import load_demo_organisation

    call_command("migrate", verbosity=0)
    agency = load_demo_organisation()
    today = timezone.localdate()
    figures: dict = {"database": connection.vendor, "cpus": os.cpu_count()}
    if Letter.objects.count() < args.letters:
        started = time.perf_counter()
        generate(agency=agency, letters=args.letters, seed=args.seed, today=today, progress=False)
        seed_open_work(agency=agency, today=today, seed=args.seed)
        figures["generate_s"] = round(time.perf_counter() - started, 1)
    figures["letters"] = Letter.objects.count()

    job: dict[str, float] = {}
    first = services.history_start() or today
    for name, step in [
        ("rollup_full", lambda: services.refresh_rollup(first_day=first, last_day=today)),
        ("rollup_120_days", lambda: services.refresh_rollup(first_day=today - timedelta(days=120), last_day=today)),
        ("rollup_3_days", lambda: services.refresh_recent(today=today)),
        ("risks", lambda: services.refresh_risks(day=today)),
        ("detection", lambda: services.run_detection(day=today, notify_users=False)),
        ("forecasts", lambda: services.refresh_forecasts(day=today, notify_users=False)),
    ]:
        started = time.perf_counter()
        step()
        job[name] = round(time.perf_counter() - started, 2)
    figures["job_s"] = job
    from tiepdan.monitoring.models import DailyCount

    figures["rollup_rows"] = DailyCount.objects.count()

    pages = {
        "dashboard_30_days": reverse("monitoring:dashboard"),
        "dashboard_12_months": reverse("monitoring:dashboard") + "?ky=365",
        "dashboard_event_period": reverse("monitoring:dashboard") + "?ky=dot",
        "hot_spots": reverse("monitoring:hot_spot_list"),
        "risk": reverse("monitoring:risk"),
        "forecast": reverse("monitoring:forecast"),
    }
    timings: dict = {}
    storages = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    with override_settings(STORAGES=storages):
        for username in ("giamdoc", "chuyenvien"):
            client = Client()
            client.force_login(get_user(username))
            for name, url in pages.items():
                if username == "chuyenvien" and name in {"risk", "forecast"}:
                    continue  # agency-wide pages
                client.get(url)  # warm the caches of the process, as a running server has them
                samples = []
                queries = 0
                for _ in range(args.repeat):
                    with CaptureQueriesContext(connection) as captured:
                        started = time.perf_counter()
                        response = client.get(url)
                        samples.append((time.perf_counter() - started) * 1000)
                    if response.status_code != 200:
                        raise SystemExit(f"{url}: HTTP {response.status_code}")
                    queries = len(captured)
                timings[f"{username}:{name}"] = {
                    "median_ms": round(statistics.median(samples), 1),
                    "max_ms": round(max(samples), 1),
                    "queries": queries,
                }
    figures["pages"] = timings
    print(json.dumps(figures, ensure_ascii=False))


def get_user(username: str):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username=username)


if __name__ == "__main__":
    main()
