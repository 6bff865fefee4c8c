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
builds the seeds into a PDF and a Word file (``briefpack build``), and
imports a batch large enough to be read in worker processes, which in a
bundle start the bundle's own executable again (``briefpack import``).
"""

from __future__ import annotations

import argparse
import json
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
# More than import_pool.MIN_FILES_FOR_WORKERS, so the import runs in worker processes.
BATCH_FILES = 240


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


def write_batch(folder: Path, count: int) -> None:
    """``count`` short, distinct page dumps: each its own headline, date, byline and paragraphs."""
    folder.mkdir(parents=True)
    for n in range(count):
        paragraphs = "\n\n".join(
            f"Paragraph {p} of report {n}: officials counted {n * 7 + p} lorries at crossing {n % 13} on day {p}."
            for p in range(4))
        text = f"Report {n}: border crossing {n % 13} reopens\n\nPublished : 2025-03-{n % 28 + 1:02d}\n\nBy Field Desk\n\n{paragraphs}\n"
        (folder / f"report {n:03d}.txt").write_text(text, encoding="utf-8")


def worker_processes(root: int) -> set[int]:
    """The pids, under process ``root``, of the workers a fork server started (Linux: read from /proc)."""
    parents: dict[int, int] = {}
    commands: dict[int, bytes] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            commands[int(entry.name)] = (entry / "cmdline").read_bytes()
        except OSError:  # the process ended meanwhile
            continue
        parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    servers = {pid for pid, parent in parents.items() if parent == root and b"multiprocessing.forkserver" in commands[pid]}
    return {pid for pid, parent in parents.items() if parent in servers}


def check_batch_import(program: Path, home: Path, env: dict[str, str]) -> list[str]:
    """The bundled command line imports a batch in worker processes (seen in /proc on Linux): every file imported."""
    folder = home / "batch"
    write_batch(folder, BATCH_FILES)
    command = [str(program), "import", str(folder), "--project", str(home / "batch.briefpack"), "--json"]
    started = time.monotonic()
    workers: set[int] = set()
    with subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as process:
        while process.poll() is None and time.monotonic() - started < TIMEOUT_S and sys.platform.startswith("linux"):
            workers |= worker_processes(process.pid)
            time.sleep(0.02)
        stdout, stderr = process.communicate(timeout=TIMEOUT_S)
    print(f"batch import run: exit {process.returncode} after {time.monotonic() - started:.1f} s wall clock, "
          f"{len(workers)} worker processes seen")
    if process.returncode != 0:
        return [f"the bundled 'briefpack import' of {BATCH_FILES} files failed (exit {process.returncode}): {stderr[-2000:]}"]
    problems = []
    if sys.platform.startswith("linux") and not workers:
        problems.append("the bundled 'briefpack import' read its batch without worker processes")
    statuses = [item["status"] for item in json.loads(stdout)]
    imported = sum(status.startswith("imported") for status in statuses)
    if len(statuses) != BATCH_FILES or imported != BATCH_FILES:
        problems.append(f"the bundled 'briefpack import' gave {len(statuses)} statuses, {imported} imported, of {BATCH_FILES} files")
    return problems


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
        problems += check_batch_import(program, Path(home), env)
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
