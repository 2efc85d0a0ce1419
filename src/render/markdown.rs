//! Markdown (`CommonMark` and tables) to the document model, through comrak's AST.
//!
//! The templates produce the Markdown, and config values are interpolated into
//! it, so [`escape_inline`] exists to keep those values from changing a
//! document's structure. Anything the model has no place for degrades to text.

use comrak::nodes::{AstNode, ListType, NodeValue};
use comrak::{Arena, Options, parse_document};

use super::doc::{Block, Inline};

/// Parses Markdown into blocks. Never panics on any input.
pub fn parse(markdown: &str) -> Vec<Block> {
    let arena = Arena::new();
    let mut options = Options::default();
    options.extension.table = true;
    let root = parse_document(&arena, markdown, &options);
    blocks_of(root)
}

fn blocks_of<'a>(node: &'a AstNode<'a>) -> Vec<Block> {
    let mut out = Vec::new();
    let mut form_next = false;
    for child in node.children() {
        let value = &child.data().value;
        if let NodeValue::HtmlBlock(html) = value
            && is_marker(html.literal.trim(), "form")
        {
            form_next = true;
            continue;
        }
        // `<!-- form -->` makes the table right after it a form to fill in by hand.
        if std::mem::take(&mut form_next)
            && matches!(value, NodeValue::Table(_))
            && let Block::Table { header, rows } = table_of(child)
        {
            out.push(Block::Form { header, rows });
            continue;
        }
        push_block(child, &mut out);
    }
    out
}

fn push_block<'a>(node: &'a AstNode<'a>, out: &mut Vec<Block>) {
    let value = node.data().value.clone();
    match value {
        NodeValue::Paragraph => {
            let inlines = inlines_of(node);
            if !inlines.is_empty() {
                out.push(Block::Paragraph(inlines));
            }
        }
        NodeValue::Heading(h) => out.push(Block::Heading {
            level: h.level.clamp(1, 6),
            inlines: inlines_of(node),
        }),
        NodeValue::List(list) => {
            let items = node.children().map(blocks_of).collect();
            out.push(Block::List {
                ordered: list.list_type == ListType::Ordered,
                start: u32::try_from(list.start).unwrap_or(1),
                items,
            });
        }
        NodeValue::BlockQuote | NodeValue::MultilineBlockQuote(_) | NodeValue::Alert(_) => {
            out.push(Block::Quote(blocks_of(node)));
        }
        NodeValue::CodeBlock(code) => {
            // No code blocks in regulations: keep the text, line by line, in monospace.
            let mut inlines = Vec::new();
            for (i, line) in code.literal.trim_end_matches('\n').split('\n').enumerate() {
                if i > 0 {
                    inlines.push(Inline::LineBreak);
                }
                inlines.push(Inline::Code(line.to_owned()));
            }
            out.push(Block::Paragraph(inlines));
        }
        NodeValue::HtmlBlock(html) => {
            let literal = html.literal.trim();
            if is_comment(literal) {
                if is_pagebreak(literal) {
                    out.push(Block::PageBreak);
                }
            } else if !literal.is_empty() {
                out.push(Block::Paragraph(vec![Inline::Text(literal.to_owned())]));
            }
        }
        NodeValue::Table(_) => out.push(table_of(node)),
        NodeValue::ThematicBreak | NodeValue::FrontMatter(_) => {}
        _ => {
            // Containers the model has no kind for (description lists, footnotes...):
            // keep their content.
            if node
                .first_child()
                .is_some_and(|c| is_block(&c.data().value))
            {
                for child in node.children() {
                    push_block(child, out);
                }
            } else {
                let inlines = inlines_of(node);
                if !inlines.is_empty() {
                    out.push(Block::Paragraph(inlines));
                }
            }
        }
    }
}

fn is_block(value: &NodeValue) -> bool {
    value.block()
}

fn table_of<'a>(node: &'a AstNode<'a>) -> Block {
    let mut header = Vec::new();
    let mut rows = Vec::new();
    for row in node.children() {
        let is_header = matches!(row.data().value, NodeValue::TableRow(true));
        let cells: Vec<Vec<Inline>> = row.children().map(inlines_of).collect();
        if is_header && header.is_empty() {
            header = cells;
        } else {
            rows.push(cells);
        }
    }
    Block::Table { header, rows }
}

fn is_comment(html: &str) -> bool {
    html.starts_with("<!--") && html.ends_with("-->")
}

fn is_line_break(html: &str) -> bool {
    let tag: String = html
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase();
    matches!(tag.as_str(), "<br>" | "<br/>")
}

fn is_pagebreak(comment: &str) -> bool {
    is_marker(comment, "pagebreak")
}

/// Whether `html` is the comment `<!-- name -->`.
fn is_marker(html: &str, name: &str) -> bool {
    is_comment(html)
        && html
            .trim_start_matches("<!--")
            .trim_end_matches("-->")
            .trim()
            .eq_ignore_ascii_case(name)
}

