//! Every user-facing text in two languages, through a Project Fluent
//! message catalogue (`locales/en/*.ftl`, `locales/nl/*.ftl`, compiled into
//! the binary).
//!
//! Code calls [`tr!`](crate::tr) with a message id and named arguments; the
//! text comes out in the language chosen once per process with [`set_lang`]
//! (the CLI's `--lang`, else `LC_ALL`/`LC_MESSAGES`/`LANG`: Dutch for `nl_*`,
//! English otherwise). Codes, JSON keys and status ids never go through the
//! catalogue: they stay stable and English in both languages. Money, dates
//! and percentages are formatted by our own `Display` impls (Dutch style in
//! both languages) before they reach Fluent, so Fluent only places them.
//!
//! Why a process-wide language and not a parameter: a diagnostic's message
//! is written where the finding is made, deep inside a check, and threading
//! a language through every stage would put a presentation concern in every
//! signature. The language is a setting of the run, like the terminal's.
//!
//! A message missing in one language is caught by `tests/catalogue.rs`
//! (the ids, and the arguments each uses, must agree); at run time a missing
//! id falls back to English, then to the id itself, never to a panic.

use std::borrow::Cow;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

/// A language of the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    En,
    Nl,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Nl];

    /// The BCP 47 tag, as in `<html lang="…">`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Nl => "nl",
        }
    }

    pub fn parse(s: &str) -> Option<Lang> {
        match s.to_ascii_lowercase().as_str() {
            "en" => Some(Lang::En),
            "nl" => Some(Lang::Nl),
            _ => None,
        }
    }

    /// The language of a POSIX locale setting: `nl_NL.UTF-8` and `nl` are
    /// Dutch, anything else (`C`, `en_GB`, empty) is English.
    pub fn from_locale(value: &str) -> Lang {
        let language = value.split(['_', '.', '@', '-']).next().unwrap_or("");
        if language.eq_ignore_ascii_case("nl") {
            Lang::Nl
        } else {
            Lang::En
        }
    }

    /// The language the environment asks for, in POSIX order of precedence:
    /// the first of `LC_ALL`, `LC_MESSAGES`, `LANG` that is set and not empty.
    pub fn from_env_vars(get: impl Fn(&str) -> Option<String>) -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|name| get(name))
            .find(|v| !v.is_empty())
            .map_or(Lang::En, |v| Lang::from_locale(&v))
    }

    pub fn from_env() -> Lang {
        Lang::from_env_vars(|name| std::env::var(name).ok())
    }

    fn index(self) -> u8 {
        match self {
            Lang::En => 0,
            Lang::Nl => 1,
        }
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.tag())
    }
}

static CURRENT: AtomicU8 = AtomicU8::new(0);

/// Chooses the language of every text from now on (the CLI does this once).
pub fn set_lang(lang: Lang) {
    CURRENT.store(lang.index(), Ordering::Relaxed);
}

/// The language texts are written in.
pub fn lang() -> Lang {
    match CURRENT.load(Ordering::Relaxed) {
        1 => Lang::Nl,
        _ => Lang::En,
    }
}

/// `make()` with the texts in `lang`, then the language as it was: for an
/// output whose bytes must not depend on the reader (a checked-in
/// snapshot is always English).
pub fn with_lang<T>(lang: Lang, make: impl FnOnce() -> T) -> T {
    let reader = self::lang();
    set_lang(lang);
    let made = make();
    set_lang(reader);
    made
}

/// The catalogue's source files per language: (file name, text). Each
/// language has the same files, one per area: `common` (shared words),
/// `cli` (the commands' own messages), `input` (reading, parsing and
/// lowering: I, S and L codes), `check` (C and A codes), `evaluation`
/// (statuses, columns, E codes, the trace, obligations), `diff`, `report`,
/// `submission` (B codes and the checklist), `interop` (X and F codes),
/// `explain` (the titles of `mijlpaal explain`), `lsp` (the language
/// server's hover, completion and replies, and the meanings of clauses).
pub fn sources(lang: Lang) -> &'static [(&'static str, &'static str)] {
    match lang {
        Lang::En => EN,
        Lang::Nl => NL,
    }
}

