# The evaluation's vocabulary (statuses, money columns, obligations) and
# its texts: tables, the trace, obligations.

status-open = open
status-due = due
status-in-assessment = in assessment
status-achieved = achieved
status-deemed-achieved = deemed achieved
status-partially-achieved = partially achieved
status-postponed = postponed
status-missed = missed
status-lapsed = lapsed
status-withdrawn = withdrawn

column-earned = Earned
column-paid = Paid
column-outstanding = Outstanding
column-repayable = Repayable
column-repaid = Repaid
column-exposure = Exposure
column-lapsed = Lapsed

duty-deliver = deliver
duty-assess = assess
duty-pay = pay
duty-repay = repay
duty-decide = decide
duty-questions = questions

obligation-effort = effort
obligation-result = result
