//! Hover: what a name stands for, in the words of an auditor's register.

use isms::check::Context;
use isms::model::graph::{EdgeKind, Node};
use isms::model::methodology::assess;
use isms::model::{Kind, Model, Risk, Scale};
use isms::source::{FileId, Span};
use isms::syntax::ValueKind;
use tower_lsp_server::ls_types::{Hover, HoverContents, MarkupContent, MarkupKind};

use crate::analysis::Analysis;
use crate::names::Target;
use crate::summary;

pub fn hover(a: &Analysis, file: FileId, offset: usize) -> Option<Hover> {
    let described = a
        .target_at(file, offset)
        .and_then(|at| Some((describe(a, &at.target)?, at.span)));
    let (text, span) = match described {
        Some(found) => found,
        // Declarations this server does not describe yet still show their doc comment.
        None => declaration_doc(a, file, offset)?,
    };
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: text,
        }),
        range: a.range(span),
    })
}

/// The summary of the declaration whose name is at `offset`, for the declarations the
/// table of names does not cover.
fn declaration_doc(a: &Analysis, file: FileId, offset: usize) -> Option<(String, Span)> {
    let ast = a.compilation.asts.get(file.0 as usize)?;
    let decl = ast
        .decls
        .iter()
        .find(|d| d.span.start() <= offset && offset <= d.span.end())?;
    let name = decl.args.first()?.single()?;
    if !(name.span.start() <= offset && offset <= name.span.end()) {
        return None;
    }
    let ValueKind::Word(_) = &name.kind else {
        return None;
    };
    Some((summary::of_decl(a, file, decl), name.span))
}

/// The Markdown description of a named thing; `None` when it is not declared. The kinds
/// in `RICH` have a description of their own; every other kind the summary its
/// definition gives (`summary.rs`).
pub fn describe(a: &Analysis, target: &Target) -> Option<String> {
    let name = target.name.as_str();
    match RICH.iter().find(|(kind, _)| *kind == target.kind) {
        Some((_, rich)) => rich(a, name),
        None => summary::of_name(a, target.kind, name),
    }
}

/// The kinds described with what resolution and the graph know (scores, holders, the
/// risks of an asset), beyond the fields written.
type Describe = fn(&Analysis, &str) -> Option<String>;
const RICH: &[(Kind, Describe)] = &[
    (Kind::Control, control),
    (Kind::Risk, risk),
    (Kind::Person, person),
    (Kind::Role, role),
    (Kind::Asset, asset),
    (Kind::Requirement, requirement),
    (Kind::Policy, policy),
];

fn person(a: &Analysis, name: &str) -> Option<String> {
    let m = &a.compilation.model;
    let mut out = Vec::new();
    let p = m.person(name)?;
    out.push(title("person", name, p.name.as_deref()));
    if !p.roles.is_empty() {
        out.push(format!(
            "Roles: {}",
            codes(p.roles.iter().map(|r| r.name.as_str()))
        ));
    }
    if let Some(email) = &p.email {
        out.push(format!("Email: {email}"));
    }
    push_opt(&mut out, p.common.doc.as_deref());
    Some(join(out))
}

fn role(a: &Analysis, name: &str) -> Option<String> {
    let m = &a.compilation.model;
    let mut out = Vec::new();
    let r = m.role(name)?;
    out.push(title("role", name, r.title.as_deref()));
    let holders: Vec<&str> = m
        .persons
        .iter()
        .filter(|p| p.roles.iter().any(|x| x.name == name))
        .map(|p| p.id.text.as_str())
        .collect();
    out.push(if holders.is_empty() {
        "Held by nobody".to_string()
    } else {
        format!("Held by {}", codes(holders))
    });
    push_opt(&mut out, r.description.as_deref());
    push_opt(&mut out, r.common.doc.as_deref());
    Some(join(out))
}

fn asset(a: &Analysis, name: &str) -> Option<String> {
    let m = &a.compilation.model;
    let mut out = Vec::new();
    let i = m.index.get(Kind::Asset, name)?;
    let x = m.assets.get(i)?;
    out.push(title("asset", name, x.name.as_deref()));
    let mut facts = Vec::new();
    if let Some(k) = x.kind {
        facts.push(format!("Kind: {k}"));
    }
    if let Some(c) = &x.classification {
        facts.push(format!("Classification: {c}"));
    }
    if let Some(o) = &x.owner {
        facts.push(format!("Owner: `{}`", o.name));
    }
    out.push(facts.join(" · "));
    let risks = sources(a, Node::Asset(i), EdgeKind::AssessedBy, true);
    out.push(if risks.is_empty() {
        "Not named by any risk".to_string()
    } else {
        format!("Risks: {}", codes(risks.iter().map(String::as_str)))
    });
    push_opt(&mut out, x.description.as_deref());
    push_opt(&mut out, x.common.doc.as_deref());
    Some(join(out))
}

