//! `[[lint.waive]]`: a code switched off on purpose, with a reason, optionally until a date.
//! A waiver in force silences its code; an expired one silences nothing and is L901; one
//! that silences nothing is L902 (the problem was fixed: the waiver should go).

use crate::diag::{Diagnostic, Severity, did_you_mean};
use crate::i18n::{Text, phrases, t};

use super::{Context, RULES};

/// Removes waived findings and adds L901/L902. `report_unused` is false when only some
/// rules ran (render's and export's config check), where "unused" can't be judged.
pub fn apply(cx: &Context<'_>, diags: Vec<Diagnostic>, report_unused: bool) -> Vec<Diagnostic> {
    let waivers = cx.business.lint.as_ref().map_or(&[][..], |l| &l.waive[..]);
    if waivers.is_empty() {
        return diags;
    }
    let in_force: Vec<bool> = waivers
        .iter()
        .map(|w| w.until.as_ref().is_none_or(|u| u.value >= cx.today))
        .collect();
    let mut used = vec![false; waivers.len()];
    let mut kept: Vec<Diagnostic> = diags
        .into_iter()
        .filter(|d| {
            let Some(code) = d.code else { return true };
            let mut silenced = false;
            for (i, w) in waivers.iter().enumerate() {
                if in_force[i] && w.code.as_str() == code {
                    used[i] = true;
                    silenced = true;
                }
            }
            !silenced
        })
        .collect();
    for (i, w) in waivers.iter().enumerate() {
        if !in_force[i] {
            let until = w.until.as_ref().expect("only dated waivers expire");
            let rule_on = RULES.iter().any(|r| r.code == w.code.as_str());
            kept.push(
                Diagnostic::finding(
                    "L901",
                    Severity::Warning,
                    t!(
                        "the waiver of {code} expired on {until}: {code} is reported again",
                        "срок исключения для {code} истёк {until}: о {code} снова сообщается",
                        code = w.code.value,
                        until = until.value,
                    ),
                )
                .at(
                    cx.file,
                    until.span.clone(),
                    t!("this date has passed", "эта дата прошла"),
                )
                .also(
                    cx.file,
                    w.code.span.clone(),
                    t!("waived code", "отключённый код"),
                )
                .hint(if rule_on {
                    t!(
                        "fix what the rule reports and delete the waiver, or move `until` with a new reason",
                        "исправьте то, о чём сообщает правило, и удалите исключение или перенесите `until`, указав новую причину"
                    )
                } else {
                    delete_it()
                }),
            );
        } else if report_unused && !used[i] {
            let code = w.code.as_str();
            let known = RULES.iter().any(|r| r.code == code);
            let (message, hint) = if known {
                (
                    t!(
                        "the waiver of {code} waives nothing: {code} does not fire",
                        "исключение для {code} ничего не скрывает: {code} не срабатывает"
                    ),
                    t!(
                        "the problem is gone: delete this `[[lint.waive]]` entry",
                        "проблемы больше нет: удалите эту запись `[[lint.waive]]`"
                    ),
                )
            } else {
                let near = did_you_mean(code, RULES.iter().map(|r| r.code));
                (
                    t!(
                        "the waiver names `{code}`, which is not a regl rule",
                        "исключение называет `{code}`, а такого правила в regl нет"
                    ),
                    near.map_or_else(
                        || {
                            t!(
                                "see `docs/rules.md` for the codes; {delete}",
                                "коды перечислены в `docs/rules.ru.md`; {delete}",
                                delete = delete_it(),
                            )
                        },
                        |n| {
                            phrases::did_you_mean(&format!("`{n}`")).join(
                                " ",
                                &t!(
                                    "`regl explain {n}` describes it",
                                    "Его описывает `regl explain {n}`"
                                ),
                            )
                        },
                    ),
                )
            };
            kept.push(
                Diagnostic::finding("L902", Severity::Warning, message)
                    .at(
                        cx.file,
                        w.code.span.clone(),
                        t!("matches no finding", "не скрывает ни одного замечания"),
                    )
                    .hint(hint),
            );
        }
    }
    kept
}

fn delete_it() -> Text {
    t!("delete this waiver", "удалите это исключение")
}
