//! A run of a facts file's lines read straight into the tree, without pest:
//! the fast path of `pieces::facts`. pest tries every alternative of
//! `fact_arg` in turn at every word (a number is first tried as a range, a
//! date, a percentage, an amount), builds a token queue and then pairs;
//! here each word is read once, by its first character, into its node.
//!
//! The grammar stays the definition. This reader follows `facts_piece`
//! rule by rule (the same alternatives in the same order, the same greedy
//! repetitions, the same implicit `WHITESPACE` and `COMMENT` between the
//! parts of a non-atomic rule), and gives up on anything else: a line pest
//! would make a `bad_line`, a word of a kind it does not know. Then the run
//! is parsed by pest as before (and any diagnostic sends the file to the
//! whole-file parse), so a file with mistakes is reported exactly as pest
//! reports it. The tests compare both on every facts file of the
//! repository and on many generated lines.

// PANIC SAFETY: byte positions within one run of lines, bounded by its length.
#![allow(clippy::arithmetic_side_effects)]

use super::ast::{FactAst, Ident, Lit, LitKind, Str, Token};
use super::build::{unescape, FactsBody};
use crate::source::Span;

/// Reads `run` (a `facts_piece`: statements with their line breaks, from
/// the first word of a statement, `base` bytes into the file) into `body`.
/// `false`, with `body` as it was, where the run is not as plain as that.
pub(super) fn read(run: &str, base: usize, body: &mut FactsBody) -> bool {
    let (facts, dates) = (body.facts.len(), body.evaluate_at.len());
    let mut reader = Reader {
        text: run,
        bytes: run.as_bytes(),
        at: 0,
        base,
    };
    if reader.run(body).is_some() {
        return true;
    }
    body.facts.truncate(facts);
    body.evaluate_at.truncate(dates);
    false
}

struct Reader<'s> {
    text: &'s str,
    bytes: &'s [u8],
    /// The next byte to read.
    at: usize,
    /// Where the run starts in the file.
    base: usize,
}

/// `WHITESPACE`: space, tab, no-break space (two bytes).
const NBSP: &[u8] = "\u{A0}".as_bytes();
const EURO: &[u8] = "€".as_bytes();
/// `op`, its alternatives in the grammar's order.
const OPS: [&str; 7] = [">=", "<=", "≥", "≤", ">", "<", "="];

impl Reader<'_> {
    /// `(facts_item ~ nl)+ ~ EOI`, every item a statement.
    fn run(&mut self, body: &mut FactsBody) -> Option<()> {
        loop {
            self.item(body)?;
            // `facts_item`'s `&NEWLINE` after the implicit skip, then `nl`.
            self.skip();
            self.newline()?;
            loop {
                let back = self.at;
                self.skip();
                if self.newline().is_none() {
                    self.at = back;
                    break;
                }
            }
            self.skip();
            if self.at == self.bytes.len() {
                return Some(());
            }
        }
    }

    /// `evaluate_at | fact`.
    fn item(&mut self, body: &mut FactsBody) -> Option<()> {
        if self.rest().starts_with(b"evaluate") {
            return self.evaluate_at(body);
        }
        let fact = self.fact()?;
        body.facts.push(fact);
        Some(())
    }

    /// `"evaluate" ~ "at" ~ date ~ ("," ~ date)*`
    fn evaluate_at(&mut self, body: &mut FactsBody) -> Option<()> {
        self.at += "evaluate".len();
        self.skip();
        self.rest().starts_with(b"at").then_some(())?;
        self.at += "at".len();
        self.skip();
        let first = self.date()?;
        body.evaluate_at.push(first);
        loop {
            let back = self.at;
            self.skip();
            let next = self.comma().and_then(|()| {
                self.skip();
                self.date()
            });
            match next {
                Some(date) => body.evaluate_at.push(date),
                None => {
                    self.at = back;
                    return Some(());
                }
            }
        }
    }

    /// `date ~ fact_verb ~ fact_arg*`
    fn fact(&mut self) -> Option<FactAst> {
        let start = self.at;
        let date = self.date()?;
        self.skip();
        let verb_start = self.at;
        let verb_len = self.count(u8::is_ascii_lowercase);
        (verb_len > 0).then_some(())?;
        self.at += verb_len;
        let verb = self.ident_from(verb_start);
        // The skip before `fact_arg*` stays even where no argument follows.
        self.skip();
        let mut args = Vec::new();
        let mut back = self.at;
        loop {
            match self.arg() {
                Some(arg) => args.push(arg),
                None => {
                    self.at = back;
                    break;
                }
            }
            back = self.at;
            self.skip();
        }
        Some(FactAst {
            date,
            verb,
            args,
            span: self.span(start, self.at),
        })
    }

    /// `range | date | percent | money | number | op | names | ident |
    /// string`, chosen by the first character: `None` where none matches
    /// (or the word is not plain enough to be sure), with `at` anywhere.
    fn arg(&mut self) -> Option<Token> {
        let start = self.at;
        let first = *self.bytes.get(start)?;
        if first.is_ascii_digit() {
            return Some(self.numeric());
        }
        if first.is_ascii_alphabetic() {
            return Some(self.names_or_ident());
        }
        if first == b'"' {
            return self.string();
        }
        if self.rest().starts_with(EURO) {
            return self.money_prefix().map(Token::Lit);
        }
        let op = OPS
            .iter()
            .find(|op| self.rest().starts_with(op.as_bytes()))?;
        self.at += op.len();
        Some(Token::Lit(self.lit(
            LitKind::Op,
            start,
            self.at,
            (start, self.at),
        )))
    }

    /// A word that starts with a digit: `range | date | percent | money |
    /// number` (`money` there is `money_suffix`, `1.000 €`).
    fn numeric(&mut self) -> Token {
        let start = self.at;
        if let Some(range) = self.range() {
            return range;
        }
        self.at = start;
        if let Some(date) = self.date() {
            return Token::Lit(date);
        }
        self.at = start;
        let number_end = start + self.number_len();
        self.at = number_end;
        self.whitespace();
        if self.rest().starts_with(b"%") {
            self.at += 1;
            return Token::Lit(self.lit(LitKind::Percent, start, self.at, (start, number_end)));
        }
        if self.rest().starts_with(EURO) {
            self.at += EURO.len();
            let euro_end = self.at;
            self.whitespace();
            let digit_follows = self.bytes.get(self.at).is_some_and(u8::is_ascii_digit);
            self.at = euro_end;
            if !digit_follows {
                return Token::Lit(self.lit(
                    LitKind::MoneySuffix,
                    start,
                    euro_end,
                    (start, number_end),
                ));
            }
        }
        self.at = number_end;
        Token::Lit(self.lit(LitKind::Number, start, number_end, (start, number_end)))
    }

    /// `date ~ ".." ~ date`
    fn range(&mut self) -> Option<Token> {
        let start = self.at;
        let from = self.date()?;
        self.skip();
        self.rest().starts_with(b"..").then_some(())?;
        self.at += 2;
        self.skip();
        let to = self.date()?;
        Some(Token::Range(
            Box::new((from, to)),
            self.span(start, self.at),
        ))
    }

    /// `date`: `ASCII_DIGIT{1,4} ~ "-" ~ ASCII_DIGIT{1,2} ~ "-" ~ ASCII_DIGIT{1,4}`
    fn date(&mut self) -> Option<Lit> {
        let start = self.at;
        for (max, dash) in [(4, true), (2, true), (4, false)] {
            let digits = self.count(u8::is_ascii_digit).min(max);
            (digits > 0).then_some(())?;
            self.at += digits;
            if dash {
                self.rest().starts_with(b"-").then_some(())?;
                self.at += 1;
            }
        }
        Some(self.lit(LitKind::Date, start, self.at, (start, self.at)))
    }

    /// The length of the `number` at `at` (which is a digit):
    /// `ASCII_DIGIT ~ (ASCII_DIGIT | ("." | ",") ~ ASCII_DIGIT)*`
    fn number_len(&self) -> usize {
        let rest = self.rest();
        let mut n = 1;
        loop {
            match (rest.get(n), rest.get(n + 1)) {
                (Some(c), _) if c.is_ascii_digit() => n += 1,
                (Some(b'.' | b','), Some(d)) if d.is_ascii_digit() => n += 2,
                _ => return n,
            }
        }
    }

    /// `money`'s first form: `"€" ~ WHITESPACE* ~ number`.
    fn money_prefix(&mut self) -> Option<Lit> {
        let start = self.at;
        self.at += EURO.len();
        self.whitespace();
        let number_start = self.at;
        self.bytes
            .get(number_start)?
            .is_ascii_digit()
            .then_some(())?;
        self.at += self.number_len();
        Some(self.lit(LitKind::Money, start, self.at, (number_start, self.at)))
    }

    /// `names | ident`: `ident ~ ("," ~ ident)+`, or the one `ident`.
    fn names_or_ident(&mut self) -> Token {
        let start = self.at;
        let first = self.ident();
        let back = self.at;
        self.skip();
        let Some(second) = self.comma_ident() else {
            self.at = back;
            return Token::Ident(first);
        };
        let mut names = vec![first, second];
        // pest reads `x+` as `x ~ x*`: the skip after the first `"," ~
        // ident` stays (in the span) whether or not another follows.
        self.skip();
        let mut back = self.at;
        while let Some(name) = self.comma_ident() {
            names.push(name);
            back = self.at;
            self.skip();
        }
        self.at = back;
        Token::Names(names, self.span(start, self.at))
    }

    /// `"," ~ ident`, with `at` anywhere where there is none.
    fn comma_ident(&mut self) -> Option<Ident> {
        self.comma()?;
        self.skip();
        self.bytes
            .get(self.at)?
            .is_ascii_alphabetic()
            .then_some(())?;
        Some(self.ident())
    }

    /// `ident` at `at`, which is an ASCII letter.
    fn ident(&mut self) -> Ident {
        let start = self.at;
        self.at += 1;
        self.at += self.count(|c| c.is_ascii_alphanumeric() || *c == b'_' || *c == b'-');
        self.ident_from(start)
    }

    /// `string`: `"` and `"` around characters but `"`, `\`, line breaks,
    /// and `\` with any character after it.
    fn string(&mut self) -> Option<Token> {
        let start = self.at;
        self.at += 1;
        loop {
            let plain = self
                .rest()
                .iter()
                .position(|c| matches!(c, b'"' | b'\\' | b'\n' | b'\r'))?;
            self.at += plain;
            match self.bytes.get(self.at)? {
                b'"' => break,
                b'\\' => {
                    self.at += 1;
                    let escaped = self.text.get(self.at..)?.chars().next()?;
                    self.at += escaped.len_utf8();
                }
                _ => return None,
            }
        }
        self.at += 1;
        let body = self.text.get(start + 1..self.at - 1)?;
        Some(Token::Str(Str {
            value: unescape(body),
            span: self.span(start, self.at),
        }))
    }

    /// The implicit skip of a non-atomic rule: `WHITESPACE* ~ (COMMENT ~ WHITESPACE*)*`,
    /// `COMMENT` being `"//"` up to a line break.
    fn skip(&mut self) {
        loop {
            self.whitespace();
            if !self.rest().starts_with(b"//") {
                return;
            }
            self.at += self
                .rest()
                .iter()
                .position(|c| matches!(c, b'\n' | b'\r'))
                .unwrap_or(self.rest().len());
        }
    }

    /// `WHITESPACE*`
    fn whitespace(&mut self) {
        loop {
            let rest = self.rest();
            if rest.starts_with(b" ") || rest.starts_with(b"\t") {
                self.at += 1;
            } else if rest.starts_with(NBSP) {
                self.at += NBSP.len();
            } else {
                return;
            }
        }
    }

    /// `NEWLINE`: `"\n" | "\r\n" | "\r"`.
    fn newline(&mut self) -> Option<()> {
        let len = match self.rest() {
            [b'\n', ..] => 1,
            [b'\r', b'\n', ..] => 2,
            [b'\r', ..] => 1,
            _ => return None,
        };
        self.at += len;
        Some(())
    }

    fn comma(&mut self) -> Option<()> {
        self.rest().starts_with(b",").then_some(())?;
        self.at += 1;
        Some(())
    }

    fn rest(&self) -> &[u8] {
        self.bytes.get(self.at..).unwrap_or(&[])
    }

    /// How many bytes from `at` on are `what`.
    fn count(&self, what: impl Fn(&u8) -> bool) -> usize {
        self.rest().iter().take_while(|c| what(c)).count()
    }

    fn span(&self, start: usize, end: usize) -> Span {
        Span::new(self.base + start, self.base + end)
    }

    /// The word from `start` to `at`, as an `Ident`.
    fn ident_from(&self, start: usize) -> Ident {
        Ident {
            name: self.text.get(start..self.at).unwrap_or("").to_string(),
            span: self.span(start, self.at),
        }
    }

    /// A literal from `start` to `end` whose text (its numeric part, as
    /// `build::lit` takes it) is `text`.
    fn lit(&self, kind: LitKind, start: usize, end: usize, text: (usize, usize)) -> Lit {
        Lit {
            kind,
            text: self.text.get(text.0..text.1).unwrap_or("").to_string(),
            span: self.span(start, end),
        }
    }
}

#[cfg(test)]
mod tests {
    use pest::Parser as _;

    use super::*;
    use crate::source::FileId;
    use crate::syntax::ast::FactAst;
    use crate::syntax::build::Builder;
    use crate::syntax::{MijlpaalParser, Rule};

    type Read = (Vec<FactAst>, Vec<Lit>);

    /// The run read here, or `None`.
    fn fast(run: &str, base: usize) -> Option<Read> {
        let mut body = FactsBody::default();
        read(run, base, &mut body).then_some((body.facts, body.evaluate_at))
    }

    /// The run as pest reads it (`Rule::facts_piece` and the builder), or
    /// `None` where it does not parse or has a diagnostic.
    fn pest(run: &str, base: usize) -> Option<Read> {
        let pairs = MijlpaalParser::parse(Rule::facts_piece, run).ok()?;
        let mut builder = Builder::new(FileId(0), run);
        let mut body = FactsBody::default();
        {
            let _based = crate::syntax::build::Based::at(base);
            builder.facts_piece(pairs, &mut body).ok()?;
        }
        builder
            .diagnostics
            .is_empty()
            .then_some((body.facts, body.evaluate_at))
    }

    /// Where the reader reads a run, it reads what pest reads. How many
    /// runs it read, and how many pest read that it gave up on.
    fn same(run: &str, base: usize) -> (usize, usize) {
        let (f, p) = (fast(run, base), pest(run, base));
        match (&f, &p) {
            (Some(_), _) => {
                assert_eq!(f, p, "{run:?}");
                (1, 0)
            }
            (None, Some(_)) => (0, 1),
            (None, None) => (0, 0),
        }
    }

