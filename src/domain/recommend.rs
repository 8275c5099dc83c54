//! Next steps for the weakest elements: each suggestion opens an activity's
//! form already filled with what the repertoire and the profile know, so
//! acting on it costs one click.

use super::assessment::Element;
use super::community::CommunityProfile;
use super::contribution::ContributionBody;
use super::kind::ActivityKind;
use super::links::{document_topic, linked_from, recurring_problems, write_it_down};
use super::payload::Payload;
use super::record::{Record, RecordForm, MAX_TITLE_CHARS};
use super::sorting::sort_by_key;
use super::topic::{join_topics, MAX_TOPIC_CHARS};

/// At most this many accepted answers are suggested for writing down, so
/// the list stays a handful of steps.
pub const MAX_WRITE_IT_DOWN: usize = 2;
/// Answers, ideas and experiences from which a community clearly creates
/// immediate value; with no reuse logged, applied value stays invisible.
pub const MANY_INTERACTIONS: usize = 5;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    Activity(ActivityKind, RecordForm),
    /// Refresh the domain statement in the community profile.
    Profile,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recommendation {
    pub element: Element,
    /// The next step, as an imperative.
    pub title: String,
    /// Why this helps the element, in a sentence or two.
    pub why: String,
    pub target: Target,
}

fn step(element: Element, title: &str, why: &str, target: Target) -> Recommendation {
    Recommendation {
        element,
        title: title.to_owned(),
        why: why.to_owned(),
        target,
    }
}

/// At most `max` characters, cut with an ellipsis, so a prefilled title
/// passes the form's length check.
fn clip(text: &str, max: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        let kept: String = text.chars().take(max.saturating_sub(1)).collect();
        format!("{}…", kept.trim_end())
    }
}

/// What the profile and the repertoire offer, gathered once for every
/// prefill.
struct Context<'a> {
    author: &'a str,
    domain: String,
    core_topics: String,
    /// The most recently mapped gap, a natural thing to ask about.
    gap: Option<String>,
}

impl Context<'_> {
    fn form(&self, title: String, topics: String, values: &[(&str, String)]) -> RecordForm {
        let mut form = RecordForm {
            title,
            author: self.author.to_owned(),
            topics,
            ..RecordForm::default()
        };
        for (key, value) in values {
            form.values.insert((*key).to_owned(), value.clone());
        }
        form
    }
}

fn latest_gap(records: &[Record]) -> Option<String> {
    let mut maps: Vec<&Record> = records
        .iter()
        .filter(|r| r.kind() == ActivityKind::Mapping)
        .collect();
    newest_first(&mut maps);
    maps.into_iter()
        .filter_map(|r| match &r.payload {
            Payload::Mapping(m) => m.gaps.iter().find(|g| !g.trim().is_empty()),
            _ => None,
        })
        .next()
        .map(|gap| gap.trim().to_owned())
}

fn for_domain(ctx: &Context) -> Vec<Recommendation> {
    let element = Element::Domain;
    // A Line field holds at most 200 characters.
    let area = clip(&ctx.domain, 200);
    let map_title = if area.is_empty() {
        "Who knows what, and what are we missing?".to_owned()
    } else {
        clip(&format!("Knowledge map: {area}"), MAX_TITLE_CHARS)
    };
    let mapping = ctx.form(map_title, ctx.core_topics.clone(), &[("area", area)]);
    let discussion = ctx.form(
        String::new(),
        ctx.core_topics.clone(),
        &[(
            "question",
            "What does this change for our work, and should we adopt it, trial it, assess it or hold off?"
                .to_owned(),
        )],
    );
    vec![
        step(
            element,
            "Map who knows what, and what we are missing",
            "A map of experts and gaps shows where the domain's edge lies and gives members open questions to work on together.",
            Target::Activity(ActivityKind::Mapping, mapping),
        ),
        step(
            element,
            "Open a discussion of something new in our field",
            "Making sense of a new tool, rule or method together reminds members why the domain matters to their work.",
            Target::Activity(ActivityKind::DiscussingDevelopments, discussion),
        ),
        step(
            element,
            "Refresh our domain statement",
            "A short, current statement of what the group is about, and why, helps members and sponsors see its boundaries.",
            Target::Profile,
        ),
    ]
}

fn for_community(ctx: &Context) -> Vec<Recommendation> {
    let element = Element::Community;
    let learn = ctx
        .gap
        .as_ref()
        .map(|gap| format!("How you handle {gap}."))
        .unwrap_or_default();
    let visit = ctx.form(
        String::new(),
        ctx.core_topics.clone(),
        &[
            ("want_to_learn", learn),
            ("who_goes", ctx.author.to_owned()),
        ],
    );
    let experience = ctx.form(
        String::new(),
        ctx.core_topics.clone(),
        &[(
            "shareable",
            "What you tell stays within the group.".to_owned(),
        )],
    );
    let (title, topics, question) = match &ctx.gap {
        Some(gap) => {
            let question = format!("Who among us knows about {gap}?");
            // A gap is a free line; only a short one makes a usable topic.
            let topics = if gap.chars().count() <= MAX_TOPIC_CHARS {
                gap.clone()
            } else {
                ctx.core_topics.clone()
            };
            (clip(&question, MAX_TITLE_CHARS), topics, question)
        }
        None => (String::new(), ctx.core_topics.clone(), String::new()),
    };
    let request = ctx.form(
        title,
        topics,
        &[("question", question), ("urgency", "low".to_owned())],
    );
    vec![
        step(
            element,
            "Plan a visit to another member's practice",
            "Seeing each other at work builds the trust and the relationships that make members ask and help.",
            Target::Activity(ActivityKind::Visit, visit),
        ),
        step(
            element,
            "Ask who has been through a situation you face",
            "Stories of lived experience draw in members who rarely speak up and show who knows what.",
            Target::Activity(ActivityKind::SeekingExperience, experience),
        ),
        step(
            element,
            "Ask a quick question",
            "Small requests are easy to answer, so more members take part and learn whom to turn to.",
            Target::Activity(ActivityKind::InformationRequest, request),
        ),
    ]
}

