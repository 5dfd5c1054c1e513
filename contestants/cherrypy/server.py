"""Stackbench API (spec version 2) on CherryPy and its own HTTP server (Cheroot),
PostgreSQL through a psycopg2 ThreadedConnectionPool.

GET /ws (realtime) is ws4py's CherryPy tool and plugin, the WebSocket support CherryPy's docs
point to: the tool upgrades the request and hands the socket to the plugin's manager thread,
which reads every connection; the plugin's `websocket-broadcast` channel sends a message to
all of them. One process, so one set of connections.

Environment (docs/contestants.md): PORT, WORKERS (the server's thread pool), DB_URL,
DB_POOL (connections in the pool, default 10).
"""

import contextlib
import json
import os
import re
import time

import cherrypy
import psycopg2.pool
from ws4py.server.cherrypyserver import WebSocketPlugin, WebSocketTool
from ws4py.websocket import WebSocket

# PostgreSQL `integer` is int4: a larger id can match no row, so it is "not found" at once.
INT4_MIN = -(2**31)
INT4_MAX = 2**31 - 1
INTEGER = re.compile(r"-?[0-9]+")
USER_SQL = "SELECT id, name, email FROM users WHERE id = %s"


class Database:
    """A psycopg2 connection pool shared by the server's threads."""

    def __init__(self, url, size):
        self.pool = psycopg2.pool.ThreadedConnectionPool(1, size, url)

    @contextlib.contextmanager
    def connection(self):
        conn = self.pool.getconn()
        try:
            # One SELECT per request, not BEGIN + SELECT + ROLLBACK.
            conn.autocommit = True
            yield conn
        finally:
            self.pool.putconn(conn)

    def close(self):
        self.pool.closeall()


def error(status, message):
    cherrypy.response.status = status
    return {"error": message}


def int_param(value, low, high):
    """The query value as an int in low..high, or None when missing or malformed."""
    if isinstance(value, str) and INTEGER.fullmatch(value) and low <= int(value) <= high:
        return int(value)
    return None


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


class Broadcast(WebSocket):
    """A /ws connection: every text message goes, unchanged, to every /ws connection, this one included."""

    def received_message(self, message):
        if message.is_text:  # spec v2 forwards text messages only
            cherrypy.engine.publish("websocket-broadcast", message.data.decode("utf-8"))


@cherrypy.popargs("user_id")
class Users:
    # /api/users/42 is the resource itself: no redirect to /api/users/42/ (an index method's default).
    _cp_config = {"tools.trailing_slash.on": False}

    def __init__(self, db):
        self.db = db

    @cherrypy.expose
    @cherrypy.tools.json_out()
    def index(self, user_id=None):
        if user_id is None or not INTEGER.fullmatch(user_id):
            return error(400, "id must be an integer")
        user_id = int(user_id)
        row = None
        if INT4_MIN <= user_id <= INT4_MAX:
            with self.db.connection() as conn, conn.cursor() as cur:
                cur.execute(USER_SQL, (user_id,))
                row = cur.fetchone()
        if row is None:
            return error(404, "User not found")
        return {"id": row[0], "name": row[1], "email": row[2]}


class Api:
    def __init__(self, db):
        self.users = Users(db)


class Root:
    def __init__(self, db):
        self.api = Api(db)

    @cherrypy.expose
    @cherrypy.tools.json_out()
    def json(self):
        return {"message": "Hello, World!"}

    @cherrypy.expose
    @cherrypy.tools.json_out()
    def io(self, ms=None):
        ms = int_param(ms, 0, 10000)
        if ms is None:
            return error(400, "query parameter ms must be an integer from 0 to 10000")
        # A server thread waits on a slow upstream by blocking, as the spec asks.
        time.sleep(ms / 1000)
        return {"waitedMs": ms}

    @cherrypy.expose
    @cherrypy.tools.json_out()
    def cpu(self, n=None):
        n = int_param(n, 1, 1000000)
        if n is None:
            return error(400, "query parameter n must be an integer from 1 to 1000000")
        return {"n": n, "primes": count_primes(n)}

    @cherrypy.expose
    def ws(self):
        # The websocket tool (configured for /ws in main) has upgraded the connection by now.
        pass


def json_error_page(status, message, traceback, version):
    # CherryPy's own error pages (unknown path, unexpected parameters, 500) are HTML.
    cherrypy.response.headers["Content-Type"] = "application/json"
    return json.dumps({"error": message})


def main():
    db = Database(os.environ["DB_URL"], int(os.environ.get("DB_POOL", "10")))
    cherrypy.engine.subscribe("stop", db.close)
    cherrypy.config.update({
        "environment": "production",
        "server.socket_host": "127.0.0.1",
        "server.socket_port": int(os.environ["PORT"]),
        "server.thread_pool": int(os.environ.get("WORKERS", "10")),
        "error_page.default": json_error_page,
    })
    WebSocketPlugin(cherrypy.engine).subscribe()
    cherrypy.tools.websocket = WebSocketTool()
    # quickstart mounts the app, handles SIGTERM/SIGHUP and blocks until the engine stops.
    cherrypy.quickstart(Root(db), "/", config={
        "/ws": {"tools.websocket.on": True, "tools.websocket.handler_cls": Broadcast},
    })


if __name__ == "__main__":
    main()
