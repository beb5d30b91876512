# Limber — see README.md.
GO       ?= go
BIN      := bin
VERSION  ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS  := -s -w -X main.version=$(VERSION)

.PHONY: all build run test deps test-deps vet clean bench \
	install uninstall refresh-desktop-caches check-install validate package windows \
	lint lint-vet lint-staticcheck lint-gofumpt lint-vuln lint-cross

all: build

deps:
	@.ci/install-deps build

test-deps:
	@.ci/install-deps test

$(BIN)/limber: FORCE
	CGO_ENABLED=0 $(GO) build -trimpath -ldflags '$(LDFLAGS)' -o $@ ./cmd/limber

$(BIN)/limber-ui: FORCE
	$(GO) build -trimpath -ldflags '$(LDFLAGS)' -o $@ ./cmd/limber-ui

FORCE:

build: deps $(BIN)/limber $(BIN)/limber-ui

# Starts Limber in the tray, in the foreground (Ctrl+C or the tray's Quit ends it).
run: build
	./$(BIN)/limber

vet:
	$(GO) vet ./...

# Unit, UI and end-to-end tests. The end-to-end tests run the binaries in
# bin/ on a private X server, session bus and notification server.
test: test-deps build vet
	LIMBER_BIN_DIR=$(CURDIR)/$(BIN) $(GO) test -count=1 ./...

clean:
	rm -rf $(BIN) test-artifacts dist

# ---------------------------------------------------------------------------
# Installing, packaging, cross-building and linting.

PREFIX   ?= /usr/local
DESTDIR  ?=
BINDIR    = $(PREFIX)/bin
DATADIR   = $(PREFIX)/share
APP_ID   := app.limber.Limber
ICON_SIZES := 16 22 24 32 48 64 128 256 512
INSTALL  ?= install

# The files install puts under $(DESTDIR)$(PREFIX); uninstall removes exactly
# these, and check-install checks install made no others.
INSTALLED_PROGRAMS := limber limber-ui
INSTALLED_DATA := \
	applications/$(APP_ID).desktop \
	metainfo/$(APP_ID).metainfo.xml \
	icons/hicolor/scalable/apps/$(APP_ID).svg \
	$(foreach s,$(ICON_SIZES),icons/hicolor/$(s)x$(s)/apps/$(APP_ID).png)
INSTALLED = $(addprefix $(BINDIR)/,$(INSTALLED_PROGRAMS)) $(addprefix $(DATADIR)/,$(INSTALLED_DATA))

# Installs both programs, the desktop entry, the AppStream metainfo and the
# icons (pre-rendered in packaging/icons; packaging/icons/render.sh redoes them).
#   sudo make install                      into /usr/local
#   make install DESTDIR=/tmp/root PREFIX=/usr
install: build
	$(INSTALL) -d '$(DESTDIR)$(BINDIR)'
	$(INSTALL) -m 0755 $(addprefix $(BIN)/,$(INSTALLED_PROGRAMS)) '$(DESTDIR)$(BINDIR)/'
	$(INSTALL) -D -m 0644 packaging/$(APP_ID).desktop '$(DESTDIR)$(DATADIR)/applications/$(APP_ID).desktop'
	$(INSTALL) -D -m 0644 packaging/$(APP_ID).metainfo.xml '$(DESTDIR)$(DATADIR)/metainfo/$(APP_ID).metainfo.xml'
	$(INSTALL) -D -m 0644 icons/src/app.svg '$(DESTDIR)$(DATADIR)/icons/hicolor/scalable/apps/$(APP_ID).svg'
	@for s in $(ICON_SIZES); do \
		echo "$(INSTALL) -D -m 0644 packaging/icons/$$s.png '$(DESTDIR)$(DATADIR)/icons/hicolor/$${s}x$$s/apps/$(APP_ID).png'"; \
		$(INSTALL) -D -m 0644 packaging/icons/$$s.png "$(DESTDIR)$(DATADIR)/icons/hicolor/$${s}x$$s/apps/$(APP_ID).png" || exit 1; \
	done
	@$(MAKE) --no-print-directory refresh-desktop-caches

