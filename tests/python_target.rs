//! The Python target under the real tools, pinned and installed by the tests
//! (`support::python`, `support::node` for pyright): every generated module is formatted as
//! `ruff format` formats it and passes `ruff check --select ALL` (but the rules
//! `tests/python/ruff.toml` argues against), `mypy --strict` and pyright in strict mode, and
//! imports; a type-level file uses the catalog's module as a user would, another the problem
//! details module, and each use that must not type-check is refused by both checkers; the
//! modules run (`tests/python/test_*.py`); and the bodies Python builds are TypeScript's,
//! value for value and member for member, for every code of every format v2 fixture, in
//! either envelope, with hostile strings and the number cases.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::catalog_typescript::{SETS, read_spec_file, run_lines, vector};
use crate::conformance_catalog::Keys;
use crate::support::node::{self, node_tools_or_skip};
use crate::support::python::{self, python_tools_or_skip};
use crate::support::{
    errspec, problem_specs, render_one, repo, run_ok, spec_stem, v2_specs, valid_specs,
};

/// An empty scratch folder for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("python-target")
        .join(name);
    if dir.exists() {
        std::fs::remove_dir_all(&dir).unwrap();
    }
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

fn fixture_v2(name: &str) -> PathBuf {
    repo().join(format!("tests/fixtures/specs_v2/{name}.yaml"))
}

fn fixture_problem(name: &str) -> PathBuf {
    repo().join(format!("tests/fixtures/specs_problem/{name}.yaml"))
}

fn python_of(spec: &Path) -> String {
    render_one(spec, errspec::Target::Python, true)
}

/// The ruff settings every ruff run here uses.
fn ruff_config() -> PathBuf {
    repo().join("tests/python/ruff.toml")
}

/// pyright's strict settings, copied into `dir` so that pyright resolves imports there.
fn pyright_in(dir: &Path) -> std::process::Command {
    let config = std::fs::read_to_string(repo().join("tests/python/pyrightconfig.json")).unwrap();
    write(&dir.join("pyrightconfig.json"), &config);
    let tools = node::tools().expect("pyright runs only with the Node tools");
    let mut command = tools.bin("pyright", "index.js");
    command.arg("-p").arg(dir).current_dir(dir);
    command
}

/// `mypy --strict` for Python 3.10, its cache in `dir`.
fn mypy_in(tools: &python::Tools, dir: &Path) -> std::process::Command {
    let mut command = tools.program("mypy");
    command
        .args(["--strict", "--python-version", "3.10", "--cache-dir"])
        .arg(dir.join(".mypy_cache"))
        .current_dir(dir);
    command
}

fn render_python(text: &str) -> String {
    let mut options = errspec::Options::new("width.yaml");
    options.targets = vec![errspec::Target::Python];
    errspec::render(text, &options)
        .unwrap_or_else(|e| panic!("{e}\n{text}"))
        .remove(0)
        .contents
}

/// Specs whose lines sit at ruff's one decision by width on either side: `NAME = "code"` that
/// fits in 88 columns, or moves the string into parentheses (codes of 38 to 42 characters,
/// whose members are as long), and `ERROR_NAME: Final = "..."` likewise; and `PlainErrorCode`
/// with a single member, on one line of 88 columns exactly, then one column too long for it.
fn width_samples() -> Vec<String> {
    (64..=68)
        .map(|name_len| {
            let mut text = format!(
                "version: 2\napi: {{name: W, error_name: {}}}\ncodes:\n",
                "e".repeat(name_len)
            );
            for len in 38..=42 {
                let code = format!("c_{}", "d".repeat(len - 2));
                text.push_str(&format!(
                    "  - {{code: {code}, status: 400, title: T{len}, description: d, message: m, allow: [TITLE_CASE]}}\n"
                ));
            }
            // `PlainErrorCode: TypeAlias = Literal[ErrorCode.PLAIN_…]` is 88 columns with 35 `p`s.
            let long = format!("plain_{}", "p".repeat(name_len - 29));
            text.push_str(&format!(
                "  - {{code: {long}, status: 400, title: P, description: d}}\n"
            ));
            text
        })
        .collect()
}

