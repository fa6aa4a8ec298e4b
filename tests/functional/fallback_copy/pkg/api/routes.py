"""The routers."""

users_router = object()
items_router = object()
