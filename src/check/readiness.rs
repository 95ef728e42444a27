//! Stage 1 readiness: for each item of documented information that clauses 4–10 of
//! ISO/IEC 27001:2022 require, whether the model provides it, where, and what is missing.
//!
//! The table holds clause numbers and short titles of our own, never the standard's text.

use chrono::Months;

use crate::diagnostics::{Code, Diagnostic, Severity};
use crate::model::coverage::audit_coverage;
use crate::model::values::Ref;
use crate::model::{IssueKind, Keyword, Kind, Model, NcStatus, PolicyKind, ReviewInput};
use crate::placeholder::is_placeholder;
use crate::source::{SourceMap, Span};

/// How far the model provides an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum State {
    Provided,
    Partial,
    Missing,
}

impl State {
    pub fn as_str(self) -> &'static str {
        match self {
            State::Provided => "provided",
            State::Partial => "partial",
            State::Missing => "missing",
        }
    }
}

/// One item of required documented information.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Item {
    /// The clause that requires it (`9.2.2`).
    pub clause: &'static str,
    /// A short title of our own.
    pub title: &'static str,
    pub state: State,
    /// Where the model provides it: "`scope` (isms.isms:3)".
    pub found: Vec<String>,
    /// What is missing before a Stage 1 audit.
    pub gaps: Vec<String>,
}

/// The readiness report of one project.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Readiness {
    pub today: String,
    pub items: Vec<Item>,
    /// Errors and warnings of `isms check` on the same project.
    pub errors: usize,
    pub warnings: usize,
}

impl Readiness {
    /// The readiness of a checked model: its files (for the places cited), the
    /// diagnostics of the same check (counted), and the date "overdue" is measured
    /// against. `Compilation::readiness` passes its own.
    pub fn of(
        model: &Model,
        sources: &SourceMap,
        diagnostics: &[Diagnostic],
        today: chrono::NaiveDate,
    ) -> Readiness {
        let errors = diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count();
        let warnings = diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Warning)
            .count();
        let a = Assess {
            m: model,
            sources,
            diagnostics,
            today,
        };
        Readiness {
            today: today.to_string(),
            items: a.items(),
            errors,
            warnings,
        }
    }

    /// Every item provided and no error left.
    pub fn ready(&self) -> bool {
        self.errors == 0 && self.items.iter().all(|i| i.state == State::Provided)
    }

    pub fn count(&self, state: State) -> usize {
        self.items.iter().filter(|i| i.state == state).count()
    }

    /// The plain-text report of `isms check --readiness`.
    pub fn text(&self) -> String {
        let mut out = format!(
            "Stage 1 readiness (ISO/IEC 27001:2022 clauses 4-10), as of {}\n\n",
            self.today
        );
        for item in &self.items {
            out.push_str(&format!(
                "  {:<8} {:<7} {}\n",
                item.state.as_str(),
                item.clause,
                item.title
            ));
            if !item.found.is_empty() {
                out.push_str(&format!("{:19}found: {}\n", "", item.found.join(", ")));
            }
            for gap in &item.gaps {
                out.push_str(&format!("{:19}to do: {gap}\n", ""));
            }
        }
        out.push('\n');
        out.push_str(&self.verdict());
        out.push('\n');
        out
    }

    /// One sentence: ready or not, and why.
    pub fn verdict(&self) -> String {
        let counts = format!(
            "{} of {} items provided, {} partial, {} missing; {} {}, {} {}",
            self.count(State::Provided),
            self.items.len(),
            self.count(State::Partial),
            self.count(State::Missing),
            self.errors,
            plural(self.errors, "error", "errors"),
            self.warnings,
            plural(self.warnings, "warning", "warnings"),
        );
        if self.ready() {
            format!("Ready for a Stage 1 audit: {counts}.")
        } else {
            format!("Not ready for a Stage 1 audit yet: {counts}.")
        }
    }
}

fn plural(n: usize, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 {
        one
    } else {
        many
    }
}

struct Assess<'a> {
    m: &'a Model,
    sources: &'a SourceMap,
    diagnostics: &'a [Diagnostic],
    today: chrono::NaiveDate,
}

