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
