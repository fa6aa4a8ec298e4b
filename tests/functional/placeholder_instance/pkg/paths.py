"""Path conventions, mirroring ``os.path``'s exported constants."""

__all__ = ["altsep", "sep"]

sep = "/"
altsep = None
