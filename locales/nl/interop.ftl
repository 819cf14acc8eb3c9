# Spreadsheets en Forms-exports: X- en F-codes.

## X001 een werkmap lezen
x001-unreadable = `{ $file }` kan niet als werkmap worden gelezen: { $reason }
x001-unreadable-help = sla het werkblad op als Excel-werkmap (.xlsx) en probeer het opnieuw
x001-not-xlsx = geen .xlsx-bestand ({ $reason })
x001-unpacks-too-large = `{ $file }` is uitgepakt { $bytes } bytes, meer dan de grens van { $max }
x001-unpacks-too-large-help = verhoog de grens met --max-file-bytes als deze werkmap echt is
x001-no-sheet = `{ $file }` heeft geen werkblad `{ $sheet }`
x001-no-sheet-help = de werkbladen: { $sheets }
x001-no-sheets = de werkmap heeft geen werkbladen
x001-too-many-cells = werkblad `{ $sheet }` van `{ $file }` heeft meer dan { $max } cellen
x001-too-many-cells-help = een Mijlpalenformat heeft één rij per mijlpaal; verwijder wat er niet bij hoort
x001-internal = intern: het geïmporteerde plan kan niet worden gelezen; meld dit alstublieft, met het werkblad

## X002 de kopregel
x002-no-header = werkblad `{ $sheet }`: geen kopregel met `Omschrijving` en `Totaalbedrag` in de eerste { $rows } rijen
x002-no-header-help = de kopregel van het Mijlpalenformat noemt de kolommen { $columns }; kies het werkblad met --sheet NAAM
x002-no-column = { $cell }: de kopregel heeft geen kolom `{ $column }`
x002-no-column-help = voeg de kolom toe met de kop uit het sjabloon, of hernoem de kopcel

## X003 datums
x003-help = schrijf de datum als datumcel, of als tekst d-m-jjjj (30-6-2025)
x003-number = het getal { $number } waar een datum wordt verwacht
x003-number-help = maak de cel op als datum (d-m-jjjj), of schrijf de datum als tekst 30-6-2025
x003-not-a-date = geen datum
x003-serial-no-day = de datumcel bevat { $serial }, en dat is geen dag
x003-time-of-day = de datumcel bevat een tijdstip; de geplande datum is een dag
x003-lotus-leap-day = de datumcel bevat 29-2-1900, en die dag bestaat niet
x003-not-d-m-y = `{ $text }` is geen datum d-m-jjjj
x003-not-in-calendar = `{ $text }` bestaat niet op de kalender

## X004 bedragen
x004-help = schrijf het bedrag in euro's als getal, of als tekst `1.237.000€` of `€ 1.237.000`
x004-date = een datum waar een bedrag wordt verwacht
x004-not-an-amount = geen bedrag
x004-error-value = de foutwaarde { $value }
x004-not-a-number = geen getal
x004-too-large-for-double = { $number } is te groot om exact in een spreadsheet te bewaren (meer dan 2^53)
x004-number-not-an-amount = { $number } is geen bedrag
x004-not-exact = { $number } kan niet exact als bedrag worden gelezen
# $shown: het bedrag zoals geschreven, tussen backticks als het tekst was.
x004-negative = { $shown } is negatief; bedragen worden betaald, niet verschuldigd
x004-not-cents = { $shown } is geen geheel aantal centen
x004-text-not-an-amount = `{ $text }` is geen bedrag
x004-not-dutch = `{ $text }` is geen Nederlands bedrag: een punt groepeert duizendtallen per drie cijfers, een komma begint de centen
x004-too-large = `{ $text }` is te groot

## X005 de verplichting
x005-unknown = { $cell }: `{ $text }` is geen soort verplichting
x005-unknown-help = schrijf `Inspanningsverplichting` of `Resultaatverplichting`

## X006, X007 sommen
x006-sum = { $cell }: het totaal { $total } is niet wat de kolommen per ontvanger optellen: { $parts } = { $sum }
x006-nothing = niets
x006-too-large = meer dan bewaard kan worden
x006-help = verbeter het totaal of de bedragen per ontvanger; mijlpaal kiest niet zelf
x007-total = { $cell }: de totaalregel zegt { $shown }, de mijlpalen tellen op tot { $sum }
x007-payee = { $cell }: de totaalregel zegt { $shown } voor { $payee }, de mijlpalen tellen op tot { $sum }
x007-help = verbeter de totaalregel (een SOM over de mijlpaalrijen) of de mijlpaal die niet klopt

## X008 ontvangers en geldstromen
x008-not-a-name = `{ $stream }` is geen naam van een geldstroom (voor ontvanger { $payee })
x008-not-a-name-help = de naam van een geldstroom begint met een letter en bevat letters, cijfers, `_` en `-`
x008-two-payees = ontvangers { $first } en { $second } zijn allebei gekoppeld aan geldstroom `{ $stream }`
x008-two-payees-help = elke geldstroom wordt betaald via één kolompaar van een ontvanger; koppel elke ontvanger aan een eigen geldstroom
x008-unmapped = { $cell }: ontvanger { $payee } heeft bedragen, maar er is geen geldstroom aan gekoppeld
x008-unmapped-help = noem de geldstroom: --stream { $payee }=GELDSTROOM, of geef de partij die de geldstroom betaalt `ref "{ $payee }"` in het plan dat met --plan is opgegeven
x-not-a-stream-arg = `{ $text }` is geen REF=GELDSTROOM (bijvoorbeeld DNR.000041=iza)

