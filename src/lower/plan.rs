//! Lowering of a plan's declarations: parties, streams, keys, metrics,
//! documents, declared figures and defaults. Milestones are in `milestone`.

use std::collections::HashMap;

use crate::diagnostic::Diagnostic;
use crate::model::*;
use crate::source::{FileId, Span};
use crate::syntax::ast::{self, Ident, PlanItem};

use super::names::{closest, help_for, help_for_fixed};
use super::Ctx;

/// The declarations lowered into the plan so far, per kind: a name declared
/// twice (L010) is lowered once, the first time it can be, and this is where
/// that is looked up (scanning the plan's lists made a plan with many
/// metrics, parties or keys quadratic to lower).
#[derive(Default)]
struct Lowered(HashMap<&'static str, HashMap<String, usize>>);

impl Lowered {
    /// True, and `name` counted from now on as the `kind` at `position` of
    /// the plan's list, if no `kind` of that name was lowered yet.
    fn first(&mut self, kind: &'static str, name: &str, position: usize) -> bool {
        let of_kind = self.0.entry(kind).or_default();
        if of_kind.contains_key(name) {
            return false;
        }
        of_kind.insert(name.to_owned(), position);
        true
    }

    /// Where the `kind` named `name` is in the plan's list, if lowered.
    fn position(&self, kind: &str, name: &str) -> Option<usize> {
        self.0.get(kind)?.get(name).copied()
    }
}

/// The names a plan declares, in declaration order, for resolving references.
#[derive(Default)]
pub(super) struct Names {
    pub parties: Vec<String>,
    pub streams: Vec<String>,
    pub keys: Vec<String>,
    pub metrics: Vec<String>,
    pub documents: Vec<String>,
    /// Per kind, each name declared and where it was first: references are
    /// resolved here, not by scanning the lists (a plan may declare
    /// thousands of metrics, each referred to by many milestones).
    seen: HashMap<&'static str, HashMap<String, Span>>,
}

impl Names {
    fn declare(&mut self, ctx: &mut Ctx, kind: &'static str, id: &Ident) -> bool {
        if let Some(first) = self.first(kind, &id.name) {
            ctx.push(
                Diagnostic::error(
                    "L010",
                    crate::tr!("l010-message", kind = kind, name = id.name),
                )
                .at(id.span, crate::tr!("l010-label-again"))
                .also(first, crate::tr!("l010-label-first"))
                .with_help(crate::tr!("l010-help", kind = kind)),
            );
            return false;
        }
        self.seen
            .entry(kind)
            .or_default()
            .insert(id.name.clone(), id.span);
        let list = match kind {
            "party" => &mut self.parties,
            "stream" => &mut self.streams,
            "key" => &mut self.keys,
            "metric" => &mut self.metrics,
            _ => &mut self.documents,
        };
        list.push(id.name.clone());
        true
    }

    /// Where `name` was first declared as a `kind`, if it was.
    fn first(&self, kind: &str, name: &str) -> Option<Span> {
        self.seen.get(kind)?.get(name).copied()
    }

    fn list(&self, kind: &str) -> &[String] {
        match kind {
            "party" => &self.parties,
            "stream" => &self.streams,
            "key" => &self.keys,
            "metric" => &self.metrics,
            _ => &self.documents,
        }
    }

    /// Resolves `id` as a `kind`, reporting an unknown name with a suggestion.
    pub fn resolve(
        &self,
        ctx: &mut Ctx,
        kind: &'static str,
        plural: &str,
        id: &Ident,
    ) -> Option<String> {
        if self.first(kind, &id.name).is_some() {
            return Some(id.name.clone());
        }
        let list = self.list(kind);
        ctx.unknown(
            "L011",
            id.span,
            crate::tr!("l011-message", kind = kind, name = id.name),
            crate::tr!("l011-label"),
            help_for(plural, &id.name, list.iter().map(String::as_str)),
            closest(&id.name, list.iter().map(String::as_str)),
        );
        None
    }

    pub fn party(&self, ctx: &mut Ctx, id: &Ident) -> Option<PartyId> {
        self.resolve(ctx, "party", "parties", id).map(PartyId::new)
    }
    pub fn stream(&self, ctx: &mut Ctx, id: &Ident) -> Option<StreamId> {
        self.resolve(ctx, "stream", "streams", id)
            .map(StreamId::new)
    }
    pub fn key(&self, ctx: &mut Ctx, id: &Ident) -> Option<KeyId> {
        self.resolve(ctx, "key", "keys", id).map(KeyId::new)
    }
    pub fn metric(&self, ctx: &mut Ctx, id: &Ident) -> Option<MetricId> {
        self.resolve(ctx, "metric", "metrics", id)
            .map(MetricId::new)
    }
    pub fn document(&self, ctx: &mut Ctx, id: &Ident) -> Option<DocumentId> {
        self.resolve(ctx, "document", "documents", id)
            .map(DocumentId::new)
    }

    /// A party or a key: where money goes.
    pub fn recipient(&self, ctx: &mut Ctx, id: &Ident) -> Option<Recipient> {
        if self.first("party", &id.name).is_some() {
            return Some(Recipient::Party(PartyId::new(&id.name)));
        }
        if self.first("key", &id.name).is_some() {
            return Some(Recipient::Key(KeyId::new(&id.name)));
        }
        let all = self
            .parties
            .iter()
            .chain(self.keys.iter())
            .map(String::as_str);
        ctx.unknown(
            "L011",
            id.span,
            crate::tr!("l011-recipient-message", name = id.name),
            crate::tr!("l011-label"),
            help_for("parties and keys", &id.name, all.clone()),
            closest(&id.name, all),
        );
        None
    }
}

/// Plan-wide defaults that milestones inherit.
#[derive(Default)]
pub(super) struct Defaults {
    pub payout: Vec<Payout>,
    pub risk: Vec<Risk>,
}

/// Lowers a plan. The plan is returned even when there are errors, so that
/// callers can still report what they can; `diagnostics` says if it is sound.
pub fn lower_plan(ast: &ast::PlanAst, file: FileId) -> (Plan, Vec<Diagnostic>) {
    let mut lowering = Lowering::begin(ast, file);
    let milestones = ast.items.iter().map(|i| match i {
        PlanItem::Component(c) => c.milestones.len(),
        _ => 0,
    });
    lowering.plan.milestones.reserve_exact(milestones.sum());
    for item in &ast.items {
        if let PlanItem::Component(c) = item {
            lowering.component(c);
        }
    }
    lowering.finish(ast)
}

/// Lowers a plan whose components come one at a time (each tree dropped
/// once lowered: `syntax::PlanInPieces`) after the tree of the rest of it,
/// `outline`; the same plan and diagnostics as [`lower_plan`] of the whole
/// tree, or `None` as soon as a component is `None` (did not parse).
/// `milestones`: how many the components hold (room is made for them).
pub fn lower_plan_in_pieces(
    outline: &ast::PlanAst,
    components: impl IntoIterator<Item = Option<ast::ComponentAst>>,
    milestones: usize,
    file: FileId,
) -> Option<(Plan, Vec<Diagnostic>)> {
    let mut lowering = Lowering::begin(outline, file);
    lowering.plan.milestones.reserve_exact(milestones);
    for c in components {
        lowering.component(&c?);
    }
    Some(lowering.finish(outline))
}

/// One plan being lowered: its declarations first ([`Lowering::begin`]),
/// then its components in the order of the file, then what needs them all.
struct Lowering {
    ctx: Ctx,
    plan: Plan,
    names: Names,
    defaults: Defaults,
    numbers: super::milestone::Numbers,
}

impl Lowering {
    /// Everything but the components and amendments of `ast` (which may
    /// hold components or not: they are skipped here).
    fn begin(ast: &ast::PlanAst, file: FileId) -> Self {
        let mut ctx = Ctx::new(file);
        let mut plan = Plan::empty(
            file,
            PlanId::new(&ast.id.name),
            ast.title.value.clone(),
            ast.span,
        );
        let names = declare_names(&mut ctx, &ast.items);
        let mut defaults = Defaults::default();
        let mut seen_once: HashMap<&'static str, Span> = HashMap::new();
        let mut lowered = Lowered::default();
        // Documents first: figures declared by a document are scaled by its unit,
        // wherever in the plan the document is declared.
        let (documents, rest): (Vec<&PlanItem>, Vec<&PlanItem>) = ast
            .items
            .iter()
            .partition(|i| matches!(i, PlanItem::Document { .. }));
        for item in documents.into_iter().chain(rest) {
            if let Some(kind) = single_statement(item) {
                if let Some(first) = seen_once.get(kind) {
                    ctx.given_twice(
                        crate::tr!("l014-plan-message", statement = kind),
                        item_span(item),
                        *first,
                        crate::tr!("l014-plan-help", statement = kind),
                    );
                    continue;
                }
                seen_once.insert(kind, item_span(item));
            }
            lower_item(
                &mut ctx,
                &names,
                &mut plan,
                &mut lowered,
                &mut defaults,
                item,
            );
        }
        Lowering {
            ctx,
            plan,
            names,
            defaults,
            numbers: super::milestone::Numbers::default(),
        }
    }

    fn component(&mut self, c: &ast::ComponentAst) {
        self.numbers.component(
            &mut self.ctx,
            &self.names,
            &self.defaults,
            &mut self.plan,
            c,
        );
    }

    /// After the last component: `after` and `baseline` resolved, then the
    /// amendments of `ast`.
    fn finish(self, ast: &ast::PlanAst) -> (Plan, Vec<Diagnostic>) {
        let Lowering {
            mut ctx,
            mut plan,
            names,
            defaults,
            numbers,
        } = self;
        numbers.resolve(&mut ctx, &plan);
        plan.reindex();
        for item in &ast.items {
            if let PlanItem::Amendment(a) = item {
                if let Some(a) =
                    super::amendment::lower_amendment(&mut ctx, &names, &defaults, &plan, a)
                {
                    plan.amendments.push(a);
                }
            }
        }
        super::amendment::conflicts(&mut ctx, &plan);
        plan.reindex();
        (plan, ctx.diagnostics)
    }
}

fn single_statement(item: &PlanItem) -> Option<&'static str> {
    match item {
        PlanItem::Rules { .. } => Some("rules"),
        PlanItem::Period { .. } => Some("period"),
        PlanItem::EffortShare { .. } => Some("declared effort-share"),
        PlanItem::SameRatio { .. } => Some("split same-ratio"),
        _ => None,
    }
}

fn item_span(item: &PlanItem) -> Span {
    match item {
        PlanItem::Rules { span, .. }
        | PlanItem::Addresses { span, .. }
        | PlanItem::Period { span, .. }
        | PlanItem::Document { span, .. }
        | PlanItem::DeclaredTotal { span, .. }
        | PlanItem::EffortShare { span, .. }
        | PlanItem::SameRatio { span, .. }
        | PlanItem::Party { span, .. }
        | PlanItem::Stream { span, .. }
        | PlanItem::KeySubset { span, .. }
        | PlanItem::Metric { span, .. }
        | PlanItem::DefaultPayout { span, .. }
        | PlanItem::DefaultRisk { span, .. } => *span,
        PlanItem::Key(k) => k.span,
        PlanItem::Component(c) => c.span,
        PlanItem::Amendment(a) => a.span,
        PlanItem::Bad(span) => *span,
    }
}

fn declare_names(ctx: &mut Ctx, items: &[PlanItem]) -> Names {
    let mut names = Names::default();
    for item in items {
        match item {
            PlanItem::Party { id, .. } => {
                names.declare(ctx, "party", id);
            }
            PlanItem::Stream { id, .. } => {
                names.declare(ctx, "stream", id);
            }
            PlanItem::Key(k) => {
                names.declare(ctx, "key", &k.id);
            }
            PlanItem::KeySubset { id, .. } => {
                names.declare(ctx, "key", id);
            }
            PlanItem::Metric { id, .. } => {
                names.declare(ctx, "metric", id);
            }
            PlanItem::Document { id, .. } => {
                names.declare(ctx, "document", id);
            }
            _ => {}
        }
    }
    names
}

fn lower_item(
    ctx: &mut Ctx,
    names: &Names,
    plan: &mut Plan,
    lowered: &mut Lowered,
    defaults: &mut Defaults,
    item: &PlanItem,
) {
    match item {
        PlanItem::Rules { name, pinned, span } => {
            plan.rules = Some(RulesRef {
                name: name.name.clone(),
                pinned: pinned.as_ref().map(|p| (p.value.clone(), p.span)),
                span: *span,
            })
        }
        PlanItem::Period { from, to, span } => {
            if let (Some(from), Some(to)) = (ctx.date(from), ctx.date(to)) {
                plan.period = Some(Period {
                    from,
                    to,
                    span: *span,
                });
            }
        }
        PlanItem::Document {
            id,
            title,
            unit,
            span,
        } => document(ctx, plan, lowered, id, title, unit.as_ref(), *span),
        PlanItem::DeclaredTotal {
            by,
            total,
            split,
            span,
        } => {
            if let Some(d) = declared_total(
                ctx,
                names,
                plan,
                by.as_ref(),
                total,
                split.as_deref(),
                *span,
            ) {
                plan.declared_totals.push(d);
            }
        }
        PlanItem::EffortShare {
            by,
            about,
            share,
            span,
        } => {
            let by = by.as_ref().and_then(|b| names.document(ctx, b));
            if let Some(share) = ctx.percent(share) {
                plan.effort_share = Some(DeclaredShare {
                    by,
                    about: *about,
                    share,
                    span: *span,
                });
            }
        }
        PlanItem::SameRatio { within, span } => {
            let within = within.as_ref().and_then(|w| ctx.money(w));
            plan.same_ratio = Some(SameRatio {
                within,
                span: *span,
            });
        }
        PlanItem::Party {
            id,
            name,
            roles,
            reference,
            span,
        } => {
            if !lowered.first("party", &id.name, plan.parties.len()) {
                return;
            }
            let roles = roles.iter().filter_map(|r| role(ctx, r)).collect();
            plan.parties.push(Party {
                id: PartyId::new(&id.name),
                name: name.value.clone(),
                roles,
                reference: reference.as_ref().map(|r| r.value.clone()),
                span: *span,
            });
        }
        PlanItem::Stream {
            id,
            name,
            payer,
            span,
        } => {
            let payer = names.party(ctx, payer);
            if let Some(payer) = payer {
                if lowered.first("stream", &id.name, plan.streams.len()) {
                    plan.streams.push(Stream {
                        id: StreamId::new(&id.name),
                        name: name.value.clone(),
                        payer,
                        span: *span,
                    });
                }
            }
        }
        PlanItem::Key(k) => {
            if let Some(key) = key(ctx, names, k) {
                if lowered.first("key", key.id.as_str(), plan.keys.len()) {
                    plan.keys.push(key);
                }
            }
        }
        PlanItem::KeySubset {
            id,
            title,
            parent,
            members,
            span,
        } => {
            let at = (names, &*plan, &*lowered);
            if let Some(key) = subset_key(ctx, at, id, title.as_ref(), parent, members, *span) {
                if lowered.first("key", key.id.as_str(), plan.keys.len()) {
                    plan.keys.push(key);
                }
            }
        }
        PlanItem::Metric {
            id,
            title,
            kind,
            span,
        } => metric(ctx, plan, lowered, id, title, kind, *span),
        PlanItem::DefaultPayout { stream, to, span } => {
            default_payout(ctx, names, defaults, stream, to, *span)
        }
        PlanItem::DefaultRisk { stream, key, span } => {
            default_risk(ctx, names, defaults, stream, key, *span)
        }
        PlanItem::Addresses {
            criterion,
            pointer,
            span,
        } => plan.addresses.push(Address {
            criterion: criterion.name.clone(),
            criterion_span: criterion.span,
            pointer: pointer.value.clone(),
            span: *span,
        }),
        PlanItem::Component(_) | PlanItem::Amendment(_) | PlanItem::Bad(_) => {}
    }
}

