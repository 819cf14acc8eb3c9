//! Ledgers for the kassier (issue 11, item 4), through the binary: the
//! workbook of `evaluate --format xlsx -o` read back with calamine, and the
//! CSV for Dutch Excel (`--csv-dialect excel-nl`) parsed with `;` and
//! decimal commas, both compared to the cent with the JSON of the same
//! evaluation on the Twente scenarios; reproducible bytes; the usage errors
//! of flag combinations that would be ignored; `-o` never through a link.
//! Where LibreOffice is installed, the workbook is also converted by it.

// Tests may unwrap, index and compute freely: a failing test fails loudly.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)]

mod common;

use std::collections::BTreeMap;
use std::io::Cursor;
use std::path::Path;
use std::str::FromStr;

use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde_json::Value;

use common::{mijlpaal, root, scratch, Run, TWENTE_PLAN, TWENTE_SCENARIOS};

const GEMIST: &str = "plans/mentaal-gezond-twente/gemiste-resultaten-2026.facts";
const AT: &str = "2028-01-31";
const COLUMNS: [&str; 7] = [
    "earned",
    "paid",
    "outstanding",
    "repayable",
    "repaid",
    "exposure",
    "lapsed",
];

fn evaluate(facts: &str, at: &str, extra: &[&str]) -> Run {
    let mut args = vec!["evaluate", TWENTE_PLAN, "--facts", facts, "--at", at];
    args.extend_from_slice(extra);
    mijlpaal(root(), &args)
}

fn json(facts: &str, at: &str, extra: &[&str]) -> Value {
    let mut args = vec!["--format", "json"];
    args.extend_from_slice(extra);
    let run = evaluate(facts, at, &args);
    assert!(run.code <= 1, "{}", run.stderr);
    serde_json::from_str(&run.stdout).unwrap()
}

/// Writes the workbook to `target/ledger/NAME/ledger.xlsx` and returns its bytes.
fn workbook(name: &str, facts: &str, at: &str, extra: &[&str]) -> Vec<u8> {
    let dir = scratch("ledger", name);
    let out = dir.join("ledger.xlsx");
    let out_s = out.to_str().unwrap();
    let mut args = vec!["--format", "xlsx", "-o", out_s];
    args.extend_from_slice(extra);
    let run = evaluate(facts, at, &args);
    assert!(run.code <= 1, "{}", run.stderr);
    assert!(run.stdout.is_empty(), "nothing on stdout: {}", run.stdout);
    std::fs::read(&out).unwrap()
}

type Sheets = BTreeMap<String, (calamine::Range<Data>, calamine::Range<String>)>;

/// Every sheet: its cached values and its formulas.
fn sheets(bytes: &[u8]) -> (Vec<String>, Sheets) {
    let mut wb: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes.to_vec())).unwrap();
    let names = wb.sheet_names();
    let mut out = BTreeMap::new();
    for n in &names {
        let values = wb.worksheet_range(n).unwrap();
        let formulas = wb.worksheet_formula(n).unwrap();
        out.insert(n.clone(), (values, formulas));
    }
    (names, out)
}

/// The exact decimal of a JSON money string ("585000.00").
fn dec(v: &Value) -> Decimal {
    Decimal::from_str(
        v.as_str()
            .unwrap_or_else(|| panic!("money as a string: {v}")),
    )
    .unwrap()
}

/// Cents of a decimal, which must be whole cents.
fn cents(d: Decimal) -> i128 {
    let c = d * Decimal::from(100);
    assert_eq!(c.fract(), Decimal::ZERO, "{d} is whole cents");
    i128::from_str(&c.trunc().to_string()).unwrap()
}

/// A money cell: a number whose double is the nearest to the exact amount
/// and rounds back to exactly its cents.
fn money_cell(cell: &Data, exact: Decimal, what: &str) {
    let Data::Float(f) = cell else {
        panic!("{what}: a number cell, not {cell:?}")
    };
    assert_eq!(
        (f * 100.0).round() as i128,
        cents(exact),
        "{what}: {f} against {exact}"
    );
    assert_eq!(
        Decimal::from_str(&format!("{f:.2}")).unwrap(),
        exact,
        "{what}"
    );
    assert_eq!(
        *f,
        exact.to_string().parse::<f64>().unwrap(),
        "{what}: the nearest double"
    );
}

