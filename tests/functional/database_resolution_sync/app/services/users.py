from sqlalchemy import text
from sqlalchemy.orm import Session

from app.db.engine import SessionLocal  # [database-import]
from app.db.session import get_session  # [database-import]
from app.models import User
from app.repositories.users import UserRepository


def get_user(session: Session, user_id: int) -> User | None:
    return session.get(User, user_id)  # [direct-database-access]


def count_users() -> int:
    with SessionLocal() as session:  # [direct-database-access]
        result = session.execute(text("SELECT COUNT(*) FROM users"))  # [direct-database-access]
    return result.scalar_one()


def find_by_email(session: Session, email: str) -> User | None:
    repository = UserRepository(session)  # [direct-database-access]
    return repository.by_email(email)


def deactivate(user_id: int) -> None:
    session = get_session()  # [direct-database-access]
    user = session.get(User, user_id)  # [direct-database-access]
    user.active = False
    session.commit()  # [direct-database-access]


def display_name(user: User) -> str:
    return user.email.split("@", 1)[0].title()
