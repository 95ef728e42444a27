//! One policy document: its document control (version, owner, approval, next review,
//! parent), its sections and numbered statements, and the controls it implements.

use rustc_hash::FxHashMap as HashMap;
use serde::Serialize;

use super::file_names::PolicyFiles;
use super::names::{date, natural_cmp, ControlRef, Named, Party};
use crate::model::{Kind, Model, Policy, PolicyKind, Referent};
use crate::Compilation;

#[derive(Debug, Clone, Serialize)]
pub struct Section {
    pub heading: String,
    /// Markdown.
    pub body: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Statement {
    pub id: String,
    pub text: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct PolicyDoc {
    pub organization: String,
    pub date: String,
    pub id: String,
    pub title: String,
    pub kind: Option<PolicyKind>,
    pub version: Option<String>,
    pub owner: Option<Party>,
    pub approver: Option<Party>,
    pub approved_on: Option<String>,
    /// "12 months"
    pub review: Option<String>,
    /// Approval date plus the review period.
    pub next_review: Option<String>,
    pub parent: Option<Named>,
    /// Policies whose `parent` is this one.
    pub children: Vec<Named>,
    /// The `///` comment above the policy: an introduction.
    pub doc: Option<String>,
    pub sections: Vec<Section>,
    pub statements: Vec<Statement>,
    pub implements: Vec<ControlRef>,
    /// The documents' file name (see [`super::file_names`]).
    #[serde(skip)]
    pub file: String,
}

impl PolicyDoc {
    /// One document per policy, in declaration order.
    pub fn build_all(c: &Compilation, files: &PolicyFiles) -> Vec<PolicyDoc> {
        let m = &c.model;
        // Children are gathered in one pass: searching all policies for each policy's
        // children took quadratic time (12 s to build 20,000 policies).
        let mut children: HashMap<usize, Vec<Named>> = HashMap::default();
        for x in &m.policies {
            let parent = x.parent.as_ref();
            if let Some(i) = parent.and_then(|r| m.resolution.decl(r, Kind::Policy)) {
                children.entry(i).or_default().push(named(x));
            }
        }
        m.policies
            .iter()
            .enumerate()
            // A duplicate declaration is an error, so only the first of a name is built:
            // the one its own name resolves to.
            .filter(|(i, p)| {
                let own = m.resolution.of_span(p.id.span).and_then(|x| x.target());
                own == Some(Referent::Decl(Kind::Policy, *i))
            })
            .map(|(i, p)| {
                let kids = children.get(&i).cloned().unwrap_or_default();
                PolicyDoc {
                    file: files.name(&p.id.text),
                    ..build(c, m, p, kids)
                }
            })
            .collect()
    }

    /// `policies/<file name>` without extension.
    pub fn stem(&self) -> String {
        format!("policies/{}", self.file)
    }
}

fn named(p: &Policy) -> Named {
    Named {
        id: p.id.text.clone(),
        name: p.title.clone().unwrap_or_else(|| p.id.text.clone()),
    }
}

/// The document of `p`, whose children (policies naming it as `parent`, in model order)
/// are `children`.
fn build(c: &Compilation, m: &Model, p: &Policy, children: Vec<Named>) -> PolicyDoc {
    let approved_on = p.approved.as_ref().and_then(|a| a.on).map(|d| d.date);
    let mut implements: Vec<ControlRef> =
        p.implements.iter().map(|r| ControlRef::of(m, r)).collect();
    implements.sort_by(|a, b| natural_cmp(&a.id, &b.id));
    implements.dedup_by(|a, b| a.id == b.id);
    PolicyDoc {
        organization: super::organization_name(c),
        date: date(c.today),
        id: p.id.text.clone(),
        title: p.title.clone().unwrap_or_else(|| p.id.text.clone()),
        kind: p.kind,
        version: p.version.clone(),
        owner: p.owner.as_ref().map(|o| Party::of(m, o)),
        approver: p.approved.as_ref().map(|a| Party::of(m, &a.by)),
        approved_on: approved_on.map(date),
        review: p.review.map(|r| r.period.to_string()),
        next_review: p.next_review().map(date),
        parent: p
            .parent
            .as_ref()
            .and_then(|r| m.resolution.decl(r, Kind::Policy))
            .and_then(|i| m.policies.get(i))
            .map(named),
        children,
        doc: p.common.doc.clone(),
        sections: p
            .sections
            .iter()
            .map(|s| Section {
                heading: s.heading.clone(),
                body: s.body.clone(),
            })
            .collect(),
        statements: p
            .statements
            .iter()
            .map(|s| Statement {
                id: s.id.text.clone(),
                text: s.text.clone(),
            })
            .collect(),
        implements,
        file: String::new(),
    }
}
