#!/usr/bin/env bash
# Installs what the portal benchmark (bench/portal.bench.ts) needs beyond scripts/setup.sh: Debian's
# nginx, which serves the disclosure page as a static file next to the portal, and wrk, the load tool
# both are measured with. The bench runs this when either is missing; the test suite does not need them.
# Idempotent and quiet: installs only what is missing. nginx is only installed, never started as a
# service: the bench runs its own instance, as the current user, from a temporary folder.
set -euo pipefail
APT_PACKAGES=(nginx wrk)
bash "$(dirname "$0")/apt-install.sh" "${APT_PACKAGES[@]}"
