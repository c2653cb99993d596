# The two commands that matter: `make demo` and `make test`. Everything they need
# is built from the Go module proxy into bin/ (ignored by git) on first use.
SHELL := /bin/bash
ROOT  := $(abspath .)
BIN   := $(ROOT)/bin
TOFU  := $(BIN)/tofu
TERRAFORM := $(BIN)/terraform
# The newest Terraform, built from the module proxy by a script (go install
# cannot build it): tools/terraform-latest/build.sh.
TERRAFORM_LATEST := $(BIN)/terraform-1.15
TFPLUGINDOCS := $(BIN)/tfplugindocs
GOLANGCI := $(BIN)/golangci-lint
GORELEASER := $(BIN)/goreleaser
ACTIONLINT := $(BIN)/actionlint
VERSION ?= 0.1.0-dev
GOFLAGS_LD := -ldflags "-X main.version=$(VERSION)"

# terraform-plugin-testing needs the CLI's absolute path, and the registry host
# and namespace that the CLI resolves provider "conference" to.
export TF_ACC_PROVIDER_NAMESPACE := hashicorp
TOFU_ENV := TF_ACC=1 TF_ACC_TERRAFORM_PATH=$(TOFU) TF_ACC_PROVIDER_HOST=registry.opentofu.org
TERRAFORM_ENV := TF_ACC=1 TF_ACC_TERRAFORM_PATH=$(TERRAFORM) TF_ACC_PROVIDER_HOST=registry.terraform.io
TERRAFORM_LATEST_ENV := TF_ACC=1 TF_ACC_TERRAFORM_PATH=$(TERRAFORM_LATEST) TF_ACC_PROVIDER_HOST=registry.terraform.io
ACC_PACKAGES := ./internal/resources/... ./internal/datasources/... ./internal/provider/... ./cmd/conference-export/...
# The environment may point TF_CLI_CONFIG_FILE at a missing file, which makes the
# CLI print a warning that breaks version parsing: use an empty one of our own.
export TF_CLI_CONFIG_FILE := $(ROOT)/.tmp/empty.tfrc
export CHECKPOINT_DISABLE := 1

GO_TEST_FLAGS ?= -count=1 -timeout 45m

.PHONY: all build tools test test-tofu test-terraform test-terraform-latest unit testacc demo docs docs-check examples lint fmt release-check registry-check actionlint bench bench-e2e bench-load fuzz clean

all: build

build:
	go build $(GOFLAGS_LD) -o $(BIN)/terraform-provider-conference .
	go build -o $(BIN)/conference-emulator ./cmd/conference-emulator
	go build $(GOFLAGS_LD) -o $(BIN)/conference-export ./cmd/conference-export

$(TOFU): tools/go.mod tools/go.sum
	cd tools && go build -o $(TOFU) github.com/opentofu/opentofu/cmd/tofu

$(TFPLUGINDOCS): tools/go.mod tools/go.sum
	cd tools && go build -o $(TFPLUGINDOCS) github.com/hashicorp/terraform-plugin-docs/cmd/tfplugindocs

$(GOLANGCI): tools/golangci/go.mod tools/golangci/go.sum
	cd tools/golangci && go build -o $(GOLANGCI) github.com/golangci/golangci-lint/v2/cmd/golangci-lint

$(TERRAFORM): tools/terraform/go.mod tools/terraform/go.sum
	cd tools/terraform && go build -o $(TERRAFORM) github.com/hashicorp/terraform

$(TERRAFORM_LATEST): tools/terraform-latest/build.sh
	./tools/terraform-latest/build.sh $@

$(GORELEASER): tools/goreleaser/go.mod tools/goreleaser/go.sum
	cd tools/goreleaser && go build -o $(GORELEASER) github.com/goreleaser/goreleaser/v2

$(ACTIONLINT): tools/actionlint/go.mod tools/actionlint/go.sum
	cd tools/actionlint && go build -o $(ACTIONLINT) github.com/rhysd/actionlint/cmd/actionlint

tools: $(TOFU) $(TERRAFORM) $(TERRAFORM_LATEST) $(TFPLUGINDOCS) $(GOLANGCI) $(GORELEASER) $(ACTIONLINT)

$(ROOT)/.tmp/empty.tfrc:
	@mkdir -p $(ROOT)/.tmp && : > $@