/// `document ID "title" [in € UNIT]`: L016 for a unit of € 0.
fn document(
    ctx: &mut Ctx,
    plan: &mut Plan,
    lowered: &mut Lowered,
    id: &Ident,
    title: &ast::Str,
    unit: Option<&ast::Lit>,
    span: Span,
) {
    let unit = match unit {
        Some(u) => ctx.money(u),
        None => Some(Money::new(rust_decimal::Decimal::ONE)),
    };
    let Some(unit) = unit else { return };
    if unit.is_zero() {
        ctx.error(
            "L016",
            span,
            crate::tr!("l016-message"),
            crate::tr!("l016-label"),
            crate::tr!("l016-help"),
        );
    } else if lowered.first("document", &id.name, plan.documents.len()) {
        plan.documents.push(Document {
            id: DocumentId::new(&id.name),
            title: title.value.clone(),
            unit,
            span,
        });
    }
}

/// `metric ID "title" count|level`: L012 for another kind.
fn metric(
    ctx: &mut Ctx,
    plan: &mut Plan,
    lowered: &mut Lowered,
    id: &Ident,
    title: &ast::Str,
    kind: &Ident,
    span: Span,
) {
    let kind = match kind.name.as_str() {
        "count" => MetricKind::Count,
        "level" => MetricKind::Level,
        other => {
            ctx.error(
                "L012",
                kind.span,
                crate::tr!("l012-metric-message", kind = other),
                crate::tr!("l012-metric-label"),
                crate::tr!("l012-metric-help"),
            );
            return;
        }
    };
    if lowered.first("metric", &id.name, plan.metrics.len()) {
        plan.metrics.push(Metric {
            id: MetricId::new(&id.name),
            title: title.value.clone(),
            kind,
            span,
        });
    }
}

