//! The generated Rust, under the real tools: rustfmt, rustc, clippy, and a program that runs
//! it. Every value is compared with the spec as the test reads it.

use std::process::Command;

use serde_json::{Value, json};

use crate::support::expected::{self, SEED_EXAMPLE_BODY};
use crate::support::rust_harness::{self, modules};
use crate::support::{render_one, run_ok, valid_specs};

#[test]
fn generated_rust_is_formatted_as_rustfmt_formats_it() {
    let dir = tempfile::tempdir().unwrap();
    for spec in valid_specs() {
        for serde in [true, false] {
            let path = dir.path().join("error_codes.rs");
            std::fs::write(&path, render_one(&spec, errspec::Target::Rust, serde)).unwrap();
            // Consumers format with their own edition's style; the output suits both.
            for edition in ["2021", "2024"] {
                let what = format!("rustfmt --check --edition {edition} on {}", spec.display());
                run_ok(
                    Command::new("rustfmt")
                        .args(["--check", "--edition", edition])
                        .arg(&path),
                    &what,
                );
            }
        }
    }
}

#[test]
fn std_only_rust_compiles_without_any_dependency() {
    let dir = tempfile::tempdir().unwrap();
    for spec in valid_specs() {
        let code = dir.path().join("error_codes.rs");
        std::fs::write(&code, render_one(&spec, errspec::Target::Rust, false)).unwrap();
        let crate_root = dir.path().join("lib.rs");
        let root = "//! A crate with no dependencies.\n\n/// The generated code.\npub mod generated {\n    include!(\"error_codes.rs\");\n}\n";
        std::fs::write(&crate_root, root).unwrap();
        let what = format!("rustc on the std-only Rust of {}", spec.display());
        run_ok(
            Command::new("rustc")
                .args([
                    "--edition",
                    "2024",
                    "--crate-type",
                    "lib",
                    "-D",
                    "warnings",
                    "-D",
                    "missing-docs",
                ])
                .arg("--out-dir")
                .arg(dir.path())
                .arg(&crate_root),
            &what,
        );
    }
}

#[test]
fn compiled_facts_equal_the_spec() {
    for module in modules() {
        let spec = expected::read(&module.spec);
        let facts = rust_harness::query(&["facts", &module.name]);
        let codes = facts["codes"].as_array().unwrap();
        let context = &module.name;
        assert_eq!(
            codes.len(),
            spec.codes.len(),
            "{context}: one variant per code"
        );
        for (got, want) in codes.iter().zip(&spec.codes) {
            let context = format!("{context}, status {}", want.status);
            assert_eq!(
                got["status"], want.status,
                "{context}: status, in spec order"
            );
            assert_eq!(got["title"], want.title.as_str(), "{context}: title");
            assert_eq!(
                got["description"],
                want.description.as_str(),
                "{context}: description"
            );
            assert_eq!(
                got["is_retryable"], want.retryable,
                "{context}: is_retryable"
            );
            assert_eq!(got["is_error"], want.status >= 400, "{context}: is_error");
            assert_eq!(
                got["display"],
                format!("{} {}", want.status, want.title),
                "{context}"
            );
            assert_eq!(
                got["from_status"], true,
                "{context}: from_status round trip"
            );
            assert_eq!(got["try_from"], true, "{context}: TryFrom round trip");
            assert_eq!(
                got["name"], got["variant"],
                "{context}: name() spells the variant"
            );
            let line = format!("{} {}", want.status, want.title);
            assert_eq!(
                got["padded"],
                json!([
                    format!("[{line:>70}]"),
                    format!("[{line:*<70}]"),
                    format!("[{line:^9.3}]")
                ]),
                "{context}: Display honours width, fill, alignment and precision"
            );
            assert_eq!(got["into_u16"], want.status, "{context}: u16::from");
            assert_eq!(got["from_name"], true, "{context}: from_name(name())");
            assert_eq!(got["parsed"], true, "{context}: name().parse()");
            assert_eq!(
                got["parsed_lowercase"], false,
                "{context}: parse() takes the name as spelt"
            );
            let error = want.status >= 400;
            assert_eq!(
                got["try_new"],
                if error {
                    json!(want.status)
                } else {
                    Value::Null
                },
                "{context}: ErrorBody::try_new builds bodies for error codes only"
            );
            if error {
                assert_eq!(got["new_panics"], Value::Null, "{context}: ErrorBody::new");
            } else {
                let message = got["new_panics"].as_str().unwrap_or_else(|| {
                    panic!("{context}: ErrorBody::new accepts a success code in a debug build")
                });
                assert_eq!(
                    message,
                    format!("ErrorBody::new takes an error code, and {line} is a success code"),
                    "{context}"
                );
            }
        }
        assert_eq!(
            facts["known_statuses"],
            spec.codes.len(),
            "{context}: from_status knows only the spec's statuses"
        );
        assert_eq!(
            facts["try_from_0"], "no error code has status 0",
            "{context}"
        );
        let mut statuses: Vec<u16> = spec.codes.iter().map(|code| code.status).collect();
        statuses.sort_unstable();
        assert_eq!(
            facts["sorted"],
            json!(statuses),
            "{context}: Ord is by status"
        );
        assert_eq!(
            facts["ordered_by_status"], true,
            "{context}: Ord, PartialOrd"
        );
        assert_eq!(
            facts["unknown_name"], "no error code is named \"not a name\"",
            "{context}: FromStr's error, as a std::error::Error"
        );
        assert_eq!(
            facts["unknown_status"], "no error code has status 0",
            "{context}: TryFrom's error, as a std::error::Error"
        );
    }
}

