"""Text helpers."""


def slugify(value):
    return "-".join(value.lower().split())
