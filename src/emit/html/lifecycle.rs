//! `audit-programme.html`, `management-review.html`, `corrective-actions.html`,
//! `objectives.html` (a trend chart per metric, inline SVG) and `readiness.html`.

use super::writer::Html;
use super::{or_dash, party};
use crate::check::readiness::State;
use crate::emit::lifecycle::{LifecycleDoc, MetricRow};
use crate::emit::names::Party;
use crate::model::Quantity;

fn list_text(h: &mut Html, items: &[String]) {
    if items.is_empty() {
        h.raw("<span class=\"muted\">—</span>");
        return;
    }
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            h.raw(", ");
        }
        h.text(item);
    }
}

fn parties(h: &mut Html, ps: &[Party]) {
    if ps.is_empty() {
        h.raw("<span class=\"muted\">—</span>");
    }
    for (i, p) in ps.iter().enumerate() {
        if i > 0 {
            h.raw(", ");
        }
        party(h, Some(p));
    }
}

fn bullets(h: &mut Html, heading: &'static str, items: &[String]) {
    h.raw("<h3>").raw(heading).raw("</h3>\n");
    super::items(h, items);
}

pub fn audit_programme(d: &LifecycleDoc) -> Html {
    let mut h = Html::new();
    match &d.programme {
        Some(p) => {
            h.raw("<table class=\"control\">\n<tbody>\n<tr><th>Programme</th><td>")
                .text(&p.title)
                .raw(" <span class=\"muted\">(")
                .text(&p.id)
                .raw(")</span></td></tr>\n<tr><th>Owner</th><td>");
            party(&mut h, p.owner.as_ref());
            h.raw("</td></tr>\n<tr><th>Interval</th><td>");
            or_dash(&mut h, p.interval.as_deref());
            h.raw("</td></tr>\n<tr><th>Next audit due</th><td>");
            or_dash(&mut h, p.next_due.as_deref());
            h.raw("</td></tr>\n</tbody>\n</table>\n");
        }
        None => {
            h.raw("<p class=\"muted\">No audit programme is recorded.</p>\n");
        }
    }
    h.raw("<h2 id=\"audits\">Audits</h2>\n");
    if d.audits.is_empty() {
        h.raw("<p class=\"muted\">No internal audit is recorded.</p>\n");
        return h;
    }
    h.raw("<table>\n<thead><tr><th>Audit</th><th>Date</th><th>Auditor</th><th>Controls</th><th>Policies</th><th>Clauses</th><th>Findings</th><th>Summary</th></tr></thead>\n<tbody>\n");
    for a in &d.audits {
        h.raw("<tr id=\"audit-")
            .text(&a.id)
            .raw("\"><td><strong>")
            .text(&a.id)
            .raw("</strong><br>")
            .text(&a.title)
            .raw("</td><td class=\"nowrap\">");
        or_dash(&mut h, a.date.as_deref());
        h.raw("</td><td>");
        party(&mut h, a.auditor.as_ref());
        h.raw("</td><td>");
        list_text(&mut h, &a.controls);
        h.raw("</td><td>");
        list_text(&mut h, &a.policies);
        h.raw("</td><td>");
        list_text(&mut h, &a.clauses);
        h.raw("</td><td>");
        super::linked_ids(&mut h, &a.findings, "corrective-actions.html#nc-", "");
        h.raw("</td><td>");
        or_dash(&mut h, a.summary.as_deref());
        h.raw("</td></tr>\n");
    }
    h.raw("</tbody>\n</table>\n");
    h
}

