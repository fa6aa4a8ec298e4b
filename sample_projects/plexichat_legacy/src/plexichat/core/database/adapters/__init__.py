"""Database adapters sharing one interface: ``search``, ``upsert``, ``get_by_id``, ``ping``.

The SQL adapter additionally supports ``execute`` for raw statements.
"""

from .sql_adapter import SQLAdapter
from .vector_adapter import HashingEmbedder, VectorAdapter

__all__ = ["HashingEmbedder", "SQLAdapter", "VectorAdapter"]
