//! What is shown is what is there: characters that steer a terminal or
//! reorder what is shown (ESC, BEL, bidirectional overrides, the Unicode
//! line separators) are written as escapes (`\u{1b}`), as rustc does for
//! "Trojan Source", so that text from a plan can never move the cursor,
//! hide a line or make a statement look like another. `syntax::limits`
//! reports the same characters in the source (S009).

use std::borrow::Cow;

pub use crate::source::is_hidden;

/// A character as it is shown: `\u{1b}`.
pub fn escaped(c: char) -> String {
    format!("\\u{{{:x}}}", u32::from(c))
}

/// Text output with every hidden character escaped as `\u{..}`; carriage
/// returns too. Borrows when there is nothing to escape.
pub fn text(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| c == '\r' || is_hidden(c)) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len().saturating_add(16));
    for c in s.chars() {
        if c == '\r' || is_hidden(c) {
            out.push_str(&escaped(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// JSON output with the hidden characters serde_json leaves raw (C1,
/// DEL, bidi controls, line separators) written as JSON escapes (`\u202e`):
/// the same data, but nothing that steers a terminal when the JSON is shown.
/// Those characters occur only inside JSON strings, where `\uXXXX` is valid.
pub fn json(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_hidden) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len().saturating_add(16));
    for c in s.chars() {
        if is_hidden(c) {
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_what_steers_a_terminal() {
        assert_eq!(text("a\u{1b}[2Jb"), "a\\u{1b}[2Jb");
        assert_eq!(
            text("x\u{7}\u{202e}y\u{2028}z"),
            "x\\u{7}\\u{202e}y\\u{2028}z"
        );
        assert_eq!(text("line\r\n"), "line\\u{d}\n");
        assert!(matches!(text("cliënten\tà\n"), Cow::Borrowed(_)));
    }

    #[test]
    fn json_stays_json() {
        let raw = serde_json::to_string("a\u{202e}b\u{85}").unwrap_or_default();
        let shown = json(&raw);
        assert_eq!(shown, "\"a\\u202eb\\u0085\"");
        let back: String = serde_json::from_str(&shown).unwrap_or_default();
        assert_eq!(back, "a\u{202e}b\u{85}");
    }
}
