//! Property tests of a catalog's parameters and message templates, through the library's
//! `validate`: drawn templates are accepted exactly when their braces make sense and their
//! placeholders name required parameters, and every refusal points at the right column;
//! drawn parameter names are accepted exactly when they are wire names that make distinct
//! identifiers.
//!
//! proptest draws with a new seed each run; a failure is shrunk, printed, and saved in
//! `proptest-regressions/properties_catalog.txt`, which later runs replay first (commit it).

use proptest::prelude::*;
use proptest::test_runner::{Config, FileFailurePersistence};

use errspec::{Error, Options};

/// One piece of a drawn template.
#[derive(Debug, Clone)]
enum Piece {
    /// Text without braces or line breaks (a single quote included: it is doubled in YAML).
    Text(String),
    /// `{{` or `}}`.
    Escaped(char),
    /// `{name}`, with the index of a declared parameter, or an undeclared name.
    Placeholder(Placeholder),
}

#[derive(Debug, Clone)]
enum Placeholder {
    Required(usize),
    Optional,
    Unknown(String),
}

/// The parameters every drawn template may use: three required, one optional.
const REQUIRED: [&str; 3] = ["limit", "window", "resets_at"];
const OPTIONAL: &str = "plan";

fn piece() -> impl Strategy<Value = Piece> {
    prop_oneof![
        4 => "[\\p{L}\\p{N} .,;:!?()<>/@#$%&*+=~^|-]{1,12}".prop_map(Piece::Text),
        1 => "[ a-zé😀<>/]{0,3}'[ a-z]{0,3}".prop_map(Piece::Text),
        1 => prop_oneof![Just('{'), Just('}')].prop_map(Piece::Escaped),
        3 => (0..REQUIRED.len()).prop_map(|i| Piece::Placeholder(Placeholder::Required(i))),
        1 => Just(Piece::Placeholder(Placeholder::Optional)),
        1 => "[a-z][a-z_]{0,6}"
            .prop_filter("not declared", |n| !REQUIRED.contains(&n.as_str()) && n != OPTIONAL)
            .prop_map(|n| Piece::Placeholder(Placeholder::Unknown(n))),
    ]
}

/// The template's text, and for each placeholder the character column where it starts in
/// the template with its kind.
fn template(pieces: &[Piece]) -> (String, Vec<(usize, &Placeholder)>) {
    let mut text = String::new();
    let mut placeholders = Vec::new();
    for piece in pieces {
        match piece {
            Piece::Text(t) => text.push_str(t),
            Piece::Escaped(brace) => {
                text.push(*brace);
                text.push(*brace);
            }
            Piece::Placeholder(placeholder) => {
                placeholders.push((text.chars().count(), placeholder));
                let name = match placeholder {
                    Placeholder::Required(i) => REQUIRED[*i],
                    Placeholder::Optional => OPTIONAL,
                    Placeholder::Unknown(name) => name,
                };
                text.push('{');
                text.push_str(name);
                text.push('}');
            }
        }
    }
    (text, placeholders)
}

/// A spec whose one code has `message` (written single-quoted on line 9, its text starting
/// at column 15) and the parameters above.
fn spec_with_message(message: &str) -> String {
    format!(
        "version: 2
api:
  name: Drawn
codes:
  - code: quota_exceeded
    status: 429
    title: Quota exceeded
    description: D.
    message: '{}'
    params:
      limit: {{type: integer, description: L.}}
      window: {{type: string, description: W.}}
      resets_at: {{type: string, description: R.}}
      plan: {{type: string, description: P., optional: true}}
",
        message.replace('\'', "''")
    )
}

/// The column where the message's text starts on line 9, `    message: '`.
const MESSAGE_COLUMN: usize = 15;

/// `(id, line, column)` of each problem, or nothing for a valid spec.
fn problems(source: &str) -> Vec<(&'static str, usize, usize)> {
    match errspec::validate(source, &Options::new("errors.yaml")) {
        Ok(_) => Vec::new(),
        Err(Error::InvalidSpec(diagnostics)) => diagnostics
            .iter()
            .map(|d| {
                let at = d.location.unwrap();
                (d.id, at.line, at.column)
            })
            .collect(),
        Err(other) => panic!("{other}"),
    }
}

