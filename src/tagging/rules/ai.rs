//! AI rules: restrictions on using a service for AI, and training on the reader's data.
//!
//! - `ai_use_restriction`: the reader may not use the service, its content or its output to
//!   build, train, fine-tune, prompt, test, benchmark or validate AI or machine-learning
//!   systems (including reservations against text and data mining).
//! - `ai_training_on_user_data`: the provider uses (or may use) the reader's content, prompts,
//!   conversations or usage data, de-identified or aggregated too, to train or improve models.
//! - `no_ai_training`: the provider says it does not, or only with the reader's opt-in, or lets
//!   the reader switch it off.
//!
//! The same phrase ("use ... to train models") is a restriction when the reader is the one
//! forbidden, a risk when the provider affirms it about the reader's data, and a protection
//! when the provider denies it or hands the choice to the reader.
//!
//! Known limits: "improve our services" without a model, algorithm or AI word is not read as
//! training; a training practice described over two sentences ("We collect your prompts. They
//! help our models learn.") is missed by the second sentence unless it names the data.

use std::sync::LazyLock;

use crate::ascii_regex::AsciiRegex;

use super::{helper, pattern, Decisions, Found, Pattern};
use crate::categories::CategoryId;
use crate::tagging::scope;

macro_rules! ai_object {
    () => {
        concat!(
            r"(?:artificial[- ]intelligence|ai|a\.i\.|machine[- ]learning|ml|llms?",
            r"|large language models?|neural (?:networks?|nets?)|models?|algorithms?",
            r"|generative (?:ai|models?|systems?|tools?)|(?:ai|ml) (?:systems?|tools?|products?",
            r"|services?|technolog\w*|applications?|agents?)|assistants?|chatbots?|bots?",
            r"|classifiers?|(?:image|video|music|text|speech|voice|code)[- ]generat\w*",
            r"|(?:image |video |music |text )?generators?",
            r"|(?:translation|recognition|recommendation|transcription|inference) engines?",
            r"|(?:reinforcement|deep)[- ]learning(?: \w+)?|automated systems?",
            r"|(?:speech|voice|image|handwriting|face|facial|activity|object) recognition",
            r"(?: (?:models?|systems?|engines?))?|(?:driver[- ]assistance|autonomous[- ]driving",
            r"|self[- ]driving|autopilot)(?: systems?| models?| features?| software)?)\b",
        )
    };
}
macro_rules! training_verb {
    () => {
        concat!(
            r"(?:train\w*|re-?train\w*|fine[- ]?tun\w*|develop\w*|build\w*|creat\w*|improv\w*",
            r"|enhanc\w*|benchmark\w*|validat\w*|test\w*|evaluat\w*|prompt\w*|distill\w*",
            r"|teach\w*|feed(?:s|ing)?|power\w*|calibrat\w*|ground\w*|refin\w*|bootstrap\w*",
            r"|replicat\w*|augment\w*|(?:instruction|pre)[- ]?tun\w*|pre-?train\w*",
            r"|reinforcement learning|preference optimi[sz]\w*|rlhf|red[- ]team\w*)",
        )
    };
}

