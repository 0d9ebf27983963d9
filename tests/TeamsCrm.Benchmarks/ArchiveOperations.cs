using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Archive.SharePoint;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Visits;
using Microsoft.Extensions.Logging.Abstractions;

namespace TeamsCrm.Benchmarks;

/// <summary>
/// One measured archive operation: <see cref="Prepare"/> (untimed, uncounted) returns the call to measure, which returns
/// how many items it got. <see cref="MaxCalls"/> is its Graph round-trip target.
/// </summary>
public sealed record ArchiveOperation(string Name, int MaxCalls, Func<ICrmArchive, Random, Task<Func<Task<int>>>> Prepare);

/// <summary>What the archive benchmark measures: the customer files' operations, then the visit log's.</summary>
public static partial class ArchiveOperations
{
    public static ArchiveOperation[] All(ArchiveSeed seed, SharePointSite site) => [.. Customers(seed), .. CustomerCard(seed), .. Visits(seed, site)];

    static Task<Func<Task<int>>> Call(Func<Task<int>> call) => Task.FromResult(call);

    static IEnumerable<ArchiveOperation> Customers(ArchiveSeed seed) =>
    [
        new("find by number", 1, (a, r) => Call(async () => await a.Customers.GetAsync(Pick(seed.Numbers, r)) is null ? 0 : 1)),
        new("find by name prefix (10)", 1, (a, r) => Call(async () => (await a.Customers.FindByNamePrefixAsync(Pick(seed.NamePrefixes, r), 10)).Count)),
        new("my customers (list by owner)", 1, (a, r) => Call(async () => (await a.Customers.ListByOwnerAsync(Pick(seed.Owners, r))).Count)),
        new("a file with contacts, entries, history (GetFile)", 1, (a, r) => Call(async () => await a.Customers.GetFileAsync(Pick(seed.Numbers, r)) is { } file
            ? 1 + file.Contacts.Count + file.Entries.Count + file.History.Count : 0)),
        new("file a new customer (2 contacts)", 4, (a, r) => Call(async () =>
            await a.Customers.CreateAsync(new NewCustomer(CustomerKind.Enterprise, $"Bench {r.Next()}", Pick(seed.Owners, r),
                Contacts: [new("王经理", null, null, null, ContactRole.Primary), new("Li", null, null, null, ContactRole.User)]),
                Guid.NewGuid().ToString("N")) is null ? 0 : 1)),
        new("update an open file (2 change records)", 1, async (a, r) =>
        {
            var open = (await a.Customers.GetAsync(Pick(seed.Numbers, r)))!;
            var at = DateTimeOffset.UtcNow;
            ChangeRecord[] changes = [new(open.Number, "Region", open.Region, "华南", open.OwnerAadObjectId, at, null, null),
                new(open.Number, "Industry", open.Industry, "Machinery", open.OwnerAadObjectId, at, null, null)];
            return async () => await a.Customers.UpdateAsync(open with { Region = "华南", Industry = "Machinery" }, changes) is null ? 0 : 1;
        }),
    ];

    /// <summary>
    /// Saves are the worst case: each visit is later than the customer's last contact (so the customer is written too) and
    /// names a follow-up. "Another instance" is a fresh archive on the same site: it knows the lists, not the customers.
    /// </summary>
    static IEnumerable<ArchiveOperation> Visits(ArchiveSeed seed, SharePointSite site) =>
    [
        new("save a visit: open the customer + save", 2, (a, r) =>
        {
            var visit = NewVisit(seed, r);
            return Call(async () => await a.Customers.GetAsync(visit.CustomerNumber) is null ? 0 : (await a.Visits.AddOnceAsync(visit)).Created ? 1 : 0);
        }),
        new("save a visit (customer seen before)", 1, async (a, r) =>
        {
            var visit = NewVisit(seed, r);
            await a.Customers.GetAsync(visit.CustomerNumber);
            return async () => (await a.Visits.AddOnceAsync(visit)).Created ? 1 : 0;
        }),
        new("save a visit on another instance", 2, (_, r) =>
        {
            var other = new SharePointArchive(site, TimeProvider.System, NullLoggerFactory.Instance);
            var visit = NewVisit(seed, r);
            return Call(async () => (await other.Visits.AddOnceAsync(visit)).Created ? 1 : 0);
        }),
        new("redelivered save (double press)", 3, async (a, r) =>
        {
            var visit = NewVisit(seed, r);
            await a.Visits.AddOnceAsync(visit);
            return async () => (await a.Visits.AddOnceAsync(visit with { Id = Guid.NewGuid().ToString("D") })).Created ? 0 : 1;
        }),
        new("a rep's month of visits", 1, (a, r) => Call(async () =>
        {
            var month = new DateOnly(seed.VisitYear, 1 + r.Next(12), 1);
            return (await a.Visits.ForRepAsync(Pick(seed.Owners, r), month, month.AddMonths(1).AddDays(-1))).Count;
        })),
        new("a customer's latest 5 visits", 1, (a, r) => Call(async () => (await a.Visits.ForCustomerAsync(Pick(seed.Numbers, r), 5)).Count)),
        new("a team's day (8 reps)", 1, (a, r) =>
        {
            var (team, day) = (seed.Owners.Skip(r.Next(seed.Owners.Count - 8)).Take(8).ToList(), Day(seed, r));
            return Call(async () => (await a.Visits.ForRepsAsync(team, day, day)).Count);
        }),
        new("follow-ups due on a day", 1, (a, r) => Call(async () => (await a.Visits.FollowUpsDueAsync(Day(seed, r))).Count)),
        // The morning brief's reads (BriefContent): the rep's plan, then the planned files with contacts, entries, last 3 visits.
        new("a rep's brief: plan + 5 files", 2, (a, r) => Brief(a, seed, r, 5)),
        new("a rep's brief: plan + 10 files", 3, (a, r) => Brief(a, seed, r, 10)),
    ];

    static Task<Func<Task<int>>> Brief(ICrmArchive a, ArchiveSeed seed, Random r, int files)
    {
        var (rep, week, numbers) = (Pick(seed.Owners, r), TeamsCrm.Bot.Domain.Visits.IsoWeek.Of(Day(seed, r)), Enumerable.Range(0, files).Select(_ => Pick(seed.Numbers, r)).ToList());
        return Call(async () => (await a.Visits.PlanAsync(rep, week) is null ? 0 : 1) + (await a.Customers.BeforeVisitsAsync(numbers, 3)).Count);
    }

    static long _saved;

    /// <summary>Each a second later than the one before (SharePoint keeps seconds), so every save moves the customer's last contact.</summary>
    static Visit NewVisit(ArchiveSeed seed, Random r)
    {
        var now = DateTimeOffset.UtcNow.AddSeconds(Interlocked.Increment(ref _saved));
        return new Visit
        {
            Id = Guid.NewGuid().ToString("D"), SubmissionId = Guid.NewGuid().ToString("D"), CustomerNumber = Pick(seed.Numbers, r),
            RepAadObjectId = Pick(seed.Owners, r), Time = now, TimeZoneId = "Asia/Shanghai", ContactPerson = "王经理", Notes = "谈了价格",
            NextAction = "Send the quote", NextActionDate = DateOnly.FromDateTime(now.UtcDateTime).AddDays(2), CreatedAt = now,
        };
    }

    static DateOnly Day(ArchiveSeed seed, Random r) => new DateOnly(seed.VisitYear, 1, 1).AddDays(r.Next(365));

    static string Pick(IReadOnlyList<string> from, Random random) => from[random.Next(from.Count)];
}
