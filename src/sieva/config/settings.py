"""SIEVA settings: one module, driven by the environment.

A fresh clone runs on SQLite with no configuration; set DATABASE_URL for PostgreSQL.
Secrets come only from the environment.
"""

import datetime as dt
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
    # First, so its site templates (registration/*, 404…) win over the admin's copies.
    "sieva.core",
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
    "axes",
    "ninja",  # its Swagger UI files, served by WhiteNoise (no CDN)
    # SIEVA's floors, ground floor first (docs/architecture.md); sieva.core is above.
    "sieva.audit",
    "sieva.org",
    "sieva.programs",
    "sieva.instruments",
    "sieva.satisfaction",
    "sieva.indicators",
    "sieva.evidence",
    "sieva.development",
    "sieva.evaluation",
    "sieva.recommendations",
    "sieva.reports",
    "sieva.dashboard",
    "sieva.api",
    "sieva.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "sieva.config.middleware.UserLanguageMiddleware",
    "sieva.api.middleware.ApiLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "sieva.config.middleware.PrivatePagesMiddleware",
    "sieva.core.sessions.IdleSessionMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, as django-axes asks: it turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
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
# Sign-in throttling (django-axes): after AXES_FAILURE_LIMIT wrong passwords for one account,
# or from one address, that account or address waits AXES_COOLOFF_TIME — on the SIEVA sign-in
# page and the admin's alike.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("SIEVA_LOGIN_FAILURE_LIMIT", 10)
AXES_COOLOFF_TIME = dt.timedelta(minutes=env_int("SIEVA_LOGIN_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "sieva.core.ratelimit.client_ip"
AXES_LOCKOUT_CALLABLE = "sieva.org.views.account.locked_out"
AXES_VERBOSE = False
# Staff sessions end after SIEVA_SESSION_IDLE_MINUTES without a request (personal data on
# shared office computers), and always when the browser closes.
# (IdleSessionMiddleware renews the expiry at most once a minute instead of on every request.)
SESSION_COOKIE_AGE = 60 * env_int("SIEVA_SESSION_IDLE_MINUTES", 30)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
# Password reset mails go through the configured backend: SMTP when EMAIL_HOST is set, the
# console in development; without either the reset page says mail is not set up.
EMAIL_HOST = env_str("EMAIL_HOST", "")
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = env_str("SIEVA_FROM_EMAIL", "SIEVA <sieva@localhost>")
_EMAIL_DEFAULT = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.locmem.EmailBackend"
    if TESTING
    else ""
)
EMAIL_BACKEND = env_str("SIEVA_EMAIL_BACKEND", _EMAIL_DEFAULT)
# Without a backend the product says so where it would send mail, and never pretends it did.
SIEVA_MAIL_CONFIGURED = bool(EMAIL_BACKEND)
if not EMAIL_BACKEND:
    EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"

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
# Production serves static files itself (WhiteNoise) under hashed, compressed names after
# `collectstatic`; development and tests read them from the apps as they are.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG or TESTING
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# Development and tests find static files in the apps (no collectstatic needed).
WHITENOISE_AUTOREFRESH = DEBUG or TESTING
WHITENOISE_USE_FINDERS = DEBUG or TESTING
# Source maps (11 MB of the API docs' bundles) are read by developer tools only: compressing
# them twice (gzip and Brotli) was most of `collectstatic`'s time at every `make serve`.
WHITENOISE_SKIP_COMPRESS_EXTENSIONS = (
    *("jpg", "jpeg", "png", "gif", "webp", "zip", "gz", "tgz", "bz2", "tbz", "xz", "br"),
    *("swf", "flv", "woff", "woff2", "3gp", "3gpp", "asf", "avi", "m4v", "mov", "mp4"),
    *("mpeg", "mpg", "webm", "wmv"),  # WhiteNoise's own list, then:
    "map",
)

# One cache shared by every process (rate limits, the scheduler's claims, cached pages): Redis
# when REDIS_URL is set, otherwise a table in the database — never per-process memory.
REDIS_URL = env_str("REDIS_URL", "")
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    if REDIS_URL
    else {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "sieva_cache"}
}

_TASKS_DEFAULT = (
    "django_tasks.backends.immediate.ImmediateBackend"
    if TESTING
    else "django_tasks_db.DatabaseBackend"
)
TASKS = {"default": {"BACKEND": env_str("SIEVA_TASKS_BACKEND", _TASKS_DEFAULT)}}
# A running job renews its lease every HEARTBEAT seconds; one unrenewed for LEASE seconds lost
# its worker and is ended as failed by the scheduler (sieva.core.jobs, decision 0064).
SIEVA_JOB_HEARTBEAT_SECONDS = env_int("SIEVA_JOB_HEARTBEAT_SECONDS", 5)
SIEVA_JOB_LEASE_SECONDS = env_int("SIEVA_JOB_LEASE_SECONDS", 60)
# Tasks the scheduler (`sieva scheduler`, started by `sieva run` and `sieva serve`) enqueues,
# with their interval in seconds.
SIEVA_PERIODIC_TASKS = {
    "sieva.dashboard.tasks.run_due_evaluations": env_int("SIEVA_EVALUATE_DUE_EVERY", 3600),
    "sieva.evaluation.tasks.refresh_stored_evaluations": env_int(
        "SIEVA_REFRESH_EVALUATIONS_EVERY", 900
    ),
}

