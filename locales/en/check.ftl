# The checker's findings: C and A codes (messages, labels, help, notes).

## Shared by several checks

check-overflow-label = too large to compute with
check-overflow-help = mijlpaal computes exactly, with at most 28 significant digits; check this figure for a typo
check-too-large-to-compute = more than can be computed

## C101 split-sum

c101-message = milestone { $milestone }: the streams add up to { $streams }, but the amount is { $amount }
c101-label = differs by { $diff }
c101-help = make the split add up to the amount exactly, or correct the amount
c101-declared-message = milestone { $milestone }: in `{ $document }` the streams add up to { $streams }, but its amount is { $amount }
c101-declared-label = differs by { $diff }, more than rounding to { $unit } explains
c101-declared-help = copy the figures of `{ $document }` again; they do not add up even allowing for its rounding
a101-message = milestone { $milestone }: its streams are too large to add up
a101-declared-message = milestone { $milestone }: the figures declared by `{ $document }` are too large to add up

## C102 plan-total

c102-message = the milestones add up to { $actual } { $what }, but { $source } { $declared }
c102-what-total = in total
c102-what-stream = for stream `{ $stream }`
c102-source-document = `{ $document }` declares
c102-source-plan = the plan declares
c102-label = off by { $diff }
c102-label-rounding = off by { $diff }, more than rounding to { $unit } allows
c102-help = find the milestone amount or the declared total that is wrong; mijlpaal does not guess which
a102-message = the milestones are too large to add up { $what }

## C103 declared-amount

c103-message = milestone { $milestone }: the plan's { $what } is { $ours }, but `{ $document }` declares { $units } x { $unit } = { $theirs }
c103-what-amount = amount
c103-what-stream = `{ $stream }` amount
c103-label = off by { $diff }, more than rounding to { $unit } explains
c103-label-amount = the plan's amount
c103-help = the two documents disagree; settle which figure holds, and correct the other by addendum
c103-note = `{ $document }` is: { $title }

## C104 same-ratio

c104-message = milestone { $milestone }: `{ $stream }` gets { $share } of the amount, but the plan splits every milestone { $plan_share } to `{ $stream }`
c104-label = { $actual } instead of about { $expected }
c104-label-rule = the plan states one ratio for all milestones
c104-help = the difference, { $diff }, is more than the rounding of these figures ({ $allowed })
a104-message = milestone { $milestone }: its share of `{ $stream }` is too large to compute

## C201 dependency-cycle

c201-message = milestones depend on each other in a cycle: { $cycle }
c201-label = part of the cycle
c201-label-waits = { $milestone } waits here
c201-help = a milestone cannot build on one that builds on it; remove one `after` of the cycle

## C202 dependency-order

c202-message = milestone { $milestone } is due { $due }, before milestone { $dependency } it builds on (due { $dependency_due })
c202-label = builds on { $dependency }
c202-label-earlier = due earlier
c202-help = move the due date of { $milestone } after { $dependency_due }, or drop the dependency
c202-same-day-message = milestone { $milestone } is due on the same day as milestone { $dependency } it builds on ({ $due })
c202-same-day-label = same day
c202-same-day-help = there is no slack: any delay in the first makes the second late; consider a later due date

## C203 baseline-not-set

c203-message = milestone { $milestone } compares `{ $metric }` with the baseline of milestone { $base }, which sets no baseline for it
c203-label = no such baseline
c203-label-base = milestone { $base } sets none
c203-help = add `sets baseline { $metric } at DATE` to milestone { $base }, or refer to the milestone that does
c203-later-message = milestone { $milestone }'s baseline for `{ $metric }` is measured { $measured }, after the target's measurement date { $at }
c203-later-label = baseline comes later
c203-later-label-measured = measured here
c203-later-help = a baseline is the starting point: measure it before the level it is compared with
c203-unordered-message = milestone { $milestone } uses the baseline of milestone { $base } but does not build on it
c203-unordered-label = uses this baseline
c203-unordered-help = add `after { $base }` (directly or through milestones it builds on) so that the order is checked

## C301 due-missing

c301-message = milestone { $milestone } has no due date
c301-label = no `due`
c301-help = add `due YYYY-MM-DD`: the planned date (geplande datum) of the milestone

## C302 due-outside-period

