//! What the bot says when a person takes over, and what the person on duty is sent; and the
//! reminders and the after-visit survey. Apart from the dialogue's texts because the
//! special-category regime and the transfer rules shape them: no reminder names a
//! service of a business that processes health data, and no alert that leaves the CRM
//! carries the client's name, phone or words.

use super::texts::{Texts, buttons, tr};
use super::words;
use crate::model::audience::{ClientWords, OrderWords};
use crate::model::business::{Business, Location};

/// In working hours a hand-off is answered within `human_first_response`, outside them
/// within `escalation_response` (SPEC §3): the bot says both, so no document and no reply
/// disagree on how long a client waits.
pub(super) fn answer_within(b: &Business, loc: &Location) -> String {
    let lang = b.lang();
    let day = words::duration_gen(lang, b.sla.human_first_response.value);
    let night = words::duration_gen(lang, b.sla.escalation_response.value);
    if day == night {
        return tr(lang, format!("в течение {day}"), format!("within {day}"));
    }
    if loc.night_mode() {
        tr(
            lang,
            format!("в рабочее время — в течение {day}, в остальное время — в течение {night}"),
            format!("within {day} during working hours and within {night} at other times"),
        )
    } else {
        tr(
            lang,
            format!("в течение {day} в рабочее время"),
            format!("within {day} during working hours"),
        )
    }
}

