//! The imported project as `.isms` text: `isms.isms` (catalog, placeholders for the
//! organisation and scope, the methodology), `people.isms`, `soa.isms`, `risks.isms` and
//! `assets.isms`, each run through the formatter (which re-parses it and refuses a change
//! of meaning). Guesses are written as placeholders (`TODO: …`).

use std::collections::BTreeSet;
use std::fmt::Write as _;

use super::acceptance::{self, Acceptance};
use super::decide::{self, Decision, Migration};
use super::methodology::{self, Inferred};
use super::migrate::{Annex, ControlId};
use super::parties::{slug, Parties, PartyKind};
use super::records::{AssetRecord, Records, RiskRecord};
use super::{Error, Problem, Report};
use crate::format::format_text;
use crate::model::{Keyword as _, TreatmentKind};

/// Build every file; problems found across sheets (a control no sheet defines, levels that
/// overlap) go onto the report.
pub fn project(
    records: &Records,
    annex: &Annex,
    sources: &[&str],
    report: &mut Report,
) -> Result<Vec<(String, String)>, Error> {
    let (decisions, mut migrations) = decide::decide(&records.soa);
    let mut parties = Parties::default();
    let from = sources.join(", ");
    let custom: BTreeSet<&str> = decisions
        .iter()
        .filter(|d| d.custom.is_some())
        .map(|d| d.id.as_str())
        .collect();

    let risks = risks_text(records, &custom, &mut parties, &mut migrations, report);
    let treated: BTreeSet<String> = records
        .risks
        .iter()
        .flat_map(|r| r.controls.iter().flat_map(targets))
        .collect();
    let soa = if records.soa.is_empty() {
        String::new()
    } else {
        soa_text(
            &decisions,
            &treated,
            annex,
            &mut parties,
            &migrations,
            &from,
        )
    };
    let assets = assets_text(records, &mut parties);
    let methodology = (!records.risks.is_empty())
        .then(|| methodology::infer(&records.risks, &mut report.problems));
    let acceptance = methodology
        .as_ref()
        .map(|m| acceptance::read(&records.risks, &m.levels, &mut parties))
        .unwrap_or_default();
    if let Some(m) = methodology
        .as_ref()
        .filter(|_| acceptance.owner_level.is_none())
    {
        report.reminders.push(format!(
            "the acceptance threshold in isms.isms is the highest level (`accept {}`): set \
             the level risk owners may accept alone, and who accepts above it",
            m.levels.last().map_or("", |l| l.0.as_str())
        ));
    }
    if methodology.as_ref().is_some_and(|m| m.levels_guessed) {
        report.reminders.push(
            "the risk register has no level column: isms.isms splits the scores into \
             three levels; confirm them"
                .to_string(),
        );
    }
    report.migrations = migrations;
    let mut files = vec![(
        "isms.isms".to_string(),
        isms_text(&from, methodology.as_ref(), &acceptance),
    )];
    files.push(("people.isms".to_string(), people_text(&parties, &from)));
    for (name, text) in [
        ("soa.isms", soa),
        ("risks.isms", risks),
        ("assets.isms", assets),
    ] {
        if !text.is_empty() {
            files.push((name.to_string(), text));
        }
    }
    files
        .into_iter()
        .map(|(name, text)| {
            format_text(&text)
                .map(|t| (name.clone(), t))
                .map_err(|e| Error::Unformattable(format!("{name}: {e}")))
        })
        .collect()
}

/// The 2022 IDs a control cell stands for.
fn targets(id: &ControlId) -> Vec<String> {
    match id {
        ControlId::Current(id) | ControlId::Custom(id) => vec![id.clone()],
        ControlId::Migrated { to, .. } => to.clone(),
    }
}

