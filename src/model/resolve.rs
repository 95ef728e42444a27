//! Stage 2b: names → declarations. Reports duplicates, unknown names (with the closest
//! candidate) and names of the wrong kind, and lays out the project's controls.

use rustc_hash::FxHashMap as HashMap;

use super::lower::{list, list_or};
use super::values::Ref;
use super::Model;
use crate::diagnostics::{closest, Code, Diagnostic, NameIndex, Sink};
use crate::source::Span;

/// The kinds of named declarations; each has its own namespace.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Person,
    Role,
    Asset,
    Risk,
    Control,
    Requirement,
    Policy,
    Objective,
    Metric,
    Training,
    Audit,
    Review,
    Incident,
    Nonconformity,
}

impl Kind {
    const ALL: [Kind; 14] = [
        Kind::Person,
        Kind::Role,
        Kind::Asset,
        Kind::Risk,
        Kind::Control,
        Kind::Requirement,
        Kind::Policy,
        Kind::Objective,
        Kind::Metric,
        Kind::Training,
        Kind::Audit,
        Kind::Review,
        Kind::Incident,
        Kind::Nonconformity,
    ];

    pub fn noun(self) -> &'static str {
        match self {
            Kind::Person => "person",
            Kind::Role => "role",
            Kind::Asset => "asset",
            Kind::Risk => "risk",
            Kind::Control => "control",
            Kind::Requirement => "requirement",
            Kind::Policy => "policy",
            Kind::Objective => "objective",
            Kind::Metric => "metric",
            Kind::Training => "training",
            Kind::Audit => "audit",
            Kind::Review => "management_review",
            Kind::Incident => "incident",
            Kind::Nonconformity => "nonconformity",
        }
    }

    fn article(self) -> &'static str {
        match self {
            Kind::Asset | Kind::Objective | Kind::Audit | Kind::Incident => "an",
            _ => "a",
        }
    }
}

/// "a person or a role"
fn expected(kinds: &[Kind]) -> String {
    let parts: Vec<String> = kinds
        .iter()
        .map(|k| format!("{} {}", k.article(), k.noun()))
        .collect();
    parts.join(" or ")
}

/// Name → position in the model's vector of that kind (the first declaration).
#[derive(Debug, Default, Clone)]
pub struct Index {
    map: HashMap<Kind, HashMap<String, usize>>,
}

impl Index {
    pub fn get(&self, kind: Kind, name: &str) -> Option<usize> {
        self.map.get(&kind)?.get(name).copied()
    }

    /// Insert unless present; returns the existing position when there is one.
    fn insert(&mut self, kind: Kind, name: &str, at: usize) -> Option<usize> {
        let names = self.map.entry(kind).or_default();
        if let Some(&first) = names.get(name) {
            return Some(first);
        }
        names.insert(name.to_string(), at);
        None
    }

    pub fn names(&self, kind: Kind) -> impl Iterator<Item = &str> {
        self.map
            .get(&kind)
            .into_iter()
            .flat_map(|m| m.keys().map(String::as_str))
    }
}

/// One control the project can name: a catalog entry, a `control` declaration, or both
/// (a declaration that records the implementation of a catalog control).
#[derive(Debug, Clone)]
pub struct ControlSlot {
    pub id: String,
    /// Index into `Model::controls`.
    pub decl: Option<usize>,
    /// (catalog, entry) indices into `Model::catalogs`.
    pub entry: Option<(usize, usize)>,
}

impl ControlSlot {
    pub fn is_custom(&self) -> bool {
        self.entry.is_none()
    }
}

pub fn resolve(model: &mut Model, sink: &mut Sink) {
    singletons(model, sink);
    declare_names(model, sink);
    use_catalogs(model, sink);
    lay_out_controls(model, sink);
    let r = Resolver {
        model,
        sink,
        suggestions: HashMap::default(),
        catalog_ids: None,
    };
    r.references();
}

