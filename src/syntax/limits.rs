//! Limits checked before parsing, so that hostile input (a 10 MB line, ten
//! thousand nested braces) ends in one clear diagnostic instead of a slow
//! parse or a deep recursion.

// PANIC SAFETY: the arithmetic here is on byte positions, line and column
// numbers and counts within one loaded file, all bounded by its length (at
// most --max-file-bytes), so it cannot overflow a usize.
#![allow(clippy::arithmetic_side_effects)]

use crate::diagnostic::Diagnostic;
use crate::source::{any_hidden, FileId, Span};

/// Configurable parser limits. The defaults are far above any real plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Longest line, in bytes. The longest line of the Twente plan is ~1 KB.
    pub max_line_bytes: usize,
    /// Deepest block nesting. The language needs four levels.
    pub max_depth: usize,
    /// Most lines in one file. A plan of 100 000 milestones has ~800 000.
    pub max_lines: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_line_bytes: 64 * 1024,
            max_depth: 16,
            max_lines: 4_000_000,
        }
    }
}

/// Returns the first limit the text exceeds, if any.
pub fn check(file: FileId, text: &str, limits: &Limits) -> Option<Diagnostic> {
    if text.trim().is_empty() {
        return Some(
            Diagnostic::error("S001", crate::tr!("s001-message"))
                .in_file(file)
                .at(Span::new(0, text.len()), crate::tr!("s001-label"))
                .with_help(crate::tr!("syntax-file-start-help")),
        );
    }
    line_count(file, text, limits)
        .or_else(|| line_length(file, text, limits))
        .or_else(|| nesting(file, text, limits))
}

fn line_count(file: FileId, text: &str, limits: &Limits) -> Option<Diagnostic> {
    let lines = text.bytes().filter(|b| *b == b'\n').count() + usize::from(!text.ends_with('\n'));
    (lines > limits.max_lines).then(|| {
        Diagnostic::error(
            "S006",
            crate::tr!(
                "s006-message",
                lines = lines.to_string(),
                max = limits.max_lines.to_string()
            ),
        )
        .in_file(file)
        .at(Span::new(0, 0), crate::tr!("i005-label"))
        .with_help(crate::tr!("s006-help"))
    })
}

fn line_length(file: FileId, text: &str, limits: &Limits) -> Option<Diagnostic> {
    for (n, line) in text.split_inclusive('\n').enumerate() {
        if line.len() > limits.max_line_bytes {
            // No label: a label makes the renderer print the whole line,
            // which is the very thing that is too long. The message says where.
            return Some(
                Diagnostic::error(
                    "S002",
                    crate::tr!(
                        "s002-message",
                        line = (n + 1).to_string(),
                        bytes = line.len().to_string(),
                        max = limits.max_line_bytes.to_string()
                    ),
                )
                .in_file(file)
                .with_help(crate::tr!("s002-help")),
            );
        }
    }
    None
}

/// The end of a string that starts at `i` (a `"`), if it closes on the same
/// line; an unclosed quote is an ordinary character, as in the grammar.
pub(super) fn string_end(bytes: &[u8], i: usize) -> Option<usize> {
    let mut j = i + 1;
    loop {
        let n = bytes
            .get(j..)?
            .iter()
            .position(|b| matches!(b, b'\\' | b'"' | b'\n'))?;
        j += n;
        match bytes.get(j)? {
            b'\\' => j += 2,
            b'"' => return Some(j),
            _ => return None,
        }
    }
}

/// Whether a byte is one the block structure is read by (`\n`, `"`, `/`,
/// `{`, `}`): one look in a table a byte, where a file is mostly other text.
pub(super) fn structural(b: &u8) -> bool {
    // PANIC SAFETY: `b` runs over 0..256, the table's indices.
    #[allow(clippy::indexing_slicing)]
    const TABLE: [bool; 256] = {
        let mut t = [false; 256];
        let mut b = 0;
        while b < 256 {
            t[b] = matches!(b as u8, b'\n' | b'"' | b'/' | b'{' | b'}');
            b += 1;
        }
        t
    };
    TABLE.get(usize::from(*b)).copied().unwrap_or(false)
}

