# submission

submission-checks = controles
submission-pointer = verwijzing
submission-plan = plan
submission-id = id
submission-status = status
submission-criterion = criterium
submission-source = bron
submission-status-holds = voldaan
submission-status-fails = niet voldaan
submission-status-to-confirm = te bevestigen
submission-summary = { $criteria ->
        [one] { $criteria } criterium
       *[other] { $criteria } criteria
    }: { $holds } voldaan, { $fails } niet voldaan, { $to_confirm } te bevestigen
submission-no-pointer = nog geen verwijzing
submission-c701-undecided = { $code } { $name }: onbeslist: daarvoor zijn de `period` van het plan en de `max-duration`-bepaling van de regelset nodig
submission-no-findings = { $code } { $name }: geen bevindingen
submission-error = fout
submission-warning = waarschuwing
submission-info = opmerking
submission-at-line = {" "}(regel { $line })
submission-finding = { $code } { $name } { $severity }: { $message }{ $line }
submission-last-quarter-undecided = last-quarter: onbeslist: { $why }
submission-no-threshold = het kader stelt geen `threshold last-quarter`
submission-no-period = het plan heeft geen `period`
submission-too-large = de bedragen zijn te groot om exact op te tellen
submission-no-money = aan de mijlpalen van het plan is geen geld verbonden
submission-last-quarter = last-quarter: { $late } van { $total } ({ $share }%) valt van { $from } tot en met { $to }; drempel { $threshold }
submission-last-quarter-fails = { $figures }: niet in delen uitbetaald op tussentijdse mijlpalen
submission-no-rule-set = no-clawback: onbeslist: het plan heeft geen regelset
submission-no-clawback-holds = no-clawback: regelset `{ $rules }` heeft bepaling "{ $citation }" no-clawback{ $line }
submission-no-clawback-fails = no-clawback: regelset `{ $rules }` heeft geen `no-clawback`-bepaling: toegekend geld zou kunnen worden teruggevorderd
