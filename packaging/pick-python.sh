#!/usr/bin/env bash
# Print the Python interpreter the Makefile builds .venv/ from.
#
# The system's own python3 (/usr/bin/python3) comes first when it is new
# enough, can make a virtualenv and has the headers the compiled modules
# need: distributions build CPython with profile-guided and link-time
# optimisation (Debian also links it statically), and on the reference machine that
# build imports articles about 15% faster than a plain source build of the
# same Python version (pyenv's default, for one; README "Performance"). Otherwise
# the first python3 on PATH. `make PYTHON=...` overrides the choice.
set -euo pipefail

usable() {
  "$1" - <<'EOF' 2>/dev/null
import importlib.util, os, sys, sysconfig
ok = (
    sys.version_info >= (3, 11)
    and importlib.util.find_spec("venv") is not None
    and importlib.util.find_spec("ensurepip") is not None
    and os.path.exists(os.path.join(sysconfig.get_paths()["include"], "Python.h"))
)
sys.exit(0 if ok else 1)
EOF
}

for candidate in /usr/bin/python3 "$(command -v python3 || true)"; do
  if [ -n "$candidate" ] && [ -x "$candidate" ] && usable "$candidate"; then
    echo "$candidate"
    exit 0
  fi
done
echo python3
