"""Symbols, semantic tokens, folding, inlay hints, code actions and formatting."""

from lsprotocol import types

from conftest import codes, open_file, wait_for


def doc(client, name):
    return types.TextDocumentIdentifier(uri=client.ws.uri(name))


async def test_document_symbols(client):
    result = await client.text_document_document_symbol_async(
        types.DocumentSymbolParams(text_document=doc(client, "risks.isms"))
    )
    (risk,) = result
    assert risk.name == "R-1" and risk.detail == "Stolen admin credentials"
    assert [c.name for c in risk.children] == ["treatment mitigate"]
    result = await client.text_document_document_symbol_async(
        types.DocumentSymbolParams(text_document=doc(client, "isms.isms"))
    )
    assert [s.name for s in result] == ["iso27001:2022", "acme", "scope", "methodology"]


async def test_workspace_symbols(client):
    result = await client.workspace_symbol_async(types.WorkspaceSymbolParams(query="ali"))
    assert [(s.name, s.location.uri.rsplit("/", 1)[1]) for s in result] == [
        ("alice", "people.isms")
    ]
    result = await client.workspace_symbol_async(types.WorkspaceSymbolParams(query="privileged"))
    assert [s.name for s in result] == ["acme-pam"]


async def test_semantic_tokens(client):
    result = await client.text_document_semantic_tokens_full_async(
        types.SemanticTokensParams(text_document=doc(client, "people.isms"))
    )
    data = result.data
    assert len(data) % 5 == 0 and len(data) >= 5 * 8
    # Decode to (line, column, length, type) and look at the person line.
    tokens, line, col = [], 0, 0
    for i in range(0, len(data), 5):
        dl, dc, length, kind, _ = data[i : i + 5]
        line += dl
        col = col + dc if dl == 0 else dc
        tokens.append((line, col, length, kind))
    person_line = [t for t in tokens if t[0] == 3]
    # person(keyword) alice(declared) "…"(string) {roles(property) ciso(reference)
    assert [t[3] for t in person_line] == [0, 2, 5, 1, 3]
    # The string holds an umlaut and an emoji: 16 UTF-16 units with its quotes.
    assert person_line[2][2] == len('"Alice Müller 😀"'.encode("utf-16-le")) // 2


async def test_folding_ranges(client):
    result = await client.text_document_folding_range_async(
        types.FoldingRangeParams(text_document=doc(client, "risks.isms"))
    )
    spans = sorted((r.start_line, r.end_line) for r in result)
    assert (1, 12) in spans  # the risk's block, up to the line before its `}`
    assert (7, 11) in spans  # the treatment


async def test_inlay_hints_show_score_and_level(client):
    result = await client.text_document_inlay_hint_async(
        types.InlayHintParams(
            text_document=doc(client, "risks.isms"),
            range=types.Range(start=types.Position(line=0, character=0), end=types.Position(line=20, character=0)),
        )
    )
    labels = {(h.position.line, h.label) for h in result}
    assert (4, "= 9 high") in labels
    assert (9, "= 3 medium") in labels


async def actions_at(client, name, needle):
    ws = client.ws
    pos = ws.position(name, needle)
    await wait_for(lambda: codes(client, name), what=f"diagnostics of {name}")
    return await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=doc(client, name),
            range=types.Range(start=pos, end=pos),
            context=types.CodeActionContext(diagnostics=[]),
        )
    )


def apply(text, edits):
    """Apply LSP edits (UTF-16 positions) to a text."""
    lines = text.split("\n")

    def offset(p):
        before = sum(len(l) + 1 for l in lines[: p.line])
        line = lines[p.line] if p.line < len(lines) else ""
        units = line.encode("utf-16-le")[: 2 * p.character].decode("utf-16-le")
        return before + len(units)

    for e in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        text = text[: offset(e.range.start)] + e.new_text + text[offset(e.range.end) :]
    return text


async def test_did_you_mean_fixes(client):
    result = await actions_at(client, "controls.isms", "implemnted")
    (fix,) = [a for a in result if a.title == "Replace with `implemented`"]
    assert fix.is_preferred
    (edits,) = fix.edit.changes.values()
    assert "status implemented" in apply(client.ws.text("controls.isms"), edits)
    result = await actions_at(client, "assets.isms", "alicee")
    assert [a.title for a in result] == ["Replace with `alice`"]


async def test_add_exclusions_for_unaddressed_controls(client):
    result = await actions_at(client, "isms.isms", "use iso27001")
    (action,) = [a for a in result if a.title.startswith("Add ")]
    assert action.title == "Add 91 exclusions with a reason to fill in"
    ((uri, edits),) = action.edit.changes.items()
    assert uri == client.ws.uri("exclusions.isms")  # beside the existing exclusion
    text = apply(client.ws.text("exclusions.isms"), edits)
    assert 'exclude A.5.1 because ""\n' in text  # the reason is a person's to write
    assert not action.is_preferred
    assert text.count("exclude ") == 92
    # Applied, the workspace has no `soa/unaddressed` left.
    open_file(client, "exclusions.isms")
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )
    await wait_for(lambda: "soa/unaddressed" not in codes(client, "isms.isms"), what="addressed")


async def test_add_owner(client):
    result = await actions_at(client, "controls.isms", "acme-pam")
    titles = [a.title for a in result]
    assert titles == ["Add `owner ciso`", "Add `owner alice`"]
    (edits,) = result[0].edit.changes.values()
    text = apply(client.ws.text("controls.isms"), edits)
    assert 'control acme-pam "Privileged access management" {\n  owner ciso\n  status planned\n}' in text


async def test_misspelt_owner_field_is_renamed_not_doubled(client):
    ws = client.ws
    text = ws.text("controls.isms").replace("status planned\n}", "status planned\n  ownr ciso\n}")
    (ws.root / "controls.isms").write_text(text, encoding="utf-8")
    open_file(client, "controls.isms")
    await wait_for(lambda: "field/unknown" in codes(client, "controls.isms"), what="the typo")
    result = await actions_at(client, "controls.isms", "ownr")
    (fix,) = result
    assert fix.title == "Replace with `owner`" and fix.is_preferred
    (edits,) = fix.edit.changes.values()
    assert "  owner ciso\n}" in apply(text, edits)
    # The declaration's missing-owner diagnostic offers no second owner line.
    result = await actions_at(client, "controls.isms", "acme-pam")
    assert [a.title for a in result] == []


async def test_formatting(client):
    ws = client.ws
    open_file(client, "exclusions.isms")
    messy = 'role   ciso2   "Deputy"\n'
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=ws.uri("exclusions.isms"), version=2),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=messy)],
        )
    )
    edits = await client.text_document_formatting_async(
        types.DocumentFormattingParams(
            text_document=doc(client, "exclusions.isms"),
            options=types.FormattingOptions(tab_size=2, insert_spaces=True),
        )
    )
    assert apply(messy, edits) == 'role ciso2 "Deputy"\n'
