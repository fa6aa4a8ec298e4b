from sqlalchemy.orm import Session

from app.db.engine import SessionLocal


def get_session() -> Session:
    session = SessionLocal()
    session.execute_options = {}
    return session
