//! Dutch public holidays and working days, computed, not listed by hand.
//!
//! The holidays are those of the Algemene termijnenwet (Atw), art. 3:
//! Nieuwjaarsdag, Goede Vrijdag (lid 2), tweede Paasdag, Koningsdag,
//! 5 mei, Hemelvaartsdag, tweede Pinksterdag and both Kerstdagen. Days that
//! a royal decree adds per three years (lid 3, e.g. the Friday after
//! Hemelvaartsdag) cannot be computed: a rule set declares them with
//! `non-working-day DATE`, and they are passed in as `extra`.
//!
//! All date arithmetic is checked: a date near the end of chrono's calendar
//! gives `None`, never a panic.

use chrono::{Datelike, Days, NaiveDate, Weekday};

/// Easter Sunday of `year` (anonymous Gregorian algorithm, Meeus/Jones/Butcher).
// PANIC SAFETY: chrono's years lie within ±262 143, so every intermediate
// value below stays under 10^7, far inside i32.
#[allow(clippy::arithmetic_side_effects)]
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
    if d.weekday() == Weekday::Sun {
        d.pred_opt()
    } else {
        Some(d)
    }
}

/// The Atw holidays of `year`, in date order, with their Dutch names.
pub fn holidays(year: i32) -> Vec<(NaiveDate, &'static str)> {
    let mut out = Vec::new();
    let fixed = |m: u32, d: u32| NaiveDate::from_ymd_opt(year, m, d);
    if let Some(d) = fixed(1, 1) {
        out.push((d, "Nieuwjaarsdag"));
    }
    if let Some(e) = easter(year) {
        let movable = [
            (e.checked_sub_days(Days::new(2)), "Goede Vrijdag"),
            (e.checked_add_days(Days::new(1)), "Tweede Paasdag"),
            (e.checked_add_days(Days::new(39)), "Hemelvaartsdag"),
            (e.checked_add_days(Days::new(50)), "Tweede Pinksterdag"),
        ];
        out.extend(movable.into_iter().filter_map(|(d, n)| Some((d?, n))));
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

/// Whether `date` is a working day: not a Saturday, Sunday, Atw holiday or
/// one of the `extra` days put on a par with them by decree.
pub fn is_working_day(date: NaiveDate, extra: &[NaiveDate]) -> bool {
    !matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
        && holiday(date).is_none()
        && !extra.contains(&date)
}

/// The first working day on or after `date` (Atw art. 1: a term ending on a
/// Saturday, Sunday or holiday runs until the next working day). `None` only
/// past the end of the calendar.
pub fn next_working_day(date: NaiveDate, extra: &[NaiveDate]) -> Option<NaiveDate> {
    let mut d = date;
    // Without extra days no run of non-working days is longer than 4; each
    // declared day can lengthen a run by one at most.
    for _ in 0..=extra.len().saturating_add(7) {
        if is_working_day(d, extra) {
            return Some(d);
        }
        d = d.succ_opt()?;
    }
    Some(d)
}

/// `YYYY-MM-DD` of a date in the years 0 to 9999 (as chrono writes them:
/// four digits, no sign), without the formatting machinery: every date an
/// evaluation shows; `None` for a year outside them.
pub fn iso_date(d: NaiveDate) -> Option<[u8; 10]> {
    let year = u32::try_from(d.year()).ok().filter(|y| *y <= 9999)?;
    let digit = |n: u32| b"0123456789".get(usize::try_from(n % 10).ok()?).copied();
    Some([
        digit(year / 1000)?,
        digit(year / 100)?,
        digit(year / 10)?,
        digit(year)?,
        b'-',
        digit(d.month() / 10)?,
        digit(d.month())?,
        b'-',
        digit(d.day() / 10)?,
        digit(d.day())?,
    ])
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
        let next = |date| next_working_day(date, &[]);
        assert_eq!(next(d(2026, 1, 28)), Some(d(2026, 1, 28)));
        // 2027-04-24 is a Saturday: Monday the 26th.
        assert_eq!(next(d(2027, 4, 24)), Some(d(2027, 4, 26)));
        // Christmas 2027 is a Saturday, Boxing day a Sunday: Monday 27th.
        assert_eq!(next(d(2027, 12, 25)), Some(d(2027, 12, 27)));
        // Goede Vrijdag 2026-04-03, weekend, Tweede Paasdag 04-06: Tuesday 04-07.
        assert_eq!(next(d(2026, 4, 3)), Some(d(2026, 4, 7)));
    }

    #[test]
    fn declared_days_count_as_holidays() {
        // Hemelvaartsdag 2026-05-14; the Friday after it declared by decree:
        // a deadline on Thursday runs to Monday 2026-05-18.
        let decree = [d(2026, 5, 15)];
        assert_eq!(
            next_working_day(d(2026, 5, 14), &decree),
            Some(d(2026, 5, 18))
        );
        assert!(!is_working_day(d(2026, 5, 15), &decree));
        assert!(is_working_day(d(2026, 5, 15), &[]));
    }

    #[test]
    fn the_end_of_the_calendar_is_not_a_panic() {
        // Would panic with unchecked `+ Duration`: the calendar's last and first days.
        for date in [NaiveDate::MAX, NaiveDate::MIN] {
            let next = next_working_day(date, &[]);
            assert!(next.is_none_or(|n| n >= date));
            assert!(!holidays(date.year()).is_empty());
        }
    }
}
