import csv

import sqlalchemy as sa  # [database-import]

engine = sa.create_engine("postgresql+psycopg2://app:app@postgres:5432/app")  # [direct-database-access]


def export_emails(path: str) -> int:
    with engine.connect() as conn:  # [direct-database-access]
        rows = conn.execute(sa.text("SELECT email FROM users ORDER BY id")).all()  # [direct-database-access]
    with open(path, "w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerows(rows)
    return len(rows)