#[test]
fn generated_python_is_formatted_lint_clean_and_strictly_typed() {
    let tools = python_tools_or_skip!();
    let dir = scratch("all");
    let mut files = Vec::new();
    let sets = [
        ("v1", valid_specs()),
        ("v2", v2_specs()),
        ("problem", problem_specs()),
    ];
    for (prefix, specs) in sets {
        for spec in specs {
            let file = dir.join(format!("{prefix}_{}.py", spec_stem(&spec)));
            write(&file, &python_of(&spec));
            files.push(file);
        }
    }
    for (index, text) in width_samples().iter().enumerate() {
        let file = dir.join(format!("width_{index}.py"));
        write(&file, &render_python(text));
        files.push(file);
    }
    let file = dir.join("problem_keywords.py");
    write(&file, &render_python(PROBLEM_KEYWORDS));
    files.push(file);
    let config = ruff_config();
    run_ok(
        tools
            .program("ruff")
            .args(["format", "--check", "--diff", "--no-cache", "--config"])
            .arg(&config)
            .arg(&dir),
        "ruff format --check on the generated Python",
    );
    run_ok(
        tools
            .program("ruff")
            .args(["check", "--no-cache", "--config"])
            .arg(&config)
            .arg(&dir)
            .arg(repo().join("tests/python")),
        "ruff check (every rule) on the generated Python and the tests' own",
    );
    run_ok(
        tools
            .program("ruff")
            .args(["format", "--check", "--no-cache", "--config"])
            .arg(&config)
            .arg(repo().join("tests/python")),
        "ruff format --check on the tests' own Python",
    );
    run_ok(
        mypy_in(tools, &dir).args(&files),
        "mypy --strict on the generated Python",
    );
    // Each module runs its definitions: a TypedDict, a TypeVar's bound, the lookups.
    let imports: String = files
        .iter()
        .map(|file| format!("import {}\n", file.file_stem().unwrap().to_string_lossy()))
        .collect();
    run_ok(
        tools
            .python()
            .args(["-B", "-c", &imports])
            .current_dir(&dir),
        "importing every generated module",
    );
    node_tools_or_skip!();
    run_ok(
        pyright_in(&dir).args(&files),
        "pyright (strict) on the generated Python",
    );
}

/// A problem details spec whose parameters are named as Python keywords (which only the
/// functional syntax of `TypedDict` can hold as keys) and builtins, optional and required,
/// with codes named as the module's own `ErrorBody` and `with_instance` would be.
const PROBLEM_KEYWORDS: &str = r#"version: 2
api: {name: K, docs: "https://k.example/{code}", envelope: problem}
codes:
  - code: error
    status: 400
    title: Error
    description: d
    message: "{class} {None} {int}"
    params:
      class: {type: string, description: c}
      None: {type: boolean, description: n}
      int: {type: integer, description: i}
      str: {type: number, description: s, optional: true}
  - code: with_instance
    status: 409
    title: W
    description: d
    params:
      from: {type: string, description: f, optional: true}
      limit: {type: integer, description: l}
"#;

/// A user's code of the module of [`PROBLEM_KEYWORDS`]: type-checked, then run.
const PROBLEM_KEYWORDS_USE: &str = r#"import error_codes as ec

body: ec.ErrorErrorBody = ec.error(class_="c", int_=1, none=True)
klass: str = body["class"]
assert list(body) == ["type", "title", "status", "detail", "code", "class", "None", "int"]
assert body["detail"] == "c true 1", body
assert klass == "c"
other = ec.with_instance(ec.with_instance_("m", limit=2, from_="f"), "/i")
assert list(other) == [
    "type", "title", "status", "detail", "code", "instance", "from", "limit"
], other
assert other["type"] == "https://k.example/with_instance", other
"#;

