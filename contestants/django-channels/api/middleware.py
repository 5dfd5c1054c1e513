"""Daphne sends no Date header (gunicorn does); spec v2's common rules want one on every response."""
from django.utils.http import http_date


def date_header(get_response):
    def middleware(request):
        response = get_response(request)
        if not response.has_header("Date"):
            response["Date"] = http_date()
        return response

    return middleware
