//! `mijlpaal check` in Dutch (`--lang nl`): the checker's findings on the
//! Twente plan, in human and JSON form, a few of them word for word, every
//! check of the catalogue translated on its own fixture, and the language
//! taken from `LANG` when `--lang` is not given.

// Tests may unwrap, index and compute freely: a failing test fails loudly.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)]

use std::path::{Component, Path, PathBuf};

use serde_json::Value;

mod common;

use common::{root, Run};

const TWENTE: &str = "plans/mentaal-gezond-twente.plan";

fn check(args: &[&str]) -> Run {
    common::mijlpaal(root(), args)
}

fn json_of(run: &Run) -> Value {
    serde_json::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}\n{}", run.stdout, run.stderr))
}

/// The diagnostics of a `check --format json` run.
fn diagnostics(args: &[&str]) -> Vec<Value> {
    let mut all = vec!["check", "--format", "json"];
    all.extend_from_slice(args);
    let run = check(&all);
    json_of(&run)["diagnostics"].as_array().unwrap().clone()
}

/// Every text of a diagnostic a reader sees: message, labels, help, notes.
fn texts(d: &Value) -> Vec<String> {
    let mut out = vec![d["message"].as_str().unwrap().to_string()];
    for l in d["labels"].as_array().unwrap() {
        out.extend(l["message"].as_str().map(str::to_string));
    }
    out.extend(d["help"].as_str().map(str::to_string));
    for n in d["notes"].as_array().unwrap() {
        out.extend(n.as_str().map(str::to_string));
    }
    out
}

#[test]
fn twente_check_in_dutch() {
    let run = check(&["check", TWENTE, "--lang", "nl"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    insta::assert_snapshot!("twente_check_nl", run.stderr);
}

#[test]
fn twente_check_json_in_dutch() {
    let run = check(&["check", TWENTE, "--lang", "nl", "--format", "json"]);
    insta::assert_snapshot!("twente_check_json_nl", run.stdout);
    // Only the texts change: codes, severities, keys and places are those
    // of the English output.
    let en = diagnostics(&[TWENTE]);
    let nl = json_of(&run)["diagnostics"].as_array().unwrap().clone();
    assert_eq!(en.len(), nl.len());
    for (e, n) in en.iter().zip(&nl) {
        let keys = |v: &Value| v.as_object().unwrap().keys().cloned().collect::<Vec<_>>();
        assert_eq!(keys(e), keys(n));
        for key in [
            "code",
            "severity",
            "file",
            "line",
            "column",
            "end_line",
            "end_column",
        ] {
            assert_eq!(e[key], n[key], "{key}");
        }
        for (te, tn) in texts(e).iter().zip(texts(n)) {
            assert_ne!(te, &tn, "{} untranslated: {te}", e["code"]);
        }
    }
}

#[test]
fn twente_findings_word_for_word() {
    let nl = diagnostics(&[TWENTE, "--lang", "nl"]);
    let find = |code: &str, start: &str| {
        nl.iter()
            .find(|d| d["code"] == code && d["message"].as_str().unwrap().starts_with(start))
            .unwrap_or_else(|| panic!("no {code} starting with {start}"))
            .clone()
    };
    let c102 = find("C102", "de mijlpalen tellen in totaal");
    assert_eq!(
        c102["message"],
        "de mijlpalen tellen in totaal op tot € 16.274.000, maar `kpi_tabel` vermeldt € 16.275 x € 1.000 = € 16.275.000"
    );
    assert_eq!(
        c102["labels"][0]["message"],
        "wijkt € 1.000 af, meer dan de afronding op € 1.000 toelaat"
    );
    let c402 = find("C402", "");
    assert_eq!(
        c402["message"],
        "de gewichten van verdeelsleutel `inwoners` tellen op tot 643.153, maar het vermelde totaal is 654.153"
    );
    assert_eq!(
        c402["notes"][0],
        "de vermelde percentages zijn de aandelen van 643.153, niet van 654.153: het vermelde totaal is het getal dat niet klopt"
    );
    let c305 = find("C305", "mijlpaal 5 ");
    assert_eq!(
        c305["message"],
        "mijlpaal 5 staat gepland op 2027-12-31; de beoordelingstermijn van 28 dagen eindigt op 2028-01-28, en zonder oordeel is de mijlpaal pas op 2028-01-29 geacht behaald, na de laatste uitbetalingsdatum 2027-12-31"
    );
    assert_eq!(
        c305["help"],
        "tenzij de zorgverzekeraars uiterlijk 2027-12-31 oordelen, kan € 150.000 niet worden uitbetaald; vervroeg de geplande datum naar 2027-12-02 of eerder"
    );
}

/// `a/b/../c` as `a/c`, without touching the file system.
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

/// The arguments `check` needs for a fixture: the plan named by a
/// `// with: FILE` first line, if any, then the fixture.
fn fixture_args(path: &Path) -> Vec<String> {
    let rel = path.strip_prefix(root()).unwrap();
    let text = std::fs::read_to_string(path).unwrap();
    let mut args = Vec::new();
    if let Some(with) = text
        .lines()
        .next()
        .and_then(|l| l.strip_prefix("// with: "))
    {
        let plan = normalize(&rel.parent().unwrap().join(with.trim()));
        args.push(plan.display().to_string());
    }
    args.push(rel.display().to_string());
    args
}

fn fixtures(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            fixtures(&path, out);
        } else {
            out.push(path);
        }
    }
}

