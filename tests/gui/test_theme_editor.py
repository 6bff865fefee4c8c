"""The theme editor: edits a copy of the taxonomy, refuses bad entries in place, and saving re-tags the project and refreshes the list."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

from briefpack.analysis.taxonomy import load_taxonomy
from briefpack.analysis.theme_edits import META_KEY, project_taxonomy
from briefpack.gui import theme_apply
from briefpack.gui.theme_apply import apply_themes
from briefpack.gui.theme_editor import ThemeEditorDialog
from briefpack.store import Project
from gui_support import answers, home, make_window, sample_path, window  # noqa: F401 - fixtures

DEFAULTS = load_taxonomy()


def dialog(qtbot, taxonomy=DEFAULTS, articles=(), runner=None) -> ThemeEditorDialog:
    d = ThemeEditorDialog(taxonomy, articles, defaults=DEFAULTS, runner=runner)
    qtbot.addWidget(d)
    return d


def test_form_edits_the_current_theme(qtbot):
    d = dialog(qtbot)
    assert d.current_id() == DEFAULTS.ids[0]
    assert d.select("health")
    assert d.field_edits["terms"].toPlainText().splitlines()[0] == DEFAULTS.get("health").terms[0]
    d.label_edit.setText("Public health")
    d.field_edits["terms"].appendPlainText("hantavirus")
    d.field_edits["negative"].setPlainText("health of the economy")
    assert d.select("military")
    health = d.taxonomy.get("health")
    assert health.label == "Public health"
    assert "hantavirus" in health.terms
    assert health.negative == ("health of the economy",)
    assert d.theme_list.item(DEFAULTS.ids.index("health")).text() == "Public health"
    assert d.changed and not dialog(qtbot).changed


def test_a_refused_entry_keeps_the_theme_and_says_why(qtbot):
    d = dialog(qtbot)
    d.select("sanctions")
    d.field_edits["terms"].appendPlainText("asset freeze")
    assert not d.select("military")
    assert d.current_id() == "sanctions"
    assert "phrases" in d.error_label.text()
    d.accept()
    assert d.result() != QDialog.DialogCode.Accepted
    lines = d.field_edits["terms"].toPlainText().splitlines()
    d.field_edits["terms"].setPlainText("\n".join(lines[:-1]))
    d.field_edits["phrases"].appendPlainText("asset freeze")
    assert d.select("military")
    assert d.error_label.text() == ""
    assert "asset freeze" in d.taxonomy.get("sanctions").phrases


def test_add_rename_merge_delete_and_reset(qtbot):
    d = dialog(qtbot)
    new_id = d.add_theme("Arctic shipping")
    assert new_id == "arctic_shipping" and d.current_id() == new_id
    assert d.theme_list.count() == len(DEFAULTS.ids) + 1
    d.field_edits["terms"].setPlainText("icebreaker")
    assert d.rename_current("Arctic")
    assert d.taxonomy.get(new_id).label == "Arctic"
    assert d.taxonomy.get(new_id).terms == ("icebreaker",)
    assert d.merge_current_into("transport_tourism")
    assert new_id not in d.taxonomy.ids and d.current_id() == "transport_tourism"
    assert "icebreaker" in d.taxonomy.get("transport_tourism").terms
    d.select("sanctions")
    assert d.delete_current()
    assert "sanctions" not in d.taxonomy.ids and d.current_id() == "humanitarian"
    d.reset_to_defaults()
    assert d.taxonomy == DEFAULTS and not d.changed


def test_suggestions_become_themes_or_terms(qtbot, window):
    d = dialog(qtbot, window.session.taxonomy, window.session.articles, runner=window.runner)  # a synchronous pool
    found = list(d.find_suggestions())
    assert d.suggest_button.isEnabled()
    assert found and d.suggestion_list.count() == len(found)
    first = found[0]
    assert d.adopt_suggestion(as_theme=True)
    added = d.taxonomy.themes[-1]
    assert first.phrase in added.terms + added.phrases
    assert d.suggestion_list.count() == len(found) - 1
    second = d.suggestions[0]
    assert d.adopt_suggestion(as_theme=False)
    target = second.existing_theme_id or added.id
    assert second.phrase in d.taxonomy.get(target).terms + d.taxonomy.get(target).phrases


def test_saving_stores_overrides_retags_and_refreshes_the_list(qtbot, window, sample_path):
    session = window.session
    assert session.taxonomy == DEFAULTS
    d = dialog(qtbot, session.taxonomy, session.articles)
    d.add_theme("Tourism boom")
    d.field_edits["phrases"].setPlainText("visitor numbers")
    d.select("sanctions")
    assert d.delete_current()
    d.accept()
    assert d.result() == QDialog.DialogCode.Accepted
    apply_themes(session, d.taxonomy)
    assert window.themes.item("tourism_boom") is not None
    assert window.themes.item("sanctions") is None
    assert "tourism_boom" in {t.theme_id for t in session.tags}
    assert session.dirty
    assert project_taxonomy(session.project) == d.taxonomy
    session.save()
    with Project.open(sample_path) as reopened:
        assert reopened.get_meta(META_KEY)["added"][0]["id"] == "tourism_boom"
    reopened_window = make_window(qtbot, sample_path)
    assert reopened_window.session.taxonomy.get("tourism_boom") is not None


def test_the_edit_button_opens_the_editor_and_applies_its_result(qtbot, window, monkeypatch):
    def fake_exec(self):
        self.add_theme("Ports")
        self.field_edits["terms"].setPlainText("port")
        self.accept()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ThemeEditorDialog, "exec", fake_exec)
    window.themes.edit_button.click()
    assert window.themes.item("ports") is not None
    assert window.session.taxonomy.get("ports").terms == ("port",)
    assert theme_apply.edit_themes(type("NoSession", (), {"session": None})()) is False


def test_suggestions_without_a_runner_and_without_articles(qtbot, window):
    d = dialog(qtbot, window.session.taxonomy, window.session.articles)
    assert d.find_suggestions() == d.suggestions and d.suggestions
    assert not dialog(qtbot).suggest_button.isEnabled()
