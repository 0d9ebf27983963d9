using System.Globalization;
using TeamsCrm.Bot.Domain.Reports;
using TeamsCrm.Bot.Domain.Visits;

namespace TeamsCrm.Bot.Archive.SharePoint;

/// <summary>
/// Monthly reports in <see cref="SharePointLists.MarketReports"/>: Title "{rep}|2026-11" is unique, so two first
/// submissions cannot both create; a resubmission is an update of the texts with If-Match. A month's reports are one
/// query on the indexed Month.
/// </summary>
sealed class SharePointMarketReports(SharePointSite site) : IMarketReports
{
    const int MaxAttempts = 8;
    static readonly ListDef Reports = SharePointLists.MarketReports;

    static string Key(string rep, YearMonth month) => rep.ToLowerInvariant() + "|" + month;

    /// <summary>A first submission: one create. A resubmission: a read and an update (each 409/412 costs a round more).</summary>
    public async Task<MarketReport> SubmitAsync(MarketReport m, CancellationToken ct = default)
    {
        var texts = new Dictionary<string, object?>
        {
            ["Summary"] = m.Summary, ["Forecast"] = m.Forecast, ["Problems"] = m.Problems, ["Solutions"] = m.Solutions,
            ["UpdatedAt"] = ItemFields.Wire(m.UpdatedAt),
        };
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            try
            {
                if (await site.FindAsync(Reports, "Title", Key(m.RepAadObjectId, m.Month), ct) is { } stored)
                    return Read(await site.UpdateAsync(Reports, stored.Id, stored.ETag, texts, ct), stored);
                return Read(await site.CreateAsync(Reports, new Dictionary<string, object?>(texts)
                {
                    ["Title"] = Key(m.RepAadObjectId, m.Month), ["Month"] = m.Month.ToString(), ["Rep"] = m.RepAadObjectId,
                    ["SubmittedAt"] = ItemFields.Wire(m.SubmittedAt), ["Late"] = m.Late,
                }, ct));
            }
            catch (Exception e) when (SharePointSite.Is(e, 409) || SharePointSite.Is(e, 412)) { }
        }
        throw new InvalidOperationException($"The report of {m.RepAadObjectId} for {m.Month} kept changing under {MaxAttempts} attempts.");
    }

    public async Task<MarketReport?> GetAsync(string repAadObjectId, YearMonth month, CancellationToken ct = default) =>
        await site.FindAsync(Reports, "Title", Key(repAadObjectId, month), ct) is { } item ? Read(item) : null;

    public async Task<IReadOnlyList<MarketReport>> ForMonthAsync(YearMonth month, CancellationToken ct = default) =>
        [.. (await site.QueryAsync(Reports, ODataFilter.Eq("Month", month.ToString()), ct)).Select(i => Read(i))
            .OrderBy(r => r.RepAadObjectId, StringComparer.OrdinalIgnoreCase)];

    /// <summary>An update answers only the fields it changed: the rest come from the item read before it.</summary>
    static MarketReport Read(ItemFields i, ItemFields? before = null)
    {
        string? Text(string key) => i.Text(key) ?? before?.Text(key);
        var month = Text("Month")!;
        return new MarketReport(Text("Rep")!,
            new YearMonth(int.Parse(month[..4], CultureInfo.InvariantCulture), int.Parse(month[5..], CultureInfo.InvariantCulture)),
            Text("Summary") ?? "", Text("Forecast") ?? "", Text("Problems") ?? "", Text("Solutions") ?? "",
            i.Time("SubmittedAt") ?? before?.Time("SubmittedAt") ?? default, i.Time("UpdatedAt") ?? default,
            i.Values.ContainsKey("Late") ? i.Boolean("Late") : before?.Boolean("Late") ?? false);
    }
}
