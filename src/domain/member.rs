use super::id::Id;
use super::time::Timestamp;
use super::topic::Topic;
use serde::{Deserialize, Serialize};

/// How a member takes part, as they or the core group declare it. Movement
/// from newcomer toward the core is welcomed, never ranked.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum ParticipationLevel {
    Core,
    Active,
    Occasional,
    #[default]
    Newcomer,
}

impl ParticipationLevel {
    pub fn label(self) -> &'static str {
        match self {
            ParticipationLevel::Core => "Core",
            ParticipationLevel::Active => "Active",
            ParticipationLevel::Occasional => "Occasional",
            ParticipationLevel::Newcomer => "Newcomer",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Member {
    pub id: Id,
    pub name: String,
    pub level: ParticipationLevel,
    #[serde(default)]
    pub knows: Vec<Topic>,
    #[serde(default)]
    pub learning: Vec<Topic>,
    pub joined: Timestamp,
}
