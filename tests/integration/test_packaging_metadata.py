"""The desktop-integration files: generated from desktop/meta.py and valid for the real tools.

desktop-file-validate and appstreamcli (desktop-file-utils, appstream) are what distributions
and software centres run; a file they reject never reaches a menu or a store.
"""

import importlib.util
import plistlib
import shutil
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from configparser import ConfigParser
from pathlib import Path

import pytest

from desktop import meta

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
LINUX = PACKAGING / "linux"
DESKTOP_FILE = LINUX / f"{meta.APP_ID}.desktop"
METAINFO_FILE = LINUX / f"{meta.APP_ID}.metainfo.xml"
LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _load_generate():
    name = "hearth_packaging_generate"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, PACKAGING / "generate.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


gen = _load_generate()


def _desktop_entry(path: Path) -> dict[str, str]:
    parser = ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str
    parser.read_string(path.read_text(encoding="utf-8"))
    return dict(parser["Desktop Entry"])


def _desktop_file_validate(path: Path) -> None:
    out = subprocess.run(["desktop-file-validate", str(path)], capture_output=True, text=True,
                         timeout=30)
    assert out.returncode == 0, out.stdout + out.stderr
    assert out.stdout + out.stderr == ""  # no errors, warnings or hints


def _appstream_problems(args: list[str]) -> list[str]:
    out = subprocess.run(["appstreamcli", *args], capture_output=True, text=True, timeout=60)
    problems = [line for line in (out.stdout + out.stderr).splitlines()
                if line.startswith(("E:", "W:"))]
    assert out.returncode == 0, out.stdout + out.stderr
    return problems


# --- generated from meta --------------------------------------------------------------------

def test_committed_files_are_what_generate_py_writes():
    assert gen.stale_files() == [], "run: python packaging/generate.py"


