using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Visits;
using TeamsCrm.Bot.Domain.Approvals;

namespace TeamsCrm.Bot.Archive.SharePoint;

/// <summary>SharePoint column types, one Graph facet each. Note = multiple lines of text (up to 63,999, never indexed).</summary>
public enum ColumnKind { Text, Note, Number, Currency, DateTime, DateOnly, Choice, Boolean }

/// <summary>A list column as the archive needs it. A single line of text holds at most 255 characters.</summary>
public sealed record ColumnDef(string Name, ColumnKind Kind, int MaxLength = 255, bool Indexed = false, bool Unique = false,
    bool Required = false, IReadOnlyList<string>? Choices = null);

/// <summary>
/// A list: its display name, what the template's Title column holds (and whether it must be indexed and unique),
/// and its own columns. A document library (<paramref name="Library"/>) is a list whose items are files and folders.
/// </summary>
public sealed record ListDef(string Name, ColumnDef Title, IReadOnlyList<ColumnDef> Columns, bool Library = false)
{
    /// <summary>The template Graph creates it from.</summary>
    public string Template => Library ? "documentLibrary" : "genericList";
}

/// <summary>
/// Every list the archive keeps, with every column: the one source the provisioner creates from and the archive
/// maps to. SharePoint can use one index per query and refuses filters and sorts on columns that are not indexed
/// once a list passes 5,000 items, so every column some query filters on is indexed here, and queries filter on
/// exactly one of them (a second condition is checked in code after fetching). Unique columns make writes
/// idempotent: a second create with the same key answers 409 instead of filing twice.
/// </summary>
public static class SharePointLists
{
    /// <summary>The column every per-customer query filters on.</summary>
    public const string CustomerNumber = "CustomerNumber";

    static ColumnDef Text(string name, int max = 255, bool indexed = false, bool unique = false, bool required = false) =>
        new(name, ColumnKind.Text, max, indexed, unique, required);
    static ColumnDef Note(string name) => new(name, ColumnKind.Note);
    static ColumnDef Time(string name) => new(name, ColumnKind.DateTime);
    static ColumnDef Choice<TEnum>(string name) where TEnum : struct, Enum => new(name, ColumnKind.Choice, Choices: Enum.GetNames<TEnum>());
    static ColumnDef Key(string name = "Title") => Text(name, indexed: true, unique: true, required: true);
    /// <summary>"{rep}|{day or week}": room for an Entra object id (36, up to 64 here), the bar and the key.</summary>
    static ColumnDef RepKey(string name, bool unique = false) => Text(name, 80, indexed: true, unique: unique, required: true);
    /// <summary>A day as text ("2026-11-20"): eq on it means the same day whatever the site's time zone, which a dateOnly column cannot promise.</summary>
    static ColumnDef Day(string name) => Text(name, 10, indexed: true, required: true);
    static ColumnDef ByCustomer() => Text(CustomerNumber, 20, indexed: true, required: true);

    /// <summary>Title = name. The columns come from <see cref="CustomerFields"/>, which also maps them.</summary>
    public static readonly ListDef Customers = new("TeamsCrm Customers", Text("Title", required: true), CustomerFields.Columns);

    /// <summary>
    /// Title = name. Contacts list in the order they were added: by item id. ImportKey: what an import filed the contact
    /// under (empty for contacts typed into a form); an import reads a customer's contacts before filing more, so it is not
    /// indexed or unique (SharePoint's unique columns are not documented for items that leave them empty).
    /// </summary>
    public static readonly ListDef Contacts = new("TeamsCrm Contacts", Text("Title", required: true),
    [
        ByCustomer(), Text("JobTitle"), Text("Phone", 64), Text("Email"), Choice<ContactRole>("Role"), Text("ImportKey", 64),
    ]);

    /// <summary>Title = the entry's id, unique: a redelivered entry is filed once.</summary>
    public static readonly ListDef ArchiveEntries = new("TeamsCrm Archive Entries", Key(),
    [
        ByCustomer(), Choice<ArchiveCategory>("Category"), Choice<EntryType>("EntryType"), new("EntryDate", ColumnKind.DateOnly),
        new("Amount", ColumnKind.Currency), Text("Reference"), Note("Description"), Note("Result"), Text("CreatedBy", 64), Time("CreatedAt"),
    ]);

    /// <summary>Title = the field changed. Records of one update are written in order, so item ids keep their order.</summary>
    public static readonly ListDef ChangeRecords = new("TeamsCrm Change Records", Text("Title", required: true),
    [
        ByCustomer(), Note("OldValue"), Note("NewValue"), Text("ChangedBy", 64), Time("ChangedAt"), Note("Reason"), Text("ApprovalId"),
    ]);

