"""The `tiepdan` command as a user runs it: a real process, a real environment."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def _run(*args, env=None, **kwargs):
    full_env = {**os.environ, **(env or {})}
    full_env.pop("DJANGO_SETTINGS_MODULE", None)
    return subprocess.run(  # noqa: S603
        [sys.executable, "-m", "tiepdan", *args], capture_output=True, text=True, cwd=ROOT, env=full_env,
        timeout=120, **kwargs
    )


def test_help_lists_the_commands():
    result = _run("--help")
    assert result.returncode == 0
    for command in ("serve", "demo", "createuser", "deadline"):
        assert f"tiepdan {command}" in result.stdout


def test_bad_debug_value_stops_start_up_with_a_clear_message(tmp_path):
    result = _run("check", env={"DEBUG": "maybe", "TIEPDAN_DATA_DIR": str(tmp_path)})
    assert result.returncode != 0
    assert "DEBUG='maybe'" in result.stderr
    assert "Cấu hình sai" in result.stderr
    assert "Traceback" not in result.stderr


def test_malformed_database_url_stops_start_up_with_a_clear_message(tmp_path):
    result = _run("check", env={"DATABASE_URL": "postgres://nohost", "TIEPDAN_DATA_DIR": str(tmp_path)})
    assert result.returncode != 0
    assert "DATABASE_URL" in result.stderr
    assert "Traceback" not in result.stderr


def test_django_management_commands_are_reachable(tmp_path):
    result = _run("check", env={"TIEPDAN_DATA_DIR": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout
