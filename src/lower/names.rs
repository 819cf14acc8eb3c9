//! Name resolution helpers: "did you mean `hengelo`?".

/// Names longer than this get no suggestion: a typo is found in a name a
/// person typed, and Jaro-Winkler's cost grows with both lengths.
const MAX_SUGGESTED_LEN: usize = 64;

/// How many candidates are compared at most; beyond it no suggestion is
/// made, so a file with a hundred thousand unknown names stays fast.
const MAX_CANDIDATES: usize = 10_000;

/// The candidate closest to `name`, if any is close enough to be a typo.
pub fn closest<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    if name.len() > MAX_SUGGESTED_LEN {
        return None;
    }
    candidates
        .into_iter()
        .take(MAX_CANDIDATES)
        // Jaro-Winkler cannot reach 0,8 for names of very different length.
        .filter(|c| {
            c.len() <= MAX_SUGGESTED_LEN && c.len().abs_diff(name.len()) <= name.len().max(4)
        })
        .map(|c| (strsim::jaro_winkler(name, c), c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
        .map(|(_, c)| c)
}

/// A help line for an unknown name: a suggestion, or the list of what exists.
pub fn help_for<'a>(
    plural: &str,
    name: &str,
    candidates: impl IntoIterator<Item = &'a str> + Clone,
) -> String {
    if let Some(s) = suggestion(name, candidates.clone()) {
        return s;
    }
    let plural = plural_text(plural);
    let all: Vec<&str> = candidates.into_iter().collect();
    match all.len() {
        0 => crate::tr!("names-none-declared", plural = plural),
        1..=12 => crate::tr!("names-declared", plural = plural, names = all.join(", ")),
        n => crate::tr!("names-many", plural = plural, count = n),
    }
}

/// `plural` (the English words callers name, such as `parties`) in the
/// current language, so that callers stay as they are.
fn plural_text(plural: &str) -> String {
    match plural {
        "parties" => crate::tr!("names-parties"),
        "streams" => crate::tr!("names-streams"),
        "keys" => crate::tr!("names-keys"),
        "metrics" => crate::tr!("names-metrics"),
        "documents" => crate::tr!("names-documents"),
        "parties and keys" => crate::tr!("names-parties-and-keys"),
        "roles" => crate::tr!("names-roles"),
        "clause kinds" => crate::tr!("names-clause-kinds"),
        "kinds of fact" => crate::tr!("names-kinds-of-fact"),
        "deciders" => crate::tr!("names-deciders"),
        "thresholds" => crate::tr!("names-thresholds"),
        "criteria" => crate::tr!("names-criteria"),
        "count metrics" => crate::tr!("names-count-metrics"),
        other => other.to_string(),
    }
}

/// A help line for a word outside a fixed vocabulary (roles, clause kinds,
/// kinds of fact): a suggestion, or the whole vocabulary. Unlike [`help_for`]
/// it does not speak of declarations, as the user declares none of these.
pub fn help_for_fixed<'a>(
    plural: &str,
    name: &str,
    candidates: impl IntoIterator<Item = &'a str> + Clone,
) -> String {
    suggestion(name, candidates.clone()).unwrap_or_else(|| {
        let all: Vec<&str> = candidates.into_iter().collect();
        crate::tr!(
            "names-fixed",
            plural = plural_text(plural),
            names = all.join(", ")
        )
    })
}

/// "did you mean `hengelo`?" when a candidate is close enough.
fn suggestion<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<String> {
    closest(name, candidates).map(|c| crate::tr!("names-did-you-mean", name = c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_nearest_name() {
        let names = ["enschede", "hengelo", "almelo"];
        assert_eq!(closest("hengel", names), Some("hengelo"));
        assert_eq!(closest("enschde", names), Some("enschede"));
        assert_eq!(closest("zwolle", names), None);
        assert_eq!(
            help_for("parties", "hengel", names),
            "did you mean `hengelo`?"
        );
        assert_eq!(
            help_for("parties", "zwolle", names),
            "declared parties: enschede, hengelo, almelo"
        );
    }
}