    /// <summary>Title = customer, grantee and period: unique, so a redelivered grant is stored once. Grantee indexed: a reader's grants are read with their search.</summary>
    public static readonly ListDef AccessGrants = new("TeamsCrm Access Grants", Key(),
    [
        ByCustomer(), Text("Grantee", 64, indexed: true), Text("GrantedBy", 64), Time("ValidFrom"), Time("ValidUntil"),
    ]);

    /// <summary>Title = the customer number again (the template's Title must hold something; what was read can be long).</summary>
    public static readonly ListDef AccessLog = new("TeamsCrm Access Log", Text("Title", required: true),
    [
        ByCustomer(), Text("Reader", 64), Time("ReadAt"), Note("What"), new("FullFile", ColumnKind.Boolean),
    ]);

    /// <summary>
    /// Title = the card submission id, unique: the first create of a submission claims it, a redelivery finds the
    /// claim. CustomerNumber is recorded as soon as the number is taken, so a create that died half way can be resumed.
    /// </summary>
    public static readonly ListDef Submissions = new("TeamsCrm Submissions", Key(),
    [
        Text(CustomerNumber, 20), Time("ClaimedAt"),
    ]);

    /// <summary>Title = the UTC year, unique: two creators of a new year's counter cannot both make it.</summary>
    public static readonly ListDef NumberCounters = new("TeamsCrm Number Counters", Key(),
    [
        new("LastNumber", ColumnKind.Number, Required: true),
    ]);

    /// <summary>
    /// Title = <see cref="SharePointConversationStore.KeyOf"/> the conversation id (unique); the full id is kept too,
    /// because Teams ids can outgrow a single line of text.
    /// </summary>
    public static readonly ListDef Conversations = new("TeamsCrm Conversations", Key(),
    [
        Note("ConversationId"), Choice<Turns.ConversationKind>("Kind"), Text("TenantId", 64), Text("ServiceUrl"), Text("BotId"),
        Text("TeamId", indexed: true), Text("TeamName"), Text("ChannelId"),
        Time("WelcomedAt"), Time("BlockedAt"), Time("RemovedAt"), Time("UpdatedAt"), Text("InstalledBy", 64),
    ]);

    /// <summary>Title = the Entra object id, unique.</summary>
    public static readonly ListDef Users = new("TeamsCrm Users", Key(),
    [
        Text("TeamsId"), Text("DisplayName"), Text("TenantId", 64), Text("ServiceUrl"), Note("PersonalConversationId"), Time("UpdatedAt"),
        Text("Locale", 16), Text("TimeZone", 64), Text("Brief", 8), Note("Settings"),
    ]);

    /// <summary>
    /// Title = the visit's id. SubmissionId is unique: the visit item decides whether a save is the first (a redelivery
    /// answers 409). One indexed column per query: RepDate ("{rep}|2026-11-18", the rep in lower case) for a rep's day
    /// (eq) or month (startswith), CustomerNumber for a customer's visits, LocalDate for everyone's day. Times are UTC to
    /// the second; the day is the rep's local day, kept as text. A corrected visit keeps its history as JSON in Corrections
    /// (one PATCH with If-Match writes the report and its history together); a withdrawn one has WithdrawnAt and is left
    /// out of every query's answer in code.
    /// </summary>
    public static readonly ListDef Visits = new("TeamsCrm Visits", Text("Title", required: true),
    [
        Text("SubmissionId", indexed: true, unique: true, required: true), RepKey("RepDate"), ByCustomer(), Day("LocalDate"),
        Text("Rep", 64, required: true), Text("CustomerName"), Choice<CustomerCategory>("CustomerType"), Choice<VisitPurpose>("Purpose"),
        Choice<VisitMethod>("Method"), Time("VisitTime"), Text("TimeZone", 64), Text("ContactPerson"), Text("ContactInfo"), Note("Notes"),
        Note("ProblemsAndMeasures"), new("Receivable", ColumnKind.Currency), new("Received", ColumnKind.Currency), Choice<VisitResult>("Result"),
        Choice<UnsuccessfulReason>("Reason"), Note("ReasonNote"), Text("NextAction"), new("NextActionDate", ColumnKind.DateOnly), Time("CreatedAt"),
        new("Revision", ColumnKind.Number), Time("WithdrawnAt"), Note("Corrections"),
    ]);

    /// <summary>Title = the visit's id, unique: a follow-up written again (a redelivery completing a save) is stored once.</summary>
    public static readonly ListDef FollowUps = new("TeamsCrm Follow-ups", Key(),
    [
        Day("Due"), Text("Rep", 64, required: true), Text(CustomerNumber, 20), Text("CustomerName"), Text("Action"), Time("CreatedAt"),
    ]);

