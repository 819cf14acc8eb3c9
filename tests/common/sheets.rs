//! The Mijlpalenformat fixtures, generated at test time (no binaries in the
//! repository): the Twente sheet from its seed text
//! `tests/fixtures/mijlpalenformat/twente.tsv` (all 47 rows, the two payee
//! columns that hold money and the 28 empty payee column pairs), laid out
//! as messily as real sheets are; and a small sheet with planted errors.

use std::path::Path;

use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Workbook, Worksheet};

/// The 30 payee numbers of the Twente sheet, in its column order
/// (001 r. 743-1002); only DNR.000041 and DNR.000514 hold amounts.
pub const PAYEES: [&str; 30] = [
    "DNR.000041",
    "DNR.000047",
    "DNR.000548",
    "DNR.000442",
    "DNR.000475",
    "DNR.000495",
    "DNR.000529",
    "DNR.000545",
    "DNR.000556",
    "DNR.000591",
    "DNR.000626",
    "DNR.000652",
    "DNR.000688",
    "DNR.000689",
    "DNR.000731",
    "DNR.001478",
    "DNR.001573",
    "DNR.001371",
    "DNR.000031",
    "DNR.001614",
    "DNR.001615",
    "DNR.001616",
    "DNR.001617",
    "DNR.001618",
    "DNR.001619",
    "DNR.001620",
    "DNR.001621",
    "DNR.001622",
    "DNR.001623",
    "DNR.000514",
];

/// One row of the seed text.
#[derive(Debug, Clone)]
pub struct Seed {
    pub naam: String,
    pub text: String,
    pub date: String,
    pub obligation: String,
    pub evidence: Vec<String>,
    pub total: Option<u64>,
    pub explanation: String,
    pub iza: Option<u64>,
    pub spuk: Option<u64>,
}

pub fn seed() -> Vec<Seed> {
    let text = super::read(super::root().join("tests/fixtures/mijlpalenformat/twente.tsv"));
    let num = |s: &str| (!s.is_empty()).then(|| s.parse::<u64>().unwrap());
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            assert_eq!(c.len(), 9, "{l}");
            Seed {
                naam: c[0].into(),
                text: c[1].into(),
                date: c[2].into(),
                obligation: c[3].into(),
                evidence: c[4]
                    .split(" | ")
                    .filter(|e| !e.is_empty())
                    .map(String::from)
                    .collect(),
                total: num(c[5]),
                explanation: c[6].into(),
                iza: num(c[7]),
                spuk: num(c[8]),
            }
        })
        .collect()
}

/// Breaks a text over lines of about `width` characters, at single spaces
/// only, so that joining the lines with a space gives the text back.
pub fn wrap(text: &str, width: usize) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::new();
    let mut col = 0;
    for (i, c) in chars.iter().enumerate() {
        let single = *c == ' '
            && chars.get(i + 1).is_some_and(|n| *n != ' ')
            && i > 0
            && chars[i - 1] != ' ';
        if single && col >= width {
            out.push('\n');
            col = 0;
        } else {
            out.push(*c);
            col += 1;
        }
    }
    out
}

/// Dutch thousands: 1237000 → "1.237.000".
pub fn dutch(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push('.');
        }
        out.push(c);
    }
    out
}

fn header(ws: &mut Worksheet, row: u32, payees: &[&str]) {
    let wrap = Format::new().set_text_wrap().set_bold();
    let fixed = [
        "Naam",
        "Omschrijving",
        "Geplande datum \n(d-m-jjjj)",
        "Resultaatverplichting/Inspanning\nsverplichting",
        "Verwachte bewijslast",
        "Totaalbedrag (in hele \neuro’s)",
        "Toelichting bedrag",
    ];
    for (c, h) in fixed.iter().enumerate() {
        ws.write_string_with_format(row, c as u16, *h, &wrap)
            .unwrap();
    }
    for (i, p) in payees.iter().enumerate() {
        let c = 7 + 2 * i as u16;
        ws.write_string_with_format(row, c, format!("{p} - \nMonitoring"), &wrap)
            .unwrap();
        ws.write_string_with_format(row, c + 1, format!("{p} - \nBetaling"), &wrap)
            .unwrap();
    }
}

