//! The Markdown target, read back through a real Markdown parser: the table reproduces the
//! seed page's table row for row, every cell of every spec shows its text as written, and the
//! header comment cannot be broken by the spec's path.

use std::path::Path;

use serde_yaml::Value;

use crate::support::markdown::{Table, blocks, normalize, shown, tables};
use crate::support::{render_one, repo, valid_specs};

/// The seed page's table, copied byte for byte (tabs, padding and mojibake included).
const SEED_TABLE: &str = "tests/fixtures/seed/signzy-table.md";

/// The one table of the page rendered from `spec`.
fn rendered_table(spec: &Path) -> Table {
    let page = render_one(spec, errspec::Target::Markdown, true);
    let mut found = tables(&page);
    assert_eq!(found.len(), 1, "{}: one table in:\n{page}", spec.display());
    found.remove(0)
}

/// Undoes mojibake: text that was UTF-8 but was read as Windows-1252 (`â€™` for `’`). Each
/// run of characters that Windows-1252 encodes above ASCII is turned back into its bytes and,
/// where those are UTF-8, decoded.
fn repair_mojibake(text: &str) -> String {
    /// Windows-1252's bytes 0x80 to 0x9F; `\0` where the byte is undefined.
    const HIGH: [char; 32] = [
        '€', '\0', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\0', 'Ž', '\0', '\0',
        '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\0', 'ž', 'Ÿ',
    ];
    let byte = |c: char| match u32::from(c) {
        0xA0..=0xFF => u8::try_from(u32::from(c)).ok(),
        _ => HIGH
            .iter()
            .position(|&high| high == c && c != '\0')
            .map(|i| 0x80 + i as u8),
    };
    let mut out = String::new();
    let mut run: Vec<u8> = Vec::new();
    let flush = |run: &mut Vec<u8>, out: &mut String| {
        match std::str::from_utf8(run) {
            Ok(text) => out.push_str(text),
            Err(_) => out.extend(run.iter().map(|&b| {
                let high = (0x80..0xA0)
                    .contains(&b)
                    .then(|| HIGH[usize::from(b - 0x80)]);
                high.unwrap_or(char::from(b))
            })),
        }
        run.clear();
    };
    for c in text.chars() {
        match byte(c) {
            Some(b) => run.push(b),
            None => {
                flush(&mut run, &mut out);
                out.push(c);
            }
        }
    }
    flush(&mut run, &mut out);
    out
}

#[test]
fn mojibake_is_repaired_and_other_text_left_alone() {
    assert_eq!(repair_mojibake("couldnâ€™t"), "couldn’t");
    assert_eq!(repair_mojibake("Café, 5 €"), "Café, 5 €");
    assert_eq!(repair_mojibake("plain"), "plain");
}

/// The header's cells, as a reader sees them.
fn headers(table: &Table) -> Vec<String> {
    table
        .header
        .iter()
        .map(|cell| normalize(&cell.text))
        .collect()
}

/// The columns every page has, by their headers: the seed page's three, then the name and the
/// retryability the generated page adds.
const COLUMNS: [&str; 5] = ["CODE", "NAME", "TITLE", "DESCRIPTION", "RETRYABLE"];

#[test]
fn the_table_reproduces_the_seed_pages_table() {
    let fixture = std::fs::read_to_string(repo().join(SEED_TABLE)).unwrap();
    // The fixture is the page as given, so the test compares against the real thing.
    assert!(fixture.contains("| 200\t\t   |"), "tabs and padding kept");
    assert!(fixture.contains("couldnâ€™t"), "mojibake kept");
    let seed = tables(&fixture).remove(0);
    let ours = rendered_table(&repo().join("spec/errors.yaml"));

    assert_eq!(headers(&seed), ["CODE", "TITLE", "DESCRIPTION"]);
    assert_eq!(headers(&ours), COLUMNS);
    // Each of the seed page's columns, found in ours by its header.
    let column = |name: &str| headers(&ours).iter().position(|h| h == name).unwrap();
    let (code, title, description) = (column("CODE"), column("TITLE"), column("DESCRIPTION"));

    assert_eq!(ours.rows.len(), 11);
    assert_eq!(ours.rows.len(), seed.rows.len(), "the same number of rows");
    for (row, (got, want)) in ours.rows.iter().zip(&seed.rows).enumerate() {
        let status =
            |cell: &crate::support::markdown::Cell| -> u16 { cell.text.trim().parse().unwrap() };
        assert_eq!(
            status(&got[code]),
            status(&want[0]),
            "row {row}: the code, in the page's order"
        );
        assert_eq!(
            normalize(&got[title].text),
            normalize(&want[1].text),
            "row {row}: the title"
        );
        assert_eq!(
            normalize(&got[description].text),
            normalize(&repair_mojibake(&want[2].text)),
            "row {row}: the description"
        );
    }
}

/// Each code's name in the TypeScript module of `spec`, by status: the keys of its `ErrorCode`
/// object, the only lines of the file indented by two spaces that end in a status.
fn typescript_names(spec: &Path) -> Vec<(String, u64)> {
    let module = render_one(spec, errspec::Target::TypeScript, true);
    module
        .lines()
        .filter_map(|line| {
            let member = line.strip_prefix("  ")?.strip_suffix(',')?;
            let (name, status) = member.split_once(": ")?;
            let plain = name.chars().all(|c| c.is_ascii_alphanumeric());
            Some((name.to_owned(), status.parse().ok().filter(|_| plain)?))
        })
        .collect()
}