    /// The body of a facts file: after the line of its header, up to the
    /// line of its closing `}`.
    fn body_lines(text: &str) -> Vec<&str> {
        let lines: Vec<&str> = text.split_inclusive('\n').collect();
        let first = lines
            .iter()
            .position(|l| l.trim_start().starts_with("facts"));
        let last = lines.iter().rposition(|l| l.trim_start().starts_with('}'));
        match (first, last) {
            (Some(a), Some(b)) if a < b => lines[a + 1..b].to_vec(),
            _ => Vec::new(),
        }
    }

    /// Each statement line of each facts file on its own (indentation
    /// dropped), and each file's body whole.
    fn check_text(text: &str) -> (usize, usize) {
        let mut total = (0, 0);
        let mut add = |(a, b): (usize, usize)| {
            total.0 += a;
            total.1 += b;
        };
        let lines = body_lines(text);
        for line in &lines {
            let word = line.trim_start_matches([' ', '\t']);
            if word.starts_with(|c: char| c.is_ascii_alphanumeric()) {
                add(same(word, 7));
            }
        }
        let body: String = lines.concat();
        let word = body.trim_start_matches([' ', '\t', '\r', '\n']);
        if !word.is_empty() {
            add(same(word, 0));
        }
        total
    }

    #[test]
    fn every_facts_file_of_the_repository_as_pest_reads_it() {
        let paths = crate::test_files::repository_files("facts");
        let (mut read_here, mut given_up) = (0, 0);
        for path in &paths {
            let Ok(text) = std::fs::read_to_string(path) else {
                continue;
            };
            let (a, b) = check_text(&text);
            read_here += a;
            given_up += b;
        }
        assert!(read_here > 100, "{read_here}");
        assert_eq!(given_up, 0);
    }