impl Texts<'_> {
    pub fn fallback(&self) -> String {
        let (esc, phone) = (&self.answer, &self.phone);
        let built_in = tr(
            self.lang,
            format!(
                "Хочу ответить точно, поэтому передаю ваш вопрос администратору — он свяжется с вами {esc}. Если удобнее, позвоните нам: {phone}."
            ),
            format!(
                "I want to give you an exact answer, so I'm passing your question to our administrator, who will contact you {esc}. If you prefer, call us at {phone}."
            ),
        );
        let texts = self.b.bot.texts.as_ref();
        self.with_emergency(Self::override_or(
            texts.and_then(|t| t.fallback.as_ref()),
            built_in,
        ))
    }

    pub fn handoff(&self) -> String {
        let esc = &self.answer;
        self.with_emergency(tr(
            self.lang,
            format!(
                "Передаю диалог администратору: он ответит вам {esc}. Спасибо за терпение!"
            ),
            format!(
                "I'm passing our conversation to the administrator, who will answer {esc}. Thank you for your patience!"
            ),
        ))
    }

    /// Reason id → how it reads in a notification.
    pub fn reasons(&self) -> Vec<(String, String)> {
        let lang = self.lang;
        let e = &self.b.escalation;
        let turns = *e.max_bot_turns;
        let amount = words::money(lang, e.amount_over.0);
        let urgent = &self.urgent;
        let served = ClientWords::new(self.b);
        let order = OrderWords::new(self.b);
        let pairs = [
            (
                "keyword",
                // A keyword that may be a symptom is health data: the notice says that a
                // keyword matched, and the person on duty reads the dialogue in the CRM.
                if self.health_keywords {
                    tr(
                        lang,
                        format!(
                            "сообщение {} со словом из списка эскалации (текст не передаётся)",
                            served.genitive
                        ),
                        format!(
                            "a {} message with an escalation keyword (its text is not sent)",
                            served.nom
                        ),
                    )
                } else {
                    tr(
                        lang,
                        format!("{} написал «{{keyword}}»", served.cap),
                        format!("the {} wrote “{{keyword}}”", served.nom),
                    )
                },
            ),
            (
                "low_confidence",
                tr(
                    lang,
                    "ассистент не уверен в ответе".into(),
                    "the assistant is unsure of the answer".into(),
                ),
            ),
            (
                "max_bot_turns",
                tr(
                    lang,
                    format!(
                        "{turns} {} ассистента без результата",
                        crate::words::plural_ru(u64::from(turns), "ответ", "ответа", "ответов")
                    ),
                    format!("{turns} assistant turns without progress"),
                ),
            ),
            (
                "amount_over",
                tr(
                    lang,
                    format!("{} дороже {amount}", order.nom),
                    format!("a {} over {amount}", order.nom),
                ),
            ),
            (
                "urgent_cancel",
                tr(
                    lang,
                    format!("отмена менее чем за {urgent} до визита"),
                    format!("a cancellation less than {urgent} before the visit"),
                ),
            ),
            (
                "nps_detractor",
                tr(
                    lang,
                    "низкая оценка визита в опросе".into(),
                    "a low score in the after-visit survey".into(),
                ),
            ),
        ];
        pairs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()
    }

    /// Task title, task description, Telegram and SMS texts for the person on duty.
    ///
    /// Only the Bitrix24 task, kept in Russia with the client's card, names the client; the
    /// duty Telegram (abroad) and the SMS carry the reason and the link to the card, never
    /// the client's name, phone or words (152-FZ art. 12, ч. 5 ст. 18). No text copies the
    /// dialogue: it stays in the chat log, which is kept for `[pd].chat_retention` only.
    pub fn escalation_messages(&self) -> [String; 4] {
        let (city, esc) = (self.loc.city.as_str(), &self.answer);
        let served = ClientWords::new(self.b);
        [
            tr(
                self.lang,
                format!("Эскалация ({city}): {{reason}}"),
                format!("Escalation ({city}): {{reason}}"),
            ),
            tr(
                self.lang,
                format!(
                    "{cap}: {{client_name}}, {{client_phone}}. Причина: {{reason}}. Карточка и диалог: {{lead_url}}. Ответить {dat} {esc}.",
                    cap = served.cap,
                    dat = served.dat,
                ),
                format!(
                    "{cap}: {{client_name}}, {{client_phone}}. Reason: {{reason}}. Card and dialogue: {{lead_url}}. Answer the {dat} {esc}.",
                    cap = served.cap,
                    dat = served.dat,
                ),
            ),
            tr(
                self.lang,
                format!("Эскалация — {city}: {{reason}}. Карточка: {{lead_url}}"),
                format!("Escalation — {city}: {{reason}}. Card: {{lead_url}}"),
            ),
            tr(
                self.lang,
                format!("Эскалация {city}: {{reason}}. {{lead_url}}"),
                format!("Escalation {city}: {{reason}}. {{lead_url}}"),
            ),
        ]
    }

    /// The reminder sent `offset` before the visit. A business that processes health data
    /// names neither itself nor the service: that a person sees a doctor, and for what, is
    /// medical secrecy, and a reminder goes through a messenger or an SMS gateway.
    pub fn reminder(&self, offset: crate::model::Duration) -> (String, Vec<String>) {
        let (biz, address, free) = (self.biz, self.loc.address.as_str(), &self.free);
        let early = offset >= self.b.cancellation.free_until.value;
        let say = match (self.special, early) {
            (true, true) => tr(
                self.lang,
                format!(
                    "Здравствуйте, {{client_name}}! Напоминаем: вы записаны на приём {{visit_date}} в {{visit_time}}, {address}. Если планы изменились, отменить или перенести запись бесплатно можно не позднее чем за {free} до начала."
                ),
                format!(
                    "Hello, {{client_name}}! A reminder: your appointment is on {{visit_date}} at {{visit_time}}, {address}. If your plans have changed, you can cancel or reschedule free of charge up to {free} before it starts."
                ),
            ),
            (false, true) => tr(
                self.lang,
                format!(
                    "Здравствуйте, {{client_name}}! Напоминаем о записи на «{{service}}» {{visit_date}} в {{visit_time}}: {biz}, {address}. Если планы изменились, отменить или перенести визит бесплатно можно не позднее чем за {free} до начала."
                ),
                format!(
                    "Hello, {{client_name}}! A reminder of your booking for “{{service}}” on {{visit_date}} at {{visit_time}}: {biz}, {address}. If your plans have changed, you can cancel or reschedule free of charge up to {free} before the visit."
                ),
            ),
            (true, false) => {
                let before = words::duration(self.lang, offset);
                tr(
                    self.lang,
                    format!(
                        "{{client_name}}, ждём вас через {before} — в {{visit_time}}, {address}. Если не успеваете, напишите нам — подберём другое время."
                    ),
                    format!(
                        "{{client_name}}, we're expecting you in {before}, at {{visit_time}}, {address}. If you can't make it, write to us and we'll find another time."
                    ),
                )
            }
            (false, false) => {
                let before = words::duration(self.lang, offset);
                tr(
                    self.lang,
                    format!(
                        "{{client_name}}, ждём вас через {before} — в {{visit_time}}, на «{{service}}»: {address}. Если не успеваете, напишите нам — подберём другое время."
                    ),
                    format!(
                        "{{client_name}}, we're expecting you in {before}, at {{visit_time}}, for “{{service}}”: {address}. If you can't make it, write to us and we'll find another time."
                    ),
                )
            }
        };
        // Every reminder can cancel: the cancellation policy promises it of each one, and a
        // late cancellation is still the client's right (it is then handled as late).
        let buttons = if early {
            buttons(
                self.lang,
                &["Подтверждаю", "Перенести", "Отменить"],
                &["I'll be there", "Move it", "Cancel"],
            )
        } else {
            buttons(
                self.lang,
                &["Буду", "Перенести", "Отменить"],
                &["I'll be there", "Move it", "Cancel"],
            )
        };
        (say, buttons)
    }

    /// The NPS question and the three follow-ups: detractor, passive, promoter.
    pub fn nps(&self) -> [String; 4] {
        [
            tr(
                self.lang,
                "{client_name}, спасибо, что были у нас! Оцените, пожалуйста, по шкале от 0 до 10: насколько вероятно, что вы порекомендуете нас друзьям и знакомым?".into(),
                "{client_name}, thank you for visiting us! On a scale from 0 to 10, how likely are you to recommend us to friends and family?".into(),
            ),
            tr(
                self.lang,
                "Нам очень жаль, что визит не оправдал ваших ожиданий. Расскажите, пожалуйста, что пошло не так — мы свяжемся с вами в течение рабочего дня и во всём разберёмся.".into(),
                "We're very sorry the visit fell short of your expectations. Please tell us what went wrong: we'll contact you within a working day and put it right.".into(),
            ),
            tr(
                self.lang,
                "Спасибо за оценку! Подскажите, что нам улучшить, чтобы в следующий раз вы поставили 10?".into(),
                "Thank you! What could we do better so you'd give us a 10 next time?".into(),
            ),
            tr(
                self.lang,
                "Спасибо за высокую оценку! Будем рады видеть вас снова.".into(),
                "Thank you for the great score! We look forward to seeing you again.".into(),
            ),
        ]
    }
}
