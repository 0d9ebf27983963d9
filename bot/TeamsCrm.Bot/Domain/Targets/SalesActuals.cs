using TeamsCrm.Bot.Domain.Visits;

namespace TeamsCrm.Bot.Domain.Targets;

/// <summary>
/// The actual of a month: the signed contracts and orders (合同、订单) of the rep's customers whose signing date is in
/// the month. The signing date is a calendar date as filed on the entry (no time of day, so no time zone turns it
/// into another month); "this month" itself is read in the viewer's Teams time zone. A customer counts for the rep
/// who owns it now (a file handed over takes its history with it).
/// </summary>
public static class SalesActuals
{
    public static bool IsSale(ArchiveEntry e) => e.Type is EntryType.Contract or EntryType.Order && e.Amount is > 0;

    /// <param name="ownerOf">Customer number → the rep who owns it.</param>
    public static IReadOnlyDictionary<string, decimal> ByRep(YearMonth month, IEnumerable<ArchiveEntry> entries,
        IReadOnlyDictionary<string, string> ownerOf)
    {
        var sums = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase);
        foreach (var e in entries.Where(e => IsSale(e) && month.Contains(e.Date)))
            if (ownerOf.TryGetValue(e.CustomerNumber, out var rep))
                sums[rep] = sums.GetValueOrDefault(rep) + e.Amount!.Value;
        return sums;
    }
}
