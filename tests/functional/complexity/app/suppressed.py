"""A noqa on the def/class line, a decorator or the comment line above covers that block only."""
import functools


# noqa: PLX401, PLX406, PLX409
def above(shape):
    if shape.kind == "square" and shape.side > 0:
        return shape.side ** 2
    for part in shape.parts:
        if part.hidden:
            continue

    # Its cognitive complexity counts in `above` (suppressed there); its cyclomatic is its own.
    def nested(part):  # [function-too-complex]
        if part.a and part.b or part.c:
            for x in part:
                if x:
                    return 1
        return 0

    return nested


@functools.lru_cache  # noqa: PLX401
def decorated(shape):  # [cognitive-complexity-high]
    if shape.kind == "square" and shape.side > 0:
        return shape.side ** 2
    for part in shape.parts:
        if part.hidden:
            continue
    return 0


def on_the_line(shape):  # noqa: PLX4
    if shape.kind == "square" and shape.side > 0:
        return shape.side ** 2
    for part in shape.parts:
        if part.hidden:
            continue
    return 0


LIMIT = 3  # noqa: PLX401  (a code line: its noqa is about this line, not the next def)
def below_code(shape):  # [function-too-complex, cognitive-complexity-high]
    if shape.kind == "square" and shape.side > 0:
        return shape.side ** 2
    for part in shape.parts:
        if part.hidden:
            continue
    return 0


# noqa: PLX404
class Crowded:
    def a(self):
        return 1

    def b(self):
        return 2

    def c(self):
        return 3

    def d(self):
        return 4
