"""`briefpack analyze FILES… --json`: entities, timeline, figures, corroboration and per-paragraph themes, sources by file and block."""

from __future__ import annotations

import json

from seeddata import SEEDS
from briefpack.cli import main


def analyze_json(capsys, *paths) -> dict:
    code = main(["analyze", *map(str, paths), "--json"])
    assert code == 0
    return json.loads(capsys.readouterr().out)


def test_analyze_json_on_the_seeds(capsys):
    data = analyze_json(capsys, *SEEDS)
    assert {"entities", "timeline", "figures", "corroboration", "themes"} <= set(data)
    names = {s.name for s in SEEDS}

    def is_source(s):
        return set(s) == {"file", "block"} and s["file"] in names and isinstance(s["block"], int)

    for event in data["timeline"]:
        assert set(event) == {"date", "precision", "text", "sources"} and all(map(is_source, event["sources"]))
    assert {"date": "2023-11", "precision": "month"}.items() <= next(e for e in data["timeline"] if e["date"] == "2023-11").items()
    for claim in data["corroboration"]:
        assert set(claim) == {"statement", "sources", "variants"} and all(map(is_source, claim["sources"]))
    pact = next(c for c in data["corroboration"] if "mutual defense" in c["statement"])
    assert {s["file"] for s in pact["sources"]} == names
    assert {"file": SEEDS[0].name, "block": 4} in pact["sources"]
    assert any(f["value"] == "over 10,000" and f["source"] == {"file": SEEDS[0].name, "block": 6} for f in data["figures"])
    putin = next(e for e in data["entities"] if e["name"] == "Vladimir Putin")
    assert putin["kind"] == "person" and "Russian President" in putin["roles"]
    themes = {(t["file"], t["block"]): t["themes"] for t in data["themes"]}
    assert "military" in themes[(SEEDS[0].name, 6)]


def test_analyze_text_summary_and_unreadable_input(capsys, tmp_path):
    assert main(["analyze", *map(str, SEEDS)]) == 0
    out = capsys.readouterr().out
    assert "corroborated statements" in out and "2023-11" in out
    missing = tmp_path / "gone.txt"
    assert main(["analyze", str(missing)]) == 2
    assert "gone.txt" in capsys.readouterr().err
