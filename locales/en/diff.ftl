# `mijlpaal diff`: text and Markdown.
