"""The same helper again, for the same reason: not a fallback stub."""


class _C:
    def f(self):
        pass


BoundMethod = type(_C().f)
