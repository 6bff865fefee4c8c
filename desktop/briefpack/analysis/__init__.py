"""Analysis of parsed articles: theme tagging against a taxonomy (and, later, entities, dates, figures).

``taxonomy`` loads the theme taxonomy from ``templates/themes/*.toml``;
``wordforms`` holds the word rules shared by taxonomy and text; ``matcher``
compiles a taxonomy for fast scanning; ``themes`` decides which themes each
paragraph speaks to and keeps the evidence. Nothing here imports Qt or does
I/O beyond reading a taxonomy file.
"""
