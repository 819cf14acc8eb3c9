# `mijlpaal diff`: tekst en Markdown.
