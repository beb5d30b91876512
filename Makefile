# Limber — see README.md.
GO       ?= go
BIN      := bin
VERSION  ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS  := -s -w -X main.version=$(VERSION)

.PHONY: all build run test deps test-deps vet clean

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
	rm -rf $(BIN) test-artifacts
