"""Stackbench API (spec version 2) on FastAPI + uvicorn, PostgreSQL through an asyncpg pool.

GET /ws (realtime) is a FastAPI WebSocket route (Starlette's WebSocket on uvicorn's
`websockets` implementation); its broadcast set is per process: with --workers > 1 a message
reaches only the subscribers of the worker that received it (see contestant.yaml).

Run by contestant.yaml:
    /usr/bin/python3 -m uvicorn main:app --host 127.0.0.1 --port $PORT --workers $WORKERS
        --loop uvloop --http httptools --no-access-log
Environment: DB_URL (postgresql://user:password@host:port/name), DB_POOL (connections per
worker process, default 10).
"""

import asyncio
import os

import asyncpg
from fastapi import FastAPI, Query, Request, WebSocket
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

# PostgreSQL `integer` is int4: a larger id can match no row, and asyncpg would refuse to
# encode it (a 5xx), so such ids are answered "not found" without a query.
INT4_MIN = -(2**31)
INT4_MAX = 2**31 - 1

app = FastAPI()


class ConnectionManager:
    """The open /ws connections of this worker process (FastAPI's WebSockets page keeps them so)."""

    def __init__(self) -> None:
        self.active: set[WebSocket] = set()

    async def broadcast(self, text: str) -> None:
        for connection in list(self.active):
            try:
                await connection.send_text(text)
            except Exception:
                # it closed meanwhile: its own handler is leaving too
                self.active.discard(connection)


manager = ConnectionManager()


@app.websocket("/ws")
async def ws(websocket: WebSocket) -> None:
    """Every text message goes, unchanged, to every /ws connection of this process, the sender included."""
    await websocket.accept()
    manager.active.add(websocket)
    try:
        while True:
            message = await websocket.receive()
            if message["type"] == "websocket.disconnect":
                break
            text = message.get("text")
            if text is not None:  # spec v2 forwards text messages only
                await manager.broadcast(text)
    finally:
        manager.active.discard(websocket)


@app.on_event("startup")
async def open_pool() -> None:
    # One pool per worker process: uvicorn runs this in every worker it starts.
    size = int(os.environ.get("DB_POOL", "10"))
    app.state.pool = await asyncpg.create_pool(
        os.environ["DB_URL"], min_size=size, max_size=size
    )


@app.on_event("shutdown")
async def close_pool() -> None:
    await app.state.pool.close()


@app.exception_handler(RequestValidationError)
async def bad_request(request: Request, exc: RequestValidationError) -> JSONResponse:
    # The spec asks for 400 on a bad query parameter; FastAPI's own answer would be 422.
    return JSONResponse(
        status_code=400,
        content={"error": "invalid request", "detail": jsonable_encoder(exc.errors())},
    )


@app.get("/json")
async def hello():
    return {"message": "Hello, World!"}


@app.get("/api/users/{user_id}")
async def get_user(user_id: int):
    if INT4_MIN <= user_id <= INT4_MAX:
        row = await app.state.pool.fetchrow(
            "SELECT id, name, email FROM users WHERE id = $1", user_id
        )
        if row is not None:
            return {"id": row["id"], "name": row["name"], "email": row["email"]}
    return JSONResponse(status_code=404, content={"error": "User not found"})


@app.get("/io")
async def io(ms: int = Query(ge=0, le=10000)):
    await asyncio.sleep(ms / 1000)
    return {"waitedMs": ms}


@app.get("/cpu")
async def cpu(n: int = Query(ge=1, le=1000000)):
    # Deliberately `async def`: pure computation runs on the event loop, as FastAPI's docs
    # advise for code that awaits nothing; it blocks this worker for its duration.
    return {"n": n, "primes": count_primes(n)}


def count_primes(n: int) -> int:
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