fn multiple(sink: &mut Sink, what: &str, later: Span, first: Span) {
    sink.push(
        Diagnostic::new(
            Code::ProjectMultiple,
            later,
            format!("the project has more than one {what}"),
        )
        .with_label(format!("another {what}"))
        .with_secondary(first, format!("the first {what} is here"))
        .with_help(format!(
            "a project has exactly one {what}: merge them into one"
        )),
    );
}

fn singletons(model: &Model, sink: &mut Sink) {
    if let Some(first) = model.organizations.first() {
        for later in &model.organizations[1..] {
            multiple(sink, "`organization`", later.id.span, first.id.span);
        }
    }
    if let Some(first) = model.scopes.first() {
        for later in &model.scopes[1..] {
            multiple(sink, "`scope`", later.keyword, first.keyword);
        }
    }
    if let Some(first) = model.methodologies.first() {
        for later in &model.methodologies[1..] {
            multiple(sink, "`methodology`", later.keyword, first.keyword);
        }
    }
    if let Some(first) = model.programmes.first() {
        for later in &model.programmes[1..] {
            multiple(sink, "audit `programme`", later.id.span, first.id.span);
        }
    }
}

fn duplicate(sink: &mut Sink, kind: &str, name: &str, later: Span, first: Span) {
    sink.push(
        Diagnostic::new(
            Code::RefDuplicate,
            later,
            format!("{kind} `{name}` is declared twice"),
        )
        .with_label("declared again here")
        .with_secondary(first, "first declared here")
        .with_help(format!(
            "rename one of them, or merge them into one `{kind}`"
        )),
    );
}

fn declare_names(model: &mut Model, sink: &mut Sink) {
    let spans = |items: Vec<(String, Span)>| items;
    fn names<T>(items: &[T], id: impl Fn(&T) -> &super::values::Name) -> Vec<(String, Span)> {
        items
            .iter()
            .map(|x| (id(x).text.clone(), id(x).span))
            .collect()
    }
    let groups: [(Kind, Vec<(String, Span)>); 13] = [
        (Kind::Objective, names(&model.objectives, |x| &x.id)),
        (Kind::Metric, names(&model.metrics, |x| &x.id)),
        (Kind::Training, names(&model.trainings, |x| &x.id)),
        (Kind::Audit, names(&model.audits, |x| &x.id)),
        (Kind::Review, names(&model.reviews, |x| &x.id)),
        (Kind::Incident, names(&model.incidents, |x| &x.id)),
        (
            Kind::Nonconformity,
            names(&model.nonconformities, |x| &x.id),
        ),
        (
            Kind::Role,
            spans(
                model
                    .roles
                    .iter()
                    .map(|x| (x.id.text.clone(), x.id.span))
                    .collect(),
            ),
        ),
        (
            Kind::Person,
            spans(
                model
                    .persons
                    .iter()
                    .map(|x| (x.id.text.clone(), x.id.span))
                    .collect(),
            ),
        ),
        (
            Kind::Asset,
            spans(
                model
                    .assets
                    .iter()
                    .map(|x| (x.id.text.clone(), x.id.span))
                    .collect(),
            ),
        ),
        (
            Kind::Risk,
            spans(
                model
                    .risks
                    .iter()
                    .map(|x| (x.id.text.clone(), x.id.span))
                    .collect(),
            ),
        ),
        (
            Kind::Requirement,
            spans(
                model
                    .requirements
                    .iter()
                    .map(|x| (x.id.text.clone(), x.id.span))
                    .collect(),
            ),
        ),
        (
            Kind::Policy,
            spans(
                model
                    .policies
                    .iter()
                    .map(|x| (x.id.text.clone(), x.id.span))
                    .collect(),
            ),
        ),
    ];
    for (kind, names) in groups {
        for (i, (name, span)) in names.iter().enumerate() {
            if let Some(first) = model.index.insert(kind, name, i) {
                duplicate(sink, kind.noun(), name, *span, names[first].1);
            }
        }
    }
}

