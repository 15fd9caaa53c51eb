//! How errspec names a file in what it writes and reports: by its path from a base folder (the
//! config's folder, or the working folder), with `/` separators. The same file then gets the
//! same name however it was reached (`./spec/errors.yaml`, an absolute path, a subfolder), so
//! the headers that carry it do not change with the way errspec was called, and no machine's
//! folders get into a generated file.

use std::env;
use std::fs;
use std::path::{Component, Path, PathBuf};

/// `path`'s name from the folder `base` (both as given: absolute, or from the working folder).
///
/// Inside `base`, it is the path from there: `spec/errors.yaml`. Outside, it climbs with `..`
/// when the two share a folder below the file system's root (`../api/errors.yaml`); otherwise
/// the file name alone, since a path from the root would name one machine's folders.
pub(crate) fn name_from(path: &Path, base: &Path) -> String {
    let lexical = (absolute(path), absolute(base));
    if let Ok(inside) = lexical.0.strip_prefix(&lexical.1) {
        return slashed(inside);
    }
    // A symlink on the way (macOS's /tmp, a linked checkout) can hide that the path is inside.
    let canonical = (
        canonical_file(&lexical.0),
        fs::canonicalize(&lexical.1).ok(),
    );
    let (file, folder) = match canonical {
        (Some(file), Some(folder)) => (file, folder),
        _ => lexical,
    };
    if let Ok(inside) = file.strip_prefix(&folder) {
        return slashed(inside);
    }
    climbing(&file, &folder).unwrap_or_else(|| {
        path.file_name()
            .map_or_else(|| slashed(path), |name| name.to_string_lossy().into_owned())
    })
}

/// Where errspec looked for a file that is not there: its full path, and for a relative path
/// the folder it started from, which in a build script is not always the one expected.
pub(crate) fn looked_for(file: &Path) -> String {
    match env::current_dir() {
        Ok(cwd) if file.is_relative() => format!(
            "errspec looked for {} (a relative path starts from the working folder, {})",
            absolute(file).display(),
            cwd.display()
        ),
        _ => format!("errspec looked for {}", absolute(file).display()),
    }
}

/// `path` from the working folder, or as given when it is absolute (or the working folder is
/// unknown), with `.` and `..` resolved without asking the file system.
pub(crate) fn absolute(path: &Path) -> PathBuf {
    let joined = match env::current_dir() {
        Ok(cwd) if path.is_relative() => cwd.join(path),
        _ => path.to_owned(),
    };
    normalize(&joined)
}

/// `.` dropped and `name/..` resolved, as a path is read rather than as links lead.
pub(crate) fn normalize(path: &Path) -> PathBuf {
    let mut normal = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir
                if matches!(normal.components().next_back(), Some(Component::Normal(_))) =>
            {
                normal.pop();
            }
            // `..` at the root stays at the root.
            Component::ParentDir if normal.has_root() => {}
            other => normal.push(other),
        }
    }
    normal
}

/// The folder's path in the file system, then the file's name: a spec that is a symlink is
/// named where it is linked from, not where it points.
fn canonical_file(path: &Path) -> Option<PathBuf> {
    let folder = fs::canonicalize(path.parent()?).ok()?;
    Some(folder.join(path.file_name()?))
}

/// `file` from `folder` with `..`, when they share a folder below the root.
fn climbing(file: &Path, folder: &Path) -> Option<String> {
    let file: Vec<Component> = file.components().collect();
    let folder: Vec<Component> = folder.components().collect();
    let shared = file.iter().zip(&folder).take_while(|(a, b)| a == b).count();
    let shares_a_folder = file[..shared]
        .iter()
        .any(|part| matches!(part, Component::Normal(_)));
    if !shares_a_folder {
        return None;
    }
    let mut parts = vec!["..".to_owned(); folder.len() - shared];
    parts.extend(
        file[shared..]
            .iter()
            .map(|part| part.as_os_str().to_string_lossy().into_owned()),
    );
    Some(parts.join("/"))
}

/// A path with `/` separators, on every system.
pub(crate) fn slashed(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_file_has_one_name_however_it_is_reached() {
        let base = Path::new("/work/repo");
        for path in [
            "/work/repo/spec/errors.yaml",
            "/work/repo/./spec/errors.yaml",
            "/work/repo/web/../spec/errors.yaml",
        ] {
            assert_eq!(
                name_from(Path::new(path), base),
                "spec/errors.yaml",
                "{path}"
            );
        }
    }

    #[test]
    fn outside_the_folder_a_path_climbs_only_below_the_root() {
        let base = Path::new("/work/repo/api");
        assert_eq!(
            name_from(Path::new("/work/repo/spec/errors.yaml"), base),
            "../spec/errors.yaml"
        );
        assert_eq!(
            name_from(Path::new("/elsewhere/errors.yaml"), base),
            "errors.yaml",
            "no path from the root"
        );
    }

    #[test]
    fn normalizing_keeps_what_cannot_be_resolved() {
        assert_eq!(normalize(Path::new("./a/./b/../c")), Path::new("a/c"));
        assert_eq!(normalize(Path::new("../a")), Path::new("../a"));
        assert_eq!(normalize(Path::new("/../a")), Path::new("/a"));
    }
}
