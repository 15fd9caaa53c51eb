//! The code blocks of the docs that tests compile, found by a marker comment rather than by
//! heading, so they can move between README.md and files under docs/ without a test edit.
//!
//! A compiled block is a fenced block preceded, on the line just before its fence, by
//!
//! ```text
//! <!-- compiled by tests/readme.rs: NAME -->
//! ```
//!
//! where NAME says which test compiles it (see `tests/readme.rs`). GitHub and every Markdown
//! renderer hide the comment.

use std::path::{Path, PathBuf};

use super::repo;

/// What a marker says, before the name.
pub const MARKER: &str = "<!-- compiled by tests/readme.rs: ";

/// One fenced block of a doc file.
#[derive(Debug, Clone)]
pub struct Block {
    /// The doc file, relative to the repository, and the line of the opening fence (from 1).
    pub place: String,
    /// The fence's info string: `rust`, `toml`...
    pub language: String,
    /// The marker's name, if the block has one.
    pub name: Option<String>,
    /// The block's text, every line with its `\n`.
    pub code: String,
}

/// The doc files: README.md and every `.md` under docs/, sorted.
pub fn doc_files() -> Vec<PathBuf> {
    let mut files = vec![repo().join("README.md")];
    let mut pending = vec![repo().join("docs")];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|ext| ext == "md") {
                files.push(path);
            }
        }
    }
    files[1..].sort();
    files
}

/// Every fenced block (``` or ~~~, not indented) of every doc file, in order.
pub fn blocks() -> Vec<Block> {
    doc_files()
        .iter()
        .flat_map(|file| blocks_in(file))
        .collect()
}

fn blocks_in(file: &Path) -> Vec<Block> {
    let text = std::fs::read_to_string(file).unwrap();
    let relative = super::spec_name(file);
    let lines: Vec<&str> = text.lines().collect();
    let mut found = Vec::new();
    let mut at = 0;
    while at < lines.len() {
        let line = lines[at];
        let Some(fence) = ["```", "~~~"].into_iter().find(|f| line.starts_with(f)) else {
            at += 1;
            continue;
        };
        let name = at
            .checked_sub(1)
            .and_then(|before| lines[before].trim().strip_prefix(MARKER))
            .and_then(|rest| rest.strip_suffix("-->"))
            .map(|name| name.trim().to_owned());
        let language = line[fence.len()..].trim().to_owned();
        let end = (at + 1..lines.len())
            .find(|&i| lines[i].starts_with(fence) && lines[i][fence.len()..].trim().is_empty())
            .unwrap_or_else(|| panic!("{relative}:{}: a block that never closes", at + 1));
        let code: String = lines[at + 1..end]
            .iter()
            .map(|l| format!("{l}\n"))
            .collect();
        found.push(Block {
            place: format!("{relative}:{}", at + 1),
            language,
            name,
            code,
        });
        at = end + 1;
    }
    found
}

/// The block marked `name`, if exactly one is.
pub fn marked(name: &str) -> Option<Block> {
    let mut matching = blocks()
        .into_iter()
        .filter(|b| b.name.as_deref() == Some(name));
    let block = matching.next()?;
    matching.next().is_none().then_some(block)
}
