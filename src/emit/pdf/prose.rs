//! Markdown the user wrote (a policy's sections) as typst markup, through pulldown-cmark:
//! the same filter as the other formats' (no raw HTML, no images, no top-level headings).
//! Raw HTML is printed as text, an image as its description, a heading at level 3 or
//! deeper, and only http(s) and mailto links are links.

use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag};

use super::literal::{string, text};

pub fn render(out: &mut String, markdown: &str) {
    // What closes each open tag, innermost last.
    let mut closers: Vec<&'static str> = Vec::new();
    // The text of the code block being read, if one is.
    let mut code: Option<String> = None;
    for event in Parser::new(markdown) {
        match event {
            Event::Start(tag) => {
                let (open, close) = open_tag(&tag);
                if matches!(
                    tag,
                    Tag::CodeBlock(CodeBlockKind::Fenced(_) | CodeBlockKind::Indented)
                ) {
                    code = Some(String::new());
                }
                out.push_str(&open);
                closers.push(close);
            }
            Event::End(_) => {
                if let Some(block) = code.take() {
                    out.push_str(&string(block.trim_end_matches('\n')));
                }
                out.push_str(closers.pop().unwrap_or(""));
            }
            Event::Text(t) | Event::Html(t) | Event::InlineHtml(t) => match code.as_mut() {
                Some(block) => block.push_str(&t),
                None => out.push_str(&text(&t)),
            },
            Event::Code(t) => super::inline::code(out, &t),
            Event::InlineMath(t) | Event::DisplayMath(t) => out.push_str(&text(&t)),
            Event::FootnoteReference(t) => out.push_str(&text(&format!("[{t}]"))),
            Event::SoftBreak => out.push_str("#\" \""),
            Event::HardBreak => out.push_str("#linebreak()"),
            Event::Rule => out.push_str("#line(length: 100%, stroke: 0.4pt + luma(170))\n\n"),
            Event::TaskListMarker(done) => out.push_str(&text(if done { "☑ " } else { "☐ " })),
        }
    }
}

/// The markup that opens a tag and the one that closes it.
fn open_tag(tag: &Tag) -> (String, &'static str) {
    match tag {
        Tag::Paragraph => (String::new(), "\n\n"),
        Tag::Heading { level, .. } => {
            let level = (*level as usize).clamp(3, 6);
            (format!("#heading(level: {level})["), "]\n\n")
        }
        Tag::BlockQuote(_) => ("#quote(block: true)[".to_string(), "]\n\n"),
        Tag::CodeBlock(_) => ("#raw(block: true, ".to_string(), ")\n\n"),
        Tag::List(None) => ("#list(".to_string(), ")\n\n"),
        Tag::List(Some(start)) => (format!("#enum(start: {start}, "), ")\n\n"),
        Tag::Item => ("[".to_string(), "],"),
        Tag::Emphasis => ("#emph[".to_string(), "]"),
        Tag::Strong => ("#strong[".to_string(), "]"),
        Tag::Strikethrough => ("#strike[".to_string(), "]"),
        Tag::Link { dest_url, .. }
            if ["https://", "http://", "mailto:"]
                .iter()
                .any(|p| dest_url.starts_with(p)) =>
        {
            (format!("#link({})[", string(dest_url)), "]")
        }
        // Everything else is a group whose text is printed plainly: links elsewhere,
        // images (their description), HTML blocks, and what the parser's options leave
        // off (tables, footnotes, metadata).
        _ => ("#[".to_string(), "]"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typst(md: &str) -> String {
        let mut out = String::new();
        render(&mut out, md);
        out
    }

    #[test]
    fn emphasis_and_lists_become_typst_calls() {
        assert_eq!(
            typst("*a* **b**\n\n- x\n- y\n"),
            "#emph[#\"a\"]#\" \"#strong[#\"b\"]\n\n#list([#\"x\"],[#\"y\"],)\n\n"
        );
    }

    #[test]
    fn html_and_images_are_text_and_headings_stay_below_the_title() {
        let out = typst("# Top\n\n<b>x</b> ![alt](a.png)\n");
        assert!(out.starts_with("#heading(level: 3)[#\"Top\"]"), "{out}");
        assert!(out.contains("#\"<b>\"#\"x\"#\"</b>\""), "{out}");
        assert!(out.contains("#[#\"alt\"]"), "{out}");
    }

    #[test]
    fn code_blocks_are_one_literal() {
        assert_eq!(
            typst("```\na \"b\"\n```\n"),
            "#raw(block: true, \"a \\\"b\\\"\")\n\n"
        );
    }
}
