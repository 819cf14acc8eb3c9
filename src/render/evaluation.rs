//! Evaluation results as text tables, JSON and CSV, and one milestone's
//! trace (`explain-milestone`).

use std::collections::HashMap;

use crate::eval::{amount_of, Column, Duty, Evaluation, MilestoneResult, PartyResult, PerStream};
use crate::model::{Cite, MilestoneNo, Money, Plan, StreamId};
use crate::render::ledger::{self, Cell, Dialect, Kind, Labels, Table};
use crate::render::shown_json::ShownJson;

/// A sum shown in a table: exact, or "too large" when no decimal holds it
/// (the ledger reports such party totals as E011).
fn sum(v: &PerStream) -> Shown {
    Shown(Money::checked_sum(v.iter().map(|(_, m)| *m)))
}

/// A total that may not fit, as text: `€ 1.000`, or "too large" (in JSON
/// such a total is null: see `write_json`).
struct Shown(Option<Money>);

impl std::fmt::Display for Shown {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.0 {
            Some(m) => write!(f, "{m}"),
            None => f.write_str(&crate::tr!("eval-too-large")),
        }
    }
}

/// A citation, owned (a milestone's) or shared (a duty's).
fn cite_text<C: std::borrow::Borrow<Cite>>(c: &Option<C>) -> String {
    c.as_ref()
        .map(|c| c.borrow())
        .map(|c| format!("{} ({})", c.clause, c.citation))
        .unwrap_or_default()
}

// ------------------------------------------------------------------ JSON

/// The shape of `evaluate --format json`, versioned: a tool reading it
/// checks this before anything else. Documented in docs/language.md
/// ("Evaluation JSON"); raised when a key is removed or changes meaning.
pub const SCHEMA: &str = "mijlpaal-evaluation/1";

/// Amounts per stream, keyed by stream.
type StreamsView<'a> = std::collections::BTreeMap<&'a str, String>;

fn streams_view(v: &PerStream) -> StreamsView<'_> {
    v.iter().map(|(s, m)| (s.as_str(), m.to_plain())).collect()
}

#[derive(serde::Serialize)]
struct CiteView<'a> {
    citation: &'a str,
    clause: &'a str,
}

fn cite_view<C: std::borrow::Borrow<Cite>>(c: &Option<C>) -> Option<CiteView<'_>> {
    c.as_ref().map(|c| c.borrow()).map(|c| CiteView {
        citation: c.citation.as_str(),
        clause: c.clause,
    })
}

/// A column that is always there, serialized per stream as it is needed.
struct Streams<'a>(&'a PerStream);

impl serde::Serialize for Streams<'_> {
    /// The map of [`streams_view`], written straight from the column when
    /// its streams are in key order already (as a plan's usually are), so
    /// that no map and no text per amount is made for each of the
    /// milestones' columns: the same JSON.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap as _;
        let ordered = self
            .0
            .windows(2)
            .all(|w| matches!(w, [a, b] if a.0.as_str() < b.0.as_str()));
        if !ordered {
            return streams_view(self.0).serialize(s);
        }
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (stream, amount) in self.0 {
            map.serialize_entry(stream.as_str(), &Plain(*amount))?;
        }
        map.end()
    }
}

/// A value serialized as the string of its `Display` (as `to_string()`
/// gives it), without making the string.
struct Text<T>(T);

impl<T: std::fmt::Display> serde::Serialize for Text<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        serialize_shown(&self.0, s)
    }
}

/// Serializes the text of `value` as one string: made on the stack when it
/// is short (dates and amounts always are), so that it reaches the
/// serializer in one piece rather than in the many a `Display` writes.
fn serialize_shown<S: serde::Serializer>(
    value: &impl std::fmt::Display,
    s: S,
) -> Result<S::Ok, S::Error> {
    use std::fmt::Write as _;
    let mut short = Short::default();
    match write!(short, "{value}") {
        Ok(()) => s.serialize_str(short.as_str()),
        Err(_) => s.collect_str(value),
    }
}

/// A short text on the stack; writing more than it holds is an error.
struct Short {
    bytes: [u8; 64],
    len: usize,
}

impl Default for Short {
    fn default() -> Self {
        Short {
            bytes: [0; 64],
            len: 0,
        }
    }
}

impl Short {
    fn as_str(&self) -> &str {
        self.bytes
            .get(..self.len)
            .and_then(|b| std::str::from_utf8(b).ok())
            .unwrap_or_default()
    }
}

impl std::fmt::Write for Short {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        let end = self.len.checked_add(s.len()).ok_or(std::fmt::Error)?;
        let slot = self.bytes.get_mut(self.len..end).ok_or(std::fmt::Error)?;
        slot.copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

/// An amount in its machine form ([`Money::to_plain`]), serialized as a
/// string without making one.
pub(crate) struct Plain(pub(crate) Money);

impl std::fmt::Display for Plain {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // As `to_plain`: two decimals, then the decimal's own text.
        let mut d = self.0.amount();
        d.rescale(2);
        write!(f, "{d}")
    }
}