pub fn reviews(d: &LifecycleDoc) -> Html {
    let mut h = Html::new();
    if d.reviews.is_empty() {
        h.raw("<p class=\"muted\">No management review is recorded.</p>\n");
    }
    for r in &d.reviews {
        h.raw("<h2 id=\"review-")
            .text(&r.id)
            .raw("\">")
            .text(&r.title)
            .raw(" <span class=\"muted\">(")
            .text(&r.id)
            .raw(")</span></h2>\n<table class=\"control\">\n<tbody>\n<tr><th>Date</th><td>");
        or_dash(&mut h, r.date.as_deref());
        h.raw("</td></tr>\n<tr><th>Attendees</th><td>");
        parties(&mut h, &r.attendees);
        h.raw("</td></tr>\n</tbody>\n</table>\n<h3>Inputs (clause 9.3.2)</h3>\n<table class=\"narrow\">\n<tbody>\n");
        for i in &r.inputs {
            h.el("<tr><td class=\"id\">", i.letter, ")</td><td>")
                .text(i.description)
                .raw("</td><td>")
                .raw(if i.covered {
                    "<span class=\"yes\">covered</span>"
                } else {
                    "<span class=\"pill st-not-implemented\">not covered</span>"
                })
                .raw("</td></tr>\n");
        }
        h.raw("</tbody>\n</table>\n");
        bullets(&mut h, "Decisions", &r.decisions);
        bullets(&mut h, "Actions", &r.actions);
    }
    h
}

pub fn corrective_actions(d: &LifecycleDoc) -> Html {
    let mut h = Html::new();
    h.raw("<h2 id=\"nonconformities\">Nonconformities</h2>\n");
    if d.nonconformities.is_empty() {
        h.raw("<p class=\"muted\">No nonconformity is recorded.</p>\n");
    } else {
        h.raw("<table>\n<thead><tr><th>Nonconformity</th><th>Raised</th><th>Owner</th><th>Root cause</th><th>Corrective action</th><th>Due</th><th>Status</th><th>Effectiveness</th></tr></thead>\n<tbody>\n");
        for n in &d.nonconformities {
            h.raw("<tr id=\"nc-")
                .text(&n.id)
                .raw("\"><td><strong>")
                .text(&n.id)
                .raw("</strong><br>")
                .text(&n.title);
            if !n.sources.is_empty() {
                h.raw("<br><span class=\"muted\">from ");
                list_text(&mut h, &n.sources);
                h.raw("</span>");
            }
            h.raw("</td><td class=\"nowrap\">");
            or_dash(&mut h, n.raised.as_deref());
            h.raw("</td><td>");
            party(&mut h, n.owner.as_ref());
            h.raw("</td><td>");
            or_dash(&mut h, n.root_cause.as_deref());
            h.raw("</td><td>");
            or_dash(&mut h, n.action.as_deref());
            h.raw("</td><td class=\"nowrap\">");
            or_dash(&mut h, n.due.as_deref());
            h.raw("</td><td class=\"nowrap\">");
            match (n.status, n.overdue) {
                (Some("closed"), _) => {
                    h.raw("<span class=\"pill st-implemented\">closed</span>");
                    if let Some(c) = &n.closed {
                        h.raw("<br>").text(c);
                    }
                }
                (Some(_), true) => {
                    h.raw("<span class=\"pill st-not-implemented\">open, overdue</span>");
                }
                (Some(_), false) => {
                    h.raw("<span class=\"pill st-partial\">open</span>");
                }
                (None, _) => {
                    h.raw("<span class=\"muted\">—</span>");
                }
            }
            h.raw("</td><td>");
            or_dash(&mut h, n.verified.as_deref());
            h.raw("</td></tr>\n");
        }
        h.raw("</tbody>\n</table>\n");
    }
    h.raw("<h2 id=\"incidents\">Incidents</h2>\n");
    if d.incidents.is_empty() {
        h.raw("<p class=\"muted\">No incident is recorded.</p>\n");
        return h;
    }
    h.raw("<table>\n<thead><tr><th>Incident</th><th>Date</th><th>Severity</th><th>Assets</th><th>Risks</th><th>Lessons learned</th><th>Nonconformities</th></tr></thead>\n<tbody>\n");
    for i in &d.incidents {
        h.raw("<tr><td><strong>")
            .text(&i.id)
            .raw("</strong><br>")
            .text(&i.title)
            .raw("</td><td class=\"nowrap\">");
        or_dash(&mut h, i.date.as_deref());
        h.raw("</td><td>");
        or_dash(&mut h, i.severity);
        h.raw("</td><td>");
        list_text(&mut h, &i.assets);
        h.raw("</td><td>");
        super::linked_ids(&mut h, &i.risks, "risk-register.html#risk-", "");
        h.raw("</td><td>");
        or_dash(&mut h, i.lessons.as_deref());
        h.raw("</td><td>");
        super::linked_ids(&mut h, &i.nonconformities, "#nc-", "");
        h.raw("</td></tr>\n");
    }
    h.raw("</tbody>\n</table>\n");
    h
}

