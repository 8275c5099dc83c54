//! A documentation project names the earlier records it grows from.

use crate::domain::topic::parse_topics;
use crate::domain::{ActivityKind, Id, Record, RecordForm};
use crate::ui::state::use_app;
use leptos::prelude::*;

const OFFERED: usize = 12;

/// Linked records first, then those sharing a topic with the form, then the
/// most recent problems and requests.
fn candidates(records: &[Record], form: &RecordForm) -> Vec<(Id, String, &'static str)> {
    let topics = parse_topics(&form.topics);
    let eligible = |r: &&Record| r.kind() != ActivityKind::DocumentationProject;
    let mut chosen: Vec<&Record> = form
        .links
        .iter()
        .filter_map(|id| records.iter().find(|r| r.id == *id))
        .collect();
    let limit = OFFERED + chosen.len();
    let all: Vec<&Record> = records.iter().filter(eligible).collect();
    let on_topic = all
        .iter()
        .filter(|r| r.topics.iter().any(|t| topics.contains(t)));
    let asking = all.iter().filter(|r| {
        matches!(
            r.kind(),
            ActivityKind::ProblemSolving | ActivityKind::InformationRequest
        )
    });
    for record in on_topic.chain(asking) {
        if chosen.len() >= limit {
            break;
        }
        if !chosen.iter().any(|c| c.id == record.id) {
            chosen.push(record);
        }
    }
    chosen
        .into_iter()
        .map(|r| (r.id, r.title.clone(), r.kind().short_label()))
        .collect()
}

#[component]
pub fn LinkPicker(form: RwSignal<RecordForm>) -> impl IntoView {
    let state = use_app();
    let offered = move || {
        state
            .records
            .with(|records| form.with(|f| candidates(records, f)))
    };
    view! {
        <fieldset class="field links">
            <legend>"Grows from"</legend>
            <p class="hint">"The earlier problems, requests or other records where this came up. They will link to this document."</p>
            <Show when=move || !offered().is_empty() fallback=|| view! { <p class="quiet">"No earlier records to link yet."</p> }>
                <ul class="checks">
                    {move || {
                        offered()
                            .into_iter()
                            .map(|(id, title, kind)| {
                                let checked = move || form.with(|f| f.links.contains(&id));
                                let input_id = format!("link-{id}");
                                view! {
                                    <li>
                                        <input type="checkbox" id=input_id.clone() prop:checked=checked on:change=move |ev| {
                                            let on = event_target_checked(&ev);
                                            form.update(|f| {
                                                f.links.retain(|l| *l != id);
                                                if on {
                                                    f.links.push(id);
                                                }
                                            });
                                        }/>
                                        <label for=input_id>{title} <span class="quiet">" (" {kind} ")"</span></label>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
            </Show>
        </fieldset>
    }
}
