use super::topic::{join_topics, parse_topics, Topic, MAX_TOPIC_CHARS};
use super::validation::{check_length, clean_text, ValidationErrors};
use serde::{Deserialize, Serialize};

pub const MAX_COMMUNITY_NAME_CHARS: usize = 80;
pub const MAX_OWN_WORD_CHARS: usize = 40;
pub const MAX_DOMAIN_CHARS: usize = 500;
pub const MAX_STATEMENT_CHARS: usize = 2_000;
/// A domain with more core topics than this has no core any more.
pub const MAX_CORE_TOPICS: usize = 12;

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

/// The form's value for a word of the group's own choosing.
pub const OWN_WORD_SLUG: &str = "own";

impl CommunityWord {
    /// The offered words as (slug, label); a group may also type its own.
    pub const CHOICES: [(&'static str, &'static str); 5] = [
        ("community-of-practice", "Community of practice"),
        ("learning-network", "Learning network"),
        ("thematic-group", "Thematic group"),
        ("tech-club", "Tech club"),
        ("guild", "Guild"),
    ];

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

    /// The form's value: one of `CHOICES`' slugs, or "own".
    pub fn slug(&self) -> &str {
        match self {
            CommunityWord::CommunityOfPractice => "community-of-practice",
            CommunityWord::LearningNetwork => "learning-network",
            CommunityWord::ThematicGroup => "thematic-group",
            CommunityWord::TechClub => "tech-club",
            CommunityWord::Guild => "guild",
            CommunityWord::Own(_) => OWN_WORD_SLUG,
        }
    }

    /// The word a form's slug and own-word field stand for; `None` for an
    /// unknown slug or an own word left blank.
    pub fn from_parts(slug: &str, own: &str) -> Option<CommunityWord> {
        match slug.trim() {
            "community-of-practice" => Some(CommunityWord::CommunityOfPractice),
            "learning-network" => Some(CommunityWord::LearningNetwork),
            "thematic-group" => Some(CommunityWord::ThematicGroup),
            "tech-club" => Some(CommunityWord::TechClub),
            "guild" => Some(CommunityWord::Guild),
            OWN_WORD_SLUG => {
                let own = clean_text(own);
                (!own.is_empty()).then_some(CommunityWord::Own(own))
            }
            _ => None,
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

/// What the profile form holds while it is being typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileForm {
    pub name: String,
    /// One of `CommunityWord::CHOICES`' slugs, or "own".
    pub word: String,
    pub own_word: String,
    pub domain: String,
    pub why_it_matters: String,
    pub competence: String,
    /// Comma-separated, as typed.
    pub core_topics: String,
}

fn check_word(form: &ProfileForm, errors: &mut ValidationErrors) -> Option<CommunityWord> {
    let word = CommunityWord::from_parts(&form.word, &form.own_word);
    match &word {
        Some(CommunityWord::Own(own)) => {
            check_length(errors, "own_word", "Your own word", own, MAX_OWN_WORD_CHARS)
        }
        Some(_) => {}
        None if form.word.trim() == OWN_WORD_SLUG => errors.push(
            "own_word",
            "Type the word your group uses for itself, for example “circle” or “chapter”.",
        ),
        None => errors.push(
            "word",
            "Pick one of the words offered, or choose to type your own.",
        ),
    }
    word
}

fn check_core_topics(raw: &str, errors: &mut ValidationErrors) -> Vec<Topic> {
    let topics = parse_topics(raw);
    if topics.len() > MAX_CORE_TOPICS {
        errors.push(
            "core_topics",
            format!(
                "Keep to at most {MAX_CORE_TOPICS} core topics: the few that define the domain. Other topics can live on records."
            ),
        );
    }
    if let Some(long) = topics
        .iter()
        .find(|t| t.as_str().chars().count() > MAX_TOPIC_CHARS)
    {
        errors.push(
            "core_topics",
            format!(
                "The topic “{}…” is too long; topics are a few words each, separated by commas.",
                long.as_str().chars().take(20).collect::<String>()
            ),
        );
    }
    topics
}

impl CommunityProfile {
    /// A profile from its form; every problem is reported at once.
    pub fn from_form(form: &ProfileForm) -> Result<CommunityProfile, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        let name = clean_text(&form.name);
        if name.is_empty() {
            errors.push(
                "name",
                "Give the community a name: the one members use when they talk about it.",
            );
        }
        check_length(
            &mut errors,
            "name",
            "The name",
            &name,
            MAX_COMMUNITY_NAME_CHARS,
        );
        let word = check_word(form, &mut errors);
        let domain = clean_text(&form.domain);
        check_length(
            &mut errors,
            "domain",
            "The domain statement",
            &domain,
            MAX_DOMAIN_CHARS,
        );
        let why_it_matters = clean_text(&form.why_it_matters);
        check_length(
            &mut errors,
            "why_it_matters",
            "Why it matters",
            &why_it_matters,
            MAX_STATEMENT_CHARS,
        );
        let competence = clean_text(&form.competence);
        check_length(
            &mut errors,
            "competence",
            "What competence membership implies",
            &competence,
            MAX_STATEMENT_CHARS,
        );
        let core_topics = check_core_topics(&form.core_topics, &mut errors);
        match word {
            Some(word) if errors.is_empty() => Ok(CommunityProfile {
                name,
                word,
                domain,
                why_it_matters,
                competence,
                core_topics,
            }),
            _ => Err(errors),
        }
    }

    /// The form's view of this profile, to edit it.
    pub fn to_form(&self) -> ProfileForm {
        ProfileForm {
            name: self.name.clone(),
            word: self.word.slug().to_owned(),
            own_word: match &self.word {
                CommunityWord::Own(word) => word.clone(),
                _ => String::new(),
            },
            domain: self.domain.clone(),
            why_it_matters: self.why_it_matters.clone(),
            competence: self.competence.clone(),
            core_topics: join_topics(&self.core_topics),
        }
    }

    /// Whether the domain has been put into words; until then the group
    /// has a name but nothing that says what it is about.
    pub fn is_set_up(&self) -> bool {
        !self.domain.trim().is_empty()
    }
}
