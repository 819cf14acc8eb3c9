# The checker's findings: C and A codes (messages, labels, help, notes).
