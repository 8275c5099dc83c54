//! A small, safe subset of Markdown, parsed into a tree that the UI turns
//! into elements. No HTML is ever produced or passed through: whatever a
//! member types (tags, scripts, entities) stays visible text.

use super::sorting::sort_by_key;
use super::validation::is_valid_link;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Inline {
    Text(String),
    Strong(Vec<Inline>),
    Emphasis(Vec<Inline>),
    Code(String),
    /// Only http(s) targets become links; anything else stays text.
    Link {
        text: Vec<Inline>,
        href: String,
    },
    LineBreak,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// Rank 0 is the text's biggest heading; ranks never skip, so the page
    /// keeps its headings in order whatever levels the member used.
    Heading {
        rank: u8,
        content: Vec<Inline>,
    },
    Paragraph(Vec<Inline>),
    List {
        ordered: bool,
        items: Vec<Vec<Inline>>,
    },
    Quote(Vec<Inline>),
    Code(String),
}

pub fn parse(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut heading_levels = Vec::new();
    let mut lines = text.lines().peekable();
    let mut paragraph: Vec<&str> = Vec::new();
    let flush = |paragraph: &mut Vec<&str>, blocks: &mut Vec<Block>| {
        if !paragraph.is_empty() {
            blocks.push(Block::Paragraph(inline_lines(paragraph)));
            paragraph.clear();
        }
    };
    while let Some(line) = lines.next() {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            flush(&mut paragraph, &mut blocks);
        } else if trimmed.starts_with("```") {
            flush(&mut paragraph, &mut blocks);
            let mut code = Vec::new();
            for next in lines.by_ref() {
                if next.trim_start().starts_with("```") {
                    break;
                }
                code.push(next);
            }
            blocks.push(Block::Code(code.join("\n")));
        } else if let Some((level, content)) = heading(trimmed) {
            flush(&mut paragraph, &mut blocks);
            heading_levels.push(level);
            blocks.push(Block::Heading {
                rank: level,
                content: inlines(content),
            });
        } else if let Some((ordered, first)) = list_item(trimmed) {
            flush(&mut paragraph, &mut blocks);
            let mut items = vec![inlines(first)];
            while let Some((same, item)) = lines.peek().and_then(|l| list_item(l.trim())) {
                if same != ordered {
                    break;
                }
                items.push(inlines(item));
                lines.next();
            }
            blocks.push(Block::List { ordered, items });
        } else if let Some(first) = trimmed.strip_prefix('>') {
            flush(&mut paragraph, &mut blocks);
            let mut quoted = vec![first.trim()];
            while let Some(more) = lines.peek().and_then(|l| l.trim().strip_prefix('>')) {
                quoted.push(more.trim());
                lines.next();
            }
            blocks.push(Block::Quote(inline_lines(&quoted)));
        } else {
            paragraph.push(trimmed);
        }
    }
    flush(&mut paragraph, &mut blocks);
    rank_headings(&mut blocks, heading_levels);
    blocks
}

fn rank_headings(blocks: &mut [Block], mut levels: Vec<u8>) {
    sort_by_key(&mut levels, |l| *l);
    levels.dedup();
    for block in blocks {
        if let Block::Heading { rank, .. } = block {
            *rank = levels.iter().position(|l| l == rank).unwrap_or(0) as u8;
        }
    }
}

fn heading(line: &str) -> Option<(u8, &str)> {
    let hashes = line.chars().take_while(|c| *c == '#').count();
    let rest = &line[hashes..];
    ((1..=6).contains(&hashes) && rest.starts_with(' ')).then(|| (hashes as u8, rest.trim()))
}

fn list_item(line: &str) -> Option<(bool, &str)> {
    for bullet in ["- ", "* ", "+ "] {
        if let Some(rest) = line.strip_prefix(bullet) {
            return Some((false, rest.trim()));
        }
    }
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    if (1..=9).contains(&digits) {
        let rest = &line[digits..];
        if let Some(rest) = rest.strip_prefix(". ").or_else(|| rest.strip_prefix(") ")) {
            return Some((true, rest.trim()));
        }
    }
    None
}

fn inline_lines(lines: &[&str]) -> Vec<Inline> {
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            out.push(Inline::LineBreak);
        }
        out.extend(inlines(line));
    }
    out
}

