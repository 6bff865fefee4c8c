"""briefpack: turn news articles into cited briefing documents.

The package is layered as ``model`` (plain data), ``ingest`` (readers),
``analysis`` (theme tagging), ``store`` (the SQLite project file),
``assembly`` (selection + template into a ``Brief``), ``citations`` (a
``Brief`` to ``Brief`` pass), ``render`` (one renderer per output format)
and the two front ends ``cli`` and ``gui``. Only ``gui`` imports Qt.
"""

__version__ = "0.1.0"
