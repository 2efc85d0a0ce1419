//! The edits that bring one value of the file to the fresh export's value, keeping
//! everything of the team's that the finding is not about.
//!
//! A value the finding points at is replaced whole when it is a number, a string or a list
//! of them. Inside an object or a list of objects only what differs is touched: a missing
//! member or item is added where the fresh file has it, an identifier or number that
//! differs is set, and a text a person reads (see [`is_prose`]) is kept — it is the team's
//! wording unless a finding points at that very text.

use serde_json::{Map, Value};

use super::super::json::{Json, Kind, Member};
use super::align::align;
use super::compare::{is_prose, same};
use super::layout::Layout;
use super::{push_index, push_key};

/// One edit of the file's text, before it is tied to a file.
pub struct Edit {
    pub span: std::ops::Range<usize>,
    pub replacement: String,
    pub path: String,
    pub value: Value,
    pub value_offset: usize,
}

/// How much of a value may change.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// The finding is about this value: make it the fresh one (texts inside an object or
    /// list are still kept).
    Replace,
    /// A value inside the one the finding is about: set identifiers and numbers, keep texts.
    KeepTexts,
    /// The finding points at the brace of an object or list: something is missing in it.
    /// Add what is missing, change nothing that is there.
    AddMissing,
}

pub struct Mender<'a> {
    pub layout: &'a Layout<'a>,
    pub text: &'a str,
    pub edits: Vec<Edit>,
}

