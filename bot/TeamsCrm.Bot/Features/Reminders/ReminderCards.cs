using System.Globalization;
using System.Text.Json.Nodes;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Domain.Visits;

namespace TeamsCrm.Bot.Features.Reminders;

/// <summary>
/// The reminders a team gets in its channel. Buttons that lead to a person's own card (their plan, their report) open
/// it in that person's 1:1 chat with the bot (<see cref="ReminderOpenHandler"/>): a channel is no place for a form.
/// </summary>
public static class ReminderCards
{
    public const string OpenVerb = "reminder.open";
    /// <summary>Rows beyond this are cut (with a line saying how many): a large team stays under the card budget.</summary>
    public const int MaxRows = 60;

    /// <summary>
    /// Who has and has not submitted this week's visit plan; those who have not are @mentioned. <paramref name="overdueKeyAccounts"/>:
    /// per rep, how many of their key accounts are overdue for a visit by the cadence (Visits:Cadence) — the reps with any are listed.
    /// </summary>
    public static JsonObject WeeklyPlan(CultureInfo c, IsoWeek week, IReadOnlyList<(Mentioned Rep, bool Submitted)> reps,
        IReadOnlyList<(string Rep, int Count)>? overdueKeyAccounts = null)
    {
        var card = Card.Create().Title(T.Get(c, "reminders.plan.title", week.Monday.ToDateTime(TimeOnly.MinValue)));
        var missing = reps.Where(r => !r.Submitted).Select(r => r.Rep).ToList();
        var done = reps.Where(r => r.Submitted).Select(r => r.Rep.Name).ToList();
        card.Facts([
            (T.Get(c, "reminders.plan.submitted"), done.Count == 0 ? T.Get(c, "reminders.nobody") : string.Join(", ", done.Take(MaxRows))),
        ]);
        if (missing.Count == 0) card.Text(T.Get(c, "reminders.plan.allDone"));
        else card.Text(T.Get(c, "reminders.plan.missing", Mentions.Text(missing.Take(MaxRows))));
        var overdue = (overdueKeyAccounts ?? []).Where(o => o.Count > 0).ToList();
        if (overdue.Count > 0)
            card.Heading(T.Get(c, "reminders.plan.overdueTitle"))
                .Facts(overdue.Take(MaxRows).Select(o => (o.Rep, T.Get(c, "reminders.plan.overdueCount", o.Count))))
                .Text(T.Get(c, "reminders.plan.overdueHow"), subtle: true);
        card.Execute(T.Get(c, "reminders.plan.open"), OpenVerb, new JsonObject { ["what"] = "plan" });
        // Leaders approve the week's plans from here: their team plans card, in their own 1:1 chat.
        card.Execute(T.Get(c, "reminders.plan.team"), OpenVerb, new JsonObject { ["what"] = "teamPlans" });
        return Mentions.With(card.Build(), [.. missing.Take(MaxRows)]);
    }

    /// <summary>
    /// Planned vs actual visits of the week per rep: a Teams chart (Chart.VerticalBar.Grouped) whose fallback is the same
    /// figures as a table, for clients without charts.
    /// </summary>
    public static JsonObject WeekEnd(CultureInfo c, IsoWeek week, IReadOnlyList<(string Rep, VisitCounts Counts)> rows)
    {
        var card = Card.Create().Title(T.Get(c, "reminders.weekEnd.title", week.Monday.ToDateTime(TimeOnly.MinValue)));
        var shown = rows.Take(MaxRows).ToList();
        string planned = T.Get(c, "reports.planned"), actual = T.Get(c, "reports.actual");
        if (shown.Count == 0) return card.Text(T.Get(c, "reminders.noReps"), subtle: true).Build();
        var table = Card.Create().Table([3, 1, 1], [T.Get(c, "reports.rep"), planned, actual],
            shown.Select(r => (IReadOnlyList<string>)[r.Rep, r.Counts.Planned.ToString(c), r.Counts.Actual.ToString(c)])).Build()["body"]![0]!.DeepClone();
        card.Add(new JsonObject
        {
            ["type"] = "Chart.VerticalBar.Grouped",
            ["title"] = T.Get(c, "reminders.weekEnd.chart"),
            ["data"] = new JsonArray(
                Series(planned, shown.Select(r => (r.Rep, r.Counts.Planned))),
                Series(actual, shown.Select(r => (r.Rep, r.Counts.Actual)))),
            ["fallback"] = table,
        });
        var team = rows.Aggregate(VisitCounts.Zero, (sum, r) => sum + r.Counts);
        card.Text(T.Get(c, "reminders.weekEnd.team", team.Planned, team.Actual));
        if (rows.Count > shown.Count) card.Text(T.Get(c, "reminders.more", rows.Count - shown.Count), subtle: true);
        return card.Build();
    }

