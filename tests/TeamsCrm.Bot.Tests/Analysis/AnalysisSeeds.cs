using Microsoft.Extensions.Time.Testing;
using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Directory;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Visits;
using TeamsCrm.TestSupport;

namespace TeamsCrm.Bot.Tests.Analysis;

/// <summary>
/// A sales organisation's files as the customer analysis sees them, put into an archive through its own interface, on a
/// clock that walks from <see cref="Start"/> to <see cref="Now"/> so that "last update" and "last review" are real.
/// Seven files in use by four people (C-2026-00001 … 00009 in the order below), one deleted, one of someone outside
/// the team; contracts that make and just miss the key-account classes; unsuccessful visits from May to November
/// (one on 1 June just after midnight in Shanghai, still 31 May in UTC); files touched just over and exactly 60 days ago.
/// The figures they make are written out in <c>AnalysisContract</c>.
/// </summary>
public static class AnalysisSeeds
{
    public static readonly DateTimeOffset Start = new(2026, 8, 1, 8, 0, 0, TimeSpan.Zero);
    /// <summary>Sunday 22 November 2026, 16:00 in Shanghai: the analysis months are June to November.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);
    /// <summary>60 days before <see cref="Now"/> to the second: a file last touched then is not stale yet, a second earlier it is.</summary>
    public static readonly DateTimeOffset SixtyDaysAgo = Now.AddDays(-60);

    /// <summary>The people whose files the sales manager Wang Fang analyses: herself, her reps and their leader.</summary>
    public static readonly IReadOnlyList<Person> People =
    [
        PersonOf(Demo.WangFang, Role.SalesManager, Role.KeyAccountDirector), PersonOf(Demo.LiNa, Role.Rep), PersonOf(Demo.TomBecker, Role.Rep),
        PersonOf(Demo.ZhangWei, Role.Supervisor),
    ];

    public static Person PersonOf(DemoPerson p, params Role[] roles) => new(p.AadObjectId, p.Name, null, new HashSet<Role>(roles), null);

