//! The bot's built-in texts in Russian and English: what a careful salon or clinic
//! administrator would write, filled with the business's own names, prices and terms.
//!
//! Everything `business.toml` says is written in; only what the runtime learns in the
//! dialogue stays a placeholder (`{client_name}`, `{visit_time}`, … — see
//! [`crate::model::bot::PLACEHOLDERS`]). Reply buttons keep to WhatsApp's limits: at most
//! three, at most 20 characters each.

use crate::model::business::{Business, Location, Service};
use crate::model::enums::Lang;

use super::words;

/// The facts every text draws on, resolved once per location.
pub struct Texts<'a> {
    pub lang: Lang,
    pub b: &'a Business,
    pub loc: &'a Location,
    pub(super) bot: &'a str,
    pub(super) biz: &'a str,
    pub(super) phone: String,
    pub(super) hours: String,
    /// «за 12 часов»: the free-cancellation window after «за».
    pub(super) free: String,
    /// «меньше 12 часов».
    pub(super) free_gen: String,
    /// «в течение 24 часов».
    pub(super) confirm: String,
    /// How soon a person answers after a hand-off: «в рабочее время — в течение 3 минут,
    /// в остальное время — в течение 15 минут».
    pub(super) answer: String,
    /// «менее чем за 30 минут».
    pub(super) urgent: String,
    /// «меньше 30 минут».
    pub(super) urgent_gen: String,
    pub policy_url: String,
    pub consent_url: String,
    /// The business processes health data: no text asks for it or carries it.
    pub(super) special: bool,
    /// A keyword that hands a dialogue over may be health data: notifications don't quote it.
    pub(super) health_keywords: bool,
}

/// Picks the text of the business's language, typeset as a message: a legal name with
/// its own «» nests as «…„…“», straight quotes become the language's own, an address that
/// ends in «St.» before the sentence's full stop keeps one (the documents' typograph, see
/// [`crate::typograph::message`]).
///
/// The same text comes back for every location of a business (lint builds each one's
/// export), so each thread keeps what it typeset, up to [`TYPESET_KEPT`] texts.
pub(super) fn tr(lang: Lang, ru: String, en: String) -> String {
    thread_local! {
        static TYPESET: std::cell::RefCell<crate::workers::Kept<(Lang, String), String>> =
            std::cell::RefCell::default();
    }
    let text = match lang {
        Lang::Ru => ru,
        Lang::En => en,
    };
    TYPESET.with_borrow_mut(|kept| {
        let key = (lang, text);
        kept.get_or_make(&key, TYPESET_KEPT, || {
            crate::typograph::message(&key.1, lang)
        })
    })
}

/// How many typeset texts a thread keeps: a business's texts many times over, and a few
/// megabytes at most.
const TYPESET_KEPT: usize = 4096;

pub(super) fn buttons(lang: Lang, ru: &[&str], en: &[&str]) -> Vec<String> {
    let pick = match lang {
        Lang::Ru => ru,
        Lang::En => en,
    };
    pick.iter().map(|s| (*s).to_owned()).collect()
}

impl<'a> Texts<'a> {
    /// `policy_url` and `consent_url` come from `[pd]`, or else from the website.
    pub fn new(
        b: &'a Business,
        loc: &'a Location,
        policy_url: String,
        consent_url: String,
    ) -> Self {
        let lang = b.lang();
        Self {
            lang,
            b,
            loc,
            bot: b.bot.name.as_str(),
            biz: b.business.name.as_str(),
            phone: loc.phone.pretty(),
            hours: words::hours(lang, &loc.hours),
            free: words::duration(lang, b.cancellation.free_until.value),
            free_gen: words::duration_gen(lang, b.cancellation.free_until.value),
            confirm: words::duration_gen(lang, b.sla.booking_confirmation.value),
            answer: super::alerts::answer_within(b, loc),
            urgent: words::duration(lang, b.escalation.urgent_cancel_within.value),
            urgent_gen: words::duration_gen(lang, b.escalation.urgent_cancel_within.value),
            policy_url,
            consent_url,
            special: b.special_regime(),
            health_keywords: b.keywords_may_carry_health(),
        }
    }