# Every test: unit, emulator and acceptance tests against OpenTofu with the race
# detector, then the acceptance tests again against Terraform v1.5.7 and
# Terraform v1.15.9 (without the race detector: the provider's code is the
# same, only the CLI differs).
test: test-tofu test-terraform test-terraform-latest

test-tofu: $(TOFU) $(ROOT)/.tmp/empty.tfrc
	$(TOFU_ENV) go test -race $(GO_TEST_FLAGS) ./...

test-terraform: $(TERRAFORM) $(ROOT)/.tmp/empty.tfrc
	$(TERRAFORM_ENV) go test $(GO_TEST_FLAGS) $(ACC_PACKAGES)

# Resource identity (import blocks with identity) and list resources
# (terraform query) need Terraform 1.12 and 1.14: their tests run here and
# are skipped by the older CLI.
test-terraform-latest: $(TERRAFORM_LATEST) $(ROOT)/.tmp/empty.tfrc
	$(TERRAFORM_LATEST_ENV) go test $(GO_TEST_FLAGS) $(ACC_PACKAGES)

# Unit and emulator tests only: no CLI needed.
unit:
	go test -race -count=1 ./...

testacc: test-tofu

demo: build $(TOFU) $(ROOT)/.tmp/empty.tfrc
	./scripts/demo.sh

docs: $(TFPLUGINDOCS) $(TERRAFORM_LATEST) $(ROOT)/.tmp/empty.tfrc
	./scripts/docs.sh

# Every example validates against the schema and is formatted.
examples: build $(TOFU)
	./scripts/validate-examples.sh

docs-check: docs
	@git diff --exit-code -- docs/ || { echo "docs/ is stale: run 'make docs' and commit the result" >&2; exit 1; }
	@test -z "$$(git status --porcelain -- docs/)" || { echo "docs/ has files not committed: run 'make docs' and commit them" >&2; git status --porcelain -- docs/; exit 1; }

# The linters and formatters of .golangci.yml; govet and gofmt run inside it.
lint: $(GOLANGCI)
	$(GOLANGCI) run ./...

# Rewrites files the way `make lint` wants them formatted (gofmt, import groups).
fmt: $(GOLANGCI)
	$(GOLANGCI) fmt ./...

# What a version tag would publish, built offline: .goreleaser.yml checked, then a
# snapshot release (nothing signed, nothing published) into dist/, listed.
release-check: $(GORELEASER)
	./scripts/release-check.sh

# A release installed the way a user installs it (scripts/registry-check.sh):
# release-check's snapshot, signed with a key made for the run, served by a
# local provider registry over HTTPS, installed by `init` of every CLI below
# (checksums and signature checked) and run: apply of examples/demo against the
# released emulator, an empty second plan, destroy, a lock file for every
# platform, an install from a filesystem mirror; and init refusing a tampered
# zip or SUMS file and a wrong key. It runs release-check's steps itself.
REGISTRY_CHECK_CLIS ?= $(TOFU) $(TERRAFORM) $(TERRAFORM_LATEST)
registry-check: $(GORELEASER) $(TOFU) $(TERRAFORM) $(TERRAFORM_LATEST)
	REGISTRY_CHECK_CLIS="$(REGISTRY_CHECK_CLIS)" ./scripts/registry-check.sh

# The GitHub workflows (.github/workflows) checked for syntax, expressions and
# shell (shellcheck when it is installed).
actionlint: $(ACTIONLINT)
	$(ACTIONLINT)

bench:
	./bench/run.sh

# The emulator under load: 64 clients on every platform, requests/s, p50/p99,
# and no object lost or duplicated (bench/load.sh).
bench-load:
	./bench/load.sh

# Every fuzz target (the platforms' request decoders, the OData parser, the
# Retry-After parser) for FUZZTIME each; their seed corpora run in `make test`.
FUZZTIME ?= 10s
fuzz:
	FUZZTIME=$(FUZZTIME) ./scripts/fuzz.sh

# End to end: apply, no-op plan and destroy of N instances of each managed type
# against the emulator, beside its do-nothing floors (bench/README.md).
N ?= 500
ROUNDS ?= 3
TYPES ?=
bench-e2e: $(TOFU)
	N=$(N) ROUNDS=$(ROUNDS) TYPES="$(TYPES)" ./bench/e2e.sh

clean:
	rm -rf $(BIN) $(ROOT)/.tmp