const USE_TO_TRAIN: Pattern = pattern!(
    "ai.use_to_train",
    trigger: [
        "train|fine|develop|build|creat|improv|enhanc|benchmark|validat|test|evaluat|prompt|distill|teach|feed|power|calibrat|ground|refin|bootstrap|replicat|augment|tun|reinforcement|optimi|rlhf|team",
        "=ai|=ml|llm|intelligence|learning|model|algorithm|neural|generat|a.i.|assistan|bot|classifier|engine|recogni|automated|driving|autopilot",
    ],
    r"\b(?:use|uses|using|used|access\w*|scrap\w*|crawl\w*|mine|mining|extract\w*|harvest\w*",
    r"|copy\w*|collect\w*|incorporat\w*|feed(?:s|ing)?|process\w*|analy[sz]\w*|leverag\w*|rely on",
    r"|relying on|includ\w*|upload\w*|submit\w*|input\w*|put|load\w*|shar\w*|provid\w*",
    r"|employ\w*|ingest\w*|reus\w*|exploit\w*|licens\w*|sold|sell\w*|available|quer\w*",
    r"|reproduc\w*)",
    r"\b[^.;]*?\b(?:to|for|in|into|as)\b[^.;]{0,50}?\b(?P<at>",
    training_verb!(),
    r")\b[^.;]{0,70}?\b",
    ai_object!(),
);
const TRAIN_AI: Pattern = pattern!(
    "ai.train_ai",
    trigger: [
        "train|fine|develop|build|creat|improv|benchmark|validat|distill",
        "=ai|=ml|llm|intelligence|learning|large language|generative|neural|foundation|language|competing",
    ],
    r"\b(?:train\w*|fine[- ]?tun\w*|develop\w*|build\w*|creat\w*|improv\w*|benchmark\w*",
    r"|validat\w*|distill\w*)\b[^.;]{0,40}?\b(?:artificial intelligence|ai|machine[- ]learning",
    r"|ml|llms?|large language|generative|neural|foundation|language|competing)",
    r" ?(?:models?|systems?|tools?|products?|technolog\w*|services?|applications?",
    r"|algorithms?)?\b",
);
const TRAIN_ON: Pattern = pattern!(
    "ai.train_on",
    trigger: [
        "train|fine|improv",
        "model|=ai|algorithm|system|llm",
    ],
    r"\b(?:train\w*|fine[- ]?tun\w*|improv\w*)\b[^.;]{0,40}?\b(?:models?|ai|algorithms?|systems?",
    r"|llms?)\b[^.;]{0,40}?\b(?:on|using|with|from|based on)\b",
);
const AI_THEN_TRAIN: Pattern = pattern!(
    "ai.ai_then_train",
    trigger: [
        "=ai|=ml|llm|intelligence|learning|model|algorithm|neural|generat|assistan|bot|classifier|engine|recogni|automated|driving|autopilot",
        "train|fine|teach",
    ],
    r"\b",
    ai_object!(),
    r"[^.;]*?\b(?:train\w*|fine[- ]?tun\w*|teach\w*)\b",
);
const MODELS_TRAINED_ON: Pattern = pattern!(
    "ai.models_trained_on",
    trigger: [
        "model|=ai|algorithm|system|llm",
        "trained|fine-tuned|improved|built|developed",
    ],
    r"\b(?:models?|ai|algorithms?|systems?|llms?)\b[^.;]{0,30}?\b(?:is|are|be|been|being|get)",
    r"\s+(?:\w+\s+){0,2}?(?P<at>trained|fine-tuned|improved|built|developed)\b[^.;]{0,20}?",
    r"\b(?:on|using|with|from)\b",
);
/// Data put into a model or a training set: "ingested into a foundation model", "ratings feed
/// the learning algorithm", "incorporated into our training datasets".
const FED_INTO: Pattern = pattern!(
    "ai.fed_into",
    trigger: [
        "ingest|=fed|feed|incorporat|load|includ",
        "model|=ai|=ml|llm|intelligence|algorithm|neural|training|learning|recogni|engine",
    ],
    r"\b(?:ingest\w*|fed|feeds?|feeding|incorporat\w*|load\w*|includ\w* in)\b(?: into)?",
    r"[^.;]{0,60}?\b(?:",
    ai_object!(),
    r"|training (?:data ?sets?|data|corpus|corpora|sets?|examples?))",
);
/// A dataset or corpus for AI: "generative artificial intelligence datasets", "corpora for
/// music-generation AI".
const AI_DATASET: Pattern = pattern!(
    "ai.dataset",
    trigger: [
        "dataset|data set|corpus|corpora",
        "=ai|=ml|llm|intelligence|learning|training|generat|model",
    ],
    r"\b(?:ai|artificial[- ]intelligence|machine[- ]learning|ml|llm|training|generative)\b",
    r"[^.;]{0,20}?\b(?:data ?sets?|corpus|corpora)\b|\b(?:data ?sets?|corpus|corpora)\b",
    r"[^.;]{0,10}?\bfor\b[^.;]{0,30}?\b",
    ai_object!(),
);
/// A model that learns from something: "our AI learns from your documents".
const LEARNS_FROM: Pattern = pattern!(
    "ai.learns_from",
    trigger: [
        "learn",
        "model|=ai|algorithm|system|assistant|=we ",
    ],
    r"\b(?:models?|ai|algorithms?|systems?|assistants?|we)\b[^.;]{0,30}?\b(?:learn\w*) from\b",
);
const DISTILL: Pattern = pattern!(
    "ai.distill",
    trigger: [
        "distil",
    ],
    r"\bdistil\w*",
);
const MODEL_TRAINING: Pattern = pattern!(
    "ai.model_training",
    trigger: [
        "model|training|improvement|development|fine-tun|fine tun|finetun",
        "model|=ai|=ml|learning|llm|algorithm|system|training purpose|neural",
    ],
    r"\b(?:improv\w*|train\w*) (?:the |our )?models? for everyone\b",
    r"|\b(?:model|ai|machine[- ]learning|ml|llm|algorithm) (?:training|improvement|development)\b",
    r"|\b(?:training|improvement|development|fine[- ]?tuning) of (?:our |the |its |their )?",
    r"(?:ai |ml |machine[- ]learning |language |generative )?(?:models?|ai|algorithms?",
    r"|systems?|llms?|neural networks?)\b|\btraining purposes\b",
);
const TRAINING_ON_DATA: Pattern = pattern!(
    "ai.training_on_data",
    trigger: [
        "train",
    ],
    r"\btrain(?:s|ed|ing)? on\b|\bused? (?:for|in) (?:\w+ )?training\b",
    r"|\bus(?:e|es|ed|ing) (?:[\w-]+ ){0,3}?(?:for|in) (?:model |ai |ml |machine[- ]learning )?",
    r"training(?: purposes)?(?:[.;,)]|$)",
);
const TRAINING_CONTROL: Pattern = pattern!(
    "ai.training_control",
    trigger: [
        "train|dataset|data set|corpus|corpora",
        "opt|turn|disabl|switch|exclud|object|do not train|default|requir",
    ],
    r"\b(?:opt(?:s|ed|ing)?[- ]?out of|turn(?:ing)? off|disabl\w*|switch\w* off|exclud\w*",
    r"(?: [\w-]+){0,3} from|object\w* to)(?: the| your| all| any)? (?:model |ai |use \w+ )?",
    r"training\b|\bdo not train on my\b",
    r"|\btraining\b[^.;]{0,40}?\b(?:is|are) (?:off|disabled|turned off|switched off)\b",
    r"|\bexclud\w* from (?:the |our )?(?:training )?(?:data ?sets?|corpus|corpora)\b",
    r"|\bobject\w* to (?:the )?(?:use|processing) of (?:[\w-]+ ){0,6}?(?:for|in) (?:model |ai )?",
    r"training\b",
    r"|\bopt(?:ing)?[- ]?in (?:is )?required\b[^.;]*?\btrain",
);
const HELPS_MODELS: Pattern = pattern!(
    "ai.helps_models",
    trigger: [
        "help|allow|enabl",
        "model|=ai|algorithm|engine|recognition|learning|intelligence",
    ],
    r"\b(?:helps?|allow\w*|enabl\w*) (?:us )?(?:to )?(?:train|improve|teach)\b[^.;]*?\b",
    ai_object!(),
    r"|\b(?:helps?|allow\w*|enabl\w*) (?:our |the )?(?:models?",
    r"|ai|algorithms?)\b",
);
const COMPETING_USE: Pattern = pattern!(
    "ai.competing",
    trigger: [
        "compet",
    ],
    r"\bcompet\w*",
);
const TRAINING_DATA_INCLUDES: Pattern = pattern!(
    "ai.training_data_includes",
    trigger: [
        "training",
        "includ|contain|consist|compris",
    ],
    r"\btraining (?:data|datasets?|corpus|corpora|materials?)\b[^.;]*?\b(?:includ\w*|contain\w*",
    r"|consist\w*|compris\w*)\b",
);
const PURPOSE_TRAINING: Pattern = pattern!(
    "ai.purpose_training",
    trigger: [
        "train|improv|develop|fine",
        "model|=ai|algorithm",
    ],
    r"(?:^\s*(?:\(?[a-z0-9]{1,3}[.)]\s*)?|[:;,]\s+|\b(?:for example|including|such as|e\.g\.),?",
    r"\s+)(?:to\s+)?(?P<at>train\w*|improv\w*|develop\w*|fine-tun\w*)",
    r"(?: and (?:improv\w*|train\w*|develop\w*))?(?: of)? (?:our|its|the|their) (?:ai ",
    r"|artificial intelligence |machine learning |language |generative )?(?:models?|ai",
    r"|algorithms?)\b",
);
const DATA_MINING: Pattern = pattern!(
    "ai.data_mining",
    trigger: [
        "mining|tdm",
    ],
    r"\btext and data mining\b|\b(?:data|text) mining\b|\btdm\b",
);

