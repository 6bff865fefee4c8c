"""Reading a batch of input files for a subcommand: one status per file, warnings to standard error."""

from __future__ import annotations

import sys
from pathlib import Path
from briefpack.jobs import default_taxonomy, import_files, run_to_end


def import_all(paths: list[str]):

    taxonomy = default_taxonomy()
    result = run_to_end(import_files([Path(p) for p in paths], taxonomy))
    for f in result.files:
        if f.status == "refused":
            print(f"briefpack: {f.name}: refused: {'; '.join(f.reasons)}", file=sys.stderr)
        elif f.reasons:
            print(f"warning: {f.name}: {'; '.join(f.reasons)}", file=sys.stderr)
    return result, taxonomy
