//! `mijlpaal explain` in Dutch: every code has a Dutch page
//! (`locales/nl/explain/CODE.md`), its examples are the English page's
//! examples (plan snippets and commands are not translated, only prose and
//! comments), and the pages and the listing come out in Dutch under
//! `--lang nl`.

// Tests may unwrap, index and compute freely: a failing test fails loudly.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)]

mod common;

use common::{mijlpaal, root};
use mijlpaal::i18n::{self, Lang};

/// Every code `explain` knows: the table of `codes.rs` and the checks.
fn all_codes() -> Vec<&'static str> {
    let mut codes: Vec<&str> = mijlpaal::codes::CODES.iter().map(|(c, _, _)| *c).collect();
    codes.extend(mijlpaal::check::ALL.iter().map(|c| c.code));
    codes
}

fn english_page(code: &str) -> String {
    i18n::set_lang(Lang::En);
    mijlpaal::codes::explain(code).unwrap()
}

/// The fenced code blocks of a Markdown page, each as its lines.
fn code_blocks(page: &str) -> Vec<Vec<String>> {
    let mut blocks = Vec::new();
    let mut current: Option<Vec<String>> = None;
    for line in page.lines() {
        if line.starts_with("```") {
            match current.take() {
                Some(block) => blocks.push(block),
                None => current = Some(Vec::new()),
            }
        } else if let Some(block) = current.as_mut() {
            block.push(line.to_string());
        }
    }
    assert!(current.is_none(), "a code block is never closed:\n{page}");
    blocks
}

/// A line of an example without what is translated: a `//` comment (of
/// the plan language) or a ` #` comment (of the shell), outside quotes,
/// and a diagnostic's message after `Sheet!Cell: ` (it is output, written
/// in the reader's language).
fn untranslated_part(line: &str) -> String {
    let mut in_quotes = false;
    let mut end = line.len();
    let bytes = line.as_bytes();
    for (i, c) in line.char_indices() {
        match c {
            '"' => in_quotes = !in_quotes,
            '/' if !in_quotes && bytes.get(i + 1) == Some(&b'/') => {
                end = i;
                break;
            }
            '#' if !in_quotes && (i == 0 || bytes[i - 1] == b' ') => {
                end = i;
                break;
            }
            _ => {}
        }
    }
    let code = &line[..end];
    let is_message = code
        .split_once(": ")
        .is_some_and(|(cell, _)| cell.contains('!') && !cell.contains(' '));
    let code = if is_message {
        code.split_once(": ").unwrap().0
    } else {
        code
    };
    code.trim_end().to_string()
}

#[test]
fn every_code_has_a_dutch_page_with_the_english_examples() {
    let mut problems = Vec::new();
    for code in all_codes() {
        let Some(dutch) = mijlpaal::codes::dutch_page(code) else {
            problems.push(format!("{code}: no page locales/nl/explain/{code}.md"));
            continue;
        };
        let english = english_page(code);
        if !dutch.starts_with(&format!("# {code} ")) {
            problems.push(format!("{code}: the page does not start with `# {code} `"));
        }
        if dutch == english {
            problems.push(format!("{code}: the Dutch page is the English page"));
        }
        let (en_blocks, nl_blocks) = (code_blocks(&english), code_blocks(dutch));
        if en_blocks.len() != nl_blocks.len() {
            problems.push(format!(
                "{code}: {} examples in English, {} in Dutch",
                en_blocks.len(),
                nl_blocks.len()
            ));
            continue;
        }
        for (en, nl) in en_blocks.iter().zip(&nl_blocks) {
            let en: Vec<String> = en.iter().map(|l| untranslated_part(l)).collect();
            let nl: Vec<String> = nl.iter().map(|l| untranslated_part(l)).collect();
            if en != nl {
                problems.push(format!(
                    "{code}: an example differs\n  en: {en:?}\n  nl: {nl:?}"
                ));
            }
        }
    }
    // No page for a code that does not exist.
    let known = all_codes();
    let dir = root().join("locales/nl/explain");
    for entry in std::fs::read_dir(&dir).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        let code = name.trim_end_matches(".md");
        if !known.contains(&code) {
            problems.push(format!("{name}: no such code"));
        }
    }
    assert_eq!(
        mijlpaal::codes::PAGES_NL.len(),
        known.len(),
        "one page per code"
    );
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_comparison_ignores_comments_and_messages_only() {
    assert_eq!(
        untranslated_part("rules overeenkomst        // there is no rules/overeenkomst.rules"),
        "rules overeenkomst"
    );
    assert_eq!(
        untranslated_part("mijlpaal check plans/twente.plan     # no such file"),
        "mijlpaal check plans/twente.plan"
    );
    assert_eq!(
        untranslated_part("Mijlpalen!C12: `31-6-2026` does not exist in the calendar"),
        "Mijlpalen!C12"
    );
    assert_eq!(
        untranslated_part("clause \"https://example.org\" no-clawback"),
        "clause \"https://example.org\" no-clawback"
    );
    assert_eq!(untranslated_part("plan x \"y\" {{{"), "plan x \"y\" {{{");
}

#[test]
fn explain_c305_in_dutch() {
    let out = mijlpaal(root(), &["--lang", "nl", "explain", "C305"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out
        .stdout
        .starts_with("# C305 unpayable-window (waarschuwing)\n"));
    insta::assert_snapshot!("explain_c305_nl", out.stdout);
}

#[test]
fn explain_e011_in_dutch() {
    let out = mijlpaal(root(), &["--lang", "nl", "explain", "E011"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out
        .stdout
        .starts_with("# E011 geld niet over partijen verdeeld\n"));
    insta::assert_snapshot!("explain_e011_nl", out.stdout);
}

#[test]
fn a_check_by_its_name_in_dutch() {
    let out = mijlpaal(root(), &["--lang", "nl", "explain", "split-sum"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.starts_with("# C101 split-sum (fout)\n"));
}

#[test]
fn the_listing_in_dutch() {
    let out = mijlpaal(root(), &["--lang", "nl", "explain"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out
        .stdout
        .contains("I001  fout          bestand kan niet worden gelezen\n"));
    assert!(out
        .stdout
        .contains("C305  waarschuwing  unpayable-window\n"));
    assert_eq!(out.stdout.lines().count(), all_codes().len());
    insta::assert_snapshot!("explain_list_nl", out.stdout);
}

#[test]
fn the_language_comes_from_lang_unless_given() {
    let dutch = common::bin()
        .args(["explain", "I001"])
        .env("LANG", "nl_NL.UTF-8")
        .output()
        .unwrap();
    let dutch = String::from_utf8(dutch.stdout).unwrap();
    assert!(dutch.starts_with("# I001 bestand kan niet worden gelezen\n"));
    let english = common::bin()
        .args(["--lang", "en", "explain", "I001"])
        .env("LANG", "nl_NL.UTF-8")
        .output()
        .unwrap();
    let english = String::from_utf8(english.stdout).unwrap();
    assert!(english.starts_with("# I001 file cannot be read\n"));
}

#[test]
fn an_unknown_code_in_dutch() {
    let out = mijlpaal(root(), &["--lang", "nl", "explain", "C999"]);
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        "fout: onbekende code `C999`\n  hulp: `mijlpaal explain` toont alle codes\n"
    );
    let en = mijlpaal(root(), &["explain", "C999"]);
    assert_eq!(
        en.stderr,
        "error: unknown code `C999`\n  help: `mijlpaal explain` lists every code\n"
    );
}
