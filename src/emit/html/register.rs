//! `risk-register.html`: key figures, the heat maps of inherent, current and target risk, the
//! register table, each risk in detail, and the treatment plan.

use super::heatmap::{self, Show};
use super::writer::Html;
use super::{level_pill, or_dash, party, status_pill};
use crate::emit::heatmap::Rating;
use crate::emit::register::{PlanRow, Register, RiskRow};
use crate::model::Keyword as _;

pub fn body(r: &Register, levels: usize) -> Html {
    let mut h = Html::new();
    h.raw(
        "<p class=\"lead\">Every identified risk with its assessment, owner, treatment, \
         current and target risk and acceptance, sorted by inherent level (highest first), then by ID. The treatment \
         plan at the end lists the work still open.</p>\n",
    );
    cards(&mut h, r);
    if let Some(maps) = &r.heat_maps {
        h.raw("<h2 id=\"heat-maps\">Heat maps</h2>\n<div class=\"heatmaps\">\n<figure><figcaption>Inherent risk</figcaption>\n");
        heatmap::svg(
            &mut h,
            &maps.inherent,
            Show::Risks,
            "Inherent risk: likelihood × impact",
        );
        h.raw("</figure>\n<figure><figcaption>Current risk, with the controls implemented so far</figcaption>\n");
        heatmap::svg(
            &mut h,
            &maps.current,
            Show::Risks,
            "Current risk: likelihood × impact",
        );
        h.raw("</figure>\n<figure><figcaption>Target risk, once the treatment is complete</figcaption>\n");
        heatmap::svg(
            &mut h,
            &maps.target,
            Show::Risks,
            "Target risk: likelihood × impact",
        );
        h.raw("</figure>\n</div>\n");
    }
    h.raw("<h2 id=\"register\" class=\"major\">Register</h2>\n");
    overview(&mut h, r, levels);
    h.raw("<h2 id=\"details\" class=\"major\">Risk details</h2>\n");
    for risk in &r.risks {
        details(&mut h, risk, levels);
    }
    h.raw("<h2 id=\"treatment-plan\" class=\"major\">Treatment plan</h2>\n");
    plan(&mut h, &r.treatment_plan, levels);
    h
}

fn cards(h: &mut Html, r: &Register) {
    let count = |f: &dyn Fn(&RiskRow) -> bool| {
        i64::try_from(r.risks.iter().filter(|x| f(x)).count()).unwrap_or(0)
    };
    let open = {
        let mut ids: Vec<&str> = r.treatment_plan.iter().map(|p| p.risk.as_str()).collect();
        ids.dedup();
        i64::try_from(ids.len()).unwrap_or(0)
    };
    let overdue = i64::try_from(r.treatment_plan.iter().filter(|p| p.overdue).count()).unwrap_or(0);
    h.raw("<div class=\"cards\">");
    for (n, label) in [
        (count(&|_| true), "risks"),
        (count(&|x| x.accepted_by.is_some()), "formally accepted"),
        (open, "with open treatment work"),
        (overdue, "overdue actions"),
    ] {
        h.raw("<div class=\"card\"><div class=\"n\">")
            .num(n)
            .raw("</div><div class=\"l\">")
            .raw(label)
            .raw("</div></div>");
    }
    h.raw("</div>\n");
}

fn overview(h: &mut Html, r: &Register, levels: usize) {
    if r.risks.is_empty() {
        h.raw("<p class=\"muted\">No risks are recorded.</p>\n");
        return;
    }
    h.raw(
        "<table>\n<thead><tr><th>ID</th><th>Risk</th><th>Owner</th><th class=\"num\">L</th>\
         <th class=\"num\">I</th><th>Inherent</th><th>Treatment</th><th>Current</th>\
         <th>Target</th><th>Accepted by</th><th>Due</th></tr></thead>\n<tbody>\n",
    );
    for x in &r.risks {
        h.raw("<tr><td class=\"id\"><a href=\"#risk-")
            .text(&x.id)
            .raw("\">")
            .text(&x.id)
            .raw("</a></td>")
            .el("<td>", &x.title, "</td>")
            .raw("<td>");
        party(h, x.owner.as_ref());
        h.raw("</td><td class=\"num\">");
        value(h, &x.likelihood);
        h.raw("</td><td class=\"num\">");
        value(h, &x.impact);
        h.raw("</td><td>");
        level_pill(h, x.level.as_deref(), x.score, x.rank, levels);
        h.raw("</td><td>");
        or_dash(h, x.treatment.map(|t| t.as_str()));
        h.raw("</td><td>");
        current_pill(h, x, levels);
        h.raw("</td><td>");
        residual_pill(h, x, levels);
        h.raw("</td><td>");
        accepted(h, x);
        h.raw("</td><td class=\"nowrap\">");
        or_dash(h, x.due.as_deref());
        h.raw("</td></tr>\n");
    }
    h.raw("</tbody>\n</table>\n");
}

