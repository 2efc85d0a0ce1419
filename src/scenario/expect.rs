//! A step's `expect` (SPEC §7) and how it is checked against what the bot did in that step:
//! each key is one or more atomic checks, and `not = { … }` passes where they fail.

use crate::interp::{ScheduledKind, Turn};

/// Every `expect` key; all optional.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Expect {
    pub branch: Option<String>,
    pub step: Option<usize>,
    pub when: Option<String>,
    pub action: Option<String>,
    pub ask: Option<String>,
    pub say: Option<String>,
    pub say_contains: Vec<String>,
    pub say_matches: Option<String>,
    pub buttons: Option<Vec<String>>,
    pub options: Option<Vec<String>>,
    pub slot: Vec<(String, String)>,
    pub handoff: Option<bool>,
    pub reason: Option<String>,
    pub notify: Option<Vec<String>>,
    /// The name of the person on duty the hand-off's notifications went to (the roster's
    /// line on duty at the virtual time).
    pub duty: Option<String>,
    pub tag: Option<String>,
    pub crm: Vec<(String, String)>,
    /// Local `YYYY-MM-DDTHH:MM:SS` of the reminders scheduled in the step.
    pub reminders: Option<Vec<String>>,
    /// Local `YYYY-MM-DDTHH:MM:SS` of what went out while the clock moved.
    pub sent: Option<Vec<String>>,
    pub no_reply: Option<bool>,
    /// Generated scenarios: some turn of the step asked this (`consent`, `phone`).
    pub asked: Option<String>,
    pub not: Option<Box<Expect>>,
}

/// One check that did not hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mismatch {
    /// The `expect` key (`not.ask` for a negated one).
    pub key: String,
    pub expected: String,
    pub got: String,
}

/// What a check looks at besides the turn: the dialogue's slots after it.
pub struct Seen<'a> {
    pub turn: &'a Turn,
    pub slots: &'a [(String, String)],
}

impl Expect {
    pub fn is_empty(&self) -> bool {
        *self == Expect::default()
    }

    /// The checks that did not hold.
    pub fn check(&self, seen: &Seen<'_>) -> Vec<Mismatch> {
        let mut out: Vec<Mismatch> = self
            .atoms(seen)
            .into_iter()
            .filter(|a| !a.holds)
            .map(|a| Mismatch {
                key: a.key,
                expected: a.expected,
                got: a.got,
            })
            .collect();
        if let Some(not) = &self.not {
            for a in not.atoms(seen).into_iter().filter(|a| a.holds) {
                out.push(Mismatch {
                    key: format!("not.{}", a.key),
                    expected: format!("not {}", a.expected),
                    got: a.got,
                });
            }
        }
        out
    }

