# Lezen, ontleden en omzetten: I-, S- en L-codes.

## Namen: bedoelde u …? en de lijsten van wat gedefinieerd is

names-did-you-mean = bedoelt u `{ $name }`?
names-none-declared = er zijn geen { $plural } gedefinieerd; definieer de bedoelde (waar dan ook in het bestand: de volgorde doet er niet toe)
names-declared = gedefinieerde { $plural }: { $names }
names-many = er zijn { $count } { $plural }; controleer de spelling aan de hand van hun definities
names-fixed = de { $plural } zijn: { $names }
names-parties = partijen
names-streams = geldstromen
names-keys = verdeelsleutels
names-metrics = metingen
names-documents = documenten
names-parties-and-keys = partijen en verdeelsleutels
names-roles = rollen
names-clause-kinds = soorten bepalingen
names-kinds-of-fact = soorten feiten
names-deciders = toetsen
names-thresholds = drempels
names-criteria = criteria
names-count-metrics = tellingen

## Letterlijke waarden: getallen, bedragen, datums (L001-L007)

lit-label-date = geen geldige datum
lit-label-euro-after = euroteken na het getal
lit-label-cents = geen bedrag in euro's en centen
lit-label-number = geen geldig getal
l001-message = `{ $text }` is geen getal
l001-help = schrijf hoogstens één decimale komma en groepeer duizendtallen met punten: 98.500,50
l001-dot-message = `{ $text }` is geen Nederlands getal: een punt groepeert duizendtallen per drie cijfers
l001-dot-help = schrijf voor decimalen een komma ({ $suggestion }); voor duizendtallen 1.300
l002-message = `{ $text }` is te groot of te nauwkeurig voor een exact decimaal getal
l002-help = getallen hebben ten hoogste { $digits } significante cijfers
l002-whole-message = `{ $text }` is hier te groot
l002-whole-help = getallen zijn hier ten hoogste 4.294.967.295
l003-message = `{ $text }` moet een geheel getal zijn
l003-help = schrijf het zonder decimalen
l003-after-message = `{ $text }` leest als een decimaal getal
l003-after-label = geen mijlpaalnummer
l003-after-help = scheid mijlpaalnummers met een komma en een spatie: `after { $spaced }`
l004-message = schrijf bedragen met het euroteken vooraan: `€ { $text }`
l004-help = elk bedrag wordt op één manier geschreven, met het euroteken vooraan, zoals in `€ 98.500,50`
l005-message = `€ { $text }` heeft meer dan twee decimalen
l005-help = bedragen zijn in euro's en centen: hoogstens twee decimalen, zoals in € 98.500,50
l006-message = `{ $text }` is geen datum
l006-iso-message = `{ $text }` is geen ISO-datum
l006-help = schrijf datums als JJJJ-MM-DD, bijvoorbeeld 2026-12-31
l006-help-as = schrijf datums als { $date }
l006-digits-help = schrijf maand en dag met twee cijfers: { $date }
l007-message = `{ $text }` is geen dag van de kalender
l007-help = { $month } { $year } heeft { $days } dagen
l007-month-help = maanden lopen van 01 tot en met 12
month-name = { $month ->
        [1] januari
        [2] februari
        [3] maart
        [4] april
        [5] mei
        [6] juni
        [7] juli
        [8] augustus
        [9] september
        [10] oktober
        [11] november
        [12] december
       *[other] die maand
    }

## Definities (L010-L024)

l010-message = { $kind ->
        [party] partij
        [stream] geldstroom
        [key] verdeelsleutel
        [metric] meting
        [document] document
       *[other] { $kind }
    } `{ $name }` is twee keer gedefinieerd
l010-label-again = hier opnieuw gedefinieerd
l010-label-first = hier voor het eerst gedefinieerd
l010-help = { $kind ->
        [party] geef elke partij een eigen id
        [stream] geef elke geldstroom een eigen id
        [key] geef elke verdeelsleutel een eigen id
        [metric] geef elke meting een eigen id
        [document] geef elk document een eigen id
       *[other] geef elke { $kind } een eigen id
    }, of verwijder een van de definities
