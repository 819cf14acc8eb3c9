# Spreadsheets and Forms exports: X and F codes.

## X001 reading a workbook
x001-unreadable = `{ $file }` cannot be read as a workbook: { $reason }
x001-unreadable-help = save the sheet as an Excel workbook (.xlsx) and try again
x001-not-xlsx = not an .xlsx file ({ $reason })
x001-unpacks-too-large = `{ $file }` unpacks to { $bytes } bytes, more than the limit of { $max }
x001-unpacks-too-large-help = raise the limit with --max-file-bytes if this workbook is genuine
x001-no-sheet = `{ $file }` has no sheet `{ $sheet }`
x001-no-sheet-help = its sheets: { $sheets }
x001-no-sheets = it has no sheets
x001-too-many-cells = sheet `{ $sheet }` of `{ $file }` has more than { $max } cells
x001-too-many-cells-help = a Mijlpalenformat has one row per milestone; remove what is not part of it
x001-internal = internal: the imported plan does not parse; please report this with the sheet

## X002 the header row
x002-no-header = sheet `{ $sheet }`: no header row with `Omschrijving` and `Totaalbedrag` in its first { $rows } rows
x002-no-header-help = the Mijlpalenformat's header row names the columns { $columns }; pick the sheet with --sheet NAME
x002-no-column = { $cell }: the header row has no column `{ $column }`
x002-no-column-help = add the column with its template header, or rename the header cell

## X003 dates
x003-help = write the date as a date cell, or as text d-m-jjjj (30-6-2025)
x003-number = the number { $number } where a date is expected
x003-number-help = format the cell as a date (d-m-jjjj), or write the date as text 30-6-2025
x003-not-a-date = not a date
x003-serial-no-day = the date cell holds { $serial }, which is no day
x003-time-of-day = the date cell holds a time of day; the planned date is a day
x003-lotus-leap-day = the date cell holds 29-2-1900, which does not exist
x003-not-d-m-y = `{ $text }` is not a date d-m-jjjj
x003-not-in-calendar = `{ $text }` does not exist in the calendar

## X004 amounts
x004-help = write the amount in euros as a number, or as text `1.237.000€` or `€ 1.237.000`
x004-date = a date where an amount is expected
x004-not-an-amount = not an amount
x004-error-value = the error value { $value }
x004-not-a-number = not a number
x004-too-large-for-double = { $number } is too large for a spreadsheet to hold exactly (more than 2^53)
x004-number-not-an-amount = { $number } is not an amount
x004-not-exact = { $number } cannot be read exactly as an amount
# $shown: the amount as written, in backticks when it was text.
x004-negative = { $shown } is negative; amounts are paid, not owed
x004-not-cents = { $shown } is not a whole number of cents
x004-text-not-an-amount = `{ $text }` is not an amount
x004-not-dutch = `{ $text }` is not a Dutch amount: a dot groups thousands in threes, a comma starts the cents
x004-too-large = `{ $text }` is too large

## X005 the obligation
x005-unknown = { $cell }: `{ $text }` is not a kind of obligation
x005-unknown-help = write `Inspanningsverplichting` (effort) or `Resultaatverplichting` (result)

## X006, X007 sums
x006-sum = { $cell }: the total { $total } is not what the payee columns add up to: { $parts } = { $sum }
x006-nothing = nothing
x006-too-large = more than can be held
x006-help = correct the total or the amounts per payee; mijlpaal does not pick one
x007-total = { $cell }: the totals row says { $shown }, the milestones add up to { $sum }
x007-payee = { $cell }: the totals row says { $shown } for { $payee }, its milestones add up to { $sum }
x007-help = correct the totals row (a SUM over the milestone rows) or the milestone that is wrong

