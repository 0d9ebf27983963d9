using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Data.Sqlite;
using TeamsCrm.Bot.Domain.Visits;

namespace TeamsCrm.Bot.Archive.Sqlite;

/// <summary>Weekly plans: one row per rep and ISO week, the items as JSON, guarded by a row version.</summary>
sealed partial class SqliteVisitLog
{
    /// <summary>Enum names and ISO dates in the JSON, so that the stored form never depends on member order.</summary>
    static readonly JsonSerializerOptions ItemJson = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    const string PlanColumns =
        "SELECT id, rep_aad_object_id, week, status, items, submitted_at, reviewer_aad_object_id, review_comment, reviewed_at, submission_id, key_goals, key_products, key_customers, version FROM visit_plans";

    public async Task<VisitPlan?> PlanAsync(string repAadObjectId, IsoWeek week, CancellationToken ct = default)
    {
        await using var c = db.Open();
        return await ReadPlanAsync(c, "rep_aad_object_id = $rep AND week = $week", ct, ("$rep", repAadObjectId), ("$week", week.ToString()));
    }

    public async Task<IReadOnlyList<VisitPlan>> PlansOfWeekAsync(IsoWeek week, CancellationToken ct = default)
    {
        await using var c = db.Open();
        return await Sql.ListAsync(c, $"{PlanColumns} WHERE week = $week ORDER BY rep_aad_object_id", ReadPlan, ct, ("$week", week.ToString()));
    }

    /// <summary>New plans meet the unique (rep, week) index; updates meet the version. Either way the loser reads what won.</summary>
    public async Task<VisitPlan> SavePlanAsync(VisitPlan plan, CancellationToken ct = default)
    {
        await using var write = await db.BeginWriteAsync(ct);
        var c = write.Connection;
        var stored = await ReadPlanAsync(c, "id = $id", ct, ("$id", plan.Id));
        var sameSlot = await ReadPlanAsync(c, "rep_aad_object_id = $rep AND week = $week", ct, ("$rep", plan.RepAadObjectId), ("$week", plan.Week.ToString()));
        if (plan.Version.Length == 0)
        {
            if ((sameSlot ?? stored) is { } taken) throw new PlanConflictException(taken);
            await Sql.ExecAsync(c, """
                INSERT INTO visit_plans (id, rep_aad_object_id, week, status, items, submitted_at, reviewer_aad_object_id, review_comment, reviewed_at, submission_id,
                    key_goals, key_products, key_customers, version)
                VALUES ($id, $rep, $week, $status, $items, $submitted, $reviewer, $comment, $reviewed, $submission, $goals, $products, $customers, 1)
                """, ct, Parameters(plan));
        }
        else
        {
            if (stored is null) throw new KeyNotFoundException($"There is no plan {plan.Id}.");
            // The rep and week of a stored plan are fixed; a plan moved onto another's slot is a clash, not a move.
            if (stored.Version != plan.Version || !SameSlot(stored, plan)) throw new PlanConflictException(stored);
            await Sql.ExecAsync(c, """
                UPDATE visit_plans SET status = $status, items = $items, submitted_at = $submitted, reviewer_aad_object_id = $reviewer,
                    review_comment = $comment, reviewed_at = $reviewed, submission_id = $submission, key_goals = $goals, key_products = $products,
                    key_customers = $customers, version = version + 1
                WHERE id = $id
                """, ct, Parameters(plan));
        }
        var saved = (await ReadPlanAsync(c, "id = $id", ct, ("$id", plan.Id)))!;
        await write.CommitAsync(ct);
        return saved;
    }

    static bool SameSlot(VisitPlan a, VisitPlan b) =>
        string.Equals(a.RepAadObjectId, b.RepAadObjectId, StringComparison.OrdinalIgnoreCase) && a.Week == b.Week;

    static (string, object?)[] Parameters(VisitPlan p) =>
    [
        ("$id", p.Id), ("$rep", p.RepAadObjectId), ("$week", p.Week.ToString()), ("$status", p.Status.ToString()),
        ("$items", JsonSerializer.Serialize(p.Items, ItemJson)), ("$submitted", Sql.Iso(p.SubmittedAt)),
        ("$reviewer", p.ReviewerAadObjectId), ("$comment", p.ReviewComment), ("$reviewed", Sql.Iso(p.ReviewedAt)), ("$submission", p.SubmissionId),
        ("$goals", p.KeyGoals), ("$products", p.KeyProducts), ("$customers", p.KeyCustomers),
    ];

    static async Task<VisitPlan?> ReadPlanAsync(SqliteConnection c, string where, CancellationToken ct, params (string, object?)[] args) =>
        (await Sql.ListAsync(c, $"{PlanColumns} WHERE {where}", ReadPlan, ct, args)).SingleOrDefault();

    static VisitPlan ReadPlan(SqliteDataReader r) => new()
    {
        Id = r.Text("id"),
        RepAadObjectId = r.Text("rep_aad_object_id"),
        Week = IsoWeek.TryParse(r.Text("week"), out var week) ? week : throw new FormatException($"Bad week '{r.Text("week")}'."),
        Status = r.EnumOf<VisitPlanStatus>("status"),
        Items = JsonSerializer.Deserialize<List<VisitPlanItem>>(r.Text("items"), ItemJson) ?? [],
        SubmittedAt = r.TimeOrNull("submitted_at"),
        ReviewerAadObjectId = r.TextOrNull("reviewer_aad_object_id"),
        ReviewComment = r.TextOrNull("review_comment"),
        ReviewedAt = r.TimeOrNull("reviewed_at"),
        SubmissionId = r.TextOrNull("submission_id"),
        KeyGoals = r.TextOrNull("key_goals"),
        KeyProducts = r.TextOrNull("key_products"),
        KeyCustomers = r.TextOrNull("key_customers"),
        Version = r.Integer("version").ToString(CultureInfo.InvariantCulture),
    };
}