fn date_cell(ws: &mut Worksheet, row: u32, col: u16, dmy: &str) {
    let p: Vec<u32> = dmy.split('-').map(|x| x.parse().unwrap()).collect();
    let d = ExcelDateTime::from_ymd(p[2] as u16, p[1] as u8, p[0] as u8).unwrap();
    ws.write_datetime_with_format(row, col, d, &Format::new().set_num_format("d-m-yyyy"))
        .unwrap();
}

/// The sheet row (0-based) of each seed row in [`twente_xlsx`], and of its totals row.
pub struct Layout {
    pub rows: Vec<u32>,
    pub totals: u32,
}

/// Writes the Twente Mijlpalenformat: two title rows, a header row with
/// line breaks inside its cells, a spacer row between components, `Naam`
/// left empty below the first row of a component now and then (as merged
/// cells read), dates alternately as date cells and as text `30-6-2025`,
/// totals alternately as numbers, `1.237.000€` and `€ 1.237.000`, long
/// texts broken over lines, and a totals row of SUM formulas.
pub fn twente_xlsx(path: &Path) -> Layout {
    let rows = seed();
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name("Mijlpalen").unwrap();
    ws.write_string(0, 0, "Mijlpalenformat Mentaal Gezond Twente")
        .unwrap();
    ws.write_string(1, 0, "Bijlage 3 bij de Overeenkomst Transformatieplan")
        .unwrap();
    header(ws, 3, &PAYEES);
    let iza_col = 7 + 1;
    let spuk_col = 7 + 2 * 29 + 1;
    let mut r = 3;
    let mut layout = Layout {
        rows: Vec::new(),
        totals: 0,
    };
    let mut last_naam = String::new();
    let money = Format::new().set_num_format("#,##0\\ \"€\"");
    for (i, s) in rows.iter().enumerate() {
        r += 1;
        if !last_naam.is_empty() && s.naam != last_naam {
            r += 1; // a spacer row between components
        }
        layout.rows.push(r);
        if s.naam != last_naam || i % 3 != 1 {
            ws.write_string(r, 0, &s.naam).unwrap();
        }
        last_naam = s.naam.clone();
        ws.write_string(r, 1, wrap(&s.text, 60)).unwrap();
        if i % 2 == 0 {
            date_cell(ws, r, 2, &s.date);
        } else {
            ws.write_string(r, 2, &s.date).unwrap();
        }
        ws.write_string(r, 3, &s.obligation).unwrap();
        if !s.evidence.is_empty() {
            ws.write_string(
                r,
                4,
                s.evidence
                    .iter()
                    .map(|e| wrap(e, 50))
                    .collect::<Vec<_>>()
                    .join("\n"),
            )
            .unwrap();
        }
        if let Some(t) = s.total {
            match i % 3 {
                0 => ws
                    .write_number_with_format(r, 5, t as f64, &money)
                    .map(|_| ())
                    .unwrap(),
                1 => ws
                    .write_string(r, 5, format!("{}€", dutch(t)))
                    .map(|_| ())
                    .unwrap(),
                _ => ws
                    .write_string(r, 5, format!("€ {}", dutch(t)))
                    .map(|_| ())
                    .unwrap(),
            }
        }
        if !s.explanation.is_empty() {
            ws.write_string(r, 6, wrap(&s.explanation, 25)).unwrap();
        }
        if let Some(v) = s.iza {
            ws.write_number_with_format(r, iza_col, v as f64, &money)
                .unwrap();
        }
        if let Some(v) = s.spuk {
            ws.write_number_with_format(r, spuk_col, v as f64, &money)
                .unwrap();
        }
    }
    r += 1;
    layout.totals = r;
    ws.write_string(r, 0, "Totaal").unwrap();
    let first = layout.rows[0] + 1;
    let last = r; // 1-based number of the row above
    let sum = |f: fn(&Seed) -> Option<u64>| rows.iter().filter_map(f).sum::<u64>();
    for (col, letters, value) in [
        (5u16, "F", sum(|s| s.total)),
        (iza_col, "I", sum(|s| s.iza)),
        (spuk_col, "BM", sum(|s| s.spuk)),
    ] {
        let f = Formula::new(format!("=SUM({letters}{first}:{letters}{last})"))
            .set_result(value.to_string());
        ws.write_formula_with_format(r, col, f, &money).unwrap();
    }
    book.save(path).unwrap();
    layout
}