## X009 lege cellen
x009-empty = { $cell }: leeg; de kolom `{ $column }` bevat { $what }
x009-empty-help = vul de cel in, of verwijder de rij als het geen mijlpaal is
x009-what-component = het onderdeel van de mijlpaal
x009-what-text = de tekst van de mijlpaal
x009-what-due = de geplande datum
x009-what-obligation = de soort verplichting

## X010, X011 waarschuwingen
x010-hidden = { $cell }: { $count ->
        [one] stuurteken of onzichtbaar teken
       *[other] stuurtekens of onzichtbare tekens
    } { $characters } uit de tekst van de cel verwijderd
x010-hidden-help = zulke tekens kunnen een tekst er anders uit laten zien dan wat hij zegt; typ de cel opnieuw als hij uit een kopie kwam
x011-monitoring = { $cell }: de kolom `{ $payee } - Monitoring` bevat een waarde; alleen de kolom `Betaling` wordt als geld gelezen
x011-monitoring-help = zet het bedrag dat aan { $payee } wordt betaald in de kolom `Betaling`

## X020-X023 import --compare
x-compare-plan-says = het plan zegt { $value }
x-compare-help = het verstuurde werkblad moet zeggen wat het plan zegt: verbeter een van beide
x020-total = { $cell }: mijlpaal { $milestone } heeft { $sheet } in het werkblad, { $plan } in het plan
x020-stream = { $cell }: mijlpaal { $milestone } betaalt { $sheet } van `{ $stream }` in het werkblad, { $plan } in het plan
x021-no-date = geen datum
x021-due = { $cell }: mijlpaal { $milestone } moet af zijn op { $sheet } in het werkblad, op { $plan } in het plan
x021-obligation = { $cell }: mijlpaal { $milestone } is een { $sheet } in het werkblad, een { $plan } in het plan
x022-text = { $cell }: de tekst van mijlpaal { $milestone } verschilt van die in het plan
x022-text-label = de tekst in het plan
x022-evidence = { $cell }: het bewijs van mijlpaal { $milestone } verschilt van dat in het plan
x022-evidence-label = de mijlpaal in het plan
x022-sheet-note = werkblad: { $text }
x022-help = teksten worden vergeleken met regeleinden en reeksen spaties als één spatie
x023-sheet-only = { $cell }: mijlpaal { $milestone } van het werkblad komt niet voor in het plan
x023-sheet-only-label = dit plan heeft zo'n mijlpaal niet
x023-sheet-only-help = voeg de mijlpaal toe aan het plan, of verwijder de rij uit het werkblad
x023-plan-only = mijlpaal { $milestone } van het plan komt niet voor in werkblad `{ $sheet }`
x023-plan-only-label = niet in het werkblad
x023-plan-only-help = voeg er een rij voor toe aan het werkblad, in de volgorde van de mijlpalen

## X030, X031 export mijlpalenformat
x030-no-payee = geldstroom `{ $stream }` heeft geen nummer van een ontvanger voor de kolommen per ontvanger in het werkblad
x030-no-payee-label = betaald door een partij zonder `ref`
x030-no-payee-help = geef de betalende partij haar nummer (`party { $party } "…" ref "DNR.000041"`), of geef --stream DNR.000041={ $stream }
x031-writer = de werkmap kan niet worden geschreven: { $reason }
x031-amount = { $cell }: { $amount } kan niet worden geschreven als spreadsheetgetal dat exact zo wordt teruggelezen
x031-amount-label = dit bedrag
x031-amount-help = een spreadsheet bewaart getallen als doubles: hele euro's tot 2^53 zijn exact
x031-date = { $cell }: { $date } kan geen spreadsheetdatum zijn
x031-date-label = deze datum

## facts count: F-codes
f001-unreadable = de datum in `{ $cell }` kan niet worden gelezen: { $reason }
f001-empty = de cel is leeg
f001-date-like = `{ $text }` is geen datum die mijlpaal kan lezen
f001-text = de cel bevat tekst die geen datum is ({ $count ->
        [one] { $count } teken
       *[other] { $count } tekens
    }, niet getoond)
f001-number = de cel bevat een getal dat niet als datum is opgemaakt (niet getoond)
f001-skipped = overgeslagen (--skip-invalid): de rij wordt niet geteld
f001-help = verbeter de cel, of geef --skip-invalid om de rij weg te laten (de uitvoer vermeldt haar); datums worden gelezen als 2026-03-14, 14-3-2026 of 3/14/2026 (14/3/2026 met --day-first)
f001-help-day-first = verbeter de cel, of geef --skip-invalid om de rij weg te laten (de uitvoer vermeldt haar); datums worden gelezen als 2026-03-14, 14-3-2026 of 14/3/2026 (--day-first)
f001-more = en nog { $count ->
        [one] { $count } rij waarvan de datum
       *[other] { $count } rijen waarvan de datum
    } niet kan worden gelezen
