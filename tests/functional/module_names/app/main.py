"""`app.main`: the application folder is not a package."""

from app.routes.users import find_user


def run(user_id):
    return find_user(user_id)
