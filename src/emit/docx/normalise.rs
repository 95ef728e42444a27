//! What docx-rs cannot say or does not fix, done on its XML before it is zipped:
//!
//! - header rows: docx-rs has no `tblHeader`. Header rows are built with a marker height
//!   ([`HEADER_ROW_MARK`] twips, "at least": no visible effect) and the marker gains a
//!   `<w:tblHeader/>` here, so Word repeats the row on every page.
//! - paragraph IDs: docx-rs numbers paragraphs from a per-thread counter, so the same
//!   document built second in a process would get other IDs. They are renumbered from 1
//!   in document order across the body, headers and footers.

/// The height (twips) that marks a header row. An odd value no other row uses.
pub const HEADER_ROW_MARK: f32 = 1.0;

/// `<w:tblHeader/>` after each header row's marker height.
pub fn header_rows(document: &[u8]) -> Vec<u8> {
    // docx-rs writes the marker as `<w:trHeight w:val="1" w:hRule="atLeast" />`; only its
    // start is matched, so the spacing before `/>` does not matter.
    const MARK: &[u8] = b"<w:trHeight w:val=\"1\" ";
    let mut out = Vec::with_capacity(document.len());
    let mut rest = document;
    while let Some(at) = find(rest, MARK) {
        let Some(end) = find(&rest[at..], b"/>") else {
            break;
        };
        let close = at + end + 2;
        out.extend_from_slice(&rest[..close]);
        out.extend_from_slice(b"<w:tblHeader/>");
        rest = &rest[close..];
    }
    out.extend_from_slice(rest);
    out
}

/// Renumbers `w14:paraId="…"` in every part, in order, from `next`.
pub fn paragraph_ids(part: &[u8], next: &mut u32) -> Vec<u8> {
    const KEY: &[u8] = b"w14:paraId=\"";
    let mut out = Vec::with_capacity(part.len());
    let mut rest = part;
    while let Some(at) = find(rest, KEY) {
        let value_start = at + KEY.len();
        let Some(len) = rest[value_start..].iter().position(|b| *b == b'"') else {
            break;
        };
        out.extend_from_slice(&rest[..value_start]);
        out.extend_from_slice(format!("{:08X}", *next).as_bytes());
        *next += 1;
        rest = &rest[value_start + len..];
    }
    out.extend_from_slice(rest);
    out
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraph_ids_count_from_the_start() {
        let mut next = 1;
        let out = paragraph_ids(
            br#"<w:p w14:paraId="0000002A"/><w:p w14:paraId="0000002B"/>"#,
            &mut next,
        );
        assert_eq!(
            out,
            br#"<w:p w14:paraId="00000001"/><w:p w14:paraId="00000002"/>"#.to_vec()
        );
        assert_eq!(next, 3);
    }

    #[test]
    fn marked_rows_become_header_rows() {
        let out = header_rows(br#"<w:trPr><w:trHeight w:val="1" w:hRule="atLeast" /></w:trPr>"#);
        assert_eq!(
            String::from_utf8_lossy(&out),
            r#"<w:trPr><w:trHeight w:val="1" w:hRule="atLeast" /><w:tblHeader/></w:trPr>"#
        );
        let other = br#"<w:trHeight w:val="12" w:hRule="atLeast" />"#;
        assert_eq!(header_rows(other), other.to_vec());
    }
}
