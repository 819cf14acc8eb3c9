# The commands' own messages: usage, what was written.

## explain
cli-explain-unknown-code =
    error: unknown code `{ $code }`
    {"  "}help: `mijlpaal explain` lists every code
