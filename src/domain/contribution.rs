//! What members add to a record: the conversation that turns a request into
//! shared practice. Each kind takes its own sort of contribution.

use super::id::Id;
use super::kind::ActivityKind;
use super::time::Timestamp;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Stance {
    Adopt,
    Trial,
    Assess,
    Hold,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
/// Serialized as `{"<type>": {fields}}`, like `Payload`.
#[serde(rename_all = "kebab-case")]
pub enum ContributionBody {
    Idea {
        text: String,
    },
    Answer {
        text: String,
    },
    Experience {
        what_happened: String,
        what_worked: String,
        differently: String,
    },
    Reuse {
        reused_for: String,
        how_it_went: String,
    },
    Join {
        note: String,
    },
    Opinion {
        stance: Stance,
        text: String,
    },
    Comment {
        text: String,
    },
}

impl ContributionBody {
    /// Whether a record of `kind` takes this sort of contribution.
    pub fn fits(&self, kind: ActivityKind) -> bool {
        matches!(
            (self, kind),
            (ContributionBody::Idea { .. }, ActivityKind::ProblemSolving)
                | (
                    ContributionBody::Answer { .. },
                    ActivityKind::InformationRequest
                )
                | (
                    ContributionBody::Experience { .. },
                    ActivityKind::SeekingExperience
                )
                | (ContributionBody::Reuse { .. }, ActivityKind::ReusingAssets)
                | (
                    ContributionBody::Join { .. },
                    ActivityKind::Coordination | ActivityKind::Visit
                )
                | (
                    ContributionBody::Opinion { .. },
                    ActivityKind::DiscussingDevelopments
                )
                | (ContributionBody::Comment { .. }, _)
        )
    }

    pub fn texts(&self) -> Vec<&str> {
        match self {
            ContributionBody::Idea { text }
            | ContributionBody::Answer { text }
            | ContributionBody::Opinion { text, .. }
            | ContributionBody::Comment { text } => vec![text],
            ContributionBody::Experience {
                what_happened,
                what_worked,
                differently,
            } => {
                vec![what_happened, what_worked, differently]
            }
            ContributionBody::Reuse {
                reused_for,
                how_it_went,
            } => vec![reused_for, how_it_went],
            ContributionBody::Join { note } => vec![note],
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contribution {
    pub id: Id,
    pub author: String,
    pub created: Timestamp,
    pub body: ContributionBody,
}