impl serde::Serialize for Plain {
    /// Most amounts are zero (most columns of most milestones), and nearly
    /// all are whole cents: their text is written straight from the cents
    /// ([`Cents`]), the rest through `Decimal`'s own text.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let d = self.0.amount();
        if d.is_zero() && d.is_sign_positive() {
            return s.serialize_str("0.00");
        }
        match Cents::of(d) {
            Some(text) => s.serialize_str(text.as_str()),
            None => serialize_shown(self, s),
        }
    }
}

/// The text of an amount of whole cents as [`Money::to_plain`] writes it
/// (`-1234.05`, `0.00`, `-0.00` for a negative zero), made from the end.
struct Cents {
    bytes: [u8; 24],
    start: usize,
}

const DIGITS: &[u8; 10] = b"0123456789";

impl Cents {
    /// The text of `d` rescaled to two decimals, when that is exact (no
    /// nonzero digit beyond the cents) and the cents fit in a `u64`; `None`
    /// otherwise, for `Decimal`'s own text (rounding, or a decimal too
    /// large to take two decimals).
    fn of(d: rust_decimal::Decimal) -> Option<Cents> {
        let magnitude = d.mantissa().unsigned_abs();
        let cents = match 2u32.checked_sub(d.scale()) {
            Some(up) => magnitude.checked_mul(10u128.checked_pow(up)?)?,
            None => {
                let unit = 10u128.checked_pow(d.scale().checked_sub(2)?)?;
                if magnitude.checked_rem(unit)? != 0 {
                    return None;
                }
                magnitude.checked_div(unit)?
            }
        };
        Some(Cents::text(
            d.is_sign_negative(),
            u64::try_from(cents).ok()?,
        ))
    }

    /// `cents` as units, a point and two decimals, after a `-` if `negative`.
    fn text(negative: bool, cents: u64) -> Cents {
        let mut t = Cents {
            bytes: [0; 24],
            start: 24,
        };
        t.push_digit(cents % 10);
        t.push_digit(cents / 10 % 10);
        t.push(b'.');
        let mut units = cents / 100;
        loop {
            t.push_digit(units % 10);
            units /= 10;
            if units == 0 {
                break;
            }
        }
        if negative {
            t.push(b'-');
        }
        t
    }

    fn push_digit(&mut self, digit: u64) {
        let digit = usize::try_from(digit).ok().and_then(|d| DIGITS.get(d));
        self.push(digit.copied().unwrap_or(b'?'));
    }

    /// Puts `b` before the text. A `u64` has at most 20 digits: the 24
    /// bytes always hold the text.
    fn push(&mut self, b: u8) {
        if let Some(start) = self.start.checked_sub(1) {
            if let Some(slot) = self.bytes.get_mut(start) {
                *slot = b;
                self.start = start;
            }
        }
    }

    fn as_str(&self) -> &str {
        self.bytes
            .get(self.start..)
            .and_then(|b| std::str::from_utf8(b).ok())
            .unwrap_or_default()
    }
}

/// A date serialized as chrono's `Display` writes it (`2027-01-31`):
/// directly for the years 0 to 9999, through chrono for any other.
struct Day(chrono::NaiveDate);

impl serde::Serialize for Day {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match crate::model::calendar::iso_date(self.0) {
            Some(text) => s.serialize_str(std::str::from_utf8(&text).unwrap_or_default()),
            None => serialize_shown(&self.0, s),
        }
    }
}

#[derive(serde::Serialize)]
struct MeasuredView<'a> {
    met: Option<bool>,
    target: &'a str,
    text: &'a str,
    value: Option<Text<rust_decimal::Decimal>>,
}

#[derive(serde::Serialize)]
struct MilestoneView<'a> {
    assessment_deadline: Option<Day>,
    cite: Option<CiteView<'a>>,
    due: Option<Day>,
    earned: Streams<'a>,
    exposure: Streams<'a>,
    lapsed: Streams<'a>,
    #[serde(serialize_with = "serialize_measured")]
    measured: &'a [crate::eval::Measured],
    number: crate::model::MilestoneNo,
    outstanding: Streams<'a>,
    paid: Streams<'a>,
    reason: &'a str,
    repayable: Streams<'a>,
    since: Option<Day>,
    status: &'static str,
}

fn serialize_measured<S: serde::Serializer>(
    v: &&[crate::eval::Measured],
    s: S,
) -> Result<S::Ok, S::Error> {
    s.collect_seq(v.iter().map(|x| MeasuredView {
        met: x.met,
        target: &x.target,
        text: &x.text,
        value: x.value.map(|v| Text(v.normalize())),
    }))
}

impl<'a> MilestoneView<'a> {
    fn of(m: &'a MilestoneResult) -> Self {
        MilestoneView {
            assessment_deadline: m.assessment_deadline.map(Day),
            cite: cite_view(&m.cite),
            due: m.due.map(Day),
            earned: Streams(&m.earned),
            exposure: Streams(&m.exposure),
            lapsed: Streams(&m.lapsed),
            measured: &m.measured,
            number: m.number,
            outstanding: Streams(&m.outstanding),
            paid: Streams(&m.paid),
            reason: &m.reason,
            repayable: Streams(&m.repayable),
            since: m.since.map(Day),
            status: m.status.as_str(),
        }
    }
}

