"""Check a built bundle: it reports its version, and it opens and renders the sample project offscreen.

``make package-test`` runs this after ``make package``. The bundled program
runs in a fresh home folder (``BRIEFPACK_HOME``), so it must build the
sample project from the seeds it carries; the template and seed overrides
are removed from its environment, so it cannot fall back on the
repository's folders. It saves ``--screenshot`` and this script checks the
process exited 0, the sample holds every seed with its themes tagged, and
the PNG has the window's size and is not blank. It also checks the bundle
carries the metadata of every distribution the About dialog lists. Exit
status 0 means every check passed. Before that, the bundled command line
builds the seeds into a PDF and a Word file (``briefpack build``).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "desktop"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QImage  # noqa: E402

from briefpack import __version__  # noqa: E402

WINDOW_SIZE = (1280, 800)  # gui.app.SCREENSHOT_SIZE
MIN_COLOURS = 64  # a window with tables, text and a preview has thousands; a blank or failed one a handful
TIMEOUT_S = 300


def distinct_colours(image: QImage, step: int = 4) -> int:
    """How many distinct colours a grid of every ``step``-th pixel holds."""
    return len({image.pixel(x, y) for x in range(0, image.width(), step) for y in range(0, image.height(), step)})


def run(program: Path, *args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([str(program), *args], env=env, capture_output=True, text=True, timeout=TIMEOUT_S)


def check_sample(path: Path) -> list[str]:
    """The bundle built the sample from every seed it carries, and tagged their themes from its templates."""
    from briefpack.store import Project

    if not path.exists():
        return [f"no sample project at {path}"]
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    with Project.open(path) as project:
        articles, tags = len(project.articles), len(project.tags())
    print(f"sample project: {articles} articles, {tags} theme tags")
    problems = []
    if articles != len(seeds):
        problems.append(f"the sample project holds {articles} articles, not the {len(seeds)} seeds")
    if tags == 0:
        problems.append("the sample project has no theme tags: the bundled taxonomy was not read")
    return problems


def check_export(program: Path, home: Path, env: dict[str, str]) -> list[str]:
    """The bundled command line builds the seeds into a cited PDF and a Word file with a reference .docx."""
    out = home / "export"
    seeds = [str(p) for p in sorted((ROOT / "seeds").glob("*.txt"))]
    options = ["--themes", "diplomacy,military", "--template", "ministerial-pack", "--style", "apa", "--format", "pdf,docx"]
    done = run(program, "build", *seeds, *options, "-o", str(out), env=env)
    written = sorted(p.name for p in out.glob("*") if p.stat().st_size > 0) if out.is_dir() else []
    print(f"export run: exit {done.returncode}, wrote {', '.join(written) or 'nothing'}")
    if done.returncode != 0 or written != ["brief.docx", "brief.pdf"]:
        return [f"the bundled 'briefpack build' failed (exit {done.returncode}): {done.stderr[-2000:]}"]
    return []


def check_metadata(internal: Path) -> list[str]:
    """Every distribution the About dialog lists has its metadata in the bundle, where importlib.metadata reads it."""
    from importlib import metadata

    from briefpack.components import normalise, shipped_distributions

    bundled = {normalise(d.metadata["Name"]) for d in metadata.distributions(path=[str(internal)])}
    missing = sorted({normalise(d.metadata["Name"]) for d in shipped_distributions()} - bundled)
    print(f"bundled metadata: {len(bundled)} distributions")
    return [f"the bundle lacks the metadata of {', '.join(missing)} (About would not list them)"] if missing else []


def check(program: Path, screenshot: Path) -> list[str]:
    """The failed checks, as sentences; empty when the bundle works."""
    problems = []
    with tempfile.TemporaryDirectory(prefix="briefpack-bundle-") as home:
        env = {k: v for k, v in os.environ.items() if k not in ("BRIEFPACK_TEMPLATES", "BRIEFPACK_SEEDS", "PYTHONPATH")}
        env.update(BRIEFPACK_HOME=home, QT_QPA_PLATFORM="offscreen")
        version = run(program, "--version", env=env)
        if version.returncode != 0 or version.stdout.strip() != f"briefpack {__version__}":
            problems.append(f"--version said {version.stdout.strip()!r} (exit {version.returncode}): {version.stderr[-500:]}")
        problems += check_export(program, Path(home), env)
        screenshot.unlink(missing_ok=True)
        started = time.monotonic()
        shot = run(program, "--screenshot", str(screenshot), env=env)
        print(f"screenshot run: exit {shot.returncode} after {time.monotonic() - started:.1f} s wall clock")
        if shot.returncode != 0:
            problems.append(f"the screenshot run exited {shot.returncode}: {shot.stderr[-2000:]}")
        problems += check_sample(Path(home) / "sample.briefpack")
    image = QImage(str(screenshot))
    if image.isNull():
        problems.append(f"{screenshot} is missing or not a PNG")
        return problems
    if (image.width(), image.height()) != WINDOW_SIZE:
        problems.append(f"the screenshot is {image.width()}x{image.height()}, not {WINDOW_SIZE[0]}x{WINDOW_SIZE[1]}")
    colours = distinct_colours(image)
    if colours < MIN_COLOURS:
        problems.append(f"the screenshot looks blank: {colours} distinct colours")
    print(f"screenshot {screenshot}: {image.width()}x{image.height()}, {colours} distinct colours on a 4 px grid")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "briefpack", help="the one-folder bundle")
    parser.add_argument("--screenshot", type=Path, default=ROOT / "out" / "package-window.png")
    args = parser.parse_args(argv)
    program = args.bundle / ("briefpack.exe" if sys.platform == "win32" else "briefpack")
    if not program.exists():
        print(f"no program at {program}: run 'make package' first", file=sys.stderr)
        return 1
    args.screenshot.parent.mkdir(parents=True, exist_ok=True)
    problems = check_metadata(args.bundle / "_internal") + check(program, args.screenshot)
    for problem in problems:
        print(f"FAIL: {problem}", file=sys.stderr)
    print("bundle check passed" if not problems else f"bundle check failed ({len(problems)} problems)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