    /// <summary>Seeds the archive; the clock must stand at or before <see cref="Start"/> and is left at <see cref="Now"/>.</summary>
    public static async Task<IReadOnlyList<Customer>> SeedAsync(ICrmArchive archive, FakeTimeProvider clock)
    {
        var files = archive.Customers;
        clock.SetUtcNow(Start);
        var li = Demo.LiNa.AadObjectId;
        var tom = Demo.TomBecker.AadObjectId;
        var c = new[]
        {
            await Create(files, "Huadong Precision", li, "Machinery", "Shanghai", CustomerCategory.Important, CustomerTier.Special),
            await Create(files, "Nanjing Steel Works", li, "Steel", "Jiangsu", CustomerCategory.Regular, CustomerTier.General),
            await Create(files, "Beifang Heavy Industry", tom, "Steel", "Shanghai", CustomerCategory.Important, CustomerTier.Important),
            await Create(files, "Donghai Trading", tom, null, null, CustomerCategory.New, CustomerTier.General),
            await Create(files, "Xijiang Electronics", Demo.ZhangWei.AadObjectId, "Electronics", "Beijing", CustomerCategory.Potential, CustomerTier.General),
            await Create(files, "Jinling Machinery", li, "Machinery", "Shanghai", CustomerCategory.Regular, CustomerTier.General),
            await Create(files, "Tianhe Automation", Demo.WangFang.AadObjectId, "Machinery", "Shanghai", CustomerCategory.Regular, CustomerTier.General),
            await Create(files, "Outsider Ltd", Demo.Stranger.AadObjectId, "Machinery", "Shanghai", CustomerCategory.Important, CustomerTier.Special),
            await Create(files, "Longmen Foods", li, "Food", "Guangdong", CustomerCategory.New, CustomerTier.General),
        };

        // 1 August: reviewed in October, so not stale; reviewed 1 September, stale; never touched again, stale.
        c[0] = await Activate(files, c[0], "AAA", DevelopmentStage.Closing, reviewed: At("2026-10-15T02:00:00Z"));
        c[1] = await Activate(files, c[1], "AA", DevelopmentStage.Won, KeyAccountClasses.Strategic, reviewed: At("2026-09-01T00:00:00Z"));
        c[2] = await Activate(files, c[2], "B", DevelopmentStage.Closing, KeyAccountClasses.Group | KeyAccountClasses.HighValue);   // high value not earned
        c[7] = await Activate(files, c[7], "AAA", DevelopmentStage.Won);
        clock.SetUtcNow(SixtyDaysAgo.AddSeconds(-1));
        c[6] = await Activate(files, c[6], "A", DevelopmentStage.Assessment);
        clock.SetUtcNow(SixtyDaysAgo);
        c[4] = await Activate(files, c[4], "AA", DevelopmentStage.Demo);
        clock.SetUtcNow(At("2026-11-20T01:00:00Z"));
        c[8] = await Activate(files, c[8], null, DevelopmentStage.Identify);
        c[5] = await files.UpdateAsync(c[5] with { Status = CustomerStatus.Deleted, Credit = new("AAA"), DeletedAt = clock.GetUtcNow(), PurgeAfter = clock.GetUtcNow().AddDays(30) }, []);
        clock.SetUtcNow(Now);

        // Contracts and orders (a repayment never counts): cumulative 11,000,000 = quality; one of 12,000,000 = both;
        // 15,000,000 on bad credit = none; exactly 10,000,000 = none; 4 + 4 million in orders and 2,000,000.01 in a contract = quality.
        await Entry(files, c[0], "a1", EntryType.Contract, "2025-04-10", 6_000_000m);
        await Entry(files, c[0], "a2", EntryType.Contract, "2026-03-02", 5_000_000m);
        await Entry(files, c[0], "a3", EntryType.Repayment, "2026-04-02", 20_000_000m);
        await Entry(files, c[1], "b1", EntryType.Contract, "2026-06-18", 12_000_000m);
        await Entry(files, c[2], "c1", EntryType.Contract, "2026-06-30", 15_000_000m);
        await Entry(files, c[4], "e1", EntryType.Contract, "2026-07-01", 10_000_000m);
        await Entry(files, c[5], "f1", EntryType.Contract, "2026-06-05", 50_000_000m);
        await Entry(files, c[6], "g1", EntryType.Order, "2026-06-01", 4_000_000m);
        await Entry(files, c[6], "g2", EntryType.Order, "2026-06-20", 4_000_000m);
        await Entry(files, c[6], "g3", EntryType.Contract, "2026-09-09", 2_000_000.01m);
        await Entry(files, c[7], "h1", EntryType.Contract, "2026-06-10", 20_000_000m);

        // Unsuccessful visits (and one successful), in Shanghai time.
        await Visit(archive, c[0], li, "2026-05-31T23:30:00+08:00", UnsuccessfulReason.NoBudget);   // May: before the six months
        await Visit(archive, c[0], li, "2026-06-01T00:30:00+08:00", UnsuccessfulReason.NoBudget);   // June in Shanghai, May in UTC
        await Visit(archive, c[2], tom, "2026-06-15T10:00:00+08:00", UnsuccessfulReason.Price);
        await Visit(archive, c[2], tom, "2026-09-10T10:00:00+08:00", UnsuccessfulReason.Price);
        await Visit(archive, c[3], tom, "2026-09-11T10:00:00+08:00", null);                         // no reason on record: Other
        await Visit(archive, c[6], Demo.WangFang.AadObjectId, "2026-10-20T10:00:00+08:00", UnsuccessfulReason.Timing);
        await Visit(archive, c[7], Demo.Stranger.AadObjectId, "2026-10-10T10:00:00+08:00", UnsuccessfulReason.NoBudget);   // not the team's
        await Visit(archive, c[0], li, "2026-11-05T10:00:00+08:00", UnsuccessfulReason.NoBudget);
        await Visit(archive, c[8], li, "2026-11-03T09:00:00+08:00", reason: null, successful: true);
        await Visit(archive, c[4], Demo.ZhangWei.AadObjectId, "2026-11-21T15:00:00+08:00", UnsuccessfulReason.CompetitorPreferred);
        return c;
    }

    static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    static Task<Customer> Create(ICustomerFiles files, string name, string owner, string? industry, string? region, CustomerCategory category,
        CustomerTier tier) =>
        files.CreateAsync(new NewCustomer(CustomerKind.Enterprise, name, owner, Industry: industry, Region: region, Category: category, Tier: tier),
            Guid.NewGuid().ToString("D"));

    static Task<Customer> Activate(ICustomerFiles files, Customer c, string? rating, DevelopmentStage stage, KeyAccountClasses keyAccount = default,
        DateTimeOffset? reviewed = null) =>
        files.UpdateAsync(c with { Status = CustomerStatus.Active, Credit = new(rating), Stage = stage, KeyAccount = keyAccount, LastReviewedAt = reviewed }, []);

    static Task<ArchiveEntry> Entry(ICustomerFiles files, Customer c, string id, EntryType type, string date, decimal amount) =>
        files.AddEntryAsync(new($"{c.Number}/{id}", c.Number, EntryTypes.CategoryOf(type), type, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture),
            amount, null, null, null, c.OwnerAadObjectId, Now));

    static Task<VisitSaved> Visit(ICrmArchive archive, Customer c, string rep, string at, UnsuccessfulReason? reason, bool successful = false)
    {
        var time = At(at);
        return archive.Visits.AddOnceAsync(new Visit
        {
            Id = Guid.NewGuid().ToString("D"), SubmissionId = Guid.NewGuid().ToString("D"), CustomerNumber = c.Number, CustomerName = c.Name,
            RepAadObjectId = rep, Purpose = VisitPurpose.Negotiation, Method = VisitMethod.OnSite, Time = time, TimeZoneId = "Asia/Shanghai",
            ContactPerson = "王经理", Result = successful ? VisitResult.Successful : VisitResult.NotYet, Reason = reason, CreatedAt = time,
        });
    }
}