/// A date cell holding `iso`.
fn date_cell(cell: &Data, iso: &str, what: &str) {
    let Data::DateTime(d) = cell else {
        panic!("{what}: a date cell, not {cell:?}")
    };
    assert!(d.is_datetime(), "{what}");
    let day = NaiveDate::from_ymd_opt(1899, 12, 30).unwrap() + chrono::Days::new(d.as_f64() as u64);
    assert_eq!(day.to_string(), iso, "{what}");
}

fn header(r: &calamine::Range<Data>) -> Vec<String> {
    r.rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect()
}

fn streams(j: &Value) -> Vec<String> {
    j["advances"].as_object().unwrap().keys().cloned().collect()
}

/// The money of party `p` in `column` and `stream`, from the JSON.
fn party_money(p: &Value, column: &str, stream: &str) -> Decimal {
    dec(&p[column][stream])
}

#[test]
fn xlsx_ledger_equals_the_json_to_the_cent() {
    let j = json(GEMIST, AT, &[]);
    let bytes = workbook("all", GEMIST, AT, &[]);
    let (names, sheets) = sheets(&bytes);
    assert_eq!(names, ["milestones", "parties", "obligations"]);
    let streams = streams(&j);
    assert_eq!(streams, ["iza", "spuk"]);

    // Parties: one row each, every column per stream, then the totals row.
    let (values, formulas) = &sheets["parties"];
    let head = header(values);
    let parties = j["parties"].as_array().unwrap();
    assert_eq!(parties.len(), 18);
    let rows: Vec<&[Data]> = values.rows().collect();
    assert_eq!(rows.len(), 1 + 18 + 1, "header, 18 parties, totals");
    let mut cells = 0;
    for (i, p) in parties.iter().enumerate() {
        let row = rows[1 + i];
        assert_eq!(row[0].to_string(), p["id"].as_str().unwrap());
        for c in COLUMNS {
            for s in &streams {
                let col = head.iter().position(|h| *h == format!("{c}_{s}")).unwrap();
                money_cell(
                    &row[col],
                    party_money(p, c, s),
                    &format!("{} {c}_{s}", p["id"]),
                );
                cells += 1;
            }
        }
    }
    assert_eq!(cells, 18 * 7 * 2);
    // The totals row: SUM formulas whose cached value is the exact total of
    // the JSON's parties, and for the milestone columns the JSON's totals.
    let totals = rows[19];
    assert_eq!(totals[0].to_string(), "total");
    let formula_rows: Vec<&[String]> = formulas.rows().collect();
    let f_start = formulas.start().unwrap();
    let mut checked = 0;
    for c in COLUMNS {
        for s in &streams {
            let col = head.iter().position(|h| *h == format!("{c}_{s}")).unwrap();
            let sum: Decimal = parties.iter().map(|p| party_money(p, c, s)).sum();
            money_cell(&totals[col], sum, &format!("total {c}_{s}"));
            if let Some(t) = j["totals"].get(c) {
                assert_eq!(
                    dec(&t[s.as_str()]),
                    sum,
                    "parties and milestones agree on {c}_{s}"
                );
            }
            let f = &formula_rows[19 - f_start.0 as usize][col - f_start.1 as usize];
            let letter = (b'A' + col as u8) as char;
            assert_eq!(*f, format!("SUM({letter}2:{letter}19)"));
            checked += 1;
        }
    }
    assert_eq!(checked, 14);
    assert_eq!(
        dec(&j["totals"]["repayable"]["spuk"]),
        Decimal::from(3_273_000),
        "the SPUK of the 25 missed milestones"
    );

    // Milestones: numbers as numbers, dates as date cells, every money cell
    // as the JSON's.
    let (values, _) = &sheets["milestones"];
    let head = header(values);
    let ms = j["milestones"].as_array().unwrap();
    let rows: Vec<&[Data]> = values.rows().collect();
    assert_eq!(rows.len(), 1 + ms.len() + 1);
    let col = |name: &str| head.iter().position(|h| h == name).unwrap();
    for (i, m) in ms.iter().enumerate() {
        let row = rows[1 + i];
        assert_eq!(row[0], Data::Float(m["number"].as_f64().unwrap()));
        date_cell(&row[col("due")], m["due"].as_str().unwrap(), "due");
        match m["since"].as_str() {
            Some(since) => date_cell(&row[col("since")], since, "since"),
            None => assert_eq!(row[col("since")], Data::Empty),
        }
        assert_eq!(
            row[col("status")].to_string(),
            m["status"].as_str().unwrap()
        );
        for c in COLUMNS.iter().filter(|c| **c != "repaid") {
            for s in &streams {
                money_cell(
                    &row[col(&format!("{c}_{s}"))],
                    dec(&m[c][s.as_str()]),
                    &format!("milestone {} {c}_{s}", m["number"]),
                );
            }
        }
    }
    let totals = rows[1 + ms.len()];
    for c in COLUMNS.iter().filter(|c| **c != "repaid") {
        for s in &streams {
            money_cell(
                &totals[col(&format!("{c}_{s}"))],
                dec(&j["totals"][c][s.as_str()]),
                &format!("milestones total {c}_{s}"),
            );
        }
    }

    // Obligations: dates, amounts.
    let (values, _) = &sheets["obligations"];
    let head = header(values);
    let duties = j["obligations"].as_array().unwrap();
    assert!(!duties.is_empty());
    let rows: Vec<&[Data]> = values.rows().collect();
    assert_eq!(
        rows.len(),
        1 + duties.len(),
        "no totals row: pay and repay do not add"
    );
    let col = |name: &str| head.iter().position(|h| h == name).unwrap();
    for (i, d) in duties.iter().enumerate() {
        let row = rows[1 + i];
        date_cell(
            &row[col("due")],
            d["due"].as_str().unwrap(),
            "obligation due",
        );
        match d["amount"].as_str() {
            Some(_) => money_cell(&row[col("amount")], dec(&d["amount"]), "obligation"),
            None => assert_eq!(row[col("amount")], Data::Empty),
        }
    }
}