/// Checks the block structure outside strings and comments, exactly as the
/// grammar reads it: not deeper than the limit, every `}` closing a block,
/// every `{` closed. Balanced braces are what keeps error recovery (which
/// skips a whole misspelt block) linear: with an unclosed `{` every attempt
/// to skip a block would scan to the end of the file, and nested attempts
/// would multiply that.
fn nesting(file: FileId, text: &str, limits: &Limits) -> Option<Diagnostic> {
    let bytes = text.as_bytes();
    // Each open `{` with the indentation of its line; a `}` less indented
    // than the line that opened its block suggests where a `}` is missing.
    let mut open: Vec<(usize, usize)> = Vec::new();
    let mut suspect: Option<usize> = None;
    let mut line_start = 0;
    let indent = |start: usize| {
        bytes
            .get(start..)
            .map(|r| r.iter().take_while(|c| **c == b' ' || **c == b'\t').count())
            .unwrap_or(0)
    };
    // Only these bytes matter here; the rest is skipped in one `position`.
    let mut i = 0;
    while let Some(n) = bytes.get(i..).and_then(|r| r.iter().position(structural)) {
        i += n;
        let Some(&b) = bytes.get(i) else { break };
        match b {
            b'\n' => line_start = i + 1,
            b'"' => {
                if let Some(end) = string_end(bytes, i) {
                    i = end;
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                i = bytes
                    .get(i..)
                    .and_then(|r| r.iter().position(|c| *c == b'\n'))
                    .map_or(bytes.len(), |n| i + n);
                continue;
            }
            b'{' => {
                open.push((i, indent(line_start)));
                if open.len() > limits.max_depth {
                    return Some(
                        Diagnostic::error(
                            "S003",
                            crate::tr!("s003-message", depth = limits.max_depth),
                        )
                        .in_file(file)
                        .at(Span::new(i, i + 1), crate::tr!("s003-label"))
                        .with_help(crate::tr!("s003-help")),
                    );
                }
            }
            b'}' => {
                let Some((start, opener_indent)) = open.pop() else {
                    return Some(
                        Diagnostic::error("S007", crate::tr!("s007-message"))
                            .in_file(file)
                            .at(Span::new(i, i + 1), crate::tr!("s007-label"))
                            .with_help(crate::tr!("s007-help")),
                    );
                };
                if suspect.is_none() && indent(line_start) < opener_indent {
                    suspect = Some(start);
                }
            }
            _ => {}
        }
        i += 1;
    }
    open.first().map(|(first, _)| {
        let unclosed = open.len();
        let start = suspect.unwrap_or(*first);
        Diagnostic::error("S008", crate::tr!("s008-message", count = unclosed))
            .in_file(file)
            .at(
                Span::new(start, start + 1),
                if suspect.is_some() {
                    crate::tr!("s008-label-suspect")
                } else {
                    crate::tr!("s008-label")
                },
            )
            .with_help(crate::tr!("s008-help"))
    })
}

/// At most this many S009/S010 findings per file; the last one says how
/// many more there are, so a file full of them stays one screen.
const MAX_HIDDEN: usize = 20;

/// Where in a line a character stands, as the grammar reads it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Zone {
    Code,
    String,
    Comment,
}

/// Finds the characters that make a file look different from what it says
/// (see `render::escape::is_hidden`): control characters, bidirectional
/// controls, the Unicode line separators and a byte-order mark after the
/// start. Each is a warning inside a string or comment (text nobody
/// evaluates, but someone reads) and an error elsewhere. Runs beside the
/// parser, not instead of it: the file is still parsed. A carriage return
/// is allowed anywhere (CRLF files), a tab and a newline are layout.
pub fn hidden(file: FileId, text: &str) -> Vec<Diagnostic> {
    if !any_hidden(text) {
        return Vec::new();
    }
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut found = 0usize;
    let (mut zone, mut zone_end) = (Zone::Code, 0);
    for (i, c) in text.char_indices() {
        if zone != Zone::Code && i >= zone_end {
            zone = Zone::Code;
        }
        if zone == Zone::Code {
            if c == '"' {
                if let Some(end) = string_end(bytes, i) {
                    (zone, zone_end) = (Zone::String, end + 1);
                }
            } else if c == '/' && bytes.get(i + 1) == Some(&b'/') {
                let line_end = text
                    .get(i..)
                    .and_then(|r| r.find('\n'))
                    .map_or(text.len(), |n| i + n);
                (zone, zone_end) = (Zone::Comment, line_end);
            }
        }
        if crate::source::is_hidden(c) {
            found += 1;
            if found <= MAX_HIDDEN {
                out.push(hidden_char(file, c, i, zone));
            }
        }
    }
    if let (Some(last), true) = (out.last_mut(), found > MAX_HIDDEN) {
        last.notes
            .push(crate::tr!("s009-note-more", count = found - MAX_HIDDEN));
    }
    out
}

