//! From a finding's span to the value it is about: the innermost JSON value of the file
//! that holds the span, its path, and the fresh export's value at the same place.
//!
//! The spans rules report follow three habits, read here the same way for every rule: the
//! value itself (or a part of it, such as one item of `offsets_s`: then the whole list of
//! plain values is the value); the key of a member (the member's value is meant); the
//! opening brace of an object or list (something in it is missing).

use std::ops::Range;

use serde_json::Value;

use super::super::json::{Json, Kind};
use super::align::align;
use super::layout::Layout;
use super::mend::{Edit, Mender, Mode};
use super::{push_index, push_key};

/// One step from the root towards the value a finding is about.
struct Link<'j> {
    json: &'j Json,
    path: String,
    /// The index this value has in its parent list, if it is in one.
    index: Option<usize>,
    /// The key it has in its parent object, if it is in one.
    key: Option<&'j str>,
}

/// The edits that mend the value the finding at `span` is about; none when the fresh file
/// has no such value, or the same one.
pub fn mend_finding(
    root: &Json,
    fresh: &Value,
    span: &Range<usize>,
    text: &str,
    layout: &Layout<'_>,
) -> Vec<Edit> {
    let (chain, mode) = locate(root, span);
    let Some(fresh_chain) = counterparts(&chain, fresh) else {
        return Vec::new();
    };
    let mut mender = Mender {
        layout,
        text,
        edits: Vec::new(),
    };
    let target = chain.last().expect("the chain starts at the root");
    let fresh_target = fresh_chain.last().expect("one counterpart per link");
    mender.mend(target.json, fresh_target, &target.path, mode);
    if mender.edits.is_empty() {
        // The value is as the export has it, yet the finding stands: what is wrong is
        // around it, e.g. a step deleted before it. The nearest list it is in may lack an
        // item the export has, in one unambiguous place.
        if let Some(at) = chain
            .iter()
            .rposition(|l| !std::ptr::eq(l.json, target.json) && l.json.as_array().is_some())
        {
            mender.mend(
                chain[at].json,
                fresh_chain[at],
                &chain[at].path,
                Mode::AddMissing,
            );
        }
    }
    mender.edits
}

fn within(span: &Range<usize>, of: &Range<usize>) -> bool {
    of.start <= span.start && span.end <= of.end
}

fn locate<'j>(root: &'j Json, span: &Range<usize>) -> (Vec<Link<'j>>, Mode) {
    let mut chain = vec![Link {
        json: root,
        path: String::new(),
        index: None,
        key: None,
    }];
    loop {
        let at = chain.last().expect("never empty");
        let next = match &at.json.kind {
            Kind::Object(members) => {
                if let Some(m) = members.iter().find(|m| within(span, &m.key_span)) {
                    let path = push_key(&at.path, &m.key);
                    chain.push(Link {
                        json: &m.value,
                        path,
                        index: None,
                        key: Some(&m.key),
                    });
                    return (chain, Mode::Replace);
                }
                members
                    .iter()
                    .find(|m| within(span, &m.value.span))
                    .map(|m| Link {
                        json: &m.value,
                        path: push_key(&at.path, &m.key),
                        index: None,
                        key: Some(&m.key),
                    })
            }
            Kind::Array(items) => items
                .iter()
                .enumerate()
                .find(|(_, i)| within(span, &i.span))
                .map(|(n, i)| Link {
                    json: i,
                    path: push_index(&at.path, n),
                    index: Some(n),
                    key: None,
                }),
            _ => None,
        };
        match next {
            Some(link) => chain.push(link),
            None => break,
        }
    }
    let last = chain.last().expect("never empty").json;
    let container = matches!(last.kind, Kind::Object(_) | Kind::Array(_));
    if container && *span != last.span && span.len() <= 1 {
        return (chain, Mode::AddMissing);
    }
    // One plain value of a list of plain values (an offset, a keyword): the list is the
    // value, as `business.toml` gives it.
    if chain.len() >= 2 && !container {
        let parent = chain[chain.len() - 2].json;
        if parent.as_array().is_some_and(|a| {
            a.iter()
                .all(|i| !matches!(i.kind, Kind::Object(_) | Kind::Array(_)))
        }) {
            chain.pop();
        }
    }
    (chain, Mode::Replace)
}

/// The fresh value at each link of the chain, lists paired item by item; `None` when some
/// value on the way has no counterpart in the fresh file (a key or an item of the team's).
fn counterparts<'v>(chain: &[Link<'_>], fresh: &'v Value) -> Option<Vec<&'v Value>> {
    let mut out = vec![fresh];
    for pair in chain.windows(2) {
        let (parent, link) = (&pair[0], &pair[1]);
        let f = *out.last().expect("starts with the root");
        let next = match (&parent.json.kind, link.index, link.key) {
            (Kind::Array(items), Some(i), _) => {
                let fresh_items = f.as_array()?;
                let pairs = align(items, fresh_items)?;
                let j = pairs.iter().position(|p| *p == Some(i))?;
                &fresh_items[j]
            }
            (Kind::Object(_), None, Some(key)) => f.get(key)?,
            _ => return None,
        };
        out.push(next);
    }
    Some(out)
}
