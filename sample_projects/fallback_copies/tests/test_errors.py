from chatserver.errors.manager import ErrorManager


class FakeMonitor:
    def record(self, name, seconds):
        pass

    def average(self, name):
        return 0.0


def test_counts():
    manager = ErrorManager()
    manager.record(ValueError("x"))
    assert manager.summary() == {"ValueError": 1}