fn value(h: &mut Html, r: &Option<Rating>) {
    if let Some(r) = r {
        h.num(r.value);
    }
}

fn residual_pill(h: &mut Html, x: &RiskRow, levels: usize) {
    if x.residual_score.is_none() && x.treatment.is_some() {
        h.raw("<span class=\"muted\">none (avoided)</span>");
    } else {
        level_pill(
            h,
            x.residual_level.as_deref(),
            x.residual_score,
            x.residual_rank,
            levels,
        );
    }
}

fn current_pill(h: &mut Html, x: &RiskRow, levels: usize) {
    if x.current_score.is_none() && x.treatment.is_some() && x.score.is_some() {
        h.raw("<span class=\"muted\">none (avoided)</span>");
    } else {
        level_pill(
            h,
            x.current_level.as_deref(),
            x.current_score,
            x.current_rank,
            levels,
        );
    }
}

/// Who accepted, in which role, on which date.
fn accepted(h: &mut Html, x: &RiskRow) {
    let Some(p) = &x.accepted_by else {
        h.raw("<span class=\"muted\">—</span>");
        return;
    };
    party(h, Some(p));
    if let Some(role) = &x.accepted_as {
        h.raw(" (").text(role).raw(")");
    }
    match &x.accepted_on {
        Some(on) => h.raw(" on ").text(on),
        None => h.raw(" <span class=\"muted\">(undated)</span>"),
    };
}

fn rating(h: &mut Html, r: &Option<Rating>) {
    match r {
        Some(r) => {
            h.num(r.value);
            if !r.label.is_empty() {
                h.raw(" <span class=\"muted\">— ")
                    .text(&r.label)
                    .raw("</span>");
            }
        }
        None => {
            h.raw("<span class=\"muted\">—</span>");
        }
    }
}

fn details(h: &mut Html, x: &RiskRow, levels: usize) {
    h.raw("<article class=\"risk\" id=\"risk-")
        .text(&x.id)
        .raw("\">\n<h3><span class=\"rid\">")
        .text(&x.id)
        .raw("</span> ")
        .text(&x.title)
        .raw(" ");
    level_pill(h, x.level.as_deref(), x.score, x.rank, levels);
    h.raw("</h3>\n");
    if let Some(d) = &x.description {
        h.el("<p>", d, "</p>\n");
    }
    h.raw("<dl class=\"facts\">\n<dt>Assets</dt><dd>");
    if x.assets.is_empty() {
        h.raw("<span class=\"muted\">—</span>");
    }
    for (i, a) in x.assets.iter().enumerate() {
        if i > 0 {
            h.raw("; ");
        }
        h.text(&a.name);
        if a.name != a.id {
            h.raw(" <span class=\"muted\">(")
                .text(&a.id)
                .raw(")</span>");
        }
    }
    h.raw("</dd>\n<dt>Threat</dt><dd>");
    or_dash(h, x.threat.as_deref());
    h.raw("</dd>\n<dt>Vulnerability</dt><dd>");
    or_dash(h, x.vulnerability.as_deref());
    h.raw("</dd>\n<dt>Likelihood</dt><dd>");
    rating(h, &x.likelihood);
    h.raw("</dd>\n<dt>Impact</dt><dd>");
    rating(h, &x.impact);
    h.raw("</dd>\n<dt>Inherent risk</dt><dd>");
    level_pill(h, x.level.as_deref(), x.score, x.rank, levels);
    h.raw("</dd>\n<dt>Owner</dt><dd>");
    party(h, x.owner.as_ref());
    h.raw("</dd>\n<dt>Treatment</dt><dd>");
    or_dash(h, x.treatment.map(|t| t.as_str()));
    if let Some(to) = &x.transfer_to {
        h.raw(" to ").text(to);
    }
    h.raw("</dd>\n");
    if let Some(why) = &x.rationale {
        h.raw("<dt>Rationale</dt>").el("<dd>", why, "</dd>\n");
    }
    if !x.controls.is_empty() {
        h.raw("<dt>Controls</dt><dd><ul>");
        for c in &x.controls {
            h.raw("<li><a href=\"soa.html#ctl-")
                .text(&c.id)
                .raw("\">")
                .text(&c.id)
                .raw("</a> ")
                .text(&c.title)
                .raw(" ");
            status_pill(h, c.status, false);
            h.raw("</li>");
        }
        h.raw("</ul></dd>\n");
    }
    h.raw("<dt>Current risk</dt><dd>");
    if x.current_score.is_some() {
        h.raw("likelihood ");
        value(h, &x.current_likelihood);
        h.raw(" × impact ");
        value(h, &x.current_impact);
        h.raw(" ");
    }
    current_pill(h, x, levels);
    h.raw("</dd>\n<dt>Target risk</dt><dd>");
    if x.residual_score.is_some() {
        h.raw("likelihood ");
        value(h, &x.residual_likelihood);
        h.raw(" × impact ");
        value(h, &x.residual_impact);
        h.raw(" ");
    }
    residual_pill(h, x, levels);
    h.raw("</dd>\n");
    if x.accepted_by.is_some() {
        h.raw("<dt>Accepted by</dt><dd>");
        accepted(h, x);
        h.raw("</dd>\n");
    }
    if let Some(due) = &x.due {
        h.raw("<dt>Due</dt>").el("<dd>", due, "</dd>\n");
    }
    if let Some(done) = &x.done {
        h.raw("<dt>Done</dt>").el("<dd>", done, "</dd>\n");
    }
    h.raw("<dt>Reviewed</dt><dd>");
    or_dash(h, x.reviewed.as_deref());
    if let Some(next) = &x.next_review {
        h.raw(" <span class=\"muted\">(next review by ")
            .text(next)
            .raw(")</span>");
    }
    h.raw("</dd>\n</dl>\n</article>\n");
}

