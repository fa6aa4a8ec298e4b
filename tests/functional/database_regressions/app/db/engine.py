from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

engine = create_engine("sqlite://")
SessionLocal = sessionmaker(bind=engine)


def get_db():
    """The FastAPI tutorial's dependency: a factory of a module-level sessionmaker."""
    db = SessionLocal()
    try:
        yield db
    finally:
        db.close()
