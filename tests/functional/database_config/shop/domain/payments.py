from decimal import Decimal

from shop.vendor import LegacyGateway  # [database-import]

GATEWAY_URL = "tcp://mainframe.internal:7000"


def charge(order_id: int, amount: Decimal) -> str:
    gateway = LegacyGateway(GATEWAY_URL)  # [direct-database-access]
    receipt = gateway.charge(order_id, str(amount))  # [direct-database-access]
    return receipt.reference


def format_amount(amount: Decimal) -> str:
    return f"{amount:.2f} EUR"
