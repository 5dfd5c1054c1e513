"""Production settings of the Stackbench Django Channels contestant (Daphne, ASGI).

Reads the database from DB_HOST, DB_PORT, DB_NAME, DB_USER, DB_PASSWORD (set by the lab).
"""
import os
import secrets

DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
# Nothing here is signed (no sessions, no CSRF, no auth), so a per-process key is enough.
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY") or secrets.token_urlsafe(50)

INSTALLED_APPS = ["channels", "api"]
# startproject's defaults minus sessions, auth and messages (no such apps installed here);
# CommonMiddleware also sets Content-Length on every non-streaming response.
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "api.middleware.date_header",
]
ROOT_URLCONF = "benchsite.urls"
ASGI_APPLICATION = "benchsite.asgi.application"
# One Daphne process: Channels' in-memory layer reaches every consumer of that process (its
# docs advise channels_redis for more than one process; Debian 12 does not package it).
CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "HOST": os.environ["DB_HOST"],
        "PORT": os.environ["DB_PORT"],
        "NAME": os.environ["DB_NAME"],
        "USER": os.environ["DB_USER"],
        "PASSWORD": os.environ.get("DB_PASSWORD", ""),
        # Persistent connections, kept across requests (Django's ASGI handler runs the sync views in
        # one thread, so one connection serves them).
        "CONN_MAX_AGE": None,
    }
}
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"

USE_TZ = True
TIME_ZONE = "UTC"
