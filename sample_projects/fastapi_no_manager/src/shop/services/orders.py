"""Placing orders: one transaction per order."""

import logging

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from shop.models import Order
from shop.repositories.products import ProductRepository

logger = logging.getLogger(__name__)


class OutOfStock(Exception):
    pass


class OrderService:
    def __init__(self, session: Session):
        self.session = session
        self.products = ProductRepository(session)

    def place(self, product_id: int, quantity: int) -> Order:
        if self.products.get(product_id) is None:
            raise OutOfStock(product_id)
        order = Order(product_id=product_id, quantity=quantity)
        try:
            self.session.add(order)
            self.session.commit()
        except SQLAlchemyError:
            self.session.rollback()
            logger.exception("order for product %s failed", product_id)
            raise
        return order

    def cancel(self, order_id: int) -> dict:
        order = self.session.get(Order, order_id)
        if order is None:
            return {"success": False, "message": "no such order"}
        try:
            order.status = "cancelled"
            self.session.commit()
        except SQLAlchemyError as error:
            self.session.rollback()
            return {"success": False, "error": str(error)}
        return {"success": True, "message": "cancelled"}
