//! The ISMS lifecycle as documents: the audit programme and its audits (clause 9.2), the
//! management review minutes (9.3), the nonconformity and corrective action log with the
//! incidents (10.2, controls 5.24–5.28), the objectives with their metrics (6.2, 9.1) and
//! the Stage 1 readiness report.

use crate::model::Quantity;
use serde::Serialize;

use super::names::{date, natural_cmp, Party};
use crate::check::readiness::Readiness;
use crate::model::{Keyword as _, Kind, Model, Ref, ReviewInput};
use crate::Compilation;

#[derive(Debug, Clone, Serialize)]
pub struct ProgrammeRow {
    pub id: String,
    pub title: String,
    pub owner: Option<Party>,
    /// "6 months"
    pub interval: Option<String>,
    /// The last audit's date plus the interval.
    pub next_due: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct AuditRow {
    pub id: String,
    pub title: String,
    pub date: Option<String>,
    pub auditor: Option<Party>,
    pub controls: Vec<String>,
    pub policies: Vec<String>,
    pub clauses: Vec<String>,
    pub findings: Vec<String>,
    pub summary: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct InputRow {
    /// The letter of clause 9.3.2.
    pub letter: &'static str,
    pub input: &'static str,
    pub description: &'static str,
    pub covered: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct ReviewRow {
    pub id: String,
    pub title: String,
    pub date: Option<String>,
    pub attendees: Vec<Party>,
    pub inputs: Vec<InputRow>,
    pub decisions: Vec<String>,
    pub actions: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct NcRow {
    pub id: String,
    pub title: String,
    pub raised: Option<String>,
    /// Audits and incidents that name it.
    pub sources: Vec<String>,
    pub owner: Option<Party>,
    pub root_cause: Option<String>,
    pub action: Option<String>,
    pub due: Option<String>,
    pub status: Option<&'static str>,
    pub closed: Option<String>,
    pub verified: Option<String>,
    /// Open and past its due date.
    pub overdue: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct IncidentRow {
    pub id: String,
    pub title: String,
    pub date: Option<String>,
    pub severity: Option<&'static str>,
    pub assets: Vec<String>,
    pub risks: Vec<String>,
    pub lessons: Option<String>,
    pub nonconformities: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ObjectiveRow {
    pub id: String,
    pub title: String,
    pub owner: Option<Party>,
    pub target: Option<String>,
    pub due: Option<String>,
    pub risks: Vec<String>,
    pub controls: Vec<String>,
    /// IDs of the metrics that measure it.
    pub metrics: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Point {
    pub date: String,
    pub value: Quantity,
}

#[derive(Debug, Clone, Serialize)]
pub struct MetricRow {
    pub id: String,
    pub title: String,
    pub objectives: Vec<String>,
    pub owner: Option<Party>,
    pub unit: String,
    /// "below 5"
    pub target: Option<String>,
    pub direction: Option<&'static str>,
    pub target_value: Option<Quantity>,
    /// In date order.
    pub measurements: Vec<Point>,
    /// Whether the latest measurement meets the target.
    pub on_target: Option<bool>,
    pub action: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TrainingRow {
    pub id: String,
    pub title: String,
    pub audience: Vec<Party>,
    pub frequency: Option<String>,
    pub completed: Option<String>,
    pub completion: Option<i64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct LifecycleDoc {
    pub organization: String,
    pub date: String,
    pub programme: Option<ProgrammeRow>,
    pub audits: Vec<AuditRow>,
    pub reviews: Vec<ReviewRow>,
    pub nonconformities: Vec<NcRow>,
    pub incidents: Vec<IncidentRow>,
    pub objectives: Vec<ObjectiveRow>,
    pub metrics: Vec<MetricRow>,
    pub trainings: Vec<TrainingRow>,
    pub readiness: Readiness,
}

fn ids(refs: &[Ref]) -> Vec<String> {
    refs.iter().map(|r| r.name.clone()).collect()
}

/// For each declaration of `kind`, by position, the labels of the declarations whose
/// references (`refs`) name it, in model order and each once: one pass over the
/// references, read from the resolution table.
fn named_by<'m, T: 'm>(
    m: &Model,
    kind: Kind,
    count: usize,
    from: &'m [T],
    refs: impl Fn(&'m T) -> &'m [Ref],
    label: impl Fn(&'m T) -> String,
) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = vec![Vec::new(); count];
    for x in from {
        for r in refs(x) {
            let Some(names) = m.resolution.decl(r, kind).and_then(|i| out.get_mut(i)) else {
                continue;
            };
            let label = label(x);
            if names.last() != Some(&label) {
                names.push(label);
            }
        }
    }
    out
}

fn party(m: &Model, r: Option<&Ref>) -> Option<Party> {
    r.map(|r| Party::of(m, r))
}

impl LifecycleDoc {
    pub fn build(c: &Compilation) -> LifecycleDoc {
        let m = &c.model;
        let title = |t: &Option<String>, id: &str| t.clone().unwrap_or_else(|| id.to_string());
        let mut audits: Vec<AuditRow> = m
            .audits
            .iter()
            .map(|a| AuditRow {
                id: a.id.text.clone(),
                title: title(&a.title, &a.id.text),
                date: a.date.map(|d| date(d.date)),
                auditor: party(m, a.auditor.as_ref()),
                controls: ids(&a.controls),
                policies: ids(&a.policies),
                clauses: a.clauses.clone(),
                findings: ids(&a.findings),
                summary: a.summary.clone(),
            })
            .collect();
        // Dates as YYYY-MM-DD sort in calendar order; undated audits last.
        audits.sort_by(|a, b| {
            (a.date.is_none(), &a.date, &a.id).cmp(&(b.date.is_none(), &b.date, &b.id))
        });
        let programme = m.programme().map(|p| ProgrammeRow {
            id: p.id.text.clone(),
            title: title(&p.title, &p.id.text),
            owner: party(m, p.owner.as_ref()),
            interval: p.interval.map(|i| i.period.to_string()),
            next_due: m.next_audit_due().map(|(_, _, due)| date(due)),
        });
        let mut reviews: Vec<ReviewRow> = m
            .reviews
            .iter()
            .map(|r| ReviewRow {
                id: r.id.text.clone(),
                title: title(&r.title, &r.id.text),
                date: r.date.map(|d| date(d.date)),
                attendees: r.attendees.iter().map(|a| Party::of(m, a)).collect(),
                inputs: ReviewInput::ALL
                    .iter()
                    .map(|(name, i)| InputRow {
                        letter: i.clause().0,
                        input: name,
                        description: i.clause().1,
                        covered: r.covers(*i),
                    })
                    .collect(),
                decisions: r.decisions.iter().map(|d| d.text.clone()).collect(),
                actions: r.actions.clone(),
            })
            .collect();
        reviews.sort_by(|a, b| (&a.date, &a.id).cmp(&(&b.date, &b.id)));
        let ncs = (Kind::Nonconformity, m.nonconformities.len());
        let mut found_by = named_by(
            m,
            ncs.0,
            ncs.1,
            &m.audits,
            |a| &a.findings,
            |a| format!("audit {}", a.id.text),
        );
        let raised_by = named_by(
            m,
            ncs.0,
            ncs.1,
            &m.incidents,
            |i| &i.nonconformities,
            |i| format!("incident {}", i.id.text),
        );
        let nonconformities = m
            .nonconformities
            .iter()
            .enumerate()
            .map(|(at, n)| {
                let name = &n.id.text;
                let mut sources: Vec<String> =
                    found_by.get_mut(at).map(std::mem::take).unwrap_or_default();
                sources.extend(raised_by.get(at).into_iter().flatten().cloned());
                NcRow {
                    id: name.clone(),
                    title: title(&n.title, name),
                    raised: n.raised.map(|d| date(d.date)),
                    sources,
                    owner: party(m, n.owner.as_ref()),
                    root_cause: n.root_cause.clone(),
                    action: n.action.clone(),
                    due: n.due.map(|d| date(d.date)),
                    status: n.status.map(|(s, _)| s.as_str()),
                    closed: n.closed.map(|d| date(d.date)),
                    verified: n.verified.clone(),
                    overdue: crate::model::overdue::nonconformity_overdue(n, c.today),
                }
            })
            .collect();
        let incidents = m
            .incidents
            .iter()
            .map(|i| IncidentRow {
                id: i.id.text.clone(),
                title: title(&i.title, &i.id.text),
                date: i.date.map(|d| date(d.date)),
                severity: i.severity.map(|s| s.as_str()),
                assets: ids(&i.assets),
                risks: ids(&i.risks),
                lessons: i.lessons.clone(),
                nonconformities: ids(&i.nonconformities),
            })
            .collect();
        let mut measured_by = named_by(
            m,
            Kind::Objective,
            m.objectives.len(),
            &m.metrics,
            |x| &x.objectives,
            |x| x.id.text.clone(),
        );
        let objectives = m
            .objectives
            .iter()
            .enumerate()
            .map(|(at, o)| {
                let mut metrics: Vec<String> = measured_by
                    .get_mut(at)
                    .map(std::mem::take)
                    .unwrap_or_default();
                metrics.sort_by(|a, b| natural_cmp(a, b));
                ObjectiveRow {
                    id: o.id.text.clone(),
                    title: title(&o.title, &o.id.text),
                    owner: party(m, o.owner.as_ref()),
                    target: o.target.clone(),
                    due: o.due.map(|d| date(d.date)),
                    risks: ids(&o.risks),
                    controls: ids(&o.controls),
                    metrics,
                }
            })
            .collect();
        let metrics = m
            .metrics
            .iter()
            .map(|x| MetricRow {
                id: x.id.text.clone(),
                title: title(&x.title, &x.id.text),
                objectives: ids(&x.objectives),
                owner: party(m, x.owner.as_ref()),
                unit: x.unit.clone().unwrap_or_default(),
                target: x.target.map(|t| format!("{} {}", t.direction, t.value)),
                direction: x.target.map(|t| t.direction.as_str()),
                target_value: x.target.map(|t| t.value),
                measurements: x
                    .measurements
                    .iter()
                    .map(|p| Point {
                        date: date(p.on.date),
                        value: p.value,
                    })
                    .collect(),
                on_target: x.target.zip(x.latest()).map(|(t, l)| t.met_by(l.value)),
                action: x.action.clone(),
            })
            .collect();
        let trainings = m
            .trainings
            .iter()
            .map(|t| TrainingRow {
                id: t.id.text.clone(),
                title: title(&t.title, &t.id.text),
                audience: t.audience.iter().map(|a| Party::of(m, a)).collect(),
                frequency: t.frequency.map(|f| f.period.to_string()),
                completed: t.completed.map(|d| date(d.date)),
                completion: t.completion.map(|r| r.value),
            })
            .collect();
        LifecycleDoc {
            organization: super::organization_name(c),
            date: date(c.today),
            programme,
            audits,
            reviews,
            nonconformities,
            incidents,
            objectives,
            metrics,
            trainings,
            readiness: c.readiness(),
        }
    }

    /// Whether the project records any of the lifecycle (then its documents are written).
    pub fn any(&self) -> bool {
        self.programme.is_some()
            || !self.audits.is_empty()
            || !self.reviews.is_empty()
            || !self.nonconformities.is_empty()
            || !self.incidents.is_empty()
            || !self.objectives.is_empty()
            || !self.metrics.is_empty()
            || !self.trainings.is_empty()
    }
}
