//! What the import worker tells the page, and its text form. The messages
//! are few and flat, so they travel as lines of text rather than JSON: the
//! JSON reader and writer for these types cost the bundle about 2 KB that
//! every member downloads, for a handful of messages per import.
//!
//! A message is its name, then one line per field (each figure, each
//! text); a text escapes `\` as `\\` and a line break as `\n`, so every
//! field stays one line.

use super::merge::{Counts, Summary};
use super::{Problem, Refusal};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Report {
    /// Started and waiting for a file.
    Listening,
    Refused(Refusal),
    Ready(Summary),
    Progress {
        done: usize,
        total: usize,
    },
    Done,
    Cancelled,
    /// The stored data could not be read or written; nothing was changed.
    Failed(String),
}

impl Report {
    pub fn to_text(&self) -> String {
        let mut lines = Lines::default();
        match self {
            Report::Listening => lines.word("listening"),
            Report::Done => lines.word("done"),
            Report::Cancelled => lines.word("cancelled"),
            Report::Progress { done, total } => {
                lines.word("progress");
                lines.figures(&[*done, *total]);
            }
            Report::Failed(message) => {
                lines.word("failed");
                lines.text(message);
            }
            Report::Refused(refusal) => {
                lines.word("refused");
                lines.figures(&[refusal.total]);
                for problem in &refusal.problems {
                    lines.text(&problem.at);
                    lines.text(&problem.message);
                }
            }
            Report::Ready(summary) => {
                let c = summary.counts;
                lines.word("ready");
                lines.figures(&[
                    c.new,
                    c.updated,
                    c.unchanged,
                    c.conflicts,
                    c.deleted,
                    summary.rows,
                    summary.members,
                    summary.rounds,
                    usize::from(summary.profile_from_file),
                    usize::from(summary.profile_differs),
                    summary.member_conflicts,
                ]);
                for title in &summary.conflicts {
                    lines.text(title);
                }
            }
        }
        lines.0
    }

    /// The message a text holds; `None` for anything that is not one.
    pub fn from_text(text: &str) -> Option<Report> {
        let mut r = Reader(text.split('\n'));
        let report = match r.0.next()? {
            "listening" => Report::Listening,
            "done" => Report::Done,
            "cancelled" => Report::Cancelled,
            "progress" => Report::Progress {
                done: r.figure()?,
                total: r.figure()?,
            },
            "failed" => Report::Failed(r.text()?),
            "refused" => {
                let total = r.figure()?;
                let mut problems = Vec::new();
                while let Some(at) = r.0.next() {
                    problems.push(Problem {
                        at: unescape(at)?,
                        message: r.text()?,
                    });
                }
                Report::Refused(Refusal { problems, total })
            }
            "ready" => Report::Ready(Summary {
                counts: Counts {
                    new: r.figure()?,
                    updated: r.figure()?,
                    unchanged: r.figure()?,
                    conflicts: r.figure()?,
                    deleted: r.figure()?,
                },
                rows: r.figure()?,
                members: r.figure()?,
                rounds: r.figure()?,
                profile_from_file: r.flag()?,
                profile_differs: r.flag()?,
                member_conflicts: r.figure()?,
                conflicts: r.0.by_ref().map(unescape).collect::<Option<_>>()?,
            }),
            _ => return None,
        };
        // A message is read whole: nothing may be left.
        r.0.next().is_none().then_some(report)
    }
}

#[derive(Default)]
struct Lines(String);

impl Lines {
    /// Each field on a line of its own.
    fn word(&mut self, word: &str) {
        if !self.0.is_empty() {
            self.0.push('\n');
        }
        self.0.push_str(word);
    }

    fn figures(&mut self, figures: &[usize]) {
        for figure in figures {
            self.word(&figure.to_string());
        }
    }

    fn text(&mut self, text: &str) {
        self.word(&text.replace('\\', "\\\\").replace('\n', "\\n"));
    }
}

struct Reader<'a>(std::str::Split<'a, char>);

impl Reader<'_> {
    fn figure(&mut self) -> Option<usize> {
        self.0.next()?.parse().ok()
    }

    fn flag(&mut self) -> Option<bool> {
        match self.figure()? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }

    fn text(&mut self) -> Option<String> {
        unescape(self.0.next()?)
    }
}

fn unescape(line: &str) -> Option<String> {
    let mut text = String::with_capacity(line.len());
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        text.push(match c {
            '\\' => match chars.next()? {
                '\\' => '\\',
                'n' => '\n',
                _ => return None,
            },
            c => c,
        });
    }
    Some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary(conflicts: Vec<String>) -> Summary {
        Summary {
            counts: Counts {
                new: 3,
                updated: 2,
                unchanged: 9,
                conflicts: conflicts.len(),
                deleted: 1,
            },
            rows: 6,
            members: 4,
            rounds: 0,
            profile_from_file: false,
            profile_differs: true,
            member_conflicts: 2,
            conflicts,
        }
    }

    #[test]
    fn every_message_reads_back_as_sent() {
        let reports = [
            Report::Listening,
            Report::Done,
            Report::Cancelled,
            Report::Progress {
                done: 500,
                total: 10_000,
            },
            Report::Failed("The browser refused:\nquota exceeded \\ full".into()),
            Report::Refused(Refusal {
                problems: vec![
                    Problem {
                        at: "records[3].title".into(),
                        message: "The title is empty.".into(),
                    },
                    Problem {
                        at: String::new(),
                        message: String::new(),
                    },
                ],
                total: 41,
            }),
            Report::Refused(Refusal {
                problems: Vec::new(),
                total: 0,
            }),
            Report::Ready(summary(vec!["Onboarding\\checklist".into(), "".into()])),
            Report::Ready(summary(Vec::new())),
        ];
        for report in reports {
            assert_eq!(Report::from_text(&report.to_text()), Some(report));
        }
    }

    #[test]
    fn anything_else_is_no_message() {
        for text in [
            "",
            "Listening",
            "progress\n1",
            "progress\n1\ntwo",
            "progress\n1\n2\n3",
            "failed",
            "failed\nbad \\escape",
            "refused\n2\nonly the place",
            "ready\n1\n2\n3\n4\n5\n6\n7\n8\n0\n2\n0",
            "ready\n1\n2\n3",
            "{\"Ready\":{}}",
        ] {
            assert_eq!(Report::from_text(text), None, "{text:?}");
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod any_text {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn any_texts_read_back(
                message in any::<String>(),
                titles in proptest::collection::vec(any::<String>(), 0..5),
            ) {
                let failed = Report::Failed(message);
                prop_assert_eq!(Report::from_text(&failed.to_text()), Some(failed));
                let ready = Report::Ready(summary(titles));
                prop_assert_eq!(Report::from_text(&ready.to_text()), Some(ready));
            }
        }
    }
}
