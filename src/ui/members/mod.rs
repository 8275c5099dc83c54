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
use crate::domain::Id;
use crate::ui::dom::{el, Node, Static};
use editor::MemberEditor;
use leptos::prelude::*;
use std::rc::Rc;
use who::WhoAmI;

#[component]
pub fn MembersView() -> impl IntoView {
    let state = use_app();
    let adding = RwSignal::new(false);
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
                    // Keyed by member: a card redraws what it shows when the
                    // member changes (here, in another tab, by an import),
                    // and an editor open in it stays, with what is typed.
                    <ul class="people">
                        <For
                            each=move || state.members.with(|members| members.iter().map(|m| m.id).collect::<Vec<_>>())
                            key=|id| *id
                            children=|id| view! { <MemberCard id/> }
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
fn MemberCard(id: Id) -> impl IntoView {
    let state = use_app();
    let editing = RwSignal::new(false);
    let confirming = RwSignal::new(false);
    let card = Memo::new(move |_| {
        let at = state
            .members
            .with(|members| members.iter().position(|m| m.id == id))?;
        let member = state.members.with(|members| members.get(at).cloned())?;
        let measured = state
            .derived
            .participation
            .with(|all| all.get(at).cloned())?;
        Some((member, measured))
    });
    let name = move || card.with_untracked(|c| c.as_ref().map(|(m, _)| m.name.clone()));
    let is_me = move || state.settings.with(|s| s.me == Some(id));
    let heading_id = format!("member-{id}");
    let labelled_by = heading_id.clone();
    let shown = move || {
        card.get().map(|(member, measured)| {
            let observed = measured.observed_level(super::browser::now());
            let details = member_details(&member, &measured, observed);
            let their_records = View::Repertoire(Query {
                member: Some(member.name.clone()),
                ..Query::default()
            });
            view! {
                <h3 id=heading_id.clone()>
                    {member.name.clone()}
                    <Show when=is_me><span class="badge">"you"</span></Show>
                </h3>
                <Static render=Rc::new(move || details.clone())/>
                {(!measured.is_empty()).then(|| view! { <p><ViewLink to=their_records>"See their records"</ViewLink></p> })}
            }
        })
    };
    let remove = move |_| {
        let name = name().unwrap_or_default();
        leptos::task::spawn_local(async move {
            match state.delete_member(id).await {
                Ok(()) => state.tell(format!(
                    "Removed {name} from the directory. Their records stay in the repertoire."
                )),
                Err(error) => state.warn(format!("{name} was not removed. {error}")),
            }
        });
    };
    view! {
        <li class="person" aria-labelledby=labelled_by>
            {shown}
            <Show
                when=move || editing.get()
                fallback=move || view! {
                    <p class="actions">
                        <button type="button" class="secondary small" on:click=move |_| editing.set(true)>"Edit"</button>
                        <button type="button" class="secondary small danger" on:click=move |_| confirming.set(true)>"Remove"</button>
                    </p>
                }
            >
                // The member as shown when the editor opens.
                <MemberEditor existing=card.get_untracked().map(|(m, _)| m) on_done=Callback::new(move |_| editing.set(false))/>
            </Show>
            <Show when=move || confirming.get()>
                <div class="confirm" role="alertdialog" aria-label="Confirm removal">
                    <p>{move || format!("Remove {} from the directory? Their records and contributions stay.", name().unwrap_or_default())}</p>
                    <p class="actions">
                        <button type="button" class="danger small" on:click=remove>"Remove"</button>
                        <button type="button" class="secondary small" on:click=move |_| confirming.set(false)>"Keep"</button>
                    </p>
                </div>
            </Show>
        </li>
    }
}
