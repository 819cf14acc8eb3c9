# De woorden van de evaluatie (statussen, geldkolommen, verplichtingen) en
# haar teksten: tabellen, de redenering, verplichtingen.

status-open = open
status-due = termijn verstreken
status-in-assessment = in beoordeling
status-achieved = behaald
status-deemed-achieved = geacht behaald
status-partially-achieved = gedeeltelijk behaald
status-postponed = uitgesteld
status-missed = niet behaald
status-lapsed = vervallen
status-withdrawn = ingetrokken

column-earned = Verdiend
column-paid = Betaald
column-outstanding = Openstaand
column-repayable = Terug te betalen
column-repaid = Terugbetaald
column-exposure = Risico
column-lapsed = Vervallen

duty-deliver = opleveren
duty-assess = beoordelen
duty-pay = betalen
duty-repay = terugbetalen
duty-decide = besluiten
duty-questions = vragen

obligation-effort = inspanningsverplichting
obligation-result = resultaatverplichting

## De status van een mijlpaal: de reden en de stappen van de redenering.

eval-by = {" "}door { $assessors }
eval-by-decision-of = {" "}bij besluit van { $by }
eval-until = {" "}tot en met { $date }
eval-and = {" "}en{" "}
reason-no-due-date = het plan noemt geen behaaldatum
reason-withdrawn = ingetrokken bij wijziging `{ $amendment }` per { $date }; reeds gedane betalingen blijven in stand
trace-due = behaaldatum van mijlpaal { $milestone }
trace-evidence = bewijs ingediend
trace-evidence-with = bewijs ingediend: { $what }
trace-what-if-achieved = behaald (wat-als: --achieved)
reason-what-if-achieved = behaald (wat-als)
trace-what-if-missed = niet behaald (wat-als: --missed)
reason-what-if-missed = niet behaald (wat-als)
trace-what-if-partial = gedeeltelijke uitbetaling van { $share } (wat-als: --partial)
reason-what-if-partial = { $share } uitbetaald (wat-als)
trace-postponed-capped = uitgesteld tot { $until }, maar niet later dan de uiterste betaaldatum { $cutoff }
postponed-until = uitgesteld tot { $until }{ $by }
trace-assessed-achieved = beoordeeld als behaald door { $by }
trace-assessed-not-achieved = beoordeeld als niet behaald door { $by }
reason-assessed-achieved = beoordeeld als behaald op { $date }
reason-assessed-not-achieved = beoordeeld als niet behaald op { $date }
trace-dissolved = overeenkomst ontbonden: { $why }
reason-dissolved = aanspraken vervallen door de ontbinding van de overeenkomst op { $date }
trace-cutoff-passed = niet uiterlijk op de uiterste betaaldatum behaald
reason-cutoff-passed = niet uiterlijk op de uiterste betaaldatum { $cutoff } behaald
reason-due-on = uiterlijk { $due }
trace-partial = gedeeltelijke uitbetaling van { $share } besloten door { $by }
reason-partial = { $share } uitbetaald bij besluit van { $by } op { $date }
why-not-compliant = de administratie is niet op orde (art. 2.2)
why-compliance-unknown = geen feit toont aan dat de administratie op orde is (art. 2.2)
why-no-deemed-clause = de regelset kent geen bepaling over geacht behalen
reason-window-passed = geen oordeel aan het einde van de beoordelingstermijn { $date }; niet geacht behaald: { $why }
reason-awaiting-assessment = bewijs ingediend; wacht op beoordeling{ $by }{ $until }
reason-assessment-until = ; beoordeling{ $by } tot en met { $date }
reason-awaiting-evidence = behaaldatum { $due } verstreken, wacht op bewijs{ $until }
reason-achieved-after-dissolution = behaald na de ontbinding van de overeenkomst op { $date }
how-deemed-achieved = geacht behaald
how-partially-paid = gedeeltelijk uitbetaald
how-achieved = behaald
trace-too-late = { $how } na de uiterste betaaldatum { $cutoff }: te laat voor betaling
reason-too-late = { $how } op { $date }, na de uiterste betaaldatum { $cutoff }
trace-no-entitlement = de regelset kent geen bepaling over het recht op transformatiemiddelen: er is niets verdiend
trace-earned = het bedrag is verdiend
trace-may-still = kan nog worden behaald tot en met de uiterste betaaldatum { $cutoff }
reason-may-still = { $reason }; kan nog worden behaald tot en met { $cutoff }
trace-window-not-compliant = beoordelingstermijn verstreken, maar de administratie is niet op orde: niet geacht behaald
trace-window-compliance-unknown = beoordelingstermijn verstreken; geen feit toont aan dat de administratie op orde is: niet geacht behaald
trace-window-passed = beoordelingstermijn verstreken zonder oordeel
trace-deemed = geacht behaald: niet tijdig beoordeeld, administratie op orde
reason-deemed = niet uiterlijk { $date } beoordeeld; geacht behaald (administratie op orde)

