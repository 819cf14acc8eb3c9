//! `mijlpaal report`: one self-contained HTML page for a council: a summary
//! per party, the milestones with their status and reason, the obligations
//! ahead, the checker's findings, money over time per stream and the
//! dependency graph of the milestones (both inline SVG, see `render::svg`).
//!
//! Like every renderer it decides nothing and does no IO: the CLI loads,
//! passes the gate, evaluates (at `--at` and at each month end before it)
//! and writes the bytes. Every text that comes from a plan, rule set or
//! facts file goes through [`html`]: hidden characters escaped as in every
//! output (`render::escape::text`), then `& < > " '` as entities. The page
//! is also well-formed XML (void elements closed, only the five XML
//! entities), so a test reads it with an XML parser. The same inputs give
//! the same bytes: no clock, no hash order, pixel positions rounded
//! explicitly. Every text of the page's own is in [`Texts`] (`ENGLISH`
//! today), so a Dutch set can be swapped in.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use chrono::NaiveDate;

use crate::diagnostic::Diagnostic;
use crate::eval::{amount_of, Column, Evaluation, PerStream, Status};
use crate::model::{Money, Plan, StreamId};
use crate::render::escape;
use crate::render::svg;
use crate::source::SourceMap;

/// Every text of the page that is not from the input: headings, labels,
/// legends. One set per language; the ids (`data-status`, `data-column`)
/// stay the English ids whatever the language.
#[derive(Debug, Clone)]
pub struct Texts {
    pub lang: &'static str,
    pub report_for: String,
    pub evaluated_at: String,
    pub plan: String,
    pub rule_set: String,
    pub period: String,
    pub party_only: String,
    pub contents: String,
    pub notice: String,
    pub summary: String,
    pub summary_intro: String,
    pub party: String,
    pub stream: String,
    pub total: String,
    pub too_large: String,
    pub milestones: String,
    pub number: String,
    pub component: String,
    pub milestone: String,
    pub status: String,
    pub due: String,
    pub postponed_to: String,
    pub reason: String,
    pub obligations: String,
    pub obligations_intro: String,
    pub no_obligations: String,
    pub kind: String,
    pub amount: String,
    pub what: String,
    pub overdue: String,
    pub findings: String,
    pub no_findings: String,
    pub severity: String,
    pub code: String,
    pub location: String,
    pub message: String,
    pub help: String,
    pub money_over_time: String,
    pub money_intro: String,
    pub dependencies: String,
    pub dependencies_intro: String,
    pub no_due_date: String,
    pub generated_by: String,
    pub figures: String,
    pub date: String,
}

impl Texts {
    /// The page's texts in the current language (`crate::i18n`).
    pub fn current() -> Texts {
        Texts {
            lang: crate::i18n::lang().tag(),
            report_for: crate::tr!("report-report-for"),
            evaluated_at: crate::tr!("report-evaluated-at"),
            plan: crate::tr!("report-plan"),
            rule_set: crate::tr!("report-rule-set"),
            period: crate::tr!("report-period"),
            party_only: crate::tr!("report-party-only"),
            contents: crate::tr!("report-contents"),
            notice: crate::tr!("report-notice"),
            summary: crate::tr!("report-summary"),
            summary_intro: crate::tr!("report-summary-intro"),
            party: crate::tr!("report-party"),
            stream: crate::tr!("report-stream"),
            total: crate::tr!("report-total"),
            too_large: crate::tr!("report-too-large"),
            milestones: crate::tr!("report-milestones"),
            number: crate::tr!("report-number"),
            component: crate::tr!("report-component"),
            milestone: crate::tr!("report-milestone"),
            status: crate::tr!("report-status"),
            due: crate::tr!("report-due"),
            postponed_to: crate::tr!("report-postponed-to"),
            reason: crate::tr!("report-reason"),
            obligations: crate::tr!("report-obligations"),
            obligations_intro: crate::tr!("report-obligations-intro"),
            no_obligations: crate::tr!("report-no-obligations"),
            kind: crate::tr!("report-kind"),
            amount: crate::tr!("report-amount"),
            what: crate::tr!("report-what"),
            overdue: crate::tr!("report-overdue"),
            findings: crate::tr!("report-findings"),
            no_findings: crate::tr!("report-no-findings"),
            severity: crate::tr!("report-severity"),
            code: crate::tr!("report-code"),
            location: crate::tr!("report-location"),
            message: crate::tr!("report-message"),
            help: crate::tr!("report-help"),
            money_over_time: crate::tr!("report-money-over-time"),
            money_intro: crate::tr!("report-money-intro"),
            dependencies: crate::tr!("report-dependencies"),
            dependencies_intro: crate::tr!("report-dependencies-intro"),
            no_due_date: crate::tr!("report-no-due-date"),
            generated_by: crate::tr!("report-generated-by"),
            figures: crate::tr!("report-figures"),
            date: crate::tr!("report-date"),
        }
    }
}

