//! The conversation on a record: contributions newest last, with who and
//! when, and the form to add one of the kind this record takes.

use super::{take_step, StepForm};
use crate::domain::lifecycle::{contribution_label, Step};
use crate::domain::payload::Payload;
use crate::domain::{
    ActivityKind, Contribution, ContributionBody, Id, Record, Stance, ValidationErrors,
};
use crate::ui::activity::{field_ids, FieldIds};
use crate::ui::browser::format_time;
use crate::ui::markdown::Markdown;
use crate::ui::state::use_app;
use leptos::prelude::*;

pub fn section_title(kind: ActivityKind) -> &'static str {
    match kind {
        ActivityKind::ProblemSolving => "Ideas",
        ActivityKind::InformationRequest => "Answers",
        ActivityKind::SeekingExperience => "Experiences",
        ActivityKind::ReusingAssets => "Reuse log",
        ActivityKind::Coordination => "Participants",
        ActivityKind::DiscussingDevelopments => "Opinions",
        ActivityKind::Visit => "Visitors",
        ActivityKind::DocumentationProject | ActivityKind::Mapping => "Comments",
    }
}

fn empty_text(kind: ActivityKind) -> &'static str {
    match kind {
        ActivityKind::ProblemSolving => "No ideas yet. Even a half-formed one helps: it may spark the next.",
        ActivityKind::InformationRequest => "No answers yet. If you know a part of the answer, or who knows, say so.",
        ActivityKind::SeekingExperience => "No experiences shared yet.",
        ActivityKind::ReusingAssets => "Nobody has logged a reuse yet. Reused it? Tell how it went: it shows the asset is worth keeping.",
        ActivityKind::Coordination => "Nobody has joined yet.",
        ActivityKind::DiscussingDevelopments => "No opinions yet.",
        ActivityKind::Visit => "Nobody has signed up for the visit yet.",
        ActivityKind::DocumentationProject | ActivityKind::Mapping => "No comments yet.",
    }
}

pub fn stance_label(stance: Stance) -> &'static str {
    match stance {
        Stance::Adopt => "Adopt",
        Stance::Trial => "Trial",
        Stance::Assess => "Assess",
        Stance::Hold => "Hold",
    }
}

const STANCES: [(Stance, &str); 4] = [
    (Stance::Adopt, "Adopt: use it now"),
    (Stance::Trial, "Trial: try it on a small scale"),
    (Stance::Assess, "Assess: worth a closer look"),
    (Stance::Hold, "Hold: not now"),
];

/// The conversation follows the record; the form below it stays, with what
/// is being typed in it.
#[component]
pub fn Contributions(id: Id, kind: ActivityKind, record: Memo<Option<Record>>) -> impl IntoView {
    let conversation = move || {
        record.get().map(|record| {
            let accepted = match &record.payload {
                Payload::InformationRequest(request) => request.accepted_answer,
                _ => None,
            };
            let count = record.contributions.len();
            let items = record
                .contributions
                .into_iter()
                .map(|c| view! { <ContributionItem contribution=c record=id accepted kind/> })
                .collect_view();
            view! {
                <h2 id="contributions-title">{section_title(kind)} " (" {count} ")"</h2>
                {(count == 0).then(|| view! { <p class="quiet">{empty_text(kind)}</p> })}
                <ol class="conversation">{items}</ol>
            }
        })
    };
    view! {
        <section class="contributions" aria-labelledby="contributions-title">
            {conversation}
            <ContributionForm record=id kind/>
        </section>
    }
}