#[derive(serde::Serialize)]
struct PartyView<'a> {
    earned: Streams<'a>,
    exposure: Streams<'a>,
    id: &'a str,
    lapsed: Streams<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    milestones: Option<Vec<PartyLineView<'a>>>,
    outstanding: Streams<'a>,
    paid: Streams<'a>,
    repaid: Streams<'a>,
    repayable: Streams<'a>,
}

#[derive(serde::Serialize)]
struct PartyLineView<'a> {
    earned: Streams<'a>,
    exposure: Streams<'a>,
    lapsed: Streams<'a>,
    number: crate::model::MilestoneNo,
    outstanding: Streams<'a>,
    paid: Streams<'a>,
    repayable: Streams<'a>,
}

impl<'a> PartyView<'a> {
    fn of(p: &'a PartyResult, lines: bool) -> Self {
        PartyView {
            earned: Streams(&p.earned),
            exposure: Streams(&p.exposure),
            id: &p.id,
            lapsed: Streams(&p.lapsed),
            milestones: lines.then(|| {
                p.lines
                    .iter()
                    .map(|l| PartyLineView {
                        earned: Streams(&l.earned),
                        exposure: Streams(&l.exposure),
                        lapsed: Streams(&l.lapsed),
                        number: l.milestone,
                        outstanding: Streams(&l.outstanding),
                        paid: Streams(&l.paid),
                        repayable: Streams(&l.repayable),
                    })
                    .collect()
            }),
            outstanding: Streams(&p.outstanding),
            paid: Streams(&p.paid),
            repaid: Streams(&p.repaid),
            repayable: Streams(&p.repayable),
        }
    }
}

#[derive(serde::Serialize)]
struct DutyView<'a> {
    amount: Option<Plain>,
    cite: Option<CiteView<'a>>,
    due: Day,
    kind: &'static str,
    milestone: Option<crate::model::MilestoneNo>,
    overdue: bool,
    party: &'a str,
    stream: Option<&'a StreamId>,
    text: &'a str,
}

/// A sequence serialized item by item from a slice.
struct Seq<'a, T, V>(&'a [T], fn(&'a T) -> V);

impl<'a, T, V: serde::Serialize> serde::Serialize for Seq<'a, T, V> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(self.1))
    }
}

fn duty_view(d: &Duty) -> DutyView<'_> {
    DutyView {
        amount: d.amount.map(Plain),
        cite: cite_view(&d.cite),
        due: Day(d.due),
        kind: d.kind.as_str(),
        milestone: d.milestone,
        overdue: d.overdue,
        party: &d.party,
        stream: d.stream.as_ref(),
        text: &d.text,
    }
}

#[derive(serde::Serialize)]
struct EvaluationView<'a> {
    advances: Streams<'a>,
    at: String,
    horizon_days: u32,
    milestones: Seq<'a, MilestoneResult, MilestoneView<'a>>,
    obligations: Seq<'a, Duty, DutyView<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    overridden: Vec<&'a str>,
    parties: Seq<'a, PartyResult, PartyView<'a>>,
    plan: &'a str,
    schema: &'static str,
    totals: std::collections::BTreeMap<
        &'static str,
        std::collections::BTreeMap<&'a str, Option<String>>,
    >,
    version: &'static str,
}

#[derive(serde::Serialize)]
struct PartyEvaluationView<'a> {
    at: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    overridden: Vec<&'a str>,
    party: PartyView<'a>,
}

fn party_view(p: &PartyResult) -> PartyView<'_> {
    PartyView::of(p, false)
}

/// Writes `evaluate --format json` to `out` as it is serialized (views with
/// their fields in alphabetical order, pretty-printed, a line break at the
/// end), with the gate's `notice` (if any) as `"overridden": [lines]`. The
/// one definition of the evaluation JSON's shape (docs/language.md).
pub fn write_json(
    e: &Evaluation,
    notice: &str,
    out: &mut impl std::io::Write,
) -> std::io::Result<()> {
    let mut ser = serde_json::Serializer::pretty(&mut *out);
    serialize_json(e, notice, &mut ser)?;
    out.write_all(b"\n")
}

/// [`write_json`] as the CLI shows it: hidden characters as JSON escapes,
/// in the same pass, by a serializer of our own (`render::shown_json`); the
/// same bytes as `escape::json` of [`write_json`]'s output.
pub fn write_json_shown(
    e: &Evaluation,
    notice: &str,
    out: &mut impl std::io::Write,
) -> std::io::Result<()> {
    serialize_json(e, notice, &mut ShownJson::new(&mut *out))?;
    out.write_all(b"\n")
}

fn serialize_json<S: serde::Serializer<Ok = (), Error = serde_json::Error>>(
    e: &Evaluation,
    notice: &str,
    ser: S,
) -> std::io::Result<()> {
    use serde::Serialize as _;
    let totals = crate::eval::timeline::milestone_totals(&e.streams, &e.milestones)
        .into_iter()
        .map(|(c, per)| {
            let per = e
                .streams
                .iter()
                .zip(per)
                .map(|(s, (_, total))| (s.as_str(), total.map(|m| m.to_plain())))
                .collect();
            (c.name(), per)
        })
        .collect();
    let view = EvaluationView {
        advances: Streams(&e.advances),
        at: e.at.to_string(),
        horizon_days: e.horizon_days,
        milestones: Seq(&e.milestones, MilestoneView::of),
        obligations: Seq(&e.obligations, duty_view),
        overridden: notice.lines().collect(),
        parties: Seq(&e.parties, party_view),
        plan: &e.plan,
        schema: SCHEMA,
        totals,
        version: env!("CARGO_PKG_VERSION"),
    };
    view.serialize(ser).map_err(std::io::Error::from)
}