#[test]
fn xlsx_ledger_of_one_party() {
    let j = json(GEMIST, AT, &["--party", "enschede"]);
    let p = &j["party"];
    let all = json(GEMIST, AT, &[]);
    let bytes = workbook("party", GEMIST, AT, &["--party", "enschede"]);
    let (names, sheets) = sheets(&bytes);
    assert_eq!(names, ["milestones", "parties", "obligations"]);
    let streams = streams(&all);

    let (values, _) = &sheets["parties"];
    let head = header(values);
    let rows: Vec<&[Data]> = values.rows().collect();
    assert_eq!(rows.len(), 3, "header, enschede, totals");
    assert_eq!(rows[1][0].to_string(), "enschede");
    for c in COLUMNS {
        for s in &streams {
            let col = head.iter().position(|h| *h == format!("{c}_{s}")).unwrap();
            money_cell(&rows[1][col], party_money(p, c, s), &format!("{c}_{s}"));
            money_cell(
                &rows[2][col],
                party_money(p, c, s),
                &format!("total {c}_{s}"),
            );
        }
    }

    // Its lines per milestone: they add up to its totals.
    let (values, _) = &sheets["milestones"];
    let head = header(values);
    let lines = p["milestones"].as_array().unwrap();
    let rows: Vec<&[Data]> = values.rows().collect();
    assert_eq!(rows.len(), 1 + lines.len() + 1);
    for (i, l) in lines.iter().enumerate() {
        assert_eq!(rows[1 + i][0], Data::Float(l["number"].as_f64().unwrap()));
        for s in &streams {
            let col = head
                .iter()
                .position(|h| *h == format!("earned_{s}"))
                .unwrap();
            money_cell(&rows[1 + i][col], dec(&l["earned"][s.as_str()]), "line");
        }
    }
    for c in COLUMNS.iter().filter(|c| **c != "repaid") {
        for s in &streams {
            let col = head.iter().position(|h| *h == format!("{c}_{s}")).unwrap();
            money_cell(
                &rows[1 + lines.len()][col],
                party_money(p, c, s),
                &format!("lines total {c}_{s}"),
            );
        }
    }

    // The CSV of one party: its row, its lines.
    let run = evaluate(
        GEMIST,
        AT,
        &[
            "--format", "csv", "--table", "parties", "--party", "enschede",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout.lines().count(), 2, "{}", run.stdout);
    assert!(run.stdout.lines().nth(1).unwrap().starts_with("enschede,"));
    let run = evaluate(GEMIST, AT, &["--format", "csv", "--party", "enschede"]);
    assert_eq!(run.stdout.lines().count(), 1 + lines.len());

    let (values, _) = &sheets["obligations"];
    let theirs = all["obligations"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["party"] == "enschede")
        .count();
    assert!(theirs > 0);
    assert_eq!(values.rows().count(), 1 + theirs);
    assert!(values
        .rows()
        .skip(1)
        .all(|r| r[1] == Data::String("enschede".into())));
}

#[test]
fn xlsx_bytes_are_reproducible() {
    let first = workbook("same-1", GEMIST, AT, &[]);
    // rust_xlsxwriter stamps the document with the current time unless told
    // otherwise: a second later, the bytes must still be the same.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let second = workbook("same-2", GEMIST, AT, &[]);
    assert!(first == second, "the same evaluation, the same bytes");
    let other = workbook("same-3", GEMIST, "2028-03-31", &[]);
    assert!(first != other);
}

/// A CSV line split at `sep` outside quotes.
fn split(line: &str, sep: char) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                out.last_mut().unwrap().push('"');
            }
            '"' => quoted = !quoted,
            c if c == sep && !quoted => out.push(String::new()),
            c => out.last_mut().unwrap().push(c),
        }
    }
    out
}