fn use_catalogs(model: &mut Model, sink: &mut Sink) {
    for u in &model.uses {
        let id = &u.framework.text;
        match model.catalogs.iter().position(|c| &c.id.text == id) {
            Some(i) if !model.used_catalogs.contains(&i) => model.used_catalogs.push(i),
            Some(_) => {}
            None => {
                let ids = model.catalogs.iter().map(|c| c.id.text.as_str());
                let mut d = Diagnostic::new(
                    Code::RefUnknown,
                    u.framework.span,
                    format!("no framework catalog `{id}`"),
                )
                .with_label("unknown framework");
                let available: Vec<&str> =
                    model.catalogs.iter().map(|c| c.id.text.as_str()).collect();
                d = match closest(id, ids) {
                    Some(best) => d.with_help(format!("did you mean `{best}`?")),
                    None => d.with_help(format!("available catalogs: {}", list(available))),
                };
                sink.push(d);
            }
        }
    }
}

fn lay_out_controls(model: &mut Model, sink: &mut Sink) {
    for &c in &model.used_catalogs {
        let Some(catalog) = model.catalogs.get(c) else {
            continue;
        };
        for (e, entry) in catalog.entries.iter().enumerate() {
            let at = model.slots.len();
            if model.index.insert(Kind::Control, &entry.id, at).is_none() {
                model.slots.push(ControlSlot {
                    id: entry.id.clone(),
                    decl: None,
                    entry: Some((c, e)),
                });
            }
        }
    }
    for (i, control) in model.controls.iter().enumerate() {
        let id = &control.id.text;
        if let Some(at) = model.index.get(Kind::Control, id) {
            let Some(slot) = model.slots.get_mut(at) else {
                continue;
            };
            match slot.decl {
                Some(first) => {
                    let first = model
                        .controls
                        .get(first)
                        .map_or(control.id.span, |c| c.id.span);
                    duplicate(sink, "control", id, control.id.span, first);
                }
                None => slot.decl = Some(i),
            }
            continue;
        }
        if control.title.is_none() && !control.common.header_broken {
            let mut d = Diagnostic::new(
                Code::FieldMissing,
                control.id.span,
                format!("custom control `{id}` has no title"),
            )
            .with_label("not a control of a used catalog, so it needs a title");
            d = match unused_catalog_with(model, id) {
                Some(catalog) => d.with_help(format!(
                    "`{id}` is in the `{catalog}` catalog: add `use {catalog}`"
                )),
                None => d.with_help(format!("write `control {id} \"Title\" {{ … }}`")),
            };
            sink.push(d);
        }
        model.index.insert(Kind::Control, id, model.slots.len());
        model.slots.push(ControlSlot {
            id: id.clone(),
            decl: Some(i),
            entry: None,
        });
    }
}

/// A shipped or project catalog, not in use, that has an entry `id`.
fn unused_catalog_with<'m>(model: &'m Model, id: &str) -> Option<&'m str> {
    model
        .catalogs
        .iter()
        .enumerate()
        .find(|(i, c)| !model.used_catalogs.contains(i) && c.entries.iter().any(|e| e.id == id))
        .map(|(_, c)| c.id.text.as_str())
}

struct Resolver<'a> {
    model: &'a Model,
    sink: &'a mut Sink,
    /// "did you mean" over the names of each set of kinds, built at its first unknown name.
    suggestions: HashMap<Vec<Kind>, NameIndex<'a>>,
    /// "did you mean" over the IDs of the used catalogs, for exclusions.
    catalog_ids: Option<NameIndex<'a>>,
}

