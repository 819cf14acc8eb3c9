//! Source files: loading them safely and mapping byte offsets to lines.
//!
//! Plan files come from other organisations, so loading refuses anything that
//! is not a regular file of reasonable size and valid UTF-8, each with its own
//! diagnostic instead of an I/O panic.

// PANIC SAFETY: the arithmetic here is on byte positions, line and column
// numbers and counts within one loaded file, all bounded by its length (at
// most --max-file-bytes), so it cannot overflow a usize.
#![allow(clippy::arithmetic_side_effects)]
// A failed load ends the run for that file; the size of its error is irrelevant.
#![allow(clippy::result_large_err)]

use std::path::{Path, PathBuf};

use crate::diagnostic::{Diagnostic, Label};

/// A byte range in one source file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    pub fn to(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

/// Index of a file in a [`SourceMap`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct FileId(pub usize);

/// One loaded source file.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The path as the user gave it (shown in diagnostics).
    pub name: String,
    pub path: PathBuf,
    pub text: String,
    line_starts: Vec<usize>,
}

impl SourceFile {
    pub fn new(name: impl Into<String>, path: impl Into<PathBuf>, text: String) -> Self {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        SourceFile {
            name: name.into(),
            path: path.into(),
            text,
            line_starts,
        }
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        };
        let start = self.line_starts.get(line).copied().unwrap_or(0);
        let col = self
            .text
            .get(start..offset)
            .map(|s| s.chars().count())
            .unwrap_or(0);
        (line + 1, col + 1)
    }

    /// The 0-based line holding byte `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    /// The byte offset where 0-based `line` starts; past the last line, the
    /// end of the text.
    pub fn line_start(&self, line: usize) -> usize {
        self.line_starts
            .get(line)
            .copied()
            .unwrap_or(self.text.len())
    }

    pub fn slice(&self, span: Span) -> &str {
        self.text.get(span.start..span.end).unwrap_or("")
    }
}

/// All files of one run; diagnostics refer to them by [`FileId`].
#[derive(Debug, Default, Clone)]
pub struct SourceMap {
    files: Vec<SourceFile>,
}

impl SourceMap {
    pub fn add(&mut self, file: SourceFile) -> FileId {
        self.files.push(file);
        FileId(self.files.len() - 1)
    }
    pub fn get(&self, id: FileId) -> Option<&SourceFile> {
        self.files.get(id.0)
    }
    pub fn iter(&self) -> impl Iterator<Item = (FileId, &SourceFile)> {
        self.files.iter().enumerate().map(|(i, f)| (FileId(i), f))
    }
}

/// Whether a character hides what a text says: shown escaped by
/// `render::escape`, reported in source text by `syntax::limits` (S009,
/// S010). Tab and newline lay text out; a carriage return is allowed in
/// source text (CRLF files), and `render::escape` escapes it in output,
/// where it moves the cursor back over what was written.
pub fn is_hidden(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
        | '\u{2028}' | '\u{2029}' | '\u{feff}')
}

/// Whether the text holds a hidden character, by its bytes: every one is an
/// ASCII control or starts with the byte 0xC2 (U+0080..U+009F), 0xE2
/// (U+2028..U+2069) or 0xEF (U+FEFF); only those lead bytes are decoded.
/// The same answer as `text.chars().any(is_hidden)`, several times faster on
/// a plan that is mostly ASCII.
// PANIC SAFETY: positions within `text`, at most its length plus one.
#[allow(clippy::arithmetic_side_effects)]
pub fn any_hidden(text: &str) -> bool {
    // 1: hidden; 2: the lead byte of a character that may be.
    // PANIC SAFETY: `b` runs over 0..256, the table's indices.
    #[allow(clippy::indexing_slicing)]
    const CLASS: [u8; 256] = {
        let mut t = [0u8; 256];
        let mut b = 0;
        while b < 256 {
            t[b] = match b {
                0..=0x08 | 0x0b | 0x0c | 0x0e..=0x1f | 0x7f => 1,
                0xc2 | 0xe2 | 0xef => 2,
                _ => 0,
            };
            b += 1;
        }
        t
    };
    let class = |b: u8| CLASS.get(usize::from(b)).copied().unwrap_or(1);
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(rest) = bytes.get(from..) {
        let Some(n) = rest.iter().position(|b| class(*b) != 0) else {
            return false;
        };
        let i = from + n;
        match bytes.get(i) {
            Some(b) if class(*b) == 1 => return true,
            // A lead byte, never a continuation byte: `i` is a char boundary.
            _ => {
                if text
                    .get(i..)
                    .and_then(|r| r.chars().next())
                    .is_some_and(is_hidden)
                {
                    return true;
                }
            }
        }
        from = i + 1;
    }
    false
}