/// `default payout STREAM to RECIPIENT`: one per stream (L014).
fn default_payout(
    ctx: &mut Ctx,
    names: &Names,
    defaults: &mut Defaults,
    stream: &Ident,
    to: &Ident,
    span: Span,
) {
    let (Some(stream), Some(to)) = (names.stream(ctx, stream), names.recipient(ctx, to)) else {
        return;
    };
    if let Some(first) = defaults.payout.iter().find(|p| p.stream == stream) {
        ctx.given_twice(
            crate::tr!("l014-default-payout-message", stream = stream),
            span,
            first.span,
            crate::tr!("l014-default-payout-help"),
        );
    } else {
        defaults.payout.push(Payout {
            stream,
            to,
            span,
            is_default: true,
        });
    }
}

/// `default risk STREAM by KEY`: one per stream (L014).
fn default_risk(
    ctx: &mut Ctx,
    names: &Names,
    defaults: &mut Defaults,
    stream: &Ident,
    key: &Ident,
    span: Span,
) {
    let (Some(stream), Some(key)) = (names.stream(ctx, stream), names.key(ctx, key)) else {
        return;
    };
    if let Some(first) = defaults.risk.iter().find(|r| r.stream == stream) {
        ctx.given_twice(
            crate::tr!("l014-default-risk-message", stream = stream),
            span,
            first.span,
            crate::tr!("l014-default-risk-help"),
        );
    } else {
        defaults.risk.push(Risk {
            stream,
            key,
            span,
            is_default: true,
        });
    }
}

fn role(ctx: &mut Ctx, r: &Ident) -> Option<Role> {
    let role = Role::parse(&r.name);
    if role.is_none() {
        ctx.unknown(
            "L012",
            r.span,
            crate::tr!("l012-role-message", role = r.name),
            crate::tr!("l012-role-label"),
            help_for_fixed("roles", &r.name, Role::ALL.iter().map(|(n, _)| *n)),
            closest(&r.name, Role::ALL.iter().map(|(n, _)| *n)),
        );
    }
    role
}

/// Resolves a `{ iza € 98.500, spuk € 109.500 }` split, scaled by `unit`.
pub(super) fn split(
    ctx: &mut Ctx,
    names: &Names,
    split: &[ast::StreamAmount],
    unit: Money,
) -> Option<StreamAmounts> {
    let mut out: StreamAmounts = Vec::with_capacity(split.len());
    let mut ok = true;
    for sa in split {
        let stream = names.stream(ctx, &sa.stream);
        let amount = ctx.money_in(&sa.amount, unit);
        match (stream, amount) {
            (Some(s), Some(a)) => {
                if out.iter().any(|(x, _)| x == &s) {
                    ctx.error(
                        "L014",
                        sa.stream.span,
                        crate::tr!("l014-split-message", stream = s),
                        crate::tr!("l014-split-label"),
                        crate::tr!("l014-split-help"),
                    );
                    ok = false;
                } else {
                    out.push((s, a));
                }
            }
            _ => ok = false,
        }
    }
    ok.then_some(out)
}

