//! A change to one code's text changes only that code's lines in every generated file, so a
//! spec pull request's diff is as small as the change: no cell padded to its column's widest,
//! no layout that the whole table decides, no wrapping that pulls in a neighbour.
//!
//! Each test renders a spec, changes one code's description (or title), renders again, and
//! reads the line diff of every file: each changed line must be that code's (its old or new
//! text, a line its text wraps onto, its identifier, or punctuation between them), and each
//! run of changed lines must hold some of its text, so the lines of one change stay together.

use std::path::Path;

use serde_yaml::Value;
use similar::{ChangeTag, TextDiff};

use crate::support::repo;

/// Texts of both lengths, so that a change both shortens and lengthens, across the widths
/// where the targets wrap doc comments and move a string literal onto its own line.
const DESCRIPTIONS: [&str; 2] = [
    "Shortened.",
    "A much longer description than before, running well past the width at which the \
     generated code wraps its doc comments and moves a string literal onto a line of its own.",
];
const TITLES: [&str; 2] = [
    "Renamed",
    "A Much Longer Title Than Any Other Title In This Spec",
];

#[test]
fn a_changed_description_changes_only_that_codes_lines_in_every_file() {
    check_every_code(
        &repo().join("spec/errors.yaml"),
        "description",
        &DESCRIPTIONS,
    );
}

#[test]
fn a_changed_title_changes_only_that_codes_lines_in_every_file() {
    check_every_code(&repo().join("spec/errors.yaml"), "title", &TITLES);
}

#[test]
fn format_v2_keeps_one_code_changes_to_that_codes_lines_too() {
    let catalog = repo().join("examples/grpc/errors.yaml");
    check_every_code(&catalog, "description", &DESCRIPTIONS);
    check_every_code(&catalog, "title", &TITLES);
}

#[test]
fn a_padded_table_is_caught() {
    // The check itself: the Markdown table as it was, padded to the widest cell, rewrote every
    // row when one description changed.
    let code = Code {
        old: "Long enough text.".to_owned(),
        new: "Short.".to_owned(),
        identifiers: vec!["NotFound".to_owned()],
    };
    let old = "| CODE | DESCRIPTION       |\n| 200  | OK                |\n| 404  | Long enough text. |\n";
    let new = "| CODE | DESCRIPTION |\n| 200  | OK          |\n| 404  | Short.      |\n";
    let problems = foreign_lines(old, new, &code);
    assert_eq!(problems.len(), 4, "{problems:#?}");
    let aligned_old = "| CODE | DESCRIPTION |\n| 200 | OK |\n| 404 | Long enough text. |\n";
    let aligned_new = "| CODE | DESCRIPTION |\n| 200 | OK |\n| 404 | Short. |\n";
    assert!(foreign_lines(aligned_old, aligned_new, &code).is_empty());
}

/// What identifies one code's lines: its text before and after, and its identifiers.
struct Code {
    old: String,
    new: String,
    identifiers: Vec<String>,
}

