"""Semantic storage in Qdrant.

``qdrant-client`` is synchronous here, so calls are moved to a worker thread
to keep the event loop free.
"""

from __future__ import annotations

import asyncio
import hashlib
import math
import re
from typing import Any, Callable, Dict, Iterable, List, Mapping, Optional, Sequence

from qdrant_client import QdrantClient
from qdrant_client.models import Distance, FieldCondition, Filter, MatchValue, PointStruct, VectorParams

_TOKEN_RE = re.compile(r"\w+", re.UNICODE)

Embedder = Callable[[str], Sequence[float]]


class HashingEmbedder:
    """Deterministic feature-hashing embedder.

    Used when no model-backed embedder is configured: good enough for
    keyword-level similarity, and it needs no downloads.
    """

    def __init__(self, dimensions: int = 256) -> None:
        self.dimensions = dimensions

    def __call__(self, value: str) -> List[float]:
        vector = [0.0] * self.dimensions
        for token in _TOKEN_RE.findall(value.lower()):
            digest = hashlib.blake2b(token.encode(), digest_size=8).digest()
            bucket = int.from_bytes(digest[:4], "big") % self.dimensions
            sign = 1.0 if digest[4] & 1 else -1.0
            vector[bucket] += sign
        norm = math.sqrt(sum(x * x for x in vector))
        return [x / norm for x in vector] if norm else vector


class VectorAdapter:
    name = "vector"

    def __init__(
        self,
        url: str,
        *,
        embedder: Optional[Embedder] = None,
        api_key: Optional[str] = None,
        timeout: float = 5.0,
    ) -> None:
        self.client = QdrantClient(url=url, api_key=api_key, timeout=int(timeout))
        self.embed: Embedder = embedder or HashingEmbedder()

    async def ping(self) -> bool:
        await asyncio.to_thread(self.client.get_collections)
        return True

    async def ensure_collection(self, collection: str) -> None:
        exists = await asyncio.to_thread(self.client.collection_exists, collection)
        if not exists:
            size = len(self.embed("probe"))
            await asyncio.to_thread(
                self.client.create_collection,
                collection_name=collection,
                vectors_config=VectorParams(size=size, distance=Distance.COSINE),
            )

    async def search(
        self,
        collection: str,
        query: str,
        limit: int = 10,
        filters: Optional[Mapping[str, Any]] = None,
    ) -> List[Dict[str, Any]]:
        query_filter = None
        if filters:
            query_filter = Filter(
                must=[FieldCondition(key=key, match=MatchValue(value=value)) for key, value in filters.items()]
            )
        response = await asyncio.to_thread(
            self.client.query_points,
            collection_name=collection,
            query=list(self.embed(query)),
            query_filter=query_filter,
            limit=limit,
            with_payload=True,
        )
        return [
            {**(point.payload or {}), "id": point.id, "score": point.score, "source": self.name}
            for point in response.points
        ]

    async def get_by_id(self, collection: str, record_id: Any) -> Optional[Dict[str, Any]]:
        points = await asyncio.to_thread(
            self.client.retrieve, collection_name=collection, ids=[record_id], with_payload=True
        )
        if not points:
            return None
        return {**(points[0].payload or {}), "id": points[0].id}

    async def upsert(self, collection: str, records: Iterable[Mapping[str, Any]]) -> int:
        points = [
            PointStruct(id=record["id"], vector=list(self.embed(str(record.get("content", "")))), payload=dict(record))
            for record in records
        ]
        if points:
            await asyncio.to_thread(self.client.upsert, collection_name=collection, points=points, wait=True)
        return len(points)

    async def close(self) -> None:
        await asyncio.to_thread(self.client.close)
