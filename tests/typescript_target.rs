//! The generated TypeScript, under the real tools pinned in `package-lock.json`: prettier with
//! its defaults, tsc (the newest release, and the newest 5.x that most projects still use)
//! with every strictness flag, and Node running the compiled module. Every value is compared
//! with the spec as the test reads it.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use serde_json::{Value, json};

use crate::support::expected::{self, SEED_EXAMPLE_BODY};
use crate::support::node::{self, node_tools_or_skip};
use crate::support::{
    files_in, render_one, repo, run_ok, spec_stem, valid_specs, write_if_changed,
};

/// The scratch TypeScript project that every test here shares: each spec's generated module,
/// the README's example and the type-level checks, compiled together.
struct Project {
    dir: PathBuf,
    modules: Vec<Module>,
}

/// One spec's generated module in the project.
struct Module {
    /// The spec's stem: `errors` for the seed spec, else the fixture's.
    name: String,
    spec: PathBuf,
    /// The `.ts` file, under `src/`.
    source: PathBuf,
    /// The `.js` file tsc emits for it, under `out/`.
    compiled: PathBuf,
}

/// The project's own files, relative to its folder.
const SEED_MODULE: &str = "src/generated/typescript/error-codes.ts";
const USAGE: &str = "src/usage.ts";
const TYPE_CHECKS: &str = "src/type-checks.ts";

/// Writes the project once per run. The seed's module sits where the README's example imports
/// it from; each fixture's module has a folder of its own.
fn project() -> &'static Project {
    static PROJECT: OnceLock<Project> = OnceLock::new();
    PROJECT.get_or_init(|| {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("typescript");
        for stale in ["src", "out"] {
            if dir.join(stale).exists() {
                std::fs::remove_dir_all(dir.join(stale)).unwrap();
            }
        }
        write_if_changed(
            &dir.join("package.json"),
            "{ \"private\": true, \"type\": \"module\" }\n",
        );
        let strict = repo().join("tests/node/tsconfig.strict.json");
        let tsconfig = json!({
            "extends": strict.to_string_lossy().replace('\\', "/"),
            "compilerOptions": { "rootDir": "src", "outDir": "out" },
            "include": ["src"],
        });
        write_if_changed(&dir.join("tsconfig.json"), &format!("{tsconfig:#}\n"));
        write_if_changed(&dir.join(USAGE), &readme_example());
        let checks = std::fs::read_to_string(repo().join("tests/node/type-checks.ts")).unwrap();
        write_if_changed(&dir.join(TYPE_CHECKS), &checks);
        let modules = valid_specs()
            .into_iter()
            .map(|spec| {
                let name = spec_stem(&spec);
                let relative = if name == "errors" {
                    SEED_MODULE.to_owned()
                } else {
                    format!("src/fixtures/{name}/error-codes.ts")
                };
                let source = dir.join(&relative);
                let code = render_one(&spec, errspec::Target::TypeScript, true);
                write_if_changed(&source, &code);
                let compiled = dir.join(relative.replacen("src/", "out/", 1).replace(".ts", ".js"));
                Module {
                    name,
                    spec,
                    source,
                    compiled,
                }
            })
            .collect();
        Project { dir, modules }
    })
}

/// The project, compiled: checked by each pinned tsc, and emitted by the newest. Panics with
/// tsc's output when any file has an error; `None` when the Node tools are skipped.
fn compiled() -> Option<&'static Project> {
    static COMPILED: OnceLock<()> = OnceLock::new();
    let project = project();
    let tools = node::tools()?;
    COMPILED.get_or_init(|| {
        let tsconfig = project.dir.join("tsconfig.json");
        run_ok(
            tools
                .bin("typescript-5", "bin/tsc")
                .args(["--noEmit", "--pretty", "false", "-p"])
                .arg(&tsconfig),
            "tsc 5 on the generated TypeScript, the README's example and the type checks",
        );
        run_ok(
            tools
                .bin("typescript", "bin/tsc")
                .args(["--pretty", "false", "-p"])
                .arg(&tsconfig),
            "tsc on the generated TypeScript, the README's example and the type checks",
        );
    });
    Some(project)
}

