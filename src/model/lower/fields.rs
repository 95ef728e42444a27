//! Reading a block's fields against the schema of its declaration: unknown, duplicate and
//! missing fields are reported here, once, for every kind of declaration.

use crate::model::schema::{FieldSet, FieldSpec, Need};

use crate::diagnostics::{closest_suggestion, Code, Diagnostic, Fix, Sink};
use crate::source::Span;
use crate::syntax::{Block, Field};

/// The fields of one block, checked against a schema.
pub struct Fields<'a> {
    schema: &'static [FieldSpec],
    /// The fields taken, in source order, each with its position in the schema (a
    /// non-repeatable field given twice is taken once).
    taken: Vec<(usize, &'a Field)>,
    pub present: FieldSet,
    /// A line of the block did not parse or a field was unknown: values computed from the
    /// block (a residual risk, an acceptance) may be wrong, so rules skip them.
    pub incomplete: bool,
}

impl<'a> Fields<'a> {
    /// Check `block` against `schema`, reporting unknown, duplicate and missing fields.
    /// `what` names the declaration in messages ("risk `R-1`"); `anchor` is where a
    /// missing field is reported (the declaration's name).
    pub fn read(
        sink: &mut Sink,
        block: Option<&'a Block>,
        schema: &'static [FieldSpec],
        what: &str,
        anchor: Span,
    ) -> Self {
        let broken = block.is_some_and(|b| b.broken);
        let fields = block.map_or(&[][..], |b| b.fields.as_slice());
        let mut taken: Vec<(usize, &'a Field)> = Vec::with_capacity(fields.len());
        let mut present = FieldSet::new(schema);
        let mut unknown = false;
        // Schema fields that an unknown field is a near miss for (`likelyhood`): that
        // mistake is reported once, as `field/unknown` with its suggestion, not again as
        // `field/missing`. (Fields whose absence a rule reports, such as an owner, are
        // still reported by that rule: the conformance contract expects it.)
        let mut near_misses = FieldSet::new(schema);
        for field in fields {
            let name = field.name.text.as_str();
            let Some((index, spec)) = schema.iter().enumerate().find(|(_, s)| s.name == name)
            else {
                let mut d = Diagnostic::new(
                    Code::FieldUnknown,
                    field.name.span,
                    format!("unknown field `{name}` in {what}"),
                )
                .with_label("not a field here");
                unknown = true;
                d = match closest_suggestion(name, schema.iter().map(|s| s.name)) {
                    Some(best) => {
                        if let Some(index) = schema.iter().position(|s| s.name == best.name) {
                            near_misses.insert(index);
                        }
                        d.with_help(format!("did you mean `{}`?", best.name))
                            .with_fix(Fix::did_you_mean(field.name.span, best.name, best.unique))
                    }
                    None => d.with_help(format!(
                        "the fields here are {}",
                        list(schema.iter().map(|s| s.name))
                    )),
                };
                sink.push(d);
                continue;
            };
            let first = taken.iter().find(|(i, _)| *i == index).map(|(_, f)| *f);
            if let (false, Some(first)) = (spec.repeatable, first) {
                sink.push(
                    Diagnostic::new(
                        Code::FieldDuplicate,
                        field.name.span,
                        format!("field `{name}` is given twice in {what}"),
                    )
                    .with_label("given again here")
                    .with_secondary(first.name.span, "first given here")
                    .with_help("keep one of them"),
                );
                continue;
            }
            taken.push((index, field));
            present.insert(index);
        }
        // A declaration whose block did not parse may hold the field on a broken line.
        if !broken {
            for spec in schema.iter().filter(|s| s.need == Need::Required) {
                if !present.contains(spec) && !near_misses.contains(spec) {
                    sink.push(
                        Diagnostic::new(
                            Code::FieldMissing,
                            anchor,
                            format!("{what} has no `{}`", spec.name),
                        )
                        .with_label(format!("`{}` is required", spec.name))
                        .with_help(format!("add `{}`", spec.hint)),
                    );
                }
            }
        }
        Fields {
            schema,
            taken,
            present,
            incomplete: broken || unknown,
        }
    }

    /// Every occurrence taken of the field `spec`, readable or not.
    fn taken(&self, spec: &FieldSpec) -> impl Iterator<Item = &'a Field> + '_ {
        let index = self.schema.iter().position(|s| s.name == spec.name);
        self.taken
            .iter()
            .filter(move |(i, _)| Some(*i) == index)
            .map(|(_, field)| *field)
    }

    /// The field if written and readable.
    pub fn get(&self, spec: &FieldSpec) -> Option<&'a Field> {
        self.taken(spec).next().filter(|f| !f.broken)
    }

    /// Every readable occurrence of a repeatable field.
    pub fn all(&self, spec: &FieldSpec) -> impl Iterator<Item = &'a Field> + '_ {
        self.taken(spec).filter(|f| !f.broken)
    }
}

/// "`a`, `b` and `c`"
pub fn list<'s>(items: impl IntoIterator<Item = &'s str>) -> String {
    join(items, "and")
}

/// "`a`, `b` or `c`"
pub fn list_or<'s>(items: impl IntoIterator<Item = &'s str>) -> String {
    join(items, "or")
}

fn join<'s>(items: impl IntoIterator<Item = &'s str>, last_word: &str) -> String {
    let items: Vec<String> = items.into_iter().map(|i| format!("`{i}`")).collect();
    match items.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {last_word} {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::FileId;

    use crate::model::schema::{optional, repeatable, required, Takes};

    const A: FieldSpec = required("a", "a 1", Takes::Free, "");
    const B: FieldSpec = optional("b", Takes::Free, "");
    const C: FieldSpec = repeatable("c", Takes::Free, "");
    const SCHEMA: &[FieldSpec] = &[A, B, C];

    fn block(text: &str) -> Block {
        let ast = crate::syntax::parse(FileId(0), text);
        let decl = ast.decls.into_iter().next().and_then(|d| d.block);
        decl.unwrap_or_else(|| panic!("no block in {text:?}"))
    }

    #[test]
    fn present_fields_duplicates_and_repeats() {
        let block = block("x y {\n  c 1\n  b 2\n  b 3\n  c 4\n}\n");
        let mut sink = Sink::default();
        let anchor = Span::new(FileId(0), 0, 1);
        let fields = Fields::read(&mut sink, Some(&block), SCHEMA, "x", anchor);
        let codes: Vec<Code> = sink.into_vec().iter().map(|d| d.code).collect();
        assert_eq!(codes, [Code::FieldDuplicate, Code::FieldMissing]);
        assert!(fields.present.contains(&B) && fields.present.contains(&C));
        assert!(!fields.present.contains(&A));
        assert_eq!(fields.present.iter().collect::<Vec<_>>(), ["b", "c"]);
        let b = fields.get(&B).map(|f| f.span.start());
        assert_eq!(
            b,
            Some(block.fields[1].span.start()),
            "the first `b` counts"
        );
        assert_eq!(fields.all(&C).count(), 2);
        assert!(fields.get(&A).is_none());
    }
}
