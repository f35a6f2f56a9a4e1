"""Time every main staff page on a database already filled by letters_bench.py (1,000,000 letters,
500,000 visits, 333,333 citizens), through the Django test client as the director:

    TIEPDAN_DATA_DIR=/tmp/bench DATABASE_URL=sqlite:////tmp/bench/letters.sqlite3 \\
        .venv/bin/python bench/staff_pages.py

Prints one JSON line: p50 and the slowest of --runs requests per page, after one warm-up request.
Lists and detail pages of random visits and citizens; no targets of their own (issue 5 sets those of the
letters), but none should be slow at this size. Figures: docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

LISTS = [
    "home", "notifications", "letters:letter_list", "cases:case_list", "reception:visit_list",
    "people:citizen_list", "deadlines:deadline_list", "monitoring:dashboard", "monitoring:hot_spot_list",
    "coordination:dashboard", "coordination:assignment_list", "coordination:my_work",
    "coordination:escalation_list", "reception:schedule", "reports:report_list", "org:unit_list",
]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()

    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    from tiepdan.people.models import Citizen
    from tiepdan.reception.models import Visit

    client = Client(HTTP_HOST="localhost")
    client.force_login(get_user_model().objects.get(username="giamdoc"))
    rng = random.Random(args.seed)

    def sample(model, field: str) -> list:
        last = model.objects.order_by("-id").values_list("id", flat=True).first() or 0
        ids = [rng.randint(1, last) for _ in range(4 * args.runs)] if last else []
        return list(model.objects.filter(id__in=ids).values_list(field, flat=True))[: args.runs]

    pages: dict[str, list[str]] = {name: [reverse(name)] for name in LISTS}
    book = reverse("reception:visit_list")
    pages["reception:visit_list (type, period)"] = [f"{book}?loai=complaint&tu_ngay=01/01/2026"]
    pages["people:citizen_list (search)"] = [reverse("people:citizen_list") + "?q=nguyen van an"]
    pages["reception:visit_detail"] = [reverse("reception:visit_detail", args=[c]) for c in sample(Visit, "code")]
    pages["people:citizen_detail"] = [reverse("people:citizen_detail", args=[i]) for i in sample(Citizen, "id")]

    results = {}
    for label, urls in pages.items():
        for url in urls:
            if client.get(url).status_code != 200:
                raise SystemExit(f"{url} → HTTP {client.get(url).status_code}")
        samples = []
        for i in range(args.runs):
            started = time.perf_counter()
            client.get(urls[i % len(urls)])
            samples.append((time.perf_counter() - started) * 1000)
        results[label] = {"p50_ms": round(statistics.median(samples), 1), "max_ms": round(max(samples), 1)}
    print(json.dumps({"database": connection.vendor, "load_average_1m": round(os.getloadavg()[0], 2),
                      "pages": results}, ensure_ascii=False))


if __name__ == "__main__":
    main()