fn requirement(a: &Analysis, name: &str) -> Option<String> {
    let m = &a.compilation.model;
    let mut out = Vec::new();
    let i = m.index.get(Kind::Requirement, name)?;
    let x = m.requirements.get(i)?;
    out.push(title("requirement", name, x.title.as_deref()));
    if let Some(k) = x.kind {
        out.push(format!("Kind: {k}"));
    }
    push_opt(
        &mut out,
        x.source
            .as_deref()
            .map(|s| format!("Source: {s}"))
            .as_deref(),
    );
    out.push(format!(
        "Controls: {}",
        codes(x.controls.iter().map(|r| r.name.as_str()))
    ));
    push_opt(&mut out, x.common.doc.as_deref());
    Some(join(out))
}

fn policy(a: &Analysis, name: &str) -> Option<String> {
    let m = &a.compilation.model;
    let mut out = Vec::new();
    let p = m.policy(name)?;
    out.push(title("policy", name, p.title.as_deref()));
    let mut facts = Vec::new();
    if let Some(k) = p.kind {
        facts.push(format!("Kind: {k}"));
    }
    if let Some(v) = &p.version {
        facts.push(format!("Version {v}"));
    }
    if let Some(o) = &p.owner {
        facts.push(format!("Owner: `{}`", o.name));
    }
    out.push(facts.join(" · "));
    out.push(match &p.approved {
        Some(s) => match s.on {
            Some(on) => format!("Approved by `{}` on {}", s.by.name, on.date),
            None => format!("Approved by `{}`", s.by.name),
        },
        None => "Not approved".to_string(),
    });
    if !p.implements.is_empty() {
        out.push(format!(
            "Implements: {}",
            codes(p.implements.iter().map(|r| r.name.as_str()))
        ));
    }
    push_opt(&mut out, p.common.doc.as_deref());
    Some(join(out))
}

fn control(a: &Analysis, id: &str) -> Option<String> {
    let m = &a.compilation.model;
    let slot_index = m.slot_index(id)?;
    let slot = m.slots.get(slot_index)?;
    let decl = m.control_decl(slot);
    let entry = m.catalog_entry(slot);
    let title_text = entry
        .map(|(_, e)| e.title.as_str())
        .or(decl.and_then(|d| d.title.as_deref()));
    let mut out = vec![title("control", id, title_text)];
    match entry {
        Some((catalog, e)) => {
            let mut facts = vec![format!("Catalog: `{}`", catalog.id.text)];
            if let Some(theme) = &e.theme {
                facts.push(format!("Theme: {theme}"));
            }
            out.push(facts.join(" · "));
            let attributes: Vec<String> = [
                ("Control type", &e.control_type),
                ("Properties", &e.properties),
                ("Concepts", &e.concepts),
                ("Capabilities", &e.capabilities),
                ("Domains", &e.domains),
            ]
            .iter()
            .filter(|(_, tags)| !tags.is_empty())
            .map(|(what, tags)| format!("- {what}: {}", tags.join(", ")))
            .collect();
            if !attributes.is_empty() {
                out.push(format!(
                    "ISO/IEC 27002 attributes:\n{}",
                    attributes.join("\n")
                ));
            }
        }
        None => out.push("Custom control".to_string()),
    }
    let risks = sources(a, Node::Control(slot_index), EdgeKind::TreatedBy, false);
    let requirements = sources(a, Node::Control(slot_index), EdgeKind::Requires, false);
    let cx = Context::new(m, &a.compilation.trace, a.compilation.today);
    out.push(if cx.is_applicable(slot_index) {
        let mut why = Vec::new();
        if !risks.is_empty() {
            why.push(format!("risks {}", codes(risks.iter().map(String::as_str))));
        }
        if !requirements.is_empty() {
            why.push(format!(
                "requirements {}",
                codes(requirements.iter().map(String::as_str))
            ));
        }
        format!("**Applicable**, justified by {}", why.join(" and "))
    } else if let Some((exclusion, _)) = m.exclusion_of(id) {
        match &exclusion.reason {
            Some(reason) => format!("**Excluded**: {reason}"),
            None => "**Excluded**, without a reason".to_string(),
        }
    } else if slot.is_custom() {
        "**Not justified**: no risk treatment or requirement names it".to_string()
    } else {
        "**Not addressed**: neither applicable nor excluded".to_string()
    });
    match decl {
        Some(d) => {
            let mut facts = Vec::new();
            facts.push(match d.status {
                Some(s) => format!("Status: {s}"),
                None => "No status".to_string(),
            });
            facts.push(match &d.owner {
                Some(o) => format!("Owner: `{}`", o.name),
                None => "No owner".to_string(),
            });
            if let Some(due) = d.due {
                facts.push(format!("Due {}", due.date));
            }
            out.push(facts.join(" · "));
            if !d.evidence.is_empty() {
                out.push(format!("Evidence: {}", d.evidence.join("; ")));
            }
        }
        None => out.push("No `control` declaration: no status or owner recorded".to_string()),
    }
    let policies = sources(a, Node::Control(slot_index), EdgeKind::Implements, false);
    if !policies.is_empty() {
        out.push(format!(
            "Policies: {}",
            codes(policies.iter().map(String::as_str))
        ));
    }
    if let Some(maps) = crate::hover_mappings::mapped(m, id) {
        out.push(maps);
    }
    push_opt(&mut out, decl.and_then(|d| d.common.doc.as_deref()));
    Some(join(out))
}

