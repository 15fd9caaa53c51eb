//! One test per validation rule of a catalog's format v2 keys: parameters, message templates,
//! deprecation, replacements and reserved codes. Each asserts the id, the message and the
//! exact line:column, with the spec written inline.

use errspec::Options;

use crate::validation::{diagnostics, only};

const HEAD: &str = "version: 2\napi:\n  name: Payments\ncodes:\n";

/// A spec of one code `quota_exceeded` (status at line 6) with `extra` lines after its
/// description (from line 9).
fn one_code(extra: &str) -> String {
    format!(
        "{HEAD}  - code: quota_exceeded\n    status: 429\n    title: Quota exceeded\n    description: D.\n{extra}"
    )
}

/// The ids and positions of the diagnostics for `source`.
fn found(source: &str) -> Vec<(&'static str, String)> {
    diagnostics(source)
        .into_iter()
        .map(|d| {
            let at = d.location.unwrap();
            (d.id, format!("{}:{}", at.line, at.column))
        })
        .collect()
}

fn valid(source: &str) -> Vec<errspec::Diagnostic> {
    errspec::validate(source, &Options::new("errors.yaml"))
        .unwrap_or_else(|e| panic!("expected a valid spec, got {e}\n{source}"))
}

// ------------------------------------------------------------------------------ Parameters

const PARAMS: &str = "    params:
      limit: {type: integer, description: The quota.}
      window: {type: string, description: The window.}
      plan: {type: string, description: The plan., optional: true}
";

#[test]
fn parameters_and_a_template_that_uses_them_are_valid() {
    let spec = one_code(&format!(
        "    message: \"Used all {{limit}} per {{window}}; {{{{literal}}}}.\"\n{PARAMS}"
    ));
    valid(&spec);
    valid(&one_code(PARAMS));
    valid(&one_code("    message: Fixed text, no parameters.\n"));
    valid(&one_code("    params: {}\n"));
}

#[test]
fn parameter_names_are_wire_names_of_letters_digits_and_underscores() {
    for (name, why, column) in [
        ("1limit", "does not start with a letter", 7),
        ("_limit", "does not start with a letter", 7),
        (
            "limit-max",
            "holds a character other than a letter, a digit or `_`",
            7,
        ),
        ("\"per window\"", "holds a character other than", 7),
        ("\"\"", "is empty", 7),
    ] {
        let spec = one_code(&format!(
            "    params:\n      {name}: {{type: integer, description: D.}}\n"
        ));
        let (d, at) = only(&spec);
        assert_eq!(
            (d.id, at),
            ("INVALID_PARAM_NAME", format!("10:{column}")),
            "{name}"
        );
        assert!(d.message.contains(why), "{name}: {}", d.message);
    }
    let long = format!("a{}", "b".repeat(64));
    let (d, _) = only(&one_code(&format!(
        "    params:\n      {long}: {{type: integer, description: D.}}\n"
    )));
    assert!(d.message.ends_with("is longer than 64 characters"));
    // 64 is the longest kept.
    valid(&one_code(&format!(
        "    params:\n      {}: {{type: integer, description: D.}}\n",
        &long[1..]
    )));
}

#[test]
fn parameter_types_are_the_four_json_types_with_the_likely_fix() {
    for (kind, hint) in [
        ("int", "write `type: integer`"),
        ("float", "write `type: number`"),
        ("bool", "write `type: boolean`"),
        ("String", "write `type: string`"),
        (
            "date",
            "the types are `string`, `integer`, `number` and `boolean`",
        ),
    ] {
        let spec = one_code(&format!(
            "    params:\n      at:\n        type: {kind}\n        description: D.\n"
        ));
        let (d, at) = only(&spec);
        assert_eq!(
            (d.id, at.as_str()),
            ("INVALID_PARAM_TYPE", "11:15"),
            "{kind}"
        );
        assert_eq!(
            d.message,
            format!(
                "the type {kind:?} is not a parameter type: one of string, integer, number, boolean"
            )
        );
        assert_eq!(d.hint.as_deref(), Some(hint));
    }
}

