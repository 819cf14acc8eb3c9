//! `mijlpaal timeline`: money over time. Each date of a timeline is kept
//! as a compact [`Row`] (the party columns per stream and the milestone
//! totals of one evaluation), and the rows are written as a text table,
//! CSV or JSON; the JSON is streamed by `Serialize`, not built as a value.

use chrono::NaiveDate;
use serde::Serialize;

use crate::eval::timeline::Columns;
use crate::eval::{amount_of, Column, Evaluation, PerStream};
use crate::model::{Money, StreamId};

/// The shape of `timeline --format json`, versioned like the evaluation's.
pub const SCHEMA: &str = "mijlpaal-timeline/1";

/// One party's money at one date: every column of [`Column::ALL`], per stream.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartyRow {
    pub id: String,
    /// In the order of [`Column::ALL`].
    pub columns: Vec<PerStream>,
}

pub use crate::eval::timeline::Totals;

/// The money of one date of a timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub at: NaiveDate,
    pub streams: Vec<StreamId>,
    pub parties: Vec<PartyRow>,
    /// The sum over milestones of each column of [`Column::MILESTONE`], per
    /// stream; `None` for a sum too large to compute.
    pub totals: Vec<(Column, Totals)>,
}

impl Row {
    /// The row of an evaluation: every party, or only `party`.
    pub fn of(e: &Evaluation, party: Option<&str>) -> Row {
        Row::of_columns(&Columns::of(e), party)
    }

    /// The row of one date of an incremental timeline (`eval::timeline`).
    pub fn of_columns(e: &Columns<'_>, party: Option<&str>) -> Row {
        let parties = e
            .parties
            .iter()
            .filter(|p| party.is_none_or(|id| p.id == id))
            .map(|p| PartyRow {
                id: p.id.clone(),
                columns: Column::ALL.iter().map(|c| p.column(*c).clone()).collect(),
            })
            .collect();
        let totals = e.totals.clone();
        Row {
            at: e.at,
            streams: e.streams.to_vec(),
            parties,
            totals,
        }
    }
}

/// What a timeline was asked for, for the head of its JSON.
pub struct Head<'a> {
    pub plan: &'a str,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub every: &'a str,
    pub party: Option<&'a str>,
    /// The gate's notice (empty when nothing was overridden).
    pub notice: &'a str,
}

const PARTY_HEADERS: [&str; 3] = ["date", "party", "stream"];

/// The rows as a text table: one line per date, party and stream.
pub fn text(rows: &[Row]) -> String {
    let headers: Vec<String> = [
        crate::tr!("timeline-header-date"),
        crate::tr!("timeline-header-party"),
        crate::tr!("timeline-header-stream"),
    ]
    .into_iter()
    .chain(Column::ALL.iter().map(|c| c.word()))
    .collect();
    let right: Vec<bool> = PARTY_HEADERS
        .iter()
        .map(|_| false)
        .chain(Column::ALL.iter().map(|_| true))
        .collect();
    let mut cells = Vec::new();
    for_each_line(rows, |at, party, stream, amounts| {
        cells.push(
            [at.to_string(), party.to_string(), stream.to_string()]
                .into_iter()
                .chain(amounts.iter().map(|m| m.to_string()))
                .collect::<Vec<_>>(),
        );
    });
    super::evaluation::table(&headers, &cells, &right)
}

/// The rows as CSV (plain dialect): one line per date, party and stream.
pub fn csv(rows: &[Row]) -> String {
    let mut out: String = PARTY_HEADERS
        .iter()
        .copied()
        .chain(Column::ALL.iter().map(|c| c.name()))
        .collect::<Vec<_>>()
        .join(",");
    out.push('\n');
    for_each_line(rows, |at, party, stream, amounts| {
        let fields: Vec<String> = [at.to_string(), field(party), field(stream.as_str())]
            .into_iter()
            .chain(amounts.iter().map(|m| m.to_plain()))
            .collect();
        out.push_str(&fields.join(","));
        out.push('\n');
    });
    out
}

/// A CSV field, quoted when it holds a separator, quote or line break.
fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// Calls `f` for every date, party and stream with the party's amounts of
/// that stream in the order of [`Column::ALL`].
fn for_each_line(rows: &[Row], mut f: impl FnMut(NaiveDate, &str, &StreamId, &[Money])) {
    for r in rows {
        for p in &r.parties {
            for s in &r.streams {
                let amounts: Vec<Money> = p.columns.iter().map(|v| amount_of(v, s)).collect();
                f(r.at, &p.id, s, &amounts);
            }
        }
    }
}