# Security: cookies are secure unless explicitly served over plain HTTP for development.
_HTTPS = env_bool("SIEVA_HTTPS", not (DEBUG or TESTING))
SESSION_COOKIE_SECURE = _HTTPS
CSRF_COOKIE_SECURE = _HTTPS
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SECURE_SSL_REDIRECT = env_bool("SIEVA_SSL_REDIRECT", False)
# Behind the reverse proxy (docs/deployment.md) gunicorn listens on 127.0.0.1 only, so the
# scheme header can only come from the proxy, which overwrites it.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Addresses of reverse proxies whose X-Forwarded-For names the real client (rate limits).
SIEVA_TRUSTED_PROXIES = env_list("SIEVA_TRUSTED_PROXIES", ["127.0.0.1", "::1"])
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
# Form fields in memory; files above 10 MB go to a temporary file; no request body past
# SIEVA_UPLOAD_MAX_BYTES at all (sieva.core.uploads), a little above the largest import.
DATA_UPLOAD_MAX_MEMORY_SIZE = 50 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
SIEVA_UPLOAD_MAX_BYTES = env_int("SIEVA_UPLOAD_MAX_BYTES", 110_000_000)
FILE_UPLOAD_HANDLERS = [
    "sieva.core.uploads.UploadSizeCap",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]

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
# Stored evaluations (decision 0049) older than this are recomputed by the periodic task.
SIEVA_EVALUATION_MAX_AGE_MINUTES = env_int("SIEVA_EVALUATION_MAX_AGE_MINUTES", 60)
SIEVA_RESPOND_RATE_LIMIT = env_int("SIEVA_RESPOND_RATE_LIMIT", 30)
SIEVA_RESPOND_RATE_WINDOW = env_int("SIEVA_RESPOND_RATE_WINDOW", 600)
SIEVA_RESET_RATE_LIMIT = env_int("SIEVA_RESET_RATE_LIMIT", 5)
SIEVA_RESET_RATE_WINDOW = env_int("SIEVA_RESET_RATE_WINDOW", 3600)
# The public SKM form (decision 0055). Hard limit per unit and network address, generous
# because a Mal Pelayanan Publik or a mobile carrier puts many citizens behind one address:
SIEVA_SKM_RATE_LIMIT = env_int("SIEVA_SKM_RATE_LIMIT", 120)
SIEVA_SKM_RATE_WINDOW = env_int("SIEVA_SKM_RATE_WINDOW", 600)
# Beyond these, submissions are held for staff review instead of counted: per unit, address
# and browser (one phone, fresh browsers included) ...
SIEVA_SKM_DEVICE_BURST_LIMIT = env_int("SIEVA_SKM_DEVICE_BURST_LIMIT", 2)
SIEVA_SKM_DEVICE_BURST_WINDOW = env_int("SIEVA_SKM_DEVICE_BURST_WINDOW", 1800)
# ... per unit and address (many phones on one address, faster than a counter serves) ...
SIEVA_SKM_ADDRESS_BURST_LIMIT = env_int("SIEVA_SKM_ADDRESS_BURST_LIMIT", 30)
SIEVA_SKM_ADDRESS_BURST_WINDOW = env_int("SIEVA_SKM_ADDRESS_BURST_WINDOW", 600)
# ... and per counter tablet (one citizen every 30 s sustained is faster than any counter).
SIEVA_SKM_KIOSK_BURST_LIMIT = env_int("SIEVA_SKM_KIOSK_BURST_LIMIT", 20)
SIEVA_SKM_KIOSK_BURST_WINDOW = env_int("SIEVA_SKM_KIOSK_BURST_WINDOW", 600)
# A counter tablet serves citizen after citizen: identical answers count twice unless they
# come within this many seconds (a double tap), not the 10 minutes of a personal phone.
SIEVA_SKM_KIOSK_DUPLICATE_SECONDS = env_int("SIEVA_SKM_KIOSK_DUPLICATE_SECONDS", 15)
# IKM figures warn below the Krejcie-Morgan sample of the unit's service population, or below
# this number of respondents when no population is entered (Roscoe 1975: at least 30).
SIEVA_SKM_MIN_RESPONDENTS = env_int("SIEVA_SKM_MIN_RESPONDENTS", 30)
# Public SKM results and the hall display (decision 0059): views per address per window.
SIEVA_SKM_RESULTS_RATE_LIMIT = env_int("SIEVA_SKM_RESULTS_RATE_LIMIT", 120)
SIEVA_SKM_RESULTS_RATE_WINDOW = env_int("SIEVA_SKM_RESULTS_RATE_WINDOW", 600)
# REST API (decision 0040): requests per token per window.
SIEVA_API_RATE_LIMIT = env_int("SIEVA_API_RATE_LIMIT", 1200)
SIEVA_API_RATE_WINDOW = env_int("SIEVA_API_RATE_WINDOW", 60)
# People development (decisions 0035-0039).
# Nearest-neighbour matching of mentees to non-mentees: largest Mahalanobis distance accepted.
SIEVA_MATCH_CALIPER = float(env_str("SIEVA_MATCH_CALIPER", "1.0"))
# Participant qualification: final score must exceed each bound (DOMAIN.md, "(check)").
SIEVA_QUALIFICATION_BOUNDS = [
    float(x) for x in env_list("SIEVA_QUALIFICATION_BOUNDS", ["90", "80", "70", "60"])
]
# Attitude ratings whose raters' means differ by more than this (1-5 scale) go to moderation.
SIEVA_RATER_DISAGREEMENT = float(env_str("SIEVA_RATER_DISAGREEMENT", "1.0"))
# Months after a cohort ends at which action plans are verified by supervisor or coach.
SIEVA_ACTION_PLAN_CHECK_MONTHS = [
    int(x) for x in env_list("SIEVA_ACTION_PLAN_CHECK_MONTHS", ["3", "6"])
]
# 9-box axis cut-offs (score <= low is low, <= mid is middle, else high), instance settings.
SIEVA_POTENTIAL_CUTOFFS = [float(x) for x in env_list("SIEVA_POTENTIAL_CUTOFFS", ["60", "80"])]
SIEVA_CERTIFICATE_RATE_LIMIT = env_int("SIEVA_CERTIFICATE_RATE_LIMIT", 30)
SIEVA_CERTIFICATE_RATE_WINDOW = env_int("SIEVA_CERTIFICATE_RATE_WINDOW", 600)
SIEVA_EVIDENCE_MAX_BYTES = env_int("SIEVA_EVIDENCE_MAX_BYTES", 5 * 1024 * 1024)
# Links in notification e-mails and on certificates (mail settings are with the sign-in ones).
SIEVA_SITE_URL = env_str("SIEVA_SITE_URL", "http://127.0.0.1:8000")
# SKM files with more data rows than this import as a background task with a status page.
SIEVA_SKM_IMPORT_BACKGROUND_ROWS = env_int("SIEVA_SKM_IMPORT_BACKGROUND_ROWS", 20000)
SIEVA_RESPONSE_IMPORT_BACKGROUND_ROWS = env_int("SIEVA_RESPONSE_IMPORT_BACKGROUND_ROWS", 2000)
# Every import read (sieva.core.tables, decision 0018): the file's size, its data rows and
# columns, the cells an XLSX sheet spans (rows × columns, ~90 bytes each while read) and the
# bytes an XLSX may unpack to.
SIEVA_IMPORT_MAX_BYTES = env_int("SIEVA_IMPORT_MAX_BYTES", 100_000_000)
SIEVA_IMPORT_MAX_ROWS = env_int("SIEVA_IMPORT_MAX_ROWS", 1_000_000)
SIEVA_IMPORT_MAX_COLUMNS = env_int("SIEVA_IMPORT_MAX_COLUMNS", 1_000)
SIEVA_IMPORT_MAX_CELLS = env_int("SIEVA_IMPORT_MAX_CELLS", 10_000_000)
SIEVA_IMPORT_MAX_UNZIPPED_BYTES = env_int("SIEVA_IMPORT_MAX_UNZIPPED_BYTES", 1_000_000_000)
# Narrower bounds per importer (decision 0065): what each list can really hold. SKM responses
# keep the general bounds (a year of a province's counters is millions of rows).
SIEVA_IMPORT_LIMITS = {
    "employees": {"max_rows": 200_000, "max_bytes": 30_000_000},
    "units": {"max_rows": 20_000, "max_bytes": 5_000_000},
    "responses": {"max_rows": 200_000, "max_bytes": 20_000_000},
    "indicators": {"max_rows": 50_000, "max_bytes": 10_000_000},
    "completions": {"max_rows": 500_000, "max_bytes": 50_000_000},
}
# An import keeps its first problems and counts the rest ("… dan 3.999.950 masalah lain").
SIEVA_IMPORT_PROBLEMS_KEPT = env_int("SIEVA_IMPORT_PROBLEMS_KEPT", 10_000)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("SIEVA_LOG_LEVEL", "WARNING")},
}