/// Writes `evaluate --party ID --format json` as [`write_json`] does;
/// `Ok(false)`, and nothing written, when the party is not in the evaluation.
pub fn write_party_json(
    e: &Evaluation,
    id: &str,
    notice: &str,
    out: &mut impl std::io::Write,
) -> std::io::Result<bool> {
    let mut ser = serde_json::Serializer::pretty(&mut *out);
    if !serialize_party_json(e, id, notice, &mut ser)? {
        return Ok(false);
    }
    out.write_all(b"\n")?;
    Ok(true)
}

/// [`write_party_json`] as the CLI shows it, hidden characters escaped (see
/// [`write_json_shown`]).
pub fn write_party_json_shown(
    e: &Evaluation,
    id: &str,
    notice: &str,
    out: &mut impl std::io::Write,
) -> std::io::Result<bool> {
    if !serialize_party_json(e, id, notice, &mut ShownJson::new(&mut *out))? {
        return Ok(false);
    }
    out.write_all(b"\n")?;
    Ok(true)
}

/// The one party's view through `ser`; `Ok(false)` for a party not in the
/// evaluation (nothing written).
fn serialize_party_json<S: serde::Serializer<Ok = (), Error = serde_json::Error>>(
    e: &Evaluation,
    id: &str,
    notice: &str,
    ser: S,
) -> std::io::Result<bool> {
    use serde::Serialize as _;
    let Some(view) = party_evaluation_view(e, id, notice) else {
        return Ok(false);
    };
    view.serialize(ser).map_err(std::io::Error::from)?;
    Ok(true)
}

fn party_evaluation_view<'a>(
    e: &'a Evaluation,
    id: &str,
    notice: &'a str,
) -> Option<PartyEvaluationView<'a>> {
    let p = e.parties.iter().find(|p| p.id == id)?;
    Some(PartyEvaluationView {
        at: e.at.to_string(),
        overridden: notice.lines().collect(),
        party: PartyView::of(p, true),
    })
}

// ------------------------------------------------------------------ text

/// A party's money columns, in the order of [`Column::ALL`].
fn party_columns(p: &PartyResult) -> Vec<&PerStream> {
    Column::ALL.iter().map(|c| p.column(*c)).collect()
}

/// A table of party money: a first column, then every money column.
fn party_table(first: &str, rows: &[Vec<String>]) -> String {
    let headers: Vec<String> = std::iter::once(first)
        .map(String::from)
        .chain(Column::ALL.iter().map(|c| c.word()))
        .collect();
    let right: Vec<bool> = std::iter::once(false)
        .chain(Column::ALL.iter().map(|_| true))
        .collect();
    table(&headers, rows, &right)
}

/// A plain table: columns padded to their widest cell, numbers right-aligned.
pub(crate) fn table(headers: &[String], rows: &[Vec<String>], right: &[bool]) -> String {
    let mut widths: Vec<usize> = headers.iter().map(|h| h.chars().count()).collect();
    for r in rows {
        for (i, c) in r.iter().enumerate() {
            if let Some(w) = widths.get_mut(i) {
                *w = (*w).max(c.chars().count());
            }
        }
    }
    let line = |cells: &[String]| {
        let mut out = String::new();
        for (i, c) in cells.iter().enumerate() {
            let w = widths.get(i).copied().unwrap_or(0);
            let pad = w.saturating_sub(c.chars().count());
            if i > 0 {
                out.push_str("  ");
            }
            if right.get(i).copied().unwrap_or(false) {
                out.push_str(&" ".repeat(pad));
                out.push_str(c);
            } else {
                out.push_str(c);
                if i.saturating_add(1) < cells.len() {
                    out.push_str(&" ".repeat(pad));
                }
            }
        }
        out.trim_end().to_string() + "\n"
    };
    let mut out = line(headers);
    out.push_str(&line(
        &widths.iter().map(|w| "─".repeat(*w)).collect::<Vec<_>>(),
    ));
    for r in rows {
        out.push_str(&line(r));
    }
    out
}

fn amount(v: &PerStream, s: &crate::model::StreamId) -> String {
    v.iter()
        .find(|(x, _)| x == s)
        .map(|(_, m)| m.to_string())
        .unwrap_or_default()
}

