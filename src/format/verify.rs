//! The formatter's safety net: the output must parse to the same tree (spans aside) with
//! the same comments, in the same order.

use crate::source::FileId;
use crate::syntax::{self, Arg, Ast, Block, Decl, Value, ValueKind};

pub fn same_meaning(input: &str, before: &Ast, output: &str) -> Result<(), String> {
    let after = syntax::parse(FileId(0), output);
    if !after.errors.is_empty() {
        return Err("its output does not parse".to_string());
    }
    if fingerprint(before) != fingerprint(&after) {
        return Err("its output parses to a different tree".to_string());
    }
    let texts = |ast: &Ast| -> Vec<String> {
        ast.comments
            .iter()
            .map(|c| c.text.trim_end().to_string())
            .collect()
    };
    if texts(before) != texts(&after) {
        return Err("a comment would be lost or moved".to_string());
    }
    let _ = input;
    Ok(())
}

/// The tree without positions, as text: two trees mean the same iff their fingerprints are
/// equal.
fn fingerprint(ast: &Ast) -> String {
    ast.decls.iter().map(declaration_fingerprint).collect()
}

/// One declaration without positions, as text (one line): what `isms fix` compares for
/// the declarations its edits did not touch.
pub fn declaration_fingerprint(d: &Decl) -> String {
    let mut out = String::new();
    for a in &d.attributes {
        out.push_str(&format!("@{}(", a.name.text));
        for arg in &a.args {
            if let Some(k) = &arg.key {
                out.push_str(&format!("{}=", k.text));
            }
            value(&mut out, &arg.value);
            out.push(',');
        }
        out.push_str(") ");
    }
    out.push_str(&format!("decl {} doc={:?}", d.keyword.text, d.doc));
    args(&mut out, &d.args);
    if let Some(b) = &d.block {
        block(&mut out, b);
    }
    out.push('\n');
    out
}

fn block(out: &mut String, b: &Block) {
    out.push_str(" {");
    for f in &b.fields {
        out.push_str(&format!(" field {}", f.name.text));
        args(out, &f.args);
        if let Some(inner) = &f.block {
            block(out, inner);
        }
        out.push(';');
    }
    out.push('}');
}

fn args(out: &mut String, args: &[Arg]) {
    for a in args {
        out.push_str(" [");
        for v in &a.values {
            value(out, v);
            out.push(',');
        }
        out.push(']');
    }
}

fn value(out: &mut String, v: &Value) {
    match &v.kind {
        ValueKind::Word(w) => out.push_str(&format!("w:{w}")),
        ValueKind::Str(s) => out.push_str(&format!("s:{s:?}")),
        ValueKind::Text(s) => out.push_str(&format!("t:{s:?}")),
        ValueKind::Int(n) => out.push_str(&format!("i:{n}")),
        ValueKind::Decimal(d) => out.push_str(&format!("n:{d}")),
        ValueKind::Date(d) => out.push_str(&format!("d:{d}")),
        ValueKind::Range(a, b) => out.push_str(&format!("r:{a}..{b}")),
    }
}
