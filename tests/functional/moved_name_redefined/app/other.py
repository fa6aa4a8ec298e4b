class EventManager:  # same name, but it never moved from here
    def publish(self, event):
        return event