#[test]
fn every_cell_shows_the_spec_text_as_written() {
    for spec in valid_specs() {
        let source = std::fs::read_to_string(&spec).unwrap();
        let doc: Value = serde_yaml::from_str(&source).unwrap();
        let codes = doc["codes"].as_sequence().unwrap();
        let table = rendered_table(&spec);
        let context = spec.display();
        assert_eq!(headers(&table), COLUMNS, "{context}");
        assert_eq!(table.rows.len(), codes.len(), "{context}: one row per code");
        let names = typescript_names(&spec);
        assert_eq!(names.len(), codes.len(), "{context}: the TypeScript names");
        for ((row, code), (name, name_status)) in table.rows.iter().zip(codes).zip(&names) {
            let status = code["status"].as_u64().unwrap();
            let context = format!("{context}, status {status}");
            assert_eq!(row.len(), 5, "{context}: five cells, none split off");
            // The code, with the anchor that links to its row, and nothing else.
            assert_eq!(row[0].text, status.to_string(), "{context}");
            assert_eq!(
                row[0].markup,
                [
                    format!("InlineHtml(Borrowed(\"<a id=\\\"{status}\\\">\"))"),
                    "InlineHtml(Borrowed(\"</a>\"))".to_owned()
                ],
                "{context}: the anchor"
            );
            // The name, in a code span: the code's identifier, as the TypeScript names it.
            assert_eq!(*name_status, status, "{context}");
            assert_eq!(&row[1].text, name, "{context}: the name");
            assert_eq!(row[1].markup, [format!("Code(Borrowed(\"{name}\"))")]);
            for cell in &row[2..] {
                assert!(cell.markup.is_empty(), "{context}: markup in {cell:?}");
            }
            for (cell, key) in row[2..4].iter().zip(["title", "description"]) {
                let want = code[key].as_str().unwrap();
                assert_eq!(
                    normalize(&cell.text),
                    normalize(&shown(want)),
                    "{context}: {key}"
                );
            }
            let retryable = code["retryable"].as_bool().unwrap_or(false);
            let want = if retryable { "yes" } else { "no" };
            assert_eq!(row[4].text, want, "{context}: retryable");
        }
        // One line per code: a change to one code's text changes one line of the page.
        let page = render_one(&spec, errspec::Target::Markdown, true);
        let lines = page.lines().filter(|l| l.starts_with("| <a id=")).count();
        assert_eq!(lines, codes.len(), "{context}");
    }
}

#[test]
fn the_title_and_the_example_body_come_from_the_spec() {
    for spec in valid_specs() {
        let source = std::fs::read_to_string(&spec).unwrap();
        let doc: Value = serde_yaml::from_str(&source).unwrap();
        let page = render_one(&spec, errspec::Target::Markdown, true);
        let outline = blocks(&page);
        let context = spec.display();
        assert_eq!(
            outline[0].0, "HtmlBlock",
            "{context}: the header comes first"
        );
        assert_eq!(outline[1].0, "Heading", "{context}");
        let api = doc["api"]["name"].as_str().unwrap();
        assert_eq!(
            normalize(&outline[1].1),
            normalize(&format!(
                "{} API error codes",
                shown(api).replace('\n', " ")
            )),
            "{context}: the title"
        );
        let code_blocks: Vec<&(String, String)> = outline
            .iter()
            .filter(|(kind, _)| kind == "CodeBlock")
            .collect();
        let example = &doc["api"]["example"];
        if example.is_null() {
            assert!(
                code_blocks.is_empty(),
                "{context}: no example, no code block"
            );
            continue;
        }
        assert_eq!(code_blocks.len(), 1, "{context}");
        let body: serde_json::Value = serde_json::from_str(&code_blocks[0].1)
            .unwrap_or_else(|e| panic!("{context}: the example is not JSON: {e}"));
        let name = doc["api"]["error_name"].as_str().unwrap_or("Error");
        assert_eq!(
            body,
            serde_json::json!({"error": {
                "name": name,
                "status": example["status"].as_u64().unwrap(),
                "message": example["message"].as_str().unwrap(),
            }}),
            "{context}: the example body, exactly"
        );
    }
}

#[test]
fn the_seed_example_body_is_the_pages() {
    let page = render_one(
        &repo().join("spec/errors.yaml"),
        errspec::Target::Markdown,
        true,
    );
    let outline = blocks(&page);
    let (_, json) = outline
        .iter()
        .find(|(kind, _)| kind == "CodeBlock")
        .unwrap();
    let ours: serde_json::Value = serde_json::from_str(json).unwrap();
    let page_body: serde_json::Value =
        serde_json::from_str(crate::support::expected::SEED_EXAMPLE_BODY).unwrap();
    assert_eq!(ours, page_body);
    assert!(page.contains("```json\n"), "the block is marked as JSON");
}

#[test]
fn the_header_comment_survives_any_spec_path() {
    let source = std::fs::read_to_string(repo().join("tests/fixtures/specs/minimal.yaml")).unwrap();
    for name in [
        "a-->b.yaml",
        "x--!>y.yaml",
        "<!-- c -->",
        "dir---/e.yaml",
        "line\nbreak.yaml",
    ] {
        let mut options = errspec::Options::new(name);
        options.targets = vec![errspec::Target::Markdown];
        let page = errspec::render(&source, &options)
            .unwrap()
            .remove(0)
            .contents;
        let first_line = page.lines().next().unwrap();
        let inner = first_line
            .strip_prefix("<!-- ")
            .and_then(|rest| rest.strip_suffix(" -->"))
            .unwrap_or_else(|| panic!("{name:?}: {first_line}"));
        assert!(!inner.contains("--"), "{name:?}: {first_line}");
        let outline = blocks(&page);
        assert_eq!(
            outline[0],
            ("HtmlBlock".to_owned(), format!("{first_line}\n"))
        );
        assert_eq!(
            outline[1].0, "Heading",
            "{name:?}: the page goes on after the comment"
        );
        assert_eq!(tables(&page).len(), 1, "{name:?}");
    }
}
