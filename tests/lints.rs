//! One test per lint: the id, the message and the line:column of the node it points at; then
//! `allow:`, `deny_warnings`, and the seed spec's own hits. Specs are written inline.

use errspec::{Diagnostic, Error, Options, Severity};

use crate::support::repo;

/// The warnings for `source`, which must be valid.
fn warnings(source: &str) -> Vec<Diagnostic> {
    let warnings = errspec::validate(source, &Options::new("errors.yaml"))
        .unwrap_or_else(|e| panic!("expected a valid spec, got:\n{e}\n{source}"));
    assert!(warnings.iter().all(|w| w.severity == Severity::Warning));
    warnings
}

/// `(id, "line:column")` of each warning.
fn found(source: &str) -> Vec<(&'static str, String)> {
    warnings(source)
        .iter()
        .map(|w| {
            let at = w.location.expect("a warning has a position");
            (w.id, format!("{}:{}", at.line, at.column))
        })
        .collect()
}

const HEAD: &str = "version: 1\napi:\n  name: Acme\ncodes:\n";

/// A spec of one code per `(status, title)`, each with `extra` lines (indented 4) after it.
fn spec(codes: &[(u16, &str, &str)]) -> String {
    let mut text = HEAD.to_owned();
    for (status, title, extra) in codes {
        text.push_str(&format!(
            "  - status: {status}\n    title: {title}\n    description: d.\n{extra}"
        ));
    }
    text
}

#[test]
fn a_title_must_be_the_registered_reason_phrase_up_to_case_and_spacing() {
    let source = spec(&[(401, "Authorization Required", ""), (404, "Not  found", "")]);
    let all = warnings(&source);
    assert_eq!(all.len(), 2, "{all:#?}");
    let reason = &all[0];
    assert_eq!(reason.id, "TITLE_NOT_REASON_PHRASE");
    assert_eq!(
        reason.message,
        "the title \"Authorization Required\" is not 401's registered reason phrase, \"Unauthorized\""
    );
    let at = reason.location.unwrap();
    assert_eq!((at.line, at.column), (6, 12));
    assert!(
        reason
            .hint
            .as_ref()
            .unwrap()
            .starts_with("write `title: Unauthorized`")
    );
    assert_eq!(all[1].id, "TITLE_CASE", "case is TITLE_CASE's business");
}

#[test]
fn statuses_outside_the_registry_are_reported_and_reserved_ones_too() {
    let source = spec(&[
        (299, "Custom", ""),
        (418, "Teapot", ""),
        (306, "Switch Proxy", ""),
        (104, "Upload Resumption Supported", ""),
        (510, "Not Extended", ""),
    ]);
    assert_eq!(
        found(&source),
        [
            ("UNREGISTERED_STATUS", "5:13".to_owned()),
            ("UNREGISTERED_STATUS", "8:13".to_owned()),
            ("UNREGISTERED_STATUS", "11:13".to_owned()),
        ]
    );
    let all = warnings(&source);
    assert_eq!(all[0].message, "status 299 is not in the IANA registry");
    assert!(all[0].hint.as_ref().unwrap().contains("treat it as 200 OK"));
    assert_eq!(
        all[1].message,
        "status 418 is reserved as (Unused) in the IANA registry"
    );
}

#[test]
fn a_status_that_is_not_an_error_cannot_be_retryable() {
    let retryable = "    retryable: true\n";
    let source = spec(&[
        (204, "No Content", retryable),
        (302, "Found", retryable),
        (503, "Service Unavailable", retryable),
        (500, "Internal Server Error", "    retryable: false\n"),
        // 400 is the first error status: retrying it is the client's business, not a slip.
        (400, "Bad Request", retryable),
    ]);
    assert_eq!(
        found(&source),
        [
            ("RETRYABLE_SUCCESS", "8:16".to_owned()),
            ("RETRYABLE_SUCCESS", "12:16".to_owned()),
        ]
    );
}

