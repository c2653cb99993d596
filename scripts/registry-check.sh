#!/usr/bin/env bash
# make registry-check: a release installed the way a user installs it. A key
# made for this run signs a snapshot release built from .goreleaser.yml (the
# release's own configuration: only the key differs, see release-check.sh), the
# files are checked by hand the way the install guide says (gpg --verify,
# sha256sum -c), and then internal/registrycheck serves them from a provider
# registry over HTTPS on loopback and runs every CLI against it with an
# ordinary CLI configuration (no dev_overrides): init (which checks the
# checksums and the signature), apply of examples/demo against the released
# conference-emulator, the empty second plan, destroy, a lock file with the
# hashes of every platform of the release, and an install from a filesystem
# mirror made by `providers mirror`. It also shows that init refuses a
# tampered zip, a key that did not sign the SUMS file and a manifest with the
# wrong protocol versions.
#
# REGISTRY_CHECK_CLIS: the CLIs to run (default: bin/tofu, bin/terraform and
# bin/terraform-1.15 when it exists). RELEASE_CHECK_FULL=1 builds every
# platform of the release (see release-check.sh), and the lock file then has
# the hashes of the whole matrix. By default the snapshot is the host's target
# alone: each other target took 70 s (49 s of CPU) to cross-compile on the
# busy 2-core machine, and 18 of them are more than CI can afford.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

fail() { echo "registry-check: $*" >&2; exit 1; }
command -v gpg >/dev/null || fail "gpg is needed to sign the release as GoReleaser does (apt-get install gnupg)"

work=$root/.tmp/registry-check
rm -rf "$work" && mkdir -p "$work"
# gpg-agent's socket lives in GNUPGHOME, whose path must be short: not under
# the clone, which may be deep.
GNUPGHOME=$(mktemp -d "${TMPDIR:-/tmp}/regcheck-gpg.XXXXXX")
export GNUPGHOME
trap 'gpgconf --kill gpg-agent 2>/dev/null || true; rm -rf "$GNUPGHOME"' EXIT

# RSA: the Terraform Registry accepts RSA and DSA keys only, so the check signs
# with the kind of key a release is signed with. No passphrase, a day's life.
newkey() {
  gpg --batch --quiet --pinentry-mode loopback --passphrase '' \
    --quick-generate-key "$1 <registry-check@example.invalid>" rsa3072 sign 1d
  gpg --batch --with-colons --list-keys "$1" | awk -F: '$1 == "fpr" { print $10; exit }'
}
fpr=$(newkey "conference registry-check")
wrong=$(newkey "conference registry-check (a key that signs nothing)")
[[ -n $fpr && -n $wrong ]] || fail "gpg made no key"
gpg --batch --armor --export "$fpr" >"$work/key.asc"
gpg --batch --armor --export "$wrong" >"$work/wrong-key.asc"
echo "registry-check: signing with the throwaway key $fpr"

RELEASE_CHECK_SIGN=1 GPG_FINGERPRINT=$fpr ./scripts/release-check.sh

# By hand, as the install guide tells a user to check a release: the signature
# of the SUMS file with the publisher's key alone, then the zips' checksums.
sums=$(ls dist/terraform-provider-conference_*_SHA256SUMS)
echo "== gpg --verify $(basename "$sums").sig (a keyring holding the published key only) =="
mkdir -m 700 "$work/verify-home"
gpg --homedir "$work/verify-home" --batch --quiet --import "$work/key.asc"
gpg --homedir "$work/verify-home" --batch --verify "$sums.sig" "$sums"
gpgconf --homedir "$work/verify-home" --kill gpg-agent 2>/dev/null || true
echo "== sha256sum -c --ignore-missing $(basename "$sums") =="
(cd dist && sha256sum -c --ignore-missing "$(basename "$sums")")

clis=${REGISTRY_CHECK_CLIS:-}
if [[ -z $clis ]]; then
  for c in bin/tofu bin/terraform bin/terraform-1.15; do
    [[ -x $c ]] && clis+=" $root/$c"
  done
fi
echo "== init, apply, plan, destroy, lock and mirror install with:$clis =="
REGISTRY_CHECK_DIST=$root/dist \
  REGISTRY_CHECK_MANIFEST=$root/terraform-registry-manifest.json \
  REGISTRY_CHECK_KEY=$work/key.asc \
  REGISTRY_CHECK_KEY_ID=${fpr: -16} \
  REGISTRY_CHECK_WRONG_KEY=$work/wrong-key.asc \
  REGISTRY_CHECK_CLIS=$clis \
  go test -count=1 -timeout 30m -v -run 'TestRegistry' ./internal/registrycheck/
