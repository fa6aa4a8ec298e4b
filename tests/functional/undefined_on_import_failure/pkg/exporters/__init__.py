"""Report exporters; the Parquet one needs ``pyarrow``."""

import logging

logger = logging.getLogger(__name__)

__all__ = ["ParquetExporter", "export", "write_parquet"]

try:
    from .parquet import (  # [undefined-on-import-failure]
        ParquetExporter,
        write_parquet,
    )
except ImportError:
    logger.warning("pyarrow is not installed: Parquet export is disabled")

try:
    from .metrics import MetricsExporter
except ImportError:
    logger.debug("metrics exporter disabled")
else:
    # Only runs when the import succeeded.
    MetricsExporter.register_default()

try:
    import zstandard
    from .compression import compress
except ImportError:
    compress = None
    zstandard = None


def export(rows, path):
    data = compress(rows) if compress is not None else rows
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(str(data))
