//! The two pictures of `mijlpaal report`, as inline SVG: money over time
//! for one stream, and the milestones' dependency graph laid out by due
//! date. Pixel positions are the only place where floating point is used
//! (`f64`, each rounded to a tenth of a pixel by [`px`] before it is
//! written, so the same input gives the same bytes); every amount shown as
//! text is the exact `Money`, never a float.

use std::cmp::Reverse;
use std::collections::{BTreeMap, BTreeSet, BinaryHeap};
use std::fmt::Write as _;

use chrono::{Datelike, NaiveDate};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use crate::eval::{Evaluation, Status};
use crate::model::{ComponentNo, MilestoneNo, Money, Plan, StreamId};
use crate::render::report::{html, Point, Texts, CHART_COLUMNS};

/// A pixel position, rounded explicitly to a tenth of a pixel (and never
/// `-0.0`). Pixel positions only: floats never show an amount.
fn px(v: f64) -> String {
    let r = (v * 10.0).round() / 10.0 + 0.0;
    if r.is_finite() {
        format!("{r:.1}")
    } else {
        "0.0".to_string()
    }
}

/// Days from `from` to `to`, as a float for a pixel position.
fn days(from: NaiveDate, to: NaiveDate) -> f64 {
    // Pixel position only.
    to.signed_duration_since(from).num_days() as f64
}

/// An amount as a float, for a pixel position only.
fn pixels_of(m: Money) -> f64 {
    m.amount().to_f64().unwrap_or(0.0)
}

const CHART_W: f64 = 1000.0;
const CHART_H: f64 = 300.0;
const CHART_LEFT: f64 = 120.0;
const CHART_RIGHT: f64 = 40.0;
const CHART_TOP: f64 = 30.0;
const CHART_BOTTOM: f64 = 40.0;

fn chart_colour(i: usize) -> (&'static str, &'static str) {
    match i {
        0 => ("#2e7d32", ""),
        1 => ("#c62828", " stroke-dasharray=\"8 4\""),
        _ => ("#ef6c00", " stroke-dasharray=\"3 3\""),
    }
}

