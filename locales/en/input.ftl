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
