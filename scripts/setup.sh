#!/usr/bin/env bash
# Installs the system packages the project needs. Nothing yet beyond Node.js itself;
# later stages (PostgreSQL, Chromium, LibreOffice) add their packages here.
set -euo pipefail
node -e 'const [a,b]=process.versions.node.split(".").map(Number); if (a<20||(a===20&&b<19)) { console.error("需要 Node.js 20.19 或更新版本，当前为 "+process.versions.node); process.exit(1) }'
