# De bevindingen van de controle: C- en A-codes (meldingen, labels, hulp,
# opmerkingen).

## Gedeeld door meerdere controles

check-overflow-label = te groot om mee te rekenen
check-overflow-help = mijlpaal rekent exact, met ten hoogste 28 significante cijfers; controleer dit getal op een tikfout
check-too-large-to-compute = meer dan te berekenen is

## C101 split-sum

c101-message = mijlpaal { $milestone }: de geldstromen tellen op tot { $streams }, maar het bedrag is { $amount }
c101-label = wijkt { $diff } af
c101-help = laat de verdeling precies optellen tot het bedrag, of corrigeer het bedrag
c101-declared-message = mijlpaal { $milestone }: in `{ $document }` tellen de geldstromen op tot { $streams }, maar is het bedrag { $amount }
c101-declared-label = wijkt { $diff } af, meer dan de afronding op { $unit } verklaart
c101-declared-help = neem de bedragen uit `{ $document }` opnieuw over; ze tellen niet op, ook niet als de afronding wordt meegerekend
a101-message = mijlpaal { $milestone }: de geldstromen zijn te groot om op te tellen
a101-declared-message = mijlpaal { $milestone }: de bedragen die `{ $document }` vermeldt, zijn te groot om op te tellen

## C102 plan-total

c102-message = de mijlpalen tellen { $what } op tot { $actual }, maar { $source } { $declared }
c102-what-total = in totaal
c102-what-stream = voor geldstroom `{ $stream }`
c102-source-document = `{ $document }` vermeldt
c102-source-plan = het plan vermeldt
c102-label = wijkt { $diff } af
c102-label-rounding = wijkt { $diff } af, meer dan de afronding op { $unit } toelaat
c102-help = zoek het mijlpaalbedrag of het vermelde totaal dat niet klopt; mijlpaal raadt niet welk van de twee het is
a102-message = de mijlpalen zijn te groot om { $what } op te tellen

## C103 declared-amount

c103-message = mijlpaal { $milestone }: { $what } in het plan is { $ours }, maar `{ $document }` vermeldt { $units } x { $unit } = { $theirs }
c103-what-amount = het bedrag
c103-what-stream = het bedrag voor `{ $stream }`
c103-label = wijkt { $diff } af, meer dan de afronding op { $unit } verklaart
c103-label-amount = het bedrag in het plan
c103-help = de twee documenten spreken elkaar tegen; stel vast welk bedrag geldt en corrigeer het andere met een addendum
c103-note = `{ $document }` staat voor: { $title }

## C104 same-ratio

c104-message = mijlpaal { $milestone }: `{ $stream }` krijgt { $share } van het bedrag, maar volgens het plan gaat van elke mijlpaal { $plan_share } naar `{ $stream }`
c104-label = { $actual } in plaats van ongeveer { $expected }
c104-label-rule = het plan noemt één verhouding voor alle mijlpalen
c104-help = het verschil, { $diff }, is groter dan de afronding van deze bedragen ({ $allowed })
a104-message = mijlpaal { $milestone }: het aandeel van `{ $stream }` is te groot om te berekenen

## C201 dependency-cycle

c201-message = mijlpalen hangen in een kringloop van elkaar af: { $cycle }
c201-label = deel van de kringloop
c201-label-waits = mijlpaal { $milestone } wacht hier
c201-help = een mijlpaal kan niet voortbouwen op een mijlpaal die op hem voortbouwt; haal één `after` uit de kringloop

## C202 dependency-order

c202-message = mijlpaal { $milestone } staat gepland op { $due }, vóór mijlpaal { $dependency } waarop hij voortbouwt (gepland op { $dependency_due })
c202-label = bouwt voort op mijlpaal { $dependency }
c202-label-earlier = eerder gepland
c202-help = verplaats de geplande datum van mijlpaal { $milestone } naar na { $dependency_due }, of laat de afhankelijkheid vallen
c202-same-day-message = mijlpaal { $milestone } staat gepland op dezelfde dag als mijlpaal { $dependency } waarop hij voortbouwt ({ $due })
c202-same-day-label = dezelfde dag
c202-same-day-help = er is geen speling: elke vertraging bij de eerste maakt de tweede te laat; overweeg een latere geplande datum

## C203 baseline-not-set

