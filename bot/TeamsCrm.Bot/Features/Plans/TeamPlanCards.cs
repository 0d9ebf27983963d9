using System.Globalization;
using System.Text.Json.Nodes;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Domain.Approvals;
using TeamsCrm.Bot.Domain.Visits;
using TeamsCrm.Bot.Features.Visits;
using TeamsCrm.Bot.Forms;

namespace TeamsCrm.Bot.Features.Plans;

/// <summary>
/// A leader's week in one card (团队计划): every report's plan for the week — the visits by day, the key goals, the customers
/// due that the plan leaves out — with Approve and Return with comment per rep, and Approve all. Each button names the request
/// and the submission it was shown with: a plan changed since is never approved by a press made before it was seen.
/// </summary>
public static class TeamPlanCards
{
    public const string OpenVerb = "teamplans.open";
    public const string DecideVerb = "teamplans.decide";
    public const string ApproveAllVerb = "teamplans.approveAll";
    /// <summary>Each line's comment input is this plus the request's id: one card, one comment per rep.</summary>
    public const string CommentPrefix = "comment_";
    /// <summary>Customers named in a line's warning; the rest are counted.</summary>
    const int MaxNamed = 5;
    /// <summary>The key goals as far as a line shows them; the whole text is on the rep's plan and the request card.</summary>
    const int MaxGoals = 200;

    /// <param name="typed">Comments typed before the press that rebuilt the card, by request id: kept in their boxes.</param>
    public static JsonObject View(CultureInfo c, IsoWeek week, IsoWeek otherWeek, IReadOnlyList<TeamPlanRow> rows, int total, string? notice,
        IReadOnlyDictionary<string, string>? typed = null)
    {
        var card = Card.Create().Title(T.Get(c, "teamPlans.title")).Text(PlanText.Week(c, week), subtle: true);
        if (notice is not null) card.Warning(notice);
        var submitted = rows.Count(r => r.Plan?.IsCommitted == true);
        var approved = rows.Count(r => r.Plan?.Status == VisitPlanStatus.Approved);
        var mine = rows.Where(r => r.MineToDecide).ToList();
        card.Text(T.Get(c, "teamPlans.summary", submitted, rows.Count, approved, mine.Count));
        foreach (var row in rows) card.Section(Line(c, week, row, typed));
        if (total > rows.Count) card.Text(T.Get(c, "teamPlans.more", total - rows.Count), subtle: true);
        if (mine.Count > 0)
            card.Execute(T.Get(c, "teamPlans.approveAll", mine.Count), ApproveAllVerb, new JsonObject
            {
                ["week"] = week.ToString(),
                ["plans"] = new JsonArray([.. mine.Select(r => (JsonNode)Shown(r))]),
            }, style: "positive", withInputs: false);
        return card.Execute(T.Get(c, otherWeek.CompareTo(week) > 0 ? "plans.toNextWeek" : "plans.toThisWeek"), OpenVerb,
                new JsonObject { ["week"] = otherWeek.ToString() }, withInputs: false)
            .Build();
    }

    /// <summary>The request and the submission a line showed: what its buttons, and Approve all, decide.</summary>
    static JsonObject Shown(TeamPlanRow row) => new() { ["id"] = row.Request!.Id, ["token"] = row.Plan!.SubmissionId };