/// Inline markup: `code`, **strong**, *emphasis* or _emphasis_, [text](url).
pub fn inlines(text: &str) -> Vec<Inline> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut plain = String::new();
    let mut i = 0;
    let push_plain = |plain: &mut String, out: &mut Vec<Inline>| {
        if !plain.is_empty() {
            out.push(Inline::Text(std::mem::take(plain)));
        }
    };
    while i < chars.len() {
        let c = chars[i];
        let found = match c {
            '`' => closing(&chars, i + 1, "`")
                .map(|end| (Inline::Code(collect(&chars[i + 1..end])), end + 1)),
            '*' | '_' if chars.get(i + 1) == Some(&c) => {
                let marker: String = [c, c].iter().collect();
                closing(&chars, i + 2, &marker)
                    .filter(|end| *end > i + 2)
                    .map(|end| {
                        (
                            Inline::Strong(inlines(&collect(&chars[i + 2..end]))),
                            end + 2,
                        )
                    })
            }
            '*' | '_' => closing(&chars, i + 1, &c.to_string())
                .filter(|end| *end > i + 1 && !chars[i + 1].is_whitespace())
                .map(|end| {
                    (
                        Inline::Emphasis(inlines(&collect(&chars[i + 1..end]))),
                        end + 1,
                    )
                }),
            '[' => link(&chars, i),
            _ => None,
        };
        match found {
            Some((inline, next)) => {
                push_plain(&mut plain, &mut out);
                out.push(inline);
                i = next;
            }
            None => {
                plain.push(c);
                i += 1;
            }
        }
    }
    push_plain(&mut plain, &mut out);
    out
}

fn collect(chars: &[char]) -> String {
    chars.iter().collect()
}

/// Index where `marker` next starts at or after `from`.
fn closing(chars: &[char], from: usize, marker: &str) -> Option<usize> {
    let marker: Vec<char> = marker.chars().collect();
    (from..chars.len()).find(|&at| chars[at..].starts_with(&marker))
}

fn link(chars: &[char], start: usize) -> Option<(Inline, usize)> {
    let close = closing(chars, start + 1, "](")?;
    let end = closing(chars, close + 2, ")")?;
    let href = collect(&chars[close + 2..end]).trim().to_owned();
    if !is_valid_link(&href) {
        return None;
    }
    Some((
        Inline::Link {
            text: inlines(&collect(&chars[start + 1..close])),
            href,
        },
        end + 1,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Inline {
        Inline::Text(s.to_owned())
    }

    #[test]
    fn emphasis_code_and_links_are_recognized() {
        assert_eq!(
            inlines("a **bold** and *soft* `x<y` [docs](https://example.org)"),
            vec![
                text("a "),
                Inline::Strong(vec![text("bold")]),
                text(" and "),
                Inline::Emphasis(vec![text("soft")]),
                text(" "),
                Inline::Code("x<y".into()),
                text(" "),
                Inline::Link {
                    text: vec![text("docs")],
                    href: "https://example.org".into()
                },
            ]
        );
    }

    #[test]
    fn html_and_script_links_stay_plain_text() {
        assert_eq!(
            inlines("<script>alert(1)</script>"),
            vec![text("<script>alert(1)</script>")]
        );
        assert_eq!(
            inlines("[x](javascript:alert(1))"),
            vec![text("[x](javascript:alert(1))")]
        );
        assert_eq!(
            inlines("<img src=x onerror=alert(1)>"),
            vec![text("<img src=x onerror=alert(1)>")]
        );
    }

    #[test]
    fn unbalanced_markers_are_kept_as_typed() {
        assert_eq!(
            inlines("2 * 3 = 6 and a_b"),
            vec![text("2 * 3 = 6 and a_b")]
        );
        assert_eq!(inlines("**"), vec![text("**")]);
        assert_eq!(inlines("`open"), vec![text("`open")]);
    }

    #[test]
    fn blocks_are_split_and_headings_ranked_without_gaps() {
        let blocks = parse("## Symptoms\nIt breaks.\nEvery time.\n\n#### Fix\n- one\n- two\n1. first\n> quoted\n```\n<b>raw</b>\n```");
        assert_eq!(
            blocks[0],
            Block::Heading {
                rank: 0,
                content: vec![text("Symptoms")]
            }
        );
        assert_eq!(
            blocks[1],
            Block::Paragraph(vec![
                text("It breaks."),
                Inline::LineBreak,
                text("Every time.")
            ])
        );
        assert_eq!(
            blocks[2],
            Block::Heading {
                rank: 1,
                content: vec![text("Fix")]
            }
        );
        assert_eq!(
            blocks[3],
            Block::List {
                ordered: false,
                items: vec![vec![text("one")], vec![text("two")]]
            }
        );
        assert_eq!(
            blocks[4],
            Block::List {
                ordered: true,
                items: vec![vec![text("first")]]
            }
        );
        assert_eq!(blocks[5], Block::Quote(vec![text("quoted")]));
        assert_eq!(blocks[6], Block::Code("<b>raw</b>".into()));
    }

    #[test]
    fn odd_input_never_panics() {
        for input in [
            "[",
            "[a](",
            "[a](b",
            "*_*_",
            "```",
            "#",
            "# ",
            "1.",
            "é**ü**",
            "\u{202e}abc",
            "> ",
            "- ",
        ] {
            let _ = parse(input);
        }
    }
}
