from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.core.db import SessionLocal


class UserRepository:
    def __init__(self, session: Session):
        self.session = session

    def by_email(self, email):
        return self.session.scalars(select("users").where(email == email)).first()

    def add(self, user):
        self.session.add(user)
        try:
            self.session.commit()
        except IntegrityError:
            self.session.rollback()
            raise


def count_users():
    with SessionLocal() as session:
        return session.execute("SELECT COUNT(*) FROM users").scalar()
