# De taalserver (`mijlpaal lsp`): de teksten bij aanwijzen (hover), de
# toelichting bij aanvullen, weigeringen bij hernoemen, foutantwoorden en de
# status van een mijlpaal bij aanwijzen.

## Aanwijzen: de kop (Markdown, vet) en de regels eronder.

lsp-hover-role = **rol `{ $role }`**
lsp-hover-role-holders = **rol `{ $role }`**: { $holders }
lsp-hover-stream = **geldstroom `{ $stream }`**: { $name }
lsp-hover-stream-detail = betaald door `{ $payer }`; { $total } over alle mijlpalen
lsp-hover-metric = **indicator `{ $metric }`** ({ $kind ->
        [count] aantal
       *[other] niveau
    }): { $title }
lsp-hover-document = **document `{ $document }`**: { $title }
lsp-hover-document-unit = bedragen in { $unit }
lsp-hover-rules = **regelset `{ $rules }`**: { $title }
lsp-hover-rules-clauses = { $count ->
        [one] { $count } bepaling
       *[other] { $count } bepalingen
    }
lsp-hover-plan = **plan `{ $plan }`**: { $title }
lsp-hover-component = **onderdeel { $component }**: { $name }
lsp-hover-component-detail = { $count ->
        [one] { $count } mijlpaal
       *[other] { $count } mijlpalen
    }, { $total }
lsp-hover-clause = **bepaling `{ $keyword }`** ({ $citation })
lsp-hover-clause-form = vorm: `{ $form }`
lsp-too-large = te groot

lsp-hover-milestone = **mijlpaal { $milestone }** (onderdeel { $component })
lsp-hover-obligation = verplichting: { $obligation }
lsp-hover-amount = bedrag: { $total } ({ $split })
lsp-hover-amount-none = bedrag: geen
lsp-hover-due = geplande datum: { $due }
lsp-hover-due-not-set = geplande datum: niet opgegeven
lsp-hover-assessment-deadline = einde beoordelingstermijn: { $date } (`{ $clause }`, { $citation })
lsp-hover-after = na mijlpalen: { $milestones }
lsp-hover-plan-default = (standaard van het plan)
lsp-hover-payout-party = { $stream } { $amount } aan `{ $party }`
lsp-hover-payout-key = { $stream } { $amount } aan verdeelsleutel `{ $key }`
lsp-hover-risk = risico: { $stream } verdeeld volgens `{ $key }`
lsp-hover-judged = beoordeling: { $judged }
lsp-hover-shares-impossible = (met de gewichten van deze verdeelsleutel is geen geld te verdelen)

lsp-hover-party = **partij `{ $party }`**: { $name }
lsp-hover-roles = rollen: { $roles }
lsp-hover-roles-none = geen
lsp-hover-ref = kenmerk: { $reference }
lsp-hover-pays-stream = betaalt geldstroom `{ $stream }`
lsp-hover-party-key = verdeelsleutel `{ $key }`: { $weight } van { $total } = { $share }
lsp-hover-party-declared = , vermeld { $declared }

lsp-hover-key = **verdeelsleutel `{ $key }`**: { $title }
lsp-hover-key-part-of = deel van verdeelsleutel `{ $parent }`
lsp-hover-key-header = | deelnemer | gewicht | aandeel | vermeld |
lsp-hover-key-sum = som
lsp-hover-key-declared-total = { $total } (totaal)

## De status van een mijlpaal vandaag, bij aanwijzen.

lsp-status-not-evaluated = (status niet bepaald: het plan, de regelset of de feiten bevatten fouten)
lsp-status-own-facts = - status op { $date } (deze feiten): **{ $status }**: { $reason }
lsp-status-scenarios = - status op { $date } in de scenario's naast het plan:
lsp-status-facts-have-errors = (de feiten van dit scenario bevatten fouten)

## De soorten namen (toelichting bij aanvullen, weigeringen bij hernoemen).

lsp-kind-party = partij
lsp-kind-stream = geldstroom
lsp-kind-key = verdeelsleutel
lsp-kind-metric = indicator
lsp-kind-document = document
lsp-kind-milestone = mijlpaal
lsp-kind-component = onderdeel
lsp-kind-rules = regelset
lsp-kind-plan = plan
lsp-kind-clause = bepaling
lsp-kind-role = rol