/// The compiled module (`.js`) of each spec, with the spec's path: for the cross-target
/// conformance test. `None` when the Node tools are skipped.
pub(crate) fn compiled_modules() -> Option<Vec<(PathBuf, PathBuf)>> {
    let modules = compiled()?.modules.iter();
    Some(
        modules
            .map(|module| (module.spec.clone(), module.compiled.clone()))
            .collect(),
    )
}

/// The docs' TypeScript example: the first `ts` block under "Using it" in
/// docs/generated-typescript.md.
fn readme_example() -> String {
    let readme = std::fs::read_to_string(repo().join("docs/generated-typescript.md")).unwrap();
    let section = readme
        .split_once("\n## Using it\n")
        .expect("docs/generated-typescript.md has a section \"Using it\"")
        .1;
    let block = section
        .split_once("```ts\n")
        .and_then(|(_, rest)| rest.split_once("\n```\n"))
        .expect("that section has a ```ts block")
        .0;
    format!("{block}\n")
}

#[test]
fn generated_typescript_is_formatted_as_prettier_formats_it() {
    let project = project();
    let mut files: Vec<PathBuf> = project.modules.iter().map(|m| m.source.clone()).collect();
    let samples = project.dir.join("width-samples.ts");
    std::fs::write(&samples, width_samples()).unwrap();
    let v2_samples = project.dir.join("v2-width-samples.ts");
    std::fs::write(&v2_samples, v2_width_samples()).unwrap();
    files.extend([samples, v2_samples, project.dir.join(USAGE)]);
    // The Node side of these tests keeps to the same style.
    files.extend(files_in(&repo().join("tests/node"), "mjs"));
    files.extend(files_in(&repo().join("tests/node"), "ts"));
    let files: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
    let tools = node_tools_or_skip!();
    run_ok(
        &mut tools.script("tests/node/prettier-check.mjs", &files),
        "prettier on the generated TypeScript (and the README's example)",
    );
}

/// The TypeScript of a spec whose titles sit at prettier's width limit, one column inside and
/// one outside, made of characters sampled from every range whose width errspec knows: the
/// first, a middle and the last of each, with the width prettier gives them. If errspec
/// measured any of them differently from prettier, a title would be laid out wrongly. Then
/// titles that end in a sequence whose width errspec does not know (a flag, a skin-toned
/// emoji, a mark outside its table), where the least it could measure is one column inside the
/// limit, exactly at it, and one outside: errspec must escape the sequence, or move the title,
/// where prettier would.
fn width_samples() -> String {
    const RANGES: &[(u32, u32, usize)] = &[
        (0x20, 0x7E, 1),
        (0xA0, 0x2FF, 1),
        (0x300, 0x36F, 0),
        (0x370, 0x3FF, 1),
        (0x400, 0x482, 1),
        (0x48A, 0x52F, 1),
        (0x5D0, 0x5EA, 1),
        (0x621, 0x64A, 1),
        (0x2000, 0x200A, 1),
        (0x2010, 0x2027, 1),
        (0x2030, 0x203B, 1),
        (0x203D, 0x2048, 1),
        (0x204A, 0x205E, 1),
        (0xFF61, 0xFF9F, 1),
        (0x3001, 0x3011, 2),
        (0x3041, 0x3096, 2),
        (0x309B, 0x30FF, 2),
        (0x3400, 0x4DBF, 2),
        (0x4E00, 0x9FFF, 2),
        (0xAC00, 0xD7A3, 2),
        (0xFF01, 0xFF60, 2),
        (0xFFE0, 0xFFE6, 2),
        // Emoji that prettier counts as 2 when they stand alone.
        (0x1F300, 0x1F320, 2),
        (0x1F5FB, 0x1F64F, 2),
        (0x1F680, 0x1F6C5, 2),
        (0x1F947, 0x1F9FF, 2),
    ];
    // `    title: "` + text + `",` is 80 columns when the text is 66.
    const FITS: usize = 66;
    let mut codes = String::new();
    let mut status = 400;
    for &(first, last, width) in RANGES {
        for code in [first, first + (last - first) / 2, last] {
            let c = char::from_u32(code).unwrap();
            // Quotes and backslashes change the escaping; layout_prettier.yaml covers them.
            if matches!(c, '"' | '\'' | '\\') {
                continue;
            }
            let (unit, unit_width) = if width == 0 {
                (format!("e{c}"), 1)
            } else {
                (c.to_string(), width)
            };
            // A leading `a` keeps a title of spaces from being blank.
            let count = (FITS - 1) / unit_width;
            let padding = "a".repeat(FITS - 1 - count * unit_width);
            let fits = format!("a{}{padding}", unit.repeat(count));
            for (title, name) in [(fits.clone(), "In"), (format!("{fits}a"), "Out")] {
                let title: String = title
                    .chars()
                    .map(|c| format!("\\U{:08X}", u32::from(c)))
                    .collect();
                writeln!(
                    codes,
                    "  - {{status: {status}, name: {name} {code:X}, title: \"{title}\", description: d}}"
                )
                .unwrap();
                status += 1;
            }
        }
    }
    // Each sequence with the least width errspec may give it; prettier gives each 2, 2 and 0.
    let unknown = [
        ("\u{1F1E9}\u{1F1EA}", 0),
        ("\u{1F44D}\u{1F3FD}", 2),
        ("e\u{5B0}", 1),
    ];
    for (index, (sequence, least)) in unknown.iter().enumerate() {
        for (side, over) in [("In", 0), ("At", 1), ("Out", 2)] {
            let title = format!("{}{sequence}", "a".repeat(FITS - 1 + over - least));
            let title: String = title
                .chars()
                .map(|c| format!("\\U{:08X}", u32::from(c)))
                .collect();
            writeln!(
                codes,
                "  - {{status: {status}, name: Unknown {index} {side}, title: \"{title}\", description: d}}"
            )
            .unwrap();
            status += 1;
        }
    }
    let spec = format!("version: 1\napi:\n  name: Widths\ncodes:\n{codes}");
    let mut options = errspec::Options::new("width-samples.yaml");
    options.targets = vec![errspec::Target::TypeScript];
    errspec::render(&spec, &options).unwrap().remove(0).contents
}

