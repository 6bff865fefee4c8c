"""The desktop window: the only package of briefpack that imports Qt (DESIGN rule 1).

Everything here is a thin front end over the core. Widgets show the project
and turn clicks into new ``Selection`` and ``BriefSettings`` values; long work
(import, composing the preview, export) runs through ``gui.worker`` on a thread
pool, and its results come back to the UI thread by signals. Start it with
``briefpack gui`` or ``briefpack-gui`` (see ``gui.app``).
"""
