//! One test per validation rule: the id, the message and the exact line:column of the node at
//! fault. Specs are written inline so each test shows the input it judges.

use errspec::{Diagnostic, Error, Options};

/// The diagnostics for `source`, which must be invalid.
pub(crate) fn diagnostics(source: &str) -> Vec<Diagnostic> {
    match errspec::render(source, &Options::new("errors.yaml")) {
        Err(Error::InvalidSpec(diagnostics)) => diagnostics,
        Err(other) => panic!("expected diagnostics, got {other}"),
        Ok(_) => panic!("expected the spec to be refused:\n{source}"),
    }
}

/// The one diagnostic for `source`, with its position as `line:column`.
pub(crate) fn only(source: &str) -> (Diagnostic, String) {
    let mut all = diagnostics(source);
    assert_eq!(all.len(), 1, "expected one diagnostic, got {all:#?}");
    let diagnostic = all.remove(0);
    let at = diagnostic.location.expect("the diagnostic has a position");
    let position = format!("{}:{}", at.line, at.column);
    (diagnostic, position)
}

const HEAD: &str = "version: 1\napi:\n  name: Acme\ncodes:\n";

fn with_codes(codes: &str) -> String {
    format!("{HEAD}{codes}")
}

#[test]
fn yaml_syntax_errors_name_the_place() {
    let (d, at) = only(&with_codes("  - status: 404\n    title: [unclosed\n"));
    assert_eq!(d.id, "INVALID_YAML");
    assert_eq!(at, "7:1");
}

#[test]
fn a_syntax_error_names_one_position_and_puts_the_other_in_its_hint() {
    let (d, at) = only(&with_codes("  - status: 404\n    title: [unclosed\n"));
    assert_eq!(
        (d.message.as_str(), at.as_str()),
        ("did not find expected ',' or ']'", "7:1")
    );
    assert_eq!(
        d.hint.as_deref(),
        Some(
            "in the `[...]` list that starts at line 6 column 12: separate its entries with `,`, \
             close it, and quote text that holds `,`, `: `, brackets or braces"
        )
    );
    let (d, at) = only(&with_codes("  - status: 404\n    title: \"Not Found\n"));
    assert_eq!(
        (d.message.as_str(), at.as_str()),
        ("found unexpected end of stream", "7:1")
    );
    assert_eq!(
        d.hint.as_deref(),
        Some("close the quoted text that starts at line 6 column 12 with its quote")
    );
}

#[test]
fn a_tab_in_the_indentation_is_pointed_at_with_one_position() {
    let hint = Some("YAML indents with spaces only: replace the tab with spaces");
    // The parser's context (the title, a line up) is not named: the message's one position
    // is the pointer's, at the tab.
    let (d, at) = only(&with_codes(
        "  - status: 404\n    title: Not Found\n\tdescription: d\n",
    ));
    assert_eq!(d.id, "INVALID_YAML");
    assert_eq!(d.message, "found a tab character that violates indentation");
    assert_eq!((at.as_str(), d.hint.as_deref()), ("7:1", hint));
    assert_eq!(extent(&d), "7:1-7:2", "the tab alone");
    // After spaces, and where the parser's words are about any token.
    let (d, at) = only(&with_codes("  - status: 404\n  \t  title: t\n"));
    assert_eq!((at.as_str(), d.hint.as_deref()), ("6:3", hint));
    let (d, at) = only("version: 1\napi:\n\tname: Acme\ncodes: []\n");
    assert_eq!(d.message, "found a tab character that violates indentation");
    assert_eq!((at.as_str(), d.hint.as_deref()), ("3:1", hint));
    // In a block of text, and after a list's `-`.
    let (d, at) = only(&with_codes(
        "  - status: 404\n    title: Not Found\n    description: |\n\ttext\n",
    ));
    assert_eq!(
        d.message,
        "found a tab character where an indentation space is expected"
    );
    assert_eq!((at.as_str(), d.hint.as_deref()), ("8:1", hint));
    let (_, at) = only(&with_codes("  -\tstatus: 404\n"));
    assert_eq!(at, "5:4");
}

