//! Members: the directory with declared and measured participation, and
//! "Who am I" for the person using this browser.

mod editor;
mod who;

use super::layout::ViewLink;
use super::route::View;
use super::state::use_app;
use crate::domain::member::{Member, ParticipationLevel};
use crate::domain::participation::Participation;
use crate::domain::search::Query;
use crate::domain::topic::join_topics;
use crate::domain::words::plural;
use crate::ui::dom::{el, Node, Static};
use editor::MemberEditor;
use leptos::prelude::*;
use std::rc::Rc;
use who::WhoAmI;

#[component]
pub fn MembersView() -> impl IntoView {
    let state = use_app();
    let adding = RwSignal::new(false);
    let measured = state.derived.participation;
    view! {
        <section aria-labelledby="view-title">
            <h1 id="view-title" tabindex="-1">{move || format!("Members of {}", state.name())}</h1>
            <p class="lead">
                "Everyone takes part in their own way, from newcomers at the edge to the core group. "
                "Beside what each member declares, the repertoire shows what they did: it makes movement "
                "toward the centre visible, and nobody is ranked."
            </p>
            <WhoAmI/>
            <section aria-labelledby="directory-title">
                <h2 id="directory-title">"Directory"</h2>
                <Show
                    when=move || !state.members.with(Vec::is_empty)
                    fallback=|| view! {
                        <p class="empty">
                            "No member is listed yet. Add yourself first, then the people you work with: "
                            "their topics fill the knowledge map."
                        </p>
                    }
                >
                    // Keyed by what a card shows: a save redraws the cards
                    // that changed and leaves the others, and an editor
                    // open in them, as they are.
                    <ul class="people">
                        <For
                            each=move || {
                                let measured = measured.get();
                                state.members.get().into_iter().zip(measured).collect::<Vec<_>>()
                            }
                            key=|card| card.clone()
                            children=|(member, measured)| view! { <MemberCard member measured/> }
                        />
                    </ul>
                </Show>
                <Show
                    when=move || adding.get()
                    fallback=move || view! {
                        <p><button type="button" on:click=move |_| adding.set(true)>"Add a member"</button></p>
                    }
                >
                    <MemberEditor existing=None on_done=Callback::new(move |_| adding.set(false))/>
                </Show>
            </section>
        </section>
    }
}

/// What the repertoire shows, in words that describe and never rank.
fn observed_phrase(level: ParticipationLevel) -> &'static str {
    match level {
        ParticipationLevel::Core => "Lately takes part as much as a core member.",
        ParticipationLevel::Active => "Lately takes part actively.",
        ParticipationLevel::Occasional => "Takes part now and then.",
        ParticipationLevel::Newcomer => "Just getting started.",
    }
}

fn member_details(member: &Member, measured: &Participation, observed: ParticipationLevel) -> Node {
    let figures = if measured.is_empty() {
        "Nothing in the repertoire yet.".to_owned()
    } else {
        format!(
            "{}, {}, {}, {}. {}",
            plural(measured.records, "record", "records"),
            plural(measured.contributions, "contribution", "contributions"),
            plural(
                measured.accepted_answers,
                "accepted answer",
                "accepted answers"
            ),
            plural(
                measured.reused_by_others,
                "reuse of their assets by others",
                "reuses of their assets by others"
            ),
            observed_phrase(observed),
        )
    };
    let topics = |list: &[crate::domain::Topic]| {
        if list.is_empty() {
            "—".to_owned()
        } else {
            join_topics(list)
        }
    };
    let mut dl = el("dl").class("mini");
    for (term, value) in [
        (
            "Declared",
            format!("{}: {}", member.level.label(), member.level.describe()),
        ),
        ("What the repertoire shows", figures),
        ("Knows about", topics(&member.knows)),
        ("Wants to learn", topics(&member.learning)),
    ] {
        dl = dl.child(el("dt").text(term)).child(el("dd").text(value));
    }
    dl
}

#[component]
fn MemberCard(member: Member, measured: Participation) -> impl IntoView {
    let state = use_app();
    let editing = RwSignal::new(false);
    let confirming = RwSignal::new(false);
    let now = super::browser::now();
    let observed = measured.observed_level(now);
    let is_me = {
        let id = member.id;
        move || state.settings.with(|s| s.me == Some(id))
    };
    let heading_id = format!("member-{}", member.id);
    let labelled_by = heading_id.clone();
    let details = member_details(&member, &measured, observed);
    let their_records = View::Repertoire(Query {
        member: Some(member.name.clone()),
        ..Query::default()
    });
    let remove = {
        let (id, name) = (member.id, member.name.clone());
        move |_| {
            let name = name.clone();
            leptos::task::spawn_local(async move {
                match state.delete_member(id).await {
                    Ok(()) => state.tell(format!(
                        "Removed {name} from the directory. Their records stay in the repertoire."
                    )),
                    Err(error) => state.warn(format!("{name} was not removed. {error}")),
                }
            });
        }
    };
    let edit_member = member.clone();
    view! {
        <li class="person" aria-labelledby=labelled_by>
            <h3 id=heading_id>
                {member.name.clone()}
                <Show when=is_me><span class="badge">"you"</span></Show>
            </h3>
            <Static render=Rc::new(move || details.clone())/>
            {(!measured.is_empty()).then(|| view! { <p><ViewLink to=their_records>"See their records"</ViewLink></p> })}
            <Show
                when=move || editing.get()
                fallback=move || view! {
                    <p class="actions">
                        <button type="button" class="secondary small" on:click=move |_| editing.set(true)>"Edit"</button>
                        <button type="button" class="secondary small danger" on:click=move |_| confirming.set(true)>"Remove"</button>
                    </p>
                }
            >
                <MemberEditor existing=Some(edit_member.clone()) on_done=Callback::new(move |_| editing.set(false))/>
            </Show>
            <Show when=move || confirming.get()>
                <div class="confirm" role="alertdialog" aria-label="Confirm removal">
                    <p>{format!("Remove {} from the directory? Their records and contributions stay.", member.name)}</p>
                    <p class="actions">
                        <button type="button" class="danger small" on:click=remove.clone()>"Remove"</button>
                        <button type="button" class="secondary small" on:click=move |_| confirming.set(false)>"Keep"</button>
                    </p>
                </div>
            </Show>
        </li>
    }
}