impl Assess<'_> {
    /// "`what` (file:line)"
    fn at(&self, what: &str, span: Span) -> String {
        let line = self
            .sources
            .get(span.file)
            .map_or(0, |f| f.line_column(span.start()).0);
        format!("{what} ({}:{line})", self.sources.name(span.file))
    }

    /// Whether `signer` is a person whose name is a placeholder: such a sign-off is no
    /// evidence of who decided.
    fn placeholder_signer(&self, signer: &Ref) -> bool {
        self.m
            .resolution
            .decl(signer, Kind::Person)
            .and_then(|i| self.m.persons.get(i))
            .is_some_and(|p| p.name.as_deref().is_some_and(is_placeholder))
    }

    fn items(&self) -> Vec<Item> {
        let items = vec![
            self.issues(),
            self.interested_parties(),
            self.scope(),
            self.policy(),
            self.roles(),
            self.assessment_process(),
            self.treatment_process(),
            self.soa(),
            self.objectives(),
            self.competence(),
            self.operation(),
            self.assessment_results(),
            self.treatment_results(),
            self.monitoring(),
            self.audits(),
            self.reviews(),
            self.nonconformities(),
        ];
        items.into_iter().map(|it| self.warned(it)).collect()
    }

    /// An item a check warns about is at best partial: each code of its clause that
    /// `isms check` reported becomes a gap.
    fn warned(&self, mut it: Item) -> Item {
        let concerns = concerns(it.clause);
        for code in concerns {
            let n = self.diagnostics.iter().filter(|d| d.code == *code).count();
            if n > 0 {
                it.gaps.push(format!(
                    "`isms check` reports `{code}` {n} {}",
                    plural(n, "time", "times")
                ));
            }
        }
        it.settle()
    }

    fn issues(&self) -> Item {
        let mut it = item("4.1", "Internal and external issues");
        let of = |kind: IssueKind| {
            self.m
                .issues
                .iter()
                .filter(|i| i.kind == Some(kind))
                .count()
        };
        let n = self.m.issues.len();
        if n > 0 {
            it.found.push(format!(
                "{n} {} ({} internal, {} external), in the context document",
                plural(n, "issue", "issues"),
                of(IssueKind::Internal),
                of(IssueKind::External)
            ));
        }
        if n == 0 {
            it.gaps
                .push("declare the internal and external issues (`issue`)".to_string());
        }
        it.settle()
    }

    fn interested_parties(&self) -> Item {
        let mut it = item("4.2", "Interested parties and their requirements");
        for p in &self.m.interested_parties {
            it.found
                .push(self.at(&format!("interested party `{}`", p.id.text), p.id.span));
            if p.requirements.is_empty() {
                it.gaps.push(format!(
                    "interested party `{}` names no requirement that addresses its needs",
                    p.id.text
                ));
            }
        }
        if self.m.interested_parties.is_empty() {
            it.gaps.push(
                "declare the interested parties and their needs (`interested_party`)".to_string(),
            );
        }
        it.settle()
    }

    fn roles(&self) -> Item {
        let mut it = item("5.3", "Roles, responsibilities and authorities");
        let n = self.m.roles.len();
        if n > 0 {
            it.found.push(format!(
                "{n} {}, with the responsibilities of each in the roles document",
                plural(n, "role", "roles")
            ));
        } else {
            it.gaps
                .push("declare the ISMS roles (`role`) and who holds them".to_string());
        }
        it.settle()
    }

    fn scope(&self) -> Item {
        let mut it = item("4.3", "ISMS scope");
        match self.m.scope() {
            Some(s) => {
                it.found.push(self.at("`scope`", s.common.span));
                match s.statement.as_deref() {
                    None => it.gaps.push("the scope has no statement".to_string()),
                    Some(text) if is_placeholder(text) => it
                        .gaps
                        .push("the scope statement is a placeholder".to_string()),
                    Some(_) => {}
                }
            }
            None => it.gaps.push("declare the `scope` of the ISMS".to_string()),
        }
        it.settle()
    }

    fn policy(&self) -> Item {
        let mut it = item("5.2", "Information security policy");
        let top: Vec<_> = self
            .m
            .policies
            .iter()
            .filter(|p| p.parent.is_none() && p.kind.is_none_or(|k| k == PolicyKind::Policy))
            .collect();
        for p in &top {
            it.found
                .push(self.at(&format!("policy `{}`", p.id.text), p.id.span));
            match &p.approved {
                None => it.gaps.push(format!(
                    "policy `{}` is not approved by top management",
                    p.id.text
                )),
                Some(a) if self.placeholder_signer(&a.by) => it.gaps.push(format!(
                    "policy `{}` is approved by `{}`, whose name is a placeholder",
                    p.id.text, a.by.name
                )),
                Some(_) => {}
            }
        }
        if top.is_empty() {
            it.gaps
                .push("write the top-level information security `policy`".to_string());
        }
        it.settle()
    }

    fn assessment_process(&self) -> Item {
        let mut it = item(
            "6.1.2",
            "Risk assessment process and risk acceptance criteria",
        );
        match self.m.methodology() {
            Some(m) => {
                it.found.push(self.at("`methodology`", m.keyword));
                if m.accept.is_none() {
                    it.gaps.push(
                        "the methodology sets no risk acceptance level (`accept`)".to_string(),
                    );
                }
            }
            None => it.gaps.push("declare the risk `methodology`".to_string()),
        }
        it.settle()
    }

    fn treatment_process(&self) -> Item {
        let mut it = item("6.1.3", "Risk treatment process and plan");
        let treated = self
            .m
            .risks
            .iter()
            .filter(|r| r.treatment.is_some())
            .count();
        if treated > 0 {
            it.found.push(format!(
                "{treated} risk {}, in the treatment plan document",
                plural(treated, "treatment", "treatments")
            ));
        }
        let untreated: Vec<String> = self
            .m
            .risks
            .iter()
            .filter(|r| r.treatment.is_none())
            .map(|r| format!("`{}`", r.id.text))
            .collect();
        if !untreated.is_empty() {
            it.gaps.push(format!(
                "risks without a treatment: {}",
                untreated.join(", ")
            ));
        }
        if self.m.risks.is_empty() {
            it.gaps
                .push("assess and treat the risks (`risk`)".to_string());
        }
        it.settle()
    }

    fn soa(&self) -> Item {
        let mut it = item("6.1.3 d", "Statement of Applicability");
        // The `use` line of the SoA's catalog, not of another framework in use.
        let soa_catalog = self
            .m
            .soa_catalog
            .and_then(|c| self.m.catalogs.get(c))
            .map(|c| c.id.text.as_str());
        let soa_use = self
            .m
            .uses
            .iter()
            .find(|u| Some(u.framework.text.as_str()) == soa_catalog);
        match soa_use.or(self.m.uses.first()) {
            Some(u) => {
                it.found
                    .push(self.at(&format!("`use {}`", u.framework.text), u.span));
                it.found
                    .push("the SoA document of `isms build`".to_string());
                let placeholders = self
                    .m
                    .exclusions
                    .iter()
                    .filter(|e| e.reason.as_deref().is_some_and(is_placeholder))
                    .count();
                if placeholders > 0 {
                    it.gaps.push(format!(
                        "{placeholders} {} a placeholder for a reason",
                        plural(placeholders, "exclusion gives", "exclusions give")
                    ));
                }
            }
            None => it
                .gaps
                .push("`use iso27001:2022` to produce the Statement of Applicability".to_string()),
        }
        it.settle()
    }

    fn objectives(&self) -> Item {
        let mut it = item("6.2", "Information security objectives");
        for o in &self.m.objectives {
            it.found
                .push(self.at(&format!("objective `{}`", o.id.text), o.id.span));
            if o.owner.is_none() {
                it.gaps
                    .push(format!("objective `{}` has no owner", o.id.text));
            }
            // As `objective/no-metric`: a metric's `objectives` resolves to it.
            let names = &self.m.resolution;
            let own = names.of_span(o.id.span).and_then(|x| x.target());
            let measured = own.is_some_and(|t| names.is_named_in(t, "objectives"));
            if !measured {
                it.gaps
                    .push(format!("no metric measures objective `{}`", o.id.text));
            }
        }
        if self.m.objectives.is_empty() {
            it.gaps
                .push("set measurable information security objectives (`objective`)".to_string());
        }
        it.settle()
    }

    fn competence(&self) -> Item {
        let mut it = item("7.2", "Evidence of competence (training)");
        for t in &self.m.trainings {
            it.found
                .push(self.at(&format!("training `{}`", t.id.text), t.id.span));
            let due = match (t.completed, t.frequency) {
                (Some(c), Some(f)) => f.period.after(c.date),
                _ => None,
            };
            match (t.completed, due) {
                (None, _) => it
                    .gaps
                    .push(format!("training `{}` has never been completed", t.id.text)),
                (Some(_), Some(due)) if due < self.today => it
                    .gaps
                    .push(format!("training `{}` was due again on {due}", t.id.text)),
                _ => {}
            }
        }
        if self.m.trainings.is_empty() {
            it.gaps
                .push("record awareness and competence training (`training`)".to_string());
        }
        it.settle()
    }

    fn operation(&self) -> Item {
        let mut it = item("8.1", "Evidence that processes are carried out as planned");
        let with_evidence = || self.m.controls.iter().filter(|c| !c.evidence.is_empty());
        // Evidence that is only placeholders (`evidence "TODO"`) evidences nothing.
        let evidenced = with_evidence()
            .filter(|c| c.evidence.iter().any(|e| !is_placeholder(e)))
            .count();
        let placeholders = with_evidence().count() - evidenced;
        if evidenced > 0 {
            it.found.push(format!(
                "{evidenced} {} with evidence",
                plural(evidenced, "control", "controls")
            ));
        }
        if placeholders > 0 {
            let what = plural(placeholders, "control", "controls");
            it.found
                .push(format!("{placeholders} {what} with placeholder evidence"));
            it.gaps.push(format!(
                "{placeholders} {what} {} only a placeholder for evidence",
                plural(placeholders, "has", "have")
            ));
        }
        if evidenced + placeholders == 0 {
            it.gaps
                .push("name the `evidence` of implemented controls".to_string());
        }
        it.settle()
    }

    fn assessment_results(&self) -> Item {
        let mut it = item("8.2", "Results of risk assessments");
        let n = self.m.risks.len();
        if n > 0 {
            it.found.push(format!(
                "{n} assessed {}, in the risk register document",
                plural(n, "risk", "risks")
            ));
        } else {
            it.gaps.push("assess the risks (`risk`)".to_string());
        }
        let unreviewed: Vec<String> = self
            .m
            .risks
            .iter()
            .filter(|r| r.reviewed.is_none())
            .map(|r| format!("`{}`", r.id.text))
            .collect();
        if !unreviewed.is_empty() {
            it.gaps.push(format!(
                "risks with no `reviewed` date: {}",
                unreviewed.join(", ")
            ));
        }
        it.settle()
    }

    fn treatment_results(&self) -> Item {
        let mut it = item("8.3", "Results of risk treatment");
        let done = self
            .m
            .controls
            .iter()
            .filter(|c| c.status == Some(crate::model::Status::Implemented))
            .count();
        if done > 0 {
            it.found.push(format!(
                "{done} implemented {}",
                plural(done, "control", "controls")
            ));
        } else {
            it.gaps
                .push("implement the controls of the treatment plan".to_string());
        }
        it.settle()
    }

    fn monitoring(&self) -> Item {
        let mut it = item("9.1", "Monitoring and measurement results");
        for x in &self.m.metrics {
            it.found
                .push(self.at(&format!("metric `{}`", x.id.text), x.id.span));
            if x.measurements.is_empty() {
                it.gaps
                    .push(format!("metric `{}` has no measurement", x.id.text));
            }
        }
        if self.m.metrics.is_empty() {
            it.gaps.push(
                "measure the objectives with a `metric` and its `measured` values".to_string(),
            );
        }
        it.settle()
    }

    fn audits(&self) -> Item {
        let mut it = item("9.2.2", "Audit programme and audit results");
        match self.m.programme() {
            Some(p) => it
                .found
                .push(self.at(&format!("programme `{}`", p.id.text), p.id.span)),
            None => it
                .gaps
                .push("declare the internal audit `programme`".to_string()),
        }
        let done: Vec<_> = self
            .m
            .audits
            .iter()
            .filter(|a| a.date.is_some_and(|d| d.date <= self.today))
            .collect();
        for a in &done {
            it.found
                .push(self.at(&format!("audit `{}`", a.id.text), a.id.span));
        }
        if done.is_empty() {
            it.gaps
                .push("carry out and record at least one internal `audit`".to_string());
        }
        if let Some(coverage) = audit_coverage(self.m, self.today) {
            let clauses: Vec<&str> = coverage.clause_gaps().map(|c| c.id).collect();
            let controls = coverage.control_gaps().count();
            if !done.is_empty() && !clauses.is_empty() {
                it.gaps.push(format!(
                    "no audit of the current cycle covered {} {}",
                    plural(clauses.len(), "clause", "clauses"),
                    clauses.join(", ")
                ));
            }
            if !done.is_empty() && controls > 0 {
                it.gaps.push(format!(
                    "no audit of the current cycle covered {controls} applicable {}",
                    plural(controls, "control", "controls")
                ));
            }
        }
        if let (Some(p), Some(last)) = (
            self.m.programme(),
            done.iter().filter_map(|a| a.date).map(|d| d.date).max(),
        ) {
            if let Some(due) = p.interval.and_then(|i| i.period.after(last)) {
                if due < self.today {
                    it.gaps
                        .push(format!("the next internal audit was due on {due}"));
                }
            }
        }
        it.settle()
    }

    fn reviews(&self) -> Item {
        let mut it = item("9.3.3", "Results of management reviews");
        let held: Vec<_> = self
            .m
            .reviews
            .iter()
            .filter(|r| r.date.is_some_and(|d| d.date <= self.today))
            .collect();
        for r in &held {
            it.found
                .push(self.at(&format!("management review `{}`", r.id.text), r.id.span));
            let missing: Vec<&str> = ReviewInput::ALL
                .iter()
                .filter(|(_, i)| !r.covers(*i))
                .map(|(_, i)| i.as_str())
                .collect();
            if !missing.is_empty() {
                it.gaps.push(format!(
                    "management review `{}` does not cover {}",
                    r.id.text,
                    missing.join(", ")
                ));
            }
        }
        match held.iter().filter_map(|r| r.date).map(|d| d.date).max() {
            None => it
                .gaps
                .push("hold and record a `management_review`".to_string()),
            Some(last) => {
                if last
                    .checked_add_months(Months::new(12))
                    .is_some_and(|due| due < self.today)
                {
                    it.gaps.push(format!(
                        "the last management review, of {last}, is over a year old"
                    ));
                }
            }
        }
        it.settle()
    }

    fn nonconformities(&self) -> Item {
        let mut it = item("10.2", "Nonconformities and corrective actions");
        let ncs = &self.m.nonconformities;
        if !ncs.is_empty() {
            let open = ncs
                .iter()
                .filter(|n| matches!(n.status, Some((NcStatus::Open, _))))
                .count();
            it.found.push(format!(
                "{} {} ({open} open), in the corrective action log",
                ncs.len(),
                plural(ncs.len(), "nonconformity", "nonconformities")
            ));
            for n in ncs {
                let overdue = crate::model::overdue::nonconformity_overdue(n, self.today);
                if overdue {
                    it.gaps.push(format!(
                        "nonconformity `{}` is past its due date",
                        n.id.text
                    ));
                }
            }
        } else if self.m.audits.is_empty() && self.m.incidents.is_empty() {
            it.gaps.push(
                "record nonconformities found by audits and incidents (`nonconformity`)"
                    .to_string(),
            );
        } else {
            it.found
                .push("no nonconformity raised by the recorded audits and incidents".to_string());
        }
        it.settle()
    }
}