    /// For a business that processes health data: what the bot says before its first
    /// question, so that a patient does not describe symptoms in a chat (which a bot, a CRM
    /// task and a messenger would then hold) and knows where urgent help is.
    pub fn health_notice(&self) -> Option<String> {
        let phone = &self.phone;
        self.special.then(|| {
            tr(
                self.lang,
                format!(
                    "Пожалуйста, не описывайте в чате симптомы и другие сведения о здоровье: их уточнит врач на приёме. Если помощь нужна срочно, позвоните нам: {phone}; при угрозе жизни — 103 или 112."
                ),
                format!(
                    "Please don't describe symptoms or other health matters in this chat: the doctor will ask about them at the appointment. If you need help urgently, call us at {phone}; if life is at risk, call 103 or 112."
                ),
            )
        })
    }

    /// `text` followed by the health notice, when there is one.
    fn with_health_notice(&self, text: String) -> String {
        match self.health_notice() {
            Some(notice) => format!("{text} {notice}"),
            None => text,
        }
    }

    /// «При угрозе жизни звоните 103 или 112», after a hand-off in a business that
    /// processes health data.
    pub(super) fn with_emergency(&self, text: String) -> String {
        if !self.special || text.contains("112") {
            return text;
        }
        let emergency = tr(
            self.lang,
            "При угрозе жизни звоните 103 или 112.".to_owned(),
            "If life is at risk, call 103 or 112.".to_owned(),
        );
        format!("{text} {emergency}")
    }

    pub(super) fn override_or(
        text: Option<&crate::model::read::Sp<String>>,
        built_in: String,
    ) -> String {
        text.map(|t| t.value.trim().to_owned())
            .filter(|t| !t.is_empty())
            .unwrap_or(built_in)
    }

    pub fn greeting(&self) -> String {
        let (bot, biz, city) = (self.bot, self.biz, self.loc.city.as_str());
        let built_in = tr(
            self.lang,
            format!(
                "Здравствуйте! Это {biz}, {city}. Я {bot}, виртуальный помощник: помогу записаться, перенести или отменить визит, подскажу цены и расскажу об акциях. Чем могу помочь?"
            ),
            format!(
                "Hello! This is {biz}, {city}. I'm {bot}, the virtual assistant: I can book, move or cancel a visit, tell you our prices and current offers. How can I help?"
            ),
        );
        let texts = self.b.bot.texts.as_ref();
        // The notice follows the team's own greeting too: it is the regime, not a wording.
        self.with_health_notice(Self::override_or(
            texts.and_then(|t| t.greeting.as_ref()),
            built_in,
        ))
    }

    pub fn greeting_buttons(&self) -> Vec<String> {
        buttons(
            self.lang,
            &["Записаться", "Узнать цены", "Отменить запись"],
            &["Book a visit", "Prices", "Cancel a booking"],
        )
    }

    pub fn after_hours(&self) -> String {
        let hours = &self.hours;
        if self.loc.night_mode() {
            tr(
                self.lang,
                "Сейчас филиал закрыт, но я на связи: запишу вас и отвечу на вопросы, а срочное передам дежурному администратору.".to_owned(),
                "We're closed right now, but I'm here: I can book you in and answer questions, and I'll pass anything urgent to the administrator on duty.".to_owned(),
            )
        } else {
            tr(
                self.lang,
                format!(
                    "Сейчас мы закрыты. Оставьте сообщение — администратор ответит в рабочее время: {hours}."
                ),
                format!(
                    "We're closed right now. Leave a message and our administrator will answer during working hours: {hours}."
                ),
            )
        }
    }

