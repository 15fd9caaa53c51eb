//! What each fuzz target checks, one function per target. The targets in `fuzz_targets/` call
//! these, and `cargo test` calls them too, on every input under `tests/fixtures/fuzz/` and on
//! the project's fixtures (`faults::fuzz_corpus_replays_through_every_target`), so a target
//! that stops compiling or a finding that comes back fails the ordinary tests.
//!
//! Each function takes the fuzzer's bytes and panics on a broken property; inputs that are not
//! UTF-8 are skipped, as the spec reader refuses them before parsing.

use errspec::report::{Emitter, MessageFormat};
use errspec::{
    Change, Diagnostic, DiffOptions, Error, GeneratedFile, OpenApiVersion, Options, Target,
};

/// The name diagnostics give the spec.
const SPEC: &str = "fuzz.yaml";

/// Spec bytes -> parse -> validate -> render every target (OpenAPI 3.1, serde on): no panic,
/// no empty file, and the same bytes from a second render.
pub fn pipeline(data: &[u8]) {
    let Ok(source) = std::str::from_utf8(data) else {
        return;
    };
    let options = all_targets(true, OpenApiVersion::V3_1, false);
    let first = errspec::render(source, &options);
    if let Ok(files) = &first {
        assert!(files.iter().all(|file| !file.contents.is_empty()));
        let again = errspec::render(source, &options).expect("a valid spec stays valid");
        assert_eq!(&again, files, "rendering is deterministic");
    }
}

/// Every combination of [`Options`]: serde on and off, OpenAPI 3.0 and 3.1, every target
/// alone and all together, warnings allowed and denied, and the axum option. Each option changes only what it is
/// about, and only denying warnings changes whether a spec is accepted.
pub fn options(data: &[u8]) {
    let Ok(source) = std::str::from_utf8(data) else {
        return;
    };
    let versions = [OpenApiVersion::V3_0, OpenApiVersion::V3_1];
    let allowed = errspec::render(source, &all_targets(true, OpenApiVersion::V3_1, false));
    let warnings = errspec::validate(source, &all_targets(true, OpenApiVersion::V3_1, false));
    assert_eq!(
        allowed.is_ok(),
        warnings.is_ok(),
        "render and validate agree"
    );
    let Ok(base) = allowed else {
        for serde in [true, false] {
            for version in versions {
                for deny in [false, true] {
                    let options = all_targets(serde, version, deny);
                    assert!(
                        errspec::render(source, &options).is_err(),
                        "an invalid spec is invalid with any options"
                    );
                }
            }
        }
        return;
    };
    let warned = !warnings.unwrap().is_empty();
    assert_paths(&base, Target::ALL.as_slice());
    for serde in [true, false] {
        for version in versions {
            let files = errspec::render(source, &all_targets(serde, version, false))
                .expect("serde and the OpenAPI version do not change validity");
            assert_paths(&files, Target::ALL.as_slice());
            for (file, base_file) in files.iter().zip(&base) {
                let target = target_of(file);
                let affected = (target == Target::Rust && !serde)
                    || (target == Target::OpenApi && version == OpenApiVersion::V3_0);
                assert_eq!(
                    file.contents != base_file.contents,
                    affected,
                    "serde {serde}, OpenAPI {version}: {} changes exactly when an option about it does",
                    file.path.display()
                );
            }
            let denied = errspec::render(source, &all_targets(serde, version, true));
            match denied {
                Ok(denied) => {
                    assert!(!warned, "denied warnings refuse a spec that has some");
                    assert_eq!(denied, files, "denying no warning changes nothing");
                }
                Err(Error::InvalidSpec(diagnostics)) => {
                    assert!(warned, "a spec without warnings is refused only for them");
                    assert!(
                        diagnostics.iter().all(Diagnostic::is_error),
                        "denied warnings are errors"
                    );
                }
                Err(other) => panic!("denied warnings: {other}"),
            }
            for target in Target::ALL {
                let mut options = all_targets(serde, version, false);
                options.targets = vec![target];
                let alone = errspec::render(source, &options).expect("valid for every target");
                assert_paths(&alone, &[target]);
                let together = files.iter().find(|f| target_of(f) == target).unwrap();
                assert_eq!(&alone[0], together, "{target} alone is {target} among all");
            }
        }
    }
    // The axum option changes the Rust file alone, and implies serde.
    let mut axum = all_targets(true, OpenApiVersion::V3_1, false);
    axum.axum = true;
    let served = errspec::render(source, &axum).expect("the axum option does not change validity");
    for (file, base_file) in served.iter().zip(&base) {
        let rust = target_of(file) == Target::Rust;
        assert_eq!(
            file.contents != base_file.contents,
            rust,
            "axum: {}",
            file.path.display()
        );
    }
    axum.serde = false;
    assert_eq!(
        errspec::render(source, &axum).ok().as_ref(),
        Some(&served),
        "axum implies serde"
    );
    let mut none = all_targets(true, OpenApiVersion::V3_1, false);
    none.targets = Vec::new();
    assert_eq!(
        errspec::render(source, &none).ok(),
        Some(Vec::new()),
        "no target, no file"
    );
}

