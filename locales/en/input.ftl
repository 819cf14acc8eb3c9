# Reading, parsing and lowering: I, S and L codes.

## Names: did-you-mean and the lists of what is declared

names-did-you-mean = did you mean `{ $name }`?
names-none-declared = no { $plural } are declared; declare the one meant (anywhere in the file: order does not matter)
names-declared = declared { $plural }: { $names }
names-many = there are { $count } { $plural }; check the spelling against their declarations
names-fixed = the { $plural } are: { $names }
names-parties = parties
names-streams = streams
names-keys = keys
names-metrics = metrics
names-documents = documents
names-parties-and-keys = parties and keys
names-roles = roles
names-clause-kinds = clause kinds
names-kinds-of-fact = kinds of fact
names-deciders = deciders
names-thresholds = thresholds
names-criteria = criteria
names-count-metrics = count metrics

## Literals: numbers, amounts, dates (L001-L007)

lit-label-date = not a valid date
lit-label-euro-after = euro sign after the number
lit-label-cents = not an amount in euros and cents
lit-label-number = not a valid number
l001-message = `{ $text }` is not a number
l001-help = write one decimal comma at most, and group thousands with dots: 98.500,50
l001-dot-message = `{ $text }` is not a Dutch number: a dot groups thousands in threes
l001-dot-help = for a decimal write a comma ({ $suggestion }); for thousands write 1.300
l002-message = `{ $text }` is too large or too precise for an exact decimal
l002-help = numbers hold at most { $digits } significant digits
l002-whole-message = `{ $text }` is too large here
l002-whole-help = numbers here are at most 4.294.967.295
l003-message = `{ $text }` must be a whole number
l003-help = write it without decimals
l003-after-message = `{ $text }` reads as a decimal number
l003-after-label = not a milestone number
l003-after-help = separate milestone numbers with a comma and a space: `after { $spaced }`
l004-message = write amounts with the euro sign first: `€ { $text }`
l004-help = every amount is written one way, euro sign first, as in `€ 98.500,50`
l005-message = `€ { $text }` has more than two decimals
l005-help = amounts are in euros and cents: at most two decimals, as in € 98.500,50
l006-message = `{ $text }` is not a date
l006-iso-message = `{ $text }` is not an ISO date
l006-help = write dates as YYYY-MM-DD, e.g. 2026-12-31
l006-help-as = write dates as { $date }
l006-digits-help = write month and day with two digits: { $date }
l007-message = `{ $text }` is not a day of the calendar
l007-help = { $month } { $year } has { $days } days
l007-month-help = months run from 01 to 12
month-name = { $month ->
        [1] January
        [2] February
        [3] March
        [4] April
        [5] May
        [6] June
        [7] July
        [8] August
        [9] September
        [10] October
        [11] November
        [12] December
       *[other] that month
    }

## Declarations (L010-L024)

l010-message = { $kind } `{ $name }` is declared twice
l010-label-again = declared again here
l010-label-first = first declared here
l010-help = give each { $kind } its own id, or remove one declaration
l010-member-message = `{ $party }` appears twice in key `{ $key }`
l010-member-label-again = again here
l010-member-label-first = first here
l010-member-help = give each member one weight
l010-component-message = component { $component } is declared twice
l010-component-help = put all milestones of a component in one block
l010-milestone-message = milestone { $milestone } is declared twice
l010-milestone-help = number each milestone once; the numbers are the KPI numbers of the plan
l010-exists-message = milestone { $milestone } already exists
l010-exists-label = exists already
l010-exists-help = an amendment adds new milestone numbers; use `change N ...` to change an existing one
l010-added-message = milestone { $milestone } is added by amendment `{ $amendment }` already
l010-added-label-again = added again here
l010-added-label-first = first added here
l010-added-help = an amendment adds new milestone numbers; to change the added milestone write `change N ...` in the later amendment

