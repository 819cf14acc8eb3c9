# De eigen meldingen van de opdrachten: gebruik, wat geschreven is.

## explain
cli-explain-unknown-code =
    fout: onbekende code `{ $code }`
    {"  "}hulp: `mijlpaal explain` toont alle codes

## Gedeeld door meer opdrachten
cli-error = fout: { $message }
cli-wrote = { $file } geschreven
cli-wrote-milestones = { $file } geschreven ({ $count ->
        [one] { $count } mijlpaal
       *[other] { $count } mijlpalen
    })
cli-not-a-plan = `{ $file }` is geen plan
cli-standard-output = standaarduitvoer
cli-json-not-written = fout: de JSON kon niet worden geschreven: { $reason }
cli-horizon-not-days = `{ $text }` is geen aantal dagen van 0 tot en met { $max } (honderd jaar)
cli-today-past-calendar = today: de systeemklok staat voorbij het einde van de kalender
cli-no-such-party = partij `{ $party }` komt niet voor in plan `{ $plan }`; { $help }
cli-no-such-milestone = mijlpaal { $milestone } komt niet voor in plan `{ $plan }`
cli-output-is-input = -o { $output } noemt een invoerbestand ({ $input }); de uitvoer zou het vervangen

## De poort voor evaluate, diff, snapshot, report, timeline
## evaluate, explain-milestone
cli-evaluate-no-rule-set =
    fout: plan `{ $plan }` noemt geen regelset en kan dus niet worden beoordeeld
    {"  "}hulp: voeg `rules NAAM` toe aan het plan
cli-evaluate-not-evaluated =
    fout: niet beoordeeld: het plan heeft de fouten hierboven
    {"  "}hulp: verbeter ze, of geef --allow-errors (of --allow-unpinned voor een vastgezette regelset) om een concept toch te beoordelen
cli-achieved-and-missed = mijlpaal { $milestone } is zowel bij --achieved als bij --missed opgegeven
cli-xlsx-needs-output = --format xlsx schrijft een binaire werkmap, geen tekst: noem het bestand met -o GROOTBOEK.xlsx
cli-csv-dialect-csv-only = --csv-dialect geldt alleen voor --format csv
cli-table-xlsx = --table kiest de tabel van --format csv; --format xlsx schrijft elke tabel als werkblad
cli-table-csv-only = --table geldt alleen voor --format csv
cli-no-workbook-written = fout: geen werkmap geschreven: { $reason }

## diff
cli-diff-not-compared =
    fout: niet vergeleken: een versie heeft de fouten hierboven
    {"  "}hulp: verbeter ze, of geef --allow-errors (of --allow-unpinned voor een vastgezette regelset) om concepten toch te vergelijken

## report
cli-report-needs-output = het rapport is een HTML-pagina, geen tekst voor een terminal: noem het bestand met -o RAPPORT.html

## timeline
cli-timeline-to-before-from = --to { $to } ligt vóór --from { $from }
cli-timeline-too-many-dates = --from { $from } --to { $to } --every { $every } geeft meer dan { $max } datums; kies een kortere spanne of een langere periode
cli-timeline-empty = er eindigt geen { $every ->
        [month] maand
        [quarter] kwartaal
       *[year] jaar
    } tussen { $from } en { $to }: de tijdlijn zou leeg zijn
cli-timeline-no-dates = de tijdlijn heeft geen datums

## snapshot
cli-snapshot-no-scenarios =
    fout: geen scenario's voor { $plan }: zet .facts-bestanden in { $dir }/
    {"  "}hulp: elk noemt zijn datums met `evaluate at JJJJ-MM-DD, ...`
cli-snapshot-not-snapshotted =
    fout: van { $facts } is geen momentopname gemaakt: het plan heeft de fouten hierboven
    {"  "}hulp: verbeter ze, of geef --allow-errors (of --allow-unpinned voor een vastgezette regelset); de momentopname vermeldt dat dan
cli-snapshot-no-dates = waarschuwing: { $facts } noemt geen datums `evaluate at`; er is niets vast te leggen
# Het label van de nieuwe kant in de verschillen van `snapshot --check`.
cli-snapshot-now-label = nu
cli-snapshot-out-of-date = { $file } is verouderd: bekijk de verschillen en voer dan `mijlpaal snapshot { $plan }` uit

## fmt
cli-fmt-does-not-parse = { $file }: niet opgemaakt, omdat het niet kan worden gelezen
# Het label van de nieuwe kant in de verschillen van `fmt --check`.
cli-fmt-formatted-label = opgemaakt
cli-fmt-formatted = { $file } opgemaakt

## pin
cli-pin-has-errors = fout: { $file } heeft fouten en kan dus niet worden vastgezet
cli-pin-not-rules =
    fout: { $file } is geen regelset
    {"  "}hulp: zet het .rules-bestand vast dat het plan noemt

## rules
cli-rules-about-model-agreement = de landelijke modelovereenkomst (Overeenkomst Transformatieplan, IZA/SPUK) met het Twentse Financieringsmodel
cli-rules-about-framework = Beoordelingskader Impactvolle zorgtransformaties en inzet transformatiemiddelen (Bijlage 1)
cli-rules-criteria = (beoordelingskader) { $about }
cli-rules-unknown =
    fout: geen ingebouwde regelset `{ $name }`
    {"  "}hulp: ingebouwd zijn: { $known }

## import, export
cli-import-give-plan = geef een .plan-bestand
cli-import-sheet-agrees = werkblad `{ $sheet }` zegt wat het plan zegt
cli-import-not-written = niet geschreven: het werkblad heeft fouten (--force schrijft wat gelezen kon worden)

## facts count
cli-facts-not-a-filter = `{ $text }` is geen KOLOM=WAARDE (de kop van de kolom, `=`, het exacte antwoord)
cli-facts-not-a-date = `{ $text }` is geen datum: schrijf die als 2026-03-31
cli-facts-give-plan = geef het .plan-bestand met --plan
cli-facts-plan-has-errors = { $file }: het plan heeft fouten; voer er `mijlpaal check` op uit
cli-facts-counted-do-not-parse = de getelde feiten kunnen niet worden gelezen (een fout in mijlpaal)
cli-facts-wrote-counts = { $count ->
        [one] { $count } aantal
       *[other] { $count } aantallen
    } van `{ $metric }` geschreven naar { $file }
cli-facts-added-counts = { $count ->
        [one] { $count } aantal
       *[other] { $count } aantallen
    } van `{ $metric }` toegevoegd aan { $file }

## show, submission, completions, man
cli-submission-cannot-print = kan de checklist niet tonen: { $reason }
cli-man-page-failed = fout: kan de man-pagina niet maken: { $reason }
cli-generated-not-utf8 = fout: de gemaakte tekst is geen UTF-8