/// Every check of the catalogue speaks Dutch: on its `-fails` fixture, each
/// of its findings reads differently under `--lang nl` than in English, in
/// every text (so no check is left untranslated, nor part of one).
#[test]
fn every_check_speaks_dutch_on_its_fixture() {
    let mut files = Vec::new();
    fixtures(&root().join("tests/corpus/checks"), &mut files);
    for check in mijlpaal::check::ALL {
        let prefix = format!("{}-{}-fails.", check.code, check.name);
        let fixture = files
            .iter()
            .find(|f| {
                f.file_name()
                    .unwrap()
                    .to_string_lossy()
                    .starts_with(&prefix)
            })
            .unwrap_or_else(|| panic!("{} has no fixture", check.code));
        let args = fixture_args(fixture);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let mine = |ds: Vec<Value>| -> Vec<Value> {
            ds.into_iter().filter(|d| d["code"] == check.code).collect()
        };
        let en = mine(diagnostics(&args));
        let mut nl_args = args.clone();
        nl_args.extend(["--lang", "nl"]);
        let nl = mine(diagnostics(&nl_args));
        assert!(!en.is_empty(), "{} does not fire", check.code);
        assert_eq!(en.len(), nl.len(), "{}", check.code);
        for (e, n) in en.iter().zip(&nl) {
            let (te, tn) = (texts(e), texts(n));
            assert_eq!(te.len(), tn.len(), "{}", check.code);
            for (a, b) in te.iter().zip(&tn) {
                assert_ne!(a, b, "{}: not translated", check.code);
            }
        }
    }
}

#[test]
fn the_language_comes_from_lang_unless_given() {
    let run_with = |args: &[&str]| {
        let out = common::bin()
            .env("LANG", "nl_NL.UTF-8")
            .args(["--color", "never"])
            .args(args)
            .current_dir(root())
            .output()
            .unwrap();
        String::from_utf8(out.stderr).unwrap()
    };
    let dutch = run_with(&["check", TWENTE]);
    assert!(
        dutch.contains("de gewichten van verdeelsleutel `inwoners` tellen op tot 643.153"),
        "{dutch}"
    );
    let english = run_with(&["check", TWENTE, "--lang", "en"]);
    assert!(
        english.contains("the weights of key `inwoners` add up to 643.153"),
        "{english}"
    );
    assert!(!english.contains("verdeelsleutel"), "{english}");
}

#[test]
fn input_errors_in_dutch() {
    let dir = common::scratch("dutch_check", "input");
    common::write(
        dir.join("typo.plan"),
        "plan p \"p\" {\n  party hengelo \"Hengelo\" municipality\n  stream iza \"IZA\" paid-by hengel\n}\n",
    );
    let run = common::mijlpaal(&dir, &["check", "typo.plan", "--lang", "nl"]);
    assert!(
        run.stderr.contains("onbekende partij `hengel`"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("bedoelt u `hengelo`?"),
        "{}",
        run.stderr
    );
    let run = common::mijlpaal(&dir, &["check", "missing.plan", "--lang", "nl"]);
    assert!(
        run.stderr.contains("bestand `missing.plan` bestaat niet"),
        "{}",
        run.stderr
    );
}
