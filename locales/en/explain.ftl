# `mijlpaal explain`: the title of every code.
