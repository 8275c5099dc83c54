//! The questionnaire of the self-assessment and the guidance read beside its
//! results. The statements are our own proposed design, built on the themes
//! of the literature (docs/assessment.md), not a validated instrument.

use super::assessment::Element::{self, Community as C, Domain as D, Practice as P};

/// One statement members rate on the agreement scale.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Item {
    /// Stable: stored answers refer to it, so it never changes meaning.
    pub id: &'static str,
    pub element: Element,
    /// The aspect of the element the statement probes, in a few words.
    pub theme: &'static str,
    pub statement: &'static str,
}

const fn item_of(
    id: &'static str,
    element: Element,
    theme: &'static str,
    statement: &'static str,
) -> Item {
    Item {
        id,
        element,
        theme,
        statement,
    }
}

pub const ITEMS: [Item; 18] = [
    item_of(
        "d1",
        D,
        "Clear boundaries",
        "We could say in two sentences what our group is about and what lies outside it.",
    ),
    item_of(
        "d2",
        D,
        "Matters to daily work",
        "What we talk about here helps with the work each of us does every week.",
    ),
    item_of(
        "d3",
        D,
        "Open questions at the edge",
        "We can name the unsolved questions at the edge of our field that we want to work on.",
    ),
    item_of(
        "d4",
        D,
        "Recognized by sponsors",
        "The people who manage or fund us see our area as worth the time we give it.",
    ),
    item_of(
        "d5",
        D,
        "A learning agenda",
        "We have agreed on what we want to learn together over the coming months.",
    ),
    item_of(
        "d6",
        D,
        "Competence describable",
        "We can describe what someone who is good at our practice knows and can do.",
    ),
    item_of(
        "c1",
        C,
        "Safe to ask",
        "We can ask a basic question here without feeling foolish.",
    ),
    item_of(
        "c2",
        C,
        "Who knows what",
        "When we need help on a topic, we know which member to turn to.",
    ),
    item_of(
        "c3",
        C,
        "A regular rhythm",
        "We meet or exchange at a steady rhythm that we can count on.",
    ),
    item_of(
        "c4",
        C,
        "A way in for newcomers",
        "Newcomers soon find a way to take part rather than only watch.",
    ),
    item_of(
        "c5",
        C,
        "Active core group",
        "A core group or coordinator keeps us going and invites others to take part.",
    ),
    item_of(
        "c6",
        C,
        "Connections with other groups",
        "We are in touch with other groups that know things we do not.",
    ),
    item_of(
        "p1",
        P,
        "Recurring problems documented",
        "When a problem keeps coming back, we write down how to handle it.",
    ),
    item_of(
        "p2",
        P,
        "Reuse of each other's assets",
        "We adapt each other's templates, tools and materials instead of starting from scratch.",
    ),
    item_of(
        "p3",
        P,
        "Resources easy to find",
        "We can find our shared material within minutes when we need it.",
    ),
    item_of(
        "p4",
        P,
        "Outdated material reviewed",
        "We check our shared material now and then, and update or retire what is out of date.",
    ),
    item_of(
        "p5",
        P,
        "Practice changed",
        "Each of us works differently today because of something learned in this group.",
    ),
    item_of(
        "p6",
        P,
        "New approaches developed together",
        "We work out new ways of doing things together, not only pass on existing ones.",
    ),
];

pub fn items_of(element: Element) -> impl Iterator<Item = &'static Item> {
    let all: &'static [Item; 18] = &ITEMS;
    all.iter().filter(move |item| item.element == element)
}

pub fn item(id: &str) -> Option<&'static Item> {
    let all: &'static [Item; 18] = &ITEMS;
    all.iter().find(|item| item.id == id)
}

pub const SCALE: [(u8, &str); 5] = [
    (1, "Strongly disagree"),
    (2, "Disagree"),
    (3, "Neither agree nor disagree"),
    (4, "Agree"),
    (5, "Strongly agree"),
];

/// Offered beside the scale so that a member who cannot judge is not pushed
/// into a middle answer that would read as lukewarm.
pub const DONT_KNOW_LABEL: &str = "Don't know / not applicable";

/// A stage of development (Wenger, McDermott & Snyder, 2002), shown as
/// guidance: a community places itself, nothing is computed from it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stage {
    pub name: &'static str,
    pub summary: &'static str,
    /// The kind of activity that tends to help most at this stage.
    pub favours: &'static str,
}

pub const STAGES: [Stage; 5] = [
    Stage {
        name: "Potential",
        summary: "People with a similar concern discover one another and sketch what their shared area covers.",
        favours: "Getting to know each other: quick requests for information, seeking experience, a first visit.",
    },
    Stage {
        name: "Coalescing",
        summary: "Members start to meet on a rhythm, build trust and look for early wins that prove the group worth their time.",
        favours: "Community first: solving real problems together, visits, sharing experiences.",
    },
    Stage {
        name: "Maturing",
        summary: "The group sharpens its focus, settles roles and boundaries and organizes what it knows; the gaps become visible.",
        favours: "Mapping knowledge and gaps, documentation projects, reusable assets.",
    },
    Stage {
        name: "Stewardship",
        summary: "The challenge is to stay relevant: renew topics, welcome new members and bring in views from outside.",
        favours: "Discussing developments, visits to other groups, reviewing material that has aged.",
    },
    Stage {
        name: "Transformation",
        summary: "The community merges with another, splits, takes a new purpose or winds down; its repertoire should outlive the change.",
        favours: "Publishing what is worth keeping, exporting and archiving the repertoire.",
    },
];

/// A cycle of value creation (Wenger, Trayner & de Laat, 2011), shown as
/// guidance on what to count and which stories to collect.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ValueCycle {
    pub name: &'static str,
    pub what: &'static str,
    pub indicators: &'static str,
}

pub const VALUE_CYCLES: [ValueCycle; 5] = [
    ValueCycle {
        name: "Immediate value",
        what: "Taking part is useful in itself: a question gets answered, an idea unblocks someone, it is good to be heard.",
        indicators: "Answers and ideas given, requests answered, how quickly help arrives.",
    },
    ValueCycle {
        name: "Potential value",
        what: "What the group produces may pay off later: documents, assets, contacts, confidence.",
        indicators: "Documents published, assets offered, topics with known experts.",
    },
    ValueCycle {
        name: "Applied value",
        what: "Members change what they actually do because of something from the community.",
        indicators: "Reuses logged on assets, approaches adopted after a discussion, changes made after a visit.",
    },
    ValueCycle {
        name: "Realized value",
        what: "Those changes lead to better results for members and the organizations they work for.",
        indicators: "Outcome stories with figures: time saved, mistakes avoided, money saved through coordination.",
    },
    ValueCycle {
        name: "Reframing value",
        what: "The community comes to redefine what success means, for itself or for its organization.",
        indicators: "New goals or measures adopted, a strategy changed, a rewritten domain statement.",
    },
];
