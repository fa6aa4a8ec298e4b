class Small:
    def a(self):
        return 1

    def b(self):
        return 2


class Big:  # [class-too-large]
    def a(self):
        return 1

    def b(self):
        return 2

    def c(self):
        return 3

    def d(self):
        return 4


def long_one(x):  # [function-too-long]
    a = x + 1
    b = a + 1
    c = b + 1
    d = c + 1
    e = d + 1
    f = e + 1
    g = f + 1
    h = g + 1
    i = h + 1
    return i


class Mixed:  # [class-too-large, low-cohesion-class]
    def save(self, key, value):
        self.store[key] = value

    def load(self, key):
        return self.store[key]

    def lock(self, key):
        self.locks.add(key)

    def count(self):
        self.metrics.increment()

    def describe(self):
        return "constant: not part of any group"
