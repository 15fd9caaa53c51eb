//! `errspec completions <shell>`: a script for each shell that knows every subcommand and
//! flag, and that the shell itself accepts.

use std::process::{Command, Stdio};

use crate::support::{errspec, repo};

/// The subcommands a completion script must offer.
const SUBCOMMANDS: &[&str] = &[
    "init",
    "generate",
    "validate",
    "schema",
    "diff",
    "completions",
];

/// The long flags it must offer, without their dashes.
const FLAGS: &[&str] = &[
    "spec",
    "out",
    "target",
    "check",
    "base",
    "base-rev",
    "allow-breaking",
    "message-format",
    "color",
    "quiet",
    "config",
    "deny-warnings",
    "dir",
];

fn completions(shell: &str) -> String {
    let run = errspec(repo(), &["completions", shell]);
    assert_eq!(run.code, Some(0), "{shell}: {}", run.stderr);
    assert_eq!(run.stderr, "", "{shell}");
    run.stdout
}

#[test]
fn every_shell_gets_every_subcommand_and_flag() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let script = completions(shell);
        for subcommand in SUBCOMMANDS {
            assert!(script.contains(subcommand), "{shell} lacks {subcommand}");
        }
        for flag in FLAGS {
            // fish declares a long flag as `-l name`; the others write it out.
            let written = match shell {
                "fish" => format!("-l {flag} "),
                _ => format!("--{flag}"),
            };
            assert!(script.contains(&written), "{shell} lacks {written:?}");
        }
    }
    // Values are completed too: the targets and the formats.
    let bash = completions("bash");
    for target in errspec::Target::ALL {
        assert!(
            bash.contains(target.name()),
            "bash lacks the target {target}"
        );
    }
    for format in errspec::report::MessageFormat::ALL {
        assert!(
            bash.contains(format.name()),
            "bash lacks the format {format}"
        );
    }
    assert!(bash.contains("human short json github"), "{bash}");
}

/// `bash -n` (and `zsh -n`, `fish --no-execute` where installed) parse the script without
/// running it.
#[test]
fn the_shells_accept_their_scripts() {
    for (shell, check) in [("bash", "-n"), ("zsh", "-n"), ("fish", "--no-execute")] {
        let Ok(mut child) = Command::new(shell)
            .arg(check)
            .stdin(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
        else {
            assert_ne!(
                shell, "bash",
                "bash is needed to check the bash completions"
            );
            eprintln!("{shell} is not installed; its completions are not parsed");
            continue;
        };
        use std::io::Write;
        child
            .stdin
            .take()
            .unwrap()
            .write_all(completions(shell).as_bytes())
            .unwrap();
        let output = child.wait_with_output().unwrap();
        assert!(
            output.status.success(),
            "{shell} {check}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
}

#[test]
fn an_unknown_shell_is_a_usage_error() {
    let run = errspec(repo(), &["completions", "tcsh"]);
    assert_eq!(run.code, Some(2));
    assert!(
        run.stderr.contains("possible values: bash"),
        "{}",
        run.stderr
    );
}
