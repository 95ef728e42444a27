//! The clauses 4–10 of ISO/IEC 27001:2022: IDs and titles only (from
//! `/work/shared/data/clauses-4-10.csv`), never the standard's text. Audits name them
//! (`clauses "9.2"`), the audit coverage matrix lists them, readiness cites them.

/// One clause or heading of clauses 4–10.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clause {
    /// `9.2.2`
    pub id: &'static str,
    pub title: &'static str,
    /// A heading groups clauses (`6.1`, `9.2`) and has no requirement of its own; an audit
    /// that names it covers every clause under it.
    pub heading: bool,
}

impl Clause {
    /// Whether an audit that names `named` covers this clause: the same ID, or a heading
    /// above it (`"9"` and `"9.2"` cover `9.2.2`).
    pub fn covered_by(&self, named: &str) -> bool {
        self.id == named
            || self
                .id
                .strip_prefix(named)
                .is_some_and(|rest| rest.starts_with('.'))
    }
}

/// Every clause and heading of clauses 4–10, in the standard's order.
pub const CLAUSES: &[Clause] = &[
    Clause {
        id: "4",
        title: "Context of the organization",
        heading: true,
    },
    Clause {
        id: "4.1",
        title: "Understanding the organization and its context",
        heading: false,
    },
    Clause {
        id: "4.2",
        title: "Understanding the needs and expectations of interested parties",
        heading: false,
    },
    Clause {
        id: "4.3",
        title: "Determining the scope of the information security management system",
        heading: false,
    },
    Clause {
        id: "4.4",
        title: "Information security management system",
        heading: false,
    },
    Clause {
        id: "5",
        title: "Leadership",
        heading: true,
    },
    Clause {
        id: "5.1",
        title: "Leadership and commitment",
        heading: false,
    },
    Clause {
        id: "5.2",
        title: "Policy",
        heading: false,
    },
    Clause {
        id: "5.3",
        title: "Organizational roles, responsibilities and authorities",
        heading: false,
    },
    Clause {
        id: "6",
        title: "Planning",
        heading: true,
    },
    Clause {
        id: "6.1",
        title: "Actions to address risks and opportunities",
        heading: true,
    },
    Clause {
        id: "6.1.1",
        title: "General",
        heading: false,
    },
    Clause {
        id: "6.1.2",
        title: "Information security risk assessment",
        heading: false,
    },
    Clause {
        id: "6.1.3",
        title: "Information security risk treatment",
        heading: false,
    },
    Clause {
        id: "6.2",
        title: "Information security objectives and planning to achieve them",
        heading: false,
    },
    Clause {
        id: "6.3",
        title: "Planning of changes",
        heading: false,
    },
    Clause {
        id: "7",
        title: "Support",
        heading: true,
    },
    Clause {
        id: "7.1",
        title: "Resources",
        heading: false,
    },
    Clause {
        id: "7.2",
        title: "Competence",
        heading: false,
    },
    Clause {
        id: "7.3",
        title: "Awareness",
        heading: false,
    },
    Clause {
        id: "7.4",
        title: "Communication",
        heading: false,
    },
    Clause {
        id: "7.5",
        title: "Documented information",
        heading: true,
    },
    Clause {
        id: "7.5.1",
        title: "General",
        heading: false,
    },
    Clause {
        id: "7.5.2",
        title: "Creating and updating",
        heading: false,
    },
    Clause {
        id: "7.5.3",
        title: "Control of documented information",
        heading: false,
    },
    Clause {
        id: "8",
        title: "Operation",
        heading: true,
    },
    Clause {
        id: "8.1",
        title: "Operational planning and control",
        heading: false,
    },
    Clause {
        id: "8.2",
        title: "Information security risk assessment",
        heading: false,
    },
    Clause {
        id: "8.3",
        title: "Information security risk treatment",
        heading: false,
    },
    Clause {
        id: "9",
        title: "Performance evaluation",
        heading: true,
    },
    Clause {
        id: "9.1",
        title: "Monitoring, measurement, analysis and evaluation",
        heading: false,
    },
    Clause {
        id: "9.2",
        title: "Internal audit",
        heading: true,
    },
    Clause {
        id: "9.2.1",
        title: "General",
        heading: false,
    },
    Clause {
        id: "9.2.2",
        title: "Internal audit programme",
        heading: false,
    },
    Clause {
        id: "9.3",
        title: "Management review",
        heading: true,
    },
    Clause {
        id: "9.3.1",
        title: "General",
        heading: false,
    },
    Clause {
        id: "9.3.2",
        title: "Management review inputs",
        heading: false,
    },
    Clause {
        id: "9.3.3",
        title: "Management review results",
        heading: false,
    },
    Clause {
        id: "10",
        title: "Improvement",
        heading: true,
    },
    Clause {
        id: "10.1",
        title: "Continual improvement",
        heading: false,
    },
    Clause {
        id: "10.2",
        title: "Nonconformity and corrective action",
        heading: false,
    },
];

/// The clause with this ID, if clauses 4–10 have one.
pub fn clause(id: &str) -> Option<&'static Clause> {
    CLAUSES.iter().find(|c| c.id == id)
}

/// The clauses an audit can be asked to cover: every clause that is not a heading.
pub fn auditable() -> impl Iterator<Item = &'static Clause> {
    CLAUSES.iter().filter(|c| !c.heading)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_heading_covers_the_clauses_under_it_and_nothing_else() {
        let c = clause("9.2.2").unwrap();
        assert!(c.covered_by("9.2.2"));
        assert!(c.covered_by("9.2"));
        assert!(c.covered_by("9"));
        assert!(!c.covered_by("9.2.1"));
        assert!(!c.covered_by("9.3"));
        // A prefix that is no heading of it: `1` is not a heading of `10.1`.
        assert!(!clause("10.1").unwrap().covered_by("1"));
    }

    #[test]
    fn the_table_has_the_30_clauses_of_4_to_10_under_11_headings() {
        assert_eq!(auditable().count(), 30);
        assert_eq!(CLAUSES.iter().filter(|c| c.heading).count(), 11);
    }
}
