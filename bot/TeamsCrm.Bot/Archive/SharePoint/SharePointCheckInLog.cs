using TeamsCrm.Bot.Domain.Visits;

namespace TeamsCrm.Bot.Archive.SharePoint;

/// <summary>
/// Check-ins in the list "TeamsCrm Check-ins": Title = the check-in's id (unique, so a second create answers 409 and the
/// first is returned), LocalDate and CustomerNumber indexed (one per query). A check-out is one If-Match update.
/// </summary>
sealed class SharePointCheckInLog(SharePointSite site) : ICheckInLog
{
    static readonly ListDef List = SharePointLists.CheckIns;
    const int MaxAttempts = 3;

    public async Task<CheckIn> AddOnceAsync(CheckIn checkIn, CancellationToken ct = default)
    {
        try
        {
            return Read(await site.CreateAsync(List, new Dictionary<string, object?>
            {
                ["Title"] = checkIn.Id, ["Rep"] = checkIn.RepAadObjectId, [SharePointLists.CustomerNumber] = checkIn.CustomerNumber,
                ["LocalDate"] = CheckInValues.Day(checkIn.Day), ["TimeZone"] = checkIn.TimeZoneId, ["At"] = ItemFields.Wire(checkIn.At),
                ["Latitude"] = CheckInValues.Number(checkIn.Point.Latitude), ["Longitude"] = CheckInValues.Number(checkIn.Point.Longitude),
                ["Accuracy"] = CheckInValues.Number(checkIn.AccuracyMeters), ["Distance"] = CheckInValues.Number(checkIn.DistanceMeters),
                ["Flagged"] = checkIn.Flagged,
            }, ct));
        }
        catch (Exception e) when (SharePointSite.Is(e, 409))
        {
            return await GetAsync(checkIn.Id, ct) ?? throw new InvalidOperationException($"Check-in {checkIn.Id} was refused as a duplicate but cannot be found.", e);
        }
    }

    public async Task<CheckIn?> GetAsync(string id, CancellationToken ct = default) =>
        await site.FindAsync(List, "Title", id, ct) is { } item && item.Text("Title") == id ? Read(item) : null;

    public async Task<CheckIn?> CheckOutAsync(string id, DateTimeOffset at, CancellationToken ct = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (await site.FindAsync(List, "Title", id, ct) is not { } item || item.Text("Title") != id) return null;
            if (item.Time("OutAt") is not null) return Read(item);   // the first check-out counts
            try
            {
                await site.UpdateAsync(List, item.Id, item.ETag, new Dictionary<string, object?> { ["OutAt"] = ItemFields.Wire(at) }, ct);
                return await GetAsync(id, ct);
            }
            catch (Exception e) when (SharePointSite.Is(e, 412) && attempt < MaxAttempts) { }   // checked out meanwhile: read again
        }
    }

    public async Task<IReadOnlyList<CheckIn>> ForDayAsync(IReadOnlyCollection<string> repAadObjectIds, DateOnly day, CancellationToken ct = default)
    {
        if (repAadObjectIds.Count == 0) return [];
        var reps = repAadObjectIds.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var date = CheckInValues.Day(day);
        return [.. (await site.QueryAsync(List, ODataFilter.Eq("LocalDate", date), ct)).Where(i => i.Text("LocalDate") == date).Select(Read)
            .Where(c => reps.Contains(c.RepAadObjectId)).OrderBy(c => c.At).ThenBy(c => c.Id, StringComparer.Ordinal)];
    }

    public async Task<IReadOnlyList<CheckIn>> ForCustomerAsync(string customerNumber, CancellationToken ct = default) =>
        [.. (await site.QueryAsync(List, ODataFilter.Eq(SharePointLists.CustomerNumber, customerNumber), ct))
            .Where(i => i.Text(SharePointLists.CustomerNumber) == customerNumber).Select(Read).OrderBy(c => c.At).ThenBy(c => c.Id, StringComparer.Ordinal)];

    static CheckIn Read(ItemFields i) => new()
    {
        Id = i.Text("Title")!, RepAadObjectId = i.Text("Rep") ?? "", CustomerNumber = i.Text(SharePointLists.CustomerNumber) ?? "",
        Day = CheckInValues.ParseDay(i.Text("LocalDate")!),
        TimeZoneId = i.Text("TimeZone") ?? "UTC", At = i.Time("At") ?? default,
        Point = new GeoPoint(CheckInValues.Parse(i.Text("Latitude")) ?? 0, CheckInValues.Parse(i.Text("Longitude")) ?? 0),
        AccuracyMeters = CheckInValues.Parse(i.Text("Accuracy")), DistanceMeters = CheckInValues.Parse(i.Text("Distance")),
        Flagged = i.Boolean("Flagged"), OutAt = i.Time("OutAt"),
    };
}
