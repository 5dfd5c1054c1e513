import time

from django.http import JsonResponse

from .models import User

# PostgreSQL `integer` is int4: a larger id can match no row, so it is "not found" at once.
INT4_MIN = -(2**31)
INT4_MAX = 2**31 - 1


def hello(request):
    return JsonResponse({"message": "Hello, World!"})


def user(request, user_id):
    user_id = int(user_id)
    if INT4_MIN <= user_id <= INT4_MAX:
        try:
            found = User.objects.get(pk=user_id)
        except User.DoesNotExist:
            pass
        else:
            return JsonResponse({"id": found.id, "name": found.name, "email": found.email})
    return JsonResponse({"error": "User not found"}, status=404)


def io(request):
    ms = int_param(request, "ms", 0, 10000)
    if ms is None:
        return JsonResponse({"error": "ms must be an integer in 0..10000"}, status=400)
    # A sync worker waits on a slow upstream by blocking, as the spec asks.
    time.sleep(ms / 1000)
    return JsonResponse({"waitedMs": ms})


def cpu(request):
    n = int_param(request, "n", 1, 1000000)
    if n is None:
        return JsonResponse({"error": "n must be an integer in 1..1000000"}, status=400)
    return JsonResponse({"n": n, "primes": count_primes(n)})


def int_param(request, name, low, high):
    """The query parameter `name` as an int in low..high, or None if missing, malformed or out of range."""
    try:
        value = int(request.GET[name])
    except (KeyError, ValueError):
        return None
    return value if low <= value <= high else None


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


def bad_request(request, exception):
    return JsonResponse({"error": "Bad request"}, status=400)


def not_found(request, exception):
    return JsonResponse({"error": "Not found"}, status=404)


def server_error(request):
    return JsonResponse({"error": "Internal server error"}, status=500)