impl Mender<'_> {
    pub fn mend(&mut self, file: &Json, fresh: &Value, path: &str, mode: Mode) {
        if same(file, fresh) {
            return;
        }
        match (&file.kind, fresh) {
            (Kind::Object(members), Value::Object(f)) if !members.is_empty() => {
                if mode != Mode::AddMissing {
                    for m in members {
                        if let Some(fv) = f.get(&m.key) {
                            self.mend(&m.value, fv, &push_key(path, &m.key), Mode::KeepTexts);
                        }
                    }
                }
                self.add_members(file, members, f, path);
            }
            (Kind::Array(items), Value::Array(f))
                if !items.is_empty() && all_objects(items) && f.iter().all(Value::is_object) =>
            {
                if let Some(pairs) = align(items, f) {
                    if mode != Mode::AddMissing {
                        for (j, i) in pairs.iter().enumerate() {
                            if let Some(i) = *i {
                                self.mend(&items[i], &f[j], &push_index(path, i), Mode::KeepTexts);
                            }
                        }
                    }
                    self.add_items(file, items, f, &pairs, path);
                } else if mode == Mode::Replace || (mode == Mode::KeepTexts && !has_prose(file)) {
                    self.replace(file, fresh, path);
                }
            }
            _ => {
                let empty_same_kind = matches!(
                    (&file.kind, fresh),
                    (Kind::Object(m), Value::Object(_)) if m.is_empty()
                ) || matches!(
                    (&file.kind, fresh),
                    (Kind::Array(a), Value::Array(_)) if a.is_empty()
                );
                let ok = match mode {
                    Mode::Replace => true,
                    Mode::KeepTexts => !has_prose(file),
                    Mode::AddMissing => empty_same_kind,
                };
                if ok {
                    self.replace(file, fresh, path);
                }
            }
        }
    }

    fn replace(&mut self, file: &Json, fresh: &Value, path: &str) {
        let pretty = self.layout.pretty_for(&file.span);
        let base = self.layout.indent_at(file.span.start);
        self.edits.push(Edit {
            span: file.span.clone(),
            replacement: self.layout.value(fresh, base, pretty),
            path: path.to_owned(),
            value: fresh.clone(),
            value_offset: 0,
        });
    }

    /// The fresh members the object lacks, each after the member the fresh file has before
    /// it (or before the first one there is).
    fn add_members(
        &mut self,
        obj: &Json,
        members: &[Member],
        fresh: &Map<String, Value>,
        path: &str,
    ) {
        let pretty = self.text[obj.span.clone()].contains('\n');
        let indent = self.layout.indent_at(members[0].key_span.start);
        let mut prev: Option<usize> = None;
        let mut run: Vec<(&str, &Value)> = Vec::new();
        for (k, v) in fresh {
            match members.iter().position(|m| m.key == *k) {
                Some(at) => {
                    let before = members[at].key_span.start;
                    self.flush_members(
                        prev.map(|p| members[p].value.span.end),
                        before,
                        &run,
                        indent,
                        pretty,
                        path,
                    );
                    run.clear();
                    prev = Some(at);
                }
                None => run.push((k, v)),
            }
        }
        let first = members[0].key_span.start;
        self.flush_members(
            prev.map(|p| members[p].value.span.end),
            first,
            &run,
            indent,
            pretty,
            path,
        );
    }

    fn flush_members(
        &mut self,
        after: Option<usize>,
        before: usize,
        run: &[(&str, &Value)],
        indent: &str,
        pretty: bool,
        path: &str,
    ) {
        for (k, v) in run {
            let member = self.layout.member(k, v, indent, pretty);
            let key_len = member.len() - self.layout.value(v, indent, pretty).len();
            let sep = self.layout.between(indent, pretty);
            let (at, replacement, value_offset) = match after {
                Some(end) => (end, format!("{sep}{member}"), sep.len() + key_len),
                None => (before, format!("{member}{sep}"), key_len),
            };
            self.edits.push(Edit {
                span: at..at,
                replacement,
                path: push_key(path, k),
                value: (*v).clone(),
                value_offset,
            });
        }
    }

    /// The fresh items the list lacks, each after the item paired with the fresh one before
    /// it (or before the first item there is).
    fn add_items(
        &mut self,
        list: &Json,
        items: &[Json],
        fresh: &[Value],
        pairs: &[Option<usize>],
        path: &str,
    ) {
        let pretty = self.text[list.span.clone()].contains('\n');
        let indent = self.layout.indent_at(items[0].span.start);
        let mut prev: Option<usize> = None;
        let mut run: Vec<usize> = Vec::new();
        for (j, pair) in pairs.iter().enumerate() {
            match pair {
                Some(i) => {
                    self.flush_items(
                        prev.map(|p| items[p].span.end),
                        items[*i].span.start,
                        &run,
                        fresh,
                        indent,
                        pretty,
                        path,
                    );
                    run.clear();
                    prev = Some(*i);
                }
                None => run.push(j),
            }
        }
        let first = items[0].span.start;
        self.flush_items(
            prev.map(|p| items[p].span.end),
            first,
            &run,
            fresh,
            indent,
            pretty,
            path,
        );
    }

    #[allow(clippy::too_many_arguments)]
    fn flush_items(
        &mut self,
        after: Option<usize>,
        before: usize,
        run: &[usize],
        fresh: &[Value],
        indent: &str,
        pretty: bool,
        path: &str,
    ) {
        for &j in run {
            let value = self.layout.value(&fresh[j], indent, pretty);
            let sep = self.layout.between(indent, pretty);
            let (at, replacement, value_offset) = match after {
                Some(end) => (end, format!("{sep}{value}"), sep.len()),
                None => (before, format!("{value}{sep}"), 0),
            };
            self.edits.push(Edit {
                span: at..at,
                replacement,
                path: push_index(path, j),
                value: fresh[j].clone(),
                value_offset,
            });
        }
    }
}

fn all_objects(items: &[Json]) -> bool {
    items.iter().all(Json::is_object)
}

/// Some text in the value is one a person reads: the team's wording, not to be replaced
/// unless a finding points at it.
fn has_prose(v: &Json) -> bool {
    let mut strings = Vec::new();
    v.strings(None, &mut strings);
    strings
        .iter()
        .any(|(_, s)| s.as_str().is_some_and(is_prose))
}
