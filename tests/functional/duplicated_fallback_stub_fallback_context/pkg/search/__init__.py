"""Full-text search, backed by the optional ``whoosh`` engine.

When whoosh is not installed the names below still exist, as inert stand-ins, so that
``from pkg.search import SearchIndex`` keeps working.
"""

from enum import Enum

__all__ = ["QueryParser", "SearchIndex", "SearchMode", "index_document"]

try:
    from whoosh.index import Index as SearchIndex
    from whoosh.qparser import QueryParser
    from whoosh.searching import SearchMode
    from whoosh.writing import index_document
except ImportError:
    class SearchIndex:  # [duplicated-fallback-stub]
        pass

    class QueryParser:  # [duplicated-fallback-stub]
        """Parses nothing: whoosh is not installed."""

        pass

    class SearchMode(Enum):
        EXACT = "exact"
        FUZZY = "fuzzy"

    def index_document(doc_id, body):
        pass

try:
    from .errors import SearchCancelled, ReindexCancelled
except ImportError:
    # Built-in exceptions that do not end in "Error" are exception bases too.
    class SearchCancelled(KeyboardInterrupt):  # [duplicated-fallback-stub]
        message = "Search cancelled"

    class ReindexCancelled(KeyboardInterrupt):  # [duplicated-fallback-stub]
        message = "Reindexing cancelled"


class _Sentinel:
    # A plain module-level sentinel: not standing in for anything.
    pass
