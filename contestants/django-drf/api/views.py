import re
import time

from django.http import Http404
from rest_framework import generics
from rest_framework.decorators import api_view
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from .models import User
from .serializers import CpuParams, IoParams, UserSerializer

# PostgreSQL `integer` is int4: a larger id can match no row, so it is "not found" at once.
INT4_MIN = -(2**31)
INT4_MAX = 2**31 - 1
INTEGER = re.compile(r"-?[0-9]+")


@api_view(["GET"])
def hello(request):
    return Response({"message": "Hello, World!"})


class UserDetail(generics.RetrieveAPIView):
    queryset = User.objects.all()
    serializer_class = UserSerializer

    def get_object(self):
        pk = self.kwargs["pk"]
        if INTEGER.fullmatch(pk) and not INT4_MIN <= int(pk) <= INT4_MAX:
            raise NotFound("User not found")
        try:
            return super().get_object()
        except Http404:
            raise NotFound("User not found")


@api_view(["GET"])
def io(request):
    params = IoParams(data=request.query_params)
    params.is_valid(raise_exception=True)
    ms = params.validated_data["ms"]
    # A sync worker waits on a slow upstream by blocking, as the spec asks.
    time.sleep(ms / 1000)
    return Response({"waitedMs": ms})


@api_view(["GET"])
def cpu(request):
    params = CpuParams(data=request.query_params)
    params.is_valid(raise_exception=True)
    n = params.validated_data["n"]
    return Response({"n": n, "primes": count_primes(n)})


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