#[component]
fn ContributionItem(
    contribution: Contribution,
    record: Id,
    accepted: Option<Id>,
    kind: ActivityKind,
) -> impl IntoView {
    let state = use_app();
    let is_accepted = accepted == Some(contribution.id);
    let answer_id = contribution.id;
    let body = match contribution.body {
        ContributionBody::Idea { text } | ContributionBody::Answer { text } | ContributionBody::Comment { text } => {
            view! { <Markdown text/> }.into_any()
        }
        ContributionBody::Opinion { stance, text } => view! {
            <p class="stance">"Stance: " <strong>{stance_label(stance)}</strong></p>
            <Markdown text/>
        }
        .into_any(),
        ContributionBody::Experience { what_happened, what_worked, differently } => view! {
            <dl class="mini">
                <dt>"What happened"</dt><dd><Markdown text=what_happened/></dd>
                {(!what_worked.is_empty()).then(|| view! { <dt>"What worked"</dt><dd><Markdown text=what_worked/></dd> })}
                {(!differently.is_empty()).then(|| view! { <dt>"What they would do differently"</dt><dd><Markdown text=differently/></dd> })}
            </dl>
        }
        .into_any(),
        ContributionBody::Reuse { reused_for, how_it_went } => view! {
            <dl class="mini">
                <dt>"Reused for"</dt><dd><Markdown text=reused_for/></dd>
                {(!how_it_went.is_empty()).then(|| view! { <dt>"How it went"</dt><dd><Markdown text=how_it_went/></dd> })}
            </dl>
        }
        .into_any(),
        ContributionBody::Join { note } => view! {
            <p>"Joined." {(!note.is_empty()).then(|| view! { " " <span class="text">{note}</span> })}</p>
        }
        .into_any(),
    };
    let can_accept = kind == ActivityKind::InformationRequest && !is_accepted;
    view! {
        <li class="contribution" class:accepted=is_accepted>
            <p class="contribution-meta">
                <strong>{contribution.author}</strong>
                " · "
                <time>{format_time(contribution.created)}</time>
                {is_accepted.then(|| view! { <span class="badge">"Accepted answer"</span> })}
            </p>
            {body}
            {can_accept.then(|| view! {
                <button type="button" class="secondary small" on:click=move |_| {
                    take_step(state, record, Step::AcceptAnswer(answer_id), "Answer accepted: the request is answered.", None);
                }>"Accept this answer"</button>
            })}
        </li>
    }
}

/// The texts a contribution form may hold; each kind uses some of them.
#[derive(Clone, Default, PartialEq)]
struct Typed {
    text: String,
    what_happened: String,
    what_worked: String,
    differently: String,
    reused_for: String,
    how_it_went: String,
    note: String,
    stance: Option<Stance>,
}

fn body_of(kind: ActivityKind, typed: &Typed) -> Result<ContributionBody, ValidationErrors> {
    let text = typed.text.clone();
    Ok(match kind {
        ActivityKind::ProblemSolving => ContributionBody::Idea { text },
        ActivityKind::InformationRequest => ContributionBody::Answer { text },
        ActivityKind::SeekingExperience => ContributionBody::Experience {
            what_happened: typed.what_happened.clone(),
            what_worked: typed.what_worked.clone(),
            differently: typed.differently.clone(),
        },
        ActivityKind::ReusingAssets => ContributionBody::Reuse {
            reused_for: typed.reused_for.clone(),
            how_it_went: typed.how_it_went.clone(),
        },
        ActivityKind::Coordination | ActivityKind::Visit => ContributionBody::Join {
            note: typed.note.clone(),
        },
        ActivityKind::DiscussingDevelopments => match typed.stance {
            Some(stance) => ContributionBody::Opinion { stance, text },
            None => {
                let mut errors = ValidationErrors::default();
                errors.push("stance", "Pick a stance: adopt, trial, assess or hold.");
                if text.trim().is_empty() {
                    errors.push("text", "“Your contribution” is needed: please fill it in.");
                }
                return Err(errors);
            }
        },
        ActivityKind::DocumentationProject | ActivityKind::Mapping => {
            ContributionBody::Comment { text }
        }
    })
}

