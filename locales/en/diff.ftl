# `mijlpaal diff`: text and Markdown.

diff-view-planned = planned (every milestone achieved)
diff-view-at = with the facts at { $date }
diff-too-large = too large to show
diff-none = no differences
diff-heading-plan = Plan
diff-heading-rules = Rules
diff-heading-milestones = Milestones
diff-heading-statuses = Statuses
diff-heading-money = Money per party, { $view }
diff-heading-obligations = Obligations
diff-duty-milestone = {" "}milestone { $milestone }
diff-duty-line = { $party } { $kind }{ $milestone }{ $amount } by { $due }
diff-status-new = (new)
diff-yes = yes
diff-no = no
diff-clause = clause { $clause }
diff-path-item = { $field } { $number }

## The Markdown for a council letter has had Dutch headings from the
## start; in English they stay as they were.

diff-md-title = Wijzigingen: `{ $old }` → `{ $new }`
diff-md-none = Geen verschillen.
diff-md-was = was
diff-md-becomes = wordt
diff-md-field = onderdeel
diff-md-milestones = Mijlpalen
diff-md-change = wijziging
diff-md-added = toegevoegd
diff-md-removed = vervallen
diff-md-statuses = Status van mijlpalen
diff-md-money = Gevolgen per partij ({ $view })
diff-md-party = partij
diff-md-column = kolom
diff-md-stream = stroom
diff-md-delta = verschil
diff-md-obligations = Verplichtingen
diff-md-kind = soort
diff-md-date = datum
diff-md-amount = bedrag
diff-md-new = nieuw
diff-md-gone = niet meer (binnen de horizon)

## The fields of a plan, as a changed field is named in Dutch (English
## shows the plan's JSON path).

diff-field-plan = plan
diff-field-title = title
diff-field-rules = rules
diff-field-period = period
diff-field-from = from
diff-field-to = to
diff-field-parties = party
diff-field-id = id
diff-field-name = name
diff-field-roles = roles
diff-field-streams = streams
diff-field-paid-by = paid by
diff-field-keys = keys
diff-field-declared-totals = declared total
diff-field-by = by
diff-field-amount = amount
diff-field-metrics = metric
diff-field-kind = kind
diff-field-component = component
diff-field-number = number
diff-field-text = text
diff-field-obligation = obligation
diff-field-due = due date
diff-field-declared = declared
diff-field-after = after milestones
diff-field-payout = payout
diff-field-risk = risk key
diff-field-risk-by-stream = risk key per stream
diff-field-evidence = evidence
diff-field-targets = target
diff-field-sets-baseline = baseline
diff-field-metric = metric
diff-field-at = date
diff-field-judged = judged
diff-field-window = window
diff-field-op = comparison
diff-field-value = value
diff-field-numerator = numerator
diff-field-denominator = denominator
diff-field-percent = percentage
diff-field-rhs = compared with
diff-field-baseline-of = baseline of milestone
diff-field-delta = change
diff-field-absolute = absolute
diff-field-weight = weight
