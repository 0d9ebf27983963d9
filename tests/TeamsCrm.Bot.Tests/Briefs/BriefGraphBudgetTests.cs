using Microsoft.Extensions.DependencyInjection;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Visits;
using TeamsCrm.Bot.Features.Briefs;
using TeamsCrm.Bot.Tests.Archive.SharePoint;
using TeamsCrm.TestSupport;

namespace TeamsCrm.Bot.Tests.Briefs;

/// <summary>
/// The brief within the archive's budget on SharePoint (the real Graph SDK against the fake Graph): a rep's whole brief is
/// at most 3 round trips — the plan, then every planned file with its contacts, entries and visits in $batch requests.
/// </summary>
public sealed class BriefGraphBudgetTests
{
    [Theory]
    [InlineData(1, 2)]    // the plan, one $batch
    [InlineData(5, 2)]    // 20 queries: one $batch
    [InlineData(10, 3)]   // 40 queries: two $batch requests, sent together
    public async Task A_reps_whole_brief_costs_at_most_three_round_trips(int visits, int roundTrips)
    {
        await using var sp = await FakeSharePoint.StartAsync();
        await using var bot = await TestBot.StartAsync(settings: sp.BotSettings(), now: BriefDay.MondaySeven);
        var seeded = await BriefDay.SeedAsync(bot.Archive, bot.Clock.GetUtcNow());
        var items = new List<VisitPlanItem>();
        for (var i = 0; i < visits; i++)
        {
            var file = i == 0 ? seeded.Huadong : await bot.Archive.Customers.CreateAsync(
                new NewCustomer(CustomerKind.Enterprise, $"客户 {i}", Demo.LiNa.AadObjectId), $"budget-{i}");
            items.Add(new VisitPlanItem($"b{i}", file.Number, CustomerCategory.Regular, VisitPurpose.Relationship, BriefDay.Monday, new TimeOnly(8 + i, 0),
                CustomerName: file.Name));
        }
        var plan = (await bot.Archive.Visits.PlanAsync(Demo.LiNa.AadObjectId, IsoWeek.Of(BriefDay.Monday)))!;
        await bot.Archive.Visits.SavePlanAsync(plan with { Items = items });
        var content = bot.Services.GetRequiredService<BriefContent>();
        var me = (await bot.Services.GetRequiredService<TeamsCrm.Bot.Directory.IDirectory>().FindAsync(Demo.LiNa.AadObjectId))!;
        await content.ForDayAsync(me, BriefDay.Monday, default);   // the lists' ids, as a running bot has them

        var before = sp.Server.Counters.HttpCalls;
        var (shown, planned) = await content.ForDayAsync(me, BriefDay.Monday, default);

        Assert.Equal(roundTrips, sp.Server.Counters.HttpCalls - before);
        Assert.Equal(visits, planned);
        Assert.All(shown, v => Assert.NotNull(v.File));
        Assert.Equal(3, shown[0].File!.LastVisits.Count);
    }
}