l011-message = unknown { $kind } `{ $name }`
l011-label = not declared
l011-recipient-message = unknown party or key `{ $name }`
l011-milestone-label = unknown milestone
l011-milestone-only = the plan has only milestone { $milestone }
l011-milestone-nearest = the plan has milestones { $first }..{ $last }; the nearest is { $nearest }
l011-milestone-none = the plan has no milestones yet
l011-after-message = milestone { $milestone } depends on milestone { $dependency }, which does not exist
l011-baseline-message = the baseline refers to milestone { $milestone }, which does not exist
l011-component-message = component { $component } does not exist
l011-component-label = unknown component
l011-component-help = add milestones to a component of the plan
l011-change-message = the amendment changes milestone { $milestone }, which does not exist
l011-change-help = to bring in a new milestone write `add to component N milestone ...`
l011-withdraw-message = the amendment withdraws milestone { $milestone }, which does not exist
l011-withdraw-help = name a milestone of the plan
l011-fact-label = not in the plan
l011-fact-added-message = milestone { $milestone } is added by amendment `{ $amendment }` from { $effective }, after this fact
l011-fact-added-label = not in the plan yet
l011-fact-added-help = facts about milestone { $milestone } count from { $effective }, when the amendment takes effect
l011-fact-milestone-message = unknown milestone { $milestone }
l011-fact-milestone-help = plan `{ $plan }` has milestones up to { $max }
l011-criterion-message = unknown criterion `{ $criterion }` in framework `{ $framework }`
l011-criterion-label = not a criterion

l012-metric-message = unknown kind of metric `{ $kind }`
l012-metric-label = not a metric kind
l012-metric-help = a metric is a `count` (events over a window) or a `level` (measured at a date)
l012-role-message = unknown role `{ $role }`
l012-role-label = not a role
l012-clause-message = unknown clause kind `{ $kind }`
l012-clause-label = not a clause kind
l012-fact-message = unknown kind of fact `{ $verb }`
l012-fact-label = not a fact

l013-message = milestone { $milestone } does not say whether it is an effort or a result obligation
l013-label = effort or result?
l013-help = add a line `effort` (inspanningsverplichting) or `result` (resultaatverplichting)

l014-label-again = given again here
l014-label-first = first given here
l014-label-given-again = given again
l014-plan-message = `{ $statement }` is given twice in this plan
l014-plan-help = a plan has one `{ $statement }` statement; remove one
l014-milestone-message = `{ $statement }` is given twice in this milestone
l014-milestone-help = a milestone has one `{ $statement }`; remove one
l014-default-payout-message = a default payout for `{ $stream }` is given twice
l014-default-payout-help = keep one default per stream; override it per milestone with `payout`
l014-default-risk-message = a default risk key for `{ $stream }` is given twice
l014-default-risk-help = keep one default per stream; override it per milestone with `risk`
l014-split-message = stream `{ $stream }` appears twice in this split
l014-split-label = again
l014-split-help = name each stream once
l014-key-total-message = a key has one declared total
l014-key-total-label = second total
l014-key-total-help = remove one `declared total` line
l014-effective-message = `effective` is given twice in this amendment
l014-effective-help = an amendment takes effect on one date; write a second amendment for a later change
l014-decision-message = `decision` is given twice in this amendment
l014-decision-help = cite the decision once
l014-criterion-message = criterion `{ $criterion }` is given twice
l014-criterion-help = give each criterion once, with all that decides it
l014-clause-message = clause `{ $clause }` is given twice
l014-clause-help = a rule set has one clause of each kind; `repay-unmet` one per stream, `non-working-day` one per date
l014-party-message = party `{ $party }` is named twice
l014-party-help = name each party who decided once

l015-message = expected { $wanted } here, found `{ $found }`
l015-label = wrong kind of value
l015-help = write { $wanted }, e.g. { $example }
l015-a-date = a date
l015-a-plain-number = a plain number
l015-a-whole-number = a whole number
l015-an-amount = an amount
l015-a-percentage = a percentage
l015-a-percentage-or-amount = a percentage or an amount
l015-a-percentage-or-amount-example = 50% or € 25.000
l015-cmp-message = `{ $text }` is not a comparison
l015-cmp-label = not a comparison
l015-cmp-help = use >=, >, <=, < or =

l016-message = a document's unit cannot be € 0
l016-label = unit € 0
l016-help = write the unit its figures are in, e.g. `in € 1.000`

l017-label = does not match the form
l017-clause-message = clause `{ $kind }` is not written in its form
l017-clause-help = write it as `clause "ARTICLE" { $form }`

l018-message = these facts are about plan `{ $facts_plan }`, but the plan is `{ $plan }`
l018-label = other plan
l018-help = write `facts { $plan } {"{"}` or evaluate them with the plan they belong to

l019-message = this `{ $verb }` fact is not written in its form
l019-help = write it as `{ $form }`

l020-message = key `{ $parent }` must be declared before `{ $key }` takes a subset of it
l020-label = declared later
l020-help = move the subset key below its parent

l021-message = a clause must cite the article it encodes
l021-label = empty citation
l021-help = write the article, e.g. "art. 3.2.2"

