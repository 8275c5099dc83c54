use serde::{Deserialize, Serialize};
use std::fmt;

/// One problem with one field of a form, in words a member understands.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

/// Every problem found, so a form can mark all fields at once.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ValidationErrors(pub Vec<FieldError>);

impl ValidationErrors {
    pub fn push(&mut self, field: &str, message: impl Into<String>) {
        self.0.push(FieldError {
            field: field.to_owned(),
            message: message.into(),
        });
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn for_field(&self, field: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|error| error.field == field)
            .map(|error| error.message.as_str())
    }

    pub fn into_result<T>(self, value: T) -> Result<T, ValidationErrors> {
        if self.is_empty() {
            Ok(value)
        } else {
            Err(self)
        }
    }
}

impl fmt::Display for ValidationErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let messages: Vec<&str> = self.0.iter().map(|e| e.message.as_str()).collect();
        f.write_str(&messages.join(" "))
    }
}

impl std::error::Error for ValidationErrors {}

/// Text as the member typed it, minus surrounding white space; a field of
/// spaces only counts as empty.
pub fn clean_text(raw: &str) -> String {
    raw.trim().to_owned()
}

/// The length, and no markup meant to run (see `check_markup`).
pub fn check_length(
    errors: &mut ValidationErrors,
    field: &str,
    label: &str,
    text: &str,
    max: usize,
) {
    check_length_only(errors, field, label, text, max);
    check_markup(errors, field, label, text);
}

/// The length alone, for fields whose shape is checked more strictly
/// (links must be http(s) addresses).
pub fn check_length_only(
    errors: &mut ValidationErrors,
    field: &str,
    label: &str,
    text: &str,
    max: usize,
) {
    let count = text.chars().count();
    if count > max {
        errors.push(
            field,
            format!("{label} is too long: {count} characters, at most {max}. Shorten it or move details into a longer field."),
        );
    }
}

/// Refuses text written to run code in a web page (`<script>`, `onerror=`,
/// `javascript:` links). Repertoire shows text as text, but exports travel
/// to other tools, and an import refuses the same patterns: what a form
/// accepts always imports again. Code between backticks is fine.
pub fn check_markup(errors: &mut ValidationErrors, field: &str, label: &str, text: &str) {
    if let Some(found) = super::import::find_markup(text) {
        errors.push(
            field,
            format!("{label} contains “{found}”, which would run as code in a web page, so Repertoire does not keep it. To show code, put it between backticks: `like this`."),
        );
    }
}

/// `YYYY-MM-DD` with a real calendar day between the years 1900 and 2200.
pub fn is_valid_date(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    let [year, month, day] = parts.as_slice() else {
        return false;
    };
    if year.len() != 4 || month.len() != 2 || day.len() != 2 {
        return false;
    }
    let (Ok(year), Ok(month), Ok(day)) = (
        year.parse::<u32>(),
        month.parse::<u32>(),
        day.parse::<u32>(),
    ) else {
        return false;
    };
    if !(1900..=2200).contains(&year) || !(1..=12).contains(&month) {
        return false;
    }
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    (1..=days).contains(&day)
}

/// An absolute http(s) link with something after the scheme; other schemes
/// (`javascript:`, `data:`) are refused because links are rendered clickable.
pub fn is_valid_link(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    matches!(rest, Some(host) if !host.is_empty() && !host.starts_with('/') && !text.chars().any(char::is_whitespace))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_checked_against_the_calendar() {
        assert!(is_valid_date("2026-02-28"));
        assert!(is_valid_date("2028-02-29"));
        assert!(!is_valid_date("2026-02-29"));
        assert!(!is_valid_date("2026-13-01"));
        assert!(!is_valid_date("99999-01-01"));
        assert!(!is_valid_date("1066-10-14"));
        assert!(!is_valid_date("tomorrow"));
    }

    #[test]
    fn only_web_links_are_accepted() {
        assert!(is_valid_link("https://example.org/a?b=c"));
        assert!(is_valid_link("HTTP://intranet/page"));
        assert!(!is_valid_link("javascript:alert(1)"));
        assert!(!is_valid_link("https://"));
        assert!(!is_valid_link("https://a b"));
        assert!(!is_valid_link("ftp://files"));
    }

    #[test]
    fn length_is_counted_in_characters_not_bytes() {
        let mut errors = ValidationErrors::default();
        check_length(&mut errors, "title", "Title", &"é".repeat(10), 10);
        assert!(errors.is_empty());
        check_length(&mut errors, "title", "Title", &"é".repeat(11), 10);
        assert!(errors.for_field("title").is_some());
    }
}