#[test]
fn problem_keys_that_are_python_keywords_type_check_and_run() {
    let tools = python_tools_or_skip!();
    let dir = scratch("problem-keywords");
    write(
        &dir.join("error_codes.py"),
        &render_python(PROBLEM_KEYWORDS),
    );
    write(&dir.join("use.py"), PROBLEM_KEYWORDS_USE);
    let files = ["error_codes.py", "use.py"];
    run_ok(
        mypy_in(tools, &dir).args(files),
        "mypy --strict on a use of keyword keys",
    );
    run_ok(
        tools.python().args(["-B", "use.py"]).current_dir(&dir),
        "a use of keyword keys",
    );
    node_tools_or_skip!();
    run_ok(
        pyright_in(&dir).args(files),
        "pyright (strict) on a use of keyword keys",
    );
}

/// Calls that must not type-check against the catalog's module (imported as `ec`), each
/// with the error code mypy gives it and the start of pyright's message.
const REFUSED: &[(&str, &str, &str)] = &[
    (
        "ec.quota_exceeded(limit=1, window='hour')",
        "[call-arg]",
        "Argument missing for parameter \"resets_at\"",
    ),
    (
        "ec.quota_exceeded(limit='1', window='hour', resets_at='r')",
        "[arg-type]",
        "Argument of type \"Literal['1']\" cannot be assigned to parameter \"limit\"",
    ),
    (
        "ec.quota_exceeded(limit=1.5, window='hour', resets_at='r')",
        "[arg-type]",
        "Argument of type \"float\" cannot be assigned to parameter \"limit\"",
    ),
    (
        "ec.quota_exceeded(1, 'hour', 'r')",
        "[call-arg]",
        "Expected 0 positional arguments",
    ),
    (
        "ec.maintenance(until=None, partial=True)",
        "[arg-type]",
        "Argument of type \"None\" cannot be assigned to parameter \"until\"",
    ),
    (
        "ec.invalid_param('m', param='p', extra=1)",
        "[call-arg]",
        "No parameter named \"extra\"",
    ),
    (
        "ec.invalid_param(param='p')",
        "[call-arg]",
        "Argument missing for parameter \"message\"",
    ),
    (
        "ec.card_declined('message', decline_code='x')",
        "[misc]",
        "Expected 0 positional arguments",
    ),
    (
        "ec.card_expired()",
        "[call-arg]",
        "Argument missing for parameter \"message\"",
    ),
    (
        "ec.error_body(ec.ErrorCode.QUOTA_EXCEEDED, 'm')",
        "[arg-type]",
        "cannot be assigned to parameter \"code\" of type \"PlainErrorCode\"",
    ),
    (
        "ec.ErrorCode.from_code('x').status",
        "[union-attr]",
        "\"status\" is not a known attribute of \"None\"",
    ),
    (
        "ec.card_expired('m')['error']['nope']",
        "[typeddict-item]",
        "Could not access item in TypedDict",
    ),
    (
        "ec.ErrorCode.from_status(404)",
        "[attr-defined]",
        "Cannot access attribute \"from_status\"",
    ),
];

