//! Literals as the documents write them: Dutch numbers (`1.237.000`,
//! `98.500,50`), money (`€ 1.237.000`), percentages (`11,63%`) and ISO dates.
//!
//! The grammar accepts any plausible shape; these functions decide, and say
//! exactly what is wrong and how to write it instead.

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use crate::model::{Money, Percent};

/// What is wrong with a literal, and how to write it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LitError {
    pub code: &'static str,
    pub message: String,
    pub help: String,
}

fn err(code: &'static str, message: impl Into<String>, help: impl Into<String>) -> LitError {
    LitError {
        code,
        message: message.into(),
        help: help.into(),
    }
}

/// Most significant digits a decimal holds exactly.
const MAX_DIGITS: usize = 28;

/// Parses a Dutch-formatted number: `.` groups thousands, `,` starts decimals.
pub fn number(text: &str) -> Result<Decimal, LitError> {
    if let Some(d) = plain_whole(text) {
        return Ok(d);
    }
    let (int_part, frac_part) = match text.split_once(',') {
        Some((i, f)) => (i, Some(f)),
        None => (text, None),
    };
    if let Some(f) = frac_part {
        if f.contains(',') || f.contains('.') {
            return Err(err(
                "L001",
                crate::tr!("l001-message", text = text),
                crate::tr!("l001-help"),
            ));
        }
    }
    if int_part.contains('.') {
        let mut groups = int_part.split('.');
        let first_ok = matches!(groups.next().map(str::len), Some(1..=3));
        let rest_ok = groups.all(|g| g.len() == 3);
        if !first_ok || !rest_ok {
            let suggestion = text.replacen('.', ",", 1);
            return Err(err(
                "L001",
                crate::tr!("l001-dot-message", text = text),
                crate::tr!("l001-dot-help", suggestion = suggestion),
            ));
        }
    }
    let frac = frac_part.unwrap_or("");
    // What `Decimal` reads: the digits without group dots, then `.` and the
    // fraction, built in one string.
    let mut canonical = String::with_capacity(text.len());
    int_part.split('.').for_each(|g| canonical.push_str(g));
    if canonical
        .trim_start_matches('0')
        .len()
        .saturating_add(frac.len())
        > MAX_DIGITS
    {
        return Err(err(
            "L002",
            crate::tr!("l002-message", text = text),
            crate::tr!("l002-help", digits = MAX_DIGITS),
        ));
    }
    if !frac.is_empty() {
        canonical.push('.');
        canonical.push_str(frac);
    }
    Decimal::from_str_exact(&canonical).map_err(|_| {
        err(
            "L002",
            crate::tr!("l002-message", text = text),
            crate::tr!("l002-help", digits = MAX_DIGITS),
        )
    })
}

/// The common case, `14` or `1.237.000` (at most 18 digits, thousands
/// grouped correctly), without the allocations of `number`; `None` for
/// anything else, which `number` then decides. The same value either way.
fn plain_whole(text: &str) -> Option<Decimal> {
    let (mut value, mut digits, mut group, mut grouped) = (0u64, 0usize, 0usize, false);
    for b in text.bytes() {
        if b.is_ascii_digit() {
            value = value
                .checked_mul(10)?
                .checked_add(u64::from(b.wrapping_sub(b'0')))?;
            digits = digits.checked_add(1)?;
            group = group.checked_add(1)?;
        } else if b == b'.' && (group == 3 || (!grouped && (1..=3).contains(&group))) {
            (group, grouped) = (0, true);
        } else {
            return None;
        }
    }
    let last_ok = if grouped { group == 3 } else { group > 0 };
    (last_ok && digits <= 18).then(|| Decimal::from(value))
}

/// A whole number that fits in `u32` (milestone and component numbers).
pub fn whole(text: &str) -> Result<u32, LitError> {
    let d = number(text)?;
    if d.fract() != Decimal::ZERO {
        return Err(err(
            "L003",
            crate::tr!("l003-message", text = text),
            crate::tr!("l003-help"),
        ));
    }
    // A whole number: its fraction is zero, so truncating loses nothing.
    u32::try_from(d.trunc().mantissa()).map_err(|_| {
        err(
            "L002",
            crate::tr!("l002-whole-message", text = text),
            crate::tr!("l002-whole-help"),
        )
    })
}

