"""A function is as long as its code: comments, blank lines and the docstring do not count."""


def explained(order):
    """Ship an order.

    The steps below follow the warehouse's manual, section 4: each one
    says which part of the manual it implements.
    """
    # 4.1: the order must be paid.

    paid = order.paid

    # 4.2: the parcel gets the customer's address.

    address = order.address

    # 4.3: hand it to the carrier.
    return paid, address