macro_rules! catalogue {
    ($lang:literal: $($file:literal),* $(,)?) => {
        &[$(($file, include_str!(concat!("../locales/", $lang, "/", $file)))),*]
    };
}

const EN: &[(&str, &str)] = catalogue!("en": "common.ftl", "cli.ftl", "input.ftl", "check.ftl", "evaluation.ftl", "diff.ftl", "report.ftl", "submission.ftl", "interop.ftl", "explain.ftl", "lsp.ftl");
const NL: &[(&str, &str)] = catalogue!("nl": "common.ftl", "cli.ftl", "input.ftl", "check.ftl", "evaluation.ftl", "diff.ftl", "report.ftl", "submission.ftl", "interop.ftl", "explain.ftl", "lsp.ftl");

type Bundle = FluentBundle<FluentResource>;

/// A language's bundle, with every problem found while building it (a
/// syntax error in a file, an id defined twice). The tests insist on none;
/// at run time the messages that did load are used.
pub struct Loaded {
    pub bundle: Bundle,
    pub problems: Vec<String>,
}

/// Builds the bundle of `lang` from its sources.
pub fn load(lang: Lang) -> Loaded {
    let id: LanguageIdentifier = lang.tag().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Isolation marks (U+2068/U+2069) around arguments would end up in
    // terminals, CSV cells and snapshots; our arguments are never
    // right-to-left text.
    bundle.set_use_isolating(false);
    let mut problems = Vec::new();
    for (file, text) in sources(lang) {
        let resource = match FluentResource::try_new((*text).to_string()) {
            Ok(r) => r,
            Err((r, errors)) => {
                problems.extend(
                    errors
                        .iter()
                        .map(|e| format!("{}/{file}: {e:?}", lang.tag())),
                );
                r
            }
        };
        if let Err(errors) = bundle.add_resource(resource) {
            problems.extend(
                errors
                    .iter()
                    .map(|e| format!("{}/{file}: {e:?}", lang.tag())),
            );
        }
    }
    Loaded { bundle, problems }
}

fn bundle(lang: Lang) -> &'static Bundle {
    static EN_BUNDLE: OnceLock<Loaded> = OnceLock::new();
    static NL_BUNDLE: OnceLock<Loaded> = OnceLock::new();
    let cell = match lang {
        Lang::En => &EN_BUNDLE,
        Lang::Nl => &NL_BUNDLE,
    };
    &cell.get_or_init(|| load(lang)).bundle
}

/// The text of message `id` (or `id.attribute`) in `lang`, with `args`
/// placed; falls back to English, then to the id.
pub fn text_in(lang: Lang, id: &str, args: Option<&FluentArgs>) -> String {
    format_in(bundle(lang), id, args)
        .or_else(|| format_in(bundle(Lang::En), id, args))
        .unwrap_or_else(|| id.to_string())
}

/// The text of message `id` in the current language.
pub fn text(id: &str, args: Option<&FluentArgs>) -> String {
    text_in(lang(), id, args)
}

fn format_in(bundle: &Bundle, id: &str, args: Option<&FluentArgs>) -> Option<String> {
    let (name, attribute) = match id.split_once('.') {
        Some((name, attr)) => (name, Some(attr)),
        None => (id, None),
    };
    let message = bundle.get_message(name)?;
    let pattern = match attribute {
        Some(attr) => message.get_attribute(attr)?.value(),
        None => message.value()?,
    };
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, args, &mut errors);
    Some(text.into_owned())
}

/// An argument as Fluent sees it: integers are numbers (so that plural
/// variants such as `[one]` select on them), everything else is its
/// `Display` text. Chosen by autoref: `(&value).fluent_arg()` finds
/// [`NumberArg`] for integers before [`TextArg`] for any `Display`.
pub trait NumberArg {
    fn fluent_arg(&self) -> FluentValue<'static>;
}

pub trait TextArg {
    fn fluent_arg(&self) -> FluentValue<'static>;
}

macro_rules! number_args {
    ($($t:ty),*) => {$(
        impl NumberArg for $t {
            fn fluent_arg(&self) -> FluentValue<'static> {
                FluentValue::from(*self)
            }
        }
    )*};
}
number_args!(usize, u8, u16, u32, u64, i32, i64);