c203-message = mijlpaal { $milestone } vergelijkt `{ $metric }` met de 0-meting van mijlpaal { $base }, maar die legt daarvoor geen 0-meting vast
c203-label = deze 0-meting bestaat niet
c203-label-base = mijlpaal { $base } legt er geen vast
c203-help = voeg `sets baseline { $metric } at DATUM` toe aan mijlpaal { $base }, of verwijs naar de mijlpaal die dat wel doet
c203-later-message = de 0-meting van `{ $metric }` voor mijlpaal { $milestone } wordt gemeten op { $measured }, na de meetdatum van de streefwaarde ({ $at })
c203-later-label = 0-meting komt later
c203-later-label-measured = hier gemeten
c203-later-help = een 0-meting is het vertrekpunt: meet die vóór het niveau waarmee ze wordt vergeleken
c203-unordered-message = mijlpaal { $milestone } gebruikt de 0-meting van mijlpaal { $base }, maar bouwt er niet op voort
c203-unordered-label = gebruikt deze 0-meting
c203-unordered-help = voeg `after { $base }` toe (rechtstreeks of via mijlpalen waarop hij voortbouwt), zodat de volgorde wordt gecontroleerd

## C301 due-missing

c301-message = mijlpaal { $milestone } heeft geen geplande datum
c301-label = geen `due`
c301-help = voeg `due JJJJ-MM-DD` toe: de geplande datum van de mijlpaal

## C302 due-outside-period

c302-message = mijlpaal { $milestone } staat gepland op { $due }, buiten de looptijd van het plan ({ $from } tot en met { $to })
c302-label = buiten de looptijd
c302-label-period = de looptijd van het plan
c302-help = verplaats de geplande datum naar binnen de looptijd, of verruim de looptijd
c302-cutoff-message = mijlpaal { $milestone } staat gepland op { $due }, na de laatste uitbetalingsdatum { $cutoff }
c302-cutoff-label = na de laatste uitbetalingsdatum
c302-cutoff-help = het geld ervan kan nooit worden uitbetaald; verplaats de geplande datum naar vóór de laatste uitbetalingsdatum
c302-cutoff-note = de laatste uitbetalingsdatum volgt uit bepaling `payout-cutoff` ({ $citation })

## C303 measurement-after-due

c303-message = mijlpaal { $milestone } staat gepland op { $due }, maar de beoordeling steunt op wat { $what } { $date }
c303-what-measured = gemeten wordt op
c303-what-counted = geteld wordt tot
c303-what-baseline = als 0-meting gemeten wordt op
c303-label = na de geplande datum
c303-help = de meting moet op de geplande datum bekend zijn: vervroeg de meting of verschuif de geplande datum naar later

## C304 window-order

c304-message = mijlpaal { $milestone }: de telperiode begint op { $from }, na haar einde ({ $end })
c304-label = lege telperiode
c304-help = een telperiode loopt `from BEGIN to EINDE` met BEGIN op of vóór EINDE; zonder `to` eindigt ze op de geplande datum

## C305 unpayable-window

c305-message = mijlpaal { $milestone } staat gepland op { $due }; de beoordelingstermijn van { $days ->
        [one] { $days } dag
       *[other] { $days } dagen
    } { $window }, na de laatste uitbetalingsdatum { $cutoff }
c305-window-ends = eindigt op { $end }, en zonder oordeel is de mijlpaal pas op { $deemed } geacht behaald
c305-the-day-after = de dag erna
c305-window-endless = eindigt voorbij het einde van de kalender
c305-label = beoordelingstermijn loopt door na de laatste uitbetalingsdatum
c305-help = tenzij de zorgverzekeraars uiterlijk { $cutoff } oordelen, kan { $amount } niet worden uitbetaald; { $advice }
c305-advice-move = vervroeg de geplande datum naar { $latest } of eerder
c305-advice-shorten = verkort de beoordelingstermijn of verschuif de laatste uitbetalingsdatum
c305-note = termijn: `{ $window_clause }` ({ $window_citation }); laatste uitbetalingsdatum: `{ $cutoff_clause }` ({ $cutoff_citation })

## C401 key-weights

c401-message = verdeelsleutel `{ $key }` heeft geen deelnemers
c401-label = lege verdeelsleutel
c401-help = noem elke partij met haar gewicht, één per regel
c401-weight-message = `{ $party }` heeft gewicht { $weight } in verdeelsleutel `{ $key }`; gewichten moeten positief zijn
c401-weight-label = niet positief
c401-weight-help = geef de deelnemer zijn werkelijke gewicht, of laat hem weg uit de verdeelsleutel
a401-message = de gewichten van verdeelsleutel `{ $key }` zijn te groot om op te tellen

## C402 key-declared-total