uninstall:
	rm -f $(addprefix '$(DESTDIR),$(addsuffix ',$(INSTALLED)))
	@$(MAKE) --no-print-directory refresh-desktop-caches

# Only on a real install (no DESTDIR), and only where the tools exist: lets
# menus and icon themes see the change without logging out.
refresh-desktop-caches:
	@if [ -z '$(DESTDIR)' ]; then \
		if command -v gtk-update-icon-cache >/dev/null 2>&1; then gtk-update-icon-cache -q -t -f '$(DATADIR)/icons/hicolor' || true; fi; \
		if command -v update-desktop-database >/dev/null 2>&1; then update-desktop-database -q '$(DATADIR)/applications' || true; fi; \
	fi

# Installs into a scratch DESTDIR with PREFIX=/usr, checks the files are
# exactly those in INSTALLED, the programs are executable and the icons have
# their sizes, then uninstalls and checks nothing is left.
check-install: build
	@set -eu; root=$$(mktemp -d); lists=$$(mktemp -d); trap 'rm -rf "$$root" "$$lists"' EXIT; \
	$(MAKE) --no-print-directory -s install DESTDIR="$$root" PREFIX=/usr >/dev/null; \
	printf '%s\n' $(addprefix /usr/bin/,$(INSTALLED_PROGRAMS)) $(addprefix /usr/share/,$(INSTALLED_DATA)) | sort >"$$lists/want"; \
	(cd "$$root" && find . ! -type d | sed 's|^\.||' | sort) >"$$lists/got"; \
	if ! cmp -s "$$lists/want" "$$lists/got"; then \
		echo "check-install: installed files differ from INSTALLED (- expected, + installed):"; \
		diff -u "$$lists/want" "$$lists/got" | tail -n +3; exit 1; fi; \
	for f in $(addprefix /usr/bin/,$(INSTALLED_PROGRAMS)); do \
		[ -x "$$root$$f" ] || { echo "check-install: $$f is not executable"; exit 1; }; done; \
	desktop-file-validate "$$root/usr/share/applications/$(APP_ID).desktop"; \
	for s in $(ICON_SIZES); do \
		od -An -tu1 -j16 -N8 "$$root/usr/share/icons/hicolor/$${s}x$$s/apps/$(APP_ID).png" | \
		awk -v s=$$s '{ w = $$3*256 + $$4; h = $$7*256 + $$8; \
			if (w != s || h != s) { print "check-install: the " s "x" s " icon is " w "x" h; exit 1 } }'; \
	done; \
	$(MAKE) --no-print-directory -s uninstall DESTDIR="$$root" PREFIX=/usr >/dev/null; \
	left=$$(cd "$$root" && find . ! -type d); \
	if [ -n "$$left" ]; then echo "check-install: uninstall left files behind:"; echo "$$left"; exit 1; fi; \
	echo "check-install: $$(wc -l <"$$lists/want") files installed and uninstalled"

# The desktop entry and the AppStream metainfo, as software centres read them.
validate:
	desktop-file-validate packaging/$(APP_ID).desktop
	appstreamcli validate --no-net packaging/$(APP_ID).metainfo.xml

# A tarball of a DESTDIR install under usr/local, plus LICENSE, README.md and
# INSTALL.txt, for installing without make:
#   dist/limber-<version>-linux-<arch>.tar.xz
PKG_VERSION = $(patsubst v%,%,$(VERSION))
PKG_ARCH    = $(shell $(GO) env GOARCH 2>/dev/null || echo amd64)
PKG_NAME    = limber-$(PKG_VERSION)-linux-$(PKG_ARCH)
PKG_STAGE   = dist/$(PKG_NAME)
# Timestamps in the tarball come from the last commit, so a rebuild of the
# same commit gives the same tarball.
PKG_MTIME   = $(shell git log -1 --format=%cI 2>/dev/null || echo 2026-01-01T00:00:00Z)