impl<'a> Resolver<'a> {
    fn references(mut self) {
        let m = self.model;
        let people = [Kind::Person, Kind::Role];
        for p in &m.persons {
            for r in &p.roles {
                self.expect(r, &[Kind::Role], "roles");
            }
        }
        for a in &m.assets {
            self.opt(a.owner.as_ref(), &people, "owner");
            for r in &a.depends_on {
                self.expect(r, &[Kind::Asset], "depends_on");
            }
        }
        for risk in &m.risks {
            self.opt(risk.owner.as_ref(), &people, "owner");
            for r in &risk.assets {
                self.expect(r, &[Kind::Asset], "assets");
            }
            if let Some(t) = &risk.treatment {
                for r in &t.controls {
                    self.expect(r, &[Kind::Control], "controls");
                }
                self.opt(t.accepted.as_ref().map(|s| &s.by), &people, "accepted_by");
            }
        }
        for c in &m.controls {
            self.opt(c.owner.as_ref(), &people, "owner");
        }
        for req in &m.requirements {
            for r in &req.controls {
                self.expect(r, &[Kind::Control], "controls");
            }
        }
        for p in &m.policies {
            self.opt(p.owner.as_ref(), &people, "owner");
            self.opt(p.approved.as_ref().map(|s| &s.by), &people, "approved_by");
            self.opt(p.parent.as_ref(), &[Kind::Policy], "parent");
            for r in &p.implements {
                self.expect(r, &[Kind::Control], "implements");
            }
        }
        self.lifecycle();
        self.exclusions();
        self.accept_level();
    }

    fn lifecycle(&mut self) {
        let m = self.model;
        let people = [Kind::Person, Kind::Role];
        for o in &m.objectives {
            self.opt(o.owner.as_ref(), &people, "owner");
            for r in &o.risks {
                self.expect(r, &[Kind::Risk], "risks");
            }
            for r in &o.controls {
                self.expect(r, &[Kind::Control], "controls");
            }
        }
        for x in &m.metrics {
            self.opt(x.owner.as_ref(), &people, "owner");
            for r in &x.objectives {
                self.expect(r, &[Kind::Objective], "objectives");
            }
        }
        for t in &m.trainings {
            self.opt(t.owner.as_ref(), &people, "owner");
            for r in &t.audience {
                self.expect(r, &[Kind::Role, Kind::Person], "audience");
            }
        }
        for p in &m.programmes {
            self.opt(p.owner.as_ref(), &people, "owner");
        }
        for a in &m.audits {
            self.opt(a.auditor.as_ref(), &[Kind::Person], "auditor");
            for r in &a.controls {
                self.expect(r, &[Kind::Control], "controls");
            }
            for r in &a.policies {
                self.expect(r, &[Kind::Policy], "policies");
            }
            for r in &a.findings {
                self.expect(r, &[Kind::Nonconformity], "findings");
            }
        }
        for r in &m.reviews {
            for p in &r.attendees {
                self.expect(p, &people, "attendees");
            }
        }
        for i in &m.incidents {
            for r in &i.assets {
                self.expect(r, &[Kind::Asset], "assets");
            }
            for r in &i.risks {
                self.expect(r, &[Kind::Risk], "risks");
            }
            for r in &i.nonconformities {
                self.expect(r, &[Kind::Nonconformity], "nonconformities");
            }
        }
        for n in &m.nonconformities {
            self.opt(n.owner.as_ref(), &people, "owner");
        }
    }

    fn opt(&mut self, r: Option<&Ref>, kinds: &[Kind], field: &str) {
        if let Some(r) = r {
            self.expect(r, kinds, field);
        }
    }

