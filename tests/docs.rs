//! The README and the guide in `docs/`, checked as a reader uses them: every relative link and
//! anchor leads somewhere, and every shell example runs as shown. The convention for examples
//! is written down in docs/development.md, "Examples in these docs"; this module is its
//! definition.

use std::collections::HashMap;
use std::fs;
use std::ops::Range;
use std::path::{Component, Path, PathBuf};
use std::process::{Command, Stdio};

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::support::git::{commit_all, git, init, isolate};
use crate::support::{Run, files_in, repo};

/// A page longer than this many lines needs a table of contents.
const LONG_PAGE: usize = 150;

/// The files a block of a page runs in: what a repository that uses errspec holds.
const PROJECT_FILES: [&str; 3] = [
    "spec/errors.yaml",
    "spec/errspec.schema.json",
    "scripts/errspec-check.sh",
];

/// The languages of shell examples that are not run, and must say why.
const NOT_RUN_LANGUAGES: [&str; 4] = ["sh", "bash", "shell", "zsh"];

/// The pages checked: README.md, then every Markdown file in `docs/`, relative to the repo.
fn pages() -> Vec<PathBuf> {
    let mut pages = vec![PathBuf::from("README.md")];
    pages.extend(
        files_in(&repo().join("docs"), "md")
            .into_iter()
            .map(|path| path.strip_prefix(repo()).unwrap().to_owned()),
    );
    pages
}

/// A page as its readers meet it: headings, links and fenced code blocks, each with its line.
struct Page {
    /// The page's path, relative to the repository.
    path: PathBuf,
    lines: usize,
    /// Each heading: its level, its GitHub anchor and its line.
    headings: Vec<(HeadingLevel, String, usize)>,
    /// Each link's destination and line.
    links: Vec<(String, usize)>,
    blocks: Vec<Block>,
    /// The first block after the title, as written, if it is a paragraph: the page's summary.
    summary: Option<String>,
}

/// A fenced code block.
struct Block {
    language: String,
    text: String,
    /// The line of the opening fence.
    line: usize,
    /// The reason in a `<!-- not run: REASON -->` comment right before the block.
    not_run: Option<String>,
}

impl Page {
    fn read(path: &Path) -> Page {
        let text = fs::read_to_string(repo().join(path))
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        let line_of = |range: &Range<usize>| text[..range.start].matches('\n').count() + 1;
        let mut page = Page {
            path: path.to_owned(),
            lines: text.lines().count(),
            headings: Vec::new(),
            links: Vec::new(),
            blocks: Vec::new(),
            summary: None,
        };
        let mut heading: Option<(HeadingLevel, String, usize)> = None;
        let mut block: Option<Block> = None;
        let mut html = String::new();
        // The comment of the HTML block just closed, until another block starts.
        let mut comment: Option<String> = None;
        let mut blocks_after_title = 0;
        let mut slugs: HashMap<String, usize> = HashMap::new();
        let options = Options::ENABLE_TABLES;
        for (event, range) in Parser::new_ext(&text, options).into_offset_iter() {
            match event {
                Event::Start(tag) => {
                    let reason = comment.take();
                    if is_block(&tag) && !page.headings.is_empty() {
                        if blocks_after_title == 0 && matches!(tag, Tag::Paragraph) {
                            page.summary = Some(text[range.clone()].trim_end().to_owned());
                        }
                        blocks_after_title += 1;
                    }
                    match tag {
                        Tag::Heading { level, .. } => {
                            heading = Some((level, String::new(), line_of(&range)));
                        }
                        Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. } => {
                            page.links.push((dest_url.to_string(), line_of(&range)));
                        }
                        Tag::CodeBlock(CodeBlockKind::Fenced(info)) => {
                            block = Some(Block {
                                language: info.split_whitespace().next().unwrap_or("").to_owned(),
                                text: String::new(),
                                line: line_of(&range),
                                not_run: reason.and_then(|html| not_run_reason(&html)),
                            });
                        }
                        Tag::HtmlBlock => html.clear(),
                        _ => {}
                    }
                }
                Event::End(TagEnd::Heading(_)) => {
                    let (level, text, line) = heading.take().unwrap();
                    // GitHub numbers a repeated anchor: `usage`, `usage-1`, `usage-2`.
                    let slug = slug(&text);
                    let seen = slugs.entry(slug.clone()).or_insert(0);
                    let anchor = match *seen {
                        0 => slug,
                        n => format!("{slug}-{n}"),
                    };
                    *seen += 1;
                    page.headings.push((level, anchor, line));
                }
                Event::End(TagEnd::CodeBlock) => page.blocks.extend(block.take()),
                Event::End(TagEnd::HtmlBlock) => comment = Some(html.clone()),
                Event::Html(text) => html.push_str(&text),
                Event::Text(text) | Event::Code(text) => {
                    if let Some((_, heading, _)) = heading.as_mut() {
                        heading.push_str(&text);
                    } else if let Some(block) = block.as_mut() {
                        block.text.push_str(&text);
                    }
                }
                _ => {}
            }
        }
        page
    }

    fn anchors(&self) -> impl Iterator<Item = &str> {
        self.headings.iter().map(|(_, anchor, _)| anchor.as_str())
    }

    fn at(&self, line: usize) -> String {
        format!("{}:{line}", self.path.display())
    }
}

