fn main() {
    let path = std::env::args().nth(1).unwrap_or_default();
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let (tree, diags) = mijlpaal::syntax::parse(mijlpaal::source::FileId(0), &text, &Default::default());
    println!("{:#?}\n{:#?}", tree.map(|_| "ok"), diags);
}
