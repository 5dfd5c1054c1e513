"""Stackbench API (spec version 2) on aiohttp.web, PostgreSQL through an asyncpg pool.

GET /ws (realtime) is aiohttp's web.WebSocketResponse. gunicorn's workers share nothing, so
each worker sends a message it received to its own /ws connections and to the others through
PostgreSQL's NOTIFY on one channel, which every worker LISTENs on (see contestant.yaml).

Run by contestant.yaml with gunicorn and aiohttp's worker class:
    /usr/bin/python3 -m gunicorn app:create_app --bind 127.0.0.1:$PORT --workers $WORKERS
        --worker-class aiohttp.GunicornWebWorker
Environment: DB_URL (postgresql://user:password@host:port/name), DB_POOL (connections per
worker process, default 10).
"""

import asyncio
import json
import os
import re
import sys
import weakref

import asyncpg
from aiohttp import WSCloseCode, WSMsgType, web

# PostgreSQL `integer` is int4: a larger id can match no row, and asyncpg would refuse to
# encode it (a 5xx), so such ids are answered "not found" without a query.
INT4_MIN = -(2**31)
INT4_MAX = 2**31 - 1
INTEGER = re.compile(r"-?[0-9]+")
USER_SQL = "SELECT id, name, email FROM users WHERE id = $1"
# The channel relaying /ws messages between gunicorn workers; a payload is "<pid>:<text>", so a
# worker skips its own (it sent them to its own connections already).
WS_CHANNEL = "stackbench_ws"
NOTIFY_SQL = "SELECT pg_notify($1, $2)"


routes = web.RouteTableDef()


def int_param(request, name, low, high):
    """The query parameter `name` as an int in low..high; else a 400 JSON error."""
    raw = request.query.get(name, "")
    if INTEGER.fullmatch(raw) and low <= int(raw) <= high:
        return int(raw)
    message = f"query parameter {name} must be an integer from {low} to {high}"
    raise web.HTTPBadRequest(text=json.dumps({"error": message}), content_type="application/json")


@routes.get("/json")
async def hello(request):
    return web.json_response({"message": "Hello, World!"})


@routes.get("/api/users/{user_id}")
async def user(request):
    raw = request.match_info["user_id"]
    if not INTEGER.fullmatch(raw):
        return web.json_response({"error": "id must be an integer"}, status=400)
    user_id = int(raw)
    if INT4_MIN <= user_id <= INT4_MAX:
        row = await request.app["pool"].fetchrow(USER_SQL, user_id)
        if row is not None:
            return web.json_response({"id": row["id"], "name": row["name"], "email": row["email"]})
    return web.json_response({"error": "User not found"}, status=404)


@routes.get("/io")
async def io(request):
    ms = int_param(request, "ms", 0, 10000)
    await asyncio.sleep(ms / 1000)
    return web.json_response({"waitedMs": ms})


@routes.get("/cpu")
async def cpu(request):
    # Pure computation on the event loop: it blocks this worker for its duration.
    n = int_param(request, "n", 1, 1000000)
    return web.json_response({"n": n, "primes": count_primes(n)})


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


async def broadcast_locally(app, text):
    """Sends `text` to every open /ws connection of this worker process."""
    for ws in list(app["websockets"]):
        if not ws.closed:
            await ws.send_str(text)


@routes.get("/ws")
async def realtime(request):
    """Every text message goes, unchanged, to every /ws connection of every worker, the sender included."""
    app = request.app
    # autoping (the default) answers pings; autoclose answers the client's close frame.
    ws = web.WebSocketResponse()
    await ws.prepare(request)
    app["websockets"].add(ws)
    try:
        async for msg in ws:
            if msg.type == WSMsgType.TEXT:  # spec v2 forwards text messages only
                await broadcast_locally(app, msg.data)
                try:
                    await app["pool"].execute(NOTIFY_SQL, WS_CHANNEL, f"{os.getpid()}:{msg.data}")
                except asyncpg.PostgresError as exc:
                    # NOTIFY refuses payloads of 8000 bytes or more: such a message reaches
                    # this worker's connections only.
                    print(f"aiohttp: /ws relay: {exc}", file=sys.stderr)
    finally:
        app["websockets"].discard(ws)
    return ws


@web.middleware
async def json_errors(request, handler):
    # aiohttp's own error responses (unknown path, wrong method) are plain text.
    try:
        return await handler(request)
    except web.HTTPException as exc:
        if exc.content_type == "application/json" or exc.status < 400:
            raise
        return web.json_response({"error": exc.reason}, status=exc.status)


async def database(app):
    # One pool per worker process: gunicorn builds the app in every worker.
    size = int(os.environ.get("DB_POOL", "10"))
    async with asyncpg.create_pool(os.environ["DB_URL"], min_size=size, max_size=size) as pool:
        app["pool"] = pool
        yield


async def relay(app):
    # The /ws connections of this worker, kept as aiohttp's graceful-shutdown example does, and
    # the connection LISTENing for the messages the other workers received.
    app["websockets"] = weakref.WeakSet()
    own = f"{os.getpid()}:"

    async def on_notify(connection, pid, channel, payload):
        if not payload.startswith(own):
            await broadcast_locally(app, payload.partition(":")[2])

    listener = await asyncpg.connect(os.environ["DB_URL"])
    try:
        await listener.add_listener(WS_CHANNEL, on_notify)
        yield
    finally:
        await listener.close()


async def close_websockets(app):
    for ws in list(app["websockets"]):
        await ws.close(code=WSCloseCode.GOING_AWAY, message=b"Server shutdown")


async def create_app():
    app = web.Application(middlewares=[json_errors])
    app.add_routes(routes)
    app.cleanup_ctx.append(database)
    app.cleanup_ctx.append(relay)
    app.on_shutdown.append(close_websockets)
    return app
