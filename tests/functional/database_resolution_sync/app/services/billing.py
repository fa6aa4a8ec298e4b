import psycopg2 as pg  # [database-import]

from app.services.reports import report_title

DSN = "dbname=billing user=billing host=postgres"


def fetch_invoice(invoice_id: int):
    with pg.connect(DSN) as conn:  # [direct-database-access]
        with conn.cursor() as cur:  # [direct-database-access]
            cur.execute("SELECT id, total FROM invoices WHERE id = %s", (invoice_id,))  # [direct-database-access]
            row = cur.fetchone()  # [direct-database-access]
    return {"id": row[0], "total": row[1], "title": report_title(1, 2024)}


def open_connection():
    return pg.connect(DSN, connect_timeout=3)  # [direct-database-access]
