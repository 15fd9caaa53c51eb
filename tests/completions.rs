//! `errspec completions <shell>`: a script for each shell that knows every subcommand and
//! flag (and, in bash, zsh and fish, every value of the options), and that the shell itself
//! accepts.
//!
//! The subcommands, flags and values expected are read from the command's own `--help`
//! (clap's definition, which the test binary cannot import), so a new flag needs no edit here.

use std::collections::BTreeSet;
use std::io::Write as _;
use std::process::{Command, Stdio};

use crate::support::{errspec, in_ci, repo};

/// The subcommands `errspec --help` lists, with `help`.
fn subcommands() -> Vec<String> {
    let help = errspec(repo(), &["--help"]);
    assert_eq!(help.code, Some(0), "{}", help.stderr);
    let commands: Vec<String> = help
        .stdout
        .lines()
        .skip_while(|line| line.trim() != "Commands:")
        .skip(1)
        .take_while(|line| line.starts_with("  "))
        .filter_map(|line| line.split_whitespace().next())
        .map(str::to_owned)
        .collect();
    // If the help's layout changes, the parse above would find nothing and check nothing.
    for known in ["generate", "diff", "completions"] {
        assert!(
            commands.iter().any(|c| c == known),
            "`errspec --help` no longer lists commands as expected: {commands:?}\n{}",
            help.stdout
        );
    }
    commands
}

/// The long flags (without dashes) that `errspec <subcommand> --help` lists.
fn long_flags(subcommand: &str) -> BTreeSet<String> {
    let help = errspec(repo(), &[subcommand, "--help"]);
    assert_eq!(help.code, Some(0), "{subcommand}: {}", help.stderr);
    help.stdout
        .lines()
        .filter_map(|line| {
            // An option's line: `  -h, --help` or `      --base-rev <REV>`.
            let line = line.trim_start();
            let line = match line.split_once(", ") {
                Some((short, long)) if short.len() == 2 && short.starts_with('-') => long,
                _ => line,
            };
            let name = line.strip_prefix("--")?;
            let end = name
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
                .unwrap_or(name.len());
            Some(name[..end].to_owned())
        })
        .collect()
}

/// The short flags (the letter, without the dash) that `errspec <subcommand> --help` lists:
/// `  -q, --quiet`.
fn short_flags(subcommand: &str) -> BTreeSet<String> {
    let help = errspec(repo(), &[subcommand, "--help"]);
    help.stdout
        .lines()
        .filter_map(|line| {
            let (short, _) = line.trim_start().split_once(", --")?;
            let letter = short.strip_prefix('-')?;
            (letter.len() == 1).then(|| letter.to_owned())
        })
        .collect()
}

/// The values `errspec <subcommand> --help` lists for its options (`Options:`), or for its
/// arguments (`Arguments:`) when `arguments` is set, in either of clap's layouts:
/// `[possible values: a, b]`, or `Possible values:` and a `- a: ...` line each.
fn values(subcommand: &str, arguments: bool) -> BTreeSet<String> {
    let help = errspec(repo(), &[subcommand, "--help"]);
    let mut values = BTreeSet::new();
    let mut listing = false;
    let mut in_section = false;
    for line in help.stdout.lines() {
        if !line.starts_with(' ') && line.ends_with(':') {
            in_section = line == if arguments { "Arguments:" } else { "Options:" };
        }
        if !in_section {
            continue;
        }
        let line = line.trim();
        if let Some((_, rest)) = line.split_once("[possible values: ") {
            let list = rest.split(']').next().unwrap_or_default();
            values.extend(list.split(", ").map(str::to_owned));
        }
        if line == "Possible values:" {
            listing = true;
        } else if listing {
            match line
                .strip_prefix("- ")
                .and_then(|item| item.split_once(':'))
            {
                Some((value, _)) => {
                    values.insert(value.to_owned());
                }
                None => listing = false,
            }
        }
    }
    values
}

/// Every value of every subcommand's options (or arguments), checked to be a plausible list.
fn all_values(arguments: bool) -> BTreeSet<String> {
    let values: BTreeSet<String> = subcommands()
        .iter()
        .filter(|command| *command != "help")
        .flat_map(|command| values(command, arguments))
        .collect();
    let known: &[&str] = match arguments {
        true => &["bash", "zsh", "powershell"],
        false => &["rust", "markdown", "3.0", "3.1", "short", "github", "never"],
    };
    for known in known {
        assert!(
            values.contains(*known),
            "the values parsed from --help lack {known}: {values:?}"
        );
    }
    values
}

/// Every long flag of every subcommand, checked to be a plausible list.
fn all_long_flags() -> BTreeSet<String> {
    let flags: BTreeSet<String> = subcommands()
        .iter()
        .filter(|command| *command != "help")
        .flat_map(|command| long_flags(command))
        .collect();
    for known in [
        "spec",
        "base",
        "base-rev",
        "no-serde",
        "openapi-version",
        "color",
    ] {
        assert!(
            flags.contains(known),
            "the flags parsed from --help lack --{known}: {flags:?}"
        );
    }
    flags
}

fn completions(shell: &str) -> String {
    let run = errspec(repo(), &["completions", shell]);
    assert_eq!(run.code, Some(0), "{shell}: {}", run.stderr);
    assert_eq!(run.stderr, "", "{shell}");
    run.stdout
}