## X008 payees and streams
x008-not-a-name = `{ $stream }` is not a stream name (for payee { $payee })
x008-not-a-name-help = a stream name starts with a letter and holds letters, digits, `_` and `-`
x008-two-payees = payees { $first } and { $second } are both mapped to stream `{ $stream }`
x008-two-payees-help = each stream is paid through one payee column pair; map each payee to its own stream
x008-unmapped = { $cell }: payee { $payee } holds amounts, but no stream is mapped to it
x008-unmapped-help = name its stream: --stream { $payee }=STREAM, or give the party that pays the stream `ref "{ $payee }"` in the plan given with --plan
x-not-a-stream-arg = `{ $text }` is not REF=STREAM (for example DNR.000041=iza)

## X009 empty cells
x009-empty = { $cell }: empty; the column `{ $column }` holds { $what }
x009-empty-help = fill in the cell, or delete the row if it is not a milestone
x009-what-component = the component of the milestone
x009-what-text = the milestone's text
x009-what-due = the planned date
x009-what-obligation = the kind of obligation

## X010, X011 warnings
x010-hidden = { $cell }: control or invisible { $count ->
        [one] character
       *[other] characters
    } { $characters } removed from the cell's text
x010-hidden-help = such characters can make a text look different from what it says; retype the cell if it came from a copy
x011-monitoring = { $cell }: the `{ $payee } - Monitoring` column holds a value; only the `Betaling` column is read as money
x011-monitoring-help = put the amount paid to { $payee } in its `Betaling` column

## X020-X023 import --compare
x-compare-plan-says = the plan says { $value }
x-compare-help = the sheet sent must say what the plan says: correct one of them
x020-total = { $cell }: milestone { $milestone } has { $sheet } in the sheet, { $plan } in the plan
x020-stream = { $cell }: milestone { $milestone } pays { $sheet } of `{ $stream }` in the sheet, { $plan } in the plan
x021-no-date = no date
x021-due = { $cell }: milestone { $milestone } is due { $sheet } in the sheet, { $plan } in the plan
x021-obligation = { $cell }: milestone { $milestone } is an { $sheet } in the sheet, an { $plan } in the plan
x022-text = { $cell }: the text of milestone { $milestone } differs from the plan's
x022-text-label = the plan's text
x022-evidence = { $cell }: the evidence of milestone { $milestone } differs from the plan's
x022-evidence-label = the plan's milestone
x022-sheet-note = sheet: { $text }
x022-help = texts are compared with line breaks and runs of spaces as one space
x023-sheet-only = { $cell }: milestone { $milestone } of the sheet is not in the plan
x023-sheet-only-label = this plan has no such milestone
x023-sheet-only-help = add the milestone to the plan, or delete the row from the sheet
x023-plan-only = milestone { $milestone } of the plan is not in sheet `{ $sheet }`
x023-plan-only-label = not in the sheet
x023-plan-only-help = add a row for it to the sheet, in milestone order

## X030, X031 export mijlpalenformat
x030-no-payee = stream `{ $stream }` has no payee number for the sheet's payee columns
x030-no-payee-label = paid by a party without `ref`
x030-no-payee-help = give the paying party its number (`party { $party } "…" ref "DNR.000041"`), or pass --stream DNR.000041={ $stream }
x031-writer = the workbook cannot be written: { $reason }
x031-amount = { $cell }: { $amount } cannot be written as a spreadsheet number that reads back exactly
x031-amount-label = this amount
x031-amount-help = a spreadsheet holds numbers as doubles: whole euros up to 2^53 are exact
x031-date = { $cell }: { $date } cannot be a spreadsheet date
x031-date-label = this date