fn inlines_of<'a>(node: &'a AstNode<'a>) -> Vec<Inline> {
    let mut out = Vec::new();
    for child in node.children() {
        push_inline(child, &mut out);
    }
    out
}

fn push_text(out: &mut Vec<Inline>, text: &str) {
    if text.is_empty() {
        return;
    }
    // Adjacent texts merge so escaped characters do not split a run into pieces.
    if let Some(Inline::Text(prev)) = out.last_mut() {
        prev.push_str(text);
    } else {
        out.push(Inline::Text(text.to_owned()));
    }
}

fn push_inline<'a>(node: &'a AstNode<'a>, out: &mut Vec<Inline>) {
    let value = node.data().value.clone();
    match value {
        NodeValue::Text(t) => push_text(out, &t),
        NodeValue::SoftBreak => push_text(out, " "),
        NodeValue::LineBreak => out.push(Inline::LineBreak),
        NodeValue::Code(code) => out.push(Inline::Code(code.literal)),
        NodeValue::Strong => out.push(Inline::Strong(inlines_of(node))),
        NodeValue::Emph => out.push(Inline::Emph(inlines_of(node))),
        NodeValue::Link(link) => out.push(Inline::Link {
            url: link.url,
            children: inlines_of(node),
        }),
        NodeValue::HtmlInline(html) => {
            // `<br>` is the only way to break a line inside a Markdown table cell.
            if is_line_break(&html) {
                out.push(Inline::LineBreak);
            } else if !is_comment(html.trim()) {
                push_text(out, &html);
            }
        }
        NodeValue::Raw(raw) => push_text(out, &raw),
        _ => {
            // Images, strikethrough and other extensions: keep their text.
            for child in node.children() {
                push_inline(child, out);
            }
        }
    }
}

/// Escapes a plain value for interpolation into Markdown so that it is read back
/// as exactly that text: inline syntax, table pipes and line-start block markers
/// lose their meaning.
pub fn escape_inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for (i, line) in s.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        escape_line(line, &mut out);
    }
    out
}

