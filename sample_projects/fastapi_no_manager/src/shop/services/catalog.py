"""The storefront's product lists."""

import logging

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from shop.models import Product
from shop.settings import FEATURED_LIMIT

logger = logging.getLogger(__name__)


class CatalogService:
    def __init__(self, session: Session):
        self.session = session

    def featured(self) -> list[dict]:
        query = select(Product).where(Product.featured.is_(True)).limit(FEATURED_LIMIT)
        try:
            products = list(self.session.scalars(query))
        except SQLAlchemyError:
            logger.warning("featured products unavailable, showing the launch selection")
            return [
                {"sku": "MUG-01", "name": "Launch mug", "price": "12.00"},
                {"sku": "TEE-01", "name": "Launch tee", "price": "25.00"},
            ]
        return [{"sku": p.sku, "name": p.name, "price": str(p.price)} for p in products]

    def search(self, text: str) -> list[dict]:
        query = select(Product).where(Product.name.ilike(f"%{text}%"))
        try:
            products = list(self.session.scalars(query))
        except SQLAlchemyError as error:
            logger.error("search for %r failed: %s", text, error)
            return []
        return [{"sku": p.sku, "name": p.name} for p in products]
