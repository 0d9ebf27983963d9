using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Approvals;

namespace TeamsCrm.Bot.Archive.SharePoint;

/// <summary>SharePoint column types, one Graph facet each. Note = multiple lines of text (up to 63,999, never indexed).</summary>
public enum ColumnKind { Text, Note, Number, Currency, DateTime, DateOnly, Choice, Boolean }

/// <summary>A list column as the archive needs it. A single line of text holds at most 255 characters.</summary>
public sealed record ColumnDef(string Name, ColumnKind Kind, int MaxLength = 255, bool Indexed = false, bool Unique = false,
    bool Required = false, IReadOnlyList<string>? Choices = null);

/// <summary>
/// A list: its display name, what the template's Title column holds (and whether it must be indexed and unique),
/// and its own columns.
/// </summary>
public sealed record ListDef(string Name, ColumnDef Title, IReadOnlyList<ColumnDef> Columns);

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
    static ColumnDef ByCustomer() => Text(CustomerNumber, 20, indexed: true, required: true);

    /// <summary>Title = name. The columns come from <see cref="CustomerFields"/>, which also maps them.</summary>
    public static readonly ListDef Customers = new("TeamsCrm Customers", Text("Title", required: true), CustomerFields.Columns);

    /// <summary>Title = name. Contacts list in the order they were added: by item id.</summary>
    public static readonly ListDef Contacts = new("TeamsCrm Contacts", Text("Title", required: true),
    [
        ByCustomer(), Text("JobTitle"), Text("Phone", 64), Text("Email"), Choice<ContactRole>("Role"),
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

    /// <summary>Title = customer, grantee and period: unique, so a redelivered grant is stored once.</summary>
    public static readonly ListDef AccessGrants = new("TeamsCrm Access Grants", Key(),
    [
        ByCustomer(), Text("Grantee", 64), Text("GrantedBy", 64), Time("ValidFrom"), Time("ValidUntil"),
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
        Time("WelcomedAt"), Time("BlockedAt"), Time("RemovedAt"), Time("UpdatedAt"),
    ]);

    /// <summary>Title = the Entra object id, unique.</summary>
    public static readonly ListDef Users = new("TeamsCrm Users", Key(),
    [
        Text("TeamsId"), Text("DisplayName"), Text("TenantId", 64), Text("ServiceUrl"), Note("PersonalConversationId"), Time("UpdatedAt"),
    ]);

    /// <summary>
    /// Title = the approval id (unique). RequestKey is unique too: filing a request again answers 409 and the first
    /// one is read back. Queries filter on the indexed status (pending for an approver, the digest: pending requests
    /// are few, so approvers and age are checked in code), requester or subject. The approvers ("|id1|id2|"), the
    /// payload and the card copies are JSON or text in multi-line columns that no query filters on. The version counts
    /// saves only, so that adding a card copy (which moves the eTag) does not make a decision on the card conflict.
    /// </summary>
    public static readonly ListDef Approvals = new("TeamsCrm Approvals", Key(),
    [
        Text(ApprovalFields.RequestKey, indexed: true, unique: true, required: true), Choice<ApprovalKind>(ApprovalFields.Kind),
        Text(ApprovalFields.Subject, indexed: true, required: true), Text(ApprovalFields.SubjectName),
        Text(ApprovalFields.Requester, 64, indexed: true, required: true), Note(ApprovalFields.Approvers), Note(ApprovalFields.Payload),
        new(ApprovalFields.Status, ColumnKind.Choice, Indexed: true, Required: true, Choices: Enum.GetNames<ApprovalStatus>()),
        Text(ApprovalFields.DecidedBy, 64), Time(ApprovalFields.DecidedAt), Note(ApprovalFields.Comment), Time(ApprovalFields.EffectAppliedAt),
        Time(ApprovalFields.CreatedAt), new(ApprovalFields.Version, ColumnKind.Number, Required: true), Note(ApprovalFields.Copies),
    ]);

    public static readonly IReadOnlyList<ListDef> All =
        [Customers, Contacts, ArchiveEntries, ChangeRecords, AccessGrants, AccessLog, Submissions, NumberCounters, Conversations, Users, Approvals];
}