/// Largest file mijlpaal reads, in bytes. The Twente plan is about 40 KB;
/// a national plan with 100 000 milestones is about 40 MB.
pub const DEFAULT_MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Reads a source file, refusing directories, devices, pipes, huge files and
/// non-UTF-8 content with a diagnostic. `origin` is where the path was named
/// (a `rules` statement, say), if anywhere.
pub fn load(
    path: &Path,
    max_bytes: u64,
    origin: Option<(FileId, Span)>,
) -> Result<SourceFile, Diagnostic> {
    if path == Path::new(STDIN) && origin.is_none() {
        return load_stdin(max_bytes);
    }
    let bytes = load_bytes(path, max_bytes, origin)?;
    decode(path.display().to_string(), path, bytes)
}

/// A file's text held in memory (an editor's unsaved buffer, `lsp`) under
/// the same size limit and decoding as [`load`]: I003 when larger than
/// `max_bytes`, a leading BOM dropped.
pub fn from_text(path: &Path, text: &str, max_bytes: u64) -> Result<SourceFile, Diagnostic> {
    let shown = path.display().to_string();
    if u64::try_from(text.len()).map_or(true, |n| n > max_bytes) {
        return Err(Diagnostic::error(
            "I003",
            format!(
                "`{shown}` is {} bytes, more than the limit of {max_bytes}",
                text.len()
            ),
        )
        .with_help("raise the limit with --max-file-bytes if this file is genuine"));
    }
    decode(shown, path, text.as_bytes().to_vec())
}

/// Reads a file's bytes under the same refusals as [`load`] (I001-I003:
/// missing, not a regular file, larger than `max_bytes` while reading), but
/// does not decode them: for files that are not mijlpaal text, such as a
/// workbook (`interop::mijlpalenformat`) or a spreadsheet export (`interop::forms`), whose hash is taken of the bytes.
pub fn load_bytes(
    path: &Path,
    max_bytes: u64,
    origin: Option<(FileId, Span)>,
) -> Result<Vec<u8>, Diagnostic> {
    let shown = path.display().to_string();
    let with_origin = |mut d: Diagnostic| {
        if let Some((file, span)) = origin {
            d = d
                .in_file(file)
                .with_label(Label::primary(span, crate::tr!("i001-label-named")));
        }
        d
    };
    let meta = std::fs::metadata(path).map_err(|e| {
        let (message, help) = match e.kind() {
            std::io::ErrorKind::NotFound => (
                crate::tr!("i001-missing-message", file = shown),
                crate::tr!("i001-missing-help"),
            ),
            std::io::ErrorKind::PermissionDenied => (
                crate::tr!("i001-permission-message", file = shown),
                crate::tr!("i001-permission-help"),
            ),
            _ => (
                crate::tr!("i001-message", file = shown, error = e),
                crate::tr!("i001-help"),
            ),
        };
        with_origin(Diagnostic::error("I001", message).with_help(help))
    })?;
    if meta.is_dir() {
        return Err(with_origin(
            Diagnostic::error("I002", crate::tr!("i002-directory-message", file = shown))
                .with_help(crate::tr!("i002-directory-help")),
        ));
    }
    if !meta.is_file() {
        return Err(with_origin(
            Diagnostic::error("I002", crate::tr!("i002-message", file = shown))
                .with_help(crate::tr!("i002-help")),
        ));
    }
    let too_large = |size: String| {
        with_origin(
            Diagnostic::error(
                "I003",
                crate::tr!(
                    "i003-message",
                    file = shown,
                    size = size,
                    max = max_bytes.to_string()
                ),
            )
            .with_help(crate::tr!("i003-help")),
        )
    };
    if meta.len() > max_bytes {
        return Err(too_large(crate::tr!(
            "i003-bytes",
            bytes = meta.len().to_string()
        )));
    }
    let bytes = match read_bounded(path, max_bytes) {
        Bounded::Whole(bytes) => bytes,
        // Files in /proc report size 0 and can be endless: the limit is
        // enforced on what is actually read, not on what the file claims.
        Bounded::TooLarge => return Err(too_large(crate::tr!("i003-larger-than-reported"))),
        Bounded::Failed(e) => {
            return Err(with_origin(
                Diagnostic::error("I001", crate::tr!("i001-message", file = shown, error = e))
                    .with_help(crate::tr!("i001-help")),
            ))
        }
    };
    Ok(bytes)
}

/// The path that names standard input on the command line (`check -`).
pub const STDIN: &str = "-";

/// The name standard input has in diagnostics.
pub const STDIN_NAME: &str = "<stdin>";

