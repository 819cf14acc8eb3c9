//! Documentation of the codes reported before the checker runs: input (I),
//! syntax (S) and lowering (L). Check codes (C) document themselves in their
//! own files under `check/`. `mijlpaal explain CODE` prints either.

/// (code, one-line summary, explanation with a failing and a fixed example)
pub const CODES: &[(&str, &str, &str)] = &[
    ("I001", "file cannot be read", "The file does not exist or cannot be read.\n\n## Fails\n```text\nmijlpaal check plans/twente.plan     # no such file\n```\n## Fixed\n```text\nmijlpaal check plans/mentaal-gezond-twente.plan\n```"),
    ("I002", "not a regular file", "mijlpaal reads only regular files: never directories, devices, pipes or sockets.\n\n## Fails\n```text\nmijlpaal check plans/\n```\n## Fixed\n```text\nmijlpaal check plans/mentaal-gezond-twente.plan\n```"),
    ("I003", "file too large", "The file is larger than the limit (64 MiB by default; `--max-file-bytes` raises it).\n\n## Fails\nA generated file of 100 MB.\n## Fixed\n```text\nmijlpaal check --max-file-bytes 200000000 big.plan\n```"),
    ("I004", "not UTF-8", "Source files are UTF-8, so that texts keep their diacritics (cliënten). A file saved as Latin-1 or UTF-16 is refused at the first invalid byte.\n\n## Fails\nA plan exported from Word as \"ANSI\".\n## Fixed\nSave it as UTF-8."),
    ("I005", "wrong kind of file", "A command got a rule set or facts file where it needs a plan, or the other way round. The kind is recognised by the file's first keyword (`plan`, `rules`, `facts`).\n\n## Fails\n```text\nmijlpaal show rules/overeenkomst-transformatieplan.rules\n```\n## Fixed\n```text\nmijlpaal show plans/mentaal-gezond-twente.plan\n```"),
    ("I006", "rule set not found", "`rules NAME` is looked up as `rules/NAME.rules` in the plan's directory and each directory above it, and in every `--rules-dir`.\n\n## Fails\n```text\nrules overeenkomst        // there is no rules/overeenkomst.rules\n```\n## Fixed\n```text\nrules overeenkomst-transformatieplan\n```"),
    ("S001", "empty file", "The file holds nothing but whitespace.\n\n## Fixed\n```text\nplan mgt \"Mentaal Gezond Twente\" {\n}\n```"),
    ("S002", "line too long", "A line is longer than the limit (64 KiB by default; `--max-line-bytes` raises it). Real plans have lines of at most a few KB; a longer line is almost always a broken export.\n\n## Fixed\nSplit the text over several statements (several `evidence` lines, say)."),
    ("S003", "nesting too deep", "Blocks nest at most 16 deep; the language itself needs four (plan > component > milestone > a stream split). Deeper nesting is refused before parsing, so that hostile input cannot exhaust the stack.\n\n## Fails\n```text\nplan x \"y\" {{{{{{{{{{{{{{{{{{\n```\n## Fixed\nClose each block with `}` on its own line."),
    ("S004", "syntax error", "The file's outline could not be read: a block header, a closing `}` or the first keyword is missing or misspelt. The message says what was expected.\n\n## Fails\n```text\nplam mgt \"Mentaal Gezond Twente\" {\n```\n## Fixed\n```text\nplan mgt \"Mentaal Gezond Twente\" {\n```"),
    ("S005", "statement not understood", "A line inside a block is not a statement of that block. Parsing goes on with the next line, so every such line is reported in one run.\n\n## Fails\n```text\n    evidense \"Tactisch mediaplan\"\n```\n## Fixed\n```text\n    evidence \"Tactisch mediaplan\"\n```"),
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

/// One line per code: `C101 error split-sum`.
pub fn list() -> Vec<(String, String, String)> {
    let mut out: Vec<(String, String, String)> = CODES
        .iter()
        .map(|(c, s, _)| {
            let severity = if *c == "L022" { "warning" } else { "error" };
            (c.to_string(), severity.to_string(), s.to_string())
        })
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