/// Whether `text` holds `word` with no letter, digit, `-` or `_` on either side, so that
/// `--base-rev` does not count as `--base`.
fn has_word(text: &str, word: &str) -> bool {
    let is_word = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
    text.match_indices(word).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        !before.is_some_and(is_word) && !after.is_some_and(is_word)
    })
}

#[test]
fn whole_words_only() {
    assert!(has_word("opts=\"--base --spec\"", "--base"));
    assert!(!has_word("opts=\"--base-rev --spec\"", "--base"));
    assert!(!has_word("-l base-rev -d", "-l base"));
    assert!(has_word("'--base=[file]'", "--base"));
}

#[test]
fn every_shell_gets_every_subcommand_and_flag() {
    let subcommands = subcommands();
    let flags = all_long_flags();
    let shorts: BTreeSet<String> = subcommands
        .iter()
        .filter(|command| *command != "help")
        .flat_map(|command| short_flags(command))
        .collect();
    assert!(shorts.contains("q") && shorts.contains("h"), "{shorts:?}");
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let script = completions(shell);
        for subcommand in &subcommands {
            assert!(has_word(&script, subcommand), "{shell} lacks {subcommand}");
        }
        for flag in &flags {
            // fish declares a long flag as `-l name`; the others write it out.
            let written = match shell {
                "fish" => format!("-l {flag}"),
                _ => format!("--{flag}"),
            };
            assert!(has_word(&script, &written), "{shell} lacks {written:?}");
        }
        for short in &shorts {
            let written = match shell {
                "fish" => format!("-s {short}"),
                _ => format!("-{short}"),
            };
            assert!(has_word(&script, &written), "{shell} lacks {written:?}");
        }
    }
    // bash, zsh and fish complete the options' values too, every value `--help` lists, and
    // bash and zsh the arguments' (`completions`' shells); clap_complete writes no values for
    // elvish and powershell, nor arguments' values for fish.
    let values = all_values(false);
    let argument_values = all_values(true);
    for shell in ["bash", "zsh", "fish"] {
        let script = completions(shell);
        for value in &values {
            assert!(has_word(&script, value), "{shell} lacks the value {value}");
        }
        if shell != "fish" {
            for value in &argument_values {
                assert!(has_word(&script, value), "{shell} lacks the value {value}");
            }
        }
    }
    for target in errspec::Target::ALL {
        assert!(values.contains(target.name()), "--help lists {target}");
    }
    for format in errspec::report::MessageFormat::ALL {
        assert!(values.contains(format.name()), "--help lists {format}");
    }
    assert!(completions("bash").contains("human short json github"));
}

/// bash's script has one `opts="..."` per subcommand: each offers exactly that subcommand's
/// flags, so a flag cannot pass by appearing under another command.
#[test]
fn bash_offers_each_subcommand_exactly_its_flags() {
    let bash = completions("bash");
    let lines: Vec<&str> = bash.lines().collect();
    for subcommand in subcommands().iter().filter(|c| *c != "help") {
        // `errspec__subcmd__generate)` (clap_complete 4.5 and later) or `errspec__generate)`;
        // not `errspec__subcmd__help__subcmd__generate)`, the case of `errspec help generate`.
        let is_case = |line: &&str| {
            let rest = line
                .trim()
                .strip_prefix("errspec")
                .and_then(|rest| rest.strip_suffix(')'));
            rest.is_some_and(|rest| {
                rest == format!("__{subcommand}") || rest == format!("__subcmd__{subcommand}")
            })
        };
        let case = lines
            .iter()
            .position(is_case)
            .unwrap_or_else(|| panic!("bash has no case for {subcommand}:\n{bash}"));
        let opts = lines[case + 1]
            .trim()
            .strip_prefix("opts=\"")
            .and_then(|rest| rest.strip_suffix('"'))
            .unwrap_or_else(|| panic!("no opts after the case of {subcommand}"));
        let offered: BTreeSet<String> = opts
            .split_whitespace()
            .filter_map(|word| word.strip_prefix("--"))
            .map(str::to_owned)
            .collect();
        assert_eq!(offered, long_flags(subcommand), "bash, {subcommand}");
    }
}

/// `bash -n`, `zsh -n` and `fish --no-execute` parse each script without running it. zsh and
/// fish are not everywhere: outside CI a missing one is skipped with a line on the terminal;
/// under CI (where `.ci/run` installs them) it fails, so CI cannot pass on bash alone.
#[test]
fn the_shells_accept_their_scripts() {
    for (shell, check) in [("bash", "-n"), ("zsh", "-n"), ("fish", "--no-execute")] {
        let Ok(mut child) = Command::new(shell)
            .arg(check)
            .stdin(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
        else {
            assert!(
                shell != "bash" && !in_ci(),
                "{shell} is not installed, and its completions must be checked (CI installs it \
                 in .ci/run; on Debian: apt-get install {shell})"
            );
            // Written past the test harness's capture, so that it shows on a passing run.
            let _ = writeln!(
                std::io::stderr(),
                "completions: {shell} is not installed; its script is not parsed (CI requires it)"
            );
            continue;
        };
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