fn declared_total(
    ctx: &mut Ctx,
    names: &Names,
    plan: &Plan,
    by: Option<&Ident>,
    total: &ast::Lit,
    streams: Option<&[ast::StreamAmount]>,
    span: Span,
) -> Option<DeclaredTotal> {
    let doc = match by {
        Some(b) => Some(names.document(ctx, b)?),
        None => None,
    };
    let unit = doc
        .as_ref()
        .and_then(|d| plan.document(d))
        .map(|d| d.unit)
        .unwrap_or(Money::new(rust_decimal::Decimal::ONE));
    let total = ctx.money_in(total, unit)?;
    let streams = match streams {
        Some(s) => split(ctx, names, s, unit)?,
        None => Vec::new(),
    };
    Some(DeclaredTotal {
        by: doc,
        total,
        streams,
        unit,
        span,
    })
}

fn key(ctx: &mut Ctx, names: &Names, k: &ast::KeyAst) -> Option<Key> {
    let mut members: Vec<KeyMember> = Vec::new();
    // Where each party's member is, for L010 (a key may have thousands).
    let mut first: HashMap<PartyId, Span> = HashMap::new();
    for m in &k.members {
        let party = names.party(ctx, &m.party);
        let weight = ctx.number(&m.weight);
        let declared = m.declared.as_ref().and_then(|d| ctx.percent(d));
        let (Some(party), Some(weight)) = (party, weight) else {
            continue;
        };
        if let Some(first) = first.get(&party) {
            ctx.push(
                Diagnostic::error(
                    "L010",
                    crate::tr!("l010-member-message", party = party, key = k.id.name),
                )
                .at(m.span, crate::tr!("l010-member-label-again"))
                .also(*first, crate::tr!("l010-member-label-first"))
                .with_help(crate::tr!("l010-member-help")),
            );
            continue;
        }
        first.insert(party.clone(), m.span);
        members.push(KeyMember {
            party,
            weight,
            declared,
            span: m.span,
        });
    }
    for extra in &k.extra_totals {
        ctx.error(
            "L014",
            *extra,
            crate::tr!("l014-key-total-message"),
            crate::tr!("l014-key-total-label"),
            crate::tr!("l014-key-total-help"),
        );
    }
    let declared_total = k.total.as_ref().and_then(|t| {
        let total = ctx.number(&t.total)?;
        let declared = t.declared.as_ref().and_then(|d| ctx.percent(d));
        Some(KeyTotal {
            total,
            declared,
            span: t.span,
        })
    });
    Some(Key {
        id: KeyId::new(&k.id.name),
        title: k.title.value.clone(),
        members,
        declared_total,
        subset_of: None,
        span: k.span,
    })
}

/// A subset of a key, resolved against the names, the plan and what has
/// been lowered into it so far (`at`); `None` after a diagnostic.
fn subset_key(
    ctx: &mut Ctx,
    at: (&Names, &Plan, &Lowered),
    id: &Ident,
    title: Option<&ast::Str>,
    parent: &Ident,
    members: &[Ident],
    span: Span,
) -> Option<Key> {
    let (names, plan, lowered) = at;
    let parent_id = names.key(ctx, parent)?;
    let requested: Vec<(PartyId, Span)> = members
        .iter()
        .filter_map(|m| names.party(ctx, m).map(|p| (p, m.span)))
        .collect();
    // The parent must be lowered already: keys are lowered in order.
    let parent_key = lowered
        .position("key", parent_id.as_str())
        .and_then(|i| plan.keys.get(i));
    let Some(parent_key) = parent_key else {
        ctx.error(
            "L020",
            parent.span,
            crate::tr!("l020-message", parent = parent_id, key = id.name),
            crate::tr!("l020-label"),
            crate::tr!("l020-help"),
        );
        return None;
    };
    // The parent's weights by party (the first member of a party counts).
    let mut weights: HashMap<&PartyId, rust_decimal::Decimal> = HashMap::new();
    for m in &parent_key.members {
        weights.entry(&m.party).or_insert(m.weight);
    }
    let members = requested
        .iter()
        .filter_map(|(p, s)| {
            weights.get(p).map(|weight| KeyMember {
                party: p.clone(),
                weight: *weight,
                declared: None,
                span: *s,
            })
        })
        .collect();
    let key = Key {
        id: KeyId::new(&id.name),
        title: title
            .map(|t| t.value.clone())
            .unwrap_or_else(|| parent_key.title.clone()),
        members,
        declared_total: None,
        subset_of: Some(Subset {
            parent: parent_id,
            requested,
        }),
        span,
    };
    Some(key)
}