## Geld in de redenering.

trace-paid = { $amount } van `{ $stream }` betaald
trace-paid-before-amendment = { $amount } van `{ $stream }`, betaald vóór wijziging `{ $amendment }`, blijft in stand
trace-what-if-overpaid = in de wat-als-situatie is met { $amount } meer betaald dan verdiend is
trace-lapses-on-dissolution = { $amount } van `{ $stream }`, verdiend maar niet betaald, vervalt bij de ontbinding
reason-lapsed-unpaid = { $status } op { $since }; nog niet betaalde aanspraken vervallen door de ontbinding van de overeenkomst op { $date } (gedane betalingen blijven in stand)
trace-repayable = { $amount } van `{ $stream }` is gekoppeld aan een niet behaalde mijlpaal: terug te betalen
trace-lapses-unclaimed = { $amount } van `{ $stream }`, niet betaald, vervalt: er bestaat geen aanspraak meer op
trace-no-clawback = behaalde bedragen worden nooit teruggevorderd, wat er ook met andere mijlpalen gebeurt

## Doelen gemeten uit de feiten.

measured-met = { $value } { $sign } { $wanted }: gehaald
measured-not-met = { $value } { $sign } { $wanted }: niet gehaald
measured-so-far = { $value } { $sign } { $wanted } tot nu toe
measured-none = { $subject }: { $why }
measured-no-window = geen periode
measured-no-counts = nog geen tellingen
measured-too-large-to-add = te groot om op te tellen
measured-counted = {" "}(geteld { $from } .. { $to })
measured-no-cases = nog geen gevallen geteld
measured-too-large-share = te groot om een aandeel te berekenen
measured-share = { $share }% ({ $part } van { $whole })
measured-not-yet = nog niet gemeten
measured-too-large-level = te groot om het gevraagde niveau te berekenen
measured-no-baseline = { $value } gemeten; de nulmeting is nog niet gedaan

## Verplichtingen.

duty-provisional-decision = neem het voorgenomen besluit over het op { $submitted } ingediende plan (vier weken) en informeer de indieners en de overige zorgverzekeraars
duty-questions-end = de twee weken waarin de overige zorgverzekeraars vragen kunnen stellen over het voorgenomen besluit lopen af
duty-final-decision = neem het definitieve besluit over het plan (twee weken na de vragen)
duty-deliver-text = lever mijlpaal { $milestone } en het bewijs ervan op
duty-assess-text = beoordeel of mijlpaal { $milestone } behaald is; zonder oordeel na { $deadline } geldt de mijlpaal als behaald als de administratie op orde is
duty-pay-text = betaal { $amount } van `{ $stream }` voor mijlpaal { $milestone }
duty-repay-text = betaal { $amount } van `{ $stream }` terug, gekoppeld aan niet behaalde mijlpalen

## Bevindingen over de feiten en het geld (E- en A-codes).

eval-ignored = genegeerd
eval-decision-ignored = het besluit wordt genegeerd
e001-message = { $count ->
        [one] { $count } feit is
       *[other] { $count } feiten zijn
    } gedateerd na de peildatum { $at } en nog niet bekend