def test_check_mode_passes_on_the_repository():
    out = subprocess.run([sys.executable, str(PACKAGING / "generate.py"), "--check"],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr


def test_check_mode_names_stale_and_missing_files(tmp_path):
    assert sorted(gen.stale_files(tmp_path)) == sorted(gen.generated_files())
    gen.write_files(tmp_path)
    assert gen.stale_files(tmp_path) == []
    iss = tmp_path / "packaging" / "windows" / "hearth.iss"
    iss.write_text(iss.read_text().replace(meta.VERSION, "0.0.0"))
    assert gen.stale_files(tmp_path) == [Path("packaging/windows/hearth.iss")]


def test_identity_feeds_every_generated_file(monkeypatch):
    old_id, old_home = meta.APP_ID, meta.HOMEPAGE
    monkeypatch.setattr(meta, "APP_ID", "org.example.Renamed")
    monkeypatch.setattr(meta, "APP_NAME", "Renamed")
    monkeypatch.setattr(meta, "SUMMARY", "A renamed summary")
    monkeypatch.setattr(meta, "HOMEPAGE", "https://renamed.example")
    files = gen.generated_files()
    assert {p.name for p in files} >= {"org.example.Renamed.desktop",
                                       "org.example.Renamed.metainfo.xml"}
    for path, text in files.items():
        assert old_id not in text, path
        assert "org.example.Renamed" in text, path
        assert "Renamed" in text, path
        if path.suffix != ".desktop":
            assert old_home not in text and "https://renamed.example" in text, path
        if path.suffix in {".desktop", ".xml", ".iss"}:
            assert "A renamed summary" in text, path


def test_a_version_without_release_notes_is_refused(monkeypatch):
    monkeypatch.setattr(meta, "VERSION", "9.9.9")
    with pytest.raises(gen.GenerationError, match="listing.json"):
        gen.generated_files()


# --- Linux ----------------------------------------------------------------------------------

def test_desktop_file_is_valid():
    _desktop_file_validate(DESKTOP_FILE)


def test_desktop_file_carries_the_identity():
    entry = _desktop_entry(DESKTOP_FILE)
    assert entry["Name"] == meta.APP_NAME
    assert entry["Comment"] == meta.SUMMARY
    assert entry["Comment[zh_CN]"] == meta.SUMMARY_ZH
    assert entry["Icon"] == meta.APP_ID
    gui_scripts = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["gui-scripts"]
    assert entry["Exec"] in gui_scripts  # the command pip installs


def test_metainfo_is_valid():
    assert _appstream_problems(["validate", "--no-net", str(METAINFO_FILE)]) == []


def test_metainfo_carries_the_identity():
    root = ET.parse(METAINFO_FILE).getroot()
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == meta.APP_ID
    assert root.findtext("name") == meta.APP_NAME
    summaries = {el.get(LANG): el.text for el in root.findall("summary")}
    assert summaries == {None: meta.SUMMARY, "zh_CN": meta.SUMMARY_ZH}
    assert root.findtext("launchable[@type='desktop-id']") == DESKTOP_FILE.name
    assert root.findtext("url[@type='homepage']") == meta.HOMEPAGE
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert root.findtext("project_license") == project["license"]["text"]
    assert root.find("releases/release").get("version") == meta.VERSION
    assert all(el.text.startswith(f"{meta.HOMEPAGE}/docs/screenshots/") and el.text.endswith(".png")
               for el in root.findall("screenshots/screenshot/image"))


def test_metainfo_declares_the_chat_in_its_content_rating():
    rating = ET.parse(METAINFO_FILE).getroot().find("content_rating[@type='oars-1.1']")
    values = {el.get("id"): el.text for el in rating.findall("content_attribute")}
    assert values["social-chat"] == "moderate"  # moderated chat (with an AI), never "none"
    for key in ("social-contacts", "social-info", "social-location", "money-purchasing"):
        assert values[key] == "none"


def test_installed_tree_validates_as_a_whole(tmp_path):
    share = tmp_path / "usr" / "share"
    files = gen.install_data(share)
    assert {p.relative_to(share).as_posix() for p in files} == {
        f"applications/{meta.APP_ID}.desktop",
        f"metainfo/{meta.APP_ID}.metainfo.xml",
        f"icons/hicolor/scalable/apps/{meta.APP_ID}.svg",
        f"icons/hicolor/256x256/apps/{meta.APP_ID}.png",
    }
    assert sorted(p for p in share.rglob("*") if p.is_file()) == sorted(files)  # no leftovers
    _desktop_file_validate(share / "applications" / f"{meta.APP_ID}.desktop")
    # validate-tree cross-checks the metainfo against the .desktop file and the icons.
    assert _appstream_problems(["validate-tree", "--no-net", str(tmp_path)]) == []


# --- icons ----------------------------------------------------------------------------------

def _reader_sizes(path: Path) -> list[int]:
    from PySide6.QtGui import QImageReader

    reader = QImageReader(str(path))
    sizes = []
    for index in range(reader.imageCount()):
        assert reader.jumpToImage(index)
        image = reader.read()
        assert not image.isNull(), reader.errorString()
        assert image.width() == image.height()
        sizes.append(image.width())
    return sizes


def test_icons_are_rendered_from_the_svg(tmp_path):
    from PySide6.QtGui import QImage

    paths = gen.render_icons(tmp_path)
    png = QImage(str(paths["png"]))
    assert (png.width(), png.height()) == (256, 256)
    assert png.hasAlphaChannel()
    assert png.pixelColor(0, 0).alpha() == 0  # the rounded corner is transparent
    assert png.pixelColor(128, 128).alpha() == 255  # the fire is opaque
    assert sorted(_reader_sizes(paths["ico"])) == [16, 24, 32, 48, 64, 128, 256]
    assert set(_reader_sizes(paths["icns"])) == {16, 32, 64, 128, 256, 512, 1024}


def test_icon_rendering_is_reproducible(tmp_path):
    first = gen.render_icons(tmp_path / "a")
    second = gen.render_icons(tmp_path / "b")
    for kind in ("png", "ico", "icns"):
        assert first[kind].read_bytes() == second[kind].read_bytes(), kind


def test_svg_icon_is_square():
    root = ET.parse(ROOT / "resources" / "icons" / "hearth.svg").getroot()
    _, _, width, height = (float(v) for v in root.get("viewBox").split())
    assert width == height


# --- Windows and macOS (cannot be built here; checked as text) -------------------------------

def test_inno_setup_script_uses_meta():
    lines = (PACKAGING / "windows" / "hearth.iss").read_text(encoding="utf-8").splitlines()
    for expected in (f"AppId={meta.APP_ID}", f"AppName={meta.APP_NAME}",
                     f"AppVersion={meta.VERSION}", f"AppPublisherURL={meta.HOMEPAGE}"):
        assert expected in lines
    assert gen._numeric_version("0.2.0rc1") == "0.2.0"
    with pytest.raises(gen.GenerationError):
        gen._numeric_version("dev")


def test_info_plist_uses_meta():
    plist = plistlib.loads((PACKAGING / "macos" / "Info.plist").read_bytes())
    assert plist["CFBundleIdentifier"] == meta.APP_ID
    assert plist["CFBundleName"] == meta.APP_NAME
    assert plist["CFBundleShortVersionString"] == meta.VERSION
    assert plist == gen.info_plist()


def test_spec_is_python_that_guards_the_mac_bundle():
    source = (PACKAGING / "hearth.spec").read_text(encoding="utf-8")
    compile(source, "hearth.spec", "exec")
    assert "if MACOS:\n    app = BUNDLE(" in source
    assert 'MACOS = sys.platform == "darwin"' in source


@pytest.mark.parametrize("tool", ["desktop-file-validate", "appstreamcli", "gio"])
def test_validation_tools_are_installed(tool):
    assert shutil.which(tool), f"{tool} is missing: see scripts/bootstrap.sh APT_TEST"
