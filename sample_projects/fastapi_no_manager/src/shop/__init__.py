"""A small shop: products, orders, one PostgreSQL database."""
