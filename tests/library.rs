//! The library as build scripts see it: a lean dependency tree, without the crates only the
//! command line needs (clap, and similar for `--check`'s diffs).

use std::process::Command;

use crate::support::{repo, run_ok};

#[test]
fn without_default_features_the_library_pulls_no_cli_crates() {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let run = run_ok(
        Command::new(cargo)
            .args([
                "tree",
                "--offline",
                "--no-default-features",
                "-e",
                "normal",
                "--prefix",
                "none",
            ])
            .current_dir(repo()),
        "cargo tree --no-default-features -e normal",
    );
    assert!(run.stdout.starts_with("errspec "), "{}", run.stdout);
    for cli_only in [
        "clap ",
        "clap_builder ",
        "clap_derive ",
        "anstream ",
        "clap_lex ",
        "clap_complete ",
        "similar ",
        "annotate-snippets ",
        "anstyle ",
        "schemars ",
        "schemars_derive ",
        "serde_json ",
    ] {
        assert!(
            !run.stdout.contains(cli_only),
            "{cli_only}in the library's tree:\n{}",
            run.stdout
        );
    }
}
