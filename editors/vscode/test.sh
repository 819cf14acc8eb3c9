#!/usr/bin/env bash
# Tests the TextMate grammars with vscode-tmgrammar-test: each test/*.test.*
# file is a sample whose comment lines assert the scopes of the line above.
# Installs the dev dependencies first if they are not there (npm, once).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
if [ ! -x node_modules/.bin/vscode-tmgrammar-test ]; then
  npm ci --no-audit --no-fund
fi
node_modules/.bin/vscode-tmgrammar-test \
  -g syntaxes/mijlpaal.tmLanguage.json \
  -g syntaxes/mijlpaal-plan.tmLanguage.json \
  -g syntaxes/mijlpaal-rules.tmLanguage.json \
  -g syntaxes/mijlpaal-facts.tmLanguage.json \
  'test/*.test.*'
