//! The LSP base protocol's frames (`Content-Length: N\r\n\r\n` and N bytes of body), read
//! so that a broken frame costs that frame and nothing after it.
//!
//! tower-lsp-server's transport ends the whole session at the first frame it cannot read
//! (tokio-util's `FramedRead` stops after a decoder error), so the server reads frames
//! itself and hands the transport only well-formed ones ([`crate::transport`]). After a
//! broken frame the reader skips to the next `Content-Length:`, which is how it finds the
//! next message again:
//!
//! - a header line that is not `Name: value` (a missing `\r\n\r\n` puts the body in the
//!   header) breaks the frame as soon as the line shows it;
//! - a missing, unreadable, negative or too large `Content-Length` breaks the frame at the
//!   end of its header;
//! - a `Content-Length` larger than the body: the next frame's header shows up inside the
//!   announced body. `Content-Length:` followed by digits and a raw `\r\n` cannot be part
//!   of a JSON body (a JSON string holds no raw line break, and outside strings JSON has
//!   no such word), so the body is cut there and the next frame read from there. A body
//!   that is short and followed by nothing is waited for, as the protocol requires.

use memchr::memmem;

/// The largest body accepted: far above any `.isms` file an editor holds open, and a bound
/// on what a wrong header can make the server buffer.
pub const MAX_BODY: usize = 64 << 20;
/// The largest header block: a real one is one or two short lines.
const MAX_HEADER: usize = 8 << 10;
const CONTENT_LENGTH: &[u8] = b"Content-Length:";

/// What the reader found next in the stream.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Frame {
    /// The body of a well-framed message (not yet checked to be JSON).
    Body(Vec<u8>),
    /// A frame that could not be read: why, and what stood where its body should be
    /// (empty when the header was already broken).
    Broken { reason: String, body: Vec<u8> },
}

/// Frames out of a byte stream that arrives in pieces: [`push`](Self::push) what was
/// read, then take frames with [`next_frame`](Self::next_frame) until it gives `None`.
#[derive(Debug, Default)]
pub struct FrameReader {
    buffer: Vec<u8>,
    /// The announced body length, once the frame's header has been read.
    body_length: Option<usize>,
    /// How much of the body has been searched for a next frame's header.
    searched: usize,
    /// Skipping to the next `Content-Length:` after a broken frame.
    skipping: bool,
}

impl FrameReader {
    pub fn push(&mut self, bytes: &[u8]) {
        self.buffer.extend_from_slice(bytes);
    }

    /// Skip to the next `Content-Length:`: the last body, though framed, was not a
    /// message, so what follows it may be the rest of it.
    pub fn skip_to_next_header(&mut self) {
        self.skipping = true;
    }

    /// The next frame, or `None` until more bytes are pushed.
    pub fn next_frame(&mut self) -> Option<Frame> {
        loop {
            if self.skipping && !self.skip() {
                return None;
            }
            match self.body_length {
                Some(length) => return self.body(length),
                None => match self.header()? {
                    Ok(length) => {
                        self.body_length = Some(length);
                        self.searched = 0;
                    }
                    Err(reason) => {
                        self.skipping = true;
                        return Some(Frame::Broken {
                            reason,
                            body: Vec::new(),
                        });
                    }
                },
            }
        }
    }

    /// Drop bytes up to the next `Content-Length:`; whether one was found.
    fn skip(&mut self) -> bool {
        match memmem::find(&self.buffer, CONTENT_LENGTH) {
            Some(at) => {
                self.buffer.drain(..at);
                self.skipping = false;
                true
            }
            None => {
                // Keep what could be the start of a `Content-Length:` cut by the read.
                let keep = self.buffer.len().min(CONTENT_LENGTH.len() - 1);
                self.buffer.drain(..self.buffer.len() - keep);
                false
            }
        }
    }

    /// The header at the start of the buffer, consumed: `Ok(body length)`, `Err(why it is
    /// broken)` (the bad part consumed), or `None` until more bytes arrive.
    fn header(&mut self) -> Option<Result<usize, String>> {
        let mut at = 0;
        let mut length: Option<Result<usize, String>> = None;
        loop {
            let rest = &self.buffer[at..];
            let Some(end) = memmem::find(rest, b"\r\n") else {
                if !could_start_header_line(rest) {
                    self.buffer.drain(..at + 1);
                    return Some(Err(broken_line()));
                }
                if self.buffer.len() > MAX_HEADER {
                    self.buffer.drain(..1);
                    return Some(Err(format!("the header is longer than {MAX_HEADER} bytes")));
                }
                return None;
            };
            if end == 0 {
                self.buffer.drain(..at + 2);
                return Some(
                    length.unwrap_or_else(|| Err("the header has no `Content-Length`".to_string())),
                );
            }
            let line = &rest[..end];
            let Some((name, value)) = header_line(line) else {
                let reason = broken_line();
                self.buffer.drain(..at + 1);
                return Some(Err(reason));
            };
            if name.eq_ignore_ascii_case("Content-Length") {
                length = Some(body_length(value));
            }
            at += end + 2;
        }
    }

