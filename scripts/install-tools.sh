#!/usr/bin/env bash
# Tools the tests call that live outside the workspaces. The Microsoft 365 Agents Toolkit CLI is
# installed without its install scripts (they build a keychain module the validator never uses).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x tools/atk/node_modules/.bin/atk ]; then
  npm ci --prefix tools/atk --ignore-scripts --no-audit --no-fund --loglevel=error
fi
