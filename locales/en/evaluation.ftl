# The evaluation's vocabulary (statuses, money columns, obligations) and
# its texts: tables, the trace, obligations.

status-open = open
status-due = due
status-in-assessment = in assessment
status-achieved = achieved
status-deemed-achieved = deemed achieved
status-partially-achieved = partially achieved
status-postponed = postponed
status-missed = missed
status-lapsed = lapsed
status-withdrawn = withdrawn

column-earned = Earned
column-paid = Paid
column-outstanding = Outstanding
column-repayable = Repayable
column-repaid = Repaid
column-exposure = Exposure
column-lapsed = Lapsed

duty-deliver = deliver
duty-assess = assess
duty-pay = pay
duty-repay = repay
duty-decide = decide
duty-questions = questions

obligation-effort = effort
obligation-result = result

## The status of a milestone: its reason and the steps of its trace.

eval-by = {" "}by { $assessors }
eval-by-decision-of = {" "}by decision of { $by }
eval-until = {" "}until { $date }
eval-and = {" "}and{" "}
reason-no-due-date = the plan gives no due date
reason-withdrawn = withdrawn by amendment `{ $amendment }` from { $date }; payments already made stand
trace-due = due date of milestone { $milestone }
trace-evidence = evidence submitted
trace-evidence-with = evidence submitted: { $what }
trace-what-if-achieved = achieved (what-if: --achieved)
reason-what-if-achieved = achieved (what-if)
trace-what-if-missed = not achieved (what-if: --missed)
reason-what-if-missed = not achieved (what-if)
trace-what-if-partial = partial payout of { $share } (what-if: --partial)
reason-what-if-partial = { $share } paid out (what-if)
trace-postponed-capped = postponed until { $until }, but no later than the payout cutoff { $cutoff }
postponed-until = postponed until { $until }{ $by }
trace-assessed-achieved = assessed achieved by { $by }
trace-assessed-not-achieved = assessed not achieved by { $by }
reason-assessed-achieved = assessed achieved on { $date }
reason-assessed-not-achieved = assessed not achieved on { $date }
trace-dissolved = agreement dissolved: { $why }
reason-dissolved = claims lapsed when the agreement was dissolved on { $date }
trace-cutoff-passed = not achieved by the payout cutoff
reason-cutoff-passed = not achieved by the payout cutoff { $cutoff }
reason-due-on = due { $due }
trace-partial = partial payout of { $share } decided by { $by }
reason-partial = { $share } paid out by decision of { $by } on { $date }
why-not-compliant = the administration is not compliant (art. 2.2)
why-compliance-unknown = no fact shows the administration compliant (art. 2.2)
why-no-deemed-clause = the rule set has no deemed-achievement clause
reason-window-passed = no verdict by the end of the assessment window { $date }; not deemed achieved: { $why }
reason-awaiting-assessment = evidence submitted; awaiting assessment{ $by }{ $until }
reason-assessment-until = ; assessment{ $by } until { $date }
reason-awaiting-evidence = due { $due }, awaiting evidence{ $until }
reason-achieved-after-dissolution = achieved after the agreement was dissolved on { $date }
how-deemed-achieved = deemed achieved
how-partially-paid = partially paid out
how-achieved = achieved
trace-too-late = { $how } after the payout cutoff { $cutoff }: too late to be paid
reason-too-late = { $how } on { $date }, after the payout cutoff { $cutoff }
trace-no-entitlement = the rule set has no entitlement clause: nothing is earned
trace-earned = the amount is earned
trace-may-still = may still be achieved until the payout cutoff { $cutoff }
reason-may-still = { $reason }; may still be achieved until { $cutoff }
trace-window-not-compliant = assessment window passed, but the administration is not compliant: not deemed achieved
trace-window-compliance-unknown = assessment window passed; no fact shows the administration compliant: not deemed achieved
trace-window-passed = assessment window passed without a verdict
trace-deemed = deemed achieved: not assessed in time, administration compliant
reason-deemed = not assessed by { $date }; deemed achieved (administration compliant)

## Money on the trace.

trace-paid = paid { $amount } of `{ $stream }`
trace-paid-before-amendment = { $amount } of `{ $stream }` paid before amendment `{ $amendment }` stands
trace-what-if-overpaid = under the what-if, { $amount } paid exceeds what is earned
trace-lapses-on-dissolution = { $amount } of `{ $stream }` earned but not paid lapses on dissolution
reason-lapsed-unpaid = { $status } on { $since }; claims not yet paid lapsed when the agreement was dissolved on { $date } (payments made stand)
trace-repayable = { $amount } of `{ $stream }` is linked to a milestone not achieved: repayable
trace-lapses-unclaimed = { $amount } of `{ $stream }` not paid lapses: no claim to it remains
trace-no-clawback = achieved amounts are never reclaimed, whatever happens to other milestones

## Targets measured from the facts.