    /// The consent request for the slots in `before`. Where booking rests on the contract
    /// (nothing is asked under consent), it is the separate, optional consent to what does
    /// rest on it, a quality survey or offers, asked once the booking is taken: refusing it
    /// refuses the client nothing they came for (п. 4 ст. 16 of the consumer protection law).
    pub fn consent(&self, before: &[String]) -> String {
        let lang = self.lang;
        let legal = self.b.business.legal_name.as_str();
        let (policy, consent) = (&self.policy_url, &self.consent_url);
        let mut text = if before.is_empty() && self.b.booking_on_contract() {
            let purposes: Vec<&str> = self.b.consent_purposes().map(|p| p.name.as_str()).collect();
            let purposes = words::list(
                lang,
                &purposes.iter().map(|p| (*p).to_owned()).collect::<Vec<_>>(),
            );
            tr(
                lang,
                format!(
                    "Ещё один вопрос, по желанию. Можно ли {legal} обрабатывать ваши данные также для другой цели — {purposes}? Это отдельное согласие: {consent}. На запись отказ не влияет: для неё данные обрабатываются по договору, как описано в Политике обработки персональных данных: {policy}. Согласие можно отозвать в любой момент — достаточно написать нам."
                ),
                format!(
                    "One more question, entirely optional. May {legal} also process your data for another purpose: {purposes}? This is a separate consent: {consent}. Saying no does not affect your booking: for that, your data are processed under the contract, as our Personal Data Policy explains: {policy}. You can withdraw consent at any time: just write to us."
                ),
            )
        } else {
            let data: Vec<String> = before.iter().map(|s| words::slot_noun(lang, s)).collect();
            let data = words::list(lang, &data);
            let purposes: Vec<&str> = self.b.pd.purposes.iter().map(|p| p.name.as_str()).collect();
            let purposes = purposes.join("; ");
            tr(
                lang,
                format!(
                    "Прежде чем продолжить, попрошу ваше согласие на обработку персональных данных. Мне понадобятся: {data}. Оператор персональных данных — {legal}. Цели обработки: {purposes}. Пожалуйста, ознакомьтесь с согласием на обработку персональных данных: {consent} и Политикой обработки персональных данных: {policy}. Согласие можно отозвать в любой момент — достаточно написать нам."
                ),
                format!(
                    "Before we go on, I need your consent to process your personal data. I'll need {data}. The controller of your personal data is {legal}. Purposes: {purposes}. Please read the consent to personal data processing: {consent} and our Personal Data Policy: {policy}. You can withdraw consent at any time: just write to us."
                ),
            )
        };
        if let Some(notice) = self.health_notice() {
            text.push(' ');
            text.push_str(&notice);
        }
        if !self.b.booking_on_contract() {
            text.push(' ');
            text.push_str(&tr(
                lang,
                "Нажмите «Даю согласие», чтобы продолжить.".to_owned(),
                "Tap “I agree” to continue.".to_owned(),
            ));
        }
        text
    }

    pub fn consent_buttons(&self) -> Vec<String> {
        buttons(
            self.lang,
            &["Даю согласие", "Отказаться"],
            &["I agree", "No, thanks"],
        )
    }

    pub fn consent_declined(&self) -> String {
        let phone = &self.phone;
        if self.b.booking_on_contract() {
            return tr(
                self.lang,
                "Хорошо, для этой цели ваши данные использоваться не будут. Запись это не меняет."
                    .to_owned(),
                "Fine: your data won't be used for that. Your booking stays as it is.".to_owned(),
            );
        }
        tr(
            self.lang,
            format!(
                "Понимаю. Без согласия я не могу сохранить ваши данные, поэтому записать онлайн не получится. Записаться можно по телефону {phone} — администратор с радостью поможет."
            ),
            format!(
                "Understood. Without your consent I can't store your details, so I can't book you online. You can book by phone at {phone}: our administrator will be glad to help."
            ),
        )
    }

    /// What the bot says before it asks for a booking's data where the booking rests on the
    /// contract: which data, why, and where the policy is (ч. 2 ст. 18.1 152-FZ).
    pub fn booking_notice(&self) -> String {
        let policy = &self.policy_url;
        tr(
            self.lang,
            format!(
                "Для записи мне понадобятся ваше имя и телефон: они нужны, чтобы записать вас и напомнить о визите. Как мы обрабатываем данные — в Политике: {policy}."
            ),
            format!(
                "To book you in I'll need your name and phone: we use them to make the booking and remind you of it. How we handle data: {policy}."
            ),
        )
    }

    /// The question that fills `slot`; `None` for slots the runtime knows without asking.
    pub fn ask(&self, slot: &str) -> Option<String> {
        let hours = &self.hours;
        Some(match slot {
            "name" => tr(self.lang, "Как к вам обращаться?".into(), "How may I address you?".into()),
            "phone" => tr(
                self.lang,
                "Оставьте, пожалуйста, номер телефона: по нему администратор свяжется с вами, если понадобится что-то уточнить.".into(),
                "Please leave your phone number so our administrator can reach you if anything needs clarifying.".into(),
            ),
            "email" => tr(
                self.lang,
                "Укажите, пожалуйста, адрес электронной почты.".into(),
                "Please give your e-mail address.".into(),
            ),
            "service" => tr(
                self.lang,
                "Какая услуга вас интересует? Выберите из списка или напишите своими словами.".into(),
                "Which service are you interested in? Pick one from the list or describe it in your own words.".into(),
            ),
            "preferred_time" => tr(
                self.lang,
                format!("Когда вам удобно прийти? Напишите день и время, например «завтра в 14:00», «в субботу в 12:00» или «15.03 14:30». Мы работаем: {hours}."),
                format!("When would you like to come? Write a day and time, e.g. “tomorrow at 14:00”, “on Saturday at 12:00” or “15.03 14:30”. Our hours: {hours}."),
            ),
            "comment" => tr(
                self.lang,
                "Есть ли у вас пожелания к визиту? Если нет, просто напишите «нет».".into(),
                "Any wishes for the visit? If not, just write “no”.".into(),
            ),
            _ => return None,
        })
    }

