"""One environment-driven settings module. No business code here."""

from __future__ import annotations

from pathlib import Path

from django.utils.translation import gettext_lazy as _

from config.settings import env

BASE_DIR = Path(__file__).resolve().parent.parent.parent
DATA_DIR = env.data_dir()
DATA_DIR.mkdir(parents=True, exist_ok=True)
(DATA_DIR / "static").mkdir(exist_ok=True)

SECRET_KEY = env.secret_key(DATA_DIR)
DEBUG = env.env_bool("DEBUG", False)
ALLOWED_HOSTS = env.env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.env_list("CSRF_TRUSTED_ORIGINS", [])
TIEPDAN_ENCRYPTION_KEYS = env.encryption_keys(DATA_DIR)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "auditlog",
    "huey.contrib.djhuey",
    "tiepdan.core",
    "tiepdan.audit",
    "tiepdan.org",
    "tiepdan.people",
    "tiepdan.reception",
    "tiepdan.letters",
    "tiepdan.cases",
    "tiepdan.deadlines",
    "tiepdan.documents",
    "tiepdan.notifications",
    "tiepdan.coordination",
    "tiepdan.monitoring",
    "tiepdan.reports",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "tiepdan.core.middleware.VietnameseFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "auditlog.middleware.AuditlogMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "tiepdan" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "tiepdan.core.context_processors.shell",
            ],
        },
    }
]

DATABASES = {"default": env.env_database("DATABASE_URL", DATA_DIR)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Django's model backend, reading the user's staff record, roles and unread count with the user.
AUTHENTICATION_BACKENDS = ["tiepdan.core.auth.StaffBackend"]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Vietnamese first: `vi` unless the user picked English with the language switch; the
# browser's Accept-Language is deliberately ignored (see core.middleware).
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Tiếng Việt")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "tiepdan" / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = env.env_timezone("TIME_ZONE", "Asia/Ho_Chi_Minh")
FORMAT_MODULE_PATH = ["tiepdan.core.formats"]
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
MEDIA_ROOT = DATA_DIR / "files"
MEDIA_URL = "/files/"  # never served directly: attachments go through permission-checked views
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
# Largest scan or photo of a letter, in bytes (letters.attachments refuses larger files with a message).
TIEPDAN_ATTACHMENT_MAX_BYTES = env.env_int("TIEPDAN_ATTACHMENT_MAX_BYTES", 10 * 1024 * 1024, minimum=1024)
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if env.env_bool("EMAIL_SMTP", False)
    else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_HOST = env.os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = env.env_int("EMAIL_PORT", 25, minimum=1)
EMAIL_HOST_USER = env.os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env.os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env.env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env.os.environ.get("DEFAULT_FROM_EMAIL", "tiepdan@localhost")

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env.env_bool("SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"

AUDITLOG_INCLUDE_ALL_MODELS = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# Background jobs: huey on a SQLite file in the data folder (no extra server); Redis at scale.
_HUEY_REDIS = env.os.environ.get("HUEY_REDIS_URL", "")
HUEY = {
    "name": "tiepdan",
    "immediate": env.env_bool("HUEY_IMMEDIATE", False),
    "huey_class": "huey.RedisHuey" if _HUEY_REDIS else "huey.SqliteHuey",
    **({"url": _HUEY_REDIS} if _HUEY_REDIS else {"filename": str(DATA_DIR / "huey.sqlite3")}),
    "consumer": {"workers": 1, "worker_type": "thread"},
}

# Apps that attach open work to a unit: called when a unit is merged or abolished (org.services.end_unit).
TIEPDAN_UNIT_REMAPPERS = [
    "tiepdan.letters.services.remap_unit",
    "tiepdan.cases.services.remap_unit",
    "tiepdan.deadlines.services.remap_unit",
    "tiepdan.coordination.services.remap_unit",
]
# A visit or letter with at least this many people is a mass case (domain.md MASS-FLAG, unverified default).
TIEPDAN_MASS_THRESHOLD = env.env_int("TIEPDAN_MASS_THRESHOLD", 5, minimum=2)
