//! Stage 2b: names → declarations. Reports duplicates, unknown names (with the closest
//! candidate) and names of the wrong kind, and lays out the project's controls.

use rustc_hash::FxHashMap as HashMap;

use super::lower::{list, list_or};
use super::resolution::{Recorder, Referent, Resolution};
use super::values::Ref;
use super::Kind;
use super::Model;
use crate::diagnostics::{
    closest_suggestion, Applicability, Code, Diagnostic, Edit, Fix, NameIndex, Sink, Suggestion,
};
use crate::source::Span;
use crate::stdlib::{is_annex_a_form, successors_2013};

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
    let mut recorder = Recorder::default();
    use_catalogs(model, sink, &mut recorder);
    mapping_catalogs(model, sink, &mut recorder);
    model.soa_catalog = soa_catalog(model);
    lay_out_controls(model, sink);
    record_definitions(model, &mut recorder);
    let r = Resolver {
        model,
        sink,
        suggestions: HashMap::default(),
        catalog_ids: None,
        recorder: &mut recorder,
    };
    r.references();
    model.resolution = recorder.finish();
}

/// Records every declared name as a definition of what the name resolves to: a
/// declaration declared twice is a definition of the first, as its references are.
/// Catalog entries are definitions of controls (of their slot, when the catalog is used).
fn record_definitions(model: &Model, recorder: &mut Recorder) {
    for &kind in Kind::ALL {
        for (_, name) in model.declared_names(kind.decl()) {
            let resolution = match model.index.get(kind, &name.text) {
                Some(at) => Resolution::Resolved(Referent::Decl(kind, at)),
                None => Resolution::Unknown(Some(kind)),
            };
            recorder.definition(name.span, resolution);
        }
    }
    for (c, catalog) in model.catalogs.iter().enumerate() {
        let first = model
            .catalogs
            .iter()
            .position(|x| x.id.text == catalog.id.text);
        recorder.definition(
            catalog.id.span,
            Resolution::Resolved(Referent::Catalog(first.unwrap_or(c))),
        );
        let used = model.used_catalogs.contains(&c);
        for entry in &catalog.entries {
            let slot = used
                .then(|| model.index.get(Kind::Control, &entry.id))
                .flatten();
            let resolution = match slot {
                Some(at) => Resolution::Resolved(Referent::Decl(Kind::Control, at)),
                None => Resolution::Unknown(Some(Kind::Control)),
            };
            recorder.definition(entry.span, resolution);
        }
    }
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
    for &kind in Kind::ALL {
        // Controls are named through their slots (catalog entries, then declarations),
        // laid out once the catalogs in use are known.
        if kind == Kind::Control {
            continue;
        }
        let names: Vec<(usize, String, Span)> = model
            .declared_names(kind.decl())
            .into_iter()
            .map(|(i, name)| (i, name.text.clone(), name.span))
            .collect();
        for (i, name, span) in &names {
            if let Some(first) = model.index.insert(kind, name, *i) {
                // Positions are ascending: the first declaration is found by bisection.
                let first_span = names
                    .binary_search_by_key(&first, |(at, _, _)| *at)
                    .ok()
                    .and_then(|j| names.get(j))
                    .map_or(*span, |(_, _, s)| *s);
                duplicate(sink, kind.noun(), name, *span, first_span);
            }
        }
    }
}

fn use_catalogs(model: &mut Model, sink: &mut Sink, recorder: &mut Recorder) {
    for u in &model.uses {
        let id = &u.framework.text;
        let found = model.catalogs.iter().position(|c| &c.id.text == id);
        let resolution = found.map_or(Resolution::Unknown(None), |i| {
            Resolution::Resolved(Referent::Catalog(i))
        });
        recorder.reference(u.framework.span, "use", resolution);
        match found {
            Some(i) if !model.used_catalogs.contains(&i) => model.used_catalogs.push(i),
            Some(_) => {}
            None => sink.push(unknown_catalog(model, &u.framework)),
        }
    }
}

/// The `from` and `to` of every mapping name catalogs (used or not: a mapping is in use
/// when both of its catalogs are).
fn mapping_catalogs(model: &Model, sink: &mut Sink, recorder: &mut Recorder) {
    for mapping in &model.mappings {
        for (name, field) in [(&mapping.from, "from"), (&mapping.to, "to")] {
            let Some(name) = name else {
                continue;
            };
            let found = model.catalogs.iter().position(|c| c.id.text == name.text);
            let resolution = found.map_or(Resolution::Unknown(None), |i| {
                Resolution::Resolved(Referent::Catalog(i))
            });
            recorder.reference(name.span, field, resolution);
            if found.is_none() {
                sink.push(unknown_catalog(model, name));
            }
        }
    }
}