#[test]
fn parameters_need_a_type_and_a_description() {
    let (d, at) = only(&one_code("    params:\n      limit: {type: integer}\n"));
    assert_eq!((d.id, at.as_str()), ("MISSING_KEY", "10:14"));
    assert!(d.message.contains("description"), "{}", d.message);
    let (d, at) = only(&one_code(
        "    params:\n      limit: {type: integer, description: \" \"}\n",
    ));
    assert_eq!((d.id, at.as_str()), ("EMPTY_STRING", "10:43"));
    let (d, _) = only(&one_code(
        "    params:\n      limit: {type: integer, description: D., required: true}\n",
    ));
    assert_eq!(d.id, "UNKNOWN_KEY");
}

#[test]
fn parameters_that_make_one_identifier_collide() {
    let spec = one_code(
        "    params:
      userId: {type: string, description: D.}
      user_id: {type: string, description: D.}
",
    );
    let (d, at) = only(&spec);
    assert_eq!((d.id, at.as_str()), ("IDENTIFIER_COLLISION", "11:7"));
    assert_eq!(
        d.message,
        "the parameters `userId` and `user_id` both become `user_id` in Rust"
    );
    // snake_case drops a trailing `_`, so `class_` is `class` in Rust (and `class_`, as a
    // keyword's escape, in Python).
    let spec = one_code(
        "    params:
      class: {type: string, description: D.}
      class_: {type: string, description: D.}
",
    );
    let (d, _) = only(&spec);
    assert_eq!(
        d.message,
        "the parameters `class` and `class_` both become `class` in Rust"
    );
}

#[test]
fn a_parameter_repeated_is_a_repeated_key() {
    let spec = one_code(
        "    params:
      limit: {type: string, description: D.}
      limit: {type: integer, description: D.}
",
    );
    let (d, at) = only(&spec);
    assert_eq!((d.id, at.as_str()), ("DUPLICATE_KEY", "11:7"));
}

#[test]
fn a_code_named_as_a_method_of_the_body_is_valid() {
    // `new` would be `ErrorBody::new` in Rust: its constructor is `new_` (see the Rust target).
    valid(&format!(
        "{HEAD}  - code: new\n    status: 400\n    title: T\n    description: D.\n"
    ));
}

// ------------------------------------------------------------------------------- Templates

#[test]
fn a_placeholder_must_name_a_parameter_of_the_code() {
    let spec = one_code(&format!("    message: Used {{limits}} of it.\n{PARAMS}"));
    let (d, at) = only(&spec);
    assert_eq!((d.id, at.as_str()), ("UNKNOWN_PLACEHOLDER", "9:19"));
    assert_eq!(
        d.message,
        "the message uses `{limits}`, which is not a parameter of this code"
    );
    assert_eq!(
        d.hint.as_deref(),
        Some(
            "use one of the code's required parameters (`limit`, `window`), or declare `limits` \
             under its `params:`"
        )
    );
    let (d, _) = only(&one_code("    message: Used {limit}.\n"));
    assert_eq!(
        d.hint.as_deref(),
        Some(
            "declare `limit` under the code's `params:`, or write `{{` and `}}` for literal braces"
        )
    );
}

#[test]
fn every_bad_placeholder_is_reported_at_its_own_column() {
    let spec = one_code(&format!(
        "    message: \"{{a}} then {{limit}} then {{plan}} then {{b}}\"\n{PARAMS}"
    ));
    assert_eq!(
        found(&spec),
        [
            ("UNKNOWN_PLACEHOLDER", "9:15".to_owned()),
            ("OPTIONAL_PLACEHOLDER", "9:37".to_owned()),
            ("UNKNOWN_PLACEHOLDER", "9:49".to_owned()),
        ]
    );
}

#[test]
fn an_optional_parameter_cannot_be_in_the_message() {
    let spec = one_code(&format!("    message: On the {{plan}} plan.\n{PARAMS}"));
    let (d, at) = only(&spec);
    assert_eq!((d.id, at.as_str()), ("OPTIONAL_PLACEHOLDER", "9:21"));
    assert_eq!(
        d.message,
        "the message uses `{plan}`, an optional parameter, which an error may leave out"
    );
    assert_eq!(
        d.hint.as_deref(),
        Some("make `plan` required (remove its `optional: true`), or take it out of the message")
    );
}

#[test]
fn braces_that_make_no_sense_are_refused_where_they_are() {
    for (message, problem, at) in [
        ("'Used {limit'", "has a `{` that no `}` closes", "9:20"),
        (
            "'Used limit}'",
            "has a `}` that closes no placeholder",
            "9:25",
        ),
        ("Used {} of it", "has an empty placeholder, `{}`", "9:19"),
        (
            "\"Used {limit {window}\"",
            "has a `{` that no `}` closes",
            "9:20",
        ),
    ] {
        let spec = one_code(&format!("    message: {message}\n{PARAMS}"));
        let (d, position) = only(&spec);
        assert_eq!(
            (d.id, position.as_str()),
            ("INVALID_TEMPLATE", at),
            "{message}"
        );
        assert_eq!(d.message, format!("the message {problem}"), "{message}");
    }
}

