using System.Globalization;
using System.Text.Json;
using TeamsCrm.Bot.Domain.Analysis;
using TeamsCrm.Bot.Domain.Visits;

namespace TeamsCrm.Bot.Archive.SharePoint;

/// <summary>A rollup item as last seen: a write with If-Match on its eTag meets exactly this rollup or answers 412.</summary>
sealed record RollupItem(string Id, string ETag, MonthRollup Rollup);

/// <summary>
/// <see cref="SharePointLists.MonthlyRollups"/>' columns: Sales as {"entry id": "C-2026-00042 12000000.00"} (amounts as
/// invariant text: exact), Unsuccessful as {"visit id": "NoBudget"}. A note holds 63,999 characters: some 800 sales and
/// 1,000 unsuccessful visits per rep and month.
/// </summary>
static class RollupItems
{
    const string Rep = "Rep", Month = "Month", Sales = "Sales", Unsuccessful = "Unsuccessful";

    public static Dictionary<string, object?> Fields(MonthRollup r) => new()
    {
        ["Title"] = RollupKeys.Of(r.RepAadObjectId, r.Month), [Rep] = r.RepAadObjectId, [Month] = r.Month.ToString(),
        [Sales] = JsonSerializer.Serialize(r.Sales.ToDictionary(s => s.Key, s => $"{s.Value.CustomerNumber} {s.Value.Amount.ToString(CultureInfo.InvariantCulture)}")),
        [Unsuccessful] = JsonSerializer.Serialize(r.Unsuccessful.ToDictionary(u => u.Key, u => u.Value.ToString())),
    };

    public static RollupItem Read(ItemFields i) => new(i.Id, i.ETag, new MonthRollup(i.Text(Rep)!, ParseMonth(i.Text(Month)!))
    {
        Sales = Map(i.Text(Sales)).ToDictionary(s => s.Key, s => Sale(s.Value), StringComparer.Ordinal),
        Unsuccessful = Map(i.Text(Unsuccessful)).ToDictionary(u => u.Key, u => Enum.Parse<UnsuccessfulReason>(u.Value), StringComparer.Ordinal),
    });

    static Dictionary<string, string> Map(string? json) => string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];

    static RolledSale Sale(string text)
    {
        var space = text.LastIndexOf(' ');
        return new RolledSale(text[..space], decimal.Parse(text.AsSpan(space + 1), NumberStyles.Number, CultureInfo.InvariantCulture));
    }

    static YearMonth ParseMonth(string text) =>
        new(int.Parse(text.AsSpan(0, 4), CultureInfo.InvariantCulture), int.Parse(text.AsSpan(5, 2), CultureInfo.InvariantCulture));
}