/// The codes of `isms check` that concern the item of `clause`: while one is reported, the
/// item is partial.
fn concerns(clause: &str) -> &'static [Code] {
    match clause {
        "4.1" | "4.2" => &[Code::ContextMissing],
        "4.3" => &[Code::ProjectMissingScope],
        "5.2" => &[
            Code::PolicyMissingOwner,
            Code::PolicyUnapproved,
            Code::PolicyReviewOverdue,
            Code::PolicySelfApproved,
        ],
        "5.3" => &[Code::RoleUnassigned],
        "6.1.2" => &[Code::MethodologyScaleGap, Code::MethodologyLevels],
        "6.1.3" => &[
            Code::RiskMissingTreatment,
            Code::RiskNoControls,
            Code::RiskTreatmentOverdue,
            Code::RiskTreatmentUndated,
            Code::RiskUnaccepted,
            Code::RiskAcceptanceRequired,
            Code::RiskAcceptanceUnauthorized,
        ],
        "6.1.3 d" => &[
            Code::SoaUnaddressed,
            Code::SoaExclusionWithoutReason,
            Code::ControlUnjustified,
            Code::ControlExcludedButRequired,
        ],
        "6.2" => &[Code::ObjectiveMissingOwner, Code::ObjectiveNoMetric],
        "7.2" => &[Code::TrainingOverdue],
        "8.1" => &[Code::ControlNoEvidence, Code::ControlContradicted],
        "8.2" => &[Code::RiskReviewOverdue, Code::AssetUnassessed],
        "8.3" => &[Code::ControlOverdue],
        "9.1" => &[Code::MetricBelowTarget],
        // `audit/coverage-gap` is not listed: the item names the gaps of the coverage itself.
        "9.2.2" => &[Code::AuditOverdue, Code::AuditNotIndependent],
        "9.3.3" => &[Code::ReviewOverdue, Code::ReviewInputsMissing],
        "10.2" => &[
            Code::NonconformityOverdue,
            Code::NonconformityMissingRootCause,
            Code::NonconformityUnverified,
        ],
        // The items above are every item readiness lists.
        _ => &[],
    }
}

fn item(clause: &'static str, title: &'static str) -> Item {
    Item {
        clause,
        title,
        state: State::Missing,
        found: Vec::new(),
        gaps: Vec::new(),
    }
}

impl Item {
    /// Provided when found with no gap, partial when found with gaps, else missing.
    fn settle(mut self) -> Item {
        self.state = match (self.found.is_empty(), self.gaps.is_empty()) {
            (false, true) => State::Provided,
            (false, false) => State::Partial,
            (true, _) => State::Missing,
        };
        self
    }
}
