//! How a wire code is spelt, for the `CODE_STYLE` lint: `snake_case`, `UPPER_SNAKE`,
//! `kebab-case`, `camelCase` or `PascalCase`. A code namespaced with dots
//! (`payment.card_declined`) is judged by its parts.
//!
//! A code of one lower-case word (`internal`) is snake, kebab and camel case alike, and one
//! upper-case word (`INTERNAL`) is upper snake case: a code counts for every style it fits,
//! and the style most codes fit is the spec's.

use heck::{ToKebabCase, ToLowerCamelCase, ToShoutySnakeCase, ToSnakeCase, ToUpperCamelCase};

/// A way to spell codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Style {
    Snake,
    UpperSnake,
    Kebab,
    Camel,
    Pascal,
}

/// Every style, in the order a tie between them is decided.
const STYLES: [Style; 5] = [
    Style::Snake,
    Style::UpperSnake,
    Style::Kebab,
    Style::Camel,
    Style::Pascal,
];

impl Style {
    /// The style's name in a message, spelt in the style itself.
    pub(super) fn describe(self) -> &'static str {
        match self {
            Style::Snake => "snake_case",
            Style::UpperSnake => "UPPER_SNAKE_CASE",
            Style::Kebab => "kebab-case",
            Style::Camel => "camelCase",
            Style::Pascal => "PascalCase",
        }
    }

    /// Whether one dot-free part of a code is in this style.
    fn fits_part(self, part: &str) -> bool {
        let lower_or_digit = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit();
        let upper_or_digit = |c: char| c.is_ascii_uppercase() || c.is_ascii_digit();
        let starts_lower = part.starts_with(|c: char| c.is_ascii_lowercase());
        let starts_upper = part.starts_with(|c: char| c.is_ascii_uppercase());
        match self {
            Style::Snake => part.chars().all(|c| lower_or_digit(c) || c == '_'),
            Style::UpperSnake => part.chars().all(|c| upper_or_digit(c) || c == '_'),
            Style::Kebab => part.chars().all(|c| lower_or_digit(c) || c == '-'),
            Style::Camel => starts_lower && part.chars().all(|c| c.is_ascii_alphanumeric()),
            Style::Pascal => {
                starts_upper
                    && part.chars().all(|c| c.is_ascii_alphanumeric())
                    && part.chars().any(|c| c.is_ascii_lowercase())
            }
        }
    }

    /// Whether `code` is in this style: every part between dots is.
    pub(super) fn fits(self, code: &str) -> bool {
        code.split('.').all(|part| self.fits_part(part))
    }

    /// `code` rewritten in this style, part by part.
    pub(super) fn rewrite(self, code: &str) -> String {
        let parts: Vec<String> = code
            .split('.')
            .map(|part| match self {
                Style::Snake => part.to_snake_case(),
                Style::UpperSnake => part.to_shouty_snake_case(),
                Style::Kebab => part.to_kebab_case(),
                Style::Camel => part.to_lower_camel_case(),
                Style::Pascal => part.to_upper_camel_case(),
            })
            .collect();
        parts.join(".")
    }
}

/// The style most of `codes` fit, and how many fit it; `None` when there are fewer than two
/// codes (one code has no style to differ from).
pub(super) fn majority<'a>(codes: impl Iterator<Item = &'a str> + Clone) -> Option<(Style, usize)> {
    if codes.clone().count() < 2 {
        return None;
    }
    STYLES
        .into_iter()
        .map(|style| (style, codes.clone().filter(|code| style.fits(code)).count()))
        .reduce(|best, next| if next.1 > best.1 { next } else { best })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_fit_every_style_they_could_be() {
        assert!(Style::Snake.fits("card_declined"));
        assert!(Style::UpperSnake.fits("CARD_DECLINED"));
        assert!(Style::Kebab.fits("card-declined"));
        assert!(Style::Camel.fits("cardDeclined"));
        assert!(Style::Pascal.fits("CardDeclined"));
        for style in [Style::Snake, Style::Kebab, Style::Camel] {
            assert!(style.fits("internal"), "{style:?}");
        }
        assert!(!Style::Snake.fits("CARD_DECLINED"));
        assert!(Style::Snake.fits("payment.card_declined"));
        assert!(
            !Style::Pascal.fits("INTERNAL"),
            "all capitals is not PascalCase"
        );
    }

    #[test]
    fn the_majority_decides_and_rewrites_follow_it() {
        let codes = ["card_declined", "internal", "QUOTA_EXCEEDED"];
        assert_eq!(majority(codes.into_iter()), Some((Style::Snake, 2)));
        assert_eq!(Style::Snake.rewrite("QUOTA_EXCEEDED"), "quota_exceeded");
        assert_eq!(
            Style::UpperSnake.rewrite("payment.cardDeclined"),
            "PAYMENT.CARD_DECLINED"
        );
        assert_eq!(majority(["one"].into_iter()), None);
    }
}
