//! Member text rendered from the parsed Markdown tree. Every piece of text
//! becomes a text node, so nothing a member types can become markup.

use crate::domain::markdown::{parse, Block, Inline};
use leptos::prelude::*;

fn inline_view(inline: Inline) -> AnyView {
    match inline {
        Inline::Text(text) => text.into_any(),
        Inline::Strong(inner) => view! { <strong>{inlines_view(inner)}</strong> }.into_any(),
        Inline::Emphasis(inner) => view! { <em>{inlines_view(inner)}</em> }.into_any(),
        Inline::Code(code) => view! { <code>{code}</code> }.into_any(),
        Inline::Link { text, href } => view! {
            <a href=href rel="noopener noreferrer nofollow" target="_blank">{inlines_view(text)}</a>
        }
        .into_any(),
        Inline::LineBreak => view! { <br/> }.into_any(),
    }
}

fn inlines_view(inlines: Vec<Inline>) -> Vec<AnyView> {
    inlines.into_iter().map(inline_view).collect()
}

/// Headings start one level below the section the text sits in.
fn block_view(block: Block, base_level: u8) -> AnyView {
    match block {
        Block::Heading { rank, content } => {
            let content = inlines_view(content);
            match (base_level + rank).min(6) {
                2 => view! { <h2>{content}</h2> }.into_any(),
                3 => view! { <h3>{content}</h3> }.into_any(),
                4 => view! { <h4>{content}</h4> }.into_any(),
                5 => view! { <h5>{content}</h5> }.into_any(),
                _ => view! { <h6>{content}</h6> }.into_any(),
            }
        }
        Block::Paragraph(content) => view! { <p>{inlines_view(content)}</p> }.into_any(),
        Block::Quote(content) => {
            view! { <blockquote><p>{inlines_view(content)}</p></blockquote> }.into_any()
        }
        Block::Code(code) => view! { <pre><code>{code}</code></pre> }.into_any(),
        Block::List { ordered, items } => {
            let items = items
                .into_iter()
                .map(|item| view! { <li>{inlines_view(item)}</li> })
                .collect_view();
            if ordered {
                view! { <ol>{items}</ol> }.into_any()
            } else {
                view! { <ul>{items}</ul> }.into_any()
            }
        }
    }
}

/// `heading_level`: the level of the text's biggest heading (3 under an h2).
#[component]
pub fn Markdown(
    #[prop(into)] text: String,
    #[prop(default = 3)] heading_level: u8,
) -> impl IntoView {
    let blocks: Vec<AnyView> = parse(&text)
        .into_iter()
        .map(|b| block_view(b, heading_level))
        .collect();
    view! { <div class="md">{blocks}</div> }
}
