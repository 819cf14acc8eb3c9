# Teksten die elke opdracht gebruikt: de slotregel van een controle, de
# weergave van meldingen.

summary-counts = { $errors ->
        [one] { $errors } fout
       *[other] { $errors } fouten
    }, { $warnings ->
        [one] { $warnings } waarschuwing
       *[other] { $warnings } waarschuwingen
    }, { $notes ->
        [one] { $notes } opmerking
       *[other] { $notes } opmerkingen
    }
diagnostic-note = let op: { $text }
diagnostic-more-places = en nog { $count } plaatsen die niet getoond worden
diagnostic-more-findings = … en nog { $count } keer { $code } in { $file } die niet getoond worden (--format json toont elke bevinding)
diagnostic-the-input = de invoer
fix-write = schrijf `{ $replacement }`
# Four letters, as miette aligns the help text under "help: ".
diagnostic-help-word = hulp