fn is_block(tag: &Tag<'_>) -> bool {
    matches!(
        tag,
        Tag::Paragraph
            | Tag::Heading { .. }
            | Tag::BlockQuote(_)
            | Tag::CodeBlock(_)
            | Tag::HtmlBlock
            | Tag::List(_)
            | Tag::Table(_)
    )
}

/// `REASON` from `<!-- not run: REASON -->`, if it gives one.
fn not_run_reason(html: &str) -> Option<String> {
    let reason = html
        .trim()
        .strip_prefix("<!-- not run:")?
        .strip_suffix("-->")?
        .trim();
    (!reason.is_empty()).then(|| reason.to_owned())
}

/// A heading's anchor as GitHub makes it: lower case, spaces as `-`, and every character that
/// is not a letter, a digit, `-` or `_` dropped (github-slugger).
fn slug(heading: &str) -> String {
    heading
        .trim()
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            '-' | '_' => Some(c),
            c if c.is_alphanumeric() => Some(c),
            _ => None,
        })
        .collect()
}

/// `path` with `.` and `..` resolved, without asking the file system, so a link cannot leave
/// the repository through a folder that happens to exist.
fn normalize(path: &Path) -> Option<PathBuf> {
    let mut normal = PathBuf::new();
    for component in path.components() {
        match component {
            Component::Normal(part) => normal.push(part),
            Component::CurDir => {}
            Component::ParentDir => {
                if !normal.pop() {
                    return None;
                }
            }
            Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    Some(normal)
}

/// What is wrong with a link from `page`: a file or folder that does not exist, or an anchor
/// that no heading of its page has.
fn link_problem(page: &Page, dest: &str, cache: &mut HashMap<PathBuf, Page>) -> Option<String> {
    if dest.contains("://") || dest.starts_with("mailto:") {
        return None; // other sites are not fetched
    }
    let (path, anchor) = match dest.split_once('#') {
        Some((path, anchor)) => (path, Some(anchor)),
        None => (dest, None),
    };
    let target = if path.is_empty() {
        page.path.clone()
    } else {
        match normalize(&page.path.parent().unwrap().join(path)) {
            Some(target) => target,
            None => return Some(format!("{dest} leads out of the repository")),
        }
    };
    if !repo().join(&target).exists() {
        return Some(format!("{dest}: there is no {}", target.display()));
    }
    let anchor = anchor?;
    if target.extension().is_none_or(|ext| ext != "md") {
        return Some(format!(
            "{dest}: an anchor into a file that is not Markdown cannot be checked"
        ));
    }
    let target_page = cache
        .entry(target.clone())
        .or_insert_with(|| Page::read(&target));
    if target_page.anchors().any(|known| known == anchor) {
        return None;
    }
    Some(format!(
        "{dest}: {} has no heading whose anchor is #{anchor} (it has: {})",
        target.display(),
        target_page.anchors().collect::<Vec<_>>().join(", ")
    ))
}

#[test]
fn links_and_anchors_resolve() {
    let mut cache = HashMap::new();
    let mut problems = Vec::new();
    for path in pages() {
        let page = Page::read(&path);
        for (dest, line) in &page.links {
            if let Some(problem) = link_problem(&page, dest, &mut cache) {
                problems.push(format!("{}: {problem}", page.at(*line)));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "broken links:\n{}",
        problems.join("\n")
    );
}

#[test]
fn every_page_is_in_both_indexes_opens_with_a_summary_and_has_contents_when_long() {
    let readme = Page::read(Path::new("README.md"));
    let index = Page::read(Path::new("docs/README.md"));
    let mut problems = Vec::new();
    for path in pages() {
        let page = Page::read(&path);
        let name = path.file_name().unwrap().to_str().unwrap();
        if path.starts_with("docs") && name != "README.md" {
            let in_index = |links: &[(String, usize)], prefix: &str| {
                let wanted = format!("{prefix}{name}");
                links
                    .iter()
                    .any(|(dest, _)| dest.split('#').next() == Some(wanted.as_str()))
            };
            if !in_index(&index.links, "") {
                problems.push(format!("docs/README.md does not link {name}"));
            }
            if !in_index(&readme.links, "docs/") {
                problems.push(format!("README.md's contents do not link docs/{name}"));
            }
        }
        if !page
            .headings
            .first()
            .is_some_and(|(level, _, line)| *level == HeadingLevel::H1 && *line == 1)
        {
            problems.push(format!("{}: the page opens without a title", page.at(1)));
        }
        match &page.summary {
            None => problems.push(format!(
                "{}: the title is not followed by a summary",
                page.at(1)
            )),
            // The README's opening says what errspec is; a page of the guide opens with the
            // one line that says what the page is for.
            Some(summary) if path.starts_with("docs") && summary.contains('\n') => {
                problems.push(format!("{}: the summary is longer than a line", page.at(3)))
            }
            Some(_) => {}
        }
        // A long page's table of contents links every section.
        if page.lines > LONG_PAGE {
            for (level, anchor, line) in &page.headings {
                let linked = page
                    .links
                    .iter()
                    .any(|(dest, _)| *dest == format!("#{anchor}"));
                if *level == HeadingLevel::H2 && anchor != "contents" && !linked {
                    problems.push(format!(
                        "{}: a page of {} lines whose contents lack #{anchor}",
                        page.at(*line),
                        page.lines
                    ));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_shell_example_runs_or_says_why_not() {
    let mut problems = Vec::new();
    for path in pages() {
        let page = Page::read(&path);
        for block in &page.blocks {
            if NOT_RUN_LANGUAGES.contains(&block.language.as_str()) && block.not_run.is_none() {
                problems.push(format!(
                    "{}: a ```{} block is not run: make it ```console, or say why on the line before it with <!-- not run: why -->",
                    page.at(block.line),
                    block.language
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// One `$ ` line of a console block and what the page shows under it.
struct Example {
    line: usize,
    command: String,
    /// The output shown, line by line; `None` when the page leaves it out (`...`).
    output: Option<String>,
    code: i32,
}

/// The commands of a console block, or what is wrong with the block.
fn examples(block: &Block) -> Result<Vec<Example>, String> {
    let mut examples: Vec<Example> = Vec::new();
    let mut outputs: Vec<Vec<&str>> = Vec::new();
    for (offset, text) in block.text.lines().enumerate() {
        if let Some(command) = text.strip_prefix("$ ") {
            let code = match command.rsplit_once("# exit ") {
                Some((_, code)) => code
                    .split(|c: char| !c.is_ascii_digit())
                    .next()
                    .and_then(|digits| digits.parse().ok())
                    .ok_or_else(|| format!("`{text}`: `# exit` wants a number"))?,
                None => 0,
            };
            examples.push(Example {
                line: block.line + 1 + offset,
                command: command.to_owned(),
                output: None,
                code,
            });
            outputs.push(Vec::new());
        } else {
            outputs
                .last_mut()
                .ok_or_else(|| format!("`{text}` comes before any `$ ` command"))?
                .push(text);
        }
    }
    for (example, output) in examples.iter_mut().zip(outputs) {
        example.output = (output != ["..."]).then(|| output.join("\n"));
    }
    if examples.is_empty() {
        return Err("a console block without a `$ ` command".to_owned());
    }
    Ok(examples)
}

/// A repository that uses errspec, as a block runs in: this repository's spec, schema,
/// generated files and check script, committed on `main`, with `origin/main` there too.
fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    for file in PROJECT_FILES {
        fs::create_dir_all(root.join(file).parent().unwrap()).unwrap();
        fs::copy(repo().join(file), root.join(file)).unwrap();
    }
    copy_folder(&repo().join("generated"), &root.join("generated"));
    init(root);
    commit_all(root, "a repository that uses errspec");
    git(
        root,
        root,
        &["update-ref", "refs/remotes/origin/main", "HEAD"],
    );
    dir
}

fn copy_folder(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_folder(&path, &target);
        } else {
            fs::copy(&path, &target).unwrap();
        }
    }
}

/// Runs `command` in `dir` as a reader's shell would, with `errspec` the binary under test
/// first on `PATH`, `home` as `~`, and none of the caller's settings for errspec or its script.
fn run(command: &str, dir: &Path, home: &Path) -> Run {
    let errspec_dir = Path::new(env!("CARGO_BIN_EXE_errspec")).parent().unwrap();
    let mut path = vec![errspec_dir.to_owned()];
    path.extend(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    ));
    let mut shell = Command::new("bash");
    // Output as a terminal shows it: stdout and stderr in the order they were written.
    shell
        .arg("-c")
        .arg(format!("{{ {command}\n}} 2>&1"))
        .current_dir(dir)
        .stdin(Stdio::null())
        .env("PATH", std::env::join_paths(path).unwrap())
        .env("HOME", home)
        .env("NO_COLOR", "1")
        .env_remove("BASH_ENV")
        .env_remove("GITHUB_ACTIONS");
    for (key, _) in std::env::vars_os() {
        if key.to_string_lossy().starts_with("ERRSPEC") {
            shell.env_remove(key);
        }
    }
    isolate(&mut shell, dir);
    shell.output().unwrap().into()
}

/// The command as it runs here, or why it cannot.
fn runnable(command: &str) -> Result<String, String> {
    let command = command.replace("cargo run -- ", "errspec ");
    if command.split_whitespace().any(|word| word == "cargo") {
        return Err(format!(
            "`{command}` runs cargo, which only `cargo run -- ` may here: make the block ```sh with <!-- not run: why -->"
        ));
    }
    Ok(command)
}

#[test]
fn shell_examples_run_as_shown() {
    let mut problems = Vec::new();
    let mut ran = 0;
    for path in pages() {
        let page = Page::read(&path);
        for block in page
            .blocks
            .iter()
            .filter(|block| block.language == "console")
        {
            let examples = match examples(block) {
                Ok(examples) => examples,
                Err(problem) => {
                    problems.push(format!("{}: {problem}", page.at(block.line)));
                    continue;
                }
            };
            let project = project();
            let home = tempfile::tempdir().unwrap();
            for example in examples {
                let at = page.at(example.line);
                let command = match runnable(&example.command) {
                    Ok(command) => command,
                    Err(problem) => {
                        problems.push(format!("{at}: {problem}"));
                        break;
                    }
                };
                let result = run(&command, project.path(), home.path());
                ran += 1;
                let printed = result.stdout.strip_suffix('\n').unwrap_or(&result.stdout);
                if result.code != Some(example.code) {
                    problems.push(format!(
                        "{at}: `{}` exited with {:?}, not {}; it printed:\n{printed}",
                        example.command, result.code, example.code
                    ));
                    break; // the commands after it would run on a state the page does not show
                }
                if let Some(shown) = example.output
                    && printed != shown
                {
                    problems.push(format!(
                        "{at}: `{}` printed something else than the page shows\n--- shown\n{shown}\n--- printed\n{printed}\n---",
                        example.command
                    ));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
    assert!(ran > 0, "no console example ran");
}

#[test]
fn github_anchors_are_made_as_github_makes_them() {
    assert_eq!(
        slug("Reviewing a spec change: `errspec diff`"),
        "reviewing-a-spec-change-errspec-diff"
    );
    assert_eq!(slug("OpenAPI 3.1 or 3.0"), "openapi-31-or-30");
    assert_eq!(slug("Dependencies, and why"), "dependencies-and-why");
    assert_eq!(slug("What `cargo test` runs"), "what-cargo-test-runs");
    assert_eq!(
        slug("The check script, for any CI"),
        "the-check-script-for-any-ci"
    );
}