    pub fn ask_phone_for_booking(&self) -> String {
        tr(
            self.lang,
            "Подскажите, пожалуйста, номер телефона, на который оформлена запись.".into(),
            "Please tell me the phone number the booking was made with.".into(),
        )
    }

    pub fn ask_phone_for_callback(&self) -> String {
        tr(
            self.lang,
            "Оставьте, пожалуйста, номер, на который перезвонить.".into(),
            "Please leave the number we should call.".into(),
        )
    }

    pub fn ask_callback_time(&self) -> String {
        let hours = &self.hours;
        tr(
            self.lang,
            format!("В какое время вам удобно принять звонок? Мы звоним в часы работы: {hours}."),
            format!("What time suits you for the call? We call during working hours: {hours}."),
        )
    }

    pub fn booking_intro(&self) -> String {
        let (city, address) = (self.loc.city.as_str(), self.loc.address.as_str());
        tr(
            self.lang,
            format!("С удовольствием запишу вас. Ждём вас по адресу: {city}, {address}."),
            format!("Happy to book you in. We're at {address}, {city}."),
        )
    }

    pub fn booking_done(&self) -> String {
        let (address, confirm, free) = (self.loc.address.as_str(), &self.confirm, &self.free);
        tr(
            self.lang,
            format!(
                "Спасибо, {{client_name}}! Записываю вас на «{{service}}» — {{visit_date}} в {{visit_time}}, {address}. Администратор подтвердит запись в течение {confirm}. Бесплатно отменить или перенести визит можно не позднее чем за {free} до начала."
            ),
            format!(
                "Thank you, {{client_name}}! Booking you for “{{service}}” on {{visit_date}} at {{visit_time}}, {address}. Our administrator will confirm within {confirm}. You can cancel or reschedule free of charge up to {free} before the visit."
            ),
        )
    }

    pub fn upsell_prompt(&self) -> String {
        tr(
            self.lang,
            "Хотите добавить к визиту ещё одну услугу? Так удобнее: всё за один приход.".into(),
            "Would you like to add another service to your visit? It saves you a trip.".into(),
        )
    }

    pub fn yes_no_buttons(&self) -> Vec<String> {
        buttons(self.lang, &["Да", "Нет, спасибо"], &["Yes", "No, thanks"])
    }

    /// The offer of `extras` on top of `service`.
    pub fn upsell_offer(&self, service: &Service, extras: &[&Service]) -> String {
        let lang = self.lang;
        let name = service.name.as_str();
        let items: Vec<String> = extras
            .iter()
            .map(|s| match lang {
                Lang::Ru => format!(
                    "«{}» ({})",
                    s.name.as_str(),
                    words::price_from(lang, s.price_from.0)
                ),
                Lang::En => format!(
                    "“{}” ({})",
                    s.name.as_str(),
                    words::price_from(lang, s.price_from.0)
                ),
            })
            .collect();
        let items = words::list(lang, &items);
        if extras.len() == 1 {
            tr(
                lang,
                format!("К услуге «{name}» часто добавляют услугу {items}. Добавить к визиту?"),
                format!("Clients often add {items} to “{name}”. Shall I add it to your visit?"),
            )
        } else {
            tr(
                lang,
                format!(
                    "К услуге «{name}» часто добавляют услуги {items}. Добавить что-нибудь к визиту?"
                ),
                format!(
                    "Clients often add {items} to “{name}”. Shall I add something to your visit?"
                ),
            )
        }
    }

    pub fn upsell_buttons(&self) -> Vec<String> {
        buttons(
            self.lang,
            &["Добавить", "Нет, спасибо"],
            &["Add it", "No, thanks"],
        )
    }

    pub fn cancel_intro(&self) -> String {
        tr(
            self.lang,
            "Жаль, что планы изменились. Помогу перенести или отменить визит.".into(),
            "Sorry your plans have changed. I'll help you move or cancel the visit.".into(),
        )
    }

