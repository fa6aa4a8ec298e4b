from sqlalchemy.exc import SQLAlchemyError

from app.core.db import SessionLocal


def fake_leaderboard():
    try:
        return SessionLocal().execute("SELECT 1").all()
    except SQLAlchemyError:
        return [{"name": "test", "score": 1}]  # tests may make data up
