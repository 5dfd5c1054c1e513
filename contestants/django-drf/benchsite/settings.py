"""Production settings of the Stackbench Django REST framework contestant.

Reads the database from DB_HOST, DB_PORT, DB_NAME, DB_USER, DB_PASSWORD (set by the lab).
"""
import os
import secrets

DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
# Nothing here is signed (no sessions, no CSRF, no auth), so a per-process key is enough.
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY") or secrets.token_urlsafe(50)

INSTALLED_APPS = ["rest_framework", "api"]
# startproject's defaults minus sessions, auth and messages (no such apps installed here);
# CommonMiddleware also sets Content-Length on every non-streaming response.
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]
ROOT_URLCONF = "benchsite.urls"
WSGI_APPLICATION = "benchsite.wsgi.application"

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "HOST": os.environ["DB_HOST"],
        "PORT": os.environ["DB_PORT"],
        "NAME": os.environ["DB_NAME"],
        "USER": os.environ["DB_USER"],
        "PASSWORD": os.environ.get("DB_PASSWORD", ""),
        # Persistent connections: one per worker process, kept for its whole life.
        "CONN_MAX_AGE": None,
    }
}
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"

USE_TZ = True
TIME_ZONE = "UTC"

REST_FRAMEWORK = {
    # JSON only: the browsable API is for development.
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    # A public read-only API: no authentication, so django.contrib.auth is not needed.
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "UNAUTHENTICATED_USER": None,
    "EXCEPTION_HANDLER": "api.errors.api_exception_handler",
}
