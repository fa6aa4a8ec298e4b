"""HTTP routes. Each request gets its own session from `get_db`."""

import logging

from fastapi import APIRouter, Depends, HTTPException
from fastapi.responses import JSONResponse
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session

from shop.db import get_db
from shop.repositories.products import ProductRepository
from shop.services.catalog import CatalogService
from shop.services.orders import OrderService, OutOfStock

logger = logging.getLogger(__name__)
router = APIRouter()


@router.get("/health")
def health(session: Session = Depends(get_db)):
    try:
        session.execute(text("SELECT 1"))
    except SQLAlchemyError as error:
        logger.error("database check failed: %s", error)
        return JSONResponse({"status": "unhealthy", "database": "unreachable"}, status_code=503)
    return {"status": "ok"}


@router.get("/products/featured")
def featured(session: Session = Depends(get_db)):
    return CatalogService(session).featured()


@router.get("/products/{product_id}")
def product(product_id: int, session: Session = Depends(get_db)):
    found = ProductRepository(session).get(product_id)
    if found is None:
        raise HTTPException(status_code=404, detail="no such product")
    return {"sku": found.sku, "name": found.name, "price": str(found.price)}


@router.post("/products")
def create_product(sku: str, name: str, price: str, session: Session = Depends(get_db)):
    try:
        created = ProductRepository(session).add(sku, name, price)
    except IntegrityError:
        session.rollback()
        return {"error": f"a product with sku {sku} exists"}
    except Exception as error:
        session.rollback()
        logger.exception("creating %s failed", sku)
        return {"success": False, "error": str(error)}
    return {"success": True, "id": created.id}


@router.post("/orders")
def place_order(product_id: int, quantity: int = 1, session: Session = Depends(get_db)):
    try:
        order = OrderService(session).place(product_id, quantity)
    except OutOfStock:
        raise HTTPException(status_code=409, detail="out of stock") from None
    except SQLAlchemyError:
        session.rollback()
        raise HTTPException(status_code=503, detail="orders are unavailable, try again later") from None
    return {"id": order.id, "status": order.status}


@router.delete("/orders/{order_id}")
def cancel_order(order_id: int, session: Session = Depends(get_db)):
    return OrderService(session).cancel(order_id)
