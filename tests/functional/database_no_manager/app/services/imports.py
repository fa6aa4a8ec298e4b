"""Shapes seen in real frameworks that are not made-up data on a database failure."""

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from app.providers.dummy.forms import LoginForm  # a real module of a provider named "dummy"


class Schema:
    type = None


class Primitive:
    def __init__(self, name):
        self.name = name


def to_typescript(schema: Schema):
    if schema.type is None:  # not a database handle
        return Primitive("any")
    return Primitive(schema.type)


def import_rows(session: Session, rows):
    failed = []
    try:
        for row in rows:
            session.add(row)
        session.commit()
    except SQLAlchemyError:
        session.rollback()
        return False, 0, "Import aborted. No rows were imported.", failed
    return True, len(rows), None, failed


def login_form():
    return LoginForm()
