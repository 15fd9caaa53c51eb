//! Diagnostics as the command prints them: rustc-style by default, `--message-format short`,
//! `json` and `github` on stdout for tools, `--color`, and warnings that fail only when denied.

use std::fs;
use std::process::Command;

use crate::support::{Run, errspec};

/// A spec with one warning (401's title) at line 6, column 12.
const WARNS: &str = "version: 1\napi:\n  name: Acme\ncodes:\n  - status: 401\n    title: Authorization Required\n    description: Log in first.\n";
/// A spec with one error (a duplicate status) at line 8, column 13.
const FAILS: &str = "version: 1\napi:\n  name: Acme\ncodes:\n  - status: 404\n    title: Not Found\n    description: d\n  - status: 404\n    title: Gone\n    description: d\n";

fn project(spec: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("spec")).unwrap();
    fs::write(dir.path().join("spec/errors.yaml"), spec).unwrap();
    dir
}

#[test]
fn errors_print_rustc_style_with_the_source_line_and_a_caret() {
    let dir = project(FAILS);
    let run = errspec(dir.path(), &["validate"]);
    assert_eq!(run.code, Some(1));
    assert_eq!(
        run.stderr,
        "\
error[DUPLICATE_STATUS]: status 404 is already used by the code at line 5
 --> spec/errors.yaml:8:13
  |
8 |   - status: 404
  |             ^^^
  |
  = hint: give each code its own status, or merge the two

error: aborting due to 1 previous error
"
    );
    assert_eq!(run.stdout, "");
}