/// Uses of the problem details module that must not type-check, as [`REFUSED`] lists them.
const REFUSED_PROBLEM: &[(&str, &str, &str)] = &[
    (
        "ec.quota_exceeded(limit=1, window='hour')",
        "[call-arg]",
        "Argument missing for parameter \"resets_at\"",
    ),
    (
        "ec.quota_exceeded(limit=1.5, window='hour', resets_at='r')",
        "[arg-type]",
        "Argument of type \"float\" cannot be assigned to parameter \"limit\"",
    ),
    (
        "ec.maintenance('m')",
        "[call-arg]",
        "Expected 0 positional arguments",
    ),
    (
        "ec.quota_exceeded(limit=1, window='h', resets_at='r')['error']",
        "[typeddict-item]",
        "Could not access item in TypedDict",
    ),
    (
        "ec.invalid_param('m', param='p')['limit']",
        "[typeddict-item]",
        "Could not access item in TypedDict",
    ),
    (
        "ec.card_expired('m')['name']",
        "[typeddict-item]",
        "Could not access item in TypedDict",
    ),
    (
        "y: str = ec.quota_exceeded(limit=1, window='h', resets_at='r')['limit']",
        "[assignment]",
        "Type \"int\" is not assignable to declared type \"str\"",
    ),
    (
        "x: ec.QuotaExceededErrorBody = ec.invalid_param('m', param='p')",
        "[assignment]",
        "Type \"InvalidParamErrorBody\" is not assignable",
    ),
    (
        "ec.with_instance(ec.maintenance(), 1)",
        "[arg-type]",
        "cannot be assigned to parameter \"instance\"",
    ),
    (
        "ec.with_instance({'code': 'c'}, '/i')",
        "[type-var]",
        "cannot be assigned to parameter \"body\"",
    ),
];

#[test]
fn the_checkers_accept_a_users_code_and_refuse_missing_or_mistyped_arguments() {
    check_types("types", &fixture_v2("catalog"), "type_checks", REFUSED);
}

#[test]
fn the_checkers_accept_a_users_problem_code_and_refuse_what_its_bodies_lack() {
    check_types(
        "types-problem",
        &fixture_problem("problem"),
        "type_checks_problem",
        REFUSED_PROBLEM,
    );
}

/// Holds the module of `spec` to the type-level file `checks` of tests/python, which both
/// checkers must accept, and to `refused`, each of which both must refuse with its error.
fn check_types(name: &str, spec: &Path, checks: &str, refused: &[(&str, &str, &str)]) {
    let tools = python_tools_or_skip!();
    let dir = scratch(name);
    write(&dir.join("error_codes.py"), &python_of(spec));
    let text = std::fs::read_to_string(repo().join(format!("tests/python/{checks}.py"))).unwrap();
    let checks = format!("{checks}.py");
    write(&dir.join(&checks), &text);
    let good = ["error_codes.py", checks.as_str()];
    run_ok(
        mypy_in(tools, &dir).args(good),
        "mypy --strict on the type-level checks",
    );
    node_tools_or_skip!();
    run_ok(
        pyright_in(&dir).args(good),
        "pyright (strict) on the type-level checks",
    );
    let mut files = Vec::new();
    for (index, (call, _, _)) in refused.iter().enumerate() {
        let name = format!("refused_{index}.py");
        write(
            &dir.join(&name),
            &format!("import error_codes as ec\n\n{call}\n"),
        );
        files.push(name);
    }
    let mypy = crate::support::Run::from(mypy_in(tools, &dir).args(&files).output().unwrap());
    let pyright = crate::support::Run::from(pyright_in(&dir).args(&files).output().unwrap());
    assert_eq!(
        mypy.code,
        Some(1),
        "mypy accepted a call it must refuse:\n{}",
        mypy.stdout
    );
    assert_eq!(
        pyright.code,
        Some(1),
        "pyright accepted a call it must refuse:\n{}",
        pyright.stdout
    );
    for ((call, mypy_code, pyright_message), name) in refused.iter().zip(&files) {
        let at = format!("{name}:3:");
        let mypy_hit = mypy
            .stdout
            .lines()
            .any(|line| line.starts_with(&at) && line.contains(mypy_code));
        assert!(
            mypy_hit,
            "mypy does not refuse `{call}` with {mypy_code}:\n{}",
            mypy.stdout
        );
        let pyright_hit = pyright
            .stdout
            .lines()
            .any(|line| line.contains(&at) && line.contains(pyright_message));
        assert!(
            pyright_hit,
            "pyright does not refuse `{call}` with {pyright_message:?}:\n{}",
            pyright.stdout
        );
    }
}

