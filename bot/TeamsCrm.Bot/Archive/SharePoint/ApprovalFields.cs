using System.Globalization;
using System.Text.Json;
using TeamsCrm.Bot.Domain.Approvals;

namespace TeamsCrm.Bot.Archive.SharePoint;

/// <summary>
/// Approval ↔ the fields of its item in the Approvals list (<see cref="SharePointLists.Approvals"/> names the columns
/// from here). What no query filters on — the approvers, the payload, the card copies — is text in multi-line columns.
/// </summary>
static class ApprovalFields
{
    /// <summary>
    /// Not "Status", "Comment" or "Version": SharePoint has fields of those names (task lists' status, comments, the
    /// item's own version history), and a list column named like one is easily confused with it.
    /// </summary>
    public const string Id = "Title", RequestKey = "RequestKey", Kind = "Kind", Subject = "Subject", SubjectName = "SubjectName",
        Requester = "Requester", Approvers = "Approvers", Payload = "Payload", Status = "ApprovalStatus", DecidedBy = "DecidedBy",
        DecidedAt = "DecidedAt", Comment = "DecisionComment", EffectAppliedAt = "EffectAppliedAt", CreatedAt = "CreatedAt",
        Version = "ApprovalVersion", Copies = "CardCopies", Finish = "FinishSteps", FinishDueAt = "FinishDueAt",
        Routing = "Routing";

    /// <summary>A new request: version 1, no decision, no copies (they are added once posted).</summary>
    public static Dictionary<string, object?> ForCreate(Approval a) => WithoutEmpty(new(ForSave(a, 1))
    {
        [Id] = a.Id, [RequestKey] = a.RequestKey, [Kind] = a.Kind.ToString(), [Subject] = a.Subject, [SubjectName] = a.SubjectName,
        [Requester] = a.RequesterAadObjectId, [CreatedAt] = ItemFields.Wire(a.CreatedAt),
    });

    /// <summary>What a save may change (as SQLite's UPDATE), with the next version. A null clears the field.</summary>
    public static Dictionary<string, object?> ForSave(Approval a, long version) => new()
    {
        [Status] = a.Status.ToString(), [DecidedBy] = a.DecidedByAadObjectId, [DecidedAt] = ItemFields.Wire(a.DecidedAt),
        [Comment] = a.Comment, [EffectAppliedAt] = ItemFields.Wire(a.EffectAppliedAt),
        [Payload] = JsonSerializer.Serialize(a.Payload), [Version] = version,
        [Finish] = a.Finish is { } finish ? JsonSerializer.Serialize(finish) : null, [FinishDueAt] = ItemFields.Wire(a.Finish?.DueAt),
        // The approvers move with the routing (escalation, delegation, reassignment), in the same If-Match write.
        [Approvers] = JoinApprovers(a.ApproverAadObjectIds), [Routing] = JsonSerializer.Serialize(a.Routing),
    };

    public static Dictionary<string, object?> ForCopies(IEnumerable<CardCopy> copies) => new() { [Copies] = JsonSerializer.Serialize(copies) };

    public static Approval Read(ItemFields i) => new()
    {
        Id = i.Text(Id)!, RequestKey = i.Text(RequestKey)!, Kind = Enum.Parse<ApprovalKind>(i.Text(Kind)!), Subject = i.Text(Subject)!,
        SubjectName = i.Text(SubjectName) ?? "", RequesterAadObjectId = i.Text(Requester)!, ApproverAadObjectIds = SplitApprovers(i.Text(Approvers)),
        Payload = i.Text(Payload) is { } p ? JsonSerializer.Deserialize<ApprovalPayload>(p) ?? new() : new(),
        Status = Enum.Parse<ApprovalStatus>(i.Text(Status)!), DecidedByAadObjectId = i.Text(DecidedBy), DecidedAt = i.Time(DecidedAt),
        Comment = i.Text(Comment), EffectAppliedAt = i.Time(EffectAppliedAt), CreatedAt = i.Time(CreatedAt)!.Value,
        Copies = i.Text(Copies) is { } c ? JsonSerializer.Deserialize<List<CardCopy>>(c) ?? [] : [],
        Version = VersionOf(i).ToString(CultureInfo.InvariantCulture),
        Finish = i.Text(Finish) is { } f ? JsonSerializer.Deserialize<FinishWork>(f) : null,
        Routing = i.Text(Routing) is { } r ? JsonSerializer.Deserialize<ApprovalRouting>(r) ?? new() : new(),
    };

    public static long VersionOf(ItemFields i) => i.Integer(Version) ?? 0;

    /// <summary>
    /// "|id1|id2|": delimited on both sides so that a reader (or a person looking at the list) can match a whole id.
    /// Each approver once, without regard to case, in the order given (as SQLite's primary key keeps them).
    /// </summary>
    static string JoinApprovers(IEnumerable<string> ids) => "|" + string.Join('|', ids.Distinct(StringComparer.OrdinalIgnoreCase)) + "|";

    static List<string> SplitApprovers(string? joined) => [.. (joined ?? "").Split('|', StringSplitOptions.RemoveEmptyEntries)];

    /// <summary>SharePoint keeps an empty text as no value; a new item need not send the nulls.</summary>
    static Dictionary<string, object?> WithoutEmpty(Dictionary<string, object?> fields) =>
        fields.Where(f => f.Value is not null).ToDictionary(f => f.Key, f => f.Value);
}
