//! The one way HTML is written: markup only from `&'static str` literals, everything
//! else through [`escape`]. User text (titles, names, prose, statements, evidence) cannot
//! reach the page unescaped because [`Html::raw`] does not accept a runtime string.

use std::fmt::Write as _;

use crate::control;

/// `& < > " '` as entities: safe in element content and in quoted attribute values.
/// Hidden characters (ESC, U+202E, …) are shown as escapes: a bidi override would
/// reorder the text around it, and an entity would not stop that.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            c if control::is_hidden(c) => out.push_str(&control::picture(c)),
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[derive(Debug, Default)]
pub struct Html {
    out: String,
}

impl Html {
    pub fn new() -> Html {
        Html::default()
    }

    /// Markup written in this crate.
    pub fn raw(&mut self, markup: &'static str) -> &mut Html {
        self.out.push_str(markup);
        self
    }

    /// Text (or an attribute value), escaped.
    pub fn text(&mut self, s: &str) -> &mut Html {
        self.out.push_str(&escape(s));
        self
    }

    pub fn num(&mut self, n: i64) -> &mut Html {
        let _ = write!(self.out, "{n}");
        self
    }

    /// `<tag…>text</tag>` in one call: `open` and `close` are literals, `text` is escaped.
    pub fn el(&mut self, open: &'static str, text: &str, close: &'static str) -> &mut Html {
        self.raw(open).text(text).raw(close)
    }

    /// HTML that this crate produced from user input by escaping it (the Markdown
    /// renderer, a nested builder): crate-private so nothing else can call it.
    pub(super) fn trusted(&mut self, html: &str) -> &mut Html {
        self.out.push_str(html);
        self
    }

    pub fn finish(self) -> String {
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        let mut h = Html::new();
        h.raw("<p title=\"")
            .text("a\"b")
            .raw("\">")
            .text("<script>alert('x')&</script>")
            .raw("</p>");
        assert_eq!(
            h.finish(),
            "<p title=\"a&quot;b\">&lt;script&gt;alert(&#39;x&#39;)&amp;&lt;/script&gt;</p>"
        );
    }

    #[test]
    fn hidden_characters_are_shown() {
        assert_eq!(escape("a\u{202e}b\u{1b}[2J\u{7}"), "a\\u{202e}b␛[2J␇");
    }
}