    #[test]
    fn the_synthetic_facts_as_pest_reads_them() {
        for (milestones, seed) in [(300, 1), (1000, 7)] {
            let generated = crate::test_files::synth::generate(milestones, 40, seed);
            let (read_here, given_up) = check_text(&generated.facts_text);
            assert!(read_here > milestones, "{read_here}");
            assert_eq!(given_up, 0);
        }
    }

    #[test]
    fn a_run_given_up_on_leaves_the_body_as_it_was() {
        let mut body = FactsBody::default();
        assert!(read(
            "evaluate at 2025-01-31\n2025-01-01 a 1\n",
            0,
            &mut body
        ));
        assert!(!read(
            "2025-01-02 b 2\nevaluate at 2025-02-28\n  soon c\n",
            40,
            &mut body
        ));
        assert_eq!(body.facts.len(), 1);
        assert_eq!(body.evaluate_at.len(), 1);
        assert!(body.bad.is_empty());
    }

    /// Pieces of lines, right and wrong, in every order.
    const PARTS: &[&str] = &[
        "2025-01-01",
        "2025-1-1",
        "12345-01-01",
        "2025-01-012345",
        "2025-01",
        "2025--01",
        "..",
        " .. ",
        ".",
        "1",
        "12",
        "1.685",
        "98.500,50",
        "1.",
        "1,,2",
        "0",
        "%",
        " %",
        "€",
        "€ ",
        "€\u{a0}",
        " € ",
        "€ 3",
        "€3",
        "5 €",
        "5€",
        "5 € 3",
        "5€x",
        "60%",
        "60 %",
        "=",
        ">=",
        "<=",
        "≥",
        "≤",
        ">",
        "<",
        "=>",
        "!",
        "a",
        "paid",
        "submitted",
        "twentse_koers",
        "b-c",
        "X1",
        "_x",
        "-",
        ",",
        ", ",
        " ,",
        "a, b",
        "a,b, c",
        "a ,",
        "a, 1",
        "\"x\"",
        "\"a \\\" b\"",
        "\"\\\\\"",
        "\"open",
        "\"é\"",
        "\"a\\\n",
        "\"\"",
        " ",
        "  ",
        "\t",
        "\u{a0}",
        "// c",
        "//",
        "/",
        "\r",
        "\r\n",
        "\n",
        "\n\n",
        "\n  // c\n",
        "{",
        "}",
        "é",
        "evaluate at 2025-01-31",
        "evaluate at 2025-01-31, 2025-02-28",
        "evaluate at 2025-01-31,",
        "evaluateat 2025-01-31",
        "evaluate  at2025-01-31",
    ];

    /// splitmix64, for a fixed sequence of lines.
    struct Rng(u64);

    impl Rng {
        fn below(&mut self, n: usize) -> usize {
            self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = self.0;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            ((z ^ (z >> 31)) % n as u64) as usize
        }
    }

    #[test]
    fn generated_lines_as_pest_reads_them() {
        let mut rng = Rng(12);
        let (mut read_here, mut given_up) = (0, 0);
        for case in 0..60_000 {
            let mut line = String::new();
            if case % 3 != 0 {
                line.push_str(["2025-01-01 ", "2025-01-01\t", "2025-01-01"][rng.below(3)]);
                line.push_str(["paid", "counted", "x", "submitted", "Paid", "a-b"][rng.below(6)]);
            }
            for _ in 0..rng.below(6) {
                if rng.below(2) == 0 {
                    line.push(' ');
                }
                line.push_str(PARTS[rng.below(PARTS.len())]);
            }
            line.push_str(["\n", "\r\n", " \n", " // c\n", "\n\n  \n", "\r", ""][rng.below(7)]);
            if rng.below(4) == 0 {
                line.push_str("  2025-02-01 evidence 3 submitted\n");
            }
            let (a, b) = same(&line, 3);
            read_here += a;
            given_up += b;
        }
        // Enough of them read here to say something, and none that pest
        // reads given up on.
        assert!(read_here > 5_000, "{read_here}");
        assert_eq!(given_up, 0);
    }
}