## facts count: F codes
f001-unreadable = the date in `{ $cell }` cannot be read: { $reason }
f001-empty = the cell is empty
f001-date-like = `{ $text }` is no date mijlpaal can read
f001-text = it holds text that is no date ({ $count } characters, not shown)
f001-number = it holds a number that is not formatted as a date (not shown)
f001-skipped = skipped (--skip-invalid): the row is not counted
f001-help = correct the cell, or pass --skip-invalid to leave the row out (the output lists it); dates are read as 2026-03-14, 14-3-2026 or 3/14/2026 (14/3/2026 with --day-first)
f001-help-day-first = correct the cell, or pass --skip-invalid to leave the row out (the output lists it); dates are read as 2026-03-14, 14-3-2026 or 14/3/2026 (--day-first)
f001-more = and { $count } more rows whose date cannot be read
f001-more-help = is `{ $column }` the column with the dates?
f002-missing = the export has no column `{ $column }`
f002-twice = the export has { $count } columns named `{ $column }` ({ $letters })
f002-twice-help = rename one of the questions in the form, or in the exported header row
f002-did-you-mean = did you mean `{ $column }`?
f002-first-row = the export's first row has { $count } columns; give one of its headers exactly, as Forms writes the question
f003-level = metric `{ $metric }` is a level, not a count
f003-level-help = rows are counted only for `count` metrics; a level is recorded with `measured`
f003-unknown = plan `{ $plan }` has no count metric `{ $metric }`
f004-never = no row of the export has `{ $value }` in column `{ $column }`
f004-never-help = a filter compares exact values, capitals and spaces included; check the value against the form's answer options
f005-unreadable = `{ $file }` cannot be read as an export: { $reason }
f005-unreadable-help = give the .xlsx file Forms downloads (Open in Excel), or a CSV file saved as UTF-8 with a header row
f005-xls = it is an Excel 97-2003 workbook (.xls), not .xlsx
f005-empty = it is empty
f005-malformed-csv-at = malformed CSV at line { $line }
f005-malformed-csv = malformed CSV
f005-no-sheet = it has no sheet
f005-sheet-empty = sheet `{ $sheet }` is empty
f005-not-xlsx = not a readable .xlsx workbook
f005-not-xlsx-because = not a readable .xlsx workbook ({ $reason })
# $every: month, quarter or year (the value of --every).
f006-from-not-first = --from { $from } is not the first day of a { $every }
f006-to-not-last = --to { $to } is not the last day of a { $every }
f006-whole-periods-help = counts are per whole { $every }: use { $days }
# Between the two days suggested by f006-whole-periods-help.
f006-or = {" "}or{" "}
f006-to-after-stated = --to { $to } is after --stated { $stated }
f006-to-after-stated-help = a period is counted once it is over: state the count on or after its last day
f006-from-after-to = --from { $from } is after --to { $to }
f006-from-after-to-help = give the first day of the first period and the last day of the last
f006-nothing-to-count = nothing to count: no row has a date, and the plan has no period
f006-nothing-to-count-help = give the first period with --from
f006-none-over = no whole { $every } from { $from } is over on --stated { $stated }
f006-none-over-help = state the count after the period's last day, or give --from and --to
f006-too-many = { $from } .. { $to } holds more than { $max } periods
f006-too-many-help = count a shorter span with --from and --to, or use --every quarter or year
f007-refused = cannot add the counts to `{ $file }`: { $reason }
f007-not-facts = it is not a facts file
f007-not-facts-help = give a facts file (`facts PLAN {"{"} ... {"}"}`) or write a new one with -o
f007-has-errors = it has errors (facts of plan `{ $plan }`?)
f007-has-errors-help = run `mijlpaal check` on the plan and this file, and correct it first
f007-clash = it already counts `{ $metric }` over { $from } .. { $to } stated on { $stated }
f007-clash-help = a recount supersedes an earlier count when stated on a later day: use a later --stated, or remove the old line
f007-no-end = its block has no end
f007-no-end-help = correct the file first
f007-would-not-parse = the result would not parse
f007-would-not-parse-help = the closing `{"}"}` of the facts block must stand on a line of its own
i003-export-unpacks-too-large = `{ $file }` unpacks to more than the limit of { $max } bytes
i003-export-unpacks-too-large-help = raise the limit with --max-file-bytes if this export is genuine

## Assessment frameworks (`*.criteria`): B codes
# L014 in a framework.