#[test]
fn the_specs_order_differs_from_the_status_order_somewhere() {
    // Otherwise the ordering test above could not tell `Ord` by status from `Ord` by variant.
    let unsorted = valid_specs().iter().any(|spec| {
        let codes = expected::read(spec).codes;
        codes.windows(2).any(|pair| pair[0].status > pair[1].status)
    });
    assert!(unsorted, "no fixture lists its codes out of status order");
}

#[test]
fn error_codes_with_serde_are_their_statuses() {
    for module in modules().into_iter().filter(|m| m.serde) {
        let spec = expected::read(&module.spec);
        let context = &module.name;
        let out = rust_harness::query(&["code_serde", &module.name]);
        let codes = out["codes"].as_array().unwrap();
        assert_eq!(codes.len(), spec.codes.len(), "{context}");
        for (got, want) in codes.iter().zip(&spec.codes) {
            assert_eq!(got["serialized"], want.status, "{context}: serialized");
            assert_eq!(got["back"], true, "{context}: {} read back", want.status);
        }
        let unknown = out["unknown"].as_u64().unwrap();
        assert!(
            spec.codes
                .iter()
                .all(|code| u64::from(code.status) != unknown),
            "{context}"
        );
        assert_eq!(
            out["refused"],
            format!("no error code has status {unknown}"),
            "{context}: an unknown status is refused, by name"
        );
        assert_eq!(
            out["string_refused"], true,
            "{context}: a status is a number"
        );
        assert_eq!(out["list_round_trips"], true, "{context}: ALL as JSON");
    }
}

#[test]
fn error_bodies_carry_the_code_and_the_spec_error_name() {
    let message = "a \"quoted\" message, ünïcödé, </script> and a \\ backslash";
    for module in modules() {
        let spec = expected::read(&module.spec);
        let out = rust_harness::query(&["body", &module.name, message]);
        assert_eq!(out["NAME"], spec.error_name.as_str(), "{}", module.name);
        let bodies = out["bodies"].as_array().unwrap();
        let errors: Vec<_> = spec.codes.iter().filter(|c| c.status >= 400).collect();
        assert_eq!(bodies.len(), errors.len(), "{}", module.name);
        for (body, code) in bodies.iter().zip(errors) {
            assert_eq!(body["status"], code.status, "{}", module.name);
            assert_eq!(body["name"], spec.error_name.as_str(), "{}", module.name);
            assert_eq!(body["message"], message, "{}", module.name);
            assert_eq!(body["code_round_trips"], true, "{}", module.name);
        }
    }
}

#[test]
fn the_seed_example_body_round_trips_exactly() {
    let compact: String = SEED_EXAMPLE_BODY
        .split_whitespace()
        .collect::<Vec<_>>()
        .join("");
    let compact = compact.replace("wrongelementintype", "wrong element in type");
    assert_eq!(
        compact,
        r#"{"error":{"name":"Error","status":400,"message":"wrong element in type"}}"#
    );
    let out = rust_harness::query(&["serde", "errors_serde", SEED_EXAMPLE_BODY]);
    assert_eq!(
        out["reserialized"],
        compact.as_str(),
        "deserialize then serialize changes nothing"
    );
    assert_eq!(
        out["rebuilt"],
        compact.as_str(),
        "ErrorBody::new(BadRequest, message) is the page's example body"
    );
}

#[test]
fn every_spec_with_serde_round_trips_its_bodies() {
    for module in modules().into_iter().filter(|m| m.serde) {
        let spec = expected::read(&module.spec);
        for code in spec.codes.iter().filter(|c| c.status >= 400) {
            // Written by hand to keep the field order of the generated structs.
            let text = |s: &str| Value::from(s).to_string();
            let input = format!(
                r#"{{"error":{{"name":{},"status":{},"message":{}}}}}"#,
                text(&spec.error_name),
                code.status,
                text("m \u{2028} \"q\" </script>"),
            );
            let out = rust_harness::query(&["serde", &module.name, &input]);
            assert_eq!(
                out["reserialized"],
                input.as_str(),
                "{}: {}",
                module.name,
                code.status
            );
            assert_eq!(
                out["rebuilt"],
                input.as_str(),
                "{}: {}",
                module.name,
                code.status
            );
        }
    }
}

/// Doc comments are Markdown to rustdoc: a description line that Markdown would read as a
/// list item gets a backslash, and one that only looks like one does not, so the comment says
/// what the spec says with as little escaping as that takes.
#[test]
fn doc_comments_escape_a_line_start_only_where_markdown_reads_a_list() {
    let descriptions = [
        ("1. one", r"1\. one"),
        ("2) two", r"2\) two"),
        ("3.", r"3\."),
        ("4)", r"4\)"),
        (". five", ". five"),
        (") six", ") six"),
        ("7.5 seven", "7.5 seven"),
        ("8x. eight", "8x. eight"),
    ];
    let mut spec = "version: 1\napi:\n  name: Acme\ncodes:\n".to_owned();
    for (index, (description, _)) in descriptions.iter().enumerate() {
        spec.push_str(&format!(
            "  - status: {}\n    title: Code {index}\n    description: \"{description}\"\n",
            400 + index
        ));
    }
    let mut options = errspec::Options::new("errors.yaml");
    options.targets = vec![errspec::Target::Rust];
    let rust = errspec::render(&spec, &options).unwrap().remove(0).contents;
    for (index, (_, doc)) in descriptions.iter().enumerate() {
        let title = format!("    /// {} Code {index}\n    ///\n", 400 + index);
        let expected = format!("{title}    /// {doc}\n    Code{index} = {},\n", 400 + index);
        assert!(rust.contains(&expected), "{expected}in:\n{rust}");
    }
}
