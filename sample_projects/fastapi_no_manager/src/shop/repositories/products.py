"""Product queries. The session belongs to the request; this class only borrows it."""

import logging

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from shop.models import Product

logger = logging.getLogger(__name__)


class ProductRepository:
    def __init__(self, session: Session):
        self.session = session

    def get(self, product_id: int) -> Product | None:
        return self.session.get(Product, product_id)

    def featured(self, limit: int) -> list[Product]:
        query = select(Product).where(Product.featured.is_(True)).limit(limit)
        return list(self.session.scalars(query))

    def add(self, sku: str, name: str, price) -> Product:
        product = Product(sku=sku, name=name, price=price)
        self.session.add(product)
        try:
            self.session.commit()
        except IntegrityError:
            self.session.rollback()
            logger.info("duplicate sku %s", sku)
            raise
        return product