measured-met = { $value } { $sign } { $wanted }: met
measured-not-met = { $value } { $sign } { $wanted }: not met
measured-so-far = { $value } { $sign } { $wanted } so far
measured-none = { $subject }: { $why }
measured-no-window = no window
measured-no-counts = no counts yet
measured-too-large-to-add = too large to add up
measured-counted = {" "}(counted { $from } .. { $to })
measured-no-cases = no cases counted yet
measured-too-large-share = too large to compute a share
measured-share = { $share }% ({ $part } of { $whole })
measured-not-yet = not measured yet
measured-too-large-level = too large to compute the wanted level
measured-no-baseline = { $value } measured; the baseline is not measured yet

## Obligations.

duty-provisional-decision = take the provisional decision on the plan submitted { $submitted } (four weeks) and inform the submitters and the other insurers
duty-questions-end = the other insurers' two weeks for questions on the provisional decision end
duty-final-decision = take the final decision on the plan (two weeks after the questions)
duty-deliver-text = deliver milestone { $milestone } and its evidence
duty-assess-text = judge whether milestone { $milestone } is achieved; silence past { $deadline } counts as achieved if the administration is compliant
duty-pay-text = pay { $amount } of `{ $stream }` for milestone { $milestone }
duty-repay-text = repay { $amount } of `{ $stream }` linked to milestones not achieved

## Findings about the facts and the money (E and A codes).

eval-ignored = ignored
eval-decision-ignored = the decision is ignored
e001-message = { $count ->
        [one] { $count } fact is
       *[other] { $count } facts are
    } dated after the evaluation date { $at } and not yet known
e001-label-first = the first of them
e001-help = facts count from the date they became known; evaluate at a later --at to include them
e001-note-latest = the latest is dated { $date }
e002-message = milestone { $milestone } is assessed on { $date }, before its due date { $due }
e002-help = the assessors judge after the due date (art. 3.2.2); record the assessment on or after it
e003-message = milestone { $milestone }: { $amount } of `{ $stream }` paid, but only { $earned } is earned
e003-label = more than earned
e003-help = the financier pays what is linked to achieved milestones (art. 3.3.1); check the amount or record the assessment first
e004-message = milestone { $milestone } is assessed both achieved and not achieved
e004-label-no = not achieved, by { $by }
e004-label-yes = achieved, by { $by }
e004-same-day-help = the coordinating and the second insurer share one verdict (art. 3.2.2); record the verdict they agreed
e004-same-day-note = two verdicts on one day: both are ignored
e004-later-help = an achieved milestone stays achieved: achieved amounts are never reclaimed (fin.model Risicodragerschap 4)
e004-later-note = the later verdict, not achieved, is ignored
e006-message = `{ $party }` is not one of the assessors of this plan ({ $holders })
e006-help = the insurers named by the `assessors` clause judge achievement (art. 3.2.2): record their verdict, by { $holders }
e007-no-clause = partial payout of milestone { $milestone }, but the rule set allows none
e007-no-clause-help = add a `partial-payout` clause to the rules, or remove the decision
e007-message = the partial payout of milestone { $milestone } { $why }
e007-help = a partial payout is decided by the steering group together with the insurer (fin.model mitigerende maatregelen, plan Uitgangspunten monitoring)
e008-message = the agreement is already dissolved
e008-help = keep the first dissolution
e009-message = the count's window { $from } .. { $to } runs backwards
e009-help = write the earlier date first
e010-message = milestone { $milestone }: no risk key bears `{ $stream }`; its repayable amount and exposure are not divided over parties
e010-label = no risk key
e010-help = add `risk { $stream } by KEY` to the milestone or `default risk { $stream } by KEY` to the plan
e011-no-payout = milestone { $milestone }: the `{ $column }` of `{ $stream }` is not divided over parties: no one receives `{ $stream }` for it
e011-no-payout-label = no payout
e011-no-payout-help = add `payout { $stream } to PARTY` to the milestone or `default payout { $stream } to PARTY` to the plan
e011-repayments = the repayments of `{ $stream }` by `{ $party }` add up beyond what can be computed
e011-repayments-label = too large
e011-repayments-help = check the amount
e011-unrepresentable = the `{ $column }` of `{ $stream }` for `{ $party }` cannot be represented exactly; shown as € 0
e011-unrepresentable-help = amounts are exact decimals of at most 28 significant digits; beyond about € 7,9 × 10^26 they cannot hold cents
e011-not-divided = milestone { $milestone }: the `{ $column }` of `{ $stream }` is not divided over parties: { $why }
e011-not-divided-label = not divided
e011-no-shares = its recipient has no positive weights
e011-no-shares-help = give the key's members weights above zero
e011-overflow = a party's total would go beyond what can be computed
e011-overflow-help = amounts are exact decimals of at most 28 significant digits
e012-percent = a partial payout of { $share } of milestone { $milestone }: more than the whole milestone
e012-percent-help = a partial payout is part of the milestone's amount: at most 100%
e012-amount = a partial payout of { $amount } of milestone { $milestone }, whose amount is { $total }
e012-amount-help = a partial payout is part of the milestone's amount: at most { $total }
e012-label = more than the milestone
e013-message = { $what } on { $date } contradict each other
e013-label = says otherwise
e013-label-also = than this
e013-note = facts of one day that contradict each other are all ignored
e013-counts = the counts of `{ $metric }` for { $from } .. { $to } stated on { $date } contradict each other
e013-counts-help = record the one count of that window, or state a corrected count on a later day
e013-administration = the administration facts
e013-administration-help = record what was found that day once: compliant or non-compliant
e013-partials = the partial payouts of milestone { $milestone }
e013-partials-help = record the one decision taken that day
e013-postponements = the postponements of milestone { $milestone }
e013-postponements-help = record the one date it was postponed until
e014-message = `{ $party }` has repaid { $amount } of `{ $stream }`, more than the { $repayable } repayable by it
e014-label = beyond what is repayable
e014-help = check the amount; a party repays its share of the money linked to milestones not achieved
e015-advances = the advances of `{ $stream }` add up to more than can be computed
e015-payments = milestone { $milestone }: the payments of `{ $stream }` add up to more than can be computed
e015-label = too large to add
e015-help = amounts are exact decimals of at most 28 significant digits; check the amounts
e015-note = this fact is ignored
e016-no-clause = postponement of milestone { $milestone }, but the rule set allows none
e016-no-clause-help = add a `postponement` clause to the rules, or remove the postponement
e016-message = the postponement of milestone { $milestone } { $why }
e016-help = a postponement is decided by the parties holding every role the `postponement` clause names, together
decided-by-nobody = names nobody who decided; the rule set needs the { $roles } together
decided-by-outsider = is decided by { $by }, but `{ $party }` holds none of the roles that decide it ({ $roles })
decided-role-unheld = the { $role } (held by no party of the plan)
decided-role-held = the { $role } ({ $holders })
decided-without = is decided by { $by } without { $missing }; the rule set needs the { $roles } together
decided-help-nobody = { $why }; no party of the plan holds these roles
decided-help-record = { $why }: record the decision `by { $list }`
a501-message = the counts of `{ $metric }` are too large to add up
a501-label = too large to compute with
a501-help = mijlpaal computes exactly, with at most 28 significant digits; check this count for a typo
a502-message = the baseline and its change are too large to compute the wanted level
a502-help = mijlpaal computes exactly, with at most 28 significant digits; check the change and the measured baseline