#[test]
fn a_colon_in_unquoted_text_asks_for_quotes_or_a_block() {
    let (d, at) = only(&with_codes(
        "  - status: 404\n    title: Not Found\n    description: Note: it is \"gone\"\n",
    ));
    assert_eq!(d.message, "mapping values are not allowed in this context");
    assert_eq!((at.as_str(), extent(&d).as_str()), ("7:22", "7:22-7:23"));
    assert_eq!(
        d.hint.as_deref(),
        Some(
            "a `: ` in unquoted text starts a key: quote the text, \
             `description: \"Note: it is \\\"gone\\\"\"`, or write it on the lines under \
             `description: >-`"
        )
    );
    // On a line the text runs onto, there is no key to quote it with.
    let (d, at) = only(&with_codes(
        "  - status: 404\n    title: Not Found\n    description: The URL\n      is gone. Note: x\n",
    ));
    assert_eq!(at, "8:20");
    assert!(
        d.hint
            .unwrap()
            .starts_with("a `: ` in unquoted text starts a key: quote the whole text"),
    );
}

#[test]
fn a_line_indented_wrongly_gets_an_indentation_hint() {
    let (d, at) = only("version: 1\napi:\n    name: Acme\n  error_name: E\ncodes: []\n");
    assert_eq!(
        (d.message.as_str(), at.as_str()),
        ("did not find expected key", "4:3")
    );
    assert_eq!(
        d.hint.as_deref(),
        Some(
            "check this line's indentation: a key lines up with the other keys of its mapping, \
             and a `-` with the other items of its list, with spaces (YAML was reading the \
             mapping that starts at line 1 column 1)"
        )
    );
    let (d, at) = only(&with_codes(
        "  - status: 404\n    title: Not Found\n   description: d\n",
    ));
    assert_eq!(
        (d.message.as_str(), at.as_str()),
        ("did not find expected '-' indicator", "7:4")
    );
    assert!(
        d.hint
            .unwrap()
            .ends_with("(YAML was reading the list that starts at line 5 column 3)")
    );
    // A key indented deeper than the line above runs on as that line's text.
    let (d, at) = only(&with_codes("  - status: 404\n      title: Not Found\n"));
    assert_eq!(
        (d.message.as_str(), at.as_str()),
        ("mapping values are not allowed in this context", "6:12")
    );
    assert_eq!(
        d.hint.as_deref(),
        Some(
            "`title` is indented deeper than the line above it, so YAML reads it as that line's \
             text running on: line it up with the other keys of its mapping"
        )
    );
    // A key without its `: ` is pointed at, not the line where the parser gave up.
    let (d, at) = only(&with_codes(
        "  - status: 404\n    title Not Found\n    description: d\n",
    ));
    assert_eq!(
        (d.message.as_str(), extent(&d).as_str()),
        ("could not find expected ':'", "6:5-6:20")
    );
    assert_eq!(at, "6:5");
}

#[test]
fn wrong_types_name_the_node_and_both_types() {
    let (d, at) = only(&with_codes(
        "  - status: 404\n    title: [a, list]\n    description: d\n",
    ));
    assert_eq!((d.id, at.as_str()), ("WRONG_TYPE", "6:12"));
    assert_eq!(d.message, "codes[0].title must be a string, not a list");
}

#[test]
fn a_string_status_is_a_wrong_type() {
    let (d, at) = only(&with_codes(
        "  - status: \"404\"\n    title: t\n    description: d\n",
    ));
    assert_eq!((d.id, at.as_str()), ("WRONG_TYPE", "5:13"));
    assert!(d.message.contains("must be an integer"), "{}", d.message);
}

