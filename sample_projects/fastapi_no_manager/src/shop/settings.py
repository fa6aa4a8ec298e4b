import os

DATABASE_URL = os.environ.get("SHOP_DATABASE_URL", "postgresql+psycopg://shop@localhost/shop")
FEATURED_LIMIT = int(os.environ.get("SHOP_FEATURED_LIMIT", "6"))
