//! The styles and numbering every DOCX document declares: headings (so Word's navigation
//! pane and table of contents see them) and one bulleted list.

use docx_rs::{
    AbstractNumbering, Docx, Level, LevelJc, LevelText, NumberFormat, Numbering, SpecialIndentType,
    Start, Style, StyleType,
};

/// The numbering ID of bulleted paragraphs.
pub const BULLETS: usize = 1;

/// The style ID of a heading level (1 = the title).
pub fn heading_style(level: usize) -> &'static str {
    match level {
        0 | 1 => "Heading1",
        2 => "Heading2",
        3 => "Heading3",
        _ => "Heading4",
    }
}

pub fn declare(docx: Docx) -> Docx {
    let sizes = [(1, 36), (2, 28), (3, 24), (4, 22)];
    let mut docx = docx;
    for (level, half_points) in sizes {
        docx = docx.add_style(
            Style::new(heading_style(level), StyleType::Paragraph)
                .name(format!("Heading {level}"))
                .size(half_points)
                .bold(),
        );
    }
    let mut bullets = AbstractNumbering::new(BULLETS);
    for depth in 0..9 {
        bullets = bullets.add_level(
            Level::new(
                depth,
                Start::new(1),
                NumberFormat::new("bullet"),
                LevelText::new(if depth % 2 == 0 { "•" } else { "◦" }),
                LevelJc::new("left"),
            )
            .indent(
                Some(360 * (depth as i32 + 1)),
                Some(SpecialIndentType::Hanging(360)),
                None,
                None,
            ),
        );
    }
    docx.add_abstract_numbering(bullets)
        .add_numbering(Numbering::new(BULLETS, BULLETS))
}
