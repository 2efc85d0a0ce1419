//! What `regl push` prints: the plan, or what an apply did, as lines to read or as one JSON
//! object — per part what is created (`+`), updated (`~` with each attribute's old and new
//! value), in conflict (`!`), unchanged and on the portal only; for the Open Lines, what they
//! cannot enforce and where it is enforced instead; and the requests it took.
//!
//! Only the masked webhook URL appears: the secret is in no line of either form.

use std::fmt::Write as _;

use serde_json::json;

use crate::bitrix24::apply::Applied;
use crate::bitrix24::client::Client;
use crate::bitrix24::enforcement::NotEnforced;
use crate::bitrix24::plan::{Action, Part, PartPlan, Plan};
use crate::i18n::{Lang, t};

use super::push::PORTAL_FILE;

pub struct Report<'a> {
    pub planned: &'a Plan,
    pub not_enforced: &'a [NotEnforced],
    pub client: &'a Client,
    pub lang: Lang,
}

impl Report<'_> {
    pub fn human(&self, applied: Option<&Applied>) -> String {
        let lang = self.lang;
        let mut s = String::new();
        let webhook = self.client.webhook().masked();
        let _ = writeln!(
            s,
            "{}",
            t!("portal: {webhook}", "портал: {webhook}").get(lang)
        );
        for part in &self.planned.parts {
            self.write_part(&mut s, part);
        }
        let usage = self.client.usage();
        let tail = if let Some(a) = applied {
            let (done, requests) = (a.done, usage.requests);
            let batches = usage.by_method.get("batch").copied().unwrap_or_default();
            t!(
                "applied {done} changes; {requests} requests in all, {batches} of them \
                     batches; read back and verified; ids written to `{PORTAL_FILE}`",
                "внесено изменений: {done}; всего запросов: {requests}, из них пакетных: \
                     {batches}; портал прочитан заново и проверен; идентификаторы записаны в \
                     `{PORTAL_FILE}`"
            )
        } else {
            let (n, c) = (self.planned.changes(), self.planned.conflicts());
            let reads = usage.requests;
            if n == 0 && c == 0 {
                t!(
                    "the portal is in step with business.toml (read in {reads} requests)",
                    "портал соответствует business.toml (прочитан за {reads} запросов)"
                )
            } else if n == 0 {
                t!(
                    "nothing to apply; {c} conflicts need a decision (read in {reads} \
                         requests)",
                    "применять нечего; {c} расхождений требуют решения (прочитан за \
                         {reads} запросов)"
                )
            } else {
                t!(
                    "{n} changes pending: `regl push --apply` makes them (read in {reads} \
                         requests)",
                    "ожидают изменений: {n}; их внесёт `regl push --apply` (прочитан за \
                         {reads} запросов)"
                )
            }
        };
        let _ = writeln!(s, "{}", tail.get(lang));
        if usage.rate_refusals > 0 {
            let (refusals, waited) = (usage.rate_refusals, usage.waited.as_secs_f64());
            let line = t!(
                "the portal refused {refusals} requests for its rate limit; regl waited \
                 {waited:.1} s in all and sent them again",
                "портал отклонил запросов из-за ограничения частоты: {refusals}; regl выждал \
                 всего {waited:.1} с и отправил их снова"
            );
            let _ = writeln!(s, "{}", line.get(lang));
        }
        s
    }

    fn write_part(&self, s: &mut String, part: &PartPlan) {
        let lang = self.lang;
        let _ = writeln!(s, "{}", part.part.as_str());
        for a in &part.actions {
            match a {
                Action::Create { id, summary } => {
                    let _ = writeln!(s, "  + {id}  {summary}");
                }
                Action::Update { id, changes } => {
                    let _ = writeln!(s, "  ~ {id}");
                    for c in changes {
                        let _ = writeln!(s, "      {}: {:?} → {:?}", c.attribute, c.old, c.new);
                    }
                }
                Action::Conflict { id, portal, wanted } => {
                    let line = t!(
                        "  ! {id}: the portal's field is `{portal}`, business.toml asks for \
                         `{wanted}`; Bitrix24 cannot change a field's type, so it is left as \
                         it is: give the field another `code` in business.toml, or delete the \
                         portal's field by hand",
                        "  ! {id}: на портале поле типа `{portal}`, а business.toml требует \
                         `{wanted}`; тип поля в Битрикс24 не меняется, поэтому поле оставлено \
                         как есть: задайте полю другой `code` в business.toml или удалите поле \
                         на портале вручную"
                    );
                    let _ = writeln!(s, "{}", line.get(lang));
                }
            }
        }
        for location in &part.without_bot {
            let line = t!(
                "  ? {location}: the line has no welcome bot yet; once the bot runtime has \
                 registered its bot on the portal, choose it in the line's settings and run \
                 `regl push --apply` again: it then makes the bot join every dialogue and hold \
                 it until it hands over",
                "  ? {location}: у линии ещё нет приветственного бота; когда среда выполнения \
                 бота зарегистрирует его на портале, выберите его в настройках линии и снова \
                 запустите `regl push --apply`: он подключит бота к каждому диалогу до его \
                 передачи человеку"
            );
            let _ = writeln!(s, "{}", line.get(lang));
        }
        if part.part == Part::Openlines && !self.not_enforced.is_empty() {
            let head = t!(
                "  not enforced by Open Lines, and where it is instead:",
                "  что открытые линии не обеспечивают и где это обеспечено:"
            );
            let _ = writeln!(s, "{}", head.get(lang));
            for gap in self.not_enforced {
                let _ = writeln!(s, "    - {} (`{}`)", gap.text.get(lang), gap.key);
            }
        }
        if !part.unchanged.is_empty() {
            let n = part.unchanged.len();
            let _ = writeln!(
                s,
                "{}",
                t!("  = {n} unchanged", "  = без изменений: {n}").get(lang)
            );
        }
        if !part.portal_only.is_empty() {
            let list = part.portal_only.join(", ");
            let line = t!(
                "  on the portal only (left as they are): {list}",
                "  только на портале (оставлены как есть): {list}"
            );
            let _ = writeln!(s, "{}", line.get(lang));
        }
    }

    pub fn json(&self, applied: Option<&Applied>) -> String {
        let usage = self.client.usage();
        let not_enforced: Vec<serde_json::Value> = self
            .not_enforced
            .iter()
            .map(|g| {
                json!({
                    "id": g.id,
                    "key": g.key,
                    "enforced_by": g.enforced_by,
                    "text": g.text.get(self.lang),
                })
            })
            .collect();
        let mut v = json!({
            "webhook": self.client.webhook().masked(),
            "changes": self.planned.changes(),
            "conflicts": self.planned.conflicts(),
            "parts": self.planned.parts,
            "not_enforced": not_enforced,
            "requests": usage.requests,
            "requests_by_method": usage.by_method,
            "rate_limit": {
                "refusals": usage.rate_refusals,
                "budget_refusals": usage.budget_refusals,
                "waited_ms": u64::try_from(usage.waited.as_millis()).unwrap_or(u64::MAX),
            },
        });
        if let Some(a) = applied {
            v["applied"] = json!({
                "done": a.done,
                "failed": a.failed.iter().map(|e| e.text().get(self.lang).to_owned()).collect::<Vec<_>>(),
                "remaining": a.remaining.changes(),
                "conflicts": a.remaining.conflicts(),
            });
        }
        let mut text = serde_json::to_string_pretty(&v).unwrap_or_default();
        text.push('\n');
        text
    }
}
