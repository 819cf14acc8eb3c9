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

/// A `serde_json` formatter that writes what `inner` writes, with the
/// hidden characters of every string written as JSON escapes, exactly as
/// [`json`] writes them: the same bytes as `json(serde_json output)`, in
/// one pass while serializing, so that a large output (`evaluate --format
/// json`) is streamed and never held whole to be escaped after. Hidden
/// characters can only occur in strings, whose text reaches a formatter
/// through `write_string_fragment` alone.
pub struct JsonShown<F>(pub F);

impl JsonShown<serde_json::ser::PrettyFormatter<'static>> {
    /// Pretty-printed JSON, escaped: what the CLI writes.
    pub fn pretty<W: std::io::Write>(
        out: W,
    ) -> serde_json::Serializer<W, JsonShown<serde_json::ser::PrettyFormatter<'static>>> {
        serde_json::Serializer::with_formatter(
            out,
            JsonShown(serde_json::ser::PrettyFormatter::new()),
        )
    }
}

/// Whether a UTF-8 byte may start a hidden character: an ASCII control or
/// DEL, or the lead byte of C1 (U+0080-U+009F), the bidi controls and line
/// separators (U+2028-U+2069) or U+FEFF. A cheap test before decoding.
fn may_hide(b: u8) -> bool {
    b < 0x20 || b == 0x7f || b == 0xc2 || b == 0xe2 || b == 0xef
}

/// Whether `text` is printable ASCII only (space to `~`), as most of a
/// JSON output is: tested 16 bytes at a time, without a branch per byte.
fn printable_ascii(text: &str) -> bool {
    text.as_bytes().chunks(16).all(|chunk| {
        chunk
            .iter()
            .fold(true, |all, b| all & (b.wrapping_sub(0x20) < 0x5f))
    })
}

/// Writes `fragment` with its hidden characters as `\uXXXX`.
fn write_shown<W: ?Sized + std::io::Write>(out: &mut W, fragment: &str) -> std::io::Result<()> {
    if printable_ascii(fragment) || !fragment.bytes().any(may_hide) {
        return out.write_all(fragment.as_bytes());
    }
    let mut from = 0;
    for (at, c) in fragment.char_indices().filter(|(_, c)| is_hidden(*c)) {
        out.write_all(fragment.get(from..at).unwrap_or_default().as_bytes())?;
        write!(out, "\\u{:04x}", u32::from(c))?;
        from = at.saturating_add(c.len_utf8());
    }
    out.write_all(fragment.get(from..).unwrap_or_default().as_bytes())
}

/// Delegates one formatter method to the inner formatter.
macro_rules! delegate {
    ($($name:ident($($arg:ident: $ty:ty),*);)*) => {$(
        #[inline]
        fn $name<W: ?Sized + std::io::Write>(&mut self, w: &mut W $(, $arg: $ty)*) -> std::io::Result<()> {
            self.0.$name(w $(, $arg)*)
        }
    )*};
}

impl<F: serde_json::ser::Formatter> serde_json::ser::Formatter for JsonShown<F> {
    delegate! {
        write_null();
        write_bool(v: bool);
        write_i8(v: i8);
        write_i16(v: i16);
        write_i32(v: i32);
        write_i64(v: i64);
        write_i128(v: i128);
        write_u8(v: u8);
        write_u16(v: u16);
        write_u32(v: u32);
        write_u64(v: u64);
        write_u128(v: u128);
        write_f32(v: f32);
        write_f64(v: f64);
        write_number_str(v: &str);
        begin_string();
        end_string();
        write_char_escape(v: serde_json::ser::CharEscape);
        write_byte_array(v: &[u8]);
        begin_array();
        end_array();
        begin_array_value(first: bool);
        end_array_value();
        begin_object();
        end_object();
        begin_object_key(first: bool);
        end_object_key();
        begin_object_value();
        end_object_value();
        write_raw_fragment(v: &str);
    }

    #[inline]
    fn write_string_fragment<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        fragment: &str,
    ) -> std::io::Result<()> {
        write_shown(w, fragment)
    }
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

    #[test]
    fn json_shown_escapes_while_serializing() {
        use serde::Serialize as _;
        let value = serde_json::json!({
            "a\u{202e}key\u{7f}": ["x\u{85}y\u{2028}\u{feff}z", "plain cliënt \u{1b}", 3],
            "bidi \u{2066}\u{2069}": "\u{9f}\u{a0}\u{2027}\u{202f}",
        });
        let plain = serde_json::to_string_pretty(&value).unwrap_or_default();
        let mut out = Vec::new();
        let mut ser = JsonShown::pretty(&mut out);
        assert!(value.serialize(&mut ser).is_ok());
        assert_eq!(String::from_utf8(out).unwrap_or_default(), json(&plain));
        assert_ne!(json(&plain), plain);
    }
}