/// Runs the unittest module `test` of tests/python beside the module generated from `spec`.
fn run_unittest(tools: &python::Tools, spec: &Path, test: &str) {
    let dir = scratch(test);
    write(&dir.join("error_codes.py"), &python_of(spec));
    let source = std::fs::read_to_string(repo().join(format!("tests/python/{test}.py"))).unwrap();
    write(&dir.join(format!("{test}.py")), &source);
    let run = run_ok(
        tools
            .python()
            .args(["-B", "-m", "unittest", "-v", test])
            .current_dir(&dir),
        &format!("python -m unittest {test}"),
    );
    assert!(run.stderr.contains("\nOK"), "{}", run.stderr);
}

#[test]
fn the_catalog_module_runs_as_its_spec_says() {
    let tools = python_tools_or_skip!();
    run_unittest(tools, &fixture_v2("catalog"), "test_catalog");
}

#[test]
fn the_problem_module_runs_as_its_spec_says() {
    let tools = python_tools_or_skip!();
    run_unittest(tools, &fixture_problem("problem"), "test_problem");
}

#[test]
fn the_seed_module_runs_as_its_spec_says() {
    let tools = python_tools_or_skip!();
    run_unittest(tools, &repo().join("spec/errors.yaml"), "test_seed");
}

/// `value` with every number as a float, so that `1e21` and `1000000000000000000000`, or `0`
/// and `-0.0`, compare equal: the JSON values are the same, however each side writes them.
fn numbers_as_floats(value: Value) -> Value {
    match value {
        Value::Number(n) => {
            let number = n.as_f64().unwrap();
            serde_json::json!(if number == 0.0 { 0.0 } else { number })
        }
        Value::Array(items) => Value::Array(items.into_iter().map(numbers_as_floats).collect()),
        Value::Object(members) => Value::Object(
            members
                .into_iter()
                .map(|(key, value)| (key, numbers_as_floats(value)))
                .collect(),
        ),
        other => other,
    }
}

/// What a body of either envelope says of its error besides the problem's `type`, `title` and
/// `instance`: `status`, `code`, the message as `detail`, and each parameter as a member. The
/// vectors write errspec's envelope; this lets a problem body be held to them too.
fn problem_parts(body: Value) -> Value {
    let Some(error) = body.get("error") else {
        let mut members = body.as_object().unwrap().clone();
        for member in ["type", "title", "instance"] {
            members.remove(member);
        }
        return Value::Object(members);
    };
    let mut members = error
        .get("params")
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    for (to, from) in [
        ("status", "status"),
        ("code", "code"),
        ("detail", "message"),
    ] {
        members.insert(to.to_owned(), error[from].clone());
    }
    Value::Object(members)
}

