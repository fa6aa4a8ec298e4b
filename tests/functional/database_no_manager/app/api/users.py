from fastapi import APIRouter, Depends
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from app.core.db import get_db
from app.repositories.users import UserRepository

router = APIRouter()


@router.get("/users/{email}")
def read_user(email: str, session: Session = Depends(get_db)):
    try:
        return UserRepository(session).by_email(email)
    except SQLAlchemyError as error:
        session.rollback()
        return {"error": str(error)}
    except Exception:
        return {"success": False, "message": "try again later"}


@router.get("/health")
def health(session: Session = Depends(get_db)):
    try:
        session.execute("SELECT 1")
    except SQLAlchemyError:
        return {"status": "unhealthy", "database": "down"}
    return {"status": "ok"}
