"""Time the letter register (filtered, sorted, first page), its search and the letter page on N generated
letters, through the Django test client; and the .xlsx export of up to 100,000 rows with its peak memory.

    TIEPDAN_DATA_DIR=/tmp/bench DATABASE_URL=sqlite:////tmp/bench/letters.sqlite3 \\
        .venv/bin/python bench/letters_bench.py --letters 100000
    TIEPDAN_DATA_DIR=/tmp/bench DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench \\
        .venv/bin/python bench/letters_bench.py --letters 100000

Generates the letters only when the database has fewer than N (reusing tiepdan.core.demo.generate), fills
the search columns the generator leaves empty, then prints one JSON line: p50/p95 in milliseconds per
request kind over --runs repetitions after a warm-up. Targets (issue 5, 2-core machine, 1,000,000
letters): register p50 ≤ 50 ms, search p50 ≤ 100 ms, letter page ≤ 30 ms. Figures: docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
# The test settings: the same app, with plain static files (no collectstatic manifest needed).
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

# What an officer does on the register: a period and a type, newest first; a unit's own list; a commune.
REGISTER_QUERIES = [
    {"loai": "complaint", "tu_ngay": "01/01/2026", "den_ngay": "30/11/2026", "sap_xep": "-received_on"},
    {"trang_thai": "disposed", "nguon": "post", "sap_xep": "-received_on"},
    {"loai": "denunciation", "sap_xep": "received_on"},
    {},
]
SEARCH_QUERIES = ["karaoke tieng on", "nhũng nhiễu", "le hoi", "di tich chua", "quang cao trai phep", "vien chuc"]


def _percentiles(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {"p50_ms": round(statistics.median(ordered), 1), "p95_ms": round(p95, 1), "n": len(ordered)}


def _time(client, url: str, params: dict | None = None) -> float:
    started = time.perf_counter()
    response = client.get(url, params or {})
    elapsed = (time.perf_counter() - started) * 1000
    if response.status_code != 200:
        raise SystemExit(f"{url} {params} → HTTP {response.status_code}")
    return elapsed


def _cpu_reference_s() -> float:
    """Seconds for a fixed pure-Python loop: the same code ran 1.8× slower on one 2-core machine of this
    workplace than on another, so figures from different machines are compared through this."""
    started = time.perf_counter()
    total = 0
    for i in range(10_000_000):
        total += i
    return round(time.perf_counter() - started, 2)


def _measure(client, url_params: list[tuple[str, dict]], runs: int) -> dict[str, float]:
    for url, params in url_params:  # warm-up: page cache, query plans, template loading
        _time(client, url, params)
    samples = []
    for i in range(runs):
        url, params = url_params[i % len(url_params)]
        samples.append(_time(client, url, params))
    return _percentiles(samples)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--letters", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=60)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--export-rows", type=int, default=100_000)
    parser.add_argument("--no-export", action="store_true", help="time the pages only (the export takes minutes)")
    args = parser.parse_args()

    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.utils import timezone

    from tiepdan.core.demo.generate import generate
    from tiepdan.letters.models import Letter
    from tiepdan.letters.services import backfill_search_columns
    from tiepdan.org.loader import load_demo_organisation

    call_command("migrate", verbosity=0)
    agency = load_demo_organisation()
    existing = Letter.objects.count()
    setup = {}
    if existing < args.letters:
        started = time.perf_counter()
        generate(agency=agency, letters=args.letters - existing, seed=args.seed, today=timezone.localdate(),
                 progress=False)
        setup["generate_s"] = round(time.perf_counter() - started, 1)
    started = time.perf_counter()
    filled = backfill_search_columns()
    setup["search_columns_s"] = round(time.perf_counter() - started, 1)
    setup["search_columns_filled"] = filled
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            # What autovacuum does on a live database after a bulk load: statistics, and the visibility
            # map that lets a count read an index alone.
            cursor.execute("VACUUM (ANALYZE)")
    else:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
            cursor.execute("INSERT INTO letters_letter_fts(letters_letter_fts) VALUES ('optimize')")

    users = get_user_model().objects
    leader, handler = users.get(username="giamdoc"), users.get(username="chuyenvien")
    client = Client(HTTP_HOST="localhost")
    client.force_login(leader)
    unit_client = Client(HTTP_HOST="localhost")
    unit_client.force_login(handler)

    load_at_start = round(os.getloadavg()[0], 2)  # other work on the machine skews the figures
    rng = random.Random(args.seed)
    last_id = Letter.objects.order_by("-id").values_list("id", flat=True).first()
    codes = list(Letter.objects.filter(id__in=[rng.randint(1, last_id) for _ in range(200)])
                 .values_list("code", flat=True))[: args.runs]
    _track_deadlines(codes)
    results = {
        "register": _measure(client, [("/don/", q) for q in REGISTER_QUERIES], args.runs),
        "register_unit": _measure(unit_client, [("/don/", q) for q in REGISTER_QUERIES], args.runs),
        "search": _measure(client, [("/don/", {"q": q}) for q in SEARCH_QUERIES], args.runs),
        "search_filtered": _measure(client, [("/don/", {"q": q, "loai": "feedback", "sap_xep": "-received_on"})
                                             for q in SEARCH_QUERIES], args.runs),
        "letter_page": _measure(client, [(f"/don/{c}/", {}) for c in codes], args.runs),
    }

    export = None if args.no_export else _export(client, args.export_rows)

    print(json.dumps({
        "database": connection.vendor,
        "letters": Letter.objects.count(),
        "cpus": os.cpu_count(),
        "load_average_1m": [load_at_start, round(os.getloadavg()[0], 2)],
        "cpu_reference_s": _cpu_reference_s(),
        **setup,
        **results,
        "export": export,
    }, ensure_ascii=False))


def _track_deadlines(codes: list[str]) -> None:
    """The handling time limit of each letter timed, as registration tracks it (the generator leaves the
    deadlines out): the letter page then shows its time limit with the explanation, as in use."""
    from tiepdan.common.choices import MatterType
    from tiepdan.deadlines.models import Deadline
    from tiepdan.deadlines.services import track
    from tiepdan.letters.models import Letter

    tracked = set(Deadline.objects.filter(content_type__model="letter").values_list("object_id", flat=True))
    for letter in Letter.objects.filter(code__in=codes).select_related("unit"):
        if letter.pk not in tracked:
            rule = "TC-INIT" if letter.matter_type == MatterType.DENUNCIATION else "XLD-TIME"
            track(subject=letter, unit=letter.unit, rule_id=rule, start=letter.received_on,
                  label=f"Xử lý đơn {letter.code}")


def _export(client, export_rows: int) -> dict:
    """The newest `export_rows` letters of the register, streamed to the end. Timed alone, then once more
    under tracemalloc for the peak of Python allocations (tracemalloc slows it severalfold)."""
    from tiepdan.letters.models import Letter

    newest = Letter.objects.order_by("-received_on", "-id").values_list("received_on", flat=True)
    since = newest[min(export_rows, Letter.objects.count()) - 1]
    params = {"tu_ngay": f"{since:%d/%m/%Y}"}
    started = time.perf_counter()
    size = sum(len(chunk) for chunk in client.get("/don/xuat-excel/", params).streaming_content)
    export_s = time.perf_counter() - started
    tracemalloc.start()
    sum(len(chunk) for chunk in client.get("/don/xuat-excel/", params).streaming_content)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rows = Letter.objects.filter(received_on__gte=since).count()
    return {"rows": rows, "seconds": round(export_s, 1), "bytes": size, "python_peak_mb": round(peak / 1048576, 1),
            # the whole bench process's peak resident memory (kB on Linux), export included
            "process_max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}


if __name__ == "__main__":
    main()
