#!/usr/bin/env bash
# Packages the extension as mijlpaal-VERSION.vsix with @vscode/vsce (needs
# the npm registry once, for the dependencies). Install it with
#   code --install-extension editors/vscode/mijlpaal-*.vsix
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
if [ ! -d node_modules/vscode-languageclient ]; then
  npm ci --no-audit --no-fund
fi
node_modules/.bin/vsce package --allow-missing-repository --skip-license
