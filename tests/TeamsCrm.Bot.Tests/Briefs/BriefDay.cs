using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Visits;
using TeamsCrm.TestSupport;

namespace TeamsCrm.Bot.Tests.Briefs;

/// <summary>
/// Li Na's Monday, 7 December 2026 (Shanghai): three visits planned — 苏州华东精密 at 14:00 (her important, quality key account
/// with two decision makers, three past visits, a promise, debts partly overdue and an open complaint), 南京恒信物流 at 09:30
/// (nothing filed yet), and an untimed one at Tom's customer 杭州博远 — and one on Tuesday, which today's brief leaves out.
/// </summary>
public static class BriefDay
{
    /// <summary>Monday 07:00 in Shanghai.</summary>
    public static readonly DateTimeOffset MondaySeven = new(2026, 12, 6, 23, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly Monday = new(2026, 12, 7);
    const string Shanghai = "Asia/Shanghai";

    public sealed record Seeded(Customer Huadong, Customer Nanjing, Customer Toms);

    public static async Task<Seeded> SeedAsync(TeamsCrm.Bot.Archive.ICrmArchive archive, DateTimeOffset now)
    {
        var files = archive.Customers;
        var huadong = await files.CreateAsync(new NewCustomer(CustomerKind.Enterprise, "苏州华东精密机械有限公司", Demo.LiNa.AadObjectId, Contacts:
        [
            new NewContact("刘静", "采购专员", "13800000003", null, ContactRole.Primary),
            new NewContact("王建国", "总经理", "13800000001", null, ContactRole.DecisionMaker),
            new NewContact("周敏", "技术部", "13800000004", null, ContactRole.InsideContact),
        ]), "seed-huadong");
        huadong = await files.UpdateAsync(huadong with
        {
            Status = CustomerStatus.Active, Tier = CustomerTier.Important, KeyAccount = KeyAccountClasses.Quality, Stage = DevelopmentStage.Assessment,
            Credit = new Credit("A", 200_000m, "月结 30 天"),
        }, []);
        var nanjing = await files.CreateAsync(new NewCustomer(CustomerKind.Enterprise, "南京恒信物流有限公司", Demo.LiNa.AadObjectId), "seed-nanjing");
        var toms = await files.CreateAsync(new NewCustomer(CustomerKind.Enterprise, "杭州博远电子科技有限公司", Demo.TomBecker.AadObjectId), "seed-toms");

        ArchiveEntry Entry(string id, EntryType type, string date, decimal? amount, string? description = null, string? result = null) =>
            new(id, huadong.Number, EntryTypes.CategoryOf(type), type, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), amount,
                null, description, result, Demo.LiNa.AadObjectId, now);
        await files.AddEntryAsync(Entry("debt-1", EntryType.Debt, "2026-09-15", 80_000m));
        await files.AddEntryAsync(Entry("repay-1", EntryType.Repayment, "2026-10-10", 50_000m));
        await files.AddEntryAsync(Entry("debt-2", EntryType.Debt, "2026-11-25", 40_000m));
        await files.AddEntryAsync(Entry("complaint-1", EntryType.Complaint, "2026-11-20", null, "两台设备交付延迟"));
        await files.AddEntryAsync(Entry("complaint-2", EntryType.Complaint, "2026-10-02", null, "包装破损", result: "已补发"));

        var visits = new (string At, VisitResult Result, UnsuccessfulReason? Reason, string? Next, string? Due)[]
        {
            ("2026-11-02T10:00:00+08:00", VisitResult.Successful, null, null, null),
            ("2026-11-16T15:00:00+08:00", VisitResult.NotYet, UnsuccessfulReason.Price, "Revise the quote", "2026-11-20"),
            ("2026-11-27T10:30:00+08:00", VisitResult.Successful, null, "Send the trial contract", "2026-12-04"),
        };
        foreach (var (at, result, reason, next, due) in visits)
            await archive.Visits.AddOnceAsync(new Visit
            {
                Id = "visit-" + at[..10], SubmissionId = "submission-" + at[..10], CustomerNumber = huadong.Number, CustomerName = huadong.Name,
                RepAadObjectId = Demo.LiNa.AadObjectId, CustomerType = CustomerCategory.Important, Purpose = VisitPurpose.Negotiation,
                Method = VisitMethod.OnSite, Time = DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture), TimeZoneId = Shanghai,
                ContactPerson = "王建国", Notes = "Talked prices", Result = result, Reason = reason, NextAction = next,
                NextActionDate = due is null ? null : DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture),
                CreatedAt = DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture),
            });

        await archive.Visits.SavePlanAsync(new VisitPlan
        {
            Id = "plan-li-na-w50", RepAadObjectId = Demo.LiNa.AadObjectId, Week = IsoWeek.Of(Monday), Status = VisitPlanStatus.Submitted,
            Items =
            [
                new("item-1", huadong.Number, CustomerCategory.Important, VisitPurpose.Negotiation, Monday, new TimeOnly(14, 0), "王建国",
                    "Bring the trial contract", huadong.Name, now.AddDays(-3)),
                new("item-2", nanjing.Number, CustomerCategory.New, VisitPurpose.Development, Monday, new TimeOnly(9, 30), null, null, nanjing.Name, now.AddDays(-3)),
                new("item-3", toms.Number, CustomerCategory.Regular, VisitPurpose.Relationship, Monday, null, null, null, toms.Name, now.AddDays(-3)),
                new("item-4", huadong.Number, CustomerCategory.Important, VisitPurpose.Collection, Monday.AddDays(1), null, null, null, huadong.Name, now.AddDays(-3)),
            ],
        });
        return new Seeded(huadong, nanjing, toms);
    }
}