    /// <summary>
    /// Title = the plan's id (unique). RepWeek ("{rep}|2026-W47", the rep in lower case) is unique: one plan per rep and
    /// week, whoever saves first. Week serves a week's plans. The items are JSON in one note, so a plan is one item and
    /// one write, guarded by its eTag.
    /// </summary>
    public static readonly ListDef VisitPlans = new("TeamsCrm Visit Plans", Key(),
    [
        RepKey("RepWeek", unique: true), Text("Week", 8, indexed: true, required: true), Text("Rep", 64, required: true),
        Choice<VisitPlanStatus>("Status"), Note("Items"), Time("SubmittedAt"), Text("Reviewer", 64), Note("ReviewComment"), Time("ReviewedAt"),
        Text("SubmissionId"), Note("KeyGoals"), Note("KeyProducts"), Note("KeyCustomers"),   // the week's action plan (table 5-5)
    ]);

    /// <summary>
    /// Title = the approval id (unique). RequestKey is unique too: filing a request again answers 409 and the first
    /// one is read back. Queries filter on the indexed status (pending for an approver, the digest: pending requests
    /// are few, so approvers and age are checked in code), requester or subject. The approvers ("|id1|id2|"), the
    /// payload and the card copies are JSON or text in multi-line columns that no query filters on. The version counts
    /// saves only, so that adding a card copy (which moves the eTag) does not make a decision on the card conflict.
    /// The steps a decision leaves (FinishSteps, JSON) come with FinishDueAt, indexed and empty once they are done:
    /// the sweep's "le now" is driven by that index and matches only the unfinished. DecidedAt is indexed for the
    /// analysis' decisions of the last months.
    /// </summary>
    public static readonly ListDef Approvals = new("TeamsCrm Approvals", Key(),
    [
        Text(ApprovalFields.RequestKey, indexed: true, unique: true, required: true), Choice<ApprovalKind>(ApprovalFields.Kind),
        Text(ApprovalFields.Subject, indexed: true, required: true), Text(ApprovalFields.SubjectName),
        Text(ApprovalFields.Requester, 64, indexed: true, required: true), Note(ApprovalFields.Approvers), Note(ApprovalFields.Payload),
        new(ApprovalFields.Status, ColumnKind.Choice, Indexed: true, Required: true, Choices: Enum.GetNames<ApprovalStatus>()),
        Text(ApprovalFields.DecidedBy, 64), new(ApprovalFields.DecidedAt, ColumnKind.DateTime, Indexed: true), Note(ApprovalFields.Comment), Time(ApprovalFields.EffectAppliedAt),
        Time(ApprovalFields.CreatedAt), new(ApprovalFields.Version, ColumnKind.Number, Required: true), Note(ApprovalFields.Copies),
        Note(ApprovalFields.Finish), new(ApprovalFields.FinishDueAt, ColumnKind.DateTime, Indexed: true), Note(ApprovalFields.Routing),
    ]);

    /// <summary>
    /// Title = the month ("2026-03"), unique: a month's targets are one item, so that a save is one write, all or nothing,
    /// guarded by If-Match. The amounts per rep are JSON ({"rep id": "120000.00"}, amounts as invariant text: exact) in a
    /// multi-line column no query filters on; SheetVersion counts saves.
    /// </summary>
    public static readonly ListDef SalesTargets = new("TeamsCrm Sales Targets", Key(),
    [
        Note("Amounts"), Text("SetBy", 64), Time("SetAt"), Text("ApprovalId"), new("SheetVersion", ColumnKind.Number, Required: true),
    ]);

    /// <summary>
    /// Title = "{rep}|2026-11" (<see cref="Domain.Analysis.RollupKeys"/>, the rep in lower case), unique: one rollup per rep
    /// and month. A month is Title eq, a rep's every month startswith(Title, '{rep}|'). Sales and Unsuccessful are JSON
    /// keyed by the entry's or visit's id (so writing one again changes nothing), written with If-Match.
    /// </summary>
    public static readonly ListDef MonthlyRollups = new("TeamsCrm Monthly Rollups", Key(),
    [
        Text("Rep", 64, required: true), Text("Month", 7, required: true), Note("Sales"), Note("Unsuccessful"),
    ]);

