"""The real command line (imports an optional dependency in the real project)."""


def main() -> None:
    print("pkg")


def serve(*args, **kwargs):
    return args, kwargs
