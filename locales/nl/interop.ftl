# Spreadsheets en Forms-exports: X- en F-codes.