pub(super) const PATTERNS: &[Pattern] = &[
    USE_TO_TRAIN,
    TRAIN_AI,
    TRAIN_ON,
    AI_THEN_TRAIN,
    MODELS_TRAINED_ON,
    MODEL_TRAINING,
    DATA_MINING,
    DISTILL,
    LEARNS_FROM,
    FED_INTO,
    AI_DATASET,
    TRAINING_ON_DATA,
    TRAINING_CONTROL,
    HELPS_MODELS,
    PURPOSE_TRAINING,
    COMPETING_USE,
    TRAINING_DATA_INCLUDES,
];

/// The reader's own content or activity, as a provider would name it.
static READER_DATA: LazyLock<AsciiRegex> = LazyLock::new(|| {
    helper(concat!(
        r"\b(?:your|user|users'?|customer|member|people's|consumer|individuals')\s+(?:[\w-]+\s+){0,2}?",
        r"\b(?:content|data|information|inputs?|prompts?|outputs?|conversations?|chats?",
        r"|messages?|interactions?|feedback|queries|questions|files|uploads|usage|activity",
        r"|recordings?|voice|images?|photos?|posts?|documents?|code|responses|history|searches",
        r"|ratings?|repositor(?:y|ies)|projects?|workspaces?|spreadsheets?|e-?mails?",
        r"|transcripts?|submissions?)\b",
        r"|\b(?:inputs?|prompts?|conversations?|chats?|chat history|interactions|queries)\b",
        r"|\b(?:content|data|information|files|documents|materials|photos|images|videos",
        r"|recordings|messages|posts|code|text|ratings|answers|feedback|questions) (?:that ",
        r"|which )?you\b|\b(?:data|content|information) (?:from|of|about) (?:your|free|paid",
        r"|user|customer|consumer|personal|our users)",
        r"|\bwhat you (?:share|type|say|upload|write|ask)\b|\bpersonal (?:data|information)\b",
        r"|\b(?:content|data|information) (?:from|on|in) (?:our|the) (?:services?|products?",
        r"|platform)\b|\bconversations people\b|\byour use of\b|\b(?:consumer|customer|user) (?:information|data)\b",
        r"|\b(?:de-?identified|aggregated?|anonymi[sz]ed|pseudonymi[sz]ed) (?:data|information",
        r"|content|usage)\b|\b(?:usage|customer|business|enterprise|api) data\b",
    ))
});

