# The commands' own messages: usage, what was written.

## explain
cli-explain-unknown-code =
    error: unknown code `{ $code }`
    {"  "}help: `mijlpaal explain` lists every code

## Shared by several commands
cli-error = error: { $message }
cli-wrote = wrote { $file }
cli-wrote-milestones = wrote { $file } ({ $count } milestones)
cli-not-a-plan = `{ $file }` is not a plan
cli-standard-output = standard output
cli-json-not-written = error: the JSON could not be written: { $reason }
cli-horizon-not-days = `{ $text }` is not a number of days from 0 to { $max } (a hundred years)
cli-today-past-calendar = today: the system clock is past the calendar
cli-no-such-party = party `{ $party }` is not in plan `{ $plan }`; { $help }
cli-no-such-milestone = milestone { $milestone } is not in plan `{ $plan }`
cli-output-is-input = -o { $output } names an input ({ $input }); the output would replace it

## The gate before evaluate, diff, snapshot, report, timeline
## evaluate, explain-milestone
cli-evaluate-no-rule-set =
    error: plan `{ $plan }` names no rule set, so it cannot be evaluated
    {"  "}help: add `rules NAME` to the plan
cli-evaluate-not-evaluated =
    error: not evaluated: the plan has the errors above
    {"  "}help: fix them, or pass --allow-errors (or --allow-unpinned for a pin) to evaluate a draft anyway
cli-achieved-and-missed = milestone { $milestone } is given both as --achieved and as --missed
cli-xlsx-needs-output = --format xlsx writes a binary workbook, not text: name the file with -o LEDGER.xlsx
cli-csv-dialect-csv-only = --csv-dialect applies to --format csv only
cli-table-xlsx = --table chooses the table of --format csv; --format xlsx writes every table as a sheet
cli-table-csv-only = --table applies to --format csv only
cli-no-workbook-written = error: no workbook written: { $reason }

## diff
cli-diff-not-compared =
    error: not compared: a version has the errors above
    {"  "}help: fix them, or pass --allow-errors (or --allow-unpinned for a pin) to compare drafts anyway

## report
cli-report-needs-output = the report is an HTML page, not text for a terminal: name the file with -o REPORT.html

## timeline
cli-timeline-to-before-from = --to { $to } is before --from { $from }
cli-timeline-too-many-dates = --from { $from } --to { $to } --every { $every } has more than { $max } dates; choose a shorter span or a longer period
cli-timeline-empty = no { $every } ends from { $from } to { $to }: the timeline would be empty
cli-timeline-no-dates = the timeline has no dates

## snapshot
cli-snapshot-no-scenarios =
    error: no scenarios for { $plan }: put .facts files in { $dir }/
    {"  "}help: each names its dates with `evaluate at YYYY-MM-DD, ...`
cli-snapshot-not-snapshotted =
    error: { $facts } not snapshotted: the plan has the errors above
    {"  "}help: fix them, or pass --allow-errors (or --allow-unpinned for a pin); the snapshot then records it
cli-snapshot-no-dates = warning: { $facts } names no `evaluate at` dates; nothing to snapshot
# The label of the new side in the diff of `snapshot --check`.
cli-snapshot-now-label = now
cli-snapshot-out-of-date = { $file } is out of date: review the diff, then run `mijlpaal snapshot { $plan }`

## fmt
cli-fmt-does-not-parse = { $file }: not formatted, because it does not parse
# The label of the new side in the diff of `fmt --check`.
cli-fmt-formatted-label = formatted
cli-fmt-formatted = formatted { $file }

## pin
cli-pin-has-errors = error: { $file } has errors, so it cannot be pinned
cli-pin-not-rules =
    error: { $file } is not a rule set
    {"  "}help: pin the .rules file the plan names

## rules
cli-rules-about-model-agreement = the national model agreement (Overeenkomst Transformatieplan, IZA/SPUK) with the Twente Financieringsmodel
cli-rules-about-framework = Beoordelingskader Impactvolle zorgtransformaties en inzet transformatiemiddelen (Bijlage 1)
cli-rules-criteria = (criteria) { $about }
cli-rules-unknown =
    error: no built-in rule set `{ $name }`
    {"  "}help: built in are: { $known }

## import, export
cli-import-give-plan = give a .plan file
cli-import-sheet-agrees = sheet `{ $sheet }` says what the plan says
cli-import-not-written = not written: the sheet has errors (--force writes what could be read)

## facts count
cli-facts-not-a-filter = `{ $text }` is not COLUMN=VALUE (the column's header, `=`, the exact answer)
cli-facts-not-a-date = `{ $text }` is not a date: write it as 2026-03-31
cli-facts-give-plan = give the .plan file with --plan
cli-facts-plan-has-errors = { $file }: the plan has errors; run `mijlpaal check` on it
cli-facts-counted-do-not-parse = the counted facts do not parse (a bug)
cli-facts-wrote-counts = wrote { $count } counts of `{ $metric }` to { $file }
cli-facts-added-counts = added { $count } counts of `{ $metric }` to { $file }

## show, submission, completions, man
cli-submission-cannot-print = cannot print the checklist: { $reason }
cli-man-page-failed = error: cannot render the man page: { $reason }
cli-generated-not-utf8 = error: the generated text is not UTF-8
