"""Time the case pages with N cases (default 100,000) on the database letters_bench.py filled: the cases are
added to its accepted letters (one each, bulk inserted, a third still open), then the case list (the
director, a unit officer, open cases of a track), a case page and the pages that list cases awaiting
assignment are timed through the Django test client:

    TIEPDAN_DATA_DIR=/tmp/bench DATABASE_URL=sqlite:////tmp/bench/letters.sqlite3 \\
        .venv/bin/python bench/cases_bench.py --cases 100000

Prints one JSON line, p50 / slowest per page in ms. Figures: docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

BATCH = 5000


def _add_cases(count: int, seed: int) -> float:
    from tiepdan.cases.models import Case
    from tiepdan.cases.workflow import Status, Track
    from tiepdan.common.codes import bulk_create_with_codes, new_public_code
    from tiepdan.letters.models import Disposition, Letter

    tracks = {"complaint": Track.COMPLAINT_FIRST, "denunciation": Track.DENUNCIATION,
              "petition": Track.PETITION, "feedback": Track.PETITION}
    open_statuses = {Track.COMPLAINT_FIRST: [Status.ACCEPTED, Status.VERIFYING, Status.DIALOGUE],
                     Track.DENUNCIATION: [Status.ACCEPTED, Status.VERIFYING],
                     Track.PETITION: [Status.STUDYING]}
    rng = random.Random(seed)
    started = time.perf_counter()
    letters = (Letter.objects.filter(disposition=Disposition.ACCEPT, cases__isnull=True)
               .order_by("id").values_list("id", "unit_id", "domain_id", "matter_type", "summary", "disposed_on",
                                           "commune_code", "signer_count")[:count])
    batch = []
    for letter_id, unit_id, domain_id, matter_type, summary, disposed_on, commune, signers in letters.iterator():
        track = tracks[matter_type]
        accepted = disposed_on
        closed = rng.random() < 0.67
        batch.append(Case(
            code=new_public_code("VV"), track=track, unit_id=unit_id, letter_id=letter_id, title=summary[:500],
            domain_id=domain_id, commune_code=commune, participant_count=signers, accepted_on=accepted,
            status=Status.CLOSED if closed else rng.choice(open_statuses[track]),
            due_on=accepted + timedelta(days=rng.choice([30, 45, 60])),
            closed_on=accepted + timedelta(days=rng.randint(10, 60)) if closed else None,
        ))
        if len(batch) == BATCH:
            bulk_create_with_codes(Case, batch, lambda: new_public_code("VV"))
            batch = []
    if batch:
        bulk_create_with_codes(Case, batch, lambda: new_public_code("VV"))
    return round(time.perf_counter() - started, 1)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()

    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    from tiepdan.cases.models import Case

    setup = {}
    if (have := Case.objects.count()) < args.cases:
        setup["add_cases_s"] = _add_cases(args.cases - have, args.seed)
        with connection.cursor() as cursor:
            cursor.execute("VACUUM (ANALYZE)" if connection.vendor == "postgresql" else "ANALYZE")

    users = get_user_model().objects
    clients = {}
    for who in ("giamdoc", "chuyenvien"):
        clients[who] = Client(HTTP_HOST="localhost")
        clients[who].force_login(users.get(username=who))
    rng = random.Random(args.seed)
    last = Case.objects.order_by("-id").values_list("id", flat=True).first()
    codes = list(Case.objects.filter(id__in=[rng.randint(1, last) for _ in range(4 * args.runs)])
                 .values_list("code", flat=True))[: args.runs]
    case_list = reverse("cases:case_list")
    pages = {
        "case list": ("giamdoc", [case_list]),
        "case list (unit)": ("chuyenvien", [case_list]),
        "case list, open complaints": ("giamdoc", [f"{case_list}?loai=complaint_first&dang-mo=1"]),
        "case list, page 100": ("giamdoc", [f"{case_list}?trang=100"]),
        "case page": ("giamdoc", [reverse("cases:case_detail", args=[c]) for c in codes]),
        "assignments": ("giamdoc", [reverse("coordination:assignment_list")]),
        "assignments (unit)": ("chuyenvien", [reverse("coordination:assignment_list")]),
        "my coordination work (unit)": ("chuyenvien", [reverse("coordination:my_work")]),
        "my work (unit)": ("chuyenvien", [reverse("home")]),
    }
    results = {}
    for label, (who, urls) in pages.items():
        client = clients[who]
        for url in urls:
            status = client.get(url).status_code
            if status != 200:
                raise SystemExit(f"{url} → HTTP {status}")
        samples = []
        for i in range(args.runs):
            started = time.perf_counter()
            client.get(urls[i % len(urls)])
            samples.append((time.perf_counter() - started) * 1000)
        results[label] = {"p50_ms": round(statistics.median(samples), 1), "max_ms": round(max(samples), 1)}
    print(json.dumps({"database": connection.vendor, "cases": Case.objects.count(),
                      "load_average_1m": round(os.getloadavg()[0], 2), **setup, "pages": results},
                     ensure_ascii=False))


if __name__ == "__main__":
    main()
