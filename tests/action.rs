//! The GitHub Action (`action.yml`) as far as it can run here: read as YAML, its inputs are
//! the script's settings; and its steps run in order, as a runner runs a composite action's
//! `bash` steps, on a temporary repository, with a stand-in cargo for the install and
//! `actions/cache` left out (a cache miss). The workflow in docs/pr-review-and-ci.md uses it.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::ci_recipe::{UserRepo, configured, fixture, make_executable};
use crate::support::git::{commit_all, git, isolate};
use crate::support::{Run, repo};

fn action() -> serde_yaml::Value {
    let text = fs::read_to_string(repo().join("action.yml")).unwrap();
    serde_yaml::from_str(&text).unwrap()
}

fn steps(action: &serde_yaml::Value) -> &Vec<serde_yaml::Value> {
    assert_eq!(action["runs"]["using"], "composite");
    action["runs"]["steps"].as_sequence().unwrap()
}

/// The step that runs the check script.
fn check_step(action: &serde_yaml::Value) -> &serde_yaml::Value {
    steps(action)
        .iter()
        .find(|step| {
            step["run"]
                .as_str()
                .is_some_and(|run| run.contains("scripts/errspec-check.sh"))
        })
        .expect("a step runs the script")
}

#[test]
fn each_input_is_a_setting_of_the_script() {
    let action = action();
    let script = fs::read_to_string(repo().join("scripts/errspec-check.sh")).unwrap();
    let inputs = action["inputs"].as_mapping().unwrap();
    let env = check_step(&action)["env"].as_mapping().unwrap();
    let mut mapped = Vec::new();
    for (variable, value) in env {
        let variable = variable.as_str().unwrap();
        let value = value.as_str().unwrap();
        assert!(
            script.contains(&format!("${{{variable}")),
            "{variable} is not a setting of the script"
        );
        let input = value
            .strip_prefix("${{ inputs.")
            .and_then(|rest| rest.strip_suffix(" }}"))
            .unwrap_or_else(|| panic!("{variable}: {value} passes no input as it is"));
        assert!(
            inputs.contains_key(input),
            "{variable} reads an input, {input}, that is not declared"
        );
        mapped.push(input.to_owned());
    }
    mapped.sort();
    let mut declared: Vec<String> = inputs
        .keys()
        .map(|key| key.as_str().unwrap().to_owned())
        .collect();
    declared.sort();
    assert_eq!(mapped, declared, "every input reaches the script");
    for (input, default) in [
        ("config", ""),
        ("allow-breaking", "false"),
        ("message-format", "github"),
        ("snapshots", "auto"),
    ] {
        assert_eq!(action["inputs"][input]["default"], default, "{input}");
    }
    assert!(
        action["inputs"]["base-rev"]["default"]
            .as_str()
            .unwrap()
            .contains("format('origin/{0}', github.base_ref)"),
        "the pull request's base branch by default"
    );
    // An input reaches a script only through the environment: pasted into the script's text,
    // a value could run as code.
    for step in steps(&action) {
        if let Some(run) = step["run"].as_str() {
            assert!(!run.contains("${{"), "an expression in a script: {run}");
        }
    }
}

/// Runs the action's steps in order, as a runner runs a composite action's `bash` steps,
/// in `workspace` with `inputs`; returns the check step's run and what cargo was asked.
struct Runner {
    temp: tempfile::TempDir,
    outputs: BTreeMap<String, BTreeMap<String, String>>,
    path: Vec<PathBuf>,
}

impl Runner {
    fn new() -> Self {
        let temp = tempfile::tempdir().unwrap();
        let bin = temp.path().join("bin");
        fs::create_dir_all(&bin).unwrap();
        // cargo install --root ROOT puts its binary at ROOT/bin: here, the errspec just built.
        let cargo = format!(
            "#!/bin/sh\necho \"$*\" >> '{log}'\nif [ \"$1\" = install ]; then\n  while [ $# -gt 0 ]; do\n    if [ \"$1\" = --root ]; then root=$2; fi\n    shift\n  done\n  mkdir -p \"$root/bin\" && ln -sf '{errspec}' \"$root/bin/errspec\"\nfi\n",
            log = temp.path().join("cargo.log").display(),
            errspec = env!("CARGO_BIN_EXE_errspec"),
        );
        fs::write(bin.join("cargo"), cargo).unwrap();
        make_executable(&bin.join("cargo"));
        Runner {
            path: vec![bin],
            temp,
            outputs: BTreeMap::new(),
        }
    }

    fn cargo_log(&self) -> String {
        fs::read_to_string(self.temp.path().join("cargo.log")).unwrap_or_default()
    }

