"""One local SQLite database per data directory, opened through :func:`open_database`."""

from desktop.storage.database import (
    DatabaseCorruptError,
    DatabaseTooNewError,
    DataDirNotWritableError,
    StorageError,
    open_database,
    open_memory_database,
)

__all__ = [
    "DataDirNotWritableError",
    "DatabaseCorruptError",
    "DatabaseTooNewError",
    "StorageError",
    "open_database",
    "open_memory_database",
]