/// The diagnostics of a spec (its errors, or its warnings) in every [`MessageFormat`], with
/// colour and without, with the spec's text and without: no panic; every diagnostic is one
/// line in the machine formats (valid JSON with its id, position and message; a GitHub
/// command with no raw line break), starts with its severity and id for people, and only the
/// coloured human format holds an escape sequence. The spec's lines may hold tabs, CRs, wide
/// and right-to-left text, and the renderer gets only the node's line.
pub fn report(data: &[u8]) {
    let Ok(source) = std::str::from_utf8(data) else {
        return;
    };
    let diagnostics = match errspec::validate(source, &Options::new(SPEC)) {
        Ok(warnings) => warnings,
        Err(Error::InvalidSpec(errors)) => errors,
        Err(other) => panic!("validate: {other}"),
    };
    for format in MessageFormat::ALL {
        for color in [false, true] {
            for with_source in [true, false] {
                let mut emitter = Emitter::new(format).color(color);
                if with_source {
                    emitter = emitter.source(SPEC, source);
                }
                let all = emitter.render_all(&diagnostics);
                assert_eq!(
                    all,
                    emitter.render_all(&diagnostics),
                    "rendering is deterministic"
                );
                for diagnostic in &diagnostics {
                    check_rendered(&emitter.render(diagnostic), diagnostic, format, color);
                }
            }
        }
    }
}

/// Two specs, the input split at its first NUL (or in the middle), compared by
/// `errspec::diff`: no panic, the same changes twice, none between a version and itself, both
/// versions valid or the error naming the invalid one, changes in report order with places
/// inside their texts, and every change rendered in every format.
pub fn diff(data: &[u8]) {
    let (old, new) = match data.iter().position(|&b| b == 0) {
        Some(at) => (&data[..at], &data[at + 1..]),
        None => data.split_at(data.len() / 2),
    };
    let (Ok(old), Ok(new)) = (std::str::from_utf8(old), std::str::from_utf8(new)) else {
        return;
    };
    let options = DiffOptions::new("old.yaml", "new.yaml");
    let changes = match errspec::diff(old, new, &options) {
        Ok(changes) => changes,
        Err(Error::InvalidSpec(diagnostics)) => {
            assert!(!diagnostics.is_empty(), "a refused comparison says why");
            for diagnostic in &diagnostics {
                assert!(
                    diagnostic.file == "old.yaml" || diagnostic.file == "new.yaml",
                    "a problem names its version: {diagnostic}"
                );
            }
            let old_valid = errspec::validate(old, &Options::new("old.yaml")).is_ok();
            let new_valid = errspec::validate(new, &Options::new("new.yaml")).is_ok();
            assert!(!(old_valid && new_valid), "two valid versions are compared");
            return;
        }
        Err(other) => panic!("diff: {other}"),
    };
    let again = errspec::diff(old, new, &options).expect("the same comparison");
    assert_eq!(again, changes, "diff is deterministic");
    for text in [old, new] {
        let same = errspec::diff(text, text, &options).expect("a valid version");
        assert!(same.is_empty(), "a version differs from itself: {same:?}");
    }
    assert!(
        changes
            .windows(2)
            .all(|pair| pair[0].severity <= pair[1].severity),
        "breaking changes first, then dangerous, then safe"
    );
    for change in &changes {
        check_place(change, old, new);
    }
    for format in MessageFormat::ALL {
        for color in [false, true] {
            let emitter = Emitter::new(format)
                .color(color)
                .source("old.yaml", old)
                .source("new.yaml", new);
            for change in &changes {
                let text = emitter.render_change(change);
                assert!(text.ends_with('\n'), "{format}: {text:?}");
                if format.is_machine_readable() {
                    assert_eq!(text.lines().count(), 1, "{format}: one line: {text:?}");
                }
                if format == MessageFormat::Json {
                    let json: serde_json::Value = serde_json::from_str(&text).expect("JSON");
                    assert_eq!(json["id"], change.id);
                    assert_eq!(json["message"], change.message.as_str());
                }
            }
        }
    }
}