    /// `${{ ... }}` in a step's `env:` or `with:`, for the few forms the action uses.
    fn evaluate(&self, text: &str, inputs: &BTreeMap<&str, &str>) -> String {
        let Some(expression) = text
            .strip_prefix("${{ ")
            .and_then(|rest| rest.strip_suffix(" }}"))
        else {
            assert!(!text.contains("${{"), "an expression inside text: {text}");
            return text.to_owned();
        };
        if let Some(input) = expression.strip_prefix("inputs.") {
            return inputs
                .get(input)
                .map(|value| value.to_string())
                .unwrap_or_else(|| {
                    let default = action()["inputs"][input]["default"].clone();
                    let default = default.as_str().unwrap().to_owned();
                    assert!(!default.contains("${{"), "give the test {input}");
                    default
                });
        }
        let parts: Vec<&str> = expression.split('.').collect();
        match parts[..] {
            ["steps", id, "outputs", name] => self.outputs[id][name].clone(),
            _ => panic!("the action uses {expression}, which this runner cannot evaluate"),
        }
    }

    /// Whether a step runs: a cache miss, and no snapshot files.
    fn runs(condition: Option<&str>) -> bool {
        match condition {
            None => true,
            Some("steps.cache.outputs.cache-hit != 'true'") => true,
            Some("inputs.snapshots != 'skip' && hashFiles('**/*.snap') != ''") => false,
            Some(other) => panic!("a condition this runner does not know: {other}"),
        }
    }

    fn run(&mut self, workspace: &Path, inputs: &[(&str, &str)]) -> Run {
        let inputs: BTreeMap<&str, &str> = inputs.iter().copied().collect();
        let action = action();
        let mut last = None;
        for (n, step) in steps(&action).iter().enumerate() {
            if step["uses"].is_string() || !Self::runs(step["if"].as_str()) {
                continue;
            }
            assert_eq!(step["shell"], "bash", "{step:?}");
            let script = self.temp.path().join(format!("step-{n}.sh"));
            fs::write(&script, step["run"].as_str().unwrap()).unwrap();
            let output = self.temp.path().join(format!("output-{n}"));
            let github_path = self.temp.path().join("path");
            let mut path = self.path.clone();
            path.extend(std::env::split_paths(&std::env::var_os("PATH").unwrap()));
            let mut command = Command::new("bash");
            command
                .args(["--noprofile", "--norc", "-eo", "pipefail"])
                .arg(&script)
                .current_dir(workspace)
                .env("PATH", std::env::join_paths(path).unwrap())
                .env("GITHUB_ACTIONS", "true")
                .env("GITHUB_ACTION_PATH", repo())
                .env("GITHUB_OUTPUT", &output)
                .env("GITHUB_PATH", &github_path)
                .env("RUNNER_OS", "Linux")
                .env("RUNNER_ARCH", "X64")
                .env("RUNNER_TOOL_CACHE", self.temp.path().join("tool-cache"))
                .env("NO_COLOR", "1");
            for (key, _) in std::env::vars_os() {
                if key.to_string_lossy().starts_with("ERRSPEC") {
                    command.env_remove(key);
                }
            }
            for (key, value) in step["env"].as_mapping().into_iter().flatten() {
                let value = self.evaluate(value.as_str().unwrap(), &inputs);
                command.env(key.as_str().unwrap(), value);
            }
            isolate(&mut command, workspace);
            let run: Run = command.output().unwrap().into();
            if let Some(id) = step["id"].as_str() {
                let written = fs::read_to_string(&output).unwrap_or_default();
                let outputs = written
                    .lines()
                    .filter_map(|line| line.split_once('='))
                    .map(|(k, v)| (k.to_owned(), v.to_owned()))
                    .collect();
                self.outputs.insert(id.to_owned(), outputs);
            }
            // As the runner does: what a step appends to GITHUB_PATH comes first after it.
            let added = fs::read_to_string(&github_path).unwrap_or_default();
            for line in added.lines().rev() {
                self.path.insert(0, PathBuf::from(line));
            }
            let _ = fs::remove_file(&github_path);
            let last_step = step["run"].as_str().unwrap().contains("errspec-check.sh");
            if !last_step {
                assert_eq!(run.code, Some(0), "step {n}: {}{}", run.stdout, run.stderr);
            }
            last = Some(run);
        }
        last.expect("the action runs steps")
    }
}

