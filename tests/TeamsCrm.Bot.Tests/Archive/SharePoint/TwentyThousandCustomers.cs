using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Archive.SharePoint;
using TeamsCrm.Bot.Domain;
using TeamsCrm.FakeGraph;

namespace TeamsCrm.Bot.Tests.Archive.SharePoint;

/// <summary>
/// 20,000 customer files seeded straight into the fake's Customers list through the archive's own field mapping, four
/// times SharePoint's list view threshold. Pages are 1,000 items (not 5,000) so that a rep's 2,500 files take three.
/// </summary>
public sealed class TwentyThousandCustomers : IAsyncLifetime
{
    public const int Count = 20_000;
    public static readonly string[] Owners = [.. Enumerable.Range(1, 8).Select(i => $"7a1c0000-0000-4000-8000-0000000001{i:D2}")];
    public static readonly string[] Quoted = ["O'Brien & Sons", "'single' Quotes", "''double'' Quotes Ltd", "华东精密机械有限公司", "华南重工"];
    public const string QuotedOwner = "owner-with-a-quote-'x'";

    static readonly string[] Syllables =
    [
        "hua", "nan", "bei", "dong", "xi", "shang", "jin", "yin", "tian", "long", "feng", "shan", "he", "hai", "jiang",
        "acme", "apex", "nova", "vega", "orion", "delta", "sigma", "omega", "atlas", "titan", "zen", "lux", "max", "pro",
    ];

    public FakeSharePoint SharePoint { get; private set; } = null!;
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero));
    public ICustomerFiles Files { get; private set; } = null!;
    public IReadOnlyList<Customer> Seeded { get; private set; } = [];

    public static string NumberOf(int i) => string.Create(CultureInfo.InvariantCulture, $"C-2025-{i:D5}");

    public async Task InitializeAsync()
    {
        SharePoint = await FakeSharePoint.StartAsync(new FakeGraphOptions { MaxPageSize = 1000, ThresholdRetryAfterSeconds = 0 });
        var created = new DateTimeOffset(2025, 6, 1, 8, 0, 0, TimeSpan.Zero);
        Seeded = [.. Enumerable.Range(1, Count).Select(i => new Customer
        {
            Number = NumberOf(i), Kind = CustomerKind.Enterprise,
            Name = i <= Quoted.Length ? Quoted[i - 1] : NameOf(i),
            OwnerAadObjectId = i <= Quoted.Length ? QuotedOwner : Owners[i % Owners.Length],
            Phone = string.Create(CultureInfo.InvariantCulture, $"138{i:D8}"),
            Status = i % 50 == 0 ? CustomerStatus.Purged : CustomerStatus.Active,
            CreatedAt = created, UpdatedAt = created, Version = "",
        })];
        SharePoint.List(SharePointLists.Customers).Seed(Seeded.Select(c => (IReadOnlyDictionary<string, object?>)CustomerFields.ForCreate(c)));
        Files = SharePoint.Archive(Clock).Customers;
        await Files.GetAsync(NumberOf(1));   // the archive looks its lists up once: call counts start after that
    }

    /// <summary>A third of the names start with "Zhong" (more than the threshold); the rest with one of 29 syllables.</summary>
    static string NameOf(int i)
    {
        var second = Syllables[i / Syllables.Length % Syllables.Length];
        var first = i % 3 == 0 ? "Zhong" : Cap(Syllables[i % Syllables.Length]);
        return string.Create(CultureInfo.InvariantCulture, $"{first}{second} {(i % 7 == 0 ? "Trading" : "Machinery")} {i}");
    }

    static string Cap(string s) => char.ToUpperInvariant(s[0]) + s[1..];

    public async Task DisposeAsync() => await SharePoint.DisposeAsync();
}