c402-message = de gewichten van verdeelsleutel `{ $key }` tellen op tot { $sum }, maar het vermelde totaal is { $declared }
c402-label = wijkt { $diff } af
c402-help = corrigeer het vermelde totaal of de deelnemer die niet klopt; mijlpaal deelt door de werkelijke som
c402-note = de vermelde percentages zijn de aandelen van { $sum }, niet van { $declared }: het vermelde totaal is het getal dat niet klopt

## C403 key-declared-percent

c403-message = `{ $party }` vermeldt { $declared } van verdeelsleutel `{ $key }`, maar het aandeel is { $share }
c403-label = berekend: { $share }
c403-help = corrigeer het percentage of het gewicht

## C404 key-percent-sum

c404-message = de vermelde percentages van verdeelsleutel `{ $key }` tellen op tot { $sum }, niet tot 100%
c404-label = percentages elk afzonderlijk afgerond
c404-help = elk aandeel is afzonderlijk afgerond op { $scale ->
        [one] { $scale } decimaal
       *[other] { $scale } decimalen
    }, dus hun som kan per deelnemer tot { $half } van 100% afwijken; mijlpaal deelt door de gewichten, niet door de percentages
c404-note-declared-total = de tabel zelf vermeldt { $total } als totaal van haar percentages
a404-message = de vermelde percentages van verdeelsleutel `{ $key }` zijn te groot om op te tellen

## C405 key-subset

c405-message = `{ $party }` is geen deelnemer van verdeelsleutel `{ $parent }`, dus verdeelsleutel `{ $key }` kan die partij niet overnemen
c405-label = niet in de bovenliggende verdeelsleutel
c405-label-parent = de bovenliggende verdeelsleutel
c405-help = voeg `{ $party }` met zijn gewicht toe aan `{ $parent }`, of laat de partij weg uit de deelverzameling

## C501 target-fits-metric

c501-share-message = mijlpaal { $milestone }: een aandeel van `{ $metric }` in zichzelf is altijd 100%
c501-share-label = twee keer dezelfde meting
c501-share-help = een aandeel deelt het aantal van een deelgroep door het aantal van het geheel: `share naar_sggz of gesprekken`
c501-level-message = mijlpaal { $milestone }: `{ $metric }` is een niveaumeting en past niet bij deze streefwaarde
c501-level-help = schrijf voor een niveaumeting `target level METING at DATUM ...`, of definieer de meting als de andere soort
c501-count-message = mijlpaal { $milestone }: `{ $metric }` is een telling en past niet bij deze streefwaarde
c501-count-help = schrijf voor een telling `target count METING from DATUM >= N` of een aandeel, of definieer de meting als de andere soort
c501-label = verkeerde soort streefwaarde

## C502 target-ambition

c502-message-lower = mijlpaal { $milestone } vraagt minder dan de eerdere mijlpaal { $earlier }: { $target } is lager dan { $earlier_target }
c502-message-higher = mijlpaal { $milestone } vraagt minder dan de eerdere mijlpaal { $earlier }: { $target } is hoger dan { $earlier_target }
c502-label = minder ambitieus
c502-label-earlier = eerdere streefwaarde
c502-help = een reeks jaarlijkse streefwaarden hoort haar ambitie vast te houden of te verhogen; is verlagen de bedoeling, leg dan uit waarom in een opmerking of een addendum
c502-note = de reeks `{ $series }`: { $targets }
c502-series-baseline = level { $metric } t.o.v. 0-meting { $base }
c502-series-relative = level { $metric } t.o.v. 0-meting { $base } (relatief)

## C601 evidence-missing

c601-message = mijlpaal { $milestone } vertegenwoordigt { $amount }, maar noemt geen bewijs
c601-label = geen `evidence`
c601-help = voeg `evidence "..."` toe: wat aan de stuurgroep wordt voorgelegd om aan te tonen dat de mijlpaal is behaald

## C602 result-unmeasurable

c602-message = resultaatmijlpaal { $milestone } heeft geen meetbare streefwaarde en is niet aangemerkt als door mensen beoordeeld
c602-label = hoe wordt dit resultaat gemeten?
c602-help = voeg een `target ...` toe, of `judged "wie beoordeelt, waarop"` als mensen het beoordelen

## C603 amount-missing

c603-message = mijlpaal { $milestone } heeft geen bedrag
c603-label = geen `amount`
c603-help = voeg `amount € X {"{"} geldstroom € A, ... {"}"}` toe; schrijf `amount € 0` als er geen geld mee gemoeid is
c603-no-split-message = het bedrag van mijlpaal { $milestone } is niet verdeeld over de { $streams } geldstromen van het plan
c603-no-split-label = geen verdeling
c603-no-split-help = voeg de verdeling toe: `{"{"} iza € A, spuk € B {"}"}`

