"""An ORM's own bookkeeping: attributes from parameters and loops with a try, but no
switching from one database to another."""

from sqlalchemy import Table


class SQLMapper:
    def __init__(self, table: Table, properties, inherits=None):
        self.persist_selectable = table
        self._props = dict(properties)
        self.inherits = inherits

    def configure(self):
        for key, prop in self._props.items():
            try:
                prop.init(self.persist_selectable)
            except KeyError:
                continue
        return self

    def columns(self):
        return self._props.values()
