# De bevindingen van de controle: C- en A-codes (meldingen, labels, hulp, noten).
