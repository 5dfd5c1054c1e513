"""Stackbench API (spec version 1) on Pyramid, PostgreSQL through SQLAlchemy's ORM.

Served by waitress through `pserve production.ini`. Environment: DB_URL
(postgresql://user:password@host:port/name), DB_POOL (connections in the engine's pool).
"""

import os

from pyramid.config import Configurator
from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker


def main(global_config, **settings):
    """The WSGI application: PasteDeploy calls this for [app:main]."""
    engine = create_engine(
        # SQLAlchemy's name for psycopg2 is postgresql+psycopg2.
        os.environ["DB_URL"].replace("postgresql://", "postgresql+psycopg2://", 1),
        pool_size=int(os.environ.get("DB_POOL", "10")),
        max_overflow=0,
    )
    session_factory = sessionmaker(bind=engine)

    def dbsession(request):
        # One session per request, closed (its connection back to the pool) when it is done.
        session = session_factory()
        request.add_finished_callback(lambda request: session.close())
        return session

    with Configurator(settings=settings) as config:
        config.add_request_method(dbsession, reify=True)
        config.add_route("json", "/json")
        config.add_route("user", "/api/users/{id}")
        config.add_route("io", "/io")
        config.add_route("cpu", "/cpu")
        config.scan(".views")
        return config.make_wsgi_app()
