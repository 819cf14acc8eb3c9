//! Limits checked before parsing, so that hostile input (a 10 MB line, ten
//! thousand nested braces) ends in one clear diagnostic instead of a slow
//! parse or a deep recursion.

use crate::diagnostic::Diagnostic;
use crate::source::{FileId, Span};

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
            Diagnostic::error("S001", "the file is empty")
                .in_file(file)
                .at(Span::new(0, text.len()), "nothing here")
                .with_help("a file starts with `plan ID \"title\" {`, `rules ID \"title\" {` or `facts PLAN {`"),
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
            format!(
                "the file has {lines} lines, more than the limit of {}",
                limits.max_lines
            ),
        )
        .in_file(file)
        .at(Span::new(0, 0), "this file")
        .with_help("split the plan, or raise the limit with --max-lines if the file is genuine")
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
                    format!(
                        "line {} is {} bytes long, more than the limit of {}",
                        n + 1,
                        line.len(),
                        limits.max_line_bytes
                    ),
                )
                .in_file(file)
                .with_help("split the text over several statements, or raise the limit with --max-line-bytes"),
            );
        }
    }
    None
}

/// Counts `{` depth outside strings and comments.
fn nesting(file: FileId, text: &str, limits: &Limits) -> Option<Diagnostic> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    let mut in_string = false;
    while i < bytes.len() {
        let b = bytes[i];
        if in_string {
            match b {
                b'\\' => i += 1,
                b'"' | b'\n' => in_string = false,
                _ => {}
            }
        } else {
            match b {
                b'"' => in_string = true,
                b'/' if bytes.get(i + 1) == Some(&b'/') => {
                    while i < bytes.len() && bytes[i] != b'\n' {
                        i += 1;
                    }
                    continue;
                }
                b'{' => {
                    depth += 1;
                    if depth > limits.max_depth {
                        return Some(
                            Diagnostic::error(
                                "S003",
                                format!("blocks are nested more than {} levels deep", limits.max_depth),
                            )
                            .in_file(file)
                            .at(Span::new(i, i + 1), "this `{` is too deep")
                            .with_help("a plan nests plan > component > milestone; close each block with `}` on its own line"),
                        );
                    }
                }
                b'}' => depth = depth.saturating_sub(1),
                _ => {}
            }
        }
        i += 1;
    }
    None
}