fn all_targets(serde: bool, version: OpenApiVersion, deny_warnings: bool) -> Options {
    let mut options = Options::new(SPEC);
    options.targets = Target::ALL.to_vec();
    options.serde = serde;
    options.openapi_version = version;
    options.deny_warnings = deny_warnings;
    options
}

fn target_of(file: &GeneratedFile) -> Target {
    Target::ALL
        .into_iter()
        .find(|target| file.path == std::path::Path::new(target.file_path()))
        .unwrap_or_else(|| panic!("no target writes {}", file.path.display()))
}

/// Asserts that `files` are the files of `targets`, in order, none empty.
fn assert_paths(files: &[GeneratedFile], targets: &[Target]) {
    let got: Vec<Target> = files.iter().map(target_of).collect();
    assert_eq!(got, targets, "one file per target, in order");
    assert!(
        files.iter().all(|file| !file.contents.is_empty()),
        "no empty file"
    );
}

fn check_rendered(text: &str, diagnostic: &Diagnostic, format: MessageFormat, color: bool) {
    assert!(text.ends_with('\n'), "{format}: {text:?}");
    assert_eq!(
        text.contains('\u{1b}'),
        color && format == MessageFormat::Human,
        "only the coloured human format has escapes: {format}, colour {color}: {text:?}"
    );
    match format {
        MessageFormat::Human if !color => {
            let head = format!("{}[{}]: ", diagnostic.severity.as_str(), diagnostic.id);
            assert!(text.starts_with(&head), "{text:?}");
        }
        MessageFormat::Json => {
            assert_eq!(text.lines().count(), 1, "one line: {text:?}");
            let json: serde_json::Value = serde_json::from_str(text).expect("JSON");
            assert_eq!(json["id"], diagnostic.id);
            assert_eq!(json["severity"], diagnostic.severity.as_str());
            assert_eq!(json["message"], diagnostic.message.as_str());
            if let Some(at) = diagnostic.location {
                assert_eq!(json["line"], at.line);
                assert_eq!(json["column"], at.column);
                if let (Some(line), Some(column)) =
                    (json["end_line"].as_u64(), json["end_column"].as_u64())
                {
                    let end = (line as usize, column as usize);
                    assert!(
                        end >= (at.line, at.column),
                        "the span ends after it starts: {text}"
                    );
                }
            }
        }
        MessageFormat::Github => {
            assert_eq!(text.lines().count(), 1, "one line: {text:?}");
            let kind = format!("::{} ", diagnostic.severity.as_str());
            assert!(text.starts_with(&kind), "{text:?}");
        }
        _ => {}
    }
}

/// Asserts that a change's places name their versions and lie within their texts.
fn check_place(change: &Change, old: &str, new: &str) {
    assert!(change.old.is_some() || change.new.is_some(), "{change:?}");
    for (place, file, text) in [
        (&change.old, "old.yaml", old),
        (&change.new, "new.yaml", new),
    ] {
        let Some(place) = place else { continue };
        assert_eq!(place.file, file, "{change:?}");
        if let Some(at) = place.location {
            let lines = text.lines().count().max(1);
            assert!(
                at.line >= 1 && at.line <= lines,
                "line {} of {lines}: {change:?}",
                at.line
            );
            assert!(at.column >= 1, "{change:?}");
        }
    }
}
