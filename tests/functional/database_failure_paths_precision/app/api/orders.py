from fastapi import HTTPException
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from app.database import AllDatabasesUnavailableError, get_fallback_manager


async def order(order_id: int):
    try:
        return get_fallback_manager().find(order_id)
    except AllDatabasesUnavailableError as error:
        raise HTTPException(status_code=503, detail="databases unavailable") from error
    except LookupError:
        return {"error": "no such order"}


async def cancel(order_id: int):
    try:
        get_fallback_manager().find(order_id)
    except AllDatabasesUnavailableError as error:
        raise HTTPException(status_code=503) from error
    except ValueError:
        return {"success": False, "message": "cannot cancel this order"}
    return {"success": True, "message": "cancelled"}


def status(session: Session):
    try:
        session.execute("SELECT 1")  # [direct-database-access]
    except SQLAlchemyError:
        return {"status": "unhealthy", "database": "unreachable"}
    return {"status": "ok"}


def summary(session: Session):
    try:
        return session.execute("SELECT COUNT(*) FROM orders").scalar()  # [direct-database-access]
    except SQLAlchemyError:
        return {"orders": 12, "revenue": 340}  # [mock-response-on-failure]
