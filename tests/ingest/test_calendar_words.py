"""The shipped weekday and month names (``resources/names/calendar-words.txt``) are Babel's, and stand in for them."""

from __future__ import annotations

from briefpack.ingest import name_words
from briefpack.ingest.names import byline_names


def test_the_shipped_list_is_babels_cldr_data():
    # Fails after a Babel upgrade that changed the names: regenerate with write_calendar_words (see the file's header).
    name_words.calendar_words.cache_clear()
    assert name_words.calendar_words() == name_words.cldr_calendar_words()


def test_the_list_holds_names_of_every_language_and_form():
    words = name_words.calendar_words()
    for word in ("friday", "fri", "październik", "października", "пятница", "thứ sáu", "montag", "febbraio", "ağustos"):
        assert word in words


def test_without_the_file_the_words_come_from_babel(tmp_path, monkeypatch):
    monkeypatch.setattr(name_words, "CALENDAR_WORDS_FILE", tmp_path / "missing.txt")
    name_words.calendar_words.cache_clear()
    try:
        assert name_words.calendar_words() == name_words.cldr_calendar_words()
    finally:
        name_words.calendar_words.cache_clear()


def test_written_and_read_back_the_list_is_the_same(tmp_path, monkeypatch):
    path = tmp_path / "calendar-words.txt"
    name_words.write_calendar_words(path)
    assert path.read_text(encoding="utf-8").startswith("# ")
    monkeypatch.setattr(name_words, "CALENDAR_WORDS_FILE", path)
    name_words.calendar_words.cache_clear()
    try:
        assert name_words.calendar_words() == name_words.cldr_calendar_words()
    finally:
        name_words.calendar_words.cache_clear()


def test_a_day_name_after_by_is_no_byline_where_a_name_is():
    assert byline_names("By Thứ Sáu") is None  # "Friday" in Vietnamese
    assert byline_names("By Nguyen Van An") == ("Nguyen Van An",)
