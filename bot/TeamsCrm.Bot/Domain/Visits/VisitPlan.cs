namespace TeamsCrm.Bot.Domain.Visits;

/// <summary>
/// A rep's weekly visit plan (客户拜访周/日计划表, table 5-28): filled by the rep, reviewed and approved by
/// the supervisor (填表 → 审核 → 批准). One plan per rep per ISO week.
/// </summary>
public sealed record VisitPlan
{
    public required string Id { get; init; }
    public required string RepAadObjectId { get; init; }
    public required IsoWeek Week { get; init; }
    public VisitPlanStatus Status { get; init; } = VisitPlanStatus.Draft;
    public IReadOnlyList<VisitPlanItem> Items { get; init; } = [];
    public DateTimeOffset? SubmittedAt { get; init; }
    /// <summary>The supervisor who approved or rejected it, and why (a rejection says what to change).</summary>
    public string? ReviewerAadObjectId { get; init; }
    public string? ReviewComment { get; init; }
    public DateTimeOffset? ReviewedAt { get; init; }
    /// <summary>
    /// The week's action plan (周行动计划表, table 5-5), filled by the rep beside the planned visits and shown to the
    /// supervisor with them: the key goals, key products and key customers of the week, as the rep writes them.
    /// </summary>
    public string? KeyGoals { get; init; }
    public string? KeyProducts { get; init; }
    public string? KeyCustomers { get; init; }
    /// <summary>The card submission that saved this version: the same submission again is the same save, not a conflict.</summary>
    public string? SubmissionId { get; init; }
    /// <summary>Optimistic concurrency token (SQLite row version or SharePoint eTag), opaque to the domain.</summary>
    public string Version { get; init; } = "";

    /// <summary>
    /// Whether the plan counts in planned vs actual. Submitted counts as well as approved: a supervisor who has
    /// not reviewed by the week's end must not make the rep's plan vanish from the numbers. Drafts and rejected
    /// plans are not commitments.
    /// </summary>
    public bool IsCommitted => Status is VisitPlanStatus.Submitted or VisitPlanStatus.Approved;
}

/// <summary>
/// One planned visit: customer, type, purpose, expected day (预计时间) and optionally time, contact, notes.
/// <paramref name="CustomerName"/> is the name when planned, kept for the plan and month tables.
/// <paramref name="AddedAt"/> is when the item went into the plan: a visit made before it cannot be its fulfilment
/// (null on items stored before it was kept: any visit of the week counts for them).
/// </summary>
public sealed record VisitPlanItem(
    string Id,
    string CustomerNumber,
    CustomerCategory CustomerType,
    VisitPurpose Purpose,
    DateOnly Day,
    TimeOnly? Time = null,
    string? Contact = null,
    string? Notes = null,
    string CustomerName = "",
    DateTimeOffset? AddedAt = null);

/// <summary>draft (草稿) → submitted (已提交) → approved (已批准) / rejected (已退回).</summary>
public enum VisitPlanStatus { Draft, Submitted, Approved, Rejected }

/// <summary>Field names reported by <see cref="VisitPlanRules.Validate"/>; item problems are "items[2].day".</summary>
public static class VisitPlanFields
{
    public const string Items = "items";
    public static string Item(int index, string field) => $"items[{index}].{field}";
}

/// <summary>What a plan must look like, and which status changes exist. Who may make them is Access's business.</summary>
public static class VisitPlanRules
{
    /// <summary>
    /// Draft → submitted by the rep; submitted → approved or rejected by the supervisor, or back to draft when
    /// the rep withdraws it; a rejected or approved plan that the rep edits goes back to draft and is submitted
    /// again — an approval covers the plan that was approved, not later edits.
    /// </summary>
    public static bool CanMove(VisitPlanStatus from, VisitPlanStatus to) => (from, to) switch
    {
        (VisitPlanStatus.Draft, VisitPlanStatus.Submitted) => true,
        (VisitPlanStatus.Submitted, VisitPlanStatus.Approved or VisitPlanStatus.Rejected or VisitPlanStatus.Draft) => true,
        (VisitPlanStatus.Rejected or VisitPlanStatus.Approved, VisitPlanStatus.Draft) => true,
        _ => false,
    };

    /// <summary>A plan to be submitted: at least one item, each with a customer and a day inside the plan's week.</summary>
    public static FieldProblems Validate(VisitPlan plan)
    {
        var p = new FieldProblems();
        if (plan.Items.Count == 0) p.Add(VisitPlanFields.Items, ProblemCodes.Empty);
        for (var i = 0; i < plan.Items.Count; i++)
        {
            var item = plan.Items[i];
            if (string.IsNullOrWhiteSpace(item.CustomerNumber)) p.Add(VisitPlanFields.Item(i, "customerNumber"), ProblemCodes.Required);
            if (!plan.Week.Contains(item.Day)) p.Add(VisitPlanFields.Item(i, "day"), ProblemCodes.OutsideWeek);
            if (!Enum.IsDefined(item.Purpose)) p.Add(VisitPlanFields.Item(i, "purpose"), ProblemCodes.Invalid);
            if (!Enum.IsDefined(item.CustomerType)) p.Add(VisitPlanFields.Item(i, "customerType"), ProblemCodes.Invalid);
        }
        return p;
    }
}
