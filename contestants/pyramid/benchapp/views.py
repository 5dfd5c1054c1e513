import re
import time

from pyramid.httpexceptions import HTTPBadRequest, HTTPException, HTTPNotFound
from pyramid.view import exception_view_config, view_config

from .models import User

# PostgreSQL `integer` is int4: a larger id can match no row, so it is "not found" at once.
INT4_MIN = -(2**31)
INT4_MAX = 2**31 - 1
INTEGER = re.compile(r"-?[0-9]+")


def int_param(request, name, low, high):
    """The query parameter `name` as an int in low..high; else HTTPBadRequest."""
    raw = request.GET.get(name, "")
    if INTEGER.fullmatch(raw) and low <= int(raw) <= high:
        return int(raw)
    raise HTTPBadRequest(f"query parameter {name} must be an integer from {low} to {high}")


@view_config(route_name="json", request_method="GET", renderer="json")
def hello(request):
    return {"message": "Hello, World!"}


@view_config(route_name="user", request_method="GET", renderer="json")
def user(request):
    raw = request.matchdict["id"]
    if not INTEGER.fullmatch(raw):
        raise HTTPBadRequest("id must be an integer")
    user_id = int(raw)
    found = request.dbsession.get(User, user_id) if INT4_MIN <= user_id <= INT4_MAX else None
    if found is None:
        raise HTTPNotFound("User not found")
    return {"id": found.id, "name": found.name, "email": found.email}


@view_config(route_name="io", request_method="GET", renderer="json")
def io(request):
    ms = int_param(request, "ms", 0, 10000)
    # A waitress thread waits on a slow upstream by blocking, as the spec asks.
    time.sleep(ms / 1000)
    return {"waitedMs": ms}


@view_config(route_name="cpu", request_method="GET", renderer="json")
def cpu(request):
    n = int_param(request, "n", 1, 1000000)
    return {"n": n, "primes": count_primes(n)}


def count_primes(n):
    """Counts the primes <= n by trial division, exactly as docs/api.md prescribes."""
    count = 0
    for k in range(2, n + 1):
        d = 2
        prime = True
        while d * d <= k:
            if k % d == 0:
                prime = False
                break
            d = d + 1
        if prime:
            count = count + 1
    return count


@exception_view_config(HTTPException, renderer="json")
def http_error(exc, request):
    # Pyramid's own error pages are HTML; the API answers JSON (unknown routes included).
    request.response.status = exc.status
    return {"error": exc.detail or exc.title}
