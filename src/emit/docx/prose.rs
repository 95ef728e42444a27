//! Markdown the user wrote as Word paragraphs, through pulldown-cmark, with the filter of
//! the other formats: raw HTML is text, an image its description, headings level 3 or
//! deeper. Emphasis, strong and code spans keep their look; lists are bulleted or
//! numbered paragraphs.

use docx_rs::{IndentLevel, NumberingId, Paragraph, Run, RunFonts};
use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use super::run::{text, MONO};
use super::style::{heading_style, BULLETS};

pub fn paragraphs(markdown: &str) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let mut current: Option<Paragraph> = None;
    let (mut bold, mut italic, mut quote) = (0usize, 0usize, 0usize);
    let mut lists: Vec<Option<u64>> = Vec::new();
    let mut in_code = false;
    let flush = |current: &mut Option<Paragraph>, out: &mut Vec<Paragraph>| {
        if let Some(p) = current.take() {
            out.push(p);
        }
    };
    for event in Parser::new(markdown) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                flush(&mut current, &mut out);
                let level = (level as usize).clamp(3, 6);
                current = Some(Paragraph::new().style(heading_style(level)));
            }
            Event::Start(Tag::Item) => {
                flush(&mut current, &mut out);
                let depth = lists.len().saturating_sub(1);
                let p = Paragraph::new();
                current = Some(match lists.last_mut() {
                    Some(Some(n)) => {
                        let marker = format!("{n}. ");
                        *n += 1;
                        p.indent(Some(360 * (depth as i32 + 1)), None, None, None)
                            .add_run(Run::new().add_text(marker))
                    }
                    _ => p.numbering(NumberingId::new(BULLETS), IndentLevel::new(depth.min(8))),
                });
            }
            Event::Start(Tag::List(start)) => {
                flush(&mut current, &mut out);
                lists.push(start);
            }
            Event::End(TagEnd::List(_)) => {
                flush(&mut current, &mut out);
                lists.pop();
            }
            Event::Start(Tag::Paragraph) => {
                if current.is_none() {
                    let p = Paragraph::new();
                    current = Some(if quote > 0 {
                        p.indent(Some(567), None, None, None)
                    } else {
                        p
                    });
                }
            }
            Event::Start(Tag::CodeBlock(_)) => {
                flush(&mut current, &mut out);
                in_code = true;
                current = Some(Paragraph::new().indent(Some(284), None, None, None));
            }
            Event::End(TagEnd::CodeBlock) => {
                in_code = false;
                flush(&mut current, &mut out);
            }
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item) => {
                flush(&mut current, &mut out)
            }
            Event::Start(Tag::Strong) => bold += 1,
            Event::End(TagEnd::Strong) => bold = bold.saturating_sub(1),
            Event::Start(Tag::Emphasis) => italic += 1,
            Event::End(TagEnd::Emphasis) => italic = italic.saturating_sub(1),
            Event::Start(Tag::BlockQuote(_)) => quote += 1,
            Event::End(TagEnd::BlockQuote(_)) => quote = quote.saturating_sub(1),
            Event::Text(t)
            | Event::Html(t)
            | Event::InlineHtml(t)
            | Event::InlineMath(t)
            | Event::DisplayMath(t) => {
                let t = if in_code {
                    t.trim_end_matches('\n').to_string()
                } else {
                    t.to_string()
                };
                let mut r = text(&t);
                if in_code {
                    r = r.fonts(RunFonts::new().ascii(MONO).hi_ansi(MONO).cs(MONO));
                }
                if bold > 0 {
                    r = r.bold();
                }
                if italic > 0 {
                    r = r.italic();
                }
                push(&mut current, r);
            }
            Event::Code(t) => push(&mut current, super::run::code(&t)),
            Event::SoftBreak => push(&mut current, Run::new().add_text(" ")),
            Event::HardBreak => push(
                &mut current,
                Run::new().add_break(docx_rs::BreakType::TextWrapping),
            ),
            Event::Rule => {
                flush(&mut current, &mut out);
                out.push(Paragraph::new().add_run(Run::new().add_text("—")));
            }
            Event::FootnoteReference(t) => push(&mut current, text(&format!("[{t}]"))),
            Event::TaskListMarker(done) => push(
                &mut current,
                Run::new().add_text(if done { "☑ " } else { "☐ " }),
            ),
            // Links, images and the tags the parser's options leave off only group text,
            // which is printed as it comes.
            Event::Start(_) | Event::End(_) => {}
        }
    }
    flush(&mut current, &mut out);
    out
}

/// Text outside any paragraph (a tight list item's) starts one.
fn push(current: &mut Option<Paragraph>, r: Run) {
    let p = current.take().unwrap_or_default();
    *current = Some(p.add_run(r));
}