package: build
	@command -v xz >/dev/null 2>&1 || { echo "make package needs xz: apt-get install xz-utils"; exit 1; }
	rm -rf '$(PKG_STAGE)' 'dist/$(PKG_NAME).tar.xz'
	$(MAKE) --no-print-directory install DESTDIR='$(CURDIR)/$(PKG_STAGE)' PREFIX=/usr/local
	$(INSTALL) -m 0644 LICENSE README.md packaging/INSTALL.txt '$(PKG_STAGE)/'
	tar -C dist --sort=name --owner=0 --group=0 --numeric-owner --mtime='$(PKG_MTIME)' \
		-cJf 'dist/$(PKG_NAME).tar.xz' '$(PKG_NAME)'
	rm -rf '$(PKG_STAGE)'
	@echo "dist/$(PKG_NAME).tar.xz: $$(tar -tJf 'dist/$(PKG_NAME).tar.xz' | grep -vc '/$$') files"

# Cross-builds both programs for 64-bit Windows into dist/windows. limber-ui
# needs cgo and so MinGW (apt-get install gcc-mingw-w64-x86-64).
WIN_CC   ?= x86_64-w64-mingw32-gcc
WIN_DIST := dist/windows

windows: $(WIN_DIST)/limber.exe $(WIN_DIST)/limber-ui.exe

$(WIN_DIST)/limber.exe: FORCE
	CGO_ENABLED=0 GOOS=windows GOARCH=amd64 $(GO) build -trimpath -ldflags '$(LDFLAGS)' -o $@ ./cmd/limber

$(WIN_DIST)/limber-ui.exe: FORCE
	@command -v $(WIN_CC) >/dev/null 2>&1 || { echo "make windows needs $(WIN_CC): apt-get install gcc-mingw-w64-x86-64"; exit 1; }
	CGO_ENABLED=1 CC=$(WIN_CC) GOOS=windows GOARCH=amd64 $(GO) build -trimpath -ldflags '$(LDFLAGS) -H=windowsgui' -o $@ ./cmd/limber-ui

# Static checks; `make -k lint` runs them all even when one fails. The tools
# run at pinned versions through `go run`, which leaves go.mod alone.
# staticcheck's settings are in staticcheck.conf.
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2
GOFUMPT     := mvdan.cc/gofumpt@v0.12.0
# govulncheck v1.9.0 needs a golang.org/x/telemetry version the module proxy
# does not serve here; v1.8.0 builds.
GOVULNCHECK := golang.org/x/vuln/cmd/govulncheck@v1.8.0
LINT_CROSS  := ./reminders/... ./exercises/...

lint: lint-vet lint-staticcheck lint-gofumpt lint-vuln lint-cross

lint-vet:
	$(GO) vet ./...

lint-staticcheck:
	$(GO) run $(STATICCHECK) ./...

lint-gofumpt:
	@out=$$($(GO) run $(GOFUMPT) -l .) || exit 1; \
	if [ -n "$$out" ]; then echo "gofumpt: not formatted (fix with: go run $(GOFUMPT) -w FILE):"; echo "$$out"; exit 1; fi

# Fails on a vulnerability the code reaches, or when govulncheck cannot run;
# when only the vulnerability database is out of reach (offline), it says so
# and passes. (`go run` turns every failing exit code into 1, so the output
# tells the cases apart.)
lint-vuln:
	@out=$$($(GO) run $(GOVULNCHECK) ./... 2>&1) && { echo "govulncheck: no vulnerabilities found"; exit 0; }; \
	if echo "$$out" | grep -q '^govulncheck: fetching vulnerabilities'; then \
		echo "govulncheck: skipped, database unreachable"; exit 0; fi; \
	echo "$$out"; exit 1

# The platform-independent packages must vet on macOS and Windows too.
lint-cross:
	CGO_ENABLED=0 GOOS=darwin $(GO) vet $(LINT_CROSS)
	CGO_ENABLED=0 GOOS=windows $(GO) vet $(LINT_CROSS)

test: validate check-install

# The idle footprint of the real limber (60 s idle under the test desktop,
# or LIMBER_BENCH_IDLE) and the engine's Go benchmarks. The footprint table
# is written to test-artifacts/BenchmarkIdleFootprint/footprint.md.
bench: test-deps build
	$(GO) test -run '^$$' -bench . -benchmem ./reminders/ ./exercises/
	LIMBER_BIN_DIR=$(CURDIR)/$(BIN) $(GO) test -run '^$$' -bench IdleFootprint -benchtime 1x -timeout 10m ./app/e2e/
