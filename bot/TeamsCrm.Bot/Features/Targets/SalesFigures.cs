using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Directory;
using TeamsCrm.Bot.Domain.Targets;
using TeamsCrm.Bot.Domain.Visits;

namespace TeamsCrm.Bot.Features.Targets;

/// <summary>
/// A month's target, actual, percentage and score per rep, read with indexed queries only: the month's target sheet
/// (by month), each rep's customers (by owner), and those customers' contracts and orders (by customer number).
/// </summary>
public static class SalesFigures
{
    public static async Task<IReadOnlyList<ScoreLine>> ForAsync(IReadOnlyList<Person> reps, YearMonth month, ICrmArchive archive,
        CancellationToken ct)
    {
        var sheet = await archive.Targets.GetAsync(month, ct) ?? TargetSheet.Empty(month);
        var ownerOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (rep, files) in await archive.Customers.ListByOwnersAsync([.. reps.Select(r => r.AadObjectId)], ct))
            foreach (var customer in files) ownerOf[customer.Number] = rep;
        var sales = await archive.Targets.SalesAsync(ownerOf.Keys, month.First, month.Last, ct);
        var actual = SalesActuals.ByRep(month, sales, ownerOf);
        return TargetScore.Ranked(reps.Select(r => TargetScore.Line(r.AadObjectId, r.Name, sheet.TargetOf(r.AadObjectId), actual.GetValueOrDefault(r.AadObjectId))));
    }
}
