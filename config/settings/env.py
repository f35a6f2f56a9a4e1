"""Small helpers that read the environment and refuse bad values loudly.

Start-up must stop with a clear message rather than run with a half-understood configuration
(e.g. ``DEBUG=maybe`` silently meaning False).
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


class ConfigError(ImproperlyConfigured):
    """A configuration value is invalid. The message is bilingual and names the variable."""


def _fail(name: str, value: str, vi: str, en: str) -> ConfigError:
    return ConfigError(
        f"Cấu hình sai: {name}={value!r} — {vi}. / Bad configuration: {name}={value!r} — {en}."
    )


def env_bool(name: str, default: bool, environ: dict[str, str] | None = None) -> bool:
    environ = os.environ if environ is None else environ
    raw = environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise _fail(
        name, raw, "chỉ nhận true/false, 1/0, yes/no, on/off", "expected true/false, 1/0, yes/no, on/off"
    )


def env_int(name: str, default: int, *, minimum: int = 0, environ: dict[str, str] | None = None) -> int:
    environ = os.environ if environ is None else environ
    raw = environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = int(raw.strip())
    except ValueError:
        raise _fail(name, raw, "phải là số nguyên", "expected an integer") from None
    if value < minimum:
        raise _fail(name, raw, f"phải ≥ {minimum}", f"must be ≥ {minimum}")
    return value


def env_list(name: str, default: list[str], environ: dict[str, str] | None = None) -> list[str]:
    environ = os.environ if environ is None else environ
    raw = environ.get(name)
    if raw is None:
        return default
    items = [item.strip() for item in raw.split(",") if item.strip()]
    if not items:
        raise _fail(name, raw, "danh sách rỗng", "empty list")
    return items


def env_timezone(name: str, default: str, environ: dict[str, str] | None = None) -> str:
    environ = os.environ if environ is None else environ
    raw = environ.get(name, default)
    try:
        ZoneInfo(raw)
    except (ZoneInfoNotFoundError, ValueError):
        raise _fail(name, raw, "không phải múi giờ IANA", "not an IANA time zone") from None
    return raw


def env_database(name: str, data_dir: Path, environ: dict[str, str] | None = None) -> dict:
    """Parse DATABASE_URL (sqlite:///path or postgres://user:pass@host:port/db).

    The SQLite default lives in the data folder; WAL and a busy timeout let the web server and a
    background worker share the file without "database is locked" errors.
    """
    environ = os.environ if environ is None else environ
    raw = environ.get(name, "").strip()
    if not raw:
        return _sqlite(data_dir / "tiepdan.sqlite3")
    parts = urlsplit(raw)
    if parts.scheme == "sqlite":
        # sqlite:///relative/file or sqlite:////absolute/file
        path = parts.path[1:]
        if not path or path == ":memory:":
            raise _fail(name, raw, "cần đường dẫn tệp SQLite", "a SQLite file path is required")
        return _sqlite(Path(path))
    if parts.scheme in {"postgres", "postgresql", "pgsql"}:
        db_name = parts.path.lstrip("/")
        if not parts.hostname or not db_name:
            raise _fail(name, raw, "thiếu máy chủ hoặc tên cơ sở dữ liệu", "host or database name missing")
        try:
            port = parts.port or 5432
        except ValueError:
            raise _fail(name, raw, "cổng không hợp lệ", "invalid port") from None
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": db_name,
            "USER": parts.username or "",
            "PASSWORD": parts.password or "",
            "HOST": parts.hostname,
            "PORT": str(port),
            "CONN_MAX_AGE": 60,
            "CONN_HEALTH_CHECKS": True,
        }
    raise _fail(
        name, raw, "chỉ hỗ trợ sqlite:/// hoặc postgres://", "only sqlite:/// or postgres:// are supported"
    )


def _sqlite(path: Path) -> dict:
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(path),
        "OPTIONS": {
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=20000;",
        },
    }


def secret_key(data_dir: Path, environ: dict[str, str] | None = None) -> str:
    """SECRET_KEY from the environment, else generated once and kept in the data folder."""
    environ = os.environ if environ is None else environ
    raw = environ.get("SECRET_KEY")
    if raw is not None:
        if len(raw) < 32:
            raise _fail("SECRET_KEY", "***", "cần ít nhất 32 ký tự", "must be at least 32 characters")
        return raw
    path = data_dir / "secret_key"
    if path.exists():
        return path.read_text().strip()
    data_dir.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(50)
    path.write_text(key)
    path.chmod(0o600)
    return key


def data_dir(environ: dict[str, str] | None = None) -> Path:
    environ = os.environ if environ is None else environ
    raw = environ.get("TIEPDAN_DATA_DIR", "var")
    path = Path(raw).expanduser().resolve()
    if path.exists() and not path.is_dir():
        raise _fail("TIEPDAN_DATA_DIR", raw, "không phải thư mục", "not a directory")
    return path


def encryption_keys(data_dir: Path, environ: dict[str, str] | None = None) -> list[str]:
    """Fernet keys for confidential identities: first encrypts, all decrypt (rotation)."""
    from cryptography.fernet import Fernet

    environ = os.environ if environ is None else environ
    raw = environ.get("TIEPDAN_ENCRYPTION_KEYS")
    if raw is not None:
        keys = [k.strip() for k in raw.split(",") if k.strip()]
        for key in keys:
            try:
                Fernet(key)
            except ValueError:
                raise _fail(
                    "TIEPDAN_ENCRYPTION_KEYS", "***", "khóa Fernet không hợp lệ", "invalid Fernet key"
                ) from None
        if not keys:
            raise _fail("TIEPDAN_ENCRYPTION_KEYS", raw, "danh sách rỗng", "empty list")
        return keys
    path = data_dir / "encryption_keys"
    if path.exists():
        return [k for k in path.read_text().split() if k]
    data_dir.mkdir(parents=True, exist_ok=True)
    key = Fernet.generate_key().decode()
    path.write_text(key + "\n")
    path.chmod(0o600)
    return [key]