// ------------------------------------------------------------------ JSON

/// Amounts per stream, keyed by stream in key order (as JSON objects are
/// written throughout; a stream named twice is written once, with its last
/// amount, as a map would keep it). `None` is a sum too large to compute.
struct JsonStreams<'a>(Vec<(&'a str, Option<Money>)>);

impl<'a> JsonStreams<'a> {
    fn new(amounts: impl Iterator<Item = (&'a str, Option<Money>)>) -> Self {
        let mut v: Vec<(&str, Option<Money>)> = amounts.collect();
        // Stable, so among equal names the last given stays last.
        v.sort_by(|a, b| a.0.cmp(b.0));
        let mut out: Vec<(&str, Option<Money>)> = Vec::with_capacity(v.len());
        for (name, amount) in v {
            match out.last_mut() {
                Some(last) if last.0 == name => last.1 = amount,
                _ => out.push((name, amount)),
            }
        }
        JsonStreams(out)
    }
}

impl Serialize for JsonStreams<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(
            self.0
                .iter()
                .map(|(name, amount)| (*name, amount.map(super::evaluation::Plain))),
        )
    }
}

/// The JSON of the whole timeline; fields in alphabetical order, as the
/// evaluation's JSON has its keys. Written as it is serialized: each date,
/// party and amount straight from the rows.
#[derive(Serialize)]
struct JsonTimeline<'a> {
    dates: JsonDates<'a>,
    every: &'a str,
    from: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    overridden: Option<Vec<&'a str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    party: Option<&'a str>,
    plan: &'a str,
    schema: &'static str,
    to: String,
    version: &'static str,
}

struct JsonDates<'a>(&'a [Row]);

impl Serialize for JsonDates<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(JsonDate))
    }
}

/// One date: `at`, `parties`, `totals`.
struct JsonDate<'a>(&'a Row);

impl Serialize for JsonDate<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap as _;
        let r = self.0;
        let mut map = s.serialize_map(Some(3))?;
        map.serialize_entry("at", &r.at.to_string())?;
        map.serialize_entry("parties", &JsonParties(&r.parties))?;
        map.serialize_entry("totals", &JsonTotals(&r.totals))?;
        map.end()
    }
}

struct JsonParties<'a>(&'a [PartyRow]);

impl Serialize for JsonParties<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(JsonParty))
    }
}

/// One party: its `id` and every column of [`Column::ALL`], keys in order.
struct JsonParty<'a>(&'a PartyRow);

impl Serialize for JsonParty<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap as _;
        let p = self.0;
        // "id" among the column names, in key order.
        let mut keys: Vec<(&str, Option<&PerStream>)> = Column::ALL
            .iter()
            .zip(&p.columns)
            .map(|(c, v)| (c.name(), Some(v)))
            .collect();
        keys.push(("id", None));
        keys.sort_by(|a, b| a.0.cmp(b.0));
        let mut map = s.serialize_map(Some(keys.len()))?;
        for (key, column) in keys {
            match column {
                Some(v) => {
                    let amounts = v.iter().map(|(s, m)| (s.as_str(), Some(*m)));
                    map.serialize_entry(key, &JsonStreams::new(amounts))?
                }
                None => map.serialize_entry(key, &p.id)?,
            }
        }
        map.end()
    }
}

/// The milestone totals: each column of [`Column::MILESTONE`], in key order.
struct JsonTotals<'a>(&'a [(Column, Totals)]);

impl Serialize for JsonTotals<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut totals: Vec<&(Column, Totals)> = self.0.iter().collect();
        totals.sort_by(|a, b| a.0.name().cmp(b.0.name()));
        s.collect_map(totals.into_iter().map(|(c, per)| {
            let amounts = per.iter().map(|(s, m)| (s.as_str(), *m));
            (c.name(), JsonStreams::new(amounts))
        }))
    }
}

/// The rows as JSON, written to `out` as they are serialized.
pub fn json(rows: &[Row], head: &Head<'_>, out: &mut impl std::io::Write) -> std::io::Result<()> {
    let t = JsonTimeline {
        dates: JsonDates(rows),
        every: head.every,
        from: head.from.to_string(),
        overridden: (!head.notice.is_empty()).then(|| head.notice.lines().collect()),
        party: head.party,
        plan: head.plan,
        schema: SCHEMA,
        to: head.to.to_string(),
        version: env!("CARGO_PKG_VERSION"),
    };
    serde_json::to_writer_pretty(&mut *out, &t).map_err(std::io::Error::from)?;
    out.write_all(b"\n")
}
