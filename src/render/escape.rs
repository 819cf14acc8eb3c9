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

/// `,` and a line break, then the indent of 32 levels (64 spaces): the
/// deepest written in one piece; deeper ones (no evaluation nests so deep)
/// are written a level at a time.
const BREAKS: &[u8] = b",\n                                                                ";

/// A line break (after a comma when `comma`) and the indent of `level`
/// levels, in one piece up to 32 levels.
pub fn line_break<W: ?Sized + std::io::Write>(
    w: &mut W,
    level: usize,
    comma: bool,
) -> std::io::Result<()> {
    let start = usize::from(!comma);
    let end = level.checked_mul(2).and_then(|n| n.checked_add(2));
    if let Some(bytes) = end.and_then(|end| BREAKS.get(start..end)) {
        return w.write_all(bytes);
    }
    w.write_all(BREAKS.get(start..2).unwrap_or_default())?;
    (0..level).try_for_each(|_| w.write_all(b"  "))
}

/// Whether a UTF-8 byte may start a hidden character: an ASCII control or
/// DEL, or the lead byte of C1 (U+0080-U+009F), the bidi controls and line
/// separators (U+2028-U+2069) or U+FEFF. A cheap test before decoding.
fn may_hide(b: u8) -> bool {
    b < 0x20 || b == 0x7f || b == 0xc2 || b == 0xe2 || b == 0xef
}

/// Whether `text` is printable ASCII only (space to `~`), as most of a
/// JSON output is.
#[inline]
fn printable_ascii(text: &str) -> bool {
    none_in(text, unprintable_bytes)
}

/// Whether `text` is printable ASCII without `"` or `\`: a JSON string
/// that is written as it is, nothing escaped.
#[inline]
pub fn plain_json(text: &str) -> bool {
    none_in(text, |x| unprintable_bytes(x) | quote_or_backslash(x))
}

/// Whether `text` is written into a JSON string as it is, nothing escaped:
/// no `"` or `\`, no ASCII control (serde_json escapes those) and no hidden
/// character (written as `\uXXXX`, see [`json`]). Printable ASCII is tested
/// a word at a time ([`plain_json`]); a text with other characters (the `€`
/// of a payment duty, the `≥` of a measurement) is tested for controls a
/// word at a time and for hidden characters by their lead bytes.
#[inline]
pub fn written_whole(text: &str) -> bool {
    plain_json(text) || written_whole_beyond_ascii(text)
}

/// [`written_whole`] of a text that is not printable ASCII without `"`
/// and `\`: kept out of line, as few are.
#[inline(never)]
fn written_whole_beyond_ascii(text: &str) -> bool {
    none_in(text, |x| below_space(x) | quote_or_backslash(x)) && !crate::source::any_hidden(text)
}

