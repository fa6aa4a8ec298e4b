"""File storage."""

from .storage import FileManager

# Set by pkg.app.setup(); None until then.
file_manager = None  # [placeholder-instance]


def open_file(path):
    return file_manager.open(path)