e001-label-first = de eerste daarvan
e001-help = feiten tellen vanaf de datum waarop ze bekend werden; beoordeel met een latere --at om ze mee te nemen
e001-note-latest = de laatste is gedateerd { $date }
e002-message = mijlpaal { $milestone } is beoordeeld op { $date }, vóór de behaaldatum { $due }
e002-help = de beoordelaars oordelen na de behaaldatum (art. 3.2.2); leg de beoordeling vast op of na die datum
e003-message = mijlpaal { $milestone }: { $amount } van `{ $stream }` betaald, maar slechts { $earned } is verdiend
e003-label = meer dan verdiend
e003-help = de financier betaalt wat gekoppeld is aan behaalde mijlpalen (art. 3.3.1); controleer het bedrag of leg eerst de beoordeling vast
e004-message = over mijlpaal { $milestone } zijn tegenstrijdige oordelen gegeven: behaald en niet behaald
e004-label-no = niet behaald, door { $by }
e004-label-yes = behaald, door { $by }
e004-same-day-help = de coördinerende en de tweede beoordelende zorgverzekeraar geven samen één oordeel (art. 3.2.2); leg het oordeel vast waarover zij het eens zijn
e004-same-day-note = twee oordelen op één dag: beide worden genegeerd
e004-later-help = een behaalde mijlpaal blijft behaald: behaalde bedragen worden nooit teruggevorderd (fin.model Risicodragerschap 4)
e004-later-note = het latere oordeel, niet behaald, wordt genegeerd
e006-message = `{ $party }` is geen beoordelaar van dit plan ({ $holders })
e006-help = de zorgverzekeraars die de `assessors`-bepaling noemt, beoordelen of een mijlpaal behaald is (art. 3.2.2): leg hun oordeel vast, door { $holders }
e007-no-clause = gedeeltelijke uitbetaling van mijlpaal { $milestone }, maar de regelset staat die niet toe
e007-no-clause-help = voeg een `partial-payout`-bepaling toe aan de regels, of verwijder het besluit
e007-message = de gedeeltelijke uitbetaling van mijlpaal { $milestone } { $why }
e007-help = over een gedeeltelijke uitbetaling besluit de stuurgroep samen met de zorgverzekeraar (fin.model mitigerende maatregelen, plan Uitgangspunten monitoring)
e008-message = de overeenkomst is al ontbonden
e008-help = houd de eerste ontbinding aan
e009-message = de telperiode { $from } .. { $to } loopt achterstevoren
e009-help = schrijf de vroegste datum eerst
e010-message = mijlpaal { $milestone }: geen risicoverdeelsleutel draagt `{ $stream }`; het terug te betalen bedrag en het risico worden niet over partijen verdeeld
e010-label = geen risicoverdeelsleutel
e010-help = voeg `risk { $stream } by KEY` toe aan de mijlpaal of `default risk { $stream } by KEY` aan het plan
e011-no-payout = mijlpaal { $milestone }: `{ $column }` van `{ $stream }` wordt niet over partijen verdeeld: niemand ontvangt `{ $stream }` ervoor
e011-no-payout-label = geen uitbetaling
e011-no-payout-help = voeg `payout { $stream } to PARTY` toe aan de mijlpaal of `default payout { $stream } to PARTY` aan het plan
e011-repayments = de terugbetalingen van `{ $stream }` door `{ $party }` lopen op tot meer dan berekend kan worden
e011-repayments-label = te groot
e011-repayments-help = controleer het bedrag
e011-unrepresentable = `{ $column }` van `{ $stream }` voor `{ $party }` kan niet exact worden weergegeven; getoond als € 0
e011-unrepresentable-help = bedragen zijn exacte decimale getallen van ten hoogste 28 significante cijfers; boven ongeveer € 7,9 × 10^26 kunnen ze geen centen bevatten
e011-not-divided = mijlpaal { $milestone }: `{ $column }` van `{ $stream }` wordt niet over partijen verdeeld: { $why }
e011-not-divided-label = niet verdeeld
e011-no-shares = de ontvanger heeft geen positieve gewichten
e011-no-shares-help = geef de leden van de verdeelsleutel gewichten groter dan nul
e011-overflow = het totaal van een partij zou meer worden dan berekend kan worden
e011-overflow-help = bedragen zijn exacte decimale getallen van ten hoogste 28 significante cijfers
e012-percent = een gedeeltelijke uitbetaling van { $share } van mijlpaal { $milestone }: meer dan de hele mijlpaal
e012-percent-help = een gedeeltelijke uitbetaling is een deel van het bedrag van de mijlpaal: ten hoogste 100%
e012-amount = een gedeeltelijke uitbetaling van { $amount } van mijlpaal { $milestone }, waarvan het bedrag { $total } is
e012-amount-help = een gedeeltelijke uitbetaling is een deel van het bedrag van de mijlpaal: ten hoogste { $total }
e012-label = meer dan de mijlpaal
e013-message = { $what } op { $date } spreken elkaar tegen
e013-label = zegt iets anders
e013-label-also = dan dit
e013-note = feiten van één dag die elkaar tegenspreken, worden alle genegeerd
e013-counts = de tellingen van `{ $metric }` over { $from } .. { $to }, opgegeven op { $date }, spreken elkaar tegen
e013-counts-help = leg de ene telling over die periode vast, of geef op een latere dag een gecorrigeerde telling op
e013-administration = de feiten over de administratie
e013-administration-help = leg eenmaal vast wat die dag is vastgesteld: op orde of niet op orde
e013-partials = de besluiten tot gedeeltelijke uitbetaling van mijlpaal { $milestone }
e013-partials-help = leg het ene besluit vast dat die dag is genomen
e013-postponements = de besluiten tot uitstel van mijlpaal { $milestone }
e013-postponements-help = leg de ene datum vast waartoe uitstel is verleend
e014-message = `{ $party }` heeft { $amount } van `{ $stream }` terugbetaald, meer dan de { $repayable } die zij moet terugbetalen
e014-label = meer dan terug te betalen
e014-help = controleer het bedrag; een partij betaalt haar aandeel terug van het geld dat gekoppeld is aan niet behaalde mijlpalen
e015-advances = de voorschotten van `{ $stream }` lopen op tot meer dan berekend kan worden
e015-payments = mijlpaal { $milestone }: de betalingen van `{ $stream }` lopen op tot meer dan berekend kan worden
e015-label = te groot om op te tellen
e015-help = bedragen zijn exacte decimale getallen van ten hoogste 28 significante cijfers; controleer de bedragen
e015-note = dit feit wordt genegeerd
e016-no-clause = uitstel van mijlpaal { $milestone }, maar de regelset staat geen uitstel toe
e016-no-clause-help = voeg een `postponement`-bepaling toe aan de regels, of verwijder het uitstel
e016-message = het uitstel van mijlpaal { $milestone } { $why }
e016-help = over uitstel besluiten de partijen die samen elke rol vervullen die de `postponement`-bepaling noemt
decided-by-nobody = noemt niemand die besloot; de regelset vraagt { $roles } samen
decided-by-outsider = is besloten door { $by }, maar `{ $party }` vervult geen van de rollen die erover besluiten ({ $roles })
decided-role-unheld = { $role } (door geen partij van het plan vervuld)
decided-role-held = { $role } ({ $holders })
decided-without = is besloten door { $by } zonder { $missing }; de regelset vraagt { $roles } samen
decided-help-nobody = { $why }; geen partij van het plan vervult deze rollen
decided-help-record = { $why }: leg het besluit vast als `by { $list }`
a501-message = de tellingen van `{ $metric }` zijn te groot om op te tellen
a501-label = te groot om mee te rekenen
a501-help = mijlpaal rekent exact, met ten hoogste 28 significante cijfers; controleer deze telling op een tikfout
a502-message = de nulmeting en de verandering zijn te groot om het gevraagde niveau te berekenen
a502-help = mijlpaal rekent exact, met ten hoogste 28 significante cijfers; controleer de verandering en de nulmeting

