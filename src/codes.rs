//! Documentation of the codes that are not checks: input (I), syntax (S),
//! lowering (L) and evaluation (E). Check codes (C) document themselves in
//! their own files under `check/`. `mijlpaal explain CODE` prints either.

/// (code, one-line summary, explanation with a failing and a fixed example)
pub const CODES: &[(&str, &str, &str)] = &[
    ("I001", "file cannot be read", "The file does not exist or cannot be read.\n\n## Fails\n```text\nmijlpaal check plans/twente.plan     # no such file\n```\n## Fixed\n```text\nmijlpaal check plans/mentaal-gezond-twente.plan\n```"),
    ("I002", "not a regular file", "mijlpaal reads only regular files: never directories, devices, pipes or sockets.\n\n## Fails\n```text\nmijlpaal check plans/\n```\n## Fixed\n```text\nmijlpaal check plans/mentaal-gezond-twente.plan\n```"),
    ("I003", "file too large", "The file is larger than the limit (64 MiB by default; `--max-file-bytes` raises it).\n\n## Fails\nA generated file of 100 MB.\n## Fixed\n```text\nmijlpaal check --max-file-bytes 200000000 big.plan\n```"),
    ("I004", "not UTF-8", "Source files are UTF-8, so that texts keep their diacritics (cliënten). A file saved as Latin-1 or UTF-16 is refused at the first invalid byte.\n\n## Fails\nA plan exported from Word as \"ANSI\".\n## Fixed\nSave it as UTF-8."),
    ("I005", "wrong kind of file", "A command got a rule set or facts file where it needs a plan, or the other way round. The kind is recognised by the file's first keyword (`plan`, `rules`, `facts`).\n\n## Fails\n```text\nmijlpaal show rules/overeenkomst-transformatieplan.rules\n```\n## Fixed\n```text\nmijlpaal show plans/mentaal-gezond-twente.plan\n```"),
    ("I006", "rule set not found", "`rules NAME` is looked up as `rules/NAME.rules` in the plan's directory and each directory above it, and in every `--rules-dir`.\n\n## Fails\n```text\nrules overeenkomst        // there is no rules/overeenkomst.rules\n```\n## Fixed\n```text\nrules overeenkomst-transformatieplan\n```"),
    ("I007", "facts only parsed (note)", "`mijlpaal check` lowers a facts file against the first plan given. Without a plan, the facts file is only parsed: its names (milestones, parties, streams, metrics) are not resolved and nothing is evaluated.\n\n## Fails\n```text\nmijlpaal check plans/mentaal-gezond-twente/ontbinding.facts\n```\n## Fixed\n```text\nmijlpaal check plans/mentaal-gezond-twente.plan plans/mentaal-gezond-twente/ontbinding.facts\n```"),
    ("S001", "empty file", "The file holds nothing but whitespace.\n\n## Fixed\n```text\nplan mgt \"Mentaal Gezond Twente\" {\n}\n```"),
    ("S002", "line too long", "A line is longer than the limit (64 KiB by default; `--max-line-bytes` raises it). Real plans have lines of at most a few KB; a longer line is almost always a broken export.\n\n## Fixed\nSplit the text over several statements (several `evidence` lines, say)."),
    ("S003", "nesting too deep", "Blocks nest at most 16 deep; the language itself needs four (plan > component > milestone > a stream split). Deeper nesting is refused before parsing, so that hostile input cannot exhaust the stack.\n\n## Fails\n```text\nplan x \"y\" {{{{{{{{{{{{{{{{{{\n```\n## Fixed\nClose each block with `}` on its own line."),
    ("S004", "syntax error", "The file's outline could not be read: a block header, a closing `}` or the first keyword is missing or misspelt. The message says what was expected.\n\n## Fails\n```text\nplam mgt \"Mentaal Gezond Twente\" {\n```\n## Fixed\n```text\nplan mgt \"Mentaal Gezond Twente\" {\n```"),
    ("S005", "statement not understood", "A line inside a block is not a statement of that block. Parsing goes on with the next line, so every such line is reported in one run.\n\n## Fails\n```text\n    evidense \"Tactisch mediaplan\"\n```\n## Fixed\n```text\n    evidence \"Tactisch mediaplan\"\n```"),
    ("S006", "too many lines", "The file has more lines than the limit (4 000 000 by default; `--max-lines` raises it). A plan of 100 000 milestones has about 800 000 lines.\n\n## Fixed\n```text\nmijlpaal check --max-lines 10000000 huge.plan\n```"),
    ("S007", "`}` without a block", "A `}` that closes no block: one too many, or the `{` of a block header above is missing.\n\n## Fails\n```text\n    milestone 3 \"...\"\n      effort\n    }\n```\n## Fixed\n```text\n    milestone 3 \"...\" {\n      effort\n    }\n```"),
    ("S008", "block never closed", "A block opened with `{` is never closed. Checked before parsing, so that a missing `}` is reported at once, at the block it leaves open.\n\n## Fails\n```text\nplan mgt \"Mentaal Gezond Twente\" {\n  period 2025-01-01 .. 2027-12-31\n```\n## Fixed\n```text\nplan mgt \"Mentaal Gezond Twente\" {\n  period 2025-01-01 .. 2027-12-31\n}\n```"),
    ("S999", "internal parser error", "The parser produced a tree the builder did not expect. This is a bug in mijlpaal; please report it with the file."),
    ("L001", "not a Dutch number", "Numbers are written the Dutch way: a dot groups thousands in threes, a comma starts the decimals. `1.5` is refused because it is ambiguous.\n\n## Fails\n```text\ntarget count gesprekken from 2027-01-01 >= 1.30\n```\n## Fixed\n```text\ntarget count gesprekken from 2027-01-01 >= 1.300\n```"),
    ("L002", "number too large", "Numbers are exact decimals with at most 28 significant digits.\n\n## Fails\n```text\namount € 99.999.999.999.999.999.999.999.999.999\n```"),
    ("L003", "not a whole number", "Milestone and component numbers, counts of days and years are whole numbers.\n\n## Fails\n```text\nmilestone 4,5 \"...\" {\n```"),
    ("L004", "euro sign after the amount", "The documents write `1.237.000€`; the language has one notation: the euro sign first.\n\n## Fails\n```text\namount 1.237.000€\n```\n## Fixed\n```text\namount € 1.237.000\n```"),
    ("L005", "more than two decimals in an amount", "Amounts are euros and cents.\n\n## Fails\n```text\namount € 98.500,505\n```\n## Fixed\n```text\namount € 98.500,50\n```"),
    ("L006", "not an ISO date", "Dates are written YYYY-MM-DD. A Dutch date gets the ISO form suggested.\n\n## Fails\n```text\ndue 31-12-2026\n```\n## Fixed\n```text\ndue 2026-12-31\n```"),
    ("L007", "not a day of the calendar", "The date has the right shape but does not exist.\n\n## Fails\n```text\ndue 2026-02-30\n```\n## Fixed\n```text\ndue 2026-02-28\n```"),
    ("L010", "declared twice", "A party, stream, key, metric, document, component or milestone number is declared twice. Both places are shown.\n\n## Fails\n```text\nparty hengelo \"Gemeente Hengelo\" municipality\nparty hengelo \"Hengelo\" municipality\n```"),
    ("L011", "unknown name", "A reference to something that is not declared. The nearest declared name is suggested.\n\n## Fails\n```text\nkey grote_drie = inwoners only enschede, hengel, almelo\n```\n## Fixed\n```text\nkey grote_drie = inwoners only enschede, hengelo, almelo\n```"),
    ("L012", "not in the vocabulary", "A role, metric kind, clause kind or fact verb outside the closed vocabulary. The nearest word is suggested.\n\n## Fails\n```text\nparty menzis \"Menzis\" coordinating-insurance\n```\n## Fixed\n```text\nparty menzis \"Menzis\" coordinating-insurer\n```"),
    ("L013", "effort or result missing", "Every milestone says whether it is an effort obligation (inspanningsverplichting) or a result obligation (resultaatverplichting).\n\n## Fixed\n```text\nmilestone 14 \"...\" {\n  effort\n```"),
    ("L014", "given twice", "A statement that may appear once (a milestone's `due`, the plan's `period`, a default per stream, a stream in a split) appears twice.\n\n## Fails\n```text\n  due 2026-12-31\n  due 2027-12-31\n```"),
    ("L015", "wrong kind of value", "A value of the wrong kind: a number where a percentage is needed, say.\n\n## Fails\n```text\ntarget share naar_sggz of gesprekken from 2026-01-01 <= 73\n```\n## Fixed\n```text\ntarget share naar_sggz of gesprekken from 2026-01-01 <= 73%\n```"),
    ("L016", "document unit of zero", "A document's figures are scaled by its unit; a unit of € 0 would erase them.\n\n## Fixed\n```text\ndocument kpi_tabel \"KPI-tabel\" in € 1.000\n```"),
    ("L017", "statement out of form", "A clause is not written in the form of its kind. The help shows the form.\n\n## Fails\n```text\nclause \"art. 3.2.2\" assessment-window four weeks\n```\n## Fixed\n```text\nclause \"art. 3.2.2\" assessment-window 4 weeks\n```"),
    ("L018", "facts of another plan", "A facts file names another plan than the one it is evaluated with.\n\n## Fails\n```text\nfacts twente {          // the plan is `mgt`\n```\n## Fixed\n```text\nfacts mgt {\n```"),
    ("L019", "fact out of form", "A fact is not written in the form of its verb. The help shows the form.\n\n## Fails\n```text\n2026-01-10 assessed 14 by menzis\n```\n## Fixed\n```text\n2026-01-10 assessed 14 achieved by menzis\n```"),
    ("L020", "subset key before its parent", "A subset key takes its weights from its parent key, so the parent must be declared first.\n\n## Fails\n```text\nkey grote_drie = inwoners only enschede, hengelo, almelo\nkey inwoners \"Inwoners\" { ... }\n```\n## Fixed\nMove `key grote_drie = ...` below `key inwoners`."),
    ("L021", "clause without citation", "Every clause cites the article it encodes, so that evaluation can cite it when it explains a result.\n\n## Fails\n```text\nclause \"\" no-clawback\n```\n## Fixed\n```text\nclause \"fin.model Risicodragerschap 4\" no-clawback\n```"),
    ("L022", "rule set named differently from its file (warning)", "`rules/NAME.rules` should declare `rules NAME`, so that the name a plan uses is the name in the file.\n\n## Fails\n```text\n// rules/overeenkomst-transformatieplan.rules\nrules overeenkomst \"...\" {\n```\n## Fixed\n```text\nrules overeenkomst-transformatieplan \"...\" {\n```"),
    ("L023", "amendment without effective date or decision", "An amendment (addendum, art. 2.3) says from when it applies (`effective`) and who agreed to it (`decision`: art. 2.3.1 requires consensus). Without either, the amendment is not applied.\n\n## Fails\n```text\namendment addendum-1 \"Addendum 1\" {\n  change 3 due 2027-12-31\n}\n```\n## Fixed\n```text\namendment addendum-1 \"Addendum 1\" {\n  effective 2026-11-15\n  decision \"Stuurgroep en zorgverzekeraars, besluit van 10 november 2026\"\n  change 3 due 2027-12-31\n}\n```"),
    ("E001", "fact not yet known at the evaluation date (note)", "A fact counts from the date it became known. Facts dated after `--at` are ignored; one note per facts file points at the first of them and says how many (and, for several, the latest date). `mijlpaal snapshot` does not show this note, since a timeline scenario is meant to hold later facts.\n\n## Fails\n```text\nmijlpaal evaluate plan --facts f.facts --at 2026-03-01\n// f.facts: 2026-04-14 assessed 11 achieved by menzis\n```\n## Fixed\n```text\nmijlpaal evaluate plan --facts f.facts --at 2026-04-30\n```"),
    ("E002", "assessed before the due date (warning)", "The assessors judge a milestone after its due date (art. 3.2.2). A verdict dated before the due date is ignored.\n\n## Fails\n```text\n2025-12-01 assessed 10 achieved by menzis     // milestone 10 is due 2025-12-31\n```\n## Fixed\n```text\n2026-01-14 assessed 10 achieved by menzis\n```"),
    ("E003", "paid more than earned", "A payment for a milestone brings what was paid of a stream above what is earned of it: the financier pays only what is linked to achieved milestones (art. 3.3.1). Payments made before an amendment that lowered or withdrew the milestone stand and are not reported. Under a what-if (`--achieved`, `--missed`, `--partial`) the excess is shown in the trace instead.\n\n## Fails\n```text\n2026-01-14 assessed 10 achieved by menzis\n2026-01-30 paid spuk for 10 € 70.000          // its SPUK part is € 67.000\n```\n## Fixed\n```text\n2026-01-30 paid spuk for 10 € 67.000\n```"),
    ("E004", "contradicting verdicts", "A milestone is judged both achieved and not achieved. Two different verdicts on one day cannot both stand: both are ignored (the coordinating and the second insurer share one verdict, art. 3.2.2). A milestone judged achieved cannot be judged not achieved later (achieved amounts are never reclaimed): the later verdict is ignored. Not achieved first and achieved later is no contradiction: a missed milestone may still be achieved.\n\n## Fails\n```text\n2026-01-14 assessed 10 achieved by menzis\n2026-01-14 assessed 10 not-achieved by vgz\n```\n## Fixed\n```text\n2026-01-14 assessed 10 achieved by menzis\n```"),
    ("E006", "verdict by a party that does not assess (warning)", "Only parties with a role named by the rule set's `assessors` clause judge achievement (art. 3.2.2). A verdict by anyone else is ignored.\n\n## Fails\n```text\n2026-01-14 assessed 10 achieved by enschede     // a municipality\n```\n## Fixed\n```text\n2026-01-14 assessed 10 achieved by menzis       // the coordinating insurer\n```"),
    ("E007", "partial payout not allowed (warning)", "A decision to pay part of a missed milestone needs a `partial-payout` clause in the rule set, and is taken by a party with one of the roles it names. Otherwise the decision is ignored.\n\n## Fails\n```text\n2026-02-10 decided 10 partial 60% by enschede      // a municipality\n```\n## Fixed\n```text\n2026-02-10 decided 10 partial 60% by twentse_koers // the steering group\n```"),
    ("E008", "dissolved twice (warning)", "An agreement is dissolved once. The first `dissolved` fact counts; later ones are ignored.\n\n## Fails\n```text\n2026-05-01 dissolved \"Besluit stuurgroep\"\n2026-06-01 dissolved \"Bevestiging ministerie\"\n```\n## Fixed\nKeep the first dissolution; record the confirmation as a comment."),
    ("E009", "count window runs backwards (warning)", "A `counted` fact covers `FROM .. TO` with the earlier date first. A window that runs backwards is ignored.\n\n## Fails\n```text\n2026-01-10 counted gesprekken 2025-12-31 .. 2025-01-01 = 112\n```\n## Fixed\n```text\n2026-01-10 counted gesprekken 2025-01-01 .. 2025-12-31 = 112\n```"),
    ("E010", "no risk key bears a stream (warning)", "The rules make a stream's money linked to milestones not achieved repayable (`repay-unmet`), but the milestone has no risk key for that stream, so its repayable amount and exposure cannot be divided over parties. They still appear on the milestone.\n\n## Fails\n```text\nclause \"raadsbrief Financiën\" repay-unmet spuk by risk-key    // in the rules\n// the plan has no `default risk spuk by ...` and the milestone no `risk spuk by ...`\n```\n## Fixed\n```text\ndefault risk spuk by inwoners\n```"),
    ("E011", "money not divided over parties", "A milestone's money is divided over the parties of its payout recipient or risk key, exactly to the cent. It cannot be when the key has no member with a weight above zero, or when a party's total would need more digits than an exact decimal holds (28 significant digits: beyond about € 7,9 × 10^26 there is no room for cents). The amount stays on the milestone but is left out of the parties' columns, or shown as € 0, and the evaluation says so instead of showing a rounded figure.\n\n## Fails\n```text\nkey inwoners \"Inwoners\" {\n  aastad 0\n  beedorp 0\n}\ndefault payout spuk to inwoners\n```\n## Fixed\n```text\nkey inwoners \"Inwoners\" {\n  aastad 30.000\n  beedorp 10.000\n}\n```"),
];

/// The explanation of a code, check or not, as Markdown.
pub fn explain(code: &str) -> Option<String> {
    if let Some(check) = crate::check::find(code) {
        return Some(check.doc());
    }
    CODES
        .iter()
        .find(|(c, _, _)| c.eq_ignore_ascii_case(code))
        .map(|(c, summary, text)| format!("# {c} {summary}\n\n{text}\n"))
}

/// The default severity of a code in `CODES`: most are errors.
pub fn severity(code: &str) -> &'static str {
    match code {
        "L022" | "E002" | "E006" | "E007" | "E008" | "E009" | "E010" => "warning",
        "I007" | "E001" => "info",
        _ => "error",
    }
}

/// One line per code: `C101 error split-sum`.
pub fn list() -> Vec<(String, String, String)> {
    let mut out: Vec<(String, String, String)> = CODES
        .iter()
        .map(|(c, s, _)| (c.to_string(), severity(c).to_string(), s.to_string()))
        .collect();
    out.extend(crate::check::ALL.iter().map(|c| {
        (
            c.code.to_string(),
            c.severity.as_str().to_string(),
            c.name.to_string(),
        )
    }));
    out
}