## C604 payout-missing

c604-message = mijlpaal { $milestone }: niemand ontvangt de { $amount } uit `{ $stream }`
c604-label = geen ontvanger
c604-help = voeg hier `payout { $stream } to PARTIJ_OF_SLEUTEL` toe, of `default payout { $stream } to ...` in het plan
c604-empty-key-message = mijlpaal { $milestone }: `{ $stream }` gaat naar verdeelsleutel `{ $key }`, die geen deelnemers heeft
c604-empty-key-label = lege verdeelsleutel
c604-empty-key-help = geef de verdeelsleutel deelnemers, of betaal aan een partij

## C605 risk-key-missing

c605-message = mijlpaal { $milestone }: niemand draagt het risico van terugbetaling van de { $amount } uit `{ $stream }`
c605-label = geen risicoverdeelsleutel
c605-help = voeg hier `risk { $stream } by SLEUTEL` toe, of `default risk { $stream } by SLEUTEL` in het plan
c605-note = de regelset rekent terugbetalingen toe volgens een risicoverdeelsleutel: { $clause }
c605-note-clause = bepaling `{ $clause }` ({ $citation })
c605-label-rules = hier gebruikte regelset
c605-stream-message = de regelset laat geldstroom `{ $stream }` terugbetalen, maar het plan heeft geen geldstroom met die naam
c605-stream-help = noem de geldstroom zoals het plan dat doet, in de bepaling `repay-unmet` van de regelset
c605-key-message = de regelset laat geldstroom `{ $stream }` terugbetalen volgens verdeelsleutel `{ $key }`, maar het plan heeft geen verdeelsleutel met die naam
c605-key-help = definieer `key { $key } ...` in het plan, of schrijf `repay-unmet { $stream } by risk-key`

## C606 rules-missing

c606-message = plan `{ $plan }` noemt geen regelset
c606-label = geen `rules`
c606-help = voeg `rules NAAM` toe aan het plan; NAAM.rules wordt gezocht in rules/

## C701 max-duration

c701-message = het plan loopt van { $from } tot en met { $to }, langer dan de { $years } jaar die de regels toestaan (tot en met { $last })
c701-label = te lang
c701-help = laat de looptijd uiterlijk op { $last } eindigen
c701-note = bepaling `max-duration` ({ $citation })
c701-due-message = mijlpaal { $milestone } staat gepland op { $due }, meer dan { $years } jaar na de start van het plan
c701-due-label = te laat
c701-due-help = afspraken moeten uiterlijk op { $last } behaald zijn

## C702 effort-share

c702-message = mijlpalen met een inspanningsverplichting vertegenwoordigen { $share } van het geld ({ $effort } van { $total }), maar het plan vermeldt { $declared }
c702-about-message = mijlpalen met een inspanningsverplichting vertegenwoordigen { $share } van het geld ({ $effort } van { $total }), maar het plan vermeldt ongeveer { $declared }
c702-label = klopt van { $low } tot en met { $high }
c702-help = vermeld het aandeel dat de mijlpalen werkelijk vertegenwoordigen, of verschuif geld tussen mijlpalen met een inspannings- en een resultaatverplichting
a702-message = de mijlpalen zijn te groot om op te tellen voor het aandeel inspanningsverplichtingen

## C801 amendment-paid

c801-message = wijziging `{ $amendment }` verandert mijlpaal { $milestone }, waarvoor { $paid } is betaald voordat de wijziging op { $effective } ingaat
c801-label = raakt een betaalde mijlpaal
c801-help = gedane betalingen blijven staan (art. 2.3.3): de wijziging kan dat geld niet terughalen
c801-paid-too-large = meer dan op te tellen is

## C901 rules-pinned

c901-message = regelset `{ $name }` is gewijzigd sinds hij met `pinned` is vastgelegd
c901-label = vastgelegde inhoud
c901-help = bekijk wat er veranderd is met `mijlpaal diff AFGESPROKEN.rules rules/{ $name }.rules`; is de wijziging afgesproken (art. 2.3), toon dan de nieuwe pin met `mijlpaal pin rules/{ $name }.rules` en schrijf die hier: `pinned "{ $now }"`; wilt u toch een concept beoordelen, geef dan --allow-unpinned mee
c901-note-hash = vastgelegd: { $pinned }; de regelset heeft nu de hash { $now }
c901-note-clauses = de bepalingen nu: { $clauses }
c305-fix-title = verplaats de geplande datum naar { $latest }
