"""Stackbench API (spec version 1) on Flask, served by gunicorn sync workers.

PostgreSQL through psycopg2 with a connection pool per worker process, handed to each
request the way Flask's tutorial does it (`g` + `teardown_appcontext`).
Environment: DB_URL (postgresql://user:password@host:port/name), DB_POOL (default 10).
"""

import os
import time

from flask import Flask, g, request
from psycopg2.pool import SimpleConnectionPool
from werkzeug.exceptions import HTTPException

# PostgreSQL `integer` is int4: a larger id can match no row, so it is "not found" at once.
INT4_MIN = -(2**31)
INT4_MAX = 2**31 - 1

app = Flask(__name__)

# Created on first use, so that each gunicorn worker opens its own connections after the fork.
_pool = None


def get_db():
    global _pool
    if "db" not in g:
        if _pool is None:
            _pool = SimpleConnectionPool(1, int(os.environ.get("DB_POOL", "10")), os.environ["DB_URL"])
        g.db = _pool.getconn()
        # One statement per request: no BEGIN before the SELECT, no ROLLBACK when it goes back.
        g.db.autocommit = True
    return g.db


@app.teardown_appcontext
def release_db(exception):
    db = g.pop("db", None)
    if db is not None:
        _pool.putconn(db)


@app.errorhandler(HTTPException)
def http_error(error):
    # Flask's own error pages are HTML; the spec wants JSON.
    return {"error": error.name}, error.code


@app.get("/json")
def hello():
    return {"message": "Hello, World!"}


@app.get("/api/users/<int(signed=True):user_id>")
def user(user_id):
    if INT4_MIN <= user_id <= INT4_MAX:
        with get_db().cursor() as cursor:
            cursor.execute("SELECT id, name, email FROM users WHERE id = %s", (user_id,))
            row = cursor.fetchone()
        if row is not None:
            return {"id": row[0], "name": row[1], "email": row[2]}
    return {"error": "User not found"}, 404


@app.get("/io")
def io():
    ms = request.args.get("ms", type=int)
    if ms is None or not 0 <= ms <= 10000:
        return {"error": "ms must be an integer in 0..10000"}, 400
    # A sync worker waits on a slow upstream by blocking, as the spec asks.
    time.sleep(ms / 1000)
    return {"waitedMs": ms}


@app.get("/cpu")
def cpu():
    n = request.args.get("n", type=int)
    if n is None or not 1 <= n <= 1000000:
        return {"error": "n must be an integer in 1..1000000"}, 400
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
