use super::id::Id;
use super::record::MAX_NAME_CHARS;
use super::time::Timestamp;
use super::topic::{join_topics, parse_topics, Topic, MAX_TOPIC_CHARS};
use super::validation::{check_length, clean_text, ValidationErrors};
use serde::{Deserialize, Serialize};

/// More than this and a list stops telling others where to turn.
pub const MAX_MEMBER_TOPICS: usize = 30;

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
    pub const ALL: [ParticipationLevel; 4] = [
        ParticipationLevel::Core,
        ParticipationLevel::Active,
        ParticipationLevel::Occasional,
        ParticipationLevel::Newcomer,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ParticipationLevel::Core => "Core",
            ParticipationLevel::Active => "Active",
            ParticipationLevel::Occasional => "Occasional",
            ParticipationLevel::Newcomer => "Newcomer",
        }
    }

    /// Stable name used in storage and forms; the same as the serde name.
    pub fn slug(self) -> &'static str {
        match self {
            ParticipationLevel::Core => "core",
            ParticipationLevel::Active => "active",
            ParticipationLevel::Occasional => "occasional",
            ParticipationLevel::Newcomer => "newcomer",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Self> {
        let slug = slug.trim();
        Self::ALL.into_iter().find(|level| level.slug() == slug)
    }

    /// What taking part this way looks like. Every level is a legitimate way
    /// to belong, so none of these sentences compares one with another.
    pub fn describe(self) -> &'static str {
        match self {
            ParticipationLevel::Core => {
                "Keeps the group going: sets the rhythm, welcomes people and takes on shared work."
            }
            ParticipationLevel::Active => {
                "Takes part regularly: asks, answers and shares when something comes up."
            }
            ParticipationLevel::Occasional => {
                "Follows along and joins in now and then, when a topic touches their work."
            }
            ParticipationLevel::Newcomer => {
                "Just arrived and finding their way in; every question is welcome."
            }
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
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

/// What the member form holds while it is being typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberForm {
    pub name: String,
    /// A `ParticipationLevel` slug.
    pub level: String,
    /// Comma-separated, as typed.
    pub knows: String,
    /// Comma-separated, as typed.
    pub learning: String,
}

/// The form of a name used to compare names: records and contributions
/// carry names as typed, so "ana " and "Ana" are one person.
pub fn name_key(name: &str) -> String {
    name.trim().to_lowercase()
}

/// Whether two names are one name (`name_key` equal), without building
/// either key: lists of names are compared against often.
pub fn same_name(a: &str, b: &str) -> bool {
    let (a, b) = (a.trim(), b.trim());
    if a.is_empty() || b.is_empty() {
        return false;
    }
    if a.is_ascii() && b.is_ascii() {
        return a.eq_ignore_ascii_case(b);
    }
    name_key(a) == name_key(b)
}

pub fn find_by_name<'a>(members: &'a [Member], name: &str) -> Option<&'a Member> {
    members.iter().find(|member| member.is_named(name))
}

struct Checked {
    name: String,
    level: ParticipationLevel,
    knows: Vec<Topic>,
    learning: Vec<Topic>,
}

fn check_topics(errors: &mut ValidationErrors, field: &str, raw: &str, what: &str) -> Vec<Topic> {
    let topics = parse_topics(raw);
    if topics.len() > MAX_MEMBER_TOPICS {
        errors.push(
            field,
            format!("Keep to at most {MAX_MEMBER_TOPICS} topics {what}; pick the ones others are most likely to ask about."),
        );
    }
    if let Some(long) = topics
        .iter()
        .find(|t| t.as_str().chars().count() > MAX_TOPIC_CHARS)
    {
        errors.push(
            field,
            format!(
                "The topic “{}…” is too long; topics are a few words each, separated by commas.",
                long.as_str().chars().take(20).collect::<String>()
            ),
        );
    }
    topics
}

/// Checks a form against the directory; `own` is the member being edited,
/// whose current name does not count as taken.
fn check(
    form: &MemberForm,
    others: &[Member],
    own: Option<Id>,
) -> Result<Checked, ValidationErrors> {
    let mut errors = ValidationErrors::default();
    let name = clean_text(&form.name);
    if name.is_empty() {
        errors.push(
            "name",
            "Give a name: the one others in the group know you by.",
        );
    }
    check_length(&mut errors, "name", "The name", &name, MAX_NAME_CHARS);
    let taken = others
        .iter()
        .any(|other| Some(other.id) != own && other.is_named(&name));
    if !name.is_empty() && taken {
        errors.push(
            "name",
            format!("Someone in the directory is already called “{name}”. Add an initial or a surname so people can tell you apart, for example “{name} B.”."),
        );
    }
    let level = ParticipationLevel::from_slug(&form.level);
    if level.is_none() {
        errors.push(
            "level",
            "Pick how you take part: core, active, occasional or newcomer.",
        );
    }
    let knows = check_topics(&mut errors, "knows", &form.knows, "you know about");
    let learning = check_topics(&mut errors, "learning", &form.learning, "you want to learn");
    match level {
        Some(level) if errors.is_empty() => Ok(Checked {
            name,
            level,
            knows,
            learning,
        }),
        _ => Err(errors),
    }
}

impl Member {
    /// A new member of the directory; every problem is reported at once.
    pub fn create(
        form: &MemberForm,
        others: &[Member],
        id: Id,
        now: Timestamp,
    ) -> Result<Member, ValidationErrors> {
        let checked = check(form, others, None)?;
        Ok(Member {
            id,
            name: checked.name,
            level: checked.level,
            knows: checked.knows,
            learning: checked.learning,
            joined: now,
        })
    }

    /// This member with the form's edits; `others` may include the member
    /// itself.
    pub fn edited(&self, form: &MemberForm, others: &[Member]) -> Result<Member, ValidationErrors> {
        let checked = check(form, others, Some(self.id))?;
        Ok(Member {
            name: checked.name,
            level: checked.level,
            knows: checked.knows,
            learning: checked.learning,
            ..self.clone()
        })
    }

    pub fn to_form(&self) -> MemberForm {
        MemberForm {
            name: self.name.clone(),
            level: self.level.slug().to_owned(),
            knows: join_topics(&self.knows),
            learning: join_topics(&self.learning),
        }
    }

    /// Whether `name`, as typed on a record or contribution, is this member.
    pub fn is_named(&self, name: &str) -> bool {
        same_name(&self.name, name)
    }
}

#[cfg(test)]
mod tests {
    use super::{name_key, same_name};

    #[test]
    fn same_name_agrees_with_name_keys() {
        let names = [
            "Ana",
            " ana ",
            "ANA",
            "Anna",
            "",
            "  ",
            "Noor Berg",
            "noor berg",
            "Zoë",
            "ZOË",
            "zoe",
            "ΟΔΥΣΣΕΥΣ",
            "οδυσσευς",
            "İlker",
            "i̇lker",
            "Straße",
            "STRASSE",
        ];
        for a in names {
            for b in names {
                let keys = !name_key(a).is_empty() && name_key(a) == name_key(b);
                assert_eq!(same_name(a, b), keys, "{a:?} and {b:?}");
            }
        }
    }
}
