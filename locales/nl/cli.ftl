# De eigen meldingen van de opdrachten: gebruik, wat geschreven is.

## explain
cli-explain-unknown-code =
    fout: onbekende code `{ $code }`
    {"  "}hulp: `mijlpaal explain` toont alle codes