fn risk(a: &Analysis, id: &str) -> Option<String> {
    let m = &a.compilation.model;
    let r = m.risk(id)?;
    let mut out = vec![title("risk", id, r.title.as_deref())];
    out.push(assessment(m, r));
    if let Some(t) = &r.treatment {
        let mut line = format!("Treatment: {}", t.kind);
        if !t.controls.is_empty() {
            line.push_str(&format!(
                " with {}",
                codes(t.controls.iter().map(|c| c.name.as_str()))
            ));
        }
        out.push(line);
        if let Some(s) = &t.accepted {
            out.push(match s.on {
                Some(on) => format!("Accepted by `{}` on {}", s.by.name, on.date),
                None => format!("Accepted by `{}`", s.by.name),
            });
        }
    }
    out.push(match &r.owner {
        Some(o) => format!("Owner: `{}`", o.name),
        None => "No owner".to_string(),
    });
    if !r.assets.is_empty() {
        out.push(format!(
            "Assets: {}",
            codes(r.assets.iter().map(|x| x.name.as_str()))
        ));
    }
    push_opt(
        &mut out,
        r.threat
            .as_deref()
            .map(|t| format!("Threat: {t}"))
            .as_deref(),
    );
    push_opt(
        &mut out,
        r.vulnerability
            .as_deref()
            .map(|v| format!("Vulnerability: {v}"))
            .as_deref(),
    );
    push_opt(&mut out, r.common.doc.as_deref());
    Some(join(out))
}

/// "Likelihood 4 (Likely) × impact 5 (Severe) = 20, **critical**; residual …"
fn assessment(m: &Model, r: &Risk) -> String {
    let Some(method) = m.methodology() else {
        return "No methodology: no score".to_string();
    };
    let Some(a) = assess(r, method) else {
        return "Not scored: likelihood or impact missing or off the scale".to_string();
    };
    let level = |i: Option<usize>| {
        i.and_then(|i| method.levels.get(i))
            .map_or("no level".to_string(), |l| format!("**{}**", l.name.text))
    };
    let rated = |scale: &Option<Scale>, v: i64| match scale.as_ref().and_then(|s| s.label(v)) {
        Some(label) => format!("{v} ({label})"),
        None => v.to_string(),
    };
    let (l, i) = (
        r.likelihood.map_or(0, |x| x.value),
        r.impact.map_or(0, |x| x.value),
    );
    let mut line = format!(
        "Likelihood {} × impact {} = score **{}**, level {}",
        rated(&method.likelihood, l),
        rated(&method.impact, i),
        a.score,
        level(a.level)
    );
    line.push_str("\n\n");
    line.push_str(&match (a.residual_score, &r.treatment) {
        (Some(s), Some(t)) => match &t.residual {
            Some(res) => format!(
                "Residual: {} × {} = {s}, level {}",
                res.likelihood.value,
                res.impact.value,
                level(a.residual_level)
            ),
            None => format!(
                "Residual: {s}, level {} (no `residual` given)",
                level(a.residual_level)
            ),
        },
        (None, Some(t)) if t.kind == isms::model::TreatmentKind::Avoid => {
            "Residual: none (avoided)".to_string()
        }
        _ => "Residual: unknown".to_string(),
    });
    if let (Some(accept), Some(res)) = (method.accept_index(), a.residual_level.or(a.level)) {
        if res > accept {
            line.push_str(" — above the acceptance level");
        }
    }
    line
}

/// The names of the declarations with an edge of `kind` into `node`.
fn sources(a: &Analysis, node: Node, kind: EdgeKind, targets: bool) -> Vec<String> {
    let t = &a.compilation.trace;
    let nodes = if targets {
        t.targets(node, kind)
    } else {
        t.sources(node, kind)
    };
    let m = &a.compilation.model;
    nodes
        .into_iter()
        .filter_map(|n| match n {
            Node::Risk(i) => m.risks.get(i).map(|x| x.id.text.clone()),
            Node::Requirement(i) => m.requirements.get(i).map(|x| x.id.text.clone()),
            Node::Policy(i) => m.policies.get(i).map(|x| x.id.text.clone()),
            Node::Asset(i) => m.assets.get(i).map(|x| x.id.text.clone()),
            Node::Control(i) => m.slots.get(i).map(|x| x.id.clone()),
        })
        .collect()
}

fn title(kind: &str, id: &str, title: Option<&str>) -> String {
    match title {
        Some(t) => format!("{kind} **{id}** — {t}"),
        None => format!("{kind} **{id}**"),
    }
}

fn codes<'s>(items: impl IntoIterator<Item = &'s str>) -> String {
    items
        .into_iter()
        .map(|s| format!("`{s}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn push_opt(out: &mut Vec<String>, text: Option<&str>) {
    if let Some(t) = text.filter(|t| !t.trim().is_empty()) {
        out.push(t.to_string());
    }
}

fn join(parts: Vec<String>) -> String {
    parts
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}
