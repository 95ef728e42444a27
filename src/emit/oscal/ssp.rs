//! The system security plan: the ISMS as OSCAL. The organization and its scope are the
//! system; people and roles are its metadata; each control of the SoA is an implemented
//! requirement whose status comes from the project, with its owner as the responsible
//! role, its justification as remarks, and its implementing policies as components.

use serde_json::{json, Value};

use super::ids::Ids;
use super::metadata;
use crate::emit::soa::SoaRow;
use crate::emit::Derived;
use crate::model::{AssetKind, Kind, Status};
use crate::Compilation;

/// The role of a control owner who is a person, not a role.
const OWNER_ROLE: &str = "control-owner";

pub fn build(c: &Compilation, d: &Derived, ids: &Ids) -> Value {
    let m = &c.model;
    let organization = super::super::organization_name(c);
    let mut meta = metadata(c, &format!("System security plan: {organization}"));
    let mut roles: Vec<Value> = m
        .roles
        .iter()
        .map(|r| json!({ "id": r.id.text, "title": r.title.clone().unwrap_or_else(|| r.id.text.clone()) }))
        .collect();
    roles.push(json!({ "id": OWNER_ROLE, "title": "Control owner" }));
    meta["roles"] = Value::Array(roles);
    let mut parties = vec![json!({
        "uuid": ids.of_name("party", "organization"),
        "type": "organization",
        "name": organization,
    })];
    parties.extend(m.persons.iter().map(|p| {
        json!({
            "uuid": ids.of_name("party", &p.id.text),
            "type": "person",
            "name": p.name.clone().unwrap_or_else(|| p.id.text.clone()),
        })
    }));
    meta["parties"] = Value::Array(parties);
    let holders: Vec<Value> = m
        .roles
        .iter()
        .filter_map(|role| {
            let uuids: Vec<String> = m
                .persons
                .iter()
                .filter(|p| p.roles.iter().any(|r| r.name == role.id.text))
                .map(|p| ids.of_name("party", &p.id.text))
                .collect();
            (!uuids.is_empty()).then(|| json!({ "role-id": role.id.text, "party-uuids": uuids }))
        })
        .collect();
    if !holders.is_empty() {
        meta["responsible-parties"] = Value::Array(holders);
    }
    let system = ids.of_name("component", "this-system");
    let mut components = vec![json!({
        "uuid": system,
        "type": "this-system",
        "title": organization,
        "description": "The information security management system.",
        "status": { "state": "operational" },
    })];
    components.extend(m.policies.iter().map(|p| {
        json!({
            "uuid": ids.of_name("policy", &p.id.text),
            "type": "policy",
            "title": p.title.clone().unwrap_or_else(|| p.id.text.clone()),
            "description": format!("Policy `{}`.", p.id.text),
            "status": { "state": "operational" },
        })
    }));
    let requirements: Vec<Value> = d
        .soa
        .controls
        .iter()
        .chain(&d.soa.additional_controls)
        .map(|row| requirement(c, ids, &system, row))
        .collect();
    let mut control_implementation = json!({
        "description": "The controls of the Statement of Applicability and how far each is implemented.",
    });
    if !requirements.is_empty() {
        control_implementation["implemented-requirements"] = Value::Array(requirements);
    } else {
        control_implementation["implemented-requirements"] = json!([]);
    }
    json!({
        "system-security-plan": {
            "uuid": ids.of_name("ssp", "ssp"),
            "metadata": meta,
            "import-profile": { "href": "profile.json" },
            "system-characteristics": characteristics(c, ids, &organization),
            "system-implementation": { "components": components },
            "control-implementation": control_implementation,
        }
    })
}

fn characteristics(c: &Compilation, ids: &Ids, organization: &str) -> Value {
    let m = &c.model;
    let scope = m.scope();
    let statement = scope.and_then(|s| s.statement.clone()).unwrap_or_else(|| {
        format!("The information security management system of {organization}.")
    });
    let mut boundary = Vec::new();
    if let Some(s) = scope {
        boundary.extend(s.includes.iter().map(|x| format!("- includes: {x}")));
        boundary.extend(s.excludes.iter().map(|x| match &x.reason {
            Some(reason) => format!("- excludes: {} ({reason})", x.what),
            None => format!("- excludes: {}", x.what),
        }));
        boundary.extend(s.interfaces.iter().map(|x| format!("- interface: {x}")));
    }
    let boundary = if boundary.is_empty() {
        "The scope of the ISMS is not declared.".to_string()
    } else {
        boundary.join("\n")
    };
    let mut types: Vec<Value> = m
        .assets
        .iter()
        .filter(|a| a.kind == Some(AssetKind::Information))
        .map(|a| {
            let title = a.name.clone().unwrap_or_else(|| a.id.text.clone());
            json!({
                "uuid": ids.of_name("information-type", &a.id.text),
                "title": title,
                "description": a.description.clone().unwrap_or_else(|| format!("Information asset `{}`.", a.id.text)),
            })
        })
        .collect();
    if types.is_empty() {
        types.push(json!({
            "uuid": ids.of_name("information-type", "scope"),
            "title": "Information in scope",
            "description": "The information the ISMS protects.",
        }));
    }
    json!({
        "system-ids": [{ "identifier-type": "https://ietf.org/rfc/rfc4122", "id": ids.of_name("system", "isms") }],
        "system-name": organization,
        "description": statement,
        "system-information": { "information-types": types },
        "status": { "state": "operational" },
        "authorization-boundary": { "description": boundary },
    })
}

/// OSCAL's implementation state for a row: excluded controls are `not-applicable`.
fn state(row: &SoaRow) -> Option<&'static str> {
    if !row.applicable {
        return row.exclusion_reason.as_ref().map(|_| "not-applicable");
    }
    match row.status? {
        Status::Implemented => Some("implemented"),
        Status::Partial => Some("partial"),
        Status::Planned | Status::NotImplemented => Some("planned"),
    }
}

fn requirement(c: &Compilation, ids: &Ids, system: &str, row: &SoaRow) -> Value {
    let m = &c.model;
    let mut this_system = json!({
        "component-uuid": system,
        "uuid": ids.of_name("by-component", &row.id),
        "description": if row.justification.is_empty() { "Not justified.".to_string() } else { row.justification.clone() },
    });
    if let Some(state) = state(row) {
        this_system["implementation-status"] = json!({ "state": state });
    }
    let mut by = vec![this_system];
    by.extend(row.policies.iter().map(|p| {
        json!({
            "component-uuid": ids.of_name("policy", p),
            "uuid": ids.of_name("by-policy", &format!("{}/{p}", row.id)),
            "description": format!("Policy `{p}` implements {}.", row.id),
        })
    }));
    let mut value = json!({
        "uuid": ids.of_name("implemented-requirement", &row.id),
        "control-id": row.id,
        "by-components": by,
    });
    if let Some(owner) = &row.owner {
        let is_role = m.index.get(Kind::Role, owner).is_some();
        value["responsible-roles"] = if is_role {
            json!([{ "role-id": owner }])
        } else {
            json!([{ "role-id": OWNER_ROLE, "party-uuids": [ids.of_name("party", owner)] }])
        };
    }
    if !row.justification.is_empty() {
        value["remarks"] = Value::String(row.justification.clone());
    }
    value
}