fn escape_line(line: &str, out: &mut String) {
    let indent_len = line.len() - line.trim_start_matches([' ', '\t']).len();
    let (indent, rest) = line.split_at(indent_len);
    out.push_str(indent);
    // Block markers only count at the start of a line, and only in their block shape: a
    // `-`/`+` bullet is followed by white space (or a line of dashes is a rule or a setext
    // underline), `=` underlines are all `=`, and an ordered item's `1.`/`1)` is followed
    // by white space. A phone «+7 …» or a version «1.0» is left as written, so the Markdown
    // shown in review reads like the document.
    let followed_by_space = |at: usize| rest[at..].chars().next().is_none_or(char::is_whitespace);
    let only = |c: char| rest.trim_end().chars().all(|x| x == c || x == ' ');
    let mut delimiter_at = None;
    if (rest.starts_with(['-', '+']) && (followed_by_space(1) || only('-')))
        || (rest.starts_with('=') && only('='))
    {
        out.push('\\');
    } else {
        let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        if digits > 0 && rest[digits..].starts_with(['.', ')']) && followed_by_space(digits + 1) {
            delimiter_at = Some(digits);
        }
    }
    let mut prev: Option<char> = None;
    let mut chars = rest.char_indices().peekable();
    while let Some((pos, ch)) = chars.next() {
        let next = chars.peek().map(|&(_, c)| c);
        // An underscore between letters or digits (`UF_CRM_REGL_CHANNEL`, `@lada_ufa_duty`)
        // can never open or close emphasis in CommonMark, so it needs no backslash.
        let intraword_underscore = ch == '_'
            && prev.is_some_and(char::is_alphanumeric)
            && next.is_some_and(char::is_alphanumeric);
        // `!` needs no backslash: an image needs `![`, and the `[` is escaped.
        prev = Some(ch);
        if (matches!(
            ch,
            '\\' | '*' | '_' | '[' | ']' | '<' | '>' | '`' | '|' | '#' | '~' | '&'
        ) && !intraword_underscore)
            || delimiter_at == Some(pos)
        {
            out.push('\\');
        }
        out.push(ch);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Inline {
        Inline::Text(s.to_owned())
    }

    #[test]
    fn values_that_only_look_like_markers_stay_as_written() {
        for plain in [
            "+7 917 000-00-00",
            "1.0",
            "-5 %",
            "2026-12-01",
            "10.00–18.00",
        ] {
            assert_eq!(escape_inline(plain), plain);
        }
    }

    #[test]
    fn escaped_hostile_values_stay_one_plain_paragraph() {
        let hostile = [
            "1. *Лада* | test_",
            "1) пункт",
            "- пункт списка",
            "+ плюс",
            "+",
            "- - -",
            "_курсив_ и snake_case",
            "__жирный__",
            "1.",
            "2)\tпункт",
            "= =",
            "# Заголовок",
            "> цитата",
            "=====",
            "---",
            "***",
            "**жирный** и __подчёркнутый__",
            "[ссылка](https://example.com) и ![картинка](x.png)",
            "<b>html</b> <!-- pagebreak -->",
            "`код` ``и ещё``",
            "обратный \\ слэш \\* и \\",
            "~~зачёркнутый~~ ~x~",
            "&amp; &#42; &copy;",
            "a | b | c",
            "2026. Год",
            "  - с отступом",
            "ООО «Лада», ИНН 0278123453",
        ];
        for s in hostile {
            let escaped = escape_inline(s);
            let blocks = parse(&escaped);
            let expected = s.trim_start();
            assert_eq!(
                blocks,
                vec![Block::Paragraph(vec![text(expected)])],
                "value {s:?} escaped as {escaped:?}"
            );
        }
    }

    #[test]
    fn escaped_values_stay_one_table_cell() {
        for s in ["1. *Лада* | test_", "a|b", "| x |", "\\|"] {
            let md = format!("| Поле |\n| --- |\n| {} |\n", escape_inline(s));
            let blocks = parse(&md);
            let Some(Block::Table { header, rows }) = blocks.first() else {
                panic!("no table for {s:?}: {blocks:?}");
            };
            assert_eq!(header, &vec![vec![text("Поле")]]);
            assert_eq!(rows, &vec![vec![vec![text(s)]]], "value {s:?}");
        }
    }

    #[test]
    fn multi_line_values_do_not_start_blocks() {
        let s = "первая строка\n1. не список\n- и не пункт\n# не заголовок";
        let blocks = parse(&escape_inline(s));
        assert_eq!(
            blocks,
            vec![Block::Paragraph(vec![text(&s.replace('\n', " "))])]
        );
    }

    #[test]
    fn parses_every_block_kind() {
        let md = "# Раздел\n\nТекст **жирный** и *курсив*, [сайт](https://lada.example), `код`.  \nНовая строка\nмягкий перенос.\n\n- один\n  - вложенный\n- два\n\n3. три\n4. четыре\n\n<!-- pagebreak -->\n\n> цитата\n\n| A | B |\n|---|---|\n| 1 | 2 |\n";
        let blocks = parse(md);
        assert_eq!(blocks.len(), 7, "{blocks:#?}");
        assert_eq!(
            blocks[0],
            Block::Heading {
                level: 1,
                inlines: vec![text("Раздел")]
            }
        );
        let Block::Paragraph(p) = &blocks[1] else {
            panic!()
        };
        assert_eq!(p[1], Inline::Strong(vec![text("жирный")]));
        assert_eq!(p[3], Inline::Emph(vec![text("курсив")]));
        assert_eq!(
            p[5],
            Inline::Link {
                url: "https://lada.example".into(),
                children: vec![text("сайт")]
            }
        );
        assert_eq!(p[7], Inline::Code("код".into()));
        assert_eq!(p[9], Inline::LineBreak);
        assert_eq!(p[10], text("Новая строка мягкий перенос."));
        let Block::List { ordered, items, .. } = &blocks[2] else {
            panic!()
        };
        assert!(!ordered);
        assert_eq!(items.len(), 2);
        assert!(matches!(items[0][1], Block::List { .. }));
        assert!(matches!(
            blocks[3],
            Block::List {
                ordered: true,
                start: 3,
                ..
            }
        ));
        assert_eq!(blocks[4], Block::PageBreak);
        assert_eq!(
            blocks[5],
            Block::Quote(vec![Block::Paragraph(vec![text("цитата")])])
        );
        assert!(matches!(&blocks[6], Block::Table { rows, .. } if rows.len() == 1));
    }

    #[test]
    fn br_breaks_a_line_in_a_table_cell() {
        let blocks = parse("| A |\n|---|\n| один<br>два<BR />три |\n");
        let Some(Block::Table { rows, .. }) = blocks.first() else {
            panic!("{blocks:?}")
        };
        assert_eq!(
            rows[0][0],
            vec![
                text("один"),
                Inline::LineBreak,
                text("два"),
                Inline::LineBreak,
                text("три")
            ]
        );
    }

    #[test]
    fn unsupported_input_degrades_to_text() {
        let blocks = parse("```\nfn main() {}\n```\n\n<div>блок</div>\n\n![alt](x.png)\n\n---\n");
        assert_eq!(
            blocks,
            vec![
                Block::Paragraph(vec![Inline::Code("fn main() {}".into())]),
                Block::Paragraph(vec![text("<div>блок</div>")]),
                Block::Paragraph(vec![text("alt")]),
            ]
        );
        // Pathological nesting and stray markup must not panic.
        let _ = parse(&"> ".repeat(500));
        let _ = parse(&"- ".repeat(500));
        let _ = parse("| a |\n|---|---|\n| 1 | 2 | 3 |\n<!-- unterminated");
    }
}