#[test]
fn missing_keys_point_at_the_mapping_that_lacks_them() {
    let (d, at) = only(&with_codes("  - status: 404\n    description: d\n"));
    assert_eq!((d.id, at.as_str()), ("MISSING_KEY", "5:5"));
    assert_eq!(d.message, "codes[0] has no `title`");
    assert_eq!(d.hint.as_deref(), Some("add `title` to codes[0]"));
}

#[test]
fn unknown_keys_point_at_the_key_at_every_level() {
    let top = only("version: 1\napi:\n  name: Acme\ncodes: []\nextra: 1\n");
    assert_eq!((top.0.id, top.1.as_str()), ("UNKNOWN_KEY", "5:1"));
    let api = only("version: 1\napi:\n  name: Acme\n  colour: red\ncodes: []\n");
    assert_eq!((api.0.id, api.1.as_str()), ("UNKNOWN_KEY", "4:3"));
    assert_eq!(api.0.message, "unknown key `colour` in api");
    let code = only(&with_codes(
        "  - status: 404\n    title: t\n    descripton: d\n",
    ));
    assert_eq!((code.0.id, code.1.as_str()), ("UNKNOWN_KEY", "7:5"));
    assert!(code.0.hint.unwrap().contains("`description`"));
}

#[test]
fn a_repeated_key_points_at_its_second_occurrence() {
    let (d, at) = only(&with_codes(
        "  - status: 404\n    title: a\n    title: b\n    description: d\n",
    ));
    assert_eq!((d.id, at.as_str()), ("DUPLICATE_KEY", "7:5"));
    assert_eq!(d.message, "`title` appears twice in codes[0]");
}

#[test]
fn duplicate_statuses_point_at_the_second_and_name_the_first() {
    let codes = "  - status: 404\n    title: a\n    description: d\n  - status: 404\n    title: b\n    description: d\n";
    let (d, at) = only(&with_codes(codes));
    assert_eq!((d.id, at.as_str()), ("DUPLICATE_STATUS", "8:13"));
    assert_eq!(
        d.message,
        "status 404 is already used by the code at line 5"
    );
}

#[test]
fn statuses_outside_100_to_599_are_refused() {
    for (status, column) in [("99", "13"), ("600", "13"), ("70000", "13"), ("-1", "13")] {
        let (d, at) = only(&with_codes(&format!(
            "  - status: {status}\n    title: t\n    description: d\n"
        )));
        assert_eq!(
            (d.id, at.as_str()),
            ("STATUS_OUT_OF_RANGE", format!("5:{column}").as_str())
        );
        assert_eq!(d.message, format!("status {status} is not an HTTP status"));
    }
}

#[test]
fn empty_and_blank_strings_are_refused() {
    let (d, at) = only(&with_codes(
        "  - status: 404\n    title: \"  \"\n    description: d\n",
    ));
    assert_eq!((d.id, at.as_str()), ("EMPTY_STRING", "6:12"));
    assert_eq!(d.message, "`codes[0].title` is empty");
    let (d, at) = only(&with_codes(
        "  - status: 404\n    title: t\n    description:\n",
    ));
    assert_eq!((d.id, at.as_str()), ("EMPTY_STRING", "7:17"));
}

#[test]
fn identifier_collisions_are_refused_with_both_places() {
    let codes = "  - status: 500\n    title: Internal Server Error\n    description: d\n  - status: 502\n    title: internal-server error\n    description: d\n";
    let (d, at) = only(&with_codes(codes));
    assert_eq!((d.id, at.as_str()), ("IDENTIFIER_COLLISION", "9:12"));
    assert_eq!(
        d.message,
        "this code and the code at line 6 both become `InternalServerError` in Rust"
    );
    assert_eq!(
        d.hint.as_deref(),
        Some("give one of them a distinct `name:`")
    );
}