pub fn objectives(d: &LifecycleDoc) -> Html {
    let mut h = Html::new();
    h.raw("<h2 id=\"objectives\">Objectives</h2>\n");
    if d.objectives.is_empty() {
        h.raw("<p class=\"muted\">No objective is recorded.</p>\n");
    } else {
        h.raw("<table>\n<thead><tr><th>Objective</th><th>Target</th><th>Owner</th><th>Due</th><th>Metrics</th></tr></thead>\n<tbody>\n");
        for o in &d.objectives {
            h.raw("<tr><td><strong>")
                .text(&o.id)
                .raw("</strong><br>")
                .text(&o.title)
                .raw("</td><td>");
            or_dash(&mut h, o.target.as_deref());
            h.raw("</td><td>");
            party(&mut h, o.owner.as_ref());
            h.raw("</td><td class=\"nowrap\">");
            or_dash(&mut h, o.due.as_deref());
            h.raw("</td><td>");
            super::linked_ids(&mut h, &o.metrics, "#metric-", "");
            h.raw("</td></tr>\n");
        }
        h.raw("</tbody>\n</table>\n");
    }
    h.raw("<h2 id=\"metrics\">Metrics</h2>\n");
    if d.metrics.is_empty() {
        h.raw("<p class=\"muted\">No metric is recorded.</p>\n");
    }
    for x in &d.metrics {
        metric(&mut h, x);
    }
    h.raw("<h2 id=\"training\">Training</h2>\n");
    if d.trainings.is_empty() {
        h.raw("<p class=\"muted\">No training is recorded.</p>\n");
        return h;
    }
    h.raw("<table>\n<thead><tr><th>Training</th><th>Audience</th><th>Every</th><th>Last completed</th><th class=\"num\">Completion</th></tr></thead>\n<tbody>\n");
    for t in &d.trainings {
        h.raw("<tr><td><strong>")
            .text(&t.id)
            .raw("</strong><br>")
            .text(&t.title)
            .raw("</td><td>");
        parties(&mut h, &t.audience);
        h.raw("</td><td>");
        or_dash(&mut h, t.frequency.as_deref());
        h.raw("</td><td class=\"nowrap\">");
        or_dash(&mut h, t.completed.as_deref());
        h.raw("</td><td class=\"num\">");
        match t.completion {
            Some(c) => {
                h.num(c).raw(" %");
            }
            None => {
                h.raw("<span class=\"muted\">—</span>");
            }
        }
        h.raw("</td></tr>\n");
    }
    h.raw("</tbody>\n</table>\n");
    h
}

fn metric(h: &mut Html, x: &MetricRow) {
    h.raw("<figure id=\"metric-")
        .text(&x.id)
        .raw("\">\n<figcaption>")
        .text(&x.title)
        .raw(" <span class=\"muted\">(")
        .text(&x.id)
        .raw(")</span></figcaption>\n");
    chart(h, x);
    h.raw("<p class=\"muted\">Target: ");
    or_dash(h, x.target.as_deref());
    if !x.unit.is_empty() {
        h.raw(" ").text(&x.unit);
    }
    h.raw(" · Latest: ")
        .raw(match x.on_target {
            Some(true) => "<span class=\"yes\">on target</span>",
            Some(false) => "<span class=\"pill st-not-implemented\">off target</span>",
            None => "not measured",
        })
        .raw("</p>\n");
    if let Some(a) = &x.action {
        h.el("<p>Action: ", a, "</p>\n");
    }
    h.raw("</figure>\n");
}