/// The Excel CSV of one table: BOM stripped (and asserted), rows split at `;`.
fn excel_csv(facts: &str, at: &str, table: &str) -> Vec<Vec<String>> {
    let run = evaluate(
        facts,
        at,
        &[
            "--format",
            "csv",
            "--csv-dialect",
            "excel-nl",
            "--table",
            table,
        ],
    );
    assert!(run.code <= 1, "{}", run.stderr);
    let body = run
        .stdout
        .strip_prefix('\u{feff}')
        .unwrap_or_else(|| panic!("a UTF-8 byte-order mark first: {:?}", &run.stdout[..10]));
    assert!(!body.contains('\r'));
    body.lines().map(|l| split(l, ';')).collect()
}

/// A money field of the Excel CSV: digits, a decimal comma, two decimals;
/// no thousands separator.
fn nl_money(field: &str) -> Decimal {
    let ok = field
        .strip_prefix('-')
        .unwrap_or(field)
        .split_once(',')
        .is_some_and(|(int, dec)| {
            !int.is_empty()
                && int.chars().all(|c| c.is_ascii_digit())
                && dec.len() == 2
                && dec.chars().all(|c| c.is_ascii_digit())
        });
    assert!(
        ok,
        "a Dutch decimal without thousands separators: {field:?}"
    );
    Decimal::from_str(&field.replace(',', ".")).unwrap()
}

/// The dates a scenario names with `evaluate at`.
fn scenario_dates(facts: &str) -> Vec<String> {
    let text = common::read(root().join(facts));
    let line = text
        .lines()
        .find_map(|l| l.trim().strip_prefix("evaluate at "))
        .unwrap();
    line.split(',').map(|d| d.trim().to_string()).collect()
}

