"""Module-level objects and containers: mutated by functions, or only shadowed by locals."""

from collections import Counter


class Store:
    def set(self, key, value):
        self.data = {key: value}


store = Store()  # [mutable-global-state]
settings = Store()  # [mutable-global-state]
stats = Counter()
registry = Store()
names = []


def configure(debug):
    settings.debug = debug


def save(key, value):
    setattr(store, key, value)


def count(word, stats):  # a parameter named like the module's object
    stats[word] += 1


def fresh():
    registry = Store()  # a local of the same name
    registry.ready = True
    names = []
    names.append("x")
    return registry, names
