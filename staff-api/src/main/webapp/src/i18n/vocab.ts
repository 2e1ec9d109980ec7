// Danish and English labels for the codes of the staff API's vocabularies. Copied from the official labels in
// shared-model/src/main/resources/dk/skp/model/vocabulary/Vocabulary{,_da}.properties (the same the services use
// in mails and the intake catalog); the statuses, moves, deadlines, risk signals and audit actions are the client's
// own wording, as the server has no labels for them.
import type { Lang } from './lang';

type Labels = Record<string, { da: string; en: string }>;

const vocabularies = {
    ConcernStatus: {
        RECEIVED: { da: 'Modtaget', en: 'Received' },
        TRIAGED: { da: 'Visiteret', en: 'Triaged' },
        ASSIGNED: { da: 'Tildelt', en: 'Assigned' },
        IN_CONTACT: { da: 'I kontakt', en: 'In contact' },
        CLOSED: { da: 'Afsluttet', en: 'Closed' },
        REDIRECTED: { da: 'Henvist videre', en: 'Redirected' },
        DUPLICATE: { da: 'Dublet', en: 'Duplicate' },
        OUTSIDE_TARGET_GROUP: { da: 'Uden for målgruppen', en: 'Outside the target group' },
        REOPENED: { da: 'Genåbnet', en: 'Reopened' },
    },
    Urgency: {
        NORMAL: { da: 'Almindelig', en: 'Normal' },
        SOON: { da: 'Snarest', en: 'Soon' },
        URGENT: { da: 'Haster', en: 'Urgent' },
    },
    ReporterRole: {
        NEIGHBOUR: { da: 'Nabo', en: 'Neighbour' },
        RELATIVE: { da: 'Pårørende', en: 'Relative' },
        FRIEND: { da: 'Ven', en: 'Friend' },
        HOUSING_ASSOCIATION: { da: 'Boligforening', en: 'Housing association' },
        LANDLORD: { da: 'Udlejer', en: 'Landlord' },
        SHOPKEEPER: { da: 'Butiksindehaver', en: 'Shopkeeper' },
        POLICE: { da: 'Politi', en: 'Police' },
        CASEWORKER: { da: 'Sagsbehandler', en: 'Caseworker' },
        HEALTHCARE: { da: 'Sundhedsvæsen', en: 'Healthcare' },
        PSYCHIATRY: { da: 'Psykiatri', en: 'Psychiatry' },
        // "Mig selv" is the reporter's own wording on the form; staff read it as the citizen themself.
        SELF: { da: 'Borgeren selv', en: 'The citizen themself' },
        OTHER: { da: 'Andet', en: 'Other' },
    },
    Anonymity: {
        ANONYMOUS: { da: 'Anonym', en: 'Anonymous' },
        CONFIDENTIAL: { da: 'Fortrolig', en: 'Confidential' },
        NAMED: { da: 'Med navn', en: 'Named' },
    },
    Indicator: {
        SOCIAL_ISOLATION: { da: 'Social isolation', en: 'Social isolation' },
        NEGLECTED_HOME: { da: 'Misligeholdt bolig', en: 'Neglected home' },
        SELF_NEGLECT: { da: 'Manglende egenomsorg', en: 'Self-neglect' },
        HOARDING: { da: 'Samler ting (hoarding)', en: 'Hoarding' },
        CONFUSED_OR_PSYCHOTIC: { da: 'Forvirret eller psykotisk', en: 'Confused or psychotic' },
        SUBSTANCE_USE: { da: 'Misbrug af alkohol eller stoffer', en: 'Alcohol or drug use' },
        HOMELESS: { da: 'Hjemløs', en: 'Homeless' },
        EVICTION_RISK: { da: 'Risiko for udsættelse', en: 'Risk of eviction' },
        CONFLICT_WITH_NEIGHBOURS: { da: 'Konflikter med naboer', en: 'Conflict with neighbours' },
        MISSED_APPOINTMENTS: { da: 'Udebliver fra aftaler', en: 'Missed appointments' },
        REPEATED_EMERGENCY_VISITS: { da: 'Gentagne besøg på skadestuen', en: 'Repeated emergency visits' },
        OTHER: { da: 'Andet', en: 'Other' },
    },
    TargetGroup: {
        MENTAL_ILLNESS: { da: 'Sindslidelse', en: 'Mental illness' },
        SUBSTANCE_ABUSE: { da: 'Misbrug', en: 'Substance abuse' },
        HOMELESSNESS: { da: 'Hjemløshed', en: 'Homelessness' },
        OTHER_SOCIAL_PROBLEMS: { da: 'Andre særlige sociale problemer', en: 'Other severe social problems' },
    },
    Priority: {
        HIGH: { da: 'Høj', en: 'High' },
        NORMAL: { da: 'Normal', en: 'Normal' },
        LOW: { da: 'Lav', en: 'Low' },
    },
    TriageOutcome: {
        ACCEPTED: { da: 'Modtaget i SKP', en: 'Taken on by SKP' },
        REDIRECTED: { da: 'Henvist til et andet tilbud', en: 'Redirected to another service' },
        DUPLICATE: { da: 'Dublet af en anden henvendelse', en: 'Duplicate of another concern' },
        OUTSIDE_TARGET_GROUP: { da: 'Uden for målgruppen', en: 'Outside the target group' },
    },
    ClosingReason: {
        HANDED_OVER: { da: 'Overdraget til et varigt tilbud', en: 'Handed over to a lasting service' },
        DECLINED: { da: 'Borgeren takkede nej', en: 'Declined by the citizen' },
        NOT_FOUND: { da: 'Ikke fundet trods forsøg', en: 'Not found despite attempts' },
        MOVED: { da: 'Fraflyttet', en: 'Moved away' },
        DECEASED: { da: 'Afgået ved døden', en: 'Deceased' },
        OTHER: { da: 'Andet', en: 'Other' },
    },
    AttemptChannel: {
        HOME_VISIT: { da: 'Hjemmebesøg', en: 'Home visit' },
        PHONE: { da: 'Telefon', en: 'Phone' },
        LETTER: { da: 'Brev', en: 'Letter' },
        STREET: { da: 'Opsøgende på gaden', en: 'Street outreach' },
        VIA_PARTNER: { da: 'Via samarbejdspartner', en: 'Via a partner' },
    },
    AttemptOutcome: {
        NOT_FOUND: { da: 'Ikke fundet', en: 'Not found' },
        NO_ANSWER: { da: 'Intet svar', en: 'No answer' },
        REFUSED: { da: 'Afviste kontakt', en: 'Refused' },
        BRIEF_CONTACT: { da: 'Kortvarig kontakt', en: 'Brief contact' },
        CONTACT_ESTABLISHED: { da: 'Kontakt etableret', en: 'Contact established' },
        REFERRED_ON: { da: 'Henvist videre', en: 'Referred on' },
    },
    AgeBand: {
        UNDER_18: { da: 'Under 18 år', en: 'Under 18' },
        '18_29': { da: '18-29 år', en: '18-29' },
        '30_49': { da: '30-49 år', en: '30-49' },
        '50_66': { da: '50-66 år', en: '50-66' },
        '67_PLUS': { da: '67 år eller ældre', en: '67 or older' },
        UNKNOWN: { da: 'Ved ikke', en: 'Unknown' },
    },
    Gender: {
        FEMALE: { da: 'Kvinde', en: 'Woman' },
        MALE: { da: 'Mand', en: 'Man' },
        OTHER: { da: 'Andet', en: 'Other' },
        UNKNOWN: { da: 'Ved ikke', en: 'Unknown' },
    },
    Regularity: {
        DAILY: { da: 'Dagligt', en: 'Daily' },
        MOST_DAYS: { da: 'De fleste dage', en: 'Most days' },
        WEEKLY: { da: 'Ugentligt', en: 'Weekly' },
        OCCASIONALLY: { da: 'En gang imellem', en: 'Occasionally' },
        UNKNOWN: { da: 'Ved ikke', en: 'Unknown' },
    },
    KnowsAboutReport: {
        YES: { da: 'Ja', en: 'Yes' },
        NO: { da: 'Nej', en: 'No' },
        UNKNOWN: { da: 'Ved ikke', en: 'Unknown' },
    },
    Channel: {
        WEB_FORM: { da: 'Kommunens webformular', en: 'Municipal web form' },
        PARTNER_API: { da: 'Samarbejdspartners system', en: 'Partner system' },
        PHONE: { da: 'Telefon', en: 'Phone' },
        IN_PERSON: { da: 'Personligt fremmøde', en: 'In person' },
        EMAIL: { da: 'E-mail', en: 'E-mail' },
        LETTER: { da: 'Brev', en: 'Letter' },
    },
    LastingService: {
        PSYCHIATRY: { da: 'Psykiatri', en: 'Psychiatry' },
        ADDICTION_TREATMENT: { da: 'Misbrugsbehandling', en: 'Addiction treatment' },
        HOUSING: { da: 'Bostøtte eller bolig', en: 'Housing support' },
        GP: { da: 'Egen læge', en: 'General practitioner' },
        JOB_CENTRE: { da: 'Jobcenter eller sagsbehandler', en: 'Job centre or caseworker' },
        OTHER: { da: 'Andet varigt tilbud', en: 'Another lasting service' },
    },
    VisitTeam: {
        ALONE: { da: 'Alene', en: 'Alone' },
        PAIR: { da: 'To eller flere', en: 'Two or more' },
    },
    RiskSignal: {
        ACUTE_DANGER: { da: 'Akut fare meldt', en: 'Acute danger reported' },
        SAFETY_NOTES: { da: 'Anmelderen skriver om risici', en: 'The reporter wrote about risks' },
        CONFUSED_OR_PSYCHOTIC: { da: 'Forvirret eller psykotisk', en: 'Confused or psychotic' },
        SUBSTANCE_USE: { da: 'Misbrug af alkohol eller stoffer', en: 'Alcohol or drug use' },
        CONFLICT_WITH_NEIGHBOURS: { da: 'Konflikter med naboer', en: 'Conflict with neighbours' },
    },
    Deadline: {
        TRIAGE: { da: 'Visitation', en: 'Triage' },
        FIRST_ATTEMPT: { da: 'Første kontaktforsøg', en: 'First contact attempt' },
    },
    Move: {
        TRIAGE: { da: 'Visitér', en: 'Triage' },
        REDIRECT: { da: 'Henvis videre', en: 'Redirect' },
        MARK_DUPLICATE: { da: 'Markér som dublet', en: 'Mark as duplicate' },
        MARK_OUTSIDE_TARGET_GROUP: { da: 'Uden for målgruppen', en: 'Outside the target group' },
        ASSIGN: { da: 'Tildel', en: 'Assign' },
        CLAIM: { da: 'Tag sagen', en: 'Claim' },
        UNASSIGN: { da: 'Fjern tildeling', en: 'Unassign' },
        RECORD_ATTEMPT: { da: 'Registrér kontaktforsøg', en: 'Record a contact attempt' },
        ESTABLISH_CONTACT: { da: 'Kontakt etableret', en: 'Contact established' },
        CLOSE: { da: 'Afslut', en: 'Close' },
        REOPEN: { da: 'Genåbn', en: 'Reopen' },
    },
    Attention: {
        ACUTE: { da: 'Akut fare', en: 'Acute danger' },
        URGENT: { da: 'Haster', en: 'Urgent' },
        OVERDUE: { da: 'Frist overskredet', en: 'Overdue' },
        DUE_SOON: { da: 'Frist snart', en: 'Due soon' },
        WAITING: { da: 'Venter', en: 'Waiting' },
        NONE: { da: 'Ingen', en: 'None' },
    },
    HistoryAction: {
        REGISTERED: { da: 'Modtaget fra indberetningen', en: 'Received from intake' },
        TRIAGE: { da: 'Visiteret', en: 'Triaged' },
        ASSIGN: { da: 'Tildelt', en: 'Assigned' },
        UNASSIGN: { da: 'Tildeling fjernet', en: 'Unassigned' },
        CLAIM: { da: 'Taget af kontaktperson', en: 'Claimed' },
        ATTEMPT: { da: 'Kontaktforsøg', en: 'Contact attempt' },
        CLOSE: { da: 'Afsluttet', en: 'Closed' },
        REOPEN: { da: 'Genåbnet', en: 'Reopened' },
        LINK: { da: 'Sammenkædet', en: 'Linked' },
        UNLINK: { da: 'Sammenkædning fjernet', en: 'Unlinked' },
        VISIT_TEAM: { da: 'Besøgsform besluttet', en: 'Visit team decided' },
        PERSONAL_DATA_ERASED: { da: 'Personoplysninger slettet', en: 'Personal data erased' },
        REFERRER_ERASED: { da: 'Anmelderens kontaktoplysninger slettet', en: "Referrer's contact data erased" },
        CREATE: { da: 'Registreret af medarbejder', en: 'Entered by staff' },
        READ: { da: 'Læst', en: 'Read' },
        SEARCH: { da: 'Søgning', en: 'Search' },
        BRIEFING_READ: { da: 'Sikkerhedsoplysninger læst', en: 'Safety briefing read' },
        SUGGESTIONS_READ: { da: 'Tildelingsforslag læst', en: 'Assignment suggestions read' },
        STATISTICS_READ: { da: 'Statistik læst', en: 'Statistics read' },
        AUDIT_READ: { da: 'Logning læst', en: 'Audit trail read' },
        AUDIT_PURGED: { da: 'Gammel logning slettet', en: 'Old audit rows deleted' },
        DEAD_MESSAGE_REPLAYED: { da: 'Fejlet besked sendt igen', en: 'Dead message replayed' },
        DEAD_MESSAGE_DISCARDED: { da: 'Fejlet besked kasseret', en: 'Dead message discarded' },
        QUESTION_ASKED: { da: 'Spørgsmål til anmelderen', en: 'Question to the reporter' },
        REPORTER_ANSWERED: { da: 'Anmelderen svarede', en: 'The reporter answered' },
        // Admin changes (issue #10, authz)
        CONTACT_PERSON_ADDED: { da: 'Kontaktperson oprettet', en: 'Contact person added' },
        CONTACT_PERSON_CHANGED: { da: 'Kontaktperson ændret', en: 'Contact person changed' },
        CONTACT_PERSON_REMOVED: { da: 'Kontaktperson fjernet', en: 'Contact person removed' },
        PARTNER_CREATED: { da: 'Samarbejdspartner oprettet', en: 'Partner created' },
        PARTNER_REVOKED: { da: 'Samarbejdspartner spærret', en: 'Partner revoked' },
        PARTNER_KEY_ISSUED: { da: 'Partnernøgle udstedt', en: 'Partner key issued' },
        PARTNER_KEY_REVOKED: { da: 'Partnernøgle spærret', en: 'Partner key revoked' },
    },
    ReporterChannel: {
        STATUS_PAGE: { da: 'statussiden', en: 'the status page' },
        EMAIL: { da: 'e-mail', en: 'e-mail' },
    },
    // Concern search: which part of a report matched, and how.
    MatchedField: {
        ADDRESS: { da: 'Adresse', en: 'Address' },
        POSTCODE: { da: 'Postnummer', en: 'Postcode' },
        PLACE: { da: 'Stedbeskrivelse', en: 'Place' },
        PERSON_NAME: { da: 'Navn', en: 'Name' },
        APPEARANCE: { da: 'Udseende', en: 'Appearance' },
        REPORTER_ORGANISATION: { da: 'Anmelders organisation', en: "Reporter's organisation" },
        DESCRIPTION: { da: 'Beskrivelse', en: 'Description' },
        SAFETY_NOTES: { da: 'Sikkerhed', en: 'Safety notes' },
        USUAL_TIMES: { da: 'Tidspunkter', en: 'Usual times' },
    },
    MatchKind: {
        SAME: { da: 'samme', en: 'same' },
        SIMILAR: { da: 'ligner', en: 'similar' },
        WORDS: { da: 'ordene findes', en: 'words found' },
    },
    Role: {
        coordinator: { da: 'Koordinator', en: 'Coordinator' },
        'contact-person': { da: 'Kontaktperson', en: 'Contact person' },
        admin: { da: 'Administrator', en: 'Administrator' },
    },
} satisfies Record<string, Labels>;

export type Vocabulary = keyof typeof vocabularies;

/** The label of a code in the current language; an unknown code is shown as it is rather than hidden. */
export function labelIn(lang: Lang, vocabulary: Vocabulary, code: string | null | undefined): string {
    if (code == null) return '';
    const labels: Labels = vocabularies[vocabulary];
    return labels[code]?.[lang] ?? code;
}

/** The codes of a vocabulary, in the order above (the order the team reads them in). */
export function codesOf(vocabulary: Vocabulary): string[] {
    return Object.keys(vocabularies[vocabulary]);
}