    /// <summary>The market-analysis report is due; <paramref name="again"/>: only those who have not submitted are named.</summary>
    public static JsonObject ReportDue(CultureInfo c, YearMonth month, DateOnly dueBefore, IReadOnlyList<Mentioned> missing, bool again)
    {
        var card = Card.Create().Title(T.Get(c, again ? "reminders.report.againTitle" : "reminders.report.title",
            T.Get(c, "reports.month", month.First.ToDateTime(TimeOnly.MinValue)), dueBefore.ToDateTime(TimeOnly.MinValue)));
        card.Text(T.Get(c, "reminders.report.what"), subtle: true);
        if (missing.Count == 0) card.Text(T.Get(c, "reminders.report.allDone"));
        else if (again) card.Text(T.Get(c, "reminders.report.missing", Mentions.Text(missing.Take(MaxRows))));
        card.Execute(T.Get(c, "reminders.report.open"), OpenVerb, new JsonObject { ["what"] = "report" });
        return again ? Mentions.With(card.Build(), [.. missing.Take(MaxRows)]) : card.Build();
    }

    public static JsonObject FileMeeting(CultureInfo c, YearMonth month) => Card.Create()
        .Title(T.Get(c, "reminders.meeting.title", T.Get(c, "reports.month", month.First.ToDateTime(TimeOnly.MinValue))))
        .Text(T.Get(c, "reminders.meeting.text"))
        .Build();

    /// <summary>Files with no update or review in 60 days, by owner (档案动态管理: a full review every two months).</summary>
    /// <param name="namesShown">False where someone in the channel may not see the archive: counts per owner only.</param>
    public static JsonObject FileReview(CultureInfo c, int staleDays, IReadOnlyList<(string Owner, IReadOnlyList<string> Files)> byOwner, bool namesShown = true)
    {
        var card = Card.Create().Title(T.Get(c, "reminders.review.title")).Text(T.Get(c, "reminders.review.text", staleDays), subtle: true);
        if (byOwner.Count == 0) return card.Text(T.Get(c, "reminders.review.none")).Build();
        if (!namesShown)
            return card.Table([3, 1], [T.Get(c, "reminders.review.owner"), T.Get(c, "reminders.review.count")],
                    byOwner.Take(MaxRows).Select(o => (IReadOnlyList<string>)[o.Owner, o.Files.Count.ToString(c)]))
                .Text(T.Get(c, "reminders.review.namesHidden"), subtle: true).Build();
        return card.Table([2, 1, 5], [T.Get(c, "reminders.review.owner"), T.Get(c, "reminders.review.count"), T.Get(c, "reminders.review.files")],
            byOwner.Take(MaxRows).Select(o => (IReadOnlyList<string>)[o.Owner, o.Files.Count.ToString(c), Sample(c, o.Files)])).Build();
    }

    static string Sample(CultureInfo c, IReadOnlyList<string> files) =>
        files.Count <= 5 ? string.Join(", ", files) : string.Join(", ", files.Take(5)) + " " + T.Get(c, "reminders.more", files.Count - 5);

    static JsonObject Series(string legend, IEnumerable<(string X, int Y)> values) => new()
    {
        ["legend"] = legend,
        ["values"] = new JsonArray(values.Select(v => (JsonNode)new JsonObject { ["x"] = v.X, ["y"] = v.Y }).ToArray()),
    };
}