    /// <summary>
    /// Title = <see cref="SharePointConversationStore.KeyOf"/> the channel id (unique). Active ("yes"/"no", indexed) serves the
    /// scheduler's one query; timings and reps are JSON; Version counts saves, each made with If-Match.
    /// </summary>
    public static readonly ListDef ReminderChannels = new("TeamsCrm Reminder Channels", Key(),
    [
        Note("ChannelId"), Text("TeamId"), Text("ZoneId", 64), Note("Timings"), Note("Reps"), Text("ConfiguredBy", 64), Time("ConfiguredAt"), Text("Locale", 16),
        Text("Active", 3, indexed: true, required: true), new("Version", ColumnKind.Number, Required: true),
    ]);

    /// <summary>
    /// Title = the occurrence key "{reminder}|{UTC minute}" (hashed past 255 characters), unique: of two instances creating
    /// it, one gets 409. A claim whose LeaseUntil passed while still Claimed is taken over with If-Match.
    /// </summary>
    public static readonly ListDef ReminderOccurrences = new("TeamsCrm Reminder Occurrences", Key(),
    [
        Text("Status", 16, required: true), Text("ClaimedBy", 64), Time("LeaseUntil"), Time("FinishedAt"),
    ]);

    /// <summary>Title = occurrence and recipient (hashed past 255), unique: a delivery is recorded once. Occurrence (indexed) lists them.</summary>
    public static readonly ListDef ReminderSends = new("TeamsCrm Reminder Sends", Key(),
    [
        Text("Occurrence", indexed: true, required: true), Note("Recipient"), Time("SentAt"),
    ]);

    /// <summary>Title = "{person}|{kind}" (the person in lower case), unique: one snooze per person and kind. DueAt (indexed) finds those due.</summary>
    public static readonly ListDef ReminderSnoozes = new("TeamsCrm Reminder Snoozes", Key(),
    [
        Text("Recipient", 64, required: true), Text("Kind", 32, required: true), Time("Occurrence"), new("DueAt", ColumnKind.DateTime, Indexed: true),
    ]);

    /// <summary>Title = "{rep}|2026-11" (the rep in lower case), unique: one report per rep and month. Month (indexed) lists a month's.</summary>
    public static readonly ListDef MarketReports = new("TeamsCrm Market Reports", Key(),
    [
        Text("Month", 7, indexed: true, required: true), Text("Rep", 64, required: true), Note("Summary"), Note("Forecast"), Note("Problems"),
        Note("Solutions"), Time("SubmittedAt"), Time("UpdatedAt"), new("Late", ColumnKind.Boolean),
    ]);

    /// <summary>
    /// Title = the import run's id (unique). FileHash (the SHA-256 of the ledger) finds the runs of a file, RunStatus the
    /// runs still applying; the mapping, owner map, rows done and counts are JSON. Saved with If-Match: the eTag is the version.
    /// </summary>
    public static readonly ListDef ImportRuns = new("TeamsCrm Import Runs", Key(),
    [
        Text("FileHash", 64, indexed: true, required: true), Text("FileName"), Text("Importer", 64, required: true),
        new("RunStatus", ColumnKind.Choice, Indexed: true, Required: true, Choices: Enum.GetNames<Domain.Imports.ImportStatus>()),
        Note("Mapping"), Note("OwnerMap"), Note("RowsDone"), Note("Counts"), Time("CreatedAt"), Time("UpdatedAt"), Time("LeaseUntil"),
    ]);

    /// <summary>
    /// Check-ins at customers' sites. Title = the check-in's id (unique: sent twice, stored once). A team's day is LocalDate eq
    /// (the team kept in code), a customer's check-ins CustomerNumber eq. Coordinates as invariant text: they come back exactly.
    /// </summary>
    public static readonly ListDef CheckIns = new("TeamsCrm Check-ins", Key(),
    [
        Text("Rep", 64, required: true), ByCustomer(), Day("LocalDate"), Text("TimeZone", 64), Time("At"), Text("Latitude", 32), Text("Longitude", 32),
        Text("Accuracy", 32), Text("Distance", 32), new("Flagged", ColumnKind.Boolean), Time("OutAt"),
    ]);

    /// <summary>The customers' documents: a document library, its columns in <see cref="DocumentFields"/>.</summary>
    public static readonly ListDef Documents = new("TeamsCrm Documents", Text("Title"), DocumentFields.Columns, Library: true);

    public static readonly IReadOnlyList<ListDef> All =
    [
        Customers, Contacts, ArchiveEntries, ChangeRecords, AccessGrants, AccessLog, Submissions, NumberCounters, Conversations, Users,
        Visits, FollowUps, VisitPlans, Approvals, SalesTargets, ReminderChannels, ReminderOccurrences, ReminderSends, MarketReports,
        ImportRuns, CheckIns, ReminderSnoozes, Documents, MonthlyRollups,
    ];
}
