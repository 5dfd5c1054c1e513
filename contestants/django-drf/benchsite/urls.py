from django.urls import path, re_path

from api import views

urlpatterns = [
    path("json", views.hello),
    # Any last segment reaches the view: DRF's lookup answers a non-integer id with 404.
    re_path(r"^api/users/(?P<pk>[^/]+)$", views.UserDetail.as_view()),
    path("io", views.io),
    path("cpu", views.cpu),
]

# Django's default error pages are HTML; the spec wants JSON errors (for URLs DRF never sees).
handler400 = "api.errors.bad_request"
handler404 = "api.errors.not_found"
handler500 = "api.errors.server_error"