## Meldingen zoals de editor ze toont.

lsp-diagnostic-help = hulp: { $text }

## Weigeringen en foutantwoorden.

lsp-cannot-rename = een { $kind } kan niet worden hernoemd
lsp-not-a-name = `{ $name }` is geen geldige naam: een letter, gevolgd door letters, cijfers, `_` of `-`
lsp-declared-already = de naam `{ $name }` is al in gebruik
lsp-initialize-first = stuur eerst `initialize`
lsp-shutting-down = de server wordt afgesloten
lsp-unknown-method = onbekende methode `{ $method }`
lsp-invalid-parameters = ongeldige parameters: { $error }
lsp-not-open = `{ $uri }` is niet geopend
lsp-request-failed = mijlpaal lsp kon dit verzoek niet afhandelen (een fout in mijlpaal: meld die alstublieft)

## Het logboek van de server (stderr, het uitvoerpaneel van de editor):
## overgeslagen berichten.

lsp-log-skipped = mijlpaal lsp: bericht overgeslagen: { $why }
lsp-log-reading-failed = mijlpaal lsp: lezen mislukt: { $error }
lsp-log-not-json-rpc = mijlpaal lsp: geen JSON-RPC-bericht: { $error }
lsp-frame-ended-in-header = de invoer eindigde midden in een header
lsp-frame-header-too-long = een headerregel die te lang is
lsp-frame-bad-length = Content-Length `{ $value }`
lsp-frame-no-length = geen Content-Length
lsp-frame-too-long = een bericht van { $length } bytes, meer dan { $limit }
lsp-frame-ended-in-message = de invoer eindigde midden in een bericht

## Wat een bepaling van elke soort betekent (`Keyword::meaning`), in één zin.

clause-meaning-entitlement = het recht op geld ontstaat wanneer een mijlpaal is behaald
clause-meaning-assessors = de rollen die beoordelen of een mijlpaal is behaald
clause-meaning-assessment-window = de termijn na de geplande datum waarbinnen de beoordelaars hun oordeel geven
clause-meaning-deemed-achieved = een mijlpaal waarover aan het einde van de beoordelingstermijn geen oordeel is gegeven, geldt als behaald als de administratie op orde is
clause-meaning-payment = de rol die betaalt, en de enige partij bij wie geld wordt gevorderd
clause-meaning-no-clawback = een niet behaalde mijlpaal maakt het geld voor behaalde mijlpalen nooit terugvorderbaar
clause-meaning-partial-payout = de rollen die samen een deel of het geheel van een niet behaalde mijlpaal mogen uitbetalen
clause-meaning-postponement = een mijlpaal kan later nog worden behaald, uiterlijk op de uiterste betaaldatum (de genoemde rollen besluiten daar samen over)
clause-meaning-payout-cutoff = de laatste datum waarop geld kan worden uitbetaald
clause-meaning-repay-unmet = op de uiterste betaaldatum wordt het geld van deze geldstroom dat aan niet behaalde mijlpalen is gekoppeld terugbetaald, volgens de risicoverdeelsleutel of de genoemde verdeelsleutel
clause-meaning-advances = de voorschotten volgen de jaarlijkse bevoorschotting door het ministerie
clause-meaning-dissolution = bij ontbinding vervallen aanspraken die nog niet zijn betaald; gedane betalingen blijven in stand
clause-meaning-double-funding = een bedrag dat dubbel is gefinancierd, kan worden teruggevorderd
clause-meaning-amendment = wijzigingen van het plan vereisen consensus en een addendum; gedane betalingen blijven in stand
clause-meaning-monitoring = de voortgang wordt elk kwartaal gemonitord
clause-meaning-max-duration = de afspraken worden binnen dit aantal jaren gemaakt
clause-meaning-deadline-shift = of een termijn die in een weekend of op een Nederlandse feestdag eindigt, doorschuift naar de eerstvolgende werkdag
clause-meaning-non-working-day = een dag die bij besluit gelijkgesteld is met de algemeen erkende feestdagen (Algemene termijnenwet art. 3 lid 3)