#[test]
fn a_description_must_not_end_in_two_periods_but_may_in_an_ellipsis() {
    let mut source = HEAD.to_owned();
    for (status, ending) in [
        (400, "."),
        (401, ".."),
        (402, "..."),
        (403, "...."),
        (404, ".. "),
    ] {
        source.push_str(&format!(
            "  - status: {status}\n    name: C{status}\n    title: Bad Request\n    description: \"text{ending}\"\n"
        ));
    }
    let got: Vec<(&str, String)> = found(&source)
        .into_iter()
        .filter(|(id, _)| *id != "TITLE_NOT_REASON_PHRASE")
        .collect();
    assert_eq!(
        got,
        [
            ("DESCRIPTION_DOUBLE_PERIOD", "12:18".to_owned()),
            ("DESCRIPTION_DOUBLE_PERIOD", "20:18".to_owned()),
            ("DESCRIPTION_DOUBLE_PERIOD", "24:18".to_owned()),
        ]
    );
    let all = warnings(&source);
    let first = all
        .iter()
        .find(|w| w.id == "DESCRIPTION_DOUBLE_PERIOD")
        .unwrap();
    assert_eq!(first.message, "the description ends in \"..\"");
}

#[test]
fn titles_in_another_case_than_most_are_reported_with_a_rewrite() {
    let source = spec(&[
        (400, "Bad Request", ""),
        (404, "Not Found", ""),
        (409, "Conflict", ""),
        (406, "Not acceptable", ""),
    ]);
    let all = warnings(&source);
    assert_eq!(all.len(), 1, "{all:#?}");
    assert_eq!(all[0].id, "TITLE_CASE");
    assert_eq!(
        all[0].message,
        "the title \"Not acceptable\" is in sentence case, while 2 other titles are in title case"
    );
    assert!(
        all[0]
            .hint
            .as_ref()
            .unwrap()
            .starts_with("write `title: Not Acceptable`")
    );
    let at = all[0].location.unwrap();
    assert_eq!((at.line, at.column), (15, 12));
    // One style throughout, whichever it is, is consistent.
    let sentence = spec(&[(400, "Bad request", ""), (404, "Not found", "")]);
    assert!(found(&sentence).is_empty());
}

