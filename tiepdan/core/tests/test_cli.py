"""The `tiepdan` command as a user runs it: a real process, a real environment."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def _run(*args, env=None, **kwargs):
    # A subprocess gets its own data folder and the default SQLite database, never the suite's database.
    full_env = {k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE", "DATABASE_URL"}}
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "tiepdan", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=full_env,
        timeout=120,
        **kwargs,
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


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_migrates_and_serves_the_vietnamese_login_page_with_static_files(tmp_path):
    import time
    import urllib.request

    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE", "DATABASE_URL"}}
    env["TIEPDAN_DATA_DIR"] = str(tmp_path)
    server = subprocess.Popen(
        [sys.executable, "-m", "tiepdan", "serve", "--port", str(port), "--workers", "1", "--no-worker"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 90
        page = ""
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/dang-nhap/", timeout=5) as response:
                    page = response.read().decode()
                    server_header = response.headers.get("Server", "")
                break
            except OSError:
                time.sleep(0.5)
        assert "Đăng nhập" in page
        assert "gunicorn" in server_header.lower()
        css = page.split('href="')[1].split('"')[0]
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{css}", timeout=5) as response:
            assert response.status == 200
            assert b".topbar" in response.read()
        assert (tmp_path / "tiepdan.sqlite3").exists()
    finally:
        server.terminate()
        server.wait(timeout=20)
    # Stopping `tiepdan serve` stops gunicorn: nothing is left listening on the port.
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and _listening(port):
        time.sleep(0.5)
    assert not _listening(port)


def _listening(port: int) -> bool:
    import socket

    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) == 0


def test_createuser_makes_a_staff_account_with_unit_and_role(tmp_path):
    env = {"TIEPDAN_DATA_DIR": str(tmp_path)}
    assert _run("migrate", "-v0", env=env).returncode == 0
    assert _run("demo", "--letters", "60", "--no-progress", env=env).returncode == 0
    result = _run(
        "createuser",
        "nva",
        "--unit",
        "ql-van-hoa",
        "--role",
        "unit_handler",
        "--full-name",
        "Nguyễn Văn A",
        "--password",
        "mat-khau-rat-dai-2026",
        env=env,
    )
    assert result.returncode == 0, result.stderr
    assert "Phòng Quản lý Văn hóa" in result.stdout
    bad = _run(
        "createuser", "x", "--unit", "khong-co", "--role", "unit_handler", "--password", "p" * 12, env=env
    )
    assert bad.returncode != 0
    assert "Không có đơn vị" in bad.stderr
