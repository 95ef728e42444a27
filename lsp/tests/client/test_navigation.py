"""Hover, go to definition, find references and rename."""

import pytest
from lsprotocol import types
from pygls.exceptions import JsonRpcException

from conftest import open_file


def at(client, name, needle, offset=0, nth=0):
    return types.TextDocumentIdentifier(uri=client.ws.uri(name)), client.ws.position(
        name, needle, offset, nth
    )


async def hover(client, name, needle, offset=1):
    doc, pos = at(client, name, needle, offset)
    result = await client.text_document_hover_async(
        types.HoverParams(text_document=doc, position=pos)
    )
    return result.contents.value if result else None


async def test_hover_on_a_catalog_control(client):
    open_file(client, "risks.isms")
    text = await hover(client, "risks.isms", "A.5.15")
    assert "control **A.5.15** — Access control" in text
    assert "Theme: organizational" in text
    assert "ISO/IEC 27002 attributes" in text and "Properties: confidentiality" in text
    assert "**Applicable**, justified by risks `R-1`" in text
    assert "Owner: `ciso`" in text


async def test_hover_on_a_custom_control_and_an_excluded_one(client):
    text = await hover(client, "risks.isms", "acme-pam")
    assert "Custom control" in text and "No owner" in text and "Status: planned" in text
    text = await hover(client, "exclusions.isms", "A.7.4")
    assert "**Excluded**: No premises in scope" in text


async def test_hover_on_a_risk_shows_score_level_residual_and_owner(client):
    text = await hover(client, "risks.isms", "R-1")
    assert "Likelihood 3 (Likely) × impact 3 (Severe) = score **9**, level **high**" in text
    assert "Residual: 1 × 3 = 3, level **medium**" in text
    assert "Owner: `alice`" in text
    assert "The top risk of the year." in text


async def test_hover_shows_doc_comments(client):
    text = await hover(client, "risks.isms", "owner alice", offset=7)
    assert "person **alice** — Alice Müller 😀" in text
    assert "Runs the ISMS day to day." in text


async def test_definition_across_files(client):
    doc, pos = at(client, "risks.isms", "owner alice", 7)
    result = await client.text_document_definition_async(
        types.DefinitionParams(text_document=doc, position=pos)
    )
    (loc,) = result
    assert loc.uri == client.ws.uri("people.isms")
    assert loc.range.start == client.ws.position("people.isms", "alice")


async def test_definition_of_a_catalog_control_without_declaration_is_empty(client):
    doc, pos = at(client, "exclusions.isms", "A.7.4", 1)
    result = await client.text_document_definition_async(
        types.DefinitionParams(text_document=doc, position=pos)
    )
    assert not result


async def test_references_of_a_role(client):
    doc, pos = at(client, "people.isms", "role ciso", 6)
    result = await client.text_document_references_async(
        types.ReferenceParams(
            text_document=doc,
            position=pos,
            context=types.ReferenceContext(include_declaration=True),
        )
    )
    files = sorted(loc.uri.rsplit("/", 1)[1] for loc in result)
    assert files == ["controls.isms", "people.isms", "people.isms"]


async def test_rename_a_person_in_every_file(client):
    doc, pos = at(client, "people.isms", "person alice", 8)
    prepared = await client.text_document_prepare_rename_async(
        types.PrepareRenameParams(text_document=doc, position=pos)
    )
    assert prepared.placeholder == "alice"
    edit = await client.text_document_rename_async(
        types.RenameParams(text_document=doc, position=pos, new_name="alice-m")
    )
    changed = {uri.rsplit("/", 1)[1]: edits for uri, edits in edit.changes.items()}
    assert sorted(changed) == ["people.isms", "risks.isms"]
    assert all(e.new_text == "alice-m" for edits in changed.values() for e in edits)
    # The declaration sits after nothing wide; the edit range is the name exactly.
    (decl,) = changed["people.isms"]
    assert decl.range.start == client.ws.position("people.isms", "alice")


@pytest.mark.parametrize("bad", ["1st", "has space", "a.b", "jürgen", "risk", ""])
async def test_rename_refuses_invalid_names(client, bad):
    doc, pos = at(client, "people.isms", "person alice", 8)
    with pytest.raises(JsonRpcException):
        await client.text_document_rename_async(
            types.RenameParams(text_document=doc, position=pos, new_name=bad)
        )


async def test_rename_refuses_catalog_controls_but_renames_custom_ones(client):
    doc, pos = at(client, "risks.isms", "A.5.15", 1)
    with pytest.raises(JsonRpcException, match="catalog"):
        await client.text_document_prepare_rename_async(
            types.PrepareRenameParams(text_document=doc, position=pos)
        )
    doc, pos = at(client, "risks.isms", "acme-pam", 1)
    edit = await client.text_document_rename_async(
        types.RenameParams(text_document=doc, position=pos, new_name="ACME.2")
    )
    assert sorted(uri.rsplit("/", 1)[1] for uri in edit.changes) == ["controls.isms", "risks.isms"]