#[test]
fn a_template_written_with_escapes_is_reported_at_the_whole_message() {
    // In a double-quoted scalar with an escape, offsets in the text are not offsets in the
    // file: the whole scalar is pointed at.
    let spec = one_code(&format!("    message: \"Used\\t{{nope}}\"\n{PARAMS}"));
    let (d, at) = only(&spec);
    assert_eq!((d.id, at.as_str()), ("UNKNOWN_PLACEHOLDER", "9:14"));
}

#[test]
fn an_empty_message_is_refused() {
    let (d, at) = only(&one_code("    message: \"\"\n"));
    assert_eq!((d.id, at.as_str()), ("EMPTY_STRING", "9:14"));
}

#[test]
fn parameters_and_templates_are_format_v2_keys() {
    let v1 = "version: 1\napi:\n  name: A\ncodes:\n  - status: 404\n    title: Not Found\n    description: D.\n    message: Gone.\n";
    let (d, _) = only(v1);
    assert_eq!(
        (d.id, d.message.as_str()),
        ("UNKNOWN_KEY", "unknown key `message` in codes[0]")
    );
}

// ------------------------------------------------------------------------------ Life cycle

/// Two codes, `card_declined` (line 5) and `card_expired` (line 9), the second with `extra`
/// (from line 13), and a top level `tail` after them.
fn two_codes(extra: &str, tail: &str) -> String {
    format!(
        "{HEAD}  - code: card_declined\n    status: 402\n    title: Card declined\n    description: D.\n  - code: card_expired\n    status: 402\n    title: Card expired\n    description: D.\n{extra}{tail}"
    )
}

#[test]
fn a_deprecated_code_with_its_replacement_is_valid() {
    let spec = two_codes(
        "    deprecated: Use card_declined.\n    replaced_by: card_declined\n",
        "reserved: [legacy_auth_failed, old_quota]\n",
    );
    assert!(valid(&spec).is_empty());
}

#[test]
fn a_replacement_must_be_another_code_that_is_not_deprecated() {
    let (d, at) = only(&two_codes(
        "    deprecated: Gone.\n    replaced_by: card_declines\n",
        "",
    ));
    assert_eq!((d.id, at.as_str()), ("UNKNOWN_REPLACEMENT", "14:18"));
    assert_eq!(
        d.message,
        "`replaced_by` names `card_declines`, which is not a code of this spec"
    );
    let (d, _) = only(&two_codes(
        "    deprecated: Gone.\n    replaced_by: Card_Declined\n",
        "",
    ));
    assert_eq!(
        d.hint.as_deref(),
        Some("write `replaced_by: card_declined`: codes are compared exactly")
    );
    let (d, at) = only(&two_codes(
        "    deprecated: Gone.\n    replaced_by: card_expired\n",
        "",
    ));
    assert_eq!((d.id, at.as_str()), ("REPLACED_BY_ITSELF", "14:18"));
}

#[test]
fn a_replacement_that_is_deprecated_too_points_down_the_chain() {
    let spec = format!(
        "{HEAD}  - code: a\n    status: 400\n    title: A\n    description: D.\n    deprecated: Old.\n    replaced_by: b\n  - code: b\n    status: 400\n    title: B\n    description: D.\n    deprecated: Old.\n    replaced_by: c\n  - code: c\n    status: 400\n    title: C\n    description: D.\n"
    );
    let (d, at) = only(&spec);
    assert_eq!((d.id, at.as_str()), ("REPLACEMENT_DEPRECATED", "10:18"));
    assert_eq!(
        d.message,
        "`replaced_by` names `b`, which is deprecated too"
    );
    assert_eq!(d.hint.as_deref(), Some("name `c`, which replaces `b`"));
}

#[test]
fn a_reserved_code_is_never_used_again() {
    let (d, at) = only(&two_codes(
        "",
        "reserved:\n  - old_quota\n  - Card_Expired\n",
    ));
    assert_eq!((d.id, at.as_str()), ("RESERVED_CODE", "9:11"));
    assert_eq!(
        d.message,
        "the code `card_expired` is reserved at line 15: it was retired for good"
    );
}

