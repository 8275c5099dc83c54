//! What each activity's guided form asks, one field at a time. A field's
//! `key` is also the serde name of the payload field it fills, which is how
//! `payload::from_form` and `payload::to_form` stay in step with the types.

use super::kind::ActivityKind;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Input {
    /// One line of text.
    Line,
    /// Longer text; Markdown is allowed.
    Text,
    /// An http(s) link.
    Link,
    /// A calendar day, `YYYY-MM-DD`.
    Date,
    /// One of fixed values: (stored value, label).
    Choice(&'static [(&'static str, &'static str)]),
    /// One item a line.
    Lines,
    /// One `topic: name, name` a line.
    TopicExperts,
}

#[derive(Clone, Copy, Debug)]
pub struct FieldSpec {
    pub key: &'static str,
    pub label: &'static str,
    /// Why the answer helps others respond.
    pub hint: &'static str,
    pub placeholder: &'static str,
    pub required: bool,
    pub input: Input,
}

impl FieldSpec {
    pub fn max_chars(&self) -> usize {
        match self.input {
            Input::Line | Input::Date | Input::Choice(_) => 200,
            Input::Link => 2_000,
            Input::Text | Input::Lines | Input::TopicExperts => 20_000,
        }
    }
}

pub const URGENCY: &[(&str, &str)] = &[
    ("low", "Whenever someone can"),
    ("normal", "This week"),
    ("high", "Today: it blocks me"),
];

pub const ASSET_TYPES: &[(&str, &str)] = &[
    ("template", "Template"),
    ("proposal", "Proposal"),
    ("code", "Code"),
    ("checklist", "Checklist"),
    ("slides", "Slide deck"),
    ("guide", "Guide or procedure"),
    ("other", "Something else"),
];

const fn field(
    key: &'static str,
    label: &'static str,
    hint: &'static str,
    placeholder: &'static str,
    required: bool,
    input: Input,
) -> FieldSpec {
    FieldSpec {
        key,
        label,
        hint,
        placeholder,
        required,
        input,
    }
}

const PROBLEM_SOLVING: &[FieldSpec] = &[
    field(
        "goal",
        "What are you trying to achieve?",
        "The goal lets others suggest a different route, not only a fix.",
        "Every allergy noted at admission reaches the night shift.",
        true,
        Input::Text,
    ),
    field(
        "stuck_on",
        "Where exactly are you stuck?",
        "Be concrete: the step, the error, the moment it goes wrong.",
        "The handover sheet is printed before late admissions are entered.",
        true,
        Input::Text,
    ),
    field(
        "tried",
        "What have you tried so far?",
        "Saves people from suggesting what you already ruled out.",
        "A reminder at 19:00; a second printout at 21:00.",
        false,
        Input::Text,
    ),
    field(
        "constraints",
        "Constraints",
        "Budget, rules, tools you must use, people involved.",
        "No new software this year; the ward shares one printer.",
        false,
        Input::Text,
    ),
    field(
        "useful_by",
        "Ideas are useful until",
        "After this day, ideas come too late.",
        "",
        false,
        Input::Date,
    ),
];

const INFORMATION_REQUEST: &[FieldSpec] = &[
    field(
        "question",
        "Your question",
        "One question, as precise as you can make it.",
        "Where is the checklist we used for the last fire drill?",
        true,
        Input::Text,
    ),
    field(
        "context",
        "Why you need it",
        "Context helps people point you to the right thing, or to something better.",
        "We run the next drill on Friday and want to reuse it.",
        false,
        Input::Text,
    ),
    field(
        "urgency",
        "How soon do you need it?",
        "Lets others know whether to answer now or later.",
        "",
        true,
        Input::Choice(URGENCY),
    ),
];

const SEEKING_EXPERIENCE: &[FieldSpec] = &[
    field(
        "situation",
        "The situation you face",
        "Describe it so that someone who lived it recognizes it.",
        "Our team of eight is moving to a four-day week in spring.",
        true,
        Input::Text,
    ),
    field(
        "want_to_learn",
        "What you want to learn",
        "What would help most: pitfalls, first steps, how it felt?",
        "What went wrong in the first month, and how you told clients.",
        true,
        Input::Text,
    ),
    field(
        "shareable",
        "What may be shared",
        "Say what stays in the group and what can be passed on.",
        "Answers stay within the community; no client names.",
        false,
        Input::Text,
    ),
];

const REUSING_ASSETS: &[FieldSpec] = &[
    field(
        "asset_type",
        "What kind of asset is it?",
        "Helps members find it when they look for that kind of thing.",
        "",
        true,
        Input::Choice(ASSET_TYPES),
    ),
    field(
        "description",
        "What it is and what it is for",
        "A member should know in ten seconds whether it fits their case.",
        "A 12-slide onboarding deck for new volunteers.",
        true,
        Input::Text,
    ),
    field(
        "first_used",
        "Where it was used first",
        "Where it has proven itself.",
        "North clinic, volunteer day 2025",
        false,
        Input::Line,
    ),
    field(
        "how_to_adapt",
        "How to adapt it",
        "What must change for another site or client.",
        "Replace the site map and the contact slide.",
        false,
        Input::Text,
    ),
    field(
        "location",
        "Link or content",
        "Where to get it, or paste the content itself.",
        "https://intranet.example/decks/onboarding",
        true,
        Input::Text,
    ),
    field(
        "who_may_use",
        "Who may use it",
        "Anyone in the community, only inside the organization, ask first…",
        "Anyone in the community",
        false,
        Input::Line,
    ),
];

const COORDINATION: &[FieldSpec] = &[
    field(
        "what",
        "What to coordinate",
        "The joint action, in one or two sentences.",
        "Book one first-aid trainer for all three clinics.",
        true,
        Input::Text,
    ),
    field(
        "expected_benefit",
        "Expected benefit",
        "Quantify it where you can: money, time, quality.",
        "About 30% off the fee, one date instead of three.",
        true,
        Input::Text,
    ),
    field(
        "who_needed",
        "Who is needed",
        "Roles or people whose agreement or help you need.",
        "One contact per clinic who can commit budget.",
        false,
        Input::Text,
    ),
    field(
        "deadline",
        "Decide by",
        "When people must have joined.",
        "",
        false,
        Input::Date,
    ),
];

const DISCUSSING_DEVELOPMENTS: &[FieldSpec] = &[
    field(
        "development",
        "What is new?",
        "The tool, method, rule or paper, in a few words.",
        "The accessibility act that applies from June.",
        true,
        Input::Text,
    ),
    field(
        "link",
        "Link",
        "Where members can read about it themselves.",
        "https://example.org/accessibility-act",
        false,
        Input::Link,
    ),
    field(
        "question",
        "The question to discuss",
        "A question invites opinions better than a topic does.",
        "Which of our forms must change, and who checks them?",
        true,
        Input::Text,
    ),
];

const DOCUMENTATION_PROJECT: &[FieldSpec] = &[
    field(
        "recurring_problem",
        "The recurring problem",
        "What keeps coming back, and to whom.",
        "The printer driver breaks after every system update.",
        true,
        Input::Text,
    ),
    field(
        "owner",
        "Owner",
        "Who keeps the document moving.",
        "Sam",
        false,
        Input::Line,
    ),
    field(
        "contributors",
        "Contributors",
        "One name a line.",
        "Alex\nRobin",
        false,
        Input::Lines,
    ),
    field(
        "outline",
        "Outline",
        "The sections the document will have.",
        "1. Symptoms\n2. The fix\n3. How to prevent it",
        false,
        Input::Text,
    ),
    field(
        "document",
        "The document",
        "The text itself. It can grow over time.",
        "## Symptoms\n…",
        false,
        Input::Text,
    ),
];

const VISIT: &[FieldSpec] = &[
    field(
        "host",
        "Host",
        "The member or organization you would visit.",
        "Kim's repair shop, east site",
        true,
        Input::Line,
    ),
    field(
        "want_to_learn",
        "What the visitors want to learn",
        "A host prepares better when they know.",
        "How they schedule walk-ins and track spare parts.",
        true,
        Input::Text,
    ),
    field(
        "proposed_dates",
        "Proposed dates",
        "A few options make it easier to say yes.",
        "Any Tuesday morning in March",
        false,
        Input::Line,
    ),
    field(
        "who_goes",
        "Who goes",
        "One name a line.",
        "Jo\nPat",
        false,
        Input::Lines,
    ),
    field(
        "logistics",
        "Logistics",
        "Travel, access, safety rules, what to bring.",
        "Safety shoes required; parking behind the shop.",
        false,
        Input::Text,
    ),
];

const MAPPING: &[FieldSpec] = &[
    field(
        "area",
        "Area being mapped",
        "The part of the domain this map covers.",
        "Billing systems",
        true,
        Input::Line,
    ),
    field(
        "experts",
        "Experts per topic",
        "One topic a line: the topic, a colon, then the names.",
        "invoicing: Ana, Lee\nrefunds: Sam",
        false,
        Input::TopicExperts,
    ),
    field(
        "gaps",
        "Gaps found",
        "Topics nobody covers yet, one a line.",
        "tax rules abroad",
        false,
        Input::Lines,
    ),
    field(
        "groups",
        "Groups to connect with",
        "Other teams or communities that know what we lack, one a line.",
        "Finance guild",
        false,
        Input::Lines,
    ),
    field(
        "actions",
        "Actions",
        "What happens next, and who does it.",
        "Ana asks the finance guild for a session in May.",
        false,
        Input::Text,
    ),
];

pub fn fields_of(kind: ActivityKind) -> &'static [FieldSpec] {
    match kind {
        ActivityKind::ProblemSolving => PROBLEM_SOLVING,
        ActivityKind::InformationRequest => INFORMATION_REQUEST,
        ActivityKind::SeekingExperience => SEEKING_EXPERIENCE,
        ActivityKind::ReusingAssets => REUSING_ASSETS,
        ActivityKind::Coordination => COORDINATION,
        ActivityKind::DiscussingDevelopments => DISCUSSING_DEVELOPMENTS,
        ActivityKind::DocumentationProject => DOCUMENTATION_PROJECT,
        ActivityKind::Visit => VISIT,
        ActivityKind::Mapping => MAPPING,
    }
}
