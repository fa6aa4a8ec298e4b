FAKE_MESSAGES = [
    {"id": 1, "room": "general", "body": "hello"},
    {"id": 2, "room": "general", "body": "world"},
]


class FakeMessageStore:
    def latest(self, room: str):
        return [m for m in FAKE_MESSAGES if m["room"] == room]
