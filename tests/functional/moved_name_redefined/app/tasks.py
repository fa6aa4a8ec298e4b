try:
    from app.core.fallbacks import Queue
except ImportError:
    # Guarded: a fallback copy (PLX102's to report), not a redefinition.
    class Queue:  # [shadows-central-fallback]
        def put(self, item):
            return None