pub fn text(e: &Evaluation, plan: &Plan) -> String {
    let mut out = crate::tr!(
        "eval-title",
        title = plan.title,
        plan = plan.id,
        date = e.at
    );
    out.push_str("\n\n");
    out.push_str(&crate::tr!("eval-heading-milestones"));
    out.push('\n');
    let mut headers: Vec<String> = vec![
        "#".into(),
        crate::tr!("eval-header-status"),
        crate::tr!("eval-header-due"),
    ];
    for s in &e.streams {
        headers.push(crate::tr!("eval-header-earned-in", stream = s));
    }
    // After earned per stream, the milestone's other columns in total;
    // outstanding is earned - paid, so it is left to the totals line.
    let summed = [
        Column::Paid,
        Column::Repayable,
        Column::Exposure,
        Column::Lapsed,
    ];
    headers.extend(summed.iter().map(|c| c.word()));
    headers.push(crate::tr!("eval-header-reason"));
    let mut right = vec![true, false, false];
    right.extend(e.streams.iter().map(|_| true));
    right.extend(summed.iter().map(|_| true));
    right.push(false);
    let rows: Vec<Vec<String>> = e
        .milestones
        .iter()
        .map(|m| {
            let mut r = vec![
                m.number.to_string(),
                m.status.word(),
                m.due.map(|d| d.to_string()).unwrap_or_default(),
            ];
            r.extend(e.streams.iter().map(|s| amount(&m.earned, s)));
            let measured: Vec<&str> = m.measured.iter().map(|x| x.text.as_str()).collect();
            let reason = if measured.is_empty() {
                m.reason.clone()
            } else {
                format!("{}; {}", m.reason, measured.join("; "))
            };
            r.extend(
                summed
                    .iter()
                    .map(|c| m.column(*c).map(|v| sum(v).to_string()).unwrap_or_default()),
            );
            r.push(reason);
            r
        })
        .collect();
    out.push_str(&table(&headers, &rows, &right));
    let totals: Vec<String> = Column::MILESTONE
        .iter()
        .map(|c| {
            let total = e
                .milestones
                .iter()
                .filter_map(|m| m.column(*c).map(|v| sum(v).0))
                .try_fold(Money::ZERO, |acc, m| acc.checked_add(m?));
            format!("{} {}", c.word(), Shown(total))
        })
        .collect();
    out.push_str(&crate::tr!("eval-total-line", totals = totals.join(", ")));
    out.push_str("\n\n");
    out.push_str(&crate::tr!("eval-heading-parties"));
    out.push('\n');
    let rows: Vec<Vec<String>> = e
        .parties
        .iter()
        .map(|p| {
            std::iter::once(p.id.clone())
                .chain(party_columns(p).iter().map(|v| sum(v).to_string()))
                .collect()
        })
        .collect();
    out.push_str(&party_table(&crate::tr!("eval-header-party"), &rows));
    out.push('\n');
    out.push_str(&crate::tr!(
        "eval-heading-obligations-until",
        date = e.horizon_end(),
        days = e.horizon_days
    ));
    out.push('\n');
    if e.obligations.is_empty() {
        out.push_str(&crate::tr!("eval-none"));
        out.push('\n');
    } else {
        let headers: Vec<String> = vec![
            crate::tr!("eval-header-due"),
            crate::tr!("eval-header-party"),
            crate::tr!("eval-header-kind"),
            "#".to_string(),
            crate::tr!("eval-header-amount"),
            crate::tr!("eval-header-what"),
            crate::tr!("eval-header-clause"),
        ];
        let rows: Vec<Vec<String>> = e
            .obligations
            .iter()
            .map(|d| {
                vec![
                    format!("{}{}", d.due, overdue(d.overdue)),
                    d.party.to_string(),
                    d.kind.label(),
                    d.milestone.map(|m| m.to_string()).unwrap_or_default(),
                    d.amount.map(|a| a.to_string()).unwrap_or_default(),
                    d.text.to_string(),
                    cite_text(&d.cite),
                ]
            })
            .collect();
        out.push_str(&table(
            &headers,
            &rows,
            &[false, false, false, true, true, false, false],
        ));
    }
    out
}

/// ` (overdue)` after the due date of an obligation that is, else nothing.
fn overdue(overdue: bool) -> String {
    if overdue {
        crate::tr!("eval-overdue")
    } else {
        String::new()
    }
}

// ------------------------------------------------------------------ tables (CSV, workbook)

/// The money cells of one column, one per stream in plan order.
fn money_cells<'a>(streams: &'a [StreamId], v: &'a PerStream) -> impl Iterator<Item = Cell> + 'a {
    streams.iter().map(|s| Cell::Money(amount_of(v, s)))
}

fn date_cell(d: Option<chrono::NaiveDate>) -> Cell {
    d.map_or(Cell::Empty, Cell::Date)
}

/// The headers of a table and which of them hold money: `first`, then
/// each of `columns` per stream, then `last`.
fn headers(
    e: &Evaluation,
    l: &Labels,
    first: &[&str],
    columns: &[Column],
    last: &[&str],
) -> (Vec<String>, Vec<bool>) {
    let mut head: Vec<String> = first.iter().map(|h| h.to_string()).collect();
    let mut money = vec![false; head.len()];
    for c in columns {
        for s in &e.streams {
            head.push(l.money(*c, s));
            money.push(true);
        }
    }
    head.extend(last.iter().map(|h| h.to_string()));
    money.resize(head.len(), false);
    (head, money)
}

/// The milestones by number (the first of a number, as a search in order
/// finds it): a party's lines are looked up here, one per milestone.
fn by_number(milestones: &[MilestoneResult]) -> HashMap<MilestoneNo, &MilestoneResult> {
    let mut out = HashMap::with_capacity(milestones.len());
    for m in milestones {
        out.entry(m.number).or_insert(m);
    }
    out
}

