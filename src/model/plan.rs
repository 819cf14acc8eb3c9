//! The lowered plan: every name resolved, every literal typed.
//!
//! Spans are kept (as `Span`s into the plan's file) so that checks can point
//! at what they report; nothing else of the syntax survives.

use std::collections::HashMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::ids::*;
use super::money::{Money, Percent};
use crate::source::{FileId, Span};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Role {
    CoordinatingInsurer,
    SecondInsurer,
    Municipality,
    Financier,
    RegionalBody,
    SteeringGroup,
    CareProvider,
}

impl Role {
    pub const ALL: [(&'static str, Role); 7] = [
        ("coordinating-insurer", Role::CoordinatingInsurer),
        ("second-insurer", Role::SecondInsurer),
        ("municipality", Role::Municipality),
        ("financier", Role::Financier),
        ("regional-body", Role::RegionalBody),
        ("steering-group", Role::SteeringGroup),
        ("care-provider", Role::CareProvider),
    ];
    pub fn parse(s: &str) -> Option<Role> {
        Self::ALL.iter().find(|(n, _)| *n == s).map(|(_, r)| *r)
    }
    pub fn as_str(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(_, r)| *r == self)
            .map(|(n, _)| *n)
            .unwrap_or("?")
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Party {
    pub id: PartyId,
    pub name: String,
    pub roles: Vec<Role>,
    pub reference: Option<String>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Stream {
    pub id: StreamId,
    pub name: String,
    pub payer: PartyId,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct KeyMember {
    pub party: PartyId,
    pub weight: Decimal,
    pub declared: Option<Percent>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct KeyTotal {
    pub total: Decimal,
    pub declared: Option<Percent>,
    pub span: Span,
}

/// A distribution key: weights per party. A subset key (`= inwoners only
/// enschede, hengelo, almelo`) copies its members' weights from the parent.
#[derive(Debug, Clone, PartialEq)]
pub struct Key {
    pub id: KeyId,
    pub title: String,
    pub members: Vec<KeyMember>,
    pub declared_total: Option<KeyTotal>,
    /// For a subset key: the parent and the members asked for, as written.
    pub subset_of: Option<Subset>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Subset {
    pub parent: KeyId,
    pub requested: Vec<(PartyId, Span)>,
}

impl Key {
    /// The sum of the weights, or the span of the member whose weight made
    /// it overflow.
    pub fn total_weight(&self) -> Result<Decimal, Span> {
        super::checked::sum_decimal(self.members.iter().map(|m| m.weight))
            .map_err(|i| self.members.get(i).map_or(self.span, |m| m.span))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MetricKind {
    /// Events counted over a window (gesprekken).
    Count,
    /// A quantity measured at a date (the waiting list).
    Level,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Metric {
    pub id: MetricId,
    pub title: String,
    pub kind: MetricKind,
    pub span: Span,
}

/// A source document that declares figures of its own, in `unit`s
/// (the KPI table's "Bedrag (€ x1.000)").
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub id: DocumentId,
    pub title: String,
    pub unit: Money,
    pub span: Span,
}

/// Amounts per stream, in the order the streams were written.
pub type StreamAmounts = Vec<(StreamId, Money)>;

/// A total the plan (or a document) declares, to be checked, not trusted.
#[derive(Debug, Clone, PartialEq)]
pub struct DeclaredTotal {
    pub by: Option<DocumentId>,
    /// In euros (already multiplied by the document's unit).
    pub total: Money,
    pub streams: StreamAmounts,
    /// The unit the figures were written in (€ 1 unless a document says otherwise).
    pub unit: Money,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DeclaredShare {
    pub by: Option<DocumentId>,
    /// "Ongeveer 70%": declared as a round figure.
    pub about: bool,
    pub share: Percent,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SameRatio {
    pub within: Option<Money>,
    pub span: Span,
}

/// Where the plan's text answers a criterion of the assessment framework.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Address {
    /// The criterion's id, as written (`voorwaarde-2`).
    pub criterion: String,
    pub criterion_span: Span,
    /// `Businesscase, par. 4`
    pub pointer: String,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Component {
    pub number: ComponentNo,
    pub name: String,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Obligation {
    /// Inspanningsverplichting.
    Effort,
    /// Resultaatverplichting.
    Result,
}

impl Obligation {
    pub fn as_str(self) -> &'static str {
        match self {
            Obligation::Effort => "effort",
            Obligation::Result => "result",
        }
    }
    /// The obligation as a reader sees it, in the current language.
    pub fn label(self) -> String {
        match self {
            Obligation::Effort => crate::tr!("obligation-effort"),
            Obligation::Result => crate::tr!("obligation-result"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Recipient {
    Party(PartyId),
    Key(KeyId),
}

impl Recipient {
    pub fn as_str(&self) -> &str {
        match self {
            Recipient::Party(p) => p.as_str(),
            Recipient::Key(k) => k.as_str(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cmp {
    Ge,
    Gt,
    Le,
    Lt,
    Eq,
}

impl Cmp {
    pub fn holds(self, left: Decimal, right: Decimal) -> bool {
        match self {
            Cmp::Ge => left >= right,
            Cmp::Gt => left > right,
            Cmp::Le => left <= right,
            Cmp::Lt => left < right,
            Cmp::Eq => left == right,
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            Cmp::Ge => ">=",
            Cmp::Gt => ">",
            Cmp::Le => "<=",
            Cmp::Lt => "<",
            Cmp::Eq => "=",
        }
    }
    /// A lower bound (at least) rather than an upper bound (at most).
    pub fn is_minimum(self) -> bool {
        matches!(self, Cmp::Ge | Cmp::Gt)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Window {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delta {
    None,
    /// `baseline 3 - 155`
    Absolute(Decimal),
    /// `baseline 36 + 10%`
    Relative(Percent),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LevelRhs {
    Value(Decimal),
    Baseline {
        milestone: MilestoneNo,
        delta: Delta,
        span: Span,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TargetKind {
    Count {
        metric: MetricId,
        window: Window,
        cmp: Cmp,
        value: Decimal,
    },
    Share {
        numerator: MetricId,
        denominator: MetricId,
        window: Window,
        cmp: Cmp,
        value: Percent,
    },
    Level {
        metric: MetricId,
        at: NaiveDate,
        cmp: Cmp,
        rhs: LevelRhs,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub kind: TargetKind,
    pub span: Span,
}

impl Target {
    /// The metric the target is about (the numerator, for a share).
    pub fn metric(&self) -> &MetricId {
        match &self.kind {
            TargetKind::Count { metric, .. } | TargetKind::Level { metric, .. } => metric,
            TargetKind::Share { numerator, .. } => numerator,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Amount {
    pub total: Money,
    pub streams: StreamAmounts,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DeclaredAmount {
    pub by: DocumentId,
    /// In euros (the written figure times `unit`).
    pub total: Money,
    pub streams: StreamAmounts,
    pub unit: Money,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Baseline {
    pub metric: MetricId,
    pub at: NaiveDate,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Payout {
    pub stream: StreamId,
    pub to: Recipient,
    /// Where it was written: the milestone's own `payout`, or the plan's default.
    pub span: Span,
    pub is_default: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Risk {
    pub stream: StreamId,
    pub key: KeyId,
    pub span: Span,
    pub is_default: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Milestone {
    pub number: MilestoneNo,
    pub text: String,
    pub component: ComponentNo,
    pub obligation: Obligation,
    pub due: Option<NaiveDate>,
    pub due_span: Option<Span>,
    pub amount: Option<Amount>,
    pub declared: Vec<DeclaredAmount>,
    pub evidence: Vec<String>,
    pub after: Vec<(MilestoneNo, Span)>,
    pub payout: Vec<Payout>,
    pub risk: Vec<Risk>,
    pub targets: Vec<Target>,
    pub baselines: Vec<Baseline>,
    pub judged: Option<String>,
    /// Withdrawn by an amendment: (effective date, amendment id).
    pub withdrawn: Option<(NaiveDate, String)>,
    /// The header `milestone 14 "..."`.
    pub header_span: Span,
    pub span: Span,
}

impl Milestone {
    pub fn total(&self) -> Money {
        self.amount.as_ref().map(|a| a.total).unwrap_or(Money::ZERO)
    }
    pub fn stream_amount(&self, stream: &StreamId) -> Money {
        self.amount
            .as_ref()
            .and_then(|a| a.streams.iter().find(|(s, _)| s == stream))
            .map(|(_, m)| *m)
            .unwrap_or(Money::ZERO)
    }
    pub fn payout_for(&self, stream: &StreamId) -> Option<&Payout> {
        self.payout.iter().find(|p| &p.stream == stream)
    }
    pub fn risk_for(&self, stream: &StreamId) -> Option<&Risk> {
        self.risk.iter().find(|r| &r.stream == stream)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct RulesRef {
    pub name: String,
    /// `pinned "sha256:..."`: the hash of the rule set as agreed, and where it is written.
    pub pinned: Option<(String, Span)>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    pub file: FileId,
    pub id: PlanId,
    pub title: String,
    pub rules: Option<RulesRef>,
    pub period: Option<Period>,
    pub documents: Vec<Document>,
    pub declared_totals: Vec<DeclaredTotal>,
    pub effort_share: Option<DeclaredShare>,
    pub same_ratio: Option<SameRatio>,
    pub parties: Vec<Party>,
    pub streams: Vec<Stream>,
    pub keys: Vec<Key>,
    pub metrics: Vec<Metric>,
    pub components: Vec<Component>,
    /// In the order written.
    pub milestones: Vec<Milestone>,
    /// Addenda (art. 2.3), in the order written; see `as_of`.
    pub amendments: Vec<super::amendment::Amendment>,
    /// `addresses voorwaarde-2 by plan "Businesscase, par. 4"`, in the order
    /// written; checked against a framework by `mijlpaal submission`.
    pub addresses: Vec<Address>,
    pub span: Span,
    index: HashMap<MilestoneNo, usize>,
    names: Names,
}

/// Where the first party, key, stream, metric and document of each name
/// is in the plan's lists, made by `reindex`. The lists are only appended
/// to, so a position found stays the first of its name; a lookup checks
/// the one it finds and scans where the index has none (a name added
/// since), so it is never wrong, only slower. Without it every lookup
/// scanned: a plan of thousands of parties made every fact's check of who
/// decided a scan of them all.
#[derive(Debug, Clone, Default, PartialEq)]
struct Names {
    parties: HashMap<String, usize>,
    keys: HashMap<String, usize>,
    streams: HashMap<String, usize>,
    metrics: HashMap<String, usize>,
    documents: HashMap<String, usize>,
}

/// The first positions of each name in `list`.
fn first_positions<T>(list: &[T], name: impl Fn(&T) -> &str) -> HashMap<String, usize> {
    let mut out = HashMap::with_capacity(list.len());
    for (i, x) in list.iter().enumerate() {
        out.entry(name(x).to_owned()).or_insert(i);
    }
    out
}

/// The first of `list` named `wanted`: at the position `at` holds for it
/// when that one has the name, else by a scan.
fn named<'a, T>(
    list: &'a [T],
    at: &HashMap<String, usize>,
    wanted: &str,
    name: impl Fn(&T) -> &str,
) -> Option<&'a T> {
    match at.get(wanted).and_then(|i| list.get(*i)) {
        Some(x) if name(x) == wanted => Some(x),
        _ => list.iter().find(|x| name(x) == wanted),
    }
}

impl Plan {
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn empty(file: FileId, id: PlanId, title: String, span: Span) -> Self {
        Plan {
            file,
            id,
            title,
            rules: None,
            period: None,
            documents: Vec::new(),
            declared_totals: Vec::new(),
            effort_share: None,
            same_ratio: None,
            parties: Vec::new(),
            streams: Vec::new(),
            keys: Vec::new(),
            metrics: Vec::new(),
            components: Vec::new(),
            milestones: Vec::new(),
            amendments: Vec::new(),
            addresses: Vec::new(),
            span,
            index: HashMap::new(),
            names: Names::default(),
        }
    }

    pub(crate) fn reindex(&mut self) {
        self.index = self
            .milestones
            .iter()
            .enumerate()
            .map(|(i, m)| (m.number, i))
            .collect();
        self.names = Names {
            parties: first_positions(&self.parties, |p| p.id.as_str()),
            keys: first_positions(&self.keys, |k| k.id.as_str()),
            streams: first_positions(&self.streams, |s| s.id.as_str()),
            metrics: first_positions(&self.metrics, |m| m.id.as_str()),
            documents: first_positions(&self.documents, |d| d.id.as_str()),
        };
    }

    pub fn milestone(&self, n: MilestoneNo) -> Option<&Milestone> {
        self.index.get(&n).and_then(|i| self.milestones.get(*i))
    }
    pub fn party(&self, id: &PartyId) -> Option<&Party> {
        named(&self.parties, &self.names.parties, id.as_str(), |p| {
            p.id.as_str()
        })
    }
    pub fn key(&self, id: &KeyId) -> Option<&Key> {
        named(&self.keys, &self.names.keys, id.as_str(), |k| k.id.as_str())
    }
    pub fn stream(&self, id: &StreamId) -> Option<&Stream> {
        named(&self.streams, &self.names.streams, id.as_str(), |s| {
            s.id.as_str()
        })
    }
    pub fn metric(&self, id: &MetricId) -> Option<&Metric> {
        named(&self.metrics, &self.names.metrics, id.as_str(), |m| {
            m.id.as_str()
        })
    }
    pub fn document(&self, id: &DocumentId) -> Option<&Document> {
        named(&self.documents, &self.names.documents, id.as_str(), |d| {
            d.id.as_str()
        })
    }
    pub fn parties_with(&self, role: Role) -> impl Iterator<Item = &Party> {
        self.parties.iter().filter(move |p| p.roles.contains(&role))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn party(id: &str, name: &str) -> Party {
        Party {
            id: PartyId::new(id),
            name: name.to_string(),
            roles: Vec::new(),
            reference: None,
            span: Span::default(),
        }
    }

    /// A lookup by name gives the first of the name, through the index or,
    /// for a party added after it was made, through the scan.
    #[test]
    fn lookups_by_name_find_the_first_of_a_name_before_and_after_reindex() {
        let mut plan = Plan::empty(FileId(0), PlanId::new("p"), String::new(), Span::default());
        plan.parties.push(party("a", "first a"));
        plan.parties.push(party("b", "b"));
        plan.parties.push(party("a", "second a"));
        let name = |plan: &Plan, id: &str| plan.party(&PartyId::new(id)).map(|p| p.name.clone());
        assert_eq!(name(&plan, "a").as_deref(), Some("first a"));
        plan.reindex();
        assert_eq!(name(&plan, "a").as_deref(), Some("first a"));
        assert_eq!(name(&plan, "b").as_deref(), Some("b"));
        plan.parties.push(party("c", "added after"));
        assert_eq!(name(&plan, "c").as_deref(), Some("added after"));
        assert_eq!(name(&plan, "d"), None);
    }
}
