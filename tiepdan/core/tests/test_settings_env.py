from pathlib import Path

import pytest

from config.settings import env


@pytest.mark.parametrize("value", ["maybe", "2", "yes please", "truee"])
def test_debug_refuses_values_that_are_not_booleans(value):
    with pytest.raises(env.ConfigError, match="DEBUG"):
        env.env_bool("DEBUG", False, {"DEBUG": value})


@pytest.mark.parametrize(("value", "expected"), [("true", True), ("1", True), ("off", False), ("", False)])
def test_debug_accepts_the_usual_spellings(value, expected):
    assert env.env_bool("DEBUG", True, {"DEBUG": value}) is expected


def test_debug_is_off_by_default():
    assert env.env_bool("DEBUG", False, {}) is False


@pytest.mark.parametrize(
    "url",
    [
        "mysql://root@localhost/db",
        "postgres://",
        "postgres://host-only",
        "postgres://u@h:notaport/db",
        "sqlite://",
    ],
)
def test_malformed_database_url_stops_start_up_with_a_bilingual_message(url, tmp_path):
    with pytest.raises(env.ConfigError) as info:
        env.env_database("DATABASE_URL", tmp_path, {"DATABASE_URL": url})
    assert "Cấu hình sai" in str(info.value)
    assert "Bad configuration" in str(info.value)


def test_database_defaults_to_sqlite_in_wal_mode_inside_the_data_folder(tmp_path):
    db = env.env_database("DATABASE_URL", tmp_path, {})
    assert db["ENGINE"].endswith("sqlite3")
    assert Path(db["NAME"]).parent == tmp_path
    assert "journal_mode=WAL" in db["OPTIONS"]["init_command"]
    assert "busy_timeout" in db["OPTIONS"]["init_command"]


def test_postgres_url_is_parsed(tmp_path):
    db = env.env_database(
        "DATABASE_URL", tmp_path, {"DATABASE_URL": "postgres://postgres:pw@127.0.0.1:5433/test"}
    )
    assert (db["ENGINE"], db["NAME"], db["USER"], db["PASSWORD"], db["HOST"], db["PORT"]) == (
        "django.db.backends.postgresql",
        "test",
        "postgres",
        "pw",
        "127.0.0.1",
        "5433",
    )


def test_sqlite_url_accepts_absolute_and_relative_paths(tmp_path):
    assert env.env_database("X", tmp_path, {"X": "sqlite:////tmp/a.db"})["NAME"] == "/tmp/a.db"
    assert env.env_database("X", tmp_path, {"X": "sqlite:///var/b.db"})["NAME"] == "var/b.db"


def test_secret_key_is_generated_once_and_kept_in_the_data_folder(tmp_path):
    first = env.secret_key(tmp_path, {})
    assert len(first) >= 50
    assert env.secret_key(tmp_path, {}) == first
    assert (tmp_path / "secret_key").stat().st_mode & 0o777 == 0o600


def test_short_secret_key_is_refused(tmp_path):
    with pytest.raises(env.ConfigError, match="SECRET_KEY"):
        env.secret_key(tmp_path, {"SECRET_KEY": "short"})


def test_unknown_time_zone_is_refused():
    with pytest.raises(env.ConfigError, match="TIME_ZONE"):
        env.env_timezone("TIME_ZONE", "Asia/Ho_Chi_Minh", {"TIME_ZONE": "Asia/Hanoi_City"})
    assert env.env_timezone("TIME_ZONE", "Asia/Ho_Chi_Minh", {}) == "Asia/Ho_Chi_Minh"


def test_port_must_be_an_integer():
    with pytest.raises(env.ConfigError, match="EMAIL_PORT"):
        env.env_int("EMAIL_PORT", 25, minimum=1, environ={"EMAIL_PORT": "twenty"})


def test_allowed_hosts_cannot_be_an_empty_list():
    with pytest.raises(env.ConfigError):
        env.env_list("ALLOWED_HOSTS", ["x"], {"ALLOWED_HOSTS": " , "})


def test_invalid_encryption_key_is_refused(tmp_path):
    with pytest.raises(env.ConfigError, match="TIEPDAN_ENCRYPTION_KEYS"):
        env.encryption_keys(tmp_path, {"TIEPDAN_ENCRYPTION_KEYS": "not-a-key"})


def _settings_process(tmp_path, *args, **variables):
    """The settings module read by a fresh process (its own data folder), with these variables."""
    import os
    import subprocess
    import sys

    environ = {k: v for k, v in os.environ.items()
               if k not in {"DJANGO_SETTINGS_MODULE", "DATABASE_URL", "TIEPDAN_ATTACHMENT_MAX_BYTES"}}
    environ.update(TIEPDAN_DATA_DIR=str(tmp_path), **variables)
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, env=environ, timeout=120,
                          cwd=Path(__file__).resolve().parents[3])


@pytest.mark.parametrize("value", ["10MB", "1.5e7", "0"])
def test_a_bad_attachment_size_limit_stops_start_up_with_a_clear_message(tmp_path, value):
    result = _settings_process(tmp_path, "-m", "tiepdan", "check", TIEPDAN_ATTACHMENT_MAX_BYTES=value)
    assert result.returncode != 0
    assert f"TIEPDAN_ATTACHMENT_MAX_BYTES={value!r}" in result.stderr
    assert "Cấu hình sai" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_attachment_size_limit_is_read_from_the_environment_with_a_10_mib_default(tmp_path):
    show = ("-c", "from config.settings import base; print(base.TIEPDAN_ATTACHMENT_MAX_BYTES)")
    assert _settings_process(tmp_path, *show).stdout.strip() == str(10 * 1024 * 1024)
    assert _settings_process(tmp_path, *show, TIEPDAN_ATTACHMENT_MAX_BYTES="2097152").stdout.strip() == "2097152"