#[test]
fn warnings_print_but_do_not_fail() {
    let dir = project(WARNS);
    let run = errspec(dir.path(), &["validate"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(
        run.stderr.starts_with(
            "warning[TITLE_NOT_REASON_PHRASE]: the title \"Authorization Required\" is not 401's registered reason phrase, \"Unauthorized\"\n --> spec/errors.yaml:6:12\n"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("  |            ^^^^^^^^^^^^^^^^^^^^^^\n"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .ends_with("\nwarning: 1 warning emitted\n   Validated spec/errors.yaml: 1 code\n"),
        "{}",
        run.stderr
    );

    let run = errspec(dir.path(), &["generate"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(run.stderr.contains("warning[TITLE_NOT_REASON_PHRASE]"));
    assert!(dir.path().join("generated/docs/error-codes.md").is_file());
}

#[test]
fn deny_warnings_fails_and_writes_nothing() {
    let dir = project(WARNS);
    let run = errspec(dir.path(), &["validate", "--deny-warnings"]);
    assert_eq!(run.code, Some(1));
    assert!(
        run.stderr.starts_with("error[TITLE_NOT_REASON_PHRASE]: "),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.ends_with(
            "error: aborting due to 1 previous error (warnings are denied by --deny-warnings)\n"
        ),
        "{}",
        run.stderr
    );
    let run = errspec(dir.path(), &["generate", "--deny-warnings"]);
    assert_eq!(run.code, Some(1));
    assert!(!dir.path().join("generated").exists(), "nothing written");
}

#[test]
fn short_is_the_one_line_form() {
    let dir = project(WARNS);
    let run = errspec(dir.path(), &["validate", "--message-format", "short"]);
    assert_eq!(run.code, Some(0));
    assert_eq!(
        run.stderr,
        "spec/errors.yaml:6:12: warning: the title \"Authorization Required\" is not 401's registered reason phrase, \"Unauthorized\"\n  hint: write `title: Unauthorized`, or add `allow: [TITLE_NOT_REASON_PHRASE]` to this code to keep it\n   Validated spec/errors.yaml: 1 code\n"
    );
}

#[test]
fn json_prints_one_object_per_line_on_stdout() {
    let dir = project(FAILS);
    let run = errspec(dir.path(), &["validate", "--message-format", "json"]);
    assert_eq!(run.code, Some(1));
    assert_eq!(
        run.stderr, "",
        "stderr is free of anything a tool would have to skip"
    );
    let lines: Vec<serde_json::Value> = run
        .stdout
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(
        lines,
        [serde_json::json!({
            "id": "DUPLICATE_STATUS",
            "severity": "error",
            "file": "spec/errors.yaml",
            "line": 8,
            "column": 13,
            "end_line": 8,
            "end_column": 16,
            "message": "status 404 is already used by the code at line 5",
            "hint": "give each code its own status, or merge the two",
        })]
    );
}

#[test]
fn github_prints_annotations_on_stdout() {
    let dir = project(WARNS);
    let run = errspec(dir.path(), &["validate", "--message-format", "github"]);
    assert_eq!(run.code, Some(0));
    assert_eq!(
        run.stdout,
        "::warning file=spec/errors.yaml,line=6,col=12,title=TITLE_NOT_REASON_PHRASE::the title \"Authorization Required\" is not 401's registered reason phrase, \"Unauthorized\"%0Ahint: write `title: Unauthorized`, or add `allow: [TITLE_NOT_REASON_PHRASE]` to this code to keep it\n"
    );
    assert_eq!(
        run.stderr, "   Validated spec/errors.yaml: 1 code\n",
        "the status line for people stays on stderr"
    );
}

#[test]
fn stale_files_are_annotations_too() {
    let dir = project(
        WARNS
            .replace("Authorization Required", "Unauthorized")
            .as_str(),
    );
    assert_eq!(errspec(dir.path(), &["generate"]).code, Some(0));
    fs::write(dir.path().join("generated/docs/error-codes.md"), "edited\n").unwrap();
    let run = errspec(
        dir.path(),
        &["generate", "--check", "--message-format", "github"],
    );
    assert_eq!(run.code, Some(1));
    assert!(
        run.stdout.starts_with(
            "::error file=generated/docs/error-codes.md,title=STALE_FILE::not up to date with the spec%0Ahint: run `errspec generate` to update them"
        ),
        "{}",
        run.stdout
    );
    assert!(
        run.stderr.contains("-edited"),
        "the diff still goes to stderr"
    );
}

fn errspec_with_env(dir: &std::path::Path, args: &[&str], no_color: Option<&str>) -> Run {
    let mut command = Command::new(env!("CARGO_BIN_EXE_errspec"));
    command.args(args).current_dir(dir).env_remove("NO_COLOR");
    if let Some(value) = no_color {
        command.env("NO_COLOR", value);
    }
    command.output().unwrap().into()
}

/// Runs errspec with its stderr on a pseudo-terminal, as in a person's shell, and returns what
/// the terminal received (with the terminal's `\r\n` line ends).
///
/// The terminal comes from rustix's `pty` module, a thin wrapper over `posix_openpt`,
/// `grantpt`, `unlockpt` and `ptsname`; rustix is in the lock tree already (through tempfile).
/// `script` would do it from a shell, but its options differ between util-linux and the BSDs
/// and it puts stdout on the terminal too, where the test wants only stderr there.
fn errspec_on_a_terminal(dir: &std::path::Path, args: &[&str], no_color: Option<&str>) -> String {
    use rustix::pty::{OpenptFlags, grantpt, openpt, ptsname, unlockpt};
    use std::io::Read;

    let controller = openpt(OpenptFlags::RDWR | OpenptFlags::NOCTTY | OpenptFlags::CLOEXEC)
        .expect("a pseudo-terminal");
    grantpt(&controller).unwrap();
    unlockpt(&controller).unwrap();
    let name = ptsname(&controller, Vec::new()).unwrap();
    let terminal = fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open(name.to_str().unwrap())
        .unwrap();
    let mut command = Command::new(env!("CARGO_BIN_EXE_errspec"));
    command
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(terminal);
    if let Some(value) = no_color {
        command.env("NO_COLOR", value);
    }
    let mut child = command.spawn().unwrap();
    // The command holds the only handle on the terminal's side now: once it exits, reading
    // the controller ends (with EIO, Linux's end of file for a terminal whose last user left).
    drop(command);
    let reader = std::thread::spawn(move || {
        let mut controller = fs::File::from(controller);
        let mut seen = Vec::new();
        let mut buffer = [0u8; 4096];
        loop {
            match controller.read(&mut buffer) {
                Ok(0) | Err(_) => break,
                Ok(n) => seen.extend_from_slice(&buffer[..n]),
            }
        }
        String::from_utf8_lossy(&seen).into_owned()
    });
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(1), "validate fails on this spec");
    reader.join().unwrap()
}

#[test]
fn color_follows_the_flag_and_no_color() {
    let dir = project(FAILS);
    let escape = "\u{1b}[";
    let always = errspec_with_env(dir.path(), &["validate", "--color", "always"], None);
    assert!(always.stderr.contains(escape), "{}", always.stderr);
    let forced = errspec_with_env(dir.path(), &["validate", "--color", "always"], Some("1"));
    assert!(
        forced.stderr.contains(escape),
        "the flag wins over NO_COLOR"
    );
    for flag in ["never", "auto"] {
        // stderr here is a pipe, not a terminal: `auto` does not colour it.
        let run = errspec_with_env(dir.path(), &["validate", "--color", flag], None);
        assert!(
            !run.stderr.contains(escape),
            "--color {flag}: {}",
            run.stderr
        );
        assert!(run.stderr.contains("^^^"), "the same text, uncoloured");
    }
    let json = errspec_with_env(
        dir.path(),
        &["validate", "--color", "always", "--message-format", "json"],
        None,
    );
    assert!(
        !json.stdout.contains(escape),
        "machine formats are never coloured"
    );
}

#[test]
fn on_a_terminal_auto_colours_unless_no_color_is_set_and_not_empty() {
    let dir = project(FAILS);
    let escape = "\u{1b}[";
    // no-color.org: "when present and not an empty string" colour is off; `NO_COLOR=` is not
    // a request.
    for (flag, no_color, coloured) in [
        ("auto", None, true),
        ("auto", Some(""), true),
        ("auto", Some("1"), false),
        ("auto", Some("0"), false),
        ("never", None, false),
        ("always", Some("1"), true),
    ] {
        let seen = errspec_on_a_terminal(dir.path(), &["validate", "--color", flag], no_color);
        assert!(
            seen.contains("^^^"),
            "the diagnostic reached the terminal: {seen:?}"
        );
        assert_eq!(
            seen.contains(escape),
            coloured,
            "--color {flag} with NO_COLOR {no_color:?} on a terminal: {seen:?}"
        );
    }
}

#[test]
fn help_lists_the_formats_and_colours() {
    let run = errspec(crate::support::repo(), &["validate", "--help"]);
    for text in [
        "--message-format <FORMAT>",
        "human",
        "short",
        "json",
        "github",
        "--color <WHEN>",
        "--deny-warnings",
    ] {
        assert!(
            run.stdout.contains(text),
            "missing {text:?}:\n{}",
            run.stdout
        );
    }
}

/// The first ```` ```text ```` block after `marker` in the spec format's page of the docs.
fn readme_block(marker: &str) -> String {
    let readme = fs::read_to_string(crate::support::repo().join("docs/spec-format.md")).unwrap();
    let after = &readme[readme.find(marker).unwrap_or_else(|| panic!("{marker:?}"))..];
    let start = after.find("```text\n").unwrap() + "```text\n".len();
    let end = after[start..].find("```").unwrap();
    after[start..start + end].to_owned()
}

#[test]
fn the_readme_shows_real_output() {
    let run = errspec(project(FAILS).path(), &["validate"]);
    assert_eq!(run.stderr, readme_block("## Errors in the spec"));

    // The page's syntax error is the fixture's.
    let fixture = crate::support::repo().join("tests/fixtures/invalid/colon_in_text.yaml");
    let run = errspec(
        project(&fs::read_to_string(fixture).unwrap()).path(),
        &["validate"],
    );
    assert_eq!(run.stderr, readme_block("A syntax error is in"));

    let seed = fs::read_to_string(crate::support::repo().join("spec/errors.yaml")).unwrap();
    let allowed = "    title: Authorization Required\n    # The page's title; the IANA registry's reason phrase is \"Unauthorized\".\n    allow: [TITLE_NOT_REASON_PHRASE]\n";
    assert!(
        seed.contains(allowed),
        "docs/spec-format.md quotes the seed spec's allow"
    );
    let without = seed.replace(allowed, "    title: Authorization Required\n");
    let run = errspec(project(&without).path(), &["validate"]);
    assert_eq!(run.code, Some(0));
    assert!(
        run.stderr
            .ends_with("   Validated spec/errors.yaml: 11 codes\n")
    );
    assert_eq!(run.stderr, readme_block("Without that `allow:`"));
}