    /// The body of `length` bytes at the start of the buffer, or where it is cut short by
    /// the next frame's header.
    fn body(&mut self, length: usize) -> Option<Frame> {
        // A header that starts inside the announced body counts, wherever it ends.
        let region = self
            .buffer
            .len()
            .min(length.saturating_add(CONTENT_LENGTH.len() - 1));
        while let Some(found) = memmem::find(&self.buffer[self.searched..region], CONTENT_LENGTH) {
            let at = self.searched + found;
            match is_header_start(&self.buffer[at..]) {
                Some(true) => {
                    let body: Vec<u8> = self.buffer.drain(..at).collect();
                    self.body_length = None;
                    self.skipping = true;
                    return Some(Frame::Broken {
                        reason: format!(
                            "the message is shorter than its `Content-Length` of {length}"
                        ),
                        body,
                    });
                }
                // Not decided until more bytes arrive: look here again then.
                None => {
                    self.searched = at;
                    return None;
                }
                Some(false) => self.searched = at + 1,
            }
        }
        // The last bytes may be the start of a `Content-Length:` cut by the read.
        self.searched = self
            .searched
            .max(region.saturating_sub(CONTENT_LENGTH.len() - 1));
        if self.buffer.len() < length || self.may_hold_a_cut_header(length) {
            return None;
        }
        self.body_length = None;
        Some(Frame::Body(self.buffer.drain(..length).collect()))
    }
}

impl FrameReader {
    /// Whether the buffer ends in the first bytes of a `Content-Length:` that starts
    /// inside the body of `length` bytes: the rest of the read decides.
    fn may_hold_a_cut_header(&self, length: usize) -> bool {
        let end = self.buffer.len();
        let from = end
            .saturating_sub(CONTENT_LENGTH.len() - 1)
            .max(self.searched);
        (from..end.min(length)).any(|at| CONTENT_LENGTH.starts_with(&self.buffer[at..]))
    }
}

/// `Name: value`, the name an HTTP token.
fn header_line(line: &[u8]) -> Option<(&str, &str)> {
    let line = std::str::from_utf8(line).ok()?;
    let (name, value) = line.split_once(':')?;
    let token = !name.is_empty() && name.bytes().all(is_name_byte);
    token.then_some((name, value.trim()))
}

fn is_name_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'-'
}

/// Whether an unfinished line can still become `Name: value`.
fn could_start_header_line(partial: &[u8]) -> bool {
    match partial.iter().position(|&b| b == b':') {
        Some(colon) => partial[..colon].iter().all(|&b| is_name_byte(b)) && colon > 0,
        None => partial
            .iter()
            // A `\r` may be the first half of the line's `\r\n`.
            .all(|&b| is_name_byte(b) || b == b'\r'),
    }
}

/// The same words however much of the line has arrived, so that how the stream was cut
/// into reads never shows.
fn broken_line() -> String {
    "a header line is not `Name: value` (is the blank line after the header missing?)".to_string()
}

fn body_length(value: &str) -> Result<usize, String> {
    match value.parse::<usize>() {
        Ok(n) if n <= MAX_BODY => Ok(n),
        Ok(n) => Err(format!(
            "`Content-Length` {n} is larger than the {MAX_BODY} bytes a message may have"
        )),
        Err(_) => Err(format!(
            "`Content-Length: {}` is not a number of bytes",
            value.escape_debug()
        )),
    }
}

