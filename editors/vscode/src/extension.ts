// The VS Code side of isms: starts the `isms-lsp` language server for `.isms` files.
// Everything the editor shows (diagnostics, hover, completion, quick fixes, …) comes from
// the server; this file only finds it, starts it and restarts it when its settings change.

import * as vscode from "vscode";
import {
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  TransportKind,
} from "vscode-languageclient/node";

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  context.subscriptions.push(
    vscode.commands.registerCommand("isms.restartServer", () => restart(context)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration("isms.server.path") || e.affectsConfiguration("isms.today")) {
        void restart(context);
      }
    }),
  );
  await start(context);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

async function start(context: vscode.ExtensionContext): Promise<void> {
  const config = vscode.workspace.getConfiguration("isms");
  // An empty setting means `isms-lsp` on the PATH.
  const command = config.get<string>("server.path")?.trim() || "isms-lsp";
  const today = config.get<string>("today")?.trim();

  const serverOptions: ServerOptions = {
    run: { command, transport: TransportKind.stdio },
    debug: { command, transport: TransportKind.stdio },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: "file", language: "isms" },
      { scheme: "untitled", language: "isms" },
    ],
    // Files changed outside the editor (git checkout, another tool) are re-read.
    synchronize: {
      fileEvents: vscode.workspace.createFileSystemWatcher("**/*.isms"),
    },
    initializationOptions: today ? { today } : {},
  };

  client = new LanguageClient("isms", "isms language server", serverOptions, clientOptions);
  try {
    await client.start();
  } catch (err) {
    client = undefined;
    const message = err instanceof Error ? err.message : String(err);
    const choice = await vscode.window.showErrorMessage(
      `isms: cannot start the language server \`${command}\` (${message}). ` +
        "Install it with `cargo install --path lsp` or set `isms.server.path`.",
      "Open Settings",
    );
    if (choice === "Open Settings") {
      await vscode.commands.executeCommand("workbench.action.openSettings", "isms.server.path");
    }
  }
  if (client) {
    context.subscriptions.push(client);
  }
}

async function restart(context: vscode.ExtensionContext): Promise<void> {
  await deactivate();
  await start(context);
}
