using Microsoft.Extensions.Options;
using TeamsCrm.Bot.Access;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Directory;
using TeamsCrm.Bot.Domain.Visits;

namespace TeamsCrm.Bot.Features.Briefs;

/// <summary>
/// What the brief reads: the rep's plan for the day's week (one query), then every planned customer's file, contacts,
/// entries and last visits at once (<see cref="ICustomerFiles.BeforeVisitsAsync"/>: on SharePoint one $batch round trip
/// for up to five customers, two for ten). The brief shows a file in full to its owner only: it goes to the rep's own chat,
/// and a file they do not own is opened with Open, which applies the file's rights and logs the read.
/// </summary>
public sealed class BriefContent(ICrmArchive archive, IOptions<BriefOptions> options)
{
    /// <summary>How many of a customer's visits the brief shows.</summary>
    public const int LastVisits = 3;

    /// <summary>The day's planned visits in time order (untimed ones last), at most <see cref="BriefOptions.MaxVisits"/>; and how many there are.</summary>
    public async Task<(IReadOnlyList<BriefVisit> Visits, int Planned)> ForDayAsync(Person me, DateOnly day, CancellationToken ct)
    {
        var plan = await archive.Visits.PlanAsync(me.AadObjectId, IsoWeek.Of(day), ct);
        var items = (plan?.Items ?? []).Where(i => i.Day == day)
            .OrderBy(i => i.Time ?? TimeOnly.MaxValue).ThenBy(i => i.AddedAt ?? DateTimeOffset.MaxValue).ThenBy(i => i.Id, StringComparer.Ordinal).ToList();
        if (items.Count == 0) return ([], 0);
        var shown = items.Take(options.Value.MaxVisits).ToList();
        var files = (await archive.Customers.BeforeVisitsAsync([.. shown.Select(i => i.CustomerNumber)], LastVisits, ct))
            .ToDictionary(f => f.Customer.Number, StringComparer.Ordinal);
        return ([.. shown.Select(i => new BriefVisit(i, files.GetValueOrDefault(i.CustomerNumber) is { } f && CustomerAccess.Owns(me, f.Customer) ? f : null))],
            items.Count);
    }

    /// <summary>One customer's brief (before an unplanned visit): null when it is not on file.</summary>
    public async Task<FileBeforeVisit?> ForCustomerAsync(string number, CancellationToken ct) =>
        (await archive.Customers.BeforeVisitsAsync([number], LastVisits, ct)).FirstOrDefault();
}
