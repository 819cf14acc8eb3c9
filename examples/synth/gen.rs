//! Deterministic generator of synthetic mijlpaal plans, shared by
//! `examples/synth` and `benches/pipeline.rs`.
//!
//! A plan is first built as a [`SynthPlan`] (serde structs), then rendered
//! as mijlpaal text (`.plan`, `.facts`, `.rules`) and, for the comparison
//! benchmark, as JSON of the same content.
#![allow(dead_code)]

use std::fmt::Write as _;

use chrono::{Datelike, Duration, NaiveDate};
use serde::{Deserialize, Serialize};

/// The model rule set; the synthetic one is a copy under another id.
const MODEL_RULES: &str = include_str!("../../rules/overeenkomst-transformatieplan.rules");

/// splitmix64: small, fast, deterministic.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SynthPlan {
    pub id: String,
    pub title: String,
    pub rules: String,
    pub period: Period,
    pub declared_total: Amount,
    pub parties: Vec<Party>,
    pub streams: Vec<Stream>,
    pub key: Key,
    pub subset_key: SubsetKey,
    pub metrics: Vec<Metric>,
    pub default_payouts: Vec<Payout>,
    pub default_risk: Vec<Risk>,
    pub components: Vec<Component>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Period {
    pub from: String,
    pub to: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Party {
    pub id: String,
    pub name: String,
    pub roles: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Stream {
    pub id: String,
    pub name: String,
    pub paid_by: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Key {
    pub id: String,
    pub title: String,
    pub members: Vec<KeyMember>,
    pub declared_total: u64,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct KeyMember {
    pub party: String,
    pub weight: u64,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SubsetKey {
    pub id: String,
    pub title: String,
    pub parent: String,
    pub only: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Metric {
    pub id: String,
    pub title: String,
    /// `count` or `level`.
    pub kind: String,
}

/// Money in whole cents, per stream.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Amount {
    pub total_cents: u64,
    pub split: Vec<StreamAmount>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct StreamAmount {
    pub stream: String,
    pub cents: u64,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Payout {
    pub stream: String,
    pub to: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Risk {
    pub stream: String,
    pub by: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Component {
    pub number: u32,
    pub name: String,
    pub milestones: Vec<Milestone>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Milestone {
    pub number: u32,
    pub text: String,
    /// `effort` or `result`.
    pub kind: String,
    pub due: String,
    pub after: Vec<u32>,
    pub amount: Amount,
    pub payouts: Vec<Payout>,
    pub targets: Vec<Target>,
    pub sets_baseline: Vec<Baseline>,
    pub judged: Option<String>,
    pub evidence: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Baseline {
    pub metric: String,
    pub at: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum Target {
    Count {
        metric: String,
        from: Option<String>,
        op: String,
        value: u64,
    },
    Share {
        numerator: String,
        denominator: String,
        from: Option<String>,
        op: String,
        percent: u32,
    },
    Level {
        metric: String,
        at: String,
        op: String,
        baseline: u32,
        plus_percent: u32,
    },
}

pub struct Generated {
    pub plan: SynthPlan,
    pub plan_text: String,
    pub facts_text: String,
    pub rules_text: String,
}

const COUNT_METRICS: &[(&str, &str)] = &[
    ("gesprekken", "Gevoerde verkennende gesprekken"),
    (
        "naar_sggz",
        "Gesprekken toegeleid naar de specialistische ggz",
    ),
    (
        "naar_sociaal",
        "Gesprekken toegeleid naar het sociaal domein",
    ),
    (
        "casussen",
        "Casussen besproken in het domeinoverstijgend casusoverleg",
    ),
    ("consultvragen", "Consultvragen vanuit het sociaal domein"),
    ("geschoold", "Professionals geschoold in de netwerkintake"),
    (
        "uitvoerders",
        "Professionals die het verkennend gesprek uitvoeren",
    ),
    (
        "bereikt",
        "Unieke inwoners bereikt via campagne en informatielijn",
    ),
    (
        "groepen",
        "Gestarte groepen domeinoverstijgend groepsaanbod",
    ),
    (
        "aanmeldingen",
        "Aanmeldingen bij laagdrempelige steunpunten",
    ),
];
const LEVEL_METRICS: &[(&str, &str)] = &[
    ("wachtlijst", "Omvang ggz-wachtlijst"),
    ("capaciteit", "Capaciteit van het netwerk van steunpunten"),
    ("wachttijd", "Gemiddelde wachttijd in dagen"),
];
/// Share targets: (numerator, denominator, minimum?).
const SHARES: &[(&str, &str, bool)] = &[
    ("naar_sggz", "gesprekken", false),
    ("naar_sociaal", "gesprekken", true),
    ("geschoold", "uitvoerders", true),
];
const ACTIVITIES: &[&str] = &[
    "verkennende gesprekken",
    "casusoverleggen",
    "consultaties vanuit het sociaal domein",
    "bijeenkomsten met huisartsen en wijkteams",
    "trainingen groepsgericht werken",
    "inloopmomenten bij laagdrempelige steunpunten",
];
const PLACES: &[&str] = &[
    "de regio",
    "de drie grote gemeenten",
    "alle deelnemende gemeenten",
    "de subregio Noord",
    "de subregio Zuid",
];
const DELIVERABLES: &[&str] = &[
    "een regionaal kader vastgesteld waarin de werkwijze is uitgewerkt",
    "een plan van aanpak opgesteld en bestuurlijk afgestemd",
    "een fit-gap analyse uitgevoerd van het huidige en gewenste aanbod",
    "een communicatieplan opgeleverd met doelgroepgerichte kernboodschappen",
    "een digitaal overzicht van wachttijden en beschikbaar aanbod operationeel",
    "werkafspraken vastgelegd tussen gemeenten, zorgaanbieders en welzijnspartijen",
];
const EVIDENCE: &[&str] = &[
    "Een door alle betrokken partijen ondertekend document waarin de werkwijze staat beschreven",
    "Kwartaaluitdraai van de registratietool, verzameld door de kerngroep en gerapporteerd aan de stuurgroep",
    "Rapportage met onderbouwing op basis van cijfers van de zorgaanbieders",
    "Certificaat van geslaagde afronding scholing",
    "Gedocumenteerde analyse per gemeente",
];
const JUDGES: &[&str] = &[
    "Stuurgroep samen met de zorgverzekeraar: document vastgesteld en ondertekend",
    "Coordinerende zorgverzekeraar met de tweede beoordelaar: resultaat aangetoond",
    "Stuurgroep: uitvraag en check bij gemeenten en organisaties",
];

/// Dutch thousands grouping: 1237000 -> "1.237.000".
pub fn dutch_int(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3);
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// "€ 1.237.000" or "€ 98.500,50".
pub fn euro(cents: u64) -> String {
    let (whole, rest) = (cents / 100, cents % 100);
    if rest == 0 {
        format!("€ {}", dutch_int(whole))
    } else {
        format!("€ {},{rest:02}", dutch_int(whole))
    }
}

fn date(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

/// Generates a plan of `milestones` milestones and `parties` municipalities.
pub fn generate(milestones: usize, parties: usize, seed: u64) -> Generated {
    assert!(parties >= 3, "at least three municipalities");
    let mut rng = Rng::new(seed);
    let start = ymd(2025, 1, 1);
    let end = ymd(2027, 12, 31);
    // Last due date whose four-week assessment window ends by the payout cutoff (C305).
    let last_due = ymd(2027, 11, 30);
    let first_due = ymd(2025, 1, 31);
    let span_days = (last_due - first_due).num_days() as u64;

    // Parties: the municipalities, then the regional body, insurers and care provider.
    let mut party_list = Vec::with_capacity(parties + 4);
    for i in 1..=parties {
        let mut roles = vec!["municipality".to_string()];
        if i == 1 {
            roles.push("financier".to_string());
        }
        party_list.push(Party {
            id: format!("g{i:04}"),
            name: format!("Gemeente Synthetisch {i}"),
            roles,
        });
    }
    for (id, name, roles) in [
        (
            "regio",
            "Regionaal Samenwerkingsverband",
            &["regional-body", "steering-group"][..],
        ),
        ("zk1", "Zorgverzekeraar Een", &["coordinating-insurer"][..]),
        ("zk2", "Zorgverzekeraar Twee", &["second-insurer"][..]),
        ("zorg", "Zorgaanbieders in de regio", &["care-provider"][..]),
    ] {
        party_list.push(Party {
            id: id.into(),
            name: name.into(),
            roles: roles.iter().map(|r| r.to_string()).collect(),
        });
    }
    let streams = vec![
        Stream {
            id: "iza".into(),
            name: "IZA-transformatiemiddelen".into(),
            paid_by: "zk1".into(),
        },
        Stream {
            id: "spuk".into(),
            name: "SPUK-transformatiemiddelen".into(),
            paid_by: "g0001".into(),
        },
    ];
    // Population: a few large municipalities, many small ones.
    let members: Vec<KeyMember> = (1..=parties)
        .map(|i| {
            let u = rng.below(1_000_000) as f64 / 1_000_000.0;
            let weight = 3_000 + (u * u * u * 250_000.0) as u64 + rng.below(2_000);
            KeyMember {
                party: format!("g{i:04}"),
                weight,
            }
        })
        .collect();
    let key_total = members.iter().map(|m| m.weight).sum();
    let key = Key {
        id: "inwoners".into(),
        title: "Inwoners per 1-1-2025 (synthetisch)".into(),
        members,
        declared_total: key_total,
    };
    let subset_key = SubsetKey {
        id: "grote_drie".into(),
        title: "De drie grote gemeenten".into(),
        parent: "inwoners".into(),
        only: vec!["g0001".into(), "g0002".into(), "g0003".into()],
    };
    let mut metrics: Vec<Metric> = COUNT_METRICS
        .iter()
        .map(|(id, t)| Metric {
            id: (*id).into(),
            title: (*t).into(),
            kind: "count".into(),
        })
        .collect();
    metrics.extend(LEVEL_METRICS.iter().map(|(id, t)| Metric {
        id: (*id).into(),
        title: (*t).into(),
        kind: "level".into(),
    }));

    // Due dates, sorted: milestone i+1 is due on dues[i].
    let mut dues: Vec<NaiveDate> = (0..milestones)
        .map(|_| first_due + Duration::days(rng.below(span_days + 1) as i64))
        .collect();
    dues.sort();
    // first_same[i]: the first index with the same due date as i; every
    // index below it has a strictly earlier due date.
    let mut first_same = vec![0usize; milestones];
    for i in 1..milestones {
        first_same[i] = if dues[i] == dues[i - 1] {
            first_same[i - 1]
        } else {
            i
        };
    }
    let months_in = |d: NaiveDate| -> u64 { ((d.year() - 2025) * 12 + d.month0() as i32) as u64 };

    let mut total = [0u64; 2];
    let mut ms: Vec<Milestone> = Vec::with_capacity(milestones);
    // Baseline setters per level metric: (milestone number, measured at).
    let mut setters: Vec<Vec<(u32, NaiveDate)>> = vec![Vec::new(); LEVEL_METRICS.len()];
    for i in 0..milestones {
        let number = (i + 1) as u32;
        let due = dues[i];
        let earlier = first_same[i];
        let mut after = Vec::new();
        let n_after = if earlier == 0 { 0 } else { rng.below(3) };
        for _ in 0..n_after {
            // Mostly recent milestones, as plans build on what came just before.
            let back = 1 + rng.below(earlier.min(200) as u64) as usize;
            let dep = (earlier - back + 1) as u32;
            if !after.contains(&dep) {
                after.push(dep);
            }
        }
        after.sort();
        // Amount in multiples of € 500, split about 47/53 as in the Twente plan.
        let cents = (10 + rng.below(990)) * 500 * 100;
        let iza = cents * 47 / 100 / 50_000 * 50_000;
        let spuk = cents - iza;
        total[0] += iza;
        total[1] += spuk;
        let amount = Amount {
            total_cents: cents,
            split: vec![
                StreamAmount {
                    stream: "iza".into(),
                    cents: iza,
                },
                StreamAmount {
                    stream: "spuk".into(),
                    cents: spuk,
                },
            ],
        };
        let mut payouts = Vec::new();
        let roll = rng.below(100);
        if roll < 10 {
            payouts.push(Payout {
                stream: "spuk".into(),
                to: "inwoners".into(),
            });
        } else if roll < 12 {
            payouts.push(Payout {
                stream: "spuk".into(),
                to: "grote_drie".into(),
            });
        }
        let year_start = ymd(due.year(), 1, 1);
        let mut targets = Vec::new();
        let mut sets_baseline = Vec::new();
        let mut judged = None;
        let kind_roll = rng.below(100);
        let result = kind_roll >= 70;
        let text;
        match rng.below(10) {
            0..=2 => {
                // Count target; values only grow with the due date (C502).
                let (metric, _) = rng.pick(COUNT_METRICS);
                let value = 50 * (1 + months_in(due)) + 50 * (months_in(due) / 12);
                text = format!(
                    "Vanaf {} hebben in {} minimaal {} {} plaatsgevonden.",
                    date(year_start),
                    rng.pick(PLACES),
                    dutch_int(value),
                    rng.pick(ACTIVITIES)
                );
                targets.push(Target::Count {
                    metric: (*metric).into(),
                    from: Some(date(year_start)),
                    op: ">=".into(),
                    value,
                });
            }
            3..=4 => {
                let (num, den, minimum) = *rng.pick(SHARES);
                let m = months_in(due) as u32;
                let percent = if minimum { 40 + m } else { 90 - m };
                let op = if minimum { ">=" } else { "<=" };
                text = format!(
                    "Vanaf {} is van de {} in {} {} {}% bereikt.",
                    date(year_start),
                    den,
                    rng.pick(PLACES),
                    if minimum { "minimaal" } else { "maximaal" },
                    percent
                );
                targets.push(Target::Share {
                    numerator: num.into(),
                    denominator: den.into(),
                    from: Some(date(year_start)),
                    op: op.into(),
                    percent,
                });
            }
            5 => {
                // A 0-meting of a level metric, measured at the due date.
                let li = rng.below(LEVEL_METRICS.len() as u64) as usize;
                let (metric, title) = LEVEL_METRICS[li];
                text = format!(
                    "Er is een 0-meting uitgevoerd van: {}.",
                    title.to_lowercase()
                );
                sets_baseline.push(Baseline {
                    metric: metric.into(),
                    at: date(due),
                });
                setters[li].push((number, due));
                judged = Some(JUDGES[0].to_string());
            }
            6 => {
                // A level target against an earlier 0-meting it builds on.
                let li = rng.below(LEVEL_METRICS.len() as u64) as usize;
                let usable = setters[li].iter().rev().find(|(_, at)| *at < due).copied();
                if let Some((setter, _)) = usable {
                    let (metric, title) = LEVEL_METRICS[li];
                    // One target per setter would need C502 bookkeeping across
                    // setters; growth grows with the due date, so it never drops.
                    let plus = 1 + months_in(due) as u32;
                    text = format!(
                        "{} is op {} met minimaal {}% gegroeid ten opzichte van de 0-meting (KPI #{}).",
                        title,
                        date(due),
                        plus,
                        setter
                    );
                    if !after.contains(&setter) {
                        after.push(setter);
                        after.sort();
                    }
                    targets.push(Target::Level {
                        metric: metric.into(),
                        at: date(due),
                        op: ">=".into(),
                        baseline: setter,
                        plus_percent: plus,
                    });
                } else {
                    text = format!("In {} is {}.", rng.pick(PLACES), rng.pick(DELIVERABLES));
                    judged = Some(rng.pick(JUDGES).to_string());
                }
            }
            _ => {
                text = format!("In {} is {}.", rng.pick(PLACES), rng.pick(DELIVERABLES));
                judged = Some(rng.pick(JUDGES).to_string());
            }
        }
        let mut evidence = vec![rng.pick(EVIDENCE).to_string()];
        if rng.chance(10) {
            evidence.push(rng.pick(EVIDENCE).to_string());
            if evidence[0] == evidence[1] {
                evidence.pop();
            }
        }
        ms.push(Milestone {
            number,
            text,
            kind: if result { "result" } else { "effort" }.into(),
            due: date(due),
            after,
            amount,
            payouts,
            targets,
            sets_baseline,
            judged,
            evidence,
        });
    }
    // Components of about twenty consecutive milestones.
    let mut components = Vec::new();
    let mut rest = ms.into_iter().peekable();
    let mut c = 0u32;
    while rest.peek().is_some() {
        c += 1;
        let size = 10 + rng.below(21) as usize;
        let milestones: Vec<Milestone> = rest.by_ref().take(size).collect();
        components.push(Component {
            number: c,
            name: format!("Onderdeel {c}: {}", rng.pick(ACTIVITIES)),
            milestones,
        });
    }
    let plan = SynthPlan {
        id: "synth".into(),
        title: format!(
            "Synthetisch transformatieplan ({milestones} mijlpalen, {parties} gemeenten)"
        ),
        rules: "synth".into(),
        period: Period {
            from: date(start),
            to: date(end),
        },
        declared_total: Amount {
            total_cents: total[0] + total[1],
            split: vec![
                StreamAmount {
                    stream: "iza".into(),
                    cents: total[0],
                },
                StreamAmount {
                    stream: "spuk".into(),
                    cents: total[1],
                },
            ],
        },
        parties: party_list,
        streams,
        key,
        subset_key,
        metrics,
        default_payouts: vec![
            Payout {
                stream: "iza".into(),
                to: "zorg".into(),
            },
            Payout {
                stream: "spuk".into(),
                to: "regio".into(),
            },
        ],
        default_risk: vec![Risk {
            stream: "spuk".into(),
            by: "inwoners".into(),
        }],
        components,
    };
    let plan_text = render_plan(&plan);
    let facts_text = render_facts(&plan, &mut rng);
    let rules_text = render_rules();
    Generated {
        plan,
        plan_text,
        facts_text,
        rules_text,
    }
}

fn amount_text(a: &Amount) -> String {
    let split: Vec<String> = a
        .split
        .iter()
        .map(|s| format!("{} {}", s.stream, euro(s.cents)))
        .collect();
    format!("{} {{ {} }}", euro(a.total_cents), split.join(", "))
}

pub fn render_plan(p: &SynthPlan) -> String {
    let n: usize = p.components.iter().map(|c| c.milestones.len()).sum();
    let mut o = String::with_capacity(n * 450 + p.parties.len() * 80 + 4096);
    let _ = writeln!(
        o,
        "// Generated by examples/synth; deterministic for a given seed."
    );
    let _ = writeln!(o, "plan {} \"{}\" {{", p.id, p.title);
    let _ = writeln!(o, "  rules {}", p.rules);
    let _ = writeln!(o, "  period {} .. {}", p.period.from, p.period.to);
    let _ = writeln!(o, "  declared total {}", amount_text(&p.declared_total));
    let _ = writeln!(o);
    for party in &p.parties {
        let _ = writeln!(
            o,
            "  party {} \"{}\" {}",
            party.id,
            party.name,
            party.roles.join(" ")
        );
    }
    for s in &p.streams {
        let _ = writeln!(o, "  stream {} \"{}\" paid-by {}", s.id, s.name, s.paid_by);
    }
    let _ = writeln!(o, "  key {} \"{}\" {{", p.key.id, p.key.title);
    for m in &p.key.members {
        let _ = writeln!(o, "    {} {}", m.party, dutch_int(m.weight));
    }
    let _ = writeln!(o, "    declared total {}", dutch_int(p.key.declared_total));
    let _ = writeln!(o, "  }}");
    let sk = &p.subset_key;
    let _ = writeln!(
        o,
        "  key {} \"{}\" = {} only {}",
        sk.id,
        sk.title,
        sk.parent,
        sk.only.join(", ")
    );
    for m in &p.metrics {
        let _ = writeln!(o, "  metric {} \"{}\" {}", m.id, m.title, m.kind);
    }
    for d in &p.default_payouts {
        let _ = writeln!(o, "  default payout {} to {}", d.stream, d.to);
    }
    for d in &p.default_risk {
        let _ = writeln!(o, "  default risk {} by {}", d.stream, d.by);
    }
    for c in &p.components {
        let _ = writeln!(o, "  component {} \"{}\" {{", c.number, c.name);
        for m in &c.milestones {
            let _ = writeln!(o, "    milestone {} \"{}\" {{", m.number, m.text);
            let _ = writeln!(o, "      {}", m.kind);
            let _ = writeln!(o, "      due {}", m.due);
            if !m.after.is_empty() {
                let after: Vec<String> = m.after.iter().map(|a| a.to_string()).collect();
                let _ = writeln!(o, "      after {}", after.join(", "));
            }
            let _ = writeln!(o, "      amount {}", amount_text(&m.amount));
            for pay in &m.payouts {
                let _ = writeln!(o, "      payout {} to {}", pay.stream, pay.to);
            }
            for b in &m.sets_baseline {
                let _ = writeln!(o, "      sets baseline {} at {}", b.metric, b.at);
            }
            for t in &m.targets {
                let line = match t {
                    Target::Count {
                        metric,
                        from,
                        op,
                        value,
                    } => format!(
                        "target count {metric}{} {op} {}",
                        from.as_ref()
                            .map(|f| format!(" from {f}"))
                            .unwrap_or_default(),
                        dutch_int(*value)
                    ),
                    Target::Share {
                        numerator,
                        denominator,
                        from,
                        op,
                        percent,
                    } => format!(
                        "target share {numerator} of {denominator}{} {op} {percent}%",
                        from.as_ref()
                            .map(|f| format!(" from {f}"))
                            .unwrap_or_default()
                    ),
                    Target::Level {
                        metric,
                        at,
                        op,
                        baseline,
                        plus_percent,
                    } => {
                        format!("target level {metric} at {at} {op} baseline {baseline} + {plus_percent}%")
                    }
                };
                let _ = writeln!(o, "      {line}");
            }
            if let Some(j) = &m.judged {
                let _ = writeln!(o, "      judged \"{j}\"");
            }
            for e in &m.evidence {
                let _ = writeln!(o, "      evidence \"{e}\"");
            }
            let _ = writeln!(o, "    }}");
        }
        let _ = writeln!(o, "  }}");
    }
    let _ = writeln!(o, "}}");
    o
}

/// Facts for the plan: assessments a few weeks after each due date (most
/// achieved), counts and measurements behind the targets, and payments of
/// achieved milestones. Sorted by date.
pub fn render_facts(p: &SynthPlan, rng: &mut Rng) -> String {
    let mut lines: Vec<(NaiveDate, String)> = Vec::new();
    let start = ymd(2025, 1, 1);
    lines.push((ymd(2025, 1, 15), "administration compliant".into()));
    // Facts become known up to the end of the scenario.
    let known_until = ymd(2028, 3, 31);
    for c in &p.components {
        for m in &c.milestones {
            let due = NaiveDate::parse_from_str(&m.due, "%Y-%m-%d").expect("date");
            let report = due + Duration::days(7 + rng.below(14) as i64);
            for t in &m.targets {
                match t {
                    Target::Count {
                        metric,
                        from,
                        value,
                        ..
                    } => {
                        let from = from.clone().unwrap_or_else(|| date(start));
                        let got = value * (85 + rng.below(30)) / 100;
                        lines.push((
                            report,
                            format!("counted {metric} {from} .. {} = {}", m.due, dutch_int(got)),
                        ));
                    }
                    Target::Share {
                        numerator,
                        denominator,
                        from,
                        percent,
                        ..
                    } => {
                        let from = from.clone().unwrap_or_else(|| date(start));
                        let den = 200 + rng.below(800);
                        let pct = (*percent as u64 + rng.below(11)).saturating_sub(5);
                        lines.push((
                            report,
                            format!(
                                "counted {denominator} {from} .. {} = {}",
                                m.due,
                                dutch_int(den)
                            ),
                        ));
                        lines.push((
                            report,
                            format!(
                                "counted {numerator} {from} .. {} = {}",
                                m.due,
                                dutch_int(den * pct / 100)
                            ),
                        ));
                    }
                    Target::Level {
                        metric,
                        at,
                        plus_percent,
                        ..
                    } => {
                        let base = 1_000 + rng.below(2_000);
                        let v = base * (100 + *plus_percent as u64 + rng.below(5)) / 100;
                        lines.push((
                            report,
                            format!("measured {metric} {} at {at}", dutch_int(v)),
                        ));
                    }
                }
            }
            for b in &m.sets_baseline {
                lines.push((
                    report,
                    format!(
                        "measured {} {} at {}",
                        b.metric,
                        dutch_int(1_000 + rng.below(2_000)),
                        b.at
                    ),
                ));
            }
            if rng.chance(30) {
                lines.push((
                    report - Duration::days(3),
                    format!("evidence {} submitted", m.number),
                ));
            }
            let assessed = due + Duration::days(14 + rng.below(10) as i64);
            let roll = rng.below(100);
            if roll < 80 {
                lines.push((assessed, format!("assessed {} achieved by zk1", m.number)));
                let paid = assessed + Duration::days(30);
                if paid <= known_until && rng.chance(70) {
                    for s in &m.amount.split {
                        if s.cents > 0 {
                            lines.push((
                                paid,
                                format!("paid {} for {} {}", s.stream, m.number, euro(s.cents)),
                            ));
                        }
                    }
                }
            } else if roll < 92 {
                lines.push((
                    assessed,
                    format!("assessed {} not-achieved by zk1", m.number),
                ));
                if rng.chance(20) {
                    lines.push((
                        assessed + Duration::days(20),
                        format!("decided {} partial 50% by regio, zk1", m.number),
                    ));
                }
            }
            // else: no verdict; deemed achieved after the window.
        }
    }
    lines.sort_by_key(|a| a.0);
    let mut o = String::with_capacity(lines.len() * 48 + 256);
    let _ = writeln!(o, "// Generated by examples/synth.");
    let _ = writeln!(o, "facts {} {{", p.id);
    let _ = writeln!(o, "  evaluate at 2026-01-31, 2027-01-31, 2028-01-31");
    for (d, l) in &lines {
        let _ = writeln!(o, "  {} {l}", date(*d));
    }
    let _ = writeln!(o, "}}");
    o
}

/// The model rule set's clauses under the id `synth`.
pub fn render_rules() -> String {
    let mut o = String::with_capacity(MODEL_RULES.len());
    for line in MODEL_RULES.lines() {
        if line.trim_start().starts_with("rules ") {
            o.push_str("rules synth \"Kopie van de modelovereenkomst (synthetisch)\" {\n");
        } else {
            o.push_str(line);
            o.push('\n');
        }
    }
    o
}

/// The monthly evaluation dates over the plan period: the last day of each
/// month, 2025-01-31 .. 2027-12-31 (36 dates).
pub fn month_ends() -> Vec<NaiveDate> {
    (0..36)
        .map(|i| {
            let (y, m) = (2025 + i / 12, (i % 12) as u32 + 1);
            let next = if m == 12 {
                ymd(y + 1, 1, 1)
            } else {
                ymd(y, m + 1, 1)
            };
            next.pred_opt().expect("date")
        })
        .collect()
}