    static Card Line(CultureInfo c, IsoWeek week, TeamPlanRow row, IReadOnlyDictionary<string, string>? typed)
    {
        var part = Card.Create();
        var plan = row.Plan;
        part.Add(new JsonObject
        {
            ["type"] = "TextBlock", ["wrap"] = true, ["weight"] = "Bolder",
            ["text"] = $"{row.Rep.Name} · {(plan?.IsCommitted == true || plan?.Status == VisitPlanStatus.Rejected ? PlanText.Status(c, plan.Status) : T.Get(c, "teamPlans.notSubmitted"))}",
        });
        if (plan is not null && plan.Items.Count > 0)
            part.Facts(plan.Items.GroupBy(i => i.Day).OrderBy(g => g.Key).Select(g => (Day(c, g.Key),
                string.Join("; ", g.OrderBy(i => i.Time ?? TimeOnly.MinValue).Select(i =>
                    (i.Time is { } t ? t.ToString("HH:mm", CultureInfo.InvariantCulture) + " " : "") + $"{i.CustomerName} · {VisitText.Of(c, i.Purpose)}")))));
        else if (plan?.IsCommitted == true) part.Text(T.Get(c, "teamPlans.noVisits"), subtle: true);
        if (plan?.KeyGoals is { Length: > 0 } goals) part.Facts([(T.Get(c, "plans.actions.goals"), VisitText.Shorten(goals, MaxGoals))]);
        if (row.NotPlanned.Count > 0) part.Warning(Warning(c, week, row));
        switch (plan?.Status)
        {
            case VisitPlanStatus.Approved when row.ReviewerName is { } by:
                part.Text(T.Get(c, "teamPlans.reviewedBy", PlanText.Status(c, plan.Status), by), subtle: true);
                break;
            case VisitPlanStatus.Rejected:
                part.Text(T.Get(c, "teamPlans.reviewedBy", PlanText.Status(c, plan.Status), row.ReviewerName ?? "?"), subtle: true);
                if (plan.ReviewComment is { } comment) part.Text(T.Get(c, "plans.returnedBecause", comment), subtle: true);
                break;
            case VisitPlanStatus.Submitted when !row.MineToDecide:
                part.Text(T.Get(c, "teamPlans.waitingFor", row.Deciders.Count > 0 ? string.Join(", ", row.Deciders) : "?"), subtle: true);
                break;
        }
        if (!row.MineToDecide) return part;
        var data = Shown(row);
        var commentId = CommentPrefix + row.Request!.Id;
        var form = Card.Create()
            .Add(Inputs.MultiLine(c, commentId, T.Get(c, "teamPlans.comment", row.Rep.Name), typed?.GetValueOrDefault(row.Request.Id), maxLength: Limits.Reason));
        form.Execute(T.Get(c, "teamPlans.returnSend"), DecideVerb, With(data, nameof(Decision.Reject)), style: "destructive");
        return part.Buttons(
            Card.ExecuteButton(T.Get(c, "teamPlans.approve"), DecideVerb, With(data, nameof(Decision.Approve)), style: "positive", withInputs: false),
            Card.UnfoldButton(T.Get(c, "teamPlans.return"), form));
    }

    static JsonObject With(JsonObject data, string decision)
    {
        var copy = (JsonObject)data.DeepClone();
        copy["decision"] = decision;
        return copy;
    }

    /// <summary>"Due by Sun 29 Nov, not in the plan: Huadong (3 days overdue), …", or only how many when the viewer may not read those files.</summary>
    static string Warning(CultureInfo c, IsoWeek week, TeamPlanRow row)
    {
        var by = Day(c, week.Sunday);
        if (!row.NamesShown) return T.Get(c, "teamPlans.notPlannedCount", row.NotPlanned.Count, by);
        var named = string.Join(", ", row.NotPlanned.Take(MaxNamed).Select(d => T.Get(c, "teamPlans.dueName", d.Customer.Name, DueVisitCards.When(c, d))));
        return T.Get(c, "teamPlans.notPlanned", by, named)
            + (row.NotPlanned.Count > MaxNamed ? " " + T.Get(c, "teamPlans.notPlannedMore", row.NotPlanned.Count - MaxNamed) : "");
    }

    /// <summary>"Mon 16 Nov" / "11月16日 周一": the year is the week's.</summary>
    static string Day(CultureInfo c, DateOnly day) => T.Get(c, "teamPlans.day", day.ToDateTime(TimeOnly.MinValue), VisitText.Weekday(c, day));

    /// <summary>Nobody whose plan this person reviews; <paramref name="notice"/>: what came of a press (a rep replaying a leader's button).</summary>
    public static JsonObject Nobody(CultureInfo c, string? notice = null)
    {
        var card = Card.Create().Title(T.Get(c, "teamPlans.title"));
        if (notice is not null) card.Warning(notice);
        return card.Text(T.Get(c, "teamPlans.nobody")).Build();
    }
}
