# `mijlpaal explain`: de titel van elke code.
