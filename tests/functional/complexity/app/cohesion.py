"""Cohesion (LCOM4): three groups or more are reported; these classes are one group each."""


class Unpickler:  # [class-too-large]
    def __init__(self, file):
        self.read = file.read  # a stored callable: calling it uses this attribute

    def load_int(self):
        return int(self.read(4))

    def load_float(self):
        return float(self.read(8))

    def load_text(self):
        return str(self.read(1))


class Handler:  # [class-too-large]
    def handle(self):
        audit(self)  # hands `self` around, and is still the hub of what it calls
        self.parse()
        self.reply()
        self.finish()

    def parse(self):
        return self.raw.readline()

    def reply(self):
        self.wfile.write(b"ok")

    def finish(self):
        self.connection.close()


def audit(handler):
    return handler