#[test]
fn self_and_its_escape_collide_in_rust() {
    let codes = "  - {status: 400, name: Self, title: a, description: d}\n  - {status: 401, name: Self_, title: b, description: d}\n";
    let (d, at) = only(&with_codes(codes));
    assert_eq!((d.id, at.as_str()), ("IDENTIFIER_COLLISION", "6:25"));
    assert!(
        d.message.ends_with("both become `Self_` in Rust"),
        "{}",
        d.message
    );
}

#[test]
fn names_that_cannot_become_identifiers_are_refused() {
    let cases = [
        ("\"?!\"", "it has no letters or digits"),
        ("Ошибка", "it gives `Ошибка`, and identifiers must be ASCII"),
        ("x {}", "longer than the limit of 64"),
    ];
    for (name, reason) in cases {
        let name = name.replace("{}", &"y ".repeat(70));
        let spec = with_codes(&format!(
            "  - status: 400\n    name: {name}\n    title: t\n    description: d\n"
        ));
        let all = diagnostics(&spec);
        let d = &all[0];
        assert_eq!(d.id, "INVALID_NAME", "{name}: {all:#?}");
        assert!(d.message.ends_with(reason), "{name}: {}", d.message);
        let at = d.location.unwrap();
        assert_eq!((at.line, at.column), (6, 11), "{name}");
    }
}

#[test]
fn a_title_that_cannot_become_an_identifier_asks_for_a_name() {
    let (d, at) = only(&with_codes(
        "  - status: 400\n    title: \"!!!\"\n    description: d\n",
    ));
    assert_eq!((d.id, at.as_str()), ("INVALID_NAME", "6:12"));
    assert!(d.hint.unwrap().starts_with("add `name:`"));
}

#[test]
fn an_unsupported_version_is_one_clear_error() {
    let (d, at) = only("version: 3\nwhatever: [this, version, looks, like]\n");
    assert_eq!((d.id, at.as_str()), ("UNSUPPORTED_VERSION", "1:10"));
    assert_eq!(d.message, "unsupported spec version 3");
}

#[test]
fn a_missing_version_is_reported() {
    let (d, at) = only("api:\n  name: Acme\ncodes: []\n");
    assert_eq!((d.id, at.as_str()), ("MISSING_KEY", "1:1"));
}

#[test]
fn an_empty_codes_list_is_refused() {
    let (d, at) = only(&format!("{HEAD}  []\n"));
    assert_eq!((d.id, at.as_str()), ("EMPTY_CODES", "5:3"));
}

#[test]
fn an_empty_file_is_refused() {
    let (d, at) = only("# only a comment\n");
    assert_eq!((d.id, at.as_str()), ("EMPTY_SPEC", "1:1"));
}

#[test]
fn the_example_must_use_an_error_status_of_the_spec() {
    let spec = "version: 1\napi:\n  name: Acme\n  example:\n    status: 418\n    message: m\ncodes:\n  - {status: 404, title: t, description: d}\n";
    let (d, at) = only(spec);
    assert_eq!((d.id, at.as_str()), ("EXAMPLE_STATUS", "5:13"));
    assert_eq!(
        d.hint.as_deref(),
        Some("use one of the spec's error statuses: 404")
    );
}

#[test]
fn every_problem_is_reported_in_one_run_in_file_order() {
    let codes = "  - status: 700\n    title: \"\"\n    description: d\n  - status: 404\n    title: Not Found\n    description: \"\"\n  - status: 404\n    title: not found\n    description: d\n";
    let all = diagnostics(&with_codes(codes));
    let got: Vec<(&str, usize)> = all
        .iter()
        .map(|d| (d.id, d.location.unwrap().line))
        .collect();
    assert_eq!(
        got,
        [
            ("STATUS_OUT_OF_RANGE", 5),
            ("EMPTY_STRING", 6),
            ("EMPTY_STRING", 10),
            ("DUPLICATE_STATUS", 11),
            ("IDENTIFIER_COLLISION", 12),
        ]
    );
}