c302-message = milestone { $milestone } is due { $due }, outside the plan's period { $from } .. { $to }
c302-label = outside the period
c302-label-period = the plan's period
c302-help = move the due date into the period, or widen the period
c302-cutoff-message = milestone { $milestone } is due { $due }, after the last payout date { $cutoff }
c302-cutoff-label = after the payout cutoff
c302-cutoff-help = its money could never be paid; move the due date before the cutoff
c302-cutoff-note = the cutoff is set by clause `payout-cutoff` ({ $citation })

## C303 measurement-after-due

c303-message = milestone { $milestone } is due { $due }, but what it is judged on is { $what } { $date }
c303-what-measured = measured
c303-what-counted = counted until
c303-what-baseline = baseline measured
c303-label = after the due date
c303-help = the measurement must be known by the due date: move it earlier or the due date later

## C304 window-order

c304-message = milestone { $milestone }: the window starts { $from }, after it ends ({ $end })
c304-label = empty window
c304-help = a window runs `from START to END` with START on or before END; without `to` it ends at the due date

## C305 unpayable-window

c305-message = milestone { $milestone } is due { $due }; its { $days }-day assessment window { $window }, after the last payout date { $cutoff }
c305-window-ends = ends { $end }; left unjudged it is deemed achieved on { $deemed }
c305-the-day-after = the day after
c305-window-endless = ends beyond the calendar
c305-label = assessment window runs past the cutoff
c305-help = unless the insurers judge by { $cutoff }, { $amount } cannot be paid; { $advice }
c305-advice-move = move the due date to { $latest } or earlier
c305-advice-shorten = shorten the assessment window or move the cutoff
c305-note = window: `{ $window_clause }` ({ $window_citation }); cutoff: `{ $cutoff_clause }` ({ $cutoff_citation })

## C401 key-weights

c401-message = key `{ $key }` has no members
c401-label = empty key
c401-help = list each party with its weight, one per line
c401-weight-message = `{ $party }` has weight { $weight } in key `{ $key }`; weights must be positive
c401-weight-label = not positive
c401-weight-help = give the member its real weight, or leave it out of the key
a401-message = the weights of key `{ $key }` are too large to add up

## C402 key-declared-total

c402-message = the weights of key `{ $key }` add up to { $sum }, but its declared total is { $declared }
c402-label = off by { $diff }
c402-help = correct the declared total or the member that is wrong; mijlpaal divides by the real sum
c402-note = the declared percentages are the shares of { $sum }, not of { $declared }: the declared total is the figure that is off

## C403 key-declared-percent

c403-message = `{ $party }` declares { $declared } of key `{ $key }`, but its share is { $share }
c403-label = computed { $share }
c403-help = correct the percentage or the weight

## C404 key-percent-sum

c404-message = the declared percentages of key `{ $key }` add up to { $sum }, not 100%
c404-label = percentages rounded one by one
c404-help = each share is rounded to { $scale } decimals on its own, so their sum may differ from 100% by up to { $half } per member; mijlpaal divides by the weights, not the percentages
c404-note-declared-total = the table itself declares { $total } as the total of its percentages
a404-message = the declared percentages of key `{ $key }` are too large to add up

## C405 key-subset

c405-message = `{ $party }` is not a member of key `{ $parent }`, so key `{ $key }` cannot take it
c405-label = not in the parent key
c405-label-parent = the parent key
c405-help = add `{ $party }` to `{ $parent }` with its weight, or leave it out of the subset

## C501 target-fits-metric

c501-share-message = milestone { $milestone }: a share of `{ $metric }` in itself is always 100%
c501-share-label = same metric twice
c501-share-help = a share divides the count of a subgroup by the count of the whole: `share naar_sggz of gesprekken`
c501-level-message = milestone { $milestone }: `{ $metric }` is a level metric and does not fit this target
c501-level-help = for a level metric write `target level METRIC at DATE ...`, or declare the metric with the other kind
c501-count-message = milestone { $milestone }: `{ $metric }` is a count metric and does not fit this target
c501-count-help = for a count metric write `target count METRIC from DATE >= N` or a share, or declare the metric with the other kind
c501-label = wrong kind of target

## C502 target-ambition

c502-message-lower = milestone { $milestone } asks less than milestone { $earlier } before it: { $target } is lower than { $earlier_target }
c502-message-higher = milestone { $milestone } asks less than milestone { $earlier } before it: { $target } is higher than { $earlier_target }
c502-label = less ambitious
c502-label-earlier = earlier target
c502-help = a series of yearly targets should keep or raise its ambition; if lowering it is intended, say why in a comment or an addendum
c502-note = the series `{ $series }`: { $targets }
c502-series-baseline = level { $metric } vs baseline { $base }
c502-series-relative = level { $metric } vs baseline { $base } (relative)

