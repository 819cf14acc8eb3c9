# Texts shared by every command: the closing summary of a check, the
# drawing of diagnostics.

summary-counts = { $errors ->
        [one] { $errors } error
       *[other] { $errors } errors
    }, { $warnings ->
        [one] { $warnings } warning
       *[other] { $warnings } warnings
    }, { $notes ->
        [one] { $notes } note
       *[other] { $notes } notes
    }
diagnostic-note = note: { $text }
diagnostic-more-places = and { $count } more places not shown
diagnostic-more-findings = … and { $count } more { $code } in { $file } not shown (--format json lists every finding)
diagnostic-the-input = the input
fix-write = write `{ $replacement }`
diagnostic-help-word = help
