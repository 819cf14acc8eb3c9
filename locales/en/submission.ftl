# submission

submission-checks = checks
submission-pointer = pointer
submission-plan = plan
submission-id = id
submission-status = status
submission-criterion = criterion
submission-source = source
submission-status-holds = holds
submission-status-fails = fails
submission-status-to-confirm = to-confirm
submission-summary = { $criteria } criteria: { $holds } hold, { $fails } { $fails ->
        [one] fails
       *[other] fail
    }, { $to_confirm } to confirm
submission-no-pointer = no pointer yet
submission-c701-undecided = { $code } { $name }: undecided: it needs the plan's `period` and the rule set's `max-duration` clause
submission-no-findings = { $code } { $name }: no findings
submission-error = error
submission-warning = warning
submission-info = info
submission-at-line = {" "}(line { $line })
submission-finding = { $code } { $name } { $severity }: { $message }{ $line }
submission-last-quarter-undecided = last-quarter: undecided: { $why }
submission-no-threshold = the framework sets no `threshold last-quarter`
submission-no-period = the plan has no `period`
submission-too-large = the amounts are too large to add up exactly
submission-no-money = the plan's milestones carry no money
submission-last-quarter = last-quarter: { $late } of { $total } ({ $share }%) is due from { $from } to { $to }; threshold { $threshold }
submission-last-quarter-fails = { $figures }: not paid in batches on interim milestones
submission-no-rule-set = no-clawback: undecided: the plan has no rule set
submission-no-clawback-holds = no-clawback: rule set `{ $rules }` has clause "{ $citation }" no-clawback{ $line }
submission-no-clawback-fails = no-clawback: rule set `{ $rules }` has no `no-clawback` clause: awarded money could be clawed back