#[test]
fn excel_nl_csv_equals_the_json_on_every_twente_scenario() {
    let mut scenarios: Vec<String> = std::fs::read_dir(root().join(TWENTE_SCENARIOS))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "facts"))
        .map(|p| {
            format!(
                "{TWENTE_SCENARIOS}/{}",
                p.file_name().unwrap().to_str().unwrap()
            )
        })
        .collect();
    scenarios.sort();
    assert_eq!(scenarios.len(), 5);
    let mut compared = 0usize;
    for facts in &scenarios {
        for at in scenario_dates(facts) {
            let j = json(facts, &at, &[]);
            let what = format!("{facts} at {at}");

            let parties = excel_csv(facts, &at, "parties");
            let head = &parties[0];
            let js = j["parties"].as_array().unwrap();
            assert_eq!(parties.len(), 1 + js.len(), "{what}");
            for (row, p) in parties[1..].iter().zip(js) {
                assert_eq!(row.len(), head.len());
                assert_eq!(row[0], p["id"].as_str().unwrap());
                for (h, field) in head.iter().zip(row).skip(1) {
                    let (c, s) = h.split_once('_').unwrap();
                    assert_eq!(nl_money(field), party_money(p, c, s), "{what}: {h}");
                    compared += 1;
                }
            }

            let milestones = excel_csv(facts, &at, "milestones");
            let head = &milestones[0];
            let jm = j["milestones"].as_array().unwrap();
            assert_eq!(milestones.len(), 1 + jm.len(), "{what}");
            for (row, m) in milestones[1..].iter().zip(jm) {
                assert_eq!(row.len(), head.len(), "{what}: {row:?}");
                for (h, field) in head.iter().zip(row) {
                    match h.as_str() {
                        "number" => assert_eq!(field, &m["number"].to_string()),
                        "due" | "since" => {
                            assert_eq!(field, m[h.as_str()].as_str().unwrap_or(""), "ISO dates")
                        }
                        "status" | "reason" => {}
                        _ => {
                            let (c, s) = h.split_once('_').unwrap();
                            assert_eq!(nl_money(field), dec(&m[c][s]), "{what}: {h}");
                            compared += 1;
                        }
                    }
                }
            }

            let duties = excel_csv(facts, &at, "obligations");
            let jd = j["obligations"].as_array().unwrap();
            assert_eq!(duties.len(), 1 + jd.len(), "{what}");
            assert_eq!(
                duties[0],
                [
                    "due",
                    "party",
                    "kind",
                    "milestone",
                    "stream",
                    "amount",
                    "overdue",
                    "text"
                ]
            );
            for (row, d) in duties[1..].iter().zip(jd) {
                assert_eq!(row[0], d["due"].as_str().unwrap());
                assert_eq!(row[1], d["party"].as_str().unwrap());
                if let Some(a) = d["amount"].as_str() {
                    assert_eq!(nl_money(&row[5]), Decimal::from_str(a).unwrap());
                    compared += 1;
                }
            }
        }
    }
    assert!(compared > 5_000, "{compared} figures compared");
}