/// Money over time for stream `s`: a line per column of [`CHART_COLUMNS`].
pub fn money_chart(series: &[Point], s: &StreamId, t: &Texts) -> String {
    let mut out = String::new();
    let values = |i: usize| -> Vec<(NaiveDate, Option<Money>)> {
        series
            .iter()
            .map(|p| {
                let v = p
                    .streams
                    .iter()
                    .find(|(x, _)| x == s)
                    .and_then(|(_, cols)| cols.get(i).copied().flatten());
                (p.at, v)
            })
            .collect()
    };
    let max = series
        .iter()
        .flat_map(|p| p.streams.iter().filter(|(x, _)| x == s))
        .flat_map(|(_, cols)| cols.iter().flatten().copied())
        .max()
        .unwrap_or(Money::ZERO);
    let scale = if max.is_zero() { 1.0 } else { pixels_of(max) };
    let (first, last) = match (series.first(), series.last()) {
        (Some(a), Some(b)) => (a.at, b.at),
        _ => return out,
    };
    let span = days(first, last);
    let plot_w = CHART_W - CHART_LEFT - CHART_RIGHT;
    let plot_h = CHART_H - CHART_TOP - CHART_BOTTOM;
    let x_of = |d: NaiveDate| {
        if span > 0.0 {
            CHART_LEFT + days(first, d) / span * plot_w
        } else {
            CHART_LEFT + plot_w / 2.0
        }
    };
    let y_of = |m: Money| CHART_TOP + plot_h - pixels_of(m) / scale * plot_h;
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" data-stream=\"{sid}\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\" role=\"img\" aria-label=\"{label} {sid}\">\n<title>{label} {sid}</title>\n",
        sid = html(s.as_str()),
        w = px(CHART_W),
        h = px(CHART_H),
        label = t.money_over_time
    );
    // Horizontal grid with exact amounts: 0, ¼, ½, ¾ and the maximum.
    for k in 0..=4i64 {
        let tick = max
            .checked_mul(Decimal::new(k.saturating_mul(25), 2))
            .map(|m| Money::new(m.amount().round_dp(0)))
            .unwrap_or(Money::ZERO);
        if k > 0 && max.is_zero() {
            break;
        }
        let y = px(y_of(tick));
        let _ = writeln!(
            out,
            "<line x1=\"{}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\" stroke=\"#ddd\"/><text x=\"{}\" y=\"{y}\" font-size=\"11\" text-anchor=\"end\" dominant-baseline=\"middle\">{}</text>",
            px(CHART_LEFT),
            px(CHART_W - CHART_RIGHT),
            px(CHART_LEFT - 6.0),
            html(&tick.to_string())
        );
    }
    // Dates along the bottom: the first point and each January.
    let mut last_label: Option<NaiveDate> = None;
    for p in series {
        let far = last_label.is_none_or(|l| days(l, p.at) > 75.0);
        if (last_label.is_none() || p.at.month() == 1) && far {
            let x = px(x_of(p.at));
            let _ = writeln!(
                out,
                "<line x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\" stroke=\"#999\"/><text x=\"{x}\" y=\"{}\" font-size=\"11\" text-anchor=\"middle\">{}-{:02}</text>",
                px(CHART_TOP + plot_h),
                px(CHART_TOP + plot_h + 5.0),
                px(CHART_TOP + plot_h + 18.0),
                p.at.year(),
                p.at.month()
            );
            last_label = Some(p.at);
        }
    }
    let _ = writeln!(
        out,
        "<line x1=\"{l}\" y1=\"{b}\" x2=\"{r}\" y2=\"{b}\" stroke=\"#333\"/><line x1=\"{l}\" y1=\"{t}\" x2=\"{l}\" y2=\"{b}\" stroke=\"#333\"/>",
        l = px(CHART_LEFT),
        r = px(CHART_W - CHART_RIGHT),
        t = px(CHART_TOP),
        b = px(CHART_TOP + plot_h)
    );
    for (i, c) in CHART_COLUMNS.iter().enumerate() {
        let (colour, dash) = chart_colour(i);
        let points: Vec<String> = values(i)
            .into_iter()
            .filter_map(|(d, v)| v.map(|m| format!("{},{}", px(x_of(d)), px(y_of(m)))))
            .collect();
        let _ = writeln!(
            out,
            "<polyline data-column=\"{}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\"{dash} points=\"{}\"><title>{}</title></polyline>",
            c.name(),
            points.join(" "),
            c.label()
        );
        // The legend, top left.
        let lx = CHART_LEFT + 10.0 + 150.0 * (i as f64);
        let _ = writeln!(
            out,
            "<line x1=\"{}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\" stroke=\"{colour}\" stroke-width=\"2\"{dash}/><text x=\"{}\" y=\"{y}\" font-size=\"12\" dominant-baseline=\"middle\">{}</text>",
            px(lx),
            px(lx + 30.0),
            px(lx + 36.0),
            c.label(),
            y = px(CHART_TOP - 14.0)
        );
    }
    out.push_str("</svg>\n");
    out
}

pub fn status_colour(s: Status) -> &'static str {
    match s {
        Status::Achieved | Status::DeemedAchieved => "#81c784",
        Status::PartiallyAchieved | Status::Postponed => "#ffd54f",
        Status::Missed | Status::Lapsed => "#e57373",
        Status::Open | Status::Due | Status::InAssessment => "#90caf9",
        Status::Withdrawn => "#bdbdbd",
    }
}

const GRAPH_W: f64 = 1100.0;
const GRAPH_LEFT: f64 = 230.0;
const GRAPH_RIGHT: f64 = 30.0;
const GRAPH_TOP: f64 = 30.0;
const NODE_R: f64 = 11.0;
const ROW_H: f64 = 28.0;
const LANE_PAD: f64 = 8.0;
/// Room at the right for milestones without a due date.
const UNDATED_W: f64 = 70.0;

struct Node {
    number: MilestoneNo,
    status: Status,
    due: Option<NaiveDate>,
    lane: usize,
    x: f64,
    row: usize,
    title: String,
}

/// Gives each node (in date order per lane) the lowest row of its lane that
/// ended far enough to its left, else a new row; returns the rows per lane.
/// Rows still in use wait in a heap by where they end, free rows in a set,
/// so a thousand milestones on one day stay linear-logarithmic.
fn assign_rows(nodes: &mut [Node], lanes: usize) -> Vec<usize> {
    let mut rows_per_lane = vec![1usize; lanes];
    type Rows = (BinaryHeap<Reverse<(i64, usize)>>, BTreeSet<usize>, usize);
    let mut lane_rows: BTreeMap<usize, Rows> = BTreeMap::new();
    // Tenths of a pixel, as integers, to order the heap.
    let gap = ((2.0 * NODE_R + 4.0) * 10.0).round() as i64;
    for n in nodes {
        let (busy, free, opened) = lane_rows.entry(n.lane).or_default();
        let x = (n.x * 10.0).round() as i64;
        while let Some(Reverse((end, row))) = busy.peek().copied() {
            if x.saturating_sub(end) < gap {
                break;
            }
            busy.pop();
            free.insert(row);
        }
        let row = match free.pop_first() {
            Some(r) => r,
            None => {
                let r = *opened;
                *opened = opened.saturating_add(1);
                r
            }
        };
        busy.push(Reverse((x, row)));
        n.row = row;
        if let Some(r) = rows_per_lane.get_mut(n.lane) {
            *r = (*r).max(row.saturating_add(1));
        }
    }
    rows_per_lane
}

