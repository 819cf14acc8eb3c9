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
