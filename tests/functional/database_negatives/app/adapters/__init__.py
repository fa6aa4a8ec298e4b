from app.adapters.sql import SQLAdapter
from app.adapters.vector import VectorAdapter

__all__ = ["SQLAdapter", "VectorAdapter"]
