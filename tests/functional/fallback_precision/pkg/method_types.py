"""A helper class used only for a type, as `types.py` does."""


class _C:
    def _m(self):
        pass


MethodType = type(_C()._m)
