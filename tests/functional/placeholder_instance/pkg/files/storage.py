"""Storage backends."""


class FileManager:
    def open(self, path):
        return open(path, "rb")
