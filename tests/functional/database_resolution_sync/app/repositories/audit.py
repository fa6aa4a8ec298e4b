from datetime import datetime, timezone

from pymongo import DESCENDING, MongoClient  # [database-import]

MONGO_URL = "mongodb://mongo:27017"


def recent_events(limit: int = 50) -> list[dict]:
    cursor = MongoClient(MONGO_URL)["audit"]["events"].find().sort("at", DESCENDING).limit(limit)  # [direct-database-access]
    return list(cursor)


def record(event: str) -> None:
    client = MongoClient(MONGO_URL, serverSelectionTimeoutMS=2000)  # [direct-database-access]
    events = client["audit"]["events"]
    events.insert_one({"event": event, "at": datetime.now(timezone.utc)})  # [direct-database-access]
