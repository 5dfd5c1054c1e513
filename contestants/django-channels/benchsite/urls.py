from django.urls import path, re_path

from api import views

urlpatterns = [
    path("json", views.hello),
    # Signed so that /api/users/-1 reaches the view and gets the spec's "User not found".
    re_path(r"^api/users/(?P<user_id>-?[0-9]+)$", views.user),
    path("io", views.io),
    path("cpu", views.cpu),
]

# Django's default error pages are HTML; the spec wants JSON errors.
handler400 = "api.views.bad_request"
handler404 = "api.views.not_found"
handler500 = "api.views.server_error"
