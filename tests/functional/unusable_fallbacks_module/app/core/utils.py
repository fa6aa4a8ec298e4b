"""Real helpers: a module, so `app.core.utils` cannot be a package too."""  # [unusable-fallbacks-module]


def slugify(text):
    return text.lower()
