"""Test settings: the base module, fast hashing, in-memory e-mail, huey immediate.

DATABASE_URL selects the engine, so the same suite runs on SQLite and on PostgreSQL.
"""

import os
import tempfile

# Tests never write into the developer's ./var.
os.environ.setdefault("TIEPDAN_DATA_DIR", tempfile.mkdtemp(prefix="tiepdan-test-"))

from config.settings.base import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
HUEY = {**HUEY, "immediate": True, "huey_class": "huey.MemoryHuey"}  # noqa: F405
HUEY.pop("filename", None)
HUEY.pop("url", None)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
