//! The closed vocabularies of `business.toml`. A misspelt value is a load error with a
//! did-you-mean.

use super::read::string_enum;

string_enum! {
    /// The kind of business; picks the preset and some legal duties (clinics: health data).
    pub enum Segment { Salon = "salon", Clinic = "clinic", Fitness = "fitness", Education = "education", Other = "other" }
}

string_enum! {
    /// The language of the documents and the bot texts.
    pub enum Lang { Ru = "ru", En = "en" }
}

string_enum! {
    /// A channel leads arrive through. `max` is MAX, the VK group's messenger, run by a
    /// Russian operator; `other` is a channel the owner names (`name = "…"`).
    pub enum ChannelKind {
        Whatsapp = "whatsapp", Telegram = "telegram", Instagram = "instagram", Vk = "vk",
        Max = "max", Website = "website", Phone = "phone", Sms = "sms", Email = "email",
        Other = "other",
    }
}

impl ChannelKind {
    /// `WhatsApp` and Instagram belong to Meta Platforms, whose status in Russia every
    /// document that names them has to state.
    pub fn is_meta(self) -> bool {
        matches!(self, ChannelKind::Whatsapp | ChannelKind::Instagram)
    }
}

string_enum! {
    /// How a person is called to an escalated dialogue.
    pub enum Notify { BitrixTask = "bitrix_task", Telegram = "telegram", Sms = "sms", Email = "email" }
}

string_enum! {
    /// The bot's five main conversation branches.
    pub enum Branch { Booking = "booking", Cancel = "cancel", Price = "price", Promo = "promo", Callback = "callback" }
}

string_enum! {
    /// What the bot asks for and writes to the CRM.
    pub enum Slot {
        Name = "name", Phone = "phone", Email = "email", Service = "service",
        PreferredTime = "preferred_time", Comment = "comment", Channel = "channel",
        Location = "location", Amount = "amount", ConsentVersion = "consent_version",
    }
}

string_enum! {
    /// What a processor does with client data; crm, ai and hosting record it first.
    pub enum ProcessorRole {
        Crm = "crm", Ai = "ai", Messenger = "messenger", Sms = "sms",
        Payments = "payments", Hosting = "hosting", Other = "other",
    }
}

string_enum! {
    /// On what footing a company holds client data: under the operator's instruction
    /// (ч. 3 ст. 6 152-FZ), or as an operator in its own right (a messenger the client uses).
    pub enum ProcessorBasis { Instruction = "instruction", Independent = "independent" }
}

string_enum! {
    /// What a client buys: one visit, a package of visits, or a period (a membership). A
    /// refused package or membership is refunded for what was not used.
    pub enum ServiceKind { Visit = "visit", Package = "package", Membership = "membership" }
}

string_enum! {
    /// The CRM behind the bot.
    pub enum CrmSystem { Bitrix24 = "bitrix24" }
}

string_enum! {
    /// Bitrix24 portal mode: with leads, or "simple" (requests become deals and contacts).
    pub enum CrmMode { Leads = "leads", Simple = "simple" }
}

string_enum! {
    /// Bitrix24 user-field types regl can create.
    pub enum FieldType {
        String = "string", Integer = "integer", Double = "double", Boolean = "boolean",
        Date = "date", Datetime = "datetime", Enumeration = "enumeration", Money = "money", Url = "url",
    }
}

string_enum! {
    /// A funnel stage's meaning in Bitrix24: in progress, success or failure.
    pub enum StageSemantics { InProgress = "", Success = "S", Failure = "F" }
}

string_enum! {
    /// When the bot asks for consent to personal-data processing.
    pub enum ConsentMoment {
        /// Before the first item of personal data is asked for.
        BeforeCollect = "before_collect",
        /// In the greeting, before anything else.
        FirstMessage = "first_message",
    }
}