l010-member-message = `{ $party }` staat twee keer in verdeelsleutel `{ $key }`
l010-member-label-again = hier opnieuw
l010-member-label-first = hier voor het eerst
l010-member-help = geef elke deelnemer één gewicht
l010-component-message = onderdeel { $component } is twee keer gedefinieerd
l010-component-help = zet alle mijlpalen van een onderdeel in één blok
l010-milestone-message = mijlpaal { $milestone } is twee keer gedefinieerd
l010-milestone-help = nummer elke mijlpaal één keer; de nummers zijn de KPI-nummers van het plan
l010-exists-message = mijlpaal { $milestone } bestaat al
l010-exists-label = bestaat al
l010-exists-help = een wijziging voegt nieuwe mijlpaalnummers toe; gebruik `change N ...` om een bestaande mijlpaal te wijzigen
l010-added-message = mijlpaal { $milestone } is al toegevoegd door wijziging `{ $amendment }`
l010-added-label-again = hier opnieuw toegevoegd
l010-added-label-first = hier voor het eerst toegevoegd
l010-added-help = een wijziging voegt nieuwe mijlpaalnummers toe; schrijf `change N ...` in de latere wijziging om de toegevoegde mijlpaal te wijzigen

l011-message = { $kind ->
        [party] onbekende partij
        [stream] onbekende geldstroom
        [key] onbekende verdeelsleutel
        [metric] onbekende meting
        [document] onbekend document
       *[other] onbekend: { $kind }
    } `{ $name }`
l011-label = niet gedefinieerd
l011-recipient-message = onbekende partij of verdeelsleutel `{ $name }`
l011-milestone-label = onbekende mijlpaal
l011-milestone-only = het plan heeft alleen mijlpaal { $milestone }
l011-milestone-nearest = het plan heeft mijlpalen { $first }..{ $last }; de dichtstbijzijnde is { $nearest }
l011-milestone-none = het plan heeft nog geen mijlpalen
l011-after-message = mijlpaal { $milestone } hangt af van mijlpaal { $dependency }, die niet bestaat
l011-baseline-message = de 0-meting verwijst naar mijlpaal { $milestone }, die niet bestaat
l011-component-message = onderdeel { $component } bestaat niet
l011-component-label = onbekend onderdeel
l011-component-help = voeg mijlpalen toe aan een onderdeel van het plan
l011-change-message = de wijziging verandert mijlpaal { $milestone }, die niet bestaat
l011-change-help = schrijf voor een nieuwe mijlpaal `add to component N milestone ...`
l011-withdraw-message = de wijziging trekt mijlpaal { $milestone } in, die niet bestaat
l011-withdraw-help = noem een mijlpaal van het plan
l011-fact-label = niet in het plan
l011-fact-added-message = mijlpaal { $milestone } wordt pas vanaf { $effective } toegevoegd door wijziging `{ $amendment }`, na dit feit
l011-fact-added-label = nog niet in het plan
l011-fact-added-help = feiten over mijlpaal { $milestone } tellen vanaf { $effective }, wanneer de wijziging ingaat
l011-fact-milestone-message = onbekende mijlpaal { $milestone }
l011-fact-milestone-help = plan `{ $plan }` heeft mijlpalen tot en met { $max }
l011-criterion-message = onbekend criterium `{ $criterion }` in beoordelingskader `{ $framework }`
l011-criterion-label = geen criterium

l012-metric-message = onbekende soort meting `{ $kind }`
l012-metric-label = geen soort meting
l012-metric-help = een meting is een `count` (gebeurtenissen in een periode) of een `level` (gemeten op een datum)
l012-role-message = onbekende rol `{ $role }`
l012-role-label = geen rol
l012-clause-message = onbekende soort bepaling `{ $kind }`
l012-clause-label = geen soort bepaling
l012-fact-message = onbekende soort feit `{ $verb }`
l012-fact-label = geen feit

