//! Positions and addresses: byte offsets (our `Span`s) to LSP positions,
//! whose columns count UTF-16 code units, and file paths to `file:` URIs.
//!
//! A position from the client is never trusted: a line past the end, or a
//! column past the line or inside a character, is clamped, never indexed.

use std::path::{Path, PathBuf};
use std::str::FromStr;

use lsp_types::{Position, Range, Uri};

use crate::source::Span;

/// The line starts of one text, for converting offsets both ways.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i.saturating_add(1)))
            .collect();
        LineIndex { starts }
    }

    /// The LSP position of byte `offset` (clamped to the text, and back to
    /// the start of a character it falls inside).
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset = offset.saturating_sub(1);
        }
        let line = match self.starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        };
        let start = self.starts.get(line).copied().unwrap_or(0);
        let units: usize = text
            .get(start..offset)
            .map_or(0, |s| s.chars().map(char::len_utf16).sum());
        Position {
            line: u32::try_from(line).unwrap_or(u32::MAX),
            character: u32::try_from(units).unwrap_or(u32::MAX),
        }
    }

    pub fn range(&self, text: &str, span: Span) -> Range {
        Range {
            start: self.position(text, span.start),
            end: self.position(text, span.end),
        }
    }

    /// The byte offset of an LSP position: a line past the end is the end of
    /// the text, a column past the line's end is the line's end (before its
    /// newline), a column inside a surrogate pair is the character's start.
    pub fn offset(&self, text: &str, position: Position) -> usize {
        let line = usize::try_from(position.line).unwrap_or(usize::MAX);
        let Some(&start) = self.starts.get(line) else {
            return text.len();
        };
        let end = self
            .starts
            .get(line.saturating_add(1))
            .map_or(text.len(), |s| s.saturating_sub(1));
        let line_text = text.get(start..end).unwrap_or("");
        let want = usize::try_from(position.character).unwrap_or(usize::MAX);
        let mut units = 0usize;
        for (i, c) in line_text.char_indices() {
            let next = units.saturating_add(c.len_utf16());
            if next > want {
                return start.saturating_add(i);
            }
            units = next;
        }
        // Past the last character: the end of the line, without a `\r`.
        let trimmed = line_text.strip_suffix('\r').unwrap_or(line_text);
        start.saturating_add(trimmed.len())
    }
}

/// The path of a `file:` URI, percent-decoded; `None` for another scheme.
pub fn path_of(uri: &Uri) -> Option<PathBuf> {
    let s = uri.as_str();
    let rest = s.strip_prefix("file://")?;
    // `file:///home/x` (empty authority) or `file://localhost/home/x`.
    let rest = rest.strip_prefix("localhost").unwrap_or(rest);
    let decoded = percent_decode(rest)?;
    // `file:///C:/x` on Windows: drop the slash before the drive letter.
    let bytes = decoded.as_bytes();
    if cfg!(windows) && bytes.len() > 2 && bytes.get(2) == Some(&b':') {
        return decoded.get(1..).map(PathBuf::from);
    }
    Some(PathBuf::from(decoded))
}

/// The `file:` URI of an absolute path, percent-encoded.
pub fn uri_of(path: &Path) -> Option<Uri> {
    let text = path.to_str()?;
    let text = text.replace('\\', "/");
    let mut out = String::from("file://");
    if !text.starts_with('/') {
        out.push('/');
    }
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~:".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    Uri::from_str(&out).ok()
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0usize;
    while let Some(&b) = bytes.get(i) {
        if b == b'%' {
            let hex = s.get(i.saturating_add(1)..i.saturating_add(3))?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i = i.saturating_add(3);
        } else {
            out.push(b);
            i = i.saturating_add(1);
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_utf16_units() {
        let text = "a€𝄞b\nx";
        let index = LineIndex::new(text);
        // `€` is one unit, `𝄞` two.
        let b = text.find('b').unwrap();
        assert_eq!(index.position(text, b), Position::new(0, 4));
        assert_eq!(index.offset(text, Position::new(0, 4)), b);
        // Inside the surrogate pair: the character's start.
        let clef = text.find('𝄞').unwrap();
        assert_eq!(index.offset(text, Position::new(0, 3)), clef);
        // Out of range: clamped.
        assert_eq!(
            index.offset(text, Position::new(0, 99)),
            text.find('\n').unwrap()
        );
        assert_eq!(index.offset(text, Position::new(9, 0)), text.len());
        assert_eq!(index.position(text, 999), Position::new(1, 1));
    }

    #[test]
    fn uris_round_trip() {
        let path = PathBuf::from("/tmp/a b/plan é.plan");
        let uri = uri_of(&path).unwrap();
        assert_eq!(uri.as_str(), "file:///tmp/a%20b/plan%20%C3%A9.plan");
        assert_eq!(path_of(&uri), Some(path));
    }
}