/// Text from the input, as HTML: hidden characters escaped as in every
/// output, then the five characters HTML and XML give meaning to.
pub fn html(s: &str) -> String {
    let shown = escape::text(s);
    let mut out = String::with_capacity(shown.len());
    for c in shown.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The totals per stream of one evaluation, for the chart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Point {
    pub at: NaiveDate,
    /// Per stream, in the plan's stream order: earned, repayable, exposure
    /// (`None`: a total no decimal holds).
    pub streams: Vec<(StreamId, [Option<Money>; 3])>,
}

/// The columns the chart draws, in the order of [`Point::streams`].
pub const CHART_COLUMNS: [Column; 3] = [Column::Earned, Column::Repayable, Column::Exposure];

impl Point {
    /// The totals over all milestones of an evaluation.
    pub fn of(e: &Evaluation) -> Point {
        let totals = crate::eval::timeline::milestone_totals(&e.streams, &e.milestones);
        let total = |c: Column, si: usize| {
            totals
                .iter()
                .find(|(x, _)| *x == c)
                .and_then(|(_, per)| per.get(si))
                .and_then(|(_, sum)| *sum)
        };
        Point {
            at: e.at,
            streams: e
                .streams
                .iter()
                .enumerate()
                .map(|(si, s)| (s.clone(), CHART_COLUMNS.map(|c| total(c, si))))
                .collect(),
        }
    }
}

/// What the page is made from.
pub struct Input<'a> {
    /// The plan as written (the title, parties, components).
    pub plan: &'a Plan,
    /// The plan as it stands at the evaluation date (milestones added or
    /// changed by amendments), for the milestone texts and `after`.
    pub plan_at: &'a Plan,
    pub evaluation: &'a Evaluation,
    /// The totals at each month end up to the evaluation date, in date order.
    pub series: &'a [Point],
    /// What the checks and the evaluation found, as `evaluate` shows them.
    pub findings: &'a [Diagnostic],
    pub sources: &'a SourceMap,
    /// The gate's notice (`--allow-errors`, `--allow-unpinned`), or empty.
    pub notice: &'a str,
    /// Only this party's money and obligations.
    pub party: Option<&'a str>,
    pub texts: &'a Texts,
}

/// A sum over streams: exact, or `None` when no decimal holds it.
fn total(v: &PerStream) -> Option<Money> {
    Money::checked_sum(v.iter().map(|(_, m)| *m))
}

fn money_cell(t: &Texts, m: Option<Money>, attrs: &str) -> String {
    match m {
        Some(m) => format!(
            "<td class=\"num\"{attrs} data-amount=\"{}\">{}</td>",
            m.to_plain(),
            html(&m.to_string())
        ),
        None => format!(
            "<td class=\"num\"{attrs} data-amount=\"\">{}</td>",
            t.too_large
        ),
    }
}

