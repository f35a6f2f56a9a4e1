"""Time of the 6-month report on generated letters (issue 8: 100,000 letters, target under 5 s).

    TIEPDAN_DATA_DIR=/tmp/bench-reports DATABASE_URL=... .venv/bin/python bench/reports_six_months.py --letters 100000

Migrates an empty database, generates the demo department with `--letters` letters (fixed seed), then
times, for the 6-month period that the data covers best: the computation of every statistical form
(`reports.selectors.compute_forms`), and a whole compilation (forms, notable matters, the .docx; what the
"Tổng hợp" button does). Prints one JSON line with the figures (best of `--repeat` runs).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.base")

TODAY = date(2026, 11, 27)  # the demo's 18 months then hold the whole 6-month period of 2026


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--letters", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection

    from tiepdan.core.demo.generate import generate
    from tiepdan.letters.models import Letter
    from tiepdan.org.loader import load_demo_organisation
    from tiepdan.reports import selectors, services
    from tiepdan.reports.periods import make_period

    call_command("migrate", verbosity=0)
    agency = load_demo_organisation()
    if not Letter.objects.exists():
        generate(agency=agency, letters=args.letters, seed=args.seed, today=TODAY, progress=False)
    period = make_period("6M", year=2026)
    inspector = get_user_model().objects.get(username="thanhtra")

    def best(run) -> float:
        times = []
        for _ in range(args.repeat):
            started = time.perf_counter()
            run()
            times.append(time.perf_counter() - started)
        return min(times)

    forms_seconds = best(lambda: selectors.compute_forms(period.start, period.end))
    report = services.create_report(actor=inspector, kind="6M", year=2026)
    compile_seconds = best(lambda: services.compile_report(report=report, actor=inspector))
    forms = selectors.compute_forms(period.start, period.end)
    print(json.dumps({
        "database": connection.vendor,
        "letters": Letter.objects.count(),
        "period": f"{period.start:%d/%m/%Y}–{period.end:%d/%m/%Y}",
        "letters_to_handle": forms["01/XLD"].total[1],
        "forms_seconds": round(forms_seconds, 2),
        "compile_seconds": round(compile_seconds, 2),
        "identities_hold": all(not t.check() for t in forms.values()),
    }))


if __name__ == "__main__":
    main()
