"""The Cython-compiled modules: all built where a C compiler is, none stale or unlisted, and behaving as their sources do."""

from __future__ import annotations

import importlib
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from compiled_modules import ROOT, SUFFIXES, built_files, compiled_sources, source_of, stale

# Parse, tag and fingerprint every corpus dump and seed, and print a digest of it all.
_DIGEST = """
import dataclasses, datetime as dt, hashlib, sys
from pathlib import Path
import briefpack.ingest.names
from briefpack.ingest import IngestError, read_file
from briefpack.analysis.duplicates import fingerprint
from briefpack.analysis.taxonomy import load_taxonomy
from briefpack.analysis.themes import tag_values
taxonomy, digest = load_taxonomy(), hashlib.sha256()
for path in sorted(Path(sys.argv[1]).glob("*.txt")) + sorted(Path(sys.argv[2]).glob("*.txt")):
    try:
        articles = read_file(path, imported_at=dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc))
    except IngestError as error:
        digest.update(repr(error).encode()); continue
    for article in articles:
        fp = fingerprint(article)
        digest.update(repr((dataclasses.asdict(article), tag_values(article, taxonomy), fp.text_key, fp.bands)).encode())
print(briefpack.ingest.names.__file__.rsplit(".", 1)[-1], digest.hexdigest())
"""


def _c_compiler() -> bool:
    compiler = (sysconfig.get_config_var("CC") or "").split()
    return bool(compiler) and shutil.which(compiler[0]) is not None


def test_every_listed_module_has_its_source():
    sources = compiled_sources()
    assert len(sources) >= 20
    for name, source in sources.items():
        assert source.is_file(), name
        assert source.relative_to(ROOT / "desktop").with_suffix("").parts == tuple(name.split("."))


def test_no_compiled_file_without_a_listed_module():
    """A compiled file nobody rebuilds would shadow its source for good."""
    listed = set(compiled_sources().values())
    assert [path for path in built_files() if source_of(path) not in listed] == []


def test_no_compiled_module_is_older_than_its_source():
    assert stale() == []


@pytest.mark.skipif(not _c_compiler(), reason="no C compiler here: the modules stay plain Python")
def test_listed_modules_run_compiled():
    plain = [name for name in compiled_sources() if not importlib.import_module(name).__file__.endswith(SUFFIXES)]
    assert plain == [], "not compiled: run `make setup`"


@pytest.mark.slow
def test_compiled_modules_parse_tag_and_fingerprint_as_their_sources_do():
    args = [str(ROOT / "tests" / "ingest" / "corpus"), str(ROOT / "seeds")]
    compiled = subprocess.run([sys.executable, "-c", _DIGEST, *args], capture_output=True, text=True, check=True)
    plain = subprocess.run([sys.executable, str(ROOT / "tests" / "pure_python.py"), "-c", _DIGEST, *args],
                           capture_output=True, text=True, check=True)
    compiled_kind, compiled_digest = compiled.stdout.split()
    plain_kind, plain_digest = plain.stdout.split()
    assert plain_kind == "py"
    if _c_compiler():
        assert compiled_kind != "py"
    assert compiled_digest == plain_digest
