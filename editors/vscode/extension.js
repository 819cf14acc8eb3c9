// The mijlpaal extension: starts `mijlpaal lsp` (the path is the setting
// `mijlpaal.path`) for .plan, .rules and .facts files, and shows
// `mijlpaal explain CODE` for the code links of its diagnostics
// (`mijlpaal-explain:C305`).
"use strict";

const vscode = require("vscode");
const { execFile } = require("child_process");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

let client;

function serverOptions() {
  const config = vscode.workspace.getConfiguration("mijlpaal");
  const command = config.get("path") || "mijlpaal";
  const args = [...(config.get("extraArgs") || []), "lsp"];
  return { command, args, transport: TransportKind.stdio };
}

async function start(context) {
  client = new LanguageClient(
    "mijlpaal",
    "mijlpaal",
    serverOptions(),
    {
      documentSelector: [
        { language: "mijlpaal-plan" },
        { language: "mijlpaal-rules" },
        { language: "mijlpaal-facts" },
      ],
    }
  );
  try {
    await client.start();
  } catch (e) {
    vscode.window.showErrorMessage(
      `mijlpaal: could not start \`${serverOptions().command} lsp\` (set mijlpaal.path): ${e.message || e}`
    );
  }
}

/** `mijlpaal explain CODE` as a read-only document. */
const explainProvider = {
  provideTextDocumentContent(uri) {
    const code = uri.path.replace(/[^A-Za-z0-9-]/g, "");
    const command = vscode.workspace.getConfiguration("mijlpaal").get("path") || "mijlpaal";
    return new Promise((resolve) => {
      execFile(command, ["explain", code], { timeout: 10000 }, (err, stdout, stderr) => {
        resolve(err && !stdout ? `mijlpaal explain ${code}: ${stderr || err.message}` : stdout);
      });
    });
  },
};

async function activate(context) {
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider("mijlpaal-explain", explainProvider),
    vscode.commands.registerCommand("mijlpaal.restartServer", async () => {
      if (client) {
        await client.stop();
      }
      await start(context);
    }),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (e.affectsConfiguration("mijlpaal.path") || e.affectsConfiguration("mijlpaal.extraArgs")) {
        await vscode.commands.executeCommand("mijlpaal.restartServer");
      }
    })
  );
  await start(context);
}

async function deactivate() {
  if (client) {
    await client.stop();
  }
}

module.exports = { activate, deactivate };