#[test]
fn diagnostics_display_as_file_line_column_then_the_hint() {
    let all = diagnostics(&with_codes("  - status: 404\n    description: d\n"));
    assert_eq!(
        all[0].to_string(),
        "errors.yaml:5:5: error: codes[0] has no `title`\n  hint: add `title` to codes[0]"
    );
}

#[test]
fn missing_and_unreadable_spec_files_are_diagnostics() {
    let dir = tempfile::tempdir().unwrap();
    let missing = errspec::Generator::new(dir.path().join("nope.yaml"))
        .spec_name("nope.yaml")
        .validate();
    let Err(Error::InvalidSpec(d)) = missing else {
        panic!("{missing:?}")
    };
    assert_eq!(d[0].id, "SPEC_NOT_FOUND");
    assert_eq!(
        d[0].to_string().lines().next().unwrap(),
        "nope.yaml: error: cannot find the spec file"
    );
    let folder = errspec::Generator::new(dir.path()).validate();
    let Err(Error::InvalidSpec(d)) = folder else {
        panic!("{folder:?}")
    };
    assert_eq!(d[0].id, "SPEC_UNREADABLE");
    let bad_utf8 = dir.path().join("latin1.yaml");
    std::fs::write(&bad_utf8, b"version: 1\napi:\n  name: Caf\xe9\n").unwrap();
    let latin1 = errspec::Generator::new(&bad_utf8).validate();
    let Err(Error::InvalidSpec(d)) = latin1 else {
        panic!("{latin1:?}")
    };
    assert_eq!(d[0].id, "SPEC_NOT_UTF8");
    let at = d[0].location.unwrap();
    assert_eq!((at.line, at.column), (3, 12));
}

#[test]
fn a_byte_order_mark_and_crlf_line_endings_are_accepted() {
    let spec = "\u{feff}version: 1\r\napi:\r\n  name: Acme\r\ncodes:\r\n  - status: 404\r\n    title: Not Found\r\n    description: d\r\n";
    let files = errspec::render(spec, &Options::new("errors.yaml")).unwrap();
    assert!(files[0].contents.contains("NotFound = 404,"));
}

/// `line:column` to `line:column` (exclusive) of a diagnostic's node.
fn extent(d: &Diagnostic) -> String {
    let (start, end) = (d.location.unwrap(), d.end.unwrap());
    format!(
        "{}:{}-{}:{}",
        start.line, start.column, end.line, end.column
    )
}

#[test]
fn a_duplicate_through_a_scalar_alias_is_at_the_alias_and_names_the_anchor() {
    let (d, _) = only(&with_codes(
        "  - status: &s 404\n    title: Not Found\n    description: d\n  - status: *s\n    title: Missing\n    description: d\n",
    ));
    assert_eq!(
        (d.id, extent(&d).as_str()),
        ("DUPLICATE_STATUS", "8:13-8:15")
    );
    assert_eq!(
        d.message,
        "status 404 is already used by the code at line 5"
    );
}

#[test]
fn a_code_repeated_through_an_alias_is_reported_at_the_alias() {
    let all = diagnostics(&with_codes(
        "  - &code\n    status: 404\n    title: Not Found\n    description: d\n  - *code\n",
    ));
    let found: Vec<(&str, String)> = all.iter().map(|d| (d.id, extent(d))).collect();
    let alias = "9:5-9:10".to_owned(); // `*code`
    assert_eq!(
        found,
        [
            ("DUPLICATE_STATUS", alias.clone()),
            ("IDENTIFIER_COLLISION", alias)
        ]
    );
    assert_eq!(
        all[0].message,
        "status 404 is already used by the code at line 6"
    );
    assert!(
        all[1]
            .message
            .starts_with("this code and the code at line 7 ")
    );
}

