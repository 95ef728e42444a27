//! document: the document control of one generated document (ISO/IEC 27001 7.5.2): its
//! ID, version, owner, approval, classification and next review. Policies are their own
//! documents and keep their own fields.

use super::{DeclKind, Declaration, Kind};
use crate::diagnostics::Sink;
use crate::model::items::Common;
use crate::model::lower::fields::Fields;
use crate::model::lower::{common, describe, header_name, no_extra_args, read, NameForm};
use crate::model::schema::{optional, FieldSpec, Takes, PEOPLE};
use crate::model::values::{keyword_enum, Dated, Keyword, Name, Ref, Signoff};
use crate::syntax::{Decl, ValueKind};
use crate::words;

keyword_enum!(
    /// How a document is classified, printed on every page. A small fixed set, so that
    /// every page of every document uses the same words.
    Classification, "classification", {
        Public => "public",
        Internal => "internal",
        Confidential => "confidential",
        Restricted => "restricted",
    }
);

/// One document a `document` declaration can name: its stem (the name written after
/// `document`, and its place in the output), its default ID and its title.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KnownDocument {
    pub stem: &'static str,
    pub default_id: &'static str,
    pub title: &'static str,
}

const fn known(stem: &'static str, default_id: &'static str, title: &'static str) -> KnownDocument {
    KnownDocument {
        stem,
        default_id,
        title,
    }
}

/// Every document a `document` declaration can name, in the order of `docs/cli.md`.
/// A builder passes its row's `default_id` to `emit::control::document_control`.
pub const DOCUMENTS: &[KnownDocument] = &[
    known("soa", "ISMS-SOA", "Statement of Applicability"),
    known("risk-register", "ISMS-RISK-REGISTER", "Risk register"),
    known(
        "treatment-plan",
        "ISMS-TREATMENT-PLAN",
        "Risk treatment plan",
    ),
    known("scope", "ISMS-SCOPE", "Scope of the ISMS"),
    known(
        "methodology",
        "ISMS-METHODOLOGY",
        "Risk assessment methodology",
    ),
    known("readiness", "ISMS-READINESS", "Certification readiness"),
    known(
        "audit-programme",
        "ISMS-AUDIT-PROGRAMME",
        "Internal audit programme",
    ),
    known(
        "management-review",
        "ISMS-MANAGEMENT-REVIEW",
        "Management review",
    ),
    known(
        "corrective-actions",
        "ISMS-CORRECTIVE-ACTIONS",
        "Corrective action log",
    ),
    known(
        "objectives",
        "ISMS-OBJECTIVES",
        "Information security objectives",
    ),
    known("context", "ISMS-CONTEXT", "Context of the organization"),
    known(
        "legal-register",
        "ISMS-LEGAL-REGISTER",
        "Legal and contractual register",
    ),
    known("asset-inventory", "ISMS-ASSET-INVENTORY", "Asset inventory"),
    known("roles", "ISMS-ROLES", "Roles and responsibilities"),
    known("audit-coverage", "ISMS-AUDIT-COVERAGE", "Audit coverage"),
];

/// The known document whose stem is `stem`.
pub fn known_document(stem: &str) -> Option<&'static KnownDocument> {
    DOCUMENTS.iter().find(|d| d.stem == stem)
}

/// `document soa { id "ISMS-SOA"  version "1.4"  owner ciso  approved_by ceo on 2026-10-01 … }`
#[derive(Debug, Clone)]
pub struct Document {
    /// The document's stem (`soa`, `risk-register`): which document it controls.
    pub id: Name,
    /// The document ID as printed (`ISMS-SOA`); the document's default when absent.
    pub document_id: Option<String>,
    pub version: Option<String>,
    pub owner: Option<Ref>,
    pub approved: Option<Signoff>,
    /// The role in which the approver signed, when the approver is a person holding
    /// several roles or none (otherwise the role is the approver's own).
    pub approver_role: Option<Ref>,
    pub classification: Option<Classification>,
    pub next_review: Option<Dated>,
    pub common: Common,
}

