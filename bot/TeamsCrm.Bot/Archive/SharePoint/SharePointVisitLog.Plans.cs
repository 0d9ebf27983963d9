using System.Text.Json;
using System.Text.Json.Serialization;
using TeamsCrm.Bot.Domain.Visits;

namespace TeamsCrm.Bot.Archive.SharePoint;

/// <summary>
/// Weekly plans: one item per rep and ISO week (RepWeek is unique), the plan's items as JSON in one note, so that a plan
/// is one item and one write. <see cref="VisitPlan.Version"/> is the item's eTag: nothing but a plan save writes it.
/// </summary>
sealed partial class SharePointVisitLog
{
    const string RepWeek = "RepWeek", WeekColumn = "Week";
    static readonly ListDef Plans = SharePointLists.VisitPlans;
    /// <summary>Enum names and ISO dates, as the SQLite store writes them: the stored form never depends on member order.</summary>
    static readonly JsonSerializerOptions ItemJson = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>One query on the unique RepWeek.</summary>
    public async Task<VisitPlan?> PlanAsync(string repAadObjectId, IsoWeek week, CancellationToken ct = default) =>
        (await site.QueryAsync(Plans, ODataFilter.Eq(RepWeek, Slot(repAadObjectId, week)), ct, top: 2))
            .Select(ReadPlan).FirstOrDefault(p => IsSlot(p, repAadObjectId, week));

    /// <summary>One query on Week; by rep without case, as SQLite's NOCASE column sorts.</summary>
    public async Task<IReadOnlyList<VisitPlan>> PlansOfWeekAsync(IsoWeek week, CancellationToken ct = default) =>
        [.. (await site.QueryAsync(Plans, ODataFilter.Eq(WeekColumn, week.ToString()), ct)).Select(ReadPlan).Where(p => p.Week == week)
            .OrderBy(p => p.RepAadObjectId, StringComparer.OrdinalIgnoreCase)];

    /// <summary>
    /// A new plan is created with its unique RepWeek (and unique Title, its id): a 409 means the slot is taken, and the plan
    /// there is the conflict. An update finds the stored plan by id; another version or another rep or week is a conflict
    /// at once, and the PATCH carries If-Match: the eTag, so of two saves from one version the later meets 412 and is
    /// shown the earlier's plan. New plans cost one call, updates two.
    /// </summary>
    public async Task<VisitPlan> SavePlanAsync(VisitPlan plan, CancellationToken ct = default)
    {
        if (plan.Version.Length == 0)
        {
            try
            {
                return ReadPlan(await site.CreateAsync(Plans, PlanFields(plan, isNew: true), ct));
            }
            catch (Exception e) when (SharePointSite.Is(e, 409))
            {
                throw new PlanConflictException(await PlanAsync(plan.RepAadObjectId, plan.Week, ct) ?? await PlanByIdAsync(plan.Id, ct)
                    ?? throw new InvalidOperationException($"The plan of {plan.RepAadObjectId} for {plan.Week} was refused as a duplicate but cannot be found.", e));
            }
        }
        var stored = await PlanItemAsync(plan.Id, ct) ?? throw new KeyNotFoundException($"There is no plan {plan.Id}.");
        var current = ReadPlan(stored);
        // The rep and week of a stored plan are fixed; a plan moved onto another's slot is a clash, not a move.
        if (!SameETag(stored.ETag, plan.Version) || !IsSlot(current, plan.RepAadObjectId, plan.Week)) throw new PlanConflictException(current);
        try
        {
            var saved = await site.UpdateAsync(Plans, stored.Id, stored.ETag, PlanFields(plan, isNew: false), ct);
            return ReadPlan(saved);
        }
        catch (Exception e) when (SharePointSite.Is(e, 412))
        {
            throw new PlanConflictException(ReadPlan(await site.GetAsync(Plans, stored.Id, ct)
                ?? throw new KeyNotFoundException($"Plan {plan.Id} was deleted while it was saved.")));
        }
    }

