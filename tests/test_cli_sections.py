"""`briefpack build --section KEY=TEXT` and `--sections FILE.toml` fill the template's written sections."""

from __future__ import annotations

from seeddata import SEEDS
from briefpack.cli import main


def build_markdown(capsys, tmp_path, *extra: str) -> tuple[int, str, str]:
    code = main(["build", str(SEEDS[0]), "--themes", "military", "--format", "markdown", "-o", str(tmp_path), *extra])
    out = capsys.readouterr()
    text = (tmp_path / "brief.md").read_text(encoding="utf-8") if code == 0 else ""
    return code, text, out.err


def test_section_options_fill_the_written_sections_and_the_command_line_wins(capsys, tmp_path):
    texts = tmp_path / "texts.toml"
    texts.write_text(
        'summary = "Fighting moved north this week."\n'
        'key_judgments = """We judge the offensive likely to stall.\n\nSupply lines are the reason."""\n',
        encoding="utf-8",
    )
    code, md, err = build_markdown(
        capsys, tmp_path, "--sections", str(texts), "--section", "summary=The front is quiet.",
    )
    assert code == 0, err
    assert "The front is quiet." in md and "Fighting moved north" not in md
    assert "We judge the offensive likely to stall." in md and "Supply lines are the reason." in md
    assert "Key judgments to be written by the analyst" not in md


def test_a_key_the_template_does_not_print_is_warned_about(capsys, tmp_path):
    code, md, err = build_markdown(capsys, tmp_path, "--section", "lines_to_take=Say little.")
    assert code == 0
    assert "no written section 'lines_to_take'" in err and "summary, key_judgments" in err
    assert "Say little." not in md


def test_badly_written_section_options_exit_2_saying_why(capsys, tmp_path):
    code, _, err = build_markdown(capsys, tmp_path, "--section", "no equals sign")
    assert code == 2 and "KEY=TEXT" in err
    code, _, err = build_markdown(capsys, tmp_path, "--section", "Key Judgments=x")
    assert code == 2 and "lower-case" in err
    broken = tmp_path / "broken.toml"
    broken.write_text("summary = [1, 2]\n", encoding="utf-8")
    code, _, err = build_markdown(capsys, tmp_path, "--sections", str(broken))
    assert code == 2 and "must be text" in err