/// Data a service only has because its users made, sent or caused it ("meeting recordings",
/// "uploaded code snippets", "telemetry from the vehicle"), named without a possessive. In a
/// provider's own terms such data comes from its users unless a public source is named.
static USER_SOURCED: LazyLock<AsciiRegex> = LazyLock::new(|| {
    helper(concat!(
        r"\b(?:recordings?|snippets?|uploads?|uploaded|submissions?|submitted|contributions?",
        r"|telemetry|translations?|annotations?|labels|drawings?|clips?|photos?|pictures?",
        r"|videos?|listings?|reviews?|messages?|posts|posted|comments?|edits|corrections?",
        r"|ratings?|likes|skips|keystrokes?|typing|dictat\w*|handwriting|sessions?|transcripts?",
        r"|conversations?|chats?|prompts?|inputs?|feedback|e-?mails?|notes|calls?|voice|audio",
        r"|(?:interaction|transaction|usage|service|customer|api|account|device|log|sensor",
        r"|camera|location|health|listening|viewing|browsing|search) (?:data|history|logs?)",
        r"|(?:app|product|service|feature|platform) usage",
        r"|logs)\b",
        r"|\b(?:data|information|content) (?:from|about|of|generated by|collected (?:from|by",
        r"|through)) (?:\w+ ){0,3}?(?:users?|customers?|members?|merchants?|you|sensors?",
        r"|devices?|vehicles?|cameras?|apps?)\b",
        r"|\byou (?:create|make|send|submit|upload|share|provide|post|enter|type|say|dictate",
        r"|record|request|give|store|write|ask)\b",
    ))
});

/// Whether `text` names the reader's data, with a possessive or as data only users produce.
fn names_reader_data(text: &str) -> bool {
    READER_DATA.is_match(text) || USER_SOURCED.is_match(text)
}

/// A prohibition or reservation that binds the reader (or anyone) rather than the provider.
static PROHIBITION: LazyLock<AsciiRegex> = LazyLock::new(|| {
    helper(concat!(
        r"\b(?:may not|must not|shall not|cannot|can't|will not|won't|do not|don't|not permitted",
        r"|not allowed|not authori[sz]ed|prohibit\w*|forbid\w*|restrict\w*|agree not|never",
        r"|not to|refrain|without (?:our |the |\w+'s )?(?:\w+ ){0,2}(?:consent|permission",
        r"|authori[sz]ation|approval|licen[cs]e)|reserve\w* (?:all |the |our )?(?:\w+ )?rights?",
        r"|expressly reserve|opt\w* out of (?:text and |data )*mining|except as (?:expressly )?",
        r"permitted|no (?:right|licen[cs]e)",
        r"|unauthori[sz]ed|misuse|violat\w*|infring\w*)\b",
    ))
});

/// A prohibition that binds the reader, anyone, or no one in particular ("is prohibited"),
/// as opposed to a promise the provider makes about itself.
static READER_BOUND: LazyLock<AsciiRegex> = LazyLock::new(|| {
    helper(concat!(
        r"\b(?:you|users?|customers?|licensees?|developers?|members?|anyone|no one|nobody",
        r"|clients?|partners?|resellers?|subscribers?|recipients?|(?:neither|either|each|no) party",
        r"|participants?|visitors?|players?",
        r"|third parties|any (?:person|user|party|third party))\b(?:\s+[\w']+){0,3}?\s+",
        r"(?:may not|must not|shall not|cannot|can't|will not|won't|agrees? not|(?:are|is) not",
        r" (?:permitted|allowed|authori[sz]ed)|(?:are|is) prohibited|do not|don't|should not",
        r"|not to)\b|\b(?:is|are|be) (?:\w+ )?(?:prohibited|not permitted|forbidden|not allowed",
        r"|not authori[sz]ed)\b|\bprohibited\b|\bmay not be used\b|\bagree not to\b",
        r"|\brefrain from\b|\bwithout (?:our |the |\w+'s )?(?:\w+ ){0,2}(?:consent|permission",
        r"|authori[sz]ation|approval)\b",
        r"|\b(?:may|must|shall|should) not be\b|\b(?:is|are|be) forbidden\b|\bis a breach\b",
        r"|\brequires? (?:a |an )?(?:separate |express |prior |written |commercial |additional ",
        r"|specific )*(?:\w+ )?licen[cs]e\b|\bnot licen[cs]ed for\b|\bexcludes? any right\b",
        r"|\b(?:is|are) reserved (?:to|for)\b|\b(?:we )?do not permit\b|\bprohibits?\b",
        r"|\bneither party (?:shall|may|will)\b|\breserves? (?:all |the )?rights?\b",
        r"|\bprovided that\b[^.;]{0,40}?\bnot\b|\bno (?:ai|model|machine",
        r"[- ]learning) training\b|\brights? reserved\b",
        r"|^[\s;:,*-]*(?:\(?[a-z0-9]{1,4}[.)]\s*)?(?:please )?(?:do not|don't|never)\b",
        r"|\brights\b[^.;]*?\b(?:are|is) (?:expressly )?reserved\b",
        r"|\b(?:only|solely)\b[^.;]{0,40}?\band not (?:to|for)\b",
    ))
});

/// A list item of prohibited uses, opening on the verb ("Using Output to ...", "(c) scrape,
/// mine or distil ...").
static LIST_ITEM: LazyLock<AsciiRegex> = LazyLock::new(|| {
    helper(concat!(
        r"^\s*(?:\(?[a-z0-9]{1,4}[.)]\s*)?(?:using|use|utili[sz]\w*|scrap\w*|distil\w*",
        r"|extract\w*|crawl\w*|harvest\w*|copy\w*|mine|mining|train\w*|develop\w*|build\w*)\b",
    ))
});

