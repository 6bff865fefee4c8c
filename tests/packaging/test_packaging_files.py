"""The packaging files agree with the app and with the desktop standards: desktop entry, AppStream, MIME type, spec, installers.

These check the files without building anything (``make package-test``
builds the bundle and runs it). Where the standard's own validator is
installed (``desktop-file-validate``, ``appstreamcli``) it is run too.
"""

from __future__ import annotations

import ast
import configparser
import importlib.util
import re
import shutil
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from briefpack import __version__
from briefpack.cli import main as cli_main
from briefpack.components import shipped_components

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
APP_ID = "org.briefpack.Briefpack"
DESKTOP = PACKAGING / "linux" / f"{APP_ID}.desktop"
METAINFO = PACKAGING / "linux" / f"{APP_ID}.metainfo.xml"
MIME = PACKAGING / "linux" / "briefpack-mime.xml"
SPEC = PACKAGING / "briefpack.spec"
ISS = PACKAGING / "windows" / "briefpack.iss"
MIME_TYPE = "application/x-briefpack"


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def test_the_desktop_entry_launches_briefpack_with_a_file_and_claims_the_mime_type():
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == "briefpack"
    assert re.fullmatch(r"briefpack %[fFuU]", entry["Exec"])
    assert entry["Icon"] == APP_ID
    assert entry["Terminal"] == "false"
    assert MIME_TYPE in entry["MimeType"].rstrip(";").split(";")
    assert entry["Categories"].endswith(";") and "Office" in entry["Categories"].split(";")


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils not installed")
def test_desktop_file_validate_accepts_the_entry():
    done = subprocess.run(["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout.strip() == "", done.stdout + done.stderr


def test_the_appstream_metainfo_has_the_required_elements_and_the_current_release():
    component = ET.parse(METAINFO).getroot()
    assert component.tag == "component" and component.get("type") == "desktop-application"
    for tag in ("id", "name", "summary", "metadata_license", "project_license", "description", "launchable"):
        assert (component.findtext(tag) or component.find(tag)) is not None, tag
    assert component.findtext("id") == APP_ID
    assert component.findtext("launchable") == DESKTOP.name
    assert component.find("launchable").get("type") == "desktop-id"
    assert component.findtext("project_license") == tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["license"]
    assert component.findtext("provides/mediatype") == MIME_TYPE
    assert component.find("releases/release").get("version") == __version__  # the newest release comes first


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstreamcli not installed")
def test_appstreamcli_validates_the_metainfo():
    done = subprocess.run(["appstreamcli", "validate", "--no-net", str(METAINFO)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_mime_type_matches_briefpack_files():
    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    mime = ET.parse(MIME).getroot().find("m:mime-type", ns)
    assert mime.get("type") == MIME_TYPE
    assert [g.get("pattern") for g in mime.findall("m:glob", ns)] == ["*.briefpack"]


def data_folders_the_app_reads() -> set[str]:
    """The folder names ``briefpack.paths`` looks up beside the code (``_data_dir("templates", ...)``)."""
    source = (ROOT / "desktop" / "briefpack" / "paths.py").read_text(encoding="utf-8")
    return set(re.findall(r'_data_dir\("([^"]+)"', source))


def spec_assignment(name: str):
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == name for t in node.targets):
            return ast.literal_eval(node.value)
    raise AssertionError(f"{SPEC.name} assigns no {name}")


def test_the_spec_bundles_every_data_folder_the_app_reads():
    folders = data_folders_the_app_reads()
    assert folders == {"templates", "seeds"}
    assert set(spec_assignment("DATA_FOLDERS")) == folders
    for folder in folders:
        assert any((ROOT / folder).iterdir()), folder
    spec = SPEC.read_text(encoding="utf-8")
    # The package's own data (fonts and their licences, icons, CSL styles) and pandoc for citations.
    assert 'collect_data_files("briefpack")' in spec
    assert '"pypandoc/files"' in spec
    assert 'tree("packaging/licenses", "licenses")' in spec
    assert 'module_collection_mode={"docx": "pyz+py"}' in spec  # python-docx finds its XML templates via docx/parts/..


def test_the_spec_keeps_unused_qt_tk_and_tests_out():
    excludes = set(spec_assignment("excludes"))
    assert {"tkinter", "pytest", "PySide6.QtWebEngineCore", "PySide6.Qt3DCore", "PySide6.QtQuick",
            "PySide6.QtQml", "PySide6.QtMultimedia"} <= excludes
    assert "libqgtk3" in SPEC.read_text(encoding="utf-8")  # the GTK theme plugin is filtered out


def test_each_platform_associates_briefpack_files():
    spec = SPEC.read_text(encoding="utf-8")
    assert '"CFBundleDocumentTypes"' in spec and '"CFBundleTypeExtensions": ["briefpack"]' in spec
    iss = ISS.read_text(encoding="utf-8")
    assert r'Subkey: "Software\Classes\.briefpack"' in iss
    assert '""{app}\\{#AppExe}"" ""%1""' in iss  # the project path is passed to the program
    assert "ChangesAssociations=yes" in iss


def test_the_version_lives_only_in_the_package():
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in pyproject["project"] and "version" in pyproject["project"]["dynamic"]
    assert pyproject["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "briefpack.__version__"}
    assert "from briefpack import __version__" in SPEC.read_text(encoding="utf-8")
    assert not re.search(r"#define\s+AppVersion", ISS.read_text(encoding="utf-8"))  # passed in with /DAppVersion
    literal = re.compile(rf"['\"]{re.escape(__version__)}['\"]")
    holders = [p.relative_to(ROOT) for p in (ROOT / "desktop" / "briefpack").rglob("*.py") if literal.search(p.read_text())]
    assert holders == [Path("desktop/briefpack/__init__.py")]


def test_briefpack_version_prints_the_package_version(capsys):
    with pytest.raises(SystemExit) as done:
        cli_main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.strip() == f"briefpack {__version__}"


def test_the_icons_exist_at_every_size_the_desktops_ask_for():
    assert (ROOT / "desktop" / "briefpack" / "resources" / "icons" / "briefpack.svg").is_file()
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        image = QImage(str(PACKAGING / "icons" / f"briefpack-{size}.png"))
        assert (image.width(), image.height()) == (size, size)
        assert image.hasAlphaChannel()
    assert (PACKAGING / "icons" / "briefpack.ico").read_bytes()[:4] == b"\x00\x00\x01\x00"  # an ICO header


def load_launcher():
    spec = importlib.util.spec_from_file_location("briefpack_launcher", PACKAGING / "launcher.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("argv", "front_end"),
    [([], "gui"), (["desk.briefpack"], "gui"), (["--screenshot", "x.png"], "gui"),
     (["--version"], "cli"), (["build", "a.txt"], "cli"), (["gui"], "cli")],
)
def test_the_bundled_program_sends_subcommands_to_the_cli_and_the_rest_to_the_window(monkeypatch, argv, front_end):
    launcher = load_launcher()
    calls = []
    monkeypatch.setattr(launcher, "cli_main", lambda args: calls.append(("cli", args)) or 0)
    import briefpack.gui.app

    monkeypatch.setattr(briefpack.gui.app, "main", lambda args: calls.append(("gui", args)) or 0)
    assert launcher.main(argv) == 0
    assert calls == [(front_end, argv)]


def test_the_licence_folder_covers_every_shipped_component(tmp_path):
    spec = importlib.util.spec_from_file_location("write_licenses", PACKAGING / "write_licenses.py")
    writer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(writer)
    written = writer.write(tmp_path / "licenses")
    assert [component.name for component, names in written if not names] == []
    index = (tmp_path / "licenses" / "THIRD-PARTY.md").read_text(encoding="utf-8")
    checked_in = (PACKAGING / "licenses" / "THIRD-PARTY.md").read_text(encoding="utf-8")
    for component in shipped_components():
        assert f"| {component.name} |" in index
        assert f"| {component.name} |" in checked_in, f"run packaging/write_licenses.py: {component.name} is missing"