const W: i64 = 480;
const H: i64 = 160;
const PAD_L: i64 = 40;
const PAD_R: i64 = 16;
const PAD_T: i64 = 12;
const PAD_B: i64 = 28;

/// A line of the measurements over their dates, the target as a dashed line; points on
/// target green, off target red.
fn chart(h: &mut Html, x: &MetricRow) {
    // Geometry in hundredths: exact, and the same scale for values and target.
    let values: Vec<i64> = x
        .measurements
        .iter()
        .map(|p| p.value.hundredths())
        .collect();
    if values.is_empty() {
        h.raw("<p class=\"muted\">No measurement yet.</p>\n");
        return;
    }
    let mut lo = values.iter().copied().min().unwrap_or(0).min(0);
    let mut hi = values.iter().copied().max().unwrap_or(0);
    let target = x.target_value.map(Quantity::hundredths);
    if let Some(t) = target {
        lo = lo.min(t);
        hi = hi.max(t);
    }
    if hi == lo {
        hi = lo.saturating_add(1);
    }
    let n = i64::try_from(values.len()).unwrap_or(1);
    let plot_w = W - PAD_L - PAD_R;
    let plot_h = H - PAD_T - PAD_B;
    let px = |i: i64| {
        if n <= 1 {
            PAD_L + plot_w / 2
        } else {
            PAD_L + i * plot_w / (n - 1)
        }
    };
    let py = |v: i64| y_of(v, lo, hi, plot_h);
    h.raw("<svg class=\"trend\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 ")
        .num(W)
        .raw(" ")
        .num(H)
        .raw("\" width=\"")
        .num(W)
        .raw("\" height=\"")
        .num(H)
        .raw("\" style=\"max-width:100%;height:auto\">\n<title>")
        .text(&x.title)
        .raw("</title>\n");
    // Axes.
    h.raw("<line x1=\"")
        .num(PAD_L)
        .raw("\" y1=\"")
        .num(PAD_T)
        .raw("\" x2=\"")
        .num(PAD_L)
        .raw("\" y2=\"")
        .num(H - PAD_B)
        .raw("\" stroke=\"#8a94a3\"/>\n<line x1=\"")
        .num(PAD_L)
        .raw("\" y1=\"")
        .num(H - PAD_B)
        .raw("\" x2=\"")
        .num(W - PAD_R)
        .raw("\" y2=\"")
        .num(H - PAD_B)
        .raw("\" stroke=\"#8a94a3\"/>\n");
    for v in [lo, hi] {
        h.raw("<text x=\"")
            .num(PAD_L - 6)
            .raw("\" y=\"")
            .num(py(v) + 4)
            .raw("\" font-size=\"11\" text-anchor=\"end\" fill=\"#5b6472\">")
            .text(&Quantity(v).to_string())
            .raw("</text>\n");
    }
    if let Some(t) = target {
        h.raw("<line x1=\"")
            .num(PAD_L)
            .raw("\" y1=\"")
            .num(py(t))
            .raw("\" x2=\"")
            .num(W - PAD_R)
            .raw("\" y2=\"")
            .num(py(t))
            .raw("\" stroke=\"#1b4c86\" stroke-dasharray=\"5 4\"/>\n<text x=\"")
            .num(W - PAD_R)
            .raw("\" y=\"")
            .num(py(t) - 4)
            .raw("\" font-size=\"11\" text-anchor=\"end\" fill=\"#1b4c86\">target ")
            .text(&Quantity(t).to_string())
            .raw("</text>\n");
    }
    h.raw("<polyline fill=\"none\" stroke=\"#33404f\" stroke-width=\"2\" points=\"");
    for (i, v) in values.iter().enumerate() {
        if i > 0 {
            h.raw(" ");
        }
        let i = i64::try_from(i).unwrap_or(0);
        h.num(px(i)).raw(",").num(py(*v));
    }
    h.raw("\"/>\n");
    let direction = x.direction;
    for (i, p) in x.measurements.iter().enumerate() {
        let i = i64::try_from(i).unwrap_or(0);
        let ok = match (direction, target) {
            (Some("below"), Some(t)) => p.value.hundredths() < t,
            (Some(_), Some(t)) => p.value.hundredths() > t,
            _ => true,
        };
        h.raw("<circle cx=\"")
            .num(px(i))
            .raw("\" cy=\"")
            .num(py(p.value.hundredths()))
            .raw("\" r=\"4\" fill=\"")
            .raw(if ok { "#2e7d32" } else { "#c62828" })
            .raw("\"><title>")
            .text(&p.date)
            .raw(": ")
            .text(&p.value.to_string())
            .raw("</title></circle>\n<text x=\"")
            .num(px(i))
            .raw("\" y=\"")
            .num(H - PAD_B + 16)
            .raw("\" font-size=\"10\" text-anchor=\"middle\" fill=\"#5b6472\">")
            .text(&p.date)
            .raw("</text>\n");
    }
    h.raw("</svg>\n");
}

