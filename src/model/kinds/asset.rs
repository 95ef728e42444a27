//! asset: an information asset.

use super::{DeclKind, Declaration, Kind};
use crate::diagnostics::Sink;
use crate::model::items::Common;
use crate::model::lower::fields::Fields;
use crate::model::lower::{common, describe, header_name, no_extra_args, read, NameForm};
use crate::model::schema::{by_rule, optional, required, FieldSpec, Takes, PEOPLE};
use crate::model::values::*;
use crate::syntax::{Decl, ValueKind};
use crate::words;

#[derive(Debug, Clone)]
pub struct Asset {
    pub id: Name,
    pub name: Option<String>,
    pub kind: Option<AssetKind>,
    pub owner: Option<Ref>,
    pub classification: Option<String>,
    pub depends_on: Vec<Ref>,
    pub location: Option<String>,
    pub description: Option<String>,
    pub common: Common,
}

impl Asset {
    pub const KIND: FieldSpec = required(
        "kind",
        "kind information|software|hardware|service|people|site",
        Takes::Word(words!(AssetKind)),
        "what the asset is",
    );
    pub const OWNER: FieldSpec = by_rule("owner", Takes::Names(PEOPLE), "a person or a role");
    pub const CLASSIFICATION: FieldSpec = optional(
        "classification",
        Takes::Free,
        "your classification scheme's word",
    );
    pub const DEPENDS_ON: FieldSpec = optional(
        "depends_on",
        Takes::Names(&[Kind::Asset]),
        "assets this one needs",
    );
    pub const LOCATION: FieldSpec = optional("location", Takes::Free, "string");
    pub const DESCRIPTION: FieldSpec = optional("description", Takes::Free, "string");
}

impl Declaration for Asset {
    const DECL: DeclKind = DeclKind::Asset;
    const KEYWORD: &'static str = "asset";
    const ARTICLE: &'static str = "an";
    const DOC: &'static str = "an information asset";
    const FIELDS: &'static [FieldSpec] = &[
        Self::KIND,
        Self::OWNER,
        Self::CLASSIFICATION,
        Self::DEPENDS_ON,
        Self::LOCATION,
        Self::DESCRIPTION,
    ];

    fn lower(decl: &Decl, sink: &mut Sink) -> Option<Self> {
        asset(decl, sink)
    }

    fn name(&self) -> Option<&Name> {
        Some(&self.id)
    }

    fn title(&self) -> Option<&str> {
        self.name.as_deref()
    }

    fn references(&self, visit: &mut dyn FnMut(&Ref, &'static FieldSpec)) {
        if let Some(r) = &self.owner {
            visit(r, &Self::OWNER);
        }
        for r in &self.depends_on {
            visit(r, &Self::DEPENDS_ON);
        }
    }
}

fn asset(decl: &Decl, sink: &mut Sink) -> Option<Asset> {
    let id = header_name(sink, decl, NameForm::Plain)?;
    let name = read::title(sink, &decl.args, 1, "asset");
    no_extra_args(sink, decl, 2);
    let what = describe("asset", Some(&id));
    let f = Fields::read(sink, decl.block.as_ref(), Asset::FIELDS, &what, id.span);
    let kind = f
        .get(&Asset::KIND)
        .and_then(|x| read::keyword::<AssetKind>(sink, x))
        .map(|(k, _)| k);
    let owner = f
        .get(&Asset::OWNER)
        .and_then(|x| read::reference(sink, x, "a person or a role"));
    // A classification is the organisation's own scheme: a bare word or a string.
    let classification = f.get(&Asset::CLASSIFICATION).and_then(|x| {
        let v = read::single(sink, x, "a classification", "confidential")?;
        match &v.kind {
            ValueKind::Word(w) | ValueKind::Str(w) => Some(w.clone()),
            _ => read::value_string(sink, v, "classification"),
        }
    });
    let depends_on = f
        .get(&Asset::DEPENDS_ON)
        .map(|x| read::references(sink, x, "an asset"))
        .unwrap_or_default();
    let location = f.get(&Asset::LOCATION).and_then(|x| read::string(sink, x));
    let description = f
        .get(&Asset::DESCRIPTION)
        .and_then(|x| read::string(sink, x));
    Some(Asset {
        id,
        name,
        kind,
        owner,
        classification,
        depends_on,
        location,
        description,
        common: common(decl, f.present),
    })
}
