from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import User


class UserRepository:
    def __init__(self, session: Session):
        self.session = session

    def by_email(self, email: str) -> User | None:
        statement = select(User).where(User.email == email)
        return self.session.scalars(statement).first()  # [direct-database-access]

    def add(self, user: User) -> None:
        self.session.add(user)  # [direct-database-access]
