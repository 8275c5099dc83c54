//! Topics are the tags that tie records, members and the knowledge map
//! together, so two spellings of one topic must compare equal.

use serde::{Deserialize, Serialize};
use std::fmt;

pub const MAX_TOPIC_CHARS: usize = 60;

/// A topic, normalized: trimmed, inner white space collapsed, lower case.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Topic(String);

impl Topic {
    /// `None` when nothing but white space or punctuation is left.
    pub fn new(raw: &str) -> Option<Self> {
        let cleaned: String = raw
            .trim_matches(|c: char| c.is_whitespace() || c == '#' || c == ',' || c == ';')
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        if cleaned.chars().any(char::is_alphanumeric) {
            Some(Topic(cleaned))
        } else {
            None
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Topic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Splits a comma-separated list as typed in a form, dropping empties and
/// repeats while keeping the order the member chose.
pub fn parse_topics(text: &str) -> Vec<Topic> {
    let mut topics: Vec<Topic> = Vec::new();
    for topic in text.split([',', ';', '\n']).filter_map(Topic::new) {
        if !topics.contains(&topic) {
            topics.push(topic);
        }
    }
    topics
}

pub fn join_topics(topics: &[Topic]) -> String {
    topics
        .iter()
        .map(Topic::as_str)
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_of_one_topic_are_equal() {
        assert_eq!(Topic::new("  Layout   Grid "), Topic::new("layout grid"));
        assert_eq!(Topic::new("#CSS"), Topic::new("css"));
    }

    #[test]
    fn empty_and_punctuation_only_topics_are_dropped() {
        assert_eq!(Topic::new("   "), None);
        assert_eq!(Topic::new("#,;"), None);
    }

    #[test]
    fn lists_split_dedupe_and_keep_order() {
        let topics = parse_topics("CSS, layout;; css ,  grid\nÉcole");
        let names: Vec<&str> = topics.iter().map(Topic::as_str).collect();
        assert_eq!(names, ["css", "layout", "grid", "école"]);
        assert_eq!(join_topics(&topics), "css, layout, grid, école");
    }
}
