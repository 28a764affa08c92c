"""SIEVA settings: one module, driven by the environment.

A fresh clone runs on SQLite with no configuration; set DATABASE_URL for PostgreSQL.
Secrets come only from the environment.
"""

import sys
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, SELF
from django.core.exceptions import ImproperlyConfigured

from sieva.config.env import env_bool, env_int, env_list, env_str

SRC_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = SRC_DIR.parent.parent
VAR_DIR = Path(env_str("SIEVA_VAR_DIR", str(BASE_DIR / "var")))

DEBUG = env_bool("SIEVA_DEBUG", False)
# The test suite runs with DEBUG off (as production) but must not need secrets.
TESTING = "pytest" in sys.modules
_DEV_KEY = "dev-only-insecure-key-never-use-in-production"  # noqa: S105
SECRET_KEY = env_str("SIEVA_SECRET_KEY", _DEV_KEY if DEBUG or TESTING else "")
if not SECRET_KEY:
    # Refuse to start a production server with a guessable key.
    raise ImproperlyConfigured("Set SIEVA_SECRET_KEY (or SIEVA_DEBUG=1 for development).")

ALLOWED_HOSTS = env_list("SIEVA_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "template_partials",
    "django_tasks",
    "django_tasks_db",
    "csp",
    # SIEVA's floors, ground floor first (docs/architecture.md).
    "sieva.core",
    "sieva.audit",
    "sieva.org",
    "sieva.programs",
    "sieva.instruments",
    "sieva.satisfaction",
    "sieva.indicators",
    "sieva.evidence",
    "sieva.evaluation",
    "sieva.recommendations",
    "sieva.reports",
    "sieva.dashboard",
    "sieva.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "sieva.config.middleware.UserLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "csp.middleware.CSPMiddleware",
]

ROOT_URLCONF = "sieva.config.urls"
WSGI_APPLICATION = "sieva.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "sieva.config.context_processors.page",
            ],
        },
    }
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'sieva.sqlite3'}"),
        conn_max_age=env_int("SIEVA_DB_CONN_MAX_AGE", 0),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    # WAL lets readers proceed while a submission writes; IMMEDIATE avoids lock upgrades.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    DATABASES["default"].setdefault("TEST", {})["NAME"] = ""  # in-memory for tests

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Indonesian is the default whatever the browser says; English only when the user chooses it.
LANGUAGE_CODE = "id"
LANGUAGES = [("id", "Bahasa Indonesia"), ("en", "English")]
# Each app keeps its own catalogue in <app>/locale (make messages-extract refreshes them).
LOCALE_PATHS: list[Path] = []
FORMAT_MODULE_PATH = "sieva.config.formats"  # day-first dates in every language
USE_I18N = True
TIME_ZONE = "Asia/Jakarta"  # WIB for display; storage is UTC
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
MEDIA_ROOT = VAR_DIR / "media"

_TASKS_DEFAULT = (
    "django_tasks.backends.immediate.ImmediateBackend"
    if TESTING
    else "django_tasks_db.DatabaseBackend"
)
TASKS = {"default": {"BACKEND": env_str("SIEVA_TASKS_BACKEND", _TASKS_DEFAULT)}}

# Security: cookies are secure unless explicitly served over plain HTTP for development.
_HTTPS = env_bool("SIEVA_HTTPS", not (DEBUG or TESTING))
SESSION_COOKIE_SECURE = _HTTPS
CSRF_COOKIE_SECURE = _HTTPS
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SECURE_SSL_REDIRECT = env_bool("SIEVA_SSL_REDIRECT", False)
SECURE_HSTS_SECONDS = env_int("SIEVA_HSTS_SECONDS", 0)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "form-action": [SELF],
        "frame-ancestors": ["'none'"],
        "base-uri": [SELF],
    }
}
DATA_UPLOAD_MAX_MEMORY_SIZE = 50 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# Domain rules (DOMAIN.md); values marked "(check)" there are settings, never constants.
SIEVA_JP_MINUTES = env_int("SIEVA_JP_MINUTES", 45)
SIEVA_PNS_MIN_JP_PER_YEAR = env_int("SIEVA_PNS_MIN_JP_PER_YEAR", 20)
SIEVA_PPPK_MAX_JP_PER_CONTRACT_YEAR = env_int("SIEVA_PPPK_MAX_JP_PER_CONTRACT_YEAR", 24)
SIEVA_MIN_CELL_SIZE = env_int("SIEVA_MIN_CELL_SIZE", 5)
# Evaluation thresholds (docs/decisions/0012-evaluation-engine.md).
SIEVA_MAX_MARGIN_OF_ERROR = float(env_str("SIEVA_MAX_MARGIN_OF_ERROR", "0.10"))
SIEVA_MIN_ALPHA = float(env_str("SIEVA_MIN_ALPHA", "0.70"))
SIEVA_PASS_MARK = float(env_str("SIEVA_PASS_MARK", "0.70"))  # share of the test's maximum
SIEVA_APPLIED_FREQUENCY = env_int("SIEVA_APPLIED_FREQUENCY", 3)  # "beberapa kali sebulan"
# Collection (decisions 0009, 0010). The pseudonym key pairs anonymous pre/post answers: set it
# once in production and never change it (changing SIEVA_SECRET_KEY must not break pairing).
SIEVA_PSEUDONYM_KEY = env_str("SIEVA_PSEUDONYM_KEY", SECRET_KEY if DEBUG or TESTING else "")
if not SIEVA_PSEUDONYM_KEY:
    raise ImproperlyConfigured("Set SIEVA_PSEUDONYM_KEY (a long random value, never rotated).")
SIEVA_L3_MONTHS_AFTER = env_int("SIEVA_L3_MONTHS_AFTER", 3)
# Training plans proposed from needs (decision 0034): defaults officials then adjust per program.
SIEVA_PLAN_DEFAULT_JP = env_int("SIEVA_PLAN_DEFAULT_JP", 24)
SIEVA_PLAN_COST_PER_JP = env_int("SIEVA_PLAN_COST_PER_JP", 150_000)
SIEVA_RESPOND_RATE_LIMIT = env_int("SIEVA_RESPOND_RATE_LIMIT", 30)
SIEVA_RESPOND_RATE_WINDOW = env_int("SIEVA_RESPOND_RATE_WINDOW", 600)
SIEVA_SKM_RATE_LIMIT = env_int("SIEVA_SKM_RATE_LIMIT", 10)
SIEVA_SKM_RATE_WINDOW = env_int("SIEVA_SKM_RATE_WINDOW", 600)
# SKM files with more data rows than this import as a background task with a status page.
SIEVA_SKM_IMPORT_BACKGROUND_ROWS = env_int("SIEVA_SKM_IMPORT_BACKGROUND_ROWS", 20000)
SIEVA_RESPONSE_IMPORT_BACKGROUND_ROWS = env_int("SIEVA_RESPONSE_IMPORT_BACKGROUND_ROWS", 2000)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("SIEVA_LOG_LEVEL", "WARNING")},
}
