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

#[test]
fn the_table_reproduces_the_seed_pages_table() {
    let fixture = std::fs::read_to_string(repo().join(SEED_TABLE)).unwrap();
    // The fixture is the page as given, so the test compares against the real thing.
    assert!(fixture.contains("| 200\t\t   |"), "tabs and padding kept");
    assert!(fixture.contains("couldnâ€™t"), "mojibake kept");
    let seed = tables(&fixture).remove(0);
    let ours = rendered_table(&repo().join("spec/errors.yaml"));

    let headers = |table: &Table| -> Vec<String> {
        table
            .header
            .iter()
            .map(|cell| normalize(&cell.text))
            .collect()
    };
    assert_eq!(headers(&seed), ["CODE", "TITLE", "DESCRIPTION"]);
    assert_eq!(headers(&ours), headers(&seed));

    assert_eq!(ours.rows.len(), 11);
    assert_eq!(ours.rows.len(), seed.rows.len(), "the same number of rows");
    for (row, (got, want)) in ours.rows.iter().zip(&seed.rows).enumerate() {
        let code = |cells: &[crate::support::markdown::Cell]| -> u16 {
            cells[0].text.trim().parse().unwrap()
        };
        assert_eq!(
            code(got),
            code(want),
            "row {row}: the code, in the page's order"
        );
        assert_eq!(
            normalize(&got[1].text),
            normalize(&want[1].text),
            "row {row}: the title"
        );
        assert_eq!(
            normalize(&got[2].text),
            normalize(&repair_mojibake(&want[2].text)),
            "row {row}: the description"
        );
    }
}

#[test]
fn every_cell_shows_the_spec_text_as_written() {
    for spec in valid_specs() {
        let source = std::fs::read_to_string(&spec).unwrap();
        let doc: Value = serde_yaml::from_str(&source).unwrap();
        let codes = doc["codes"].as_sequence().unwrap();
        let table = rendered_table(&spec);
        let context = spec.display();
        assert_eq!(table.rows.len(), codes.len(), "{context}: one row per code");
        for (row, code) in table.rows.iter().zip(codes) {
            let status = code["status"].as_u64().unwrap();
            let context = format!("{context}, status {status}");
            assert_eq!(row.len(), 3, "{context}: three cells, none split off");
            for cell in row {
                assert!(cell.markup.is_empty(), "{context}: markup in {cell:?}");
            }
            assert_eq!(row[0].text, status.to_string(), "{context}");
            for (cell, key) in row[1..].iter().zip(["title", "description"]) {
                let want = code[key].as_str().unwrap();
                assert_eq!(
                    normalize(&cell.text),
                    normalize(&shown(want)),
                    "{context}: {key}"
                );
            }
        }
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
