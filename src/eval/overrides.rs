//! What-if overrides: `--achieved 13-15`, `--missed all`, `--partial 10=60%`.

use std::collections::BTreeMap;

use crate::lower::literal;
use crate::model::{MilestoneNo, Percent, Plan};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Overrides {
    pub achieved: Vec<MilestoneNo>,
    pub missed: Vec<MilestoneNo>,
    pub partial: BTreeMap<MilestoneNo, Percent>,
}

impl Overrides {
    pub fn is_empty(&self) -> bool {
        self.achieved.is_empty() && self.missed.is_empty() && self.partial.is_empty()
    }
}

/// Parses a list of milestones: numbers, ranges like `13-15`, or `all`,
/// separated by commas. Every number must exist in the plan.
pub fn parse_list(text: &str, plan: &Plan) -> Result<Vec<MilestoneNo>, String> {
    let mut out = Vec::new();
    for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        if part == "all" {
            out.extend(plan.milestones.iter().map(|m| m.number));
            continue;
        }
        let (a, b) = match part.split_once('-') {
            Some((a, b)) => (a.trim(), b.trim()),
            None => (part, part),
        };
        let (Ok(a), Ok(b)) = (a.parse::<u32>(), b.parse::<u32>()) else {
            return Err(crate::tr!("what-if-not-a-number", part = part));
        };
        if a > b {
            return Err(crate::tr!(
                "what-if-backwards",
                part = part,
                from = b,
                to = a
            ));
        }
        for n in a..=b {
            if plan.milestone(MilestoneNo(n)).is_none() {
                return Err(crate::tr!(
                    "what-if-no-milestone",
                    milestone = n,
                    plan = plan.id
                ));
            }
            out.push(MilestoneNo(n));
        }
    }
    out.sort();
    out.dedup();
    Ok(out)
}

/// Parses `N=60%` (also `13-15=60%`).
pub fn parse_partial(text: &str, plan: &Plan) -> Result<Vec<(MilestoneNo, Percent)>, String> {
    let Some((list, pct)) = text.split_once('=') else {
        return Err(crate::tr!("what-if-not-partial", text = text));
    };
    let pct = pct.trim();
    let number = pct
        .strip_suffix('%')
        .ok_or_else(|| crate::tr!("what-if-not-percent", text = pct))?;
    let p = literal::percent(number.trim()).map_err(|e| format!("{}: {}", e.message, e.help))?;
    if p.value() < rust_decimal::Decimal::ZERO || p.value() > rust_decimal::Decimal::ONE_HUNDRED {
        return Err(crate::tr!("what-if-out-of-range", share = p));
    }
    Ok(parse_list(list, plan)?
        .into_iter()
        .map(|m| (m, p))
        .collect())
}
