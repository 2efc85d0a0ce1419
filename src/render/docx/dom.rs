//! A minimal XML DOM for the fix-up of docx-rs's parts: parsed with quick-xml,
//! edited in place, written back with the XML declaration docx-rs writes. Text,
//! references and CDATA are kept exactly as written (still escaped), so nothing is
//! unescaped and escaped again on the way through.

use std::borrow::Cow;
use std::fmt::Write as _;

use anyhow::{Context, bail};
use quick_xml::Reader;
use quick_xml::events::Event;

/// A minimal DOM over one part. Names, attributes and text borrow from the
/// part's bytes, so the round trip allocates little.
pub(super) enum Node<'a> {
    El(El<'a>),
    /// Text, references, CDATA: kept exactly as written (still escaped).
    Raw(Cow<'a, str>),
}

pub(super) struct El<'a> {
    pub(super) name: Cow<'a, str>,
    pub(super) attrs: Vec<(Cow<'a, str>, Cow<'a, str>)>,
    pub(super) children: Vec<Node<'a>>,
}

impl<'a> El<'a> {
    pub(super) fn new(name: impl Into<Cow<'a, str>>) -> Self {
        Self {
            name: name.into(),
            attrs: Vec::new(),
            children: Vec::new(),
        }
    }

    pub(super) fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_ref())
    }

    pub(super) fn set_attr(&mut self, name: &'a str, value: &'a str) {
        if let Some(slot) = self.attrs.iter_mut().find(|(k, _)| k == name) {
            slot.1 = Cow::Borrowed(value);
        } else {
            self.attrs.push((Cow::Borrowed(name), Cow::Borrowed(value)));
        }
    }

    pub(super) fn child_mut(&mut self, name: &str) -> Option<&mut El<'a>> {
        self.children.iter_mut().find_map(|c| match c {
            Node::El(e) if e.name == name => Some(e),
            _ => None,
        })
    }

    pub(super) fn has_child(&self, name: &str) -> bool {
        self.children
            .iter()
            .any(|c| matches!(c, Node::El(e) if e.name == name))
    }

    pub(super) fn elements_mut(&mut self) -> impl Iterator<Item = &mut El<'a>> {
        self.children.iter_mut().filter_map(|c| match c {
            Node::El(e) => Some(e),
            Node::Raw(_) => None,
        })
    }
}

pub(super) fn parse(xml: &[u8]) -> anyhow::Result<El<'_>> {
    let text = std::str::from_utf8(xml).context("part is not UTF-8")?;
    let mut reader = Reader::from_str(text);
    reader.config_mut().trim_text(false);
    let mut stack: Vec<El<'_>> = vec![El::new("")];
    loop {
        let event = reader.read_event().context("parsing a docx-rs part")?;
        match event {
            Event::Start(e) => stack.push(start(text, &e)?),
            Event::Empty(e) => {
                let el = start(text, &e)?;
                push(&mut stack, Node::El(el));
            }
            Event::End(_) => {
                let el = stack.pop().context("unbalanced part")?;
                push(&mut stack, Node::El(el));
            }
            Event::Text(t) => push(&mut stack, Node::Raw(within(text, &t)?)),
            Event::GeneralRef(r) => {
                let name = within(text, &r)?;
                push(&mut stack, Node::Raw(Cow::Owned(format!("&{name};"))));
            }
            Event::CData(t) => {
                let body = within(text, &t)?;
                push(
                    &mut stack,
                    Node::Raw(Cow::Owned(format!("<![CDATA[{body}]]>"))),
                );
            }
            Event::Decl(_) | Event::PI(_) | Event::DocType(_) | Event::Comment(_) => {}
            Event::Eof => break,
        }
    }
    let mut root = stack.pop().context("empty part")?;
    if !stack.is_empty() {
        bail!("unbalanced part");
    }
    root.children.retain(|c| matches!(c, Node::El(_)));
    match root.children.pop() {
        Some(Node::El(el)) if root.children.is_empty() => Ok(el),
        _ => bail!("part has no single root element"),
    }
}

/// The same bytes as a slice of `text` when they lie inside it (quick-xml
/// hands out borrowed slices), else an owned copy.
fn within<'a>(text: &'a str, bytes: &[u8]) -> anyhow::Result<Cow<'a, str>> {
    let start = (bytes.as_ptr() as usize).wrapping_sub(text.as_ptr() as usize);
    if let Some(end) = start.checked_add(bytes.len())
        && let Some(slice) = text.get(start..end)
        && slice.as_bytes() == bytes
    {
        return Ok(Cow::Borrowed(slice));
    }
    Ok(Cow::Owned(std::str::from_utf8(bytes)?.to_owned()))
}

fn start<'a>(text: &'a str, e: &quick_xml::events::BytesStart<'_>) -> anyhow::Result<El<'a>> {
    let mut el = El::new(within(text, e.name().as_ref())?);
    for attr in e.attributes() {
        let attr = attr?;
        el.attrs
            .push((within(text, attr.key.as_ref())?, within(text, &attr.value)?));
    }
    Ok(el)
}

fn push<'a>(stack: &mut [El<'a>], node: Node<'a>) {
    if let Some(parent) = stack.last_mut() {
        parent.children.push(node);
    }
}

pub(super) fn serialize(root: &El) -> Vec<u8> {
    let mut out = String::with_capacity(64 * 1024);
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n");
    write_el(root, &mut out);
    out.into_bytes()
}

fn write_el(el: &El, out: &mut String) {
    out.push('<');
    out.push_str(&el.name);
    for (k, v) in &el.attrs {
        let _ = write!(out, " {k}=\"{v}\"");
    }
    if el.children.is_empty() {
        out.push_str("/>");
        return;
    }
    out.push('>');
    for child in &el.children {
        match child {
            Node::El(e) => write_el(e, out),
            Node::Raw(s) => out.push_str(s),
        }
    }
    out.push_str("</");
    out.push_str(&el.name);
    out.push('>');
}
