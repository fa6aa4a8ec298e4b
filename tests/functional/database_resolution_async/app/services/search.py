from qdrant_client import AsyncQdrantClient  # [database-import]
from qdrant_client.models import FieldCondition, Filter, MatchValue, PointStruct

COLLECTION = "messages"


class SearchService:
    def __init__(self, url: str):
        self.qdrant = AsyncQdrantClient(url=url, timeout=5)  # [direct-database-access]

    async def index_message(self, message_id: int, vector: list[float], room: str) -> None:
        point = PointStruct(id=message_id, vector=vector, payload={"room": room})
        await self.qdrant.upsert(collection_name=COLLECTION, points=[point])  # [direct-database-access]

    async def search(self, vector: list[float], room: str, limit: int = 10) -> list[int]:
        room_filter = Filter(must=[FieldCondition(key="room", match=MatchValue(value=room))])
        response = await self.qdrant.query_points(  # [direct-database-access]
            COLLECTION, query=vector, query_filter=room_filter, limit=limit,
        )
        return [point.id for point in response.points]