/// One table of the evaluation, typed: the milestones (number, status,
/// since, due, every milestone column per stream, reason), the parties
/// (every column per stream) or the obligations. With `party`, only that
/// party: its lines per milestone, its row, its obligations; `None` when
/// the evaluation has no such party. The plain CSV, the Excel CSV and the
/// workbook are all drawn from these tables.
pub fn ledger_table(e: &Evaluation, kind: Kind, party: Option<&str>, l: &Labels) -> Option<Table> {
    let chosen = match party {
        Some(id) => Some(e.parties.iter().find(|p| p.id == id)?),
        None => None,
    };
    let t = match kind {
        Kind::Milestones => {
            let (headers, money) = headers(
                e,
                l,
                &[&l.number, &l.status, &l.since, &l.due],
                &Column::MILESTONE,
                &[&l.reason],
            );
            let row = |m: &MilestoneResult, column: &dyn Fn(Column) -> Option<PerStream>| {
                let mut r = vec![
                    Cell::Whole(m.number.0),
                    Cell::Text(m.status.as_str().to_string()),
                    date_cell(m.since),
                    date_cell(m.due),
                ];
                for v in Column::MILESTONE.iter().filter_map(|c| column(*c)) {
                    r.extend(money_cells(&e.streams, &v));
                }
                r.push(Cell::Text(m.reason.clone()));
                r
            };
            let rows = match chosen {
                None => e
                    .milestones
                    .iter()
                    .map(|m| row(m, &|c| m.column(c).cloned()))
                    .collect(),
                Some(p) => {
                    let by_number = by_number(&e.milestones);
                    p.lines
                        .iter()
                        .filter_map(|line| {
                            let m = by_number.get(&line.milestone)?;
                            Some(row(m, &|c| line.column(c).cloned()))
                        })
                        .collect()
                }
            };
            Table {
                kind,
                headers,
                money,
                rows,
                totals: true,
            }
        }
        Kind::Parties => {
            let (headers, money) = headers(e, l, &[&l.party], &Column::ALL, &[]);
            let rows = e
                .parties
                .iter()
                .filter(|p| chosen.is_none_or(|c| c.id == p.id))
                .map(|p| {
                    let mut r = vec![Cell::Text(p.id.clone())];
                    for c in Column::ALL {
                        r.extend(money_cells(&e.streams, p.column(c)));
                    }
                    r
                })
                .collect();
            Table {
                kind,
                headers,
                money,
                rows,
                totals: true,
            }
        }
        Kind::Obligations => {
            let headers: Vec<String> = [
                &l.due,
                &l.party,
                &l.kind,
                &l.milestone,
                &l.stream,
                &l.amount,
                &l.overdue,
                &l.text,
            ]
            .map(String::from)
            .to_vec();
            let money = headers.iter().map(|h| *h == l.amount).collect();
            let rows = e
                .obligations
                .iter()
                .filter(|d| chosen.is_none_or(|c| *c.id == *d.party))
                .map(|d| {
                    vec![
                        Cell::Date(d.due),
                        Cell::Text(d.party.to_string()),
                        Cell::Text(d.kind.as_str().to_string()),
                        d.milestone.map_or(Cell::Empty, |m| Cell::Whole(m.0)),
                        d.stream
                            .as_ref()
                            .map_or(Cell::Empty, |s| Cell::Text(s.to_string())),
                        d.amount.map_or(Cell::Empty, Cell::Money),
                        Cell::Bool(d.overdue),
                        Cell::Text(d.text.to_string()),
                    ]
                })
                .collect();
            Table {
                kind,
                headers,
                money,
                rows,
                totals: false,
            }
        }
    };
    Some(t)
}

/// Every table of the evaluation (or of one party), in the order
/// milestones, parties, obligations.
pub fn tables(e: &Evaluation, party: Option<&str>, l: &Labels) -> Option<Vec<Table>> {
    Kind::ALL
        .iter()
        .map(|k| ledger_table(e, *k, party, l))
        .collect()
}

/// CSV of one table in a dialect; money in plain decimals (a decimal comma
/// in the Excel dialect). `None` when `party` is not in the evaluation.
pub fn csv(e: &Evaluation, kind: Kind, party: Option<&str>, dialect: Dialect) -> Option<String> {
    // The plain CSV is a machine format: English headers in every language.
    let labels = match dialect {
        Dialect::Plain => ledger::english(),
        Dialect::ExcelNl => Labels::current(),
    };
    ledger_table(e, kind, party, &labels).map(|t| ledger::csv(&t, dialect))
}

// ------------------------------------------------------------------ trace