l013-message = mijlpaal { $milestone } zegt niet of het een inspanningsverplichting of een resultaatverplichting is
l013-label = inspanning of resultaat?
l013-help = voeg een regel `effort` (inspanningsverplichting) of `result` (resultaatverplichting) toe

l014-label-again = hier opnieuw opgegeven
l014-label-first = hier voor het eerst opgegeven
l014-label-given-again = opnieuw opgegeven
l014-plan-message = `{ $statement }` staat twee keer in dit plan
l014-plan-help = een plan heeft één regel `{ $statement }`; verwijder er een
l014-milestone-message = `{ $statement }` staat twee keer in deze mijlpaal
l014-milestone-help = een mijlpaal heeft één `{ $statement }`; verwijder er een
l014-default-payout-message = een standaardontvanger voor `{ $stream }` is twee keer opgegeven
l014-default-payout-help = houd één standaard per geldstroom aan; wijk er per mijlpaal van af met `payout`
l014-default-risk-message = een standaardrisicoverdeelsleutel voor `{ $stream }` is twee keer opgegeven
l014-default-risk-help = houd één standaard per geldstroom aan; wijk er per mijlpaal van af met `risk`
l014-split-message = geldstroom `{ $stream }` staat twee keer in deze verdeling
l014-split-label = opnieuw
l014-split-help = noem elke geldstroom één keer
l014-key-total-message = een verdeelsleutel heeft één vermeld totaal
l014-key-total-label = tweede totaal
l014-key-total-help = verwijder een van de regels `declared total`
l014-effective-message = `effective` staat twee keer in deze wijziging
l014-effective-help = een wijziging gaat op één datum in; schrijf een tweede wijziging voor een latere verandering
l014-decision-message = `decision` staat twee keer in deze wijziging
l014-decision-help = noem het besluit één keer
l014-criterion-message = criterium `{ $criterion }` staat er twee keer
l014-criterion-help = noem elk criterium één keer, met alles wat erover beslist
l014-clause-message = bepaling `{ $clause }` staat er twee keer
l014-clause-help = een regelset heeft één bepaling van elke soort; `repay-unmet` één per geldstroom, `non-working-day` één per datum
l014-party-message = partij `{ $party }` wordt twee keer genoemd
l014-party-help = noem elke partij die besloot één keer

l015-message = hier wordt { $wanted } verwacht, maar er staat `{ $found }`
l015-label = verkeerde soort waarde
l015-help = schrijf { $wanted }, bijvoorbeeld { $example }
l015-a-date = een datum
l015-a-plain-number = een gewoon getal
l015-a-whole-number = een geheel getal
l015-an-amount = een bedrag
l015-a-percentage = een percentage
l015-a-percentage-or-amount = een percentage of een bedrag
l015-a-percentage-or-amount-example = 50% of € 25.000
l015-cmp-message = `{ $text }` is geen vergelijking
l015-cmp-label = geen vergelijking
l015-cmp-help = gebruik >=, >, <=, < of =

l016-message = de eenheid van een document kan geen € 0 zijn
l016-label = eenheid € 0
l016-help = schrijf de eenheid waarin de bedragen staan, bijvoorbeeld `in € 1.000`

l017-label = volgt de vorm niet
l017-clause-message = bepaling `{ $kind }` is niet in haar vorm geschreven
l017-clause-help = schrijf haar als `clause "ARTIKEL" { $form }`

l018-message = deze feiten gaan over plan `{ $facts_plan }`, maar het plan is `{ $plan }`
l018-label = ander plan
l018-help = schrijf `facts { $plan } {"{"}` of beoordeel de feiten met het plan waar ze bij horen

l019-message = dit feit `{ $verb }` is niet in zijn vorm geschreven
l019-help = schrijf het als `{ $form }`

