"""The server survives what clients and users throw at it."""

import asyncio

import pytest
from lsprotocol import types
from pygls.exceptions import JsonRpcException

from conftest import codes, wait_for


async def hover_works(client):
    result = await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=client.ws.uri("risks.isms")),
            position=client.ws.position("risks.isms", "R-1", 1),
        )
    )
    assert "R-1" in result.contents.value


async def test_a_panicking_request_gets_an_error_and_the_server_lives_on(client):
    with pytest.raises(JsonRpcException):
        await client.protocol.send_request_async("isms/testPanic", None)
    await hover_works(client)
    assert any("test panic" in m.message for m in client.log_messages)


async def send_raw(client, msg_id, method, params):
    """Send a request as raw JSON, past pygls's type checks; its reply future."""
    future = asyncio.get_running_loop().create_future()
    client.protocol._request_futures[msg_id] = future
    client.protocol._send_data(
        {"jsonrpc": "2.0", "id": msg_id, "method": method, "params": params}
    )
    return await asyncio.wait_for(future, timeout=10)


async def test_malformed_params_get_an_error_reply(client):
    with pytest.raises(JsonRpcException, match="invalid type"):
        await send_raw(
            client, "bad-1", "textDocument/hover", {"textDocument": 42, "position": "nowhere"}
        )
    with pytest.raises(JsonRpcException):
        await client.protocol.send_request_async("isms/noSuchMethod", {})
    await hover_works(client)


async def test_positions_out_of_range_and_unknown_files_are_harmless(client):
    far = types.Position(line=10_000, character=10_000)
    result = await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=client.ws.uri("risks.isms")),
            position=far,
        )
    )
    assert result is None
    result = await client.text_document_definition_async(
        types.DefinitionParams(
            text_document=types.TextDocumentIdentifier(uri="file:///nowhere/x.isms"),
            position=far,
        )
    )
    assert not result


async def test_a_one_megabyte_file_stays_responsive(client):
    ws = client.ws
    uri = ws.uri("big.isms")
    block = "".join(
        f'asset big-{i} "Big asset {i} with ümlauts 😀" {{\n  kind information\n  owner alice\n}}\n'
        for i in range(14_000)
    )
    assert len(block.encode()) > 1_000_000
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id="isms", version=1, text=block)
        )
    )
    # A burst of edits: the server debounces them and keeps answering requests.
    for version in range(2, 12):
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                content_changes=[
                    types.TextDocumentContentChangePartial(
                        range=types.Range(
                            start=types.Position(line=0, character=0),
                            end=types.Position(line=0, character=0),
                        ),
                        text="// edit\n",
                    )
                ],
            )
        )
    await asyncio.wait_for(hover_works(client), timeout=30)
    await wait_for(lambda: uri in client.diagnostics, timeout=60, what="diagnostics of the big file")
    # 14 000 assets that no risk names: one warning each.
    await wait_for(
        lambda: codes(client, "big.isms").count("asset/unassessed") == 14_000,
        timeout=60,
        what="all warnings",
    )