#[test]
fn a_wrong_type_through_an_alias_is_at_the_alias() {
    let (d, _) = only(&with_codes(
        "  - status: 404\n    title: Not Found\n    description: d\n    allow: &list []\n  - status: 410\n    title: *list\n    description: d\n",
    ));
    assert_eq!(d.id, "WRONG_TYPE");
    assert_eq!(extent(&d), "10:12-10:17");
    assert_eq!(d.message, "codes[1].title must be a string, not a list");
}

#[test]
fn a_merge_key_is_an_unknown_key_where_it_is_written() {
    let (d, _) = only(&with_codes(
        "  - <<: {retryable: true}\n    status: 404\n    title: Not Found\n    description: d\n",
    ));
    assert_eq!((d.id, extent(&d).as_str()), ("UNKNOWN_KEY", "5:5-5:7"));
    assert_eq!(
        d.hint.as_deref(),
        Some("errspec does not apply YAML merge keys (`<<`): write the keys out")
    );
}

#[test]
fn an_alias_without_its_anchor_is_refused_at_the_alias() {
    let (d, _) = only(&with_codes("  - status: *nowhere\n"));
    assert_eq!((d.id, extent(&d).as_str()), ("INVALID_YAML", "5:13-5:21"));
    assert_eq!(d.message, "the alias `*nowhere` names no anchor before it");
}

#[test]
fn a_second_document_is_refused_at_its_marker() {
    let (d, _) = only(&format!(
        "{}---\nversion: 1\n",
        with_codes("  - status: 404\n    title: Not Found\n    description: d\n")
    ));
    assert_eq!((d.id, extent(&d).as_str()), ("INVALID_YAML", "8:1-8:4"));
    assert_eq!(d.message, "the spec holds more than one YAML document");
}

#[test]
fn nesting_is_refused_where_it_passes_the_limit() {
    // The top-level mapping is the first level, so the 64th `[` opens the 65th.
    let (d, _) = only(&format!("version: 1\napi: {}\n", "[".repeat(64)));
    assert_eq!((d.id, extent(&d).as_str()), ("TOO_COMPLEX", "2:69-2:70"));
    assert_eq!(
        d.message,
        "the spec nests mappings and lists more than 64 levels deep"
    );
}

#[test]
fn every_node_s_extent_comes_from_the_parser() {
    let quoted = only(&with_codes(
        "  - status: 404\n    title: \"a\"\n    description: d\n    retryable: \"no, #\" # c\n",
    ));
    assert_eq!(
        extent(&quoted.0),
        "8:16-8:23",
        "a quoted scalar, to its quote"
    );
    let block = only(&with_codes(
        "  - status: 404\n    title: T\n    description: d\n    retryable: >-\n      long\n      text\n",
    ));
    assert_eq!(
        extent(&block.0),
        "8:16-10:11",
        "a block scalar, to its last line"
    );
    let mapping = only(&with_codes("  - {status: 404, title: T}\n"));
    assert_eq!(
        extent(&mapping.0),
        "5:5-5:28",
        "a flow mapping, to its bracket"
    );
}

const HEAD_V2: &str = "version: 2\napi:\n  name: Payments\ncodes:\n";

/// A v2 code with the fields given, the rest filled in.
fn code_v2(code: &str, status: u16, extra: &str) -> String {
    format!("  - code: {code}\n    status: {status}\n    title: T\n    description: D.\n{extra}")
}

#[test]
fn v2_codes_must_be_well_formed() {
    for (code, why) in [
        ("1card", "does not start with a letter"),
        ("card declined", "holds a character other than"),
        ("card/declined", "holds a character other than"),
        ("\"\"", "is empty"),
    ] {
        let all = diagnostics(&format!("{HEAD_V2}{}", code_v2(code, 402, "")));
        let d = &all[0];
        assert_eq!(d.id, "INVALID_CODE", "{code}: {all:#?}");
        assert!(d.message.contains(why), "{code}: {}", d.message);
        assert_eq!(d.location.unwrap().line, 5, "{code}");
    }
    let long = format!("a{}", "b".repeat(64));
    let (d, at) = only(&format!("{HEAD_V2}{}", code_v2(&long, 402, "")));
    assert_eq!((d.id, at.as_str()), ("INVALID_CODE", "5:11"));
    assert!(d.message.ends_with("is longer than 64 characters"));
}

