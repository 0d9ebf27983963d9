using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Archive.SharePoint;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Visits;
using TeamsCrm.FakeGraph;

namespace TeamsCrm.Bot.Tests.Archive.SharePoint;

/// <summary>
/// A year of visits, 20,000 of them (four times SharePoint's list view threshold), seeded straight into the fake's
/// Visits list through the archive's own mapping: 8 reps, 200 customers, every day of 2026, a follow-up on every tenth.
/// </summary>
public sealed class TwentyThousandVisits : IAsyncLifetime
{
    public const int Count = 20_000;
    public static readonly string[] Reps = [.. Enumerable.Range(1, 8).Select(i => $"7a1c0000-0000-4000-8000-0000000002{i:D2}")];

    public FakeSharePoint SharePoint { get; private set; } = null!;
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 12, 31, 9, 0, 0, TimeSpan.Zero));
    public IVisitLog Log { get; private set; } = null!;
    public IReadOnlyList<Visit> Seeded { get; private set; } = [];

    public static string NumberOf(int i) => string.Create(CultureInfo.InvariantCulture, $"C-2026-{i:D5}");

    public async Task InitializeAsync()
    {
        SharePoint = await FakeSharePoint.StartAsync(new FakeGraphOptions { ThresholdRetryAfterSeconds = 0 });
        var created = new DateTimeOffset(2025, 6, 1, 8, 0, 0, TimeSpan.Zero);
        SharePoint.List(SharePointLists.Customers).Seed(Enumerable.Range(1, 200).Select(i => (IReadOnlyDictionary<string, object?>)CustomerFields.ForCreate(
            new Customer { Number = NumberOf(i), Kind = CustomerKind.Enterprise, Name = $"Customer {i}", OwnerAadObjectId = Reps[i % 8], CreatedAt = created, UpdatedAt = created })));
        var newYear = new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.FromHours(8));
        Seeded = [.. Enumerable.Range(1, Count).Select(i => new Visit
        {
            Id = string.Create(CultureInfo.InvariantCulture, $"v-{i:D5}"), SubmissionId = string.Create(CultureInfo.InvariantCulture, $"seed-{i}"),
            CustomerNumber = NumberOf(1 + i % 200), CustomerName = $"Customer {1 + i % 200}", RepAadObjectId = Reps[i % 8],
            Purpose = (VisitPurpose)(i % 7), Method = (VisitMethod)(i % 4), Time = newYear.AddDays(i % 365).AddMinutes(i % 600), TimeZoneId = "Asia/Shanghai",
            ContactPerson = "王经理", Notes = "seeded", Result = i % 3 == 0 ? VisitResult.NotYet : VisitResult.Successful,
            Reason = i % 3 == 0 ? UnsuccessfulReason.Timing : null,
            NextAction = i % 10 == 0 ? "Call back" : null, NextActionDate = i % 10 == 0 ? DateOnly.FromDateTime(newYear.AddDays(i % 365 + 2).DateTime) : null,
            CreatedAt = newYear.AddDays(i % 365).AddMinutes(i % 600),
        })];
        SharePoint.List(SharePointLists.Visits).Seed(Seeded.Select(v => (IReadOnlyDictionary<string, object?>)VisitItems.Fields(v)));
        SharePoint.List(SharePointLists.FollowUps).Seed(Seeded.Select(FollowUp.Of).OfType<FollowUp>().Select(f => (IReadOnlyDictionary<string, object?>)VisitItems.Fields(f)));
        Log = SharePoint.Archive(Clock).Visits;
        await Log.FollowUpsDueAsync(new DateOnly(2000, 1, 1));   // the archive looks its lists up once: call counts start after that
    }

    public async Task DisposeAsync() => await SharePoint.DisposeAsync();
}
