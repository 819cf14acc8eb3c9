//! A rule set: a closed vocabulary of clauses, each citing the article it
//! encodes, so that evaluation can both apply a clause and cite it.

use chrono::NaiveDate;

use super::ids::{KeyId, RulesId, StreamId};
use super::plan::Role;
use crate::source::{FileId, Span};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClauseKind {
    /// `entitlement on-achievement`: the right to money arises when a milestone is achieved.
    Entitlement,
    /// `assessors coordinating-insurer second-insurer`: who judges achievement.
    Assessors(Vec<Role>),
    /// `assessment-window 28 days` (or `4 weeks`): time after due for the verdict.
    AssessmentWindow { days: u32 },
    /// `deemed-achieved if administration-compliant`: silence in the window counts as achieved.
    DeemedAchieved,
    /// `payment by financier`: who pays, and the only party to claim from.
    Payment { by: Role },
    /// `no-clawback`: a missed milestone never makes achieved amounts repayable.
    NoClawback,
    /// `partial-payout by steering-group coordinating-insurer`: who may pay part or all of a missed milestone.
    PartialPayout { by: Vec<Role> },
    /// `postponement until payout-cutoff` or `postponement until payout-cutoff by
    /// steering-group coordinating-insurer`: a milestone may still be achieved
    /// later; with `by`, only when parties holding every role named decide so
    /// together. `by` is empty when the clause names no roles.
    Postponement { by: Vec<Role> },
    /// `payout-cutoff 2027-12-31`: the last date on which money can be paid.
    PayoutCutoff(NaiveDate),
    /// `repay-unmet spuk by risk-key` (or `by KEY`): at the cutoff, money of
    /// this stream linked to milestones not achieved is repaid, over the
    /// milestone's risk key or over the key named here.
    RepayUnmet {
        stream: StreamId,
        key: Option<KeyId>,
    },
    /// `advances yearly`: advances follow the ministry's (yearly) advances.
    Advances,
    /// `dissolution lapses-claims`: on dissolution, unpaid claims lapse; payments made stand.
    DissolutionLapsesClaims,
    /// `double-funding reclaimable`: a double-funded amount can be reclaimed.
    DoubleFundingReclaimable,
    /// `amendment needs addendum`: plan changes need consensus and an addendum; payments stand.
    AmendmentNeedsAddendum,
    /// `monitoring quarterly`.
    MonitoringQuarterly,
    /// `max-duration 5 years`: agreements are reached within this many years.
    MaxDuration { years: u32 },
    /// `deadline-shift next-working-day` or `deadline-shift none`: whether a deadline
    /// on a Saturday, Sunday or Dutch public holiday moves to the next working day.
    DeadlineShift { next_working_day: bool },
    /// `non-working-day 2026-05-15`: a day put on a par with the public
    /// holidays by decree (Algemene termijnenwet art. 3 lid 3).
    NonWorkingDay(NaiveDate),
}

/// The keyword a clause starts with: the one spelling of each clause kind.
/// Lowering parses it, `written` prints it, evaluation cites it and `diff`
/// compares by it, all through [`Keyword::ALL`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Keyword {
    Entitlement,
    Assessors,
    AssessmentWindow,
    DeemedAchieved,
    Payment,
    NoClawback,
    PartialPayout,
    Postponement,
    PayoutCutoff,
    RepayUnmet,
    Advances,
    Dissolution,
    DoubleFunding,
    Amendment,
    Monitoring,
    MaxDuration,
    DeadlineShift,
    NonWorkingDay,
}