/// Building something that competes with the provider: always a rule for the reader.
static COMPETING: LazyLock<AsciiRegex> = LazyLock::new(|| {
    helper(concat!(
        r"\b(?:develop|build|creat|train|improv|fine-?tun|distil)\w*\b[^.;]*?\bcompet\w*",
        r"|\bcompeting (?:ai |artificial intelligence |machine learning )?(?:models?|products?",
        r"|services?)\b",
    ))
});

/// The reader's data is the thing not used ("your conversations will not be used"): a
/// promise of the provider, not a rule for the reader.
static READER_DATA_SPARED: LazyLock<AsciiRegex> = LazyLock::new(|| {
    helper(concat!(
        r"\b(?:your|customer|user|users'|business|enterprise)\b[^.;]{0,40}?\b(?:is|are|will|won't",
        r"|shall)\b[^.;]{0,12}?\b(?:not|never|n't)\b[^.;]{0,20}?\b(?:be )?(?:used|trained)",
    ))
});

/// The provider denying something about its own use of the reader's data.
static PROVIDER_DENIES: LazyLock<AsciiRegex> = LazyLock::new(|| {
    helper(concat!(
        r"\bneither (?:we|us)\b[^.;]{0,40}?\bnor\b[^.;]{0,40}?\b(?:use|train|share|sell)\w*",
        r"|\b(?:we|us|our company)\b[^.;]{0,40}?\b(?:do not|don't|will not|won't|never|does not",
        r"|doesn't|are not|aren't|cannot|can't|shall not)\b[^.;]{0,30}?\b(?:use|train|share",
        r"|access|sell|review|allow)\w*",
    ))
});

/// The provider's own processors bound by it ("our subprocessors are prohibited from using
/// Customer Content to train their models"): a promise to the reader, not a rule for them.
static PROCESSORS_BOUND: LazyLock<AsciiRegex> = LazyLock::new(|| {
    helper(concat!(
        r"\b(?:sub-?processors?|processors?|model providers?|service providers?|vendors?",
        r"|suppliers?|(?:our|its) (?:partners|providers))\b[^.;]{0,40}?\b(?:(?:are|is) (?:\w+ )?",
        r"(?:prohibited|not (?:allowed|permitted))|may not|must not|shall not|cannot)\b",
        r"|\bshall not be used by the (?:sub-?)?processor\b",
    ))
});

/// Whether the provider denies something about its own use of the reader's data; "we do not
/// permit crawlers to ..." forbids others instead.
fn provider_denies(text: &str) -> bool {
    PROVIDER_DENIES.find_iter(text).any(|found| {
        let forbids_others = ["not permit", "not allow", "n't permit", "n't allow", "never permit"]
            .iter()
            .any(|words| found.as_str().contains(words));
        !forbids_others
    })
}

/// Decides the AI categories of a clause.
///
/// A compound sentence can join two statements with opposite meanings ("we never train on
/// private projects, whereas public projects may be included", "Customer shall not train
/// competing models, and Provider may use usage logs to improve its own"). Each statement is
/// then decided alone, and the sentence carries what its statements carry. A restriction is
/// also read on the whole sentence, since one "you shall not:" can govern a list of uses
/// joined by semicolons; and when no statement alone says anything about training (the data
/// is named in one, the practice in the next), the whole sentence decides.
pub(super) fn decide(found: &Found<'_>, out: &mut Decisions) {
    let statements = statements(found.text);
    if statements.len() < 2 {
        decide_statement(found, false, out);
        return;
    }

    let sentence_data = names_reader_data(found.text);
    let mut by_statement = Decisions::default();
    for range in statements {
        decide_statement(&found.part(range), sentence_data, &mut by_statement);
    }
    let mut whole = Decisions::default();
    decide_statement(found, false, &mut whole);

    let training = [CategoryId::AiTrainingOnUserData, CategoryId::NoAiTraining];
    let statements_decide = training.iter().any(|&category| by_statement.contains(category));
    for category in training {
        let decided = if statements_decide { &by_statement } else { &whole };
        if decided.contains(category) {
            out.add(category, 0.85);
        }
    }
    let restriction = CategoryId::AiUseRestriction;
    if whole.contains(restriction) || by_statement.contains(restriction) {
        out.add(restriction, 0.85);
    }
}

/// Where one statement of a compound sentence ends and the next begins: a semicolon, a
/// contrast ("whereas", ", while", ", but"), or ", and" opening a new subject and verb.
fn statements(text: &str) -> Vec<std::ops::Range<usize>> {
    static BREAK: LazyLock<AsciiRegex> = LazyLock::new(|| {
        helper(concat!(
            r";|,?\s+whereas\b|,\s+(?:while|but|although|however)\b",
            r"|,\s+and\s+(?:[\w'-]+\s+){1,3}?(?:may|will|shall|must|can|cannot|does|do|never",
            r"|is|are)\b",
        ))
    });
    let mut ranges = Vec::new();
    let mut start = 0;
    for found in BREAK.find_iter(text) {
        if !text[start..found.start()].trim().is_empty() {
            ranges.push(start..found.start());
        }
        // The next statement opens after the separator: "; do not use ..." is an imperative,
        // and ", and Provider may ..." keeps its subject.
        start = found.start() + separator_len(found.as_str());
    }
    if !text[start..].trim().is_empty() {
        ranges.push(start..text.len());
    }
    ranges
}