fn config() -> Config {
    Config {
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct(
            "proptest-regressions/properties_catalog.txt",
        ))),
        ..Config::with_cases(256)
    }
}

proptest! {
    #![proptest_config(config())]

    /// A template of text, escaped braces and placeholders is valid when every placeholder
    /// names a required parameter; each other placeholder is reported where it starts,
    /// unless a quote before it (doubled in YAML) moves the text from its column, when the
    /// whole message is pointed at.
    #[test]
    fn placeholders_are_checked_where_they_are(pieces in prop::collection::vec(piece(), 0..12)) {
        let (text, placeholders) = template(&pieces);
        prop_assume!(!text.trim().is_empty());
        let found = problems(&spec_with_message(&text));
        let mut expected = Vec::new();
        for (column, placeholder) in placeholders {
            let id = match placeholder {
                Placeholder::Required(_) => continue,
                Placeholder::Optional => "OPTIONAL_PLACEHOLDER",
                Placeholder::Unknown(_) => "UNKNOWN_PLACEHOLDER",
            };
            let column = match text.contains('\'') {
                true => MESSAGE_COLUMN - 1,
                false => MESSAGE_COLUMN + column,
            };
            expected.push((id, 9, column));
        }
        prop_assert_eq!(found, expected, "template {:?}", text);
    }

    /// A single brace put anywhere in a valid template, where it does not make `{{` or `}}`
    /// with a neighbour, makes it invalid: `INVALID_TEMPLATE`, alone, on the message's line.
    #[test]
    fn a_stray_brace_is_always_refused(
        pieces in prop::collection::vec(piece(), 0..8),
        at in any::<prop::sample::Index>(),
        brace in prop_oneof![Just('{'), Just('}')],
    ) {
        let pieces: Vec<Piece> = pieces
            .into_iter()
            .filter(|p| matches!(p, Piece::Text(_) | Piece::Escaped(_) | Piece::Placeholder(Placeholder::Required(_))))
            .collect();
        let (text, _) = template(&pieces);
        let boundaries: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
        let at = boundaries[at.index(boundaries.len())];
        let mut broken = text.clone();
        broken.insert(at, brace);
        // A brace beside its twin would be an escape, not a stray.
        let twin = broken[..at].ends_with(brace) || broken[at + 1..].starts_with(brace);
        prop_assume!(!twin);
        let found = problems(&spec_with_message(&broken));
        prop_assert_eq!(found.len(), 1, "template {:?}: {:?}", broken, found);
        prop_assert_eq!((found[0].0, found[0].1), ("INVALID_TEMPLATE", 9), "template {:?}", broken);
    }

    /// A parameter name is accepted exactly when it is 1 to 64 of `[A-Za-z0-9_]` starting
    /// with a letter, and two names are refused together exactly when they make the same
    /// snake_case identifier.
    #[test]
    fn parameter_names_are_wire_names_with_distinct_identifiers(
        first in "[A-Za-z0-9_\\-. é]{1,10}",
        second in "[A-Za-z_][A-Za-z0-9_]{0,9}",
    ) {
        prop_assume!(first != second);
        let source = format!(
            "version: 2\napi:\n  name: Drawn\ncodes:\n  - code: a\n    status: 400\n    title: A\n    description: D.\n    params:\n      '{first}': {{type: string, description: F.}}\n      '{second}': {{type: string, description: S.}}\n"
        );
        let found: Vec<&str> = problems(&source).into_iter().map(|(id, ..)| id).collect();
        let is_wire = |name: &str| {
            name.starts_with(|c: char| c.is_ascii_alphabetic())
                && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        };
        let mut expected = Vec::new();
        if !is_wire(&first) {
            expected.push("INVALID_PARAM_NAME");
        }
        if !is_wire(&second) {
            expected.push("INVALID_PARAM_NAME");
        }
        if expected.is_empty() && snake(&first) == snake(&second) {
            expected.push("IDENTIFIER_COLLISION");
        }
        prop_assert_eq!(found, expected, "names {:?} and {:?}", first, second);
    }
}

/// snake_case as heck makes it, the reference for collisions.
fn snake(name: &str) -> String {
    use heck::ToSnakeCase;
    name.to_snake_case()
}