l020-message = verdeelsleutel `{ $parent }` moet gedefinieerd zijn voordat `{ $key }` er een deel van neemt
l020-label = later gedefinieerd
l020-help = zet de deelsleutel onder de verdeelsleutel waar hij een deel van is

l021-message = een bepaling moet het artikel noemen dat ze vastlegt
l021-label = lege bronvermelding
l021-help = schrijf het artikel, bijvoorbeeld "art. 3.2.2"

l023-effective-message = wijziging `{ $amendment }` heeft geen ingangsdatum
l023-effective-label = vanaf wanneer?
l023-effective-help = voeg `effective JJJJ-MM-DD` toe: de datum waarop het addendum ingaat (art. 2.3)
l023-decision-message = wijziging `{ $amendment }` noemt haar besluit niet
l023-decision-label = besloten door wie, wanneer?
l023-decision-help = voeg `decision "..."` toe: wie het addendum heeft goedgekeurd en wanneer (art. 2.3.1 vereist consensus)

l024-message = wijzigingen `{ $first }` en `{ $second }` stellen allebei `{ $statement }` van mijlpaal { $milestone } vast vanaf { $effective }
l024-label-again = hier opnieuw vastgesteld
l024-label-first = hier voor het eerst vastgesteld
l024-help = wijzigingen met dezelfde ingangsdatum gaan tegelijk in; stel elke regel in één ervan vast, of geef ze verschillende datums

l030-message = een beoordelingstermijn van { $count } { $unit ->
        [weeks] weken
       *[days] dagen
    } is langer dan tien jaar
l030-label = te lang
l030-help = schrijf ten hoogste { $max } dagen; de modelovereenkomst geeft vier weken (art. 3.2.2)

l031-message = { $amount } in eenheden van { $unit } is te groot om mee te rekenen
l031-label = te groot in deze eenheid
l031-help = bedragen hebben ten hoogste 28 significante cijfers; controleer het getal en de eenheid van het document

## Bestanden lezen (I-codes)