/// For each code of the spec at `spec`, and each of `texts`, sets the code's `key` to the text
/// and requires every generated file's diff to be that code's lines only.
fn check_every_code(spec: &Path, key: &str, texts: &[&str]) {
    let source = std::fs::read_to_string(spec).unwrap();
    let original: Value = serde_yaml::from_str(&source).unwrap();
    let count = original["codes"].as_sequence().unwrap().len();
    let mut problems = Vec::new();
    for index in 0..count {
        let mut before = original.clone();
        let entry = &mut before["codes"][index];
        // A title is where a v1 code's identifiers come from unless it has a name: keep the
        // identifiers, which a title change does not mean to rename.
        let identifier = identifier_source(entry);
        entry["name"] = Value::String(identifier.clone());
        let old = entry[key].as_str().unwrap().to_owned();
        let mut identifiers = vec![upper_camel(&identifier)];
        identifiers.extend(entry["code"].as_str().map(str::to_owned));
        for text in texts {
            let mut after = before.clone();
            after["codes"][index][key] = Value::String((*text).to_owned());
            let code = Code {
                old: old.clone(),
                new: (*text).to_owned(),
                identifiers: identifiers.clone(),
            };
            for ((path, old_file), (_, new_file)) in render(&before).into_iter().zip(render(&after))
            {
                for problem in foreign_lines(&old_file, &new_file, &code) {
                    problems.push(format!("{path} (code {index}, {key} {text:?}): {problem}"));
                }
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{}: one code's change touched other lines:\n{}",
        spec.display(),
        problems.join("\n")
    );
}

/// The name a code's identifiers come from: its `name`, else its wire code (v2) or title (v1).
fn identifier_source(code: &Value) -> String {
    ["name", "code", "title"]
        .iter()
        .find_map(|key| code[*key].as_str())
        .unwrap()
        .to_owned()
}

/// Every target's file for `spec`, by path.
fn render(spec: &Value) -> Vec<(String, String)> {
    let mut options = errspec::Options::new("spec/errors.yaml");
    options.targets = errspec::Target::ALL.to_vec();
    let text = serde_yaml::to_string(spec).unwrap();
    errspec::render(&text, &options)
        .unwrap_or_else(|e| panic!("{e}\n{text}"))
        .into_iter()
        .map(|file| (file.path.to_string_lossy().into_owned(), file.contents))
        .collect()
}

/// The lines of the diff from `old` to `new` that are not `code`'s, and each run of changed
/// lines that holds none of its text.
fn foreign_lines(old: &str, new: &str, code: &Code) -> Vec<String> {
    let diff = TextDiff::from_lines(old, new);
    let mut problems = Vec::new();
    for hunk in diff.grouped_ops(0) {
        let mut holds_text = false;
        for op in &hunk {
            for change in diff.iter_changes(op) {
                if change.tag() == ChangeTag::Equal {
                    continue;
                }
                let line = change.value().trim_end_matches(['\n', '\r']);
                let text = match change.tag() {
                    ChangeTag::Delete => &code.old,
                    _ => &code.new,
                };
                if shows_text(line, text) {
                    holds_text = true;
                } else if !code.identifiers.iter().any(|id| line.contains(id.as_str()))
                    && !is_punctuation(line)
                {
                    let sign = if change.tag() == ChangeTag::Delete {
                        '-'
                    } else {
                        '+'
                    };
                    problems.push(format!("{sign}{line}"));
                }
            }
        }
        if !holds_text {
            problems.push(format!(
                "a run of changed lines without the code's text: {hunk:?}"
            ));
        }
    }
    problems
}

/// Whether `line` shows `text`, or the part of it that a wrapped comment puts on one line:
/// with escapes and comment markers set aside, the line is in the text, or the text in it.
fn shows_text(line: &str, text: &str) -> bool {
    let unescaped = unescape_code_points(line).replace('\\', "");
    let content = unescaped
        .trim()
        .trim_start_matches("///")
        .trim_start_matches("/**")
        .trim_start_matches('*')
        .trim();
    let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let (content, text) = (words(content), words(text));
    !content.is_empty() && (content.contains(&text) || text.contains(&content))
}

/// `line` with each `\xNN`, `\uNNNN` and `\UNNNNNNNN` escape (the Python target writes
/// every character outside printable ASCII so) replaced by its character.
fn unescape_code_points(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(at) = rest.find('\\') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let digits = match after.chars().next() {
            Some('x') => 2,
            Some('u') => 4,
            Some('U') => 8,
            _ => 0,
        };
        let decoded = after
            .get(1..=digits)
            .filter(|_| digits > 0)
            .and_then(|hex| u32::from_str_radix(hex, 16).ok())
            .and_then(char::from_u32);
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &after[1 + digits..];
            }
            None => {
                out.push('\\');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// A line of punctuation, or of one key and punctuation (`title:`, `},`): layout around a text.
fn is_punctuation(line: &str) -> bool {
    let words = line
        .split(|c: char| !c.is_alphanumeric() && c != '_')
        .filter(|word| !word.is_empty())
        .count();
    words == 0 || (words == 1 && line.trim_end().ends_with(':'))
}

/// `Not Found` -> `NotFound`, `INVALID_ARGUMENT` -> `InvalidArgument`: the identifier most
/// targets give a code.
fn upper_camel(name: &str) -> String {
    name.split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(|word| {
            let mut chars = word.chars();
            let first = chars.next().unwrap().to_uppercase();
            first
                .chain(chars.flat_map(char::to_lowercase))
                .collect::<String>()
        })
        .collect()
}
