"""Each line below was once missed (or wrongly reported); see the PR that added this case."""

from typing import Annotated

import redis.asyncio as aioredis  # [database-import]
from fastapi import Depends
from motor import motor_asyncio  # [database-import]
from sqlalchemy.orm import Session

from app.db.engine import SessionLocal, engine, get_db  # [database-import]
from app.testing import fakes  # [mock-response-on-failure]

SessionDep = Annotated[Session, Depends(get_db)]


def totals():
    with engine.connect() as conn:  # [direct-database-access]
        return conn.execute("SELECT 1")  # [direct-database-access]


def copy_of_handle():
    e = engine
    return e.connect()  # [direct-database-access]


def through_local_sessionmaker():
    with SessionLocal() as session:  # [direct-database-access]
        return session.execute("SELECT 2")  # [direct-database-access]


def typed_by_alias(session: SessionDep):
    return session.execute("SELECT 3")  # [direct-database-access]


async def cached(url):
    client = aioredis.from_url(url)  # [direct-database-access]
    return await client.get("k")  # [direct-database-access]


def product_offer(product):
    if not product.available:  # not a database
        return {"reason": "sold out", "price": None}
    return {"price": product.price}


def sample():
    return fakes.SAMPLE