pub const STYLE: &str = "
:root { color-scheme: light; }
body { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif; color: #1b1b1b; margin: 2rem auto; max-width: 1200px; padding: 0 1rem; line-height: 1.4; }
h1 { font-size: 1.6rem; margin-bottom: 0.2rem; }
h2 { font-size: 1.25rem; border-bottom: 2px solid #154273; padding-bottom: 0.2rem; margin-top: 2rem; }
h3 { font-size: 1.05rem; }
.meta { color: #555; margin-top: 0; }
.notice { border: 2px solid #b00020; background: #fdecee; padding: 0.5rem 1rem; }
table { border-collapse: collapse; width: 100%; font-size: 0.85rem; margin: 0.5rem 0 1rem; }
th, td { border-bottom: 1px solid #ddd; padding: 0.2rem 0.4rem; text-align: left; vertical-align: top; }
th { background: #eef2f7; }
td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
tr.total td { font-weight: bold; border-bottom: 2px solid #999; }
.status { white-space: nowrap; padding: 0 0.3rem; border-radius: 3px; }
.s-achieved, .s-deemed-achieved { background: #d8f0dc; }
.s-partially-achieved, .s-postponed { background: #fff1c7; }
.s-missed, .s-lapsed { background: #f8d6d6; }
.s-open, .s-due, .s-in-assessment { background: #e3ecf7; }
.s-withdrawn { background: #e6e6e6; }
td time { white-space: nowrap; }
.legend { font-size: 0.85rem; }
.legend span.swatch { display: inline-block; width: 0.9em; height: 0.9em; border: 1px solid #333; border-radius: 50%; vertical-align: middle; margin: 0 0.2rem 0 0.8rem; }
.overdue { color: #b00020; font-weight: bold; }
.sev-error { color: #b00020; font-weight: bold; }
.sev-warning { color: #8a5a00; font-weight: bold; }
code { font-size: 0.9em; }
svg { max-width: 100%; height: auto; font-family: inherit; }
figure { margin: 0 0 1.5rem; }
figcaption { font-size: 0.85rem; color: #444; }
footer { margin-top: 2rem; color: #777; font-size: 0.8rem; }
@media print {
  body { margin: 0; max-width: none; font-size: 10pt; }
  nav, details { display: none; }
  section { break-before: page; }
  section#summary { break-before: auto; }
  tr, figure { break-inside: avoid; }
  thead { display: table-header-group; }
  h2 { break-after: avoid; }
}
";

/// The page.
pub fn report(input: &Input<'_>) -> String {
    let t = input.texts;
    let e = input.evaluation;
    let plan = input.plan;
    let mut out = String::with_capacity(64 * 1024);
    let title = format!("{}: {}", t.report_for, plan.title);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\"/>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        t.lang,
        html(&title)
    );
    // Header.
    let _ = write!(
        out,
        "<header>\n<h1 id=\"title\">{}</h1>\n<p class=\"meta\">{} <code id=\"plan-id\">{}</code>",
        html(&plan.title),
        t.plan,
        html(plan.id.as_str())
    );
    if let Some(r) = &plan.rules {
        let _ = write!(out, " · {} <code>{}</code>", t.rule_set, html(&r.name));
    }
    if let Some(p) = &plan.period {
        let _ = write!(out, " · {} {} – {}", t.period, p.from, p.to);
    }
    let _ = write!(
        out,
        " · {} <time id=\"at\" datetime=\"{at}\">{at}</time>",
        t.evaluated_at,
        at = e.at
    );
    if let Some(p) = input.party {
        let _ = write!(
            out,
            " · {} <code id=\"party\">{}</code>",
            t.party_only,
            html(p)
        );
    }
    out.push_str("</p>\n");
    if !input.notice.is_empty() {
        let _ = write!(
            out,
            "<div class=\"notice\" id=\"notice\"><strong>{}</strong>\n<ul>\n",
            t.notice
        );
        for line in input.notice.lines() {
            let _ = writeln!(out, "<li>{}</li>", html(line));
        }
        out.push_str("</ul>\n</div>\n");
    }
    out.push_str("</header>\n");
    // Contents.
    let sections = [
        ("summary", &t.summary),
        ("milestones", &t.milestones),
        ("obligations", &t.obligations),
        ("findings", &t.findings),
        ("money", &t.money_over_time),
        ("dependencies", &t.dependencies),
    ];
    let _ = write!(out, "<nav>\n<strong>{}</strong>\n<ol>\n", t.contents);
    for (id, name) in sections {
        let _ = writeln!(out, "<li><a href=\"#{id}\">{name}</a></li>");
    }
    out.push_str("</ol>\n</nav>\n");
    summary(&mut out, input);
    milestones(&mut out, input);
    obligations(&mut out, input);
    findings(&mut out, input);
    money(&mut out, input);
    dependencies(&mut out, input);
    let _ = write!(
        out,
        "<footer>{} {}</footer>\n</body>\n</html>\n",
        t.generated_by,
        env!("CARGO_PKG_VERSION")
    );
    out
}

fn summary(out: &mut String, input: &Input<'_>) {
    let t = input.texts;
    let e = input.evaluation;
    let _ = write!(
        out,
        "<section id=\"summary\">\n<h2>{}</h2>\n<p>{}</p>\n<table id=\"parties\">\n<thead><tr><th>{}</th><th>{}</th>",
        t.summary, t.summary_intro, t.party, t.stream
    );
    for c in Column::ALL {
        let _ = write!(out, "<th class=\"num\">{}</th>", c.label());
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    let names: BTreeMap<&str, &str> = input
        .plan
        .parties
        .iter()
        .rev()
        .map(|x| (x.id.as_str(), x.name.as_str()))
        .collect();
    for p in e
        .parties
        .iter()
        .filter(|p| input.party.is_none_or(|id| id == p.id))
    {
        let name = names.get(p.id.as_str()).copied().unwrap_or(p.id.as_str());
        let id = html(&p.id);
        for s in &e.streams {
            let _ = write!(
                out,
                "<tr data-party=\"{id}\" data-stream=\"{s}\"><td>{}</td><td>{s}</td>",
                html(name),
                s = html(s.as_str())
            );
            for c in Column::ALL {
                let attr = format!(" data-column=\"{}\"", c.name());
                out.push_str(&money_cell(t, Some(amount_of(p.column(c), s)), &attr));
            }
            out.push_str("</tr>\n");
        }
        let _ = write!(
            out,
            "<tr class=\"total\" data-party=\"{id}\" data-stream=\"\"><td>{}</td><td>{}</td>",
            html(name),
            t.total
        );
        for c in Column::ALL {
            let attr = format!(" data-column=\"{}\"", c.name());
            out.push_str(&money_cell(t, total(p.column(c)), &attr));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
}

fn milestones(out: &mut String, input: &Input<'_>) {
    let t = input.texts;
    let e = input.evaluation;
    let _ = write!(
        out,
        "<section id=\"milestones\">\n<h2>{}</h2>\n<table id=\"milestone-table\">\n<thead><tr><th class=\"num\">{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th>",
        t.milestones, t.number, t.component, t.milestone, t.status, t.due
    );
    for c in Column::MILESTONE {
        let _ = write!(out, "<th class=\"num\">{}</th>", c.label());
    }
    let _ = write!(out, "<th>{}</th></tr></thead>\n<tbody>\n", t.reason);
    let components: BTreeMap<_, _> = input
        .plan_at
        .components
        .iter()
        .rev()
        .map(|c| (c.number, c))
        .collect();
    for m in &e.milestones {
        let written = input.plan_at.milestone(m.number);
        let component = written
            .and_then(|w| components.get(&w.component))
            .map(|c| format!("{}. {}", c.number, c.name))
            .unwrap_or_default();
        let text = written.map(|w| w.text.as_str()).unwrap_or_default();
        let status = m.status.as_str();
        let _ = write!(
            out,
            "<tr data-milestone=\"{n}\" data-status=\"{status}\"><td class=\"num\">{n}</td><td>{}</td><td>{}</td><td><span class=\"status s-{status}\">{}</span></td><td>",
            html(&component),
            html(text),
            m.status.label(),
            n = m.number
        );
        if let Some(d) = m.due {
            let _ = write!(out, "<time>{d}</time>");
        }
        if let Some(d) = m.effective_due.filter(|d| Some(*d) != m.due) {
            let _ = write!(out, "<br/>{} <time>{d}</time>", t.postponed_to);
        }
        out.push_str("</td>");
        for c in Column::MILESTONE {
            let attr = format!(" data-column=\"{}\"", c.name());
            out.push_str(&money_cell(t, m.column(c).and_then(total), &attr));
        }
        let _ = write!(out, "<td class=\"reason\">{}", html(&m.reason));
        cite_small(out, m.cite.as_ref());
        out.push_str("</td></tr>\n");
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
}

/// The clause a result rests on, small, after its text: `(entitlement, art. 3.1.2)`.
fn cite_small(out: &mut String, cite: Option<&crate::model::Cite>) {
    if let Some(c) = cite {
        let _ = write!(
            out,
            " <small>({}, {})</small>",
            html(c.clause),
            html(&c.citation)
        );
    }
}

fn obligations(out: &mut String, input: &Input<'_>) {
    let t = input.texts;
    let e = input.evaluation;
    let _ = write!(
        out,
        "<section id=\"obligations\">\n<h2>{}</h2>\n<p>{} <time>{}</time>.</p>\n",
        t.obligations,
        t.obligations_intro,
        e.horizon_end()
    );
    let duties: Vec<_> = e
        .obligations
        .iter()
        .filter(|d| input.party.is_none_or(|id| id == &*d.party))
        .collect();
    if duties.is_empty() {
        let _ = writeln!(out, "<p id=\"no-obligations\">{}</p>", t.no_obligations);
    }
    let _ = write!(
        out,
        "<table id=\"obligation-table\">\n<thead><tr><th>{}</th><th>{}</th><th>{}</th><th class=\"num\">{}</th><th>{}</th><th class=\"num\">{}</th><th>{}</th></tr></thead>\n<tbody>\n",
        t.due, t.party, t.kind, t.number, t.stream, t.amount, t.what
    );
    for d in duties {
        let milestone = d.milestone.map(|m| m.to_string()).unwrap_or_default();
        let stream = d
            .stream
            .as_ref()
            .map(|s| html(s.as_str()))
            .unwrap_or_default();
        let _ = write!(
            out,
            "<tr data-due=\"{due}\" data-party=\"{party}\" data-kind=\"{kind}\" data-milestone=\"{milestone}\" data-stream=\"{stream}\" data-overdue=\"{overdue}\"><td><time>{due}</time>{flag}</td><td>{party}</td><td>{}</td><td class=\"num\">{milestone}</td><td>{stream}</td>",
            d.kind.label(),
            due = d.due,
            party = html(&d.party),
            kind = d.kind.as_str(),
            overdue = d.overdue,
            flag = if d.overdue {
                format!(" <span class=\"overdue\">{}</span>", t.overdue)
            } else {
                String::new()
            }
        );
        match d.amount {
            Some(a) => out.push_str(&money_cell(t, Some(a), "")),
            None => out.push_str("<td class=\"num\" data-amount=\"\"></td>"),
        }
        let _ = write!(out, "<td>{}", html(&d.text));
        cite_small(out, d.cite.as_deref());
        out.push_str("</td></tr>\n");
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
}

fn findings(out: &mut String, input: &Input<'_>) {
    let t = input.texts;
    let _ = write!(out, "<section id=\"findings\">\n<h2>{}</h2>\n", t.findings);
    if input.findings.is_empty() {
        let _ = writeln!(out, "<p id=\"no-findings\">{}</p>", t.no_findings);
    }
    let _ = write!(
        out,
        "<table id=\"finding-table\">\n<thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>\n",
        t.severity, t.code, t.location, t.message
    );
    for d in input.findings {
        let j = crate::render::json::to_json_diagnostic(d, input.sources);
        let place = match (&j.file, j.line, j.column) {
            (Some(f), Some(l), Some(c)) => format!("{f}:{l}:{c}"),
            (Some(f), _, _) => f.clone(),
            _ => String::new(),
        };
        let _ = write!(
            out,
            "<tr data-code=\"{code}\" data-severity=\"{sev}\"><td class=\"sev-{sev}\">{sev}</td><td><code>{code}</code></td><td><code>{}</code></td><td>{}",
            html(&place),
            html(&j.message),
            code = j.code,
            sev = j.severity
        );
        for l in &j.labels {
            if !l.message.is_empty() {
                let _ = write!(
                    out,
                    "<br/><small>{}:{}: {}</small>",
                    l.line,
                    l.column,
                    html(&l.message)
                );
            }
        }
        if let Some(h) = &j.help {
            let _ = write!(out, "<br/><small>{}: {}</small>", t.help, html(h));
        }
        for n in &j.notes {
            let _ = write!(out, "<br/><small>{}</small>", html(n));
        }
        out.push_str("</td></tr>\n");
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
}

fn money(out: &mut String, input: &Input<'_>) {
    let t = input.texts;
    let _ = write!(
        out,
        "<section id=\"money\">\n<h2>{}</h2>\n<p>{}</p>\n",
        t.money_over_time, t.money_intro
    );
    for s in &input.evaluation.streams {
        let name = input
            .plan
            .streams
            .iter()
            .find(|x| &x.id == s)
            .map(|x| x.name.as_str())
            .unwrap_or(s.as_str());
        let _ = write!(
            out,
            "<figure data-stream=\"{}\">\n<h3>{} ({})</h3>\n",
            html(s.as_str()),
            html(name),
            html(s.as_str())
        );
        out.push_str(&svg::money_chart(input.series, s, t));
        series_table(out, input, s);
        out.push_str("</figure>\n");
    }
    out.push_str("</section>\n");
}

/// The chart's figures, exact, under a fold.
fn series_table(out: &mut String, input: &Input<'_>, s: &StreamId) {
    let t = input.texts;
    let _ = write!(
        out,
        "<details>\n<summary>{}</summary>\n<table class=\"series\" data-stream=\"{}\">\n<thead><tr><th>{}</th>",
        t.figures,
        html(s.as_str()),
        t.date
    );
    for c in CHART_COLUMNS {
        let _ = write!(out, "<th class=\"num\">{}</th>", c.label());
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for p in input.series {
        let _ = write!(
            out,
            "<tr data-date=\"{at}\"><td><time>{at}</time></td>",
            at = p.at
        );
        let cols = p.streams.iter().find(|(x, _)| x == s).map(|(_, c)| c);
        for (i, c) in CHART_COLUMNS.iter().enumerate() {
            let attr = format!(" data-column=\"{}\"", c.name());
            let m = cols.and_then(|v| v.get(i).copied().flatten());
            out.push_str(&money_cell(t, m, &attr));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n</details>\n");
}

fn dependencies(out: &mut String, input: &Input<'_>) {
    let t = input.texts;
    let _ = write!(
        out,
        "<section id=\"dependencies\">\n<h2>{}</h2>\n<p>{}</p>\n<figure>\n",
        t.dependencies, t.dependencies_intro
    );
    out.push_str(&svg::dependency_graph(input.plan_at, input.evaluation, t));
    let _ = write!(out, "<figcaption class=\"legend\">{}:", t.status);
    for status in Status::ALL {
        let _ = write!(
            out,
            "<span class=\"swatch\" style=\"background: {}\"></span>{}",
            svg::status_colour(status),
            status.label()
        );
    }
    out.push_str("</figcaption>\n</figure>\n</section>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_hidden_characters() {
        assert_eq!(
            html("<script>alert('x' & \"y\")</script>"),
            "&lt;script&gt;alert(&#39;x&#39; &amp; &quot;y&quot;)&lt;/script&gt;"
        );
        assert_eq!(html("a\u{202e}b"), "a\\u{202e}b");
    }
}