l023-effective-message = amendment `{ $amendment }` has no effective date
l023-effective-label = from when?
l023-effective-help = add `effective YYYY-MM-DD`: the date from which the addendum applies (art. 2.3)
l023-decision-message = amendment `{ $amendment }` does not cite its decision
l023-decision-label = decided by whom, when?
l023-decision-help = add `decision "..."`: who agreed to the addendum and when (art. 2.3.1 requires consensus)

l024-message = amendments `{ $first }` and `{ $second }` both set `{ $statement }` of milestone { $milestone } from { $effective }
l024-label-again = set again here
l024-label-first = first set here
l024-help = amendments effective on the same date take effect together; set each statement in one of them, or give them different dates

l030-message = an assessment window of { $count } { $unit } is longer than ten years
l030-label = too long
l030-help = write at most { $max } days; the model agreement gives four weeks (art. 3.2.2)

l031-message = { $amount } in units of { $unit } is too large to compute with
l031-label = too large in this unit
l031-help = amounts hold at most 28 significant digits; check the figure and the document's unit

## Reading files (I codes)

i001-label-named = named here
i001-missing-message = file `{ $file }` does not exist
i001-missing-help = check the path; plan files end in .plan, rule sets in .rules, facts in .facts
i001-permission-message = no permission to read `{ $file }`
i001-permission-help = check the file's permissions
i001-message = cannot read `{ $file }`: { $error }
i001-help = check the path
i001-stdin-message = cannot read standard input: { $error }
i001-stdin-help = pipe a plan, rule set or facts file into `mijlpaal check -`
i002-directory-message = `{ $file }` is a directory, not a file
i002-directory-help = name a .plan, .rules or .facts file inside it
i002-message = `{ $file }` is not a regular file
i002-help = mijlpaal reads only regular files, never devices, pipes or sockets
i003-message = `{ $file }` is { $size }, more than the limit of { $max }
i003-help = raise the limit with --max-file-bytes if this file is genuine
i003-bytes = { $bytes } bytes
i003-larger-than-reported = larger than its reported size
i003-stdin-message = standard input is more than the limit of { $max } bytes
i003-stdin-help = raise the limit with --max-file-bytes if this input is genuine
i004-message = `{ $file }` is not valid UTF-8: invalid byte at offset { $offset } (line { $line })
i004-help = save the file as UTF-8; texts keep their diacritics (cliënten) only in UTF-8
i005-label = this file
i005-a-rule-set = a rule set
i005-a-framework = an assessment framework
i005-a-facts-file = a facts file
i005-plan-message = `{ $file }` is { $what }, not a plan
i005-plan-help = give the .plan file here; it names its rule set itself
i005-facts-message = `{ $file }` is not a facts file
i005-facts-help = a facts file starts with `facts PLAN {"{"}`
i005-rules-message = { $file } is not a rule set
i005-rules-help = a rule set starts with `rules NAME "title" {"{"}`
i005-rules-start-help = `{ $file }` does not start with `rules NAME "title" {"{"}`
i005-framework-message = this file is not an assessment framework
i005-framework-help = a framework starts with `criteria NAME "title" {"{"}`
i006-message = rule set `{ $name }` not found
i006-help = put it in rules/{ $file } beside the plan or in a parent directory, or pass --rules-dir; built in are: { $builtin }
i007-message = `{ $file }` was only parsed: facts are checked against a plan
i007-help = give the plan as well: `mijlpaal check PLAN FACTS...`
i008-message = `{ $file }` leads to `{ $target }`, outside `{ $dir }`
i008-help = a rule set must lie inside the directory it is found in; copy it there instead of linking to it
i009-message = refusing to write `{ $file }`: { $why }
i009-help = mijlpaal writes only regular files inside the plan's project; remove the link or move the project
i009-link = it is a link (to `{ $to }`)
i009-not-regular = it is not a regular file
i009-outside = its directory `{ $dir }` lies outside the project `{ $root }`
i010-message = cannot write `{ $file }`: { $error }
i010-help = check the free space and the permissions of the directory
i011-message = facts file `{ $file }` { $how } `{ $first }`, given before; it is not read again
i011-same-file = is the same file as
i011-same-content = has the same content as
i011-help = give each facts file once: its facts would otherwise count twice

l022-message = file { $file } declares rule set `{ $name }`
l022-label = declared name
l022-help = rename the rule set to `{ $name }` to match its file

## The evaluation gate (overrides)

