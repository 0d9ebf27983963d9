using System.Globalization;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Visits;
using static TeamsCrm.Bot.Archive.SharePoint.SharePointLists;

namespace TeamsCrm.Bot.Archive.SharePoint;

/// <summary>
/// Visit ↔ an item of the Visits list, FollowUp ↔ an item of the Follow-ups list, and the keys their queries filter on.
/// Empty values are left out (SharePoint keeps no empty text): an optional text saved empty reads back as null.
/// </summary>
static class VisitItems
{
    public const string SubmissionId = "SubmissionId", RepDate = "RepDate", LocalDate = "LocalDate", Rep = "Rep", Due = "Due";

    /// <summary>
    /// The start of a rep's keys (RepDate, RepWeek). SharePoint compares text without case, as Entra object ids are
    /// compared; writing the rep in lower case keeps one form of each key, so that unique keys stay unique.
    /// </summary>
    public static string RepPrefix(string rep) => rep.ToLowerInvariant() + "|";

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly ParseDay(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static Dictionary<string, object?> Fields(Visit v) => WithoutEmpty(All(v));

    /// <summary>What a correction never changes: whose visit, to which customer, logged when and by which card.</summary>
    static readonly string[] Fixed = ["Title", SubmissionId, CustomerNumber, Rep, "CustomerName", "CreatedAt"];

    /// <summary>
    /// A correction's PATCH: every field a correction may change, empty ones as null so that they are cleared, the day keys
    /// moved with the time, and the history (<paramref name="corrections"/>, JSON) in the same write.
    /// </summary>
    public static Dictionary<string, object?> Corrected(Visit v, string corrections)
    {
        var fields = All(v);
        foreach (var key in Fixed) fields.Remove(key);
        foreach (var (key, value) in fields) if (value is "") fields[key] = null;
        fields["Corrections"] = corrections;
        return fields;
    }

    static Dictionary<string, object?> All(Visit v) => new()
    {
        ["Title"] = v.Id, [SubmissionId] = v.SubmissionId, [RepDate] = RepPrefix(v.RepAadObjectId) + Day(v.LocalDate),
        [CustomerNumber] = v.CustomerNumber, [LocalDate] = Day(v.LocalDate), [Rep] = v.RepAadObjectId, ["CustomerName"] = v.CustomerName,
        ["CustomerType"] = v.CustomerType.ToString(), ["Purpose"] = v.Purpose.ToString(), ["Method"] = v.Method.ToString(),
        ["VisitTime"] = ItemFields.Wire(v.Time), ["TimeZone"] = v.TimeZoneId, ["ContactPerson"] = v.ContactPerson, ["ContactInfo"] = v.ContactInfo,
        ["Notes"] = v.Notes, ["ProblemsAndMeasures"] = v.ProblemsAndMeasures, ["Receivable"] = v.Collection?.Receivable,
        ["Received"] = v.Collection?.Received, ["Result"] = v.Result.ToString(), ["Reason"] = v.Reason?.ToString(), ["ReasonNote"] = v.ReasonNote,
        ["NextAction"] = v.NextAction, ["NextActionDate"] = ItemFields.Wire(v.NextActionDate),
        // SharePoint keeps no date before 1900: an unset creation time is left out rather than refused.
        ["CreatedAt"] = v.CreatedAt == default ? null : ItemFields.Wire(v.CreatedAt),
        ["Revision"] = v.Revision, ["WithdrawnAt"] = ItemFields.Wire(v.WithdrawnAt),
    };

    public static Visit Read(ItemFields i) => new()
    {
        Id = Required(i, "Title"),
        SubmissionId = Required(i, SubmissionId),
        CustomerNumber = Required(i, CustomerNumber),
        CustomerName = i.Text("CustomerName") ?? "",
        RepAadObjectId = Required(i, Rep),
        CustomerType = Enum.Parse<CustomerCategory>(Required(i, "CustomerType")),
        Purpose = Enum.Parse<VisitPurpose>(Required(i, "Purpose")),
        Method = Enum.Parse<VisitMethod>(Required(i, "Method")),
        Time = i.Time("VisitTime") ?? throw Missing(i, "VisitTime"),
        TimeZoneId = Required(i, "TimeZone"),
        ContactPerson = i.Text("ContactPerson") ?? "",
        ContactInfo = i.Text("ContactInfo"),
        Notes = i.Text("Notes") ?? "",
        ProblemsAndMeasures = i.Text("ProblemsAndMeasures"),
        Collection = i.Decimal("Receivable") is { } receivable ? new Collection(receivable, i.Decimal("Received") ?? 0m) : null,
        Result = Enum.Parse<VisitResult>(Required(i, "Result")),
        Reason = i.Text("Reason") is { } reason ? Enum.Parse<UnsuccessfulReason>(reason) : null,
        ReasonNote = i.Text("ReasonNote"),
        NextAction = i.Text("NextAction"),
        NextActionDate = i.Date("NextActionDate"),
        CreatedAt = i.Time("CreatedAt") ?? default,
        Revision = (int)(i.Integer("Revision") ?? 0),
        WithdrawnAt = i.Time("WithdrawnAt"),
    };

    /// <summary>Title = the visit's id (unique): the follow-up of one visit is one item, however often it is written.</summary>
    public static Dictionary<string, object?> Fields(FollowUp f) => WithoutEmpty(new()
    {
        ["Title"] = f.VisitId, [Due] = Day(f.Due), [Rep] = f.RepAadObjectId, [CustomerNumber] = f.CustomerNumber,
        ["CustomerName"] = f.CustomerName, ["Action"] = f.Action, ["CreatedAt"] = f.CreatedAt == default ? null : ItemFields.Wire(f.CreatedAt),
    });

    public static FollowUp ReadFollowUp(ItemFields i) => new(Required(i, "Title"), Required(i, Rep), i.Text(CustomerNumber) ?? "",
        i.Text("CustomerName") ?? "", ParseDay(Required(i, Due)), i.Text("Action") ?? "", i.Time("CreatedAt") ?? default);

    /// <summary>Earliest first; visits at the same second by id, as SQLite orders them.</summary>
    public static List<Visit> Chronological(IEnumerable<Visit> visits) =>
        [.. visits.OrderBy(v => v.Time.UtcTicks).ThenBy(v => v.Id, StringComparer.Ordinal)];

    static string Required(ItemFields i, string key) => i.Text(key) ?? throw Missing(i, key);

    static InvalidOperationException Missing(ItemFields i, string key) => new($"List item {i.Id} has no {key}.");

    static Dictionary<string, object?> WithoutEmpty(Dictionary<string, object?> fields) =>
        fields.Where(f => f.Value is not (null or "")).ToDictionary(f => f.Key, f => f.Value);
}
