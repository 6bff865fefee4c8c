# briefpack: the two commands a newcomer needs are `make run` and `make test`.
# Both set everything up first: the Debian libraries Qt needs (only when
# missing) and a virtualenv under .venv/ with briefpack installed editable.

# The interpreter .venv/ is made from (packaging/pick-python.sh says which and why); `make PYTHON=...` overrides it.
PYTHON ?= $(shell bash packaging/pick-python.sh)
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
# Libraries PySide6 loads even offscreen, then the ones a real X11 window needs.
QT_DEBS      := libegl1 libgl1 libopengl0 libfontconfig1 libfreetype6 libxkbcommon0 libglib2.0-0 libdbus-1-3
QT_X11_DEBS  := libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-randr0 libxcb-xkb1

.PHONY: run test bench lint setup sysdeps sysdeps-x11 clean package package-test licenses

setup: $(STAMP)

# The modules pyproject.toml has Cython compile: the compiled files win over the sources in this
# checkout, so editing one of them reinstalls (recompiles) before anything runs.
COMPILED := $(shell sed -n 's/.*sources = \["\([^"]*\)"\].*/\1/p' pyproject.toml)

$(STAMP): pyproject.toml $(COMPILED)
	@$(MAKE) --no-print-directory sysdeps
	test -x $(PY) || { python="$(PYTHON)"; echo "briefpack: making $(VENV) from $$python"; "$$python" -m venv $(VENV); }
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

sysdeps:
	@bash packaging/ensure-debs.sh $(QT_DEBS)

sysdeps-x11:
	@bash packaging/ensure-debs.sh $(QT_X11_DEBS) xvfb

run: $(STAMP) sysdeps-x11
	@if [ -n "$$DISPLAY$$WAYLAND_DISPLAY" ]; then \
		$(VENV)/bin/briefpack gui; \
	else \
		echo "No display here: opening the window on a virtual screen and saving it to out/window.png"; \
		mkdir -p out; QT_QPA_PLATFORM=offscreen $(VENV)/bin/briefpack gui --screenshot out/window.png; \
	fi

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

bench: $(STAMP)
	$(PY) tests/benchmarks/run.py

lint: $(STAMP)
	$(VENV)/bin/lint-imports --config pyproject.toml

# Installers: `make package` builds the one-folder bundle dist/briefpack/ with PyInstaller
# (packaging/briefpack.spec) and prints its size; `make package-test` also starts the built
# program offscreen and checks it rendered the sample project. See README "Building installers".
PACKAGE_STAMP := $(VENV)/.package-installed

# The `package` extra's requirements alone: reinstalling briefpack would compile its modules again.
$(PACKAGE_STAMP): $(STAMP)
	$(PY) -c "import tomllib; print('\n'.join(tomllib.load(open('pyproject.toml', 'rb'))['project']['optional-dependencies']['package']))" > $(VENV)/package-requirements.txt
	$(PY) -m pip install --quiet -r $(VENV)/package-requirements.txt
	touch $(PACKAGE_STAMP)

package: $(PACKAGE_STAMP)
	$(VENV)/bin/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller packaging/briefpack.spec

package-test: package
	$(PY) packaging/check_bundle.py

licenses: $(STAMP)
	$(PY) packaging/write_licenses.py

clean:
	rm -rf $(VENV) out build dist *.egg-info desktop/*.egg-info
	find desktop \( -name '*.so' -o -name '*.pyd' \) -delete