/// Reads a file piped to standard input (`mijlpaal check -`), bounded by the
/// same limit as a file: at most `max_bytes + 1` bytes are read. Only a file
/// named on the command line can be `-`; a plan's `rules NAME` never is.
fn load_stdin(max_bytes: u64) -> Result<SourceFile, Diagnostic> {
    use std::io::Read as _;
    let mut bytes = Vec::new();
    let read = std::io::stdin()
        .lock()
        .take(max_bytes.saturating_add(1))
        .read_to_end(&mut bytes);
    if let Err(e) = read {
        return Err(
            Diagnostic::error("I001", crate::tr!("i001-stdin-message", error = e))
                .with_help(crate::tr!("i001-stdin-help")),
        );
    }
    if u64::try_from(bytes.len()).map_or(true, |n| n > max_bytes) {
        return Err(Diagnostic::error(
            "I003",
            crate::tr!("i003-stdin-message", max = max_bytes.to_string()),
        )
        .with_help(crate::tr!("i003-stdin-help")));
    }
    decode(STDIN_NAME.to_string(), Path::new(STDIN), bytes)
}

/// What a bounded read found.
enum Bounded {
    Whole(Vec<u8>),
    TooLarge,
    Failed(std::io::Error),
}

/// Reads at most `max_bytes + 1` bytes, so that a file that lies about its
/// size (or grows while read) never takes more memory than the limit. The
/// opened file is checked again: the path may have been swapped for a pipe
/// or device between the first look and the open. A read that fails after
/// the limit was reached counts as too large: some `/proc` files refuse a
/// read of an odd length, such as the one byte past the limit.
fn read_bounded(path: &Path, max_bytes: u64) -> Bounded {
    use std::io::Read as _;
    let (file, reported) =
        match std::fs::File::open(path).and_then(|f| f.metadata().map(|m| (f, m))) {
            Ok((_, meta)) if !meta.is_file() => {
                return Bounded::Failed(std::io::Error::other("no longer a regular file"))
            }
            Ok((f, meta)) => (f, meta.len()),
            Err(e) => return Bounded::Failed(e),
        };
    // Room for what the file says it holds (within the limit), so a large
    // file is not read into a buffer grown by doubling, up to half unused.
    let room = usize::try_from(reported.min(max_bytes)).unwrap_or(0);
    let mut bytes = Vec::with_capacity(room);
    let read = file
        .take(max_bytes.saturating_add(1))
        .read_to_end(&mut bytes);
    let over = u64::try_from(bytes.len()).map_or(true, |n| n > max_bytes);
    match read {
        _ if over => Bounded::TooLarge,
        Err(_) if u64::try_from(bytes.len()).is_ok_and(|n| n == max_bytes) => Bounded::TooLarge,
        Err(e) => Bounded::Failed(e),
        Ok(_) => Bounded::Whole(bytes),
    }
}

/// The UTF-8 byte-order mark that Windows Notepad writes at the start of a file.
pub const BOM: &[u8] = "\u{feff}".as_bytes();

/// Turns bytes into a [`SourceFile`], pointing at the first invalid UTF-8
/// byte. A byte-order mark at the start is dropped silently, so spans and
/// columns count from the first real character; one anywhere else stays in
/// the text and is reported by `syntax::limits`. The content itself is never
/// quoted: an invalid file may not be a plan at all.
pub fn decode(name: String, path: &Path, mut bytes: Vec<u8>) -> Result<SourceFile, Diagnostic> {
    let skipped = if bytes.starts_with(BOM) {
        bytes.drain(..BOM.len());
        BOM.len()
    } else {
        0
    };
    match String::from_utf8(bytes) {
        Ok(text) => Ok(SourceFile::new(name, path, text)),
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let offset = valid + skipped;
            let bytes = e.into_bytes();
            let line = bytes
                .get(..valid)
                .map(|b| b.iter().filter(|c| **c == b'\n').count() + 1)
                .unwrap_or(1);
            Err(Diagnostic::error(
                "I004",
                crate::tr!(
                    "i004-message",
                    file = name,
                    offset = offset.to_string(),
                    line = line.to_string()
                ),
            )
            .with_help(crate::tr!("i004-help")))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_leading_bom_is_dropped_and_offsets_count_from_the_file() {
        let f = decode("x".into(), Path::new("x"), b"\xef\xbb\xbfplan\nx".to_vec());
        let f = f.unwrap_or_else(|d| panic!("{}", d.message));
        assert_eq!(f.text, "plan\nx");
        assert_eq!(f.line_col(5), (2, 1));
        let bad = decode("x".into(), Path::new("x"), b"\xef\xbb\xbfab\xff".to_vec());
        let message = bad.err().map(|d| d.message).unwrap_or_default();
        assert!(message.contains("offset 5 (line 1)"), "{message}");
    }
}
