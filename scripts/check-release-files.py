"""Checks a GoReleaser dist/ the way the Terraform and OpenTofu registries read a
release: one SHA256SUMS file listing every provider zip and the manifest with
the right sums, a manifest declaring plugin protocol 6.0, and in each zip the
executable named terraform-provider-<name>_v<version>, which is how the CLIs
find the provider once unpacked.

Usage: check-release-files.py DIST MANIFEST (MANIFEST is the repository's
terraform-registry-manifest.json, published beside the zips under the name the
SUMS file gives it).
"""

import glob
import hashlib
import json
import os
import re
import sys
import zipfile

PROVIDER = "terraform-provider-conference"


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def main(dist, manifest):
    errors = []
    (sums_path,) = glob.glob(os.path.join(dist, "*_SHA256SUMS"))
    prefix = os.path.basename(sums_path)[: -len("_SHA256SUMS")]
    m = re.fullmatch(re.escape(PROVIDER) + r"_([^_]+)", prefix)
    if not m:
        return [f"{sums_path}: not named {PROVIDER}_<version>_SHA256SUMS"]
    version = m.group(1)

    listed = {}
    with open(sums_path) as f:
        for line in f.read().splitlines():
            digest, _, name = line.partition("  ")
            listed[name] = digest

    manifest_name = f"{prefix}_manifest.json"
    if listed.get(manifest_name) != sha256(manifest):
        errors.append(f"{manifest_name} is missing from the SUMS file or its sum is not that of {manifest}")
    with open(manifest) as f:
        meta = json.load(f)
    if meta.get("version") != 1 or "6.0" not in meta.get("metadata", {}).get("protocol_versions", []):
        errors.append(f"{manifest} does not declare version 1 with protocol version 6.0")

    for name, digest in listed.items():
        path = os.path.join(dist, name)
        if name != manifest_name and (not os.path.exists(path) or sha256(path) != digest):
            errors.append(f"{name}: listed in the SUMS file but missing from {dist} or with another sum")

    zips = sorted(glob.glob(os.path.join(dist, f"{prefix}_*_*.zip")))
    if not zips:
        errors.append(f"no {prefix}_<os>_<arch>.zip in {dist}")
    binary = re.compile(re.escape(f"{PROVIDER}_v{version}") + r"(\.exe)?")
    for z in zips:
        name = os.path.basename(z)
        if name not in listed:
            errors.append(f"{name} is not listed in the SUMS file")
        entries = zipfile.ZipFile(z).namelist()
        if not any(binary.fullmatch(e) for e in entries):
            errors.append(f"{name} has no {PROVIDER}_v{version} executable (it has {entries})")

    if not errors:
        print(f"release files: {len(zips)} provider zip(s), the SUMS file and the manifest are as the registries read them")
    return errors


if __name__ == "__main__":
    problems = main(*sys.argv[1:])
    for p in problems:
        print("release-check: " + p, file=sys.stderr)
    sys.exit(1 if problems else 0)