/// The y coordinate of value `v` on a plot from `lo` (bottom) to `hi` (top), `plot_h`
/// high. In i128: a measurement of 10^15 is 10^17 hundredths, and that times the plot
/// height does not fit in an i64 (it wrapped round and was drawn off the chart).
fn y_of(v: i64, lo: i64, hi: i64, plot_h: i64) -> i64 {
    let span = (i128::from(hi) - i128::from(lo)).max(1);
    let from_top = (i128::from(hi) - i128::from(v)).clamp(0, span);
    let y = i128::from(PAD_T) + from_top * i128::from(plot_h) / span;
    i64::try_from(y).unwrap_or(PAD_T)
}

pub fn readiness(d: &LifecycleDoc) -> Html {
    let r = &d.readiness;
    let mut h = Html::new();
    h.raw("<div class=\"callout\">")
        .text(&r.verdict())
        .raw("</div>\n");
    h.raw("<table>\n<thead><tr><th>Clause</th><th>Documented information</th><th>State</th><th>Where</th><th>Missing before Stage 1</th></tr></thead>\n<tbody>\n");
    for i in &r.items {
        h.el("<tr><td class=\"id\">", i.clause, "</td><td>")
            .text(i.title)
            .raw("</td><td>")
            .raw(match i.state {
                State::Provided => "<span class=\"pill st-implemented\">provided</span>",
                State::Partial => "<span class=\"pill st-partial\">partial</span>",
                State::Missing => "<span class=\"pill st-not-implemented\">missing</span>",
            })
            .raw("</td><td>");
        cell_list(&mut h, &i.found);
        h.raw("</td><td>");
        cell_list(&mut h, &i.gaps);
        h.raw("</td></tr>\n");
    }
    h.raw("</tbody>\n</table>\n");
    h
}

fn cell_list(h: &mut Html, items: &[String]) {
    match items {
        [] => {
            h.raw("<span class=\"muted\">—</span>");
        }
        [one] => {
            h.text(&one.replace('`', ""));
        }
        many => {
            h.raw("<ul>");
            for i in many {
                h.el("<li>", &i.replace('`', ""), "</li>");
            }
            h.raw("</ul>");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{y_of, H, PAD_B, PAD_T};

    #[test]
    fn large_measurements_stay_on_the_chart() {
        let plot_h = H - PAD_T - PAD_B;
        // 10^15 in hundredths: `(hi - v) * plot_h` overflowed an i64.
        let hi = 100_000_000_000_000_000;
        assert_eq!(y_of(hi, 0, hi, plot_h), PAD_T);
        assert_eq!(y_of(0, 0, hi, plot_h), PAD_T + plot_h);
        assert_eq!(y_of(hi / 2, 0, hi, plot_h), PAD_T + plot_h / 2);
        assert_eq!(y_of(i64::MIN, i64::MIN, i64::MAX, plot_h), PAD_T + plot_h);
    }
}
