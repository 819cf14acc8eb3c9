//! `mijlpaal facts count` end to end (issue 15): a Forms export generated at
//! test time under target/facts-count/ (an .xlsx through rust_xlsxwriter and
//! the CSV download), with known counts per quarter and per answer, formula-
//! like and quoted free text with newlines, rows outside the periods and
//! unreadable dates. The counts are asserted exactly; the output and every
//! message are searched for every personal value of the fixture; the facts
//! check clean against a copy of the Twente plan and move KPI 13-18's
//! computed measures to hand-computed values.

// Tests may unwrap, index and compute freely: a failing test fails loudly.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)]

use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};
use common::{mijlpaal, read, scratch, twente, write, Run};
use sha2::{Digest, Sha256};

mod common;

/// Rows per quarter of 2025-2026: (year, first month, all, referred to
/// specialist ggz).
const QUARTERS: [(i32, u32, usize, usize); 8] = [
    (2025, 1, 10, 7),
    (2025, 4, 0, 0),
    (2025, 7, 25, 18),
    (2025, 10, 40, 30),
    (2026, 1, 200, 140),
    (2026, 4, 180, 126),
    (2026, 7, 150, 105),
    (2026, 10, 130, 91),
];

const SGGZ: &str = "Specialistische ggz";

/// When a row was registered: a date and time, or text that is no date.
#[derive(Clone)]
enum When {
    At(NaiveDate, u32, u32, u32),
    Bad(&'static str),
}

/// One registration, with the personal data a real export holds.
#[derive(Clone)]
struct Reg {
    when: When,
    verwijzing: &'static str,
    email: String,
    name: String,
    remark: String,
    phone: String,
}

impl Reg {
    fn personal(&self) -> Vec<String> {
        [&self.email, &self.name, &self.remark, &self.phone]
            .into_iter()
            .filter(|s| !s.is_empty())
            .cloned()
            .collect()
    }
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn reg(i: usize, when: When, verwijzing: &'static str) -> Reg {
    let remark = match i % 4 {
        0 => format!("Cliënt {i}: zware klachten, \"spoed\"\nterugbellen na overleg"),
        1 => format!("=HYPERLINK(\"https://phish.example/{i}\",\"klik hier\")"),
        2 => String::new(),
        _ => format!("Vertrouwelijk-{i}, zie dossier; huisarts, Hengelo"),
    };
    Reg {
        when,
        verwijzing,
        email: format!("prof{i}.geheim@zorgpartner.example"),
        name: format!("Jantje Geheimnaam-{i}"),
        remark,
        phone: format!("+316{:08}", 12_340_000 + i),
    }
}

/// The registrations in export order: every quarter's rows, five rows
/// outside 2025-2026, three unreadable dates; shuffled deterministically.
fn registrations() -> (Vec<Reg>, Vec<usize>) {
    let mut regs = Vec::new();
    let mut i = 0;
    for (y, m, all, sggz) in QUARTERS {
        for k in 0..all {
            let start = d(y, m, 1);
            let mut when = When::At(
                start + chrono::Days::new((k as u64 * 7) % 90),
                8 + (k as u32 % 10),
                k as u32 % 60,
                (k as u32 * 13) % 60,
            );
            // Two rows on the edge of a quarter, a second apart.
            if (y, m, k) == (2026, 1, 0) {
                when = When::At(d(2026, 3, 31), 23, 59, 59);
            }
            if (y, m, k) == (2026, 4, 0) {
                when = When::At(d(2026, 4, 1), 0, 0, 0);
            }
            let verwijzing = if k < sggz {
                SGGZ
            } else if k % 2 == 0 {
                "Monodisciplinaire ggz"
            } else {
                "Sociaal domein"
            };
            regs.push(reg(i, when, verwijzing));
            i += 1;
        }
    }
    for k in 0..3 {
        regs.push(reg(i, When::At(d(2024, 12, 15 + k), 10, 0, 0), SGGZ));
        i += 1;
    }
    for k in 0..2 {
        regs.push(reg(i, When::At(d(2027, 1, 5 + k), 10, 0, 0), SGGZ));
        i += 1;
    }
    for bad in ["31-2-2026", "", "gisteren"] {
        regs.push(reg(i, When::Bad(bad), SGGZ));
        i += 1;
    }
    // A fixed shuffle: the export is in no useful order.
    let n = regs.len();
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by_key(|k| (k * 7919) % n);
    let regs: Vec<Reg> = order.iter().map(|k| regs[*k].clone()).collect();
    let bad_rows: Vec<usize> = regs
        .iter()
        .enumerate()
        .filter(|(_, r)| matches!(r.when, When::Bad(_)))
        .map(|(k, _)| k + 2) // the header is row 1
        .collect();
    (regs, bad_rows)
}

const HEADERS: [&str; 8] = [
    "ID",
    "Start time",
    "Completion time",
    "Email",
    "Name",
    "Verwijzing",
    "Opmerkingen",
    "Telefoonnummer",
];

fn write_xlsx(path: &Path, regs: &[Reg]) {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Form1").unwrap();
    let format = Format::new().set_num_format("m/d/yy h:mm:ss");
    for (c, h) in HEADERS.iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    for (k, r) in regs.iter().enumerate() {
        let row = k as u32 + 1;
        sheet.write_number(row, 0, (k + 1) as f64).unwrap();
        match &r.when {
            When::At(date, h, m, s) => {
                let dt = ExcelDateTime::from_ymd(
                    date.year() as u16,
                    date.month() as u8,
                    date.day() as u8,
                )
                .unwrap()
                .and_hms(*h as u16, *m as u8, *s as f64)
                .unwrap();
                sheet
                    .write_datetime_with_format(row, 1, &dt, &format)
                    .unwrap();
                sheet
                    .write_datetime_with_format(row, 2, &dt, &format)
                    .unwrap();
            }
            When::Bad("") => {}
            When::Bad(text) => {
                sheet.write_string(row, 1, *text).unwrap();
            }
        }
        sheet.write_string(row, 3, &r.email).unwrap();
        sheet.write_string(row, 4, &r.name).unwrap();
        sheet.write_string(row, 5, r.verwijzing).unwrap();
        if !r.remark.is_empty() {
            sheet.write_string(row, 6, &r.remark).unwrap();
        }
        sheet.write_string(row, 7, &r.phone).unwrap();
    }
    let bytes = book.save_to_buffer().unwrap();
    write(path, bytes);
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// The CSV download: UTF-8 with a BOM, CRLF line ends, quoted fields with
/// commas and newlines, dates as Forms and Excel write them (month first
/// with slashes, Dutch day first with dashes, ISO), and a blank line of
/// separators at the end.
fn write_csv(path: &Path, regs: &[Reg]) {
    let mut text = String::from("\u{feff}");
    text.push_str(&HEADERS.map(csv_field).join(","));
    text.push_str("\r\n");
    for (k, r) in regs.iter().enumerate() {
        let date = match &r.when {
            When::At(date, h, m, s) => match k % 3 {
                0 => format!(
                    "{}/{}/{} {h}:{m:02}:{s:02}",
                    date.month(),
                    date.day(),
                    date.year()
                ),
                1 => format!(
                    "{}-{}-{} {h:02}:{m:02}",
                    date.day(),
                    date.month(),
                    date.year()
                ),
                _ => format!("{date}T{h:02}:{m:02}:{s:02}Z"),
            },
            When::Bad(text) => text.to_string(),
        };
        let fields = [
            (k + 1).to_string(),
            date.clone(),
            date,
            r.email.clone(),
            r.name.clone(),
            r.verwijzing.to_string(),
            r.remark.clone(),
            r.phone.clone(),
        ];
        text.push_str(&fields.map(|f| csv_field(&f)).join(","));
        text.push_str("\r\n");
    }
    text.push_str(",,,,,,,\r\n");
    write(path, text);
}

struct Fixture {
    dir: PathBuf,
    regs: Vec<Reg>,
    bad_rows: Vec<usize>,
}

/// A copy of the Twente project with the exports in `exports/`.
fn fixture(name: &str) -> Fixture {
    let dir = scratch("facts-count", name);
    twente(&dir, |p| p.to_string(), |r| r.to_string());
    let (regs, bad_rows) = registrations();
    write_xlsx(&dir.join("exports/registraties.xlsx"), &regs);
    write_csv(&dir.join("exports/registraties.csv"), &regs);
    Fixture {
        dir,
        regs,
        bad_rows,
    }
}

fn count(f: &Fixture, export: &str, extra: &[&str]) -> Run {
    let mut args = vec![
        "facts",
        "count",
        export,
        "--plan",
        "mgt.plan",
        "--date-column",
        "Start time",
        "--stated",
        "2027-01-10",
    ];
    args.extend_from_slice(extra);
    mijlpaal(&f.dir, &args)
}

/// The expected fact lines for a metric: quarters of 2025-2026.
fn expected(metric: &str, sggz_only: bool) -> Vec<String> {
    QUARTERS
        .iter()
        .map(|(y, m, all, sggz)| {
            let from = d(*y, *m, 1);
            let to = from
                .checked_add_months(chrono::Months::new(3))
                .unwrap()
                .pred_opt()
                .unwrap();
            let n = if sggz_only { sggz } else { all };
            format!("  2027-01-10 counted {metric} {from} .. {to} = {n}")
        })
        .collect()
}

fn fact_lines(text: &str) -> Vec<String> {
    text.lines()
        .filter(|l| l.contains(" counted ") && !l.trim_start().starts_with("//"))
        .map(str::to_string)
        .collect()
}

fn sha256(path: &Path) -> String {
    Sha256::digest(std::fs::read(path).unwrap())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Diagnostics as one line, whatever miette's wrapping.
fn flat(text: &str) -> String {
    text.replace('│', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Asserts that no personal value of the fixture appears in `text`.
fn no_personal_data(f: &Fixture, text: &str, what: &str) {
    for r in &f.regs {
        for value in r.personal() {
            // Multi-line remarks: each line on its own too.
            for part in std::iter::once(value.as_str()).chain(value.lines()) {
                assert!(!text.contains(part), "{what} leaks `{part}`:\n{text}");
            }
        }
    }
    for stem in [
        "Geheimnaam",
        "zorgpartner",
        "phish",
        "HYPERLINK",
        "Vertrouwelijk",
        "+316",
        "spoed",
        "Cliënt",
    ] {
        assert!(!text.contains(stem), "{what} leaks `{stem}`:\n{text}");
    }
}

#[test]
fn xlsx_counts_per_quarter_and_per_answer_exactly() {
    let f = fixture("xlsx");
    let all = count(
        &f,
        "exports/registraties.xlsx",
        &[
            "--metric",
            "gesprekken",
            "--skip-invalid",
            "-o",
            "mgt/gesprekken.facts",
        ],
    );
    assert_eq!(all.code, 0, "{}", all.stderr);
    let text = read(f.dir.join("mgt/gesprekken.facts"));
    assert_eq!(fact_lines(&text), expected("gesprekken", false), "{text}");
    let sggz = count(
        &f,
        "exports/registraties.xlsx",
        &[
            "--metric",
            "naar_sggz",
            "--where",
            "Verwijzing=Specialistische ggz",
            "--skip-invalid",
            "-o",
            "mgt/sggz.facts",
        ],
    );
    assert_eq!(sggz.code, 0, "{}", sggz.stderr);
    let sggz_text = read(f.dir.join("mgt/sggz.facts"));
    assert_eq!(
        fact_lines(&sggz_text),
        expected("naar_sggz", true),
        "{sggz_text}"
    );

    // Provenance: the file, its hash, the rows, the filter, what was left out.
    let hash = sha256(&f.dir.join("exports/registraties.xlsx"));
    let rows = f.regs.len();
    assert!(
        text.contains("from `registraties.xlsx`, sheet `Form1`"),
        "{text}"
    );
    assert!(
        text.contains(&format!("sha256:{hash}, {rows} rows")),
        "{text}"
    );
    // 735 counted, 5 outside 2025-2026, 3 skipped.
    assert!(
        text.contains("735 rows counted in 2025-01-01 .. 2026-12-31, 5 dated outside it, 0 not matching the filters"),
        "{text}"
    );
    let refs: Vec<String> = f.bad_rows.iter().map(|r| format!("Form1!B{r}")).collect();
    assert!(
        text.contains(&format!(
            "skipped 3 rows whose date cannot be read (--skip-invalid): {}",
            refs.join(", ")
        )),
        "{text}"
    );
    assert!(
        sggz_text.contains("where `Verwijzing` = `Specialistische ggz`"),
        "{sggz_text}"
    );
    assert!(sggz_text.contains("517 rows counted"), "{sggz_text}");
    // Formatted as `mijlpaal fmt` would.
    let fmt = mijlpaal(
        &f.dir,
        &["fmt", "--check", "mgt/gesprekken.facts", "mgt/sggz.facts"],
    );
    assert_eq!(fmt.code, 0, "{}{}", fmt.stdout, fmt.stderr);
    for (what, t) in [
        ("output", &text),
        ("output", &sggz_text),
        ("stderr", &all.stderr),
        ("stderr", &sggz.stderr),
    ] {
        no_personal_data(&f, t, what);
    }
}

#[test]
fn csv_download_counts_the_same() {
    let f = fixture("csv");
    let run = count(
        &f,
        "exports/registraties.csv",
        &[
            "--metric",
            "naar_sggz",
            "--where",
            "Verwijzing=Specialistische ggz",
            "--skip-invalid",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        fact_lines(&run.stdout),
        expected("naar_sggz", true),
        "{}",
        run.stdout
    );
    let hash = sha256(&f.dir.join("exports/registraties.csv"));
    assert!(
        run.stdout
            .contains(&format!("sha256:{hash}, {} rows", f.regs.len())),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("1 empty row ignored"), "{}", run.stdout);
    // CSV cells are named by the row a spreadsheet shows, not the line
    // (quoted remarks span lines).
    let refs: Vec<String> = f
        .bad_rows
        .iter()
        .map(|r| format!("registraties.csv!B{r}"))
        .collect();
    assert!(run.stdout.contains(&refs.join(", ")), "{}", run.stdout);
    no_personal_data(&f, &run.stdout, "output");
    no_personal_data(&f, &run.stderr, "stderr");
    let all = count(
        &f,
        "exports/registraties.csv",
        &["--metric", "gesprekken", "--skip-invalid"],
    );
    assert_eq!(
        fact_lines(&all.stdout),
        expected("gesprekken", false),
        "{}",
        all.stdout
    );
}

#[test]
fn unreadable_dates_stop_the_count_with_their_cells() {
    let f = fixture("unreadable");
    for (export, sheet) in [
        ("exports/registraties.xlsx", "Form1"),
        ("exports/registraties.csv", "registraties.csv"),
    ] {
        let mut run = count(&f, export, &["--metric", "gesprekken", "-o", "mgt/x.facts"]);
        assert_eq!(run.code, 1, "{}", run.stderr);
        // Messages as one line, whatever miette's wrapping.
        run.stderr = flat(&run.stderr);
        assert!(!f.dir.join("mgt/x.facts").exists(), "nothing is written");
        assert_eq!(run.stderr.matches("F001").count(), 3, "{}", run.stderr);
        for r in &f.bad_rows {
            assert!(
                run.stderr.contains(&format!("`{sheet}!B{r}`")),
                "{}",
                run.stderr
            );
        }
        // The impossible date is shown; text that is no date is not.
        assert!(
            run.stderr.contains("`31-2-2026` is no date"),
            "{}",
            run.stderr
        );
        assert!(run.stderr.contains("the cell is empty"), "{}", run.stderr);
        assert!(
            run.stderr
                .contains("text that is no date (8 characters, not shown)"),
            "{}",
            run.stderr
        );
        assert!(!run.stderr.contains("gisteren"), "{}", run.stderr);
        no_personal_data(&f, &run.stderr, "stderr");
    }
    // The wrong column: nothing of it is shown.
    let wrong = mijlpaal(
        &f.dir,
        &[
            "facts",
            "count",
            "exports/registraties.xlsx",
            "--plan",
            "mgt.plan",
            "--metric",
            "gesprekken",
            "--date-column",
            "Opmerkingen",
            "--stated",
            "2027-01-10",
        ],
    );
    assert_eq!(wrong.code, 1);
    assert!(
        flat(&wrong.stderr).contains("more rows whose date cannot be read"),
        "{}",
        wrong.stderr
    );
    no_personal_data(&f, &wrong.stderr, "stderr");
}

#[test]
fn names_and_periods_are_checked() {
    let f = fixture("names");
    let x = "exports/registraties.xlsx";
    let typo = count(&f, x, &["--metric", "gesprekke"]);
    assert_eq!(typo.code, 1);
    assert!(
        typo.stderr.contains("F003") && typo.stderr.contains("did you mean `gesprekken`?"),
        "{}",
        typo.stderr
    );
    let level = count(&f, x, &["--metric", "wachtlijst"]);
    assert_eq!(level.code, 1);
    assert!(
        level.stderr.contains("is a level, not a count"),
        "{}",
        level.stderr
    );
    let column = count(
        &f,
        x,
        &[
            "--metric",
            "gesprekken",
            "--where",
            "Verwijzng=Sociaal domein",
        ],
    );
    assert_eq!(column.code, 1);
    assert!(
        column.stderr.contains("F002") && column.stderr.contains("did you mean `Verwijzing`?"),
        "{}",
        column.stderr
    );
    // An export saved without its header row: its first row is a person's
    // data, and none of it is shown.
    let csv = read(f.dir.join("exports/registraties.csv"));
    let headerless: String = csv.split_inclusive("\r\n").skip(1).collect();
    write(f.dir.join("exports/headerless.csv"), headerless);
    let no_header = count(&f, "exports/headerless.csv", &["--metric", "gesprekken"]);
    assert_eq!(no_header.code, 1, "{}", no_header.stderr);
    assert!(no_header.stderr.contains("F002"), "{}", no_header.stderr);
    no_personal_data(&f, &no_header.stderr, "stderr");
    // A value that never occurs: a warning, and every count 0.
    let never = count(
        &f,
        x,
        &[
            "--metric",
            "naar_sggz",
            "--where",
            "Verwijzing=specialistische ggz",
            "--skip-invalid",
        ],
    );
    assert_eq!(never.code, 0, "{}", never.stderr);
    assert!(never.stderr.contains("F004"), "{}", never.stderr);
    assert!(
        fact_lines(&never.stdout).iter().all(|l| l.ends_with("= 0")),
        "{}",
        never.stdout
    );
    assert_eq!(fact_lines(&never.stdout).len(), 8);
    // Whole periods only, and only periods that are over.
    let from = count(&f, x, &["--metric", "gesprekken", "--from", "2026-02-15"]);
    assert_eq!(from.code, 2, "{}", from.stderr);
    assert!(
        from.stderr.contains("F006") && from.stderr.contains("2026-01-01 or 2026-04-01"),
        "{}",
        from.stderr
    );
    let to = count(&f, x, &["--metric", "gesprekken", "--to", "2027-03-31"]);
    assert_eq!(to.code, 2, "{}", to.stderr);
    // Months, over a span given.
    let months = count(
        &f,
        x,
        &[
            "--metric",
            "gesprekken",
            "--every",
            "month",
            "--from",
            "2025-01-01",
            "--to",
            "2025-03-31",
            "--skip-invalid",
        ],
    );
    assert_eq!(months.code, 0, "{}", months.stderr);
    let lines = fact_lines(&months.stdout);
    assert_eq!(lines.len(), 3, "{}", months.stdout);
    // 2025 Q1: rows k = 0..10 on day (7k mod 90) of the quarter: January
    // k 0-4 (days 0-28), February k 5-8 (35-56), March k 9 (63).
    assert_eq!(
        lines[0],
        "  2027-01-10 counted gesprekken 2025-01-01 .. 2025-01-31 = 5"
    );
    assert_eq!(
        lines[1],
        "  2027-01-10 counted gesprekken 2025-02-01 .. 2025-02-28 = 4"
    );
    assert_eq!(
        lines[2],
        "  2027-01-10 counted gesprekken 2025-03-01 .. 2025-03-31 = 1"
    );
}

/// The hand-computed measures of KPI 13-18 at 2027-01-10, from the facts.
#[test]
fn counted_facts_check_clean_and_move_kpi_13_to_18() {
    let f = fixture("twente");
    let x = "exports/registraties.xlsx";
    let before = mijlpaal(
        &f.dir,
        &[
            "evaluate",
            "mgt.plan",
            "--at",
            "2027-01-10",
            "--format",
            "json",
        ],
    );
    assert_eq!(before.code, 0, "{}", before.stderr);
    let a = count(
        &f,
        x,
        &[
            "--metric",
            "gesprekken",
            "--skip-invalid",
            "-o",
            "mgt/registraties.facts",
        ],
    );
    assert_eq!(a.code, 0, "{}", a.stderr);
    let b = count(
        &f,
        x,
        &[
            "--metric",
            "naar_sggz",
            "--where",
            "Verwijzing=Specialistische ggz",
            "--skip-invalid",
            "--append",
            "mgt/registraties.facts",
        ],
    );
    assert_eq!(b.code, 0, "{}", b.stderr);
    let facts = "mgt/registraties.facts";
    let text = read(f.dir.join(facts));
    assert_eq!(fact_lines(&text).len(), 16, "{text}");
    no_personal_data(&f, &text, "output");
    let fmt = mijlpaal(&f.dir, &["fmt", "--check", facts]);
    assert_eq!(fmt.code, 0, "{}{}", fmt.stdout, fmt.stderr);
    // Clean: no finding in the facts file (the plan's own C102/C103/C402
    // findings on the published figures stay).
    let check = mijlpaal(&f.dir, &["check", "mgt.plan", facts, "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&check.stdout).unwrap();
    let in_facts: Vec<&serde_json::Value> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| {
            d["file"]
                .as_str()
                .is_some_and(|p| p.ends_with("registraties.facts"))
        })
        .collect();
    assert!(in_facts.is_empty(), "{in_facts:?}");

    let after = mijlpaal(
        &f.dir,
        &[
            "evaluate",
            "mgt.plan",
            "--facts",
            facts,
            "--at",
            "2027-01-10",
            "--format",
            "json",
        ],
    );
    assert_eq!(after.code, 0, "{}", after.stderr);
    let measured = |run: &Run, n: u64| -> serde_json::Value {
        let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
        let m = v["milestones"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["number"] == n)
            .unwrap()
            .clone();
        m["measured"][0].clone()
    };
    for n in 13..=18 {
        assert!(
            measured(&before, n)["value"].is_null(),
            "KPI {n} before: {}",
            measured(&before, n)
        );
    }
    // KPI 13: 10 + 0 + 25 + 40 = 75 conversations in 2025, below 100.
    assert_eq!(measured(&after, 13)["value"], "75");
    assert_eq!(measured(&after, 13)["met"], false);
    // KPI 14: 200 + 180 + 150 + 130 = 660 in 2026, at least 650.
    assert_eq!(measured(&after, 14)["value"], "660");
    assert_eq!(measured(&after, 14)["met"], true);
    // KPI 16: 7 + 0 + 18 + 30 = 55 of 75 referred = 73,33% (55/75 =
    // 0,7333...), at most 78%.
    assert_eq!(measured(&after, 16)["value"], "73.33");
    assert_eq!(measured(&after, 16)["met"], true);
    assert_eq!(measured(&after, 16)["text"], "73,33% (55 of 75) ≤ 78%: met");
    // KPI 17: 140 + 126 + 105 + 91 = 462 of 660 = 70% exactly, at most 73%.
    assert_eq!(measured(&after, 17)["value"], "70");
    assert_eq!(measured(&after, 17)["met"], true);
    // KPI 15 and 18 (2027) have no counts yet: the export's January 2027
    // rows are not a whole quarter on 2027-01-10.
    assert!(measured(&after, 15)["value"].is_null());
    assert!(measured(&after, 18)["value"].is_null());

    // The same count on the same day again is refused, the file unchanged.
    let again = count(
        &f,
        x,
        &[
            "--metric",
            "gesprekken",
            "--skip-invalid",
            "--append",
            facts,
        ],
    );
    assert_eq!(again.code, 1, "{}", again.stderr);
    assert!(again.stderr.contains("F007"), "{}", again.stderr);
    assert_eq!(read(f.dir.join(facts)), text);
}

#[cfg(unix)]
#[test]
fn never_writes_through_a_link_nor_past_the_size_limit() {
    let f = fixture("trust");
    let x = "exports/registraties.xlsx";
    write(f.dir.join("elsewhere.txt"), "keep me");
    std::os::unix::fs::symlink(f.dir.join("elsewhere.txt"), f.dir.join("link.facts")).unwrap();
    let run = count(
        &f,
        x,
        &[
            "--metric",
            "gesprekken",
            "--skip-invalid",
            "-o",
            "link.facts",
        ],
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("I009"), "{}", run.stderr);
    assert_eq!(read(f.dir.join("elsewhere.txt")), "keep me");
    // The workbook fits the limit packed, not unpacked.
    let size = std::fs::metadata(f.dir.join(x)).unwrap().len();
    let plan = std::fs::metadata(f.dir.join("mgt.plan")).unwrap().len();
    let limit = (size.max(plan) + 1).to_string();
    let big = mijlpaal(
        &f.dir,
        &[
            "--max-file-bytes",
            &limit,
            "facts",
            "count",
            x,
            "--plan",
            "mgt.plan",
            "--metric",
            "gesprekken",
            "--date-column",
            "Start time",
            "--stated",
            "2027-01-10",
        ],
    );
    assert_eq!(big.code, 2, "{}", big.stderr);
    assert!(
        big.stderr.contains("I003") && big.stderr.contains("unpacks to more"),
        "{}",
        big.stderr
    );
}