/// A date as Fluent sees it: its `Display` text (`2026-12-31`), written
/// without chrono's formatting machinery (statuses, duties and findings
/// name dates by the thousands). Chosen by autoref as [`NumberArg`] is.
pub trait DateArg {
    fn fluent_arg(&self) -> FluentValue<'static>;
}

impl DateArg for chrono::NaiveDate {
    fn fluent_arg(&self) -> FluentValue<'static> {
        let text = crate::model::calendar::iso_date(*self)
            .and_then(|iso| std::str::from_utf8(&iso).map(str::to_owned).ok())
            .unwrap_or_else(|| self.to_string());
        FluentValue::String(Cow::Owned(text))
    }
}

impl<T: std::fmt::Display + ?Sized> TextArg for &T {
    fn fluent_arg(&self) -> FluentValue<'static> {
        FluentValue::String(Cow::Owned(self.to_string()))
    }
}

/// `tr!("message-id")` or `tr!("message-id", name = value, ...)`: the
/// message in the current language (see [`crate::i18n`]).
#[macro_export]
macro_rules! tr {
    ($id:expr) => {
        $crate::i18n::text($id, None)
    };
    ($id:expr, $($name:ident = $value:expr),+ $(,)?) => {{
        #[allow(unused_imports)]
        use $crate::i18n::{DateArg as _, NumberArg as _, TextArg as _};
        let mut args = ::fluent_bundle::FluentArgs::new();
        $( args.set(stringify!($name), (&$value).fluent_arg()); )+
        $crate::i18n::text($id, Some(&args))
    }};
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// A date argument is the date's `Display` text, for every date
        /// chrono holds (years with a sign or more than four digits too).
        #[test]
        fn date_args_are_the_display_text(
            day in proptest::prop_oneof![0i32..3_652_059, -100_000_000i32..100_000_000]
        ) {
            let Some(d) = chrono::NaiveDate::from_num_days_from_ce_opt(day) else {
                return Ok(());
            };
            let shown = match DateArg::fluent_arg(&d) {
                FluentValue::String(s) => s.into_owned(),
                _ => String::new(),
            };
            proptest::prop_assert_eq!(shown, d.to_string());
        }
    }

    #[test]
    fn locale_names() {
        assert_eq!(Lang::from_locale("nl_NL.UTF-8"), Lang::Nl);
        assert_eq!(Lang::from_locale("nl_BE"), Lang::Nl);
        assert_eq!(Lang::from_locale("nl"), Lang::Nl);
        assert_eq!(Lang::from_locale("C.UTF-8"), Lang::En);
        assert_eq!(Lang::from_locale("en_GB"), Lang::En);
        assert_eq!(Lang::from_locale("nld"), Lang::En);
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(
            Lang::from_env_vars(env(&[("LANG", "nl_NL.UTF-8")])),
            Lang::Nl
        );
        assert_eq!(
            Lang::from_env_vars(env(&[("LC_ALL", "en_US.UTF-8"), ("LANG", "nl_NL.UTF-8")])),
            Lang::En
        );
        assert_eq!(
            Lang::from_env_vars(env(&[("LC_ALL", ""), ("LANG", "nl_NL.UTF-8")])),
            Lang::Nl
        );
        assert_eq!(Lang::from_env_vars(env(&[])), Lang::En);
    }

    #[test]
    fn arguments_and_plurals_in_both_languages() {
        let mut args = FluentArgs::new();
        args.set("errors", FluentValue::from(1usize));
        args.set("warnings", FluentValue::from(2usize));
        args.set("notes", FluentValue::from(0usize));
        assert_eq!(
            text_in(Lang::En, "summary-counts", Some(&args)),
            "1 error, 2 warnings, 0 notes"
        );
        assert_eq!(
            text_in(Lang::Nl, "summary-counts", Some(&args)),
            "1 fout, 2 waarschuwingen, 0 opmerkingen"
        );
    }

    #[test]
    fn a_missing_id_is_its_own_text() {
        assert_eq!(
            text_in(Lang::Nl, "no-such-message", None),
            "no-such-message"
        );
    }
}