    /// Report `r` unless it names a declaration of one of `kinds`.
    fn expect(&mut self, r: &Ref, kinds: &[Kind], field: &str) -> bool {
        let index = &self.model.index;
        if kinds.iter().any(|k| index.get(*k, &r.name).is_some()) {
            return true;
        }
        let wanted = expected(kinds);
        if let Some(actual) = Kind::ALL.iter().find(|k| index.get(**k, &r.name).is_some()) {
            let help = match self.did_you_mean(kinds, &r.name) {
                Some(best) => format!("did you mean `{best}`?"),
                None => {
                    let noun = kinds.first().map_or("", |k| k.noun());
                    format!("name {wanted} here, declared with `{noun} <id> …`")
                }
            };
            self.sink.push(
                Diagnostic::new(
                    Code::RefWrongKind,
                    r.span,
                    format!(
                        "`{}` is {} {}, but `{field}` needs {wanted}",
                        r.name,
                        actual.article(),
                        actual.noun()
                    ),
                )
                .with_label(format!("expected {wanted}"))
                .with_help(help),
            );
            return false;
        }
        let mut d = Diagnostic::new(
            Code::RefUnknown,
            r.span,
            format!(
                "no {} named `{}`",
                kinds
                    .iter()
                    .map(|k| k.noun())
                    .collect::<Vec<_>>()
                    .join(" or "),
                r.name
            ),
        )
        .with_label(format!("`{field}` needs {wanted}"));
        if kinds.contains(&Kind::Control) {
            if let Some(catalog) = unused_catalog_with(self.model, &r.name) {
                d = d.with_help(format!(
                    "`{}` is in the `{catalog}` catalog: add `use {catalog}` to the project",
                    r.name
                ));
                self.sink.push(d);
                return false;
            }
        }
        if let Some(best) = self.did_you_mean(kinds, &r.name) {
            d = d.with_help(format!("did you mean `{best}`?"));
        } else {
            let noun = kinds.first().map_or("", |k| k.noun());
            d = d.with_help(format!("declare it: `{noun} {} …`", r.name));
        }
        self.sink.push(d);
        false
    }

    /// The name of one of `kinds` closest to `wrong`.
    fn did_you_mean(&mut self, kinds: &[Kind], wrong: &str) -> Option<&'a str> {
        let index = &self.model.index;
        self.suggestions
            .entry(kinds.to_vec())
            .or_insert_with(|| NameIndex::new(kinds.iter().flat_map(|k| index.names(*k))))
            .closest(wrong)
    }

    fn exclusions(&mut self) {
        let m = self.model;
        let mut first: HashMap<&str, Span> = HashMap::default();
        for e in &m.exclusions {
            for r in &e.controls {
                if let Some(&at) = first.get(r.name.as_str()) {
                    self.sink.push(
                        Diagnostic::new(
                            Code::RefDuplicate,
                            r.span,
                            format!("control `{}` is excluded twice", r.name),
                        )
                        .with_label("excluded again here")
                        .with_secondary(at, "first excluded here")
                        .with_help("keep one exclusion"),
                    );
                    continue;
                }
                first.insert(&r.name, r.span);
                match m.slot(&r.name) {
                    Some(slot) if !slot.is_custom() => {}
                    Some(_) => self.sink.push(
                        Diagnostic::new(
                            Code::ValueInvalid,
                            r.span,
                            format!("`{}` is a custom control and cannot be excluded", r.name),
                        )
                        .with_label("not a catalog control")
                        .with_help("only controls of a used catalog are excluded in the SoA; delete the custom control instead"),
                    ),
                    None => self.unknown_exclusion(r),
                }
            }
        }
    }

    /// An excluded ID that no used catalog has: only catalog controls are excluded.
    fn unknown_exclusion(&mut self, r: &Ref) {
        let m = self.model;
        let mut d = Diagnostic::new(
            Code::RefUnknown,
            r.span,
            format!("`{}` is not a control of a used catalog", r.name),
        )
        .with_label("nothing to exclude");
        if let Some(catalog) = unused_catalog_with(m, &r.name) {
            d = d.with_help(format!(
                "`{}` is in the `{catalog}` catalog: add `use {catalog}`",
                r.name
            ));
        } else {
            let ids = self.catalog_ids.get_or_insert_with(|| {
                NameIndex::new(
                    m.slots
                        .iter()
                        .filter(|s| !s.is_custom())
                        .map(|s| s.id.as_str()),
                )
            });
            d = match ids.closest(&r.name) {
                Some(best) => d.with_help(format!("did you mean `{best}`?")),
                None if m.used_catalogs.is_empty() => {
                    d.with_help("exclusions name controls of a catalog: add `use iso27001:2022`")
                }
                None => d.with_help("remove it from the exclusion"),
            };
        }
        self.sink.push(d);
    }

    fn accept_level(&mut self) {
        let Some(m) = self.model.methodology() else {
            return;
        };
        let (Some(accept), false) = (&m.accept, m.levels.is_empty()) else {
            return;
        };
        if m.levels.iter().any(|l| l.name.text == accept.name) {
            return;
        }
        let names: Vec<&str> = m.levels.iter().map(|l| l.name.text.as_str()).collect();
        let mut d = Diagnostic::new(
            Code::ValueInvalid,
            accept.span,
            format!("`{}` is not a level of the methodology", accept.name),
        )
        .with_label(format!(
            "expected one of {}",
            list_or(names.iter().copied())
        ));
        if let Some(best) = closest(&accept.name, names.iter().copied()) {
            d = d.with_help(format!("did you mean `{best}`?"));
        }
        self.sink.push(d);
    }
}

