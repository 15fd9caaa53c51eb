//! Putting generated files on disk: write only what changed, replace atomically, never follow
//! a symlink; and check mode, which compares and never writes.

use std::fs;
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use crate::error::{Error, StaleFile};
use crate::pipeline::GeneratedFile;

/// Writes `files` under `out_dir`, skipping files whose bytes are already right (so their
/// modification time, and every build that watches it, is left alone). Returns the paths of
/// all the files, each with whether it was written.
pub(crate) fn write_files(
    out_dir: &Path,
    files: &[GeneratedFile],
) -> Result<Vec<(PathBuf, bool)>, Error> {
    refuse_file_as_folder(out_dir)?;
    let mut paths = Vec::with_capacity(files.len());
    for file in files {
        let path = out_dir.join(&file.path);
        let written = write_if_changed(out_dir, &path, file.contents.as_bytes())?;
        paths.push((path, written));
    }
    Ok(paths)
}

/// Compares `files` with what is under `out_dir`, writing nothing.
pub(crate) fn check_files(out_dir: &Path, files: &[GeneratedFile]) -> Vec<StaleFile> {
    files
        .iter()
        .filter_map(|file| {
            let path = out_dir.join(&file.path);
            let current = fs::read(&path).ok();
            if current.as_deref() == Some(file.contents.as_bytes()) {
                return None;
            }
            Some(StaleFile {
                path,
                current: current.map(|bytes| String::from_utf8_lossy(&bytes).into_owned()),
                expected: file.contents.clone(),
            })
        })
        .collect()
}

fn refuse_file_as_folder(out_dir: &Path) -> Result<(), Error> {
    match fs::symlink_metadata(out_dir) {
        Ok(meta) if !meta.is_dir() && !meta.file_type().is_symlink() => Err(Error::Write {
            path: out_dir.to_owned(),
            source: io::Error::other("the output folder is a file"),
        }),
        _ => Ok(()),
    }
}

/// Whether the file had to be written.
fn write_if_changed(out_dir: &Path, path: &Path, contents: &[u8]) -> Result<bool, Error> {
    let fail = |source: io::Error| Error::Write {
        path: path.to_owned(),
        source,
    };
    refuse_symlinks(out_dir, path)?;
    match fs::read(path) {
        Ok(current) if current == contents => return Ok(false),
        Ok(_) => {}
        Err(error) if error.kind() == io::ErrorKind::NotFound => {}
        Err(error) => return Err(fail(error)),
    }
    let parent = path.parent().unwrap_or(out_dir);
    fs::create_dir_all(parent).map_err(|source| Error::Write {
        path: parent.to_owned(),
        source,
    })?;
    replace_atomically(path, contents).map_err(fail)?;
    Ok(true)
}

/// Generated files are plain files in plain folders under the output folder. A symlink there
/// would make errspec write somewhere the user did not name, so it is an error.
fn refuse_symlinks(out_dir: &Path, path: &Path) -> Result<(), Error> {
    let relative = path.strip_prefix(out_dir).unwrap_or(path);
    let mut current = out_dir.to_owned();
    for part in relative.components() {
        current.push(part);
        let is_link =
            fs::symlink_metadata(&current).is_ok_and(|meta| meta.file_type().is_symlink());
        if is_link {
            return Err(Error::Write {
                path: current,
                source: io::Error::other(
                    "is a symlink; errspec only writes plain files and folders",
                ),
            });
        }
    }
    Ok(())
}

/// Writes `contents` to a new file beside `path`, then renames it over `path`: a reader (or
/// a crash) sees the old file or the new one, never half of one.
fn replace_atomically(path: &Path, contents: &[u8]) -> io::Result<()> {
    let temp = temp_path(path);
    let result = write_new(&temp, path, contents).and_then(|()| fs::rename(&temp, path));
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result
}

fn write_new(temp: &Path, path: &Path, contents: &[u8]) -> io::Result<()> {
    let mut file = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(temp)?;
    file.write_all(contents)?;
    if let Ok(meta) = fs::metadata(path) {
        file.set_permissions(meta.permissions())?;
    }
    Ok(())
}

/// A name beside `path` that no other process or thread is using: `.name.<pid>.<n>.tmp`.
fn temp_path(path: &Path) -> PathBuf {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!(".{name}.{}.{n}.tmp", std::process::id()))
}
