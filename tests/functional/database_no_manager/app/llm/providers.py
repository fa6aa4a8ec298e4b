"""Falls back between language-model providers: a fallback manager, but not of databases."""

import logging

logger = logging.getLogger(__name__)


class AllProvidersFailedError(RuntimeError):
    pass


class FallbackProviderManager:
    def __init__(self, openai_client, anthropic_client):
        self.providers = [openai_client, anthropic_client]

    async def complete(self, prompt):
        for provider in self.providers:
            try:
                return await provider.complete(prompt)
            except ConnectionError as error:
                logger.warning("provider failed: %s", error)
        raise AllProvidersFailedError(prompt)


_manager = None


def get_fallback_manager() -> FallbackProviderManager:
    global _manager
    if _manager is None:
        _manager = FallbackProviderManager(None, None)
    return _manager
