#!/bin/sh
# Install Debian's PostgreSQL server binaries for the test suite, which starts its own
# throwaway cluster (tests/pg.py). Does nothing when initdb is already there.
set -eu

if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    echo "postgresql: $(ls -d /usr/lib/postgresql/*/bin/initdb | tail -n 1) already installed"
    exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends postgresql >/dev/null
ls -d /usr/lib/postgresql/*/bin/initdb