/// Money: a number with at most two decimals (cents).
pub fn money(text: &str, suffix: bool) -> Result<Money, LitError> {
    if suffix {
        return Err(err(
            "L004",
            crate::tr!("l004-message", text = text),
            crate::tr!("l004-help"),
        ));
    }
    let d = number(text)?;
    if d.scale() > 2 {
        return Err(err(
            "L005",
            crate::tr!("l005-message", text = text),
            crate::tr!("l005-help"),
        ));
    }
    Ok(Money::new(d))
}

/// A percentage, keeping the precision it was written with (11,63% → 2 decimals).
pub fn percent(text: &str) -> Result<Percent, LitError> {
    number(text).map(Percent::new)
}

/// An ISO date. A Dutch `31-12-2026` or an impossible `2026-02-30` gets its own message.
pub fn date(text: &str) -> Result<NaiveDate, LitError> {
    if let Some(d) = plain_date(text) {
        return Ok(d);
    }
    let parts: Vec<&str> = text.split('-').collect();
    let [a, b, c] = parts.as_slice() else {
        return Err(err(
            "L006",
            crate::tr!("l006-message", text = text),
            crate::tr!("l006-help"),
        ));
    };
    if a.len() != 4 {
        let help = if c.len() == 4 && a.len() <= 2 && b.len() <= 2 {
            crate::tr!("l006-help-as", date = format!("{c}-{b:0>2}-{a:0>2}"))
        } else {
            crate::tr!("l006-help")
        };
        return Err(err(
            "L006",
            crate::tr!("l006-iso-message", text = text),
            help,
        ));
    }
    if b.len() != 2 || c.len() != 2 {
        return Err(err(
            "L006",
            crate::tr!("l006-iso-message", text = text),
            crate::tr!("l006-digits-help", date = format!("{a}-{b:0>2}-{c:0>2}")),
        ));
    }
    let (y, m, d) = match (a.parse::<i32>(), b.parse::<u32>(), c.parse::<u32>()) {
        (Ok(y), Ok(m), Ok(d)) => (y, m, d),
        _ => {
            return Err(err(
                "L006",
                crate::tr!("l006-message", text = text),
                crate::tr!("l006-help"),
            ))
        }
    };
    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| {
        let help = match NaiveDate::from_ymd_opt(y, m, 1) {
            Some(first) => crate::tr!(
                "l007-help",
                month = month_name(m),
                year = y.to_string(),
                days = days_in_month(first)
            ),
            None => crate::tr!("l007-month-help"),
        };
        err("L007", crate::tr!("l007-message", text = text), help)
    })
}

/// The common case, a valid `2026-12-31`, without the allocations of
/// `date`; `None` for anything else, which `date` then decides.
fn plain_date(text: &str) -> Option<NaiveDate> {
    let &[y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1] = text.as_bytes() else {
        return None;
    };
    let digits = |ds: &[u8]| {
        ds.iter().try_fold(0u32, |n, d| {
            d.is_ascii_digit()
                .then(|| {
                    n.checked_mul(10)?
                        .checked_add(u32::from(d.wrapping_sub(b'0')))
                })
                .flatten()
        })
    };
    let year = i32::try_from(digits(&[y0, y1, y2, y3])?).ok()?;
    NaiveDate::from_ymd_opt(year, digits(&[m0, m1])?, digits(&[d0, d1])?)
}

fn days_in_month(first: NaiveDate) -> u32 {
    // The last day of the month: the day before the first of the next.
    first
        .checked_add_months(chrono::Months::new(1))
        .and_then(|next| next.pred_opt())
        .map_or(31, |last| last.day())
}

