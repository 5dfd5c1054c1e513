"""Stackbench API (spec version 2) on Starlette + uvicorn, PostgreSQL through an asyncpg pool.

GET /ws (realtime) is a Starlette WebSocketRoute (on uvicorn's `websockets` implementation); its
broadcast set is per process: with --workers > 1 a message reaches only the subscribers of the
worker that received it (see contestant.yaml).

Run by contestant.yaml:
    /usr/bin/python3 -m uvicorn app:app --host 127.0.0.1 --port $PORT --workers $WORKERS
        --loop uvloop --http httptools --ws websockets --no-access-log
Environment: DB_URL (postgresql://user:password@host:port/name), DB_POOL (connections per
worker process, default 10).
"""

import asyncio
import contextlib
import os
import re

import asyncpg
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.responses import JSONResponse
from starlette.routing import Route, WebSocketRoute

# PostgreSQL `integer` is int4: a larger id can match no row, and asyncpg would refuse to
# encode it (a 5xx), so such ids are answered "not found" without a query.
INT4_MIN = -(2**31)
INT4_MAX = 2**31 - 1
INTEGER = re.compile(r"-?[0-9]+")
USER_SQL = "SELECT id, name, email FROM users WHERE id = $1"


def int_param(request, name, low, high):
    """The query parameter `name` as an int in low..high; else a 400 HTTPException."""
    raw = request.query_params.get(name, "")
    if INTEGER.fullmatch(raw) and low <= int(raw) <= high:
        return int(raw)
    raise HTTPException(400, f"query parameter {name} must be an integer from {low} to {high}")


async def hello(request):
    return JSONResponse({"message": "Hello, World!"})


async def user(request):
    raw = request.path_params["user_id"]
    if not INTEGER.fullmatch(raw):
        raise HTTPException(400, "id must be an integer")
    user_id = int(raw)
    if INT4_MIN <= user_id <= INT4_MAX:
        row = await request.app.state.pool.fetchrow(USER_SQL, user_id)
        if row is not None:
            return JSONResponse({"id": row["id"], "name": row["name"], "email": row["email"]})
    return JSONResponse({"error": "User not found"}, status_code=404)


async def io(request):
    ms = int_param(request, "ms", 0, 10000)
    await asyncio.sleep(ms / 1000)
    return JSONResponse({"waitedMs": ms})


async def cpu(request):
    # Pure computation on the event loop: it blocks this worker for its duration.
    n = int_param(request, "n", 1, 1000000)
    return JSONResponse({"n": n, "primes": count_primes(n)})


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


async def broadcast(websocket):
    """Every text message goes, unchanged, to every /ws connection of this process, the sender included."""
    subscribers = websocket.app.state.subscribers
    await websocket.accept()
    subscribers.add(websocket)
    try:
        while True:
            message = await websocket.receive()
            if message["type"] == "websocket.disconnect":
                break
            text = message.get("text")
            if text is not None:  # spec v2 forwards text messages only
                for subscriber in list(subscribers):
                    try:
                        await subscriber.send_text(text)
                    except Exception:
                        # it closed meanwhile (the exception is the ws implementation's own):
                        # its own handler is leaving too
                        subscribers.discard(subscriber)
    finally:
        subscribers.discard(websocket)


async def http_error(request, exc):
    # Starlette's own error responses are plain text; the API answers JSON.
    return JSONResponse({"error": exc.detail}, status_code=exc.status_code, headers=exc.headers)


@contextlib.asynccontextmanager
async def lifespan(app):
    # One pool per worker process: uvicorn runs the lifespan in every worker it starts.
    size = int(os.environ.get("DB_POOL", "10"))
    async with asyncpg.create_pool(os.environ["DB_URL"], min_size=size, max_size=size) as pool:
        app.state.pool = pool
        app.state.subscribers = set()  # the open /ws connections of this worker process
        yield


app = Starlette(
    routes=[
        Route("/json", hello),
        Route("/api/users/{user_id}", user),
        Route("/io", io),
        Route("/cpu", cpu),
        WebSocketRoute("/ws", broadcast),
    ],
    exception_handlers={HTTPException: http_error},
    lifespan=lifespan,
)
