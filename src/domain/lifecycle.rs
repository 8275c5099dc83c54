//! How a record moves on: contributions from members, and the steps each
//! kind takes toward its outcome (DOMAIN.md, "how it moves on").

use super::contribution::{Contribution, ContributionBody};
use super::id::Id;
use super::kind::ActivityKind;
use super::payload::Payload;
use super::record::{Record, MAX_NAME_CHARS};
use super::status::{can_move, Status};
use super::time::Timestamp;
use super::validation::{check_length, ValidationErrors};

pub const MAX_CONTRIBUTION_CHARS: usize = 20_000;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    /// A member adds an idea, answer, experience, reuse, opinion, joins…
    Contribute(ContributionBody),
    /// The author accepts one answer to a request.
    AcceptAnswer(Id),
    /// The author of a problem records what was chosen and how it went.
    Resolve { approach: String, outcome: String },
    /// The record's conclusion: a coordination's result, a discussion's
    /// verdict, a visit's report of learnings.
    Conclude(String),
    /// Any other allowed status change (document states, closing, reopening).
    Move(Status),
}

/// What concluding means for a kind, in the words of its action.
pub fn conclusion_label(kind: ActivityKind) -> Option<(&'static str, &'static str)> {
    match kind {
        ActivityKind::Coordination => Some((
            "Record the result",
            "What did joining forces achieve? Quantify it where you can.",
        )),
        ActivityKind::DiscussingDevelopments => Some((
            "Record the verdict",
            "What does the group conclude: adopt, trial, assess or hold, and why?",
        )),
        ActivityKind::Visit => Some((
            "Write the report of learnings",
            "What did the visitors learn, and what will they do with it?",
        )),
        _ => None,
    }
}

/// The contribution a kind asks members for, as a button says it.
pub fn contribution_label(kind: ActivityKind) -> &'static str {
    match kind {
        ActivityKind::ProblemSolving => "Add an idea",
        ActivityKind::InformationRequest => "Answer",
        ActivityKind::SeekingExperience => "Share your experience",
        ActivityKind::ReusingAssets => "Log a reuse",
        ActivityKind::Coordination => "Join",
        ActivityKind::DiscussingDevelopments => "Give your opinion",
        ActivityKind::Visit => "Join the visit",
        ActivityKind::DocumentationProject | ActivityKind::Mapping => "Comment",
    }
}

fn required(errors: &mut ValidationErrors, field: &str, label: &str, text: &str) {
    if text.trim().is_empty() {
        errors.push(field, format!("“{label}” is needed: please fill it in."));
    }
    check_length(errors, field, label, text.trim(), MAX_CONTRIBUTION_CHARS);
}

fn check_body(kind: ActivityKind, body: &ContributionBody) -> ValidationErrors {
    let mut errors = ValidationErrors::default();
    if !body.fits(kind) {
        errors.push(
            "type",
            format!(
                "A {} does not take this kind of contribution.",
                kind.label()
            ),
        );
        return errors;
    }
    match body {
        ContributionBody::Idea { text }
        | ContributionBody::Answer { text }
        | ContributionBody::Opinion { text, .. }
        | ContributionBody::Comment { text } => {
            required(&mut errors, "text", "Your contribution", text)
        }
        ContributionBody::Experience {
            what_happened,
            what_worked,
            differently,
        } => {
            required(&mut errors, "what_happened", "What happened", what_happened);
            check_length(
                &mut errors,
                "what_worked",
                "What worked",
                what_worked,
                MAX_CONTRIBUTION_CHARS,
            );
            check_length(
                &mut errors,
                "differently",
                "What you would do differently",
                differently,
                MAX_CONTRIBUTION_CHARS,
            );
        }
        ContributionBody::Reuse {
            reused_for,
            how_it_went,
        } => {
            required(
                &mut errors,
                "reused_for",
                "What you reused it for",
                reused_for,
            );
            check_length(
                &mut errors,
                "how_it_went",
                "How it went",
                how_it_went,
                MAX_CONTRIBUTION_CHARS,
            );
        }
        ContributionBody::Join { note } => {
            check_length(&mut errors, "note", "Note", note, MAX_CONTRIBUTION_CHARS)
        }
    }
    errors
}

fn trimmed(body: ContributionBody) -> ContributionBody {
    let t = |s: String| s.trim().to_owned();
    match body {
        ContributionBody::Idea { text } => ContributionBody::Idea { text: t(text) },
        ContributionBody::Answer { text } => ContributionBody::Answer { text: t(text) },
        ContributionBody::Comment { text } => ContributionBody::Comment { text: t(text) },
        ContributionBody::Opinion { stance, text } => ContributionBody::Opinion {
            stance,
            text: t(text),
        },
        ContributionBody::Experience {
            what_happened,
            what_worked,
            differently,
        } => ContributionBody::Experience {
            what_happened: t(what_happened),
            what_worked: t(what_worked),
            differently: t(differently),
        },
        ContributionBody::Reuse {
            reused_for,
            how_it_went,
        } => ContributionBody::Reuse {
            reused_for: t(reused_for),
            how_it_went: t(how_it_went),
        },
        ContributionBody::Join { note } => ContributionBody::Join { note: t(note) },
    }
}