/// Whether `text` (starting at `Content-Length:`) is a header line: digits and `\r\n`
/// after the colon. `None` while it could still become one.
fn is_header_start(text: &[u8]) -> Option<bool> {
    let rest = &text[CONTENT_LENGTH.len()..];
    let digits_from = rest
        .iter()
        .position(|&b| b != b' ' && b != b'\t')
        .unwrap_or(rest.len());
    let digits = rest[digits_from..]
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count();
    let after = &rest[digits_from + digits..];
    match after {
        [] => None,
        [b'\r'] if digits > 0 => None,
        [b'\r', b'\n', ..] => Some(digits > 0),
        _ => Some(false),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame(body: &str) -> String {
        format!("Content-Length: {}\r\n\r\n{body}", body.len())
    }

    /// Every frame of `input`, fed in pieces of `step` bytes.
    fn read(input: &[u8], step: usize) -> Vec<Frame> {
        let mut reader = FrameReader::default();
        let mut frames = Vec::new();
        for piece in input.chunks(step.max(1)) {
            reader.push(piece);
            while let Some(f) = reader.next_frame() {
                frames.push(f);
            }
        }
        frames
    }

    /// The same frames however the input is cut into reads.
    fn read_all_ways(input: &[u8]) -> Vec<Frame> {
        let whole = read(input, input.len());
        for step in [1, 2, 3, 7, 16] {
            assert_eq!(read(input, step), whole, "step {step}");
        }
        whole
    }

    fn body(s: &str) -> Frame {
        Frame::Body(s.as_bytes().to_vec())
    }

    fn is_broken(f: &Frame) -> bool {
        matches!(f, Frame::Broken { .. })
    }

    const GOOD: &str = r#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}"#;

    #[test]
    fn reads_frames_in_any_pieces() {
        let input = frame(GOOD) + &frame("{}") + &frame("");
        assert_eq!(
            read_all_ways(input.as_bytes()),
            [body(GOOD), body("{}"), body("")]
        );
    }

    #[test]
    fn other_headers_are_ignored() {
        let input = format!(
            "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\nX-Unknown: 1\r\ncontent-length: {}\r\n\r\n{GOOD}",
            GOOD.len()
        );
        assert_eq!(read_all_ways(input.as_bytes()), [body(GOOD)]);
    }

    #[test]
    fn a_bad_content_length_breaks_one_frame() {
        for header in [
            "Content-Length: -5\r\n",
            "Content-Length: many\r\n",
            "Content-Length: 99999999999999999999999\r\n",
            "Content-Length: 99999999999\r\n",
            "Content-Type: x\r\n",
        ] {
            let input = format!("{header}\r\n{{\"some\":\"body\"}}") + &frame(GOOD);
            let frames = read_all_ways(input.as_bytes());
            assert_eq!(frames.len(), 2, "{header:?}: {frames:?}");
            assert!(is_broken(&frames[0]), "{header:?}");
            assert_eq!(frames[1], body(GOOD), "{header:?}");
        }
    }

    #[test]
    fn a_header_without_its_blank_line_breaks_one_frame() {
        let input = format!("Content-Length: {}\r\n{GOOD}", GOOD.len()) + &frame(GOOD);
        let frames = read_all_ways(input.as_bytes());
        assert_eq!(frames.len(), 2, "{frames:?}");
        assert!(is_broken(&frames[0]));
        assert_eq!(frames[1], body(GOOD));
        // It is answered before the next frame arrives: the body shows the line is broken.
        let alone = format!("Content-Length: {}\r\n{GOOD}", GOOD.len());
        assert_eq!(read(alone.as_bytes(), 5).len(), 1);
    }

    #[test]
    fn a_content_length_larger_than_the_body_gives_way_to_the_next_frame() {
        let short = r#"{"jsonrpc":"2.0","method":"x"}"#;
        for announced in [short.len() + 10, short.len() + 100, 100_000] {
            let input = format!("Content-Length: {announced}\r\n\r\n{short}") + &frame(GOOD);
            let frames = read_all_ways(input.as_bytes());
            assert_eq!(frames.len(), 2, "{announced}: {frames:?}");
            assert_eq!(
                frames[0],
                Frame::Broken {
                    reason: format!(
                        "the message is shorter than its `Content-Length` of {announced}"
                    ),
                    body: short.as_bytes().to_vec(),
                }
            );
            assert_eq!(frames[1], body(GOOD));
        }
    }

    #[test]
    fn a_body_may_mention_content_length() {
        let text = r#"{"text":"Content-Length: 12\\r\\n and Content-Length:"}"#;
        assert_eq!(read_all_ways(frame(text).as_bytes()), [body(text)]);
    }

    #[test]
    fn garbage_before_a_header_is_one_broken_frame() {
        let input = "hello world\r\n\r\n".to_string() + &frame(GOOD);
        let frames = read_all_ways(input.as_bytes());
        assert_eq!(frames.len(), 2, "{frames:?}");
        assert!(is_broken(&frames[0]));
        assert_eq!(frames[1], body(GOOD));
    }

    #[test]
    fn after_a_rejected_body_the_rest_of_it_is_skipped() {
        // A `Content-Length` smaller than the body: the frame holds its start, and the
        // tail must not count as another broken frame.
        let input = format!("Content-Length: 10\r\n\r\n{GOOD}") + &frame(GOOD);
        let mut reader = FrameReader::default();
        reader.push(input.as_bytes());
        assert_eq!(reader.next_frame(), Some(body(&GOOD[..10])));
        reader.skip_to_next_header();
        assert_eq!(reader.next_frame(), Some(body(GOOD)));
        assert_eq!(reader.next_frame(), None);
    }

    #[test]
    fn an_endless_header_is_broken_not_buffered() {
        let input = "X".repeat(MAX_HEADER + 10);
        let frames = read(input.as_bytes(), 1000);
        assert_eq!(frames.len(), 1);
        assert!(is_broken(&frames[0]));
    }
}