/// The dependency graph: a node per milestone at its due date (x) in the
/// band of its component (y), stacked where they would overlap; an arrow
/// per `after`.
pub fn dependency_graph(plan: &Plan, e: &Evaluation, t: &Texts) -> String {
    let mut out = String::new();
    // Lanes: the components in the plan's order, then any other.
    let mut lanes: Vec<(ComponentNo, String)> = plan
        .components
        .iter()
        .map(|c| (c.number, format!("{}. {}", c.number, c.name)))
        .collect();
    let component_of = |n: MilestoneNo| plan.milestone(n).map(|m| m.component);
    let mut lane_of: BTreeMap<ComponentNo, usize> = BTreeMap::new();
    for (i, (c, _)) in lanes.iter().enumerate() {
        lane_of.entry(*c).or_insert(i);
    }
    for m in &e.milestones {
        if let Some(c) = component_of(m.number) {
            if let std::collections::btree_map::Entry::Vacant(v) = lane_of.entry(c) {
                v.insert(lanes.len());
                lanes.push((c, c.to_string()));
            }
        }
    }
    let dues: Vec<NaiveDate> = e
        .milestones
        .iter()
        .filter_map(|m| m.effective_due.or(m.due))
        .chain(std::iter::once(e.at))
        .collect();
    let (Some(lo), Some(hi)) = (dues.iter().min().copied(), dues.iter().max().copied()) else {
        return out;
    };
    let from = NaiveDate::from_ymd_opt(lo.year(), 1, 1).unwrap_or(lo);
    // A month beyond the last date, so that its node and label fit.
    let to = hi.checked_add_days(chrono::Days::new(45)).unwrap_or(hi);
    let undated = e
        .milestones
        .iter()
        .any(|m| m.effective_due.or(m.due).is_none());
    let plot_right = GRAPH_W - GRAPH_RIGHT - if undated { UNDATED_W } else { 0.0 };
    let span = days(from, to).max(1.0);
    let x_of = |d: NaiveDate| {
        GRAPH_LEFT + NODE_R + days(from, d) / span * (plot_right - GRAPH_LEFT - 2.0 * NODE_R)
    };
    // A node per milestone, in date order within its lane.
    let mut nodes: Vec<Node> = e
        .milestones
        .iter()
        .map(|m| {
            let due = m.effective_due.or(m.due);
            let lane = component_of(m.number)
                .and_then(|c| lane_of.get(&c).copied())
                .unwrap_or(0);
            let text = plan
                .milestone(m.number)
                .map(|w| w.text.as_str())
                .unwrap_or_default();
            let title = format!(
                "{}: {} ({}, {})",
                m.number,
                text,
                m.status.label(),
                due.map(|d| d.to_string())
                    .unwrap_or_else(|| t.no_due_date.to_string())
            );
            Node {
                number: m.number,
                status: m.status,
                due,
                lane,
                x: due.map_or(GRAPH_W - GRAPH_RIGHT - UNDATED_W / 2.0, x_of),
                row: 0,
                title,
            }
        })
        .collect();
    nodes.sort_by(|a, b| {
        (a.lane, a.due.is_none(), a.due, a.number).cmp(&(b.lane, b.due.is_none(), b.due, b.number))
    });
    let rows_per_lane = assign_rows(&mut nodes, lanes.len());
    // Lane tops.
    let mut tops = Vec::with_capacity(lanes.len());
    let mut y = GRAPH_TOP;
    for rows in &rows_per_lane {
        tops.push(y);
        y += (*rows as f64) * ROW_H + 2.0 * LANE_PAD;
    }
    let height = y + 40.0;
    let centre = |n: &Node| {
        let top = tops.get(n.lane).copied().unwrap_or(GRAPH_TOP);
        (n.x, top + LANE_PAD + ROW_H / 2.0 + (n.row as f64) * ROW_H)
    };
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"graph\" id=\"dependency-graph\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\" role=\"img\" aria-label=\"{label}\">\n<title>{label}</title>\n<defs><marker id=\"arrow\" markerUnits=\"userSpaceOnUse\" markerWidth=\"8\" markerHeight=\"8\" refX=\"{refx}\" refY=\"4\" orient=\"auto\"><path d=\"M0,0 L8,4 L0,8 z\" fill=\"#555\"/></marker></defs>\n",
        w = px(GRAPH_W),
        h = px(height),
        label = t.dependencies,
        refx = px(8.0 + NODE_R)
    );
    // Lanes.
    for (i, (_, name)) in lanes.iter().enumerate() {
        let top = tops.get(i).copied().unwrap_or(GRAPH_TOP);
        let rows = rows_per_lane.get(i).copied().unwrap_or(1) as f64;
        let h = rows * ROW_H + 2.0 * LANE_PAD;
        let fill = if i % 2 == 0 { "#f4f6f9" } else { "#ffffff" };
        let shown: String = name.chars().take(34).collect();
        let shown = if shown.chars().count() < name.chars().count() {
            format!("{shown}…")
        } else {
            shown
        };
        let _ = writeln!(
            out,
            "<rect x=\"0.0\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{fill}\"/><text x=\"6.0\" y=\"{}\" font-size=\"11\" dominant-baseline=\"middle\"><title>{}</title>{}</text>",
            px(top),
            px(GRAPH_W),
            px(h),
            px(top + LANE_PAD + ROW_H / 2.0),
            html(name),
            html(&shown)
        );
    }
    // Years along the top and bottom; the evaluation date.
    let mut year = from.year();
    while let Some(d) = NaiveDate::from_ymd_opt(year, 1, 1).filter(|d| *d <= to) {
        let x = px(x_of(d));
        let _ = writeln!(
            out,
            "<line x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\" stroke=\"#bbb\"/><text x=\"{x}\" y=\"{}\" font-size=\"11\" text-anchor=\"middle\">{year}</text>",
            px(GRAPH_TOP - 4.0),
            px(y),
            px(GRAPH_TOP - 10.0)
        );
        year = year.saturating_add(1);
        if year == i32::MAX {
            break;
        }
    }
    let at = px(x_of(e.at));
    let _ = writeln!(
        out,
        "<line x1=\"{at}\" y1=\"{}\" x2=\"{at}\" y2=\"{}\" stroke=\"#154273\" stroke-width=\"2\" stroke-dasharray=\"6 3\"/><text x=\"{at}\" y=\"{}\" font-size=\"11\" text-anchor=\"middle\" fill=\"#154273\">{}</text>",
        px(GRAPH_TOP - 4.0),
        px(y),
        px(y + 14.0),
        e.at
    );
    if undated {
        let _ = writeln!(
            out,
            "<text x=\"{}\" y=\"{}\" font-size=\"10\" text-anchor=\"middle\">{}</text>",
            px(GRAPH_W - GRAPH_RIGHT - UNDATED_W / 2.0),
            px(y + 14.0),
            t.no_due_date
        );
    }
    // Edges, under the nodes.
    let centres: BTreeMap<MilestoneNo, (f64, f64)> =
        nodes.iter().map(|n| (n.number, centre(n))).collect();
    let position = |n: MilestoneNo| centres.get(&n).copied();
    for m in &e.milestones {
        let Some((x2, y2)) = position(m.number) else {
            continue;
        };
        let Some(written) = plan.milestone(m.number) else {
            continue;
        };
        for (before, _) in &written.after {
            let Some((x1, y1)) = position(*before) else {
                continue;
            };
            let mid = (x1 + x2) / 2.0;
            let _ = writeln!(
                out,
                "<path class=\"edge\" data-from=\"{before}\" data-to=\"{}\" d=\"M{},{} C{},{} {},{} {},{}\" fill=\"none\" stroke=\"#555\" stroke-width=\"1.2\" marker-end=\"url(#arrow)\"/>",
                m.number,
                px(x1),
                px(y1),
                px(mid),
                px(y1),
                px(mid),
                px(y2),
                px(x2),
                px(y2)
            );
        }
    }
    for n in &nodes {
        let (cx, cy) = centre(n);
        let _ = writeln!(
            out,
            "<g class=\"node\" data-milestone=\"{}\" data-status=\"{}\"><title>{}</title><circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"{}\" stroke=\"#333\"/><text x=\"{}\" y=\"{}\" font-size=\"10\" text-anchor=\"middle\" dominant-baseline=\"central\">{}</text></g>",
            n.number,
            n.status.as_str(),
            html(&n.title),
            px(cx),
            px(cy),
            px(NODE_R),
            status_colour(n.status),
            px(cx),
            px(cy),
            n.number
        );
    }
    out.push_str("</svg>\n");
    out
}
