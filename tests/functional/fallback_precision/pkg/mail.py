"""A null output stream: its twin in pkg.pool has other methods."""


class Devnull:
    def write(self, msg):
        pass

    def flush(self):
        pass


DEBUGSTREAM = Devnull()