i001-label-named = hier genoemd
i001-missing-message = bestand `{ $file }` bestaat niet
i001-missing-help = controleer het pad; plannen eindigen op .plan, regelsets op .rules, feiten op .facts
i001-permission-message = geen toestemming om `{ $file }` te lezen
i001-permission-help = controleer de rechten van het bestand
i001-message = kan `{ $file }` niet lezen: { $error }
i001-help = controleer het pad
i001-stdin-message = kan de standaardinvoer niet lezen: { $error }
i001-stdin-help = geef een plan, regelset of feitenbestand via een pipe door aan `mijlpaal check -`
i002-directory-message = `{ $file }` is een map, geen bestand
i002-directory-help = noem een .plan-, .rules- of .facts-bestand in die map
i002-message = `{ $file }` is geen gewoon bestand
i002-help = mijlpaal leest alleen gewone bestanden, nooit apparaten, pipes of sockets
i003-message = `{ $file }` is { $size }, meer dan de limiet van { $max }
i003-help = verhoog de limiet met --max-file-bytes als dit bestand echt zo groot is
i003-bytes = { $bytes } bytes
i003-larger-than-reported = groter dan de opgegeven grootte
i003-stdin-message = de standaardinvoer is groter dan de limiet van { $max } bytes
i003-stdin-help = verhoog de limiet met --max-file-bytes als deze invoer echt zo groot is
i004-message = `{ $file }` is geen geldige UTF-8: ongeldige byte op positie { $offset } (regel { $line })
i004-help = sla het bestand op als UTF-8; alleen in UTF-8 behouden teksten hun accenten (cliënten)
i005-label = dit bestand
i005-a-rule-set = een regelset
i005-a-framework = een beoordelingskader
i005-a-facts-file = een feitenbestand
i005-plan-message = `{ $file }` is { $what }, geen plan
i005-plan-help = geef hier het .plan-bestand; dat noemt zelf zijn regelset
i005-facts-message = `{ $file }` is geen feitenbestand
i005-facts-help = een feitenbestand begint met `facts PLAN {"{"}`
i005-rules-message = { $file } is geen regelset
i005-rules-help = een regelset begint met `rules NAAM "titel" {"{"}`
i005-rules-start-help = `{ $file }` begint niet met `rules NAAM "titel" {"{"}`
i005-framework-message = dit bestand is geen beoordelingskader
i005-framework-help = een beoordelingskader begint met `criteria NAAM "titel" {"{"}`
i006-message = regelset `{ $name }` niet gevonden
i006-help = zet hem in rules/{ $file } naast het plan of in een bovenliggende map, of geef --rules-dir mee; ingebouwd zijn: { $builtin }
i007-message = `{ $file }` is alleen ontleed: feiten worden gecontroleerd tegen een plan
i007-help = geef ook het plan mee: `mijlpaal check PLAN FEITEN...`
i008-message = `{ $file }` leidt naar `{ $target }`, buiten `{ $dir }`
i008-help = een regelset moet in de map liggen waarin hij gevonden wordt; kopieer hem daarheen in plaats van ernaar te linken
i009-message = `{ $file }` wordt niet geschreven: { $why }
i009-help = mijlpaal schrijft alleen gewone bestanden binnen het project van het plan; verwijder de link of verplaats het project
i009-link = het is een link (naar `{ $to }`)
i009-not-regular = het is geen gewoon bestand
i009-outside = de map `{ $dir }` ligt buiten het project `{ $root }`
i010-message = kan `{ $file }` niet schrijven: { $error }
i010-help = controleer de vrije ruimte en de rechten van de map
i011-message = feitenbestand `{ $file }` { $how } `{ $first }`, dat al eerder is opgegeven; het wordt niet opnieuw gelezen
i011-same-file = is hetzelfde bestand als
i011-same-content = heeft dezelfde inhoud als
i011-help = geef elk feitenbestand één keer op: anders tellen de feiten erin dubbel

l022-message = bestand { $file } definieert regelset `{ $name }`
l022-label = gedefinieerde naam
l022-help = hernoem de regelset naar `{ $name }`, zodat hij bij zijn bestand past

## De poort vóór de beoordeling (overschrijvingen)

gate-overridden = beoordeeld met { $flag }: { $what } ({ $codes })
gate-unpinned = de regelset komt niet overeen met de vastgezette hash
gate-errors = het plan bevat fouten die de bedragen onjuist maken
gate-evaluated-anyway = toch beoordeeld, zoals gevraagd

## Syntaxis (S-codes)