    pub fn cancel_choice(&self) -> String {
        tr(
            self.lang,
            "Вы записаны на «{service}» — {visit_date} в {visit_time}. Перенести визит или отменить?".into(),
            "You're booked for “{service}” on {visit_date} at {visit_time}. Shall we move the visit or cancel it?".into(),
        )
    }

    pub fn cancel_buttons(&self) -> Vec<String> {
        buttons(
            self.lang,
            &["Перенести", "Отменить визит"],
            &["Move it", "Cancel the visit"],
        )
    }

    pub fn reschedule(&self) -> String {
        let n = *self.b.cancellation.reschedule_max;
        let hours = &self.hours;
        let limit = match (self.lang, n) {
            (Lang::Ru, 1) => "Перенести запись можно один раз.".to_owned(),
            (Lang::Ru, n) => format!("Перенести запись можно до {n} раз."),
            (Lang::En, 1) => "A booking can be moved once.".to_owned(),
            (Lang::En, n) => format!("A booking can be moved up to {n} times."),
        };
        tr(
            self.lang,
            format!("На какой день и время перенести визит? Мы работаем: {hours}. {limit}"),
            format!("Which day and time would suit you instead? Our hours: {hours}. {limit}"),
        )
    }

    pub fn reschedule_by_person(&self) -> String {
        let esc = &self.answer;
        tr(
            self.lang,
            format!(
                "Перенос записи согласует администратор — передаю ему ваш запрос, он свяжется с вами {esc}."
            ),
            format!(
                "Our administrator arranges moving a booking: I'm passing your request on, and they will contact you {esc}."
            ),
        )
    }

    pub fn cancelled(&self) -> String {
        tr(
            self.lang,
            "Запись отменена. Будем рады видеть вас снова — напишите, когда захотите записаться.".into(),
            "Your booking is cancelled. We'll be glad to see you another time: just write when you'd like to book.".into(),
        )
    }

    pub fn late_cancel(&self) -> String {
        let free = &self.free_gen;
        tr(
            self.lang,
            format!(
                "До визита осталось меньше {free}, но отменить запись можно и сейчас. Если вы вносили предоплату, мы вернём её за вычетом фактических расходов на подготовку к визиту, если они были. Отменяю запись."
            ),
            format!(
                "Your visit is less than {free} away, but you can still cancel. If you paid in advance, we'll refund it less any actual costs of preparing for your visit. Cancelling the booking now."
            ),
        )
    }

    pub fn urgent_cancel(&self) -> String {
        let (urgent, esc) = (&self.urgent_gen, &self.answer);
        tr(
            self.lang,
            format!(
                "До визита меньше {urgent} — передаю ваш запрос администратору, он свяжется с вами {esc}."
            ),
            format!(
                "Your visit is less than {urgent} away, so I'm passing your request to our administrator, who will contact you {esc}."
            ),
        )
    }

    /// The price list, with prepayment terms where a service asks for one.
    pub fn price_list(&self) -> String {
        let lang = self.lang;
        let mut lines = vec![tr(lang, "Наши цены:".into(), "Our prices:".into())];
        for s in &self.b.services {
            lines.push(format!(
                "• {} — {}",
                s.name.as_str(),
                words::price_from(lang, s.price_from.0)
            ));
        }
        let mut text = lines.join("\n");
        text.push_str("\n\n");
        text.push_str(&tr(
            lang,
            "Точную стоимость администратор назовёт до начала услуги.".into(),
            "The administrator will confirm the exact price before the service begins.".into(),
        ));
        for s in self
            .b
            .services
            .iter()
            .filter(|s| s.prepayment_percent.as_ref().is_some_and(|p| p.0 > 0))
        {
            let p = words::percent(lang, s.prepayment_percent.as_ref().map_or(0, |p| p.0));
            let name = s.name.as_str();
            text.push(' ');
            text.push_str(&tr(
                lang,
                format!("Для услуги «{name}» нужна предоплата {p}; если вы отмените запись, мы вернём её за вычетом фактических расходов."),
                format!("“{name}” needs a {p} prepayment; if you cancel, we refund it less any actual costs."),
            ));
        }
        text
    }

    pub fn offer_booking(&self) -> String {
        tr(
            self.lang,
            "Записать вас на одну из услуг?".into(),
            "Shall I book you for one of them?".into(),
        )
    }