/// Whether `unwanted` (nonzero for a word with an unwanted byte) finds
/// nothing in `text`: tested 8 bytes at a time (as one `u64`), the last 8
/// overlapping the words before them; a text of 4 to 7 bytes (most keys)
/// as its first and last 4 in one word, a shorter one padded with spaces.
#[inline]
fn none_in(text: &str, unwanted: impl Fn(u64) -> u64) -> bool {
    let bytes = text.as_bytes();
    if let Some(last) = bytes.last_chunk::<8>() {
        let words = bytes.chunks_exact(8).fold(0, |any, word| {
            any | unwanted(u64::from_le_bytes(word.try_into().unwrap_or([0; 8])))
        });
        return (words | unwanted(u64::from_le_bytes(*last))) == 0;
    }
    let word = match (bytes.first_chunk::<4>(), bytes.last_chunk::<4>()) {
        (Some(first), Some(last)) => {
            u64::from(u32::from_le_bytes(*first)) << 32 | u64::from(u32::from_le_bytes(*last))
        }
        _ => bytes
            .iter()
            .fold(0x2020_2020_2020_2020, |w, b| w << 8 | u64::from(*b)),
    };
    unwanted(word) == 0
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// Nonzero when a byte of `x` is `"` or `\` ("haszero" of `x` xor each).
fn quote_or_backslash(x: u64) -> u64 {
    let zero_byte = |v: u64| v.wrapping_sub(ONES) & !v & HIGH;
    zero_byte(x ^ ONES.wrapping_mul(u64::from(b'"')))
        | zero_byte(x ^ ONES.wrapping_mul(u64::from(b'\\')))
}

/// Nonzero when a byte of `x` is below a space or above `~` ("hasless" and
/// "hasmore" of the Bit Twiddling Hacks: a borrow or carry between bytes
/// only follows a byte that is out of range itself, so "any" is exact).
fn unprintable_bytes(x: u64) -> u64 {
    let above_tilde = x.wrapping_add(ONES) | x;
    below_space(x) | (above_tilde & HIGH)
}

/// Nonzero when a byte of `x` is below a space ("hasless", as in
/// [`unprintable_bytes`]; a byte from 0x80 up is not below it).
fn below_space(x: u64) -> u64 {
    x.wrapping_sub(ONES.wrapping_mul(0x20)) & !x & HIGH
}

/// Writes `fragment` with its hidden characters as `\uXXXX`. Inlined into
/// the formatter: nearly every fragment is printable ASCII and written as
/// it is; the rest go through [`write_escaped`].
#[inline]
fn write_shown<W: ?Sized + std::io::Write>(out: &mut W, fragment: &str) -> std::io::Result<()> {
    if printable_ascii(fragment) {
        return out.write_all(fragment.as_bytes());
    }
    write_escaped(out, fragment)
}

/// [`write_shown`] of a fragment that is not printable ASCII.
#[inline(never)]
fn write_escaped<W: ?Sized + std::io::Write>(out: &mut W, fragment: &str) -> std::io::Result<()> {
    if !fragment.bytes().any(may_hide) {
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
        let mut ser = serde_json::Serializer::with_formatter(
            &mut out,
            JsonShown(serde_json::ser::PrettyFormatter::new()),
        );
        assert!(value.serialize(&mut ser).is_ok());
        assert_eq!(String::from_utf8(out).unwrap_or_default(), json(&plain));
        assert_ne!(json(&plain), plain);
    }
    /// Text with what JSON escapes, what is hidden and what is neither.
    fn any_text() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let c = prop_oneof![
            6 => proptest::char::range('a', 'z'),
            1 => proptest::sample::select(vec![
                '"', '\\', '/', '\n', '\r', '\t', '\u{8}', '\u{c}', '\u{0}', '\u{1b}', '\u{1f}',
                '\u{7f}', '\u{80}', '\u{85}', '\u{9f}', '\u{a0}', 'ë', '€', '\u{2027}',
                '\u{2028}', '\u{202e}', '\u{2066}', '\u{2069}', '\u{feff}', '😀', ' ',
            ]),
            1 => any::<char>(),
        ];
        proptest::collection::vec(c, 0..12).prop_map(|v| v.into_iter().collect())
    }

    /// Any JSON value: scalars, and arrays and objects (empty ones too)
    /// nested a few levels.
    fn value() -> impl proptest::strategy::Strategy<Value = serde_json::Value> {
        use proptest::prelude::*;
        use serde_json::Value;
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(Value::from),
            any::<u64>().prop_map(Value::from),
            (-1e9f64..1e9).prop_map(Value::from),
            any_text().prop_map(Value::String),
        ];
        leaf.prop_recursive(6, 64, 6, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
                proptest::collection::vec((any_text(), inner), 0..6)
                    .prop_map(|kv| Value::Object(kv.into_iter().collect())),
            ]
        })
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2048))]
        /// The word-at-a-time test is the byte-by-byte one.
        #[test]
        fn printable_ascii_is_every_byte_printable(
            bytes in proptest::collection::vec(
                proptest::prop_oneof![0x1eu8..0x22, 0x7cu8..0x82, 0x20u8..0x7f, proptest::prelude::any::<u8>()],
                0..40,
            ),
        ) {
            let text = String::from_utf8_lossy(&bytes);
            let naive = text.bytes().all(|b| (0x20..=0x7e).contains(&b));
            proptest::prop_assert_eq!(printable_ascii(&text), naive);
        }

        /// A string is written whole exactly when nothing in it is
        /// escaped: printable ASCII without `"` or `\`.
        #[test]
        fn plain_json_is_nothing_to_escape(
            bytes in proptest::collection::vec(
                proptest::prop_oneof![0x1eu8..0x24, 0x5au8..0x5f, 0x7cu8..0x82, 0x20u8..0x7f, proptest::prelude::any::<u8>()],
                0..40,
            ),
        ) {
            let text = String::from_utf8_lossy(&bytes);
            let naive = text.bytes().all(|b| (0x20..=0x7e).contains(&b) && b != b'"' && b != b'\\');
            proptest::prop_assert_eq!(plain_json(&text), naive);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2048))]
        /// A string is written whole exactly when serde_json and the
        /// escaping of hidden characters leave all of it as it is.
        #[test]
        fn written_whole_is_nothing_to_escape(text in any_text()) {
            let naive = !text
                .chars()
                .any(|c| c == '"' || c == '\\' || c < ' ' || is_hidden(c));
            proptest::prop_assert_eq!(written_whole(&text), naive);
        }
    }

    /// `ShownJson`'s bytes for `value`, and serde_json's pretty printer's
    /// escaped after.
    fn shown_both<T: serde::Serialize>(value: &T) -> (String, String) {
        let mut out = Vec::new();
        value
            .serialize(&mut crate::render::shown_json::ShownJson::new(&mut out))
            .unwrap();
        let pretty = serde_json::to_string_pretty(value).unwrap();
        (String::from_utf8(out).unwrap(), json(&pretty).into_owned())
    }

    proptest::proptest! {
        #[test]
        fn shown_json_is_serde_json_pretty_escaped(value in value()) {
            let (ours, theirs) = shown_both(&value);
            proptest::prop_assert_eq!(ours, theirs);
        }

    }

    #[test]
    fn shown_json_is_serde_json_pretty_for_every_shape() {
        #[derive(serde::Serialize)]
        enum E {
            Unit,
            New(u8),
            Tuple(i32, String),
            EmptyTuple(),
            Struct { a: bool, b: Vec<u8> },
            EmptyStruct {},
        }
        #[derive(serde::Serialize)]
        struct Unit;
        #[derive(serde::Serialize)]
        struct New(char);
        #[derive(serde::Serialize)]
        struct Pair(Option<u16>, Option<f64>);
        #[derive(serde::Serialize)]
        struct NoFields();
        struct Bytes(&'static [u8]);
        impl serde::Serialize for Bytes {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_bytes(self.0)
            }
        }
        #[derive(serde::Serialize)]
        struct All {
            e: Vec<E>,
            unit: Unit,
            new: New,
            pair: Pair,
            none: NoFields,
            bytes: Bytes,
            no_bytes: Bytes,
            #[serde(skip_serializing_if = "Option::is_none")]
            skipped: Option<u8>,
            floats: (f32, f64, f64),
            ints: (i8, i64, i128, u128, ()),
            text: &'static str,
            deep: Vec<Vec<E>>,
        }
        let all = All {
            e: vec![
                E::Unit,
                E::New(7),
                E::Tuple(-3, "a\u{202e}\"b\\\n\u{7f}".into()),
                E::EmptyTuple(),
                E::Struct {
                    a: true,
                    b: vec![1, 2],
                },
                E::Struct {
                    a: false,
                    b: vec![],
                },
                E::EmptyStruct {},
            ],
            unit: Unit,
            new: New('"'),
            pair: Pair(None, Some(1.5)),
            none: NoFields(),
            bytes: Bytes(b"\x00\xff"),
            no_bytes: Bytes(b""),
            skipped: None,
            floats: (0.1, f64::NAN, -0.0),
            ints: (i8::MIN, i64::MAX, i128::MIN, u128::MAX, ()),
            text: "cli\u{eb}nt \u{85}\u{2028}\u{feff}\t",
            deep: vec![vec![], vec![E::Unit, E::New(0)]],
        };
        let (ours, theirs) = shown_both(&all);
        assert_eq!(ours, theirs);
        let (ours, theirs) = shown_both(&vec![E::EmptyStruct {}, E::EmptyTuple()]);
        assert_eq!(ours, theirs);
    }

    #[test]
    fn shown_json_is_serde_json_pretty_beyond_its_breaks() {
        let mut value = serde_json::json!({"a": [1, {}, []], "b": "x"});
        for depth in 0..40 {
            value = if depth % 2 == 0 {
                serde_json::json!([value, depth, {}])
            } else {
                serde_json::json!({"k": value, "l": [], "m": depth})
            };
            let (ours, theirs) = shown_both(&value);
            assert_eq!(ours, theirs);
        }
    }
}
