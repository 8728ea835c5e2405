#!/usr/bin/env bash
# Installs the system packages the project needs: Node.js is checked; LibreOffice, poppler and CJK fonts
# are installed for the workbook tests, PostgreSQL and Chromium for the store and browser tests.
set -euo pipefail
node -e 'const [a,b]=process.versions.node.split(".").map(Number); if (a<20||(a===20&&b<19)) { console.error("需要 Node.js 20.19 或更新版本，当前为 "+process.versions.node); process.exit(1) }'

# LibreOffice Calc and Writer (headless, no GUI) convert the published workbook and the Word document
# to PDF in tests, pdftoppm
# (poppler-utils) renders a page to PNG, and fonts-noto-cjk gives both the Chinese glyphs.
# postgresql: the store's tests start their own throwaway server from its binaries
# (/usr/lib/postgresql/*/bin, test/support/postgres.ts); the Debian cluster is not started.
# chromium: the browser tests (Playwright drives Debian's Chromium).
# Idempotent and quiet: installs only what is missing.
APT_PACKAGES=(libreoffice-calc-nogui libreoffice-writer-nogui poppler-utils fonts-noto-cjk postgresql chromium)
bash "$(dirname "$0")/apt-install.sh" "${APT_PACKAGES[@]}"
