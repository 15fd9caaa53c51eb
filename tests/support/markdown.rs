//! Markdown as a reader sees it, through a real CommonMark parser with GitHub's tables
//! (pulldown-cmark): the tables' cells as text, and any markup a cell turned into.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// One table cell: its text, with `<br>` read as a line break, and the markup found in it
/// (emphasis, links, code, HTML...), which a cell that shows its text as written has none of.
#[derive(Debug, Clone, Default)]
pub struct Cell {
    pub text: String,
    pub markup: Vec<String>,
}

/// A table: the header's cells and each row's cells.
#[derive(Debug, Clone, Default)]
pub struct Table {
    pub header: Vec<Cell>,
    pub rows: Vec<Vec<Cell>>,
}

/// Every table in `markdown`, in order.
pub fn tables(markdown: &str) -> Vec<Table> {
    let mut tables = Vec::new();
    let mut in_head = false;
    let mut row: Vec<Cell> = Vec::new();
    let mut cell: Option<Cell> = None;
    for event in Parser::new_ext(markdown, Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::Table(_)) => tables.push(Table::default()),
            Event::Start(Tag::TableHead) => in_head = true,
            Event::End(TagEnd::TableHead) => {
                in_head = false;
                tables.last_mut().unwrap().header = std::mem::take(&mut row);
            }
            Event::Start(Tag::TableCell) => cell = Some(Cell::default()),
            Event::End(TagEnd::TableCell) => row.push(cell.take().unwrap()),
            Event::End(TagEnd::TableRow) if !in_head => {
                tables
                    .last_mut()
                    .unwrap()
                    .rows
                    .push(std::mem::take(&mut row));
            }
            other => {
                let Some(cell) = cell.as_mut() else { continue };
                match other {
                    Event::Text(text) => cell.text.push_str(&text),
                    Event::InlineHtml(html) if html.as_ref() == "<br>" => cell.text.push('\n'),
                    Event::SoftBreak | Event::HardBreak => cell.text.push('\n'),
                    Event::Start(tag) => cell.markup.push(format!("{tag:?}")),
                    Event::End(_) => {}
                    markup => {
                        cell.markup.push(format!("{markup:?}"));
                        if let Event::Code(code) = markup {
                            cell.text.push_str(&code);
                        }
                    }
                }
            }
        }
    }
    tables
}

/// The top-level events' kinds in order, with the text of headings, HTML blocks and code
/// blocks, for checking the page's outline.
pub fn blocks(markdown: &str) -> Vec<(String, String)> {
    let mut blocks: Vec<(String, String)> = Vec::new();
    let mut depth = 0;
    for event in Parser::new_ext(markdown, Options::ENABLE_TABLES) {
        match event {
            Event::Start(tag) => {
                if depth == 0 {
                    let kind = format!("{tag:?}");
                    let kind = kind.split(['(', ' ', '{']).next().unwrap().to_owned();
                    blocks.push((kind, String::new()));
                }
                depth += 1;
            }
            Event::End(_) => depth -= 1,
            Event::Text(text) | Event::Html(text) | Event::InlineHtml(text) => {
                if let Some(last) = blocks.last_mut() {
                    last.1.push_str(&text);
                }
            }
            Event::SoftBreak => {
                if let Some(last) = blocks.last_mut() {
                    last.1.push(' ');
                }
            }
            _ => {}
        }
    }
    blocks
}

/// Text compared as a reader sees it: runs of whitespace are one space, each line trimmed,
/// blank lines at either end dropped; line breaks of every kind are `\n`.
pub fn normalize(text: &str) -> String {
    let text = text
        .replace("\r\n", "\n")
        .replace(['\r', '\u{2028}', '\u{2029}'], "\n");
    let lines: Vec<String> = text
        .split('\n')
        .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    let first = lines
        .iter()
        .position(|l| !l.is_empty())
        .unwrap_or(lines.len());
    let last = lines
        .iter()
        .rposition(|l| !l.is_empty())
        .map_or(first, |i| i + 1);
    lines[first..last].join("\n")
}

/// The spec's text as the page must show it: characters that would be invisible (controls
/// other than whitespace, bidi controls, the byte order mark, zero width space, soft hyphen and
/// word joiner) are named, `U+202E`.
pub fn shown(text: &str) -> String {
    text.chars()
        .map(|c| {
            let whitespace = matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{c}');
            let bidi = matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
            let unseen = matches!(c, '\u{FEFF}' | '\u{200B}' | '\u{AD}' | '\u{2060}');
            if (c.is_control() && !whitespace) || bidi || unseen {
                format!("U+{:04X}", u32::from(c))
            } else {
                c.to_string()
            }
        })
        .collect()
}
