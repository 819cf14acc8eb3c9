# The language server (`mijlpaal lsp`): hover texts, completion details,
# rename refusals, error replies and the status of a milestone in hover.

## Hover: the heading (Markdown, bold) and the lines below it.

lsp-hover-role = **role `{ $role }`**
lsp-hover-role-holders = **role `{ $role }`**: { $holders }
lsp-hover-stream = **stream `{ $stream }`**: { $name }
lsp-hover-stream-detail = paid by `{ $payer }`; { $total } in all milestones
lsp-hover-metric = **metric `{ $metric }`** ({ $kind }): { $title }
lsp-hover-document = **document `{ $document }`**: { $title }
lsp-hover-document-unit = amounts in { $unit }
lsp-hover-rules = **rule set `{ $rules }`**: { $title }
lsp-hover-rules-clauses = { $count } clauses
lsp-hover-plan = **plan `{ $plan }`**: { $title }
lsp-hover-component = **component { $component }**: { $name }
lsp-hover-component-detail = { $count } milestones, { $total }
lsp-hover-clause = **clause `{ $keyword }`** ({ $citation })
lsp-hover-clause-form = form: `{ $form }`
lsp-too-large = too large

lsp-hover-milestone = **milestone { $milestone }** (component { $component })
lsp-hover-obligation = obligation: { $obligation }
lsp-hover-amount = amount: { $total } ({ $split })
lsp-hover-amount-none = amount: none
lsp-hover-due = due: { $due }
lsp-hover-due-not-set = due: not set
lsp-hover-assessment-deadline = assessment deadline: { $date } (`{ $clause }`, { $citation })
lsp-hover-after = after: { $milestones }
lsp-hover-plan-default = (the plan's default)
lsp-hover-payout-party = { $stream } { $amount } to `{ $party }`
lsp-hover-payout-key = { $stream } { $amount } to key `{ $key }`
lsp-hover-risk = risk: { $stream } by `{ $key }`
lsp-hover-judged = judged: { $judged }
lsp-hover-shares-impossible = (the key's weights cannot divide money)

lsp-hover-party = **party `{ $party }`**: { $name }
lsp-hover-roles = roles: { $roles }
lsp-hover-roles-none = none
lsp-hover-ref = ref: { $reference }
lsp-hover-pays-stream = pays stream `{ $stream }`
lsp-hover-party-key = key `{ $key }`: { $weight } of { $total } = { $share }
lsp-hover-party-declared = , declared { $declared }

lsp-hover-key = **key `{ $key }`**: { $title }
lsp-hover-key-part-of = part of key `{ $parent }`
lsp-hover-key-header = | member | weight | share | declared |
lsp-hover-key-sum = sum
lsp-hover-key-declared-total = { $total } (total)

## The status of a milestone today, in hover.

lsp-status-not-evaluated = (status not evaluated: the plan, rules or facts have errors)
lsp-status-own-facts = - status at { $date } (these facts): **{ $status }**: { $reason }
lsp-status-scenarios = - status at { $date } under the scenarios beside the plan:
lsp-status-facts-have-errors = (its facts have errors)

## The kinds of names (completion's detail, rename refusals).

lsp-kind-party = party
lsp-kind-stream = stream
lsp-kind-key = key
lsp-kind-metric = metric
lsp-kind-document = document
lsp-kind-milestone = milestone
lsp-kind-component = component
lsp-kind-rules = rule set
lsp-kind-plan = plan
lsp-kind-clause = clause
lsp-kind-role = role

## Diagnostics as the editor shows them.

lsp-diagnostic-help = help: { $text }

## Refusals and error replies.

lsp-cannot-rename = a { $kind } cannot be renamed
lsp-not-a-name = `{ $name }` is not a name: a letter, then letters, digits, `_` or `-`
lsp-declared-already = `{ $name }` is declared already
lsp-initialize-first = initialize first
lsp-shutting-down = the server is shutting down
lsp-unknown-method = unknown method `{ $method }`
lsp-invalid-parameters = invalid parameters: { $error }
lsp-not-open = `{ $uri }` is not open
lsp-request-failed = mijlpaal lsp failed on this request (a bug: please report it)

## The server's log (stderr, the editor's output panel): messages skipped.

lsp-log-skipped = mijlpaal lsp: skipped a message: { $why }
lsp-log-reading-failed = mijlpaal lsp: reading failed: { $error }
lsp-log-not-json-rpc = mijlpaal lsp: not a JSON-RPC message: { $error }
lsp-frame-ended-in-header = the input ended inside a header
lsp-frame-header-too-long = a header line too long
lsp-frame-bad-length = Content-Length `{ $value }`
lsp-frame-no-length = no Content-Length
lsp-frame-too-long = a message of { $length } bytes, more than { $limit }
lsp-frame-ended-in-message = the input ended inside a message

## What a clause of each kind means (`Keyword::meaning`), in one sentence.

clause-meaning-entitlement = the right to money arises when a milestone is achieved
clause-meaning-assessors = the roles that judge whether a milestone is achieved
clause-meaning-assessment-window = the time after the due date within which the assessors give their verdict
clause-meaning-deemed-achieved = a milestone left unjudged after the window counts as achieved, if the administration is compliant
clause-meaning-payment = the role that pays, and the only party money is claimed from
clause-meaning-no-clawback = a missed milestone never makes money for achieved milestones repayable
clause-meaning-partial-payout = the roles that together may pay part or all of a missed milestone
clause-meaning-postponement = a milestone may still be achieved later, up to the payout cutoff (decided together by the roles named)
clause-meaning-payout-cutoff = the last date on which money can be paid
clause-meaning-repay-unmet = at the cutoff, this stream's money linked to milestones not achieved is repaid, over the risk key or the key named
clause-meaning-advances = advances follow the ministry's yearly advances
clause-meaning-dissolution = on dissolution, claims not paid lapse; payments made stand
clause-meaning-double-funding = an amount funded twice can be reclaimed
clause-meaning-amendment = changes to the plan need consensus and an addendum; payments made stand
clause-meaning-monitoring = progress is monitored every quarter
clause-meaning-max-duration = agreements are reached within this many years
clause-meaning-deadline-shift = whether a deadline on a weekend or Dutch public holiday moves to the next working day
clause-meaning-non-working-day = a day put on a par with the public holidays by decree (Algemene termijnenwet art. 3 lid 3)