/// A small sheet with one planted error per row (and one in the totals
/// row); returns (code, cell) of each, in sheet order.
pub fn errors_xlsx(path: &Path) -> Vec<(&'static str, &'static str)> {
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name("Mijlpalen").unwrap();
    ws.write_string(0, 0, "Mijlpalenformat met fouten").unwrap();
    header(ws, 1, &["DNR.000041", "DNR.000514"]);
    // Columns: A Naam, B Omschrijving, C datum, D verplichting, E bewijs, F totaal,
    // G toelichting, H/I DNR.000041 Monitoring/Betaling, J/K DNR.000514.
    let row = |ws: &mut Worksheet, r: u32, text: &str, date: &str, ob: &str| {
        ws.write_string(r, 0, "0. Programma").unwrap();
        ws.write_string(r, 1, text).unwrap();
        ws.write_string(r, 2, date).unwrap();
        ws.write_string(r, 3, ob).unwrap();
    };
    // Row 3: a date that does not exist.
    row(ws, 2, "Eerste", "31-6-2026", "Inspanningsverplichting");
    ws.write_number(2, 5, 100.0).unwrap();
    ws.write_number(2, 8, 100.0).unwrap();
    // Row 4: an unknown obligation word.
    row(ws, 3, "Tweede", "30-6-2026", "Misschienverplichting");
    ws.write_number(3, 5, 100.0).unwrap();
    ws.write_number(3, 8, 100.0).unwrap();
    // Row 5: payees that do not add up to the total.
    row(ws, 4, "Derde", "30-6-2026", "Resultaatverplichting");
    ws.write_number(4, 5, 1000.0).unwrap();
    ws.write_number(4, 8, 600.0).unwrap();
    ws.write_number(4, 10, 300.0).unwrap();
    // Row 6: an amount that is no amount.
    row(ws, 5, "Vierde", "30-6-2026", "Resultaatverplichting");
    ws.write_string(5, 5, "ongeveer 5 ton").unwrap();
    // Row 7: a number that is not a whole number of cents.
    row(ws, 6, "Vijfde", "30-6-2026", "Resultaatverplichting");
    ws.write_number(6, 5, 1000.005).unwrap();
    // Row 8: an escape sequence inside the text.
    row(
        ws,
        7,
        "Zesde \u{1b}[31mrood",
        "30-6-2026",
        "Inspanningsverplichting",
    );
    ws.write_number(7, 5, 100.0).unwrap();
    ws.write_number(7, 8, 100.0).unwrap();
    // Row 9: an amount in a Monitoring column.
    row(ws, 8, "Zevende", "30-6-2026", "Inspanningsverplichting");
    ws.write_number(8, 5, 100.0).unwrap();
    ws.write_number(8, 8, 100.0).unwrap();
    ws.write_number(8, 9, 50.0).unwrap();
    // Row 11 (after a spacer): the totals row, wrong for DNR.000041.
    ws.write_string(10, 0, "Totaal").unwrap();
    ws.write_number(10, 8, 700.0).unwrap();
    ws.write_number(10, 10, 300.0).unwrap();
    book.save(path).unwrap();
    vec![
        ("X003", "Mijlpalen!C3"),
        ("X005", "Mijlpalen!D4"),
        ("X006", "Mijlpalen!F5"),
        ("X004", "Mijlpalen!F6"),
        ("X004", "Mijlpalen!F7"),
        ("X010", "Mijlpalen!B8"),
        ("X011", "Mijlpalen!J9"),
        ("X007", "Mijlpalen!I11"),
    ]
}