/// The month's name in the current language (the catalogue selects on `m`).
fn month_name(m: u32) -> String {
    crate::tr!("month-name", month = m)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros_free::dec;

    mod rust_decimal_macros_free {
        macro_rules! dec {
            ($s:literal) => {
                <rust_decimal::Decimal as std::str::FromStr>::from_str($s).unwrap()
            };
        }
        pub(crate) use dec;
    }

    #[test]
    fn the_plain_cases_as_the_general_path_reads_them() {
        for text in [
            "0",
            "00",
            "7",
            "14",
            "1.237.000",
            "1.300",
            "654.153",
            "999999999999999999",
            "1.5",
            "1.2345",
            "1234.567",
            ".5",
            "5.",
            "1..000",
            "12.34.567",
            "1,5",
            "1.000,50",
            "0000000000000000000000000000000000000000",
            "18446744073709551616",
            "1-1",
            "",
        ] {
            if let Some(d) = plain_whole(text) {
                let general = Decimal::from_str_exact(&text.replace('.', "")).unwrap();
                assert_eq!(d, general, "{text}");
                assert_eq!(d.scale(), general.scale(), "{text}");
                assert_eq!(d.to_string(), general.to_string(), "{text}");
            }
        }
        assert!(plain_whole("1.5").is_none());
        assert!(plain_whole("1.000,50").is_none());
        for text in [
            "2026-12-31",
            "2026-02-30",
            "2024-02-29",
            "0000-01-01",
            "2026-1-01",
            "2026-00-10",
            "31-12-2026",
            "2026-12-3x",
        ] {
            let general = {
                let parts: Vec<&str> = text.split('-').collect();
                match parts.as_slice() {
                    [a, b, c] if a.len() == 4 && b.len() == 2 && c.len() == 2 => {
                        match (a.parse::<i32>(), b.parse::<u32>(), c.parse::<u32>()) {
                            (Ok(y), Ok(m), Ok(d)) => NaiveDate::from_ymd_opt(y, m, d),
                            _ => None,
                        }
                    }
                    _ => None,
                }
            };
            assert_eq!(plain_date(text), general, "{text}");
        }
    }

    #[test]
    fn numbers_from_the_documents() {
        assert_eq!(number("1.237.000").unwrap(), dec!("1237000"));
        assert_eq!(number("98.500,50").unwrap(), dec!("98500.50"));
        assert_eq!(number("654.153").unwrap(), dec!("654153"));
        assert_eq!(number("16.275").unwrap(), dec!("16275"));
        assert_eq!(number("1.300").unwrap(), dec!("1300"));
        assert_eq!(number("0").unwrap(), dec!("0"));
    }

    #[test]
    fn a_dot_that_is_not_a_thousands_separator_is_refused() {
        let e = number("1.5").unwrap_err();
        assert_eq!(e.code, "L001");
        assert!(e.help.contains("1,5"), "{}", e.help);
        assert!(number("12.34.567").is_err());
        assert!(number("1,5,0").is_err());
    }

    #[test]
    fn numbers_too_large_for_a_decimal_are_refused() {
        assert_eq!(
            number("99999999999999999999999999999999").unwrap_err().code,
            "L002"
        );
        assert_eq!(
            number("1,00000000000000000000000000001").unwrap_err().code,
            "L002"
        );
    }

    #[test]
    fn money_keeps_cents_exactly() {
        assert_eq!(
            money("98.500,50", false).unwrap().amount(),
            dec!("98500.50")
        );
        assert_eq!(money("1.237.000", false).unwrap().amount(), dec!("1237000"));
        assert_eq!(money("1,005", false).unwrap_err().code, "L005");
        let e = money("1.237.000", true).unwrap_err();
        assert_eq!(e.code, "L004");
        assert!(e.message.contains("€ 1.237.000"));
    }

    #[test]
    fn percentages_keep_their_declared_precision() {
        let p = percent("11,63").unwrap();
        assert_eq!(p.value(), dec!("11.63"));
        assert_eq!(p.value().scale(), 2);
        assert_eq!(percent("73").unwrap().value(), dec!("73"));
        assert_eq!(percent("100,00").unwrap().value().scale(), 2);
    }

    #[test]
    fn iso_dates_and_their_mistakes() {
        assert_eq!(
            date("2026-12-31").unwrap(),
            NaiveDate::from_ymd_opt(2026, 12, 31).unwrap()
        );
        let dutch = date("31-12-2026").unwrap_err();
        assert_eq!(dutch.help, "write dates as 2026-12-31");
        assert_eq!(
            date("1-1-2026").unwrap_err().help,
            "write dates as 2026-01-01"
        );
        let feb = date("2026-02-30").unwrap_err();
        assert_eq!(feb.code, "L007");
        assert_eq!(feb.help, "February 2026 has 28 days");
        assert_eq!(
            date("2028-02-30").unwrap_err().help,
            "February 2028 has 29 days"
        );
        assert_eq!(
            date("2026-13-01").unwrap_err().help,
            "months run from 01 to 12"
        );
        assert_eq!(
            date("2026-1-5").unwrap_err().help,
            "write month and day with two digits: 2026-01-05"
        );
    }
}