/// How much of a statement break is the separator itself: the semicolon, or the comma, spaces
/// and joining word ("whereas", "but", "and") before the next statement's own words.
fn separator_len(separator: &str) -> usize {
    if separator.starts_with(';') {
        return 1;
    }
    let words = separator.trim_start_matches(|c: char| c == ',' || c.is_whitespace());
    let joining = words.find(|c: char| !c.is_ascii_alphabetic()).unwrap_or(words.len());
    separator.len() - words.len() + joining
}

/// Decides one statement. `sentence_data` says whether the sentence around it names the
/// reader's data, which a pronoun in the statement ("we may use them to improve our models")
/// can stand for; it is false when the statement is the whole sentence.
fn decide_statement(found: &Found<'_>, sentence_data: bool, out: &mut Decisions) {
    let restriction = decide_restriction(found, out);
    if !restriction {
        decide_training(found, sentence_data, out);
    }
}

fn decide_restriction(found: &Found<'_>, out: &mut Decisions) -> bool {
    let strong_phrase = found.any_of(&[&USE_TO_TRAIN, &TRAIN_AI, &AI_THEN_TRAIN]);
    let phrase = strong_phrase
        || found.any_of(&[&MODEL_TRAINING, &TRAINING_ON_DATA, &FED_INTO, &AI_DATASET]);
    let mining = found.any(&DATA_MINING);
    let competing_word = found.any(&COMPETING_USE);
    let distill = found.any(&DISTILL);
    if !(phrase || mining || competing_word || distill) {
        return false;
    }

    // Cheapest checks first: each helper is a scan of the clause.
    let reserved_mining = mining && found.has(&PROHIBITION);
    let restricted = reserved_mining || {
        let competing =
            competing_word && found.has(&COMPETING) && (phrase || found.has(&MODEL_WORD));
        // A list item of banned uses needs a full phrase; a heading ("Training Datasets") is
        // not one.
        let item = || (strong_phrase || distill) && found.has(&LIST_ITEM);
        let bound = || reader_bound(found.text) || item();
        let candidate = competing || ((phrase || (distill && found.has(&FROM_SERVICE))) && bound());
        candidate
            && !provider_denies(found.text)
            && !found.has(&READER_DATA_SPARED)
            && !found.has(&PROCESSORS_BOUND)
    };
    if restricted {
        out.add(CategoryId::AiUseRestriction, 0.85);
    }
    restricted
}

fn decide_training(found: &Found<'_>, sentence_data: bool, out: &mut Decisions) {
    let text = found.text;
    let practices = [
        &USE_TO_TRAIN,
        &TRAIN_ON,
        &MODELS_TRAINED_ON,
        &MODEL_TRAINING,
        &TRAINING_ON_DATA,
        &HELPS_MODELS,
        &PURPOSE_TRAINING,
        &TRAINING_DATA_INCLUDES,
        &LEARNS_FROM,
        &FED_INTO,
    ];
    if !found.any_of(&practices) && !found.any(&TRAINING_CONTROL) {
        return;
    }
    if found.has(&QUESTION) || found.has(&POINTER) {
        return;
    }
    let reader_data = names_reader_data(text) || (sentence_data && found.has(&PRONOUN));
    // "If you join the research programme, your data will be used ..." waits for a choice.
    let joined = found.has(&JOINING);
    // "will not stop us from using your data to train" says the training goes on.
    let not_stopping = found.has(&NOT_STOPPING);
    let public_only = found.has(&PUBLIC_SOURCE) && !found.has(&READER_MARKER);
    let some_data = reader_data || found.has(&ANY_DATA);
    // A denial about anything of the reader's ("your songs are not used ...") counts too.
    let denied_data = some_data || found.has(&READER_MARKER);
    let processors_bound = found.has(&PROCESSORS_BOUND);
    // A practice inside a choice handed to the reader ("excluded from model training by
    // default", "opt out of the use of your chats for training") is that choice.
    let choices: Vec<std::ops::Range<usize>> = found
        .at(&TRAINING_CONTROL)
        .iter()
        .filter(|(_, stance)| !stance.negated)
        .map(|(range, _)| range.clone())
        .collect();
    let within_choice =
        |range: &std::ops::Range<usize>| choices.iter().any(|choice| overlaps(choice, range));
    let mut risk = false;
    let mut protection = false;
    let mut leaky_promise = false;

    // A denial covers the rest of its sentence unless a contrast opens a new statement ("we do
    // not use X to train, including for Y" vs "... but we use feedback to train").
    let denials: Vec<usize> = practices
        .iter()
        .flat_map(|pattern| found.at(pattern))
        .filter(|(range, stance)| {
            let exception = scope::exception_after(scope::sentence_after(text, range.end));
            stance.negated && !exception.is_some_and(leaky_exception)
        })
        .map(|(range, _)| range.start)
        .collect();
    let denied = |start: usize| {
        denials.iter().any(|&denial| {
            let (from, to) = if denial <= start { (denial, start) } else { (start, denial) };
            !CONTRAST.is_match(&text[from..to])
        })
    };

    for pattern in practices {
        for (range, stance) in found.at(pattern) {
            let mut stance = *stance;
            stance.negated |= denied(range.start) || processors_bound;
            stance.negated &= !not_stopping;
            // A choice handed to the reader ("opt out of model training") is about their data
            // even when the clause does not name it; a denial needs only some data named; a
            // stated practice needs the reader's data, unless it is a purpose of processing
            // ("to train our models") in a clause that names no public source.
            let chosen =
                stance.controlled || stance.consent_gated || joined || within_choice(range);
            let purpose = std::ptr::eq(pattern, &PURPOSE_TRAINING) && !public_only;
            let relevant = chosen
                || (stance.negated && denied_data)
                || (reader_data && !public_only)
                || purpose;
            if !relevant {
                continue;
            }
            let exception = scope::exception_after(scope::sentence_after(text, range.end));
            let leaky = exception.is_some_and(leaky_exception);
            if stance.negated && leaky {
                // A promise with a hole in it: both the promise and the training it lets in.
                risk = true;
                leaky_promise = true;
            } else if stance.negated || chosen {
                protection = true;
            } else {
                risk = true;
            }
        }
    }

    // "Opt out of training" hands the reader a choice; "no mechanism to exclude ... from
    // training" denies it, so training goes on.
    for (range, _) in found.at(&TRAINING_CONTROL) {
        if control_denied(text, range.start) {
            risk = true;
        } else {
            protection = true;
        }
    }

    if risk {
        out.add(CategoryId::AiTrainingOnUserData, 0.85);
    }
    if (protection && !risk) || leaky_promise {
        out.add(CategoryId::NoAiTraining, 0.85);
    }
}