## C601 evidence-missing

c601-message = milestone { $milestone } carries { $amount } but names no evidence
c601-label = no `evidence`
c601-help = add `evidence "..."`: what is offered to the steering group to show the milestone is achieved

## C602 result-unmeasurable

c602-message = result milestone { $milestone } has no measurable target and is not marked as judged by people
c602-label = how is this result measured?
c602-help = add a `target ...`, or `judged "who judges, on what"` if people assess it

## C603 amount-missing

c603-message = milestone { $milestone } has no amount
c603-label = no `amount`
c603-help = add `amount € X {"{"} stream € A, ... {"}"}`; write `amount € 0` if it carries no money
c603-no-split-message = milestone { $milestone }'s amount is not split over the plan's { $streams } streams
c603-no-split-label = no split
c603-no-split-help = add the split: `{"{"} iza € A, spuk € B {"}"}`

## C604 payout-missing

c604-message = milestone { $milestone }: nobody receives its { $amount } of `{ $stream }`
c604-label = no recipient
c604-help = add `payout { $stream } to PARTY_OR_KEY` here, or `default payout { $stream } to ...` in the plan
c604-empty-key-message = milestone { $milestone }: `{ $stream }` goes to key `{ $key }`, which has no members
c604-empty-key-label = empty key
c604-empty-key-help = give the key members, or pay a party

## C605 risk-key-missing

c605-message = milestone { $milestone }: nobody bears the risk of repaying its { $amount } of `{ $stream }`
c605-label = no risk key
c605-help = add `risk { $stream } by KEY` here, or `default risk { $stream } by KEY` in the plan
c605-note = the rule set charges repayments to a risk key: { $clause }
c605-note-clause = clause `{ $clause }` ({ $citation })
c605-label-rules = rule set used here
c605-stream-message = the rule set repays stream `{ $stream }`, but the plan has no such stream
c605-stream-help = name the stream as the plan does, in the rule set's `repay-unmet` clause
c605-key-message = the rule set repays stream `{ $stream }` over key `{ $key }`, but the plan has no such key
c605-key-help = declare `key { $key } ...` in the plan, or write `repay-unmet { $stream } by risk-key`

## C606 rules-missing

c606-message = plan `{ $plan }` names no rule set
c606-label = no `rules`
c606-help = add `rules NAME` to the plan; NAME.rules is looked up in rules/

## C701 max-duration

c701-message = the plan runs { $from } .. { $to }, longer than the { $years } years the rules allow (until { $last })
c701-label = too long
c701-help = end the period by { $last }
c701-note = clause `max-duration` ({ $citation })
c701-due-message = milestone { $milestone } is due { $due }, more than { $years } years after the plan starts
c701-due-label = too late
c701-due-help = agreements must be reached by { $last }

## C702 effort-share

c702-message = effort milestones carry { $share } of the money ({ $effort } of { $total }), but the plan declares { $declared }
c702-about-message = effort milestones carry { $share } of the money ({ $effort } of { $total }), but the plan declares about { $declared }
c702-label = holds from { $low } to { $high }
c702-help = declare the share the milestones carry, or move money between effort and result milestones
a702-message = the milestones are too large to add up for the effort share

## C801 amendment-paid

c801-message = amendment `{ $amendment }` changes milestone { $milestone }, for which { $paid } was paid before it takes effect on { $effective }
c801-label = touches a paid milestone
c801-help = the payments made stand (art. 2.3.3): the amendment cannot take that money back
c801-paid-too-large = more than can be added up

## C901 rules-pinned

c901-message = rule set `{ $name }` has changed since it was pinned
c901-label = pinned content
c901-help = see what changed with `mijlpaal diff AGREED.rules rules/{ $name }.rules`; once the change is agreed (art. 2.3), print the new pin with `mijlpaal pin rules/{ $name }.rules` and write it here: `pinned "{ $now }"`; to evaluate a draft anyway, pass --allow-unpinned
c901-note-hash = pinned { $pinned }; the rule set now hashes to { $now }
c901-note-clauses = its clauses now: { $clauses }
c305-fix-title = move the due date to { $latest }