    fn atoms(&self, seen: &Seen<'_>) -> Vec<Atom> {
        let t = seen.turn;
        let mut out = Vec::new();
        let opt = |o: &Option<String>| o.clone().unwrap_or_else(|| "—".into());
        let said = said(t);
        if let Some(b) = &self.branch {
            out.push(Atom::eq("branch", b, &opt(&t.branch)));
        }
        if let Some(s) = self.step {
            let got = t.step.map_or_else(|| "—".into(), |s| s.to_string());
            out.push(Atom::eq("step", &s.to_string(), &got));
        }
        if let Some(w) = &self.when {
            out.push(Atom::eq("when", w, &opt(&t.when)));
        }
        if let Some(a) = &self.action {
            out.push(Atom::new(
                "action",
                a,
                &t.actions.join(", "),
                t.actions.contains(a),
            ));
        }
        if let Some(a) = &self.ask {
            out.push(Atom::eq("ask", a, &opt(&t.ask)));
        }
        if let Some(s) = &self.say {
            let holds = t.says.iter().any(|x| x == s) || t.sent.iter().any(|x| &x.say == s);
            out.push(Atom::new("say", s, &said, holds));
        }
        for c in &self.say_contains {
            out.push(Atom::new(
                "say_contains",
                c,
                &said,
                said.contains(c.as_str()),
            ));
        }
        if let Some(r) = &self.say_matches {
            let holds = regex::Regex::new(r).is_ok_and(|re| re.is_match(&said));
            out.push(Atom::new("say_matches", r, &said, holds));
        }
        if let Some(b) = &self.buttons {
            out.push(Atom::eq("buttons", &list(b), &list(&t.buttons)));
        }
        if let Some(o) = &self.options {
            out.push(Atom::eq("options", &list(o), &list(&t.options)));
        }
        for (k, v) in &self.slot {
            let got = seen
                .slots
                .iter()
                .find(|(s, _)| s == k)
                .map(|(_, v)| v.clone());
            out.push(Atom::eq(
                &format!("slot.{k}"),
                v,
                &got.unwrap_or_else(|| "—".into()),
            ));
        }
        if let Some(h) = self.handoff {
            let got = t.handoff.is_some();
            out.push(Atom::new(
                "handoff",
                &h.to_string(),
                &got.to_string(),
                got == h,
            ));
        }
        if let Some(r) = &self.reason {
            out.push(Atom::eq("reason", r, &opt(&t.handoff)));
        }
        if let Some(n) = &self.notify {
            let mut want = n.clone();
            want.sort();
            let mut got: Vec<String> = t.notify.iter().map(|n| n.channel.clone()).collect();
            got.sort();
            out.push(Atom::eq("notify", &list(&want), &list(&got)));
        }
        if let Some(d) = &self.duty {
            let mut got: Vec<String> = t.notify.iter().map(|n| n.to.clone()).collect();
            got.dedup();
            out.push(Atom::eq("duty", d, &got.join(", ")));
        }
        if let Some(tag) = &self.tag {
            let task_tags = t
                .crm_calls
                .iter()
                .flat_map(|c| c.fields.iter())
                .filter(|(k, _)| k == "TAGS")
                .flat_map(|(_, v)| v.split(','))
                .map(str::to_owned);
            let all: Vec<String> = t.tags.iter().cloned().chain(task_tags).collect();
            out.push(Atom::new("tag", tag, &list(&all), all.contains(tag)));
        }
        let fields = t.crm_fields();
        for (k, v) in &self.crm {
            let got = fields.iter().find(|(f, _)| f == k).map(|(_, v)| v.clone());
            out.push(Atom::eq(
                &format!("crm.{k}"),
                v,
                &got.unwrap_or_else(|| "—".into()),
            ));
        }
        if let Some(r) = &self.reminders {
            let got: Vec<String> = t
                .scheduled
                .iter()
                .filter(|s| matches!(s.kind, ScheduledKind::Reminder(_)) && s.skipped.is_none())
                .map(|s| s.at.format("%Y-%m-%dT%H:%M:%S").to_string())
                .collect();
            out.push(Atom::eq("reminders", &list(r), &list(&got)));
        }
        if let Some(s) = &self.sent {
            let got: Vec<String> = t
                .sent
                .iter()
                .map(|s| s.at.format("%Y-%m-%dT%H:%M:%S").to_string())
                .collect();
            out.push(Atom::eq("sent", &list(s), &list(&got)));
        }
        if let Some(a) = &self.asked {
            out.push(Atom::new("asked", a, &list(&t.asked), t.asked.contains(a)));
        }
        if let Some(n) = self.no_reply {
            let got = t.no_reply();
            out.push(Atom::new(
                "no_reply",
                &n.to_string(),
                &got.to_string(),
                got == n,
            ));
        }
        out
    }
}

struct Atom {
    key: String,
    expected: String,
    got: String,
    holds: bool,
}

impl Atom {
    fn new(key: &str, expected: &str, got: &str, holds: bool) -> Self {
        Self {
            key: key.to_owned(),
            expected: expected.to_owned(),
            got: got.to_owned(),
            holds,
        }
    }

    fn eq(key: &str, expected: &str, got: &str) -> Self {
        Self::new(key, expected, got, expected == got)
    }
}

/// Everything the client saw in a turn, one message a line.
pub fn said(t: &Turn) -> String {
    t.says
        .iter()
        .cloned()
        .chain(t.sent.iter().map(|s| s.say.clone()))
        .collect::<Vec<_>>()
        .join("\n")
}

fn list(l: &[String]) -> String {
    format!("[{}]", l.join(", "))
}
