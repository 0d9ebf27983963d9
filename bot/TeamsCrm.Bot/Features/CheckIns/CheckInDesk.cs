using Microsoft.Extensions.Options;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Directory;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Visits;
using TeamsCrm.Bot.Features.Visits;

namespace TeamsCrm.Bot.Features.CheckIns;

/// <summary>What a check-in or check-out came to: stored (with the check-in as stored), or refused and why (a string key).</summary>
public sealed record CheckInOutcome(CheckIn? CheckIn, string? Refusal)
{
    public static CheckInOutcome Refused(string key) => new(null, key);
}

/// <summary>
/// Records a rep at a customer's site, for the person a signed check-in link was made for, re-checking that they may still
/// log visits on the customer. The place is measured against the customer's location (its owner's first exact check-in).
/// </summary>
public sealed class CheckInDesk(ICrmArchive archive, IDirectory directory, IOptions<CheckInOptions> options, TimeProvider clock)
{
    /// <summary>The customer, when <paramref name="userAadObjectId"/> may still log visits on it; null otherwise.</summary>
    public async Task<(Person Me, Customer Customer)?> MayCheckInAsync(string userAadObjectId, string number, CancellationToken ct)
    {
        if (await directory.FindAsync(userAadObjectId, ct) is not { } me || await archive.Customers.GetAsync(number, ct) is not { } customer) return null;
        return await VisitCustomers.MayLogAsync(me, customer, archive.Customers, directory, clock, ct) ? (me, customer) : null;
    }

    /// <summary>The rep's check-in at the customer today that has no check-out yet, if any (the page then offers Check out).</summary>
    public async Task<CheckIn?> OpenTodayAsync(Person me, Customer customer, TimeZoneInfo zone, CancellationToken ct) =>
        (await archive.CheckIns.ForDayAsync([me.AadObjectId], LocalCalendar.Today(clock.GetUtcNow(), zone), ct))
            .LastOrDefault(c => c.CustomerNumber == customer.Number && c.OutAt is null);

    public async Task<CheckInOutcome> CheckInAsync(Person me, Customer customer, string id, GeoPoint point, double? accuracy, TimeZoneInfo zone,
        CancellationToken ct)
    {
        var o = options.Value;
        if (!point.IsValid) return CheckInOutcome.Refused("checkIn.noPlace");
        if (CheckInRules.IsTooVague(accuracy, o.MaxAccuracy)) return CheckInOutcome.Refused("checkIn.tooVague");
        var location = CheckInRules.LocationOf(customer, await archive.CheckIns.ForCustomerAsync(customer.Number, ct), o.PoorAccuracy);
        var distance = location?.MetersTo(point);
        var now = clock.GetUtcNow();
        var stored = await archive.CheckIns.AddOnceAsync(new CheckIn
        {
            Id = id, RepAadObjectId = me.AadObjectId, CustomerNumber = customer.Number, Day = LocalCalendar.Today(now, zone), TimeZoneId = zone.Id,
            At = now, Point = point, AccuracyMeters = accuracy, DistanceMeters = distance is { } d ? Math.Round(d, 1) : null,
            Flagged = CheckInRules.IsFlagged(distance, accuracy, o.Radius, o.PoorAccuracy),
        }, ct);
        // The same page sent twice is one check-in; an id someone else's check-in has is not theirs to see.
        return Same(stored.RepAadObjectId, me.AadObjectId) && stored.CustomerNumber == customer.Number ? new(stored, null)
            : CheckInOutcome.Refused("checkIn.notYours");
    }

    public async Task<CheckInOutcome> CheckOutAsync(Person me, Customer customer, string id, CancellationToken ct)
    {
        if (await archive.CheckIns.GetAsync(id, ct) is not { } open) return CheckInOutcome.Refused("checkIn.outWithoutIn");
        if (!Same(open.RepAadObjectId, me.AadObjectId) || open.CustomerNumber != customer.Number) return CheckInOutcome.Refused("checkIn.notYours");
        return new(await archive.CheckIns.CheckOutAsync(id, clock.GetUtcNow(), ct), null);
    }

    static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
