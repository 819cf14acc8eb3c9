# `mijlpaal explain`: the title of every code.

# The severity column of the listing.
explain-severity-error = error
explain-severity-warning = warning
explain-severity-info = info
