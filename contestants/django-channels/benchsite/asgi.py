"""ASGI entry point for Daphne: `daphne benchsite.asgi:application`.

HTTP goes to Django's ASGI handler (the same views as the gunicorn contestant); WebSocket
connections go to Channels' URLRouter, whose only route is /ws (api.consumers).
"""
import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "benchsite.settings")
# Django must be set up before the consumers (and the models they may import) are imported.
django_asgi_app = get_asgi_application()

from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from django.urls import path  # noqa: E402

from api.consumers import BroadcastConsumer  # noqa: E402

application = ProtocolTypeRouter({
    "http": django_asgi_app,
    "websocket": URLRouter([path("ws", BroadcastConsumer.as_asgi())]),
})
