//! The IANA HTTP status code registry: which statuses are assigned, and their reason phrases.
//!
//! The data is `http-status-codes.csv` beside this file, in IANA's own CSV layout, so that an
//! update is a copy of IANA's file; it is compiled in, and nothing is fetched at run time.
//!
//! How entries count:
//! - an assigned status has its reason phrase, without a trailing note in parentheses:
//!   `104 Upload Resumption Supported (TEMPORARY - ...)` and `510 Not Extended (OBSOLETED)`
//!   are assigned, as `Upload Resumption Supported` and `Not Extended`; a temporary or
//!   obsoleted registration is still one, and clients may meet it;
//! - `(Unused)` entries (306, 418) are reserved so that no one assigns them again: they are
//!   not assigned, and a spec using one gets the same warning as for an unassigned status;
//! - everything else from 100 to 599 is unassigned.

use std::sync::OnceLock;

/// The registry as IANA publishes it, with a comment header naming the source.
const CSV: &str = include_str!("http-status-codes.csv");

/// What the registry says about one status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Entry {
    /// Assigned, with its reason phrase (without a parenthesised note).
    Assigned(&'static str),
    /// Reserved as "(Unused)": once assigned, never to be assigned again.
    Unused,
    /// Not in the registry.
    Unassigned,
}

/// One line of the registry: a status or a range of them, and its description.
#[derive(Debug)]
struct Row {
    first: u16,
    last: u16,
    description: String,
}

/// What the registry says about `status`.
pub(crate) fn lookup(status: u16) -> Entry {
    let Some(row) = rows()
        .iter()
        .find(|row| (row.first..=row.last).contains(&status))
    else {
        return Entry::Unassigned;
    };
    let description = row.description.as_str();
    if description == "Unassigned" {
        Entry::Unassigned
    } else if description.starts_with("(Unused)") {
        Entry::Unused
    } else {
        Entry::Assigned(without_note(description))
    }
}

/// `Not Extended (OBSOLETED)` -> `Not Extended`.
fn without_note(description: &str) -> &str {
    match description.find(" (") {
        Some(at) if description.ends_with(')') => &description[..at],
        _ => description,
    }
}

fn rows() -> &'static [Row] {
    static ROWS: OnceLock<Vec<Row>> = OnceLock::new();
    ROWS.get_or_init(|| parse(CSV))
}

/// Parses the CSV: comment lines (`#`) and the header are skipped. The data is compiled in and
/// checked by the tests below, so a malformed line is a bug in errspec, not a user's problem.
fn parse(csv: &str) -> Vec<Row> {
    csv.lines()
        .filter(|line| !line.starts_with('#') && !line.is_empty())
        .skip(1)
        .map(|line| {
            let fields = split_csv_line(line);
            let (first, last) = match fields[0].split_once('-') {
                Some((first, last)) => (first, last),
                None => (fields[0].as_str(), fields[0].as_str()),
            };
            let number = |text: &str| {
                text.parse()
                    .unwrap_or_else(|_| panic!("bad status in the registry: {line}"))
            };
            Row {
                first: number(first),
                last: number(last),
                description: fields[1].clone(),
            }
        })
        .collect()
}

/// Splits one CSV line into fields: commas separate, double quotes enclose, `""` is a quote.
fn split_csv_line(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        let field = fields.last_mut().expect("there is always a field");
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            '"' => quoted = !quoted,
            ',' if !quoted => fields.push(String::new()),
            c => field.push(c),
        }
    }
    fields
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_status_from_100_to_599_is_listed_exactly_once() {
        let rows = rows();
        let mut next = 100;
        for row in rows {
            assert_eq!(row.first, next, "a gap or an overlap before {row:?}");
            assert!(row.last >= row.first, "{row:?}");
            next = row.last + 1;
        }
        assert_eq!(next, 600);
    }

    #[test]
    fn reads_phrases_notes_and_reserved_entries() {
        assert_eq!(lookup(200), Entry::Assigned("OK"));
        assert_eq!(lookup(401), Entry::Assigned("Unauthorized"));
        assert_eq!(lookup(422), Entry::Assigned("Unprocessable Content"));
        assert_eq!(lookup(502), Entry::Assigned("Bad Gateway"));
        assert_eq!(lookup(104), Entry::Assigned("Upload Resumption Supported"));
        assert_eq!(lookup(510), Entry::Assigned("Not Extended"));
        assert_eq!(lookup(306), Entry::Unused);
        assert_eq!(lookup(418), Entry::Unused);
        assert_eq!(lookup(419), Entry::Unassigned);
        assert_eq!(lookup(599), Entry::Unassigned);
    }

    /// IANA's notes end the description (`(OBSOLETED)`, `(TEMPORARY - ...)`); parentheses
    /// inside a phrase are part of it, should IANA's next file hold one.
    #[test]
    fn only_a_note_at_the_end_is_dropped() {
        assert_eq!(without_note("Not Extended (OBSOLETED)"), "Not Extended");
        assert_eq!(without_note("Switch (Proxy) Mode"), "Switch (Proxy) Mode");
        assert_eq!(without_note("Gone"), "Gone");
    }

    #[test]
    fn splits_quoted_fields() {
        assert_eq!(
            split_csv_line(r#"1,"a, b",[c]"#),
            ["1".to_owned(), "a, b".to_owned(), "[c]".to_owned()]
        );
        assert_eq!(
            split_csv_line(r#""say ""hi""""#),
            [r#"say "hi""#.to_owned()]
        );
    }
}
