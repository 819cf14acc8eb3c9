# Reading, parsing and lowering: I, S and L codes.
