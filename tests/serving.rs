//! Serving errors for real: the axum service of `examples/axum-service/`, built by cargo as a
//! user's crate (errspec in its build script, with the `axum` option), started on 127.0.0.1
//! at a port the OS chooses, and called by a client built from the generated TypeScript with
//! Node's `fetch`. Every live response is checked by the client (status, content type,
//! `readErrorBody`, the code's typed parameters, the message) and every error body against
//! the OpenAPI fragment's schema for its status. And `readErrorBody` on its own, over the
//! responses a server should not send.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;
use std::time::Duration;

use errspec::OpenApiVersion;
use serde_json::{Value, json};

use crate::support::node::{self, Tools, node_tools_or_skip};
use crate::support::openapi::{self, BodySchema};
use crate::support::{Run, render_one, repo, run_ok, write_if_changed};

/// The example's files, copied to build it where its lockfile may change.
const SERVICE_FILES: &[&str] = &[
    "Cargo.toml",
    "Cargo.lock",
    "build.rs",
    "errors.yaml",
    "errors-problem.yaml",
    "src/main.rs",
    "src/handlers.rs",
];

/// The two envelopes the service is built with: the spec each build generates from, and the
/// cargo feature that picks it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Envelope {
    Errspec,
    Problem,
}

impl Envelope {
    fn spec(self) -> PathBuf {
        let file = match self {
            Envelope::Errspec => "errors.yaml",
            Envelope::Problem => "errors-problem.yaml",
        };
        repo().join("examples/axum-service").join(file)
    }

    fn name(self) -> &'static str {
        match self {
            Envelope::Errspec => "errspec",
            Envelope::Problem => "problem",
        }
    }
}

/// The service's executable for `envelope`, built once per run: both builds share one target
/// folder (only the service itself differs), and each executable is copied out of it.
fn service(envelope: Envelope) -> &'static Path {
    static BUILT: [OnceLock<PathBuf>; 2] = [OnceLock::new(), OnceLock::new()];
    // One build at a time, since each replaces the other's executable in the target folder.
    static BUILDING: std::sync::Mutex<()> = std::sync::Mutex::new(());
    BUILT[envelope as usize].get_or_init(|| {
        let _building = BUILDING
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let scratch = Path::new(env!("CARGO_TARGET_TMPDIR"));
        let dir = scratch.join("axum-service");
        let example = repo().join("examples/axum-service");
        for file in SERVICE_FILES {
            let text = std::fs::read_to_string(example.join(file)).unwrap();
            let text = if *file == "Cargo.toml" {
                let errspec = repo().to_string_lossy().replace('\\', "/");
                text.replace(r#"path = "../..""#, &format!("path = {errspec:?}"))
            } else {
                text
            };
            write_if_changed(&dir.join(file), &text);
        }
        let target = scratch.join("axum-service-target");
        let mut cargo = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
        cargo
            .args(["build", "--quiet", "--target-dir"])
            .arg(&target)
            .current_dir(&dir)
            .env_remove("CARGO_TARGET_DIR")
            // The service, errspec's generated code included, compiles without a warning.
            .env("RUSTFLAGS", "-D warnings");
        if envelope == Envelope::Problem {
            cargo.args(["--features", "problem"]);
        }
        run_ok(
            &mut cargo,
            &format!("cargo build of examples/axum-service ({})", envelope.name()),
        );
        let built = scratch.join(format!("axum-service-{}", envelope.name()));
        std::fs::copy(target.join("debug/errspec-axum-service"), &built).unwrap();
        built
    })
}

/// A running service, stopped when dropped: also when a check fails.
struct Server {
    child: Child,
    /// `http://127.0.0.1:<port>`.
    url: String,
}

