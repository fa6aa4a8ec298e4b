"""Named like an API module, but not one for this project's `database.api` setting."""

from fastapi import HTTPException

from shop.infra import Down, manager


def order_or_error(order_id: int):
    try:
        return manager().find_order(order_id)
    except Down as error:
        raise HTTPException(status_code=500, detail="order store failure") from error
