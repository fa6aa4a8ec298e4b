class FakeMonitor:
    def record(self, name, seconds):
        pass

    def average(self, name):
        return 0.0
