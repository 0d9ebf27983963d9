using System.Globalization;
using TeamsCrm.BotFramework.Caching;

namespace TeamsCrm.Bot.Archive.SharePoint;

/// <summary>
/// What the archive last saw of a customer's item: its id, its eTag, and what the item held at that eTag that a write
/// must know (the edit version, the last contact, the owner whose monthly rollup an entry goes to). A write sent with If-Match: that eTag either meets exactly this
/// state or answers 412, so a write needs no read first when the item was seen lately.
/// </summary>
sealed record CustomerItem(string Id, string ETag, long EditVersion, DateTimeOffset? LastContactAt, string? Owner = null)
{
    /// <summary><see cref="Domain.Customer.Version"/> as the customer files give it out.</summary>
    public string Version => EditVersion.ToString(CultureInfo.InvariantCulture);

    public static CustomerItem Of(ItemFields item) =>
        new(item.Id, item.ETag, item.Integer(CustomerFields.EditVersion) ?? 0, item.Time(CustomerFields.LastContactAt), item.Text(CustomerFields.Owner));

    /// <summary>Whether a visit at <paramref name="time"/> moves the last contact (an older visit logged late never moves it back).</summary>
    public bool IsBefore(DateTimeOffset time) => LastContactAt is not { } last || ItemFields.Stored(time) > last;
}

/// <summary>
/// Registration number → the customer's item as last seen, learnt from every read and write of the customer files and
/// the visit log, which share one of these per archive. A number never moves to another item, so an entry is never
/// wrong about the id; its eTag may be behind (another instance wrote), which costs a 412 and one read, never a lost write.
/// A forgotten item costs one read, so the memory is bounded: <see cref="MaxRemembered"/> items (the customers a team
/// works on, with room), each for <see cref="MaxAge"/> after it was last seen.
/// </summary>
sealed class CustomerItems(TimeProvider clock)
{
    public const int MaxRemembered = 20_000;
    public static readonly TimeSpan MaxAge = TimeSpan.FromHours(1);
    readonly BoundedCache<string, CustomerItem> _seen = new(MaxRemembered, MaxAge, clock, StringComparer.Ordinal);

    public CustomerItem? Get(string number) => _seen.GetValueOrDefault(number);

    /// <summary>Keeps the newer of two sightings of one item: a slow read must not hide a write that answered before it.</summary>
    public void Saw(string number, CustomerItem item) =>
        _seen.AddOrUpdate(number, item, (old, _) => old.Id == item.Id && IsOlder(item.ETag, old.ETag) ? old : item);

    static bool IsOlder(string eTag, string than) => Generation(eTag) is >= 0 and var a && Generation(than) is >= 0 and var b && a < b;

    /// <summary>SharePoint's eTag is "{item guid},{version}"; the version counts the item's writes.</summary>
    static long Generation(string eTag)
    {
        var comma = eTag.LastIndexOf(',');
        return comma >= 0 && long.TryParse(eTag.AsSpan(comma + 1).Trim().Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n : -1;   // a form we cannot read: the newest sighting wins
    }
}
