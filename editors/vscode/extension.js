// GuideKit for VS Code: a language client for `guidekit lsp`, nothing else. The server does the
// work (docs/EDITORS.md); this file only starts it for Markdown and MDX files and tells it when
// .guidekit.yml, profiles or the baseline change.
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const command = vscode.workspace.getConfiguration("guidekit").get("path") || "guidekit";
  client = new LanguageClient(
    "guidekit",
    "GuideKit",
    { command, args: ["lsp"] },
    {
      documentSelector: [
        { scheme: "file", language: "markdown" },
        { scheme: "file", language: "mdx" },
      ],
      synchronize: {
        fileEvents: vscode.workspace.createFileSystemWatcher("**/{.guidekit.yml,*.yml,*.json}"),
      },
    }
  );
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