impl Server {
    fn start(envelope: Envelope) -> Self {
        let mut child = Command::new(service(envelope))
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the service starts");
        let stdout = child.stdout.take().unwrap();
        let (sender, receiver) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut line = String::new();
            let _ = BufReader::new(stdout).read_line(&mut line);
            let _ = sender.send(line);
        });
        let mut server = Self {
            child,
            url: String::new(),
        };
        let line = receiver
            .recv_timeout(Duration::from_secs(30))
            .expect("the service says where it listens within 30 s");
        let url = line
            .trim()
            .strip_prefix("listening on ")
            .unwrap_or_else(|| panic!("the service's first line: {line:?}"));
        assert!(
            url.starts_with("http://127.0.0.1:"),
            "the service listens on loopback only: {url}"
        );
        server.url = url.to_owned();
        server
    }

    /// Stops the service and returns what it wrote to stderr (its log).
    fn stop(mut self) -> String {
        let _ = self.child.kill();
        let mut log = String::new();
        if let Some(mut stderr) = self.child.stderr.take() {
            let _ = std::io::Read::read_to_string(&mut stderr, &mut log);
        }
        log
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The client, compiled with the strict tsconfig (and the DOM's `fetch`) beside the TypeScript
/// generated from the spec of `envelope` and that envelope's reading of a known body; its
/// `.js`.
fn client(tools: &Tools, envelope: Envelope) -> PathBuf {
    let dir =
        Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("axum-client-{}", envelope.name()));
    let generated = render_one(&envelope.spec(), errspec::Target::TypeScript, true);
    write_if_changed(
        &dir.join("src/generated/typescript/error-codes.ts"),
        &generated,
    );
    for (from, to) in [
        ("axum-client.ts".to_owned(), "client.ts"),
        (format!("axum-read-{}.ts", envelope.name()), "read.ts"),
    ] {
        let text = std::fs::read_to_string(repo().join("tests/node").join(from)).unwrap();
        write_if_changed(&dir.join("src").join(to), &text);
    }
    let strict = repo().join("tests/node/tsconfig.strict.json");
    let tsconfig = json!({
        "extends": strict.to_string_lossy().replace('\\', "/"),
        // The client runs in Node with `fetch`; the generated module needs neither.
        "compilerOptions": { "rootDir": "src", "outDir": "out", "lib": ["ES2022", "DOM"] },
        "include": ["src"],
    });
    write_if_changed(&dir.join("tsconfig.json"), &format!("{tsconfig:#}\n"));
    write_if_changed(
        &dir.join("package.json"),
        "{ \"private\": true, \"type\": \"module\" }\n",
    );
    run_ok(
        tools
            .bin("typescript", "bin/tsc")
            .args(["--pretty", "false", "-p"])
            .arg(dir.join("tsconfig.json")),
        "tsc on the axum service's client and its generated TypeScript",
    );
    dir.join("out/client.js")
}

/// Builds the service in `envelope`, starts it, and calls every route from the client: each
/// response checked by the client, each error body held to the OpenAPI fragment.
fn serve_and_call(envelope: Envelope) {
    let tools = node_tools_or_skip!();
    let client = client(tools, envelope);
    let server = Server::start(envelope);
    let run: Run = Command::new("node")
        .arg(&client)
        .arg(&server.url)
        .output()
        .unwrap()
        .into();
    let log = server.stop();
    assert_eq!(
        run.code,
        Some(0),
        "the client failed ({}):\n--- stdout\n{}\n--- stderr\n{}\n--- the service's log\n{log}",
        envelope.name(),
        run.stdout,
        run.stderr
    );
    // The cause of the 500 is in the log, under the incident the client was given.
    assert!(
        log.contains("incident inc-1: connection refused: db.internal:5432"),
        "{log}"
    );
    let responses: Vec<Value> = run
        .stdout
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(responses.len(), 8, "one line per route:\n{}", run.stdout);
    let spec = envelope.spec();
    for version in [OpenApiVersion::V3_0, OpenApiVersion::V3_1] {
        let fragment = openapi::to_json(&openapi::parse(&openapi::fragment(&spec, version)));
        let mut checked = 0;
        for response in &responses {
            let body = &response["body"];
            if body.get("error").is_none() && body.get("type").is_none() {
                continue;
            }
            let status = u16::try_from(response["status"].as_u64().unwrap()).unwrap();
            let objections = BodySchema::for_status(&fragment, version, status).objections(body);
            assert_eq!(objections, Vec::<String>::new(), "{response} ({version})");
            checked += 1;
        }
        assert_eq!(checked, 5, "every error route's body is held to the schema");
    }
}

#[test]
fn the_axum_service_serves_every_code_to_a_typescript_client() {
    serve_and_call(Envelope::Errspec);
}

#[test]
fn the_axum_service_serves_problem_details_to_a_typescript_client() {
    serve_and_call(Envelope::Problem);
}

/// The compiled module of the seed (format v1) and of the v2 catalog fixture.
fn compiled_modules() -> Option<Vec<PathBuf>> {
    let seed = repo().join("spec/errors.yaml");
    let v1 = crate::typescript_target::compiled_modules()?
        .into_iter()
        .find(|(spec, _)| *spec == seed)
        .map(|(_, compiled)| compiled)
        .expect("the seed's module");
    let v2 = crate::catalog_typescript::compiled("catalog")?;
    Some(vec![v1, v2])
}

#[test]
fn read_error_body_reads_error_bodies_and_never_throws() {
    let tools = node_tools_or_skip!();
    let Some(modules) = compiled_modules() else {
        return;
    };
    let paths: Vec<&Path> = modules.iter().map(PathBuf::as_path).collect();
    let run = run_ok(
        &mut tools.script("tests/node/read-error-body.test.mjs", &paths),
        "the Node test of readErrorBody",
    );
    let count = |key: &str| node::tap_count(&run.stdout, key);
    assert_eq!(count("# fail "), 0, "{}", run.stdout);
    assert_eq!(count("# pass "), 2 * modules.len(), "{}", run.stdout);
}

#[test]
fn only_the_axum_option_names_axum() {
    let catalog = repo().join("tests/fixtures/specs_v2/catalog.yaml");
    for spec in [repo().join("spec/errors.yaml"), catalog] {
        let source = std::fs::read_to_string(&spec).unwrap();
        for axum in [false, true] {
            let mut options = errspec::Options::new("errors.yaml");
            options.axum = axum;
            let rust = errspec::render(&source, &options)
                .unwrap()
                .remove(0)
                .contents;
            let context = format!("{} with axum {axum}", spec.display());
            assert_eq!(rust.contains("axum"), axum, "{context}");
            assert_eq!(
                rust.contains("impl ::axum::response::IntoResponse for ErrorBody"),
                axum,
                "{context}"
            );
            assert!(
                rust.contains("impl ::std::error::Error for ErrorBody {}"),
                "{context}"
            );
        }
    }
    // The command line and the config file ask for it too, and it implies serde.
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        repo().join("spec/errors.yaml"),
        dir.path().join("errors.yaml"),
    )
    .unwrap();
    let run = crate::support::errspec(
        dir.path(),
        &[
            "generate",
            "--spec",
            "errors.yaml",
            "--target",
            "rust",
            "--axum",
            "--out",
            "out",
        ],
    );
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let rust = std::fs::read_to_string(dir.path().join("out/rust/error_codes.rs")).unwrap();
    assert!(rust.contains("::axum::response::IntoResponse"));
    let refused = crate::support::errspec(
        dir.path(),
        &[
            "generate",
            "--spec",
            "errors.yaml",
            "--axum",
            "--no-serde",
            "--out",
            "out",
        ],
    );
    assert_eq!(
        refused.code,
        Some(2),
        "clap refuses the pair: {}",
        refused.stderr
    );
    assert!(refused.stderr.contains("--no-serde"), "{}", refused.stderr);
    std::fs::write(
        dir.path().join("errspec.yaml"),
        "spec: errors.yaml\ntargets:\n  rust: {path: src/errors.rs, axum: true}\n",
    )
    .unwrap();
    let run = crate::support::errspec(dir.path(), &["generate"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let rust = std::fs::read_to_string(dir.path().join("src/errors.rs")).unwrap();
    assert!(
        rust.contains("::axum::response::IntoResponse"),
        "the config's `axum: true`"
    );
    assert!(rust.contains("::serde::Serialize"));
}