/// `explain-milestone`: the milestone, its status and every step with the clause it rests on.
pub fn trace(e: &Evaluation, plan: &Plan, number: crate::model::MilestoneNo) -> Option<String> {
    let m = e.milestones.iter().find(|m| m.number == number)?;
    // The milestone as it stands at the evaluation date (amendments applied).
    let now = plan.as_of(e.at);
    let pm = now.milestone(number)?;
    let mut out = crate::tr!(
        "eval-trace-title",
        milestone = m.number,
        obligation = pm.obligation.label(),
        component = pm.component,
        text = pm.text
    );
    out.push('\n');
    out.push_str(&crate::tr!(
        "eval-trace-status",
        date = e.at,
        status = m.status.word(),
        reason = m.reason
    ));
    if let Some(c) = &m.cite {
        out.push_str(&format!(" [{} ({})]", c.clause, c.citation));
    }
    out.push_str("\n\n");
    out.push_str(&crate::tr!("eval-heading-trace"));
    out.push('\n');
    for s in &m.trace {
        let date = s
            .date
            .map(|d| d.to_string())
            .unwrap_or_else(|| "          ".into());
        let cite = s
            .cite
            .as_ref()
            .map(|c| format!("  [{} ({})]", c.clause, c.citation))
            .unwrap_or_default();
        out.push_str(&format!("  {date}  {}{cite}\n", s.text));
    }
    if !m.measured.is_empty() {
        out.push('\n');
        out.push_str(&crate::tr!("eval-heading-targets"));
        out.push('\n');
        for x in &m.measured {
            out.push_str(&format!("  {}: {}\n", x.target, x.text));
        }
    }
    out.push('\n');
    out.push_str(&crate::tr!("eval-heading-money"));
    out.push('\n');
    let stream = crate::tr!("eval-header-stream");
    let headers: Vec<String> = [stream.clone(), crate::tr!("eval-header-amount")]
        .into_iter()
        .chain(Column::MILESTONE.iter().map(|c| c.word()))
        .collect();
    let rows: Vec<Vec<String>> = e
        .streams
        .iter()
        .map(|s| {
            [s.to_string(), pm.stream_amount(s).to_string()]
                .into_iter()
                .chain(
                    Column::MILESTONE
                        .iter()
                        .filter_map(|c| m.column(*c))
                        .map(|v| amount(v, s)),
                )
                .collect()
        })
        .collect();
    let right: Vec<bool> = headers.iter().map(|h| *h != stream).collect();
    out.push_str(&table(&headers, &rows, &right));
    Some(out)
}

// ------------------------------------------------------------------ one party