f001-more-help = is `{ $column }` de kolom met de datums?
f002-missing = de export heeft geen kolom `{ $column }`
f002-twice = de export heeft { $count } kolommen met de naam `{ $column }` ({ $letters })
f002-twice-help = hernoem een van de vragen in het formulier, of in de kopregel van de export
f002-did-you-mean = bedoelt u `{ $column }`?
f002-first-row = de eerste rij van de export heeft { $count ->
        [one] { $count } kolom
       *[other] { $count } kolommen
    }; geef een van de koppen precies zoals Forms de vraag schrijft
f003-level = indicator `{ $metric }` is een niveau, geen aantal
f003-level-help = rijen worden alleen geteld voor indicatoren `count`; een niveau wordt vastgelegd met `measured`
f003-unknown = plan `{ $plan }` heeft geen telindicator `{ $metric }`
f004-never = geen rij van de export heeft `{ $value }` in kolom `{ $column }`
f004-never-help = een filter vergelijkt exacte waarden, hoofdletters en spaties inbegrepen; controleer de waarde met de antwoordopties van het formulier
f005-unreadable = `{ $file }` kan niet als export worden gelezen: { $reason }
f005-unreadable-help = geef het .xlsx-bestand dat Forms downloadt (Openen in Excel), of een CSV-bestand opgeslagen als UTF-8 met een kopregel
f005-xls = het is een Excel 97-2003-werkmap (.xls), geen .xlsx
f005-empty = het is leeg
f005-malformed-csv-at = ongeldige CSV op regel { $line }
f005-malformed-csv = ongeldige CSV
f005-no-sheet = het heeft geen werkblad
f005-sheet-empty = werkblad `{ $sheet }` is leeg
f005-not-xlsx = geen leesbare .xlsx-werkmap
f005-not-xlsx-because = geen leesbare .xlsx-werkmap ({ $reason })
# $every: month, quarter of year (de waarde van --every).
f006-from-not-first = --from { $from } is niet de eerste dag van { $every ->
        [month] een maand
        [quarter] een kwartaal
       *[year] een jaar
    }
f006-to-not-last = --to { $to } is niet de laatste dag van { $every ->
        [month] een maand
        [quarter] een kwartaal
       *[year] een jaar
    }
f006-whole-periods-help = er wordt geteld per { $every ->
        [month] hele maand
        [quarter] heel kwartaal
       *[year] heel jaar
    }: gebruik { $days }
# Tussen de twee dagen die f006-whole-periods-help voorstelt.
f006-or = {" "}of{" "}
f006-to-after-stated = --to { $to } ligt na --stated { $stated }
f006-to-after-stated-help = een periode wordt geteld zodra ze voorbij is: stel het aantal vast op of na de laatste dag ervan
f006-from-after-to = --from { $from } ligt na --to { $to }
f006-from-after-to-help = geef de eerste dag van de eerste periode en de laatste dag van de laatste
f006-nothing-to-count = niets te tellen: geen rij heeft een datum, en het plan heeft geen looptijd
f006-nothing-to-count-help = geef de eerste periode met --from
f006-none-over = { $every ->
        [month] geen hele maand
        [quarter] geen heel kwartaal
       *[year] geen heel jaar
    } vanaf { $from } is voorbij op --stated { $stated }
f006-none-over-help = stel het aantal vast na de laatste dag van de periode, of geef --from en --to
f006-too-many = { $from } .. { $to } omvat meer dan { $max } perioden
f006-too-many-help = tel een kortere spanne met --from en --to, of gebruik --every quarter of year
f007-refused = kan de aantallen niet toevoegen aan `{ $file }`: { $reason }
f007-not-facts = het is geen feitenbestand
f007-not-facts-help = geef een feitenbestand (`facts PLAN {"{"} ... {"}"}`) of schrijf een nieuw met -o
f007-has-errors = het heeft fouten (feiten van plan `{ $plan }`?)
f007-has-errors-help = voer `mijlpaal check` uit op het plan en dit bestand, en verbeter het eerst
f007-clash = het telt `{ $metric }` al over { $from } .. { $to }, vastgesteld op { $stated }
f007-clash-help = een hertelling vervangt een eerdere telling als ze op een latere dag is vastgesteld: gebruik een latere --stated, of verwijder de oude regel
f007-no-end = het blok heeft geen einde
f007-no-end-help = verbeter eerst het bestand
f007-would-not-parse = het resultaat zou niet kunnen worden gelezen
f007-would-not-parse-help = de afsluitende `{"}"}` van het feitenblok moet op een eigen regel staan
i003-export-unpacks-too-large = `{ $file }` is uitgepakt groter dan de grens van { $max } bytes
i003-export-unpacks-too-large-help = verhoog de grens met --max-file-bytes als deze export echt is

## Beoordelingskaders (`*.criteria`): B-codes
# L014 in een beoordelingskader.