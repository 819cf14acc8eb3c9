//! Dutch public holidays and working days, computed, not listed by hand.
//!
//! The holidays are those of the Algemene termijnenwet (Atw), art. 3:
//! Nieuwjaarsdag, Goede Vrijdag (lid 2), tweede Paasdag, Koningsdag,
//! 5 mei, Hemelvaartsdag, tweede Pinksterdag and both Kerstdagen. Days that
//! a royal decree adds per three years (lid 3, e.g. the Friday after
//! Hemelvaartsdag) cannot be computed and are not included.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

/// Easter Sunday of `year` (anonymous Gregorian algorithm, Meeus/Jones/Butcher).
pub fn easter(year: i32) -> Option<NaiveDate> {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32)
}

/// Koningsdag: 27 April, or the 26th when the 27th is a Sunday (since 2014).
fn kings_day(year: i32) -> Option<NaiveDate> {
    let d = NaiveDate::from_ymd_opt(year, 4, 27)?;
    Some(if d.weekday() == Weekday::Sun {
        d - Duration::days(1)
    } else {
        d
    })
}

/// The Atw holidays of `year`, in date order, with their Dutch names.
pub fn holidays(year: i32) -> Vec<(NaiveDate, &'static str)> {
    let mut out = Vec::new();
    let fixed = |m: u32, d: u32| NaiveDate::from_ymd_opt(year, m, d);
    if let Some(d) = fixed(1, 1) {
        out.push((d, "Nieuwjaarsdag"));
    }
    if let Some(e) = easter(year) {
        out.push((e - Duration::days(2), "Goede Vrijdag"));
        out.push((e + Duration::days(1), "Tweede Paasdag"));
        out.push((e + Duration::days(39), "Hemelvaartsdag"));
        out.push((e + Duration::days(50), "Tweede Pinksterdag"));
    }
    if let Some(d) = kings_day(year) {
        out.push((d, "Koningsdag"));
    }
    if let Some(d) = fixed(5, 5) {
        out.push((d, "Bevrijdingsdag"));
    }
    if let Some(d) = fixed(12, 25) {
        out.push((d, "Eerste Kerstdag"));
    }
    if let Some(d) = fixed(12, 26) {
        out.push((d, "Tweede Kerstdag"));
    }
    out.sort();
    out
}

/// The holiday on `date`, if it is one.
pub fn holiday(date: NaiveDate) -> Option<&'static str> {
    holidays(date.year())
        .into_iter()
        .find(|(d, _)| *d == date)
        .map(|(_, n)| n)
}

pub fn is_working_day(date: NaiveDate) -> bool {
    !matches!(date.weekday(), Weekday::Sat | Weekday::Sun) && holiday(date).is_none()
}

/// The first working day on or after `date` (Atw art. 1: a term ending on a
/// Saturday, Sunday or holiday runs until the next working day).
pub fn next_working_day(date: NaiveDate) -> NaiveDate {
    let mut d = date;
    // At most a handful of iterations: no run of non-working days is longer than 4.
    for _ in 0..14 {
        if is_working_day(d) {
            return d;
        }
        d += Duration::days(1);
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn easter_dates() {
        assert_eq!(easter(2024), Some(d(2024, 3, 31)));
        assert_eq!(easter(2025), Some(d(2025, 4, 20)));
        assert_eq!(easter(2026), Some(d(2026, 4, 5)));
        assert_eq!(easter(2027), Some(d(2027, 3, 28)));
        assert_eq!(easter(2028), Some(d(2028, 4, 16)));
    }

    #[test]
    fn holidays_of_2026() {
        let h: Vec<NaiveDate> = holidays(2026).into_iter().map(|(d, _)| d).collect();
        assert_eq!(
            h,
            vec![
                d(2026, 1, 1),
                d(2026, 4, 3),
                d(2026, 4, 6),
                d(2026, 4, 27),
                d(2026, 5, 5),
                d(2026, 5, 14),
                d(2026, 5, 25),
                d(2026, 12, 25),
                d(2026, 12, 26)
            ]
        );
    }

    #[test]
    fn kings_day_moves_off_sunday() {
        // 27 April 2025 is a Sunday.
        assert_eq!(holiday(d(2025, 4, 26)), Some("Koningsdag"));
        assert_eq!(holiday(d(2025, 4, 27)), None);
    }

    #[test]
    fn deadlines_move_to_the_next_working_day() {
        // 2026-01-28 is a Wednesday: unchanged.
        assert_eq!(next_working_day(d(2026, 1, 28)), d(2026, 1, 28));
        // 2027-04-24 is a Saturday: Monday the 26th.
        assert_eq!(next_working_day(d(2027, 4, 24)), d(2027, 4, 26));
        // Christmas 2027 is a Saturday, Boxing day a Sunday: Monday 27th.
        assert_eq!(next_working_day(d(2027, 12, 25)), d(2027, 12, 27));
        // Goede Vrijdag 2026-04-03, weekend, Tweede Paasdag 04-06: Tuesday 04-07.
        assert_eq!(next_working_day(d(2026, 4, 3)), d(2026, 4, 7));
    }
}