/// Whether the reader's choice is itself denied ("there is no way to opt out of training"),
/// as opposed to sitting in a sentence with some other negation.
fn control_denied(text: &str, start: usize) -> bool {
    static DENIAL: LazyLock<AsciiRegex> = LazyLock::new(|| {
        helper(r"\b(?:no|not|cannot|can't|never|without|unable)\b(?:\s+[\w'-]+){0,6}\s*$")
    });
    DENIAL.is_match(&text[..start])
}

static PRONOUN: LazyLock<AsciiRegex> = LazyLock::new(|| {
    helper(r"\b(?:them|it|(?:this|such|that|these|those) (?:data|content|information|material))\b")
});

static JOINING: LazyLock<AsciiRegex> = LazyLock::new(|| {
    helper(r"\bif you (?:choose to |decide to )?(?:join|sign up|enrol\w*|take part|participate)\b")
});

static NOT_STOPPING: LazyLock<AsciiRegex> =
    LazyLock::new(|| helper(r"\bnot (?:stop|prevent) (?:us|the company|\w+) from\b"));

fn overlaps(a: &std::ops::Range<usize>, b: &std::ops::Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// Whether a prohibition binds the reader; "if you do not want us to ..." is a condition, not a
/// prohibition.
fn reader_bound(text: &str) -> bool {
    READER_BOUND.find_iter(text).any(|found| {
        let conditional = text[..found.start()].trim_end().ends_with("if");
        // "without your consent" limits the provider, not the reader.
        let readers_consent = found.as_str().starts_with("without your");
        // "Your recordings must not be used ..." is a promise about the reader's data.
        let passive = ["may not be", "must not be", "shall not be", "should not be"]
            .iter()
            .any(|words| found.as_str().starts_with(words));
        let head = &text[..found.start()];
        let readers_data = passive && names_reader_data(head);
        // "We are not permitted to sell ..." binds the provider.
        let provider = head.trim_end().ends_with("we");
        !conditional
            && !readers_consent
            && !readers_data
            && !provider
            && !found.as_str().ends_with("want")
    })
}

static MODEL_WORD: LazyLock<AsciiRegex> = LazyLock::new(|| {
    helper(concat!(
        r"\b(?:models?|ai|artificial intelligence|machine[- ]learning|llms?|algorithms?",
        r"|train\w*|fine-?tun\w*|generat\w*)\b",
    ))
});

static FROM_SERVICE: LazyLock<AsciiRegex> = LazyLock::new(|| {
    helper(r"\b(?:from|of) (?:the|our|its) (?:services?|models?|platform|site|api)|\boutputs?\b")
});

/// Whether the exception to a denial lets the reader's data into training anyway ("except
/// when you give feedback", "except for free accounts"), rather than only with their choice
/// ("unless you opt in") or as the law demands.
fn leaky_exception(exception: &str) -> bool {
    static LEAKY: LazyLock<AsciiRegex> = LazyLock::new(|| {
        helper(r"\b(?:feedback|free|flag\w*|report\w*|safety|moderation|review\w*|not opted)")
    });
    static READER_CHOICE: LazyLock<AsciiRegex> = LazyLock::new(|| {
        helper(r"\bopt|\b(?:turn|switch)\w* on\b|\benabl|\belect|\bchoose|\bjoin|\bsign up")
    });
    if LEAKY.is_match(exception) {
        return true;
    }
    !scope::benign_exception(exception) && !READER_CHOICE.is_match(exception)
}

static CONTRAST: LazyLock<AsciiRegex> = LazyLock::new(|| {
    helper(r"\b(?:but|however|although|whereas|except|unless|otherwise)\b|;|\(\w\)|\b\w\)")
});

static QUESTION: LazyLock<AsciiRegex> = LazyLock::new(|| helper(r"\?\s*$"));

/// A pointer to another document ("For more information on the data we use to train our
/// models, see ..."), which states no practice itself.
static POINTER: LazyLock<AsciiRegex> =
    LazyLock::new(|| helper(r"^\s*(?:for (?:more )?(?:information|details)|to learn more)\b"));

/// Sources that are not the reader: models trained on public or licensed data.
static PUBLIC_SOURCE: LazyLock<AsciiRegex> = LazyLock::new(|| {
    helper(concat!(
        r"\bpublicly available\b|\bpublic (?:data|information|sources|internet)\b",
        r"|\bfrom the internet\b|\bon the internet\b|\bthird[- ]party (?:sources|datasets|data)\b",
        r"|\blicensed (?:data|datasets|content)\b",
    ))
});

/// Words that tie a clause to the reader even when it also names public sources.
static READER_MARKER: LazyLock<AsciiRegex> = LazyLock::new(|| {
    helper(r"\b(?:you|your|users?|customers?|inputs?|prompts?|conversations?|chats?)\b")
});

/// Any data at all: enough for a denial ("we do not use this content to train our models").
static ANY_DATA: LazyLock<AsciiRegex> = LazyLock::new(|| {
    helper(concat!(
        r"\b(?:content|contents|data|information|inputs?|outputs?|files|conversations?|messages?",
        r"|services?|documents?|materials?)\b",
    ))
});

#[cfg(test)]
mod tests {
    use crate::categories::CategoryId;
    use crate::tagging::rules::evaluate;

    /// The AI categories the rules decide for `text`.
    fn tags(text: &str) -> Vec<CategoryId> {
        let ai = [
            CategoryId::AiUseRestriction,
            CategoryId::AiTrainingOnUserData,
            CategoryId::NoAiTraining,
        ];
        let decided = evaluate(text).decided.into_iter().map(|(category, _)| category);
        decided.filter(|category| ai.contains(category)).collect()
    }

    #[test]
    fn reader_forbidden_to_train_is_a_restriction() {
        let text = "You may not use the Services or any output to train machine learning models.";
        assert_eq!(tags(text), vec![CategoryId::AiUseRestriction]);
    }

    #[test]
    fn provider_training_on_reader_data_is_a_risk() {
        let text = "We may use your prompts and conversations to train and improve our models.";
        assert_eq!(tags(text), vec![CategoryId::AiTrainingOnUserData]);
        let text = "Your chats may be used to improve our AI models unless you opt out.";
        assert_eq!(tags(text), vec![CategoryId::AiTrainingOnUserData]);
    }

    /// [`tags`] in the order of their ids, for clauses that carry more than one.
    fn sorted_tags(text: &str) -> Vec<CategoryId> {
        let mut found = tags(text);
        found.sort_by_key(|category| category.as_str());
        found
    }

    #[test]
    fn each_statement_of_a_compound_sentence_is_decided() {
        let text = "We never train on your private files, whereas your public posts may be used \
                    to train our models.";
        let both = vec![CategoryId::AiTrainingOnUserData, CategoryId::NoAiTraining];
        assert_eq!(sorted_tags(text), both);

        let text = "Customer shall not use the Output to train competing models, and Provider \
                    may use Customer's usage logs to improve its own models.";
        let both = vec![CategoryId::AiTrainingOnUserData, CategoryId::AiUseRestriction];
        assert_eq!(sorted_tags(text), both);
    }

    #[test]
    fn a_pronoun_carries_the_readers_data_into_its_statement() {
        let text = "We will not sell your recordings, but we may use them to improve our \
                    transcription models.";
        assert_eq!(tags(text), vec![CategoryId::AiTrainingOnUserData]);
    }

    #[test]
    fn a_ban_in_the_imperative_binds_the_reader() {
        let text = "Do not use translations from the service to train a rival translation engine.";
        assert_eq!(tags(text), vec![CategoryId::AiUseRestriction]);
    }

    #[test]
    fn a_ban_after_a_semicolon_promises_nothing() {
        for text in [
            "Do not copy the Service; do not use any output to train machine learning models.",
            "; Do not use translations from the service to train a rival translation engine.",
        ] {
            assert_eq!(tags(text), vec![CategoryId::AiUseRestriction], "{text}");
        }
    }

    #[test]
    fn a_provider_bound_by_its_own_limits_restricts_no_reader() {
        let text = "We are not permitted to sell your data, and we do not use it to train models.";
        assert_eq!(tags(text), vec![CategoryId::NoAiTraining]);
    }

    #[test]
    fn provider_denial_or_reader_choice_is_protective() {
        for text in [
            "We do not use your content to train our models.",
            "Your conversations are never used for model training.",
            "You can opt out of model training in your settings.",
            "We only use your data to improve our models if you opt in.",
        ] {
            assert_eq!(tags(text), vec![CategoryId::NoAiTraining], "{text}");
        }
    }
}
