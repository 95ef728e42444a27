//! The registry of diagnostic codes: one line per code, its default severity and its
//! documentation (`docs/rules/<family>/<name>.md`, compiled in for `isms explain`).
//!
//! Codes are permanent: users suppress them, CI configurations name them. Add, never
//! rename.

use super::Severity;

macro_rules! codes {
    ($($variant:ident => $code:literal, $severity:ident;)*) => {
        /// A stable diagnostic code such as `risk/missing-owner`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $($variant,)*
        }

        impl Code {
            /// Every code, in registry order.
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            pub fn as_str(self) -> &'static str {
                match self {
                    $(Code::$variant => $code,)*
                }
            }

            pub fn default_severity(self) -> Severity {
                match self {
                    $(Code::$variant => Severity::$severity,)*
                }
            }

            /// The rule's documentation in Markdown.
            pub fn doc(self) -> RuleDoc {
                RuleDoc(match self {
                    $(Code::$variant => include_str!(concat!(
                        env!("CARGO_MANIFEST_DIR"), "/docs/rules/", $code, ".md"
                    )),)*
                })
            }
        }
    };
}

codes! {
    SyntaxError => "syntax/error", Error;
    TextControlCharacter => "text/control-character", Error;
    RefUnknown => "ref/unknown", Error;
    RefDuplicate => "ref/duplicate", Error;
    RefWrongKind => "ref/wrong-kind", Error;
    FieldUnknown => "field/unknown", Error;
    FieldMissing => "field/missing", Error;
    FieldDuplicate => "field/duplicate", Error;
    ValueInvalid => "value/invalid", Error;
    ValueInvalidDate => "value/invalid-date", Error;
    ValueOutOfScale => "value/out-of-scale", Error;
    ProjectMissingOrganization => "project/missing-organization", Error;
    ProjectMissingScope => "project/missing-scope", Error;
    ProjectMissingMethodology => "project/missing-methodology", Error;
    ProjectMultiple => "project/multiple", Error;
    MethodologyScaleGap => "methodology/scale-gap", Error;
    MethodologyLevels => "methodology/levels", Error;
    RiskMissingOwner => "risk/missing-owner", Error;
    RiskMissingTreatment => "risk/missing-treatment", Error;
    RiskNoControls => "risk/no-controls", Error;
    RiskResidualExceedsInherent => "risk/residual-exceeds-inherent", Error;
    RiskAcceptanceRequired => "risk/acceptance-required", Error;
    RiskNoAssets => "risk/no-assets", Warning;
    RiskReviewOverdue => "risk/review-overdue", Warning;
    RiskTreatmentOverdue => "risk/treatment-overdue", Warning;
    ControlUnjustified => "control/unjustified", Error;
    ControlExcludedButRequired => "control/excluded-but-required", Error;
    ControlUndocumented => "control/undocumented", Warning;
    ControlMissingOwner => "control/missing-owner", Error;
    ControlMissingStatus => "control/missing-status", Error;
    ControlNoEvidence => "control/no-evidence", Warning;
    SoaUnaddressed => "soa/unaddressed", Error;
    SoaExclusionWithoutReason => "soa/exclusion-without-reason", Error;
    AssetMissingOwner => "asset/missing-owner", Error;
    AssetUnassessed => "asset/unassessed", Warning;
    AssetDependencyCycle => "asset/dependency-cycle", Warning;
    PolicyMissingOwner => "policy/missing-owner", Error;
    PolicyUnapproved => "policy/unapproved", Warning;
    PolicyReviewOverdue => "policy/review-overdue", Warning;
    PolicyParentCycle => "policy/parent-cycle", Error;
    RoleUnassigned => "role/unassigned", Warning;
    SuppressionMissingReason => "suppression/missing-reason", Error;
    SuppressionExpired => "suppression/expired", Warning;
    SuppressionUnused => "suppression/unused", Warning;
    ObjectiveMissingOwner => "objective/missing-owner", Error;
    ObjectiveNoMetric => "objective/no-metric", Warning;
    MetricBelowTarget => "metric/below-target", Warning;
    TrainingOverdue => "training/overdue", Warning;
    AuditOverdue => "audit/overdue", Warning;
    AuditNotIndependent => "audit/not-independent", Warning;
    ReviewOverdue => "review/overdue", Warning;
    ReviewInputsMissing => "review/inputs-missing", Warning;
    IncidentRisksNotReviewed => "incident/risks-not-reviewed", Warning;
    NonconformityOverdue => "nonconformity/overdue", Warning;
    NonconformityMissingRootCause => "nonconformity/missing-root-cause", Error;
    NonconformityUnverified => "nonconformity/unverified", Error;
    RiskUnaccepted => "risk/unaccepted", Error;
    RiskAcceptanceUnauthorized => "risk/acceptance-unauthorized", Error;
    RiskTreatmentUndated => "risk/treatment-undated", Warning;
    ControlOverdue => "control/overdue", Warning;
    ControlContradicted => "control/contradicted", Warning;
    PolicySelfApproved => "policy/self-approved", Warning;
    SoaFrameworkAmbiguous => "soa/framework-ambiguous", Error;
    ControlLegacyId => "control/legacy-id", Error;
    TextPlaceholder => "text/placeholder", Warning;
    DateInFuture => "date/in-future", Warning;
    DateOrder => "date/order", Error;
    AuditCoverageGap => "audit/coverage-gap", Warning;
    ContextMissing => "context/missing", Warning;
    DocumentUnknown => "document/unknown", Error;
    DocumentReviewOverdue => "document/review-overdue", Warning;
    MappingUnknownControl => "mapping/unknown-control", Error;
    MappingDuplicate => "mapping/duplicate", Warning;
}

