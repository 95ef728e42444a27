"""Every kind of declaration is in the outline, hover, completion and semantic tokens.

The server reads all of these from the compiler's one definition of each kind, so each
lifecycle kind (the ones the server once missed) and `interested_party` get the same
treatment as a risk.
The declarations are in `../fixtures/kinds/`, a workspace of its own so that the
other tests' expectations (every reference of a role, …) stay about theirs.
"""

import os
import shutil
import tempfile
import pathlib

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

from conftest import HERE, SERVER, Workspace, start
from test_completion import complete_at_end

FIXTURE = HERE.parent / "fixtures" / "kinds"

FILE = "lifecycle.isms"

# keyword, declared name, title, a field of its schema (written or not), one it lacks
KINDS = [
    ("objective", "obj-mfa", "MFA everywhere", "target", "risks"),
    ("metric", "met-mfa", "Admin accounts with MFA", "measured", "action"),
    ("training", "trn-aware", "Security awareness", "audience", "completion"),
    ("programme", "prg-audit", "Internal audit programme", "interval", "description"),
    ("audit", "aud-2026", "Internal audit 2026", "auditor", "summary"),
    ("management_review", "mr-2026", "Management review 2026", "attendees", "decision"),
    ("incident", "inc-1", "Phishing mail", "severity", "lessons"),
    ("nonconformity", "nc-1", "Missing MFA on one admin account", "root_cause", "verified"),
    # The kind added after the registry: nothing in the server names it but its icon.
    ("interested_party", "regulator", "Data protection authority", "needs", "requirements"),
]


@pytest_lsp.fixture(
    config=ClientServerConfig(
        server_command=[SERVER], server_env={**os.environ, "ISMS_LSP_TEST_PANIC": "1"}
    ),
)
async def client(lsp_client: LanguageClient):
    root = pathlib.Path(tempfile.mkdtemp(prefix="isms-lsp-kinds-"))
    shutil.copytree(FIXTURE, root, dirs_exist_ok=True)
    ws = Workspace(root.resolve())
    lsp_client.ws = ws
    await start(lsp_client, ws)
    yield
    await lsp_client.shutdown_session()
    shutil.rmtree(ws.root, ignore_errors=True)


def doc(client):
    return types.TextDocumentIdentifier(uri=client.ws.uri(FILE))


async def test_every_lifecycle_kind_is_in_the_outline(client):
    result = await client.text_document_document_symbol_async(
        types.DocumentSymbolParams(text_document=doc(client))
    )
    lifecycle = result[: len(KINDS)]
    assert [(s.name, s.detail) for s in lifecycle] == [(n, t) for _, n, t, _, _ in KINDS]
    # Each kind has its own symbol kind.
    assert len({s.kind for s in lifecycle}) == len(KINDS)


async def test_every_lifecycle_kind_is_in_the_workspace_symbols(client):
    for _, name, _, _, _ in KINDS:
        result = await client.workspace_symbol_async(types.WorkspaceSymbolParams(query=name))
        assert name in [s.name for s in result], name


@pytest.mark.parametrize("keyword,name,title,field,_", KINDS)
async def test_hover_on_the_name_shows_the_summary(client, keyword, name, title, field, _):
    pos = client.ws.position(FILE, f"{keyword} {name}", offset=len(keyword) + 2)
    result = await client.text_document_hover_async(
        types.HoverParams(text_document=doc(client), position=pos)
    )
    text = result.contents.value
    assert text.startswith(f"{keyword} **{name}** — {title}"), text
    # What the kind declares, from its definition, and its written fields.
    assert "_" in text.split("\n\n")[1]
    assert f"- {field}:" in text, text


@pytest.mark.parametrize("keyword,name,title,field,missing", KINDS)
async def test_field_completion_offers_the_kinds_fields(
    client, keyword, name, title, field, missing
):
    items = await complete_at_end(client, FILE, f'\n{keyword} new-one "New" {{\n  ')
    assert {field, missing} <= set(items), sorted(items)
    assert items[field].detail


async def test_keyword_completion_offers_every_kind(client):
    items = await complete_at_end(client, FILE, "\n")
    assert {k for k, _, _, _, _ in KINDS} <= set(items)
    assert all(items[k].detail for k, _, _, _, _ in KINDS)


async def test_semantic_tokens_cover_keyword_and_name(client):
    result = await client.text_document_semantic_tokens_full_async(
        types.SemanticTokensParams(text_document=doc(client))
    )
    data = result.data
    tokens, line, col = set(), 0, 0
    for i in range(0, len(data), 5):
        dl, dc, length, kind, _ = data[i : i + 5]
        line += dl
        col = col + dc if dl == 0 else dc
        tokens.add((line, col, length, kind))
    for keyword, name, _, _, _ in KINDS:
        pos = client.ws.position(FILE, f"{keyword} {name}")
        assert (pos.line, 0, len(keyword), 0) in tokens, keyword  # keyword
        assert (pos.line, len(keyword) + 1, len(name), 2) in tokens, name  # declared name