/// The TypeScript of a catalog whose parameters sit at prettier's width limit, from two
/// columns inside to two outside: optional parameters whose `name?: string | undefined;` is
/// 78 to 82 columns in their type, and descriptions whose `description: "...",` is as wide in
/// `ERROR_CODES`.
fn v2_width_samples() -> String {
    let mut codes = String::new();
    for (index, over) in (-2_i32..=2).enumerate() {
        let shift = |base: i32| "q".repeat(usize::try_from(base + over).unwrap());
        // `  ` + name + `?: string | undefined;` is 80 columns for a name of 57.
        let name = format!("p{}", shift(56));
        // `        description: "` + text + `",` is 80 columns for a text of 56.
        let description = format!("d{}", shift(55));
        writeln!(
            codes,
            "  - {{code: c{index}, status: 400, title: T{index}, description: d, \
             params: {{{name}: {{type: string, description: {description}, optional: true}}}}}}"
        )
        .unwrap();
    }
    let spec = format!("version: 2\napi:\n  name: Widths\ncodes:\n{codes}");
    let mut options = errspec::Options::new("v2-width-samples.yaml");
    options.targets = vec![errspec::Target::TypeScript];
    errspec::render(&spec, &options).unwrap().remove(0).contents
}

#[test]
fn generated_typescript_compiles_under_the_strictest_tsc() {
    let Some(project) = compiled() else { return };
    for module in &project.modules {
        assert!(
            module.compiled.is_file(),
            "tsc emitted no {}",
            module.compiled.display()
        );
    }
}