#[test]
fn plain_csv_stays_as_it_was() {
    let run = evaluate(GEMIST, AT, &["--format", "csv", "--table", "parties"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run
        .stdout
        .starts_with("party,earned_iza,earned_spuk,paid_iza,"));
    assert!(run.stdout.contains("\nenschede,"));
    let excel = evaluate(
        GEMIST,
        AT,
        &[
            "--format",
            "csv",
            "--csv-dialect",
            "excel-nl",
            "--table",
            "parties",
        ],
    );
    // The same table, only written for Excel.
    let converted: String = excel
        .stdout
        .trim_start_matches('\u{feff}')
        .lines()
        .map(|l| l.replace(',', ".").replace(';', ",") + "\n")
        .collect();
    assert_eq!(converted, run.stdout);
}

#[test]
fn flag_combinations_that_would_be_ignored_are_usage_errors() {
    let dir = scratch("ledger", "usage");
    let out = dir.join("x.xlsx");
    let out = out.to_str().unwrap();
    for (args, says) in [
        (vec!["--format", "xlsx"], "-o LEDGER.xlsx"),
        (
            vec!["--format", "json", "--csv-dialect", "excel-nl"],
            "--csv-dialect",
        ),
        (vec!["--csv-dialect", "excel-nl"], "--csv-dialect"),
        (
            vec!["--format", "xlsx", "-o", out, "--table", "parties"],
            "--table",
        ),
        (vec!["--format", "json", "--table", "parties"], "--table"),
        (
            vec!["--format", "csv", "--csv-dialect", "excel"],
            "excel-nl",
        ),
        (
            vec!["--format", "xlsx", "-o", out, "--party", "nobody"],
            "nobody",
        ),
    ] {
        let run = evaluate(GEMIST, AT, &args);
        assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
        assert!(run.stdout.is_empty(), "{args:?}");
        assert!(run.stderr.contains(says), "{args:?}: {}", run.stderr);
    }
    assert!(!Path::new(out).exists(), "nothing written on a usage error");
    // -o naming an input would replace the plan or the facts.
    let plan = std::fs::read(root().join(TWENTE_PLAN)).unwrap();
    for target in [TWENTE_PLAN, GEMIST] {
        let run = evaluate(GEMIST, AT, &["--format", "csv", "-o", target]);
        assert_eq!(run.code, 2, "{}", run.stderr);
        assert!(run.stderr.contains("names an input"), "{}", run.stderr);
    }
    assert_eq!(std::fs::read(root().join(TWENTE_PLAN)).unwrap(), plan);
}

/// An amount no spreadsheet number holds to the cent (more than 15
/// digits) refuses the workbook, exit 1, nothing written: never a rounded
/// figure. The JSON still has it exactly.
#[test]
fn a_figure_no_double_holds_refuses_the_workbook() {
    let dir = scratch("ledger", "huge");
    common::twente(
        &dir,
        |p| {
            let kpi14 = "due 2026-12-31\n      amount € 208.000 { iza € 98.500, spuk € 109.500 }\n      declared by kpi_tabel € 208 { iza € 98, spuk € 109 }\n      target count gesprekken from 2026-01-01 >= 650";
            common::replace_once(
                p,
                kpi14,
                &kpi14.replace(
                    "amount € 208.000 { iza € 98.500,",
                    "amount € 100.000.000.000.108.000 { iza € 99.999.999.999.998.500,",
                ),
            )
        },
        |r| r.to_string(),
    );
    let base = [
        "evaluate",
        "mgt.plan",
        "--at",
        "2026-06-01",
        "--achieved",
        "all",
    ];
    let run = mijlpaal(
        &dir,
        &[&base[..], &["--format", "xlsx", "-o", "l.xlsx"]].concat(),
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("cannot be held exactly by a spreadsheet number"),
        "{}",
        run.stderr
    );
    assert!(!dir.join("l.xlsx").exists());
    let run = mijlpaal(&dir, &[&base[..], &["--format", "json"]].concat());
    assert!(
        run.stdout.contains("\"99999999999998500.00\""),
        "{}",
        run.stderr
    );
}

/// A ledger evaluated from a draft with `--allow-errors` says so at the
/// top of every sheet and of the Excel CSV, as the other outputs do.
#[test]
fn a_draft_ledger_says_so() {
    let dir = scratch("ledger", "draft");
    common::twente(
        &dir,
        |p| {
            let kpi14 = "due 2026-12-31\n      amount € 208.000 { iza € 98.500, spuk € 109.500 }\n      declared by kpi_tabel € 208 { iza € 98, spuk € 109 }\n      target count gesprekken from 2026-01-01 >= 650";
            common::replace_once(p, kpi14, &kpi14.replace("spuk € 109.500", "spuk € 209.500"))
        },
        |r| r.to_string(),
    );
    let base = ["evaluate", "mgt.plan", "--at", "2026-06-01"];
    let run = mijlpaal(
        &dir,
        &[&base[..], &["--format", "xlsx", "-o", "l.xlsx"]].concat(),
    );
    assert_eq!(
        run.code, 1,
        "refused without --allow-errors: {}",
        run.stderr
    );
    assert!(!dir.join("l.xlsx").exists());
    let run = mijlpaal(
        &dir,
        &[
            &base[..],
            &["--allow-errors", "--format", "xlsx", "-o", "l.xlsx"],
        ]
        .concat(),
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let (names, sheets) = sheets(&std::fs::read(dir.join("l.xlsx")).unwrap());
    assert_eq!(names.len(), 3);
    for (name, (values, _)) in &sheets {
        let first = values.rows().next().unwrap()[0].to_string();
        assert!(
            first.starts_with("evaluated with --allow-errors"),
            "{name}: {first}"
        );
    }
    let run = mijlpaal(
        &dir,
        &[
            &base[..],
            &[
                "--allow-errors",
                "--format",
                "csv",
                "--csv-dialect",
                "excel-nl",
            ],
        ]
        .concat(),
    );
    assert!(
        run.stdout
            .starts_with("\u{feff}# evaluated with --allow-errors"),
        "{}",
        run.stdout
    );
}

#[cfg(unix)]
#[test]
fn output_never_goes_through_a_link() {
    let dir = scratch("ledger", "links");
    common::twente(&dir, |p| p.to_string(), |r| r.to_string());
    let outside = scratch("ledger", "links-outside");
    let victim = outside.join("victim.txt");
    common::write(&victim, "keep me");
    std::os::unix::fs::symlink(&victim, dir.join("ledger.xlsx")).unwrap();
    std::os::unix::fs::symlink(&outside, dir.join("out")).unwrap();
    let args = |o: &'static str| {
        vec![
            "evaluate",
            "mgt.plan",
            "--facts",
            "mgt/gemiste-resultaten-2026.facts",
            "--at",
            AT,
            "--format",
            "xlsx",
            "-o",
            o,
        ]
    };
    // The target is a link: refused, the file it points to untouched.
    let run = mijlpaal(&dir, &args("ledger.xlsx"));
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("I009"), "{}", run.stderr);
    assert_eq!(common::read(&victim), "keep me");
    // A linked directory inside the project does not carry the write out.
    let run = mijlpaal(&dir, &args("out/ledger.xlsx"));
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("outside the project"), "{}", run.stderr);
    assert!(!outside.join("ledger.xlsx").exists());
    // A plain file in the project is written by rename, and replaced again.
    let run = mijlpaal(&dir, &args("ledger-ok.xlsx"));
    assert_eq!(run.code, 0, "{}", run.stderr);
    let run = mijlpaal(&dir, &args("ledger-ok.xlsx"));
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(std::fs::read(dir.join("ledger-ok.xlsx"))
        .unwrap()
        .starts_with(b"PK"));
    // Any format can go to a file: the Excel CSV with its byte-order mark.
    let mut csv = args("ledger.csv");
    csv.truncate(csv.len() - 4);
    csv.extend([
        "--format",
        "csv",
        "--csv-dialect",
        "excel-nl",
        "-o",
        "ledger.csv",
    ]);
    let run = mijlpaal(&dir, &csv);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.is_empty());
    let bytes = std::fs::read(dir.join("ledger.csv")).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBFnumber;status;since;due;earned_iza;"));
    // A place the user names outside the project is theirs to choose.
    let elsewhere = outside.join("chosen.xlsx");
    let run = mijlpaal(
        &dir,
        &args(Box::leak(
            elsewhere.to_str().unwrap().to_string().into_boxed_str(),
        )),
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(elsewhere.exists());
}

