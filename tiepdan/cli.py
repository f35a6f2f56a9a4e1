"""The `tiepdan` command: set-up, serving, demo data, deadlines, and every Django management command.

    tiepdan serve [--host 127.0.0.1] [--port 8000] [--workers 3] [--no-worker]
    tiepdan demo [--letters N] [--seed S] [--if-empty]
    tiepdan createuser USERNAME --unit CODE --role ROLE [--role ROLE ...] [--full-name NAME]
    tiepdan deadline RULE_ID START_DATE [--variant V] [--extensions N] [--holidays FILE.json]
    tiepdan <django management command> [...]      e.g. tiepdan migrate, tiepdan deadline_watch
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys

HELP = __doc__ or ""


def _django_setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.base")
    from django.core.exceptions import ImproperlyConfigured

    try:
        import django

        django.setup()
    except ImproperlyConfigured as exc:
        sys.stderr.write(f"{exc}\n")
        raise SystemExit(2) from None


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] in {"-h", "--help", "help"}:
        sys.stdout.write(HELP.strip() + "\n\nDjango commands: tiepdan help-django\n")
        return 0
    command = argv[0]
    if command == "deadline":
        # Pure: no Django, no database, so it works on a machine that was never set up.
        from tiepdan.legal.cli import deadline_main

        return deadline_main(argv[1:], sys.stdout, sys.stderr)
    _django_setup()
    from django.core.management import call_command, execute_from_command_line

    if command == "serve":
        return _serve(argv[1:])
    if command == "help-django":
        execute_from_command_line(["tiepdan", "help"])
        return 0
    if command in {"demo", "createuser"}:
        call_command("tiepdan_" + command, *argv[1:])
        return 0
    execute_from_command_line(["tiepdan", *argv])
    return 0


def _serve(args: list[str]) -> int:
    import argparse

    from django.core.management import call_command

    parser = argparse.ArgumentParser(prog="tiepdan serve", description="Chạy hệ thống / Serve the system")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--no-worker", action="store_true", help="không chạy tiến trình công việc nền (huey)")
    options = parser.parse_args(args)
    call_command("migrate", interactive=False, verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    worker = None
    if not options.no_worker:
        worker = subprocess.Popen([sys.executable, "-m", "tiepdan", "run_huey", "--quiet"])
    bind = f"{options.host}:{options.port}"
    sys.stdout.write(f"tiepdan: http://{bind}/\n")
    sys.stdout.flush()
    # gunicorn: a production WSGI server; whitenoise serves the collected static files.
    server = subprocess.Popen(
        [
            sys.executable, "-m", "gunicorn", "config.wsgi:application",
            "--bind", bind, "--workers", str(options.workers), "--access-logfile", "-",
            "--timeout", "120",
        ]
    )
    # Stopped by its service manager (SIGTERM), this process passes the signal on: otherwise gunicorn
    # would be left running, orphaned, still holding the port.
    signal.signal(signal.SIGTERM, lambda signum, frame: server.terminate())
    try:
        return server.wait()
    except KeyboardInterrupt:  # Ctrl-C reaches gunicorn too (same process group): let it finish
        server.wait(timeout=30)
        return 0
    finally:
        if server.poll() is None:
            server.terminate()
            server.wait(timeout=30)
        if worker is not None:
            worker.terminate()
            worker.wait(timeout=10)