/// The name of a hidden character, as the Unicode standard gives it.
fn char_name(c: char) -> &'static str {
    match c {
        '\u{0}' => "null",
        '\u{7}' => "bell",
        '\u{8}' => "backspace",
        '\u{1b}' => "escape",
        '\u{7f}' => "delete",
        '\u{85}' => "next line",
        '\u{9b}' => "control sequence introducer",
        '\u{202a}' => "left-to-right embedding",
        '\u{202b}' => "right-to-left embedding",
        '\u{202c}' => "pop directional formatting",
        '\u{202d}' => "left-to-right override",
        '\u{202e}' => "right-to-left override",
        '\u{2066}' => "left-to-right isolate",
        '\u{2067}' => "right-to-left isolate",
        '\u{2068}' => "first strong isolate",
        '\u{2069}' => "pop directional isolate",
        '\u{2028}' => "line separator",
        '\u{2029}' => "paragraph separator",
        '\u{feff}' => "byte-order mark",
        _ => "control character",
    }
}

/// One S009 (or S010 for a byte-order mark) finding.
fn hidden_char(file: FileId, c: char, at: usize, zone: Zone) -> Diagnostic {
    let code = if c == '\u{feff}' { "S010" } else { "S009" };
    let kind = match c {
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => crate::tr!("s009-kind-bidi"),
        '\u{2028}' | '\u{2029}' | '\u{85}' => crate::tr!("s009-kind-line-break"),
        '\u{feff}' => crate::tr!("s009-kind-invisible"),
        _ => crate::tr!("s009-kind-control"),
    };
    // Unicode's own names (`char_name`) stay English in every language.
    let character = format!("U+{:04X} ({})", u32::from(c), char_name(c));
    let message = match zone {
        Zone::Code => crate::tr!("s009-message", kind = kind, character = character),
        Zone::String => crate::tr!("s009-message-string", kind = kind, character = character),
        Zone::Comment => crate::tr!("s009-message-comment", kind = kind, character = character),
    };
    let help = match c {
        '\u{2028}' | '\u{2029}' | '\u{85}' => crate::tr!("s009-help-line-break"),
        '\u{feff}' => crate::tr!("s010-help"),
        _ => crate::tr!("s009-help"),
    };
    let len = c.len_utf8();
    let d = if zone == Zone::Code {
        Diagnostic::error(code, message)
    } else {
        Diagnostic::warning(code, message)
    };
    d.in_file(file)
        .at(Span::new(at, at + len), crate::tr!("syntax-label-here"))
        .with_help(help)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Severity;

    fn found(text: &str) -> Vec<(&'static str, Severity, usize)> {
        hidden(FileId(0), text)
            .iter()
            .map(|d| {
                let at = d.labels.first().map_or(usize::MAX, |l| l.span.start);
                (d.code, d.severity, at)
            })
            .collect()
    }

    #[test]
    fn hidden_characters_by_place() {
        // In a string and in a comment: warnings; between tokens: an error.
        let text = "a \"x\u{1b}\" // y\u{2028}z\n\u{202e}b \"\\\"\u{7}\"\n";
        let esc = text.find('\u{1b}').unwrap_or(0);
        let ls = text.find('\u{2028}').unwrap_or(0);
        let rlo = text.find('\u{202e}').unwrap_or(0);
        let bel = text.find('\u{7}').unwrap_or(0);
        assert_eq!(
            found(text),
            [
                ("S009", Severity::Warning, esc),
                ("S009", Severity::Warning, ls),
                ("S009", Severity::Error, rlo),
                ("S009", Severity::Warning, bel),
            ]
        );
    }

    #[test]
    fn layout_is_not_hidden_and_a_late_bom_is_named() {
        assert!(found("plan x \"y\" {\r\n\tperiod\n}\n").is_empty());
        let d = hidden(FileId(0), "x // \u{feff}\n");
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].code, "S010");
        assert!(d[0].message.contains("byte-order mark"), "{}", d[0].message);
    }

    #[test]
    fn the_byte_scan_agrees_with_the_chars() {
        let mut samples: Vec<String> = vec!["plan \"€ 1\" é ü ∑ 😀 \u{a0}".to_string()];
        for c in (0u32..0x3000).chain([0xfeff, 0xfffd, 0x1f600]) {
            if let Some(c) = char::from_u32(c) {
                samples.push(format!("ab{c}€"));
            }
        }
        for s in &samples {
            assert_eq!(
                any_hidden(s),
                s.chars().any(crate::source::is_hidden),
                "{s:?}"
            );
        }
    }

    #[test]
    fn at_most_twenty_are_listed() {
        let d = hidden(FileId(0), &"\u{0}".repeat(100));
        assert_eq!(d.len(), MAX_HIDDEN);
        assert!(d[MAX_HIDDEN - 1].notes[0].starts_with("80 more"));
    }
}