/// The record after `step`, taken by `author` at `now`; `id` names a new
/// contribution. Nothing changes when the step is refused.
pub fn apply(
    record: &Record,
    step: Step,
    author: &str,
    id: Id,
    now: Timestamp,
) -> Result<Record, ValidationErrors> {
    let mut next = record.clone();
    let mut errors = ValidationErrors::default();
    let kind = record.kind();
    let author = author.trim();
    match step {
        Step::Contribute(body) => {
            if author.is_empty() {
                errors.push("author", "Say who you are, so others know who contributed.");
            }
            check_length(&mut errors, "author", "Your name", author, MAX_NAME_CHARS);
            errors.0.extend(check_body(kind, &body).0);
            if record.contributions.iter().any(|c| c.id == id) {
                errors.push("type", "This contribution was already added.");
            }
            next.contributions.push(Contribution {
                id,
                author: author.to_owned(),
                created: now,
                body: trimmed(body),
            });
        }
        Step::AcceptAnswer(answer) => {
            let is_answer = record
                .contributions
                .iter()
                .any(|c| c.id == answer && matches!(c.body, ContributionBody::Answer { .. }));
            match &mut next.payload {
                Payload::InformationRequest(request) if is_answer => {
                    request.accepted_answer = Some(answer);
                    next.status = Status::Answered;
                }
                Payload::InformationRequest(_) => {
                    errors.push("answer", "That answer is not part of this request.")
                }
                _ => errors.push(
                    "answer",
                    "Only a request for information has answers to accept.",
                ),
            }
        }
        Step::Resolve { approach, outcome } => match &mut next.payload {
            Payload::ProblemSolving(problem) => {
                required(
                    &mut errors,
                    "chosen_approach",
                    "The chosen approach",
                    &approach,
                );
                required(&mut errors, "outcome", "The outcome", &outcome);
                problem.chosen_approach = approach.trim().to_owned();
                problem.outcome = outcome.trim().to_owned();
                next.status = Status::Resolved;
            }
            _ => errors.push(
                "outcome",
                "Only problem solving is resolved with an approach and an outcome.",
            ),
        },
        Step::Conclude(text) => {
            let label = conclusion_label(kind).map_or("The conclusion", |(label, _)| label);
            required(&mut errors, "conclusion", label, &text);
            let text = text.trim().to_owned();
            match &mut next.payload {
                Payload::Coordination(c) => (c.result, next.status) = (text, Status::Closed),
                Payload::DiscussingDevelopments(d) => {
                    (d.verdict, next.status) = (text, Status::Closed)
                }
                Payload::Visit(v) => (v.report, next.status) = (text, Status::Done),
                _ => errors.push(
                    "conclusion",
                    format!("A {} has no conclusion to record.", kind.label()),
                ),
            }
        }
        Step::Move(status) => {
            if !can_move(kind, record.status, status) {
                errors.push(
                    "status",
                    format!(
                        "A {} cannot go from “{}” to “{}”.",
                        kind.label(),
                        record.status.label(),
                        status.label()
                    ),
                );
            }
            if let (Payload::DocumentationProject(doc), Status::Published) =
                (&record.payload, status)
            {
                if doc.document.trim().is_empty() {
                    errors.push("document", "Write the document before publishing it: edit the record and fill in “The document”.");
                }
            }
            next.status = status;
        }
    }
    // A contribution is a document of its own: it leaves the record's
    // fields, and their revision, as they were (its own time counts in
    // `last_activity`). Every other step changes the record itself.
    if next.contributions.len() == record.contributions.len() {
        next.updated = now.max(record.updated);
    }
    errors.into_result(next)
}

/// The moves offered on a record's page besides contributing and concluding.
pub fn offered_moves(record: &Record) -> Vec<Status> {
    let kind = record.kind();
    super::status::statuses_of(kind)
        .iter()
        .copied()
        .filter(|to| can_move(kind, record.status, *to))
        // These have their own step with the text that goes with them.
        .filter(|to| {
            !matches!(
                (kind, to),
                (ActivityKind::ProblemSolving, Status::Resolved)
                    | (ActivityKind::InformationRequest, Status::Answered)
            )
        })
        .filter(|to| {
            !(conclusion_label(kind).is_some() && matches!(to, Status::Closed | Status::Done))
        })
        .collect()
}
