#!/usr/bin/env bash
# Install everything the project needs, idempotently: the Python environment (.venv) with
# the package and its test tools, and the Debian packages the tests drive (a browser for
# the site tests, Java and Apache Jena for the SHACL cross-check).
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf 'setup: %s\n' "$*" >&2; }

# Debian packages, only those missing (apt-get needs root, which CI and sessions have).
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
# A JDK, not only a JRE: the W3C suite runs through Jena in one JVM with Java's source launcher
# (checker/judge/engines/java/JenaShaclBatch.java), which needs the compiler.
command -v javac >/dev/null 2>&1 || need+=(default-jdk-headless)
# Jena's `shacl` command is in jena-cmds, its engine in jena-shacl (checker/judge/engines/jena.py runs them).
[ -f /usr/share/java/jena-cmds.jar ] && [ -f /usr/share/java/jena-shacl.jar ] || need+=(libapache-jena-java)
if [ ${#need[@]} -gt 0 ]; then
  if command -v apt-get >/dev/null 2>&1; then
    log "installing Debian packages: ${need[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  else
    log "warning: cannot install ${need[*]} (no apt-get); the tests that need them will fail"
  fi
fi

# The Python environment.
if [ ! -x .venv/bin/python ]; then
  log "creating .venv"
  python3 -m venv .venv
fi
log "installing the package and its test tools into .venv"
.venv/bin/pip install -q --disable-pip-version-check -c constraints.txt -e '.[test]' 2>&1 \
  | grep -v -e 'is ignored' -e '^$' >&2 || true
.venv/bin/python -c 'import checker.cli, rdflib, pyshacl, yaml' \
  || { log "the Python environment is broken"; exit 1; }

# Front-end test tools (axe-core for the accessibility scan), when the tests have them.
if [ -f tests/js/package.json ]; then
  (cd tests/js && npm ci --silent --no-audit --no-fund >/dev/null)
fi
log "ready"