impl Document {
    pub const ID: FieldSpec = optional("id", Takes::Free, "the document ID, like \"ISMS-SOA\"");
    pub const VERSION: FieldSpec = optional("version", Takes::Free, "string, like \"1.4\"");
    pub const OWNER: FieldSpec = optional(
        "owner",
        Takes::Names(PEOPLE),
        "a person or a role who keeps the document",
    );
    pub const APPROVED_BY: FieldSpec = optional(
        "approved_by",
        Takes::Signoff,
        "P on DATE: who approved this version",
    )
    .past();
    pub const APPROVER_ROLE: FieldSpec = optional(
        "approver_role",
        Takes::Names(&[Kind::Role]),
        "the role in which the approver signed",
    );
    pub const CLASSIFICATION: FieldSpec = optional(
        "classification",
        Takes::Word(words!(Classification)),
        "public, internal (the default), confidential or restricted",
    );
    pub const NEXT_REVIEW: FieldSpec = optional(
        "next_review",
        Takes::Date,
        "when the document is next reviewed",
    );
}

impl Declaration for Document {
    const DECL: DeclKind = DeclKind::Document;
    const KEYWORD: &'static str = "document";
    const DOC: &'static str = "the document control of a generated document (clause 7.5)";
    const FIELDS: &'static [FieldSpec] = &[
        Self::ID,
        Self::VERSION,
        Self::OWNER,
        Self::APPROVED_BY,
        Self::APPROVER_ROLE,
        Self::CLASSIFICATION,
        Self::NEXT_REVIEW,
    ];

    fn lower(decl: &Decl, sink: &mut Sink) -> Option<Self> {
        let id = header_name(sink, decl, NameForm::Plain)?;
        no_extra_args(sink, decl, 1);
        let what = describe(Self::KEYWORD, Some(&id));
        let f = Fields::read(sink, decl.block.as_ref(), Self::FIELDS, &what, id.span);
        Some(Document {
            document_id: f.get(&Self::ID).and_then(|x| read::string(sink, x)),
            version: f.get(&Self::VERSION).and_then(|x| version(sink, x)),
            owner: f
                .get(&Self::OWNER)
                .and_then(|x| read::reference(sink, x, "a person or a role")),
            approved: f
                .get(&Self::APPROVED_BY)
                .and_then(|x| read::signoff(sink, x)),
            approver_role: f
                .get(&Self::APPROVER_ROLE)
                .and_then(|x| read::reference(sink, x, "a role")),
            classification: f
                .get(&Self::CLASSIFICATION)
                .and_then(|x| read::keyword::<Classification>(sink, x))
                .map(|(c, _)| c),
            next_review: f.get(&Self::NEXT_REVIEW).and_then(|x| read::date(sink, x)),
            id,
            common: common(decl, f.present),
        })
    }

    fn name(&self) -> Option<&Name> {
        Some(&self.id)
    }

    fn references(&self, visit: &mut dyn FnMut(&Ref, &'static FieldSpec)) {
        if let Some(r) = &self.owner {
            visit(r, &Self::OWNER);
        }
        if let Some(s) = &self.approved {
            visit(&s.by, &Self::APPROVED_BY);
        }
        if let Some(r) = &self.approver_role {
            visit(r, &Self::APPROVER_ROLE);
        }
    }

    fn dates(&self, visit: &mut dyn FnMut(&Dated, &'static FieldSpec)) {
        if let Some(d) = self.approved.as_ref().and_then(|a| a.on.as_ref()) {
            visit(d, &Self::APPROVED_BY);
        }
        if let Some(d) = &self.next_review {
            visit(d, &Self::NEXT_REVIEW);
        }
    }
}

/// A version is text (`"1.4"`); a number is accepted as written, as for policies.
fn version(sink: &mut Sink, field: &crate::syntax::Field) -> Option<String> {
    let v = read::single(sink, field, "a version string", "\"1.0\"")?;
    match &v.kind {
        ValueKind::Int(n) => Some(n.to_string()),
        ValueKind::Decimal(d) => Some(d.clone()),
        _ => read::value_string(sink, v, "version"),
    }
}

#[cfg(test)]
mod tests {
    use super::{known_document, DOCUMENTS};

    #[test]
    fn stems_are_unique_and_ids_follow_them() {
        for (i, d) in DOCUMENTS.iter().enumerate() {
            assert!(
                DOCUMENTS[..i].iter().all(|e| e.stem != d.stem),
                "{}",
                d.stem
            );
            assert_eq!(
                d.default_id,
                format!("ISMS-{}", d.stem.to_uppercase()),
                "{}",
                d.stem
            );
        }
        assert_eq!(
            known_document("soa").map(|d| d.default_id),
            Some("ISMS-SOA")
        );
        assert_eq!(known_document("policies"), None);
    }
}