#[test]
fn reserved_entries_are_wire_codes_listed_once() {
    assert_eq!(
        found(&two_codes(
            "",
            "reserved: [old, \"no spaces\", 9lives, OLD]\n"
        )),
        [
            ("INVALID_CODE", "13:17".to_owned()),
            ("INVALID_CODE", "13:30".to_owned()),
            ("DUPLICATE_RESERVED", "13:38".to_owned()),
        ]
    );
    let all = diagnostics(&two_codes("", "reserved: [old, OLD]\n"));
    assert_eq!(
        all[0].message,
        "the code `OLD` is already reserved at line 13"
    );
    let (d, _) = only(&two_codes("", "reserved: old\n"));
    assert_eq!(d.id, "WRONG_TYPE");
}

#[test]
fn an_empty_deprecation_reason_is_refused() {
    let (d, at) = only(&two_codes("    deprecated: \"\"\n", ""));
    assert_eq!((d.id, at.as_str()), ("EMPTY_STRING", "13:17"));
    for (flag, hint) in [
        (
            "true",
            "write why the code is deprecated and what to use instead, e.g. `deprecated: Use card_declined instead.`",
        ),
        ("False", "remove `deprecated:`: a code without it is in use"),
    ] {
        let (d, at) = only(&two_codes(&format!("    deprecated: {flag}\n"), ""));
        assert_eq!((d.id, at.as_str()), ("DEPRECATED_WITHOUT_REASON", "13:17"));
        assert_eq!(
            d.message,
            format!("`deprecated` takes the reason the code is deprecated, not `{flag}`")
        );
        assert_eq!(d.hint.as_deref(), Some(hint));
    }
}

// ------------------------------------------------------------------------------- Envelopes

/// `HEAD` with `api` lines after the name (from line 4), then one code at line 5.
fn with_api(api: &str, code: &str) -> String {
    format!(
        "version: 2\napi:\n  name: Payments\n{api}codes:\n  - code: quota_exceeded\n    status: 429\n    title: Quota exceeded\n    description: D.\n{code}"
    )
}

#[test]
fn an_envelope_is_errspec_or_problem() {
    valid(&with_api("  envelope: errspec\n", ""));
    valid(&with_api(
        "  envelope: problem\n  docs: https://docs.example.com/e#{code}\n",
        PARAMS,
    ));
    let (d, at) = only(&with_api("  envelope: rfc7807\n", ""));
    assert_eq!((d.id, at.as_str()), ("UNKNOWN_ENVELOPE", "4:13"));
    assert!(d.message.contains("\"rfc7807\""), "{}", d.message);
    assert!(d.hint.unwrap().contains("envelope: problem"));
}

#[test]
fn problem_details_need_every_codes_documentation_url() {
    // The code's own URL will do, without `api.docs`.
    valid(&with_api(
        "  envelope: problem\n",
        "    docs: https://docs.example.com/quota\n",
    ));
    let spec = format!(
        "{}  - code: card_declined\n    status: 402\n    title: T\n    description: D.\n    docs: https://docs.example.com/card\n",
        with_api("  envelope: problem\n", "")
    );
    assert_eq!(found(&spec), [("PROBLEM_WITHOUT_TYPE", "6:11".to_owned())]);
    let (d, _) = only(&with_api("  envelope: problem\n", ""));
    assert!(d.message.contains("`quota_exceeded`"), "{}", d.message);
    assert!(d.hint.unwrap().contains("docs"));
}

#[test]
fn under_problem_no_parameter_is_named_as_a_member_of_the_problem() {
    let api = "  envelope: problem\n  docs: https://docs.example.com/e#{code}\n";
    for member in ["type", "title", "status", "detail", "instance", "code"] {
        let spec = with_api(
            api,
            &format!("    params:\n      {member}: {{type: string, description: D.}}\n"),
        );
        let (d, at) = only(&spec);
        assert_eq!(
            (d.id, at.as_str()),
            ("PROBLEM_MEMBER_PARAM", "12:7"),
            "{member}"
        );
        assert!(d.message.contains(&format!("`{member}`")), "{}", d.message);
    }
    // errspec's envelope keeps parameters apart: there they are fine.
    valid(&with_api(
        "",
        "    params:\n      type: {type: string, description: D.}\n",
    ));
}
