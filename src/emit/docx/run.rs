//! Inlines as Word runs. Text is shown with its hidden characters as pictures (XML 1.0
//! cannot even carry most control characters); docx-rs escapes it for XML.

use docx_rs::{BreakType, Run, RunFonts, Shading};

use crate::emit::paged::tone::colours as tone_colours;
use crate::emit::tree::Inline;

/// The fixed-width face of identifiers.
pub const MONO: &str = "Consolas";

pub fn runs(inlines: &[Inline]) -> Vec<Run> {
    inlines.iter().map(run).collect()
}

fn run(i: &Inline) -> Run {
    match i {
        Inline::Text(s) => text(s),
        Inline::Strong(s) => text(s).bold(),
        Inline::Code(s) => code(s),
        // Links are printed, not linked: a link's relationship ID in docx-rs comes from a
        // process-wide counter, which would make the bytes depend on what was built
        // before. The URL is the text a reader sees in every format anyway.
        Inline::Link { text: t, .. } => text(t).color("1f4e8c").underline("single"),
        Inline::Badge { text: t, tone } => {
            let (fill, ink) = tone_colours(*tone);
            text(t)
                .bold()
                .size(16)
                .color(ink.trim_start_matches('#'))
                .shading(Shading::new().fill(fill.trim_start_matches('#')))
        }
        Inline::Break => Run::new().add_break(BreakType::TextWrapping),
        // Targets of links from other documents, which DOCX prints without a link.
        Inline::Anchor(_) => Run::new(),
    }
}

/// A run of text; line breaks inside it become breaks.
pub fn text(s: &str) -> Run {
    let shown = crate::control::visible(s);
    let mut r = Run::new();
    for (n, line) in shown.split('\n').enumerate() {
        if n > 0 {
            r = r.add_break(BreakType::TextWrapping);
        }
        r = r.add_text(line.trim_end_matches('\r'));
    }
    r
}

pub fn code(s: &str) -> Run {
    text(s).fonts(RunFonts::new().ascii(MONO).hi_ansi(MONO).cs(MONO))
}
