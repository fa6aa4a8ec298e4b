from fastapi import APIRouter, HTTPException, status
from fastapi.responses import JSONResponse

from shop.domain import orders
from shop.infra import Down

router = APIRouter(prefix="/orders")


@router.get("/{order_id}")
def read_order(order_id: int):
    try:
        return orders.find(order_id)
    except Down:  # [swallowed-outage]
        raise HTTPException(status_code=500, detail="order store failure")


@router.get("/customer/{customer_id}")
def customer_orders(customer_id: int):
    try:
        return orders.for_customer(customer_id)
    except Down:  # [swallowed-outage]
        return {"orders": [], "degraded": True}  # [mock-response-on-failure]


@router.get("/{order_id}/status")
def order_status(order_id: int):
    try:
        return {"status": orders.find(order_id)["status"]}
    except Down:
        return JSONResponse(status_code=status.HTTP_503_SERVICE_UNAVAILABLE, content={"detail": "order store unavailable"})