#[test]
fn compiled_typescript_agrees_with_the_spec_in_node() {
    let Some(project) = compiled() else { return };
    let modules: Vec<Value> = project
        .modules
        .iter()
        .map(|module| {
            let spec = expected::read(&module.spec);
            let codes: Vec<Value> = spec
                .codes
                .iter()
                .map(|code| {
                    json!({
                        "status": code.status,
                        "title": code.title,
                        "description": code.description,
                        "retryable": code.retryable,
                    })
                })
                .collect();
            json!({
                "name": module.name,
                "path": module.compiled,
                "spec": { "errorName": spec.error_name, "codes": codes },
            })
        })
        .collect();
    let cases = json!({
        "modules": modules,
        "seed": { "module": "errors", "exampleBody": SEED_EXAMPLE_BODY },
    });
    let cases_file = project.dir.join("cases.json");
    std::fs::write(&cases_file, cases.to_string()).unwrap();
    let tools = node_tools_or_skip!();
    let run = run_ok(
        &mut tools.script("tests/node/error-codes.test.mjs", &[&cases_file]),
        "the Node test of the compiled TypeScript",
    );
    // node:test ends with its counts; make sure it ran the tests of every module.
    let count = |key: &str| node::tap_count(&run.stdout, key);
    assert_eq!(count("# fail "), 0, "{}", run.stdout);
    assert_eq!(count("# pass "), count("# tests "), "{}", run.stdout);
    assert!(count("# pass ") > project.modules.len(), "{}", run.stdout);
}

#[test]
fn every_declaration_has_a_doc_comment() {
    // As tsc declares them: each export, each key of `ErrorCode` and each property of the
    // interfaces comes right after the end of a JSDoc comment.
    let Some(project) = compiled() else { return };
    for module in &project.modules {
        let path = module.compiled.with_extension("d.ts");
        let declarations = std::fs::read_to_string(&path).unwrap();
        let lines: Vec<&str> = declarations.lines().map(str::trim).collect();
        for (index, line) in lines.iter().enumerate() {
            let comment = line.starts_with("/**") || line.starts_with('*');
            // A mapped type's key (`readonly [K in keyof typeof ErrorCode as ...]: K`) and its
            // closing index are part of the type alias documented above them, and `export {};`
            // is how tsc marks a declaration file that also declares a private constant as a
            // module: none of them declares anything.
            let mapped = line.starts_with("readonly [") || line.starts_with("}[");
            if comment || mapped || matches!(*line, "}" | "};" | "" | "export {};") {
                continue;
            }
            let documented = index > 0 && lines[index - 1].ends_with("*/");
            assert!(documented, "{}: no doc comment on `{line}`", path.display());
        }
    }
}

#[test]
fn the_body_doc_shows_the_spec_example_as_valid_json() {
    for spec in valid_specs() {
        let expected = expected::read(&spec);
        let code = render_one(&spec, errspec::Target::TypeScript, true);
        let shown = code.split_once(" * ```json\n").map(|(_, rest)| {
            let block = rest.split_once(" * ```\n").expect("the block ends").0;
            let json: String = block
                .lines()
                .map(|line| line.strip_prefix(" * ").expect("a JSDoc line"))
                .collect();
            serde_json::from_str::<Value>(&json)
                .unwrap_or_else(|e| panic!("{}: invalid JSON ({e}):\n{json}", spec.display()))
        });
        let want = expected.example.map(|example| {
            json!({ "error": {
                "name": expected.error_name,
                "status": example.status,
                "message": example.message,
            }})
        });
        assert_eq!(shown, want, "{}", spec.display());
    }
}

#[test]
fn an_entry_importing_only_error_code_bundles_no_description() {
    let project = project();
    let modules: Vec<Value> = project
        .modules
        .iter()
        .map(|module| {
            let spec = expected::read(&module.spec);
            let texts: Vec<&str> = spec
                .codes
                .iter()
                .flat_map(|code| [code.title.as_str(), code.description.as_str()])
                .collect();
            json!({ "name": module.name, "source": module.source, "texts": texts })
        })
        .collect();
    let cases_file = project.dir.join("tree-shaking-cases.json");
    std::fs::write(&cases_file, json!({ "modules": modules }).to_string()).unwrap();
    let tools = node_tools_or_skip!();
    let run = run_ok(
        &mut tools.script("tests/node/tree-shaking.test.mjs", &[&cases_file]),
        "esbuild on the generated TypeScript",
    );
    let count = |key: &str| node::tap_count(&run.stdout, key);
    assert_eq!(count("# fail "), 0, "{}", run.stdout);
    assert_eq!(count("# pass "), project.modules.len(), "{}", run.stdout);
}