/// The workbook opened by a spreadsheet program mijlpaal did not write:
/// LibreOffice converts its sheets to CSV (raw values, not as shown), and
/// every totals row must be the JSON's. LibreOffice may show the cached
/// totals of a file that says it comes from Excel without recalculating
/// them (its default); they are the exact totals, and the formulas behind
/// them are checked by `xlsx_ledger_equals_the_json_to_the_cent`. Skipped,
/// saying so, where LibreOffice is not installed.
#[test]
fn libreoffice_reads_the_same_totals() {
    let soffice = ["soffice", "libreoffice"].into_iter().find(|p| {
        std::process::Command::new("sh")
            .args(["-c", &format!("command -v {p}")])
            .output()
            .is_ok_and(|o| o.status.success())
    });
    let Some(soffice) = soffice else {
        println!("skipped: LibreOffice (soffice) is not installed; the workbook was read by calamine only");
        return;
    };
    let j = json(GEMIST, AT, &[]);
    workbook("libreoffice", GEMIST, AT, &[]);
    let dir = root().join("target/ledger/libreoffice");
    // Field separator `,`, quote `"`, UTF-8, from line 1; not "as shown",
    // so numbers come raw; every sheet to its own file (LibreOffice 7.2 and
    // later; older versions write the first sheet only).
    let filter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,false,false,false,-1";
    let out = std::process::Command::new(soffice)
        .args([
            "--headless",
            "--norestore",
            "--convert-to",
            filter,
            "--outdir",
        ])
        .arg(&dir)
        .arg(dir.join("ledger.xlsx"))
        .env("HOME", &dir)
        .env("LANG", "en_US.UTF-8")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "csv"))
        .collect();
    files.sort();
    assert!(
        !files.is_empty(),
        "LibreOffice wrote no CSV: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut compared = 0;
    for file in &files {
        let csv = common::read(file);
        let rows: Vec<Vec<String>> = csv.lines().map(|l| split(l, ',')).collect();
        let head = &rows[0];
        let Some(totals) = rows.iter().find(|r| r[0] == "total") else {
            continue;
        };
        for (h, field) in head.iter().zip(totals) {
            let Some((c, s)) = h.split_once('_') else {
                continue;
            };
            let want: Decimal = if head[0] == "party" {
                j["parties"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|p| party_money(p, c, s))
                    .sum()
            } else {
                dec(&j["totals"][c][s])
            };
            let got = Decimal::from_str(field).unwrap_or_else(|e| panic!("{h}: {field:?}: {e}"));
            assert_eq!(got.normalize(), want.normalize(), "{}: {h}", file.display());
            compared += 1;
        }
    }
    assert!(compared >= 12, "{compared} totals compared in {files:?}");
    println!(
        "LibreOffice read {compared} totals from {} CSV files",
        files.len()
    );
}
