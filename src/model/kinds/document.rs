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
/// `document`, and its place in the output), its default ID, its title and the clause it
/// answers. This is the one table of documents: the builders (`emit::documents::Meta`)
/// take their identity from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KnownDocument {
    pub stem: &'static str,
    pub default_id: &'static str,
    pub title: &'static str,
    pub clause: &'static str,
}

/// The known documents, one constant each (each builder names its own).
pub mod known {
    use super::KnownDocument;

    pub const SOA: KnownDocument = KnownDocument {
        stem: "soa",
        default_id: "ISMS-SOA",
        title: "Statement of Applicability",
        clause: "6.1.3 d",
    };
    pub const RISK_REGISTER: KnownDocument = KnownDocument {
        stem: "risk-register",
        default_id: "ISMS-RISK-REGISTER",
        title: "Risk register",
        clause: "6.1.2, 8.2",
    };
    pub const TREATMENT_PLAN: KnownDocument = KnownDocument {
        stem: "treatment-plan",
        default_id: "ISMS-TREATMENT-PLAN",
        title: "Risk treatment plan",
        clause: "6.1.3 e, 8.3",
    };
    pub const SCOPE: KnownDocument = KnownDocument {
        stem: "scope",
        default_id: "ISMS-SCOPE",
        title: "ISMS scope",
        clause: "4.3",
    };
    pub const METHODOLOGY: KnownDocument = KnownDocument {
        stem: "methodology",
        default_id: "ISMS-METHODOLOGY",
        title: "Risk assessment methodology",
        clause: "6.1.2 a",
    };
    pub const OBJECTIVES: KnownDocument = KnownDocument {
        stem: "objectives",
        default_id: "ISMS-OBJECTIVES",
        title: "Information security objectives",
        clause: "6.2, 7.2, 9.1",
    };
    pub const AUDIT_PROGRAMME: KnownDocument = KnownDocument {
        stem: "audit-programme",
        default_id: "ISMS-AUDIT-PROGRAMME",
        title: "Internal audit programme",
        clause: "9.2",
    };
    pub const MANAGEMENT_REVIEW: KnownDocument = KnownDocument {
        stem: "management-review",
        default_id: "ISMS-MANAGEMENT-REVIEW",
        title: "Management review minutes",
        clause: "9.3",
    };
    pub const CORRECTIVE_ACTIONS: KnownDocument = KnownDocument {
        stem: "corrective-actions",
        default_id: "ISMS-CORRECTIVE-ACTIONS",
        title: "Nonconformities and corrective actions",
        clause: "10.2",
    };
    pub const READINESS: KnownDocument = KnownDocument {
        stem: "readiness",
        default_id: "ISMS-READINESS",
        title: "Stage 1 audit readiness",
        clause: "4–10",
    };
    pub const CONTEXT: KnownDocument = KnownDocument {
        stem: "context",
        default_id: "ISMS-CONTEXT",
        title: "Context of the organization",
        clause: "4.1, 4.2",
    };
    pub const LEGAL_REGISTER: KnownDocument = KnownDocument {
        stem: "legal-register",
        default_id: "ISMS-LEGAL-REGISTER",
        title: "Register of legal, regulatory and contractual requirements",
        clause: "4.2, A.5.31",
    };
    pub const ASSET_INVENTORY: KnownDocument = KnownDocument {
        stem: "asset-inventory",
        default_id: "ISMS-ASSET-INVENTORY",
        title: "Inventory of information and other associated assets",
        clause: "A.5.9",
    };
    pub const ROLES: KnownDocument = KnownDocument {
        stem: "roles",
        default_id: "ISMS-ROLES",
        title: "Roles, responsibilities and authorities",
        clause: "5.3",
    };
    pub const AUDIT_COVERAGE: KnownDocument = KnownDocument {
        stem: "audit-coverage",
        default_id: "ISMS-AUDIT-COVERAGE",
        title: "Audit programme coverage",
        clause: "9.2",
    };
    /// Every framework's coverage document (`coverage/<framework>`): one declaration
    /// controls them all, and each one's ID is this ID followed by its framework.
    pub const COVERAGE: KnownDocument = KnownDocument {
        stem: "coverage",
        default_id: "ISMS-COVERAGE",
        title: "Coverage of another framework",
        clause: "6.1.3",
    };
    /// The changes since a git revision (`isms build --since REV`).
    pub const CHANGES: KnownDocument = KnownDocument {
        stem: "changes",
        default_id: "ISMS-CHANGES",
        title: "Changes since a revision",
        clause: "6.3, 9.3.2 b",
    };
}

/// Every document a `document` declaration can name, in the order of the index.
pub const DOCUMENTS: &[KnownDocument] = &[
    known::SOA,
    known::RISK_REGISTER,
    known::TREATMENT_PLAN,
    known::SCOPE,
    known::METHODOLOGY,
    known::OBJECTIVES,
    known::AUDIT_PROGRAMME,
    known::MANAGEMENT_REVIEW,
    known::CORRECTIVE_ACTIONS,
    known::READINESS,
    known::CONTEXT,
    known::LEGAL_REGISTER,
    known::ASSET_INVENTORY,
    known::ROLES,
    known::AUDIT_COVERAGE,
    known::COVERAGE,
    known::CHANGES,
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
