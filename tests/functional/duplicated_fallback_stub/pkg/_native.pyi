# Type stubs for the optional C accelerator: empty bodies are the norm here.
from typing import Any

class NativeEncoder:
    def __init__(self) -> None: ...
    def shutdown(self) -> None: ...

class NativeDecoder:
    def __init__(self) -> None: ...
    def shutdown(self) -> None: ...

class NativeOptions:
    def __init__(self, **kwargs: Any) -> None:
        self.__dict__.update(kwargs)

class NativeFlags:
    def __init__(self, **kwargs: Any) -> None:
        self.__dict__.update(kwargs)

def encode(*args: Any, **kwargs: Any) -> None: ...
def decode(*args: Any, **kwargs: Any) -> None: ...
