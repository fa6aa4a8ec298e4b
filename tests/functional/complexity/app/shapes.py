"""Small limits (see pyproject.toml) keep every case short."""

_cache = {}  # [mutable-global-state]
_seen = []
KNOWN = {"a": 1}  # upper case: a constant, even if mutated
_default = None


def area(shape):  # [function-too-complex, cognitive-complexity-high]
    if shape.kind == "square" and shape.side > 0:
        return shape.side ** 2
    for part in shape.parts:
        if part.hidden:
            continue
    return 0


def simple(x):
    if x:
        return 1
    return 2


def flat_but_branchy(a, b, c, d):  # cyclomatic 4: at the limit, not above
    if a:
        return 1
    if b:
        return 2
    if c:
        return 3
    return 4


def outer(items):  # [cognitive-complexity-high]
    def inner(item):  # measured within `outer`, not reported twice
        if item.a:
            if item.b:
                if item.c:
                    return 1
        return 0

    return [inner(i) for i in items]


def encode(value):
    if isinstance(value, bool):  # [dispatch-chain]
        return "b"
    elif isinstance(value, int):
        return "i"
    elif isinstance(value, str):
        return "s"
    raise TypeError(value)


def mixed(value, other):
    if isinstance(value, bool):  # subjects differ: not a dispatch chain
        return "b"
    elif isinstance(other, int):
        return "i"
    elif isinstance(value, str):
        return "s"
    return "?"


def remember(key, value):
    _cache[key] = value
    KNOWN[key] = value


def reset():
    global _default  # [mutable-global-state]
    _default = None
