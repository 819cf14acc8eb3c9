# `mijlpaal explain`: de titel van elke code.

# De kolom met de ernst in de lijst.
explain-severity-error = fout
explain-severity-warning = waarschuwing
explain-severity-info = info
