# The commands' own messages: usage, what was written.