impl Keyword {
    /// Every clause kind: its keyword, and the form its arguments take
    /// (which `docs/language.md` mirrors).
    pub const ALL: &'static [(Keyword, &'static str, &'static str)] = &[
        (
            Keyword::Entitlement,
            "entitlement",
            "entitlement on-achievement",
        ),
        (Keyword::Assessors, "assessors", "assessors ROLE ROLE..."),
        (
            Keyword::AssessmentWindow,
            "assessment-window",
            "assessment-window N days|weeks",
        ),
        (
            Keyword::DeemedAchieved,
            "deemed-achieved",
            "deemed-achieved if administration-compliant",
        ),
        (Keyword::Payment, "payment", "payment by ROLE"),
        (Keyword::NoClawback, "no-clawback", "no-clawback"),
        (
            Keyword::PartialPayout,
            "partial-payout",
            "partial-payout by ROLE ROLE...",
        ),
        (
            Keyword::Postponement,
            "postponement",
            "postponement until payout-cutoff [by ROLE ROLE...]",
        ),
        (Keyword::PayoutCutoff, "payout-cutoff", "payout-cutoff DATE"),
        (
            Keyword::RepayUnmet,
            "repay-unmet",
            "repay-unmet STREAM by risk-key|KEY",
        ),
        (Keyword::Advances, "advances", "advances yearly"),
        (
            Keyword::Dissolution,
            "dissolution",
            "dissolution lapses-claims",
        ),
        (
            Keyword::DoubleFunding,
            "double-funding",
            "double-funding reclaimable",
        ),
        (Keyword::Amendment, "amendment", "amendment needs addendum"),
        (Keyword::Monitoring, "monitoring", "monitoring quarterly"),
        (Keyword::MaxDuration, "max-duration", "max-duration N years"),
        (
            Keyword::DeadlineShift,
            "deadline-shift",
            "deadline-shift next-working-day|none",
        ),
        (
            Keyword::NonWorkingDay,
            "non-working-day",
            "non-working-day DATE",
        ),
    ];

    /// The keyword as written (`assessment-window`).
    pub fn as_str(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(k, _, _)| *k == self)
            .map_or("", |(_, word, _)| word)
    }

    /// The clause's form (`assessment-window N days|weeks`).
    pub fn form(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(k, _, _)| *k == self)
            .map_or("", |(_, _, form)| form)
    }

    /// What a clause of this kind means, in one sentence (hover in `lsp`),
    /// in the current language.
    pub fn meaning(self) -> String {
        match self {
            Keyword::Entitlement => crate::tr!("clause-meaning-entitlement"),
            Keyword::Assessors => crate::tr!("clause-meaning-assessors"),
            Keyword::AssessmentWindow => crate::tr!("clause-meaning-assessment-window"),
            Keyword::DeemedAchieved => crate::tr!("clause-meaning-deemed-achieved"),
            Keyword::Payment => crate::tr!("clause-meaning-payment"),
            Keyword::NoClawback => crate::tr!("clause-meaning-no-clawback"),
            Keyword::PartialPayout => crate::tr!("clause-meaning-partial-payout"),
            Keyword::Postponement => crate::tr!("clause-meaning-postponement"),
            Keyword::PayoutCutoff => crate::tr!("clause-meaning-payout-cutoff"),
            Keyword::RepayUnmet => crate::tr!("clause-meaning-repay-unmet"),
            Keyword::Advances => crate::tr!("clause-meaning-advances"),
            Keyword::Dissolution => crate::tr!("clause-meaning-dissolution"),
            Keyword::DoubleFunding => crate::tr!("clause-meaning-double-funding"),
            Keyword::Amendment => crate::tr!("clause-meaning-amendment"),
            Keyword::Monitoring => crate::tr!("clause-meaning-monitoring"),
            Keyword::MaxDuration => crate::tr!("clause-meaning-max-duration"),
            Keyword::DeadlineShift => crate::tr!("clause-meaning-deadline-shift"),
            Keyword::NonWorkingDay => crate::tr!("clause-meaning-non-working-day"),
        }
    }

    pub fn parse(word: &str) -> Option<Keyword> {
        Self::ALL
            .iter()
            .find(|(_, w, _)| *w == word)
            .map(|(k, _, _)| *k)
    }
}

impl ClauseKind {
    pub fn keyword(&self) -> Keyword {
        match self {
            ClauseKind::Entitlement => Keyword::Entitlement,
            ClauseKind::Assessors(_) => Keyword::Assessors,
            ClauseKind::AssessmentWindow { .. } => Keyword::AssessmentWindow,
            ClauseKind::DeemedAchieved => Keyword::DeemedAchieved,
            ClauseKind::Payment { .. } => Keyword::Payment,
            ClauseKind::NoClawback => Keyword::NoClawback,
            ClauseKind::PartialPayout { .. } => Keyword::PartialPayout,
            ClauseKind::Postponement { .. } => Keyword::Postponement,
            ClauseKind::PayoutCutoff(_) => Keyword::PayoutCutoff,
            ClauseKind::RepayUnmet { .. } => Keyword::RepayUnmet,
            ClauseKind::Advances => Keyword::Advances,
            ClauseKind::DissolutionLapsesClaims => Keyword::Dissolution,
            ClauseKind::DoubleFundingReclaimable => Keyword::DoubleFunding,
            ClauseKind::AmendmentNeedsAddendum => Keyword::Amendment,
            ClauseKind::MonitoringQuarterly => Keyword::Monitoring,
            ClauseKind::MaxDuration { .. } => Keyword::MaxDuration,
            ClauseKind::DeadlineShift { .. } => Keyword::DeadlineShift,
            ClauseKind::NonWorkingDay(_) => Keyword::NonWorkingDay,
        }
    }