fn plan(h: &mut Html, rows: &[PlanRow], levels: usize) {
    if rows.is_empty() {
        h.raw(
            "<p>No open treatment work: every control named by a treatment is implemented.</p>\n",
        );
        return;
    }
    h.raw(
        "<p>Controls named by a risk treatment that are not implemented yet, and avoidance \
         and transfer actions with a due date and not done, in register order. The risk \
         owner approved the plan; the control owner does the work.</p>\n<table>\n<thead><tr>\
         <th>Risk</th><th>Level</th><th>Action</th><th>Status</th><th>Risk owner</th>\
         <th>Accepted by</th><th>Control owner</th><th>Control due</th>\
         <th>Treatment due</th></tr></thead>\n<tbody>\n",
    );
    for p in rows {
        h.raw("<tr><td class=\"id\"><a href=\"#risk-")
            .text(&p.risk)
            .raw("\">")
            .text(&p.risk)
            .raw("</a></td><td>");
        level_pill(h, p.level.as_deref(), None, p.rank, levels);
        h.raw("</td><td>");
        match &p.control {
            Some(c) => {
                h.raw("<a href=\"soa.html#ctl-")
                    .text(c)
                    .raw("\">")
                    .text(c)
                    .raw("</a> ")
                    .text(&p.action);
            }
            None => {
                let what = match p.treatment {
                    crate::model::TreatmentKind::Transfer => "Transfer: ",
                    crate::model::TreatmentKind::Avoid
                    | crate::model::TreatmentKind::Mitigate
                    | crate::model::TreatmentKind::Accept => "Avoid: ",
                };
                h.raw(what).text(&p.action);
            }
        }
        h.raw("</td><td>");
        if p.control.is_some() {
            status_pill(h, p.status, false);
        } else {
            h.raw("<span class=\"pill st-planned\">action</span>");
        }
        h.raw("</td><td>");
        party(h, p.owner.as_ref());
        h.raw("</td><td>");
        match &p.accepted_by {
            Some(by) => {
                party(h, Some(by));
                if let Some(role) = &p.accepted_as {
                    h.raw(" (").text(role).raw(")");
                }
                if let Some(on) = &p.accepted_on {
                    h.raw(" on ").text(on);
                }
            }
            None => {
                h.raw("<span class=\"muted\">—</span>");
            }
        }
        h.raw("</td><td>");
        party(h, p.control_owner.as_ref());
        h.raw("</td><td class=\"nowrap\">");
        or_dash(h, p.control_due.as_deref());
        h.raw("</td><td class=\"nowrap\">");
        or_dash(h, p.treatment_due.as_deref());
        if p.overdue {
            h.raw(" <span class=\"pill st-not-implemented\">overdue</span>");
        }
        h.raw("</td></tr>\n");
    }
    h.raw("</tbody>\n</table>\n");
}
