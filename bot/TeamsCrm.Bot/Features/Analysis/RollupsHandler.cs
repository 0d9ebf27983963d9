using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Directory;
using TeamsCrm.Bot.Turns;

namespace TeamsCrm.Bot.Features.Analysis;

/// <summary>
/// "rollups rebuild" (重建汇总), for the sales manager and the general manager: the monthly rollups the analysis and the
/// team score read (<see cref="IMonthlyRollups"/>) computed again from the records, person by person — everyone whose
/// files or visits the analysis covers. Run once after upgrading to a version that keeps them, or after a write was cut
/// short. Each person is rebuilt whole and idempotently, beside live writes: a run cut short (or a person that failed) is
/// finished by running it again.
/// </summary>
public static class RollupsHandler
{
    public static async Task<Reply> Rebuild(Turn turn, ICrmArchive archive, IDirectory directory, CancellationToken ct)
    {
        var c = turn.Culture;
        var me = await directory.FindAsync(turn.User.AadObjectId, ct);
        if (me is null || !(me.Is(Role.SalesManager) || me.Is(Role.GeneralManager))) return Reply.Text(T.Get(c, "rollups.mayNot"));
        var people = await AnalysisHandler.PeopleAsync(me, directory, ct);
        var (months, failed) = (0, new List<string>());
        foreach (var person in people.DistinctBy(p => p.AadObjectId, StringComparer.OrdinalIgnoreCase))
        {
            try { months += await archive.Rollups.RebuildAsync(person.AadObjectId, ct); }
            catch (Exception e) when (e is not OperationCanceledException) { failed.Add(person.Name); }
        }
        return Reply.Text(failed.Count == 0
            ? T.Get(c, "rollups.rebuilt", people.Count, months)
            : T.Get(c, "rollups.partly", people.Count - failed.Count, people.Count, string.Join(", ", failed)));
    }
}
