from sqlalchemy import create_engine
from sqlalchemy.orm import Session, sessionmaker

engine = create_engine("postgresql+psycopg://app@db/app")
SessionLocal = sessionmaker(bind=engine)


def get_db():
    session = SessionLocal()
    try:
        yield session
    finally:
        session.close()


class RetryingConnection:
    """Retries one connection: not a fallback manager (one database, no switching)."""

    def __init__(self, dsn, attempts: int = 3):
        self.engine = create_engine(dsn)
        self.attempts = attempts

    def execute(self, statement):
        for _ in range(self.attempts):
            try:
                with self.engine.connect() as connection:
                    return connection.execute(statement)
            except OSError:
                continue
        raise RuntimeError("database unreachable")