/// `evaluate --party ID`: one party's money, in total and per milestone,
/// with each milestone's status and the clause it rests on.
pub fn party_text(e: &Evaluation, plan: &Plan, id: &str) -> Option<String> {
    let p = e.parties.iter().find(|p| p.id == id)?;
    let name = plan
        .parties
        .iter()
        .find(|x| x.id.as_str() == id)
        .map(|x| x.name.as_str())
        .unwrap_or(id);
    let mut out = crate::tr!(
        "eval-party-title",
        name = name,
        party = id,
        title = plan.title,
        date = e.at
    );
    out.push_str("\n\n");
    let mut rows: Vec<Vec<String>> = e
        .streams
        .iter()
        .map(|s| {
            std::iter::once(s.to_string())
                .chain(party_columns(p).iter().map(|v| amount(v, s)))
                .collect()
        })
        .collect();
    rows.push(
        std::iter::once(crate::tr!("eval-total"))
            .chain(party_columns(p).iter().map(|v| sum(v).to_string()))
            .collect(),
    );
    out.push_str(&party_table("", &rows));
    out.push('\n');
    out.push_str(&crate::tr!("eval-heading-per-milestone"));
    out.push('\n');
    let (status, why) = (
        crate::tr!("eval-header-status"),
        crate::tr!("eval-header-why"),
    );
    let headers: Vec<String> = ["#".to_string(), status.clone()]
        .into_iter()
        .chain(Column::MILESTONE.iter().map(|c| c.word()))
        .chain([why.clone()])
        .collect();
    let line_columns = |l: &'_ crate::eval::PartyLine| -> Vec<Shown> {
        Column::MILESTONE
            .iter()
            .filter_map(|c| l.column(*c))
            .map(sum)
            .collect()
    };
    let by_number = by_number(&e.milestones);
    let rows: Vec<Vec<String>> = p
        .lines
        .iter()
        .filter(|l| line_columns(l).iter().any(|v| v.0 != Some(Money::ZERO)))
        .map(|l| {
            let m = by_number.get(&l.milestone);
            let why = m
                .map(|m| match &m.cite {
                    Some(c) => format!("{} [{} ({})]", m.reason, c.clause, c.citation),
                    None => m.reason.clone(),
                })
                .unwrap_or_default();
            [
                l.milestone.to_string(),
                m.map(|m| m.status.word()).unwrap_or_default(),
            ]
            .into_iter()
            .chain(line_columns(l).iter().map(|v| v.to_string()))
            .chain([why])
            .collect()
        })
        .collect();
    let right: Vec<bool> = headers.iter().map(|h| *h != status && *h != why).collect();
    out.push_str(&table(&headers, &rows, &right));
    let duties: Vec<&Duty> = e.obligations.iter().filter(|d| &*d.party == id).collect();
    if !duties.is_empty() {
        out.push('\n');
        out.push_str(&crate::tr!("eval-heading-obligations"));
        out.push('\n');
        for d in duties {
            out.push_str(&format!(
                "  {}{}  {}  [{}]\n",
                d.due,
                overdue(d.overdue),
                d.text,
                cite_text(&d.cite)
            ));
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Datelike as _;
    use proptest::prelude::any;
    use rust_decimal::Decimal;

    /// What `Plain` serializes `d` as: the JSON string of the amount.
    fn plain_json(d: Decimal) -> String {
        serde_json::to_string(&Plain(Money::new(d))).unwrap()
    }

    /// What it serialized as before `Cents`: the JSON of `to_plain`.
    fn to_plain_json(d: Decimal) -> String {
        serde_json::to_string(&Money::new(d).to_plain()).unwrap()
    }

    /// A decimal of any sign and scale: small mantissas (real amounts,
    /// zero, negative zero), any `u64`, any 96-bit mantissa.
    fn decimal() -> impl proptest::strategy::Strategy<Value = Decimal> {
        use proptest::prelude::*;
        let mantissa = prop_oneof![
            4 => 0u128..100_000_000,
            2 => any::<u64>().prop_map(u128::from),
            2 => 0u128..(1u128 << 96),
            1 => Just(0u128),
            1 => Just((1u128 << 96) - 1),
        ];
        (mantissa, any::<bool>(), 0u32..=28).prop_map(|(m, negative, scale)| {
            let part = |shift: u32| (m >> shift) as u32;
            let mut d = Decimal::from_parts(part(0), part(32), part(64), false, scale);
            // Not through `from_parts`, which makes a negative zero positive.
            d.set_sign_negative(negative);
            d
        })
    }

    proptest::proptest! {
        /// The text written from the cents is `to_plain`'s, for every
        /// decimal the fast path takes and every one it leaves.
        #[test]
        fn cents_are_to_plain(d in decimal()) {
            proptest::prop_assert_eq!(plain_json(d), to_plain_json(d));
            if let Some(text) = Cents::of(d) {
                proptest::prop_assert_eq!(text.as_str(), Money::new(d).to_plain());
            }
        }

        /// Whole cents times a power of ten, at a scale that makes them
        /// whole cents again (`12.3400`): the exact case beyond two decimals.
        #[test]
        fn cents_with_trailing_zeros_are_to_plain(
            (cents, extra) in proptest::prop_oneof![
                (any::<i64>(), 0u32..=9),
                (-1_000_000i64..1_000_000, 0u32..=22),
            ],
        ) {
            let mantissa = i128::from(cents).checked_mul(10i128.pow(extra)).unwrap();
            let d = Decimal::from_i128_with_scale(mantissa, extra.checked_add(2).unwrap());
            proptest::prop_assert!(Cents::of(d).is_some());
            proptest::prop_assert_eq!(plain_json(d), to_plain_json(d));
        }

        /// Every date chrono holds is written as its `Display`.
        #[test]
        fn days_are_chrono_display(
            days in chrono::NaiveDate::MIN.num_days_from_ce()..=chrono::NaiveDate::MAX.num_days_from_ce(),
        ) {
            let d = chrono::NaiveDate::from_num_days_from_ce_opt(days).unwrap();
            let shown = serde_json::to_string(&Day(d)).unwrap();
            proptest::prop_assert_eq!(shown, serde_json::to_string(&d.to_string()).unwrap());
        }
    }

    #[test]
    fn cents_edge_cases_are_to_plain() {
        let mut cases = vec![
            Decimal::ZERO,
            -Decimal::ZERO,
            Decimal::from_parts(0, 0, 0, true, 28),
            Decimal::from_parts(0, 0, 0, true, 2),
            Decimal::from_parts(0, 0, 0, false, 5),
            Decimal::MAX,
            Decimal::MIN,
            Decimal::new(1, 28),
            Decimal::new(-1, 28),
            Decimal::new(5, 3),
            Decimal::new(-5, 3),
            Decimal::new(-15, 3),
            Decimal::new(1, 2),
            Decimal::new(-1, 2),
            Decimal::new(-99, 2),
            Decimal::new(100, 2),
            Decimal::from(u64::MAX / 100),
            Decimal::from(u64::MAX / 100 + 1),
            Decimal::from(u64::MAX),
            Decimal::from_i128_with_scale(i128::from(u64::MAX), 2),
            Decimal::from_i128_with_scale(i128::from(u64::MAX) + 1, 2),
            Decimal::from_i128_with_scale(-i128::from(u64::MAX), 2),
        ];
        cases.extend((0..=28).map(|s| Decimal::from_i128_with_scale(123_456_789, s)));
        cases.extend((0..=28).map(|s| Decimal::from_i128_with_scale(-1_000_000, s)));
        for d in cases {
            assert_eq!(plain_json(d), to_plain_json(d), "{d:?}");
        }
        assert_eq!(plain_json(Decimal::new(-5, 0)), "\"-5.00\"");
        assert_eq!(plain_json(Decimal::new(7, 2)), "\"0.07\"");
    }

    #[test]
    fn days_at_the_edges_are_chrono_display() {
        let years = [
            -262_143, -10_000, -1, 0, 1, 9, 99, 999, 1000, 2027, 9999, 10_000,
        ];
        for y in years {
            for (m, day) in [(1, 1), (2, 28), (12, 31)] {
                let Some(d) = chrono::NaiveDate::from_ymd_opt(y, m, day) else {
                    continue;
                };
                let shown = serde_json::to_string(&Day(d)).unwrap();
                assert_eq!(shown, serde_json::to_string(&d.to_string()).unwrap());
            }
        }
        for d in [chrono::NaiveDate::MIN, chrono::NaiveDate::MAX] {
            let shown = serde_json::to_string(&Day(d)).unwrap();
            assert_eq!(shown, serde_json::to_string(&d.to_string()).unwrap());
        }
    }
}
