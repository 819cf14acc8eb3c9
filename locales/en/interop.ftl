# Spreadsheets and Forms exports: X and F codes.
