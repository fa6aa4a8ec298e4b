import psycopg


class PostgresStore:
    def __init__(self, dsn: str = "dbname=shop host=postgres"):
        self.connection = psycopg.connect(dsn, autocommit=True)

    def find_order(self, order_id):
        return self.connection.execute("SELECT * FROM orders WHERE id = %s", (order_id,)).fetchone()

    def list_orders(self, customer_id):
        return self.connection.execute("SELECT * FROM orders WHERE customer_id = %s", (customer_id,)).fetchall()

    def stock(self, sku):
        return self.connection.execute("SELECT quantity FROM stock WHERE sku = %s", (sku,)).fetchone()


class ReplicaStore(PostgresStore):
    def __init__(self):
        super().__init__("dbname=shop host=postgres-replica")