## `mijlpaal evaluate` as text, `evaluate --party`, `explain-milestone`.

eval-too-large = too large
eval-title = { $title } ({ $plan }) at { $date }
eval-heading-milestones = Milestones
eval-header-status = status
eval-header-due = due
eval-header-earned-in = earned { $stream }
eval-header-reason = reason
eval-total-line = total: { $totals }
eval-heading-parties = Parties
eval-header-party = party
eval-heading-obligations-until = Obligations until { $date } ({ $days } days)
eval-none = none
eval-header-kind = kind
eval-header-amount = amount
eval-header-what = what
eval-header-clause = clause
eval-overdue = {" "}(overdue)
eval-trace-title = Milestone { $milestone } ({ $obligation }, { $component }): { $text }
eval-trace-status = At { $date }: { $status } — { $reason }
eval-heading-trace = Trace
eval-heading-targets = Targets from the facts
eval-heading-money = Money
eval-header-stream = stream
eval-party-title = { $name } ({ $party }) in { $title } at { $date }
eval-total = total
eval-heading-per-milestone = Per milestone
eval-header-why = why
eval-heading-obligations = Obligations

## What-if flags (`--achieved`, `--missed`, `--partial`).

what-if-not-a-number = `{ $part }` is not a milestone number, a range like 13-15, or `all`
what-if-backwards = the range `{ $part }` runs backwards; write { $from }-{ $to }
what-if-no-milestone = milestone { $milestone } is not in plan `{ $plan }`
what-if-not-partial = `{ $text }` is not of the form N=60%
what-if-not-percent = `{ $text }` is not a percentage; write 60%
what-if-out-of-range = { $share } is not between 0% and 100%

## `mijlpaal timeline` as text.

timeline-header-date = date
timeline-header-party = party
timeline-header-stream = stream

## The Excel CSV and the workbook (`evaluate --csv-dialect excel-nl`,
## `--format xlsx`): sheet names and headers, as `render::ledger::ENGLISH`
## (the plain CSV keeps that in every language).

ledger-milestones = milestones
ledger-parties = parties
ledger-obligations = obligations
ledger-number = number
ledger-status = status
ledger-since = since
ledger-due = due
ledger-reason = reason
ledger-party = party
ledger-kind = kind
ledger-milestone = milestone
ledger-stream = stream
ledger-amount = amount
ledger-overdue = overdue
ledger-text = text
ledger-total = total
ledger-column-earned = earned
ledger-column-paid = paid
ledger-column-outstanding = outstanding
ledger-column-repayable = repayable
ledger-column-repaid = repaid
ledger-column-exposure = exposure
ledger-column-lapsed = lapsed