/// `ref/unknown` for a name that is no catalog's, with the closest one or the list.
fn unknown_catalog(model: &Model, name: &crate::model::Name) -> Diagnostic {
    let id = &name.text;
    let ids = model.catalogs.iter().map(|c| c.id.text.as_str());
    let d = Diagnostic::new(
        Code::RefUnknown,
        name.span,
        format!("no framework catalog `{id}`"),
    )
    .with_label("unknown framework");
    let available: Vec<&str> = model.catalogs.iter().map(|c| c.id.text.as_str()).collect();
    match closest_suggestion(id, ids) {
        Some(best) => d
            .with_help(format!("did you mean `{}`?", best.name))
            .with_fix(Fix::did_you_mean(name.span, best.name, best.unique)),
        None => d.with_help(format!("available catalogs: {}", list(available))),
    }
}

/// Whether a catalog is an edition of ISO/IEC 27001 (`iso27001:2022`).
pub fn is_iso27001(catalog_id: &str) -> bool {
    catalog_id.starts_with("iso27001:")
}

/// The catalog the Statement of Applicability covers: the ISO/IEC 27001 catalog in use,
/// else the one catalog in use that `use … for soa` names, else the only catalog in use.
/// Never the order of files: `soa/framework-ambiguous` reports a project where none is.
fn soa_catalog(model: &Model) -> Option<usize> {
    let used = &model.used_catalogs;
    let id = |c: usize| model.catalogs.get(c).map(|x| x.id.text.as_str());
    if let Some(&iso) = used.iter().find(|&&c| id(c).is_some_and(is_iso27001)) {
        return Some(iso);
    }
    let mut marked: Vec<usize> = model
        .uses
        .iter()
        .filter(|u| u.for_soa.is_some())
        .filter_map(|u| {
            model
                .catalogs
                .iter()
                .position(|c| c.id.text == u.framework.text)
        })
        .collect();
    marked.sort_unstable();
    marked.dedup();
    match (marked.as_slice(), used.as_slice()) {
        ([one], _) => Some(*one),
        ([], [only]) => Some(*only),
        _ => None,
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
        let reserved = iso_2022_in_use(model) && is_annex_a_form(id);
        if reserved {
            sink.push(reserved_declaration(model, id, control.id.span));
        } else if control.title.is_none() && !control.common.header_broken {
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

/// The ID of the ISO/IEC 27001:2022 catalog, whose `A.n.n` IDs are reserved.
const ISO_2022: &str = "iso27001:2022";

/// Whether `use iso27001:2022` is in effect: then `A.n.n[.n]` IDs belong to the catalog.
fn iso_2022_in_use(model: &Model) -> bool {
    model
        .used_catalogs
        .iter()
        .any(|&c| model.catalogs.get(c).is_some_and(|x| x.id.text == ISO_2022))
}

/// The 2022 successors of `id` when it is a 2013 Annex A ID and the 2022 catalog is in
/// use (a project with its own `A.12.6.1` and no ISO catalog keeps it).
fn legacy(model: &Model, id: &str) -> Option<&'static [&'static str]> {
    successors_2013(id).filter(|_| iso_2022_in_use(model))
}

/// "`A.5.36` or `A.8.8`"
fn ticked_or(ids: &[&str]) -> String {
    list_or(ids.iter().copied())
}

/// `control/legacy-id` at an ISO/IEC 27001:2013 ID written at `span`, with the rename to
/// each 2022 control as a fix: safe when there is one, for review when there are several.
fn legacy_id(span: Span, id: &str, successors: &[&str], declared: bool) -> Diagnostic {
    let message = if declared {
        format!(
            "control `{id}` takes an ISO/IEC 27001:2013 Annex A ID; in ISO/IEC 27001:2022 it is {}",
            ticked_or(successors)
        )
    } else {
        format!(
            "`{id}` is an ISO/IEC 27001:2013 Annex A ID; in ISO/IEC 27001:2022 it is {}",
            ticked_or(successors)
        )
    };
    let help = match successors {
        [one] => format!("write `{one}`, the ISO/IEC 27001:2022 control"),
        _ => format!(
            "write the ISO/IEC 27001:2022 control it means: {}",
            ticked_or(successors)
        ),
    };
    // A declaration renamed becomes the record of a catalog control, which may already
    // have one: a person checks that, as they pick between several successors.
    let applicability = if successors.len() == 1 && !declared {
        Applicability::Safe
    } else {
        Applicability::NeedsReview
    };
    let fixes = successors.iter().map(|&new| {
        Fix::new(
            format!("Replace with `{new}`"),
            vec![Edit::replace(span, new)],
            applicability,
        )
    });
    Diagnostic::new(Code::ControlLegacyId, span, message)
        .with_label("a 2013 Annex A ID, not a control of `iso27001:2022`")
        .with_help(help)
        .with_fixes(fixes)
}

/// A custom control declared with an ID of the Annex A form: a 2013 ID is
/// `control/legacy-id`; any other is not a control of the catalog, `ref/unknown`.
fn reserved_declaration(model: &Model, id: &str, span: Span) -> Diagnostic {
    if let Some(successors) = successors_2013(id) {
        return legacy_id(span, id, successors, true);
    }
    let mut d = Diagnostic::new(
        Code::RefUnknown,
        span,
        format!("`{id}` is not a control of `{ISO_2022}`"),
    )
    .with_label(format!("IDs of the form `A.n.n` belong to `{ISO_2022}`"));
    let entries = model
        .catalogs
        .iter()
        .filter(|c| c.id.text == ISO_2022)
        .flat_map(|c| c.entries.iter().map(|e| e.id.as_str()));
    d = match closest_suggestion(id, entries) {
        Some(best) => d
            .with_help(format!(
                "did you mean `{}`? A custom control takes an ID of your own",
                best.name
            ))
            // Renaming a custom control into a catalog control changes what it is.
            .with_fix(Fix::did_you_mean(span, best.name, false)),
        None => d.with_help("give the custom control an ID of your own"),
    };
    d
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
    /// What each reference resolved to.
    recorder: &'a mut Recorder,
}

impl<'a> Resolver<'a> {
    fn references(mut self) {
        let m = self.model;
        m.each_reference(&mut |r, field| {
            self.expect(r, field.takes.kinds(), field.name);
        });
        self.exclusions();
        self.accept_level();
    }

    /// Report `r` unless it names a declaration of one of `kinds`.
    fn expect(&mut self, r: &Ref, kinds: &[Kind], field: &str) -> bool {
        let index = &self.model.index;
        let lookup = |k: &Kind| index.get(*k, &r.name).map(|at| Referent::Decl(*k, at));
        let successors = kinds
            .contains(&Kind::Control)
            .then(|| legacy(self.model, &r.name))
            .flatten();
        if let Some(target) = kinds.iter().find_map(lookup) {
            self.recorder
                .reference(r.span, field, Resolution::Resolved(target));
            if let Some(successors) = successors {
                self.sink
                    .push(legacy_id(r.span, &r.name, successors, false));
                return false;
            }
            return true;
        }
        if let Some(successors) = successors {
            self.recorder
                .reference(r.span, field, Resolution::Unknown(Some(Kind::Control)));
            self.sink
                .push(legacy_id(r.span, &r.name, successors, false));
            return false;
        }
        let wanted = expected(kinds);
        let other = Kind::ALL.iter().find_map(lookup);
        let unknown = Resolution::Unknown(kinds.first().copied());
        self.recorder
            .reference(r.span, field, other.map_or(unknown, Resolution::WrongKind));
        if let Some(Referent::Decl(actual, _)) = other {
            let best = self.did_you_mean(kinds, &r.name);
            let help = match best {
                Some(best) => format!("did you mean `{}`?", best.name),
                None => {
                    let noun = kinds.first().map_or("", |k| k.noun());
                    format!("name {wanted} here, declared with `{noun} <id> …`")
                }
            };
            let fixes = best.map(|b| Fix::did_you_mean(r.span, b.name, b.unique));
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
                .with_help(help)
                .with_fixes(fixes),
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
            d = d
                .with_help(format!("did you mean `{}`?", best.name))
                .with_fix(Fix::did_you_mean(r.span, best.name, best.unique));
        } else {
            let noun = kinds.first().map_or("", |k| k.noun());
            d = d.with_help(format!("declare it: `{noun} {} …`", r.name));
        }
        self.sink.push(d);
        false
    }

    /// The name of one of `kinds` closest to `wrong`.
    fn did_you_mean(&mut self, kinds: &[Kind], wrong: &str) -> Option<Suggestion<'a>> {
        let index = &self.model.index;
        self.suggestions
            .entry(kinds.to_vec())
            .or_insert_with(|| NameIndex::new(kinds.iter().flat_map(|k| index.names(*k))))
            .suggest(wrong)
    }

    fn exclusions(&mut self) {
        let m = self.model;
        let mut first: HashMap<&str, Span> = HashMap::default();
        for e in &m.exclusions {
            for r in &e.controls {
                let slot = m.slot_index(&r.name);
                let resolution = slot.map_or(Resolution::Unknown(Some(Kind::Control)), |at| {
                    Resolution::Resolved(Referent::Decl(Kind::Control, at))
                });
                // Written after the `exclude` keyword, not in a field.
                self.recorder.reference(r.span, "exclude", resolution);
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
                if let Some(successors) = legacy(m, &r.name) {
                    self.sink
                        .push(legacy_id(r.span, &r.name, successors, false));
                    continue;
                }
                match slot.and_then(|at| m.slots.get(at)) {
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
            d = match ids.suggest(&r.name) {
                Some(best) => d
                    .with_help(format!("did you mean `{}`?", best.name))
                    .with_fix(Fix::did_you_mean(r.span, best.name, best.unique)),
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
        let levels = m
            .accept
            .iter()
            .chain(m.authorities.iter().map(|a| &a.level));
        for accept in levels {
            self.level_ref(m, accept);
        }
    }

    /// Record `accept`'s level, a level of the methodology, and report it if unknown.
    fn level_ref(&mut self, m: &crate::model::Methodology, accept: &Ref) {
        let level = m.levels.iter().position(|l| l.name.text == accept.name);
        let resolution = level.map_or(Resolution::Unknown(None), |i| {
            Resolution::Resolved(Referent::Level(i))
        });
        // Only the methodology in effect: a second one is `project/multiple`.
        self.recorder.reference(accept.span, "accept", resolution);
        if level.is_some() || m.levels.is_empty() {
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
        if let Some(best) = closest_suggestion(&accept.name, names.iter().copied()) {
            d = d
                .with_help(format!("did you mean `{}`?", best.name))
                .with_fix(Fix::did_you_mean(accept.span, best.name, best.unique));
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

    fn with(code: Code, c: &Compilation) -> Vec<&crate::diagnostics::Diagnostic> {
        c.diagnostics.iter().filter(|d| d.code == code).collect()
    }

    #[test]
    fn a_2013_id_is_one_legacy_id_with_its_rename() {
        let c = run(&[(
            "a.isms",
            "use iso27001:2022\nrequirement r \"R\" {\n kind legal\n controls A.12.6.1\n}\n",
        )]);
        let d = with(Code::ControlLegacyId, &c);
        assert_eq!(d.len(), 1);
        assert!(with(Code::RefUnknown, &c).is_empty());
        let d = d[0];
        assert!(d.message.contains("`A.8.8`"), "{}", d.message);
        assert_eq!(d.fixes.len(), 1);
        assert!(d.fixes[0].is_safe());
        assert_eq!(d.fixes[0].edits[0].replacement, "A.8.8");
    }

    #[test]
    fn a_2013_id_with_two_successors_gets_a_fix_to_review_for_each() {
        let c = run(&[(
            "a.isms",
            "use iso27001:2022\nexclude A.18.2.3 because \"old\"\n",
        )]);
        let d = with(Code::ControlLegacyId, &c);
        assert_eq!(d.len(), 1, "{:?}", c.diagnostics);
        let new: Vec<&str> = d[0]
            .fixes
            .iter()
            .map(|f| f.edits[0].replacement.as_str())
            .collect();
        assert_eq!(new, ["A.5.36", "A.8.8"]);
        assert!(d[0].fixes.iter().all(|f| !f.is_safe()));
        assert!(with(Code::RefUnknown, &c).is_empty());
    }

    #[test]
    fn a_custom_control_with_a_2013_id_is_one_legacy_id_not_a_missing_title() {
        let c = run(&[(
            "a.isms",
            "use iso27001:2022\ncontrol A.9.4.2 { status planned }\n",
        )]);
        let d = with(Code::ControlLegacyId, &c);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].fixes.len(), 1);
        assert!(
            !d[0].fixes[0].is_safe(),
            "the record of A.8.5 may exist already"
        );
        assert!(
            with(Code::FieldMissing, &c).is_empty(),
            "{:?}",
            c.diagnostics
        );
    }

    #[test]
    fn without_the_2022_catalog_a_2013_id_is_an_ordinary_name() {
        let c = run(&[("a.isms", "control A.9.4.2 \"Log-on\" { status planned }\n")]);
        assert!(with(Code::ControlLegacyId, &c).is_empty());
    }

    #[test]
    fn a_custom_control_may_not_take_an_unknown_annex_a_id() {
        let c = run(&[(
            "a.isms",
            "use iso27001:2022\ncontrol A.7.20 \"Mine\" { status planned }\n",
        )]);
        let d = with(Code::RefUnknown, &c);
        assert_eq!(d.len(), 1, "{:?}", c.diagnostics);
        assert!(d[0]
            .help
            .as_deref()
            .unwrap_or_default()
            .starts_with("did you mean `A.7.2`?"));
        assert!(with(Code::FieldMissing, &c).is_empty());
    }

    #[test]
    fn an_unknown_annex_a_reference_suggests_the_nearest_id() {
        let c = run(&[(
            "a.isms",
            "use iso27001:2022\nrequirement r \"R\" {\n kind legal\n controls A.7.20\n}\n",
        )]);
        let d = with(Code::RefUnknown, &c);
        assert_eq!(d[0].help.as_deref(), Some("did you mean `A.7.2`?"));
    }
}
