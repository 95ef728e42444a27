"""Completion: keywords, fields, enumeration values, names of the right kind."""

from lsprotocol import types

from conftest import open_file


async def complete_at_end(client, name, added):
    """Append `added` to a file's buffer and complete at its end."""
    ws = client.ws
    open_file(client, name)
    text = ws.text(name) + added
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=ws.uri(name), version=2),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )
    line = text.count("\n")
    column = len(text[text.rfind("\n") + 1 :].encode("utf-16-le")) // 2
    result = await client.text_document_completion_async(
        types.CompletionParams(
            text_document=types.TextDocumentIdentifier(uri=ws.uri(name)),
            position=types.Position(line=line, character=column),
        )
    )
    items = result.items if hasattr(result, "items") else result
    return {i.label: i for i in items}


async def test_keywords_at_top_level(client):
    items = await complete_at_end(client, "people.isms", "\nri")
    assert {"risk", "role", "person", "control", "exclude", "policy"} <= set(items)


async def test_fields_of_a_risk_and_of_a_treatment(client):
    items = await complete_at_end(client, "people.isms", '\nrisk R-2 "New" {\n  ')
    assert {"owner", "likelihood", "impact", "treatment", "assets"} <= set(items)
    assert "status" not in items
    items = await complete_at_end(
        client, "people.isms", '\nrisk R-2 "New" {\n  treatment transfer {\n    '
    )
    assert set(items) == {"to", "controls", "residual", "accepted_by", "due", "done"}


async def test_enumeration_values(client):
    items = await complete_at_end(client, "people.isms", "\ncontrol A.5.1 {\n  status ")
    assert set(items) == {"implemented", "partial", "planned", "not-implemented"}
    items = await complete_at_end(client, "people.isms", '\nrisk R-2 "New" {\n  treatment ')
    assert set(items) == {"mitigate", "accept", "transfer", "avoid"}
    items = await complete_at_end(client, "people.isms", '\nasset a "A" {\n  kind ')
    assert "information" in items and "site" in items
    items = await complete_at_end(client, "people.isms", "\nmethodology {\n  accept ")
    assert set(items) == {"low", "medium", "high"}


async def test_owner_offers_people_and_roles(client):
    items = await complete_at_end(client, "people.isms", '\nasset a "A" {\n  owner ')
    assert set(items) == {"alice", "ciso"}
    assert items["alice"].detail == "person — Alice Müller 😀"


async def test_controls_offer_annex_a_ids_with_titles(client):
    items = await complete_at_end(
        client, "people.isms", '\nrisk R-2 "New" {\n  treatment mitigate {\n    controls A.5.15, A.8.'
    )
    assert items["A.8.24"].detail == "Use of cryptography"
    assert "acme-pam" in items  # custom controls too
    assert len([i for i in items if i.startswith("A.")]) == 93
    # The edit replaces the whole dotted word being typed.
    edit = items["A.8.24"].text_edit
    assert edit.range.end.character - edit.range.start.character == len("A.8.")


async def test_exclude_offers_catalog_controls_then_because(client):
    items = await complete_at_end(client, "people.isms", "\nexclude A.7.1, ")
    assert "A.7.2" in items and "acme-pam" not in items
    items = await complete_at_end(client, "people.isms", "\nexclude A.7.1 ")
    assert set(items) == {"because"}


async def test_nothing_inside_strings(client):
    items = await complete_at_end(client, "people.isms", '\nrole x "Chief ')
    assert items == {}