gate-overridden = evaluated with { $flag }: { $what } ({ $codes })
gate-unpinned = the rule set does not match its pin
gate-errors = the plan has errors that make money wrong
gate-evaluated-anyway = evaluated anyway, as asked

## Syntax (S codes)

syntax-label-here = here
syntax-file-start-help = a file starts with `plan ID "title" {"{"}`, `rules ID "title" {"{"}` or `facts PLAN {"{"}`
s001-message = the file is empty
s001-label = nothing here
s002-message = line { $line } is { $bytes } bytes long, more than the limit of { $max }
s002-help = split the text over several statements, or raise the limit with --max-line-bytes
s003-message = blocks are nested more than { $depth } levels deep
s003-label = this `{"{"}` is too deep
s003-help = a plan nests plan > component > milestone; close each block with `{"}"}` on its own line
s004-message = expected { $expected }, found { $found }
s004-unexpected = unexpected { $found }
s004-or = { $init } or { $last }
s004-end-of-file = the end of the file
s004-end-of-line = the end of the line
s004-a-name = a name
s004-a-quoted-text = a quoted text
s004-a-number = a number
s004-a-date = a date (2026-12-31)
s004-a-percentage = a percentage (73%)
s004-an-amount = an amount (€ 1.237.000)
s004-a-comparison = a comparison (>=, <=)
s004-a-statement = a statement
s004-help-unclosed = a block is not closed: every `{"{"}` needs a `{"}"}` on a line of its own
s004-help-after-end = nothing may follow the `{"}"}` that closes the file's block; move this inside it or remove it
s004-help = see docs/language.md for the statements each block accepts
s004-label-end = the file ends here
s005-message = this line is not a valid { $what }
s005-label = not understood
s005-clause = clause
s005-clause-help = write `clause "art. 3.2.2" KIND ARGS...`; see docs/language.md for the kinds
s005-criterion = criterion
s005-criterion-help = write `criterion ID "text" source "r. 5790" decided-by C301, C601` or `threshold last-quarter 50%`
s005-fact = fact
s005-fact-help = every fact starts with its date: `2026-01-10 assessed 14 achieved by menzis`
s005-plan-statement = plan statement
s005-plan-statement-help = a plan holds: rules, period, document, declared, split, party, stream, key, metric, default, component
s005-key-member = key member
s005-key-member-help = write one member per line as `party 74.776 declared 11,63%`, and the total as `declared total 654.153`
s005-milestone = milestone
s005-milestone-help = a component holds milestones: `milestone 14 "text" {"{"}` ... `{"}"}`
s005-milestone-statement = milestone statement
s005-milestone-statement-help = a milestone holds: effort|result, due, amount, declared by, evidence, after, payout, risk, target, sets baseline, judged
s005-amendment-statement = amendment statement
s005-amendment-statement-help = an amendment holds: effective, decision, change N ..., withdraw N, add to component N milestone ..., rule KIND ...
s006-message = the file has { $lines } lines, more than the limit of { $max }
s006-help = split the plan, or raise the limit with --max-lines if the file is genuine
s007-message = this `{"}"}` closes no block
s007-label = nothing to close
s007-help = remove it, or look above for a block header whose `{"{"}` is missing
s008-message = { $count ->
        [one] { $count } block is
       *[other] { $count } blocks are
    } never closed
s008-label = this block is never closed
s008-label-suspect = this block's `{"}"}` seems to be missing
s008-help = a `{"}"}` is missing somewhere inside it: every block closes with `{"}"}` on a line of its own
s009-message = { $kind } { $character }
s009-message-string = { $kind } { $character } in a string
s009-message-comment = { $kind } { $character } in a comment
s009-kind-bidi = bidirectional control
s009-kind-line-break = invisible line break
s009-kind-invisible = invisible character
s009-kind-control = control character
s009-note-more = { $count } more such characters in this file are not listed
s009-help-line-break = delete it: editors show it as a line break, mijlpaal does not, so what follows it on this line is read differently from how it looks
s009-help = delete it: it changes how the text looks (or what a terminal does) without being visible; mijlpaal shows it escaped
s010-help = delete it: a byte-order mark belongs only at the very start of a file
s999-message = internal error: the parser produced an unexpected tree here
s999-help = this is a bug in mijlpaal; please report it with this file

## Assessment frameworks: B codes found while reading a `.criteria` file

criteria-b001-message = `{ $name }` is neither a check code nor a test of `submission`
criteria-b002-message = `{ $name }` is not a threshold of the framework
criteria-label-unknown = unknown
