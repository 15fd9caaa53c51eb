//! Reading a spec's text, with its limits: a folder, a file over [`MAX_SPEC_BYTES`] or bytes
//! that are not UTF-8 are refused before anything is parsed, each with a diagnostic.

use std::fs;
use std::io::{self, Read};
use std::path::Path;

use crate::diagnostic::{Diagnostic, Location};
use crate::error::Error;
use crate::paths;
use crate::yaml::LineIndex;

/// Specs larger than this are refused before they are read: a real spec is a few kilobytes,
/// and the limit bounds the memory a mistaken `--spec` can take.
pub const MAX_SPEC_BYTES: u64 = 10 * 1024 * 1024;

/// Reads the spec file at `path`, as the command line and [`Generator`](crate::Generator) do:
/// a folder, a file over [`MAX_SPEC_BYTES`] or text that is not UTF-8 is refused, each with a
/// diagnostic that says so, naming the file `spec_name`.
///
/// ```
/// let Err(errspec::Error::InvalidSpec(problems)) = errspec::read_spec("no/such.yaml", "such.yaml")
/// else {
///     panic!("expected the spec to be refused")
/// };
/// assert_eq!(problems[0].id, "SPEC_NOT_FOUND");
/// ```
pub fn read_spec(path: impl AsRef<Path>, spec_name: &str) -> Result<String, Error> {
    read_text(path.as_ref(), spec_name).map_err(Error::InvalidSpec)
}

/// [`read_spec`], with its problem as a list of one.
pub(crate) fn read_text(path: &Path, spec_name: &str) -> Result<String, Vec<Diagnostic>> {
    let unreadable = |error: io::Error| {
        let (id, message, hint) = if error.kind() == io::ErrorKind::NotFound {
            // The full path and the folder it is from: a build script's working folder is
            // its package's, which is not always the one its author had in mind.
            (
                "SPEC_NOT_FOUND",
                "cannot find the spec file".to_owned(),
                paths::looked_for(path),
            )
        } else {
            (
                "SPEC_UNREADABLE",
                format!("cannot read the spec: {error}"),
                "check that the file exists and can be read".to_owned(),
            )
        };
        vec![problem(spec_name, id, None, message, &hint)]
    };
    let metadata = fs::metadata(path).map_err(unreadable)?;
    if metadata.is_dir() {
        let message = "the spec is a folder, not a file".to_owned();
        let hint = "name the YAML file itself, e.g. spec/errors.yaml";
        return Err(vec![problem(
            spec_name,
            "SPEC_UNREADABLE",
            None,
            message,
            hint,
        )]);
    }
    let mut bytes = Vec::new();
    let file = fs::File::open(path).map_err(unreadable)?;
    // One byte past the limit is enough to know the file is over it.
    file.take(MAX_SPEC_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    decode(bytes, spec_name)
}

/// The text of a spec read some other way than from a file (for example by `git show`),
/// checked as [`read_spec`] checks a file's: more than [`MAX_SPEC_BYTES`], or bytes that are
/// not UTF-8, are refused with a diagnostic naming the spec `spec_name`.
///
/// ```
/// let text = errspec::decode_spec(b"version: 1\n".to_vec(), "errors.yaml")?;
/// assert_eq!(text, "version: 1\n");
/// let Err(errspec::Error::InvalidSpec(problems)) = errspec::decode_spec(vec![b'a', 0xFF], "x.yaml")
/// else {
///     panic!("expected the spec to be refused")
/// };
/// assert_eq!(problems[0].id, "SPEC_NOT_UTF8");
/// # Ok::<(), errspec::Error>(())
/// ```
pub fn decode_spec(bytes: Vec<u8>, spec_name: &str) -> Result<String, Error> {
    decode(bytes, spec_name).map_err(Error::InvalidSpec)
}

/// [`decode_spec`], with its problem as a list of one.
pub(crate) fn decode(bytes: Vec<u8>, spec_name: &str) -> Result<String, Vec<Diagnostic>> {
    if bytes.len() as u64 > MAX_SPEC_BYTES {
        let message = format!(
            "the spec is larger than the limit of {} MiB",
            MAX_SPEC_BYTES >> 20
        );
        let hint = "split or shorten the spec";
        return Err(vec![problem(
            spec_name,
            "SPEC_TOO_LARGE",
            None,
            message,
            hint,
        )]);
    }
    String::from_utf8(bytes).map_err(|error| {
        let valid = &error.as_bytes()[..error.utf8_error().valid_up_to()];
        let valid = std::str::from_utf8(valid).unwrap_or_default();
        let at = LineIndex::new(valid).end();
        let message = "the spec is not valid UTF-8".to_owned();
        let hint = "save the file as UTF-8";
        vec![problem(spec_name, "SPEC_NOT_UTF8", Some(at), message, hint)]
    })
}

/// A problem with the spec file as a whole, found before it is parsed.
fn problem(
    spec_name: &str,
    id: &'static str,
    location: Option<Location>,
    message: String,
    hint: &str,
) -> Diagnostic {
    let at = location.map(|start| (start, start));
    Diagnostic::error(id, spec_name, at, message, Some(hint.to_owned()))
}