/// Where the project and its rule documentation live.
pub const PROJECT_URL: &str = "https://github.com/isms-lang/isms";

impl Code {
    /// The rule's documentation page (`docs/rules/<code>.md` in the repository).
    pub fn doc_url(self) -> String {
        format!("{PROJECT_URL}/blob/main/docs/rules/{}.md", self.as_str())
    }

    pub fn parse(text: &str) -> Option<Code> {
        Code::ALL.iter().copied().find(|c| c.as_str() == text)
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A rule's Markdown documentation.
#[derive(Debug, Clone, Copy)]
pub struct RuleDoc(pub &'static str);

impl RuleDoc {
    /// The one-sentence summary: the first paragraph after the title and severity lines.
    pub fn summary(self) -> &'static str {
        self.0
            .lines()
            .map(str::trim)
            .find(|l| !l.is_empty() && !l.starts_with('#') && !l.starts_with("Severity:"))
            .unwrap_or("")
    }

    /// The text of one `## Heading` section, trimmed.
    pub fn section(self, heading: &str) -> Option<&'static str> {
        let marker = format!("## {heading}");
        let start = self.0.find(&marker)? + marker.len();
        let rest = &self.0[start..];
        let end = rest.find("\n## ").unwrap_or(rest.len());
        Some(rest[..end].trim())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_is_documented() {
        for code in Code::ALL {
            let doc = code.doc();
            assert!(
                doc.0.starts_with(&format!("# {}\n", code.as_str())),
                "{code}: doc must start with its title"
            );
            let severity = format!("Severity: {}", code.default_severity().as_str());
            assert!(
                doc.0.contains(&severity),
                "{code}: doc must say `{severity}`"
            );
            for section in [
                "What it checks",
                "Why ISO 27001 cares",
                "Example",
                "How to fix",
            ] {
                assert!(
                    doc.section(section).is_some_and(|s| !s.is_empty()),
                    "{code}: doc lacks `## {section}`"
                );
            }
            assert!(!doc.summary().is_empty(), "{code}: doc lacks a summary");
        }
    }

    #[test]
    fn codes_are_unique_and_well_formed() {
        let mut seen = std::collections::HashSet::new();
        for code in Code::ALL {
            assert!(seen.insert(code.as_str()), "duplicate {code}");
            let (family, name) = code.as_str().split_once('/').unwrap_or(("", ""));
            assert!(!family.is_empty() && !name.is_empty());
            assert_eq!(Code::parse(code.as_str()), Some(*code));
        }
    }
}