#[test]
fn v2_codes_are_unique_also_ignoring_case() {
    let codes = [
        code_v2("card_declined", 402, ""),
        code_v2("card_declined", 402, "    name: Other\n"),
        code_v2("Card_Declined", 402, "    name: Third\n"),
    ]
    .concat();
    let all = diagnostics(&format!("{HEAD_V2}{codes}"));
    let found: Vec<(&str, usize)> = all
        .iter()
        .map(|d| (d.id, d.location.unwrap().line))
        .collect();
    assert_eq!(found, [("DUPLICATE_CODE", 9), ("DUPLICATE_CODE", 14)]);
    assert_eq!(
        all[0].message,
        "the code `card_declined` is already used at line 5"
    );
    assert_eq!(
        all[1].message,
        "the code `Card_Declined` differs only in case from `card_declined` at line 5"
    );
}

#[test]
fn v2_codes_share_statuses_but_only_error_ones() {
    let shared = [code_v2("a", 402, ""), code_v2("b", 402, "")].concat();
    errspec::validate(&format!("{HEAD_V2}{shared}"), &Options::new("e.yaml"))
        .expect("codes may share a status in v2");
    for status in [200, 399, 600] {
        let (d, at) = only(&format!("{HEAD_V2}{}", code_v2("a", status, "")));
        assert_eq!((d.id, at.as_str()), ("STATUS_OUT_OF_RANGE", "6:13"));
        assert_eq!(d.message, format!("status {status} is not an error status"));
    }
}

#[test]
fn v2_documentation_urls_are_absolute_with_only_the_code_placeholder() {
    let api_docs = |docs: &str| {
        format!(
            "version: 2\napi:\n  name: Payments\n  docs: \"{docs}\"\ncodes:\n{}",
            code_v2("a", 402, "")
        )
    };
    let (d, at) = only(&api_docs("https://x/{status}"));
    assert_eq!((d.id, at.as_str()), ("INVALID_DOCS_URL", "4:9"));
    assert!(
        d.message.contains("its only placeholder is `{code}`"),
        "{}",
        d.message
    );
    let (d, _) = only(&api_docs("/errors#{code}"));
    assert!(d.message.contains("not an absolute http or https URL"));
    let (d, at) = only(&format!(
        "{HEAD_V2}{}",
        code_v2("a", 402, "    docs: ftp://x/a\n")
    ));
    assert_eq!((d.id, at.as_str()), ("INVALID_DOCS_URL", "9:11"));
}

#[test]
fn v2_identifiers_come_from_the_code_and_collide_like_v1() {
    let codes = [
        code_v2("card_declined", 402, ""),
        code_v2("card.declined", 402, ""),
    ]
    .concat();
    let (d, at) = only(&format!("{HEAD_V2}{codes}"));
    assert_eq!((d.id, at.as_str()), ("IDENTIFIER_COLLISION", "9:11"));
    assert_eq!(
        d.message,
        "this code and the code at line 5 both become `CardDeclined` in Rust"
    );
}

#[test]
fn v2_keys_are_its_own_and_v1_keys_are_refused() {
    let (d, _) = only(&format!(
        "{HEAD_V2}{}",
        code_v2("a", 402, "    example: x\n")
    ));
    assert_eq!(d.id, "UNKNOWN_KEY");
    assert!(d.hint.unwrap().contains("`docs`"), "v2's keys are listed");
    let (d, _) = only(&with_codes(
        "  - code: a\n    status: 404\n    title: T\n    description: D.\n",
    ));
    assert_eq!(
        (d.id, d.message.as_str()),
        ("UNKNOWN_KEY", "unknown key `code` in codes[0]")
    );
}
