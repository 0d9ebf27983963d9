using System.Globalization;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Directory;
using TeamsCrm.Bot.Domain.Approvals;
using TeamsCrm.Bot.Domain.Visits;
using TeamsCrm.Bot.Features.Customers;
using TeamsCrm.Bot.Workbooks;

namespace TeamsCrm.Bot.Features.Analysis;

/// <summary>
/// How fast requests are decided (issue 16): time from filing to decision per approver and per kind over the last
/// <see cref="Months"/> months, and the requests escalated this month — those of the people the analysis covers. Hours are
/// wall-clock: what the requester waited.
/// </summary>
public static class DecisionTables
{
    public const int Months = 3;

    public static async Task<IReadOnlyList<FigureTable>> BuildAsync(CultureInfo c, IReadOnlyList<Person> people, ICrmArchive archive, IDirectory directory,
        DateTimeOffset now, TimeZoneInfo zone, CancellationToken ct)
    {
        var mine = people.Select(p => p.AadObjectId).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var today = LocalCalendar.Today(now, zone);
        var monthStart = LocalCalendar.StartOfDay(new DateOnly(today.Year, today.Month, 1), zone);
        var since = LocalCalendar.StartOfDay(new DateOnly(today.Year, today.Month, 1).AddMonths(1 - Months), zone);
        var decided = (await archive.Approvals.DecidedSinceAsync(since, ct)).Where(a => mine.Contains(a.RequesterAadObjectId)).ToList();

        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var id in decided.Select(a => a.DecidedByAadObjectId).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase))
            names[id] = (await directory.FindAsync(id, ct))?.Name ?? id;
        var byApprover = decided.Where(a => a.DecidedByAadObjectId is not null).GroupBy(a => names[a.DecidedByAadObjectId!], StringComparer.Ordinal);
        var byKind = decided.GroupBy(a => CustomerText.Of(c, a.Kind), StringComparer.Ordinal);

        // Escalated this month: still waiting, or decided since (among the decisions read above: the month is in the window).
        var escalated = (await archive.Approvals.PendingCreatedBeforeAsync(now, ct)).Where(a => mine.Contains(a.RequesterAadObjectId))
            .Concat(decided.Where(a => a.DecidedAt >= monthStart))
            .Select(a => (a, At: a.Routing.Moves.Where(m => m.Kind == MoveKind.Escalated && m.At >= monthStart).Select(m => (DateTimeOffset?)m.At).FirstOrDefault()))
            .Where(x => x.At is not null).DistinctBy(x => x.a.Id).OrderBy(x => x.At).ToList();

        return
        [
            Times(c, "decisionsByApprover", T.Get(c, "analysis.approver"), byApprover),
            Times(c, "decisionsByKind", T.Get(c, "analysis.requestKind"), byKind),
            new("escalated", T.Get(c, "analysis.escalated"), "",
                [T.Get(c, "analysis.requestKind"), T.Get(c, "analysis.about"), T.Get(c, "analysis.escalatedAt"), T.Get(c, "analysis.status")],
                [.. escalated.Select(x => (IReadOnlyList<string>)[CustomerText.Of(c, x.a.Kind), x.a.SubjectName, CustomerText.Time(x.At!.Value, zone),
                    T.Get(c, "ApprovalStatus." + x.a.Status)])])
            { Kinds = [CellKind.Text, CellKind.Text, CellKind.DateTime, CellKind.Text] },
        ];
    }

    /// <summary>Per group: how many were decided, the average and the longest hours from filing to decision, slowest first.</summary>
    static FigureTable Times(CultureInfo c, string id, string first, IEnumerable<IGrouping<string, Approval>> groups) =>
        new(id, T.Get(c, "analysis." + id, Months), "",
            [first, T.Get(c, "analysis.decided"), T.Get(c, "analysis.averageHours"), T.Get(c, "analysis.longestHours")],
            [.. groups.Select(g => (g.Key, Hours: g.Select(a => (a.DecidedAt!.Value - a.CreatedAt).TotalHours).ToList()))
                .OrderByDescending(g => g.Hours.Average()).ThenBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => (IReadOnlyList<string>)[g.Key, Count(g.Hours.Count), Count((int)Math.Round(g.Hours.Average())), Count((int)Math.Ceiling(g.Hours.Max()))])])
        { Kinds = [CellKind.Text, CellKind.Integer, CellKind.Integer, CellKind.Integer] };

    static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);
}
