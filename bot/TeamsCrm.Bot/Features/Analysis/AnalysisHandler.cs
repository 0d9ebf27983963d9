using TeamsCrm.Bot.Web;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Directory;
using TeamsCrm.Bot.Features.Exports;
using TeamsCrm.Bot.Features.Visits;
using TeamsCrm.Bot.Turns;

namespace TeamsCrm.Bot.Features.Analysis;

/// <summary>"analysis" (客户分析): for the sales manager, key-account director and general manager.</summary>
public static class AnalysisHandler
{
    public static async Task<Reply> Show(Turn turn, ICrmArchive archive, IDirectory directory, DownloadLinks links, DueVisits dueVisits, TimeProvider clock,
        CancellationToken ct)
    {
        var c = turn.Culture;
        var me = await directory.FindAsync(turn.User.AadObjectId, ct);
        if (!MaySee(me)) return Reply.Text(T.Get(c, "analysis.mayNot"));
        var people = await PeopleAsync(me!, directory, ct);
        var tables = await AnalysisReport.BuildAsync(c, people, archive, directory, dueVisits.Intervals, clock.GetUtcNow(), turn.TimeZone, ct);
        var files = tables[0].Rows.Sum(r => int.Parse(r[^1], System.Globalization.CultureInfo.InvariantCulture));   // every live file has a category
        return Reply.Card(AnalysisCards.Analysis(c, tables, files, (id, f) => links.For(me!.AadObjectId, DownloadKind.Analysis, id, c, f)));
    }

    public static bool MaySee(Person? p) => p is not null &&
        (p.Is(Role.SalesManager) || p.Is(Role.KeyAccountDirector) || p.Is(Role.GeneralManager));

    /// <summary>Everyone who owns files: every rep and leader (a manager's team) and the manager.</summary>
    public static async Task<IReadOnlyList<Person>> PeopleAsync(Person me, IDirectory directory, CancellationToken ct) =>
        [me, .. await Visits.Team.OfAsync(me, directory, ct)];
}
