import psycopg


class PostgresAdapter:
    def __init__(self, dsn):
        self.connection = psycopg.connect(dsn)

    def find(self, order_id):
        return self.connection.execute("SELECT * FROM orders WHERE id = %s", (order_id,)).fetchone()

    def count(self):
        return self.connection.execute("SELECT COUNT(*) FROM orders").fetchone()[0]


class MockAdapter:
    def find(self, order_id):
        return {"id": order_id, "total": 0}

    def count(self):
        return 0