    pub fn booking_buttons(&self) -> Vec<String> {
        buttons(
            self.lang,
            &["Записаться", "Нет, спасибо"],
            &["Book", "No, thanks"],
        )
    }

    pub fn agreed(&self) -> String {
        tr(self.lang, "Отлично!".into(), "Great!".into())
    }

    pub fn promo(&self) -> String {
        let site = self.b.business.website.as_ref().map(|w| w.0.clone());
        let first = match (&site, self.lang) {
            (Some(w), Lang::Ru) => {
                format!("Актуальные акции и специальные предложения мы публикуем на сайте: {w}.")
            }
            (Some(w), Lang::En) => format!("We publish our current offers on our website: {w}."),
            (None, Lang::Ru) => {
                "Об актуальных акциях лучше всего расскажет администратор.".to_owned()
            }
            (None, Lang::En) => "Our administrator knows the current offers best.".to_owned(),
        };
        let rest = tr(
            self.lang,
            "Хотите, администратор подберёт предложение для вас и свяжется с вами? Рекламных рассылок без вашего отдельного согласия мы не присылаем.".into(),
            "Would you like our administrator to pick an offer for you and get in touch? We never send advertising without your separate consent.".into(),
        );
        // Advertising a medical service carries the warning the advertising law asks for.
        let warning = if *self.b.business.segment == crate::model::enums::Segment::Clinic {
            tr(
                self.lang,
                " Имеются противопоказания. Необходима консультация специалиста.".into(),
                " There are contraindications. A specialist's consultation is required.".into(),
            )
        } else {
            String::new()
        };
        format!("{first} {rest}{warning}")
    }

    pub fn promo_buttons(&self) -> Vec<String> {
        buttons(
            self.lang,
            &["Да, свяжитесь", "Нет, спасибо"],
            &["Yes, contact me", "No, thanks"],
        )
    }

    pub fn promo_done(&self) -> String {
        let hours = &self.hours;
        tr(
            self.lang,
            format!(
                "Спасибо, {{client_name}}! Администратор свяжется с вами в рабочее время: {hours}."
            ),
            format!(
                "Thank you, {{client_name}}! Our administrator will contact you during working hours: {hours}."
            ),
        )
    }

    pub fn callback_intro(&self) -> String {
        tr(
            self.lang,
            "Конечно, администратор вам перезвонит.".into(),
            "Of course, our administrator will call you back.".into(),
        )
    }

    pub fn callback_done(&self) -> String {
        tr(
            self.lang,
            "Спасибо, {client_name}! Администратор перезвонит в выбранное время.".into(),
            "Thank you, {client_name}! Our administrator will call you at the time you chose."
                .into(),
        )
    }

    pub fn branch_title(&self, id: &str) -> String {
        let (ru, en) = match id {
            "booking" => ("Запись", "Booking"),
            "cancel" => ("Отмена и перенос", "Cancellation and rescheduling"),
            "price" => ("Вопросы по цене", "Prices"),
            "promo" => ("Акции", "Offers"),
            "callback" => ("Обратный звонок", "Callback"),
            other => (other, other),
        };
        tr(self.lang, ru.to_owned(), en.to_owned())
    }

    pub fn triggers(&self, id: &str) -> Vec<String> {
        let (ru, en): (&[&str], &[&str]) = match id {
            "booking" => (
                &[
                    "записаться",
                    "хочу записаться",
                    "есть свободное время?",
                    "запишите меня",
                ],
                &[
                    "book",
                    "I'd like to book",
                    "any free slots?",
                    "make an appointment",
                ],
            ),
            "cancel" => (
                &[
                    "отменить запись",
                    "не смогу прийти",
                    "перенести запись",
                    "хочу перенести",
                ],
                &[
                    "cancel my booking",
                    "I can't come",
                    "reschedule",
                    "move my appointment",
                ],
            ),
            "price" => (
                &["сколько стоит", "цена", "прайс", "стоимость"],
                &["how much", "price", "price list", "cost"],
            ),
            "promo" => (
                &["акции", "скидки", "есть ли скидка", "спецпредложение"],
                &["offers", "discounts", "any discount?", "special offer"],
            ),
            "callback" => (
                &[
                    "перезвоните мне",
                    "позвоните мне",
                    "обратный звонок",
                    "можно по телефону?",
                ],
                &[
                    "call me back",
                    "please call me",
                    "callback",
                    "can we talk by phone?",
                ],
            ),
            _ => (&[], &[]),
        };
        buttons(self.lang, ru, en)
    }
}