    /// What a repeatable clause is about (the stream of a `repay-unmet`, the
    /// date of a `non-working-day`); `None` for the kinds a rule set holds
    /// once. Two clauses with the same keyword and subject cannot both stand.
    pub fn subject(&self) -> Option<String> {
        match self {
            ClauseKind::RepayUnmet { stream, .. } => Some(stream.to_string()),
            ClauseKind::NonWorkingDay(d) => Some(d.to_string()),
            _ => None,
        }
    }

    /// The clause as it is written in a rule set (`assessment-window 28 days`).
    pub fn written(&self) -> String {
        let roles = |r: &[Role]| r.iter().map(|x| x.as_str()).collect::<Vec<_>>().join(" ");
        let args = match self {
            ClauseKind::Entitlement => "on-achievement".into(),
            ClauseKind::Assessors(r) => roles(r),
            ClauseKind::AssessmentWindow { days } => format!("{days} days"),
            ClauseKind::DeemedAchieved => "if administration-compliant".into(),
            ClauseKind::Payment { by } => format!("by {}", by.as_str()),
            ClauseKind::NoClawback => String::new(),
            ClauseKind::PartialPayout { by } => format!("by {}", roles(by)),
            // Without roles exactly the text of before roles could be named,
            // so that the pins of rule sets written without `by` stay valid.
            ClauseKind::Postponement { by } if by.is_empty() => "until payout-cutoff".into(),
            ClauseKind::Postponement { by } => format!("until payout-cutoff by {}", roles(by)),
            ClauseKind::PayoutCutoff(d) => d.to_string(),
            ClauseKind::RepayUnmet { stream, key } => match key {
                Some(k) => format!("{stream} by {k}"),
                None => format!("{stream} by risk-key"),
            },
            ClauseKind::Advances => "yearly".into(),
            ClauseKind::DissolutionLapsesClaims => "lapses-claims".into(),
            ClauseKind::DoubleFundingReclaimable => "reclaimable".into(),
            ClauseKind::AmendmentNeedsAddendum => "needs addendum".into(),
            ClauseKind::MonitoringQuarterly => "quarterly".into(),
            ClauseKind::MaxDuration { years } => format!("{years} years"),
            ClauseKind::DeadlineShift { next_working_day } => if *next_working_day {
                "next-working-day"
            } else {
                "none"
            }
            .into(),
            ClauseKind::NonWorkingDay(d) => d.to_string(),
        };
        let keyword = self.keyword().as_str();
        if args.is_empty() {
            keyword.to_string()
        } else {
            format!("{keyword} {args}")
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clause {
    pub citation: String,
    pub kind: ClauseKind,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleSet {
    pub file: FileId,
    /// `sha256:...` of the file's canonical (formatted) text, set by the loader.
    pub hash: Option<String>,
    pub id: RulesId,
    pub title: String,
    pub clauses: Vec<Clause>,
    pub span: Span,
}

impl RuleSet {
    /// The rule set's content in one canonical text: its id, title, and each
    /// clause in its written form with its citation, in order. Comments and
    /// layout are not part of it, so only a change of meaning changes it.
    pub fn canonical(&self) -> String {
        let mut out = format!("rules {} {:?}\n", self.id, self.title);
        for c in &self.clauses {
            out.push_str(&format!("clause {:?} {}\n", c.citation, c.kind.written()));
        }
        out
    }

    /// `sha256:` and the hex digest of [`RuleSet::canonical`]: what a plan pins.
    pub fn content_hash(&self) -> String {
        use sha2::{Digest, Sha256};
        let digest = Sha256::digest(self.canonical().as_bytes());
        format!(
            "sha256:{}",
            digest
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect::<String>()
        )
    }

    pub fn find(&self, pred: impl Fn(&ClauseKind) -> bool) -> Option<&Clause> {
        self.clauses.iter().find(|c| pred(&c.kind))
    }
    pub fn payout_cutoff(&self) -> Option<(NaiveDate, &Clause)> {
        self.clauses.iter().find_map(|c| match c.kind {
            ClauseKind::PayoutCutoff(d) => Some((d, c)),
            _ => None,
        })
    }
    pub fn assessment_window(&self) -> Option<(u32, &Clause)> {
        self.clauses.iter().find_map(|c| match c.kind {
            ClauseKind::AssessmentWindow { days } => Some((days, c)),
            _ => None,
        })
    }
    pub fn max_duration(&self) -> Option<(u32, &Clause)> {
        self.clauses.iter().find_map(|c| match c.kind {
            ClauseKind::MaxDuration { years } => Some((years, c)),
            _ => None,
        })
    }
    /// The `repay-unmet` clauses, one per stream.
    pub fn repay_unmet(&self) -> impl Iterator<Item = (&StreamId, &Clause)> {
        self.clauses.iter().filter_map(|c| match &c.kind {
            ClauseKind::RepayUnmet { stream, .. } => Some((stream, c)),
            _ => None,
        })
    }
}
