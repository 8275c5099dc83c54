//! Read-only parts of views (charts, tables, result cards) built as plain
//! DOM from a small tree. Every `view!` brings its own generic rendering
//! code into the wasm bundle; these parts share this one builder instead,
//! which keeps the bundle within its budget. Text always becomes text
//! nodes, never markup.

use leptos::html::Div;
use leptos::prelude::*;
use std::rc::Rc;
use wasm_bindgen::JsCast;

const SVG_NS: &str = "http://www.w3.org/2000/svg";

#[derive(Clone, Debug, PartialEq)]
pub enum Node {
    Element {
        tag: &'static str,
        svg: bool,
        attrs: Vec<(&'static str, String)>,
        children: Vec<Node>,
    },
    Text(String),
}

/// An HTML element.
#[inline(never)]
pub fn el(tag: &'static str) -> Node {
    Node::Element {
        tag,
        svg: false,
        attrs: Vec::new(),
        children: Vec::new(),
    }
}

/// An SVG element.
#[inline(never)]
pub fn svg(tag: &'static str) -> Node {
    Node::Element {
        tag,
        svg: true,
        attrs: Vec::new(),
        children: Vec::new(),
    }
}

/// Nothing: an empty text node, for optional parts.
pub fn none() -> Node {
    Node::Text(String::new())
}

impl Node {
    pub fn attr(self, name: &'static str, value: impl ToString) -> Node {
        self.set(name, value.to_string())
    }

    // Not inlined: the builder is called from many places, and one copy
    // keeps the bundle small.
    #[inline(never)]
    fn set(mut self, name: &'static str, value: String) -> Node {
        if let Node::Element { attrs, .. } = &mut self {
            attrs.push((name, value));
        }
        self
    }

    pub fn class(self, class: &'static str) -> Node {
        self.attr("class", class)
    }

    #[inline(never)]
    pub fn child(mut self, node: Node) -> Node {
        if let Node::Element { children, .. } = &mut self {
            children.push(node);
        }
        self
    }

    pub fn children(mut self, nodes: impl IntoIterator<Item = Node>) -> Node {
        if let Node::Element { children, .. } = &mut self {
            children.extend(nodes);
        }
        self
    }

    pub fn text(self, content: impl Into<String>) -> Node {
        self.child(Node::Text(content.into()))
    }

    fn build(&self, document: &web_sys::Document) -> Option<web_sys::Node> {
        match self {
            Node::Text(content) => Some(document.create_text_node(content).into()),
            Node::Element {
                tag,
                svg,
                attrs,
                children,
            } => {
                let element = if *svg {
                    document.create_element_ns(Some(SVG_NS), tag).ok()?
                } else {
                    document.create_element(tag).ok()?
                };
                for (name, value) in attrs {
                    element.set_attribute(name, value).ok()?;
                }
                for child in children {
                    element.append_child(&child.build(document)?).ok()?;
                }
                Some(element.unchecked_into())
            }
        }
    }
}

/// A `div` whose content is the tree `render` returns, rebuilt whenever the
/// signals `render` reads change.
#[component]
pub fn Static(
    render: Rc<dyn Fn() -> Node>,
    #[prop(optional)] class: &'static str,
) -> impl IntoView {
    let root = NodeRef::<Div>::new();
    let render = StoredValue::new_local(render);
    Effect::new(move |_| {
        let tree = render.with_value(|render| render());
        let Some(root) = root.get() else { return };
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        root.set_text_content(None);
        if let Some(node) = tree.build(&document) {
            let _ = root.append_child(&node);
        }
    });
    view! { <div class=class node_ref=root></div> }
}