#[test]
fn a_comment_that_cut_an_unquoted_text_is_reported_at_its_hash_with_the_quoted_text() {
    let source = format!(
        "{HEAD}  - status: 404\n    title: Not Found\n    description: The URL #requested is invalid.\n"
    );
    let all = warnings(&source);
    assert_eq!(all.len(), 1, "{all:#?}");
    assert_eq!(all[0].id, "COMMENT_IN_TEXT");
    assert_eq!(
        all[0].message,
        "the description stops before `#requested is invalid.`, which YAML reads as a comment, \
         not as text"
    );
    assert_eq!(
        all[0].hint.as_deref(),
        Some(
            "if it belongs to the description, quote the whole text: \
             `description: \"The URL #requested is invalid.\"`; if it is a comment, put it on a \
             line of its own, or add `allow: [COMMENT_IN_TEXT]` to this code to keep it"
        )
    );
    let (at, end) = (all[0].location.unwrap(), all[0].end.unwrap());
    assert_eq!((at.line, at.column), (7, 26), "at the `#`");
    assert_eq!((end.line, end.column), (7, 48), "to the end of the line");

    // A title, a name, and the last line of a text that runs over several lines.
    let source = format!(
        "{HEAD}  - status: 404\n    title: Not Found # see \"a\\b\"\n    name: Missing #2\n    \
         description: The URL requested\n      is invalid #really\n"
    );
    assert_eq!(
        found(&source),
        [
            ("COMMENT_IN_TEXT", "6:22".to_owned()),
            ("COMMENT_IN_TEXT", "7:19".to_owned()),
            ("COMMENT_IN_TEXT", "9:18".to_owned()),
        ]
    );
    let hints: Vec<String> = warnings(&source)
        .into_iter()
        .map(|w| w.hint.unwrap())
        .collect();
    assert!(
        hints[0].contains(r#"`title: "Not Found # see \"a\\b\""`"#),
        "{}",
        hints[0]
    );
    assert!(hints[1].contains(r#"`name: "Missing #2"`"#), "{}", hints[1]);
    assert!(
        hints[2].contains(r#"`description: "The URL requested is invalid #really"`"#),
        "{}",
        hints[2]
    );

    // An anchored value is plain text too; an alias after it is no text of its own.
    let source = format!(
        "{HEAD}  - status: 404\n    title: Not Found\n    description: &d Gone. #1\n  - status: \
         410\n    title: Gone\n    description: *d # the same text\n"
    );
    assert_eq!(found(&source), [("COMMENT_IN_TEXT", "7:27".to_owned())]);
    // The anchor is not text: the hints quote the values alone, the name's too.
    let source = format!(
        "{HEAD}  - status: 404\n    title: &t Not Found #1\n    description: &d Gone. #2\n    name: &n !!str Missing #3\n"
    );
    let hints: Vec<String> = warnings(&source)
        .into_iter()
        .map(|w| w.hint.unwrap())
        .collect();
    assert!(
        hints[0].contains(r#"`title: "Not Found #1"`"#),
        "{}",
        hints[0]
    );
    assert!(
        hints[1].contains(r#"`description: "Gone. #2"`"#),
        "{}",
        hints[1]
    );
    assert!(hints[2].contains(r#"`name: "Missing #3"`"#), "{}", hints[2]);
    // Blanks before the `#` are not the comment's, however many.
    let source =
        format!("{HEAD}  - status: 404\n    title: Not Found   # see\n    description: d.\n");
    assert_eq!(found(&source), [("COMMENT_IN_TEXT", "6:24".to_owned())]);

    // A `#` that YAML keeps as text, or a comment after a value that is not plain, is fine.
    for fine in [
        "    title: Not Found\n    description: Issue#12 is \"#1\" in C#.\n",
        "    title: \"Not Found\" # a comment after a quoted value\n    description: d.\n",
        "    title: Not Found \t \n    description: d.\n",
        "    title: &t !!str 'Not Found' # after an anchor and a tag\n    description: d.\n",
        "    title: Not Found\n    description: > # a comment on the header\n      #1 in text.\n    \
         # a comment on its own line\n",
    ] {
        let source = format!("{HEAD}  - status: 404\n{fine}");
        assert!(found(&source).is_empty(), "{fine}");
    }
    let allowed = format!(
        "{HEAD}  - status: 404\n    title: Not Found # the IANA phrase\n    description: d.\n    \
         allow: [COMMENT_IN_TEXT]\n"
    );
    assert!(found(&allowed).is_empty(), "allow: silences it");
}

#[test]
fn a_code_with_a_replacement_must_say_it_is_deprecated() {
    let spec = "version: 2\napi:\n  name: Payments\ncodes:
  - code: card_declined
    status: 402
    title: Card declined
    description: D.
  - code: card_expired
    status: 402
    title: Card expired
    description: D.
    replaced_by: card_declined
  - code: card_lost
    status: 402
    title: Card lost
    description: D.
    deprecated: Use card_declined.
    replaced_by: card_declined
";
    let all = warnings(spec);
    assert_eq!(
        found(spec),
        [("REPLACED_WITHOUT_DEPRECATION", "13:18".to_owned())]
    );
    assert_eq!(
        all[0].message,
        "the code names `card_declined` as its replacement but is not deprecated"
    );
    assert_eq!(
        all[0].hint.as_deref(),
        Some(
            "add `deprecated:` saying why, e.g. `deprecated: Use card_declined instead.`, or \
             remove `replaced_by`, or add `allow: [REPLACED_WITHOUT_DEPRECATION]` to this code to \
             keep it"
        )
    );
}

#[test]
fn allow_silences_one_lint_on_its_code_only() {
    let allow = "    allow: [TITLE_NOT_REASON_PHRASE]\n";
    let source = spec(&[(401, "Login Required", allow), (403, "Access Denied", "")]);
    assert_eq!(
        found(&source),
        [("TITLE_NOT_REASON_PHRASE", "10:12".to_owned())],
        "403 still warns"
    );
}

#[test]
fn an_allow_that_silences_nothing_is_itself_a_warning() {
    let source = spec(&[(404, "Not Found", "    allow: [TITLE_CASE]\n")]);
    let all = warnings(&source);
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].id, "UNUSED_ALLOW");
    assert_eq!(
        all[0].message,
        "`allow: [TITLE_CASE]` silences nothing: TITLE_CASE does not fire on this code"
    );
    let at = all[0].location.unwrap();
    assert_eq!((at.line, at.column), (8, 13), "at the entry itself");
}

#[test]
fn an_id_allowed_twice_is_reported_once_as_repeated() {
    // 401's title fires TITLE_NOT_REASON_PHRASE: its first allow silences it, the second is
    // a repeat. Neither TITLE_CASE nor DESCRIPTION_DOUBLE_PERIOD fires: each silences nothing,
    // and TITLE_CASE's second entry is a repeat.
    let allow = "    allow: [TITLE_NOT_REASON_PHRASE, TITLE_CASE, DESCRIPTION_DOUBLE_PERIOD, \
                 TITLE_NOT_REASON_PHRASE, TITLE_CASE]\n";
    let source = spec(&[(401, "Login Required", allow)]);
    let messages: Vec<(&str, String)> = warnings(&source)
        .into_iter()
        .map(|w| (w.id, w.message))
        .collect();
    let nothing =
        |id: &str| format!("`allow: [{id}]` silences nothing: {id} does not fire on this code");
    let twice = |id: &str| format!("`{id}` is allowed twice on this code");
    assert_eq!(
        messages,
        [
            ("UNUSED_ALLOW", nothing("TITLE_CASE")),
            ("UNUSED_ALLOW", nothing("DESCRIPTION_DOUBLE_PERIOD")),
            ("UNUSED_ALLOW", twice("TITLE_NOT_REASON_PHRASE")),
            ("UNUSED_ALLOW", twice("TITLE_CASE")),
        ]
    );
}

/// The `CODE_STYLE` warnings of a v2 spec with these wire codes, as `(code, message, hint)`.
fn code_style(codes: &[&str]) -> Vec<(String, String)> {
    let mut source = "version: 2\napi:\n  name: Payments\ncodes:\n".to_owned();
    for (index, code) in codes.iter().enumerate() {
        source.push_str(&format!(
            "  - code: {code}\n    status: 400\n    title: Error {index}\n    description: D.\n"
        ));
    }
    warnings(&source)
        .into_iter()
        .filter(|w| w.id == "CODE_STYLE")
        .map(|w| (w.message, w.hint.unwrap()))
        .collect()
}

#[test]
fn two_codes_in_two_styles_tie_and_the_first_style_listed_wins() {
    // One code has no style to differ from; two already do. A tie goes to the styles'
    // order: snake_case, UPPER_SNAKE_CASE, kebab-case, camelCase, PascalCase.
    assert_eq!(code_style(&["QUOTA_EXCEEDED"]), []);
    let keep = "if the API does not send this code yet (a sent code cannot change), or add \
                `allow: [CODE_STYLE]` to this code to keep it";
    assert_eq!(
        code_style(&["QUOTA_EXCEEDED", "card_declined"]),
        [(
            "the code `QUOTA_EXCEEDED` is not in snake_case, while 1 other code is".to_owned(),
            format!("write `code: quota_exceeded` {keep}")
        )]
    );
    assert_eq!(
        code_style(&["cardDeclined", "quota-exceeded", "CardExpired"]),
        [
            (
                "the code `cardDeclined` is not in kebab-case, while 1 other code is".to_owned(),
                format!("write `code: card-declined` {keep}")
            ),
            (
                "the code `CardExpired` is not in kebab-case, while 1 other code is".to_owned(),
                format!("write `code: card-expired` {keep}")
            ),
        ]
    );
}

#[test]
fn an_unknown_lint_id_is_an_error_that_lists_the_ids() {
    let source = spec(&[(404, "Not Found", "    allow: [TITLE_CAS]\n")]);
    let Err(Error::InvalidSpec(all)) = errspec::validate(&source, &Options::new("errors.yaml"))
    else {
        panic!("an unknown lint id is refused")
    };
    assert_eq!(all.len(), 1);
    assert_eq!(
        (all[0].id, all[0].severity),
        ("UNKNOWN_LINT", Severity::Error)
    );
    assert_eq!(all[0].message, "unknown lint `TITLE_CAS` in `allow`");
    assert_eq!(
        all[0].hint.as_deref(),
        Some(
            "the lints are TITLE_NOT_REASON_PHRASE, UNREGISTERED_STATUS, RETRYABLE_SUCCESS, \
             DESCRIPTION_DOUBLE_PERIOD, TITLE_CASE, CODE_STYLE, TITLE_IS_CODE, \
             REPLACED_WITHOUT_DEPRECATION and COMMENT_IN_TEXT"
        )
    );
    let at = all[0].location.unwrap();
    assert_eq!((at.line, at.column), (8, 13));
}

#[test]
fn lints_wait_until_the_spec_is_valid() {
    let source = spec(&[(401, "Authorization Required", ""), (404, "", "")]);
    let Err(Error::InvalidSpec(all)) = errspec::validate(&source, &Options::new("errors.yaml"))
    else {
        panic!("the empty title is an error")
    };
    let ids: Vec<&str> = all.iter().map(|d| d.id).collect();
    assert_eq!(
        ids,
        ["EMPTY_STRING"],
        "no warning repeats or precedes an error"
    );
}

#[test]
fn warnings_do_not_stop_generation_unless_denied() {
    let source = spec(&[(401, "Authorization Required", "")]);
    let mut options = Options::new("errors.yaml");
    options.targets = errspec::Target::ALL.to_vec();
    assert!(errspec::render(&source, &options).is_ok());
    options.deny_warnings = true;
    let Err(Error::InvalidSpec(denied)) = errspec::render(&source, &options) else {
        panic!("denied warnings fail rendering")
    };
    assert_eq!(denied.len(), 1);
    assert_eq!(
        (denied[0].id, denied[0].severity),
        ("TITLE_NOT_REASON_PHRASE", Severity::Error),
        "a denied warning is reported as an error"
    );
    assert!(errspec::validate(&source, &options).is_err());
}

#[test]
fn the_generator_denies_warnings_and_then_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let spec_path = dir.path().join("errors.yaml");
    std::fs::write(&spec_path, spec(&[(401, "Authorization Required", "")])).unwrap();
    let out = dir.path().join("out");
    let mut generator = errspec::Generator::new(&spec_path);
    generator.out_dir(&out).emit_rerun_if_changed(false);
    assert_eq!(
        generator.validate().unwrap().len(),
        1,
        "validate returns the warnings"
    );
    generator.deny_warnings(true);
    assert!(matches!(generator.validate(), Err(Error::InvalidSpec(_))));
    assert!(matches!(generator.generate(), Err(Error::InvalidSpec(_))));
    assert!(!out.exists(), "nothing written");
    generator.deny_warnings(false);
    assert_eq!(generator.generate().unwrap().len(), 1);
}

#[test]
fn the_seed_spec_allows_exactly_the_pages_own_deviations() {
    let source = std::fs::read_to_string(repo().join("spec/errors.yaml")).unwrap();
    // Every allow is needed: an allow that silenced nothing would be a warning.
    let seed_warnings = warnings(&source);
    assert!(seed_warnings.is_empty(), "{seed_warnings:#?}");
    let without_allows: String = source
        .lines()
        .filter(|line| !line.trim_start().starts_with("allow:"))
        .map(|line| format!("{line}\n"))
        .collect();
    let hits: Vec<(u16, &str)> = warnings(&without_allows)
        .iter()
        .map(|w| {
            let line = w.location.unwrap().line;
            let status = without_allows
                .lines()
                .take(line)
                .filter_map(|l| l.trim_start().strip_prefix("- status: "))
                .last()
                .unwrap()
                .parse()
                .unwrap();
            (status, w.id)
        })
        .collect();
    assert_eq!(
        hits,
        [
            (401, "TITLE_NOT_REASON_PHRASE"),
            (403, "TITLE_NOT_REASON_PHRASE"),
            (422, "TITLE_NOT_REASON_PHRASE"),
            (422, "TITLE_CASE"),
            (500, "DESCRIPTION_DOUBLE_PERIOD"),
            (502, "TITLE_NOT_REASON_PHRASE"),
        ]
    );
}

/// Not a test on its own: the test below runs this test binary again with only this function,
/// in a folder with a spec and the environment cargo gives a build script, and reads what it
/// prints, as cargo would.
#[test]
#[ignore = "run in a child process by a_build_script_prints_warnings_as_cargo_warning_lines"]
fn build_script_in_a_child_process() {
    errspec::Generator::new("errors.yaml")
        .target(errspec::Target::Rust)
        .generate()
        .unwrap();
}

#[test]
fn a_build_script_prints_warnings_as_cargo_warning_lines() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("errors.yaml"),
        spec(&[(401, "Authorization Required", "")]),
    )
    .unwrap();
    let out_dir = dir.path().join("out");
    let run = crate::support::run_ok(
        std::process::Command::new(std::env::current_exe().unwrap())
            .args(["--exact", "lints::build_script_in_a_child_process"])
            .args(["--ignored", "--nocapture", "--test-threads", "1"])
            .current_dir(dir.path())
            // What cargo sets for a build script.
            .env("OUT_DIR", &out_dir)
            .env("CARGO_MANIFEST_DIR", dir.path()),
        "the build script in a child process",
    );
    // libtest writes `test ... ` before the first line the test prints.
    let cargo_lines: Vec<&str> = run
        .stdout
        .lines()
        .filter_map(|line| line.find("cargo:").map(|at| &line[at..]))
        .collect();
    assert_eq!(
        cargo_lines,
        [
            "cargo:rerun-if-changed=errors.yaml",
            "cargo:warning=errors.yaml:6:12: warning: the title \"Authorization Required\" is not 401's registered reason phrase, \"Unauthorized\"",
            "cargo:warning=  hint: write `title: Unauthorized`, or add `allow: [TITLE_NOT_REASON_PHRASE]` to this code to keep it",
        ],
        "{}",
        run.stdout
    );
    assert!(
        out_dir.join("rust/error_codes.rs").is_file(),
        "and it generated"
    );
}

#[test]
fn a_title_that_is_the_code_itself_is_reported_with_a_readable_one() {
    let spec = "version: 2\napi:\n  name: Payments\ncodes:
  - code: card_declined
    status: 402
    title: card_declined
    description: D.
  - code: card_expired
    status: 402
    title: Card expired
    description: D.
";
    // A lower-case code is no sentence case either.
    assert_eq!(
        found(spec),
        [
            ("TITLE_CASE", "7:12".to_owned()),
            ("TITLE_IS_CODE", "7:12".to_owned())
        ]
    );
    let all: Vec<Diagnostic> = warnings(spec)
        .into_iter()
        .filter(|w| w.id == "TITLE_IS_CODE")
        .collect();
    assert_eq!(
        all[0].message,
        "the title \"card_declined\" is the code itself"
    );
    assert_eq!(
        all[0].hint.as_deref(),
        Some(
            "write the title people read, e.g. `title: Card declined`, or add \
             `allow: [TITLE_IS_CODE]` to this code to keep it"
        )
    );
}