/// A string literal of the language.
pub fn quote(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn isms_text(from: &str, methodology: Option<&Inferred>, acceptance: &Acceptance) -> String {
    let mut out = format!(
        "// Imported by `isms import` from {from}: replace every TODO, then run `isms check`.\n\n\
         use iso27001:2022\n\n\
         organization imported \"TODO: Organization Name\"\n\n\
         scope \"TODO: the products, services and processes the ISMS covers\"\n"
    );
    let Some(m) = methodology else {
        return out;
    };
    out.push_str("\n/// Risk assessment methodology (clause 6.1.2), read from the imported risk register.\nmethodology {\n");
    for (what, scale) in [("likelihood", &m.likelihood), ("impact", &m.impact)] {
        let _ = writeln!(out, "  {what} {{");
        for (value, label) in scale {
            let _ = writeln!(out, "    {value} {}", quote(label));
        }
        out.push_str("  }\n");
    }
    out.push_str("  levels {\n");
    for (level, lo, hi) in &m.levels {
        let _ = writeln!(out, "    {level} {lo}..{hi}");
    }
    out.push_str("  }\n");
    match (&acceptance.owner_level, m.levels.last()) {
        (Some(level), _) => {
            let _ = writeln!(
                out,
                "  accept {level}  // the highest level a risk owner accepted alone"
            );
        }
        (None, Some((top, ..))) => {
            let _ = writeln!(
                out,
                "  accept {top}  // TODO: the level a risk owner may accept alone (the workbook does not say)"
            );
        }
        (None, None) => {}
    }
    for (level, by) in &acceptance.authorities {
        let _ = writeln!(out, "  accept {level} by {by}");
    }
    out.push_str("}\n");
    out
}

fn people_text(parties: &Parties, from: &str) -> String {
    let mut out = format!("// The owners named in {from}, imported by `isms import`.\n");
    for p in &parties.all {
        out.push('\n');
        match p.kind {
            PartyKind::Person if p.roles.is_empty() => {
                let _ = writeln!(out, "person {} {}", p.id, quote(&p.name));
            }
            PartyKind::Person => {
                let _ = writeln!(
                    out,
                    "person {} {} {{ roles {} }}",
                    p.id,
                    quote(&p.name),
                    p.roles.join(", ")
                );
            }
            PartyKind::Role if parties.is_held(&p.id) => {
                let _ = writeln!(out, "role {} {}", p.id, quote(&p.name));
            }
            PartyKind::Role => {
                let _ = writeln!(out, "role {} {}", p.id, quote(&p.name));
                let _ = writeln!(
                    out,
                    "person {}-holder \"TODO: Full Name\" {{ roles {} }}  // the person who holds the role",
                    p.id, p.id
                );
            }
        }
    }
    out
}

fn soa_text(
    decisions: &[Decision],
    treated: &BTreeSet<String>,
    annex: &Annex,
    parties: &mut Parties,
    migrations: &[Migration],
    from: &str,
) -> String {
    let mut out = format!("// Statement of Applicability imported by `isms import` from {from}.\n");
    if !migrations.is_empty() {
        out.push_str("// Control IDs migrated from ISO/IEC 27001:2013 to ISO/IEC 27001:2022:\n");
        for m in migrations {
            let _ = writeln!(out, "//   {} -> {} ({})", m.from, m.to.join(", "), m.place);
        }
    }
    // Catalog order, then the project's own controls as the workbook lists them.
    let mut ordered: Vec<&Decision> = Vec::new();
    for (id, _) in &annex.entries {
        ordered.extend(
            decisions
                .iter()
                .filter(|d| d.id == *id && d.custom.is_none()),
        );
    }
    ordered.extend(decisions.iter().filter(|d| d.custom.is_some()));
    // Applicable controls no imported risk or requirement names, by their justification.
    let mut justified: Vec<(Option<String>, Vec<String>)> = Vec::new();
    let mut required: Vec<(String, Vec<String>)> = Vec::new();
    for d in ordered.iter().filter(|d| d.applicable) {
        for q in &d.requirements {
            let q = slug(q);
            match required.iter_mut().find(|(id, _)| *id == q) {
                Some((_, controls)) => controls.push(d.id.clone()),
                None => required.push((q, vec![d.id.clone()])),
            }
        }
        if d.requirements.is_empty() && !treated.contains(&d.id) {
            let why = d.justification.clone();
            match justified.iter_mut().find(|(j, _)| *j == why) {
                Some((_, controls)) => controls.push(d.id.clone()),
                None => justified.push((why, vec![d.id.clone()])),
            }
        }
    }
    for d in &ordered {
        out.push('\n');
        if d.applicable || d.custom.is_some() {
            control(&mut out, d, parties);
        }
        if !d.applicable && d.custom.is_none() {
            let reason = d
                .exclusion_reason
                .clone()
                .or_else(|| d.justification.clone())
                .unwrap_or_else(|| {
                    format!(
                        "TODO: why {} is excluded (the workbook gives no reason)",
                        d.id
                    )
                });
            let reason = if d.confirm.is_empty() {
                reason
            } else {
                format!("TODO: confirm ({}): {reason}", d.confirm.join("; "))
            };
            let _ = writeln!(out, "exclude {} because {}", d.id, quote(&reason));
        }
    }
    let decided: BTreeSet<&str> = decisions.iter().map(|d| d.id.as_str()).collect();
    let undecided: Vec<&String> = annex
        .entries
        .iter()
        .map(|(id, _)| id)
        .filter(|id| !decided.contains(id.as_str()) && !treated.contains(*id))
        .collect();
    if !undecided.is_empty() {
        out.push_str(
            "\n// Controls the workbook does not list (new in ISO/IEC 27001:2022, or left out):\n",
        );
        for id in undecided {
            let _ = writeln!(
                out,
                "exclude {id} because \"TODO: decide: {id} is not in the imported workbook; applicable (name it in a risk treatment) or excluded (replace this reason)\""
            );
        }
    }
    let lists: Vec<Vec<String>> = ordered
        .iter()
        .filter(|d| d.applicable)
        .map(|d| d.requirements.iter().map(|q| slug(q)).collect())
        .collect();
    let ids: Vec<String> = required.iter().map(|(id, _)| id.clone()).collect();
    let required: Vec<&(String, Vec<String>)> = super::order::consistent(&ids, &lists)
        .iter()
        .filter_map(|id| required.iter().find(|(q, _)| q == id))
        .collect();
    for (id, controls) in required {
        let _ = write!(
            out,
            "\nrequirement {id} {} {{\n  kind legal\n  controls {}\n}}\n",
            quote(&format!(
                "TODO: what requirement {id} is (named in the imported SoA; its kind is a guess)"
            )),
            controls.join(", ")
        );
    }
    for (n, (why, controls)) in justified.iter().enumerate() {
        let title = match why {
            Some(why) => format!("TODO: confirm the justification: {why}"),
            None => "TODO: why these controls are applicable (the workbook gives no justification)"
                .to_string(),
        };
        let _ = write!(
            out,
            "\nrequirement soa-justification-{} {} {{\n  kind business\n  controls {}\n}}\n",
            n + 1,
            quote(&title),
            controls.join(", ")
        );
    }
    out
}

fn control(out: &mut String, d: &Decision, parties: &mut Parties) {
    let mut fields = Vec::new();
    if let Some(status) = d.status.filter(|_| d.applicable) {
        fields.push(format!("status {}", status.as_str()));
    }
    if let Some(owner) = d.owner.as_ref().and_then(|o| parties.add(o)) {
        fields.push(format!("owner {owner}"));
    }
    for e in &d.evidence {
        fields.push(format!("evidence {}", quote(e)));
    }
    let description = match (d.confirm.is_empty(), &d.description) {
        (true, description) => description.clone(),
        (false, None) => Some(format!("TODO: confirm: {}", d.confirm.join("; "))),
        (false, Some(text)) => Some(format!("TODO: confirm: {}; {text}", d.confirm.join("; "))),
    };
    if let Some(text) = description.filter(|_| d.applicable) {
        fields.push(format!("description {}", quote(&text)));
    }
    if let Some(due) = d.due.filter(|_| d.applicable) {
        fields.push(format!("due {}", due.format("%Y-%m-%d")));
    }
    let title = match &d.custom {
        Some(title) => format!(
            " {}",
            quote(
                &title
                    .clone()
                    .unwrap_or_else(|| format!("TODO: title of {}", d.id))
            )
        ),
        None => String::new(),
    };
    if fields.is_empty() {
        let _ = writeln!(out, "control {}{title}", d.id);
        return;
    }
    let _ = writeln!(out, "control {}{title} {{", d.id);
    for f in fields {
        let _ = writeln!(out, "  {f}");
    }
    out.push_str("}\n");
}

fn risks_text(
    records: &Records,
    custom: &BTreeSet<&str>,
    parties: &mut Parties,
    migrations: &mut Vec<Migration>,
    report: &mut Report,
) -> String {
    if records.risks.is_empty() {
        return String::new();
    }
    let mut out = String::from("// Risk register imported by `isms import`.\n");
    // In an order that keeps the SoA's lists of risks as they are.
    let ids: Vec<String> = records.risks.iter().map(|r| r.id.clone()).collect();
    let lists: Vec<Vec<String>> = records.soa.iter().map(|s| s.risks.clone()).collect();
    let by_id: std::collections::BTreeMap<&str, &RiskRecord> =
        records.risks.iter().map(|r| (r.id.as_str(), r)).collect();
    let ordered = super::order::consistent(&ids, &lists);
    let risks = ordered
        .iter()
        .filter_map(|id| by_id.get(id.as_str()).copied());
    for r in risks {
        out.push('\n');
        risk(
            &mut out,
            r,
            custom,
            parties,
            migrations,
            &mut report.problems,
        );
    }
    out
}

fn risk(
    out: &mut String,
    r: &RiskRecord,
    custom: &BTreeSet<&str>,
    parties: &mut Parties,
    migrations: &mut Vec<Migration>,
    problems: &mut Vec<Problem>,
) {
    let mut confirm = Vec::new();
    let mut controls = Vec::new();
    for c in &r.controls {
        match c {
            ControlId::Current(id) => controls.push(id.clone()),
            ControlId::Custom(id) if custom.contains(id.as_str()) => controls.push(id.clone()),
            ControlId::Custom(id) => problems.push(Problem {
                place: r.place.clone(),
                message: format!(
                    "the treatment names `{id}`, a control neither ISO/IEC 27001 nor the imported SoA defines"
                ),
            }),
            ControlId::Migrated { from, to } => {
                migrations.push(Migration {
                    place: r.place.clone(),
                    from: from.clone(),
                    to: to.clone(),
                });
                if to.len() > 1 {
                    confirm.push(format!(
                        "{from} of ISO/IEC 27001:2013 was split into {}; keep the ones that treat this risk",
                        to.join(" and ")
                    ));
                }
                controls.extend(to.iter().cloned());
            }
        }
    }
    let mut seen = BTreeSet::new();
    controls.retain(|c| seen.insert(c.clone()));
    let title = r
        .title
        .clone()
        .unwrap_or_else(|| format!("TODO: title of risk {}", r.id));
    let _ = writeln!(out, "risk {} {} {{", r.id, quote(&title));
    if !r.assets.is_empty() {
        let ids: Vec<String> = r.assets.iter().map(|a| slug(a)).collect();
        let _ = writeln!(out, "  assets {}", ids.join(", "));
    }
    for (field, value) in [("threat", &r.threat), ("vulnerability", &r.vulnerability)] {
        if let Some(v) = value {
            let _ = writeln!(out, "  {field} {}", quote(v));
        }
    }
    let _ = writeln!(out, "  likelihood {}\n  impact {}", r.likelihood, r.impact);
    if let Some(owner) = r.owner.as_ref().and_then(|o| parties.add(o)) {
        let _ = writeln!(out, "  owner {owner}");
    }
    if let Some(d) = r.reviewed {
        let _ = writeln!(out, "  reviewed {}", d.format("%Y-%m-%d"));
    }
    let treatment = match r.treatment {
        Some(t) => Some(t),
        None if !controls.is_empty() => {
            confirm
                .push("the workbook names controls but no treatment; mitigate is assumed".into());
            Some(TreatmentKind::Mitigate)
        }
        None => None,
    };
    let mut accepted = None;
    if let Some(by) = r.accepted_by.as_ref().and_then(|p| parties.add(p)) {
        match r.accepted_on {
            Some(on) => accepted = Some(format!("accepted_by {by} on {}", on.format("%Y-%m-%d"))),
            None => confirm.push(format!(
                "accepted by `{by}`, but the workbook gives no date"
            )),
        }
    }
    let description = match (confirm.is_empty(), &r.description) {
        (true, d) => d.clone(),
        (false, None) => Some(format!("TODO: confirm: {}", confirm.join("; "))),
        (false, Some(d)) => Some(format!("TODO: confirm: {}; {d}", confirm.join("; "))),
    };
    if let Some(d) = description {
        let _ = writeln!(out, "  description {}", quote(&d));
    }
    if let Some(kind) = treatment {
        let _ = writeln!(out, "  treatment {} {{", kind.as_str());
        let date = |d: Option<chrono::NaiveDate>| d.map(|d| d.format("%Y-%m-%d").to_string());
        let mut fields: Vec<String> = Vec::new();
        match kind {
            TreatmentKind::Mitigate | TreatmentKind::Transfer => {
                if kind == TreatmentKind::Transfer {
                    let to = r
                        .transfer_to
                        .clone()
                        .unwrap_or_else(|| "TODO: to whom the risk is transferred".into());
                    fields.push(format!("to {}", quote(&to)));
                }
                if !controls.is_empty() {
                    fields.push(format!("controls {}", controls.join(", ")));
                }
                if let Some((l, i)) = r.residual {
                    fields.push(format!("residual likelihood {l} impact {i}"));
                }
                if let Some(d) = date(r.due) {
                    fields.push(format!("due {d}"));
                }
                if kind == TreatmentKind::Transfer {
                    if let Some(d) = date(r.done) {
                        fields.push(format!("done {d}"));
                    }
                }
            }
            TreatmentKind::Accept | TreatmentKind::Avoid => {
                let rationale = r.rationale.clone().unwrap_or_else(|| {
                    if kind == TreatmentKind::Accept {
                        "TODO: why the risk is acceptable".into()
                    } else {
                        "TODO: how the activity is stopped".into()
                    }
                });
                fields.push(format!("rationale {}", quote(&rationale)));
                if kind == TreatmentKind::Avoid {
                    if let Some(d) = date(r.due) {
                        fields.push(format!("due {d}"));
                    }
                    if let Some(d) = date(r.done) {
                        fields.push(format!("done {d}"));
                    }
                }
            }
        }
        fields.extend(accepted);
        for f in fields {
            let _ = writeln!(out, "    {f}");
        }
        out.push_str("  }\n");
    }
    out.push_str("}\n");
}

fn assets_text(records: &Records, parties: &mut Parties) -> String {
    let listed: BTreeSet<&str> = records.assets.iter().map(|a| a.id.as_str()).collect();
    let mut out = String::new();
    for a in &records.assets {
        out.push('\n');
        asset(&mut out, a, parties);
    }
    // Assets a risk names that no asset list defines: stubs whose kind is a guess.
    let mut stubs: Vec<(String, Option<String>)> = Vec::new();
    for r in &records.risks {
        for a in &r.assets {
            let id = slug(a);
            if !listed.contains(id.as_str()) && !stubs.iter().any(|(s, _)| *s == id) {
                let owner = r.owner.as_ref().and_then(|o| parties.add(o));
                stubs.push((id, owner));
            }
        }
    }
    for (id, owner) in stubs {
        let _ = write!(
            out,
            "\nasset {id} {} {{\n  kind information\n",
            quote(&format!(
                "TODO: what {id} is (named by a risk; its kind and owner are guesses)"
            ))
        );
        if let Some(owner) = owner {
            let _ = writeln!(out, "  owner {owner}");
        }
        out.push_str("}\n");
    }
    if out.is_empty() {
        return out;
    }
    format!("// Assets imported by `isms import`.\n{out}")
}

fn asset(out: &mut String, a: &AssetRecord, parties: &mut Parties) {
    let title = a.title.clone().unwrap_or_else(|| a.id.clone());
    let _ = writeln!(out, "asset {} {} {{", a.id, quote(&title));
    let _ = writeln!(out, "  kind {}", a.kind.as_str());
    if let Some(owner) = a.owner.as_ref().and_then(|o| parties.add(o)) {
        let _ = writeln!(out, "  owner {owner}");
    }
    for (field, value) in [
        ("classification", &a.classification),
        ("location", &a.location),
        ("description", &a.description),
    ] {
        if let Some(v) = value {
            let _ = writeln!(out, "  {field} {}", quote(v));
        }
    }
    out.push_str("}\n");
}