#[test]
fn python_builds_typescripts_bodies_for_every_code_of_every_catalog_in_either_envelope() {
    let tools = python_tools_or_skip!();
    let node = node_tools_or_skip!();
    let dir = scratch("conformance");
    let strict = repo().join("tests/node/tsconfig.strict.json");
    let tsconfig = serde_json::json!({
        "extends": strict.to_string_lossy().replace('\\', "/"),
        "compilerOptions": { "rootDir": "src", "outDir": "out" },
        "include": ["src"],
    });
    write(&dir.join("tsconfig.json"), &format!("{tsconfig:#}\n"));
    write(
        &dir.join("package.json"),
        "{ \"private\": true, \"type\": \"module\" }\n",
    );
    let specs: Vec<PathBuf> = v2_specs().into_iter().chain(problem_specs()).collect();
    for spec in &specs {
        let name = spec_stem(spec);
        write(
            &dir.join(format!("src/{name}/error-codes.ts")),
            &render_one(spec, errspec::Target::TypeScript, true),
        );
        write(
            &dir.join(format!("py/{name}/error_codes.py")),
            &python_of(spec),
        );
        let model = errspec(repo(), &["model", "--spec", &spec.to_string_lossy()]);
        assert_eq!(model.code, Some(0), "errspec model: {}", model.stderr);
        write(&dir.join(format!("py/{name}/model.json")), &model.stdout);
    }
    run_ok(
        node.bin("typescript", "bin/tsc")
            .args(["--pretty", "false", "-p"])
            .arg(dir.join("tsconfig.json")),
        "tsc on the catalogs for the conformance test",
    );
    let mut compared = 0;
    for spec in &specs {
        let name = spec_stem(spec);
        let catalog = read_spec_file(spec);
        let problem = problem_specs().contains(spec);
        let vectors: Vec<_> = catalog
            .codes
            .iter()
            .flat_map(|code| (0..SETS).map(|set| vector(&catalog, code, set)))
            .collect();
        let input: String = vectors.iter().map(|v| format!("{}\n", v.line)).collect();
        let typescript = run_lines(
            &mut node.script(
                "tests/node/construct-v2.mjs",
                &[&dir.join(format!("out/{name}/error-codes.js"))],
            ),
            &input,
            &format!("construct-v2.mjs on {name}"),
        );
        let python = run_lines(
            tools
                .python()
                .arg(repo().join("tests/python/construct.py"))
                .arg(dir.join(format!("py/{name}/error_codes.py")))
                .arg(dir.join(format!("py/{name}/model.json"))),
            &input,
            &format!("construct.py on {name}"),
        );
        assert_eq!(python.len(), vectors.len(), "{name}: one body per line");
        // And Rust's constructors, for a spec that has them (one with parameters or
        // templates): the same bodies again.
        if crate::catalog_rust::harness_specs().contains(spec) {
            let lines: Vec<serde_json::Value> =
                vectors.iter().map(|vector| vector.line.clone()).collect();
            let rust = crate::catalog_rust::construct_texts(spec, &lines);
            for ((vector, rust), py) in vectors.iter().zip(&rust).zip(&python) {
                let parse = |text: &str| numbers_as_floats(serde_json::from_str(text).unwrap());
                assert_eq!(
                    parse(py),
                    parse(rust),
                    "{name}: Python and Rust build different bodies for {}",
                    vector.line
                );
                let order = |text: &str| serde_json::from_str::<Keys>(text).unwrap().0;
                assert_eq!(
                    order(py),
                    order(rust),
                    "{name}: member order of {}",
                    vector.line
                );
                compared += 1;
            }
        }
        for ((vector, ts), py) in vectors.iter().zip(&typescript).zip(&python) {
            let parse = |text: &str| numbers_as_floats(serde_json::from_str(text).unwrap());
            assert_eq!(
                parse(py),
                parse(ts),
                "{name}: Python and TypeScript build different bodies for {}",
                vector.line
            );
            let order = |text: &str| serde_json::from_str::<Keys>(text).unwrap().0;
            assert_eq!(
                order(py),
                order(ts),
                "{name}: Python and TypeScript order the members of {} differently",
                vector.line
            );
            let (got, want) = if problem {
                (
                    problem_parts(parse(py)),
                    problem_parts(parse(&vector.expected)),
                )
            } else {
                (parse(py), parse(&vector.expected))
            };
            assert_eq!(
                got, want,
                "{name}: Python's body for {} is not the wire format's",
                vector.line
            );
            compared += 1;
        }
    }
    assert!(compared > 100, "only {compared} bodies compared");
}