## `mijlpaal evaluate` als tekst, `evaluate --party`, `explain-milestone`.

eval-too-large = te groot
eval-title = { $title } ({ $plan }) op { $date }
eval-heading-milestones = Mijlpalen
eval-header-status = Status
eval-header-due = Uiterlijk
eval-header-earned-in = Verdiend { $stream }
eval-header-reason = Reden
eval-total-line = totaal: { $totals }
eval-heading-parties = Partijen
eval-header-party = Partij
eval-heading-obligations-until = Verplichtingen tot en met { $date } ({ $days ->
        [one] { $days } dag
       *[other] { $days } dagen
    })
eval-none = geen
eval-header-kind = Soort
eval-header-amount = Bedrag
eval-header-what = Wat
eval-header-clause = Bepaling
eval-overdue = {" "}(te laat)
eval-trace-title = Mijlpaal { $milestone } ({ $obligation }, { $component }): { $text }
eval-trace-status = Op { $date }: { $status } — { $reason }
eval-heading-trace = Redenering
eval-heading-targets = Doelen uit de feiten
eval-heading-money = Geld
eval-header-stream = Geldstroom
eval-party-title = { $name } ({ $party }) in { $title } op { $date }
eval-total = totaal
eval-heading-per-milestone = Per mijlpaal
eval-header-why = Waarom
eval-heading-obligations = Verplichtingen

## Wat-als-opties (`--achieved`, `--missed`, `--partial`).

what-if-not-a-number = `{ $part }` is geen mijlpaalnummer, geen reeks als 13-15 en geen `all`
what-if-backwards = de reeks `{ $part }` loopt achterstevoren; schrijf { $from }-{ $to }
what-if-no-milestone = mijlpaal { $milestone } komt niet voor in plan `{ $plan }`
what-if-not-partial = `{ $text }` heeft niet de vorm N=60%
what-if-not-percent = `{ $text }` is geen percentage; schrijf 60%
what-if-out-of-range = { $share } ligt niet tussen 0% en 100%

## `mijlpaal timeline` als tekst.

timeline-header-date = Datum
timeline-header-party = Partij
timeline-header-stream = Geldstroom

## De CSV voor Excel en de werkmap (`evaluate --csv-dialect excel-nl`,
## `--format xlsx`): bladnamen en kolomkoppen.

ledger-milestones = mijlpalen
ledger-parties = partijen
ledger-obligations = verplichtingen
ledger-number = nummer
ledger-status = status
ledger-since = sinds
ledger-due = uiterlijk
ledger-reason = reden
ledger-party = partij
ledger-kind = soort
ledger-milestone = mijlpaal
ledger-stream = geldstroom
ledger-amount = bedrag
ledger-overdue = te_laat
ledger-text = omschrijving
ledger-total = totaal
ledger-column-earned = verdiend
ledger-column-paid = betaald
ledger-column-outstanding = openstaand
ledger-column-repayable = terug_te_betalen
ledger-column-repaid = terugbetaald
ledger-column-exposure = risico
ledger-column-lapsed = vervallen
