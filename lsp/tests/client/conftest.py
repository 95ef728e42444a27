"""A real LSP client (pytest-lsp) driving the `isms-lsp` binary over stdio.

Each test gets a fresh server and a fresh copy of `../fixtures/workspace`, a small project
with deliberate mistakes. The binary is `$ISMS_LSP`, or `target/debug/isms-lsp` of the
repository.
"""

import asyncio
import os
import pathlib
import shutil
import tempfile

import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

HERE = pathlib.Path(__file__).resolve().parent
REPO = HERE.parents[2]
FIXTURE = HERE.parent / "fixtures" / "workspace"
SERVER = os.environ.get("ISMS_LSP", str(REPO / "target" / "debug" / "isms-lsp"))
TODAY = "2026-11-23"


class Workspace:
    """The copied fixture: paths, URIs and file contents."""

    def __init__(self, root: pathlib.Path):
        self.root = root

    def uri(self, name: str) -> str:
        return (self.root / name).as_uri()

    def text(self, name: str) -> str:
        return (self.root / name).read_text(encoding="utf-8")

    def position(self, name: str, needle: str, offset: int = 0, nth: int = 0) -> types.Position:
        """The LSP position (UTF-16 columns) of `needle` in a file, plus `offset` characters."""
        text = self.text(name)
        at = -1
        for _ in range(nth + 1):
            at = text.index(needle, at + 1)
        at += offset
        line = text.count("\n", 0, at)
        line_start = text.rfind("\n", 0, at) + 1
        column = len(text[line_start:at].encode("utf-16-le")) // 2
        return types.Position(line=line, character=column)


def workspace_copy() -> Workspace:
    root = pathlib.Path(tempfile.mkdtemp(prefix="isms-lsp-test-"))
    shutil.copytree(FIXTURE, root, dirs_exist_ok=True)
    return Workspace(root.resolve())


async def start(client: LanguageClient, ws: Workspace) -> None:
    await client.initialize_session(
        types.InitializeParams(
            capabilities=types.ClientCapabilities(
                text_document=types.TextDocumentClientCapabilities(
                    publish_diagnostics=types.PublishDiagnosticsClientCapabilities(
                        related_information=True,
                        code_description_support=True,
                    )
                ),
                workspace=types.WorkspaceClientCapabilities(workspace_folders=True),
            ),
            workspace_folders=[types.WorkspaceFolder(uri=ws.root.as_uri(), name="fixture")],
            initialization_options={"today": TODAY, "debounceMs": 20},
        )
    )


@pytest_lsp.fixture(
    config=ClientServerConfig(
        server_command=[SERVER], server_env={**os.environ, "ISMS_LSP_TEST_PANIC": "1"}
    ),
)
async def client(lsp_client: LanguageClient):
    ws = workspace_copy()
    lsp_client.ws = ws
    await start(lsp_client, ws)
    yield
    await lsp_client.shutdown_session()
    shutil.rmtree(ws.root, ignore_errors=True)


async def wait_for(predicate, timeout: float = 20.0, what: str = "condition"):
    """Poll until `predicate()` is true (the server answers asynchronously)."""
    deadline = asyncio.get_running_loop().time() + timeout
    while not predicate():
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.02)


def open_file(client: LanguageClient, name: str) -> None:
    ws = client.ws
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(
                uri=ws.uri(name), language_id="isms", version=1, text=ws.text(name)
            )
        )
    )


def codes(client: LanguageClient, name: str) -> list[str]:
    return sorted(d.code for d in client.diagnostics.get(client.ws.uri(name), []))
