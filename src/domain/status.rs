//! Where a record stands in its life cycle, and which moves each kind allows.

use super::kind::ActivityKind;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Waiting for help, answers, opinions or participants.
    Open,
    /// A problem with a chosen approach and outcome.
    Resolved,
    /// A request with an accepted answer.
    Answered,
    /// Finished for another reason: a discussion with a verdict, a finished
    /// coordination or mapping, a withdrawn asset.
    Closed,
    Proposed,
    Drafting,
    InReview,
    Published,
    Planned,
    /// A visit that took place.
    Done,
    Cancelled,
}

impl Status {
    pub const ALL: [Status; 11] = [
        Status::Open,
        Status::Resolved,
        Status::Answered,
        Status::Closed,
        Status::Proposed,
        Status::Drafting,
        Status::InReview,
        Status::Published,
        Status::Planned,
        Status::Done,
        Status::Cancelled,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            Status::Open => "open",
            Status::Resolved => "resolved",
            Status::Answered => "answered",
            Status::Closed => "closed",
            Status::Proposed => "proposed",
            Status::Drafting => "drafting",
            Status::InReview => "in-review",
            Status::Published => "published",
            Status::Planned => "planned",
            Status::Done => "done",
            Status::Cancelled => "cancelled",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|status| status.slug() == slug)
    }

    pub fn label(self) -> &'static str {
        match self {
            Status::Open => "Open",
            Status::Resolved => "Resolved",
            Status::Answered => "Answered",
            Status::Closed => "Closed",
            Status::Proposed => "Proposed",
            Status::Drafting => "Drafting",
            Status::InReview => "In review",
            Status::Published => "Published",
            Status::Planned => "Planned",
            Status::Done => "Visited",
            Status::Cancelled => "Cancelled",
        }
    }

    /// Still waiting for the community's help.
    pub fn is_waiting(self) -> bool {
        matches!(self, Status::Open | Status::Proposed | Status::Planned)
    }
}

/// The statuses a kind can take, in life-cycle order.
pub fn statuses_of(kind: ActivityKind) -> &'static [Status] {
    match kind {
        ActivityKind::ProblemSolving => &[Status::Open, Status::Resolved],
        ActivityKind::InformationRequest => &[Status::Open, Status::Answered],
        ActivityKind::SeekingExperience
        | ActivityKind::ReusingAssets
        | ActivityKind::Coordination
        | ActivityKind::DiscussingDevelopments
        | ActivityKind::Mapping => &[Status::Open, Status::Closed],
        ActivityKind::DocumentationProject => &[
            Status::Proposed,
            Status::Drafting,
            Status::InReview,
            Status::Published,
        ],
        ActivityKind::Visit => &[Status::Planned, Status::Done, Status::Cancelled],
    }
}

pub fn initial_status(kind: ActivityKind) -> Status {
    statuses_of(kind)[0]
}

/// Whether a record of `kind` may move from `from` to `to`. Documents move
/// one step at a time (and may step back); other kinds may reopen.
pub fn can_move(kind: ActivityKind, from: Status, to: Status) -> bool {
    let statuses = statuses_of(kind);
    let (Some(a), Some(b)) = (
        statuses.iter().position(|s| *s == from),
        statuses.iter().position(|s| *s == to),
    ) else {
        return false;
    };
    if a == b {
        return false;
    }
    match kind {
        ActivityKind::DocumentationProject => a.abs_diff(b) == 1,
        ActivityKind::Visit => a == 0 || b == 0,
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_starts_in_its_first_status() {
        for kind in ActivityKind::ALL {
            assert_eq!(initial_status(kind), statuses_of(kind)[0]);
            assert!(initial_status(kind).is_waiting());
        }
    }

    #[test]
    fn documents_move_one_step_at_a_time() {
        let kind = ActivityKind::DocumentationProject;
        assert!(can_move(kind, Status::Proposed, Status::Drafting));
        assert!(can_move(kind, Status::InReview, Status::Drafting));
        assert!(!can_move(kind, Status::Proposed, Status::Published));
        assert!(!can_move(kind, Status::Drafting, Status::Drafting));
    }

    #[test]
    fn statuses_of_other_kinds_are_refused() {
        assert!(!can_move(
            ActivityKind::ProblemSolving,
            Status::Open,
            Status::Answered
        ));
        assert!(can_move(
            ActivityKind::ProblemSolving,
            Status::Resolved,
            Status::Open
        ));
        assert!(!can_move(
            ActivityKind::Visit,
            Status::Done,
            Status::Cancelled
        ));
    }

    #[test]
    fn slugs_round_trip() {
        for status in Status::ALL {
            assert_eq!(Status::from_slug(status.slug()), Some(status));
        }
    }
}
