//! The message catalogue (`locales/`) is complete: every message exists in
//! English and Dutch with the same arguments, every file parses, and every
//! message id the code asks for with `tr!` exists.

// Tests may unwrap, index and compute freely: a failing test fails loudly.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use fluent_syntax::ast::{self, Entry, Expression, InlineExpression, PatternElement};
use mijlpaal::i18n::{self, Lang};

/// Per message (and `message.attribute`): the variables it uses.
type Messages = BTreeMap<String, BTreeSet<String>>;

fn variables_of(pattern: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_variables(expression, out);
        }
    }
}

fn expression_variables(e: &Expression<&str>, out: &mut BTreeSet<String>) {
    match e {
        Expression::Inline(i) => inline_variables(i, out),
        Expression::Select { selector, variants } => {
            inline_variables(selector, out);
            for v in variants {
                variables_of(&v.value, out);
            }
        }
    }
}

fn inline_variables(i: &InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match i {
        InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_string());
        }
        InlineExpression::Placeable { expression } => expression_variables(expression, out),
        _ => {}
    }
}

fn messages(lang: Lang) -> Messages {
    let mut all = Messages::new();
    for (file, text) in i18n::sources(lang) {
        let resource = fluent_syntax::parser::parse(*text)
            .unwrap_or_else(|(_, errors)| panic!("{lang}/{file} does not parse: {errors:?}"));
        for entry in resource.body {
            if let Entry::Message(m) = entry {
                let mut vars = BTreeSet::new();
                if let Some(v) = &m.value {
                    variables_of(v, &mut vars);
                }
                let name = m.id.name.to_string();
                assert!(
                    all.insert(name.clone(), vars).is_none(),
                    "{lang}/{file}: `{name}` defined twice"
                );
                for a in &m.attributes {
                    let mut vars = BTreeSet::new();
                    variables_of(&a.value, &mut vars);
                    all.insert(format!("{name}.{}", a.id.name), vars);
                }
            }
        }
    }
    all
}

#[test]
fn every_message_exists_in_both_languages_with_the_same_arguments() {
    let en = messages(Lang::En);
    let nl = messages(Lang::Nl);
    let only_en: Vec<_> = en.keys().filter(|k| !nl.contains_key(*k)).collect();
    let only_nl: Vec<_> = nl.keys().filter(|k| !en.contains_key(*k)).collect();
    assert!(only_en.is_empty(), "only in English: {only_en:?}");
    assert!(only_nl.is_empty(), "only in Dutch: {only_nl:?}");
    for (id, vars) in &en {
        assert_eq!(
            Some(vars),
            nl.get(id),
            "`{id}` uses other arguments in Dutch"
        );
    }
    for lang in Lang::ALL {
        let loaded = i18n::load(lang);
        assert!(loaded.problems.is_empty(), "{lang}: {:?}", loaded.problems);
    }
}

/// Every literal id in `tr!("…")` in `src/`.
fn ids_in_code(dir: &Path, out: &mut BTreeSet<String>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            ids_in_code(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).unwrap();
            // Code only: doc comments show `tr!` with made-up ids.
            let code: String = text
                .lines()
                .filter(|l| !l.trim_start().starts_with("//"))
                .collect::<Vec<_>>()
                .join("\n");
            for (i, _) in code.match_indices("tr!(") {
                let word_before = code[..i]
                    .chars()
                    .next_back()
                    .is_some_and(|c| c.is_alphanumeric() || c == '_');
                if word_before {
                    continue; // `include_str!(`
                }
                let rest = code[i + 4..].trim_start();
                if let Some(rest) = rest.strip_prefix('"') {
                    let id: String = rest.chars().take_while(|c| *c != '"').collect();
                    out.insert(id);
                }
            }
        }
    }
}

#[test]
fn every_id_the_code_asks_for_exists() {
    let mut ids = BTreeSet::new();
    ids_in_code(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut ids);
    assert!(ids.len() > 50, "found only {} ids", ids.len());
    let en = messages(Lang::En);
    let missing: Vec<_> = ids
        .iter()
        .filter(|id| !en.contains_key(*id) && !id.contains('{'))
        .collect();
    assert!(
        missing.is_empty(),
        "asked for but not in the catalogue: {missing:?}"
    );
}

#[test]
fn dutch_is_dutch() {
    // A spot check that the Dutch catalogue is not a copy of the English one.
    assert_eq!(
        i18n::text_in(Lang::Nl, "status-deemed-achieved", None),
        "geacht behaald"
    );
    assert_eq!(
        i18n::text_in(Lang::En, "status-deemed-achieved", None),
        "deemed achieved"
    );
    assert_eq!(
        i18n::text_in(Lang::Nl, "column-repayable", None),
        "Terug te betalen"
    );
}
