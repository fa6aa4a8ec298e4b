"""Files package."""


class FileManager:  # [duplicated-fallback-stub]
    def __init__(self):
        pass

    def shutdown(self):
        pass


def emit_file_event(*args, **kwargs):  # [duplicated-fallback-stub]
    pass
