using System.Globalization;

namespace TeamsCrm.Bot.Archive.SharePoint;

/// <summary>A registration number taken, with what is needed to give it back: the counter's item and its eTag after the take.</summary>
sealed record TakenNumber(string Number, long Sequence, string CounterId, string CounterETag, int Count = 1)
{
    /// <summary>The numbers of the range, first to last.</summary>
    public IEnumerable<string> Range(int year) => Enumerable.Range(0, Count).Select(i => NumberCounter.Format(year, Sequence - Count + 1 + i));
}

/// <summary>
/// C-{year}-{seq:D5}, sequential per UTC year, from one item per year in the NumberCounters list (Title = year, unique;
/// LastNumber = the last sequence taken). Taking a number reads the year's item and writes LastNumber + 1 with
/// If-Match: of two creators that read the same value, one write wins and the other gets 412, reads again and
/// tries the next value. The first creator of a year makes the item; its Title is unique, so a second creator gets
/// 409 instead of a second counter, and reads the first one.
/// </summary>
sealed class NumberCounter(SharePointSite site)
{
    /// <summary>Enough for dozens of simultaneous creates; past it, the create fails rather than spin.</summary>
    const int MaxAttempts = 60;
    const string Last = "LastNumber";
    static readonly ListDef Counters = SharePointLists.NumberCounters;

    public static string Format(int year, long sequence) => string.Create(CultureInfo.InvariantCulture, $"C-{year}-{sequence:D5}");

    public Task<TakenNumber> TakeAsync(int year, CancellationToken ct) => TakeAsync(year, 1, ct);

    /// <summary>
    /// <paramref name="count"/> consecutive numbers in one write (an import's batch): the one returned is the last of them, and
    /// giving it back gives the whole range back.
    /// </summary>
    public async Task<TakenNumber> TakeAsync(int year, int count, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var key = year.ToString(CultureInfo.InvariantCulture);
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var counter = await site.FindAsync(Counters, "Title", key, ct);
            try
            {
                if (counter is null)
                {
                    var created = await site.CreateAsync(Counters, new Dictionary<string, object?> { ["Title"] = key, [Last] = count }, ct);
                    return new TakenNumber(Format(year, count), count, created.Id, created.ETag, count);
                }
                var next = (counter.Integer(Last) ?? 0) + count;
                var saved = await site.UpdateAsync(Counters, counter.Id, counter.ETag, new Dictionary<string, object?> { [Last] = next }, ct);
                return new TakenNumber(Format(year, next), next, counter.Id, saved.ETag, count);
            }
            catch (Exception e) when (SharePointSite.Is(e, 412) || SharePointSite.Is(e, 409))
            {
                // Another create took this number. A short random pause spreads the retries of many creators
                // (real time: it waits for them, it stamps nothing).
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 10 + 10 * Math.Min(attempt, 20))), ct);
            }
        }
        throw new InvalidOperationException($"No registration number for {year} after {MaxAttempts} attempts: too many files are being created at once.");
    }

    /// <summary>
    /// Gives a number back after a failed create, if it is still the last one taken (the counter is still at the eTag
    /// the take left). Otherwise a later number is in use and this one stays unused: a gap, never a duplicate.
    /// </summary>
    public async Task<bool> GiveBackAsync(TakenNumber taken, CancellationToken ct)
    {
        try
        {
            await site.UpdateAsync(Counters, taken.CounterId, taken.CounterETag, new Dictionary<string, object?> { [Last] = taken.Sequence - taken.Count }, ct);
            return true;
        }
        catch (Exception e) when (SharePointSite.Is(e, 412))
        {
            return false;
        }
    }
}
