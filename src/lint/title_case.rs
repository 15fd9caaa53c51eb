//! How a title is capitalised, for the `TITLE_CASE` lint: title case (`Not Found`, the IANA
//! registry's style), sentence case (`Not found`) or lower case (`not found`).
//!
//! Only words that can tell the styles apart decide: the first word is capitalised in both
//! title and sentence case, short words (`of`, `for`, `the`) may go either way in title case,
//! and words with a capital inside (`OK`, `URI`, `JSON`, `iOS`) or without cased letters keep
//! their spelling in every style.

/// A title's capitalisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Case {
    /// Every deciding word is capitalised: `Bad Gateway`.
    Title,
    /// The first word is capitalised, every deciding word after it is not: `Bad gateway`.
    Sentence,
    /// No deciding word is capitalised, not even the first: `bad gateway`.
    Lower,
    /// Deciding words disagree: `Bad gateway Error`.
    Mixed,
    /// No word tells: `OK`, `Gone`, `Request-URI`.
    Either,
}

impl Case {
    /// The style's name in a message.
    pub(super) fn describe(self) -> &'static str {
        match self {
            Case::Title => "title case",
            Case::Sentence => "sentence case",
            Case::Lower => "lower case",
            Case::Mixed => "mixed case",
            Case::Either => "either case",
        }
    }
}

/// Words that title case may leave in lower case (the IANA registry capitalises them too:
/// `Unavailable For Legal Reasons`), so they decide nothing.
const SHORT_WORDS: &[&str] = &[
    "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "nor", "of", "on",
    "or", "per", "the", "to", "via", "vs", "with",
];

/// How one word starts, for classification.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Start {
    Upper,
    Lower,
    /// Keeps its spelling in every style: an acronym, a short word, no cased letter.
    Neutral,
}

fn first_letter(word: &str) -> Option<(usize, char)> {
    word.char_indices().find(|(_, c)| c.is_alphabetic())
}

fn start(word: &str, first: bool) -> Start {
    let Some((at, letter)) = first_letter(word) else {
        return Start::Neutral;
    };
    let capital_inside = word[at + letter.len_utf8()..]
        .chars()
        .any(char::is_uppercase);
    let short = SHORT_WORDS.contains(&word.to_lowercase().as_str());
    if capital_inside || (short && !first) {
        Start::Neutral
    } else if letter.is_uppercase() {
        Start::Upper
    } else if letter.is_lowercase() {
        Start::Lower
    } else {
        Start::Neutral
    }
}

/// The capitalisation of `title`.
pub(super) fn classify(title: &str) -> Case {
    let mut words = title.split_whitespace();
    let first = words
        .next()
        .map_or(Start::Neutral, |word| start(word, true));
    let (mut upper, mut lower) = (0usize, 0usize);
    for word in words {
        match start(word, false) {
            Start::Upper => upper += 1,
            Start::Lower => lower += 1,
            Start::Neutral => {}
        }
    }
    match (first, upper, lower) {
        (Start::Lower, 0, _) => Case::Lower,
        (Start::Lower, _, _) => Case::Mixed,
        (_, 1.., 1..) => Case::Mixed,
        (_, 1.., 0) => Case::Title,
        (_, 0, 1..) => Case::Sentence,
        (_, 0, 0) => Case::Either,
    }
}

/// The style most titles that show one are in, with how many are in it; `None` when no title
/// shows one. A tie goes to title case, then sentence case: the registry's style first.
pub(super) fn majority(cases: &[Case]) -> Option<(Case, usize)> {
    let count = |style: Case| cases.iter().filter(|case| **case == style).count();
    [Case::Title, Case::Sentence, Case::Lower]
        .map(|style| (style, count(style)))
        .into_iter()
        .rev()
        .max_by_key(|(_, n)| *n)
        .filter(|(_, n)| *n > 0)
}

/// `title` rewritten in `style` (title, sentence or lower case), for a hint. Words that keep
/// their spelling in every style are kept; so is the spacing.
pub(super) fn recase(title: &str, style: Case) -> String {
    let mut out = String::with_capacity(title.len());
    let mut first = true;
    for piece in title.split_inclusive(char::is_whitespace) {
        let word = piece.trim_end();
        let upper = match (style, first) {
            (Case::Lower, _) => false,
            (_, true) => true,
            (Case::Title, false) => true,
            _ => false,
        };
        let keep = word.is_empty() || start(word, first) == Start::Neutral;
        match first_letter(word) {
            Some((at, letter)) if !keep => {
                out.push_str(&piece[..at]);
                if upper {
                    out.extend(letter.to_uppercase());
                } else {
                    out.extend(letter.to_lowercase());
                }
                out.push_str(&piece[at + letter.len_utf8()..]);
            }
            _ => out.push_str(piece),
        }
        first &= word.is_empty();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_by_the_words_that_decide() {
        assert_eq!(classify("Bad Gateway"), Case::Title);
        assert_eq!(classify("Unavailable For Legal Reasons"), Case::Title);
        assert_eq!(classify("Request Header Fields Too Large"), Case::Title);
        assert_eq!(classify("Entity cannot be processed"), Case::Sentence);
        assert_eq!(classify("Proof of work"), Case::Sentence);
        assert_eq!(classify("not found"), Case::Lower);
        assert_eq!(classify("not Found"), Case::Mixed);
        assert_eq!(classify("Bad gateway Error"), Case::Mixed);
        assert_eq!(classify("OK"), Case::Either);
        assert_eq!(classify("Gone"), Case::Either);
        assert_eq!(classify("URI Too Long"), Case::Title);
        assert_eq!(classify("Request of the JSON"), Case::Either);
        assert_eq!(classify("שגיאה בבקשה"), Case::Either);
    }

    #[test]
    fn the_majority_wins_and_ties_go_to_title_case() {
        let cases = [Case::Title, Case::Sentence, Case::Either, Case::Mixed];
        assert_eq!(majority(&cases), Some((Case::Title, 1)));
        let cases = [Case::Sentence, Case::Sentence, Case::Title];
        assert_eq!(majority(&cases), Some((Case::Sentence, 2)));
        assert_eq!(majority(&[Case::Either, Case::Mixed]), None);
    }

    #[test]
    fn recases_only_the_words_that_decide() {
        assert_eq!(
            recase("Entity cannot be processed", Case::Title),
            "Entity Cannot Be Processed"
        );
        assert_eq!(
            recase("Unavailable for Legal Reasons", Case::Sentence),
            "Unavailable for legal reasons"
        );
        assert_eq!(recase("Not JSON  here", Case::Lower), "not JSON  here");
        assert_eq!(
            recase("  lead (paren) word", Case::Title),
            "  Lead (Paren) Word"
        );
    }
}