syntax-label-here = hier
syntax-file-start-help = een bestand begint met `plan ID "titel" {"{"}`, `rules ID "titel" {"{"}` of `facts PLAN {"{"}`
s001-message = het bestand is leeg
s001-label = hier staat niets
s002-message = regel { $line } is { $bytes } bytes lang, meer dan de limiet van { $max }
s002-help = verdeel de tekst over meerdere regels, of verhoog de limiet met --max-line-bytes
s003-message = blokken zijn meer dan { $depth } niveaus diep genest
s003-label = deze `{"{"}` ligt te diep
s003-help = een plan nest plan > onderdeel > mijlpaal; sluit elk blok met `{"}"}` op een eigen regel
s004-message = { $expected } verwacht, maar { $found } gevonden
s004-unexpected = onverwacht: { $found }
s004-or = { $init } of { $last }
s004-end-of-file = het einde van het bestand
s004-end-of-line = het einde van de regel
s004-a-name = een naam
s004-a-quoted-text = een tekst tussen aanhalingstekens
s004-a-number = een getal
s004-a-date = een datum (2026-12-31)
s004-a-percentage = een percentage (73%)
s004-an-amount = een bedrag (€ 1.237.000)
s004-a-comparison = een vergelijking (>=, <=)
s004-a-statement = een regel van het blok
s004-help-unclosed = een blok is niet gesloten: elke `{"{"}` heeft een `{"}"}` op een eigen regel nodig
s004-help-after-end = na de `{"}"}` die het blok van het bestand sluit, mag niets meer staan; zet dit erbinnen of verwijder het
s004-help = zie docs/language.md voor de regels die elk blok accepteert
s004-label-end = hier eindigt het bestand
s005-message = deze regel is niet te lezen als { $what }
s005-label = niet begrepen
s005-clause = bepaling
s005-clause-help = schrijf `clause "art. 3.2.2" SOORT ARGUMENTEN...`; zie docs/language.md voor de soorten
s005-criterion = criterium
s005-criterion-help = schrijf `criterion ID "tekst" source "r. 5790" decided-by C301, C601` of `threshold last-quarter 50%`
s005-fact = feit
s005-fact-help = elk feit begint met zijn datum: `2026-01-10 assessed 14 achieved by menzis`
s005-plan-statement = regel van een plan
s005-plan-statement-help = een plan bevat: rules, period, document, declared, split, party, stream, key, metric, default, component
s005-key-member = deelnemer van een verdeelsleutel
s005-key-member-help = schrijf één deelnemer per regel als `partij 74.776 declared 11,63%`, en het totaal als `declared total 654.153`
s005-milestone = mijlpaal
s005-milestone-help = een onderdeel bevat mijlpalen: `milestone 14 "tekst" {"{"}` ... `{"}"}`
s005-milestone-statement = regel van een mijlpaal
s005-milestone-statement-help = een mijlpaal bevat: effort|result, due, amount, declared by, evidence, after, payout, risk, target, sets baseline, judged
s005-amendment-statement = regel van een wijziging
s005-amendment-statement-help = een wijziging bevat: effective, decision, change N ..., withdraw N, add to component N milestone ..., rule SOORT ...
s006-message = het bestand heeft { $lines } regels, meer dan de limiet van { $max }
s006-help = splits het plan, of verhoog de limiet met --max-lines als het bestand echt zo groot is
s007-message = deze `{"}"}` sluit geen blok
s007-label = niets te sluiten
s007-help = verwijder hem, of zoek hierboven een blokkop waarvan de `{"{"}` ontbreekt
s008-message = { $count ->
        [one] { $count } blok wordt
       *[other] { $count } blokken worden
    } nooit gesloten
s008-label = dit blok wordt nooit gesloten
s008-label-suspect = de `{"}"}` van dit blok lijkt te ontbreken
s008-help = ergens binnen dit blok ontbreekt een `{"}"}`: elk blok sluit met `{"}"}` op een eigen regel
s009-message = { $kind } { $character }
s009-message-string = { $kind } { $character } in een tekst
s009-message-comment = { $kind } { $character } in een opmerking
s009-kind-bidi = teken voor schrijfrichting
s009-kind-line-break = onzichtbare regelovergang
s009-kind-invisible = onzichtbaar teken
s009-kind-control = stuurteken
s009-note-more = nog { $count } van zulke tekens in dit bestand worden niet getoond
s009-help-line-break = verwijder het: editors tonen het als regelovergang, mijlpaal niet, dus wat erna op deze regel staat, wordt anders gelezen dan het eruitziet
s009-help = verwijder het: het verandert hoe de tekst eruitziet (of wat een terminal doet) zonder zichtbaar te zijn; mijlpaal toont het als escape
s010-help = verwijder het: een byte-order mark hoort alleen helemaal aan het begin van een bestand
s999-message = interne fout: de parser leverde hier een onverwachte boom op
s999-help = dit is een fout in mijlpaal; meld hem, met dit bestand erbij

## Beoordelingskaders: B-codes bij het lezen van een `.criteria`-bestand

criteria-b001-message = `{ $name }` is geen controlecode en geen toets van `submission`
criteria-b002-message = `{ $name }` is geen drempel van het beoordelingskader
criteria-label-unknown = onbekend
