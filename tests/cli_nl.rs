//! The commands' own messages, the spreadsheet (X) and Forms export (F)
//! findings in Dutch (`--lang nl`), on the Twente project; and the X
//! messages the Dutch `explain` pages show are the messages the import
//! writes.

// Tests may unwrap, index and compute freely: a failing test fails loudly.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)]

mod common;

use common::{mijlpaal, replace_once, root, scratch, sheets, twente, TWENTE_PLAN};

const EXIT_ERRORS: i32 = 1;
const EXIT_USAGE: i32 = 2;

/// Text with the renderer's line wrapping undone: every run of spaces,
/// line breaks and the `│` of a wrapped message read as one space.
fn flat(text: &str) -> String {
    text.replace('│', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The planted-errors sheet of `tests/mijlpalenformat.rs`, imported in
/// `lang`: its stderr.
fn import_errors(lang: &str) -> String {
    let dir = scratch("cli-nl", &format!("import-{lang}"));
    let path = dir.join("fouten.xlsx");
    sheets::errors_xlsx(&path);
    let run = mijlpaal(
        &dir,
        &[
            "--lang",
            lang,
            "import",
            "mijlpalenformat",
            "fouten.xlsx",
            "--stream",
            "DNR.000041=iza",
            "--stream",
            "DNR.000514=spuk",
            "-o",
            "fouten.plan",
        ],
    );
    assert_eq!(run.code, EXIT_ERRORS, "{}", run.stderr);
    assert!(!dir.join("fouten.plan").exists(), "nothing written");
    flat(&run.stderr)
}

#[test]
fn spreadsheet_findings_in_dutch() {
    let nl = import_errors("nl");
    for line in [
        "Mijlpalen!C3: `31-6-2026` bestaat niet op de kalender",
        "Mijlpalen!F5: het totaal € 1.000 is niet wat de kolommen per ontvanger optellen: DNR.000041 € 600 + DNR.000514 € 300 = € 900",
        "hulp: verbeter het totaal of de bedragen per ontvanger; mijlpaal kiest niet zelf",
        "Mijlpalen!B8: stuurteken of onzichtbaar teken U+001B uit de tekst van de cel verwijderd",
        "niet geschreven: het werkblad heeft fouten (--force schrijft wat gelezen kon worden)",
    ] {
        assert!(nl.contains(line), "missing `{line}` in:\n{nl}");
    }
    let en = import_errors("en");
    assert!(en.contains("Mijlpalen!C3: `31-6-2026` does not exist in the calendar"));
    assert!(en.contains("not written: the sheet has errors (--force writes what could be read)"));
}

/// The example messages (`Sheet!Cell: message`) on the `explain` pages of
/// the codes the sheet plants are the messages the import writes, in both
/// languages.
#[test]
fn explain_pages_show_the_messages_the_import_writes() {
    for (lang, stderr) in [("en", import_errors("en")), ("nl", import_errors("nl"))] {
        for code in ["X003", "X004", "X005", "X006", "X007", "X011"] {
            let page = mijlpaal(root(), &["--lang", lang, "explain", code]).stdout;
            let examples: Vec<&str> = page
                .lines()
                .filter_map(|l| l.split_once(": "))
                .filter(|(cell, _)| cell.starts_with("Mijlpalen!"))
                .map(|(_, message)| message)
                .collect();
            assert!(!examples.is_empty(), "{lang} {code}: no example:\n{page}");
            for message in examples {
                assert!(
                    stderr.contains(&flat(message)),
                    "{lang} {code}: `{message}` is not what the import writes:\n{stderr}"
                );
            }
        }
    }
}

#[test]
fn facts_count_findings_in_dutch() {
    let level = mijlpaal(
        root(),
        &[
            "--lang",
            "nl",
            "facts",
            "count",
            "export.xlsx",
            "--plan",
            TWENTE_PLAN,
            "--metric",
            "wachtlijst",
            "--date-column",
            "Start time",
            "--stated",
            "2026-04-05",
        ],
    );
    assert_eq!(level.code, EXIT_ERRORS, "{}", level.stderr);
    assert!(
        level
            .stderr
            .contains("indicator `wachtlijst` is een niveau, geen aantal"),
        "{}",
        level.stderr
    );
    let from = mijlpaal(
        root(),
        &[
            "--lang",
            "nl",
            "facts",
            "count",
            "export.xlsx",
            "--plan",
            TWENTE_PLAN,
            "--metric",
            "gesprekken",
            "--date-column",
            "Start time",
            "--from",
            "2026-02-15",
            "--stated",
            "2026-04-05",
        ],
    );
    assert_eq!(from.code, EXIT_USAGE, "{}", from.stderr);
    for line in [
        "--from 2026-02-15 is niet de eerste dag van een kwartaal",
        "er wordt geteld per heel kwartaal: gebruik 2026-01-01 of 2026-04-01",
    ] {
        assert!(
            from.stderr.contains(line),
            "missing `{line}`:\n{}",
            from.stderr
        );
    }
}

#[test]
fn usage_errors_and_listings_in_dutch() {
    let report = mijlpaal(
        root(),
        &["--lang", "nl", "report", TWENTE_PLAN, "--at", "2026-06-01"],
    );
    assert_eq!(report.code, EXIT_USAGE, "{}", report.stderr);
    assert_eq!(
        report.stderr,
        "fout: het rapport is een HTML-pagina, geen tekst voor een terminal: noem het bestand met -o RAPPORT.html\n"
    );
    let milestone = mijlpaal(
        root(),
        &[
            "--lang",
            "nl",
            "explain-milestone",
            TWENTE_PLAN,
            "999",
            "--at",
            "2026-06-01",
        ],
    );
    assert_eq!(milestone.code, EXIT_USAGE, "{}", milestone.stderr);
    assert!(
        milestone
            .stderr
            .ends_with("fout: mijlpaal 999 komt niet voor in plan `mgt`\n"),
        "{}",
        milestone.stderr
    );
    let rules = mijlpaal(root(), &["--lang", "nl", "rules"]);
    assert_eq!(rules.code, 0);
    assert_eq!(
        rules.stdout,
        "overeenkomst-transformatieplan  de landelijke modelovereenkomst (Overeenkomst Transformatieplan, IZA/SPUK) met het Twentse Financieringsmodel\n\
         beoordelingskader  (beoordelingskader) Beoordelingskader Impactvolle zorgtransformaties en inzet transformatiemiddelen (Bijlage 1)\n"
    );
    let english = mijlpaal(root(), &["rules"]);
    assert!(english
        .stdout
        .starts_with("overeenkomst-transformatieplan  the national model agreement"));
}

/// The gate in Dutch: a rule set changed after it was pinned stops the
/// evaluation; `--allow-unpinned` evaluates anyway and says so first.
#[test]
fn the_gate_in_dutch() {
    let dir = scratch("cli-nl", "gate");
    twente(
        &dir,
        |p| p.to_string(),
        |r| replace_once(r, "assessment-window 4 weeks", "assessment-window 26 weeks"),
    );
    let args = [
        "--lang",
        "nl",
        "evaluate",
        "mgt.plan",
        "--facts",
        "mgt/stille-beoordelaar.facts",
        "--at",
        "2026-06-01",
    ];
    let stopped = mijlpaal(&dir, &args);
    assert_eq!(stopped.code, EXIT_ERRORS, "{}", stopped.stderr);
    assert!(
        stopped.stderr.ends_with(
            "fout: niet beoordeeld: het plan heeft de fouten hierboven\n  hulp: verbeter ze, of geef --allow-errors (of --allow-unpinned voor een vastgezette regelset) om een concept toch te beoordelen\n"
        ),
        "{}",
        stopped.stderr
    );
    let mut draft_args = args.to_vec();
    draft_args.push("--allow-unpinned");
    let draft = mijlpaal(&dir, &draft_args);
    assert_eq!(draft.code, 0, "{}", draft.stderr);
    assert_eq!(
        draft.stdout.lines().next(),
        Some("beoordeeld met --allow-unpinned: de regelset komt niet overeen met de vastgezette hash (C901)")
    );
}
