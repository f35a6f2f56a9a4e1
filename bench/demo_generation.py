"""Time and peak memory of generating demo letters (issue: 100,000 in < 2 min; 1,000,000 < 1 GB).

    TIEPDAN_DATA_DIR=/tmp/bench DATABASE_URL=... .venv/bin/python bench/demo_generation.py --letters 100000

Runs on an empty database (migrated first); prints one JSON line with the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.base")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--letters", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone

    from tiepdan.core.demo.generate import generate
    from tiepdan.org.loader import load_demo_organisation

    call_command("migrate", verbosity=0)
    agency = load_demo_organisation()
    started = time.perf_counter()
    summary = generate(agency=agency, letters=args.letters, seed=args.seed, today=timezone.localdate(), progress=False)
    elapsed = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({
        "database": connection.vendor,
        "letters": summary.letters,
        "visits": summary.visits,
        "citizens": summary.citizens,
        "seconds": round(elapsed, 1),
        "letters_per_second": round(summary.letters / elapsed),
        "peak_rss_mb": round(peak_mb),
    }))


if __name__ == "__main__":
    main()
