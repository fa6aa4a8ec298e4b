import psycopg  # [database-import]

from app.database import get_fallback_manager

PRIMARY_DSN = "dbname=app host=postgres"
REPLICA_DSN = "dbname=app host=postgres-replica"
TOTALS = "SELECT room, COUNT(*) FROM messages GROUP BY room"


def totals_per_room() -> list[tuple]:
    try:
        with psycopg.connect(PRIMARY_DSN, connect_timeout=2) as connection:  # [direct-database-access]
            return connection.execute(TOTALS).fetchall()  # [direct-database-access]
    except psycopg.OperationalError:  # [local-database-fallback]
        with psycopg.connect(REPLICA_DSN, connect_timeout=2) as connection:  # [direct-database-access]
            return connection.execute(TOTALS).fetchall()  # [direct-database-access]


async def read_from_replica(statement):
    return await get_fallback_manager().execute(statement, {"prefer": "replica"})


async def monthly_totals(statement):
    try:
        return await get_fallback_manager().execute(statement)
    except TimeoutError:  # [local-database-fallback]
        return await read_from_replica(statement)


async def strict_totals(statement):
    try:
        return await get_fallback_manager().execute(statement)
    except TimeoutError as error:
        raise RuntimeError("reporting query timed out") from error
