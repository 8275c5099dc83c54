//! The nine activities through which a community builds its practice.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ActivityKind {
    ProblemSolving,
    InformationRequest,
    SeekingExperience,
    ReusingAssets,
    Coordination,
    DiscussingDevelopments,
    DocumentationProject,
    Visit,
    Mapping,
}

impl ActivityKind {
    pub const ALL: [ActivityKind; 9] = [
        ActivityKind::ProblemSolving,
        ActivityKind::InformationRequest,
        ActivityKind::SeekingExperience,
        ActivityKind::ReusingAssets,
        ActivityKind::Coordination,
        ActivityKind::DiscussingDevelopments,
        ActivityKind::DocumentationProject,
        ActivityKind::Visit,
        ActivityKind::Mapping,
    ];

    /// Stable name used in storage, URLs and exports.
    pub fn slug(self) -> &'static str {
        match self {
            ActivityKind::ProblemSolving => "problem-solving",
            ActivityKind::InformationRequest => "information-request",
            ActivityKind::SeekingExperience => "seeking-experience",
            ActivityKind::ReusingAssets => "reusing-assets",
            ActivityKind::Coordination => "coordination",
            ActivityKind::DiscussingDevelopments => "discussing-developments",
            ActivityKind::DocumentationProject => "documentation-project",
            ActivityKind::Visit => "visit",
            ActivityKind::Mapping => "mapping",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.slug() == slug)
    }

    pub fn label(self) -> &'static str {
        match self {
            ActivityKind::ProblemSolving => "Problem solving",
            ActivityKind::InformationRequest => "Request for information",
            ActivityKind::SeekingExperience => "Seeking experience",
            ActivityKind::ReusingAssets => "Reusing assets",
            ActivityKind::Coordination => "Coordination and synergy",
            ActivityKind::DiscussingDevelopments => "Discussing developments",
            ActivityKind::DocumentationProject => "Documentation project",
            ActivityKind::Visit => "Visit",
            ActivityKind::Mapping => "Mapping knowledge and gaps",
        }
    }

    /// The need as a member would say it: New activity starts from this.
    pub fn need(self) -> &'static str {
        match self {
            ActivityKind::ProblemSolving => "I'm stuck and want to think it through with others",
            ActivityKind::InformationRequest => {
                "I'm looking for a fact, a document, a person or some code"
            }
            ActivityKind::SeekingExperience => {
                "I want to hear from someone who has been through this"
            }
            ActivityKind::ReusingAssets => {
                "I have something others could adapt, or I'm looking for one"
            }
            ActivityKind::Coordination => "We could achieve more by joining forces",
            ActivityKind::DiscussingDevelopments => {
                "Something new has appeared and I want to make sense of it"
            }
            ActivityKind::DocumentationProject => {
                "This keeps coming back; let's write it down for good"
            }
            ActivityKind::Visit => "I want to see how someone else does it, on site",
            ActivityKind::Mapping => "Who knows what here, and what are we missing?",
        }
    }

    pub fn intent(self) -> &'static str {
        match self {
            ActivityKind::ProblemSolving => {
                "Get unstuck on a concrete problem by thinking together."
            }
            ActivityKind::InformationRequest => {
                "Find something specific that someone in the group already knows."
            }
            ActivityKind::SeekingExperience => {
                "Learn from members who have lived a similar situation."
            }
            ActivityKind::ReusingAssets => {
                "Adapt what exists instead of starting from a blank page."
            }
            ActivityKind::Coordination => "Combine efforts or purchases for a shared benefit.",
            ActivityKind::DiscussingDevelopments => {
                "Make sense together of a new tool, method, rule or paper."
            }
            ActivityKind::DocumentationProject => {
                "Turn a recurring problem into reference material."
            }
            ActivityKind::Visit => "Learn by going to see another member's practice.",
            ActivityKind::Mapping => {
                "See who knows what, where the gaps are, whom to connect with."
            }
        }
    }

    pub fn example(self) -> &'static str {
        match self {
            ActivityKind::ProblemSolving => {
                "“Our night-shift handover keeps missing allergy notes. Ideas?”"
            }
            ActivityKind::InformationRequest => {
                "“Where is the checklist we used for the last fire drill?”"
            }
            ActivityKind::SeekingExperience => {
                "“Has anyone moved a team to a four-day week? How did it go?”"
            }
            ActivityKind::ReusingAssets => {
                "“Here is my onboarding slide deck; adapt it for your site.”"
            }
            ActivityKind::Coordination => {
                "“Shall we book one trainer for all three clinics and split the fee?”"
            }
            ActivityKind::DiscussingDevelopments => {
                "“The new accessibility law takes effect in June. What changes for us?”"
            }
            ActivityKind::DocumentationProject => {
                "“Five of us fixed the same printer-driver issue. Let's write it up.”"
            }
            ActivityKind::Visit => {
                "“Could two of us spend a morning in your repair shop before we open ours?”"
            }
            ActivityKind::Mapping => {
                "“Let's list who knows our billing systems and what nobody covers.”"
            }
        }
    }

    /// A short text label shown beside the kind's icon; never colour alone.
    pub fn short_label(self) -> &'static str {
        match self {
            ActivityKind::ProblemSolving => "Problem",
            ActivityKind::InformationRequest => "Request",
            ActivityKind::SeekingExperience => "Experience",
            ActivityKind::ReusingAssets => "Asset",
            ActivityKind::Coordination => "Coordination",
            ActivityKind::DiscussingDevelopments => "Discussion",
            ActivityKind::DocumentationProject => "Document",
            ActivityKind::Visit => "Visit",
            ActivityKind::Mapping => "Mapping",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_unique_and_round_trip() {
        for kind in ActivityKind::ALL {
            assert_eq!(ActivityKind::from_slug(kind.slug()), Some(kind));
        }
        let mut slugs: Vec<_> = ActivityKind::ALL.iter().map(|k| k.slug()).collect();
        slugs.dedup();
        assert_eq!(slugs.len(), 9);
        assert_eq!(ActivityKind::from_slug("nonsense"), None);
    }
}