#[test]
fn the_action_installs_errspec_from_its_checkout_and_runs_the_checks() {
    let user = configured(&fixture("status_changed", "old"));
    git(
        user.root(),
        user.root(),
        &["checkout", "--quiet", "-b", "breaking", "main"],
    );
    fs::write(
        user.root().join("api/errors.yaml"),
        fixture("status_changed", "new"),
    )
    .unwrap();
    let regenerated = crate::support::errspec(user.root(), &["generate"]);
    assert_eq!(regenerated.code, Some(0), "{}", regenerated.stderr);
    commit_all(user.root(), "410, not 404");
    let inputs = [("base-rev", "origin/main")];

    let mut runner = Runner::new();
    let run = runner.run(user.root(), &inputs);
    let key = &runner.outputs["errspec"]["key"];
    assert!(
        key.starts_with("errspec-Linux-X64-") && key.len() == "errspec-Linux-X64-".len() + 16,
        "{key}"
    );
    let root = &runner.outputs["errspec"]["root"];
    assert!(root.ends_with(&key["errspec-Linux-X64-".len()..]), "{root}");
    assert_eq!(
        runner.cargo_log(),
        format!(
            "install --locked --path {} --root {root}\n",
            repo().display()
        ),
        "errspec is built from the action's own checkout"
    );
    assert_eq!(
        run.code,
        Some(1),
        "something breaks: {}{}",
        run.stdout,
        run.stderr
    );
    for annotation in [
        "::group::validate: errspec validate --config errspec.yaml --message-format github",
        "::error file=api/errors.yaml,line=9,col=13,title=STATUS_CHANGED::",
    ] {
        assert!(
            run.stdout.contains(annotation),
            "{annotation}: {}",
            run.stdout
        );
    }

    let mut again = Runner::new();
    let run = again.run(
        user.root(),
        &[("base-rev", "origin/main"), ("allow-breaking", "true")],
    );
    assert_eq!(
        run.code,
        Some(0),
        "breaking allowed: {}{}",
        run.stdout,
        run.stderr
    );
    assert_eq!(
        again.outputs["errspec"]["key"], *key,
        "the same source, the same key"
    );

    // On a push there is no base branch: the default base-rev is empty, and the diff skipped.
    let mut push = Runner::new();
    let run = push.run(
        user.root(),
        &[("base-rev", ""), ("message-format", "short")],
    );
    assert_eq!(run.code, Some(0), "{}{}", run.stdout, run.stderr);
    assert!(
        run.stderr
            .contains("errspec-check: ERRSPEC_BASE_REV is empty: no diff"),
        "{}",
        run.stderr
    );
}

#[test]
fn the_docs_workflow_uses_the_action_with_its_inputs() {
    let docs = fs::read_to_string(repo().join("docs/pr-review-and-ci.md")).unwrap();
    let marker = "```yaml\n# .github/workflows/errspec.yml\n";
    let start = docs.find(marker).expect("the docs have the workflow") + "```yaml\n".len();
    let end = start + docs[start..].find("```").unwrap();
    let workflow: serde_yaml::Value = serde_yaml::from_str(&docs[start..end]).unwrap();
    let steps = workflow["jobs"]["errspec"]["steps"].as_sequence().unwrap();
    let uses = |prefix: &str| {
        steps.iter().find(|step| {
            step["uses"]
                .as_str()
                .is_some_and(|uses| uses.starts_with(prefix) || uses.contains(prefix))
        })
    };
    let checkout = uses("actions/checkout@").expect("the workflow checks out the repository");
    assert_eq!(
        checkout["with"]["fetch-depth"].as_i64(),
        Some(0),
        "the diff needs the base branch"
    );
    let errspec = uses("/errspec@").expect("the workflow uses errspec's action");
    let inputs = action()["inputs"].clone();
    for (input, _) in errspec["with"].as_mapping().into_iter().flatten() {
        assert!(
            inputs.get(input).is_some(),
            "the workflow passes {input:?}, which the action does not declare"
        );
    }
}

#[test]
fn a_repository_without_a_config_is_checked_with_the_defaults() {
    let user = UserRepo::new(Some(&fixture("code_added", "old")));
    user.branch("safe", &fixture("code_added", "new"));
    let run = Runner::new().run(user.root(), &[("base-rev", "origin/main")]);
    assert_eq!(run.code, Some(0), "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout
            .contains("::group::validate: errspec validate --message-format github"),
        "{}",
        run.stdout
    );
}

#[test]
fn the_docs_list_every_input_of_the_action() {
    let docs = fs::read_to_string(repo().join("docs/pr-review-and-ci.md")).unwrap();
    let mut listed: Vec<String> = docs
        .lines()
        .skip_while(|line| !line.starts_with("| input |"))
        .skip(2)
        .take_while(|line| line.starts_with("| `"))
        .map(|line| line["| `".len()..].split('`').next().unwrap().to_owned())
        .collect();
    listed.sort();
    let mut declared: Vec<String> = action()["inputs"]
        .as_mapping()
        .unwrap()
        .keys()
        .map(|key| key.as_str().unwrap().to_owned())
        .collect();
    declared.sort();
    assert_eq!(
        listed, declared,
        "docs/pr-review-and-ci.md's table of inputs"
    );
}