#[component]
fn ContributionForm(record: Id, kind: ActivityKind) -> impl IntoView {
    let state = use_app();
    let typed = RwSignal::new(Typed::default());
    let author = RwSignal::new(state.author());
    let errors = RwSignal::new(ValidationErrors::default());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match body_of(kind, &typed.get_untracked()) {
            Err(found) => errors.set(found),
            Ok(body) => {
                errors.set(ValidationErrors::default());
                let name = author.get_untracked();
                state.update_settings(|s| s.author = name.trim().to_owned());
                // Emptied once saved, unless the member typed on meanwhile.
                let submitted = typed.get_untracked();
                let saved = Box::new(move || {
                    typed.try_update(|t| {
                        if *t == submitted {
                            *t = Typed::default();
                        }
                    });
                });
                take_step(
                    state,
                    record,
                    Step::Contribute(body),
                    "Thank you: your contribution is saved.",
                    Some(StepForm { errors, saved }),
                );
            }
        }
    };
    let text_field = |key: &'static str,
                      label: &'static str,
                      hint: &'static str,
                      required: bool,
                      get: fn(&Typed) -> String,
                      set: fn(&mut Typed, String)| {
        view! { <SmallField key label hint required value=Signal::derive(move || typed.with(get)) on_input=Callback::new(move |v| typed.update(|t| set(t, v))) errors/> }
    };
    let fields = match kind {
        ActivityKind::SeekingExperience => view! {
            {text_field("what_happened", "What happened", "The situation as you lived it.", true, |t| t.what_happened.clone(), |t, v| t.what_happened = v)}
            {text_field("what_worked", "What worked", "What you would do again.", false, |t| t.what_worked.clone(), |t, v| t.what_worked = v)}
            {text_field("differently", "What you would do differently", "The lesson others can skip learning the hard way.", false, |t| t.differently.clone(), |t, v| t.differently = v)}
        }
        .into_any(),
        ActivityKind::ReusingAssets => view! {
            {text_field("reused_for", "What you reused it for", "The case, team or client.", true, |t| t.reused_for.clone(), |t, v| t.reused_for = v)}
            {text_field("how_it_went", "How it went", "What you had to change, what it saved.", false, |t| t.how_it_went.clone(), |t, v| t.how_it_went = v)}
        }
        .into_any(),
        ActivityKind::Coordination | ActivityKind::Visit => {
            text_field("note", "Note (optional)", "What you bring, or any condition.", false, |t| t.note.clone(), |t, v| t.note = v).into_any()
        }
        ActivityKind::DiscussingDevelopments => view! {
            <fieldset class="field">
                <legend>"Your stance" <span class="required">" (required)"</span></legend>
                <div class="stances">
                    {STANCES.into_iter().map(|(stance, label)| {
                        let id = format!("stance-{}", stance_label(stance).to_lowercase());
                        view! {
                            <span class="stance-option">
                                <input type="radio" name="stance" id=id.clone()
                                    prop:checked=move || typed.with(|t| t.stance == Some(stance))
                                    on:change=move |_| typed.update(|t| t.stance = Some(stance))/>
                                <label for=id>{label}</label>
                            </span>
                        }
                    }).collect_view()}
                </div>
                <p class="field-error" hidden=move || errors.with(|e| e.for_field("stance").is_none())>
                    {move || errors.with(|e| e.for_field("stance").map(str::to_owned))}
                </p>
            </fieldset>
            {text_field("text", "Your opinion", "Why you take that stance.", true, |t| t.text.clone(), |t, v| t.text = v)}
        }
        .into_any(),
        ActivityKind::ProblemSolving => text_field("text", "Your idea", "Half-formed is fine. Markdown works: **bold**, lists, links, `code`.", true, |t| t.text.clone(), |t, v| t.text = v).into_any(),
        ActivityKind::InformationRequest => text_field("text", "Your answer", "Or who knows, or where to look. Markdown works: **bold**, lists, links, `code`.", true, |t| t.text.clone(), |t, v| t.text = v).into_any(),
        _ => text_field("text", "Your comment", "Markdown works: **bold**, lists, links, `code`.", true, |t| t.text.clone(), |t, v| t.text = v).into_any(),
    };
    view! {
        <form class="contribute" on:submit=submit novalidate>
            <h3>{contribution_label(kind)}</h3>
            {fields}
            <SmallField key="contribution-author" label="Your name" hint="Shown with your contribution." required=true
                value=Signal::derive(move || author.get()) on_input=Callback::new(move |v| author.set(v)) errors single_line=true/>
            <button type="submit">{contribution_label(kind)}</button>
        </form>
    }
}

/// A labelled field with its hint and error, for the small forms of a
/// record's page.
#[component]
pub fn SmallField(
    key: &'static str,
    label: &'static str,
    hint: &'static str,
    required: bool,
    value: Signal<String>,
    on_input: Callback<String>,
    errors: RwSignal<ValidationErrors>,
    #[prop(optional)] single_line: bool,
) -> impl IntoView {
    let id = format!("small-{key}");
    // The author field's errors are reported under "author".
    let error_key = if key == "contribution-author" {
        "author"
    } else {
        key
    };
    let FieldIds {
        hint_id,
        error_id,
        error,
        described,
    } = field_ids(&id, errors, error_key);
    let invalid = move || error().is_some().then_some("true");
    let control = if single_line {
        view! {
            <input id=id.clone() type="text" required=required aria-describedby=described aria-invalid=invalid
                prop:value=move || value.get() on:input=move |ev| on_input.run(event_target_value(&ev))/>
        }
        .into_any()
    } else {
        view! {
            <textarea id=id.clone() rows="3" required=required aria-describedby=described aria-invalid=invalid
                prop:value=move || value.get() on:input=move |ev| on_input.run(event_target_value(&ev))></textarea>
        }
        .into_any()
    };
    view! {
        <div class="field" class:invalid=move || error().is_some()>
            <label for=id.clone()>{label} {required.then(|| view! { <span class="required">" (required)"</span> })}</label>
            <p class="hint" id=hint_id>{hint}</p>
            {control}
            <p class="field-error" id=error_id hidden=move || error().is_none()>{error}</p>
        </div>
    }
}
