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


LIFECYCLE = """objective fewer-phish "Staff report phishing" {
  owner ciso
  target "Click rate below 5 %"
  due 2026-12-31
}

metric click-rate "Phishing click rate" {
  objectives fewer-phish
  owner ciso
}

nonconformity NC-1 "Access reviews not recorded" {
  owner alice
}
"""

AUDITS = """audit IA-1 "Internal audit: access control" {
  date 2026-05-12
  auditor alice
  findings NC-1
}
"""


def add_files(client, files):
    """New files on disk, opened in the editor: the project gains them."""
    for name, text in files.items():
        (client.ws.root / name).write_text(text, encoding="utf-8")
        open_file(client, name)


async def test_references_of_an_objective_from_a_metric(client):
    add_files(client, {"lifecycle.isms": LIFECYCLE})
    doc, pos = at(client, "lifecycle.isms", "objectives fewer-phish", 12)
    result = await client.text_document_references_async(
        types.ReferenceParams(
            text_document=doc,
            position=pos,
            context=types.ReferenceContext(include_declaration=True),
        )
    )
    starts = sorted((loc.range.start.line, loc.range.start.character) for loc in result)
    decl = client.ws.position("lifecycle.isms", "fewer-phish")
    use = client.ws.position("lifecycle.isms", "fewer-phish", nth=1)
    assert starts == [(decl.line, decl.character), (use.line, use.character)]
    (loc,) = await client.text_document_definition_async(
        types.DefinitionParams(text_document=doc, position=pos)
    )
    assert loc.range.start == decl


async def test_rename_a_nonconformity_named_by_an_audits_findings(client):
    add_files(client, {"lifecycle.isms": LIFECYCLE, "audits.isms": AUDITS})
    doc, pos = at(client, "audits.isms", "findings NC-1", 10)
    prepared = await client.text_document_prepare_rename_async(
        types.PrepareRenameParams(text_document=doc, position=pos)
    )
    assert prepared.placeholder == "NC-1"
    edit = await client.text_document_rename_async(
        types.RenameParams(text_document=doc, position=pos, new_name="NC-2026-1")
    )
    changed = {uri.rsplit("/", 1)[1]: edits for uri, edits in edit.changes.items()}
    assert sorted(changed) == ["audits.isms", "lifecycle.isms"]
    (use,) = changed["audits.isms"]
    assert use.range.start == client.ws.position("audits.isms", "NC-1")
    (decl,) = changed["lifecycle.isms"]
    assert decl.range.start == client.ws.position("lifecycle.isms", "NC-1")
    assert all(e.new_text == "NC-2026-1" for edits in changed.values() for e in edits)


async def test_rename_refuses_a_name_already_taken(client):
    add_files(client, {"lifecycle.isms": LIFECYCLE + 'nonconformity NC-2 "Other" {\n  owner alice\n}\n'})
    doc, pos = at(client, "lifecycle.isms", "NC-1", 1)
    with pytest.raises(JsonRpcException, match="already exists"):
        await client.text_document_rename_async(
            types.RenameParams(text_document=doc, position=pos, new_name="NC-2")
        )


async def test_document_highlight_marks_the_declaration_and_its_uses_in_the_file(client):
    open_file(client, "people.isms")
    doc, pos = at(client, "people.isms", "roles ciso", 7)
    result = await client.text_document_document_highlight_async(
        types.DocumentHighlightParams(text_document=doc, position=pos)
    )
    marks = sorted((h.range.start.line, h.kind) for h in result)
    decl = client.ws.position("people.isms", "ciso")
    use = client.ws.position("people.isms", "ciso", nth=1)
    assert marks == [
        (decl.line, types.DocumentHighlightKind.Write),
        (use.line, types.DocumentHighlightKind.Read),
    ]
