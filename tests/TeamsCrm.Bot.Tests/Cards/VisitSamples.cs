using System.Globalization;
using System.Text.Json.Nodes;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Visits;
using TeamsCrm.Bot.Features.Plans;
using TeamsCrm.Bot.Features.Visits;
using TeamsCrm.Bot.Forms;

namespace TeamsCrm.Bot.Tests.Cards;

/// <summary>Representative visits and plans for the card catalog, including months and plans far larger than real ones.</summary>
public static class VisitSamples
{
    public static readonly DateOnly Day = new(2026, 11, 18);
    public static readonly IsoWeek Week = IsoWeek.Of(Day);
    public static readonly YearMonth Month = YearMonth.Of(Day);
    static readonly DateTimeOffset Now = new(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);

    public static Visit Visit(int i = 0, VisitResult result = VisitResult.Successful, int textLength = 40) => new()
    {
        Id = $"v{i}", SubmissionId = $"s{i}", CustomerNumber = $"C-2026-{i % 50 + 1:D5}", CustomerName = $"Customer {i % 50 + 1} 华东精密",
        RepAadObjectId = i % 3 == 0 ? "li-na" : "tom", CustomerType = CustomerCategory.Important, Purpose = (VisitPurpose)(i % 7),
        Method = (VisitMethod)(i % 4), Time = new DateTimeOffset(2026, 11, 18 - i % 17, 2, 30, 0, TimeSpan.Zero), TimeZoneId = "Asia/Shanghai",
        ContactPerson = "王经理", ContactInfo = i % 2 == 0 ? "138 0013 8000" : null, Notes = new string('n', textLength),
        ProblemsAndMeasures = i % 2 == 0 ? "Late delivery → weekly call" : null,
        Collection = i % 4 == 3 ? new Collection(120_000m, 80_000.5m) : null, Result = result,
        Reason = result == VisitResult.NotYet ? (UnsuccessfulReason)(i % 6) : null, ReasonNote = result == VisitResult.NotYet ? "财务不在" : null,
        NextAction = "Send the quote", NextActionDate = new DateOnly(2026, 11, 25), CreatedAt = Now,
    };

    public static IReadOnlyList<Visit> ManyVisits(int count) =>
        [.. Enumerable.Range(0, count).Select(i => Visit(i, i % 3 == 1 ? VisitResult.NotYet : VisitResult.Successful, textLength: 400))];

    public static VisitPlan Plan(int items, VisitPlanStatus status = VisitPlanStatus.Submitted) => new()
    {
        Id = "p1", RepAadObjectId = "li-na", Week = Week, Status = status, Version = "2",
        ReviewComment = status == VisitPlanStatus.Rejected ? "Please add the Nanjing customers" : null,
        Items = [.. Enumerable.Range(0, items).Select(i => new VisitPlanItem($"{i}", $"C-2026-{i % 50 + 1:D5}", CustomerCategory.Regular,
            (VisitPurpose)(i % 7), Week.Monday.AddDays(i % 7), i % 2 == 0 ? new TimeOnly(9, 30) : null, "王经理", "带样品", $"Customer {i % 50 + 1}"))],
    };

    public static IReadOnlyList<PlanItemProgress> Progress(VisitPlan plan) =>
        PlanProgress.Of(plan, [Visit(0), Visit(1) with { Time = new DateTimeOffset(2026, 11, 19, 2, 0, 0, TimeSpan.Zero) }], Now,
            TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));

    public static VisitFormOptions Options(int contacts = 2) => new("3f2b8c1e-5d6a-4e7f-9a0b-1c2d3e4f5a6b",
        [.. Enumerable.Range(1, VisitCustomers.StaticChoices).Select(i => ($"Customer {i} 华东精密 · C-2026-{i:D5}", $"C-2026-{i:D5}"))],
        "Huadong Precision", [.. Enumerable.Range(1, contacts).Select(i => new Contact($"{i}", "C-2026-00001", $"Contact {i}", i == 1 ? "Buyer" : null, null, null, ContactRole.Primary))]);

    public static FormState Fresh() => VisitForm.Fresh(CustomerSamples.Huadong, new Dictionary<string, string?>
    {
        [VisitForm.ContactName] = "Wang", [VisitForm.Notes] = "pricing", [VisitForm.NextAction] = "send quote", [VisitForm.NextActionDate] = "2026-11-20",
    }, Now, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));

    /// <summary>A refused visit form: wrong in many ways at once, each message beside its field.</summary>
    public static FormState Refused(CultureInfo c)
    {
        var data = new JsonObject
        {
            [VisitForm.Customer] = "C-2026-00001", [VisitForm.CustomerType] = "Regular", [VisitForm.Purpose] = "Collection", [VisitForm.Method] = "Teleport",
            [VisitForm.Date] = "2026-11-18", [VisitForm.Time] = "25:99", [VisitForm.Notes] = "", [VisitForm.Received] = "-5",
            [VisitForm.Result] = "NotYet", [VisitForm.NextActionDate] = "2026-11-10",
        };
        var reader = new FormReader(data, c);
        VisitForm.Read(reader, CustomerSamples.Huadong, "li-na", "s", Now, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
        return new FormState(data, reader.Errors);
    }

    public static PlanForm.Frame Frame => new(Week, "2", "3f2b8c1e-5d6a-4e7f-9a0b-1c2d3e4f5a6b");

    /// <summary>A refused add row: the customer is not one's own and the purpose is missing.</summary>
    public static FormState RefusedAdd(CultureInfo c) => new(new JsonObject { ["customer"] = "C-2026-00009", ["day"] = "3", ["notes"] = "带样品" },
        new Dictionary<string, string> { ["customer"] = T.Get(c, "plans.notYourCustomer"), ["purpose"] = T.Get(c, "form.required") });
}
