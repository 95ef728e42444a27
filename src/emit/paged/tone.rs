//! The colours of tones (badges, banners) on paper: light fills with dark ink, readable
//! in greyscale print.

use crate::emit::tree::Tone;

/// (fill, ink) of a tone, as typst `rgb` strings.
pub fn colours(tone: Tone) -> (&'static str, &'static str) {
    match tone {
        Tone::Neutral => ("#eef0f3", "#3b4350"),
        Tone::Good => ("#d9eed6", "#1e5424"),
        Tone::Warning => ("#fdeeb9", "#6e4f00"),
        Tone::Bad => ("#f5c1bc", "#7f1711"),
        Tone::Draft => ("#fde2e1", "#a3211b"),
    }
}
