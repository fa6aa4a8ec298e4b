class FakeManager:
    def __init__(self):
        pass

    def start(self):
        pass
