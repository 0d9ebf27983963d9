using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Visits;
using TeamsCrm.Bot.Tests.Customers;
using TeamsCrm.TestSupport;
using static TeamsCrm.Bot.Tests.Visits.VisitSeeds;

namespace TeamsCrm.Bot.Tests.Visits;

/// <summary>
/// A week of Li Na's and Tom's work in November 2026 (week 47), as of Wednesday the 18th at 16:00 in Shanghai:
/// plans submitted on Monday, visits made on and off plan, two of them unsuccessful, one early in the month.
/// </summary>
public static class ReportSeeds
{
    public static readonly IsoWeek W47 = new(2026, 47);

    public sealed record World(Customer Huadong, Customer Huawei, Customer Steel);

    public static async Task<World> SeedAsync(TestSupport.TestBot bot)
    {
        var files = bot.Archive.Customers;
        var huadong = await CustomerSeeds.HuadongAsync(files);
        var huawei = await HuaweiAsync(files);
        var steel = await ActiveAsync(files, "Nanjing Steel Works", Demo.TomBecker);
        var log = bot.Archive.Visits;

        await log.SavePlanAsync(Plan(Demo.LiNa, Item("1", huadong, "2026-11-16"), Item("2", huawei, "2026-11-18"), Item("3", huadong, "2026-11-19"),
            Item("4", huawei, "2026-11-20")));
        await log.SavePlanAsync(Plan(Demo.TomBecker, Item("1", steel, "2026-11-17")));

        await log.AddOnceAsync(Visit(huawei, "2026-11-03T15:00:00", result: VisitResult.NotYet, reason: UnsuccessfulReason.DecisionMakerAbsent));
        await log.AddOnceAsync(Visit(huadong, "2026-11-16T10:00:00"));
        await log.AddOnceAsync(Visit(huawei, "2026-11-18T09:30:00", result: VisitResult.NotYet, reason: UnsuccessfulReason.Price, nextAction: "Send the revised quote"));
        await log.AddOnceAsync(Visit(huadong, "2026-11-18T14:00:00"));   // Thursday's planned visit, made a day early
        await log.AddOnceAsync(Visit(steel, "2026-11-18T11:00:00", rep: Demo.TomBecker, result: VisitResult.NotYet, reason: UnsuccessfulReason.NoBudget));
        return new World(huadong, huawei, steel);
    }

    static VisitPlanItem Item(string id, Customer c, string day) =>
        new(id, c.Number, c.Category, VisitPurpose.Demo, DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), new TimeOnly(10, 0),
            "Wang Lei", null, c.Name);

    static VisitPlan Plan(DemoPerson rep, params VisitPlanItem[] items) => new()
    {
        Id = Guid.NewGuid().ToString("D"), RepAadObjectId = rep.AadObjectId, Week = W47, Status = VisitPlanStatus.Submitted, Items = items,
        SubmittedAt = new DateTimeOffset(2026, 11, 16, 0, 30, 0, TimeSpan.Zero), SubmissionId = Guid.NewGuid().ToString("D"),
    };
}
