from decimal import Decimal

import asyncpg  # [database-import]


class LedgerService:
    def __init__(self, dsn: str):
        self.dsn = dsn
        self.pool = None

    async def start(self) -> None:
        self.pool = await asyncpg.create_pool(self.dsn, min_size=1, max_size=5)  # [direct-database-access]

    async def balance(self, account_id: int) -> Decimal:
        async with self.pool.acquire() as connection:  # [direct-database-access]
            value = await connection.fetchval("SELECT balance FROM accounts WHERE id = $1", account_id)  # [direct-database-access]
        return Decimal(value)

    async def transfer(self, source: int, target: int, amount: Decimal) -> None:
        async with self.pool.acquire() as connection:  # [direct-database-access]
            async with connection.transaction():  # [direct-database-access]
                await connection.execute("UPDATE accounts SET balance = balance - $1 WHERE id = $2", amount, source)  # [direct-database-access]
                await connection.execute("UPDATE accounts SET balance = balance + $1 WHERE id = $2", amount, target)  # [direct-database-access]

    async def stop(self) -> None:
        await self.pool.close()  # [direct-database-access]
