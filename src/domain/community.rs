use super::topic::Topic;
use serde::{Deserialize, Serialize};

/// The word a group uses for itself; organizations rarely say "community of
/// practice".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CommunityWord {
    CommunityOfPractice,
    LearningNetwork,
    ThematicGroup,
    TechClub,
    Guild,
    Own(String),
}

impl CommunityWord {
    pub fn as_text(&self) -> &str {
        match self {
            CommunityWord::CommunityOfPractice => "community of practice",
            CommunityWord::LearningNetwork => "learning network",
            CommunityWord::ThematicGroup => "thematic group",
            CommunityWord::TechClub => "tech club",
            CommunityWord::Guild => "guild",
            CommunityWord::Own(word) => word,
        }
    }
}

/// Who the community is and what its domain is about.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommunityProfile {
    pub name: String,
    pub word: CommunityWord,
    /// What the domain is about, in a sentence.
    pub domain: String,
    pub why_it_matters: String,
    /// What competence membership implies.
    pub competence: String,
    pub core_topics: Vec<Topic>,
}

impl Default for CommunityProfile {
    fn default() -> Self {
        CommunityProfile {
            name: "Our community".to_owned(),
            word: CommunityWord::CommunityOfPractice,
            domain: String::new(),
            why_it_matters: String::new(),
            competence: String::new(),
            core_topics: Vec::new(),
        }
    }
}