/// Answered requests with an accepted answer that no document grew from
/// yet, most recent first.
fn unwritten_answers(records: &[Record]) -> Vec<&Record> {
    let mut found: Vec<&Record> = records
        .iter()
        .filter(
            |r| matches!(&r.payload, Payload::InformationRequest(q) if q.accepted_answer.is_some()),
        )
        .filter(|r| {
            !linked_from(records, r.id)
                .iter()
                .any(|doc| doc.kind() == ActivityKind::DocumentationProject)
        })
        .collect();
    newest_first(&mut found);
    found.truncate(MAX_WRITE_IT_DOWN);
    found
}

fn count_contributions(records: &[Record], of: impl Fn(&ContributionBody) -> bool) -> usize {
    records
        .iter()
        .flat_map(|r| &r.contributions)
        .filter(|c| of(&c.body))
        .count()
}

fn for_practice(records: &[Record], ctx: &Context) -> Vec<Recommendation> {
    let element = Element::Practice;
    let (document_title, document) = match recurring_problems(records).first() {
        Some(recurring) => (
            format!("Write up “{}” once and for all", recurring.topic),
            document_topic(recurring, ctx.author),
        ),
        None => (
            "Start a documentation project".to_owned(),
            ctx.form(
                String::new(),
                ctx.core_topics.clone(),
                &[("owner", ctx.author.to_owned())],
            ),
        ),
    };
    let asset = ctx.form(
        String::new(),
        ctx.core_topics.clone(),
        &[("who_may_use", "Anyone in the community".to_owned())],
    );
    let mut steps = vec![
        step(
            element,
            &document_title,
            "Writing down what keeps coming back stops the group from solving the same problem again and again.",
            Target::Activity(ActivityKind::DocumentationProject, document),
        ),
        step(
            element,
            "Offer a template, checklist or tool others can adapt",
            "Each asset offered spares someone a blank page, and every logged reuse shows the practice is alive.",
            Target::Activity(ActivityKind::ReusingAssets, asset.clone()),
        ),
    ];
    for request in unwritten_answers(records) {
        steps.push(Recommendation {
            element,
            title: format!("Turn the accepted answer to “{}” into a document", request.title),
            why: "An answer buried in a thread is lost to the next person who asks; a document keeps it findable.".to_owned(),
            target: Target::Activity(ActivityKind::DocumentationProject, write_it_down(request, ctx.author)),
        });
    }
    let interactions = count_contributions(records, |b| {
        matches!(
            b,
            ContributionBody::Answer { .. }
                | ContributionBody::Idea { .. }
                | ContributionBody::Experience { .. }
        )
    });
    let reuses = count_contributions(records, |b| matches!(b, ContributionBody::Reuse { .. }));
    if interactions >= MANY_INTERACTIONS && reuses == 0 {
        steps.push(step(
            element,
            "Log what you reused, with the story of what it changed",
            "Members help each other a lot, yet no reuse is on record. Offering what you adapted as an asset, logging each reuse and telling what came of it shows that the help changes how people work.",
            Target::Activity(ActivityKind::ReusingAssets, asset),
        ));
    }
    steps
}

/// Next steps for each distinct weak element, the ratings' choice first.
/// Elements that are not weak get nothing.
pub fn recommendations(
    by_rating: Option<Element>,
    by_facts: Option<Element>,
    records: &[Record],
    profile: Option<&CommunityProfile>,
    author: &str,
) -> Vec<Recommendation> {
    let ctx = Context {
        author,
        domain: profile
            .map(|p| p.domain.trim().to_owned())
            .unwrap_or_default(),
        core_topics: profile
            .map(|p| join_topics(&p.core_topics))
            .unwrap_or_default(),
        gap: latest_gap(records),
    };
    let mut weak: Vec<Element> = Vec::new();
    for element in [by_rating, by_facts].into_iter().flatten() {
        if !weak.contains(&element) {
            weak.push(element);
        }
    }
    weak.into_iter()
        .flat_map(|element| match element {
            Element::Domain => for_domain(&ctx),
            Element::Community => for_community(&ctx),
            Element::Practice => for_practice(records, &ctx),
        })
        .collect()
}

/// Most recently active first; one sort shared by the steps above.
fn newest_first(records: &mut [&Record]) {
    sort_by_key(records, |r| std::cmp::Reverse(r.last_activity()));
}
