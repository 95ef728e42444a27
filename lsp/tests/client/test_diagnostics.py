"""Diagnostics: the whole workspace on start, cross-file updates, codes and links."""

from lsprotocol import types

from conftest import codes, open_file, wait_for


async def test_whole_workspace_is_checked_on_start(client):
    ws = client.ws
    # Files that were never opened get their diagnostics too.
    await wait_for(lambda: ws.uri("assets.isms") in client.diagnostics, what="diagnostics")
    await wait_for(lambda: ws.uri("people.isms") in client.diagnostics, what="clean file")
    assert codes(client, "assets.isms") == ["ref/unknown"]
    assert codes(client, "controls.isms") == ["control/missing-owner", "value/invalid"]
    assert codes(client, "isms.isms") == ["soa/unaddressed"]
    assert codes(client, "people.isms") == []


async def test_diagnostics_carry_code_severity_link_and_help(client):
    ws = client.ws
    await wait_for(lambda: codes(client, "assets.isms"), what="diagnostics")
    (d,) = client.diagnostics[ws.uri("assets.isms")]
    assert d.code == "ref/unknown"
    assert d.source == "isms"
    assert d.severity == types.DiagnosticSeverity.Error
    assert d.code_description.href == (
        "https://github.com/isms-lang/isms/blob/main/docs/rules/ref/unknown.md"
    )
    assert "help: did you mean `alice`?" in d.message
    # The range is in UTF-16 units: the line holds no multi-byte text before `alicee`.
    assert d.range.start == ws.position("assets.isms", "alicee")


async def test_positions_are_utf16_after_emoji(client):
    ws = client.ws
    open_file(client, "people.isms")
    # Break a reference after the emoji and umlaut on the same line.
    change = types.TextDocumentContentChangePartial(
        range=types.Range(
            start=ws.position("people.isms", "roles ciso", 6),
            end=ws.position("people.isms", "roles ciso", 10),
        ),
        text="cisoo",
    )
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=ws.uri("people.isms"), version=2),
            content_changes=[change],
        )
    )
    await wait_for(lambda: "ref/unknown" in codes(client, "people.isms"), what="ref/unknown")
    # (`role/unassigned` comes along: nobody holds `ciso` any more.)
    d = next(d for d in client.diagnostics[ws.uri("people.isms")] if d.code == "ref/unknown")
    start = ws.position("people.isms", "roles ciso", 6)
    assert d.range.start == start
    assert d.range.end.character == start.character + len("cisoo")


async def test_related_information_points_at_the_first_declaration(client):
    ws = client.ws
    open_file(client, "risks.isms")
    text = ws.text("risks.isms") + '\nrole ciso "Again"\n'
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=ws.uri("risks.isms"), version=2),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )
    await wait_for(lambda: "ref/duplicate" in codes(client, "risks.isms"), what="ref/duplicate")
    d = next(d for d in client.diagnostics[ws.uri("risks.isms")] if d.code == "ref/duplicate")
    (related,) = d.related_information
    assert related.location.uri == ws.uri("people.isms")
    assert related.message == "first declared here"


async def test_fixing_a_name_in_one_file_clears_errors_in_another(client):
    ws = client.ws
    await wait_for(lambda: codes(client, "assets.isms") == ["ref/unknown"], what="ref/unknown")
    open_file(client, "people.isms")
    # Rename the person to what assets.isms (wrongly) names: its error goes away, and
    # risks.isms, which named the old name, gets errors.
    start = ws.position("people.isms", "person alice", 7)
    end = ws.position("people.isms", "person alice", 12)
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=ws.uri("people.isms"), version=2),
            content_changes=[
                types.TextDocumentContentChangePartial(
                    range=types.Range(start=start, end=end), text="alicee"
                )
            ],
        )
    )
    await wait_for(lambda: codes(client, "assets.isms") == [], what="assets.isms clean")
    # risks.isms names alice twice (the owner, and the owner's acceptance): one error each.
    await wait_for(
        lambda: codes(client, "risks.isms") == ["ref/unknown", "ref/unknown"], what="risks.isms errors"
    )


async def test_closing_an_unsaved_buffer_restores_the_disk_version(client):
    ws = client.ws
    open_file(client, "assets.isms")
    fixed = ws.text("assets.isms").replace("alicee", "alice")
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=ws.uri("assets.isms"), version=2),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=fixed)],
        )
    )
    await wait_for(lambda: codes(client, "assets.isms") == [], what="clean buffer")
    client.text_document_did_close(
        types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=ws.uri("assets.isms")))
    )
    await wait_for(lambda: codes(client, "assets.isms") == ["ref/unknown"], what="disk version")


async def test_a_file_outside_the_workspace_is_checked_alone(client):
    import pathlib
    import tempfile

    lone = pathlib.Path(tempfile.mkdtemp()) / "lone.isms"
    lone.write_text('role ciso "CISO"\nperson bob "Bob" { roles cisoo }\n', encoding="utf-8")
    uri = lone.resolve().as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(
                uri=uri, language_id="isms", version=1, text=lone.read_text(encoding="utf-8")
            )
        )
    )
    await wait_for(lambda: uri in client.diagnostics, what="lone file diagnostics")
    got = sorted(d.code for d in client.diagnostics[uri])
    # Alone, it lacks an organization and a scope, and names an unknown role.
    assert "ref/unknown" in got and "project/missing-organization" in got
    client.text_document_did_close(
        types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri))
    )
    await wait_for(lambda: len(client.diagnostics[uri]) == 0, what="cleared on close")