#[cfg(test)]
mod tests {
    use crate::diagnostics::Code;
    use crate::{compile, Compilation, Input, Options};
    use chrono::NaiveDate;

    fn run(files: &[(&str, &str)]) -> Compilation {
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default();
        let inputs = files.iter().map(|(n, t)| Input::new(*n, *t)).collect();
        compile(inputs, &Options { today })
    }

    fn codes(c: &Compilation) -> Vec<&'static str> {
        c.diagnostics.iter().map(|d| d.code.as_str()).collect()
    }

    #[test]
    fn references_resolve_across_files() {
        let c = run(&[
            ("a.isms", "role ciso \"CISO\"\n"),
            ("b.isms", "person alice \"Alice\" { roles ciso }\n"),
        ]);
        assert!(!codes(&c).contains(&"ref/unknown"), "{:?}", codes(&c));
        assert!(c.model.person("alice").is_some());
    }

    #[test]
    fn duplicate_points_at_the_later_file() {
        let c = run(&[
            ("a.isms", "role ciso \"CISO\"\n"),
            ("b.isms", "role ciso \"again\"\n"),
        ]);
        let d = c
            .diagnostics
            .iter()
            .find(|d| d.code == Code::RefDuplicate)
            .unwrap();
        assert_eq!(c.sources.name(d.span.file), "b.isms");
        assert_eq!(c.sources.name(d.labels[0].span.file), "a.isms");
    }

    #[test]
    fn wrong_kind_is_not_unknown() {
        let c = run(&[(
            "a.isms",
            "asset app \"App\" {\n kind software\n owner app\n}\n",
        )]);
        assert!(codes(&c).contains(&"ref/wrong-kind"), "{:?}", codes(&c));
    }

    #[test]
    fn catalog_controls_need_use() {
        let c = run(&[(
            "a.isms",
            "requirement r \"R\" {\n kind legal\n controls A.5.1\n}\n",
        )]);
        let d = c
            .diagnostics
            .iter()
            .find(|d| d.code == Code::RefUnknown)
            .unwrap();
        assert!(d
            .help
            .as_deref()
            .unwrap_or("")
            .contains("use iso27001:2022"));
    }

    #[test]
    fn used_catalog_lays_out_93_slots_then_custom_controls() {
        let c = run(&[(
            "a.isms",
            "use iso27001:2022\ncontrol A.8.5 { status planned }\ncontrol mine \"Mine\" { status planned }\n",
        )]);
        assert_eq!(c.model.slots.len(), 94);
        assert_eq!(c.model.slots[0].id, "A.5.1");
        let a85 = c.model.slot("A.8.5").unwrap();
        assert!(a85.decl.is_some() && a85.entry.is_some());
        assert!(c.model.slots[93].is_custom());
    }

    #[test]
    fn closest_catalog_id_is_suggested() {
        let c = run(&[(
            "a.isms",
            "use iso27001:2022\nrequirement r \"R\" {\n kind legal\n controls A.5.38\n}\n",
        )]);
        let d = c
            .diagnostics
            .iter()
            .find(|d| d.code == Code::RefUnknown)
            .unwrap();
        assert_eq!(d.help.as_deref(), Some("did you mean `A.5.37`?"));
    }
}