/// The README's script (the block marked `render_go.py`) on the model of `spec`: the Go it
/// prints, checked line by line against the model, since no Go toolchain is at hand (a Go
/// toolchain is not a cheap install for CI; the checks below are what `gofmt` would need).
fn check_go_script(tools: &python::Tools, dir: &Path, spec: &Path) {
    let model = errspec(repo(), &["model", "--spec", &spec.to_string_lossy()]);
    assert_eq!(model.code, Some(0), "errspec model: {}", model.stderr);
    let go = run_lines(
        tools.python().arg(dir.join("render_go.py")),
        &model.stdout,
        &format!("render_go.py on {}", spec.display()),
    );
    let model: Value = serde_json::from_str(&model.stdout).unwrap();
    assert!(go[0].starts_with("// Code generated ") && go[0].ends_with(" DO NOT EDIT."));
    assert!(go.contains(&"package errorcodes".to_owned()), "{go:#?}");
    let start = go
        .iter()
        .position(|line| line == "const (")
        .expect("a const block");
    assert_eq!(go.last().map(String::as_str), Some(")"), "{go:#?}");
    let body = &go[start + 1..go.len() - 1];
    let codes = model["codes"].as_array().unwrap();
    assert_eq!(
        body.len(),
        2 * codes.len(),
        "a comment and a constant per code"
    );
    for (lines, code) in body.chunks(2).zip(codes) {
        let name = code["identifiers"]["pascal_case"].as_str().unwrap();
        assert!(
            lines[0].starts_with(&format!("\t// {name}: {} ", code["status"])),
            "{lines:?}"
        );
        assert!(!lines[0].contains(['\n', '\r']));
        let (constant, value) = lines[1]
            .strip_prefix('\t')
            .and_then(|line| line.split_once(" = "))
            .unwrap_or_else(|| panic!("not a constant: {:?}", lines[1]));
        assert_eq!(constant, name);
        let valid_name = name.starts_with(|c: char| c.is_ascii_uppercase())
            && name.chars().all(|c| c.is_ascii_alphanumeric());
        assert!(valid_name, "{name} is not an exported Go identifier");
        // A Go interpreted string literal, read as JSON: the same escapes, and no `\u` pair of
        // surrogates, which Go refuses.
        let expected = if code["code"].is_null() {
            code["status"].clone()
        } else {
            assert!(
                !value.contains("\\ud8") && !value.contains("\\udb"),
                "{value}"
            );
            code["code"].clone()
        };
        assert_eq!(serde_json::from_str::<Value>(value).unwrap(), expected);
    }
}

#[test]
fn the_readmes_go_script_renders_every_code_of_every_spec() {
    let tools = python_tools_or_skip!();
    let dir = scratch("go");
    let block =
        crate::support::readme::marked("render_go.py").expect("a block marked render_go.py");
    write(&dir.join("render_go.py"), &block.code);
    let mut specs = vec![repo().join("spec/errors.yaml")];
    specs.extend(v2_specs());
    for spec in specs {
        check_go_script(tools, &dir, &spec);
    }
}

/// The first `python` block under `heading` in docs/generated-python.md.
fn docs_example(heading: &str) -> String {
    let docs = std::fs::read_to_string(repo().join("docs/generated-python.md")).unwrap();
    let section = docs
        .split_once(&format!("\n{heading}\n"))
        .unwrap_or_else(|| panic!("docs/generated-python.md has a section {heading:?}"))
        .1;
    let block = section
        .split_once("```python\n")
        .and_then(|(_, rest)| rest.split_once("\n```\n"))
        .expect("that section has a ```python block")
        .0;
    format!("{block}\n")
}

/// The docs' example under `heading`, beside the module of `spec`: type-checked by both
/// checkers, and run.
fn check_docs_example(name: &str, heading: &str, spec: &Path) {
    let tools = python_tools_or_skip!();
    let dir = scratch(name);
    write(&dir.join("error_codes.py"), &python_of(spec));
    write(&dir.join("usage.py"), &docs_example(heading));
    let files = ["error_codes.py", "usage.py"];
    run_ok(
        mypy_in(tools, &dir).args(files),
        "mypy --strict on the docs' example",
    );
    run_ok(
        tools.python().args(["-B", "usage.py"]).current_dir(&dir),
        "the docs' example",
    );
    node_tools_or_skip!();
    run_ok(
        pyright_in(&dir).args(files),
        "pyright (strict) on the docs' example",
    );
}

#[test]
fn the_docs_python_example_type_checks_and_runs() {
    check_docs_example("docs-example", "## Using it", &fixture_v2("catalog"));
}

#[test]
fn the_docs_problem_example_type_checks_and_runs() {
    check_docs_example(
        "docs-problem",
        "## Problem details",
        &fixture_problem("problem"),
    );
}