    async Task<VisitPlan?> PlanByIdAsync(string id, CancellationToken ct) => await PlanItemAsync(id, ct) is { } item ? ReadPlan(item) : null;

    async Task<ItemFields?> PlanItemAsync(string id, CancellationToken ct) =>
        (await site.QueryAsync(Plans, ODataFilter.Eq("Title", id), ct, top: 2)).FirstOrDefault(i => i.Text("Title") == id);

    static string Slot(string rep, IsoWeek week) => VisitItems.RepPrefix(rep) + week;

    static bool IsSlot(VisitPlan p, string rep, IsoWeek week) =>
        string.Equals(p.RepAadObjectId, rep, StringComparison.OrdinalIgnoreCase) && p.Week == week;

    /// <summary>eTags are compared the way SharePoint compares If-Match: quotes, braces, W/ and case do not count.</summary>
    static bool SameETag(string a, string b) => string.Equals(Bare(a), Bare(b), StringComparison.OrdinalIgnoreCase);

    static string Bare(string eTag) => eTag.Replace("W/", "", StringComparison.Ordinal).Replace("\"", "", StringComparison.Ordinal)
        .Replace("{", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);

    /// <summary>
    /// A new plan's every field (empty ones left out); an update's changeable fields only, empty ones as null so that they
    /// are cleared — the id, rep and week are written once.
    /// </summary>
    static Dictionary<string, object?> PlanFields(VisitPlan p, bool isNew)
    {
        var fields = new Dictionary<string, object?>
        {
            ["Status"] = p.Status.ToString(), ["Items"] = JsonSerializer.Serialize(p.Items, ItemJson), ["SubmittedAt"] = ItemFields.Wire(p.SubmittedAt),
            ["Reviewer"] = p.ReviewerAadObjectId, ["ReviewComment"] = p.ReviewComment, ["ReviewedAt"] = ItemFields.Wire(p.ReviewedAt),
            ["SubmissionId"] = p.SubmissionId, ["KeyGoals"] = p.KeyGoals, ["KeyProducts"] = p.KeyProducts, ["KeyCustomers"] = p.KeyCustomers,
        };
        if (!isNew) return fields;
        fields["Title"] = p.Id;
        fields[RepWeek] = Slot(p.RepAadObjectId, p.Week);
        fields[WeekColumn] = p.Week.ToString();
        fields[VisitItems.Rep] = p.RepAadObjectId;
        return fields.Where(f => f.Value is not (null or "")).ToDictionary(f => f.Key, f => f.Value);
    }

    static VisitPlan ReadPlan(ItemFields i) => new()
    {
        Id = i.Text("Title") ?? throw new InvalidOperationException($"Plan item {i.Id} has no id."),
        RepAadObjectId = i.Text(VisitItems.Rep) ?? throw new InvalidOperationException($"Plan item {i.Id} has no rep."),
        Week = IsoWeek.TryParse(i.Text(WeekColumn), out var week) ? week : throw new FormatException($"Bad week '{i.Text(WeekColumn)}'."),
        Status = Enum.Parse<VisitPlanStatus>(i.Text("Status") ?? nameof(VisitPlanStatus.Draft)),
        Items = JsonSerializer.Deserialize<List<VisitPlanItem>>(i.Text("Items") ?? "[]", ItemJson) ?? [],
        SubmittedAt = i.Time("SubmittedAt"),
        ReviewerAadObjectId = i.Text("Reviewer"),
        ReviewComment = i.Text("ReviewComment"),
        ReviewedAt = i.Time("ReviewedAt"),
        SubmissionId = i.Text("SubmissionId"),
        KeyGoals = i.Text("KeyGoals"),
        KeyProducts = i.Text("KeyProducts"),
        KeyCustomers = i.Text("KeyCustomers"),
        Version = i.ETag,
    };
}
